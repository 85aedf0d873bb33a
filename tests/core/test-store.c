/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "cyd.h"
#include "cyd-private.h"
#include "core-test-util.h"

/* Each run works in a directory of its own. */
static char *
temp_path (const char *name)
{
  return g_build_filename (core_test_dir (), name, NULL);
}

static CydStore *
open_or_fail (const char *path)
{
  g_autoptr(GError) error = NULL;
  CydStore *store = cyd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static int
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_create_private (void)
{
  g_autofree char *path = temp_path ("new.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_null (cyd_store_get_upgrade_backup (store));
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, CYD_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, 0x43796431);

  /* Opening again neither migrates nor backs up. */
  store = open_or_fail (path);
  g_assert_null (cyd_store_get_upgrade_backup (store));
}

static void
test_refuse_not_cyd (void)
{
  g_autofree char *text = temp_path ("notes.cyd");
  g_autofree char *other = temp_path ("other.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStore) store = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (text, "Employee number,Name\n1,Siân\n", -1, NULL));
  store = cyd_store_open (text, &error);
  g_assert_null (store);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_NOT_CYD);
  g_clear_error (&error);
  /* The file is untouched. */
  g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Employee number,Name\n1,Siân\n");

  g_assert_cmpint (raw_exec (other, "CREATE TABLE invoices (id INTEGER)"), ==, SQLITE_OK);
  store = cyd_store_open (other, &error);
  g_assert_null (store);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_NOT_CYD);
  g_assert_cmpint (raw_int (other, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = temp_path ("future.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  g_assert_cmpint (raw_exec (path, "PRAGMA user_version = 99"), ==, SQLITE_OK);
  store = cyd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 99);
}

static void
test_refuse_damaged (void)
{
  g_autofree char *path = temp_path ("damaged.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  /* Keep the header, scribble over the schema page and what follows. */
  memset (data + 100, 0xA5, len - 100);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  store = cyd_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CYD_STORE_ERROR);
  g_assert_true (error->code == CYD_STORE_ERROR_DAMAGED || error->code == CYD_STORE_ERROR_NOT_CYD);
}

static void
test_upgrade_with_backup (void)
{
  g_autofree char *path = temp_path ("old.cyd");
  g_autoptr(CydStore) store = NULL;
  const char *backup;

  /* A file from before the first schema: Cyd's id, version 0. */
  g_assert_cmpint (raw_exec (path, "PRAGMA application_id = 1132028977;"
                                   " CREATE TABLE programme (key TEXT PRIMARY KEY, value TEXT);"
                                   " INSERT INTO programme VALUES ('note', 'kept');"), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (path, "DROP TABLE programme"), ==, SQLITE_OK);

  store = open_or_fail (path);
  backup = cyd_store_get_upgrade_backup (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, CYD_SCHEMA_VERSION);
}

static void
test_upgrade_keeps_links (void)
{
  g_autofree char *path = g_build_filename (core_test_dir (), "v1.cyd", NULL);
  g_autofree char *schema_path = g_build_filename (g_getenv ("CYD_SOURCE_ROOT"), "data", "sql", "0001-initial.sql", NULL);
  g_autofree char *schema = NULL;
  g_autoptr(CydStore) store = NULL;

  /* A programme written by the first version, with rows in the link tables. */
  g_assert_true (g_file_get_contents (schema_path, &schema, NULL, NULL));
  g_assert_cmpint (raw_exec (path, schema), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (path,
                             "PRAGMA application_id = 1132028977; PRAGMA user_version = 1;"
                             "INSERT INTO council (code, name_en) VALUES ('C', 'C');"
                             "INSERT INTO directorate (code, name_en, kind, council_id) VALUES ('L', 'L', 'legacy', 1);"
                             "INSERT INTO directorate (code, name_en, kind) VALUES ('M', 'M', 'merged');"
                             "INSERT INTO service_line (code, name_en) VALUES ('S', 'S');"
                             "INSERT INTO service_line_stage VALUES (1, '2014-04-01', 'aligned');"
                             "INSERT INTO post (code, title_en, directorate_id, service_line_id) VALUES ('A', 'A', 1, 1);"
                             "INSERT INTO post (code, title_en, directorate_id, service_line_id) VALUES ('B', 'B', 2, 1);"
                             "INSERT INTO post_mapping VALUES (1, 2, 'slot-in', '2014-04-01');"
                             "INSERT INTO post_dotted_line VALUES (1, 2);"), ==, SQLITE_OK);

  store = open_or_fail (path);
  g_assert_nonnull (cyd_store_get_upgrade_backup (store));
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, CYD_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM post_mapping WHERE id IS NOT NULL AND method = 'slot-in'"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM post_dotted_line WHERE id IS NOT NULL"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM service_line_stage WHERE id IS NOT NULL"), ==, 1);
  /* Posts are found by directorate and start; the index by directorate
   * alone is gone. */
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_index_info ('post_directorate_from')"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'post_directorate'"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM post WHERE directorate_id = 2"), ==, 1);
  g_assert_cmpint (raw_int (cyd_store_get_upgrade_backup (store), "PRAGMA user_version"), ==, 1);
}

static void
test_constraints (void)
{
  g_autofree char *path = temp_path ("rules.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  static const char * const refused[] = {
    "INSERT INTO council (code) VALUES ('X')",                                      /* no name */
    "INSERT INTO council (code, name_en, kind) VALUES ('X', 'X', 'county')",          /* kind */
    "INSERT INTO council (code, name_en) VALUES ('', 'X')",                           /* empty code */
    "INSERT INTO directorate (code, name_en, kind) VALUES ('L', 'L', 'legacy')",      /* no council */
    "INSERT INTO directorate (code, name_en, kind) VALUES ('M2', 'M', 'merged')",     /* a second merged */
    "INSERT INTO directorate (code, name_en, kind, council_id) VALUES ('L', 'L', 'legacy', 999)", /* FK */
    "INSERT INTO post (code, title_en, directorate_id, service_line_id, fte) VALUES ('P2', 'P', 1, 1, 0)",
    "INSERT INTO post (code, title_en, directorate_id, service_line_id, fte) VALUES ('P2', 'P', 1, 1, 10001)",
    "INSERT INTO post (code, title_en, directorate_id, service_line_id, established_from) VALUES ('P2', 'P', 1, 1, '2014-02-30')",
    "INSERT INTO post (code, title_en, directorate_id, service_line_id, established_from, established_to)"
    " VALUES ('P2', 'P', 1, 1, '2015-01-01', '2014-01-01')",
    "INSERT INTO post (code, title_en, directorate_id, service_line_id) VALUES ('P1', 'dup', 1, 1)", /* unique */
    "INSERT INTO budget_line (year, directorate_id, service_line_id, category, budget) VALUES (2013, 1, 1, 'food', 1)",
    "INSERT INTO budget_line (year, directorate_id, service_line_id, category, budget) VALUES (2013, 1, 1, 'income', 100000000000000000)",
    "INSERT INTO saving (code, year, directorate_id, target, status) VALUES ('S', 2014, 1, 1, 'maybe')",
    "INSERT INTO milestone (code, title_en, due) VALUES ('M', 'M', 'soon')",
    "INSERT INTO milestone_dependency (milestone_id, depends_on_id) VALUES (1, 1)",
    "UPDATE post SET reports_to_id = id",
  };

  g_clear_object (&store);
  g_assert_cmpint (raw_exec (path,
                             "INSERT INTO directorate (code, name_en, kind) VALUES ('M', 'Merged', 'merged');"
                             "INSERT INTO service_line (code, name_en) VALUES ('S', 'S');"
                             "INSERT INTO post (code, title_en, directorate_id, service_line_id) VALUES ('P1', 'P', 1, 1);"
                             "INSERT INTO milestone (code, title_en, due) VALUES ('M1', 'M', '2014-04-01');"), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      int rc = raw_exec (path, refused[i]);
      if (rc != SQLITE_CONSTRAINT)
        g_error ("not refused (%d): %s", rc, refused[i]);
    }
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM post"), ==, 1);
}

static void
test_save_copy (void)
{
  g_autofree char *path = temp_path ("source.cyd");
  g_autofree char *copy = temp_path ("copy.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  g_autoptr(CydStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (raw_exec (path, "INSERT INTO council (code, name_en) VALUES ('CAE', 'Caerphilly')"), ==, SQLITE_OK);
  g_assert_true (g_file_set_contents (copy, "old contents", -1, NULL));
  g_assert_true (cyd_store_save_copy (store, copy, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  reopened = open_or_fail (copy);
  g_assert_cmpuint (cyd_store_count (reopened, CYD_KIND_COUNCIL), ==, 1);
}

/* A full disk is told as such, in the user's language, rather than in
 * SQLite's English; the programme is left as it was. */
static void
test_disk_full (void)
{
  g_autofree char *path = temp_path ("full.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  g_autoptr(GError) error = NULL;

  /* no more pages than it has: the next one is past the end of the disk */
  g_assert_true (cyd_store_exec (store, "PRAGMA max_page_count = 1", &error));
  g_assert_no_error (error);
  g_assert_false (cyd_store_exec (store, "CREATE TABLE filler (x)", &error));
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "The disk is full, so the programme file could not be written.");
  g_clear_error (&error);

  g_assert_true (cyd_store_exec (store, "PRAGMA max_page_count = 1000000", &error));
  g_assert_no_error (error);
  g_assert_true (cyd_store_exec (store, "INSERT INTO council (code, name_en) VALUES ('CAE', 'Caerphilly')", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_COUNCIL), ==, 1);
}

static void
test_check_clean_and_dirty (void)
{
  g_autofree char *path = temp_path ("check.cyd");
  g_autoptr(CydStore) store = open_or_fail (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_store_check (store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A circle of managers gets past the row checks but not Cyd's rules. */
  g_assert_cmpint (raw_exec (path,
                             "INSERT INTO directorate (code, name_en, kind) VALUES ('M', 'Merged', 'merged');"
                             "INSERT INTO service_line (code, name_en) VALUES ('S', 'S');"
                             "INSERT INTO post (code, title_en, directorate_id, service_line_id) VALUES ('A', 'A', 1, 1);"
                             "INSERT INTO post (code, title_en, directorate_id, service_line_id, reports_to_id) VALUES ('B', 'B', 1, 1, 1);"
                             "UPDATE post SET reports_to_id = 2 WHERE code = 'A';"), ==, SQLITE_OK);
  g_assert_true (cyd_store_check (store, &problems, &error));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "“A”"));
}

static gpointer
count_staff (CydStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return GUINT_TO_POINTER (cyd_store_count (store, CYD_KIND_STAFF) + 1);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GError **error = data;

  cyd_store_read_finish (result, error);
  g_assert_nonnull (*error);
}

/* A worker opens the file by its path. Moved away while open, the file
 * is not made again at the path (where the moved file's journal is): the
 * read fails and says what happened. */
static void
test_read_after_move (void)
{
  g_autofree char *path = temp_path ("moved.cyd");
  g_autofree char *moved = temp_path ("moved-away.cyd");
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  store = open_or_fail (path);
  g_assert_cmpint (g_rename (path, moved), ==, 0);
  cyd_store_read_async (store, count_staff, NULL, NULL, NULL, NULL, on_read, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (moved);
}

/* A read transaction is opened only outside the caller's own, and ending
 * it leaves the caller's alone. */
static void
test_read_transaction (void)
{
  g_autofree char *path = temp_path ("read.cyd");
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean owns;

  g_unlink (path);
  store = open_or_fail (path);
  g_assert_true (cyd_store_begin_read (store, &owns, &error));
  g_assert_no_error (error);
  g_assert_true (owns);
  g_assert_true (cyd_store_in_transaction (store));
  cyd_store_end_read (store, owns);
  g_assert_false (cyd_store_in_transaction (store));

  g_assert_true (cyd_store_begin (store, &error));
  g_assert_true (cyd_store_begin_read (store, &owns, &error));
  g_assert_false (owns);
  cyd_store_end_read (store, owns);
  g_assert_true (cyd_store_in_transaction (store));
  cyd_store_rollback (store);
}

/* Another programme put at the path is not opened for a worker of the
 * first; the first's own file still is. */
static void
test_open_same (void)
{
  g_autofree char *path = temp_path ("same.cyd");
  g_autofree char *moved = temp_path ("same-moved.cyd");
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydStore) other = NULL;
  g_autoptr(CydStore) again = NULL;
  g_autoptr(GError) error = NULL;
  CydStoreFile file;

  g_unlink (path);
  store = open_or_fail (path);
  cyd_store_file_init (&file, store);
  g_assert_cmpuint (file.ino, !=, 0);
  again = cyd_store_file_open (&file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_clear_object (&again);

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  other = open_or_fail (path);
  again = cyd_store_file_open (&file, &error);
  g_assert_null (again);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO);
  cyd_store_file_clear (&file);
  g_clear_object (&other);
  g_unlink (path);
  g_unlink (moved);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/store/create-private", test_create_private);
  g_test_add_func ("/core/store/refuse-not-cyd", test_refuse_not_cyd);
  g_test_add_func ("/core/store/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/core/store/refuse-damaged", test_refuse_damaged);
  g_test_add_func ("/core/store/upgrade-with-backup", test_upgrade_with_backup);
  g_test_add_func ("/core/store/upgrade-keeps-links", test_upgrade_keeps_links);
  g_test_add_func ("/core/store/constraints", test_constraints);
  g_test_add_func ("/core/store/save-copy", test_save_copy);
  g_test_add_func ("/core/store/disk-full", test_disk_full);
  g_test_add_func ("/core/store/read-after-move", test_read_after_move);
  g_test_add_func ("/core/store/open-same", test_open_same);
  g_test_add_func ("/core/store/read-transaction", test_read_transaction);
  g_test_add_func ("/core/store/check", test_check_clean_and_dirty);
  return core_test_run ();
}
