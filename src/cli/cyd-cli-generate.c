/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cyd-cli.h"
#include "cyd-generator.h"

#define MAX_STAFF 10000000

int
cyd_cli_generate_command (int    argc,
                          char **argv)
{
  g_autofree char *output = NULL;
  int staff = 1000;
  int seed = 1;
  GOptionEntry entries[] = {
    { "staff", 'n', 0, G_OPTION_ARG_INT, &staff, N_("How many members of staff (default 1000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("Seed: the same seed gives the same file (default 1)"), N_("SEED") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— write a realistic test programme as XML"));
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes legacy and merged structures, mappings, budgets, savings and milestones "
                                  "of a fictional merger, for tests and benchmarks."));
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 1 || output == NULL)
    return cyd_cli_usage_error (context, _("Name the output file with -o FILE."));
  if (staff < 1 || staff > MAX_STAFF)
    return cyd_cli_usage_error (context, _("The number of staff must be between 1 and 10,000,000."));

  if (!cyd_generate_to_file (output, (guint) staff, (guint32) seed, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_DONE;
}
