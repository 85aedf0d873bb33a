/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_SAVINGS_PAGE (cyd_savings_page_get_type ())
G_DECLARE_FINAL_TYPE (CydSavingsPage, cyd_savings_page, CYD, SAVINGS_PAGE, AdwBin)

CydStore *cyd_savings_page_get_store (CydSavingsPage *self);
void      cyd_savings_page_set_store (CydSavingsPage *self,
                                      CydStore       *store);

G_END_DECLS
