/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-report"

#include "config.h"

#include "cyd-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "cyd-chart.h"
#include "cyd-output.h"
#include "cyd-report-layout.h"
#include "cyd-timeline.h"

/* Lays a report's blocks out on pages and draws them: a header with the
 * programme's name and the date, a footer with the page number, tables
 * that repeat their header row, drawings scaled to fit. */

#define MARGIN          (15 * MM)
#define HEADER_HEIGHT   22.0
#define FOOTER_HEIGHT   18.0
#define CELL_PAD_X      3.0
#define CELL_PAD_Y      2.0
#define GAP             8.0
#define KEEP_WITH_NEXT  60.0

#define FONT_BODY       "Sans 9"
#define FONT_TABLE      "Sans 8"
#define FONT_HEADING    "Sans Bold 15"
#define FONT_SUBHEADING "Sans Bold 11"
#define FONT_MARGINAL   "Sans 7.5"

static PangoLayout *
make_layout (CydReport  *self,
             const char *font,
             const char *markup,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
measure (CydReport  *self,
         const char *font,
         const char *markup,
         double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, markup, width);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
show_text (CydReport  *self,
           cairo_t    *cr,
           const char *font,
           const char *markup,
           double      x,
           double      y,
           double      width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (self, font, markup, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
text_width (CydReport *self)
{
  return self->width - 2 * MARGIN;
}

static double
top (CydReport *self)
{
  return MARGIN + HEADER_HEIGHT;
}

static double
bottom (CydReport *self)
{
  return self->height - MARGIN - FOOTER_HEIGHT;
}

static const char *
font_of (BlockType type)
{
  switch (type)
    {
    case BLOCK_HEADING:    return FONT_HEADING;
    case BLOCK_SUBHEADING: return FONT_SUBHEADING;
    default:               return FONT_BODY;
    }
}

static double
measure_row (CydReport  *self,
             Block      *block,
             char      **cells)
{
  double height = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      double w = block->widths[c] * text_width (self) - 2 * CELL_PAD_X;

      height = MAX (height, measure (self, FONT_TABLE, cells[c] ? cells[c] : "", w));
    }
  return height + 2 * CELL_PAD_Y;
}

static void
measure_table (CydReport *self,
               Block     *block)
{
  g_clear_pointer (&block->row_heights, g_array_unref);
  block->row_heights = g_array_sized_new (FALSE, FALSE, sizeof (double), block->rows->len);
  block->header_height = measure_row (self, block, block->header);
  for (guint r = 0; r < block->rows->len; r++)
    {
      double h = measure_row (self, block, g_ptr_array_index (block->rows, r));
      g_array_append_val (block->row_heights, h);
    }
}

typedef struct {
  CydReport *report;
  GArray    *page;
  double     y;
} Cursor;

static void
new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (cursor->report->pages, cursor->page);
  cursor->y = top (cursor->report);
}

static void
place (Cursor *cursor,
       guint   block,
       guint   first_row,
       guint   end_row,
       double  height)
{
  Placement placement = { block, first_row, end_row, cursor->y, height };

  g_array_append_val (cursor->page, placement);
  cursor->y += height;
}

static gboolean
fits (Cursor *cursor,
      double  height)
{
  return cursor->y + height <= bottom (cursor->report) || cursor->y <= top (cursor->report);
}

static void
paginate_text (Cursor *cursor,
               guint   index,
               Block  *block)
{
  CydReport *self = cursor->report;
  double before = block->type == BLOCK_PARAGRAPH ? 0 : (block->type == BLOCK_HEADING ? 4 : 6);
  double h = measure (self, font_of (block->type), block->markup, text_width (self)) + before + 4;
  double keep = block->type == BLOCK_PARAGRAPH ? 0 : KEEP_WITH_NEXT;

  if (!fits (cursor, h + keep))
    new_page (cursor);
  place (cursor, index, 0, 0, h);
}

static void
paginate_table (Cursor *cursor,
                guint   index,
                Block  *block)
{
  CydReport *self = cursor->report;
  guint r = 0;

  measure_table (self, block);
  do
    {
      guint first = r;
      double start = cursor->y;
      double first_height = r < block->rows->len ? g_array_index (block->row_heights, double, r) : 0;

      if (!fits (cursor, block->header_height + first_height))
        new_page (cursor);
      start = cursor->y;
      cursor->y += block->header_height;
      while (r < block->rows->len
             && (r == first || cursor->y + g_array_index (block->row_heights, double, r) <= bottom (self)))
        cursor->y += g_array_index (block->row_heights, double, r++);
      cursor->y = start;
      place (cursor, index, first, r, 0);
      cursor->y = start + block->header_height;
      for (guint i = first; i < r; i++)
        cursor->y += g_array_index (block->row_heights, double, i);
      g_array_index (cursor->page, Placement, cursor->page->len - 1).height = cursor->y - start;
      if (r < block->rows->len)
        new_page (cursor);
    }
  while (r < block->rows->len);
  cursor->y += GAP;
}

/* Fit to page: a drawing takes the text's width, or less when it would be
 * taller than a page, keeping its proportions. */
static void
drawing_size (CydReport *self,
              Block     *block,
              double    *width,
              double    *height)
{
  double scale = text_width (self) / block->natural_width;
  double room = bottom (self) - top (self);

  if (block->natural_height * scale > room)
    scale = room / block->natural_height;
  *width = block->natural_width * scale;
  *height = block->natural_height * scale;
}

static void
paginate_drawing (Cursor *cursor,
                  guint   index,
                  Block  *block)
{
  double width, height;

  drawing_size (cursor->report, block, &width, &height);
  if (!fits (cursor, height))
    new_page (cursor);
  place (cursor, index, 0, 0, height);
  cursor->y += GAP;
}

static void
draw_cells (CydReport *self,
            cairo_t   *cr,
            Block     *block,
            char     **cells,
            double     y)
{
  double x = MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < block->n_columns; c++)
    {
      double w = block->widths[c] * text_width (self);

      show_text (self, cr, FONT_TABLE, cells[c] ? cells[c] : "", x + CELL_PAD_X,
                 y + CELL_PAD_Y, w - 2 * CELL_PAD_X,
                 block->right[c] == 'r' ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      x += w;
    }
}

/* The header row again on every page the table runs on. */
static void
draw_table (CydReport       *self,
            cairo_t         *cr,
            Block           *block,
            const Placement *placement)
{
  double y = placement->y;

  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, MARGIN, y, text_width (self), block->header_height);
  cairo_fill (cr);
  draw_cells (self, cr, block, block->header, y);
  y += block->header_height;

  cairo_set_line_width (cr, 0.5);
  for (guint r = placement->first_row; r < placement->end_row; r++)
    {
      draw_cells (self, cr, block, g_ptr_array_index (block->rows, r), y);
      y += g_array_index (block->row_heights, double, r);
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, MARGIN + text_width (self), y);
      cairo_stroke (cr);
    }
}

static void
draw_drawing (CydReport       *self,
              cairo_t         *cr,
              Block           *block,
              const Placement *placement)
{
  double width, height;
  double scale;

  drawing_size (self, block, &width, &height);
  scale = width / block->natural_width;
  cairo_save (cr);
  cairo_translate (cr, MARGIN + (text_width (self) - width) / 2, placement->y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  if (CYD_IS_CHART (block->source))
    cyd_chart_draw (CYD_CHART (block->source), cr, block->natural_width, block->natural_height);
  else if (CYD_IS_TIMELINE (block->source))
    cyd_timeline_draw (CYD_TIMELINE (block->source), cr,
                       (int) block->natural_width, (int) block->natural_height);
  cairo_restore (cr);
}

static void
draw_block (CydReport       *self,
            cairo_t         *cr,
            const Placement *placement)
{
  Block *block = g_ptr_array_index (self->blocks, placement->block);
  double before;

  switch (block->type)
    {
    case BLOCK_TABLE:
      draw_table (self, cr, block, placement);
      break;
    case BLOCK_DRAWING:
      draw_drawing (self, cr, block, placement);
      break;
    default:
      before = block->type == BLOCK_PARAGRAPH ? 0 : (block->type == BLOCK_HEADING ? 4 : 6);
      cairo_set_source_rgb (cr, 0, 0, 0);
      show_text (self, cr, font_of (block->type), block->markup, MARGIN,
                 placement->y + before, text_width (self), PANGO_ALIGN_LEFT);
      break;
    }
}

/* "Page %u of %u" with its two numbers, whatever order a translation puts
 * them in, without handing a catalogue's text to printf. */
static char *
format_page_number (const char *format,
                    guint       page,
                    guint       n_pages)
{
  GString *out = g_string_new (NULL);
  guint next = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      guint values[2] = { page, n_pages };

      if (p[0] == '%' && p[1] == 'u' && next < 2)
        g_string_append_printf (out, "%u", values[next++]), p++;
      else if (p[0] == '%' && (p[1] == '1' || p[1] == '2') && g_str_has_prefix (p + 2, "$u"))
        g_string_append_printf (out, "%u", values[p[1] - '1']), p += 3;
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
page_number_markup (CydReport *self,
                    guint      page)
{
  /* Translators: the footer of every page of a report. */
  const char *msgid = N_("Page %u of %u");
  g_autofree char *cy = format_page_number (cyd_report_tr (self, NULL, msgid, 1), page + 1, self->pages->len);
  g_autofree char *en = format_page_number (msgid, page + 1, self->pages->len);

  if (self->language == CYD_REPORT_LANGUAGE_EN)
    return g_steal_pointer (&en);
  if (self->language == CYD_REPORT_LANGUAGE_CY)
    return g_steal_pointer (&cy);
  return g_strdup_printf ("%s / %s", cy, en);
}

static void
draw_margins (CydReport *self,
              cairo_t   *cr,
              guint      page)
{
  g_autofree char *name = cyd_report_name (self, self->programme[0], self->programme[1]);
  g_autofree char *heading = g_strdup_printf ("<b>%s</b>", name);
  g_autofree char *date = cyd_report_date (self, self->as_at);
  g_autofree char *title = cyd_report_dup_title (self);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *number = page_number_markup (self, page);
  double w = text_width (self);

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_text (self, cr, FONT_MARGINAL, heading, MARGIN, MARGIN, w * 0.65, PANGO_ALIGN_LEFT);
  show_text (self, cr, FONT_MARGINAL, date, MARGIN + w * 0.5, MARGIN, w * 0.5, PANGO_ALIGN_RIGHT);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MARGIN + HEADER_HEIGHT - 6);
  cairo_line_to (cr, MARGIN + w, MARGIN + HEADER_HEIGHT - 6);
  cairo_stroke (cr);

  show_text (self, cr, FONT_MARGINAL, title_markup, MARGIN, bottom (self) + 6, w * 0.7, PANGO_ALIGN_LEFT);
  show_text (self, cr, FONT_MARGINAL, number, MARGIN + w * 0.5, bottom (self) + 6, w * 0.5, PANGO_ALIGN_RIGHT);
}

static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: a layout measures the same on a PDF page, a printer
   * and a preview at any scale, so pagination holds everywhere. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_destroy (options);
  return context;
}

/* Lays the report out on @paper; returns the number of pages. */
guint
cyd_report_paginate (CydReport *self,
                     CydPaper   paper)
{
  Cursor cursor = { self, NULL, 0 };

  g_return_val_if_fail (CYD_IS_REPORT (self), 0);

  /* Measured with the font map of the thread that lays out and draws:
   * the report may have been filled in another. */
  g_clear_object (&self->pango);
  self->pango = create_pango_context ();
  cyd_paper_get_size (paper, &self->width, &self->height);
  g_ptr_array_set_size (self->pages, 0);
  new_page (&cursor);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      if (block->type == BLOCK_TABLE)
        paginate_table (&cursor, i, block);
      else if (block->type == BLOCK_DRAWING)
        paginate_drawing (&cursor, i, block);
      else
        paginate_text (&cursor, i, block);
    }
  return self->pages->len;
}

/* Draws @page on @cr, whose units are points from the paper's top left
 * corner: a PDF surface's, or a GtkPrintContext's with GTK_UNIT_POINTS and
 * the full page. */
void
cyd_report_draw_page (CydReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  GArray *placements;

  g_return_if_fail (CYD_IS_REPORT (self));
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  pango_cairo_update_context (cr, self->pango);
  draw_margins (self, cr, page);
  for (guint i = 0; i < placements->len; i++)
    draw_block (self, cr, &g_array_index (placements, Placement, i));
  cairo_restore (cr);
}

typedef struct {
  GOutputStream *stream;
  GError        *error;
} PdfSink;

static cairo_status_t
write_pdf_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error == NULL
      && !g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Writes the report to @path as a PDF, private to its owner (it may name
 * people), replacing the file there only when the PDF is complete. */
gboolean
cyd_report_write_pdf (CydReport   *self,
                      CydPaper     paper,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CYD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = cyd_output_open (file, 0, NULL, error);
  if (stream == NULL)
    return FALSE;
  sink.stream = stream;

  n_pages = cyd_report_paginate (self, paper);
  surface = cairo_pdf_surface_create_for_stream (write_pdf_bytes, &sink, self->width, self->height);
  title = cyd_report_dup_title (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cyd " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      cyd_report_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error == NULL && status == CAIRO_STATUS_SUCCESS)
    return cyd_output_close (stream, NULL, error);

  /* The stream's error names the file (once abandoned); cairo's does not. */
  if (sink.error != NULL)
    g_propagate_error (error, sink.error);
  else
    g_set_error (error, CYD_REPORT_ERROR, CYD_REPORT_ERROR_FAILED,
                 _("Could not write %s: %s"), path, cairo_status_to_string (status));
  cyd_output_abandon (stream, error);
  return FALSE;
}
