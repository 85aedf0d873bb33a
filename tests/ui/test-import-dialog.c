/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>

#include "cyd.h"
#include "cyd-import-dialog.h"
#include "cyd-window.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  CydWindow *window;
  gboolean   imported;
} Fixture;

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CYD_TEST_FIXTURES"), name, NULL);

  return g_file_new_for_path (path);
}

static CydImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CYD_IS_IMPORT_DIALOG (window))
        return CYD_IMPORT_DIALOG (window);
    }

  return NULL;
}

static gboolean
dialog_is_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
stack_shows (gpointer data)
{
  CydImportDialog *dialog = find_dialog ();
  GtkStack *stack;

  if (dialog == NULL)
    return FALSE;

  stack = GTK_STACK (ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_STACK, "summary"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static gboolean
toast_shows (gpointer data)
{
  Fixture *f = data;

  return ui_test_shows_text (GTK_WIDGET (f->window), "Imported spec-example.xml");
}

static void
on_imported (CydImportDialog *dialog,
             GFile           *file,
             Fixture         *f)
{
  f->imported = TRUE;
}

static CydImportDialog *
start_import (Fixture    *f,
              const char *name)
{
  g_autoptr(GFile) file = fixture_file (name);
  CydImportDialog *dialog;

  cyd_window_import (f->window, file);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), f);

  return dialog;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (NULL);
  f->window = ui_test_open_window (f->store, NULL, NULL, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

/* A dry run shows what the file would change and changes nothing; Import
 * commits it and the window's programme shows it. */
static void
test_commit (Fixture       *f,
             gconstpointer  data)
{
  CydImportDialog *dialog = start_import (f, "good/spec-example.xml");

  g_assert_true (ui_test_wait_for (stack_shows, "summary"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "1 added, 0 changed, 0 unchanged, 0 left"));
  g_assert_cmpuint (cyd_store_count (f->store, CYD_KIND_COUNCIL), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  g_assert_true (ui_test_wait_for (dialog_is_gone, NULL));
  g_assert_true (f->imported);
  g_assert_cmpuint (cyd_store_count (f->store, CYD_KIND_COUNCIL), ==, 1);
  g_assert_true (ui_test_wait_for (toast_shows, f));
}

/* A bad file is refused with its problems, each with line and column. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  CydImportDialog *dialog = start_import (f, "bad/bad-date.xml");
  GtkListView *problems;
  GListModel *model;
  g_autoptr(GtkStringObject) first = NULL;

  g_assert_true (ui_test_wait_for (stack_shows, "errors"));
  problems = GTK_LIST_VIEW (ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW, NULL));
  model = G_LIST_MODEL (gtk_list_view_get_model (problems));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  first = g_list_model_get_item (model, 0);
  g_test_message ("%s", gtk_string_object_get_string (first));
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (first), "bad-date.xml:"));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (dialog), "The file was refused: nothing was imported"));

  /* The focus is on Close, and no problem's text is selected. */
  ui_test_spin (100);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog))
                 == ui_test_template_child (dialog, CYD_TYPE_IMPORT_DIALOG, "close_button"));
  g_assert_false (ui_test_has_selected_label (GTK_WIDGET (dialog)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (ui_test_wait_for (dialog_is_gone, NULL));
  g_assert_false (f->imported);
  g_assert_cmpuint (cyd_store_count (f->store, CYD_KIND_POST), ==, 0);
}

/* Cancelling while the file is checked closes the dialog. */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  CydImportDialog *dialog = start_import (f, "good/spec-example.xml");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  g_assert_true (ui_test_wait_for (dialog_is_gone, NULL));
  g_assert_false (f->imported);
  g_assert_cmpuint (cyd_store_count (f->store, CYD_KIND_COUNCIL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/import/commit", Fixture, NULL, fixture_set_up, test_commit, fixture_tear_down);
  g_test_add ("/ui/import/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/ui/import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  return g_test_run ();
}
