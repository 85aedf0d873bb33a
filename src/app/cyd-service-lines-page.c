/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-service-lines-page.h"

#include "cyd-column-sorter.h"
#include "cyd-ui-closures.h"

struct _CydServiceLinesPage
{
  CydListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (CydServiceLinesPage, cyd_service_lines_page, CYD_TYPE_LIST_PAGE)

static void
cyd_service_lines_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYD_TYPE_SERVICE_LINES_PAGE);

  G_OBJECT_CLASS (cyd_service_lines_page_parent_class)->dispose (object);
}

static void
cyd_service_lines_page_class_init (CydServiceLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_service_lines_page_dispose;

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-service-lines-page.ui");
  cyd_list_page_class_bind_list (widget_class);
  cyd_ui_closures_add_to_class (widget_class);
}

static void
cyd_service_lines_page_init (CydServiceLinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cyd_list_page_bind (CYD_LIST_PAGE (self), CYD_TYPE_SERVICE_LINES_PAGE, CYD_KIND_SERVICE_LINE, CYD_LIST_PAGE_NONE);
}
