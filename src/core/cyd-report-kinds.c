/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pango.h>

#include "cyd-chart.h"
#include "cyd-milestone.h"
#include "cyd-private.h"
#include "cyd-record.h"
#include "cyd-report-private.h"
#include "cyd-savings.h"
#include "cyd-structure.h"
#include "cyd-timeline.h"
#include "cyd-welsh-gaps.h"

/* The four reports' contents. Every label is marked N_() for the
 * catalogue and looked up in the report's language(s), never in the
 * interface's; names come from their _en and _cy columns. */

char *
cyd_kinds_label (CydReport  *self,
                 const char *msgid)
{
  return cyd_report_label (self, NULL, msgid);
}

char *
cyd_kinds_money (CydMoney pence)
{
  return cyd_money_format (pence);
}

char *
cyd_kinds_count (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

char **
cyd_kinds_new_row (guint n)
{
  return g_new0 (char *, n + 1);
}

void
cyd_kinds_add_pair (CydReport  *self,
                    const char *msgid,
                    char       *value)
{
  char **row = cyd_kinds_new_row (2);

  row[0] = cyd_kinds_label (self, msgid);
  row[1] = value;
  cyd_report_add_row (self, row);
}

void
cyd_kinds_begin_pairs (CydReport  *self,
                       const char *first,
                       const char *second)
{
  static const double widths[] = { 0.6, 0.4 };

  cyd_report_begin_table (self, 2, widths, ".r");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, first));
  cyd_report_set_header (self, 1, cyd_kinds_label (self, second));
}

static char *
as_at_in (CydReport *self,
          guint      language)
{
  /* Translators: under a report's title; %s is a date. */
  const char *format = cyd_report_tr (self, NULL, N_("As at %s"), language);
  g_autofree char *date = cyd_report_date_in (self, language, cyd_report_get_as_at (self));
  g_auto(GStrv) parts = g_strsplit (format, "%s", -1);

  return g_strjoinv (date, parts);
}

static void
add_title (CydReport *self)
{
  g_autofree char *title = cyd_report_dup_title (self);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  g_autofree char *en = as_at_in (self, 0);
  g_autofree char *cy = as_at_in (self, 1);
  g_autofree char *line = NULL;

  if (cyd_report_get_language (self) == CYD_REPORT_LANGUAGE_EN)
    line = g_markup_escape_text (en, -1);
  else if (cyd_report_get_language (self) == CYD_REPORT_LANGUAGE_CY)
    line = g_markup_escape_text (cy, -1);
  else
    line = g_markup_printf_escaped ("%s / %s", cy, en);
  cyd_report_add_heading (self, markup);
  cyd_report_add_paragraph (self, line);
}

void
cyd_kinds_add_note (CydReport  *self,
                    const char *msgid)
{
  g_autofree char *markup = cyd_kinds_label (self, msgid);
  g_autofree char *italic = g_strdup_printf ("<i>%s</i>", markup);

  cyd_report_add_paragraph (self, italic);
}

void
cyd_kinds_add_subheading (CydReport  *self,
                          const char *msgid)
{
  g_autofree char *markup = cyd_kinds_label (self, msgid);

  cyd_report_add_subheading (self, markup);
}

static void
free_pair (gpointer data)
{
  char **pair = data;

  g_free (pair[0]);
  g_free (pair[1]);
  g_free (pair);
}

char *
cyd_kinds_name_of (CydReport  *self,
                   GHashTable *names,
                   gint64      id)
{
  char **pair = g_hash_table_lookup (names, &id);

  return pair != NULL ? cyd_report_name (self, pair[0], pair[1]) : g_strdup ("");
}

static gboolean
read_programme_name (CydReport  *self,
                     GError    **error)
{
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT name_en, name_cy FROM directorate WHERE kind = 'merged'",
                                               error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cyd_report_set_programme (self, cyd_stmt_text (stmt, 0), cyd_stmt_text (stmt, 1));
  else
    {
      g_autofree char *title = cyd_store_dup_title (store);
      cyd_report_set_programme (self, title, title);
    }
  return TRUE;
}

/* Names by id from one of the bilingual tables: id → char *[2] (en, cy). */
GHashTable *
cyd_kinds_read_names (CydReport  *self,
                      const char *sql,
                      GError    **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, free_pair);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (cyd_report_get_store (self), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **pair = cyd_kinds_new_row (2);

      pair[0] = g_strdup (cyd_stmt_text (stmt, 1));
      pair[1] = g_strdup (cyd_stmt_text (stmt, 2));
      g_hash_table_insert (names, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)), pair);
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (cyd_report_get_store (self), error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* Welsh gaps. */

static const struct {
  const char *kind;
  const char *context_label;
  const char *field;
  const char *sql;
} gap_kinds[] = {
  { "council", NC_("record kind", "Council"), NC_("bilingual field", "Name"),
    "SELECT name_en, name_cy FROM council WHERE id = ?1" },
  { "directorate", NC_("record kind", "Directorate"), NC_("bilingual field", "Name"),
    "SELECT name_en, name_cy FROM directorate WHERE id = ?1" },
  { "service-line", NC_("record kind", "Service line"), NC_("bilingual field", "Name"),
    "SELECT name_en, name_cy FROM service_line WHERE id = ?1" },
  { "post", NC_("record kind", "Post"), NC_("bilingual field", "Title"),
    "SELECT title_en, title_cy FROM post WHERE id = ?1" },
  { "saving", NC_("record kind", "Saving"), NC_("bilingual field", "Description"),
    "SELECT description_en, description_cy FROM saving WHERE id = ?1" },
  { "milestone", NC_("record kind", "Milestone"), NC_("bilingual field", "Title"),
    "SELECT title_en, title_cy FROM milestone WHERE id = ?1" },
};

static gboolean
add_gap (CydReport  *self,
         CydRecord  *record,
         GError    **error)
{
  const char *kind = cyd_record_get_text (record, "kind-id");
  gboolean missing_cy = g_strcmp0 (cyd_record_get_text (record, "missing-code"), "cy") == 0;
  char **row;

  for (guint k = 0; k < G_N_ELEMENTS (gap_kinds); k++)
    {
      g_autoptr(CydStmt) stmt = NULL;

      if (g_strcmp0 (kind, gap_kinds[k].kind) != 0)
        continue;
      stmt = cyd_store_prepare (cyd_report_get_store (self), gap_kinds[k].sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, cyd_record_get_id (record));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return cyd_store_set_sqlite_error (cyd_report_get_store (self), error);
      row = cyd_kinds_new_row (5);
      row[0] = cyd_report_label (self, "record kind", gap_kinds[k].context_label);
      row[1] = g_markup_escape_text (cyd_record_get_text (record, "code") ?: "", -1);
      row[2] = cyd_report_label (self, "bilingual field", gap_kinds[k].field);
      row[3] = cyd_report_label (self, "language", missing_cy ? NC_("language", "Welsh") : NC_("language", "English"));
      row[4] = g_markup_escape_text (cyd_stmt_text (stmt, missing_cy ? 0 : 1) ?: "", -1);
      cyd_report_add_row (self, row);
    }
  return TRUE;
}

static gboolean
fill_welsh_gaps (CydReport  *self,
                 GError    **error)
{
  static const double widths[] = { 0.14, 0.12, 0.12, 0.12, 0.5 };
  static const char * const headers[] = {
    N_("Record"), N_("Code"), N_("Field"), N_("Missing in"), N_("Text it has"),
  };
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(CydWelshGaps) gaps = cyd_welsh_gaps_new (store);
  guint missing_cy = 0, missing_en = 0, n;

  if (!cyd_welsh_gaps_count (store, &missing_cy, &missing_en, error))
    return FALSE;
  cyd_kinds_begin_pairs (self, N_("Measure"), N_("Number"));
  cyd_kinds_add_pair (self, N_("Texts without Welsh"), cyd_kinds_count (missing_cy));
  cyd_kinds_add_pair (self, N_("Texts without English"), cyd_kinds_count (missing_en));

  n = g_list_model_get_n_items (G_LIST_MODEL (gaps));
  if (n == 0)
    {
      cyd_kinds_add_note (self, N_("Every name, title and description is held in both languages."));
      return TRUE;
    }
  cyd_report_begin_table (self, G_N_ELEMENTS (widths), widths, "");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    cyd_report_set_header (self, c, cyd_kinds_label (self, headers[c]));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (gaps), i);

      if (!add_gap (self, record, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
cyd_report_fill (CydReport  *self,
                 GError    **error)
{
  if (!read_programme_name (self, error))
    return FALSE;
  add_title (self);
  switch (cyd_report_get_kind (self))
    {
    case CYD_REPORT_PROGRAMME:  return cyd_report_fill_programme (self, error);
    case CYD_REPORT_STRUCTURE:  return cyd_report_fill_structure (self, error);
    case CYD_REPORT_BUDGET:     return cyd_report_fill_budget (self, error);
    case CYD_REPORT_WELSH_GAPS: return fill_welsh_gaps (self, error);
    default:                    g_return_val_if_reached (FALSE);
    }
}
