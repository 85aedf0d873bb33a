/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include "cyd-store.h"

#include "cyd-private.h"

/* Reading one row for an edit dialog; and reading in a worker thread. A CydStore belongs to the thread that uses it,
 * so the worker opens a connection of its own on the same file; SQLite lets
 * it read while the window's connection carries on. */

typedef struct {
  CydStoreFile      file;
  CydStoreReadFunc  func;
  gpointer          data;
  GDestroyNotify    data_free;
  GDestroyNotify    result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  if (job->data_free != NULL)
    job->data_free (job->data);
  cyd_store_file_clear (&job->file);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(CydStore) store = NULL;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  store = cyd_store_file_open (&job->file, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = job->func (store, job->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, job->result_free);
}

/**
 * cyd_store_read_async:
 * @self: the store whose file to read
 * @func: what to read; it runs in a worker thread, on a store of its own
 * @data: (nullable): passed to @func; freed with @data_free when done
 * @result_free: (nullable): frees what @func returns if nobody takes it
 *
 * Runs @func away from the calling thread. @func returns a pointer (or
 * %NULL) and sets its #GError on failure; cyd_store_read_finish() gives the
 * pointer back in the calling thread's main context.
 */
void
cyd_store_read_async (CydStore            *self,
                      CydStoreReadFunc     func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (CYD_IS_STORE (self));
  g_return_if_fail (func != NULL);

  /* No source object: the worker may drop the task's last reference, and
   * must not take the store's with it. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cyd_store_read_async);
  job = g_new0 (ReadJob, 1);
  cyd_store_file_init (&job->file, self);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

gpointer
cyd_store_read_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cyd_store_read_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cyd_store_dup_row:
 * @sql: a query of one row, its id bound as ?1
 * @columns: (array length=n_columns): the names of the query's columns
 * @missing: the message when there is no such row
 *
 * Returns: (transfer full) (nullable): the row's columns as texts, by
 *   name, absent when NULL; %NULL with @error set when there is no row
 */
GHashTable *
cyd_store_dup_row (CydStore           *self,
                   const char         *sql,
                   const char * const *columns,
                   guint               n_columns,
                   gint64              id,
                   const char         *missing,
                   GError            **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  GHashTable *fields;
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  stmt = cyd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED, missing);
      else
        cyd_store_set_sqlite_error (self, error);
      return NULL;
    }
  fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < n_columns; i++)
    if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
      g_hash_table_insert (fields, (gpointer) columns[i], g_strdup (cyd_stmt_text (stmt, i)));
  return fields;
}
