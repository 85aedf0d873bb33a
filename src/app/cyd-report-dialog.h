/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_REPORT_DIALOG (cyd_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydReportDialog, cyd_report_dialog, CYD, REPORT_DIALOG, AdwWindow)

CydReportDialog *cyd_report_dialog_new             (GtkWindow           *parent,
                                                    CydStore            *store,
                                                    const char          *as_at);
void             cyd_report_dialog_save_pdf_async  (CydReportDialog     *self,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             cyd_report_dialog_print_to_file   (CydReportDialog     *self,
                                                    const char          *path);
gboolean         cyd_report_dialog_get_busy        (CydReportDialog     *self);
gboolean         cyd_report_dialog_save_pdf_finish (CydReportDialog     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
