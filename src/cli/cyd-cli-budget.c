/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cyd-budget.h"
#include "cyd-cli.h"
#include "cyd-cli-json.h"

static const CydBudgetFigure figures[] = {
  CYD_BUDGET_FIGURE_BUDGET, CYD_BUDGET_FIGURE_FORECAST,
  CYD_BUDGET_FIGURE_ACTUAL, CYD_BUDGET_FIGURE_VARIANCE,
};
static const char *const figure_keys[] = { "budget", "forecast", "actual", "variance" };

static void
json_cells (GString      *out,
            CydBudget    *budget,
            CydBudgetRow *row)
{
  g_string_append (out, "\"cells\":[");
  for (guint c = 0; c < cyd_budget_get_n_columns (budget); c++)
    {
      const CydBudgetCell *cell = cyd_budget_row_get_cell (row, c);

      g_string_append (out, c > 0 ? ",{" : "{");
      cyd_json_key (out, "directorate");
      cyd_json_string (out, cyd_budget_get_column_code (budget, c));
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          gboolean has;
          CydMoney value = cyd_budget_cell_get (cell, figures[f], &has);

          g_string_append_c (out, ',');
          cyd_json_key (out, figure_keys[f]);
          cyd_json_money (out, has, value);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
json_rows (GString    *out,
           CydBudget  *budget,
           GListModel *rows,
           gboolean   *first)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GListModel) children = NULL;

      if (cyd_budget_row_get_kind (row) != CYD_BUDGET_ROW_SERVICE_LINE)
        continue;
      g_string_append (out, *first ? "\n  {" : ",\n  {");
      *first = FALSE;
      cyd_json_key (out, "code");
      cyd_json_string (out, cyd_budget_row_get_code (row));
      g_string_append_c (out, ',');
      cyd_json_key (out, "name");
      cyd_json_string (out, cyd_budget_row_get_name (row));
      g_string_append_printf (out, ",\"depth\":%u,", cyd_budget_row_get_depth (row));
      json_cells (out, budget, row);
      g_string_append_c (out, '}');
      children = cyd_budget_row_create_children (row, FALSE);
      if (children != NULL)
        json_rows (out, budget, children, first);
    }
}

static void
print_json (CydBudget *budget)
{
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *label = cyd_financial_year_format (cyd_budget_get_year (budget));
  gboolean first = TRUE;

  g_string_append_printf (out, "\"year\":%d,\"label\":", cyd_budget_get_year (budget));
  cyd_json_string (out, label);
  g_string_append (out, ",\"directorates\":[");
  for (guint c = 0; c < cyd_budget_get_n_columns (budget); c++)
    {
      g_string_append (out, c > 0 ? ",{" : "{");
      cyd_json_key (out, "code");
      cyd_json_string (out, cyd_budget_get_column_code (budget, c));
      g_string_append_c (out, ',');
      cyd_json_key (out, "name");
      cyd_json_string (out, cyd_budget_get_column_name (budget, c));
      g_string_append_printf (out, ",\"merged\":%s}", cyd_budget_column_is_merged (budget, c) ? "true" : "false");
    }
  g_string_append (out, "],\"service_lines\":[");
  json_rows (out, budget, cyd_budget_get_rows (budget), &first);
  g_string_append (out, "\n],\"total\":{");
  json_cells (out, budget, cyd_budget_get_total (budget));
  g_string_append (out, "}}\n");
  fputs (out->str, stdout);
}

static void
print_row (CydBudget    *budget,
           CydBudgetRow *row)
{
  for (guint c = 0; c < cyd_budget_get_n_columns (budget); c++)
    {
      const char *code = cyd_budget_get_column_code (budget, c);
      g_autofree char *indented = g_strdup_printf ("%*s%s", 2 * cyd_budget_row_get_depth (row), "",
                                                   cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_TOTAL
                                                   ? cyd_budget_row_get_name (row) : cyd_budget_row_get_code (row));

      printf ("%-16s %-10s", indented, code != NULL ? code : cyd_budget_get_column_name (budget, c));
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        {
          gboolean has;
          CydMoney value = cyd_budget_cell_get (cyd_budget_row_get_cell (row, c), figures[f], &has);
          g_autofree char *text = has ? cyd_money_format (value) : g_strdup ("—");

          printf (" %20s", text);
        }
      printf ("\n");
    }
}

static void
print_rows (CydBudget  *budget,
            GListModel *rows)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GListModel) children = NULL;

      print_row (budget, row);
      if (cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_SERVICE_LINE)
        children = cyd_budget_row_create_children (row, FALSE);
      if (children != NULL)
        print_rows (budget, children);
    }
}

static void
print_text (CydBudget *budget)
{
  g_autofree char *label = cyd_financial_year_format (cyd_budget_get_year (budget));

  /* Translators: %s is a financial year, "2013/14" */
  printf (_("Revenue budget %s (net: income counts negative)"), label);
  printf ("\n%-16s %-10s %20s %20s %20s %20s\n", _("Service line"), _("Directorate"),
          _("Budget"), _("Forecast"), _("Actual"), _("Variance"));
  print_rows (budget, cyd_budget_get_rows (budget));
}

static gboolean
latest_year (CydStore *store,
             int      *year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = cyd_budget_list_years (store, &error);

  if (years == NULL)
    {
      cyd_cli_print_error (error->message);
      return FALSE;
    }
  if (years->len == 0)
    {
      cyd_cli_print_error (_("The programme has no budget lines."));
      return FALSE;
    }
  *year = g_array_index (years, int, years->len - 1);
  return TRUE;
}

int
cyd_cli_budget_command (int    argc,
                        char **argv)
{
  g_autofree char *year_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year_text, N_("The financial year by its first year (2013 for 2013/14); the latest when left out"), N_("YEAR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON: money as integer pence and as text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — print a year’s budget totals"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;
  int year = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));
  if (year_text != NULL && !cyd_year_parse (year_text, &year))
    return cyd_cli_usage_error (context, _("A year is four digits between 1900 and 2200."));

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL || (year == 0 && !latest_year (store, &year)))
    return EXIT_REFUSED;

  budget = cyd_budget_new (store, year, &error);
  if (budget == NULL)
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  if (json)
    print_json (budget);
  else
    print_text (budget);
  return EXIT_DONE;
}
