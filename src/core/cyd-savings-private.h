/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* "cyd_saving_rag (status, target, forecast, achieved)": cyd_saving_rag()
 * as an SQL function, answering 'red', 'amber', 'green' or NULL (none),
 * so that lists can show and sort by it. CYD_SAVING_RAG_SQL applies it to
 * a saving on table alias v, with its reported forecast. */
#define CYD_SAVING_RAG_SQL \
  "cyd_saving_rag (v.status, v.target, " CYD_SAVING_FORECAST_SQL ", coalesce (v.achieved, 0))"

void cyd_savings_register_sql (sqlite3 *db);

G_END_DECLS
