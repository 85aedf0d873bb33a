/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-staff-page.h"

#include <glib/gi18n.h>

#include "cyd-column-sorter.h"
#include "cyd-person-dialog.h"
#include "cyd-ui-closures.h"

struct _CydStaffPage
{
  CydListPage  parent_instance;

  /* Template widgets */
  GtkDropDown *directorate_dropdown;
  GtkDropDown *service_line_dropdown;
  GtkDropDown *employer_dropdown;
};

G_DEFINE_FINAL_TYPE (CydStaffPage, cyd_staff_page, CYD_TYPE_LIST_PAGE)

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cyd_list_page_open (CYD_LIST_PAGE (widget), 0);
}

static GtkWindow *
cyd_staff_page_create_dialog (CydListPage *page,
                              GtkWindow   *parent,
                              CydStore    *store,
                              gint64       id)
{
  g_autofree char *as_at = cyd_list_page_dup_as_at (page);

  return GTK_WINDOW (cyd_person_dialog_new (parent, store, id, as_at));
}

static void
cyd_staff_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYD_TYPE_STAFF_PAGE);

  G_OBJECT_CLASS (cyd_staff_page_parent_class)->dispose (object);
}

static void
cyd_staff_page_class_init (CydStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydListPageClass *page_class = CYD_LIST_PAGE_CLASS (klass);

  object_class->dispose = cyd_staff_page_dispose;
  page_class->create_dialog = cyd_staff_page_create_dialog;

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-staff-page.ui");
  cyd_list_page_class_bind_list (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, directorate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydStaffPage, employer_dropdown);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "staff.add", NULL, add_action);
}

static void
cyd_staff_page_init (CydStaffPage *self)
{
  CydListBinding *binding;

  gtk_widget_init_template (GTK_WIDGET (self));

  binding = cyd_list_page_bind (CYD_LIST_PAGE (self), CYD_TYPE_STAFF_PAGE, CYD_KIND_STAFF, CYD_LIST_PAGE_DATED);
  /* Widths in characters: codes and figures whole, names and titles
   * wide enough for most, dates for the longest month in either language. */
  cyd_list_binding_set_text_cell (binding, "employee", CYD_CELL_WHOLE, 10);
  cyd_list_binding_set_text_cell (binding, "family-name", CYD_CELL_ELLIPSIZED, 12);
  cyd_list_binding_set_text_cell (binding, "given-name", CYD_CELL_ELLIPSIZED, 10);
  cyd_list_binding_set_text_cell (binding, "employer", CYD_CELL_ELLIPSIZED, 24);
  cyd_list_binding_set_text_cell (binding, "post", CYD_CELL_ELLIPSIZED, 22);
  cyd_list_binding_set_text_cell (binding, "grade", CYD_CELL_ELLIPSIZED, 8);
  cyd_list_binding_set_text_cell (binding, "fte", CYD_CELL_NUMERIC, 5);
  cyd_list_binding_set_text_cell (binding, "salary", CYD_CELL_NUMERIC, 11);
  cyd_list_binding_set_text_cell (binding, "start", CYD_CELL_WHOLE, 17);
  cyd_list_binding_set_text_cell (binding, "left", CYD_CELL_WHOLE, 17);
  cyd_list_binding_set_text_cell (binding, "language", CYD_CELL_ELLIPSIZED, 10);
  cyd_list_binding_add_choice_filter (binding, self->directorate_dropdown, "directorate",
                                      CYD_CHOICE_DIRECTORATE, _("All Directorates"));
  cyd_list_binding_add_choice_filter (binding, self->service_line_dropdown, "service-line",
                                      CYD_CHOICE_SERVICE_LINE, _("All Service Lines"));
  cyd_list_binding_add_choice_filter (binding, self->employer_dropdown, "employer",
                                      CYD_CHOICE_COUNCIL, _("All Employers"));
}
