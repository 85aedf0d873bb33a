/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "cyd-budget.h"
#include "cyd-money.h"
#include "cyd-savings.h"

G_BEGIN_DECLS

/* A horizontal grouped bar chart of money, drawn with cairo and Pango into
 * any cairo_t at any size, so the app's widgets and the PDF reports draw
 * the same picture. Groups run down the side (service lines, years); each
 * group has one bar per series (directorates; target, forecast, achieved),
 * coloured from the Okabe–Ito palette, which colour-blind readers can tell
 * apart. Every text is the caller's, so it is in the interface language.
 * Money is held in pence; it becomes a double only to be drawn. */

#define CYD_TYPE_CHART (cyd_chart_get_type ())
G_DECLARE_FINAL_TYPE (CydChart, cyd_chart, CYD, CHART, GObject)

CydChart   *cyd_chart_new                (const char     *title);
const char *cyd_chart_get_title          (CydChart       *self);
guint       cyd_chart_add_series         (CydChart       *self,
                                          const char     *label);
guint       cyd_chart_add_group          (CydChart       *self,
                                          const char     *label);
void        cyd_chart_set_value          (CydChart       *self,
                                          guint           group,
                                          guint           series,
                                          CydMoney        value);
guint       cyd_chart_get_n_groups       (CydChart       *self);
guint       cyd_chart_get_n_series       (CydChart       *self);
void        cyd_chart_set_foreground     (CydChart       *self,
                                          double          red,
                                          double          green,
                                          double          blue);
void        cyd_chart_set_font           (CydChart       *self,
                                          const char     *font);
double      cyd_chart_get_natural_height (CydChart       *self);
void        cyd_chart_draw               (CydChart       *self,
                                          cairo_t        *cr,
                                          double          width,
                                          double          height);

void        cyd_chart_get_palette_colour (guint           index,
                                          double         *red,
                                          double         *green,
                                          double         *blue);

/* The three charts of the programme. */
CydChart   *cyd_chart_new_budget_by_service_line (CydBudget         *budget,
                                                  const char        *title);
CydChart   *cyd_chart_new_savings                (CydSavingsSummary *summary,
                                                  const char        *title,
                                                  const char        *target_label,
                                                  const char        *forecast_label,
                                                  const char        *achieved_label);
CydChart   *cyd_chart_new_budget_history         (CydStore          *store,
                                                  const char        *title,
                                                  const char        *budget_label,
                                                  const char        *forecast_label,
                                                  const char        *actual_label,
                                                  GError           **error);

G_END_DECLS
