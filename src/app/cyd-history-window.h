/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd.h"

G_BEGIN_DECLS

/* The audit trail, newest first: when, who, the step, the record and its
 * changed fields as "field: before → after". It follows the store. */
#define CYD_TYPE_HISTORY_WINDOW (cyd_history_window_get_type ())
G_DECLARE_FINAL_TYPE (CydHistoryWindow, cyd_history_window, CYD, HISTORY_WINDOW, AdwWindow)

CydHistoryWindow *cyd_history_window_new       (GtkWindow        *parent,
                                                CydStore         *store);
GListModel       *cyd_history_window_get_model (CydHistoryWindow *self);

G_END_DECLS
