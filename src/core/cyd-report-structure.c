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

/* The structure comparison report: the structures compared, how posts
 * were mapped, and the staff at risk. */

static char *
signed_count (gint64 n)
{
  return n > 0 ? g_strdup_printf ("+%" G_GINT64_FORMAT, n) : cyd_kinds_count (n);
}

static char *
fte (CydFte value)
{
  if (value < 0)
    {
      g_autofree char *magnitude = cyd_fte_to_string (-value);
      return g_strconcat ("−", magnitude, NULL);
    }
  return cyd_fte_to_string (value);
}

static char *
median (gint64 x2)
{
  return x2 % 2 == 0 ? cyd_kinds_count (x2 / 2) : g_strdup_printf ("%" G_GINT64_FORMAT ".5", x2 / 2);
}

typedef enum { FIGURE_COUNT, FIGURE_FTE, FIGURE_MONEY, FIGURE_MEDIAN } FigureType;

static char *
figure (FigureType type,
        gint64     value,
        gboolean   difference)
{
  switch (type)
    {
    case FIGURE_FTE:    return fte (value);
    case FIGURE_MONEY:  return cyd_kinds_money (value);
    case FIGURE_MEDIAN: return median (value);
    default:            return difference ? signed_count (value) : cyd_kinds_count (value);
    }
}

static void
add_comparison (CydReport                    *self,
                const CydStructureComparison *cmp)
{
#define FIELD(f) G_STRUCT_OFFSET (CydStructureMetrics, f)
  static const struct { const char *label; gsize offset; FigureType type; } rows[] = {
    { N_("Posts"), FIELD (posts), FIGURE_COUNT },
    { N_("Filled posts"), FIELD (filled), FIGURE_COUNT },
    { N_("Vacant posts"), FIELD (vacant), FIGURE_COUNT },
    { N_("Headcount"), FIELD (headcount), FIGURE_COUNT },
    { N_("Establishment FTE"), FIELD (establishment_fte), FIGURE_FTE },
    { N_("Staff FTE"), FIELD (staff_fte), FIGURE_FTE },
    { N_("Establishment cost"), FIELD (establishment_cost), FIGURE_MONEY },
    { N_("Staff cost"), FIELD (staff_cost), FIGURE_MONEY },
    { N_("Managers"), FIELD (managers), FIGURE_COUNT },
    { N_("Layers"), FIELD (layers), FIGURE_COUNT },
    { N_("Smallest span of control"), FIELD (span_min), FIGURE_COUNT },
    { N_("Median span of control"), FIELD (span_median_x2), FIGURE_MEDIAN },
    { N_("Largest span of control"), FIELD (span_max), FIGURE_COUNT },
  };
#undef FIELD
  static const double widths[] = { 0.37, 0.21, 0.21, 0.21 };
  const CydStructureMetrics *columns[] = { &cmp->legacy, &cmp->merged, &cmp->difference };
  g_autofree char *legacy_date = cyd_report_date (self, cmp->legacy_as_at);
  g_autofree char *merged_date = cyd_report_date (self, cmp->merged_as_at);
  g_autofree char *legacy = cyd_kinds_label (self, N_("Legacy, together"));
  g_autofree char *merged = cyd_kinds_label (self, N_("Merged"));

  cyd_report_begin_table (self, 4, widths, ".rrr");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, N_("Measure")));
  cyd_report_set_header (self, 1, g_strdup_printf ("%s\n%s", legacy, legacy_date));
  cyd_report_set_header (self, 2, g_strdup_printf ("%s\n%s", merged, merged_date));
  cyd_report_set_header (self, 3, cyd_kinds_label (self, N_("Difference")));
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      char **row = cyd_kinds_new_row (4);

      row[0] = cyd_kinds_label (self, rows[r].label);
      for (guint c = 0; c < 3; c++)
        {
          gint64 value = G_STRUCT_MEMBER (gint64, columns[c], rows[r].offset);
          row[c + 1] = figure (rows[r].type, value, c == 2);
        }
      cyd_report_add_row (self, row);
    }
}

static void
add_span_bands (CydReport                    *self,
                const CydStructureComparison *cmp)
{
  static const double widths[] = { 0.4, 0.3, 0.3 };

  cyd_kinds_add_subheading (self, N_("Spans of control"));
  cyd_report_begin_table (self, 3, widths, ".rr");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, N_("Direct reports")));
  cyd_report_set_header (self, 1, cyd_kinds_label (self, N_("Legacy managers")));
  cyd_report_set_header (self, 2, cyd_kinds_label (self, N_("Merged managers")));
  for (CydSpanBand b = 0; b < CYD_N_SPAN_BANDS; b++)
    {
      char **row = cyd_kinds_new_row (3);

      row[0] = g_strdup (cyd_span_band_label (b));
      row[1] = cyd_kinds_count (cmp->legacy.span_bands[b]);
      row[2] = cyd_kinds_count (cmp->merged.span_bands[b]);
      cyd_report_add_row (self, row);
    }
}

static gboolean
add_structures (CydReport  *self,
                GError    **error)
{
  static const double widths[] = { 0.34, 0.11, 0.13, 0.18, 0.12, 0.12 };
  static const char * const headers[] = {
    N_("Directorate"), N_("Posts"), N_("Headcount"), N_("Staff cost"), N_("Managers"), N_("Layers"),
  };
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(GPtrArray) structures = cyd_structure_load_all (store, cyd_report_get_as_at (self), error);
  g_autoptr(GHashTable) names = NULL;

  if (structures == NULL)
    return FALSE;
  names = cyd_kinds_read_names (self, "SELECT id, name_en, name_cy FROM directorate", error);
  if (names == NULL)
    return FALSE;

  cyd_kinds_add_subheading (self, N_("Each structure"));
  cyd_report_begin_table (self, G_N_ELEMENTS (widths), widths, ".rrrrr");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    cyd_report_set_header (self, c, cyd_kinds_label (self, headers[c]));
  for (guint i = 0; i < structures->len; i++)
    {
      CydStructure *structure = g_ptr_array_index (structures, i);
      const CydStructureMetrics *m = cyd_structure_get_metrics (structure);
      char **row = cyd_kinds_new_row (6);

      row[0] = cyd_kinds_name_of (self, names, cyd_structure_get_directorate (structure));
      row[1] = cyd_kinds_count (m->posts);
      row[2] = cyd_kinds_count (m->headcount);
      row[3] = cyd_kinds_money (m->staff_cost);
      row[4] = cyd_kinds_count (m->managers);
      row[5] = cyd_kinds_count (m->layers);
      cyd_report_add_row (self, row);
    }
  return TRUE;
}

static char *
method_label (CydReport  *self,
              const char *method)
{
  static const char * const labels[][2] = {
    { "slot-in", NC_("mapping", "Slot-in") },
    { "ring-fenced", NC_("mapping", "Ring-fenced") },
    { "open-competition", NC_("mapping", "Open competition") },
    { "deleted", NC_("mapping", "Deleted") },
    { "tupe", NC_("mapping", "TUPE transfer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (method, labels[i][0]) == 0)
      return cyd_report_label (self, "mapping", labels[i][1]);
  return g_markup_escape_text (method != NULL ? method : "", -1);
}

static gboolean
add_mappings (CydReport  *self,
              GError    **error)
{
  static const double widths[] = { 0.5, 0.25, 0.25 };
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT method, count (DISTINCT post_id),"
                                               " count (DISTINCT CASE WHEN effective <= ?1 THEN post_id END)"
                                               " FROM post_mapping GROUP BY method ORDER BY method",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cyd_report_get_as_at (self), -1, SQLITE_TRANSIENT);
  cyd_kinds_add_subheading (self, N_("Mapping outcomes"));
  cyd_report_begin_table (self, 3, widths, ".rr");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, N_("Outcome")));
  cyd_report_set_header (self, 1, cyd_kinds_label (self, N_("Legacy posts")));
  cyd_report_set_header (self, 2, cyd_kinds_label (self, N_("In force by the date")));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = cyd_kinds_new_row (3);

      row[0] = method_label (self, cyd_stmt_text (stmt, 0));
      row[1] = cyd_kinds_count (sqlite3_column_int64 (stmt, 1));
      row[2] = cyd_kinds_count (sqlite3_column_int64 (stmt, 2));
      cyd_report_add_row (self, row);
    }
  return rc == SQLITE_DONE || cyd_store_set_sqlite_error (store, error);
}

static gboolean
add_at_risk (CydReport  *self,
             GError    **error)
{
  static const double widths[] = { 0.14, 0.26, 0.36, 0.24 };
  g_autoptr(GListModel) at_risk = cyd_structure_list_at_risk (cyd_report_get_store (self),
                                                              cyd_report_get_as_at (self), error);
  guint n;

  if (at_risk == NULL)
    return FALSE;
  n = g_list_model_get_n_items (at_risk);
  cyd_kinds_add_subheading (self, N_("Staff at risk"));
  cyd_kinds_begin_pairs (self, N_("Measure"), N_("Number"));
  cyd_kinds_add_pair (self, N_("Staff at risk"), cyd_kinds_count (n));
  if (!cyd_report_get_names (self) || n == 0)
    return TRUE;

  /* Names only when asked for: they are personal data. */
  cyd_report_begin_table (self, 4, widths, "");
  cyd_report_set_header (self, 0, cyd_kinds_label (self, N_("Employee")));
  cyd_report_set_header (self, 1, cyd_kinds_label (self, N_("Name")));
  cyd_report_set_header (self, 2, cyd_kinds_label (self, N_("Post")));
  cyd_report_set_header (self, 3, cyd_kinds_label (self, N_("Mapping")));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (at_risk, i);
      char **row = cyd_kinds_new_row (4);

      row[0] = g_markup_escape_text (cyd_record_get_text (record, "employee") ?: "", -1);
      row[1] = g_markup_escape_text (cyd_record_get_text (record, "name") ?: "", -1);
      row[2] = g_markup_escape_text (cyd_record_get_text (record, "post") ?: "", -1);
      row[3] = g_markup_escape_text (cyd_record_get_text (record, "method") ?: "", -1);
      cyd_report_add_row (self, row);
    }
  return TRUE;
}

gboolean
cyd_report_fill_structure (CydReport  *self,
                           GError    **error)
{
  CydStructureComparison cmp;

  if (!cyd_structure_compare (cyd_report_get_store (self), cyd_report_get_as_at (self), &cmp, error))
    return FALSE;
  cyd_kinds_add_note (self, N_("The legacy structures are taken together as they stood the day before the merged structure began."));
  add_comparison (self, &cmp);
  add_span_bands (self, &cmp);
  return add_structures (self, error) && add_mappings (self, error) && add_at_risk (self, error);
}
