/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-report"

#include "config.h"

#include "cyd-report.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cyd-chart.h"
#include "cyd-date.h"
#include "cyd-report-layout.h"
#include "cyd-timeline.h"

G_DEFINE_FINAL_TYPE (CydReport, cyd_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (cyd-report-error-quark, cyd_report_error)

static const char * const kind_names[CYD_REPORT_N_KINDS] = {
  "programme", "structure", "budget", "welsh-gaps",
};

static const char * const paper_names[CYD_N_PAPERS] = {
  "a4", "a4-landscape", "a3-landscape",
};

static void
block_free (Block *block)
{
  g_free (block->markup);
  g_free (block->widths);
  g_free (block->right);
  if (block->header != NULL)
    for (guint i = 0; i < block->n_columns; i++)
      g_free (block->header[i]);
  g_free (block->header);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->row_heights, g_array_unref);
  g_clear_object (&block->source);
  g_free (block);
}

static void
free_row (gpointer data)
{
  g_strfreev (data);
}

static Block *
add_block (CydReport *self,
           BlockType  type,
           const char *markup)
{
  Block *block = g_new0 (Block, 1);

  block->type = type;
  block->markup = g_strdup (markup);
  g_ptr_array_add (self->blocks, block);
  self->table = NULL;
  return block;
}

static void
cyd_report_finalize (GObject *object)
{
  CydReport *self = (CydReport *) object;

  g_clear_object (&self->store);
  g_free (self->as_at);
  g_free (self->programme[0]);
  g_free (self->programme[1]);
  g_clear_pointer (&self->catalogues[0], cyd_catalogue_free);
  g_clear_pointer (&self->catalogues[1], cyd_catalogue_free);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_clear_object (&self->pango);

  G_OBJECT_CLASS (cyd_report_parent_class)->finalize (object);
}

static void
cyd_report_class_init (CydReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cyd_report_finalize;
}

static void
cyd_report_init (CydReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
}

/* Filling, for the report kinds (cyd-report-private.h). */

/* @msgid in English (@language 0) or Welsh (1). */
const char *
cyd_report_tr (CydReport  *self,
               const char *context,
               const char *msgid,
               guint       language)
{
  if (language == 0)
    return msgid;
  return cyd_catalogue_lookup (self->catalogues[1], context, msgid);
}

/* A label as markup: "Cerrig milltir / Milestones" in both languages. */
char *
cyd_report_label (CydReport  *self,
                  const char *context,
                  const char *msgid)
{
  const char *cy = cyd_report_tr (self, context, msgid, 1);

  switch (self->language)
    {
    case CYD_REPORT_LANGUAGE_EN:
      return g_markup_escape_text (msgid, -1);
    case CYD_REPORT_LANGUAGE_CY:
      return g_markup_escape_text (cy, -1);
    default:
      if (g_str_equal (cy, msgid))
        return g_markup_escape_text (msgid, -1);
      return g_markup_printf_escaped ("%s / %s", cy, msgid);
    }
}

static char *
name_in (CydReport  *self,
         guint       language,
         const char *mine,
         const char *other)
{
  /* Translators: a name shown in English because it has no Welsh yet. */
  const char *in_english = N_("%s [English]");
  /* Translators: a name shown in Welsh because it has no English yet. */
  const char *in_welsh = N_("%s [Welsh]");
  const char *marker;

  if (mine != NULL && *mine != '\0')
    return g_markup_escape_text (mine, -1);
  if (other == NULL || *other == '\0')
    return g_strdup ("");
  marker = language == 0 ? in_welsh : cyd_report_tr (self, NULL, in_english, 1);
  if (strstr (marker, "%s") == NULL)
    return g_markup_escape_text (other, -1);
  {
    g_auto(GStrv) parts = g_strsplit (marker, "%s", 2);
    return g_markup_printf_escaped ("%s%s%s", parts[0], other, parts[1]);
  }
}

/* A record's name as markup: Welsh above English in both languages. A
 * missing one is never filled silently by the other. */
char *
cyd_report_name (CydReport  *self,
                 const char *en,
                 const char *cy)
{
  g_autofree char *in_en = NULL;
  g_autofree char *in_cy = NULL;

  switch (self->language)
    {
    case CYD_REPORT_LANGUAGE_EN:
      return name_in (self, 0, en, cy);
    case CYD_REPORT_LANGUAGE_CY:
      return name_in (self, 1, cy, en);
    default:
      if (cy == NULL || en == NULL || g_strcmp0 (cy, en) == 0)
        return name_in (self, 1, cy, en);
      in_cy = g_markup_escape_text (cy, -1);
      in_en = g_markup_escape_text (en, -1);
      return g_strdup_printf ("%s\n<span foreground=\"#555555\">%s</span>", in_cy, in_en);
    }
}

/* A date as markup: "1 Ebrill 2024 / 1 April 2024" in both languages. */
char *
cyd_report_date (CydReport  *self,
                 const char *iso)
{
  g_autofree char *en = cyd_catalogue_format_date (self->catalogues[0], iso);
  g_autofree char *cy = cyd_catalogue_format_date (self->catalogues[1], iso);

  if (iso == NULL)
    return g_strdup ("");
  if (self->language == CYD_REPORT_LANGUAGE_EN)
    return g_markup_escape_text (en, -1);
  if (self->language == CYD_REPORT_LANGUAGE_CY || g_str_equal (en, cy))
    return g_markup_escape_text (cy, -1);
  return g_markup_printf_escaped ("%s / %s", cy, en);
}

/* A date as plain text in English (@language 0) or Welsh (1). */
char *
cyd_report_date_in (CydReport  *self,
                    guint       language,
                    const char *iso)
{
  return cyd_catalogue_format_date (self->catalogues[language ? 1 : 0], iso);
}

CydReportLanguage
cyd_report_get_language (CydReport *self)
{
  return self->language;
}

CydStore *
cyd_report_get_store (CydReport *self)
{
  return self->store;
}

const char *
cyd_report_get_as_at (CydReport *self)
{
  return self->as_at;
}

gboolean
cyd_report_get_names (CydReport *self)
{
  return self->names;
}

void
cyd_report_set_programme (CydReport  *self,
                          const char *en,
                          const char *cy)
{
  g_free (self->programme[0]);
  g_free (self->programme[1]);
  self->programme[0] = g_strdup (en);
  self->programme[1] = g_strdup (cy);
}

void
cyd_report_add_heading (CydReport  *self,
                        const char *markup)
{
  add_block (self, BLOCK_HEADING, markup);
}

void
cyd_report_add_subheading (CydReport  *self,
                           const char *markup)
{
  add_block (self, BLOCK_SUBHEADING, markup);
}

void
cyd_report_add_paragraph (CydReport  *self,
                          const char *markup)
{
  add_block (self, BLOCK_PARAGRAPH, markup);
}

/* Starts a table of @n_columns, @widths in fractions of the page's text
 * width, @right_aligned a string with 'r' for each right-aligned column. */
void
cyd_report_begin_table (CydReport    *self,
                        guint         n_columns,
                        const double *widths,
                        const char   *right_aligned)
{
  Block *block = add_block (self, BLOCK_TABLE, NULL);

  block->n_columns = n_columns;
  block->widths = g_memdup2 (widths, n_columns * sizeof (double));
  block->right = g_strnfill (n_columns, '.');
  for (guint c = 0; c < n_columns && right_aligned[c] != '\0'; c++)
    block->right[c] = right_aligned[c];
  block->header = g_new0 (char *, n_columns + 1);
  block->rows = g_ptr_array_new_with_free_func (free_row);
  self->table = block;
}

/* Takes @markup. */
void
cyd_report_set_header (CydReport *self,
                       guint      column,
                       char      *markup)
{
  g_return_if_fail (self->table != NULL && column < self->table->n_columns);

  g_free (self->table->header[column]);
  self->table->header[column] = g_strdup_printf ("<b>%s</b>", markup);
  g_free (markup);
}

/* Takes @cells, n_columns markups and a %NULL. */
void
cyd_report_add_row (CydReport  *self,
                    char      **cells)
{
  g_return_if_fail (self->table != NULL);

  g_ptr_array_add (self->table->rows, cells);
}

/* A chart or timeline, drawn at its natural size and scaled to fit. */
void
cyd_report_add_drawing (CydReport *self,
                        GObject   *source,
                        double     natural_width,
                        double     natural_height)
{
  Block *block;

  g_return_if_fail (natural_width > 0 && natural_height > 0);

  block = add_block (self, BLOCK_DRAWING, NULL);
  block->source = g_object_ref (source);
  block->natural_width = natural_width;
  block->natural_height = natural_height;
}

/* Public API. */

const char *
cyd_report_kind_to_string (CydReportKind kind)
{
  g_return_val_if_fail (kind < CYD_REPORT_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
cyd_report_kind_from_string (const char    *text,
                             CydReportKind *out)
{
  for (guint i = 0; i < CYD_REPORT_N_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* The kind's name in the interface language. */
const char *
cyd_report_kind_get_label (CydReportKind kind)
{
  switch (kind)
    {
    case CYD_REPORT_PROGRAMME:  return _("Programme status");
    case CYD_REPORT_STRUCTURE:  return _("Structure comparison");
    case CYD_REPORT_BUDGET:     return _("Budget and savings");
    case CYD_REPORT_WELSH_GAPS: return _("Welsh gaps");
    default:                    g_return_val_if_reached ("");
    }
}

gboolean
cyd_report_language_from_string (const char        *text,
                                 CydReportLanguage *out)
{
  static const char * const names[] = { "en", "cy", "both" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cyd_paper_from_string (const char *text,
                       CydPaper   *out)
{
  for (guint i = 0; i < CYD_N_PAPERS; i++)
    if (g_strcmp0 (text, paper_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* The paper's size in points. */
void
cyd_paper_get_size (CydPaper  paper,
                    double   *width,
                    double   *height)
{
  double a4_w = 210 * MM, a4_h = 297 * MM;

  switch (paper)
    {
    case CYD_PAPER_A4_LANDSCAPE:
      *width = a4_h, *height = a4_w;
      break;
    case CYD_PAPER_A3_LANDSCAPE:
      *width = 420 * MM, *height = a4_h;
      break;
    default:
      *width = a4_w, *height = a4_h;
      break;
    }
}

/* Reads everything the report shows from @store, now: the report can then
 * be laid out and drawn in another thread than the store's. */
CydReport *
cyd_report_new (CydStore          *store,
                CydReportKind      kind,
                CydReportLanguage  language,
                const char        *as_at,
                gboolean           names,
                GError           **error)
{
  g_autoptr(CydReport) self = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < CYD_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (as_at == NULL || cyd_date_is_valid_iso (as_at), NULL);

  self = g_object_new (CYD_TYPE_REPORT, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  self->language = language;
  self->as_at = as_at != NULL ? g_strdup (as_at) : cyd_date_today_iso ();
  self->names = names;
  self->catalogues[0] = cyd_catalogue_load ("en");
  self->catalogues[1] = cyd_catalogue_load ("cy");

  if (!cyd_report_fill (self, error))
    return NULL;
  g_clear_object (&self->store);
  return g_steal_pointer (&self);
}

CydReportKind
cyd_report_get_kind (CydReport *self)
{
  g_return_val_if_fail (CYD_IS_REPORT (self), 0);

  return self->kind;
}

/* The report's title in its language(s), as plain text. */
char *
cyd_report_dup_title (CydReport *self)
{
  static const char * const titles[CYD_REPORT_N_KINDS] = {
    N_("Programme status"), N_("Structure comparison"),
    N_("Budget and savings"), N_("Welsh gaps"),
  };
  const char *en = titles[self->kind];
  const char *cy = cyd_report_tr (self, NULL, en, 1);

  g_return_val_if_fail (CYD_IS_REPORT (self), NULL);

  if (self->language == CYD_REPORT_LANGUAGE_EN)
    return g_strdup (en);
  if (self->language == CYD_REPORT_LANGUAGE_CY || g_str_equal (cy, en))
    return g_strdup (cy);
  return g_strdup_printf ("%s / %s", cy, en);
}
