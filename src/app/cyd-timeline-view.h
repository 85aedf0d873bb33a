/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd.h"

G_BEGIN_DECLS

/* The programme plan as a timeline (drawn by core's CydTimeline): click or
 * use the arrow keys to select a milestone, + and - to zoom between month,
 * quarter and year. "selected" is the selected milestone's row id, or 0. */
#define CYD_TYPE_TIMELINE_VIEW (cyd_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (CydTimelineView, cyd_timeline_view, CYD, TIMELINE_VIEW, GtkWidget)

GtkWidget        *cyd_timeline_view_new          (void);
void              cyd_timeline_view_set_plan     (CydTimelineView  *self,
                                                  CydMilestonePlan *plan,
                                                  const char       *as_at);
CydMilestonePlan *cyd_timeline_view_get_plan     (CydTimelineView  *self);
int               cyd_timeline_view_get_zoom     (CydTimelineView  *self);
void              cyd_timeline_view_set_zoom     (CydTimelineView  *self,
                                                  int               zoom);
gint64            cyd_timeline_view_get_selected (CydTimelineView  *self);
gboolean          cyd_timeline_view_get_position (CydTimelineView  *self,
                                                  double           *x,
                                                  double           *y);
void              cyd_timeline_view_set_selected (CydTimelineView  *self,
                                                  gint64            id);

G_END_DECLS
