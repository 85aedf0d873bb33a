/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"
#include "cyd-record.h"

G_BEGIN_DECLS

/* A GListModel of CydRecord over one kind of record, fetched from SQLite
 * a page at a time as rows are asked for. Search and sort run in SQL.
 *
 * The keys each kind's records carry (every key is also a sort key):
 *
 *   COUNCIL       code name kind population
 *   DIRECTORATE   code name kind council posts staff
 *   SERVICE_LINE  code name parent delivery stage
 *   POST          code title directorate service-line reports-to grade fte
 *                 cost from to holders status
 *   STAFF         employee name given-name family-name employer grade post
 *                 fte salary start left language
 *   BUDGET        year directorate service-line category budget forecast
 *                 actual variance
 *   SAVING        code year directorate service-line description target
 *                 forecast achieved status rag (rag by cyd_saving_rag)
 *   MILESTONE     code title kind workstream owner service-line due
 *                 completed status rag rag-note (rag as rated by
 *                 cyd-milestone; rag-note "override" or "at risk")
 *   IMPORT_RUN    at user file sha256 added changed unchanged left
 *
 * Texts are ready to show: names in the interface language, money as
 * "£1,234.56", dates as "1 April 2014", enumerations translated. */
#define CYD_TYPE_LIST_MODEL (cyd_list_model_get_type ())
G_DECLARE_FINAL_TYPE (CydListModel, cyd_list_model, CYD, LIST_MODEL, GObject)

CydListModel *cyd_list_model_new             (CydStore     *store,
                                              CydKind       kind);
CydKind       cyd_list_model_get_kind        (CydListModel *self);
CydStore     *cyd_list_model_get_store       (CydListModel *self);
const char   *cyd_list_model_get_search      (CydListModel *self);
void          cyd_list_model_set_search      (CydListModel *self,
                                              const char   *search);
void          cyd_list_model_prepare_search  (CydListModel *self);
gboolean      cyd_list_model_is_search_ready (CydListModel *self);
void          cyd_list_model_set_defer_far_pages (CydListModel *self,
                                                  gboolean      defer);
void          cyd_list_model_set_sort        (CydListModel *self,
                                              const char   *key,
                                              gboolean      descending);
gboolean      cyd_list_model_has_sort_key    (CydListModel *self,
                                              const char   *key);
void          cyd_list_model_refresh         (CydListModel *self);
const char   *cyd_list_model_get_as_at       (CydListModel *self);
void          cyd_list_model_set_as_at       (CydListModel *self,
                                              const char   *as_at);
void          cyd_list_model_set_filter      (CydListModel *self,
                                              const char   *key,
                                              const char   *value);
void          cyd_list_model_set_milestone_rating (CydListModel *self,
                                                   const char   *as_at,
                                                   guint         due_soon_days);

/* What a list shows (kind, search, sort, as-at date, filters, milestone
 * rating), copied on the thread that owns the model, to build the same list
 * over another CydStore, such as a worker's. */
typedef struct _CydListState CydListState;

CydListState *cyd_list_model_dup_state       (CydListModel       *self);
CydListModel *cyd_list_model_new_from_state  (CydStore           *store,
                                              const CydListState *state);
CydListModel *cyd_list_model_new_like        (CydStore           *store,
                                              CydListModel       *other);
void          cyd_list_state_free            (CydListState       *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydListState, cyd_list_state_free)

G_END_DECLS
