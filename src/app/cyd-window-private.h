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
  GMenu                *recent_section;
};

/* cyd-window-actions.c: the file actions, each with a chooser and a worker. */
void cyd_window_class_add_file_actions (GtkWidgetClass *widget_class);

G_END_DECLS
