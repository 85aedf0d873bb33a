/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-list-model"

#include "config.h"

#include <string.h>

#include "cyd-collate.h"
#include "cyd-list-index.h"
#include "cyd-private.h"

/* The searchable fields of a row are joined with this, which a search for
 * typed text never contains: a match never spans two fields. */
#define FIELD_SEPARATOR '\x1f'

struct _CydListIndex
{
  GArray  *ids;       /* gint64, in display order */
  GArray  *offsets;   /* guint, into text: each row's fields, NUL-terminated */
  GString *text;      /* folded by cyd_search_fold_append() */
};

void
cyd_list_index_free (CydListIndex *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->ids);
  g_array_unref (self->offsets);
  g_string_free (self->text, TRUE);
  g_free (self);
}

/**
 * cyd_list_index_build:
 * @sql: a query giving each row's id and its searchable fields joined by
 *   U+001F, in display order
 * @params: (element-type CydListIndexParam): the query's parameters
 *
 * Runs @sql on @store. Safe in a worker thread with a store of its own.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
CydListIndex *
cyd_list_index_build (CydStore      *store,
                      const char    *sql,
                      GArray        *params,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(CydListIndex) self = g_new0 (CydListIndex, 1);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; params != NULL && i < params->len; i++)
    {
      const CydListIndexParam *param = &g_array_index (params, CydListIndexParam, i);
      sqlite3_bind_text (stmt, param->index, param->text, -1, SQLITE_TRANSIENT);
    }

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->text = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *fields = (const char *) sqlite3_column_text (stmt, 1);
      guint offset = self->text->len;

      if ((self->ids->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      g_array_append_val (self->ids, id);
      g_array_append_val (self->offsets, offset);
      if (fields != NULL)
        cyd_search_fold_append (self->text, fields);
      g_string_append_c (self->text, '\0');
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

guint
cyd_list_index_get_size (CydListIndex *self)
{
  return self->ids->len;
}

gint64
cyd_list_index_get_id (CydListIndex *self,
                       guint         position)
{
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/* Whether the index can answer a search for @search as LIKE would. */
gboolean
cyd_list_index_can_search (const char *search)
{
  return search != NULL && *search != '\0' && strchr (search, FIELD_SEPARATOR) == NULL;
}

/**
 * cyd_list_index_search:
 * @search: the text to find, as typed
 * @within: (nullable): positions to look among, from a search for part of
 *   @search; %NULL for every row
 *
 * Returns: (transfer full): the positions of the rows with a field that
 *   holds @search, folded as cyd_search_fold_append() does, in display order
 */
GArray *
cyd_list_index_search (CydListIndex *self,
                       const char   *search,
                       GArray       *within)
{
  g_autofree char *needle = cyd_search_fold (search);
  guint n = within != NULL ? within->len : self->ids->len;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n; i++)
    {
      guint position = within != NULL ? g_array_index (within, guint, i) : i;
      const char *fields = self->text->str + g_array_index (self->offsets, guint, position);

      if (strstr (fields, needle) != NULL)
        g_array_append_val (found, position);
    }
  return found;
}
