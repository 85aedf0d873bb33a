/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CYD_TYPE_COLUMN_SORTER (cyd_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (CydColumnSorter, cyd_column_sorter, CYD, COLUMN_SORTER, GtkSorter)

CydColumnSorter *cyd_column_sorter_new     (const char *key);
const char      *cyd_column_sorter_get_key (CydColumnSorter *self);
void             cyd_column_sorter_set_key (CydColumnSorter *self,
                                            const char      *key);
char            *cyd_column_sorter_probe   (GtkSorter       *view_sorter,
                                            gboolean        *descending);

G_END_DECLS
