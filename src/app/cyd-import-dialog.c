/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-import-dialog.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-ui-closures.h"

/* Imports a file in two steps, each in a worker thread: a dry run that
 * checks the file and counts what it would change, then, if the user
 * agrees, the import itself. */

#define N_KIND_ROWS 8
#define PROGRESS_INTERVAL_MS 100

/* Shared between the dialog (main thread) and one worker. The worker opens
 * its own CydStore on the programme's path: a store is used from one thread
 * at a time, and the window's store keeps serving the window meanwhile. */
typedef struct {
  CydStoreFile store_file;
  GFile       *file;
  gboolean     dry_run;
  int          permille;   /* progress: written by the worker, read by the UI */
  CydImporter *importer;   /* set by the worker; read once it has finished */
} ImportJob;

struct _CydImportDialog
{
  AdwWindow       parent_instance;

  CydStore       *store;
  GFile          *file;
  GCancellable   *cancellable;
  ImportJob      *job;
  guint           progress_id;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  AdwActionRow   *kind_rows[N_KIND_ROWS];
  AdwActionRow   *total_row;
  GtkLabel       *errors_heading;
  GtkListView    *problems_view;
  GtkButton      *copy_button;
  GtkButton      *import_button;
  GtkButton      *close_button;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CydImportDialog, cyd_import_dialog, ADW_TYPE_WINDOW)

/* In the order of the rows in the template. */
static const CydKind row_kinds[N_KIND_ROWS] = {
  CYD_KIND_COUNCIL, CYD_KIND_DIRECTORATE, CYD_KIND_SERVICE_LINE, CYD_KIND_POST,
  CYD_KIND_STAFF, CYD_KIND_BUDGET, CYD_KIND_SAVING, CYD_KIND_MILESTONE,
};

static void
import_job_free (ImportJob *job)
{
  cyd_store_file_clear (&job->store_file);
  g_clear_object (&job->file);
  g_clear_object (&job->importer);
  g_free (job);
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  ImportJob *job = user_data;

  /* Called in the worker: only leave the figure for the UI to pick up. */
  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CydStore) store = NULL;
  GError *error = NULL;

  store = cyd_store_file_open (&job->store_file, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->importer = cyd_importer_new (store);
  cyd_importer_set_dry_run (job->importer, job->dry_run);
  cyd_importer_set_progress_func (job->importer, report_progress, job);

  if (!cyd_importer_import_file (job->importer, job->file, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  cyd_importer_set_progress_func (job->importer, NULL, NULL);
}

static gboolean
update_progress (gpointer user_data)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (user_data);
  int permille = self->job != NULL ? g_atomic_int_get (&self->job->permille) : 0;

  if (permille > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
show_counts (CydImportDialog *self,
             CydImporter     *importer)
{
  CydImportCounts total = cyd_importer_get_total (importer);
  g_autofree char *total_text = NULL;

  for (guint i = 0; i < N_KIND_ROWS; i++)
    {
      const CydImportCounts *counts = cyd_importer_get_counts (importer, row_kinds[i]);
      g_autofree char *text = NULL;
      gboolean in_file = counts != NULL
                         && counts->added + counts->changed + counts->unchanged > 0;

      gtk_widget_set_visible (GTK_WIDGET (self->kind_rows[i]), in_file);
      if (!in_file)
        continue;

      text = cyd_ui_format_counts (counts->added, counts->changed,
                                   counts->unchanged, counts->left);
      adw_action_row_set_subtitle (self->kind_rows[i], text);
    }

  total_text = cyd_ui_format_counts (total.added, total.changed, total.unchanged, total.left);
  adw_action_row_set_subtitle (self->total_row, total_text);
}

/* Shows a page with the focus on @focus. With the focus left in the old
 * page, the stack would give it to the new page's first label, and a
 * focused selectable label selects all its text. */
static void
show_page (CydImportDialog *self,
           const char      *name,
           GtkWidget       *focus)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_grab_focus (focus);
}

static void
show_problems (CydImportDialog *self,
               CydImporter     *importer,
               const GError    *error)
{
  g_autoptr(GListStore) problems = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkNoSelection) selection = NULL;
  GPtrArray *found = importer != NULL ? cyd_importer_get_problems (importer) : NULL;

  if (g_error_matches (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID))
    gtk_label_set_label (self->errors_heading, _("The file was refused: nothing was imported"));
  else
    gtk_label_set_label (self->errors_heading, _("The import failed: nothing was imported"));

  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (g_ptr_array_index (found, i));

      g_list_store_append (problems, item);
    }

  /* Without a list of problems, the error says what went wrong. */
  if (g_list_model_get_n_items (G_LIST_MODEL (problems)) == 0)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (error->message);

      g_list_store_append (problems, item);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&problems)));
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (selection));
  show_page (self, "errors", GTK_WIDGET (self->close_button));
}

static void
finish_job (CydImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->job = NULL;
}

static void
on_import_ready (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CydImportDialog) self = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->job == job)
    finish_job (self);

  /* Even a cancelled import may have committed just before the cancel. */
  if (!job->dry_run && self->store != NULL)
    cyd_store_notify_changed (self->store, CYD_KIND_ALL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (self->store != NULL)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!ok)
    {
      show_problems (self, job->importer, error);
      return;
    }

  if (job->dry_run)
    {
      show_counts (self, job->importer);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", TRUE);
      show_page (self, "summary", GTK_WIDGET (self->import_button));
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, self->file);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_job (CydImportDialog *self,
           gboolean         dry_run)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);

  cyd_store_file_init (&job->store_file, self->store);
  job->file = g_object_ref (self->file);
  job->dry_run = dry_run;

  gtk_label_set_label (self->progress_label,
                       dry_run ? _("Checking the file…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_stack_set_visible_child_name (self->stack, "checking");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);

  /* No source object: the dialog's reference is dropped in the callback, on
   * this thread, never by the worker's last unref of the task. */
  task = g_task_new (NULL, self->cancellable, on_import_ready, g_object_ref (self));
  g_task_set_source_tag (task, start_job);
  /* The job lives as long as the task; self->job is cleared before that. */
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);

  self->job = job;
  self->progress_id = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress, self);

  g_task_run_in_thread (task, import_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (widget);

  /* A running worker stops and its callback closes the dialog. */
  if (self->job != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_job (CYD_IMPORT_DIALOG (widget), FALSE);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (widget);
  GListModel *problems = G_LIST_MODEL (gtk_list_view_get_model (self->problems_view));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (problems, i);

      g_string_append (text, gtk_string_object_get_string (item));
      g_string_append_c (text, '\n');
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  gtk_button_set_label (self->copy_button, _("Copied"));
}

static gboolean
cyd_import_dialog_close_request (GtkWindow *window)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (cyd_import_dialog_parent_class)->close_request (window);
}

static void
cyd_import_dialog_constructed (GObject *object)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (cyd_import_dialog_parent_class)->constructed (object);

  g_assert (CYD_IS_STORE (self->store));
  g_assert (G_IS_FILE (self->file));

  name = g_file_get_basename (self->file);
  adw_window_title_set_subtitle (self->window_title, name);

  start_job (self, TRUE);
}

static void
cyd_import_dialog_dispose (GObject *object)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  finish_job (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cyd_import_dialog_parent_class)->dispose (object);
}

static void
cyd_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CydImportDialog *self = CYD_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_kind_rows (GtkWidgetClass *widget_class)
{
  static const char *const names[N_KIND_ROWS] = {
    "council_row", "directorate_row", "service_line_row", "post_row",
    "staff_row", "budget_row", "saving_row", "milestone_row",
  };

  for (guint i = 0; i < N_KIND_ROWS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, names[i], FALSE,
                                               G_STRUCT_OFFSET (CydImportDialog, kind_rows)
                                               + i * sizeof (AdwActionRow *));
}

static void
cyd_import_dialog_class_init (CydImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cyd_import_dialog_constructed;
  object_class->dispose = cyd_import_dialog_dispose;
  object_class->get_property = cyd_import_dialog_get_property;
  object_class->set_property = cyd_import_dialog_set_property;

  window_class->close_request = cyd_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CydImportDialog::imported:
   * @self: the dialog
   * @file: the file that was imported
   *
   * The file was imported and committed to the programme.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, total_row);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, errors_heading);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CydImportDialog, close_button);
  bind_kind_rows (widget_class);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.copy", NULL, copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cyd_import_dialog_init (CydImportDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_import_dialog_new:
 * @parent: the window whose programme receives the import
 * @store: that window's store; only its path is used off the main thread
 * @file: the XML file to import
 *
 * Returns: (transfer none): a new dialog, checking @file already
 */
CydImportDialog *
cyd_import_dialog_new (GtkWindow *parent,
                       CydStore  *store,
                       GFile     *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (CYD_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       "file", file,
                       NULL);
}

CydStore *
cyd_import_dialog_get_store (CydImportDialog *self)
{
  g_return_val_if_fail (CYD_IS_IMPORT_DIALOG (self), NULL);

  return self->store;
}

GFile *
cyd_import_dialog_get_file (CydImportDialog *self)
{
  g_return_val_if_fail (CYD_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}
