/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-list-binding.h"

#include <glib/gi18n.h>

#include "cyd-column-sorter.h"

/* What every list page does: a CydListModel of one kind in a column view,
 * searched from a search entry and sorted from the column headers, both in
 * SQL; a count; and an empty state. The page's stack has the children
 * "list", "empty" (nothing imported yet) and "no-results". */

struct _CydListBinding
{
  GObject         parent_instance;

  CydKind         kind;
  CydStore       *store;
  CydListModel   *model;

  GtkSearchEntry *search_entry;
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkLabel       *count_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydListBinding, cyd_list_binding, G_TYPE_OBJECT)

static char *
format_count (CydKind kind,
              guint   n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);

  switch (kind)
    {
    case CYD_KIND_COUNCIL:
      return g_strdup_printf (ngettext ("%s council", "%s councils", n), number);
    case CYD_KIND_DIRECTORATE:
      return g_strdup_printf (ngettext ("%s directorate", "%s directorates", n), number);
    case CYD_KIND_SERVICE_LINE:
      return g_strdup_printf (ngettext ("%s service line", "%s service lines", n), number);
    case CYD_KIND_POST:
      return g_strdup_printf (ngettext ("%s post", "%s posts", n), number);
    case CYD_KIND_STAFF:
      return g_strdup_printf (ngettext ("%s member of staff", "%s staff", n), number);
    case CYD_KIND_BUDGET:
      return g_strdup_printf (ngettext ("%s budget line", "%s budget lines", n), number);
    case CYD_KIND_SAVING:
      return g_strdup_printf (ngettext ("%s saving", "%s savings", n), number);
    case CYD_KIND_MILESTONE:
      return g_strdup_printf (ngettext ("%s milestone", "%s milestones", n), number);
    case CYD_KIND_IMPORT_RUN:
    default:
      return g_strdup_printf (ngettext ("%s import", "%s imports", n), number);
    }
}

static void
update_state (CydListBinding *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = format_count (self->kind, n);

  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (search != NULL && *search != '\0')
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
apply_sort (CydListBinding *self)
{
  GtkSorter *view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_autofree char *key = NULL;
  gboolean descending = FALSE;

  if (self->model == NULL || view_sorter == NULL)
    return;

  key = cyd_column_sorter_probe (view_sorter, &descending);
  if (key == NULL || !cyd_list_model_has_sort_key (self->model, key))
    cyd_list_model_set_sort (self->model, NULL, FALSE);
  else
    cyd_list_model_set_sort (self->model, key, descending);
}

static void
on_model_items_changed (CydListBinding *self)
{
  update_state (self);
}

static void
on_search_changed (CydListBinding *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model != NULL)
    cyd_list_model_set_search (self->model, text);
  update_state (self);
}

static void
on_stop_search (CydListBinding *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_view_sorter_changed (CydListBinding *self)
{
  apply_sort (self);
}

static void
cyd_list_binding_dispose (GObject *object)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->search_entry);
  g_clear_object (&self->column_view);
  g_clear_object (&self->stack);
  g_clear_object (&self->count_label);

  G_OBJECT_CLASS (cyd_list_binding_parent_class)->dispose (object);
}

static void
cyd_list_binding_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_binding_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_list_binding_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_binding_class_init (CydListBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cyd_list_binding_dispose;
  object_class->get_property = cyd_list_binding_get_property;
  object_class->set_property = cyd_list_binding_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         CYD_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cyd_list_binding_init (CydListBinding *self)
{
}

CydListBinding *
cyd_list_binding_new (CydKind         kind,
                      GtkSearchEntry *search_entry,
                      GtkColumnView  *column_view,
                      GtkStack       *stack,
                      GtkLabel       *count_label)
{
  CydListBinding *self;

  g_return_val_if_fail (GTK_IS_SEARCH_ENTRY (search_entry), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (count_label), NULL);

  self = g_object_new (CYD_TYPE_LIST_BINDING, NULL);
  self->kind = kind;
  self->search_entry = g_object_ref (search_entry);
  self->column_view = g_object_ref (column_view);
  self->stack = g_object_ref (stack);
  self->count_label = g_object_ref (count_label);

  g_signal_connect_object (search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, G_CONNECT_SWAPPED);

  update_state (self);

  return self;
}

CydStore *
cyd_list_binding_get_store (CydListBinding *self)
{
  g_return_val_if_fail (CYD_IS_LIST_BINDING (self), NULL);

  return self->store;
}

void
cyd_list_binding_set_store (CydListBinding *self,
                            CydStore       *store)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (CYD_IS_LIST_BINDING (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  if (store != NULL)
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      self->model = cyd_list_model_new (store, self->kind);
      cyd_list_model_set_search (self->model, search);
      apply_sort (self);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (on_model_items_changed), self, G_CONNECT_SWAPPED);

      /* Straight over the model: sorting and filtering happen in SQL. */
      selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
      gtk_single_selection_set_autoselect (selection, FALSE);
      gtk_single_selection_set_can_unselect (selection, TRUE);
    }

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

CydListModel *
cyd_list_binding_get_model (CydListBinding *self)
{
  g_return_val_if_fail (CYD_IS_LIST_BINDING (self), NULL);

  return self->model;
}

void
cyd_list_binding_focus_search (CydListBinding *self)
{
  g_return_if_fail (CYD_IS_LIST_BINDING (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
