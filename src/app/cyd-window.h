/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_WINDOW (cyd_window_get_type ())
G_DECLARE_FINAL_TYPE (CydWindow, cyd_window, CYD, WINDOW, AdwApplicationWindow)

CydWindow *cyd_window_new          (GtkApplication *application,
                                    CydStore       *store);
CydStore  *cyd_window_get_store    (CydWindow      *self);
gboolean   cyd_window_shows_file   (CydWindow      *self,
                                    GFile          *file);
const char *cyd_window_get_page    (CydWindow      *self);
void       cyd_window_show_toast   (CydWindow      *self,
                                    const char     *message);
void       cyd_window_import       (CydWindow      *self,
                                    GFile          *file);
const char *cyd_window_get_as_at   (CydWindow      *self);
void       cyd_window_set_as_at    (CydWindow      *self,
                                    const char     *as_at);

G_END_DECLS
