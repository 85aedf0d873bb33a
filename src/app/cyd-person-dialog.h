/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"
#include "cyd-edit-dialog.h"

G_BEGIN_DECLS

/* Adds or edits one member of staff: employer, employee number, names,
 * preferred language, grade, pay, dates, and the posts they hold
 * (assignments: add one, change its FTE and dates, end it on the as-at
 * date). Validates as the user types. "Leaver" sets the left date to the
 * as-at date. Saves everything as one step through cyd_store_apply() and
 * then emits "saved" with a message for a toast. */
#define CYD_TYPE_PERSON_DIALOG (cyd_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydPersonDialog, cyd_person_dialog, CYD, PERSON_DIALOG, CydEditDialog)

CydPersonDialog *cyd_person_dialog_new            (GtkWindow        *parent,
                                                   CydStore         *store,
                                                   gint64            id,
                                                   const char       *as_at);
gboolean         cyd_person_dialog_add_assignment (CydPersonDialog  *self);
guint            cyd_person_dialog_get_n_assignments (CydPersonDialog *self);
void             cyd_person_dialog_end_assignment (CydPersonDialog  *self,
                                                   guint             index);
gboolean         cyd_person_dialog_leaver         (CydPersonDialog  *self,
                                                   GError          **error);

G_END_DECLS
