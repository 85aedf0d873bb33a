/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd.h"
#include "cyd-org-chart.h"

G_BEGIN_DECLS

/* Draws a CydOrgChart; zooms with Ctrl+scroll and +/−, pans by dragging
 * inside a GtkScrolledWindow, moves the selection with the arrow keys and
 * keeps it in view; Enter emits "post-activated". */
#define CYD_TYPE_ORG_CHART_VIEW (cyd_org_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CydOrgChartView, cyd_org_chart_view, CYD, ORG_CHART_VIEW, GtkWidget)

GtkWidget *cyd_org_chart_view_new           (void);
void       cyd_org_chart_view_set_structure (CydOrgChartView *self,
                                             CydStructure    *structure);
double     cyd_org_chart_view_get_zoom      (CydOrgChartView *self);
void       cyd_org_chart_view_set_zoom      (CydOrgChartView *self,
                                             double           zoom);
gint64     cyd_org_chart_view_get_selected  (CydOrgChartView *self);
void       cyd_org_chart_view_set_selected  (CydOrgChartView *self,
                                             gint64           post_id);

G_END_DECLS
