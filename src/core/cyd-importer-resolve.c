/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-importer-private.h"

/* References within a section may point forwards: they are queued while the
 * section is read and resolved here, once all of it is written. */

static const char *
pending_table (PendingKind what)
{
  switch (what)
    {
    case PENDING_PARENT: return "service_line";
    case PENDING_DEPENDENCY: return "milestone";
    default: return "post";
    }
}

static ImportSql
pending_sql (PendingKind what)
{
  switch (what)
    {
    case PENDING_REPORTS_TO: return SQL_SET_REPORTS_TO;
    case PENDING_PARENT: return SQL_SET_PARENT;
    case PENDING_DOTTED_LINE: return SQL_ADD_DOTTED_LINE;
    case PENDING_MAPPING: return SQL_ADD_MAPPING;
    case PENDING_DEPENDENCY: return SQL_ADD_DEPENDENCY;
    default: g_assert_not_reached ();
    }
}

static const char *
pending_attr (PendingKind what)
{
  switch (what)
    {
    case PENDING_REPORTS_TO: return "reports-to";
    case PENDING_PARENT: return "parent";
    case PENDING_DOTTED_LINE: return "also-reports-to";
    case PENDING_MAPPING: return "maps-to";
    case PENDING_DEPENDENCY: return "depends-on";
    default: g_assert_not_reached ();
    }
}

static gboolean
is_merged_post (ImportRun *run,
                gint64     post_id)
{
  g_autoptr(CydStmt) stmt = import_stmt (run, SQL_IS_MERGED_POST);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, post_id);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

/* Resolves one reference whose target exists; FALSE when it does not (yet). */
static gboolean
resolve_found (ImportRun     *run,
               const Pending *p)
{
  const char *table = pending_table (p->what);
  g_autoptr(CydStmt) stmt = NULL;
  gint64 target;

  if (!import_lookup_code (run, table, p->code, &target))
    return FALSE;
  if (target == p->record_id)
    {
      import_problem (run, p->line, p->column, _("“%s”: “%s” names the record itself."),
                      p->record_code, pending_attr (p->what));
      return TRUE;
    }
  if (p->what == PENDING_MAPPING && !is_merged_post (run, target))
    {
      import_problem (run, p->line, p->column,
                      _("“%s”: a post can map only to a post of the merged directorate, and “%s” is not one."),
                      p->record_code, p->code);
      return TRUE;
    }

  stmt = import_stmt (run, pending_sql (p->what));
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, p->record_id);
  sqlite3_bind_int64 (stmt, 2, target);
  if (p->what == PENDING_MAPPING)
    {
      cyd_stmt_bind_text_or_null (stmt, 3, p->method);
      cyd_stmt_bind_text_or_null (stmt, 4, p->effective);
    }
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  if (import_store_failed (run))
    return TRUE;
  if (sqlite3_extended_errcode (cyd_store_get_handle (run->store)) == SQLITE_CONSTRAINT_UNIQUE)
    import_problem (run, p->line, p->column, _("“%s”: “%s” names “%s” a second time."),
                    p->record_code, pending_attr (p->what), p->code);
  else
    import_problem (run, p->line, p->column, _("“%s”: “%s” “%s” was refused by the programme’s rules: %s."),
                    p->record_code, pending_attr (p->what), p->code,
                    sqlite3_errmsg (cyd_store_get_handle (run->store)));
  return TRUE;
}

/* A reference to a record already written (the usual case: managers come
 * before their teams) is resolved at once, which spares the queue. Milestone
 * dependencies always wait, for the cycle check to locate them; so do the
 * mappings of an optimistic pass, which resolve_mappings() writes at once. */
gboolean
import_resolve_now (ImportRun     *run,
                    const Pending *p)
{
  if (p->what == PENDING_DEPENDENCY || (p->what == PENDING_MAPPING && run->optimistic))
    return FALSE;
  return resolve_found (run, p);
}

/* Runs @sql with ?1 bound to the mappings' kind: the rows it changed, or
 * -1. */
static int
change_mappings (ImportRun  *run,
                 const char *sql)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store, sql, NULL);

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, PENDING_MAPPING);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return -1;
  return sqlite3_changes (cyd_store_get_handle (run->store));
}

/* An optimistic pass writes the section's mappings in one statement: most
 * point forwards, from the legacy posts to the merged ones after them, and
 * one by one each would cost a statement of its own, which for this table
 * builds its list of methods again every time. Any mapping that cannot be
 * written as it stands (no such post, not a merged one, the post itself, a
 * second time) makes the pass give up, and the exact pass says which. */
static void
resolve_mappings (ImportRun *run)
{
  int written, queued = -1;

  written = change_mappings (run,
                             "INSERT INTO post_mapping (post_id, target_id, method, effective)"
                             " SELECT p.record_id, t.id, p.method, p.effective FROM cyd_pending p"
                             " JOIN post t ON t.code = p.code"
                             " JOIN directorate d ON d.id = t.directorate_id AND d.kind = 'merged'"
                             " WHERE p.what = ?1 AND t.id <> p.record_id ORDER BY p.seq");
  if (written >= 0)
    queued = change_mappings (run, "DELETE FROM cyd_pending WHERE what = ?1");
  if (written < 0 || queued != written)
    import_give_up (run);
}

static void
resolve_one (ImportRun    *run,
             sqlite3_stmt *row)
{
  Pending p = {
    sqlite3_column_int (row, 0), sqlite3_column_int64 (row, 1), cyd_stmt_text (row, 2),
    cyd_stmt_text (row, 3), cyd_stmt_text (row, 4), cyd_stmt_text (row, 5),
    sqlite3_column_int (row, 6), sqlite3_column_int (row, 7),
  };

  if (resolve_found (run, &p) || import_has_failed (run, pending_table (p.what), p.code))
    return;
  import_problem (run, p.line, p.column,
                  _("“%s”: “%s” names the %s “%s”, which is neither in this file nor in the programme."),
                  p.record_code, pending_attr (p.what), import_kind_noun (pending_table (p.what)), p.code);
}

static void
check_dependency_cycles (ImportRun *run)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store,
    "WITH RECURSIVE reach (start, node) AS ("
    "  SELECT milestone_id, depends_on_id FROM milestone_dependency"
    "  UNION SELECT r.start, d.depends_on_id FROM reach r JOIN milestone_dependency d ON d.milestone_id = r.node)"
    " SELECT group_concat (m.code, ', '),"
    "  (SELECT max (p.line) FROM cyd_pending p WHERE p.what = 5 AND p.record_id IN"
    "    (SELECT start FROM reach WHERE start = node))"
    " FROM (SELECT DISTINCT start FROM reach WHERE start = node ORDER BY start) c"
    " JOIN milestone m ON m.id = c.start", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return;
  import_problem (run, sqlite3_column_int (stmt, 1), 1,
                  _("These milestones depend on each other in a circle, so none could ever be done first: %s."),
                  cyd_stmt_text (stmt, 0));
}

static void
mark_left (ImportRun *run)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store,
                                               "UPDATE person SET left_date = ?2 WHERE employer_id = ?1"
                                               " AND (left_date IS NULL OR left_date > ?2)"
                                               " AND id NOT IN (SELECT id FROM cyd_seen)", NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, run->snapshot_employer);
  sqlite3_bind_text (stmt, 2, run->as_at, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    import_counts (run, CYD_KIND_STAFF)->left += sqlite3_changes (cyd_store_get_handle (run->store));
}

/* A section is complete: references within it can now be resolved. */
void
import_finish_section (ImportRun       *run,
                       const RecordDef *def)
{
  g_autoptr(CydStmt) rows = NULL;

  if (run->optimistic)
    resolve_mappings (run);
  rows = cyd_store_prepare (run->store,
                            "SELECT what, record_id, record_code, code, method, effective, line, col"
                            " FROM cyd_pending ORDER BY seq", NULL);

  while (rows != NULL && sqlite3_step (rows) == SQLITE_ROW)
    resolve_one (run, rows);
  g_clear_pointer (&rows, cyd_stmt_release);

  if (def->kind == CYD_KIND_MILESTONE)
    check_dependency_cycles (run);
  if (def->kind == CYD_KIND_STAFF && run->snapshot_employer != 0)
    mark_left (run);

  cyd_store_exec (run->store, "DELETE FROM cyd_pending", NULL);
  cyd_store_exec (run->store, "DELETE FROM cyd_seen", NULL);
  run->snapshot_employer = 0;
}
