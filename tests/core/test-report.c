/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-report.h"

typedef struct {
  CydReportKind      kind;
  gboolean           demo;
  CydReportLanguage  language;
  CydPaper           paper;
  const char        *expected[4];
  guint              max_pages;
} ReportCase;

#define AS_AT "2014-06-01"

static const ReportCase cases[] = {
  { CYD_REPORT_PROGRAMME, TRUE, CYD_REPORT_LANGUAGE_EN, CYD_PAPER_A4_PORTRAIT,
    { "Programme status", "As at 1 June 2014", "Overdue", "COMMS-04" }, 12 },
  { CYD_REPORT_PROGRAMME, TRUE, CYD_REPORT_LANGUAGE_CY, CYD_PAPER_A3_LANDSCAPE,
    { "Cerrig milltir", "Fel ar 1 Mehefin 2014", "Perchennog", "Cod" }, 12 },
  { CYD_REPORT_PROGRAMME, FALSE, CYD_REPORT_LANGUAGE_EN, CYD_PAPER_A4_PORTRAIT,
    { "Programme status", "no milestones yet", "Page 1 of 1", NULL }, 1 },
  { CYD_REPORT_STRUCTURE, TRUE, CYD_REPORT_LANGUAGE_EN, CYD_PAPER_A4_PORTRAIT,
    { "Structure comparison", "Staff at risk", "Mapping outcomes", "Slot-in" }, 4 },
  { CYD_REPORT_STRUCTURE, TRUE, CYD_REPORT_LANGUAGE_BOTH, CYD_PAPER_A4_LANDSCAPE,
    { "Swyddi / Posts", "Fel ar 1 Mehefin 2014 / As at 1 June 2014", "Cyfarwyddiaeth / Directorate", NULL }, 6 },
  { CYD_REPORT_STRUCTURE, FALSE, CYD_REPORT_LANGUAGE_CY, CYD_PAPER_A4_PORTRAIT,
    { "Swyddi", NULL }, 2 },
  { CYD_REPORT_BUDGET, TRUE, CYD_REPORT_LANGUAGE_EN, CYD_PAPER_A4_PORTRAIT,
    { "Revenue budget", "£134,116,513.61", "Savings", "Target" }, 8 },
  { CYD_REPORT_BUDGET, TRUE, CYD_REPORT_LANGUAGE_CY, CYD_PAPER_A4_PORTRAIT,
    { "Cyfanswm", "£134,116,513.61", "Arbedion", "Cyllideb" }, 8 },
  { CYD_REPORT_BUDGET, FALSE, CYD_REPORT_LANGUAGE_BOTH, CYD_PAPER_A4_PORTRAIT,
    { "no budget lines yet", "£0.00", NULL }, 2 },
  { CYD_REPORT_WELSH_GAPS, TRUE, CYD_REPORT_LANGUAGE_EN, CYD_PAPER_A4_PORTRAIT,
    { "Welsh gaps", "Texts without Welsh", "23", "Post" }, 4 },
  { CYD_REPORT_WELSH_GAPS, FALSE, CYD_REPORT_LANGUAGE_CY, CYD_PAPER_A4_PORTRAIT,
    { "Fel ar", NULL }, 1 },
};

static CydStore *
open_store (gboolean demo)
{
  static CydStore *stores[2];
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (stores[demo] != NULL)
    return stores[demo];
  path = g_build_filename (core_test_dir (), demo ? "demo.cyd" : "empty.cyd", NULL);
  stores[demo] = cyd_store_open (path, &error);
  g_assert_no_error (error);
  if (demo)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("CYD_DEMO_XML"));
      g_autoptr(CydImporter) importer = cyd_importer_new (stores[demo]);

      g_assert_true (cyd_importer_import_file (importer, file, NULL, &error));
      g_assert_no_error (error);
    }
  return stores[demo];
}

static char *
run (const char *tool,
     const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
count_pages (const char *path)
{
  g_autofree char *info = run ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
test_render (gconstpointer data)
{
  const ReportCase *c = data;
  g_autoptr(CydReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%d-%d.pdf", cyd_report_kind_to_string (c->kind),
                                           c->demo, c->language);
  g_autofree char *path = g_build_filename (core_test_dir (), name, NULL);
  g_autofree char *text = NULL;
  guint pages;

  report = cyd_report_new (open_store (c->demo), c->kind, c->language, AS_AT, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (cyd_report_write_pdf (report, c->paper, path, &error));
  g_assert_no_error (error);

  text = run ("pdftotext", path);
  for (guint i = 0; i < G_N_ELEMENTS (c->expected) && c->expected[i] != NULL; i++)
    if (strstr (text, c->expected[i]) == NULL)
      g_test_fail_printf ("“%s” not in %s", c->expected[i], name);

  pages = count_pages (path);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, c->max_pages);
  g_assert_cmpuint (pages, ==, cyd_report_paginate (report, c->paper));
  if (c->language == CYD_REPORT_LANGUAGE_EN)
    {
      g_autofree char *last = g_strdup_printf ("Page %u of %u", pages, pages);
      g_assert_nonnull (strstr (text, last));
    }
}

/* Names of people only when asked for. */
static void
test_names (void)
{
  g_autoptr(CydReport) without = NULL;
  g_autoptr(CydReport) with = NULL;
  g_autofree char *a = g_build_filename (core_test_dir (), "no-names.pdf", NULL);
  g_autofree char *b = g_build_filename (core_test_dir (), "names.pdf", NULL);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autoptr(GError) error = NULL;

  without = cyd_report_new (open_store (TRUE), CYD_REPORT_STRUCTURE, CYD_REPORT_LANGUAGE_EN, "2016-06-01", FALSE, &error);
  with = cyd_report_new (open_store (TRUE), CYD_REPORT_STRUCTURE, CYD_REPORT_LANGUAGE_EN, "2016-06-01", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cyd_report_write_pdf (without, CYD_PAPER_A4_PORTRAIT, a, &error));
  g_assert_true (cyd_report_write_pdf (with, CYD_PAPER_A4_PORTRAIT, b, &error));
  text_a = run ("pdftotext", a);
  text_b = run ("pdftotext", b);
  g_assert_null (strstr (text_a, "Employee"));
  g_assert_cmpuint (strlen (text_b), >=, strlen (text_a));
}

static void
test_strings (void)
{
  CydReportKind kind;
  CydReportLanguage language;
  CydPaper paper;
  double w, h;

  g_assert_true (cyd_report_kind_from_string ("welsh-gaps", &kind));
  g_assert_cmpint (kind, ==, CYD_REPORT_WELSH_GAPS);
  g_assert_false (cyd_report_kind_from_string ("gaps", &kind));
  g_assert_true (cyd_report_language_from_string ("both", &language));
  g_assert_cmpint (language, ==, CYD_REPORT_LANGUAGE_BOTH);
  g_assert_false (cyd_report_language_from_string ("fr", &language));
  g_assert_true (cyd_paper_from_string ("a3-landscape", &paper));
  cyd_paper_get_size (paper, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 420 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 297 * 72 / 25.4, 0.01);
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("CYD_CLI");
  const char *help[] = { cli, "report", "--help", NULL };
  const char *bad[] = { cli, "report", "frob", "x.cyd", "-o", "x.pdf", NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) help, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  for (CydReportKind k = 0; k < CYD_REPORT_N_KINDS; k++)
    g_assert_nonnull (strstr (out, cyd_report_kind_to_string (k)));
  g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/report/render/%s/%s/%u",
                                               cyd_report_kind_to_string (cases[i].kind),
                                               cases[i].demo ? "demo" : "empty", i);
      g_test_add_data_func (path, &cases[i], test_render);
    }
  g_test_add_func ("/core/report/names", test_names);
  g_test_add_func ("/core/report/strings", test_strings);
  g_test_add_func ("/core/report/cli", test_cli);
  return core_test_run ();
}
