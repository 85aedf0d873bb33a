/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-list-export.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cyd.h"
#include "cyd-column-sorter.h"
#include "cyd-csv.h"
#include "cyd-output.h"

/* A list page's list as CSV: its visible columns in their order on screen,
 * their titles as the header row, and every row of its CydListModel with
 * the same search, sort, date and filters. The rows are read in a worker
 * thread, a page at a time, from a CydListModel built over the worker's own
 * CydStore. Each column's field is the key of its CydColumnSorter. */

typedef struct {
  CydStoreFile   store_file;
  CydListState  *state;
  GPtrArray     *keys;     /* of char * */
  GPtrArray     *titles;   /* of char * */
  GFile         *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  cyd_store_file_clear (&job->store_file);
  g_clear_pointer (&job->state, cyd_list_state_free);
  g_clear_pointer (&job->keys, g_ptr_array_unref);
  g_clear_pointer (&job->titles, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static CydListModel *
find_model (GtkColumnView *column_view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (column_view);
  GListModel *model = NULL;

  if (GTK_IS_SINGLE_SELECTION (selection))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (GTK_IS_SLICE_LIST_MODEL (model))
    model = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));
  return CYD_IS_LIST_MODEL (model) ? CYD_LIST_MODEL (model) : NULL;
}

static void
collect_columns (GtkColumnView *column_view,
                 ExportJob     *job)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
      const char *title = gtk_column_view_column_get_title (column);

      if (!gtk_column_view_column_get_visible (column) || !CYD_IS_COLUMN_SORTER (sorter))
        continue;
      g_ptr_array_add (job->keys, g_strdup (cyd_column_sorter_get_key (CYD_COLUMN_SORTER (sorter))));
      g_ptr_array_add (job->titles, g_strdup (title != NULL ? title : ""));
    }
}

static gboolean
write_rows (GOutputStream  *out,
            CydListModel   *model,
            ExportJob      *job,
            guint          *n_rows,
            GCancellable   *cancellable,
            GError        **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_autofree const char **fields = g_new0 (const char *, job->keys->len + 1);

  if (!g_output_stream_write_all (out, CYD_CSV_BOM, strlen (CYD_CSV_BOM), NULL, cancellable, error)
      || !cyd_csv_write_row (out, (const char * const *) job->titles->pdata, job->titles->len,
                             cancellable, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (record == NULL)
        break;
      for (guint k = 0; k < job->keys->len; k++)
        fields[k] = cyd_record_get_text (record, g_ptr_array_index (job->keys, k));
      if (!cyd_csv_write_row (out, fields, job->keys->len, cancellable, error))
        return FALSE;
      *n_rows = i + 1;
    }
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydListModel) model = NULL;
  g_autoptr(GOutputStream) out = NULL;
  GError *error = NULL;
  guint n_rows = 0;

  store = cyd_store_file_open (&job->store_file, &error);
  if (store != NULL)
    out = cyd_output_open (job->file, 0, cancellable, &error);
  if (out == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  model = cyd_list_model_new_from_state (store, job->state);
  if (!write_rows (out, model, job, &n_rows, cancellable, &error)
      || !cyd_output_close (out, cancellable, &error))
    {
      cyd_output_abandon (out, &error);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, n_rows);
}

/**
 * cyd_list_export_csv_async:
 * @column_view: a list page's column view, over a #CydListModel
 * @file: the CSV file to write, replaced if it exists
 *
 * Writes the list @column_view shows to @file as CSV, in a worker thread.
 */
void
cyd_list_export_csv_async (GtkColumnView       *column_view,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CydListModel *model;
  ExportJob *job;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (G_IS_FILE (file));

  /* No source object: the worker may drop the task's last reference, and
   * must not take a widget's with it. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cyd_list_export_csv_async);

  model = find_model (column_view);
  if (model == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no list to export."));
      return;
    }

  job = g_new0 (ExportJob, 1);
  cyd_store_file_init (&job->store_file, cyd_list_model_get_store (model));
  job->state = cyd_list_model_dup_state (model);
  job->keys = g_ptr_array_new_with_free_func (g_free);
  job->titles = g_ptr_array_new_with_free_func (g_free);
  job->file = g_object_ref (file);
  collect_columns (column_view, job);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Returns whether the file was written, with the number of rows in @n_rows. */
gboolean
cyd_list_export_csv_finish (GtkColumnView  *column_view,
                            GAsyncResult   *result,
                            guint          *n_rows,
                            GError        **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_rows != NULL)
    *n_rows = n;
  return TRUE;
}
