/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-org-chart"

#include "config.h"

#include "cyd-org-chart.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "cyd.h"

#define BOX_WIDTH 200.0
#define BOX_HEIGHT 78.0
#define H_GAP 20.0
#define V_GAP 48.0
#define MARGIN 20.0
#define PADDING 8.0
#define INDENT 24.0     /* reports stacked under their manager */
#define STACK_GAP 12.0
#define MIN_STACKED 3   /* a manager's reports are stacked when this many, all without reports */

struct _CydOrgChart
{
  GObject         parent_instance;

  CydStructure   *structure;
  CydOrgChartBox *boxes;
  GArray         *dotted;     /* pairs of int: post, manager */
  gboolean       *stacked;    /* per post: drawn in a column under its manager */
  double          width;
  double          height;
  int             selected;
  double          fg[3];
};

G_DEFINE_FINAL_TYPE (CydOrgChart, cyd_org_chart, G_TYPE_OBJECT)

static const CydStructurePost *
post_at (CydOrgChart *self,
         int          index)
{
  return cyd_structure_get_post (self->structure, index);
}

/* Reports are stacked when there are several and none has reports itself:
 * a long row of single boxes would make the chart very wide. */
static gboolean
stacks_reports (CydOrgChart *self,
                int          index)
{
  const CydStructurePost *post = post_at (self, index);

  if (post->n_reports < MIN_STACKED)
    return FALSE;
  for (int c = post->first_child; c >= 0; c = post_at (self, c)->next_sibling)
    if (post_at (self, c)->first_child >= 0)
      return FALSE;
  return TRUE;
}

static double
place_stack (CydOrgChart *self,
             int          index,
             double       x)
{
  const CydOrgChartBox *manager = &self->boxes[index];
  double y = manager->y + BOX_HEIGHT + STACK_GAP;

  for (int c = post_at (self, index)->first_child; c >= 0; c = post_at (self, c)->next_sibling)
    {
      self->boxes[c] = (CydOrgChartBox) { x + INDENT, y, BOX_WIDTH, BOX_HEIGHT };
      self->stacked[c] = TRUE;
      y += BOX_HEIGHT + STACK_GAP;
    }
  return x + INDENT + BOX_WIDTH + H_GAP;
}

/* Post-order: a post without reports (or with stacked ones) takes the next
 * free x, a manager sits centred over its first and last reports. Returns
 * the next free x. */
static double
place (CydOrgChart *self,
       int          index,
       double       x)
{
  const CydStructurePost *post = post_at (self, index);
  CydOrgChartBox *box = &self->boxes[index];
  double first = -1, last = -1;

  box->width = BOX_WIDTH;
  box->height = BOX_HEIGHT;
  box->y = MARGIN + post->depth * (BOX_HEIGHT + V_GAP);
  if (post->first_child < 0 || stacks_reports (self, index))
    {
      box->x = x;
      return post->first_child < 0 ? x + BOX_WIDTH + H_GAP : place_stack (self, index, x);
    }
  for (int c = post->first_child; c >= 0; c = post_at (self, c)->next_sibling)
    {
      x = place (self, c, x);
      if (first < 0)
        first = self->boxes[c].x;
      last = self->boxes[c].x;
    }
  box->x = (first + last) / 2;
  return x;
}

static void
lay_out (CydOrgChart *self)
{
  guint n = cyd_structure_get_n_posts (self->structure);
  double x = MARGIN;

  self->boxes = g_new0 (CydOrgChartBox, MAX (n, 1));
  self->stacked = g_new0 (gboolean, MAX (n, 1));
  self->dotted = g_array_new (FALSE, FALSE, sizeof (int));
  self->width = self->height = 2 * MARGIN;
  for (guint i = 0; i < n; i++)
    if (cyd_structure_get_post (self->structure, i)->parent < 0)
      x = place (self, i, x);
  for (guint i = 0; i < n; i++)
    {
      const CydStructurePost *post = cyd_structure_get_post (self->structure, i);

      self->width = MAX (self->width, self->boxes[i].x + BOX_WIDTH + MARGIN);
      self->height = MAX (self->height, self->boxes[i].y + BOX_HEIGHT + MARGIN);
      for (guint d = 0; d < post->n_dotted; d++)
        {
          int pair[2] = { (int) i, post->dotted[d] };
          g_array_append_vals (self->dotted, pair, 2);
        }
    }
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             const char *font_name,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* Draws one line of text and returns the y below it. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, font, width);
  int h;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return y + h + 2;
}

static void
set_fg (CydOrgChart *self,
        cairo_t     *cr,
        double       alpha)
{
  cairo_set_source_rgba (cr, self->fg[0], self->fg[1], self->fg[2], alpha);
}

static void
draw_connectors (CydOrgChart *self,
                 cairo_t     *cr)
{
  guint n = cyd_structure_get_n_posts (self->structure);

  set_fg (self, cr, 0.55);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < n; i++)
    {
      const CydStructurePost *post = cyd_structure_get_post (self->structure, i);
      const CydOrgChartBox *child = &self->boxes[i], *manager;
      double mid;

      if (post->parent < 0)
        continue;
      manager = &self->boxes[post->parent];
      if (self->stacked[i])
        {
          cairo_move_to (cr, manager->x + INDENT / 2, manager->y + BOX_HEIGHT);
          cairo_line_to (cr, manager->x + INDENT / 2, child->y + BOX_HEIGHT / 2);
          cairo_line_to (cr, child->x, child->y + BOX_HEIGHT / 2);
          cairo_stroke (cr);
          continue;
        }
      mid = manager->y + BOX_HEIGHT + V_GAP / 2;
      cairo_move_to (cr, manager->x + BOX_WIDTH / 2, manager->y + BOX_HEIGHT);
      cairo_line_to (cr, manager->x + BOX_WIDTH / 2, mid);
      cairo_line_to (cr, child->x + BOX_WIDTH / 2, mid);
      cairo_line_to (cr, child->x + BOX_WIDTH / 2, child->y);
      cairo_stroke (cr);
    }
}

/* Dotted lines: dashed curves from the side of the post to the manager. */
static void
draw_dotted (CydOrgChart *self,
             cairo_t     *cr)
{
  static const double dashes[] = { 6.0, 4.0 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (guint i = 0; i + 1 < self->dotted->len; i += 2)
    {
      const CydOrgChartBox *a = &self->boxes[g_array_index (self->dotted, int, i)];
      const CydOrgChartBox *b = &self->boxes[g_array_index (self->dotted, int, i + 1)];
      double ax = a->x + BOX_WIDTH, ay = a->y + BOX_HEIGHT / 2;
      double bx = b->x + BOX_WIDTH, by = b->y + BOX_HEIGHT / 2;
      double bulge = MAX (H_GAP, fabs (ay - by) / 3);

      cairo_move_to (cr, ax, ay);
      cairo_curve_to (cr, ax + bulge, ay, bx + bulge, by, bx, by);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_frame (CydOrgChart          *self,
            cairo_t              *cr,
            const CydOrgChartBox *box,
            gboolean              vacant,
            gboolean              selected)
{
  static const double dashes[] = { 4.0, 3.0 };

  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  if (vacant)
    cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.10);
  else
    cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.14);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  if (selected)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 3.0);
    }
  else
    {
      set_fg (self, cr, vacant ? 0.45 : 0.7);
      cairo_set_line_width (cr, 1.0);
      if (vacant)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_box (CydOrgChart *self,
          cairo_t     *cr,
          int          index)
{
  const CydStructurePost *post = cyd_structure_get_post (self->structure, index);
  const CydOrgChartBox *box = &self->boxes[index];
  gboolean vacant = post->n_holders == 0;
  g_autofree char *fte = cyd_fte_format (post->fte);
  g_autofree char *line3 = NULL;
  double x = box->x + PADDING, w = box->width - 2 * PADDING, y = box->y + PADDING;

  draw_frame (self, cr, box, vacant, index == self->selected);
  /* Translators: in an org chart box: a post's grade and its FTE. */
  line3 = g_strdup_printf (_("%s · %s FTE"), post->grade != NULL ? post->grade : "–", fte);
  set_fg (self, cr, 1.0);
  y = draw_text (cr, post->title, "Sans Bold 9", x, y, w);
  if (vacant)
    {
      cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      y = draw_text (cr, C_("post", "Vacant"), "Sans Italic 9", x, y, w);
    }
  else
    y = draw_text (cr, post->holders, "Sans 9", x, y, w);
  set_fg (self, cr, 0.7);
  y = draw_text (cr, line3, "Sans 8", x, y, w);
  draw_text (cr, post->code, "Monospace 7", x, y, w);
}

static void
cyd_org_chart_finalize (GObject *object)
{
  CydOrgChart *self = CYD_ORG_CHART (object);

  g_clear_object (&self->structure);
  g_free (self->boxes);
  g_free (self->stacked);
  g_clear_pointer (&self->dotted, g_array_unref);

  G_OBJECT_CLASS (cyd_org_chart_parent_class)->finalize (object);
}

static void
cyd_org_chart_class_init (CydOrgChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cyd_org_chart_finalize;
}

static void
cyd_org_chart_init (CydOrgChart *self)
{
  self->selected = CYD_ORG_CHART_NONE;
}

CydOrgChart *
cyd_org_chart_new (CydStructure *structure)
{
  CydOrgChart *self;

  g_return_val_if_fail (CYD_IS_STRUCTURE (structure), NULL);

  self = g_object_new (CYD_TYPE_ORG_CHART, NULL);
  self->structure = g_object_ref (structure);
  lay_out (self);
  return self;
}

CydStructure *
cyd_org_chart_get_structure (CydOrgChart *self)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART (self), NULL);

  return self->structure;
}

/* The size of the drawing at zoom 1. */
void
cyd_org_chart_get_size (CydOrgChart *self,
                        double      *width,
                        double      *height)
{
  g_return_if_fail (CYD_IS_ORG_CHART (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

gboolean
cyd_org_chart_get_box (CydOrgChart    *self,
                       int             index,
                       CydOrgChartBox *box)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART (self), FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (index < 0 || (guint) index >= cyd_structure_get_n_posts (self->structure))
    return FALSE;
  *box = self->boxes[index];
  return TRUE;
}

guint
cyd_org_chart_get_n_dotted (CydOrgChart *self)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART (self), 0);

  return self->dotted->len / 2;
}

/* The @i-th dotted line: @post also answers to @manager. */
void
cyd_org_chart_get_dotted (CydOrgChart *self,
                          guint        i,
                          int         *post,
                          int         *manager)
{
  g_return_if_fail (CYD_IS_ORG_CHART (self));
  g_return_if_fail (i < self->dotted->len / 2);

  *post = g_array_index (self->dotted, int, 2 * i);
  *manager = g_array_index (self->dotted, int, 2 * i + 1);
}

void
cyd_org_chart_set_selected (CydOrgChart *self,
                            int          index)
{
  g_return_if_fail (CYD_IS_ORG_CHART (self));

  if (index < 0 || (guint) index >= cyd_structure_get_n_posts (self->structure))
    index = CYD_ORG_CHART_NONE;
  self->selected = index;
}

int
cyd_org_chart_get_selected (CydOrgChart *self)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART (self), CYD_ORG_CHART_NONE);

  return self->selected;
}

void
cyd_org_chart_set_foreground (CydOrgChart *self,
                              double       red,
                              double       green,
                              double       blue)
{
  g_return_if_fail (CYD_IS_ORG_CHART (self));

  self->fg[0] = red;
  self->fg[1] = green;
  self->fg[2] = blue;
}

/* Draws the chart from (0, 0) scaled by @zoom. */
void
cyd_org_chart_draw (CydOrgChart *self,
                    cairo_t     *cr,
                    double       zoom)
{
  guint n;

  g_return_if_fail (CYD_IS_ORG_CHART (self));
  g_return_if_fail (cr != NULL);

  n = cyd_structure_get_n_posts (self->structure);
  cairo_save (cr);
  cairo_scale (cr, zoom, zoom);
  draw_connectors (self, cr);
  for (guint i = 0; i < n; i++)
    draw_box (self, cr, i);
  draw_dotted (self, cr);
  cairo_restore (cr);
}

/* The post whose box holds the point (chart units), or CYD_ORG_CHART_NONE. */
int
cyd_org_chart_hit (CydOrgChart *self,
                   double       x,
                   double       y)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART (self), CYD_ORG_CHART_NONE);

  for (guint i = 0; i < cyd_structure_get_n_posts (self->structure); i++)
    {
      const CydOrgChartBox *b = &self->boxes[i];

      if (x >= b->x && x < b->x + b->width && y >= b->y && y < b->y + b->height)
        return i;
    }
  return CYD_ORG_CHART_NONE;
}

static int
step_across (CydOrgChart *self,
             int          from,
             int          sign)
{
  const CydOrgChartBox *here = &self->boxes[from];
  int best = from;
  double best_dx = G_MAXDOUBLE;

  for (guint i = 0; i < cyd_structure_get_n_posts (self->structure); i++)
    {
      double dx = (self->boxes[i].x - here->x) * sign;

      if (self->boxes[i].y == here->y && dx > 0 && dx < best_dx)
        best = i, best_dx = dx;
    }
  return best;
}

/* Top posts are placed left to right in index order. */
static int
first_top (CydOrgChart *self)
{
  for (guint i = 0; i < cyd_structure_get_n_posts (self->structure); i++)
    if (cyd_structure_get_post (self->structure, i)->parent < 0)
      return i;
  return 0;
}

/* The post the arrow keys move to from @from: its manager, its first
 * report (in a stack, the next one), or the neighbour on its level; @from itself when there is none.
 * From nothing, the first top post. */
int
cyd_org_chart_step (CydOrgChart          *self,
                    int                   from,
                    CydOrgChartDirection  direction)
{
  const CydStructurePost *post;

  g_return_val_if_fail (CYD_IS_ORG_CHART (self), CYD_ORG_CHART_NONE);

  if (cyd_structure_get_n_posts (self->structure) == 0)
    return CYD_ORG_CHART_NONE;
  if (from < 0 || (guint) from >= cyd_structure_get_n_posts (self->structure))
    return first_top (self);
  post = cyd_structure_get_post (self->structure, from);
  switch (direction)
    {
    case CYD_ORG_CHART_UP:
      return post->parent >= 0 ? post->parent : from;
    case CYD_ORG_CHART_DOWN:
      if (post->first_child >= 0)
        return post->first_child;
      return self->stacked[from] && post->next_sibling >= 0 ? post->next_sibling : from;
    case CYD_ORG_CHART_LEFT:
      return step_across (self, from, -1);
    case CYD_ORG_CHART_RIGHT:
    default:
      return step_across (self, from, 1);
    }
}
