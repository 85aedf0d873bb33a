/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd-chart.h"

G_BEGIN_DECLS

/* One of core's charts as a widget: it draws the CydChart with cairo at
 * whatever size it is given, in the theme's text colour and font, and
 * names itself to assistive technologies by the chart's title. */
#define CYD_TYPE_CHART_VIEW (cyd_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CydChartView, cyd_chart_view, CYD, CHART_VIEW, GtkWidget)

GtkWidget *cyd_chart_view_new       (void);
CydChart  *cyd_chart_view_get_chart (CydChartView *self);
void       cyd_chart_view_set_chart (CydChartView *self,
                                     CydChart     *chart);

G_END_DECLS
