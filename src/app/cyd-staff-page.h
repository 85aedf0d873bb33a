/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-list-page.h"

G_BEGIN_DECLS

#define CYD_TYPE_STAFF_PAGE (cyd_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (CydStaffPage, cyd_staff_page, CYD, STAFF_PAGE, CydListPage)

G_END_DECLS
