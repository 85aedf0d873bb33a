/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-chart"

#include "config.h"

#include "cyd-chart.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "cyd.h"
#include "cyd-private.h"

#define PAD        12.0
#define GAP        6.0
#define SWATCH     12.0
#define BAR_MIN    16.0   /* natural thickness of one bar */
#define TICK_SPACE 90.0   /* pixels per axis label, at least */

typedef struct {
  char     *label;
  CydMoney *values;  /* one per series, grown as series are added */
} Group;

struct _CydChart
{
  GObject    parent_instance;

  char      *title;
  char      *font;
  GPtrArray *series;  /* char * */
  GArray    *groups;  /* Group */
  double     fg[3];
};

G_DEFINE_FINAL_TYPE (CydChart, cyd_chart, G_TYPE_OBJECT)

/* Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish
 * green, vermillion, reddish purple, sky blue, yellow. */
static const guint32 palette[] = {
  0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442,
};

static void
clear_group (gpointer data)
{
  Group *group = data;

  g_free (group->label);
  g_free (group->values);
}

static PangoLayout *
make_layout (CydChart   *self,
             cairo_t    *cr,
             const char *text,
             gboolean    bold,
             double      max_width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (self->font);

  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
set_fg (CydChart *self,
        cairo_t  *cr,
        double    alpha)
{
  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], alpha);
}

static double
text_at (CydChart   *self,
         cairo_t    *cr,
         const char *text,
         gboolean    bold,
         double      x,
         double      y,
         double      max_width)
{
  g_autoptr(PangoLayout) layout = make_layout (self, cr, text, bold, max_width);
  double h;

  layout_size (layout, NULL, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

/* The legend, wrapped over as many lines as the width needs. */
static double
draw_legend (CydChart *self,
             cairo_t  *cr,
             double    y,
             double    width,
             gboolean  draw)
{
  double x = PAD, line_h = SWATCH;

  for (guint i = 0; i < self->series->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, cr, g_ptr_array_index (self->series, i), FALSE,
                                                   width - 2 * PAD - SWATCH - GAP);
      double w, h, r, g, b;

      layout_size (layout, &w, &h);
      line_h = MAX (line_h, h);
      if (x > PAD && x + SWATCH + GAP + w > width - PAD)
        x = PAD, y += line_h + GAP;
      if (draw)
        {
          cyd_chart_get_palette_colour (i, &r, &g, &b);
          cairo_set_source_rgb (cr, r, g, b);
          cairo_rectangle (cr, x, y + (h - SWATCH) / 2, SWATCH, SWATCH);
          cairo_fill (cr);
          set_fg (self, cr, 1.0);
          cairo_move_to (cr, x + SWATCH + GAP, y);
          pango_cairo_show_layout (cr, layout);
        }
      x += SWATCH + GAP + w + 2 * GAP;
    }
  return y + line_h + GAP;
}

static void
value_range (CydChart *self,
             CydMoney *lo,
             CydMoney *hi)
{
  *lo = 0, *hi = 0;
  for (guint g = 0; g < self->groups->len; g++)
    for (guint s = 0; s < self->series->len; s++)
      {
        CydMoney v = g_array_index (self->groups, Group, g).values[s];

        *lo = MIN (*lo, v);
        *hi = MAX (*hi, v);
      }
}

/* A round step (1, 2 or 5 × 10^k pence, at least £1) giving at most
 * @max_ticks intervals over the range. */
static CydMoney
nice_step (CydMoney span,
           guint    max_ticks)
{
  static const CydMoney steps[] = { 1, 2, 5 };
  CydMoney scale = 100;

  max_ticks = MAX (max_ticks, 1);
  while (scale <= G_MAXINT64 / 50)
    {
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        if (span / (steps[i] * scale) < (CydMoney) max_ticks)
          return steps[i] * scale;
      scale *= 10;
    }
  return scale;
}

typedef struct {
  double   x0, x1, y0, y1;
  CydMoney lo, hi;
} Plot;

static double
x_of (const Plot *plot,
      CydMoney    value)
{
  /* The one place money becomes a double: to be drawn. */
  return plot->x0 + (plot->x1 - plot->x0) * ((double) (value - plot->lo) / (double) (plot->hi - plot->lo));
}

static void
draw_axis (CydChart   *self,
           cairo_t    *cr,
           const Plot *plot,
           CydMoney    step)
{
  cairo_set_line_width (cr, 1.0);
  for (CydMoney v = plot->lo; v <= plot->hi; v += step)
    {
      g_autofree char *text = cyd_money_format_compact (v);
      g_autoptr(PangoLayout) layout = make_layout (self, cr, text, FALSE, -1);
      double x = round (x_of (plot, v)) + 0.5, w;

      set_fg (self, cr, v == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, x, plot->y0);
      cairo_line_to (cr, x, plot->y1);
      cairo_stroke (cr);
      layout_size (layout, &w, NULL);
      set_fg (self, cr, 0.8);
      cairo_move_to (cr, CLAMP (x - w / 2, plot->x0 - w / 2, plot->x1 - w / 2), plot->y1 + GAP / 2);
      pango_cairo_show_layout (cr, layout);
      if (v > G_MAXINT64 - step)
        break;
    }
}

static void
draw_bar (CydChart   *self,
          cairo_t    *cr,
          const Plot *plot,
          guint       series,
          CydMoney    value,
          double      y,
          double      thickness)
{
  double a = x_of (plot, 0), b = x_of (plot, value), r, g, bl;

  cyd_chart_get_palette_colour (series, &r, &g, &bl);
  cairo_set_source_rgb (cr, r, g, bl);
  cairo_rectangle (cr, MIN (a, b), y, MAX (fabs (b - a), value != 0 ? 1.0 : 0.0), thickness);
  cairo_fill (cr);

  if (thickness >= 14)
    {
      g_autofree char *text = cyd_money_format_compact (value);
      g_autoptr(PangoLayout) layout = make_layout (self, cr, text, FALSE, -1);
      double w, h;

      layout_size (layout, &w, &h);
      set_fg (self, cr, 0.9);
      if (MAX (a, b) + GAP + w <= plot->x1)
        cairo_move_to (cr, MAX (a, b) + GAP / 2, y + (thickness - h) / 2);
      else
        cairo_move_to (cr, MIN (a, b) - w - GAP / 2 >= plot->x0 ? MIN (a, b) - w - GAP / 2 : MAX (a, b) - w - GAP / 2,
                       y + (thickness - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_groups (CydChart   *self,
             cairo_t    *cr,
             const Plot *plot,
             double      label_width)
{
  double band = (plot->y1 - plot->y0) / MAX (self->groups->len, 1);
  double thickness = band * 0.75 / MAX (self->series->len, 1);

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = &g_array_index (self->groups, Group, g);
      g_autoptr(PangoLayout) layout = make_layout (self, cr, group->label, FALSE, label_width);
      double y = plot->y0 + band * g, h;

      layout_size (layout, NULL, &h);
      set_fg (self, cr, 1.0);
      cairo_move_to (cr, PAD, y + (band - h) / 2);
      pango_cairo_show_layout (cr, layout);
      for (guint s = 0; s < self->series->len; s++)
        draw_bar (self, cr, plot, s, group->values[s], y + band * 0.125 + thickness * s, thickness);
    }
}

static double
widest_group_label (CydChart *self,
                    cairo_t  *cr)
{
  double widest = 0;

  for (guint g = 0; g < self->groups->len; g++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, cr, g_array_index (self->groups, Group, g).label,
                                                   FALSE, -1);
      double w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static void
cyd_chart_finalize (GObject *object)
{
  CydChart *self = CYD_CHART (object);

  g_free (self->title);
  g_free (self->font);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);

  G_OBJECT_CLASS (cyd_chart_parent_class)->finalize (object);
}

static void
cyd_chart_class_init (CydChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_chart_finalize;
}

static void
cyd_chart_init (CydChart *self)
{
  self->font = g_strdup ("Sans 10");
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, clear_group);
}

CydChart *
cyd_chart_new (const char *title)
{
  CydChart *self = g_object_new (CYD_TYPE_CHART, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  return self;
}

const char *
cyd_chart_get_title (CydChart *self)
{
  g_return_val_if_fail (CYD_IS_CHART (self), NULL);

  return self->title;
}

guint
cyd_chart_add_series (CydChart   *self,
                      const char *label)
{
  g_return_val_if_fail (CYD_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  g_ptr_array_add (self->series, g_strdup (label));
  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = &g_array_index (self->groups, Group, g);

      group->values = g_renew (CydMoney, group->values, self->series->len);
      group->values[self->series->len - 1] = 0;
    }
  return self->series->len - 1;
}

guint
cyd_chart_add_group (CydChart   *self,
                     const char *label)
{
  Group group;

  g_return_val_if_fail (CYD_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  group.label = g_strdup (label);
  group.values = g_new0 (CydMoney, MAX (self->series->len, 1));
  g_array_append_val (self->groups, group);
  return self->groups->len - 1;
}

void
cyd_chart_set_value (CydChart *self,
                     guint     group,
                     guint     series,
                     CydMoney  value)
{
  g_return_if_fail (CYD_IS_CHART (self));
  g_return_if_fail (group < self->groups->len);
  g_return_if_fail (series < self->series->len);

  g_array_index (self->groups, Group, group).values[series] = value;
}

guint
cyd_chart_get_n_groups (CydChart *self)
{
  g_return_val_if_fail (CYD_IS_CHART (self), 0);

  return self->groups->len;
}

guint
cyd_chart_get_n_series (CydChart *self)
{
  g_return_val_if_fail (CYD_IS_CHART (self), 0);

  return self->series->len;
}

/* The colour of text and lines: the widget's foreground, black on paper. */
void
cyd_chart_set_foreground (CydChart *self,
                          double    red,
                          double    green,
                          double    blue)
{
  g_return_if_fail (CYD_IS_CHART (self));

  self->fg[0] = red, self->fg[1] = green, self->fg[2] = blue;
}

void
cyd_chart_set_font (CydChart   *self,
                    const char *font)
{
  g_return_if_fail (CYD_IS_CHART (self));
  g_return_if_fail (font != NULL);

  g_free (self->font);
  self->font = g_strdup (font);
}

/* A height at which every bar is comfortably thick. */
double
cyd_chart_get_natural_height (CydChart *self)
{
  g_return_val_if_fail (CYD_IS_CHART (self), 0);

  return 4 * PAD + 3 * 20 + self->groups->len * (MAX (self->series->len, 1) * BAR_MIN / 0.75);
}

void
cyd_chart_get_palette_colour (guint   index,
                              double *red,
                              double *green,
                              double *blue)
{
  guint32 c = palette[index % G_N_ELEMENTS (palette)];

  *red = ((c >> 16) & 0xff) / 255.0;
  *green = ((c >> 8) & 0xff) / 255.0;
  *blue = (c & 0xff) / 255.0;
}

/**
 * cyd_chart_draw:
 *
 * Draws the chart over the rectangle (0, 0, @width, @height) of @cr.
 */
void
cyd_chart_draw (CydChart *self,
                cairo_t  *cr,
                double    width,
                double    height)
{
  Plot plot;
  double y, label_width, axis_h;
  CydMoney step;

  g_return_if_fail (CYD_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width < 4 * PAD || height < 4 * PAD)
    return;

  cairo_save (cr);
  set_fg (self, cr, 1.0);
  y = PAD + text_at (self, cr, self->title, TRUE, PAD, PAD, width - 2 * PAD) + GAP;
  y = draw_legend (self, cr, y, width, TRUE);

  {
    g_autoptr(PangoLayout) probe = make_layout (self, cr, "£0", FALSE, -1);
    layout_size (probe, NULL, &axis_h);
  }
  label_width = MIN (widest_group_label (self, cr), width * 0.35);
  plot.x0 = PAD + label_width + GAP;
  plot.x1 = width - PAD - 24;
  plot.y0 = y;
  plot.y1 = height - PAD - axis_h - GAP;
  if (plot.x1 - plot.x0 < 20 || plot.y1 - plot.y0 < 8)
    {
      cairo_restore (cr);
      return;
    }

  value_range (self, &plot.lo, &plot.hi);
  step = nice_step (plot.hi - plot.lo, (guint) ((plot.x1 - plot.x0) / TICK_SPACE));
  plot.lo = plot.lo < 0 ? -((-plot.lo + step - 1) / step) * step : 0;
  plot.hi = plot.hi > 0 ? ((plot.hi + step - 1) / step) * step : 0;
  if (plot.hi == plot.lo)
    plot.hi = plot.lo + step;

  draw_axis (self, cr, &plot, step);
  draw_groups (self, cr, &plot, label_width);
  cairo_restore (cr);
}

/* The programme's charts */

/**
 * cyd_chart_new_budget_by_service_line:
 *
 * The net budget of each top-level service line, one bar per directorate.
 */
CydChart *
cyd_chart_new_budget_by_service_line (CydBudget  *budget,
                                      const char *title)
{
  CydChart *self = cyd_chart_new (title);
  GListModel *rows = cyd_budget_get_rows (budget);
  guint n_columns = cyd_budget_get_n_columns (budget);

  for (guint c = 0; c + 1 < n_columns; c++)
    cyd_chart_add_series (self, cyd_budget_get_column_name (budget, c));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (rows, i);
      guint group;

      if (cyd_budget_row_get_kind (row) != CYD_BUDGET_ROW_SERVICE_LINE)
        continue;
      group = cyd_chart_add_group (self, cyd_budget_row_get_name (row));
      for (guint c = 0; c + 1 < n_columns; c++)
        cyd_chart_set_value (self, group, c, cyd_budget_row_get_cell (row, c)->budget);
    }
  return self;
}

/**
 * cyd_chart_new_savings:
 *
 * Target, forecast and achieved savings on each service line.
 */
CydChart *
cyd_chart_new_savings (CydSavingsSummary *summary,
                       const char        *title,
                       const char        *target_label,
                       const char        *forecast_label,
                       const char        *achieved_label)
{
  CydChart *self = cyd_chart_new (title);

  cyd_chart_add_series (self, target_label);
  cyd_chart_add_series (self, forecast_label);
  cyd_chart_add_series (self, achieved_label);
  for (guint i = 0; i < summary->by_service_line->len; i++)
    {
      CydSavingsLine *line = g_ptr_array_index (summary->by_service_line, i);
      guint group = cyd_chart_add_group (self, line->name);

      cyd_chart_set_value (self, group, 0, line->totals.target);
      cyd_chart_set_value (self, group, 1, line->totals.forecast);
      cyd_chart_set_value (self, group, 2, line->totals.achieved);
    }
  return self;
}

#define NET(x) "coalesce (sum (CASE WHEN category = 'income' THEN -" x " ELSE " x " END), 0)"

/**
 * cyd_chart_new_budget_history:
 *
 * The programme's net budget, forecast and actual in each year.
 *
 * Returns: (transfer full): the chart, or %NULL with @error set
 */
CydChart *
cyd_chart_new_budget_history (CydStore    *store,
                              const char  *title,
                              const char  *budget_label,
                              const char  *forecast_label,
                              const char  *actual_label,
                              GError     **error)
{
  g_autoptr(CydChart) self = cyd_chart_new (title);
  g_autoptr(CydStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  stmt = cyd_store_prepare (store,
                            "SELECT year, " NET ("budget") ", " NET ("forecast") ", " NET ("actual")
                            " FROM budget_line GROUP BY year ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  cyd_chart_add_series (self, budget_label);
  cyd_chart_add_series (self, forecast_label);
  cyd_chart_add_series (self, actual_label);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *year = cyd_financial_year_format (sqlite3_column_int (stmt, 0));
      guint group = cyd_chart_add_group (self, year);

      for (guint s = 0; s < 3; s++)
        cyd_chart_set_value (self, group, s, sqlite3_column_int64 (stmt, s + 1));
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}
