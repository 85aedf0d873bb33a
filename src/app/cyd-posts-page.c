/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-posts-page.h"

#include <glib/gi18n.h>

#include "cyd-column-sorter.h"
#include "cyd-mapping-dialog.h"
#include "cyd-post-dialog.h"
#include "cyd-ui-closures.h"

struct _CydPostsPage
{
  CydListPage  parent_instance;

  /* Template widgets */
  GtkDropDown *directorate_dropdown;
  GtkDropDown *service_line_dropdown;
  GtkDropDown *status_dropdown;
};

G_DEFINE_FINAL_TYPE (CydPostsPage, cyd_posts_page, CYD_TYPE_LIST_PAGE)

/* The status drop-down's items after "All Posts". */
static const char * const statuses[] = { NULL, "vacant", "filled" };

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cyd_list_page_open (CYD_LIST_PAGE (widget), 0);
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CydListPage *page = CYD_LIST_PAGE (widget);
  CydStore *store = cyd_list_page_get_store (page);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *as_at = cyd_list_page_dup_as_at (page);
  gint64 id = cyd_list_page_get_selected_id (page);

  if (store == NULL || id == 0)
    return;
  if (!cyd_post_is_legacy (store, id))
    {
      cyd_list_page_show_toast (page, _("Only a legacy post is mapped into the merged structure."));
      return;
    }
  cyd_list_page_present (page, GTK_WINDOW (cyd_mapping_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                    store, id, as_at)));
}

static void
on_filter_changed (CydPostsPage *self)
{
  CydListBinding *binding = cyd_list_page_get_binding (CYD_LIST_PAGE (self));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (binding != NULL)
    cyd_list_binding_set_filter (binding, "status", status < G_N_ELEMENTS (statuses) ? statuses[status] : NULL);
}

static GtkWindow *
cyd_posts_page_create_dialog (CydListPage *page,
                              GtkWindow   *parent,
                              CydStore    *store,
                              gint64       id)
{
  g_autofree char *as_at = cyd_list_page_dup_as_at (page);

  return GTK_WINDOW (cyd_post_dialog_new (parent, store, id, as_at));
}

static void
cyd_posts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYD_TYPE_POSTS_PAGE);

  G_OBJECT_CLASS (cyd_posts_page_parent_class)->dispose (object);
}

static void
cyd_posts_page_class_init (CydPostsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydListPageClass *page_class = CYD_LIST_PAGE_CLASS (klass);

  object_class->dispose = cyd_posts_page_dispose;
  page_class->create_dialog = cyd_posts_page_create_dialog;

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-posts-page.ui");
  cyd_list_page_class_bind_list (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydPostsPage, directorate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPostsPage, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPostsPage, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "posts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "posts.map", NULL, map_action);
}

static void
cyd_posts_page_init (CydPostsPage *self)
{
  CydListBinding *binding;

  gtk_widget_init_template (GTK_WIDGET (self));

  binding = cyd_list_page_bind (CYD_LIST_PAGE (self), CYD_TYPE_POSTS_PAGE, CYD_KIND_POST, CYD_LIST_PAGE_DATED);
  cyd_list_binding_add_choice_filter (binding, self->directorate_dropdown, "directorate",
                                      CYD_CHOICE_DIRECTORATE, _("All Directorates"));
  cyd_list_binding_add_choice_filter (binding, self->service_line_dropdown, "service-line",
                                      CYD_CHOICE_SERVICE_LINE, _("All Service Lines"));
  on_filter_changed (self);
}
