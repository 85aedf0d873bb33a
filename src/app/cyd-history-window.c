/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-history-window.h"

#include <glib/gi18n.h>

struct _CydHistoryWindow
{
  AdwWindow       parent_instance;

  CydAuditModel  *model;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkColumnView  *column_view;
};

G_DEFINE_FINAL_TYPE (CydHistoryWindow, cyd_history_window, ADW_TYPE_WINDOW)

static void
show_count (CydHistoryWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u change", "%u changes", n), n);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
on_model_items_changed (CydHistoryWindow *self)
{
  show_count (self);
}

static void
cyd_history_window_dispose (GObject *object)
{
  CydHistoryWindow *self = CYD_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_HISTORY_WINDOW);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (cyd_history_window_parent_class)->dispose (object);
}

static void
cyd_history_window_class_init (CydHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_history_window_dispose;

  g_type_ensure (CYD_TYPE_AUDIT_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CydHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CydHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CydHistoryWindow, column_view);
}

static void
cyd_history_window_init (CydHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CydHistoryWindow *
cyd_history_window_new (GtkWindow *parent,
                        CydStore  *store)
{
  CydHistoryWindow *self;
  GtkNoSelection *selection;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->model = cyd_audit_model_new (store);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_model_items_changed), self,
                           G_CONNECT_SWAPPED);
  show_count (self);
  return self;
}

/* Returns: (transfer none): the audit entries the window lists */
GListModel *
cyd_history_window_get_model (CydHistoryWindow *self)
{
  g_return_val_if_fail (CYD_IS_HISTORY_WINDOW (self), NULL);

  return G_LIST_MODEL (self->model);
}
