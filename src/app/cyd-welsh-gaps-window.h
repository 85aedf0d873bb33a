/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* Lists the records whose name, title or description is held in one
 * language only (core: CydWelshGaps). */
#define CYD_TYPE_WELSH_GAPS_WINDOW (cyd_welsh_gaps_window_get_type ())
G_DECLARE_FINAL_TYPE (CydWelshGapsWindow, cyd_welsh_gaps_window, CYD, WELSH_GAPS_WINDOW, AdwWindow)

CydWelshGapsWindow *cyd_welsh_gaps_window_new        (GtkWindow          *parent,
                                                      CydStore           *store);
CydStore           *cyd_welsh_gaps_window_get_store  (CydWelshGapsWindow *self);
GListModel         *cyd_welsh_gaps_window_get_model  (CydWelshGapsWindow *self);

G_END_DECLS
