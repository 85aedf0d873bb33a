/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-chart-view.h"

#include <glib/gi18n.h>

/* Below this width a chart's labels no longer fit; above, it grows with
 * the window. */
#define MIN_WIDTH  280
#define MIN_HEIGHT 180
#define NAT_WIDTH  560

struct _CydChartView
{
  GtkWidget  parent_instance;

  CydChart  *chart;
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydChartView, cyd_chart_view, GTK_TYPE_WIDGET)

static void
update_accessible (CydChartView *self)
{
  const char *title = self->chart != NULL ? cyd_chart_get_title (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : _("Chart"),
                                  -1);
}

/* The theme's font, so the chart reads like the text around it. */
static void
apply_style (CydChartView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_context_get_font_description (context);
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  cyd_chart_set_foreground (self->chart, fg.red, fg.green, fg.blue);
  if (font != NULL)
    {
      g_autofree char *name = pango_font_description_to_string (font);

      cyd_chart_set_font (self->chart, name);
    }
}

static void
cyd_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CydChartView *self = CYD_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
      return;
    }
  /* At half its natural height a chart's group labels still stand apart:
   * never shorter than that, so a long chart scrolls rather than squeezing
   * its labels together. */
  *natural = self->chart != NULL
             ? MAX (MIN_HEIGHT, (int) cyd_chart_get_natural_height (self->chart))
             : MIN_HEIGHT;
  *minimum = MAX (MIN_HEIGHT, *natural / 2);
}

static void
cyd_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CydChartView *self = CYD_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  apply_style (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cyd_chart_draw (self->chart, cr, width, height);
  cairo_destroy (cr);
}

static void
cyd_chart_view_dispose (GObject *object)
{
  CydChartView *self = CYD_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (cyd_chart_view_parent_class)->dispose (object);
}

static void
cyd_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CydChartView *self = CYD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CydChartView *self = CYD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      cyd_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_chart_view_class_init (CydChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_chart_view_dispose;
  object_class->get_property = cyd_chart_view_get_property;
  object_class->set_property = cyd_chart_view_set_property;
  widget_class->measure = cyd_chart_view_measure;
  widget_class->snapshot = cyd_chart_view_snapshot;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         CYD_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cyd-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cyd_chart_view_init (CydChartView *self)
{
  update_accessible (self);
}

GtkWidget *
cyd_chart_view_new (void)
{
  return g_object_new (CYD_TYPE_CHART_VIEW, NULL);
}

CydChart *
cyd_chart_view_get_chart (CydChartView *self)
{
  g_return_val_if_fail (CYD_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
cyd_chart_view_set_chart (CydChartView *self,
                          CydChart     *chart)
{
  g_return_if_fail (CYD_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || CYD_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}
