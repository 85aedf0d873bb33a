/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-error-dialog.h"
#include "cyd-files.h"
#include "cyd-import-dialog.h"
#include "cyd-window-private.h"

/* Work on the window's file in a worker thread. The worker opens its own
 * CydStore on the same path: a store is used from one thread at a time, and
 * the window's one keeps serving the pages meanwhile. */
typedef struct {
  CydStoreFile store_file;
  GFile *dest;
} FileJob;

static void
file_job_free (FileJob *job)
{
  cyd_store_file_clear (&job->store_file);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
run_file_job (CydWindow           *self,
              GFile               *dest,
              GTaskThreadFunc      thread_func,
              GAsyncReadyCallback  callback)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job = g_new0 (FileJob, 1);

  cyd_store_file_init (&job->store_file, self->store);
  job->dest = g_object_ref (dest);

  /* No source object: each callback takes the window's reference back on
   * this thread, so the worker never drops the last one. */
  task = g_task_new (NULL, self->cancellable, callback, g_object_ref (self));
  g_task_set_source_tag (task, run_file_job);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, thread_func);
}

static void
show_file_error (CydWindow    *self,
                 const char   *heading_format,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (heading_format, name);

  cyd_error_dialog_show (gtk_window_get_application (GTK_WINDOW (self)),
                         GTK_WINDOW (self), heading, error->message);
}

static gboolean
is_open_in_a_window (CydWindow *self,
                     GFile     *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (cyd_window_shows_file (self, file))
    return TRUE;

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l; l = l->next)
    {
      if (CYD_IS_WINDOW (l->data) && cyd_window_shows_file (l->data, file))
        return TRUE;
    }

  return FALSE;
}

static char *
dup_base_name (CydWindow  *self,
               const char *new_suffix)
{
  g_autofree char *name = g_path_get_basename (cyd_store_get_path (self->store));
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';

  return g_strconcat (name, new_suffix, NULL);
}

static GtkFileFilter *
create_filter (const char *name,
               const char *mime_type,
               const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);

  return filter;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CydWindow       *self)
{
  CydChooserDone done = self->chooser_done;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (self->chooser == chooser)
    {
      g_clear_object (&self->chooser);
      self->chooser_done = NULL;
    }

  if (file != NULL && done != NULL)
    done (self, file);
}

static void
show_chooser (CydWindow            *self,
              const char           *title,
              GtkFileChooserAction  action,
              const char           *accept_label,
              GtkFileFilter        *filter,
              const char           *current_name,
              CydChooserDone        done)
{
  g_autoptr(GFile) folder = g_file_new_for_path (cyd_store_get_path (self->store));
  g_autoptr(GFile) parent = g_file_get_parent (folder);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                         accept_label, _("_Cancel"));
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (parent != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);

  self->chooser_done = done;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

/* Save As… */

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autofree char *dest_path = g_file_get_path (job->dest);
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydStore) copy = NULL;
  GError *error = NULL;

  if (dest_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cyd can only save to this computer or to a mounted network share."));
      return;
    }

  if (!cyd_files_make_room (job->dest, &error)
      || (store = cyd_store_file_open (&job->store_file, &error)) == NULL
      || !cyd_store_save_copy (store, dest_path, &error)
      || (copy = cyd_store_open (dest_path, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&copy), g_object_unref);
}

static void
on_save_copy_ready (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CydWindow) self = user_data;
  FileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CydStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  CydWindow *window;

  copy = g_task_propagate_pointer (G_TASK (result), &error);
  if (copy == NULL)
    {
      /* Told as a failed export is: a toast would go, and cut it short. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_file_error (self, _("Could Not Save As “%s”"), job->dest, error);
      return;
    }

  /* Carry on in the copy, like any document application. */
  window = cyd_window_new (gtk_window_get_application (GTK_WINDOW (self)), copy);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_as_chosen (CydWindow *self,
                GFile     *file)
{
  if (is_open_in_a_window (self, file))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_BUSY,
                                                     _("That file is open in another window. Choose another name, or close that window first."));

      show_file_error (self, _("Could Not Save As “%s”"), file, error);
      return;
    }

  run_file_job (self, file, save_copy_thread, on_save_copy_ready);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_filter (_("Cyd Programmes"),
                                                   "application/x-cyd-programme", "cyd");
  g_autofree char *name = g_path_get_basename (cyd_store_get_path (self->store));

  show_chooser (self, _("Save Programme As"), GTK_FILE_CHOOSER_ACTION_SAVE,
                _("_Save"), filter, name, save_as_chosen);
}

/* Export… */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FileJob *job = task_data;
  g_autoptr(CydStore) store = NULL;
  GError *error = NULL;

  store = cyd_store_file_open (&job->store_file, &error);
  if (store == NULL || !cyd_export_to_file (store, job->dest, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_export_ready (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CydWindow) self = user_data;
  FileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->dest);
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_file_error (self, _("Could Not Export to “%s”"), job->dest, error);
      return;
    }

  message = g_strdup_printf (_("Exported to %s"), name);
  cyd_window_show_toast (self, message);
}

static void
export_chosen (CydWindow *self,
               GFile     *file)
{
  run_file_job (self, file, export_thread, on_export_ready);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_filter (_("Cyd XML Files"), "application/xml", "xml");
  g_autofree char *name = dup_base_name (self, ".xml");

  show_chooser (self, _("Export Programme"), GTK_FILE_CHOOSER_ACTION_SAVE,
                _("_Export"), filter, name, export_chosen);
}

/* Import… */

static void
on_import_dialog_imported (CydWindow *self,
                           GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Imported %s"), name);

  cyd_window_show_toast (self, message);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydWindow *self = CYD_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_filter (_("Cyd XML Files"), "application/xml", "xml");

  show_chooser (self, _("Import"), GTK_FILE_CHOOSER_ACTION_OPEN,
                _("_Import"), filter, NULL, cyd_window_import);
}

void
cyd_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

/**
 * cyd_window_import:
 * @self: a #CydWindow
 * @file: an XML file in the Cyd format
 *
 * Checks @file with a dry run, shows what it would change, and imports it
 * into the window's programme if the user agrees.
 */
void
cyd_window_import (CydWindow *self,
                   GFile     *file)
{
  CydImportDialog *dialog;

  g_return_if_fail (CYD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  dialog = cyd_import_dialog_new (GTK_WINDOW (self), self->store, file);
  g_signal_connect_object (dialog, "imported",
                           G_CALLBACK (on_import_dialog_imported),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
