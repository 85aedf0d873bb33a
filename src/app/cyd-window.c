/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-window.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-budgets-page.h"
#include "cyd-milestones-page.h"
#include "cyd-overview-page.h"
#include "cyd-page-slot.h"
#include "cyd-posts-page.h"
#include "cyd-savings-page.h"
#include "cyd-service-lines-page.h"
#include "cyd-staff-page.h"
#include "cyd-structure-page.h"
#include "cyd-report-dialog.h"
#include "cyd-history-window.h"
#include "cyd-menu-button.h"
#include "cyd-welsh-gaps-window.h"
#include "cyd-window-private.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydWindow, cyd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_title (CydWindow *self)
{
  g_autofree char *title = cyd_store_dup_title (self->store);
  g_autofree char *name = g_path_get_basename (cyd_store_get_path (self->store));

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (name);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_recent_menu (CydWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_section);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *label = escape_mnemonic (name);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_section, item);
    }

  /* An action no one provides: the item shows, greyed out. */
  if (uris[0] == NULL)
    g_menu_append (self->recent_section, _("No Recent Programmes"), "win.no-recent");
}

static void
restore_state (CydWindow *self)
{
  g_autofree char *page = g_settings_get_string (self->settings, "last-page");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

static void
save_state (CydWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  if (page != NULL)
    g_settings_set_string (self->settings, "last-page", page);

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
hand_store_to_pages (CydWindow *self)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    g_object_set (page, "store", self->store, NULL);
}

static gboolean
open_dropped_files (CydWindow *self,
                    GSList    *files)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean accepted = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (app != NULL && g_str_has_suffix (name, ".cyd"))
        {
          GFile *file = l->data;

          g_application_open (G_APPLICATION (app), &file, 1, "");
          accepted = TRUE;
        }
      else if (g_str_has_suffix (name, ".xml") && !accepted)
        {
          /* One import at a time: the first XML file wins. */
          cyd_window_import (self, l->data);
          accepted = TRUE;
        }
    }

  return accepted;
}

static void
on_store_changed (CydWindow *self)
{
  update_title (self);
}

static void
on_recent_files_changed (CydWindow *self)
{
  rebuild_recent_menu (self);
}

static void
on_back_clicked (CydWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Folded, the sidebar is a page of its own: a click on a row, even the
 * current one, goes on to the content. */
static void
on_sidebar_released (CydWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Pages are built when first shown. */
static void
ensure_visible_page (CydWindow *self)
{
  GtkWidget *slot = gtk_stack_get_visible_child (self->stack);

  if (CYD_IS_PAGE_SLOT (slot))
    cyd_page_slot_ensure_page (CYD_PAGE_SLOT (slot));
}

/* With the focus in the sidebar, the focus follows the page shown, as
 * Alt+1…8 shows it, so that it is on the selected row. GTK 4.8's list
 * view has no call to move its focus, but its rows are its children, in
 * the order of the pages. Folded, the window goes on to the page shown,
 * and the focus with it. */
static void
sidebar_follow_page (CydWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkWidget *row;
  guint n, position = 0;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar))
      || adw_leaflet_get_folded (self->leaflet))
    return;

  pages = gtk_stack_get_pages (self->stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  while (position < n && !gtk_selection_model_is_selected (pages, position))
    position++;
  row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
  for (guint i = 0; row != NULL && i < position; i++)
    row = gtk_widget_get_next_sibling (row);
  if (row != NULL && position < n && row != focus)
    gtk_widget_grab_focus (row);
}

static void
on_stack_visible_child_notify (CydWindow *self)
{
  /* before the template is done, the store is not there to hand over */
  if (self->store != NULL)
    ensure_visible_page (self);
  sidebar_follow_page (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CydWindow     *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  return open_dropped_files (self, g_value_get_boxed (value));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/* The words GTK's shortcuts window writes itself. Where GTK has no
 * translation of its own in the user's language, as it has none in
 * Welsh, the window takes Cyd's. */
#define SHORTCUTS_WINDOW "shortcuts window"

static const char * const shortcuts_window_words[] = {
  NC_("shortcuts window", "Shortcuts"),
  NC_("shortcuts window", "Search Shortcuts"),
  NC_("shortcuts window", "Search Results"),
  NC_("shortcuts window", "No Results Found"),
  NC_("shortcuts window", "Try a different search"),
  NC_("shortcuts window", "_Show All"),
};

static const char *
shortcuts_window_word (const char *shown)
{
  for (guint i = 0; shown != NULL && i < G_N_ELEMENTS (shortcuts_window_words); i++)
    if (g_str_equal (shown, shortcuts_window_words[i]))
      return g_dpgettext2 (GETTEXT_PACKAGE, SHORTCUTS_WINDOW, shortcuts_window_words[i]);
  return NULL;
}

/* GTK's own words are shown untranslated only where GTK has no
 * translation: each is still its English text. */
static void
translate_shortcuts_window (GtkWidget *widget)
{
  const char *word;

  if (GTK_IS_LABEL (widget) && (word = shortcuts_window_word (gtk_label_get_label (GTK_LABEL (widget)))) != NULL)
    gtk_label_set_label (GTK_LABEL (widget), word);
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if ((word = shortcuts_window_word (placeholder)) != NULL)
        g_object_set (widget, "placeholder-text", word, NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    translate_shortcuts_window (child);
}

/* Built when asked for, not with every window. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/cymru/cyd/Cyd/help-overlay.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  translate_shortcuts_window (GTK_WIDGET (shortcuts));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  gtk_widget_activate_action (page, "page.search", NULL);
}

static void
welsh_gaps_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cyd_welsh_gaps_window_new (GTK_WINDOW (self), self->store)));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cyd_history_window_new (GTK_WINDOW (self), self->store)));
}

static void
reports_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (cyd_report_dialog_new (GTK_WINDOW (self), self->store, self->as_at)));
}

static gboolean
cyd_window_close_request (GtkWindow *window)
{
  save_state (CYD_WINDOW (window));

  return GTK_WINDOW_CLASS (cyd_window_parent_class)->close_request (window);
}

static void
cyd_window_constructed (GObject *object)
{
  CydWindow *self = CYD_WINDOW (object);
  const char *backup;

  G_OBJECT_CLASS (cyd_window_parent_class)->constructed (object);

  g_assert (CYD_IS_STORE (self->store));

  hand_store_to_pages (self);
  cyd_window_setup_as_at (self);
  update_title (self);
  restore_state (self);
  ensure_visible_page (self);
  rebuild_recent_menu (self);

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (on_recent_files_changed),
                           self, G_CONNECT_SWAPPED);

  backup = cyd_store_get_upgrade_backup (self->store);
  if (backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (backup);
      g_autofree char *message = g_strdup_printf (_("Upgraded from an older version of Cyd; a backup copy was saved as %s"), name);

      cyd_window_show_toast (self, message);
    }
}

static void
cyd_window_dispose (GObject *object)
{
  CydWindow *self = CYD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->changed_id, self->store);

  /* The sidebar shows the stack's pages: let go of them before the stack
   * goes, or GTK 4.8's list view trips over the emptied model. */
  gtk_list_view_set_model (self->sidebar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->as_at, g_free);

  G_OBJECT_CLASS (cyd_window_parent_class)->dispose (object);
}

static void
cyd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CydWindow *self = CYD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CydWindow *self = CYD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_AS_AT:
      cyd_window_set_as_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_page_bindings (GtkWidgetClass *widget_class)
{
  static const char *const pages[] = {
    "overview", "structure", "staff", "posts",
    "budgets", "savings", "service-lines", "milestones",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", pages[i]);
}

static void
cyd_window_class_init (CydWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cyd_window_constructed;
  object_class->dispose = cyd_window_dispose;
  object_class->get_property = cyd_window_get_property;
  object_class->set_property = cyd_window_set_property;

  window_class->close_request = cyd_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The date every page answers for, YYYY-MM-DD; today by default. */
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYD_TYPE_PAGE_SLOT);
  g_type_ensure (CYD_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CYD_TYPE_STRUCTURE_PAGE);
  g_type_ensure (CYD_TYPE_STAFF_PAGE);
  g_type_ensure (CYD_TYPE_POSTS_PAGE);
  g_type_ensure (CYD_TYPE_BUDGETS_PAGE);
  g_type_ensure (CYD_TYPE_SAVINGS_PAGE);
  g_type_ensure (CYD_TYPE_SERVICE_LINES_PAGE);
  g_type_ensure (CYD_TYPE_MILESTONES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CydWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CydWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_released);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_notify);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.welsh-gaps", NULL, welsh_gaps_action);
  gtk_widget_class_install_action (widget_class, "win.reports", NULL, reports_action);
  gtk_widget_class_install_action (widget_class, "win.history", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reports", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  cyd_window_class_add_file_actions (widget_class);
  cyd_window_class_add_as_at (widget_class);

  add_page_bindings (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
cyd_window_init (CydWindow *self)
{
  GtkDropTarget *drop;

  self->settings = g_settings_new (APPLICATION_ID);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  cyd_menu_button_set_menu_when_opened (self->menu_button, self->primary_menu);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

CydWindow *
cyd_window_new (GtkApplication *application,
                CydStore       *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return g_object_new (CYD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

CydStore *
cyd_window_get_store (CydWindow *self)
{
  g_return_val_if_fail (CYD_IS_WINDOW (self), NULL);

  return self->store;
}

gboolean
cyd_window_shows_file (CydWindow *self,
                       GFile     *file)
{
  g_autoptr(GFile) own = NULL;

  g_return_val_if_fail (CYD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  own = g_file_new_for_path (cyd_store_get_path (self->store));

  return g_file_equal (own, file);
}

void
cyd_window_show_toast (CydWindow  *self,
                       const char *message)
{
  AdwToast *toast;

  g_return_if_fail (CYD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The name of the page shown, such as "overview": to show the same page in
 * a rebuilt window, through the win.show-page action. */
const char *
cyd_window_get_page (CydWindow *self)
{
  g_return_val_if_fail (CYD_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
