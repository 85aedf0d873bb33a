/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-window.h"

G_BEGIN_DECLS

/* What to do with the file the user chose. */
typedef void (*CydChooserDone) (CydWindow *self,
                                GFile     *file);

struct _CydWindow
{
  AdwApplicationWindow  parent_instance;

  CydStore             *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkNativeDialog      *chooser;
  CydChooserDone        chooser_done;
  gulong                changed_id;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListView          *sidebar;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GMenu                *recent_section;

  /* cyd-window-as-at.c */
  char                 *as_at;
  GtkMenuButton        *as_at_button;
  GtkEntry             *as_at_entry;
  GtkCalendar          *calendar;
};

/* cyd-window-actions.c: the file actions, each with a chooser and a worker. */
void cyd_window_class_add_file_actions (GtkWidgetClass *widget_class);

/* cyd-window-as-at.c: the "as at" date, undo and redo. */
void  cyd_window_class_add_as_at (GtkWidgetClass *widget_class);
void  cyd_window_setup_as_at     (CydWindow      *self);
char *cyd_window_parse_as_at     (const char     *text);

G_END_DECLS
