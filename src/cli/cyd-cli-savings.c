/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cyd-cli.h"
#include "cyd-cli-json.h"
#include "cyd-savings.h"

static void
json_totals (GString                *out,
             const CydSavingsTotals *totals)
{
  gboolean has;
  gint64 share = cyd_savings_share (totals->achieved, totals->target, &has);
  gint64 forecast_share = cyd_savings_share (totals->forecast, totals->target, NULL);

  g_string_append (out, "{\"target\":");
  cyd_json_money (out, TRUE, totals->target);
  g_string_append (out, ",\"forecast\":");
  cyd_json_money (out, TRUE, totals->forecast);
  g_string_append (out, ",\"achieved\":");
  cyd_json_money (out, TRUE, totals->achieved);
  g_string_append_printf (out, ",\"count\":%u", totals->count);
  /* Shares of target in hundredths of a percent. */
  if (has)
    g_string_append_printf (out, ",\"achieved_share_bp\":%" G_GINT64_FORMAT
                            ",\"forecast_share_bp\":%" G_GINT64_FORMAT "}", share, forecast_share);
  else
    g_string_append (out, ",\"achieved_share_bp\":null,\"forecast_share_bp\":null}");
}

static void
json_saving (GString         *out,
             const CydSaving *saving)
{
  const char *rag = cyd_rag_to_string (saving->rag);

  g_string_append (out, "{\"code\":");
  cyd_json_string (out, saving->code);
  g_string_append_printf (out, ",\"year\":%d,\"directorate\":", saving->year);
  cyd_json_string (out, saving->directorate);
  g_string_append (out, ",\"service_line\":");
  cyd_json_string (out, saving->service_line);
  g_string_append (out, ",\"description\":");
  cyd_json_string (out, saving->description);
  g_string_append (out, ",\"target\":");
  cyd_json_money (out, TRUE, saving->target);
  g_string_append (out, ",\"forecast\":");
  cyd_json_money (out, TRUE, saving->forecast);
  g_string_append (out, ",\"achieved\":");
  cyd_json_money (out, TRUE, saving->achieved);
  g_string_append (out, ",\"status\":");
  cyd_json_string (out, cyd_saving_status_to_string (saving->status));
  g_string_append (out, ",\"rag\":");
  cyd_json_string (out, rag);
  g_string_append_c (out, '}');
}

static void
print_json (GPtrArray         *savings,
            CydSavingsSummary *summary)
{
  g_autoptr(GString) out = g_string_new ("{\"savings\":[");

  for (guint i = 0; i < savings->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      json_saving (out, g_ptr_array_index (savings, i));
    }
  g_string_append (out, "\n],\"total\":");
  json_totals (out, &summary->all);
  g_string_append (out, ",\"by_status\":{");
  for (guint s = 0; s < CYD_SAVING_N_STATUSES; s++)
    {
      if (s > 0)
        g_string_append_c (out, ',');
      cyd_json_key (out, cyd_saving_status_to_string (s));
      json_totals (out, &summary->by_status[s]);
    }
  g_string_append (out, "},\"by_service_line\":[");
  for (guint i = 0; i < summary->by_service_line->len; i++)
    {
      CydSavingsLine *line = g_ptr_array_index (summary->by_service_line, i);

      g_string_append (out, i > 0 ? ",{\"name\":" : "{\"name\":");
      cyd_json_string (out, line->name);
      g_string_append (out, ",\"totals\":");
      json_totals (out, &line->totals);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "],\"rag\":{\"red\":%u,\"amber\":%u,\"green\":%u}}\n",
                          summary->by_rag[CYD_RAG_RED], summary->by_rag[CYD_RAG_AMBER],
                          summary->by_rag[CYD_RAG_GREEN]);
  fputs (out->str, stdout);
}

static char *
format_share (CydMoney part,
              CydMoney whole)
{
  gboolean has;
  gint64 share = cyd_savings_share (part, whole, &has);

  if (!has)
    return g_strdup ("—");
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d%%", share / 100, (int) (share % 100));
}

static void
print_totals (const char             *name,
              const CydSavingsTotals *totals)
{
  g_autofree char *target = cyd_money_format (totals->target);
  g_autofree char *forecast = cyd_money_format (totals->forecast);
  g_autofree char *achieved = cyd_money_format (totals->achieved);
  g_autofree char *share = format_share (totals->achieved, totals->target);

  printf ("%-28s %18s %18s %18s %8s\n", name, target, forecast, achieved, share);
}

static void
print_text (GPtrArray         *savings,
            CydSavingsSummary *summary)
{
  printf ("%-10s %-7s %-12s %18s %18s %18s %-6s\n", _("Code"), _("Year"), _("Status"),
          _("Target"), _("Forecast"), _("Achieved"), _("RAG"));
  for (guint i = 0; i < savings->len; i++)
    {
      CydSaving *saving = g_ptr_array_index (savings, i);
      g_autofree char *year = cyd_financial_year_format (saving->year);
      g_autofree char *target = cyd_money_format (saving->target);
      g_autofree char *forecast = cyd_money_format (saving->forecast);
      g_autofree char *achieved = cyd_money_format (saving->achieved);
      const char *rag = cyd_rag_to_string (saving->rag);

      printf ("%-10s %-7s %-12s %18s %18s %18s %-6s\n", saving->code, year,
              cyd_enum_to_label (cyd_saving_status_to_string (saving->status)), target, forecast, achieved,
              rag != NULL ? cyd_enum_to_label (rag) : "—");
    }
  printf ("\n%-28s %18s %18s %18s %8s\n", "", _("Target"), _("Forecast"), _("Achieved"), _("Share"));
  print_totals (_("All savings (not dropped)"), &summary->all);
  for (guint s = 0; s < CYD_SAVING_N_STATUSES; s++)
    print_totals (cyd_enum_to_label (cyd_saving_status_to_string (s)), &summary->by_status[s]);
  printf ("\n");
  for (guint i = 0; i < summary->by_service_line->len; i++)
    {
      CydSavingsLine *line = g_ptr_array_index (summary->by_service_line, i);
      print_totals (line->name, &line->totals);
    }
}

int
cyd_cli_savings_command (int    argc,
                         char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON: money as integer pence and as text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — print the savings tracker"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydSavingsSummary) summary = NULL;
  g_autoptr(GPtrArray) savings = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL)
    return EXIT_REFUSED;
  savings = cyd_savings_list (store, &error);
  if (savings != NULL)
    summary = cyd_savings_summarise (store, 0, &error);
  if (summary == NULL)
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  if (json)
    print_json (savings, summary);
  else
    print_text (savings, summary);
  return EXIT_DONE;
}
