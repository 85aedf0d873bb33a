/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-language.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cyd-preferences-window.h"
#include "cyd-welsh-gaps-window.h"
#include "cyd-window.h"

/* gettext caches translations per LC_MESSAGES locale: bumping the counter
 * makes it look again after LANGUAGE changes (GNU gettext documents this). */
extern int _nl_msg_cat_cntr;

/* The categories that follow the interface language. Money is formatted by
 * Cyd itself, the same in en_GB and cy_GB. */
static const int categories[] = { LC_MESSAGES, LC_TIME, LC_NUMERIC };

static char *system_language;
static gboolean initialised;

static gboolean
set_categories (const char *const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (setlocale (LC_MESSAGES, names[i]) == NULL)
        continue;
      for (guint c = 1; c < G_N_ELEMENTS (categories); c++)
        setlocale (categories[c], names[i]);
      return i == 0;
    }

  return FALSE;
}

static void
restore_system (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    setlocale (categories[c], "");

  if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/**
 * cyd_language_init:
 *
 * Remembers the desktop's language so that "Follow the system" can return to
 * it. Call once from main(), after setlocale (LC_ALL, "") and before any
 * string is translated.
 */
void
cyd_language_init (void)
{
  g_autofree char *messages = NULL;

  if (initialised)
    return;
  initialised = TRUE;
  system_language = g_strdup (g_getenv ("LANGUAGE"));

  /* GLib decides once, at its first translation, whether to translate at
   * all, and says no for a desktop language we have no catalogue for; decide
   * it under the C locale, where the answer is yes, so that a later switch to
   * Cymraeg is honoured. */
  messages = g_strdup (setlocale (LC_MESSAGES, NULL));
  setlocale (LC_MESSAGES, "C");
  g_dgettext (GETTEXT_PACKAGE, "");
  setlocale (LC_MESSAGES, messages);
}

/**
 * cyd_language_apply:
 * @setting: "system", "en" or "cy"
 *
 * Makes gettext and the date and number formats follow @setting from now on.
 * Windows already built keep the strings they were built with: GtkBuilder
 * translates when a template loads, so the caller rebuilds them.
 *
 * gettext ignores LANGUAGE under the plain C locale, so a language is applied
 * with its own locale (cy_GB.UTF-8, en_GB.UTF-8), or C.UTF-8 when that is not
 * installed.
 *
 * Returns: %FALSE if the language's own locale is not installed, so that
 *   dates and numbers fall back to C.UTF-8's (English) forms.
 */
gboolean
cyd_language_apply (const char *setting)
{
  static const char *const welsh[] = { "cy_GB.UTF-8", "cy_GB.utf8", "C.UTF-8", NULL };
  static const char *const english[] = { "en_GB.UTF-8", "en_GB.utf8", "C.UTF-8", NULL };
  gboolean found = TRUE;

  g_return_val_if_fail (setting != NULL, FALSE);

  cyd_language_init ();

  if (g_str_equal (setting, "cy"))
    {
      g_setenv ("LANGUAGE", "cy", TRUE);
      found = set_categories (welsh);
    }
  else if (g_str_equal (setting, "en"))
    {
      g_setenv ("LANGUAGE", "en_GB:en", TRUE);
      found = set_categories (english);
    }
  else
    {
      restore_system ();
    }

  ++_nl_msg_cat_cntr;
  return found;
}

static GtkWindow *
rebuild_main_window (CydWindow *old)
{
  GtkWindow *window = GTK_WINDOW (cyd_window_new (gtk_window_get_application (GTK_WINDOW (old)),
                                                  cyd_window_get_store (old)));
  const char *page = cyd_window_get_page (old);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (old), &width, &height);
  gtk_window_set_default_size (window, width, height);
  if (gtk_window_is_maximized (GTK_WINDOW (old)))
    gtk_window_maximize (window);
  else
    gtk_window_unmaximize (window);

  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
  cyd_window_set_as_at (CYD_WINDOW (window), cyd_window_get_as_at (old));

  return window;
}

/* The same kind of window over the same data, for @old; %NULL for a window
 * that is not Cyd's own (a dialog), which is left as it is. */
static GtkWindow *
rebuild_window (GtkWindow  *old,
                GHashTable *new_for_old)
{
  GtkWindow *parent = gtk_window_get_transient_for (old);
  GtkWindow *new_parent = parent != NULL ? g_hash_table_lookup (new_for_old, parent) : NULL;
  GtkWindow *window = NULL;

  if (CYD_IS_WINDOW (old))
    window = rebuild_main_window (CYD_WINDOW (old));
  else if (CYD_IS_WELSH_GAPS_WINDOW (old))
    window = GTK_WINDOW (cyd_welsh_gaps_window_new (new_parent != NULL ? new_parent : parent,
                                                    cyd_welsh_gaps_window_get_store (CYD_WELSH_GAPS_WINDOW (old))));
  else if (CYD_IS_PREFERENCES_WINDOW (old))
    window = GTK_WINDOW (cyd_preferences_window_new (new_parent != NULL ? new_parent : parent));

  if (window != NULL && gtk_window_get_application (window) == NULL
      && gtk_window_get_application (old) != NULL)
    gtk_window_set_application (window, gtk_window_get_application (old));

  return window;
}

/**
 * cyd_language_rebuild_windows:
 * @windows: (element-type GtkWindow): the windows, most recently used first,
 *   as gtk_application_get_windows() lists them
 *
 * Replaces each of Cyd's windows by a new one in the language now applied:
 * the main windows on the same programme (the same open #CydStore, so undo
 * history and any running work are kept), page, size and "as at" date; the
 * Welsh Gaps and Preferences windows over the same data. The new windows
 * are presented in the old order, the most recently used on top, then the
 * old ones are destroyed. Other windows (dialogs) are left as they are.
 *
 * Returns: (transfer container) (element-type GtkWindow): the new windows,
 *   in the order of @windows
 */
GList *
cyd_language_rebuild_windows (GList *windows)
{
  g_autoptr(GHashTable) new_for_old = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) old_windows = g_ptr_array_new ();
  GList *rebuilt = NULL;

  /* Main windows first, so that the others find their new parent. */
  for (int pass = 0; pass < 2; pass++)
    for (GList *l = g_list_last (windows); l != NULL; l = l->prev)
      {
        GtkWindow *window;

        if ((pass == 0) != CYD_IS_WINDOW (l->data))
          continue;
        window = rebuild_window (l->data, new_for_old);
        if (window == NULL)
          continue;
        g_hash_table_insert (new_for_old, l->data, window);
        g_ptr_array_add (old_windows, g_object_ref (l->data));
      }

  for (GList *l = g_list_last (windows); l != NULL; l = l->prev)
    {
      GtkWindow *window = g_hash_table_lookup (new_for_old, l->data);

      if (window == NULL)
        continue;
      gtk_window_present (window);
      rebuilt = g_list_prepend (rebuilt, window);
    }

  /* Dependent windows first: a window finalized after its transient
   * parent would touch the parent on the way out. */
  for (guint i = old_windows->len; i-- > 0;)
    {
      gtk_window_destroy (g_ptr_array_index (old_windows, i));
      g_object_unref (g_ptr_array_index (old_windows, i));
    }

  return rebuilt;
}
