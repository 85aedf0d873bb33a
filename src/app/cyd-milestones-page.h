/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-list-page.h"

G_BEGIN_DECLS

#define CYD_TYPE_MILESTONES_PAGE (cyd_milestones_page_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestonesPage, cyd_milestones_page, CYD, MILESTONES_PAGE, CydListPage)

gboolean cyd_milestones_page_complete (CydMilestonesPage  *self,
                                       gint64              id,
                                       GError            **error);

G_END_DECLS
