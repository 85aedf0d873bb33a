/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-structure-page.h"
#include "cyd-window-private.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  CydWindow *window;
  GtkWidget *page;
} Fixture;

typedef struct {
  GtkWidget  *widget;
  const char *text;
} Shown;

/* A mapped label whose text contains @text. */
static gboolean
shows_part (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (shows_part (child, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;

  return shows_part (shown->widget, shown->text);
}

static gboolean
is_not_shown (gpointer data)
{
  return !is_shown (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->window = ui_test_open_window (f->store, "structure", "2014-04-01", 0, 0);
  f->page = ui_test_find (GTK_WIDGET (f->window), CYD_TYPE_STRUCTURE_PAGE, NULL);
  g_assert_nonnull (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

/* The page answers for the window's date, and says what the merger saves. */
static void
test_as_at (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *page_date = NULL;
  Shown shown = { f->page, "fewer managers" };

  g_object_get (f->page, "as-at", &page_date, NULL);
  g_assert_cmpstr (page_date, ==, "2014-04-01");
  g_assert_true (ui_test_wait_for (is_shown, &shown));
  shown.text = "people at risk";
  g_assert_true (ui_test_wait_for (is_shown, &shown));
}

/* A structure with no posts at the date says so in its column: before
 * the merger, the merged one. */
static void
test_empty_structure (Fixture       *f,
                      gconstpointer  data)
{
  Shown shown = { f->page, "fewer managers" };

  g_assert_true (ui_test_wait_for (is_shown, &shown));
  g_assert_false (shows_part (f->page, "No posts as at"));

  cyd_window_set_as_at (f->window, "2014-03-01");
  shown.text = "No posts as at 1 March 2014";
  g_assert_true (ui_test_wait_for (is_shown, &shown));
  shown.text = "Director of Social Services";
  g_assert_true (ui_test_wait_for (is_shown, &shown));
}

static void
test_parse_as_at (Fixture       *f,
                  gconstpointer  data)
{
  static const char *const cases[][2] = {
    { "2014-04-01", "2014-04-01" }, { " 1 April 2014 ", "2014-04-01" },
    { "1/4/2014", "2014-04-01" }, { "1 apr 2014", "2014-04-01" }, { "31 February 2014", NULL }, { "soon", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = cyd_window_parse_as_at (cases[i][0]);
      g_assert_cmpstr (iso, ==, cases[i][1]);
    }
}

/* Edit a post through the write path, see the structure follow, undo with
 * the window's action, and see it back. */
static void
test_edit_undo (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CydEdit) edit = cyd_edit_new ("Rename the director's post");
  g_autoptr(GError) error = NULL;
  Shown renamed = { f->page, "Chief of Everything" };
  Shown original = { f->page, "Director of Social Services" };

  g_assert_true (ui_test_wait_for (is_shown, &original));
  cyd_edit_update (edit, "post", ui_test_post_id (f->store, "JNT-DIR-001"), "title_en",
                   g_variant_new_string ("Chief of Everything"));
  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
  g_assert_true (ui_test_wait_for (is_shown, &renamed));
  g_assert_true (cyd_store_get_can_undo (f->store));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (ui_test_wait_for (is_not_shown, &renamed));
  g_assert_true (ui_test_wait_for (is_shown, &original));
  g_assert_true (cyd_store_get_can_redo (f->store));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL);
  g_assert_true (ui_test_wait_for (is_shown, &renamed));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/structure/as-at", Fixture, NULL, fixture_set_up, test_as_at, fixture_tear_down);
  g_test_add ("/ui/structure/empty-structure", Fixture, NULL, fixture_set_up, test_empty_structure,
              fixture_tear_down);
  g_test_add ("/ui/structure/parse-as-at", Fixture, NULL, fixture_set_up, test_parse_as_at, fixture_tear_down);
  g_test_add ("/ui/structure/edit-undo", Fixture, NULL, fixture_set_up, test_edit_undo, fixture_tear_down);

  return g_test_run ();
}
