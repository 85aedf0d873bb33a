/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_STAFF_PAGE (cyd_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (CydStaffPage, cyd_staff_page, CYD, STAFF_PAGE, AdwBin)

CydStore *cyd_staff_page_get_store (CydStaffPage *self);
void      cyd_staff_page_set_store (CydStaffPage *self,
                                    CydStore     *store);
void      cyd_staff_page_set_as_at (CydStaffPage *self,
                                    const char   *as_at);

G_END_DECLS
