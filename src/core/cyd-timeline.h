/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "cyd-milestone.h"

G_BEGIN_DECLS

typedef enum {
  CYD_TIMELINE_ZOOM_MONTH,
  CYD_TIMELINE_ZOOM_QUARTER,
  CYD_TIMELINE_ZOOM_YEAR,
} CydTimelineZoom;

#define CYD_TIMELINE_NONE G_MAXUINT

/* CydTimeline: the programme plan drawn as a timeline, one lane per
 * workstream: milestones as diamonds and decisions as squares, coloured by
 * RAG, dependency arrows, today's line and the as-at date. The drawing is
 * plain cairo + pango, so the window and the reports draw the same picture.
 * Indexes are those of the CydMilestonePlan. */
#define CYD_TYPE_TIMELINE (cyd_timeline_get_type ())
G_DECLARE_FINAL_TYPE (CydTimeline, cyd_timeline, CYD, TIMELINE, GObject)

CydTimeline     *cyd_timeline_new             (CydMilestonePlan *plan,
                                               const char       *as_at);
CydMilestonePlan *cyd_timeline_get_plan       (CydTimeline      *self);
void             cyd_timeline_set_zoom        (CydTimeline      *self,
                                               CydTimelineZoom   zoom);
CydTimelineZoom  cyd_timeline_get_zoom        (CydTimeline      *self);
void             cyd_timeline_set_selected    (CydTimeline      *self,
                                               guint             index);
guint            cyd_timeline_get_selected    (CydTimeline      *self);
void             cyd_timeline_set_foreground  (CydTimeline      *self,
                                               double            red,
                                               double            green,
                                               double            blue);
void             cyd_timeline_get_natural_size (CydTimeline     *self,
                                               int              *width,
                                               int              *height);
void             cyd_timeline_draw            (CydTimeline      *self,
                                               cairo_t          *cr,
                                               int               width,
                                               int               height);
guint            cyd_timeline_hit             (CydTimeline      *self,
                                               int               width,
                                               int               height,
                                               double            x,
                                               double            y);
gboolean         cyd_timeline_get_position    (CydTimeline      *self,
                                               guint             index,
                                               int               width,
                                               int               height,
                                               double           *x,
                                               double           *y);
guint            cyd_timeline_step            (CydTimeline      *self,
                                               guint             from,
                                               int               dx,
                                               int               dy);

G_END_DECLS
