/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-list-page.h"

G_BEGIN_DECLS

#define CYD_TYPE_SAVINGS_PAGE (cyd_savings_page_get_type ())
G_DECLARE_FINAL_TYPE (CydSavingsPage, cyd_savings_page, CYD, SAVINGS_PAGE, CydListPage)

G_END_DECLS
