/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd-record.h"

G_BEGIN_DECLS

/* Closures for <closure> expressions in the ui/ templates. GtkBuilder finds them by
 * name: cyd_ui_closures_add_to_class() puts them in a template's scope, and
 * the executable exports them too (export_dynamic). */
char *cyd_ui_record_text         (gpointer        this,
                                  CydRecord      *record,
                                  const char     *key);
char *cyd_ui_import_run_counts   (gpointer        this,
                                  CydRecord      *record);

char *cyd_ui_format_counts       (guint           added,
                                  guint           changed,
                                  guint           unchanged,
                                  guint           left);

void  cyd_ui_closures_add_to_class (GtkWidgetClass *widget_class);

G_END_DECLS
