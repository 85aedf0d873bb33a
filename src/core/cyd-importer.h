/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_IMPORT_ERROR (cyd_import_error_quark ())

typedef enum {
  CYD_IMPORT_ERROR_INVALID,    /* the file was refused: see the problems */
  CYD_IMPORT_ERROR_FAILED,
} CydImportError;

typedef struct {
  guint added;
  guint changed;
  guint unchanged;
  guint left;
} CydImportCounts;

/* Called from the thread that imports; fraction is 0..1. */
typedef void (*CydImportProgressFunc) (double fraction, gpointer user_data);

#define CYD_TYPE_IMPORTER (cyd_importer_get_type ())
G_DECLARE_FINAL_TYPE (CydImporter, cyd_importer, CYD, IMPORTER, GObject)

GQuark                 cyd_import_error_quark      (void);

CydImporter           *cyd_importer_new            (CydStore              *store);
void                   cyd_importer_set_dry_run    (CydImporter           *self,
                                                    gboolean               dry_run);
gboolean               cyd_importer_get_dry_run    (CydImporter           *self);
void                   cyd_importer_set_progress_func (CydImporter        *self,
                                                    CydImportProgressFunc  func,
                                                    gpointer               user_data);
gboolean               cyd_importer_import_file    (CydImporter           *self,
                                                    GFile                 *file,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
void                   cyd_importer_import_async   (CydImporter           *self,
                                                    GFile                 *file,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
gboolean               cyd_importer_import_finish  (CydImporter           *self,
                                                    GAsyncResult          *result,
                                                    GError               **error);
const CydImportCounts *cyd_importer_get_counts     (CydImporter           *self,
                                                    CydKind                kind);
CydImportCounts        cyd_importer_get_total      (CydImporter           *self);
GPtrArray             *cyd_importer_get_problems   (CydImporter           *self);
char                  *cyd_importer_format_summary (CydImporter           *self);

G_END_DECLS
