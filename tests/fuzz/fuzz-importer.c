/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the importer: each input is imported, as a dry run,
 * into one programme file made at start-up. Build with clang:
 *
 *   CC=clang meson setup /tmp/build-fuzz -Dfuzzing=true -Dapp=disabled
 *   ninja -C /tmp/build-fuzz tests/fuzz/fuzz-importer
 *   build-aux/fuzz.sh /tmp/build-fuzz 600     # seeds from tests/fixtures
 *
 * A crash, a leak or an undefined behaviour is a finding: keep the input as
 * a fixture in tests/fixtures/fuzz/ (the robustness test imports each). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>

#include "cyd.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static CydStore *store;
static char *input_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cyd-fuzz-XXXXXX", &error);
  g_autofree char *db = NULL;

  g_assert_no_error (error);
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  db = g_build_filename (dir, "fuzz.cyd", NULL);
  input_path = g_build_filename (dir, "input.xml", NULL);
  store = cyd_store_open (db, &error);
  g_assert_no_error (error);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) file = g_file_new_for_path (input_path);
  g_autoptr(CydImporter) importer = cyd_importer_new (store);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (input_path, (const char *) data, size, NULL))
    return 0;
  cyd_importer_set_dry_run (importer, TRUE);
  if (!cyd_importer_import_file (importer, file, NULL, &error))
    g_assert_true (g_error_matches (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID) ||
                   g_error_matches (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_FAILED));
  g_assert_false (cyd_store_in_transaction (store));
  return 0;
}
