/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd.h"

G_BEGIN_DECLS

/* For the Overview: the next ten milestones due, the overdue ones and the
 * count of each RAG rating, as at a date. */
#define CYD_TYPE_MILESTONES_SUMMARY (cyd_milestones_summary_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestonesSummary, cyd_milestones_summary, CYD, MILESTONES_SUMMARY, AdwBin)

CydStore   *cyd_milestones_summary_get_store  (CydMilestonesSummary *self);
void        cyd_milestones_summary_set_store  (CydMilestonesSummary *self,
                                               CydStore             *store);
const char *cyd_milestones_summary_get_as_at  (CydMilestonesSummary *self);
void        cyd_milestones_summary_set_as_at  (CydMilestonesSummary *self,
                                               const char           *as_at);
guint       cyd_milestones_summary_get_n_next (CydMilestonesSummary *self);
guint       cyd_milestones_summary_get_n_overdue (CydMilestonesSummary *self);

G_END_DECLS
