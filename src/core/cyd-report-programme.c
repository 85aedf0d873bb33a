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

/* The programme status report: the milestones' figures, by workstream,
 * and those that need the board's attention. */

static char *
status_label (CydReport  *self,
              const char *status)
{
  static const char * const labels[][2] = {
    { "not-started", NC_("milestone status", "Not started") },
    { "in-progress", NC_("milestone status", "In progress") },
    { "done", NC_("milestone status", "Done") },
    { "cancelled", NC_("milestone status", "Cancelled") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (status, labels[i][0]) == 0)
      return cyd_report_label (self, "milestone status", labels[i][1]);
  return g_markup_escape_text (status != NULL ? status : "", -1);
}

static char *
rag_label (CydReport *self,
           CydRag     rag)
{
  static const char * const labels[] = {
    NULL, NC_("RAG", "Green"), NC_("RAG", "Amber"), NC_("RAG", "Red"),
  };
  static const char * const colours[] = { NULL, "#1a7f37", "#b35900", "#c01c28" };
  g_autofree char *text = NULL;

  if (rag == CYD_RAG_NONE)
    return g_strdup ("");
  text = cyd_report_label (self, "RAG", labels[rag]);
  return g_strdup_printf ("<span foreground=\"%s\" weight=\"bold\">■</span> %s", colours[rag], text);
}

static void
begin_milestones (CydReport *self)
{
  static const double widths[] = { 0.1, 0.38, 0.13, 0.15, 0.12, 0.12 };
  static const char * const headers[] = {
    N_("Code"), N_("Title"), N_("Due"), N_("Owner"), N_("Status"), N_("RAG"),
  };

  cyd_report_begin_table (self, G_N_ELEMENTS (widths), widths, "");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    cyd_report_set_header (self, c, cyd_kinds_label (self, headers[c]));
}

static void
add_milestone (CydReport        *self,
               CydMilestonePlan *plan,
               GHashTable       *titles,
               guint             i)
{
  char **row = cyd_kinds_new_row (6);

  row[0] = g_markup_escape_text (cyd_milestone_plan_get_code (plan, i), -1);
  row[1] = cyd_kinds_name_of (self, titles, cyd_milestone_plan_get_id (plan, i));
  row[2] = cyd_report_date (self, cyd_milestone_plan_get_due (plan, i));
  row[3] = g_markup_escape_text (cyd_milestone_plan_get_owner (plan, i) ?: "", -1);
  row[4] = status_label (self, cyd_milestone_plan_get_status (plan, i));
  row[5] = rag_label (self, cyd_milestone_plan_get_rag (plan, i));
  cyd_report_add_row (self, row);
}

static gboolean
is_open (CydMilestonePlan *plan,
         guint             i)
{
  const char *status = cyd_milestone_plan_get_status (plan, i);

  return g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "cancelled") != 0;
}

static gboolean
is_overdue (CydReport        *self,
            CydMilestonePlan *plan,
            guint             i)
{
  return is_open (plan, i)
         && g_strcmp0 (cyd_milestone_plan_get_due (plan, i), cyd_report_get_as_at (self)) < 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GPtrArray *
list_workstreams (CydMilestonePlan *plan)
{
  GPtrArray *streams = g_ptr_array_new ();

  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    {
      const char *ws = cyd_milestone_plan_get_workstream (plan, i);
      gboolean seen = FALSE;

      for (guint s = 0; s < streams->len && !seen; s++)
        seen = g_strcmp0 (g_ptr_array_index (streams, s), ws) == 0;
      if (!seen)
        g_ptr_array_add (streams, (gpointer) ws);
    }
  g_ptr_array_sort (streams, compare_strings);
  return streams;
}

static void
add_programme_figures (CydReport        *self,
                       CydMilestonePlan *plan)
{
  gint64 done = 0, overdue = 0, decisions = 0, rag[4] = { 0 };
  guint n = cyd_milestone_plan_get_n (plan);

  for (guint i = 0; i < n; i++)
    {
      done += g_strcmp0 (cyd_milestone_plan_get_status (plan, i), "done") == 0;
      overdue += is_overdue (self, plan, i);
      decisions += cyd_milestone_plan_is_decision (plan, i) && is_open (plan, i);
      rag[cyd_milestone_plan_get_rag (plan, i)]++;
    }
  cyd_kinds_begin_pairs (self, N_("Measure"), N_("Number"));
  cyd_kinds_add_pair (self, N_("Milestones"), cyd_kinds_count (n));
  cyd_kinds_add_pair (self, N_("Done"), cyd_kinds_count (done));
  cyd_kinds_add_pair (self, N_("Overdue"), cyd_kinds_count (overdue));
  cyd_kinds_add_pair (self, N_("Decisions due"), cyd_kinds_count (decisions));
  for (CydRag r = CYD_RAG_RED; r >= CYD_RAG_GREEN; r--)
    {
      char **row = cyd_kinds_new_row (2);

      row[0] = rag_label (self, r);
      row[1] = cyd_kinds_count (rag[r]);
      cyd_report_add_row (self, row);
    }
}

static void
add_by_workstream (CydReport        *self,
                   CydMilestonePlan *plan,
                   GHashTable       *titles)
{
  g_autoptr(GPtrArray) streams = list_workstreams (plan);

  cyd_kinds_add_subheading (self, N_("Milestones by workstream"));
  for (guint s = 0; s < streams->len; s++)
    {
      const char *ws = g_ptr_array_index (streams, s);
      g_autofree char *name = ws != NULL ? g_markup_escape_text (ws, -1) : cyd_kinds_label (self, N_("No workstream"));
      g_autofree char *bold = g_strdup_printf ("<b>%s</b>", name);

      cyd_report_add_paragraph (self, bold);
      begin_milestones (self);
      for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
        if (g_strcmp0 (cyd_milestone_plan_get_workstream (plan, i), ws) == 0)
          add_milestone (self, plan, titles, i);
    }
}

static void
add_selected (CydReport        *self,
              CydMilestonePlan *plan,
              GHashTable       *titles,
              gboolean          decisions,
              const char       *heading,
              const char       *none)
{
  guint found = 0;

  cyd_kinds_add_subheading (self, heading);
  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    {
      gboolean wanted = decisions ? cyd_milestone_plan_is_decision (plan, i) && is_open (plan, i)
                                  : is_overdue (self, plan, i);

      if (!wanted)
        continue;
      if (found++ == 0)
        begin_milestones (self);
      add_milestone (self, plan, titles, i);
    }
  if (found == 0)
    cyd_kinds_add_note (self, none);
}

gboolean
cyd_report_fill_programme (CydReport  *self,
                           GError    **error)
{
  CydStore *store = cyd_report_get_store (self);
  g_autoptr(CydMilestonePlan) plan = cyd_milestone_plan_load (store, error);
  g_autoptr(GHashTable) titles = NULL;
  g_autoptr(CydTimeline) timeline = NULL;
  int width, height;

  if (plan == NULL)
    return FALSE;
  titles = cyd_kinds_read_names (self, "SELECT id, title_en, title_cy FROM milestone", error);
  if (titles == NULL)
    return FALSE;
  cyd_milestone_plan_compute (plan, cyd_report_get_as_at (self), CYD_MILESTONE_DUE_SOON_DAYS);

  add_programme_figures (self, plan);
  if (cyd_milestone_plan_get_n (plan) == 0)
    {
      cyd_kinds_add_note (self, N_("The programme has no milestones yet."));
      return TRUE;
    }
  timeline = cyd_timeline_new (plan, cyd_report_get_as_at (self));
  cyd_timeline_set_zoom (timeline, CYD_TIMELINE_ZOOM_QUARTER);
  cyd_timeline_get_natural_size (timeline, &width, &height);
  if (width > 0 && height > 0)
    cyd_report_add_drawing (self, G_OBJECT (timeline), width, height);
  add_selected (self, plan, titles, FALSE, N_("Overdue"), N_("Nothing is overdue."));
  add_selected (self, plan, titles, TRUE, N_("Decisions due"), N_("No decisions are due."));
  add_by_workstream (self, plan, titles);
  return TRUE;
}
