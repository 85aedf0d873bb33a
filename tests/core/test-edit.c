/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "cyd.h"
#include "core-test-util.h"

/* Each run works in a directory of its own. */
typedef struct {
  CydStore *store;
  char     *path;
  guint     notified;
} Fixture;

static char *
export_text (CydStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_export_to_stream (store, out, NULL, &error));
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
on_notify (Fixture *f)
{
  f->notified++;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = core_test_open_demo ("edit.cyd");
  f->path = g_strdup (cyd_store_get_path (f->store));
  g_signal_connect_swapped (f->store, "notify::can-undo", G_CALLBACK (on_notify), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  g_free (f->path);
}

static void
test_update_undo_redo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = export_text (f->store);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(CydEdit) edit = cyd_edit_new ("Change post");
  g_autoptr(GError) error = NULL;
  gint64 post = query_int (f, "SELECT min (id) FROM post");
  gint64 audit_before = query_int (f, "SELECT count(*) FROM audit_log");

  g_assert_false (cyd_store_get_can_undo (f->store));
  cyd_edit_update (edit, "post", post, "title_en", g_variant_new_string ("Head of Everything"));
  cyd_edit_update (edit, "post", post, "annual_cost", g_variant_new_int64 (12345678));
  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
  after = export_text (f->store);
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, "Head of Everything"));
  g_assert_nonnull (strstr (after, "annual-cost=\"123456.78\""));
  g_assert_true (cyd_store_get_can_undo (f->store));
  g_assert_cmpstr (cyd_store_get_undo_label (f->store), ==, "Change post");
  g_assert_cmpuint (f->notified, >=, 1);

  /* One audit row, with the values before and after. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'update' AND kind = 'post'"
                                 " AND json_extract (after, '$.annual_cost') = 12345678"
                                 " AND json_extract (before, '$.title_en') <> 'Head of Everything'"
                                 " AND step = 'Change post' AND user_name <> ''"), ==, 1);

  g_assert_true (cyd_store_undo (f->store, &error));
  undone = export_text (f->store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cyd_store_get_can_undo (f->store));
  g_assert_true (cyd_store_get_can_redo (f->store));

  g_assert_true (cyd_store_redo (f->store, &error));
  redone = export_text (f->store);
  g_assert_cmpstr (redone, ==, after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit_before + 3);
}

static void
test_insert_with_reference (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *before = export_text (f->store);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(CydEdit) edit = cyd_edit_new ("Add member of staff");
  g_autoptr(GError) error = NULL;
  gint64 council = query_int (f, "SELECT min (id) FROM council");
  gint64 post = query_int (f, "SELECT min (id) FROM post");
  guint person, assignment;

  person = cyd_edit_insert (edit, "person");
  cyd_edit_set (edit, person, "employer_id", g_variant_new_int64 (council));
  cyd_edit_set (edit, person, "employee_number", g_variant_new_string ("NEW-1"));
  cyd_edit_set (edit, person, "given_name", g_variant_new_string ("Ffion"));
  cyd_edit_set (edit, person, "family_name", g_variant_new_string ("Llywelyn"));
  assignment = cyd_edit_insert (edit, "assignment");
  cyd_edit_set_inserted_id (edit, assignment, "person_id", person);
  cyd_edit_set (edit, assignment, "post_id", g_variant_new_int64 (post));
  cyd_edit_set (edit, assignment, "fte", g_variant_new_int64 (5000));

  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cyd_edit_get_inserted_id (edit, person), >, 0);
  after = export_text (f->store);
  g_assert_nonnull (strstr (after, "family-name=\"Llywelyn\""));

  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM person WHERE employee_number = 'NEW-1'"), ==, 0);
  {
    g_autofree char *undone = export_text (f->store);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (cyd_store_redo (f->store, &error));
  redone = export_text (f->store);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_delete_restores_children (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *before = export_text (f->store);
  g_autofree char *undone = NULL;
  g_autoptr(CydEdit) edit = cyd_edit_new ("Remove member of staff");
  g_autoptr(GError) error = NULL;
  gint64 person = query_int (f, "SELECT min (person_id) FROM assignment");
  gint64 assignments = query_int (f, "SELECT count(*) FROM assignment");

  cyd_edit_delete (edit, "person", person);
  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM assignment"), <, assignments);

  g_assert_true (cyd_store_undo (f->store, &error));
  undone = export_text (f->store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM assignment"), ==, assignments);
}

static void
test_refused_changes_nothing (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *before = export_text (f->store);
  g_autofree char *after = NULL;
  g_autoptr(CydEdit) edit = cyd_edit_new ("Change post");
  g_autoptr(GError) error = NULL;
  gint64 post = query_int (f, "SELECT min (id) FROM post");
  gint64 audit = query_int (f, "SELECT count(*) FROM audit_log");

  /* The first change is fine, the second breaks a rule: neither lands. */
  cyd_edit_update (edit, "post", post, "grade", g_variant_new_string ("X1"));
  cyd_edit_update (edit, "post", post + 1, "fte", g_variant_new_int64 (0));
  g_assert_false (cyd_store_apply (f->store, edit, &error));
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED);
  after = export_text (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cyd_store_get_can_undo (f->store));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_new_edit_forgets_redo (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CydEdit) a = cyd_edit_new ("A");
  g_autoptr(CydEdit) b = cyd_edit_new ("B");
  g_autoptr(GError) error = NULL;
  gint64 post = query_int (f, "SELECT min (id) FROM post");

  cyd_edit_update (a, "post", post, "grade", g_variant_new_string ("G1"));
  cyd_edit_update (b, "post", post, "grade", g_variant_new_string ("G2"));
  g_assert_true (cyd_store_apply (f->store, a, &error));
  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_true (cyd_store_get_can_redo (f->store));
  g_assert_true (cyd_store_apply (f->store, b, &error));
  g_assert_false (cyd_store_get_can_redo (f->store));
  g_assert_cmpstr (cyd_store_get_undo_label (f->store), ==, "B");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/edit/update-undo-redo", Fixture, NULL, setup, test_update_undo_redo, teardown);
  g_test_add ("/core/edit/insert-with-reference", Fixture, NULL, setup, test_insert_with_reference, teardown);
  g_test_add ("/core/edit/delete-restores-children", Fixture, NULL, setup, test_delete_restores_children, teardown);
  g_test_add ("/core/edit/refused", Fixture, NULL, setup, test_refused_changes_nothing, teardown);
  g_test_add ("/core/edit/new-edit-forgets-redo", Fixture, NULL, setup, test_new_edit_forgets_redo, teardown);
  return core_test_run ();
}
