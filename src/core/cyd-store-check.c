/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-private.h"
#include "cyd-store.h"

typedef struct {
  const char *sql;          /* one text column per problem row */
  const char *message;      /* printf format taking that text */
} Rule;

/* Cyd's own rules, beyond what the schema enforces row by row. */
static const Rule rules[] = {
  { "SELECT p.code FROM post_mapping m JOIN post p ON p.id = m.post_id"
    " JOIN post t ON t.id = m.target_id JOIN directorate d ON d.id = t.directorate_id"
    " WHERE d.kind <> 'merged' ORDER BY p.code",
    N_("Post “%s” maps to a post that is not in the merged directorate.") },
  { "SELECT p.code FROM post_mapping m JOIN post p ON p.id = m.post_id"
    " JOIN directorate d ON d.id = p.directorate_id WHERE d.kind <> 'legacy' ORDER BY p.code",
    N_("Post “%s” is not a legacy post, but has a mapping.") },
  { "WITH RECURSIVE reach (start, node) AS ("
    "  SELECT milestone_id, depends_on_id FROM milestone_dependency"
    "  UNION SELECT r.start, d.depends_on_id FROM reach r JOIN milestone_dependency d ON d.milestone_id = r.node)"
    " SELECT m.code FROM (SELECT DISTINCT start FROM reach WHERE start = node) c"
    " JOIN milestone m ON m.id = c.start ORDER BY m.code",
    N_("Milestone “%s” depends on itself through a circle of dependencies.") },
  { "WITH RECURSIVE chain (start, node, depth) AS ("
    "  SELECT id, reports_to_id, 1 FROM post WHERE reports_to_id IS NOT NULL"
    "  UNION SELECT c.start, p.reports_to_id, c.depth + 1 FROM chain c JOIN post p ON p.id = c.node"
    "  WHERE p.reports_to_id IS NOT NULL AND c.depth < 64)"
    " SELECT p.code FROM (SELECT DISTINCT start FROM chain WHERE start = node) c"
    " JOIN post p ON p.id = c.start ORDER BY p.code",
    N_("Post “%s” reports to itself through a circle of managers.") },
  { "SELECT c.code || ':' || s.employee_number FROM person s JOIN council c ON c.id = s.employer_id"
    " WHERE (SELECT sum (a.fte) FROM assignment a WHERE a.person_id = s.id AND a.to_date IS NULL) > 10000"
    " ORDER BY 1",
    N_("Person “%s” holds more than one full-time equivalent in open-ended assignments.") },
  { "SELECT c.code || ':' || s.employee_number FROM person s JOIN council c ON c.id = s.employer_id"
    " WHERE s.left_date IS NOT NULL AND s.start_date IS NOT NULL AND s.left_date < s.start_date ORDER BY 1",
    N_("Person “%s” left before they started.") },
  { "SELECT d.code FROM directorate d WHERE d.kind = 'legacy' AND d.council_id IS NULL ORDER BY d.code",
    N_("Legacy directorate “%s” has no council.") },
};

static gboolean
add_rows (CydStore    *self,
          const char  *sql,
          const char  *message,
          GPtrArray   *problems,
          GError     **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *text = cyd_stmt_text (stmt, 0);

      if (message != NULL)
        g_ptr_array_add (problems, g_strdup_printf (gettext (message), text));
      else if (g_strcmp0 (text, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("The database is damaged: %s"), text));
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (self, error);
  return TRUE;
}

/**
 * cyd_store_check:
 * @problems: (out): the problems found, as sentences; empty when all is well
 *
 * Runs SQLite's integrity and foreign key checks, then Cyd's own rules.
 * Returns %FALSE only when the checks themselves could not run.
 */
gboolean
cyd_store_check (CydStore   *self,
                 GPtrArray **problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!add_rows (self, "PRAGMA integrity_check", NULL, found, error))
    return FALSE;
  {
    g_autoptr(CydStmt) stmt = cyd_store_prepare (self, "PRAGMA foreign_key_check", error);

    if (stmt == NULL)
      return FALSE;
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (found, g_strdup_printf (_("A row of “%s” refers to a missing row of “%s”."),
                                               cyd_stmt_text (stmt, 0), cyd_stmt_text (stmt, 2)));
  }
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (!add_rows (self, rules[i].sql, rules[i].message, found, error))
      return FALSE;

  *problems = g_steal_pointer (&found);
  return TRUE;
}

static gint64
single_int (CydStore   *self,
            const char *sql,
            const char *as_at)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, NULL);

  if (stmt == NULL)
    return 0;
  if (as_at != NULL && sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, as_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

#define CURRENT(a) "(" a ".from_date IS NULL OR " a ".from_date <= ?1) AND (" a ".to_date IS NULL OR " a ".to_date >= ?1)"
#define ESTABLISHED(p) "(" p ".established_from IS NULL OR " p ".established_from <= ?1)" \
                       " AND (" p ".established_to IS NULL OR " p ".established_to >= ?1)"

/**
 * cyd_store_get_summary:
 * @as_at: the date the figures describe, "YYYY-MM-DD"
 *
 * Headline figures of the programme for the Overview.
 */
gboolean
cyd_store_get_summary (CydStore    *self,
                       const char  *as_at,
                       CydSummary  *s,
                       GError     **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);
  g_return_val_if_fail (as_at != NULL, FALSE);
  g_return_val_if_fail (s != NULL, FALSE);

  memset (s, 0, sizeof *s);
  s->councils = single_int (self, "SELECT count(*) FROM council", NULL);
  s->legacy_directorates = single_int (self, "SELECT count(*) FROM directorate WHERE kind = 'legacy'", NULL);
  s->merged_directorates = single_int (self, "SELECT count(*) FROM directorate WHERE kind = 'merged'", NULL);
  s->service_lines = single_int (self, "SELECT count(*) FROM service_line", NULL);
  s->posts = single_int (self, "SELECT count(*) FROM post p WHERE " ESTABLISHED ("p"), as_at);
  s->vacant_posts = single_int (self,
                                "SELECT count(*) FROM post p WHERE " ESTABLISHED ("p")
                                " AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.post_id = p.id AND " CURRENT ("a") ")",
                                as_at);
  s->staff = single_int (self,
                         "SELECT count(DISTINCT a.person_id) FROM assignment a JOIN person s ON s.id = a.person_id"
                         " WHERE " CURRENT ("a") " AND (s.left_date IS NULL OR s.left_date >= ?1)", as_at);
  s->staff_fte = single_int (self,
                             "SELECT coalesce (sum (a.fte), 0) FROM assignment a JOIN person s ON s.id = a.person_id"
                             " WHERE " CURRENT ("a") " AND (s.left_date IS NULL OR s.left_date >= ?1)", as_at);
  s->budget_year = single_int (self, "SELECT coalesce (max (year), 0) FROM budget_line", NULL);
  s->budget_net = single_int (self,
                              "SELECT coalesce (sum (CASE WHEN category = 'income' THEN -budget ELSE budget END), 0)"
                              " FROM budget_line WHERE year = (SELECT max (year) FROM budget_line)", NULL);
  s->savings_target = single_int (self, "SELECT coalesce (sum (target), 0) FROM saving WHERE status <> 'dropped'", NULL);
  s->savings_forecast = single_int (self, "SELECT coalesce (sum (forecast), 0) FROM saving WHERE status <> 'dropped'", NULL);
  s->savings_achieved = single_int (self, "SELECT coalesce (sum (achieved), 0) FROM saving", NULL);
  s->milestones = single_int (self, "SELECT count(*) FROM milestone", NULL);
  s->milestones_done = single_int (self, "SELECT count(*) FROM milestone WHERE status = 'done'", NULL);
  s->milestones_overdue = single_int (self,
                                      "SELECT count(*) FROM milestone WHERE due < ?1"
                                      " AND status NOT IN ('done', 'cancelled')", as_at);
  s->import_runs = single_int (self, "SELECT count(*) FROM import_run", NULL);
  return TRUE;
}
