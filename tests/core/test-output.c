/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "cyd-output.h"
#include "cyd-report.h"
#include "core-test-util.h"

/* A fresh directory holding one world-readable file, "old.txt". */
static char *
make_dir_with_old_file (const char *name,
                        char      **old_path)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_build_filename (core_test_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  *old_path = g_build_filename (dir, "old.txt", NULL);
  g_assert_true (g_file_set_contents (*old_path, "old", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (*old_path, 0644), ==, 0);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_file (const char *path,
             const char *contents,
             int         mode)
{
  g_autofree char *read = NULL;
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &read, NULL, NULL));
  g_assert_cmpstr (read, ==, contents);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

/* Limits the size of the files this process writes to @bytes, standing
 * in for a disk that fills up there: a write past it fails (EFBIG) rather
 * than stop the process. Returns the limit to put back. */
static struct rlimit
limit_file_size (rlim_t bytes)
{
  struct rlimit saved, limit;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = bytes;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  return saved;
}

static void
restore_file_size (const struct rlimit *saved)
{
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, saved), ==, 0);
}

/* Closed, the output takes the old file's place, private to its owner. */
static void
test_close (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-close", &old_path);
  g_autoptr(GFile) file = g_file_new_for_path (old_path);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = cyd_output_open (file, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "new", 3, NULL, NULL, &error));
  /* Nothing changes until the output is closed. */
  assert_file (old_path, "old", 0644);
  g_assert_true (cyd_output_close (stream, NULL, &error));
  g_assert_no_error (error);
  assert_file (old_path, "new", 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* Abandoned, or cancelled, the output leaves the old file as it was and
 * nothing beside it. */
static void
test_abandon (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-abandon", &old_path);
  g_autoptr(GFile) file = g_file_new_for_path (old_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GOutputStream) stream = cyd_output_open (file, 4, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (g_output_stream_write_all (stream, "half of the new", 15, NULL, NULL, &error));
      if (i == 0)
        {
          cyd_output_abandon (stream, NULL);
        }
      else
        {
          g_cancellable_cancel (cancellable);
          g_assert_false (cyd_output_close (stream, cancellable, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_clear_error (&error);
        }
      g_assert_true (g_output_stream_is_closed (stream));
      assert_file (old_path, "old", 0644);
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }
}

/* Where the output cannot go, it says why, and makes nothing. */
static void
test_missing_folder (void)
{
  g_autofree char *path = g_build_filename (core_test_dir (), "no-such-folder", "x.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = cyd_output_open (file, 0, NULL, &error);

  g_assert_null (stream);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_str_has_suffix (error->message, ": the folder does not exist"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Opens an output over @path, writes 3,000 bytes, and closes it with the
 * file-size limit at 1,000, which fails; returns the stream, closed. */
static GOutputStream *
close_past_limit (const char  *path,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) stream = NULL;
  g_autofree char *data = g_strnfill (3000, 'x');
  struct rlimit saved;

  stream = cyd_output_open (file, 4096, NULL, error);
  g_assert_no_error (*error);
  g_assert_true (g_output_stream_write_all (stream, data, 3000, NULL, NULL, error));

  saved = limit_file_size (1000);
  g_assert_false (cyd_output_close (stream, NULL, error));
  restore_file_size (&saved);
  g_assert_nonnull (*error);
  return g_steal_pointer (&stream);
}

/* When the last of the output cannot be written (here the file-size limit
 * stands in for a full disk), the old file is left as it was: closing the
 * buffered stream alone would put the part written in its place. */
static void
test_full_disk (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-full", &old_path);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  stream = close_past_limit (old_path, &error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, old_path));
  g_assert_true (g_str_has_suffix (error->message, ": the file would be larger than that disk allows"));
  g_assert_true (g_output_stream_is_closed (stream));

  /* Abandoning it too, as a caller's one failure path does, is harmless
   * and tells the error once. */
  message = g_strdup (error->message);
  cyd_output_abandon (stream, &error);
  g_assert_cmpstr (error->message, ==, message);
  assert_file (old_path, "old", 0644);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* An export the disk cannot hold says why, names the file, and leaves the
 * old file as it was. */
/* Where there is no file to replace, GIO writes the new one in place: an
 * output abandoned, cancelled or failed there leaves no file behind, and
 * one closed is there, private. */
static void
test_new_file (void)
{
  g_autofree char *dir = g_build_filename (core_test_dir (), "output-new", NULL);
  g_autofree char *path = g_build_filename (dir, "new.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_strnfill (3000, 'x');

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GOutputStream) stream = cyd_output_open (file, 4096, NULL, NULL);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      struct rlimit saved;

      g_assert_nonnull (stream);
      g_assert_true (g_output_stream_write_all (stream, data, 3000, NULL, NULL, &error));
      g_assert_no_error (error);
      switch (i)
        {
        case 0:
          cyd_output_abandon (stream, NULL);
          break;
        case 1:
          g_cancellable_cancel (cancellable);
          g_assert_false (cyd_output_close (stream, cancellable, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          break;
        case 2:
          /* a full disk, at the last write */
          saved = limit_file_size (1000);
          g_assert_false (cyd_output_close (stream, NULL, &error));
          restore_file_size (&saved);
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, path));
          cyd_output_abandon (stream, NULL);
          break;
        default:
          g_assert_true (cyd_output_close (stream, NULL, &error));
          g_assert_no_error (error);
          break;
        }
      g_assert_true (g_output_stream_is_closed (stream));
      if (i < 3)
        {
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
          g_assert_cmpuint (count_entries (dir), ==, 0);
        }
      else
        {
          assert_file (path, data, 0600);
        }
    }

  /* A file that another program put there meanwhile is not removed. */
  {
    g_autoptr(GOutputStream) stream = NULL;

    g_assert_cmpint (g_unlink (path), ==, 0);
    stream = cyd_output_open (file, 4096, NULL, NULL);
    g_assert_nonnull (stream);
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
    cyd_output_abandon (stream, NULL);
    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_full_disk (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-export", &old_path);
  g_autoptr(GFile) file = g_file_new_for_path (old_path);
  g_autoptr(CydStore) store = core_test_open_demo ("output-export.cyd");
  g_autoptr(GError) error = NULL;
  struct rlimit saved;
  gboolean ok;

  saved = limit_file_size (100000);
  ok = cyd_export_to_file (store, file, NULL, &error);
  restore_file_size (&saved);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  g_assert_nonnull (strstr (error->message, old_path));
  g_assert_true (g_str_has_suffix (error->message, ": the file would be larger than that disk allows"));
  assert_file (old_path, "old", 0644);
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A report (which may name people) replaces the file there with a
 * private PDF; where it cannot be written, the message names the path. */
static void
test_report_pdf (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-report", &old_path);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "r.pdf", NULL);
  g_autoptr(CydStore) store = core_test_open_demo ("output-report.cyd");
  g_autoptr(CydReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  report = cyd_report_new (store, CYD_REPORT_STRUCTURE, CYD_REPORT_LANGUAGE_EN, "2016-06-01", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cyd_report_write_pdf (report, CYD_PAPER_A4_PORTRAIT, old_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (old_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (old_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_false (cyd_report_write_pdf (report, CYD_PAPER_A4_PORTRAIT, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* In Welsh, a file too large for its disk is told in Welsh: GLib's own
 * message for it is half English. */
static void
test_too_large_welsh (void)
{
  g_autofree char *old_path = NULL;
  g_autofree char *dir = make_dir_with_old_file ("output-too-large", &old_path);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *expected = NULL;

  g_assert_nonnull (g_getenv ("CYD_LOCALEDIR"));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CYD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "cy", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "cy_GB.UTF-8"));

  stream = close_past_limit (old_path, &error);

  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, old_locale);

  expected = g_strdup_printf ("Methu ysgrifennu “%s”: byddai’r ffeil yn fwy nag y mae’r ddisg honno’n ei ganiatáu",
                              old_path);
  g_assert_cmpstr (error->message, ==, expected);
  assert_file (old_path, "old", 0644);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/output/close", test_close);
  g_test_add_func ("/core/output/abandon", test_abandon);
  g_test_add_func ("/core/output/missing-folder", test_missing_folder);
  g_test_add_func ("/core/output/full-disk", test_full_disk);
  g_test_add_func ("/core/output/new-file", test_new_file);
  g_test_add_func ("/core/output/export-full-disk", test_export_full_disk);
  g_test_add_func ("/core/output/report-pdf", test_report_pdf);
  g_test_add_func ("/core/output/too-large-welsh", test_too_large_welsh);

  return core_test_run ();
}
