/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-timeline-view.h"

#include <glib/gi18n.h>

struct _CydTimelineView
{
  GtkWidget    parent_instance;

  CydTimeline *timeline;
  int          zoom;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydTimelineView, cyd_timeline_view, GTK_TYPE_WIDGET)

static void
select_index (CydTimelineView *self,
              guint            index)
{
  if (self->timeline == NULL || index == cyd_timeline_get_selected (self->timeline))
    return;
  cyd_timeline_set_selected (self->timeline, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CydTimelineView *self)
{
  guint hit;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->timeline == NULL)
    return;
  hit = cyd_timeline_hit (self->timeline, gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (hit != CYD_TIMELINE_NONE)
    select_index (self, hit);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CydTimelineView       *self)
{
  int dx = 0, dy = 0;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: dx = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dx = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: dy = -1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: dy = 1; break;
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      cyd_timeline_view_set_zoom (self, self->zoom - 1);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      cyd_timeline_view_set_zoom (self, self->zoom + 1);
      return TRUE;
    default:
      return FALSE;
    }
  if (self->timeline == NULL)
    return FALSE;
  select_index (self, cyd_timeline_step (self->timeline, cyd_timeline_get_selected (self->timeline), dx, dy));
  return TRUE;
}

static void
cyd_timeline_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CydTimelineView *self = CYD_TIMELINE_VIEW (widget);
  int width = 400, height = 200;

  if (self->timeline != NULL)
    cyd_timeline_get_natural_size (self->timeline, &width, &height);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static void
cyd_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CydTimelineView *self = CYD_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  cairo_t *cr;

  if (self->timeline == NULL)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cyd_timeline_set_foreground (self->timeline, fg.red, fg.green, fg.blue);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cyd_timeline_draw (self->timeline, cr, width, height);
  cairo_destroy (cr);
}

static void
cyd_timeline_view_dispose (GObject *object)
{
  CydTimelineView *self = CYD_TIMELINE_VIEW (object);

  g_clear_object (&self->timeline);

  G_OBJECT_CLASS (cyd_timeline_view_parent_class)->dispose (object);
}

static void
cyd_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CydTimelineView *self = CYD_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_uint (value, (guint) self->zoom);
      break;

    case PROP_SELECTED:
      g_value_set_int64 (value, cyd_timeline_view_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CydTimelineView *self = CYD_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cyd_timeline_view_set_zoom (self, (int) g_value_get_uint (value));
      break;

    case PROP_SELECTED:
      cyd_timeline_view_set_selected (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_timeline_view_class_init (CydTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_timeline_view_dispose;
  object_class->get_property = cyd_timeline_view_get_property;
  object_class->set_property = cyd_timeline_view_set_property;
  widget_class->measure = cyd_timeline_view_measure;
  widget_class->snapshot = cyd_timeline_view_snapshot;

  /* GtkDropDown's "selected" is a guint: the zoom binds to it directly. */
  properties[PROP_ZOOM] =
    g_param_spec_uint ("zoom", NULL, NULL,
                       CYD_TIMELINE_ZOOM_MONTH, CYD_TIMELINE_ZOOM_YEAR, CYD_TIMELINE_ZOOM_QUARTER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int64 ("selected", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "cyd-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cyd_timeline_view_init (CydTimelineView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->zoom = CYD_TIMELINE_ZOOM_QUARTER;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Programme timeline"),
                                  -1);
}

GtkWidget *
cyd_timeline_view_new (void)
{
  return g_object_new (CYD_TYPE_TIMELINE_VIEW, NULL);
}

/* Shows @plan, already rated as at @as_at; keeps the selection if the
 * selected milestone is still there. */
void
cyd_timeline_view_set_plan (CydTimelineView  *self,
                            CydMilestonePlan *plan,
                            const char       *as_at)
{
  gint64 selected;

  g_return_if_fail (CYD_IS_TIMELINE_VIEW (self));
  g_return_if_fail (plan == NULL || CYD_IS_MILESTONE_PLAN (plan));

  selected = cyd_timeline_view_get_selected (self);
  g_clear_object (&self->timeline);
  if (plan != NULL)
    {
      self->timeline = cyd_timeline_new (plan, as_at);
      cyd_timeline_set_zoom (self->timeline, self->zoom);
      cyd_timeline_set_selected (self->timeline, cyd_milestone_plan_find (plan, selected));
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (selected != cyd_timeline_view_get_selected (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

CydMilestonePlan *
cyd_timeline_view_get_plan (CydTimelineView *self)
{
  g_return_val_if_fail (CYD_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline != NULL ? cyd_timeline_get_plan (self->timeline) : NULL;
}

int
cyd_timeline_view_get_zoom (CydTimelineView *self)
{
  g_return_val_if_fail (CYD_IS_TIMELINE_VIEW (self), CYD_TIMELINE_ZOOM_QUARTER);

  return self->zoom;
}

void
cyd_timeline_view_set_zoom (CydTimelineView *self,
                            int              zoom)
{
  g_return_if_fail (CYD_IS_TIMELINE_VIEW (self));

  zoom = CLAMP (zoom, CYD_TIMELINE_ZOOM_MONTH, CYD_TIMELINE_ZOOM_YEAR);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  if (self->timeline != NULL)
    cyd_timeline_set_zoom (self->timeline, zoom);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

gint64
cyd_timeline_view_get_selected (CydTimelineView *self)
{
  guint index;

  g_return_val_if_fail (CYD_IS_TIMELINE_VIEW (self), 0);

  if (self->timeline == NULL)
    return 0;
  index = cyd_timeline_get_selected (self->timeline);
  if (index == CYD_TIMELINE_NONE)
    return 0;
  return cyd_milestone_plan_get_id (cyd_timeline_get_plan (self->timeline), index);
}

void
cyd_timeline_view_set_selected (CydTimelineView *self,
                                gint64           id)
{
  g_return_if_fail (CYD_IS_TIMELINE_VIEW (self));

  if (self->timeline == NULL)
    return;
  select_index (self, cyd_milestone_plan_find (cyd_timeline_get_plan (self->timeline), id));
}

/* Where the selected milestone is drawn, in the widget's coordinates. */
gboolean
cyd_timeline_view_get_position (CydTimelineView *self,
                                double          *x,
                                double          *y)
{
  int width, height;

  g_return_val_if_fail (CYD_IS_TIMELINE_VIEW (self), FALSE);

  if (self->timeline == NULL)
    return FALSE;
  /* After a zoom the new size may not be allocated yet: it will be at
   * least the natural size. */
  cyd_timeline_get_natural_size (self->timeline, &width, &height);
  width = MAX (width, gtk_widget_get_width (GTK_WIDGET (self)));
  height = MAX (height, gtk_widget_get_height (GTK_WIDGET (self)));
  return cyd_timeline_get_position (self->timeline, cyd_timeline_get_selected (self->timeline),
                                    width, height, x, y);
}
