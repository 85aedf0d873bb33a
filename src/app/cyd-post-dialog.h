/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"
#include "cyd-edit-dialog.h"

G_BEGIN_DECLS

/* Adds or edits one post: code, titles in English and Welsh, directorate,
 * service line, line manager, grade, FTE, annual cost and the dates it is
 * established. Validates as the user types. "End Post" disestablishes it on
 * the as-at date (a post is never deleted). Saves through
 * cyd_store_apply() and then emits "saved" with a message for a toast. */
#define CYD_TYPE_POST_DIALOG (cyd_post_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydPostDialog, cyd_post_dialog, CYD, POST_DIALOG, CydEditDialog)

CydPostDialog *cyd_post_dialog_new       (GtkWindow     *parent,
                                          CydStore      *store,
                                          gint64         id,
                                          const char    *as_at);
gboolean       cyd_post_dialog_end_post  (CydPostDialog *self,
                                          GError       **error);

G_END_DECLS
