/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-edit-private.h"
#include "cyd-private.h"
#include "cyd-store.h"

/* The write path: edits, undo, redo and the audit trail are one mechanism.
 * Each applied step keeps every row it touched as JSON before and after, so
 * undo writes the "before" images back and redo the "after" ones. */

typedef struct {
  char   *table;
  gint64  id;
  char   *before;   /* NULL: the step inserted the row */
  char   *after;    /* NULL: the step deleted the row */
} StepRow;

struct _CydStep
{
  char      *label;
  GPtrArray *rows;    /* StepRow, in the order they were written */
};

static const struct {
  const char *table;
  CydKind     kind;
} editable_tables[] = {
  { "council", CYD_KIND_COUNCIL },
  { "directorate", CYD_KIND_DIRECTORATE },
  { "service_line", CYD_KIND_SERVICE_LINE },
  { "service_line_stage", CYD_KIND_SERVICE_LINE },
  { "post", CYD_KIND_POST },
  { "post_dotted_line", CYD_KIND_POST },
  { "post_mapping", CYD_KIND_POST },
  { "person", CYD_KIND_STAFF },
  { "assignment", CYD_KIND_STAFF },
  { "budget_line", CYD_KIND_BUDGET },
  { "saving", CYD_KIND_SAVING },
  { "milestone", CYD_KIND_MILESTONE },
  { "milestone_dependency", CYD_KIND_MILESTONE },
};

/* Rows the schema deletes with their parent: deleted (and restored) here
 * explicitly, so that undo brings them back too. */
static const struct {
  const char *parent;
  const char *child;
  const char *column;
} cascades[] = {
  { "service_line", "service_line_stage", "service_line_id" },
  { "post", "post_dotted_line", "post_id" },
  { "post", "post_mapping", "post_id" },
  { "person", "assignment", "person_id" },
  { "milestone", "milestone_dependency", "milestone_id" },
};

static CydKind
table_kind (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (editable_tables); i++)
    if (g_str_equal (editable_tables[i].table, table))
      return editable_tables[i].kind;
  return 0;
}

static void
step_row_free (gpointer data)
{
  StepRow *row = data;

  g_free (row->table);
  g_free (row->before);
  g_free (row->after);
  g_free (row);
}

void
cyd_step_free (CydStep *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->rows);
  g_free (step);
}

static CydStep *
step_new (const char *label)
{
  CydStep *step = g_new0 (CydStep, 1);

  step->label = g_strdup (label);
  step->rows = g_ptr_array_new_with_free_func (step_row_free);
  return step;
}

const char *
cyd_step_get_label (CydStep *step)
{
  return step->label;
}

static char *
row_json (CydStore    *self,
          const char  *table,
          gint64       id)
{
  GPtrArray *columns = cyd_store_get_table_columns (self, table);
  g_autoptr(GString) sql = g_string_new ("SELECT json_object (");
  g_autoptr(CydStmt) stmt = NULL;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s'%s', %s", i > 0 ? ", " : "",
                            (char *) g_ptr_array_index (columns, i), (char *) g_ptr_array_index (columns, i));
  g_string_append_printf (sql, ") FROM %s WHERE id = ?", table);

  stmt = cyd_store_prepare (self, sql->str, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (cyd_stmt_text (stmt, 0));
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           index,
              GVariant     *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
  else
    sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
}

static gboolean
check_columns (CydStore   *self,
               CydEditOp  *op,
               GError    **error)
{
  GPtrArray *columns;

  if (table_kind (op->table) == 0)
    {
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED, "“%s” cannot be edited", op->table);
      return FALSE;
    }
  columns = cyd_store_get_table_columns (self, op->table);
  for (guint i = 0; i < op->columns->len; i++)
    {
      const char *column = g_ptr_array_index (op->columns, i);
      gboolean known = FALSE;

      for (guint c = 0; c < columns->len; c++)
        known |= g_str_equal (column, g_ptr_array_index (columns, c));
      if (!known)
        {
          g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED, "%s has no column “%s”", op->table, column);
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_row (CydStep    *step,
         const char *table,
         gint64      id,
         char       *before,
         char       *after)
{
  StepRow *row = g_new0 (StepRow, 1);

  row->table = g_strdup (table);
  row->id = id;
  row->before = before;
  row->after = after;
  g_ptr_array_add (step->rows, row);
}

static gboolean
exec_delete (CydStore    *self,
             const char  *table,
             gint64       id,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return cyd_stmt_step_done (self, stmt, error);
}

static gboolean
delete_with_children (CydStore    *self,
                      CydStep     *step,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  char *before;

  for (guint c = 0; c < G_N_ELEMENTS (cascades); c++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!g_str_equal (cascades[c].parent, table))
        continue;
      sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ? ORDER BY id", cascades[c].child, cascades[c].column);
      {
        g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, id);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            gint64 child = sqlite3_column_int64 (stmt, 0);
            g_array_append_val (ids, child);
          }
      }
      for (guint i = 0; i < ids->len; i++)
        if (!delete_with_children (self, step, cascades[c].child, g_array_index (ids, gint64, i), error))
          return FALSE;
    }

  before = row_json (self, table, id);
  if (before == NULL)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           _("The record no longer exists: someone may have changed the programme meanwhile."));
      return FALSE;
    }
  if (!exec_delete (self, table, id, error))
    {
      g_free (before);
      return FALSE;
    }
  add_row (step, table, id, before, NULL);
  return TRUE;
}

static gboolean
apply_update (CydStore   *self,
              CydStep    *step,
              CydEditOp  *op,
              GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CydStmt) stmt = NULL;
  char *before = row_json (self, op->table, op->id);
  guint i;

  if (before == NULL)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           _("The record no longer exists: someone may have changed the programme meanwhile."));
      return FALSE;
    }

  g_string_printf (sql, "UPDATE %s SET ", op->table);
  for (i = 0; i < op->columns->len; i++)
    g_string_append_printf (sql, "%s%s = ?%u", i > 0 ? ", " : "", (char *) g_ptr_array_index (op->columns, i), i + 1);
  g_string_append_printf (sql, " WHERE id = ?%u", i + 1);

  stmt = cyd_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    {
      g_free (before);
      return FALSE;
    }
  for (i = 0; i < op->values->len; i++)
    bind_variant (stmt, i + 1, g_ptr_array_index (op->values, i));
  sqlite3_bind_int64 (stmt, i + 1, op->id);
  if (!cyd_stmt_step_done (self, stmt, error))
    {
      g_free (before);
      return FALSE;
    }
  add_row (step, op->table, op->id, before, row_json (self, op->table, op->id));
  return TRUE;
}

static gboolean
apply_insert (CydStore   *self,
              CydEdit    *edit,
              CydStep    *step,
              CydEditOp  *op,
              GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(CydStmt) stmt = NULL;
  guint n = 0;

  g_string_printf (sql, "INSERT INTO %s (", op->table);
  for (guint i = 0; i < op->columns->len; i++, n++)
    {
      g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", (char *) g_ptr_array_index (op->columns, i));
      g_string_append_printf (params, "%s?%u", n > 0 ? ", " : "", n + 1);
    }
  for (guint r = 0; r < op->refs->len; r++, n++)
    {
      g_string_append_printf (sql, "%s%s", n > 0 ? ", " : "", g_array_index (op->refs, CydEditRef, r).column);
      g_string_append_printf (params, "%s?%u", n > 0 ? ", " : "", n + 1);
    }
  if (n == 0)
    g_string_append_printf (sql, ") DEFAULT VALUES");
  else
    g_string_append_printf (sql, ") VALUES (%s)", params->str);

  stmt = cyd_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  for (guint i = 0; i < op->values->len; i++)
    bind_variant (stmt, ++n, g_ptr_array_index (op->values, i));
  for (guint r = 0; r < op->refs->len; r++)
    {
      CydEditOp *other = g_ptr_array_index (edit->ops, g_array_index (op->refs, CydEditRef, r).other);
      sqlite3_bind_int64 (stmt, ++n, other->id);
    }
  if (!cyd_stmt_step_done (self, stmt, error))
    return FALSE;

  op->id = sqlite3_last_insert_rowid (cyd_store_get_handle (self));
  add_row (step, op->table, op->id, NULL, row_json (self, op->table, op->id));
  return TRUE;
}

/* Writes one row back from a JSON image, or deletes it when @image is NULL. */
static gboolean
restore_row (CydStore    *self,
             const char  *table,
             gint64       id,
             const char  *image,
             gboolean     exists,
             GError     **error)
{
  GPtrArray *columns = cyd_store_get_table_columns (self, table);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CydStmt) stmt = NULL;

  if (image == NULL)
    return exec_delete (self, table, id, error);

  if (exists)
    {
      g_string_printf (sql, "UPDATE %s SET ", table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, "%s%s = json_extract (?1, '$.%s')", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (columns, i), (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, " WHERE id = ?2");
    }
  else
    {
      g_string_printf (sql, "INSERT INTO %s (id", table);
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", %s", (char *) g_ptr_array_index (columns, i));
      g_string_append (sql, ") SELECT ?2");
      for (guint i = 0; i < columns->len; i++)
        g_string_append_printf (sql, ", json_extract (?1, '$.%s')", (char *) g_ptr_array_index (columns, i));
    }

  stmt = cyd_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, image, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  return cyd_stmt_step_done (self, stmt, error);
}

static gboolean
write_audit (CydStore    *self,
             CydStep     *step,
             const char  *step_label,
             gboolean     inverse,
             GError     **error)
{
  g_autofree char *now = cyd_now_iso ();
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self,
                                               "INSERT INTO audit_log (at, user_name, action, kind, record, before, after, step)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < step->rows->len; i++)
    {
      StepRow *row = g_ptr_array_index (step->rows, inverse ? step->rows->len - 1 - i : i);
      const char *before = inverse ? row->after : row->before;
      const char *after = inverse ? row->before : row->after;
      const char *action = before == NULL ? "insert" : after == NULL ? "delete" : "update";
      g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT, row->id);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, cyd_user_name (), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, row->table, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, record, -1, SQLITE_TRANSIENT);
      cyd_stmt_bind_text_or_null (stmt, 6, before);
      cyd_stmt_bind_text_or_null (stmt, 7, after);
      sqlite3_bind_text (stmt, 8, step_label, -1, SQLITE_TRANSIENT);
      if (!cyd_stmt_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static guint
step_kinds (CydStep *step)
{
  guint kinds = 0;

  for (guint i = 0; i < step->rows->len; i++)
    kinds |= table_kind (((StepRow *) g_ptr_array_index (step->rows, i))->table);
  return kinds;
}

/**
 * cyd_store_apply:
 *
 * Applies @edit in one transaction, records it in the audit trail and on the
 * undo stack, and emits CydStore::changed. All or nothing.
 */
gboolean
cyd_store_apply (CydStore  *self,
                 CydEdit   *edit,
                 GError   **error)
{
  CydStep *step;
  gboolean ok = TRUE;

  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);
  g_return_val_if_fail (edit != NULL && !cyd_edit_is_empty (edit), FALSE);

  for (guint i = 0; i < edit->ops->len; i++)
    if (!check_columns (self, g_ptr_array_index (edit->ops, i), error))
      return FALSE;

  if (!cyd_store_begin (self, error))
    return FALSE;

  step = step_new (edit->label);
  for (guint i = 0; ok && i < edit->ops->len; i++)
    {
      CydEditOp *op = g_ptr_array_index (edit->ops, i);

      switch (op->kind)
        {
        case CYD_EDIT_UPDATE:
          ok = apply_update (self, step, op, error);
          break;
        case CYD_EDIT_INSERT:
          ok = apply_insert (self, edit, step, op, error);
          break;
        case CYD_EDIT_DELETE:
          ok = delete_with_children (self, step, op->table, op->id, error);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  ok = ok && write_audit (self, step, step->label, FALSE, error) && cyd_store_commit (self, error);

  if (!ok)
    {
      cyd_store_rollback (self);
      for (guint i = 0; i < edit->ops->len; i++)
        {
          CydEditOp *op = g_ptr_array_index (edit->ops, i);
          if (op->kind == CYD_EDIT_INSERT)
            op->id = 0;
        }
      cyd_step_free (step);
      return FALSE;
    }

  cyd_store_forget_redo (self);
  cyd_store_push_step (self, step, FALSE);
  cyd_store_notify_changed (self, step_kinds (step));
  return TRUE;
}

/* Moves the newest step from one stack to the other, writing its rows back
 * as they were before it (undo) or after it (redo). */
static gboolean
replay (CydStore  *self,
        gboolean   undo,
        GError   **error)
{
  CydStep *step = cyd_store_pop_step (self, !undo);
  g_autofree char *label = NULL;
  gboolean ok = TRUE;

  if (step == NULL)
    return TRUE;

  label = undo ? g_strdup_printf (_("Undo: %s"), step->label) : g_strdup_printf (_("Redo: %s"), step->label);
  if (!cyd_store_begin (self, error))
    {
      cyd_store_push_step (self, step, !undo);
      return FALSE;
    }

  for (guint i = 0; ok && i < step->rows->len; i++)
    {
      StepRow *row = g_ptr_array_index (step->rows, undo ? step->rows->len - 1 - i : i);
      const char *image = undo ? row->before : row->after;
      const char *current = undo ? row->after : row->before;

      ok = restore_row (self, row->table, row->id, image, current != NULL, error);
    }
  ok = ok && write_audit (self, step, label, undo, error) && cyd_store_commit (self, error);

  if (!ok)
    {
      cyd_store_rollback (self);
      cyd_store_push_step (self, step, !undo);
      return FALSE;
    }
  cyd_store_push_step (self, step, undo);
  cyd_store_notify_changed (self, step_kinds (step));
  return TRUE;
}

gboolean
cyd_store_undo (CydStore  *self,
                GError   **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return replay (self, TRUE, error);
}

gboolean
cyd_store_redo (CydStore  *self,
                GError   **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return replay (self, FALSE, error);
}
