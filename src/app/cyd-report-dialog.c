/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-report-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cyd.h"
#include "cyd-error-dialog.h"
#include "cyd-report.h"
#include "cyd-window-private.h"

/* Chooses a report (kind, language, paper, date) and saves it as PDF or
 * prints it. The report is read in a worker thread with its own CydStore;
 * a PDF is written there too, while printing lays the report out and draws
 * it on the main thread, through the same core code as the PDF. */

typedef struct {
  CydStoreFile       store_file;
  CydReportKind      kind;
  CydReportLanguage  language;
  CydPaper           paper;
  char              *as_at;
  gboolean           names;
  char              *pdf_path;  /* NULL: only build the report */
} ReportJob;

struct _CydReportDialog
{
  AdwWindow             parent_instance;

  CydStore             *store;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  CydReport            *printing;
  CydPaper              print_paper;
  char                 *export_path;   /* print to this PDF with no dialog */
  gboolean              busy;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *kind_row;
  AdwComboRow          *language_row;
  AdwComboRow          *paper_row;
  GtkEntry             *as_at_entry;
  AdwActionRow         *names_row;
  GtkSwitch            *names_switch;
};

G_DEFINE_FINAL_TYPE (CydReportDialog, cyd_report_dialog, ADW_TYPE_WINDOW)

static void
report_job_free (ReportJob *job)
{
  cyd_store_file_clear (&job->store_file);
  g_free (job->as_at);
  g_free (job->pdf_path);
  g_free (job);
}

static char *
dup_as_at (CydReportDialog *self)
{
  return cyd_window_parse_as_at (gtk_editable_get_text (GTK_EDITABLE (self->as_at_entry)));
}

static void
update_sensitivity (CydReportDialog *self)
{
  g_autofree char *as_at = dup_as_at (self);
  gboolean ok = as_at != NULL && !self->busy;

  if (as_at == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->as_at_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->as_at_entry), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-pdf", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", ok);
}

static ReportJob *
create_job (CydReportDialog *self)
{
  ReportJob *job = g_new0 (ReportJob, 1);

  cyd_store_file_init (&job->store_file, self->store);
  job->kind = adw_combo_row_get_selected (self->kind_row);
  job->language = adw_combo_row_get_selected (self->language_row);
  job->paper = adw_combo_row_get_selected (self->paper_row);
  job->as_at = dup_as_at (self);
  job->names = job->kind == CYD_REPORT_STRUCTURE && gtk_switch_get_active (self->names_switch);
  return job;
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportJob *job = task_data;
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydReport) report = NULL;
  GError *error = NULL;

  store = cyd_store_file_open (&job->store_file, &error);
  if (store != NULL)
    report = cyd_report_new (store, job->kind, job->language, job->as_at, job->names, &error);
  if (report == NULL
      || (job->pdf_path != NULL && !cyd_report_write_pdf (report, job->paper, job->pdf_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&report), g_object_unref);
}

/* The task has no source object: its worker may drop the task's last
 * reference, and must not take the dialog's with it. */
static void
run_job (ReportJob           *job,
         GCancellable        *cancellable,
         gpointer             source_tag,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
  g_task_run_in_thread (task, report_thread);
}

static void
show_error (CydReportDialog *self,
            const char      *heading,
            const GError    *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  cyd_error_dialog_show (gtk_window_get_application (GTK_WINDOW (self)),
                         GTK_WINDOW (self), heading, error->message);
}

static void
set_busy (CydReportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  update_sensitivity (self);
}

/* Save as PDF… */

static void
on_save_ready (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CydReportDialog) self = user_data;
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!cyd_report_dialog_save_pdf_finish (self, result, &error))
    {
      /* Cancelled: the dialog is closing. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, _("Could Not Save the Report"), error);
      return;
    }

  set_busy (self, FALSE);

  name = g_path_get_basename (job->pdf_path);
  message = g_strdup_printf (_("Saved %s"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CydReportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  set_busy (self, TRUE);
  cyd_report_dialog_save_pdf_async (self, file, self->cancellable, on_save_ready, g_object_ref (self));
}

static char *
dup_pdf_name (CydReportDialog *self)
{
  g_autofree char *base = g_path_get_basename (cyd_store_get_path (self->store));
  g_autofree char *as_at = dup_as_at (self);
  CydReportKind kind = adw_combo_row_get_selected (self->kind_row);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s-%s-%s.pdf", base, cyd_report_kind_to_string (kind),
                          as_at != NULL ? as_at : "");
}

static void
save_pdf_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CydReportDialog *self = CYD_REPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = dup_pdf_name (self);

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");

  self->chooser = gtk_file_chooser_native_new (_("Save Report as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Print… */

static GtkPageSetup *
create_page_setup (CydPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;

  size = gtk_paper_size_new (paper == CYD_PAPER_A3_LANDSCAPE ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, paper == CYD_PAPER_A4_PORTRAIT
                                         ? GTK_PAGE_ORIENTATION_PORTRAIT
                                         : GTK_PAGE_ORIENTATION_LANDSCAPE);
  return setup;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CydReportDialog   *self)
{
  gtk_print_operation_set_n_pages (operation, cyd_report_paginate (self->printing, self->print_paper));
}

/* The report's pages are drawn at their paper's size, scaled down if the
 * printer's paper is smaller. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              CydReportDialog   *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  cyd_paper_get_size (self->print_paper, &width, &height);
  scale = MIN (1.0, MIN (gtk_print_context_get_width (context) / width,
                         gtk_print_context_get_height (context) / height));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cyd_report_draw_page (self->printing, cr, page);
  cairo_restore (cr);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               CydReportDialog         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("Could Not Print the Report"), error);
    }
  g_clear_object (&self->printing);
  set_busy (self, FALSE);
}

static void
print_report (CydReportDialog *self)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = create_page_setup (self->print_paper);
  g_autofree char *title = cyd_report_dup_title (self->printing);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), self);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), self);

  if (self->export_path != NULL)
    gtk_print_operation_set_export_filename (operation, self->export_path);
  if (gtk_print_operation_run (operation,
                               self->export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print the Report"), error);
}

static void
on_report_ready (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CydReportDialog) self = user_data;
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CydReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, _("Could Not Prepare the Report"), error);
      return;
    }

  g_clear_object (&self->printing);
  self->printing = report;
  self->print_paper = job->paper;
  print_report (self);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CydReportDialog *self = CYD_REPORT_DIALOG (widget);

  set_busy (self, TRUE);
  run_job (create_job (self), self->cancellable, print_action, on_report_ready, g_object_ref (self));
}

static void
on_kind_row_selected_notify (CydReportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->names_row),
                          adw_combo_row_get_selected (self->kind_row) == CYD_REPORT_STRUCTURE);
}

static void
on_as_at_entry_changed (CydReportDialog *self)
{
  update_sensitivity (self);
}

static void
cyd_report_dialog_finalize (GObject *object)
{
  g_free (CYD_REPORT_DIALOG (object)->export_path);

  G_OBJECT_CLASS (cyd_report_dialog_parent_class)->finalize (object);
}

static void
cyd_report_dialog_dispose (GObject *object)
{
  CydReportDialog *self = CYD_REPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_REPORT_DIALOG);
  g_clear_object (&self->printing);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cyd_report_dialog_parent_class)->dispose (object);
}

static void
cyd_report_dialog_class_init (CydReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_report_dialog_dispose;
  object_class->finalize = cyd_report_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, as_at_entry);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, names_row);
  gtk_widget_class_bind_template_child (widget_class, CydReportDialog, names_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_notify);
  gtk_widget_class_bind_template_callback (widget_class, on_as_at_entry_changed);

  gtk_widget_class_install_action (widget_class, "report.save-pdf", NULL, save_pdf_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cyd_report_dialog_init (CydReportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  on_kind_row_selected_notify (self);
}

/**
 * cyd_report_dialog_new:
 * @as_at: (nullable): the date to offer, YYYY-MM-DD; today if %NULL
 */
CydReportDialog *
cyd_report_dialog_new (GtkWindow  *parent,
                       CydStore   *store,
                       const char *as_at)
{
  CydReportDialog *self;
  g_autofree char *today = cyd_date_today_iso ();
  g_autofree char *shown = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  shown = cyd_date_format (as_at != NULL && cyd_date_is_valid_iso (as_at) ? as_at : today);
  gtk_editable_set_text (GTK_EDITABLE (self->as_at_entry), shown);
  /* A report starts in the language the user reads Cyd in. */
  adw_combo_row_set_selected (self->language_row, g_str_equal (cyd_ui_language (), "cy")
                                                  ? CYD_REPORT_LANGUAGE_CY : CYD_REPORT_LANGUAGE_EN);
  update_sensitivity (self);
  return self;
}

/* Writes the report chosen to @file as PDF, in a worker thread: what the
 * "Save as PDF…" button does once a file is chosen. */
void
cyd_report_dialog_save_pdf_async (CydReportDialog     *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  ReportJob *job;

  g_return_if_fail (CYD_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  job = create_job (self);
  job->pdf_path = g_file_get_path (file);
  if (job->pdf_path == NULL || job->as_at == NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

      g_task_set_task_data (task, job, (GDestroyNotify) report_job_free);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               job->as_at == NULL ? _("The date is not a date like 1 April 2025.")
                                                  : _("Cyd can only save to this computer or to a mounted network share."));
      return;
    }
  run_job (job, cancellable, cyd_report_dialog_save_pdf_async, callback, user_data);
}

gboolean
cyd_report_dialog_save_pdf_finish (CydReportDialog  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_autoptr(CydReport) report = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  report = g_task_propagate_pointer (G_TASK (result), error);
  return report != NULL;
}

/**
 * cyd_report_dialog_print_to_file:
 * @path: a PDF file to write
 *
 * Prints as Print… does — the same print operation, pages and drawing —
 * but exports to @path instead of asking for a printer. For automation.
 */
void
cyd_report_dialog_print_to_file (CydReportDialog *self,
                                 const char      *path)
{
  g_return_if_fail (CYD_IS_REPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->export_path);
  self->export_path = g_strdup (path);
  gtk_widget_activate_action (GTK_WIDGET (self), "report.print", NULL);
}

gboolean
cyd_report_dialog_get_busy (CydReportDialog *self)
{
  g_return_val_if_fail (CYD_IS_REPORT_DIALOG (self), FALSE);

  return self->busy;
}
