/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "cyd.h"
#include "cyd-cli.h"

void
cyd_cli_print_error (const char *message)
{
  g_printerr ("cyd-cli: %s\n", message);
}

int
cyd_cli_usage_error (GOptionContext *context,
                     const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  cyd_cli_print_error (message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

gboolean
cyd_cli_parse_options (GOptionContext  *context,
                       int             *argc,
                       char          ***argv,
                       int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = cyd_cli_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Only an import makes a new programme: any other command given a path
 * with nothing there (a name mistyped, say) is refused, rather than make
 * an empty programme and report on that. */
static CydStore *
open_store (const char *path,
            gboolean    create)
{
  g_autoptr(GError) error = NULL;
  CydStore *store;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name; “import” is the command, not to be translated */
      g_autofree char *message = g_strdup_printf (_("%s: there is no such file; “import” makes a new programme."),
                                                  path);
      cyd_cli_print_error (message);
      return NULL;
    }

  store = cyd_store_open (path, &error);
  if (store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: %s"), path, error->message);
      cyd_cli_print_error (message);
      return NULL;
    }
  if (cyd_store_get_upgrade_backup (store) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s was upgraded; a copy of the old file was kept as %s"),
                                                  path, cyd_store_get_upgrade_backup (store));
      cyd_cli_print_error (message);
    }
  return store;
}

CydStore *
cyd_cli_open_store (const char *path)
{
  return open_store (path, FALSE);
}

/* Removes a programme the import made, with its journal, when nothing
 * was imported into it. */
static void
remove_new_programme (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static int
import_into (CydStore  *store,
             int        argc,
             char     **argv,
             gboolean   dry_run)
{
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  gboolean together;

  /* One file is one transaction of the importer's own (the fast path);
   * several share one, so that all land or none. */
  together = argc > 3;
  if (together && !cyd_store_begin (store, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(CydImporter) importer = cyd_importer_new (store);
      g_autoptr(GError) import_error = NULL;
      g_autofree char *summary = NULL;

      cyd_importer_set_dry_run (importer, dry_run && !together);
      if (!cyd_importer_import_file (importer, file, NULL, &import_error))
        {
          GPtrArray *problems = cyd_importer_get_problems (importer);

          for (guint p = 0; p < problems->len; p++)
            g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, p));
          cyd_cli_print_error (import_error->message);
          status = EXIT_REFUSED;
          continue;
        }

      summary = cyd_importer_format_summary (importer);
      g_printerr (dry_run ? _("%s (dry run, nothing written):\n%s\n") : _("%s:\n%s\n"), argv[i], summary);
    }

  if (!together)
    return status;
  if (status != EXIT_DONE || dry_run)
    {
      cyd_store_rollback (store);
      if (status != EXIT_DONE && argc > 3)
        cyd_cli_print_error (_("Nothing was imported."));
      return status;
    }

  if (!cyd_store_commit (store, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_DONE;
}

static int
import_command (int    argc,
                char **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check the files and count what would change; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB FILE… — import XML files into a programme"));
  g_autoptr(CydStore) store = NULL;
  int status = EXIT_DONE;
  gboolean created;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("All the files are imported together: if any is refused, nothing is written."));
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 3)
    return cyd_cli_usage_error (context, _("Name a programme file and at least one XML file."));

  created = !g_file_test (argv[1], G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
  store = open_store (argv[1], TRUE);
  if (store != NULL)
    status = import_into (store, argc, argv, dry_run);
  else
    status = EXIT_REFUSED;

  /* A programme made for an import that wrote nothing is not left behind. */
  if (created && (status != EXIT_DONE || dry_run))
    {
      g_clear_object (&store);
      remove_new_programme (argv[1]);
    }
  return status;
}


static int
export_command (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — export a programme as XML"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL)
    return EXIT_REFUSED;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      ok = cyd_export_to_file (store, file, NULL, &error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, 65536);

      ok = cyd_export_to_stream (store, buffered, NULL, &error) &&
           g_output_stream_close (buffered, NULL, &error);
    }

  if (!ok)
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  return EXIT_DONE;
}

static int
check_command (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — check a programme file"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  g_option_context_set_summary (context,
                                _("Runs SQLite’s integrity check and Cyd’s own consistency rules."));
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL)
    return EXIT_REFUSED;

  if (!cyd_store_check (store, &problems, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", argv[1], (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: %u problem found.\n", "%s: %u problems found.\n",
                               problems->len), argv[1], problems->len);
      return EXIT_REFUSED;
    }
  g_printerr (_("%s: no problems found.\n"), argv[1]);
  return EXIT_DONE;
}

/* One line per command; each command beyond these lives in cyd-cli-NAME.c. */
static const struct {
  const char     *name;
  CydCliCommand   func;
  const char     *summary;
} commands[] = {
  { "import", import_command, N_("Import XML files into a programme (created when missing)") },
  { "export", export_command, N_("Export a whole programme as XML") },
  { "check", check_command, N_("Check a programme file’s integrity and consistency") },
  { "generate", cyd_cli_generate_command, N_("Write a realistic test programme of N staff as XML") },
  { "milestones", cyd_cli_milestones_command, N_("List milestones with their computed RAG, risks and reasons") },
  { "budget", cyd_cli_budget_command, N_("Print a year’s budget totals by directorate and service line") },
  { "savings", cyd_cli_savings_command, N_("Print the savings tracker: each saving, totals, RAG") },
  { "structure", cyd_cli_structure_command, N_("Measure each structure at a date: posts, cost, managers, layers, spans") },
  { "report", cyd_cli_report_command, N_("Write a report for a programme board as PDF: programme, structure, budget, welsh-gaps") },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  cyd-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…] DB [FILE…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “cyd-cli COMMAND --help” for a command’s options."));
  fprintf (stream, "%s\n", _("Exit status: 0 done, 1 the data was refused (nothing written), 2 usage error."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("CYD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return EXIT_DONE;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cyd-cli %s\n", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *prgname = g_strdup_printf ("cyd-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
    cyd_cli_print_error (message);
    print_help (stderr);
  }
  return EXIT_USAGE;
}
