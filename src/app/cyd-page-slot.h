/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CYD_TYPE_PAGE_SLOT (cyd_page_slot_get_type ())

G_DECLARE_FINAL_TYPE (CydPageSlot, cyd_page_slot, CYD, PAGE_SLOT, GtkWidget)

GtkWidget *cyd_page_slot_ensure_page (CydPageSlot *self);
GtkWidget *cyd_page_slot_get_page    (CydPageSlot *self);

G_END_DECLS
