/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "cyd-structure.h"

G_BEGIN_DECLS

#define CYD_ORG_CHART_NONE (-1)

/* A box of the chart, in chart units (the drawing at zoom 1). */
typedef struct {
  double x, y, width, height;
} CydOrgChartBox;

typedef enum {
  CYD_ORG_CHART_UP,       /* the line manager */
  CYD_ORG_CHART_DOWN,     /* the first direct report */
  CYD_ORG_CHART_LEFT,     /* the box before on the same level */
  CYD_ORG_CHART_RIGHT,    /* the box after on the same level */
} CydOrgChartDirection;

/* CydOrgChart: one directorate's structure drawn top-down as a tidy tree:
 * a box per post with its title, holders or "Vacant", grade and FTE;
 * lines from each manager to its reports, dotted lines drawn dashed, vacant
 * posts hatched. The layout and drawing are plain cairo + pango, so the
 * window and the reports draw the same picture. Indexes are those of the
 * CydStructure. */
#define CYD_TYPE_ORG_CHART (cyd_org_chart_get_type ())
G_DECLARE_FINAL_TYPE (CydOrgChart, cyd_org_chart, CYD, ORG_CHART, GObject)

CydOrgChart  *cyd_org_chart_new            (CydStructure         *structure);
CydStructure *cyd_org_chart_get_structure  (CydOrgChart          *self);
void          cyd_org_chart_get_size       (CydOrgChart          *self,
                                            double               *width,
                                            double               *height);
gboolean      cyd_org_chart_get_box        (CydOrgChart          *self,
                                            int                   index,
                                            CydOrgChartBox       *box);
guint         cyd_org_chart_get_n_dotted   (CydOrgChart          *self);
void          cyd_org_chart_get_dotted     (CydOrgChart          *self,
                                            guint                 i,
                                            int                  *post,
                                            int                  *manager);
void          cyd_org_chart_set_selected   (CydOrgChart          *self,
                                            int                   index);
int           cyd_org_chart_get_selected   (CydOrgChart          *self);
void          cyd_org_chart_set_foreground (CydOrgChart          *self,
                                            double                red,
                                            double                green,
                                            double                blue);
void          cyd_org_chart_draw           (CydOrgChart          *self,
                                            cairo_t              *cr,
                                            double                zoom);
int           cyd_org_chart_hit            (CydOrgChart          *self,
                                            double                x,
                                            double                y);
int           cyd_org_chart_step           (CydOrgChart          *self,
                                            int                   from,
                                            CydOrgChartDirection  direction);

G_END_DECLS
