/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* A red/amber/green rating. NONE means "no override" where a rating is
 * optional. */
typedef enum {
  CYD_RAG_NONE,
  CYD_RAG_GREEN,
  CYD_RAG_AMBER,
  CYD_RAG_RED,
} CydRag;

/* Why a milestone has the rating it has, in the order the rules are tried. */
typedef enum {
  CYD_RAG_REASON_DONE,             /* done: never red */
  CYD_RAG_REASON_CANCELLED,        /* cancelled: never red */
  CYD_RAG_REASON_OVERRIDE,         /* set by hand, with a reason */
  CYD_RAG_REASON_OVERDUE,          /* due before the as-at date, not done */
  CYD_RAG_REASON_DEPENDENCY_RED,   /* a dependency is red */
  CYD_RAG_REASON_DUE_SOON,         /* due soon and not started */
  CYD_RAG_REASON_DEPENDENCY_LATE,  /* a dependency is due after it */
  CYD_RAG_REASON_ON_TRACK,
} CydRagReason;

#define CYD_MILESTONE_DUE_SOON_DAYS 14
#define CYD_MILESTONE_NO_CAUSE G_MAXUINT

/* CydMilestonePlan: a programme's milestones and their dependency graph,
 * read in two queries, with each milestone's RAG and at-risk flag computed
 * in one pass over the graph (dependencies before dependants) as at a
 * date. Milestones are addressed by index, 0 … n-1, in order of due date
 * then code. */
#define CYD_TYPE_MILESTONE_PLAN (cyd_milestone_plan_get_type ())
G_DECLARE_FINAL_TYPE (CydMilestonePlan, cyd_milestone_plan, CYD, MILESTONE_PLAN, GObject)

CydMilestonePlan *cyd_milestone_plan_new              (void);
CydMilestonePlan *cyd_milestone_plan_load             (CydStore          *store,
                                                       GError           **error);
guint             cyd_milestone_plan_add              (CydMilestonePlan  *self,
                                                       gint64             id,
                                                       const char        *code,
                                                       const char        *due,
                                                       const char        *status,
                                                       CydRag             override);
void              cyd_milestone_plan_add_dependency   (CydMilestonePlan  *self,
                                                       guint              milestone,
                                                       guint              depends_on);
void              cyd_milestone_plan_set_due          (CydMilestonePlan  *self,
                                                       guint              index,
                                                       const char        *due);
void              cyd_milestone_plan_compute          (CydMilestonePlan  *self,
                                                       const char        *as_at,
                                                       guint              due_soon_days);

guint             cyd_milestone_plan_get_n            (CydMilestonePlan  *self);
guint             cyd_milestone_plan_find             (CydMilestonePlan  *self,
                                                       gint64             id);
guint             cyd_milestone_plan_find_code        (CydMilestonePlan  *self,
                                                       const char        *code);
gint64            cyd_milestone_plan_get_id           (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_code         (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_title        (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_due          (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_completed    (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_status       (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_workstream   (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_owner        (CydMilestonePlan  *self,
                                                       guint              index);
gboolean          cyd_milestone_plan_is_decision      (CydMilestonePlan  *self,
                                                       guint              index);
const char       *cyd_milestone_plan_get_override_reason (CydMilestonePlan *self,
                                                          guint             index);
const guint      *cyd_milestone_plan_get_dependencies (CydMilestonePlan  *self,
                                                       guint              index,
                                                       guint             *n);

CydRag            cyd_milestone_plan_get_rag          (CydMilestonePlan  *self,
                                                       guint              index);
CydRagReason      cyd_milestone_plan_get_reason       (CydMilestonePlan  *self,
                                                       guint              index);
guint             cyd_milestone_plan_get_cause        (CydMilestonePlan  *self,
                                                       guint              index);
gboolean          cyd_milestone_plan_get_at_risk      (CydMilestonePlan  *self,
                                                       guint              index);
guint             cyd_milestone_plan_get_risk_cause   (CydMilestonePlan  *self,
                                                       guint              index);
char             *cyd_milestone_plan_dup_rag_text     (CydMilestonePlan  *self,
                                                       guint              index);
char             *cyd_milestone_plan_dup_risk_text    (CydMilestonePlan  *self,
                                                       guint              index);

GPtrArray        *cyd_milestone_plan_find_cycle       (CydMilestonePlan  *self);
gboolean          cyd_milestone_plan_check_dependencies (CydMilestonePlan *self,
                                                         gint64            id,
                                                         const char       *code,
                                                         const gint64     *depends_on,
                                                         guint             n_depends_on,
                                                         GError          **error);
GPtrArray        *cyd_milestone_plan_slip             (CydMilestonePlan  *self,
                                                       guint              index,
                                                       const char        *new_due);

const char       *cyd_rag_to_string                   (CydRag             rag);
CydRag            cyd_rag_from_string                 (const char        *text);
GHashTable       *cyd_milestone_dup_fields            (CydStore          *store,
                                                       gint64             id,
                                                       GError           **error);
gboolean          cyd_milestone_edit_dependencies     (CydStore          *store,
                                                       CydEdit           *edit,
                                                       gint64             id,
                                                       const gint64      *depends_on,
                                                       guint              n_depends_on,
                                                       GError           **error);
gboolean          cyd_milestone_write_rag_table       (CydStore          *store,
                                                       const char        *as_at,
                                                       guint              due_soon_days,
                                                       GError           **error);

G_END_DECLS
