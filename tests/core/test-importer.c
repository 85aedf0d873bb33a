/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "cyd.h"
#include "cyd-private.h"
#include "core-test-util.h"

/* Each run works in a directory of its own. */
static const char *fixtures;

typedef struct {
  char *file;
  int   line;
} BadCase;

static char *
fixture (const char *kind,
         const char *name)
{
  return g_build_filename (fixtures, kind, name, NULL);
}

static CydStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (core_test_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CydStore *store;

  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static gboolean
import_path (CydStore    *store,
             const char  *path,
             gboolean     dry_run,
             CydImporter **out_importer,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CydImporter) importer = cyd_importer_new (store);
  gboolean ok;

  cyd_importer_set_dry_run (importer, dry_run);
  ok = cyd_importer_import_file (importer, file, NULL, error);
  if (out_importer != NULL)
    *out_importer = g_steal_pointer (&importer);
  return ok;
}

static void
import_ok (CydStore   *store,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CydImporter) importer = NULL;

  if (!import_path (store, path, FALSE, &importer, &error))
    {
      GPtrArray *problems = cyd_importer_get_problems (importer);
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
    }
  g_assert_no_error (error);
}

static char *
export_text (CydStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_export_to_stream (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_good_files (void)
{
  static const char * const names[] = { "spec-example.xml", "minimal.xml", "forward-refs.xml", "snapshot.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CydStore) store = new_store ("good.cyd");
      g_autofree char *path = fixture ("good", names[i]);

      g_test_message ("importing %s", names[i]);
      import_ok (store, path);
    }
}

static void
test_counts_and_idempotence (void)
{
  g_autoptr(CydStore) store = new_store ("idem.cyd");
  g_autofree char *path = fixture ("good", "spec-example.xml");
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  CydImportCounts total;

  g_assert_true (import_path (store, path, FALSE, &importer, &error));
  total = cyd_importer_get_total (importer);
  g_assert_cmpuint (total.added, ==, 10);
  g_assert_cmpuint (total.changed + total.unchanged + total.left, ==, 0);
  g_assert_cmpuint (cyd_importer_get_counts (importer, CYD_KIND_POST)->added, ==, 2);
  first = export_text (store);
  g_clear_object (&importer);

  g_assert_true (import_path (store, path, FALSE, &importer, &error));
  total = cyd_importer_get_total (importer);
  g_assert_cmpuint (total.unchanged, ==, 10);
  g_assert_cmpuint (total.added + total.changed + total.left, ==, 0);
  second = export_text (store);
  g_assert_cmpstr (first, ==, second);

  /* Both imports were recorded, with the file's SHA-256. */
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_IMPORT_RUN), ==, 2);
  {
    g_autofree char *contents = NULL;
    gsize len;
    g_autofree char *sha = NULL;
    g_autoptr(CydListModel) runs = cyd_list_model_new (store, CYD_KIND_IMPORT_RUN);
    g_autoptr(CydRecord) run = g_list_model_get_item (G_LIST_MODEL (runs), 0);

    g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
    sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, len);
    g_assert_cmpstr (cyd_record_get_text (run, "sha256"), ==, sha);
    g_assert_cmpstr (cyd_record_get_text (run, "unchanged"), ==, "10");
  }
}

static void
test_dry_run_writes_nothing (void)
{
  g_autoptr(CydStore) store = new_store ("dry.cyd");
  g_autofree char *path = fixture ("good", "spec-example.xml");
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (import_path (store, path, TRUE, &importer, &error));
  g_assert_cmpuint (cyd_importer_get_total (importer).added, ==, 10);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_COUNCIL), ==, 0);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_IMPORT_RUN), ==, 0);
}

/* A full disk ends the import with that one error, in the user's
 * language, and not a problem for every record after it; the programme
 * is left as it was, and takes the file once there is room. */
static void
test_disk_full (void)
{
  g_autoptr(CydStore) store = new_store ("full.cyd");
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  before = export_text (store);
  /* no more pages than it has: the next one is past the end of the disk */
  g_assert_true (cyd_store_exec (store, "PRAGMA max_page_count = 1", &error));
  g_assert_no_error (error);

  g_assert_false (import_path (store, g_getenv ("CYD_DEMO_XML"), FALSE, &importer, &error));
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "The disk is full, so the programme file could not be written.");
  g_assert_cmpuint (cyd_importer_get_problems (importer)->len, ==, 0);
  g_clear_error (&error);
  after = export_text (store);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (cyd_store_exec (store, "PRAGMA max_page_count = 1000000", &error));
  g_assert_no_error (error);
  import_ok (store, g_getenv ("CYD_DEMO_XML"));
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), >, 0);
}

static void
test_partial_update_keeps_values (void)
{
  g_autoptr(CydStore) store = new_store ("partial.cyd");
  g_autofree char *base = fixture ("good", "spec-example.xml");
  g_autofree char *update = fixture ("good", "partial-update.xml");
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_ok (store, base);
  before = export_text (store);
  g_assert_true (import_path (store, update, FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cyd_importer_get_total (importer).changed, ==, 6);
  g_assert_cmpuint (cyd_importer_get_total (importer).added, ==, 0);
  after = export_text (store);
  g_assert_cmpstr (before, !=, after);
  g_assert_nonnull (strstr (after, "population=\"181075\""));
  g_assert_nonnull (strstr (after, "annual-cost=\"83640.50\""));
  /* Attributes the update leaves out keep their values. */
  g_assert_nonnull (strstr (after, "Cyngor Bwrdeistref Sirol Caerffili"));
  g_assert_nonnull (strstr (after, "Pennaeth Gwasanaethau Oedolion"));
  g_assert_nonnull (strstr (after, "preferred-language=\"cy\""));
  g_assert_nonnull (strstr (after, "<assignment post=\"CAE-ADU-001\""));
  g_clear_object (&importer);

  /* A second time, nothing changes. */
  g_assert_true (import_path (store, update, FALSE, &importer, &error));
  g_assert_cmpuint (cyd_importer_get_total (importer).changed, ==, 0);
}

static void
test_snapshot_marks_leavers (void)
{
  g_autoptr(CydStore) store = new_store ("snap.cyd");
  g_autofree char *snapshot = fixture ("good", "snapshot.xml");
  g_autofree char *extra = g_build_filename (core_test_dir (), "extra.xml", NULL);
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  import_ok (store, snapshot);
  /* Someone of employer X who is not on the snapshot list... */
  g_assert_true (g_file_set_contents (extra,
    "<cyd xmlns=\"urn:cyd:1\" version=\"1\"><staff>"
    "<person employee-number=\"999001\" employer=\"X\" given-name=\"Dafydd\" family-name=\"Absennol\"/>"
    "</staff></cyd>", -1, NULL));
  import_ok (store, extra);

  /* ...is marked as left on the snapshot's date. */
  g_assert_true (import_path (store, snapshot, FALSE, &importer, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cyd_importer_get_counts (importer, CYD_KIND_STAFF)->left, ==, 1);
  exported = export_text (store);
  g_assert_nonnull (strstr (exported, "family-name=\"Absennol\" left-date=\"2014-01-31\""));
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(CydStore) store = new_store ("bad.cyd");
  g_autofree char *base = fixture ("good", "spec-example.xml");
  g_autofree char *path = fixture ("bad", c->file);
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  GPtrArray *problems;
  gboolean located = FALSE;

  /* A programme already holding data must come out exactly as it was. */
  import_ok (store, base);
  before = export_text (store);

  g_assert_false (import_path (store, path, FALSE, &importer, &error));
  g_assert_error (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID);
  problems = cyd_importer_get_problems (importer);
  g_assert_cmpuint (problems->len, >=, 1);

  expected = g_strdup_printf ("%s:%d:", c->file, c->line);
  for (guint i = 0; i < problems->len; i++)
    located |= g_str_has_prefix (g_ptr_array_index (problems, i), expected);
  if (!located)
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("%s\n", (char *) g_ptr_array_index (problems, i));
  g_assert_true (located);

  after = export_text (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_IMPORT_RUN), ==, 1);
}

/* What a file with no markup is called: text is not XML, wherever its
 * first letter stands; spaces alone, or nothing, are an empty file. */
static void
test_not_xml_named (void)
{
  static const struct {
    const char *content;
    const char *problem;
  } cases[] = {
    { "code,name\nCAE,Caerphilly\n", "plain.xml:1:1: This is not an XML file." },
    { "\xEF\xBB\xBF\n  <?xml version=\"1.0\"?>\n\n   # Notes\n", "plain.xml:4:4: This is not an XML file." },
    { "\n\n   \n", "plain.xml:1:1: The file is empty." },
    { "", "plain.xml:1:1: The file is empty." },
  };
  g_autofree char *path = g_build_filename (core_test_dir (), "plain.xml", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CydStore) store = new_store ("plain.cyd");
      g_autoptr(CydImporter) importer = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *problems;

      g_assert_true (g_file_set_contents (path, cases[i].content, -1, NULL));
      g_assert_false (import_path (store, path, FALSE, &importer, &error));
      g_assert_error (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID);
      problems = cyd_importer_get_problems (importer);
      g_assert_cmpuint (problems->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, cases[i].problem);
    }
}

static void
test_last_record_atomic (void)
{
  g_autoptr(CydStore) store = new_store ("atomic.cyd");
  g_autofree char *path = fixture ("bad", "last-record-bad.xml");
  g_autoptr(GError) error = NULL;

  g_assert_false (import_path (store, path, FALSE, NULL, &error));
  for (guint i = 0; i < CYD_N_RECORD_KINDS + 1; i++)
    g_assert_cmpuint (cyd_store_count (store, cyd_kind_from_index (i)), ==, 0);
}

/* Every index of the store named @name, with its definition, read through
 * a connection of its own. */
static char *
index_list (const char *name)
{
  g_autofree char *path = g_build_filename (core_test_dir (), name, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *list = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_concat (x, char (10)) FROM (SELECT name || ': ' || sql AS x"
                                           " FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  list = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (list);
  return list;
}

/* An import into empty tables makes their indexes once it has written the
 * rows; whatever becomes of the import, the store ends with all of them. */
static void
test_indexes_kept (void)
{
  const char *demo = g_getenv ("CYD_DEMO_XML");
  g_autofree char *bad = fixture ("bad", "last-record-bad.xml");
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(CydStore) store = new_store ("indexes.cyd");
    before = index_list ("indexes.cyd");
    g_assert_nonnull (strstr (before, "person_name_nocase"));
    g_assert_nonnull (strstr (before, "assignment_post"));

    g_assert_false (import_path (store, bad, FALSE, NULL, &error));
    g_clear_error (&error);
    g_assert_true (import_path (store, demo, TRUE, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), ==, 0);
  }
  {
    g_autofree char *after = index_list ("indexes.cyd");
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_autofree char *path = g_build_filename (core_test_dir (), "indexes.cyd", NULL);
    g_autoptr(CydStore) store = cyd_store_open (path, &error);
    g_assert_no_error (error);
    import_ok (store, demo);
    g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), >=, 200);
  }
  {
    g_autofree char *after = index_list ("indexes.cyd");
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_round_trip_demo (void)
{
  const char *demo = g_getenv ("CYD_DEMO_XML");
  g_autoptr(CydStore) a = new_store ("a.cyd");
  g_autoptr(CydStore) b = new_store ("b.cyd");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *export_path = g_build_filename (core_test_dir (), "export.xml", NULL);

  g_assert_nonnull (demo);
  import_ok (a, demo);
  g_assert_cmpuint (cyd_store_count (a, CYD_KIND_STAFF), >=, 200);
  g_assert_cmpuint (cyd_store_count (a, CYD_KIND_MILESTONE), >=, 30);
  first = export_text (a);
  g_assert_true (g_file_set_contents (export_path, first, -1, NULL));

  import_ok (b, export_path);
  second = export_text (b);
  g_assert_cmpstr (first, ==, second);
}

/* Markup in names is escaped on the way out, and tabs and line breaks in
 * attributes are kept as character references, so a second import reads
 * back what the first one did. */
static void
test_export_escapes (void)
{
  g_autofree char *example_path = fixture ("good", "spec-example.xml");
  g_autofree char *source_path = g_build_filename (core_test_dir (), "escapes.xml", NULL);
  g_autofree char *export_path = g_build_filename (core_test_dir (), "escapes-export.xml", NULL);
  g_autofree char *example = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GString) source = NULL;
  g_autoptr(CydStore) a = new_store ("escapes-a.cyd");
  g_autoptr(CydStore) b = new_store ("escapes-b.cyd");

  g_assert_true (g_file_get_contents (example_path, &example, NULL, NULL));
  source = g_string_new (example);
  g_assert_cmpuint (g_string_replace (source, "family-name=\"Hughes\"",
                                      "family-name=\"O&apos;Hughes &amp; &quot;Co&quot; &lt;a&gt;&#9;b&#10;c\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (source, ">Caerphilly County Borough Council<",
                                      ">Caerphilly &amp; &lt;Gwent&gt; \"Council\" 'Cymru'&#13;Wales<", 1), ==, 1);
  g_assert_true (g_file_set_contents (source_path, source->str, -1, NULL));

  import_ok (a, source_path);
  first = export_text (a);
  g_assert_nonnull (strstr (first, "family-name=\"O'Hughes &amp; &quot;Co&quot; &lt;a&gt;&#9;b&#10;c\""));
  g_assert_nonnull (strstr (first, ">Caerphilly &amp; &lt;Gwent&gt; &quot;Council&quot; 'Cymru'&#13;Wales</name>"));

  g_assert_true (g_file_set_contents (export_path, first, -1, NULL));
  import_ok (b, export_path);
  second = export_text (b);
  g_assert_cmpstr (first, ==, second);
}

static void
test_export_file_private (void)
{
  g_autoptr(CydStore) store = new_store ("exp.cyd");
  g_autofree char *base = fixture ("good", "spec-example.xml");
  g_autofree char *out = g_build_filename (core_test_dir (), "out.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  import_ok (store, base);
  g_assert_true (cyd_export_to_file (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* An export that does not finish leaves the file that was there; one that
 * does replaces it whole. */
static void
test_export_cancelled_keeps_file (void)
{
  g_autoptr(CydStore) store = new_store ("exp-cancel.cyd");
  g_autofree char *base = fixture ("good", "spec-example.xml");
  g_autofree char *out = g_build_filename (core_test_dir (), "kept.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;

  import_ok (store, base);
  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (cyd_export_to_file (store, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_clear_pointer (&contents, g_free);
  g_clear_error (&error);
  g_assert_true (cyd_export_to_file (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  expected = export_text (store);
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_cancel (void)
{
  const char *demo = g_getenv ("CYD_DEMO_XML");
  g_autoptr(CydStore) store = new_store ("cancel.cyd");
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(CydImporter) importer = cyd_importer_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cyd_importer_import_file (importer, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), ==, 0);
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_importer_import_finish (CYD_IMPORTER (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  g_atomic_int_inc ((int *) user_data);
}

static void
test_async_with_progress (void)
{
  const char *demo = g_getenv ("CYD_DEMO_XML");
  g_autoptr(CydStore) store = new_store ("async.cyd");
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(CydImporter) importer = cyd_importer_new (store);
  gboolean done = FALSE;
  int progress = 0;

  cyd_importer_set_progress_func (importer, count_progress, &progress);
  cyd_importer_import_async (importer, file, NULL, on_async_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_atomic_int_get (&progress), >, 1);
  g_assert_cmpuint (cyd_store_count (store, CYD_KIND_STAFF), >=, 200);
}

static void
free_bad_case (gpointer data)
{
  BadCase *c = data;

  g_free (c->file);
  g_free (c);
}

static void
add_bad_cases (void)
{
  g_autofree char *manifest = fixture ("bad", "EXPECTED");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (manifest, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      BadCase *c;
      g_autofree char *test_path = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 4);
      g_assert_cmpuint (g_strv_length (fields), >=, 2);
      c = g_new0 (BadCase, 1);
      c->file = g_strdup (fields[0]);
      c->line = atoi (fields[1]);
      test_path = g_strdup_printf ("/core/importer/refuse/%s", c->file);
      g_test_add_data_func_full (test_path, c, test_bad_file, free_bad_case);
    }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  fixtures = g_getenv ("CYD_FIXTURES");
  g_assert_nonnull (fixtures);

  g_test_add_func ("/core/importer/good-files", test_good_files);
  g_test_add_func ("/core/importer/counts-idempotence", test_counts_and_idempotence);
  g_test_add_func ("/core/importer/dry-run", test_dry_run_writes_nothing);
  g_test_add_func ("/core/importer/disk-full", test_disk_full);
  g_test_add_func ("/core/importer/partial-update", test_partial_update_keeps_values);
  g_test_add_func ("/core/importer/snapshot", test_snapshot_marks_leavers);
  g_test_add_func ("/core/importer/last-record-atomic", test_last_record_atomic);
  g_test_add_func ("/core/importer/not-xml-named", test_not_xml_named);
  g_test_add_func ("/core/importer/cancel", test_cancel);
  g_test_add_func ("/core/importer/indexes-kept", test_indexes_kept);
  g_test_add_func ("/core/importer/async-progress", test_async_with_progress);
  g_test_add_func ("/core/exporter/round-trip-demo", test_round_trip_demo);
  g_test_add_func ("/core/exporter/escapes", test_export_escapes);
  g_test_add_func ("/core/exporter/private-file", test_export_file_private);
  g_test_add_func ("/core/exporter/cancelled-keeps-file", test_export_cancelled_keeps_file);
  add_bad_cases ();
  return core_test_run ();
}
