/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A list cell's text, for columns of many rows. Like a GtkInscription it
 * is sized by a width in characters, not by its text; unlike one, it makes
 * no Pango context or layout of its own. The cells of a column measure the
 * list's font once between them and lay out their text, when drawn, in
 * one layout they share, made from the column view's Pango context, which
 * GTK keeps up to date as the font or the screen changes. Cells take the
 * list's font: the stylesheet styles data cells by colour and padding,
 * not by font, and tabular figures are asked for here. */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-cell-text.h"

struct _CydCellColumn {
  CydCellKind   kind;
  guint         chars;
  PangoContext *context;   /* the context measured, with its serial */
  guint         serial;
  PangoLayout  *layout;
  int           char_width;
  int           line_height;
  int           baseline;
};

struct _CydCellText {
  GtkWidget      parent_instance;

  CydCellColumn *column;
  char          *text;
};

G_DEFINE_FINAL_TYPE (CydCellText, cyd_cell_text, GTK_TYPE_WIDGET)

CydCellColumn *
cyd_cell_column_new (CydCellKind kind,
                     guint       chars)
{
  CydCellColumn *column = g_rc_box_new0 (CydCellColumn);

  column->kind = kind;
  column->chars = chars;
  return column;
}

CydCellColumn *
cyd_cell_column_ref (CydCellColumn *column)
{
  return g_rc_box_acquire (column);
}

static void
cell_column_clear (gpointer data)
{
  CydCellColumn *column = data;

  g_clear_object (&column->layout);
  g_clear_object (&column->context);
}

void
cyd_cell_column_unref (CydCellColumn *column)
{
  g_rc_box_release_full (column, cell_column_clear);
}

/* The column's layout and measurements, made again when the context the
 * list uses is another or has changed. */
static CydCellColumn *
ensure_column (CydCellText *self)
{
  CydCellColumn *column = self->column;
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  PangoContext *context = gtk_widget_get_pango_context (view != NULL ? view : GTK_WIDGET (self));
  PangoFontMetrics *metrics;
  int ascent;

  if (column->context == context && column->serial == pango_context_get_serial (context))
    return column;

  g_set_object (&column->context, context);
  column->serial = pango_context_get_serial (context);

  metrics = pango_context_get_metrics (context, NULL, NULL);
  column->char_width = PANGO_PIXELS_CEIL (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                               pango_font_metrics_get_approximate_digit_width (metrics)));
  ascent = pango_font_metrics_get_ascent (metrics);
  column->baseline = PANGO_PIXELS_CEIL (ascent);
  column->line_height = PANGO_PIXELS_CEIL (ascent + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);

  g_clear_object (&column->layout);
  column->layout = pango_layout_new (context);
  pango_layout_set_ellipsize (column->layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (column->layout, TRUE);
  if (column->kind == CYD_CELL_NUMERIC)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (column->layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return column;
}

static void
cyd_cell_text_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CydCellColumn *column = ensure_column (CYD_CELL_TEXT (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint min_chars = column->kind == CYD_CELL_ELLIPSIZED ? MIN (column->chars, 3) : column->chars;

      *minimum = min_chars * column->char_width;
      *natural = column->chars * column->char_width;
    }
  else
    {
      *minimum = *natural = column->line_height;
      *minimum_baseline = *natural_baseline = column->baseline;
    }
}

static void
cyd_cell_text_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CydCellText *self = CYD_CELL_TEXT (widget);
  CydCellColumn *column;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  double xalign;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  column = ensure_column (self);
  pango_layout_set_text (column->layout, self->text, -1);
  pango_layout_set_width (column->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (column->layout, NULL, &logical);

  xalign = column->kind == CYD_CELL_NUMERIC ? 1 : 0;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1 - xalign;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) * xalign - logical.x,
                                                          (height - column->line_height) / 2));
  gtk_snapshot_append_layout (snapshot, column->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
cyd_cell_text_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static void
cyd_cell_text_finalize (GObject *object)
{
  CydCellText *self = CYD_CELL_TEXT (object);

  g_clear_pointer (&self->column, cyd_cell_column_unref);
  g_free (self->text);

  G_OBJECT_CLASS (cyd_cell_text_parent_class)->finalize (object);
}

static void
cyd_cell_text_class_init (CydCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cyd_cell_text_finalize;
  widget_class->measure = cyd_cell_text_measure;
  widget_class->snapshot = cyd_cell_text_snapshot;
  widget_class->direction_changed = cyd_cell_text_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cyd_cell_text_init (CydCellText *self)
{
}

GtkWidget *
cyd_cell_text_new (CydCellColumn *column)
{
  CydCellText *self;

  g_return_val_if_fail (column != NULL, NULL);

  self = g_object_new (CYD_TYPE_CELL_TEXT, NULL);
  self->column = cyd_cell_column_ref (column);
  if (column->kind == CYD_CELL_NUMERIC)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  return GTK_WIDGET (self);
}

void
cyd_cell_text_set_text (CydCellText *self,
                        const char  *text)
{
  g_return_if_fail (CYD_IS_CELL_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
cyd_cell_text_get_text (CydCellText *self)
{
  g_return_val_if_fail (CYD_IS_CELL_TEXT (self), NULL);

  return self->text;
}

CydCellKind
cyd_cell_text_get_kind (CydCellText *self)
{
  g_return_val_if_fail (CYD_IS_CELL_TEXT (self), CYD_CELL_ELLIPSIZED);

  return self->column->kind;
}
