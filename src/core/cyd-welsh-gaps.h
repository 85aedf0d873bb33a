/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* A GListModel of CydRecord: every record whose name, title or description
 * is held in one language only, fetched from SQLite a page at a time, in
 * the order councils, directorates, service lines, posts, savings,
 * milestones, then by code. The keys each record carries:
 *
 *   kind      the kind of record, translated ("Post")
 *   kind-id   the same, untranslated ("post"), for code
 *   code      the record's code
 *   field     which text is missing, translated ("Title")
 *   missing   the language it is missing in, translated ("Welsh")
 *   missing-code  "cy" or "en"
 *   text      the text it has, marked as the other language when that is
 *             not the interface language ("Social Work [English]")
 *
 * The record's id is the row id in its own table. */
#define CYD_TYPE_WELSH_GAPS (cyd_welsh_gaps_get_type ())
G_DECLARE_FINAL_TYPE (CydWelshGaps, cyd_welsh_gaps, CYD, WELSH_GAPS, GObject)

CydWelshGaps *cyd_welsh_gaps_new          (CydStore      *store);
CydStore     *cyd_welsh_gaps_get_store    (CydWelshGaps  *self);
const char   *cyd_welsh_gaps_get_missing  (CydWelshGaps  *self);
void          cyd_welsh_gaps_set_missing  (CydWelshGaps  *self,
                                           const char    *language);

gboolean      cyd_welsh_gaps_count        (CydStore      *store,
                                           guint         *out_missing_cy,
                                           guint         *out_missing_en,
                                           GError       **error);

G_END_DECLS
