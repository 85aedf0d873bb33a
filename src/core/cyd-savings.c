/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-savings"

#include "config.h"

#include "cyd-savings.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-savings-private.h"

static const char *const status_names[] = {
  "planned", "on-track", "at-risk", "achieved", "dropped",
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_names) == CYD_SAVING_N_STATUSES);

static const char *
localised_sql (const char *en,
               const char *cy)
{
  return g_str_equal (cyd_ui_language (), "cy") ? cy : en;
}

static void
free_line (gpointer data)
{
  CydSavingsLine *line = data;

  g_free (line->name);
  g_free (line);
}

/* Totals straight from SQL: sum() over integers is exact and fails on
 * overflow rather than losing pence. */
static void
read_totals (CydStmt          *stmt,
             int               first,
             CydSavingsTotals *totals)
{
  totals->target = sqlite3_column_int64 (stmt, first);
  totals->forecast = sqlite3_column_int64 (stmt, first + 1);
  totals->achieved = sqlite3_column_int64 (stmt, first + 2);
  totals->count = sqlite3_column_int (stmt, first + 3);
}

#define TOTALS_SQL \
  "coalesce (sum (v.target), 0), coalesce (sum (" CYD_SAVING_FORECAST_SQL "), 0)," \
  " coalesce (sum (v.achieved), 0), count (*)"
#define YEAR_SQL "(?1 = 0 OR v.year = ?1)"

static gboolean
summarise_statuses (CydStore          *store,
                    int                year,
                    CydSavingsSummary *summary,
                    GError           **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store, "SELECT v.status, " TOTALS_SQL " FROM saving v WHERE " YEAR_SQL
                              " GROUP BY v.status", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydSavingStatus status;

      if (cyd_saving_status_from_string (cyd_stmt_text (stmt, 0), &status))
        read_totals (stmt, 1, &summary->by_status[status]);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
summarise_all (CydStore          *store,
               int                year,
               CydSavingsSummary *summary,
               GError           **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store, "SELECT " TOTALS_SQL " FROM saving v WHERE " YEAR_SQL
                              " AND v.status <> 'dropped'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cyd_store_set_sqlite_error (store, error);
  read_totals (stmt, 0, &summary->all);
  return TRUE;
}

static gboolean
summarise_lines (CydStore          *store,
                 int                year,
                 CydSavingsSummary *summary,
                 GError           **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store,
                       localised_sql ("SELECT s.id, s.name_en, s.name_cy, " TOTALS_SQL
                                      " FROM saving v LEFT JOIN service_line s ON s.id = v.service_line_id"
                                      " WHERE " YEAR_SQL " AND v.status <> 'dropped'"
                                      " GROUP BY s.id ORDER BY s.id IS NULL, s.id",
                                      "SELECT s.id, s.name_cy, s.name_en, " TOTALS_SQL
                                      " FROM saving v LEFT JOIN service_line s ON s.id = v.service_line_id"
                                      " WHERE " YEAR_SQL " AND v.status <> 'dropped'"
                                      " GROUP BY s.id ORDER BY s.id IS NULL, s.id"),
                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydSavingsLine *line = g_new0 (CydSavingsLine, 1);

      line->service_line_id = sqlite3_column_int64 (stmt, 0);
      line->name = line->service_line_id != 0
                   ? cyd_bilingual_display (cyd_stmt_text (stmt, 1), cyd_stmt_text (stmt, 2))
                   : g_strdup (C_("service line", "None"));
      read_totals (stmt, 3, &line->totals);
      g_ptr_array_add (summary->by_service_line, line);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static CydSaving *
read_saving (CydStmt *stmt)
{
  CydSaving *saving = g_new0 (CydSaving, 1);

  saving->id = sqlite3_column_int64 (stmt, 0);
  saving->code = g_strdup (cyd_stmt_text (stmt, 1));
  saving->year = sqlite3_column_int (stmt, 2);
  saving->directorate = cyd_bilingual_display (cyd_stmt_text (stmt, 3), cyd_stmt_text (stmt, 4));
  saving->service_line = cyd_bilingual_display (cyd_stmt_text (stmt, 5), cyd_stmt_text (stmt, 6));
  saving->description = cyd_bilingual_display (cyd_stmt_text (stmt, 7), cyd_stmt_text (stmt, 8));
  saving->target = sqlite3_column_int64 (stmt, 9);
  saving->forecast = sqlite3_column_int64 (stmt, 10);
  saving->achieved = sqlite3_column_int64 (stmt, 11);
  cyd_saving_status_from_string (cyd_stmt_text (stmt, 12), &saving->status);
  saving->rag = cyd_saving_rag (saving->status, saving->target, saving->forecast, saving->achieved);
  return saving;
}

static void
saving_rag_sql (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  CydSavingStatus status;
  CydRag rag;

  if (!cyd_saving_status_from_string ((const char *) sqlite3_value_text (argv[0]), &status))
    {
      sqlite3_result_null (context);
      return;
    }
  rag = cyd_saving_rag (status, sqlite3_value_int64 (argv[1]), sqlite3_value_int64 (argv[2]),
                        sqlite3_value_int64 (argv[3]));
  if (rag == CYD_RAG_NONE)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, cyd_rag_to_string (rag), -1, SQLITE_STATIC);
}

void
cyd_savings_register_sql (sqlite3 *db)
{
  sqlite3_create_function (db, "cyd_saving_rag", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                           NULL, saving_rag_sql, NULL, NULL);
}

/* Public */

const char *
cyd_saving_status_to_string (CydSavingStatus status)
{
  g_return_val_if_fail (status < CYD_SAVING_N_STATUSES, NULL);

  return status_names[status];
}

gboolean
cyd_saving_status_from_string (const char      *text,
                               CydSavingStatus *out)
{
  for (guint i = 0; text != NULL && i < CYD_SAVING_N_STATUSES; i++)
    if (g_str_equal (text, status_names[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cyd_saving_rag:
 * @forecast: the reported forecast (see the top of cyd-savings.h)
 *
 * The RAG rating of a saving, by the rule at the top of cyd-savings.h.
 */
CydRag
cyd_saving_rag (CydSavingStatus status,
                CydMoney        target,
                CydMoney        forecast,
                CydMoney        achieved)
{
  CydMoney expected = MAX (forecast, achieved);

  if (status == CYD_SAVING_DROPPED)
    return CYD_RAG_NONE;
  if (achieved >= target)
    return CYD_RAG_GREEN;
  if (status == CYD_SAVING_AT_RISK)
    return CYD_RAG_AMBER;
  if (expected >= target)
    return CYD_RAG_GREEN;
  /* Magnitudes are under 10^15: four times one cannot overflow. */
  if (expected * 4 >= target * 3)
    return CYD_RAG_AMBER;
  return CYD_RAG_RED;
}

/**
 * cyd_savings_share:
 *
 * Returns: @part as a share of @whole in hundredths of a percent, rounded
 *   down; @has_share is %FALSE when @whole is not positive.
 */
gint64
cyd_savings_share (CydMoney  part,
                   CydMoney  whole,
                   gboolean *has_share)
{
  gint64 scaled;
  gboolean ok = whole > 0 && !__builtin_mul_overflow (part, (gint64) 10000, &scaled);

  if (has_share != NULL)
    *has_share = ok;
  return ok ? scaled / whole : 0;
}

/**
 * cyd_savings_summarise:
 * @year: a financial year, or 0 for every year
 *
 * Returns: (transfer full): the tracker's totals, or %NULL with @error set
 */
CydSavingsSummary *
cyd_savings_summarise (CydStore  *store,
                       int        year,
                       GError   **error)
{
  g_autoptr(CydSavingsSummary) summary = g_new0 (CydSavingsSummary, 1);
  g_autoptr(GPtrArray) savings = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  summary->by_service_line = g_ptr_array_new_with_free_func (free_line);
  if (!summarise_all (store, year, summary, error)
      || !summarise_statuses (store, year, summary, error)
      || !summarise_lines (store, year, summary, error))
    return NULL;

  savings = cyd_savings_list (store, error);
  if (savings == NULL)
    return NULL;
  for (guint i = 0; i < savings->len; i++)
    {
      CydSaving *saving = g_ptr_array_index (savings, i);

      if (year == 0 || saving->year == year)
        summary->by_rag[saving->rag]++;
    }
  return g_steal_pointer (&summary);
}

void
cyd_savings_summary_free (CydSavingsSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->by_service_line, g_ptr_array_unref);
  g_free (summary);
}

/**
 * cyd_savings_list:
 *
 * Returns: (transfer full) (element-type CydSaving): every saving by year
 *   and code, or %NULL with @error set
 */
GPtrArray *
cyd_savings_list (CydStore  *store,
                  GError   **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cyd_saving_free);
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  stmt = cyd_store_prepare (store,
                            localised_sql ("SELECT v.id, v.code, v.year, d.name_en, d.name_cy, s.name_en, s.name_cy,"
                                           " v.description_en, v.description_cy, v.target, "
                                           CYD_SAVING_FORECAST_SQL ", coalesce (v.achieved, 0), v.status"
                                           " FROM saving v JOIN directorate d ON d.id = v.directorate_id"
                                           " LEFT JOIN service_line s ON s.id = v.service_line_id"
                                           " ORDER BY v.year, v.code",
                                           "SELECT v.id, v.code, v.year, d.name_cy, d.name_en, s.name_cy, s.name_en,"
                                           " v.description_cy, v.description_en, v.target, "
                                           CYD_SAVING_FORECAST_SQL ", coalesce (v.achieved, 0), v.status"
                                           " FROM saving v JOIN directorate d ON d.id = v.directorate_id"
                                           " LEFT JOIN service_line s ON s.id = v.service_line_id"
                                           " ORDER BY v.year, v.code"),
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_saving (stmt));
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

void
cyd_saving_free (CydSaving *saving)
{
  if (saving == NULL)
    return;
  g_free (saving->code);
  g_free (saving->directorate);
  g_free (saving->service_line);
  g_free (saving->description);
  g_free (saving);
}

/**
 * cyd_saving_dup_fields:
 * @id: a saving's row id
 *
 * Returns: (transfer full) (nullable): the saving's columns as texts (code,
 *   year, directorate_id, service_line_id, target, forecast, achieved,
 *   status, description_en, description_cy; absent when NULL), for an
 *   edit dialog
 */
GHashTable *
cyd_saving_dup_fields (CydStore  *store,
                       gint64     id,
                       GError   **error)
{
  static const char * const columns[] = {
    "code", "year", "directorate_id", "service_line_id", "target", "forecast", "achieved", "status",
    "description_en", "description_cy",
  };

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return cyd_store_dup_row (store,
                            "SELECT code, year, directorate_id, service_line_id, target, forecast, achieved,"
                            " status, description_en, description_cy FROM saving WHERE id = ?1",
                            columns, G_N_ELEMENTS (columns), id,
                            _("This saving is no longer in the programme."), error);
}

/**
 * cyd_saving_find_code:
 *
 * Returns: the row id of the saving with @code, or 0 when there is none
 *   (or on error, with @error set)
 */
gint64
cyd_saving_find_code (CydStore    *store,
                      const char  *code,
                      GError     **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), 0);
  g_return_val_if_fail (code != NULL, 0);

  stmt = cyd_store_prepare (store, "SELECT id FROM saving WHERE code = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    cyd_store_set_sqlite_error (store, error);
  return 0;
}
