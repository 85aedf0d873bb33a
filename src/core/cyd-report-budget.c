/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "cyd-chart.h"
#include "cyd-milestone.h"
#include "cyd-private.h"
#include "cyd-record.h"
#include "cyd-report-private.h"
#include "cyd-savings.h"
#include "cyd-structure.h"
#include "cyd-timeline.h"
#include "cyd-welsh-gaps.h"

/* The budget and savings report. */

#define CHART_WIDTH 520.0

static void
begin_money_table (CydReport  *self,
                   const char *first,
                   const char * const *figures)
{
  static const double widths[] = { 0.4, 0.2, 0.2, 0.2 };

  cyd_report_begin_table (self, 4, widths, ".rrr");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, first));
  for (guint c = 0; c < 3; c++)
    cyd_report_set_header (self, c + 1, cyd_kinds_label (self, figures[c]));
}

static void
add_money_row (CydReport *self,
               char      *first,
               CydMoney   a,
               CydMoney   b,
               CydMoney   c)
{
  char **row = cyd_kinds_new_row (4);

  row[0] = first;
  row[1] = cyd_kinds_money (a);
  row[2] = cyd_kinds_money (b);
  row[3] = cyd_kinds_money (c);
  cyd_report_add_row (self, row);
}

static char *
bold_label (CydReport  *self,
            const char *msgid)
{
  g_autofree char *text = cyd_kinds_label (self, msgid);

  return g_strdup_printf ("<b>%s</b>", text);
}

static char *
plain (const char *markup)
{
  g_autofree char *text = NULL;

  pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL);
  return text != NULL ? g_strdelimit (g_steal_pointer (&text), "\n", ' ') : g_strdup (markup);
}

/* A label of the report's language, as plain text for a chart. */
static char *
plain_label (CydReport  *self,
             const char *msgid)
{
  g_autofree char *markup = cyd_kinds_label (self, msgid);

  return plain (markup);
}

static gboolean
add_budget (CydReport  *self,
            int         year,
            GError    **error)
{
  static const char * const figures[] = { N_("Budget"), N_("Forecast"), N_("Actual") };
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT s.name_en, s.name_cy, sum (b.budget),"
                                               " coalesce (sum (b.forecast), 0), coalesce (sum (b.actual), 0)"
                                               " FROM budget_line b JOIN service_line s ON s.id = b.service_line_id"
                                               " WHERE b.year = ?1 GROUP BY s.id ORDER BY s.code",
                                               error);
  g_autofree char *chart_title = plain_label (self, N_("Budget by service line"));
  g_autoptr(CydChart) chart = NULL;
  CydMoney totals[3] = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  chart = cyd_chart_new (chart_title);
  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *series = plain_label (self, figures[c]);
      cyd_chart_add_series (chart, series);
    }
  sqlite3_bind_int (stmt, 1, year);
  begin_money_table (self, N_("Service line"), figures);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydMoney values[3];
      g_autofree char *name = cyd_report_name (self, cyd_stmt_text (stmt, 0), cyd_stmt_text (stmt, 1));
      g_autofree char *group = plain (name);
      guint g = cyd_chart_add_group (chart, group);

      for (guint c = 0; c < 3; c++)
        {
          values[c] = sqlite3_column_int64 (stmt, 2 + c);
          totals[c] += values[c];
          cyd_chart_set_value (chart, g, c, values[c]);
        }
      add_money_row (self, g_steal_pointer (&name), values[0], values[1], values[2]);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  add_money_row (self, bold_label (self, N_("Total")), totals[0], totals[1], totals[2]);
  if (cyd_chart_get_n_groups (chart) > 0)
    cyd_report_add_drawing (self, G_OBJECT (chart), CHART_WIDTH, cyd_chart_get_natural_height (chart));
  return TRUE;
}

static gboolean
add_savings (CydReport  *self,
             GError    **error)
{
  static const char * const figures[] = { N_("Target"), N_("Forecast"), N_("Achieved") };
  static const char * const statuses[][2] = {
    { "saving status", NC_("saving status", "Planned") },
    { "saving status", NC_("saving status", "On track") },
    { "saving status", NC_("saving status", "At risk") },
    { "saving status", NC_("saving status", "Achieved") },
    { "saving status", NC_("saving status", "Dropped") },
  };
  g_autoptr(CydSavingsSummary) summary = cyd_savings_summarise (cyd_report_get_store (self), 0, error);
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *chart_title = plain_label (self, N_("Savings by service line"));
  g_autoptr(CydChart) chart = cyd_chart_new (chart_title);

  if (summary == NULL)
    return FALSE;
  names = cyd_kinds_read_names (self, "SELECT id, name_en, name_cy FROM service_line", error);
  if (names == NULL)
    return FALSE;

  cyd_kinds_add_subheading (self, N_("Savings"));
  begin_money_table (self, N_("Status"), figures);
  for (guint s = 0; s < CYD_SAVING_N_STATUSES; s++)
    {
      const CydSavingsTotals *t = &summary->by_status[s];
      add_money_row (self, cyd_report_label (self, statuses[s][0], statuses[s][1]),
                     t->target, t->forecast, t->achieved);
    }
  add_money_row (self, bold_label (self, N_("Total, not dropped")),
                 summary->all.target, summary->all.forecast, summary->all.achieved);

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *series = plain_label (self, figures[c]);
      cyd_chart_add_series (chart, series);
    }
  begin_money_table (self, N_("Service line"), figures);
  for (guint i = 0; i < summary->by_service_line->len; i++)
    {
      const CydSavingsLine *line = g_ptr_array_index (summary->by_service_line, i);
      g_autofree char *name = line->service_line_id != 0 ? cyd_kinds_name_of (self, names, line->service_line_id)
                                                         : cyd_kinds_label (self, N_("No service line"));
      g_autofree char *group = plain (name);
      guint g = cyd_chart_add_group (chart, group);

      cyd_chart_set_value (chart, g, 0, line->totals.target);
      cyd_chart_set_value (chart, g, 1, line->totals.forecast);
      cyd_chart_set_value (chart, g, 2, line->totals.achieved);
      add_money_row (self, g_steal_pointer (&name),
                     line->totals.target, line->totals.forecast, line->totals.achieved);
    }
  if (cyd_chart_get_n_groups (chart) > 0)
    cyd_report_add_drawing (self, G_OBJECT (chart), CHART_WIDTH, cyd_chart_get_natural_height (chart));
  return TRUE;
}

gboolean
cyd_report_fill_budget (CydReport  *self,
                        GError    **error)
{
  g_autoptr(GArray) years = cyd_budget_list_years (cyd_report_get_store (self), error);

  if (years == NULL)
    return FALSE;
  if (years->len == 0)
    cyd_kinds_add_note (self, N_("The programme has no budget lines yet."));
  else
    {
      int year = g_array_index (years, int, years->len - 1);
      g_autofree char *heading = cyd_kinds_label (self, N_("Revenue budget"));
      g_autofree char *with_year = g_strdup_printf ("%s, %d–%02d", heading, year, (year + 1) % 100);

      cyd_report_add_subheading (self, with_year);
      if (!add_budget (self, year, error))
        return FALSE;
    }
  return add_savings (self, error);
}
