/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include "core-test-util.h"

#include <glib/gstdio.h>

/* A directory of the test program's own, made when first asked for. */
const char *
core_test_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_dir_make_tmp ("cyd-test-XXXXXX", NULL);
  g_assert_nonnull (dir);
  return dir;
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
