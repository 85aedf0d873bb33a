/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"
#include "cyd-edit-dialog.h"

G_BEGIN_DECLS

/* Adds or edits one milestone: titles in English and Welsh, dates, status,
 * dependencies picked from the other milestones, and a RAG override that
 * needs a reason. Validates as the user types; refuses a dependency cycle,
 * naming it; warns which dependants a later due date puts at risk. Saves
 * through cyd_store_apply() and then emits "saved" with a message for a
 * toast. */
#define CYD_TYPE_MILESTONE_DIALOG (cyd_milestone_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestoneDialog, cyd_milestone_dialog, CYD, MILESTONE_DIALOG, CydEditDialog)

CydMilestoneDialog *cyd_milestone_dialog_new       (GtkWindow          *parent,
                                                    CydStore           *store,
                                                    gint64              id,
                                                    const char         *as_at,
                                                    guint               due_soon_days);

G_END_DECLS
