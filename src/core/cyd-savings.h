/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-milestone.h"
#include "cyd-money.h"
#include "cyd-store.h"

G_BEGIN_DECLS

/* The savings tracker. A saving's figures as councils report them:
 *
 *   target    what the saving promised;
 *   forecast  what it is now expected to deliver: its forecast, else what
 *             it has achieved when its status is "achieved", else its
 *             target (a saving with no forecast is taken at its word);
 *   achieved  what it has delivered so far (none counts as nothing).
 *
 * Dropped savings count in no total but their own status's.
 *
 * The RAG rating of a saving (cyd_saving_rag):
 *   none   dropped;
 *   green  achieved in full (achieved >= target), or expected in full
 *          (forecast >= target) and not at risk;
 *   amber  at risk, or expected to deliver at least 75% of its target;
 *   red    expected to deliver less than 75% of its target.
 * CydRag and cyd_rag_to_string() are the milestones' (cyd-milestone.h). */

typedef enum {
  CYD_SAVING_PLANNED,
  CYD_SAVING_ON_TRACK,
  CYD_SAVING_AT_RISK,
  CYD_SAVING_ACHIEVED,
  CYD_SAVING_DROPPED,
  CYD_SAVING_N_STATUSES
} CydSavingStatus;

typedef struct {
  CydMoney target;
  CydMoney forecast;
  CydMoney achieved;
  guint    count;
} CydSavingsTotals;

typedef struct {
  gint64           service_line_id;   /* 0: no service line */
  char            *name;
  CydSavingsTotals totals;
} CydSavingsLine;

typedef struct {
  CydSavingsTotals  all;                              /* not dropped */
  CydSavingsTotals  by_status[CYD_SAVING_N_STATUSES];
  guint             by_rag[4];
  GPtrArray        *by_service_line;                  /* CydSavingsLine, not dropped */
} CydSavingsSummary;

/* One saving as the tracker lists it; forecast is the reported one. */
typedef struct {
  gint64          id;
  char           *code;
  int             year;
  char           *directorate;
  char           *service_line;   /* "" when none */
  char           *description;
  CydMoney        target;
  CydMoney        forecast;
  CydMoney        achieved;
  CydSavingStatus status;
  CydRag          rag;
} CydSaving;

/* An SQL expression of a saving's reported forecast, on table alias v. */
#define CYD_SAVING_FORECAST_SQL \
  "coalesce (v.forecast, CASE WHEN v.status = 'achieved' THEN v.achieved END, v.target)"

const char        *cyd_saving_status_to_string   (CydSavingStatus status);
gboolean           cyd_saving_status_from_string (const char      *text,
                                                  CydSavingStatus *out);
CydRag             cyd_saving_rag                (CydSavingStatus  status,
                                                  CydMoney         target,
                                                  CydMoney         forecast,
                                                  CydMoney         achieved);
gint64             cyd_savings_share             (CydMoney         part,
                                                  CydMoney         whole,
                                                  gboolean        *has_share);

CydSavingsSummary *cyd_savings_summarise         (CydStore        *store,
                                                  int              year,
                                                  GError         **error);
void               cyd_savings_summary_free      (CydSavingsSummary *summary);
GPtrArray         *cyd_savings_list              (CydStore        *store,
                                                  GError         **error);
void               cyd_saving_free               (CydSaving       *saving);
GHashTable        *cyd_saving_dup_fields         (CydStore        *store,
                                                  gint64           id,
                                                  GError         **error);
gint64             cyd_saving_find_code          (CydStore        *store,
                                                  const char      *code,
                                                  GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydSaving, cyd_saving_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydSavingsSummary, cyd_savings_summary_free)

G_END_DECLS
