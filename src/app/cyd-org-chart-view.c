/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-org-chart-view.h"

#include <glib/gi18n.h>

#define ZOOM_MIN 0.25
#define ZOOM_MAX 2.0
#define ZOOM_STEP 1.25

struct _CydOrgChartView
{
  GtkWidget    parent_instance;

  CydOrgChart *chart;
  double       zoom;
  gboolean     scroll_pending;
  guint        scroll_id;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SELECTED,
  N_PROPS
};

enum {
  POST_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CydOrgChartView, cyd_org_chart_view, GTK_TYPE_WIDGET)

static GtkScrolledWindow *
find_scroller (CydOrgChartView *self)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);

  return scroller != NULL ? GTK_SCROLLED_WINDOW (scroller) : NULL;
}

static gboolean
scroll_to_selection (gpointer data)
{
  CydOrgChartView *self = data;
  GtkScrolledWindow *scroller = find_scroller (self);
  CydOrgChartBox box;

  self->scroll_id = 0;
  if (scroller == NULL || self->chart == NULL
      || !cyd_org_chart_get_box (self->chart, cyd_org_chart_get_selected (self->chart), &box))
    return G_SOURCE_REMOVE;
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (scroller),
                             (box.x - 20) * self->zoom, (box.x + box.width + 20) * self->zoom);
  gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (scroller),
                             (box.y - 20) * self->zoom, (box.y + box.height + 20) * self->zoom);
  return G_SOURCE_REMOVE;
}

/* The adjustments follow the next allocation: scroll after it. */
static void
queue_scroll (CydOrgChartView *self)
{
  self->scroll_pending = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
select_index (CydOrgChartView *self,
              int              index)
{
  if (self->chart == NULL || index == cyd_org_chart_get_selected (self->chart))
    return;
  cyd_org_chart_set_selected (self->chart, index);
  queue_scroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CydOrgChartView *self)
{
  int hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->chart == NULL)
    return;
  hit = cyd_org_chart_hit (self->chart, x / self->zoom, y / self->zoom);
  if (hit == CYD_ORG_CHART_NONE)
    return;
  select_index (self, hit);
  if (n_press == 2)
    g_signal_emit (self, signals[POST_ACTIVATED], 0, cyd_org_chart_view_get_selected (self));
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                CydOrgChartView *self)
{
  GtkScrolledWindow *scroller = find_scroller (self);
  GtkAdjustment *h, *v;

  if (scroller == NULL)
    return;
  /* The offsets are in the widget's coordinates, which move as it scrolls:
   * the current value less the offset keeps the point under the pointer. */
  h = gtk_scrolled_window_get_hadjustment (scroller);
  v = gtk_scrolled_window_get_vadjustment (scroller);
  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) - dx);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) - dy);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CydOrgChartView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  cyd_org_chart_view_set_zoom (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
  return TRUE;
}

static gboolean
step (CydOrgChartView      *self,
      CydOrgChartDirection  direction)
{
  if (self->chart == NULL)
    return FALSE;
  select_index (self, cyd_org_chart_step (self->chart, cyd_org_chart_get_selected (self->chart), direction));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CydOrgChartView       *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: return step (self, CYD_ORG_CHART_LEFT);
    case GDK_KEY_Right: case GDK_KEY_KP_Right: return step (self, CYD_ORG_CHART_RIGHT);
    case GDK_KEY_Up: case GDK_KEY_KP_Up: return step (self, CYD_ORG_CHART_UP);
    case GDK_KEY_Down: case GDK_KEY_KP_Down: return step (self, CYD_ORG_CHART_DOWN);
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      cyd_org_chart_view_set_zoom (self, self->zoom * ZOOM_STEP);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      cyd_org_chart_view_set_zoom (self, self->zoom / ZOOM_STEP);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      cyd_org_chart_view_set_zoom (self, 1.0);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      if (cyd_org_chart_view_get_selected (self) == 0)
        return FALSE;
      g_signal_emit (self, signals[POST_ACTIVATED], 0, cyd_org_chart_view_get_selected (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
cyd_org_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (widget);
  double width = 200, height = 100;

  if (self->chart != NULL)
    cyd_org_chart_get_size (self->chart, &width, &height);
  *minimum = *natural = (int) ((orientation == GTK_ORIENTATION_HORIZONTAL ? width : height) * self->zoom + 0.5);
}

static void
cyd_org_chart_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (widget);

  if (self->scroll_pending && self->scroll_id == 0)
    self->scroll_id = g_idle_add (scroll_to_selection, self);
  self->scroll_pending = FALSE;
}

static void
cyd_org_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  cairo_t *cr;

  if (self->chart == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cyd_org_chart_set_foreground (self->chart, fg.red, fg.green, fg.blue);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cyd_org_chart_draw (self->chart, cr, self->zoom);
  cairo_destroy (cr);
}

static void
cyd_org_chart_view_dispose (GObject *object)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (object);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (cyd_org_chart_view_parent_class)->dispose (object);
}

static void
cyd_org_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SELECTED:
      g_value_set_int64 (value, cyd_org_chart_view_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_org_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CydOrgChartView *self = CYD_ORG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cyd_org_chart_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SELECTED:
      cyd_org_chart_view_set_selected (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_org_chart_view_class_init (CydOrgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_org_chart_view_dispose;
  object_class->get_property = cyd_org_chart_view_get_property;
  object_class->set_property = cyd_org_chart_view_set_property;
  widget_class->measure = cyd_org_chart_view_measure;
  widget_class->size_allocate = cyd_org_chart_view_size_allocate;
  widget_class->snapshot = cyd_org_chart_view_snapshot;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to open a post: Enter or a double click. */
  signals[POST_ACTIVATED] =
    g_signal_new ("post-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "cyd-org-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cyd_org_chart_view_init (CydOrgChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->zoom = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organisation chart"),
                                  -1);
}

GtkWidget *
cyd_org_chart_view_new (void)
{
  return g_object_new (CYD_TYPE_ORG_CHART_VIEW, NULL);
}

/* Shows @structure; keeps the selection when the post is still there. */
void
cyd_org_chart_view_set_structure (CydOrgChartView *self,
                                  CydStructure    *structure)
{
  gint64 selected;

  g_return_if_fail (CYD_IS_ORG_CHART_VIEW (self));
  g_return_if_fail (structure == NULL || CYD_IS_STRUCTURE (structure));

  selected = cyd_org_chart_view_get_selected (self);
  g_clear_object (&self->chart);
  if (structure != NULL)
    {
      self->chart = cyd_org_chart_new (structure);
      cyd_org_chart_set_selected (self->chart, cyd_structure_find_post (structure, selected));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (selected != cyd_org_chart_view_get_selected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

double
cyd_org_chart_view_get_zoom (CydOrgChartView *self)
{
  g_return_val_if_fail (CYD_IS_ORG_CHART_VIEW (self), 1.0);

  return self->zoom;
}

void
cyd_org_chart_view_set_zoom (CydOrgChartView *self,
                             double           zoom)
{
  g_return_if_fail (CYD_IS_ORG_CHART_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  queue_scroll (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The selected post's row id, or 0. */
gint64
cyd_org_chart_view_get_selected (CydOrgChartView *self)
{
  int index;

  g_return_val_if_fail (CYD_IS_ORG_CHART_VIEW (self), 0);

  if (self->chart == NULL)
    return 0;
  index = cyd_org_chart_get_selected (self->chart);
  if (index < 0)
    return 0;
  return cyd_structure_get_post (cyd_org_chart_get_structure (self->chart), index)->id;
}

void
cyd_org_chart_view_set_selected (CydOrgChartView *self,
                                 gint64           post_id)
{
  g_return_if_fail (CYD_IS_ORG_CHART_VIEW (self));

  if (self->chart == NULL)
    return;
  select_index (self, cyd_structure_find_post (cyd_org_chart_get_structure (self->chart), post_id));
}
