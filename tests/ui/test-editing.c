/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-bilingual-entry.h"
#include "cyd-mapping-dialog.h"
#include "cyd-post-dialog.h"
#include "cyd-saving-dialog.h"
#include "cyd-savings.h"
#include "cyd-structure-page.h"
#include "cyd-window.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  CydWindow *window;
  GtkWidget *page;
} Fixture;

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

/* A mapped label whose text contains @text. */
static gboolean
shows_part (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) && strstr (gtk_label_get_text (GTK_LABEL (c)), text) != NULL)
        return TRUE;
      if (shows_part (c, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
page_shows (gpointer data)
{
  const char * const *args = data;
  Fixture *f = (Fixture *) args[0];

  return shows_part (f->page, args[1]);
}

static gboolean
page_hides (gpointer data)
{
  return !page_shows (data);
}

static char *
dup_column (CydStore   *store,
            const char *sql,
            gint64      id)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (cyd_stmt_text (stmt, 0));
}

/* A bad value marks its entry and keeps Save insensitive, with a message. */
static void
test_post_dialog_validates (Fixture       *f,
                            gconstpointer  data)
{
  static const struct { const char *entry; const char *text; } bad[] = {
    { "fte_entry", "1.5" }, { "fte_entry", "half" }, { "cost_entry", "£45,0" },
    { "from_entry", "1 April" }, { "to_entry", "2001-01-01" }, { "code_entry", "" },
    { "code_entry", "CWA-DIR-002" },
  };
  CydPostDialog *dialog = cyd_post_dialog_new (GTK_WINDOW (f->window), f->store,
                                               ui_test_post_id (f->store, "JNT-DIR-001"), "2014-04-01");
  GtkWidget *save = ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, "save_button");
  GtkWidget *error = ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, "error_label");

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_sensitive (save));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GtkWidget *entry = ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, bad[i].entry);
      g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

      gtk_editable_set_text (GTK_EDITABLE (entry), bad[i].text);
      g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
      g_assert_false (gtk_widget_get_sensitive (save));
      g_assert_true (gtk_widget_get_visible (error));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), !=, "");
      if (strcmp (bad[i].entry, "code_entry") == 0 || strcmp (bad[i].entry, "to_entry") == 0
          || strcmp (bad[i].entry, "from_entry") == 0 || strcmp (bad[i].entry, "fte_entry") == 0
          || strcmp (bad[i].entry, "cost_entry") == 0)
        g_assert_true (gtk_widget_has_css_class (entry, "error"));
      gtk_editable_set_text (GTK_EDITABLE (entry), before);
      g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
      g_assert_false (gtk_widget_has_css_class (entry, "error"));
    }
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, "cost_entry")), "£140,000.50");
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Rename a post in the dialog, save, see the structure follow; undo with
 * the window's action and see the old title back. */
static void
test_post_dialog_edit_undo (Fixture       *f,
                            gconstpointer  data)
{
  gint64 id = ui_test_post_id (f->store, "JNT-DIR-001");
  CydPostDialog *dialog = cyd_post_dialog_new (GTK_WINDOW (f->window), f->store, id, "2014-04-01");
  CydBilingualEntry *title = CYD_BILINGUAL_ENTRY (ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, "title_entry"));
  const char *renamed[] = { (const char *) f, "Chief of Everything" };
  const char *original[] = { (const char *) f, "Director of Social Services" };
  g_autoptr(GError) error = NULL;
  g_autofree char *cost = NULL;

  g_assert_true (ui_test_wait_for (page_shows, original));
  gtk_window_present (GTK_WINDOW (dialog));
  cyd_bilingual_entry_set_text_en (title, "Chief of Everything");
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_POST_DIALOG, "cost_entry")), "£140,000.50");
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  cost = dup_column (f->store, "SELECT annual_cost FROM post WHERE id = ?1", id);
  g_assert_cmpstr (cost, ==, "14000050");
  g_assert_true (ui_test_wait_for (page_shows, renamed));
  g_assert_cmpstr (cyd_store_get_undo_label (f->store), ==, "Edit Post JNT-DIR-001");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_true (ui_test_wait_for (page_hides, renamed));
  g_assert_true (ui_test_wait_for (page_shows, original));
}

/* "End Post" disestablishes the post on the as-at date; it is not deleted. */
static void
test_post_dialog_end_post (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = ui_test_post_id (f->store, "JNT-DIR-001");
  CydPostDialog *dialog = cyd_post_dialog_new (GTK_WINDOW (f->window), f->store, id, "2016-03-31");
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_post_dialog_end_post (dialog, &error));
  g_assert_no_error (error);
  to = dup_column (f->store, "SELECT established_to FROM post WHERE id = ?1", id);
  g_assert_cmpstr (to, ==, "2016-03-31");
}

/* Map a legacy post, change the mapping, and remove it. */
static void
test_mapping_dialog (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = ui_test_post_id (f->store, "CWA-DIR-001");
  CydMappingDialog *dialog = cyd_mapping_dialog_new (GTK_WINDOW (f->window), f->store, id, "2014-04-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *method = NULL;
  g_autofree char *gone = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_template_child (dialog, CYD_TYPE_MAPPING_DIALOG, "method_dropdown")), 1);
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_MAPPING_DIALOG, "effective_entry")), "soon");
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_MAPPING_DIALOG, "effective_entry")), "2014-05-01");
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  method = dup_column (f->store, "SELECT method || ' ' || effective FROM post_mapping WHERE post_id = ?1", id);
  g_assert_cmpstr (method, ==, "ring-fenced 2014-05-01");

  dialog = cyd_mapping_dialog_new (GTK_WINDOW (f->window), f->store, id, "2014-04-01");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_mapping_dialog_remove (dialog, &error));
  g_assert_no_error (error);
  gone = dup_column (f->store, "SELECT method FROM post_mapping WHERE post_id = ?1", id);
  g_assert_null (gone);
  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_no_error (error);
}

static void
on_saved (GtkWindow  *dialog,
          const char *message,
          char      **said)
{
  g_free (*said);
  *said = g_strdup (message);
}

/* Add a saving: a bad target keeps Save insensitive and is refused; a good
 * one saves in pence and says so. Then edit it, and change nothing. */
static void
test_saving_dialog (Fixture       *f,
                    gconstpointer  data)
{
  CydSavingDialog *dialog = cyd_saving_dialog_new (GTK_WINDOW (f->window), f->store, 0);
  GtkWidget *save = ui_test_template_child (dialog, CYD_TYPE_SAVING_DIALOG, "save_button");
  GtkEditable *target = GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_SAVING_DIALOG, "target_entry"));
  g_autoptr(GError) error = NULL;
  g_autofree char *said = NULL;
  g_autofree char *stored = NULL;
  gint64 id;

  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &said);
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_SAVING_DIALOG, "code_entry")), "TEST-SAV-1");
  gtk_editable_set_text (target, "£12,5");
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (target), "error"));
  g_assert_false (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED);
  g_assert_null (said);
  g_clear_error (&error);

  gtk_editable_set_text (target, "£12,500.50");
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, "Saving TEST-SAV-1 added");
  id = cyd_saving_find_code (f->store, "TEST-SAV-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  stored = dup_column (f->store, "SELECT target || ' ' || status FROM saving WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "1250050 planned");

  dialog = cyd_saving_dialog_new (GTK_WINDOW (f->window), f->store, id);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &said);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (target = GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_SAVING_DIALOG,
                                                                        "target_entry"))), ==, "£12,500.50");
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (said, ==, "Saving TEST-SAV-1 saved");
  g_clear_pointer (&stored, g_free);
  stored = dup_column (f->store, "SELECT target || ' ' || status FROM saving WHERE id = ?1", id);
  g_assert_cmpstr (stored, ==, "1250050 planned");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/editing/post-dialog/validates", Fixture, NULL, fixture_set_up, test_post_dialog_validates,
              fixture_tear_down);
  g_test_add ("/ui/editing/post-dialog/edit-undo", Fixture, NULL, fixture_set_up, test_post_dialog_edit_undo,
              fixture_tear_down);
  g_test_add ("/ui/editing/post-dialog/end-post", Fixture, NULL, fixture_set_up, test_post_dialog_end_post,
              fixture_tear_down);
  g_test_add ("/ui/editing/saving-dialog", Fixture, NULL, fixture_set_up, test_saving_dialog, fixture_tear_down);
  g_test_add ("/ui/editing/mapping-dialog", Fixture, NULL, fixture_set_up, test_mapping_dialog, fixture_tear_down);

  return g_test_run ();
}
