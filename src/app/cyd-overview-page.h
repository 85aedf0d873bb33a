/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_OVERVIEW_PAGE (cyd_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (CydOverviewPage, cyd_overview_page, CYD, OVERVIEW_PAGE, AdwBin)

CydStore *cyd_overview_page_get_store (CydOverviewPage *self);
void      cyd_overview_page_set_store (CydOverviewPage *self,
                                       CydStore        *store);
gboolean  cyd_overview_page_is_loading (CydOverviewPage *self);

G_END_DECLS
