/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-importer-private.h"
#include "cyd-money.h"

/* The page cache while deferred indexes are made, in KiB. */
#define INDEX_BUILD_CACHE_KIB 512

/* Writing a checked record: found by its key and compared with what is
 * stored, then inserted or updated with what the file gives. */

static const char * const import_sql[N_IMPORT_SQL] = {
  [SQL_LOOKUP_COUNCIL] = "SELECT id FROM council WHERE code = ?",
  [SQL_LOOKUP_DIRECTORATE] = "SELECT id FROM directorate WHERE code = ?",
  [SQL_LOOKUP_SERVICE_LINE] = "SELECT id FROM service_line WHERE code = ?",
  [SQL_LOOKUP_POST] = "SELECT id FROM post WHERE code = ?",
  [SQL_LOOKUP_SAVING] = "SELECT id FROM saving WHERE code = ?",
  [SQL_LOOKUP_MILESTONE] = "SELECT id FROM milestone WHERE code = ?",
  [SQL_LOOKUP_OWNER] = "SELECT p.id FROM person p JOIN council c ON c.id = p.employer_id"
                       " WHERE c.code = ? AND p.employee_number = ?",
  [SQL_OTHER_MERGED] = "SELECT code FROM directorate WHERE kind = 'merged' AND code <> ?",
  [SQL_ADD_KEY] = "INSERT OR IGNORE INTO cyd_keys (kind, key) VALUES (?, ?)",
  [SQL_ADD_PENDING] = "INSERT INTO cyd_pending (what, record_id, record_code, code, method, effective, line, col)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [SQL_ADD_SEEN] = "INSERT OR IGNORE INTO cyd_seen (id) VALUES (?)",
  [SQL_IS_MERGED_POST] = "SELECT d.kind = 'merged' FROM post p JOIN directorate d ON d.id = p.directorate_id"
                         " WHERE p.id = ?",
  [SQL_SET_REPORTS_TO] = "UPDATE post SET reports_to_id = ?2 WHERE id = ?1",
  [SQL_SET_PARENT] = "UPDATE service_line SET parent_id = ?2 WHERE id = ?1",
  [SQL_ADD_DOTTED_LINE] = "INSERT INTO post_dotted_line (post_id, manager_id) VALUES (?1, ?2)",
  [SQL_ADD_MAPPING] = "INSERT INTO post_mapping (post_id, target_id, method, effective) VALUES (?1, ?2, ?3, ?4)",
  [SQL_ADD_DEPENDENCY] = "INSERT INTO milestone_dependency (milestone_id, depends_on_id) VALUES (?1, ?2)",
  [SQL_ADD_STAGE] = "INSERT INTO service_line_stage (service_line_id, stage, effective) VALUES (?1, ?2, ?3)",
  [SQL_ADD_ASSIGNMENT] = "INSERT INTO assignment (person_id, post_id, fte, from_date, to_date)"
                         " VALUES (?1, ?2, ?3, ?4, ?5)",
  [SQL_DELETE_STAGES] = "DELETE FROM service_line_stage WHERE service_line_id = ?",
  [SQL_DELETE_DOTTED_LINES] = "DELETE FROM post_dotted_line WHERE post_id = ?",
  [SQL_DELETE_MAPPINGS] = "DELETE FROM post_mapping WHERE post_id = ?",
  [SQL_DELETE_ASSIGNMENTS] = "DELETE FROM assignment WHERE person_id = ?",
  [SQL_DELETE_DEPENDENCIES] = "DELETE FROM milestone_dependency WHERE milestone_id = ?",
  [SQL_STORED_STAGES] = "SELECT group_concat (x, char (30)) FROM (SELECT effective || char (31) || stage AS x"
                        " FROM service_line_stage WHERE service_line_id = ?1 ORDER BY x)",
  [SQL_STORED_DOTTED_LINES] = "SELECT group_concat (x, char (30)) FROM (SELECT m.code AS x FROM post_dotted_line d"
                              " JOIN post m ON m.id = d.manager_id WHERE d.post_id = ?1 ORDER BY x)",
  [SQL_STORED_MAPPINGS] = "SELECT group_concat (x, char (30)) FROM (SELECT t.code || char (31) || m.method"
                          " || char (31) || m.effective AS x FROM post_mapping m JOIN post t ON t.id = m.target_id"
                          " WHERE m.post_id = ?1 ORDER BY x)",
  [SQL_STORED_ASSIGNMENTS] = "SELECT group_concat (x, char (30)) FROM (SELECT p.code || char (31) || a.fte"
                             " || char (31) || coalesce (a.from_date, '') || char (31) || coalesce (a.to_date, '')"
                             " AS x FROM assignment a JOIN post p ON p.id = a.post_id WHERE a.person_id = ?1"
                             " ORDER BY x)",
  [SQL_STORED_DEPENDENCIES] = "SELECT group_concat (x, char (30)) FROM (SELECT m.code AS x FROM milestone_dependency d"
                              " JOIN milestone m ON m.id = d.depends_on_id WHERE d.milestone_id = ?1 ORDER BY x)",
};

/* The tables of children, in the order of ChildKind. */
static const char * const child_tables[] = {
  "service_line_stage", "post_dotted_line", "post_mapping", "assignment", "milestone_dependency",
};

G_STATIC_ASSERT (SQL_DELETE_STAGES + CHILD_DEPENDENCY == SQL_DELETE_DEPENDENCIES);
G_STATIC_ASSERT (SQL_STORED_STAGES + CHILD_DEPENDENCY == SQL_STORED_DEPENDENCIES);
G_STATIC_ASSERT (G_N_ELEMENTS (child_tables) == CHILD_DEPENDENCY + 1);

/* The statement is the store's: reset it after use, as g_autoptr(CydStmt)
 * does. */
CydStmt *
import_stmt (ImportRun *run,
             ImportSql  which)
{
  if (run->stmts[which] == NULL)
    run->stmts[which] = cyd_store_prepare (run->store, import_sql[which], NULL);
  return run->stmts[which];
}

static gboolean
table_is_empty (ImportRun  *run,
                const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", table);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
}

/* A table that was empty gets its rows in the file's order, and its plain
 * indexes (by manager, by name, by post...) in no order at all: each row
 * would land on a different page of each index, more pages than the
 * import's cache holds. They are dropped while the table is written and
 * made again once the file is read, in one sorted pass each; a refused or
 * cancelled import rolls the drop back with the rest. The unique indexes
 * stay: they keep the keys unique as rows are written, and they are the
 * ones the import looks records up by. */
static gboolean
defer_indexes (ImportRun   *run,
               const char  *table,
               GError     **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store,
                                               "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                                               " AND tbl_name = ? AND sql LIKE 'CREATE INDEX %'", error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup (cyd_stmt_text (stmt, 0)));
      g_ptr_array_add (run->deferred_indexes, g_strdup (cyd_stmt_text (stmt, 1)));
    }
  g_clear_pointer (&stmt, cyd_stmt_release);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"", (char *) g_ptr_array_index (names, i));

      if (!cyd_store_exec (run->store, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Makes the indexes defer_indexes() dropped, once. Sorting an index takes
 * as much memory as the page cache may hold, on top of the cache: the
 * cache shrinks while they are made (the import sets it back when it ends),
 * so that the peak stays flat (measured: 20.7-20.9 MB for 100,000 staff,
 * 19.4-19.8 MB for 10,000, against 21.9 MB with the whole cache). */
gboolean
import_build_indexes (ImportRun  *run,
                      GError    **error)
{
  if (run->deferred_indexes == NULL || run->deferred_indexes->len == 0)
    return TRUE;
  if (!cyd_store_exec (run->store, "PRAGMA cache_size = -" G_STRINGIFY (INDEX_BUILD_CACHE_KIB), error))
    return FALSE;
  for (guint i = 0; i < run->deferred_indexes->len; i++)
    if (!cyd_store_exec (run->store, g_ptr_array_index (run->deferred_indexes, i), error))
      return FALSE;
  g_ptr_array_set_size (run->deferred_indexes, 0);
  return TRUE;
}

gboolean
import_prepare_tables (ImportRun  *run,
                       GError    **error)
{
  if (!cyd_store_exec (run->store,
                       "CREATE TEMP TABLE IF NOT EXISTS cyd_pending ("
                       " seq INTEGER PRIMARY KEY, what INTEGER NOT NULL, record_id INTEGER NOT NULL,"
                       " record_code TEXT, code TEXT NOT NULL, method TEXT, effective TEXT,"
                       " line INTEGER, col INTEGER)", error) ||
      !cyd_store_exec (run->store, "CREATE TEMP TABLE IF NOT EXISTS cyd_seen (id INTEGER PRIMARY KEY)", error) ||
      !cyd_store_exec (run->store, "CREATE TEMP TABLE IF NOT EXISTS cyd_keys (kind INTEGER, key TEXT,"
                                   " PRIMARY KEY (kind, key)) WITHOUT ROWID", error) ||
      !cyd_store_exec (run->store, "DELETE FROM cyd_keys", error) ||
      !cyd_store_exec (run->store, "DELETE FROM cyd_pending", error) ||
      !cyd_store_exec (run->store, "DELETE FROM cyd_seen", error))
    return FALSE;

  /* A record of a table that was empty when the import began can only meet
   * rows written by this import, under other keys: it is new. */
  for (guint i = 0; i < cyd_n_record_defs; i++)
    run->was_empty[g_bit_nth_lsf (cyd_record_defs[i].kind, -1)] = table_is_empty (run, cyd_record_defs[i].table);
  for (guint kind = 0; kind < G_N_ELEMENTS (child_tables); kind++)
    if (table_is_empty (run, child_tables[kind]))
      run->empty_children |= 1u << kind;

  /* A table of children only with its records' table: a record that is
   * already stored has its children found and deleted by those indexes. */
  run->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < cyd_n_record_defs; i++)
    {
      const RecordDef *def = &cyd_record_defs[i];

      if (!run->was_empty[g_bit_nth_lsf (def->kind, -1)])
        continue;
      if (!defer_indexes (run, def->table, error))
        return FALSE;
      for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
        if ((run->empty_children & (1u << c->kind)) && !defer_indexes (run, child_tables[c->kind], error))
          return FALSE;
    }

  run->write_stmts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < N_ID_CACHES; i++)
    run->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->key = g_string_new (NULL);
  return TRUE;
}

/* Forgets what the run kept of the store: its statements and ids. */
void
import_clear_run (ImportRun *run)
{
  memset (run->stmts, 0, sizeof run->stmts);
  g_clear_pointer (&run->write_stmts, g_hash_table_unref);
  for (guint i = 0; i < N_ID_CACHES; i++)
    g_clear_pointer (&run->ids[i], g_hash_table_unref);
  for (guint i = 0; i < CYD_N_RECORD_KINDS; i++)
    {
      g_clear_pointer (&run->find_sql[i], g_free);
      g_clear_pointer (&run->self_ref_sql[i], g_free);
    }
  memset (run->was_empty, 0, sizeof run->was_empty);
  g_clear_pointer (&run->deferred_indexes, g_ptr_array_unref);
  run->empty_children = 0;
  if (run->key != NULL)
    g_string_free (g_steal_pointer (&run->key), TRUE);
}

static gboolean
values_differ (const FieldDef *f,
               const Value    *v,
               sqlite3_stmt   *stored,
               int             column)
{
  if (sqlite3_column_type (stored, column) == SQLITE_NULL)
    return TRUE;
  switch (f->type)
    {
    case FIELD_TEXT:
    case FIELD_CODE:
    case FIELD_DATE:
    case FIELD_ENUM:
      return g_strcmp0 (v->text, cyd_stmt_text (stored, column)) != 0;
    default:
      return v->number != sqlite3_column_int64 (stored, column);
    }
}

static void
bind_value (sqlite3_stmt   *stmt,
            int             index,
            const FieldDef *f,
            const Value    *v)
{
  switch (f->type)
    {
    case FIELD_TEXT:
    case FIELD_CODE:
    case FIELD_DATE:
    case FIELD_ENUM:
      sqlite3_bind_text (stmt, index, v->text, -1, SQLITE_STATIC);
      break;
    default:
      sqlite3_bind_int64 (stmt, index, v->number);
      break;
    }
}

static const char *
text_column_suffix (guint i)
{
  return i == 0 ? "en" : "cy";
}

/* The columns a record writes directly: fields that are not deferred
 * references, then its bilingual texts. */
static void
append_columns (GString         *s,
                const RecordDef *def,
                const char      *separator,
                const char      *suffix)
{
  gboolean first = TRUE;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++)
    {
      if (f->type == FIELD_SELF_REF)
        continue;
      g_string_append_printf (s, "%s%s%s", first ? "" : separator, f->column, suffix);
      first = FALSE;
    }
  if (def->text_column != NULL)
    for (guint i = 0; i < 2; i++)
      g_string_append_printf (s, "%s%s_%s%s", separator, def->text_column, text_column_suffix (i), suffix);
  if (def->text2_column != NULL)
    for (guint i = 0; i < 2; i++)
      g_string_append_printf (s, "%s%s_%s%s", separator, def->text2_column, text_column_suffix (i), suffix);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
has_children (Record         *record,
              const ChildDef *child_def)
{
  for (guint i = 0; i < record->children->len; i++)
    if (g_array_index (record->children, Child, i).def == child_def)
      return TRUE;
  return FALSE;
}

/* The record's children of one kind as a string that compares with the
 * stored ones (see SQL_STORED_STAGES and the next ones). */
static char *
canonical_file_children (Record         *record,
                         const ChildDef *child_def)
{
  g_autoptr(GPtrArray) tuples = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < record->children->len; i++)
    {
      Child *child = &g_array_index (record->children, Child, i);
      const Value *v = child->values;

      if (child->def != child_def)
        continue;
      switch (child_def->kind)
        {
        case CHILD_STAGE:
          g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%s", v[1].text, v[0].text));
          break;
        case CHILD_DOTTED_LINE:
        case CHILD_DEPENDENCY:
          g_ptr_array_add (tuples, g_strdup (v[0].text));
          break;
        case CHILD_MAPPING:
          g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%s\x1f%s", v[0].text, v[1].text, v[2].text));
          break;
        case CHILD_ASSIGNMENT:
          g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s", v[0].text,
                                                    v[1].present ? v[1].number : CYD_FTE_ONE,
                                                    v[2].present ? v[2].text : "",
                                                    v[3].present ? v[3].text : ""));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_ptr_array_sort (tuples, compare_strings);
  for (guint i = 0; i < tuples->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\x1e');
      g_string_append (s, g_ptr_array_index (tuples, i));
    }
  return g_string_free (s, FALSE);
}

static gboolean
children_differ (ImportRun      *run,
                 Record         *record,
                 const ChildDef *child_def,
                 gint64          id)
{
  g_autofree char *file = NULL;
  g_autoptr(CydStmt) stmt = NULL;

  if (!has_children (record, child_def))
    return FALSE;   /* left out: the stored children stay */
  if (id == 0)
    return TRUE;
  file = canonical_file_children (record, child_def);
  stmt = import_stmt (run, SQL_STORED_STAGES + child_def->kind);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return g_strcmp0 (file, cyd_stmt_text (stmt, 0) ? cyd_stmt_text (stmt, 0) : "") != 0;
}

static gboolean
add_pending (ImportRun   *run,
             PendingKind  what,
             gint64       record_id,
             const char  *record_code,
             const char  *code,
             const char  *method,
             const char  *effective,
             int          line,
             int          column)
{
  Pending pending = { what, record_id, record_code, code, method, effective, line, column };
  g_autoptr(CydStmt) stmt = NULL;

  if (import_resolve_now (run, &pending))
    return TRUE;
  stmt = import_stmt (run, SQL_ADD_PENDING);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, what);
  sqlite3_bind_int64 (stmt, 2, record_id);
  cyd_stmt_bind_text_or_null (stmt, 3, record_code);
  sqlite3_bind_text (stmt, 4, code, -1, SQLITE_STATIC);
  cyd_stmt_bind_text_or_null (stmt, 5, method);
  cyd_stmt_bind_text_or_null (stmt, 6, effective);
  sqlite3_bind_int (stmt, 7, line);
  sqlite3_bind_int (stmt, 8, column);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

static void
report_sqlite_refusal (ImportRun  *run,
                       int         line,
                       int         column,
                       const char *element,
                       const char *key)
{
  if (import_store_failed (run))
    return;
  import_problem (run, line, column, _("<%s> “%s” was refused by the programme’s rules: %s."),
                  element, key, sqlite3_errmsg (cyd_store_get_handle (run->store)));
}

static gboolean
write_child (ImportRun      *run,
             const ChildDef *child_def,
             const Child    *child,
             gint64          id,
             const char     *key)
{
  const Value *v = child->values;
  g_autoptr(CydStmt) stmt = NULL;

  switch (child_def->kind)
    {
    case CHILD_DOTTED_LINE:
      add_pending (run, PENDING_DOTTED_LINE, id, key, v[0].text, NULL, NULL, child->line, child->column);
      return TRUE;
    case CHILD_MAPPING:
      add_pending (run, PENDING_MAPPING, id, key, v[0].text, v[1].text, v[2].text, child->line, child->column);
      return TRUE;
    case CHILD_DEPENDENCY:
      add_pending (run, PENDING_DEPENDENCY, id, key, v[0].text, NULL, NULL, child->line, child->column);
      return TRUE;
    case CHILD_STAGE:
      stmt = import_stmt (run, SQL_ADD_STAGE);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, v[0].text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, v[1].text, -1, SQLITE_STATIC);
      break;
    case CHILD_ASSIGNMENT:
      /* the post was looked up when the record was checked */
      stmt = import_stmt (run, SQL_ADD_ASSIGNMENT);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, v[0].number);
      sqlite3_bind_int64 (stmt, 3, v[1].present ? v[1].number : CYD_FTE_ONE);
      cyd_stmt_bind_text_or_null (stmt, 4, v[2].present ? v[2].text : NULL);
      cyd_stmt_bind_text_or_null (stmt, 5, v[3].present ? v[3].text : NULL);
      break;
    default:
      g_assert_not_reached ();
    }

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      report_sqlite_refusal (run, child->line, child->column, child_def->element, key);
      return FALSE;
    }
  return TRUE;
}

/* Replaces the stored children of one kind with the file's: the ones that
 * resolve now are written, the rest queued. A new record of a table of
 * children that was empty has none to delete. */
static gboolean
write_children (ImportRun      *run,
                Record         *record,
                const ChildDef *child_def,
                gint64          id,
                gboolean        is_new,
                const char     *key)
{
  if (!is_new || !(run->empty_children & (1u << child_def->kind)))
    {
      g_autoptr(CydStmt) del = import_stmt (run, SQL_DELETE_STAGES + child_def->kind);

      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, id);
      if (sqlite3_step (del) != SQLITE_DONE)
        return FALSE;
    }

  for (guint i = 0; i < record->children->len; i++)
    {
      const Child *child = &g_array_index (record->children, Child, i);

      if (child->def == child_def && !write_child (run, child_def, child, id, key))
        return FALSE;
    }
  return TRUE;
}

static void
mark_bad (ImportRun *run,
          Record    *record)
{
  const RecordDef *def = record->def;
  BadRange range = { record->line, MAX (record->line, record->end_line) };
  const char *code = NULL;

  if (run->optimistic)
    {
      import_give_up (run);
      return;
    }

  for (guint i = 0; def->fields[i].attr != NULL; i++)
    if (g_str_equal (def->fields[i].attr, def->kind == CYD_KIND_STAFF ? "employee-number" : "code"))
      code = record->attrs[i];

  if (def->kind == CYD_KIND_STAFF)
    {
      g_autofree char *owner = g_strdup_printf ("%s:%s", record->attrs[1], code);
      import_note_failed (run, "person", owner);
    }
  else
    import_note_failed (run, def->table, code);

  g_array_append_val (run->bad_ranges, range);
}

static char *
find_sql (const RecordDef *def)
{
  GString *sql = g_string_new ("SELECT id, ");
  guint key_index = 1;

  append_columns (sql, def, ", ", "");
  g_string_append_printf (sql, " FROM %s WHERE ", def->table);
  for (const FieldDef *f = def->fields; f->attr != NULL; f++)
    if (f->flags & FIELD_KEY)
      {
        g_string_append_printf (sql, "%s%s = ?%u", key_index > 1 ? " AND " : "", f->column, key_index);
        key_index++;
      }
  return g_string_free (sql, FALSE);
}

/* Finds the record by its key, and compares what the file gives with what is
 * stored. Returns the id, or 0 when the record is new. */
static gint64
find_and_compare (ImportRun       *run,
                  const RecordDef *def,
                  Value           *values,
                  char           **texts,
                  char           **texts2,
                  gboolean        *differs)
{
  guint kind = g_bit_nth_lsf (def->kind, -1);
  char **sql = &run->find_sql[kind];
  g_autoptr(CydStmt) stmt = NULL;
  guint i = 0, key_index = 1;
  int col = 1;
  gint64 id;

  if (run->was_empty[kind])
    return 0;
  if (*sql == NULL)
    *sql = find_sql (def);
  stmt = cyd_store_prepare (run->store, *sql, NULL);
  if (stmt == NULL)
    return -1;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->flags & FIELD_KEY)
      bind_value (stmt, key_index++, f, &values[i]);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  id = sqlite3_column_int64 (stmt, 0);
  *differs = FALSE;
  i = 0;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    {
      if (f->type == FIELD_SELF_REF)
        continue;
      if (values[i].present && values_differ (f, &values[i], stmt, col))
        *differs = TRUE;
      col++;
    }
  if (def->text_column != NULL)
    for (guint t = 0; t < 2; t++, col++)
      if (texts[t] != NULL && g_strcmp0 (texts[t], cyd_stmt_text (stmt, col)) != 0)
        *differs = TRUE;
  if (def->text2_column != NULL)
    for (guint t = 0; t < 2; t++, col++)
      if (texts2[t] != NULL && g_strcmp0 (texts2[t], cyd_stmt_text (stmt, col)) != 0)
        *differs = TRUE;
  return id;
}

static gboolean
self_ref_differs (ImportRun      *run,
                  const RecordDef *def,
                  const FieldDef *f,
                  gint64          id,
                  const char     *code)
{
  char **sql = &run->self_ref_sql[g_bit_nth_lsf (def->kind, -1)];
  g_autoptr(CydStmt) stmt = NULL;

  /* a record has at most one such field */
  if (*sql == NULL)
    *sql = g_strdup_printf ("SELECT t.code FROM %s s LEFT JOIN %s t ON t.id = s.%s WHERE s.id = ?",
                            def->table, f->ref_table, f->column);
  stmt = cyd_store_prepare (run->store, *sql, NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return g_strcmp0 (cyd_stmt_text (stmt, 0), code) != 0;
}

static gboolean
writes_field (const FieldDef *f,
              const Value    *v)
{
  return (f->type != FIELD_SELF_REF || v->resolved) && v->present;
}

/* The record's four texts: name or title in English and Welsh, then
 * description or note. */
static const char *
text_at (const RecordDef  *def,
         char            **texts,
         char            **texts2,
         guint             t,
         const char      **column)
{
  *column = t < 2 ? def->text_column : def->text2_column;
  return t < 2 ? texts[t] : texts2[t - 2];
}

static char *
write_sql (const RecordDef  *def,
           const Value      *values,
           char            **texts,
           char            **texts2,
           gboolean          update)
{
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  gboolean first = TRUE;
  guint i = 0;

  g_string_printf (sql, update ? "UPDATE %s SET " : "INSERT INTO %s (", def->table);
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (writes_field (f, &values[i]))
      {
        g_string_append_printf (sql, "%s%s%s", first ? "" : ", ", f->column, update ? " = ?" : "");
        g_string_append_printf (params, "%s?", first ? "" : ", ");
        first = FALSE;
      }
  for (guint t = 0; t < 4; t++)
    {
      const char *column;

      if (text_at (def, texts, texts2, t, &column) != NULL && column != NULL)
        {
          g_string_append_printf (sql, ", %s_%s%s", column, text_column_suffix (t % 2), update ? " = ?" : "");
          g_string_append (params, ", ?");
        }
    }
  if (update)
    g_string_append (sql, " WHERE id = ?");
  else
    g_string_append_printf (sql, ") VALUES (%s)", params->str);
  return g_string_free (sql, FALSE);
}

/* Only the attributes the file gives are written: the rest keep their
 * stored values (or the schema's defaults for a new record). One statement
 * per kind and set of columns, made once per import. */
static CydStmt *
write_stmt (ImportRun        *run,
            const RecordDef  *def,
            const Value      *values,
            char            **texts,
            char            **texts2,
            gboolean          update)
{
  guint mask = 0, i = 0;
  gpointer key;
  CydStmt *stmt;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (writes_field (f, &values[i]))
      mask |= 1u << i;
  for (guint t = 0; t < 4; t++)
    {
      const char *column;

      if (text_at (def, texts, texts2, t, &column) != NULL && column != NULL)
        mask |= 1u << (MAX_FIELDS + t);
    }
  key = GUINT_TO_POINTER (mask | (update ? 1u << 20 : 0) | (guint) g_bit_nth_lsf (def->kind, -1) << 21);

  stmt = g_hash_table_lookup (run->write_stmts, key);
  if (stmt == NULL)
    {
      g_autofree char *sql = write_sql (def, values, texts, texts2, update);

      stmt = cyd_store_prepare (run->store, sql, NULL);
      if (stmt != NULL)
        g_hash_table_insert (run->write_stmts, key, stmt);
    }
  return stmt;
}

static gint64
insert_or_update (ImportRun       *run,
                  const RecordDef *def,
                  Value           *values,
                  char           **texts,
                  char           **texts2,
                  gint64           id)
{
  g_autoptr(CydStmt) stmt = write_stmt (run, def, values, texts, texts2, id != 0);
  guint i = 0;
  int param = 1;

  if (stmt == NULL)
    return -1;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (writes_field (f, &values[i]))
      bind_value (stmt, param++, f, &values[i]);
  for (guint t = 0; t < 4; t++)
    {
      const char *column;
      const char *text = text_at (def, texts, texts2, t, &column);

      if (column != NULL && text != NULL)
        sqlite3_bind_text (stmt, param++, text, -1, SQLITE_STATIC);
    }
  if (id != 0)
    sqlite3_bind_int64 (stmt, param++, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return -1;
  return id != 0 ? id : sqlite3_last_insert_rowid (cyd_store_get_handle (run->store));
}

/* A new record whose manager (or parent) is already written gets it in its
 * INSERT, rather than in a queued UPDATE once the section is read. */
static void
resolve_self_refs (ImportRun       *run,
                   const RecordDef *def,
                   Value           *values)
{
  guint i = 0;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->type == FIELD_SELF_REF && values[i].present)
      values[i].resolved = import_lookup_code (run, f->ref_table, values[i].text, &values[i].number);
}

/* A section begins; the staff section may be a snapshot of an employer's
 * staff. */
void
import_start_section (ImportRun       *run,
                      const RecordDef *def,
                      const char      *employer,
                      gboolean         snapshot,
                      int              line,
                      int              column)
{
  g_autoptr(CydStmt) stmt = NULL;

  run->snapshot_employer = 0;
  if (def == NULL || def->kind != CYD_KIND_STAFF || !snapshot)
    return;

  stmt = import_stmt (run, SQL_LOOKUP_COUNCIL);
  run->snapshot_line = line;
  run->snapshot_column = column;
  if (employer == NULL)
    import_problem (run, line, column, _("<staff>: a snapshot needs the attribute “employer”."));
  else if (run->as_at == NULL)
    import_problem (run, line, column,
                    _("<staff>: a snapshot needs the date it describes, in the “as-at” attribute of <cyd>."));
  else if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, employer, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        run->snapshot_employer = sqlite3_column_int64 (stmt, 0);
      else
        import_problem (run, line, column,
                        _("<staff>: the employer “%s” is neither in this file nor in the programme."),
                        employer);
    }
}

void
import_write_record (ImportRun *run,
                     Record    *record)
{
  const RecordDef *def = record->def;
  Value values[MAX_FIELDS] = { { 0 } };
  const char *key;
  CydImportCounts *counts = import_counts (run, def->kind);
  gboolean differs = FALSE;
  gint64 id, written;
  guint i;

  if (!import_check_record (run, record, values))
    {
      mark_bad (run, record);
      return;
    }

  /* run->key holds it until the next record */
  key = import_record_key (run, def, values);
  id = find_and_compare (run, def, values, record->text, record->text2, &differs);
  if (id < 0)
    {
      report_sqlite_refusal (run, record->line, record->column, def->element, key);
      mark_bad (run, record);
      return;
    }

  /* Deferred single references compare by code, as they stand now. */
  i = 0;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->type == FIELD_SELF_REF && values[i].present && (id == 0 || self_ref_differs (run, def, f, id, values[i].text)))
      differs = TRUE;

  for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
    if (children_differ (run, record, c, id))
      differs = TRUE;

  if (id != 0 && !differs)
    counts->unchanged++;
  else
    {
      if (id == 0)
        resolve_self_refs (run, def, values);
      written = insert_or_update (run, def, values, record->text, record->text2, id);

      if (written < 0)
        {
          report_sqlite_refusal (run, record->line, record->column, def->element, key);
          mark_bad (run, record);
          return;
        }
      if (id == 0)
        counts->added++;
      else
        counts->changed++;

      i = 0;
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
        if (f->type == FIELD_SELF_REF && values[i].present && !values[i].resolved)
          add_pending (run, def->kind == CYD_KIND_POST ? PENDING_REPORTS_TO : PENDING_PARENT,
                       written, key, values[i].text, NULL, NULL, record->line, record->column);

      for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
        if (has_children (record, c) && !write_children (run, record, c, written, id == 0, key))
          {
            mark_bad (run, record);
            return;
          }
      id = written;
    }

  if (def->kind == CYD_KIND_STAFF && run->snapshot_employer != 0)
    {
      g_autoptr(CydStmt) seen = import_stmt (run, SQL_ADD_SEEN);

      if (seen != NULL)
        {
          sqlite3_bind_int64 (seen, 1, id);
          sqlite3_step (seen);
        }
    }
}
