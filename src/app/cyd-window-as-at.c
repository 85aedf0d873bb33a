/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "cyd.h"
#include "cyd-window-private.h"

/* The "as at" date in the header, and undo and redo: window-wide state
 * every page follows. */

static gboolean
parse_month_name (const char *name,
                  int        *out_month)
{
  static const char *const english[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      g_autofree char *full = g_date_time_format (dt, "%B");
      g_autofree char *abbr = g_date_time_format (dt, "%b");
      g_autofree char *full_folded = g_utf8_casefold (full, -1);
      g_autofree char *abbr_folded = g_utf8_casefold (abbr, -1);

      /* The interface language's names, and English's in any language. */
      if (g_str_equal (folded, full_folded) || g_str_equal (folded, abbr_folded)
          || g_str_equal (folded, english[m - 1])
          || (strlen (folded) == 3 && g_str_has_prefix (english[m - 1], folded)))
        {
          *out_month = m;
          return TRUE;
        }
    }
  return FALSE;
}

/* "2014-04-01", the displayed "1 April 2014" (in the interface language)
 * or "1/4/2014": the ISO date, or %NULL. */
char *
cyd_window_parse_as_at (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;
  int day, month = 0, year;
  char *iso;

  if (cyd_date_is_valid_iso (stripped))
    return g_steal_pointer (&stripped);

  parts = g_regex_split_simple ("[\\s/.]+", stripped, 0, 0);
  if (g_strv_length (parts) != 3)
    return NULL;
  day = atoi (parts[0]);
  year = atoi (parts[2]);
  if (!parse_month_name (parts[1], &month))
    month = g_ascii_isdigit (parts[1][0]) ? atoi (parts[1]) : 0;

  iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  if (!cyd_date_is_valid_iso (iso))
    g_clear_pointer (&iso, g_free);
  return iso;
}

static void
show_as_at (CydWindow *self)
{
  g_autofree char *display = cyd_date_format (self->as_at);
  g_auto(GStrv) ymd = g_strsplit (self->as_at, "-", 3);
  g_autoptr(GDateTime) dt = g_date_time_new_local (atoi (ymd[0]), atoi (ymd[1]), atoi (ymd[2]), 12, 0, 0);

  gtk_menu_button_set_label (self->as_at_button, display);
  /* The popover is built the first time it opens. */
  if (self->as_at_entry == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->as_at_entry), display);
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_at_entry), "error");
  if (dt != NULL)
    gtk_calendar_select_day (self->calendar, dt);
}

static void
on_as_at_entry_activate (CydWindow *self)
{
  g_autofree char *iso = cyd_window_parse_as_at (gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry)));

  if (iso == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->as_at_entry), "error");
      return;
    }
  cyd_window_set_as_at (self, iso);
  gtk_menu_button_popdown (self->as_at_button);
}

static void
on_as_at_entry_changed (CydWindow *self)
{
  g_autofree char *iso = cyd_window_parse_as_at (gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry)));

  if (iso != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->as_at_entry), "error");
}

static void
on_calendar_day_selected (CydWindow *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  cyd_window_set_as_at (self, iso);
}

static void
on_today_clicked (CydWindow *self)
{
  g_autofree char *today = cyd_date_today_iso ();

  cyd_window_set_as_at (self, today);
  gtk_menu_button_popdown (self->as_at_button);
}

/* The popover, with its calendar, is built when first opened: a calendar
 * is many widgets, and the first frame does not show it. */
static void
create_as_at_popover (GtkMenuButton *button,
                      gpointer       data)
{
  CydWindow *self = data;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;

  if (self->as_at_entry != NULL)
    return;

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "on_as_at_entry_activate", G_CALLBACK (on_as_at_entry_activate),
                                           "on_as_at_entry_changed", G_CALLBACK (on_as_at_entry_changed),
                                           "on_calendar_day_selected", G_CALLBACK (on_calendar_day_selected),
                                           "on_today_clicked", G_CALLBACK (on_today_clicked),
                                           NULL);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_add_from_resource (builder, "/cymru/cyd/Cyd/cyd-as-at-popover.ui", NULL);

  self->as_at_entry = GTK_ENTRY (gtk_builder_get_object (builder, "as_at_entry"));
  self->calendar = GTK_CALENDAR (gtk_builder_get_object (builder, "calendar"));
  gtk_menu_button_set_popover (button, GTK_WIDGET (gtk_builder_get_object (builder, "popover")));
  show_as_at (self);
}

static void
choose_date_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);

  gtk_menu_button_popup (self->as_at_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->as_at_entry));
}

static void
update_undo_actions (CydWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cyd_store_get_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cyd_store_get_can_redo (self->store));
}

static void
step_history (CydWindow *self,
              gboolean   undo)
{
  g_autofree char *label = g_strdup (undo ? cyd_store_get_undo_label (self->store)
                                          : cyd_store_get_redo_label (self->store));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok = undo ? cyd_store_undo (self->store, &error) : cyd_store_redo (self->store, &error);
  AdwToast *toast;

  if (!ok)
    {
      cyd_window_show_toast (self, error->message);
      return;
    }
  /* Translators: %s names an edit, e.g. "Change post SW-001". */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), label != NULL ? label : "");
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Redo"));
      adw_toast_set_action_name (toast, "win.redo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (CYD_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (CYD_WINDOW (widget), FALSE);
}

void
cyd_window_class_add_as_at (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CydWindow, as_at_button);

  gtk_widget_class_install_action (widget_class, "win.choose-date", NULL, choose_date_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.choose-date", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

/* After the store is set: pages that have an "as-at" property follow the
 * window's; undo and redo follow the store. */
void
cyd_window_setup_as_at (CydWindow *self)
{
  if (self->as_at == NULL)
    self->as_at = cyd_date_today_iso ();
  gtk_menu_button_set_create_popup_func (self->as_at_button, create_as_at_popover, self, NULL);
  show_as_at (self);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "as-at") != NULL)
      g_object_bind_property (self, "as-at", page, "as-at", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->store, "notify::can-undo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::can-redo", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
}

const char *
cyd_window_get_as_at (CydWindow *self)
{
  g_return_val_if_fail (CYD_IS_WINDOW (self), NULL);

  return self->as_at;
}

void
cyd_window_set_as_at (CydWindow  *self,
                      const char *as_at)
{
  g_return_if_fail (CYD_IS_WINDOW (self));
  g_return_if_fail (as_at == NULL || cyd_date_is_valid_iso (as_at));

  if (as_at == NULL || g_strcmp0 (as_at, self->as_at) == 0)
    return;

  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  if (self->as_at_button != NULL)
    show_as_at (self);
  g_object_notify (G_OBJECT (self), "as-at");
}
