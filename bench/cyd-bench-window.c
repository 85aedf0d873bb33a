/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time from main() to the first frame of a window, and the peak memory a
 * little after it:
 *
 *   cyd-bench-window --minimal     a libadwaita window with one label (the floor)
 *   cyd-bench-window FILE.cyd      Cyd itself, opening FILE on the Staff page
 *
 * Prints "first-frame-ms N" and "peak-rss-kb N" for bench/run. Run it with
 * GSETTINGS_BACKEND=memory: it sets the last page to Staff. */
#define G_LOG_DOMAIN "cyd-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "cyd-application.h"

#define SETTLE_MS 1500   /* time for the first pages of rows to arrive */

static gint64 start_time;
static gboolean painted;

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
quit_after_settling (gpointer data)
{
  printf ("peak-rss-kb %ld\n", peak_rss_kb ());
  fflush (stdout);
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  GtkWidget *window = data;

  if (painted)
    return;
  painted = TRUE;
  printf ("first-frame-ms %.1f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  fflush (stdout);
  g_timeout_add (SETTLE_MS, quit_after_settling, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
on_window_map (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), window, 0);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (on_window_map), NULL);
}

static void
on_minimal_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Cyd"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  GApplicationFlags flags = G_APPLICATION_NON_UNIQUE;

  start_time = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s --minimal | FILE.cyd\n", argv[0]);
      return 2;
    }

  if (g_str_equal (argv[1], "--minimal"))
    {
      app = GTK_APPLICATION (adw_application_new ("cymru.cyd.BenchFloor", flags));
      g_signal_connect (app, "activate", G_CALLBACK (on_minimal_activate), NULL);
      argc = 1;
    }
  else
    {
      settings = g_settings_new (APPLICATION_ID);
      g_settings_set_string (settings, "last-page", "staff");
      app = GTK_APPLICATION (cyd_application_new (APPLICATION_ID, flags | G_APPLICATION_HANDLES_OPEN));
    }
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
