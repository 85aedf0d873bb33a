/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: `cyd-cli import` is killed with SIGKILL at random moments of
 * a large import. After each kill the file opens, passes `cyd-cli check`, and
 * holds exactly the old programme or exactly the new one.
 *
 * Suite "slow". CYD_CRASH_TRIALS (default 50) and CYD_CRASH_STAFF (default
 * 3000) change its size. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/wait.h>

#include "core-test-util.h"

static const char *cli;
static const char *dir;

static int
run (char       **out_stdout,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               out_stdout, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
path_in_dir (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
remove_db (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (journal);
}

/* The base file is closed (its last user checkpointed it): a byte copy is
 * a whole copy. */
static void
copy_db (const char *from,
         const char *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (from, "-wal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  remove_db (to);
  g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
export_of (const char *db)
{
  char *out = NULL;

  g_assert_cmpint (run (&out, "export", db, NULL), ==, 0);
  return out;
}

static gint64
kill_import_after (const char *db,
                   const char *xml,
                   gint64      delay_us)
{
  const char *argv[] = { cli, "import", db, xml, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  if (delay_us >= 0)
    {
      g_usleep (delay_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return g_get_monotonic_time () - start;
}

static void
test_sigkill (void)
{
  guint trials = g_getenv ("CYD_CRASH_TRIALS") ? atoi (g_getenv ("CYD_CRASH_TRIALS")) : 50;
  const char *staff = g_getenv ("CYD_CRASH_STAFF") ? g_getenv ("CYD_CRASH_STAFF") : "3000";
  g_autofree char *old_xml = path_in_dir ("old.xml");
  g_autofree char *new_xml = path_in_dir ("new.xml");
  g_autofree char *base = path_in_dir ("base.cyd");
  g_autofree char *expect = path_in_dir ("expect.cyd");
  g_autofree char *trial = path_in_dir ("trial.cyd");
  g_autofree char *old_export = NULL;
  g_autofree char *new_export = NULL;
  guint saw_old = 0, saw_new = 0;
  gint64 full;

  g_assert_cmpint (run (NULL, "generate", "--staff", staff, "--seed", "1", "-o", old_xml, NULL), ==, 0);
  g_assert_cmpint (run (NULL, "generate", "--staff", staff, "--seed", "2", "-o", new_xml, NULL), ==, 0);
  g_assert_cmpint (run (NULL, "import", base, old_xml, NULL), ==, 0);
  old_export = export_of (base);

  copy_db (base, expect);
  full = kill_import_after (expect, new_xml, -1);
  new_export = export_of (expect);
  g_assert_cmpstr (old_export, !=, new_export);

  for (guint i = 0; i < trials; i++)
    {
      g_autofree char *after = NULL;
      gint64 delay = g_test_rand_int_range (0, (gint32) MIN (full * 11 / 10, G_MAXINT32));

      copy_db (base, trial);
      kill_import_after (trial, new_xml, delay);
      g_assert_cmpint (run (NULL, "check", trial, NULL), ==, 0);
      after = export_of (trial);
      if (g_str_equal (after, old_export))
        saw_old++;
      else if (g_str_equal (after, new_export))
        saw_new++;
      else
        g_error ("after a kill at %" G_GINT64_FORMAT " µs the file holds neither the old data nor the new", delay);
    }
  g_test_message ("%u kills: old data %u times, new data %u times", trials, saw_old, saw_new);
  g_assert_cmpuint (saw_old + saw_new, ==, trials);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cli = g_getenv ("CYD_CLI");
  g_assert_nonnull (cli);
  dir = core_test_dir ();
  g_test_add_func ("/slow/crash/sigkill-during-import", test_sigkill);
  return core_test_run ();
}
