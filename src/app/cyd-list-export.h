/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     cyd_list_export_csv_async  (GtkColumnView        *column_view,
                                     GFile                *file,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean cyd_list_export_csv_finish (GtkColumnView        *column_view,
                                     GAsyncResult         *result,
                                     guint                *n_rows,
                                     GError              **error);

G_END_DECLS
