/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"
#include "cyd-edit-dialog.h"

G_BEGIN_DECLS

/* Adds or edits one saving: code, financial year, directorate, service
 * line, target, forecast and achieved amounts typed as people write money
 * ("£1,234.50"), status, and a description in English and Welsh side by
 * side. Validates as the user types and shows the RAG rating the saving
 * will have. Saves through cyd_store_apply() and then emits "saved" with
 * a message for a toast. */
#define CYD_TYPE_SAVING_DIALOG (cyd_saving_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydSavingDialog, cyd_saving_dialog, CYD, SAVING_DIALOG, CydEditDialog)

CydSavingDialog *cyd_saving_dialog_new       (GtkWindow        *parent,
                                              CydStore         *store,
                                              gint64            id);

G_END_DECLS
