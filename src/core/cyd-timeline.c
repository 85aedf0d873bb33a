/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-timeline"

#include "config.h"

#include "cyd-timeline.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cyd.h"

#define GUTTER 150.0    /* workstream labels */
#define RIGHT 40.0
#define HEADER 44.0     /* the time axis */
#define BOTTOM 12.0
#define LANE_HEIGHT 56.0
#define MARKER 7.0      /* half the marker's size */

struct _CydTimeline
{
  GObject           parent_instance;

  CydMilestonePlan *plan;
  char             *as_at;
  CydTimelineZoom   zoom;
  guint             selected;
  double            fg[3];

  GPtrArray        *lanes;     /* workstream labels */
  guint            *lane_of;   /* per milestone */
  guint             first_day; /* julian days of the range */
  guint             last_day;

  int               layout_width, layout_height;
  double           *xs, *ys;
};

G_DEFINE_FINAL_TYPE (CydTimeline, cyd_timeline, G_TYPE_OBJECT)

static guint
julian (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  return g_date_valid (&date) ? g_date_get_julian (&date) : 1;
}

static void
rgb_for_rag (CydRag  rag,
             double *rgb)
{
  static const double colours[][3] = {
    { 0.6, 0.6, 0.6 },       /* none */
    { 0.18, 0.76, 0.49 },    /* green */
    { 0.90, 0.65, 0.04 },    /* amber */
    { 0.75, 0.11, 0.16 },    /* red */
  };

  memcpy (rgb, colours[rag], sizeof colours[rag]);
}

static void
build_lanes (CydTimeline *self)
{
  guint n = cyd_milestone_plan_get_n (self->plan);
  guint first = G_MAXUINT, last = 0;

  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->lane_of = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *ws = cyd_milestone_plan_get_workstream (self->plan, i);
      guint lane;

      if (ws == NULL || *ws == '\0')
        ws = _("No workstream");
      if (!g_ptr_array_find_with_equal_func (self->lanes, ws, g_str_equal, &lane))
        {
          g_ptr_array_add (self->lanes, g_strdup (ws));
          lane = self->lanes->len - 1;
        }
      self->lane_of[i] = lane;
      first = MIN (first, julian (cyd_milestone_plan_get_due (self->plan, i)));
      last = MAX (last, julian (cyd_milestone_plan_get_due (self->plan, i)));
    }
  first = MIN (first, julian (self->as_at));
  last = MAX (last, julian (self->as_at));
  /* Whole months either side. */
  {
    GDate d;

    g_date_set_julian (&d, first);
    g_date_set_day (&d, 1);
    self->first_day = g_date_get_julian (&d);
    g_date_set_julian (&d, last);
    g_date_set_day (&d, 1);
    g_date_add_months (&d, 1);
    self->last_day = g_date_get_julian (&d);
  }
}

static double
pixels_per_day (CydTimelineZoom zoom)
{
  switch (zoom)
    {
    case CYD_TIMELINE_ZOOM_MONTH: return 4.0;
    case CYD_TIMELINE_ZOOM_QUARTER: return 1.5;
    case CYD_TIMELINE_ZOOM_YEAR:
    default: return 0.5;
    }
}

static double
day_x (CydTimeline *self,
       guint        day,
       int          width)
{
  double span = MAX (1, self->last_day - self->first_day);

  return GUTTER + ((double) day - self->first_day) * (width - GUTTER - RIGHT) / span;
}

static double
lane_height (CydTimeline *self,
             int          height)
{
  return MAX (16.0, (height - HEADER - BOTTOM) / MAX (1, self->lanes->len));
}

/* Positions markers; those too close to the one before in their lane are
 * staggered up and down so none hides another. */
static void
ensure_layout (CydTimeline *self,
               int          width,
               int          height)
{
  guint n = cyd_milestone_plan_get_n (self->plan);
  double lh = lane_height (self, height);
  g_autofree double *last_x = g_new (double, MAX (1, self->lanes->len));
  g_autofree int *level = g_new0 (int, MAX (1, self->lanes->len));

  if (self->xs != NULL && width == self->layout_width && height == self->layout_height)
    return;

  g_free (self->xs);
  g_free (self->ys);
  self->xs = g_new (double, MAX (1, n));
  self->ys = g_new (double, MAX (1, n));
  self->layout_width = width;
  self->layout_height = height;
  for (guint l = 0; l < self->lanes->len; l++)
    last_x[l] = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      guint lane = self->lane_of[i];
      double x = day_x (self, julian (cyd_milestone_plan_get_due (self->plan, i)), width);

      level[lane] = x - last_x[lane] < 2 * MARKER + 2 ? (level[lane] + 1) % 3 : 0;
      last_x[lane] = x;
      self->xs[i] = x;
      self->ys[i] = HEADER + lane * lh + lh / 2 + (level[lane] == 1 ? -lh / 4 : level[lane] == 2 ? lh / 4 : 0);
    }
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold 9" : "Sans 8");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, bold);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_lanes (CydTimeline *self,
            cairo_t     *cr,
            int          width,
            int          height)
{
  double lh = lane_height (self, height);

  for (guint l = 0; l < self->lanes->len; l++)
    {
      double y = HEADER + l * lh;
      g_autoptr(PangoLayout) layout = make_layout (cr, g_ptr_array_index (self->lanes, l), TRUE);
      int tw, th;

      if (l % 2 == 1)
        {
          cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.05);
          cairo_rectangle (cr, 0, y, width, lh);
          cairo_fill (cr);
        }
      pango_layout_set_width (layout, (GUTTER - 16) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_set_source_rgb (cr, self->fg[0], self->fg[1], self->fg[2]);
      cairo_move_to (cr, 8, y + (lh - th) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
draw_axis (CydTimeline *self,
           cairo_t     *cr,
           int          width,
           int          height)
{
  guint step = self->zoom == CYD_TIMELINE_ZOOM_MONTH ? 1 : self->zoom == CYD_TIMELINE_ZOOM_QUARTER ? 3 : 12;
  GDate d;

  g_date_set_julian (&d, self->first_day);
  if (step == 12)
    g_date_set_month (&d, G_DATE_JANUARY);
  else if (step == 3)
    g_date_subtract_months (&d, (g_date_get_month (&d) - 1) % 3);
  for (; g_date_get_julian (&d) <= self->last_day; g_date_add_months (&d, step))
    {
      double x = day_x (self, g_date_get_julian (&d), width);
      char label[64];

      if (x < GUTTER)
        continue;
      /* Translators: a month on the timeline's axis, strftime format: "Apr 2014" */
      g_date_strftime (label, sizeof label, step == 12 ? "%Y" : C_("timeline axis", "%b %Y"), &d);
      cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, floor (x) + 0.5, HEADER - 6);
      cairo_line_to (cr, floor (x) + 0.5, height - BOTTOM);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.7);
      draw_text (cr, label, x + 3, HEADER - 20, FALSE);
    }
}

static void
draw_date_line (CydTimeline *self,
                cairo_t     *cr,
                const char  *iso,
                const char  *label,
                gboolean     dashed,
                int          width,
                int          height)
{
  guint day = julian (iso);
  double x;

  if (day < self->first_day || day > self->last_day)
    return;
  x = day_x (self, day, width);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
  cairo_set_line_width (cr, 2);
  if (dashed)
    cairo_set_dash (cr, (double[]) { 5, 4 }, 2, 0);
  cairo_move_to (cr, x, HEADER - 4);
  cairo_line_to (cr, x, height - BOTTOM);
  cairo_stroke (cr);
  draw_text (cr, label, x + 4, dashed ? 2 : 14, TRUE);
  cairo_restore (cr);
}

static void
draw_arrow (CydTimeline *self,
            cairo_t     *cr,
            guint        from,
            guint        to)
{
  double x0 = self->xs[from] + MARKER, y0 = self->ys[from];
  double x1 = self->xs[to] - MARKER - 2, y1 = self->ys[to];
  double bend = MAX (20.0, fabs (x1 - x0) / 3);
  gboolean late = strcmp (cyd_milestone_plan_get_due (self->plan, from),
                          cyd_milestone_plan_get_due (self->plan, to)) > 0;

  if (late)
    cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.8);
  else
    cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.35);
  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 + bend, y0, x1 - bend, y1, x1, y1);
  cairo_stroke (cr);
  /* The curve arrives horizontally: the head points right. */
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x1 - 6, y1 - 3);
  cairo_line_to (cr, x1 - 6, y1 + 3);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
marker_path (cairo_t  *cr,
             double    x,
             double    y,
             double    r,
             gboolean  decision)
{
  if (decision)
    cairo_rectangle (cr, x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
  else
    {
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
    }
}

static void
draw_marker (CydTimeline *self,
             cairo_t     *cr,
             guint        i)
{
  gboolean decision = cyd_milestone_plan_is_decision (self->plan, i);
  gboolean closed = g_strcmp0 (cyd_milestone_plan_get_status (self->plan, i), "done") == 0
                    || g_strcmp0 (cyd_milestone_plan_get_status (self->plan, i), "cancelled") == 0;
  double rgb[3];

  rgb_for_rag (cyd_milestone_plan_get_rag (self->plan, i), rgb);
  if (i == self->selected)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      marker_path (cr, self->xs[i], self->ys[i], MARKER + 4, decision);
      cairo_fill (cr);
    }
  marker_path (cr, self->xs[i], self->ys[i], MARKER, decision);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], closed ? 0.45 : 1.0);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.6);
  cairo_set_line_width (cr, 1);
  if (cyd_milestone_plan_get_at_risk (self->plan, i))
    {
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 2, 2 }, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

}

/* Codes beside markers, above or below, left out where they would
 * overlap a code already drawn (the selected one always shows). */
static gboolean
overlaps (GArray                      *drawn,
          const cairo_rectangle_t     *r)
{
  for (guint k = 0; k < drawn->len; k++)
    {
      const cairo_rectangle_t *d = &g_array_index (drawn, cairo_rectangle_t, k);

      if (r->x < d->x + d->width && d->x < r->x + r->width
          && r->y < d->y + d->height && d->y < r->y + r->height)
        return TRUE;
    }
  return FALSE;
}

static void
draw_labels (CydTimeline *self,
             cairo_t     *cr)
{
  guint n = cyd_milestone_plan_get_n (self->plan);
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], 0.8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, cyd_milestone_plan_get_code (self->plan, i), FALSE);
      cairo_rectangle_t above, below;
      const cairo_rectangle_t *at = NULL;
      int tw, th;

      pango_layout_get_pixel_size (layout, &tw, &th);
      above = (cairo_rectangle_t) { self->xs[i] + MARKER + 1, self->ys[i] - MARKER - th + 2, tw + 2, th };
      below = (cairo_rectangle_t) { self->xs[i] + MARKER + 1, self->ys[i] + MARKER - 2, tw + 2, th };
      if (i == self->selected || !overlaps (drawn, &above))
        at = &above;
      else if (!overlaps (drawn, &below))
        at = &below;
      if (at == NULL)
        continue;
      g_array_append_val (drawn, *at);
      cairo_move_to (cr, at->x, at->y);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
cyd_timeline_finalize (GObject *object)
{
  CydTimeline *self = (CydTimeline *)object;

  g_clear_object (&self->plan);
  g_free (self->as_at);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_free (self->lane_of);
  g_free (self->xs);
  g_free (self->ys);

  G_OBJECT_CLASS (cyd_timeline_parent_class)->finalize (object);
}

static void
cyd_timeline_class_init (CydTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cyd_timeline_finalize;
}

static void
cyd_timeline_init (CydTimeline *self)
{
  self->selected = CYD_TIMELINE_NONE;
  self->zoom = CYD_TIMELINE_ZOOM_QUARTER;
}

/**
 * cyd_timeline_new:
 * @plan: a plan already rated with cyd_milestone_plan_compute()
 * @as_at: the as-at date, YYYY-MM-DD
 */
CydTimeline *
cyd_timeline_new (CydMilestonePlan *plan,
                  const char       *as_at)
{
  CydTimeline *self;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (plan), NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  self = g_object_new (CYD_TYPE_TIMELINE, NULL);
  self->plan = g_object_ref (plan);
  self->as_at = g_strdup (as_at);
  build_lanes (self);
  return self;
}

CydMilestonePlan *
cyd_timeline_get_plan (CydTimeline *self)
{
  g_return_val_if_fail (CYD_IS_TIMELINE (self), NULL);

  return self->plan;
}

void
cyd_timeline_set_zoom (CydTimeline     *self,
                       CydTimelineZoom  zoom)
{
  g_return_if_fail (CYD_IS_TIMELINE (self));

  self->zoom = CLAMP (zoom, CYD_TIMELINE_ZOOM_MONTH, CYD_TIMELINE_ZOOM_YEAR);
}

CydTimelineZoom
cyd_timeline_get_zoom (CydTimeline *self)
{
  g_return_val_if_fail (CYD_IS_TIMELINE (self), CYD_TIMELINE_ZOOM_QUARTER);

  return self->zoom;
}

void
cyd_timeline_set_selected (CydTimeline *self,
                           guint        index)
{
  g_return_if_fail (CYD_IS_TIMELINE (self));

  self->selected = index < cyd_milestone_plan_get_n (self->plan) ? index : CYD_TIMELINE_NONE;
}

guint
cyd_timeline_get_selected (CydTimeline *self)
{
  g_return_val_if_fail (CYD_IS_TIMELINE (self), CYD_TIMELINE_NONE);

  return self->selected;
}

/* The colour of text and lines, to suit a light or dark background. */
void
cyd_timeline_set_foreground (CydTimeline *self,
                             double       red,
                             double       green,
                             double       blue)
{
  g_return_if_fail (CYD_IS_TIMELINE (self));

  self->fg[0] = red;
  self->fg[1] = green;
  self->fg[2] = blue;
}

/* The size at which the zoom level's scale is kept. */
void
cyd_timeline_get_natural_size (CydTimeline *self,
                               int         *width,
                               int         *height)
{
  g_return_if_fail (CYD_IS_TIMELINE (self));

  if (width != NULL)
    *width = (int) ceil (GUTTER + RIGHT + (self->last_day - self->first_day) * pixels_per_day (self->zoom));
  if (height != NULL)
    *height = (int) (HEADER + BOTTOM + MAX (1, self->lanes->len) * LANE_HEIGHT);
}

void
cyd_timeline_draw (CydTimeline *self,
                   cairo_t     *cr,
                   int          width,
                   int          height)
{
  g_autofree char *today = cyd_date_today_iso ();
  g_autofree char *as_at_text = cyd_date_format (self->as_at);
  g_autofree char *as_at_label = NULL;
  guint n;

  g_return_if_fail (CYD_IS_TIMELINE (self));
  g_return_if_fail (cr != NULL);

  if (width <= GUTTER + RIGHT || height <= HEADER + BOTTOM)
    return;
  n = cyd_milestone_plan_get_n (self->plan);
  ensure_layout (self, width, height);

  cairo_save (cr);
  draw_lanes (self, cr, width, height);
  draw_axis (self, cr, width, height);
  /* Translators: %s is a date, such as "1 March 2014" */
  as_at_label = g_strdup_printf (_("As at %s"), as_at_text);
  draw_date_line (self, cr, today, _("Today"), FALSE, width, height);
  if (g_strcmp0 (today, self->as_at) != 0)
    draw_date_line (self, cr, self->as_at, as_at_label, TRUE, width, height);

  for (guint i = 0; i < n; i++)
    {
      guint n_deps = 0;
      const guint *deps = cyd_milestone_plan_get_dependencies (self->plan, i, &n_deps);

      for (guint j = 0; j < n_deps; j++)
        draw_arrow (self, cr, deps[j], i);
    }
  for (guint i = 0; i < n; i++)
    draw_marker (self, cr, i);
  draw_labels (self, cr);
  cairo_restore (cr);
}

/* The milestone drawn at (@x, @y), or CYD_TIMELINE_NONE. */
guint
cyd_timeline_hit (CydTimeline *self,
                  int          width,
                  int          height,
                  double       x,
                  double       y)
{
  guint best = CYD_TIMELINE_NONE;
  double best_d = (MARKER + 4) * (MARKER + 4);

  g_return_val_if_fail (CYD_IS_TIMELINE (self), CYD_TIMELINE_NONE);

  ensure_layout (self, width, height);
  for (guint i = 0; i < cyd_milestone_plan_get_n (self->plan); i++)
    {
      double d = (self->xs[i] - x) * (self->xs[i] - x) + (self->ys[i] - y) * (self->ys[i] - y);

      if (d <= best_d)
        best = i, best_d = d;
    }
  return best;
}

gboolean
cyd_timeline_get_position (CydTimeline *self,
                           guint        index,
                           int          width,
                           int          height,
                           double      *x,
                           double      *y)
{
  g_return_val_if_fail (CYD_IS_TIMELINE (self), FALSE);

  if (index >= cyd_milestone_plan_get_n (self->plan))
    return FALSE;
  ensure_layout (self, width, height);
  *x = self->xs[index];
  *y = self->ys[index];
  return TRUE;
}

/**
 * cyd_timeline_step:
 * @from: the selected milestone, or CYD_TIMELINE_NONE
 * @dx: -1 for the previous milestone in the lane, 1 for the next
 * @dy: -1 for the lane above, 1 for the lane below (the milestone nearest in time)
 *
 * Returns: the milestone to select after a key press
 */
guint
cyd_timeline_step (CydTimeline *self,
                   guint        from,
                   int          dx,
                   int          dy)
{
  guint n, lane, best = CYD_TIMELINE_NONE, here;

  g_return_val_if_fail (CYD_IS_TIMELINE (self), CYD_TIMELINE_NONE);

  n = cyd_milestone_plan_get_n (self->plan);
  if (n == 0)
    return CYD_TIMELINE_NONE;
  if (from >= n)
    return 0;

  lane = self->lane_of[from];
  here = julian (cyd_milestone_plan_get_due (self->plan, from));
  if (dy != 0)
    {
      int target = (int) lane + (dy < 0 ? -1 : 1);
      guint best_gap = G_MAXUINT;

      if (target < 0 || target >= (int) self->lanes->len)
        return from;
      for (guint i = 0; i < n; i++)
        {
          guint day = julian (cyd_milestone_plan_get_due (self->plan, i));
          guint gap = day > here ? day - here : here - day;

          if (self->lane_of[i] == (guint) target && gap < best_gap)
            best = i, best_gap = gap;
        }
      return best != CYD_TIMELINE_NONE ? best : from;
    }

  /* The plan is in date order: the neighbour in the lane is the nearest
   * index in the lane in that direction. */
  if (dx > 0)
    {
      for (guint i = from + 1; i < n; i++)
        if (self->lane_of[i] == lane)
          return i;
    }
  else if (dx < 0)
    {
      for (guint i = from; i-- > 0;)
        if (self->lane_of[i] == lane)
          return i;
    }
  return from;
}
