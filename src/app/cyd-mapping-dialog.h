/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"
#include "cyd-edit-dialog.h"

G_BEGIN_DECLS

/* Maps one legacy post into the merged structure: the merged post it goes
 * to, how (slot-in, ring-fenced, open competition, deleted, TUPE) and from
 * when. Adds, changes or removes the post's mapping through
 * cyd_store_apply(), then emits "saved" with a message for a toast. */
#define CYD_TYPE_MAPPING_DIALOG (cyd_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydMappingDialog, cyd_mapping_dialog, CYD, MAPPING_DIALOG, CydEditDialog)

CydMappingDialog *cyd_mapping_dialog_new       (GtkWindow        *parent,
                                                CydStore         *store,
                                                gint64            post_id,
                                                const char       *as_at);
gboolean          cyd_mapping_dialog_remove    (CydMappingDialog *self,
                                                GError          **error);

G_END_DECLS
