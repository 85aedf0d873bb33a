/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include "core-test-util.h"

#include <glib/gstdio.h>

static char *test_dir;

/* A directory of the test program's own, made when first asked for and
 * removed by core_test_run() when every test passed. */
const char *
core_test_dir (void)
{
  if (test_dir == NULL)
    test_dir = g_dir_make_tmp ("cyd-test-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  return test_dir;
}

static gboolean
remove_tree (GFile   *dir,
             GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (children == NULL)
    return FALSE;
  while (TRUE)
    {
      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
          ? !remove_tree (child, error)
          : !g_file_delete (child, NULL, error))
        return FALSE;
    }
  return g_file_delete (dir, NULL, error);
}

/* Runs the tests; when all of them passed, removes core_test_dir(). A
 * failed run leaves it, to look at. */
int
core_test_run (void)
{
  int status = g_test_run ();

  if (status == 0 && test_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (test_dir);
      g_autoptr(GError) error = NULL;

      if (!remove_tree (dir, &error))
        g_printerr ("# could not remove %s: %s\n", test_dir, error->message);
      g_clear_pointer (&test_dir, g_free);
    }
  return status;
}

/* A new store @name in core_test_dir() holding the bundled demo
 * programme, in place of any store of that name. */
CydStore *
core_test_open_demo (const char *name)
{
  g_autofree char *path = g_build_filename (core_test_dir (), name, NULL);
  g_autoptr(GFile) demo = g_file_new_for_path (g_getenv ("CYD_DEMO_XML"));
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  CydStore *store;

  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  importer = cyd_importer_new (store);
  g_assert_true (cyd_importer_import_file (importer, demo, NULL, &error));
  g_assert_no_error (error);
  return store;
}
