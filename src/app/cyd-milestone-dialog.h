/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd.h"

G_BEGIN_DECLS

/* Adds or edits one milestone: titles in English and Welsh, dates, status,
 * dependencies picked from the other milestones, and a RAG override that
 * needs a reason. Validates as the user types; refuses a dependency cycle,
 * naming it; warns which dependants a later due date puts at risk. Saves
 * through cyd_store_apply() and then emits "saved" with a message for a
 * toast. */
#define CYD_TYPE_MILESTONE_DIALOG (cyd_milestone_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestoneDialog, cyd_milestone_dialog, CYD, MILESTONE_DIALOG, AdwWindow)

CydMilestoneDialog *cyd_milestone_dialog_new       (GtkWindow          *parent,
                                                    CydStore           *store,
                                                    gint64              id,
                                                    const char         *as_at,
                                                    guint               due_soon_days);
gboolean            cyd_milestone_dialog_get_valid (CydMilestoneDialog *self);
gboolean            cyd_milestone_dialog_save      (CydMilestoneDialog *self,
                                                    GError            **error);

G_END_DECLS
