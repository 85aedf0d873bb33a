/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_MILESTONES_PAGE (cyd_milestones_page_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestonesPage, cyd_milestones_page, CYD, MILESTONES_PAGE, AdwBin)

CydStore *cyd_milestones_page_get_store (CydMilestonesPage *self);
void      cyd_milestones_page_set_store (CydMilestonesPage *self,
                                         CydStore          *store);
const char *cyd_milestones_page_get_as_at (CydMilestonesPage *self);
void      cyd_milestones_page_set_as_at (CydMilestonesPage *self,
                                         const char        *as_at);
gboolean  cyd_milestones_page_complete  (CydMilestonesPage  *self,
                                         gint64              id,
                                         GError            **error);

G_END_DECLS
