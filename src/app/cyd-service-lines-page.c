/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-service-lines-page.h"

#include "cyd-column-sorter.h"
#include "cyd-list-binding.h"
#include "cyd-ui-closures.h"

struct _CydServiceLinesPage
{
  AdwBin          parent_instance;

  CydListBinding *binding;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkLabel       *count_label;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydServiceLinesPage, cyd_service_lines_page, ADW_TYPE_BIN)

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cyd_list_binding_focus_search (CYD_SERVICE_LINES_PAGE (widget)->binding);
}

static void
cyd_service_lines_page_dispose (GObject *object)
{
  CydServiceLinesPage *self = CYD_SERVICE_LINES_PAGE (object);

  g_clear_object (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_SERVICE_LINES_PAGE);

  G_OBJECT_CLASS (cyd_service_lines_page_parent_class)->dispose (object);
}

static void
cyd_service_lines_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CydServiceLinesPage *self = CYD_SERVICE_LINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, cyd_service_lines_page_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_service_lines_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CydServiceLinesPage *self = CYD_SERVICE_LINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_service_lines_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_service_lines_page_class_init (CydServiceLinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_service_lines_page_dispose;
  object_class->get_property = cyd_service_lines_page_get_property;
  object_class->set_property = cyd_service_lines_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-service-lines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CydServiceLinesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CydServiceLinesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CydServiceLinesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CydServiceLinesPage, count_label);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
}

static void
cyd_service_lines_page_init (CydServiceLinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->binding = cyd_list_binding_new (CYD_KIND_SERVICE_LINE,
                                        self->search_entry,
                                        self->column_view,
                                        self->stack,
                                        self->count_label);
}

CydStore *
cyd_service_lines_page_get_store (CydServiceLinesPage *self)
{
  g_return_val_if_fail (CYD_IS_SERVICE_LINES_PAGE (self), NULL);

  return cyd_list_binding_get_store (self->binding);
}

void
cyd_service_lines_page_set_store (CydServiceLinesPage *self,
                                  CydStore            *store)
{
  g_return_if_fail (CYD_IS_SERVICE_LINES_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (store == cyd_list_binding_get_store (self->binding))
    return;

  cyd_list_binding_set_store (self->binding, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
