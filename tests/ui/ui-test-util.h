/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd-list-model.h"
#include "cyd-store.h"
#include "cyd-window.h"

G_BEGIN_DECLS

typedef gboolean (*UiTestCondition) (gpointer data);

void       ui_test_init          (int              *argc,
                                  char           ***argv);
gboolean   ui_test_wait_for      (UiTestCondition   condition,
                                  gpointer          data);
void       ui_test_spin          (guint             milliseconds);
/* The CydListModel a list page's column view shows, under its selection
 * and the slice it starts with. */
CydListModel *ui_test_view_model (GtkColumnView *view);
GtkWidget *ui_test_find          (GtkWidget        *widget,
                                  GType             type,
                                  const char       *stack_child);
GtkWidget *ui_test_find_text     (GtkWidget        *widget,
                                  const char       *text);
gboolean   ui_test_shows_text    (GtkWidget        *widget,
                                  const char       *text);
/* Whether @widget, or a label under it, has text selected: as a focused
 * selectable label selects all of its own. */
gboolean   ui_test_has_selected_label (GtkWidget   *widget);
CydStore  *ui_test_open_store    (const char       *import_path);
CydWindow *ui_test_open_window   (CydStore         *store,
                                  const char       *page,
                                  const char       *as_at,
                                  int               width,
                                  int               height);
void       ui_test_close_window  (GtkWindow        *window,
                                  CydStore         *store);
GtkWidget *ui_test_template_child (gpointer         widget,
                                   GType            type,
                                   const char      *name);
gint64     ui_test_post_id       (CydStore         *store,
                                  const char       *code);
/* How many pixels wider than their place the toolbars of a list @page
 * (its scrolled windows that never scroll down) are; 0 when all of them
 * is in sight. */
double     ui_test_toolbar_overflow (GtkWidget     *page);
void       ui_test_resize        (GtkWindow        *window,
                                  int               width,
                                  int               height);

G_END_DECLS
