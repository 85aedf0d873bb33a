/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_STRUCTURE_PAGE (cyd_structure_page_get_type ())
G_DECLARE_FINAL_TYPE (CydStructurePage, cyd_structure_page, CYD, STRUCTURE_PAGE, AdwBin)

CydStore *cyd_structure_page_get_store (CydStructurePage *self);
void      cyd_structure_page_set_store (CydStructurePage *self,
                                        CydStore         *store);
gboolean  cyd_structure_page_is_loading (CydStructurePage *self);
void      cyd_structure_page_set_as_at (CydStructurePage *self,
                                        const char       *as_at);

G_END_DECLS
