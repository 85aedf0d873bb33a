/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-staff-page.h"

#include <glib/gi18n.h>

#include "cyd-column-sorter.h"
#include "cyd-edit-form.h"
#include "cyd-list-binding.h"
#include "cyd-person-dialog.h"
#include "cyd-ui-closures.h"
#include "cyd-window.h"

struct _CydStaffPage
{
  AdwBin          parent_instance;

  CydListBinding *binding;
  char           *as_at;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkLabel       *count_label;
  GtkDropDown    *directorate_dropdown;
  GtkDropDown    *service_line_dropdown;
  GtkDropDown    *employer_dropdown;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydStaffPage, cyd_staff_page, ADW_TYPE_BIN)

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cyd_list_binding_focus_search (CYD_STAFF_PAGE (widget)->binding);
}

static gint64
selected_id (CydStaffPage *self)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  gpointer record;

  if (!GTK_IS_SINGLE_SELECTION (selection))
    return 0;
  record = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  return record != NULL ? cyd_record_get_id (record) : 0;
}

static void
on_dialog_saved (CydStaffPage *self,
                 const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (CYD_IS_WINDOW (root))
    cyd_window_show_toast (CYD_WINDOW (root), message);
}

static void
open_dialog (CydStaffPage *self,
             gint64        id)
{
  CydStore *store = cyd_staff_page_get_store (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *as_at = self->as_at != NULL ? g_strdup (self->as_at) : cyd_date_today_iso ();
  CydPersonDialog *dialog;

  if (store == NULL)
    return;
  dialog = cyd_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, id, as_at);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (CYD_STAFF_PAGE (widget), 0);
}

static void
on_column_view_activate (CydStaffPage *self,
                         guint         position)
{
  gint64 id = selected_id (self);

  if (id != 0)
    open_dialog (self, id);
}

static void
apply_as_at (CydStaffPage *self)
{
  if (self->as_at != NULL)
    cyd_list_binding_set_as_at (self->binding, self->as_at);
}

static void
cyd_staff_page_finalize (GObject *object)
{
  g_free (CYD_STAFF_PAGE (object)->as_at);

  G_OBJECT_CLASS (cyd_staff_page_parent_class)->finalize (object);
}

static void
cyd_staff_page_dispose (GObject *object)
{
  CydStaffPage *self = CYD_STAFF_PAGE (object);

  g_clear_object (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_STAFF_PAGE);

  G_OBJECT_CLASS (cyd_staff_page_parent_class)->dispose (object);
}

static void
cyd_staff_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CydStaffPage *self = CYD_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, cyd_staff_page_get_store (self));
      break;

    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_staff_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CydStaffPage *self = CYD_STAFF_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_staff_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_AS_AT:
      cyd_staff_page_set_as_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_staff_page_class_init (CydStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_staff_page_dispose;
  object_class->finalize = cyd_staff_page_finalize;
  object_class->get_property = cyd_staff_page_get_property;
  object_class->set_property = cyd_staff_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-staff-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, directorate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, employer_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
}

static void
cyd_staff_page_init (CydStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->binding = cyd_list_binding_new (CYD_KIND_STAFF,
                                        self->search_entry,
                                        self->column_view,
                                        self->stack,
                                        self->count_label);
  /* Widths in characters: codes and figures whole, names and titles
   * wide enough for most, dates for the longest month in either language. */
  cyd_list_binding_set_text_cell (self->binding, "employee", CYD_CELL_WHOLE, 10);
  cyd_list_binding_set_text_cell (self->binding, "family-name", CYD_CELL_ELLIPSIZED, 12);
  cyd_list_binding_set_text_cell (self->binding, "given-name", CYD_CELL_ELLIPSIZED, 10);
  cyd_list_binding_set_text_cell (self->binding, "employer", CYD_CELL_ELLIPSIZED, 24);
  cyd_list_binding_set_text_cell (self->binding, "post", CYD_CELL_ELLIPSIZED, 22);
  cyd_list_binding_set_text_cell (self->binding, "grade", CYD_CELL_ELLIPSIZED, 8);
  cyd_list_binding_set_text_cell (self->binding, "fte", CYD_CELL_NUMERIC, 5);
  cyd_list_binding_set_text_cell (self->binding, "salary", CYD_CELL_NUMERIC, 11);
  cyd_list_binding_set_text_cell (self->binding, "start", CYD_CELL_WHOLE, 17);
  cyd_list_binding_set_text_cell (self->binding, "left", CYD_CELL_WHOLE, 17);
  cyd_list_binding_set_text_cell (self->binding, "language", CYD_CELL_ELLIPSIZED, 10);
  cyd_list_binding_add_choice_filter (self->binding, self->directorate_dropdown, "directorate",
                                      CYD_CHOICE_DIRECTORATE, _("All Directorates"));
  cyd_list_binding_add_choice_filter (self->binding, self->service_line_dropdown, "service-line",
                                      CYD_CHOICE_SERVICE_LINE, _("All Service Lines"));
  cyd_list_binding_add_choice_filter (self->binding, self->employer_dropdown, "employer",
                                      CYD_CHOICE_COUNCIL, _("All Employers"));
}

CydStore *
cyd_staff_page_get_store (CydStaffPage *self)
{
  g_return_val_if_fail (CYD_IS_STAFF_PAGE (self), NULL);

  return cyd_list_binding_get_store (self->binding);
}

void
cyd_staff_page_set_store (CydStaffPage *self,
                          CydStore     *store)
{
  g_return_if_fail (CYD_IS_STAFF_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (store == cyd_list_binding_get_store (self->binding))
    return;

  cyd_list_binding_set_store (self->binding, store);
  apply_as_at (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
cyd_staff_page_set_as_at (CydStaffPage *self,
                          const char   *as_at)
{
  g_return_if_fail (CYD_IS_STAFF_PAGE (self));

  if (as_at == NULL || g_strcmp0 (as_at, self->as_at) == 0)
    return;

  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  apply_as_at (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_AT]);
}
