/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cyd_menu_button_set_menu_when_opened (GtkMenuButton *button,
                                           GMenuModel    *menu);

G_END_DECLS
