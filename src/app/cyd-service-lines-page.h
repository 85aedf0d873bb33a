/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-list-page.h"

G_BEGIN_DECLS

#define CYD_TYPE_SERVICE_LINES_PAGE (cyd_service_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (CydServiceLinesPage, cyd_service_lines_page, CYD, SERVICE_LINES_PAGE, CydListPage)

G_END_DECLS
