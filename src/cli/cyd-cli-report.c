/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cyd-cli.h"
#include "cyd-report.h"

static char *
describe_kinds (void)
{
  GString *text = g_string_new (_("Kinds of report:"));

  for (CydReportKind kind = 0; kind < CYD_REPORT_N_KINDS; kind++)
    g_string_append_printf (text, "\n  %-12s %s", cyd_report_kind_to_string (kind),
                            cyd_report_kind_get_label (kind));
  g_string_append_printf (text, "\n\n%s", _("Papers: a4, a4-landscape, a3-landscape."));
  return g_string_free (text, FALSE);
}

static gboolean
parse_choices (const char         *lang,
               const char         *paper_name,
               const char         *as_at,
               CydReportLanguage  *language,
               CydPaper           *paper,
               char              **message)
{
  if (lang != NULL && !cyd_report_language_from_string (lang, language))
    *message = g_strdup_printf (_("Unknown language “%s”: use cy, en or both."), lang);
  else if (paper_name != NULL && !cyd_paper_from_string (paper_name, paper))
    *message = g_strdup_printf (_("Unknown paper “%s”."), paper_name);
  else if (as_at != NULL && !cyd_date_is_valid_iso (as_at))
    *message = g_strdup_printf (_("“%s” is not a date like 2025-04-01."), as_at);
  return *message == NULL;
}

int
cyd_cli_report_command (int    argc,
                        char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *kinds = describe_kinds ();
  g_autofree char *message = NULL;
  gboolean names = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang, N_("Language of the report: cy, en or both (Welsh first); default en"), N_("LANG") },
    { "as-at", 'd', 0, G_OPTION_ARG_STRING, &as_at, N_("The date the report is as at; default today"), N_("DATE") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper: a4, a4-landscape or a3-landscape; default a4"), N_("PAPER") },
    { "names", 0, 0, G_OPTION_ARG_NONE, &names, N_("Name the staff at risk (personal data)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("KIND DB -o FILE.pdf — write a report as PDF"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CydReportKind kind;
  CydReportLanguage language = CYD_REPORT_LANGUAGE_EN;
  CydPaper paper = CYD_PAPER_A4_PORTRAIT;
  int status = EXIT_DONE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, kinds);
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3 || output == NULL)
    return cyd_cli_usage_error (context, _("Name a kind of report, a programme file and -o FILE.pdf."));
  if (!cyd_report_kind_from_string (argv[1], &kind))
    {
      g_autofree char *unknown = g_strdup_printf (_("Unknown kind of report “%s”."), argv[1]);
      return cyd_cli_usage_error (context, unknown);
    }
  if (!parse_choices (lang, paper_name, as_at, &language, &paper, &message))
    return cyd_cli_usage_error (context, message);

  store = cyd_cli_open_store (argv[2]);
  if (store == NULL)
    return EXIT_REFUSED;
  report = cyd_report_new (store, kind, language, as_at, names, &error);
  if (report == NULL || !cyd_report_write_pdf (report, paper, output, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_DONE;
}
