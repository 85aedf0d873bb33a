/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "cyd-application.h"
#include "cyd-language.h"

/* The language chosen in Preferences, applied before any string is
 * translated (the application object translates nothing until startup). */
static void
apply_language_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *language = g_settings_get_string (settings, "language");

  cyd_language_init ();
  cyd_language_apply (language);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CydApplication) app = NULL;
  const char *localedir = g_getenv ("CYD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  apply_language_setting ();

  app = cyd_application_new (APPLICATION_ID, G_APPLICATION_HANDLES_OPEN);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
