/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_SERVICE_LINES_PAGE (cyd_service_lines_page_get_type ())
G_DECLARE_FINAL_TYPE (CydServiceLinesPage, cyd_service_lines_page, CYD, SERVICE_LINES_PAGE, AdwBin)

CydStore *cyd_service_lines_page_get_store (CydServiceLinesPage *self);
void      cyd_service_lines_page_set_store (CydServiceLinesPage *self,
                                            CydStore            *store);

G_END_DECLS
