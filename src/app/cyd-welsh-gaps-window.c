/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-welsh-gaps-window.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-ui-closures.h"

struct _CydWelshGapsWindow
{
  AdwWindow      parent_instance;

  CydStore      *store;
  CydWelshGaps  *gaps;

  /* Template widgets */
  GtkDropDown   *filter_dropdown;
  GtkLabel      *count_label;
  GtkStack      *stack;
  GtkColumnView *column_view;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydWelshGapsWindow, cyd_welsh_gaps_window, ADW_TYPE_WINDOW)

/* The filter's items, in the order of the drop-down in the .ui. */
static const char *const filter_languages[] = { NULL, "cy", "en" };

static void
update_count (CydWelshGapsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->gaps));
  g_autofree char *text = NULL;

  /* Translators: the number of records listed in the Welsh Gaps window */
  text = g_strdup_printf (ngettext ("%'u record", "%'u records", n), n);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_gaps_items_changed (CydWelshGapsWindow *self)
{
  update_count (self);
}

static void
on_filter_dropdown_selected_notify (CydWelshGapsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  if (self->gaps == NULL || selected >= G_N_ELEMENTS (filter_languages))
    return;
  cyd_welsh_gaps_set_missing (self->gaps, filter_languages[selected]);
}

static void
cyd_welsh_gaps_window_constructed (GObject *object)
{
  CydWelshGapsWindow *self = CYD_WELSH_GAPS_WINDOW (object);
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (cyd_welsh_gaps_window_parent_class)->constructed (object);

  g_assert (CYD_IS_STORE (self->store));

  self->gaps = cyd_welsh_gaps_new (self->store);
  g_signal_connect_object (self->gaps, "items-changed",
                           G_CALLBACK (on_gaps_items_changed),
                           self, G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->gaps)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  update_count (self);
}

static void
cyd_welsh_gaps_window_dispose (GObject *object)
{
  CydWelshGapsWindow *self = CYD_WELSH_GAPS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_WELSH_GAPS_WINDOW);
  g_clear_object (&self->gaps);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cyd_welsh_gaps_window_parent_class)->dispose (object);
}

static void
cyd_welsh_gaps_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CydWelshGapsWindow *self = CYD_WELSH_GAPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_welsh_gaps_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CydWelshGapsWindow *self = CYD_WELSH_GAPS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_welsh_gaps_window_class_init (CydWelshGapsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cyd_welsh_gaps_window_constructed;
  object_class->dispose = cyd_welsh_gaps_window_dispose;
  object_class->get_property = cyd_welsh_gaps_window_get_property;
  object_class->set_property = cyd_welsh_gaps_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-welsh-gaps-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CydWelshGapsWindow, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydWelshGapsWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, CydWelshGapsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CydWelshGapsWindow, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_notify);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cyd_welsh_gaps_window_init (CydWelshGapsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CydWelshGapsWindow *
cyd_welsh_gaps_window_new (GtkWindow *parent,
                           CydStore  *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return g_object_new (CYD_TYPE_WELSH_GAPS_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

CydStore *
cyd_welsh_gaps_window_get_store (CydWelshGapsWindow *self)
{
  g_return_val_if_fail (CYD_IS_WELSH_GAPS_WINDOW (self), NULL);

  return self->store;
}

GListModel *
cyd_welsh_gaps_window_get_model (CydWelshGapsWindow *self)
{
  g_return_val_if_fail (CYD_IS_WELSH_GAPS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->gaps);
}
