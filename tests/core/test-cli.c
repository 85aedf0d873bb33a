/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "core-test-util.h"

/* Each run works in a directory of its own. */
static const char *cli;
static const char *fixtures;

static int
run (const char  *args,
     char       **out_stdout,
     char       **out_stderr)
{
  g_autofree char *command = g_strdup_printf ("%s %s", cli, args);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  int status = 0;

  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
db_path (const char *name)
{
  g_autofree char *path = g_build_filename (core_test_dir (), name, NULL);

  g_unlink (path);
  return g_steal_pointer (&path);
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run ("--help", &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import"));
  g_assert_nonnull (strstr (out, "export"));
  g_assert_nonnull (strstr (out, "check"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run ("--version", &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "cyd-cli " PACKAGE_VERSION));

  g_assert_cmpint (run ("", NULL, &err), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("frobnicate x.cyd", NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("import --no-such-option a b", NULL, NULL), ==, 2);
  g_assert_cmpint (run ("import only-a-db.cyd", NULL, NULL), ==, 2);
  g_assert_cmpint (run ("export", NULL, NULL), ==, 2);
  g_assert_cmpint (run ("check a.cyd b.cyd", NULL, NULL), ==, 2);
  g_assert_cmpint (run ("import --help", &out, NULL), ==, 0);
}

static void
test_import_export_check (void)
{
  g_autofree char *db = db_path ("cli.cyd");
  g_autofree char *good = g_build_filename (fixtures, "good", "spec-example.xml", NULL);
  g_autofree char *bad = g_build_filename (fixtures, "bad", "last-record-bad.xml", NULL);
  g_autofree char *args = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *out_path = g_build_filename (core_test_dir (), "cli-export.xml", NULL);
  g_autofree char *written = NULL;

  /* A dry run writes nothing, not even the new programme it checked for. */
  args = g_strdup_printf ("import --dry-run %s %s", db, good);
  g_assert_cmpint (run (args, NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "10 added"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&args, g_free);

  /* Only an import makes a programme: another command given a path with
   * nothing there is refused, and makes nothing. */
  args = g_strdup_printf ("export %s", db);
  g_assert_cmpint (run (args, &first, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no such file"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&args, g_free);
  args = g_strdup_printf ("check %s", db);
  g_assert_cmpint (run (args, NULL, NULL), ==, 1);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_clear_pointer (&args, g_free);

  args = g_strdup_printf ("import %s %s", db, good);
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_clear_pointer (&args, g_free);

  args = g_strdup_printf ("export %s", db);
  g_assert_cmpint (run (args, &first, NULL), ==, 0);
  g_assert_nonnull (strstr (first, "<council "));
  g_clear_pointer (&args, g_free);

  /* Refused data: exit 1, located messages, nothing written. */
  args = g_strdup_printf ("import %s %s", db, bad);
  g_assert_cmpint (run (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "last-record-bad.xml:249:"));
  g_clear_pointer (&args, g_free);

  /* Two files together: the good one is not kept when the other is
   * refused, and the programme made for them is not left behind. */
  {
    g_autofree char *fresh = db_path ("cli2.cyd");
    g_autofree char *wal = g_strconcat (fresh, "-wal", NULL);

    args = g_strdup_printf ("import %s %s %s", fresh, good, bad);
    g_assert_cmpint (run (args, NULL, NULL), ==, 1);
    g_clear_pointer (&args, g_free);
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  args = g_strdup_printf ("export %s", db);
  g_assert_cmpint (run (args, &second, NULL), ==, 0);
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&args, g_free);

  args = g_strdup_printf ("export %s -o %s", db, out_path);
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, first);
  g_clear_pointer (&args, g_free);

  args = g_strdup_printf ("check %s", db);
  g_assert_cmpint (run (args, NULL, NULL), ==, 0);
}

static void
test_refuses_non_database (void)
{
  g_autofree char *path = g_build_filename (core_test_dir (), "text.cyd", NULL);
  g_autofree char *args = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, "just some notes\n", -1, NULL));
  args = g_strdup_printf ("check %s", path);
  g_assert_cmpint (run (args, NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not a Cyd programme"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cli = g_getenv ("CYD_CLI");
  fixtures = g_getenv ("CYD_FIXTURES");
  g_assert_nonnull (cli);
  g_assert_nonnull (fixtures);

  g_test_add_func ("/core/cli/usage", test_usage);
  g_test_add_func ("/core/cli/import-export-check", test_import_export_check);
  g_test_add_func ("/core/cli/not-a-database", test_refuses_non_database);
  return core_test_run ();
}
