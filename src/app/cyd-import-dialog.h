/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_IMPORT_DIALOG (cyd_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydImportDialog, cyd_import_dialog, CYD, IMPORT_DIALOG, AdwWindow)

CydImportDialog *cyd_import_dialog_new       (GtkWindow       *parent,
                                              CydStore        *store,
                                              GFile           *file);
CydStore        *cyd_import_dialog_get_store (CydImportDialog *self);
GFile           *cyd_import_dialog_get_file  (CydImportDialog *self);

G_END_DECLS
