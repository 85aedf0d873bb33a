/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-edit"

#include "config.h"

#include "cyd-edit.h"
#include "cyd-edit-private.h"

G_DEFINE_BOXED_TYPE (CydEdit, cyd_edit, cyd_edit_ref, cyd_edit_unref)

static void
edit_op_free (gpointer data)
{
  CydEditOp *op = data;

  g_free (op->table);
  g_ptr_array_unref (op->columns);
  g_ptr_array_unref (op->values);
  g_array_unref (op->refs);
  g_free (op);
}

static void
value_free (gpointer data)
{
  if (data != NULL)
    g_variant_unref (data);
}

static CydEditOp *
add_op (CydEdit       *self,
        CydEditOpKind  kind,
        const char    *table,
        gint64         id)
{
  CydEditOp *op = g_new0 (CydEditOp, 1);

  op->kind = kind;
  op->table = g_strdup (table);
  op->id = id;
  op->columns = g_ptr_array_new_with_free_func (g_free);
  op->values = g_ptr_array_new_with_free_func (value_free);
  op->refs = g_array_new (FALSE, FALSE, sizeof (CydEditRef));
  g_ptr_array_add (self->ops, op);
  return op;
}

static void
set_value (CydEditOp  *op,
           const char *column,
           GVariant   *value)
{
  g_return_if_fail (value == NULL ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                    g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));

  g_ptr_array_add (op->columns, g_strdup (column));
  g_ptr_array_add (op->values, value != NULL ? g_variant_ref_sink (value) : NULL);
}

/**
 * cyd_edit_new:
 * @label: what the step does, as the user reads it ("Change post"); shown
 *   by undo and kept in the audit trail
 */
CydEdit *
cyd_edit_new (const char *label)
{
  CydEdit *self = g_new0 (CydEdit, 1);

  g_return_val_if_fail (label != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->label = g_strdup (label);
  self->ops = g_ptr_array_new_with_free_func (edit_op_free);
  return self;
}

CydEdit *
cyd_edit_ref (CydEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cyd_edit_unref (CydEdit *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->ops);
      g_free (self->label);
      g_free (self);
    }
}

const char *
cyd_edit_get_label (CydEdit *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

gboolean
cyd_edit_is_empty (CydEdit *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->ops->len == 0;
}

/* Sets @column of row @id of @table to @value (floating references are sunk). */
void
cyd_edit_update (CydEdit    *self,
                 const char *table,
                 gint64      id,
                 const char *column,
                 GVariant   *value)
{
  CydEditOp *op = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL && column != NULL && id > 0);

  /* Several columns of one row are one update. */
  for (guint i = 0; i < self->ops->len; i++)
    {
      CydEditOp *candidate = g_ptr_array_index (self->ops, i);
      if (candidate->kind == CYD_EDIT_UPDATE && candidate->id == id && g_str_equal (candidate->table, table))
        op = candidate;
    }
  if (op == NULL)
    op = add_op (self, CYD_EDIT_UPDATE, table, id);
  set_value (op, column, value);
}

/* Adds a new row to @table; returns a handle for cyd_edit_set(). */
guint
cyd_edit_insert (CydEdit    *self,
                 const char *table)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table != NULL, 0);

  add_op (self, CYD_EDIT_INSERT, table, 0);
  return self->ops->len - 1;
}

void
cyd_edit_set (CydEdit    *self,
              guint       insert,
              const char *column,
              GVariant   *value)
{
  CydEditOp *op;

  g_return_if_fail (self != NULL);
  g_return_if_fail (insert < self->ops->len);

  op = g_ptr_array_index (self->ops, insert);
  g_return_if_fail (op->kind == CYD_EDIT_INSERT);
  set_value (op, column, value);
}

/* Sets @column of a new row to the id another new row of the same step gets. */
void
cyd_edit_set_inserted_id (CydEdit    *self,
                          guint       insert,
                          const char *column,
                          guint       other_insert)
{
  CydEditOp *op;
  CydEditRef ref;

  g_return_if_fail (self != NULL);
  g_return_if_fail (insert < self->ops->len && other_insert < insert);

  op = g_ptr_array_index (self->ops, insert);
  g_return_if_fail (op->kind == CYD_EDIT_INSERT);
  ref.column = g_intern_string (column);
  ref.other = other_insert;
  g_array_append_val (op->refs, ref);
}

void
cyd_edit_delete (CydEdit    *self,
                 const char *table,
                 gint64      id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (table != NULL && id > 0);

  add_op (self, CYD_EDIT_DELETE, table, id);
}

/* After cyd_store_apply(): the id the new row got. */
gint64
cyd_edit_get_inserted_id (CydEdit *self,
                          guint    insert)
{
  CydEditOp *op;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (insert < self->ops->len, 0);

  op = g_ptr_array_index (self->ops, insert);
  return op->kind == CYD_EDIT_INSERT ? op->id : 0;
}
