/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* "cyd_welsh": Welsh alphabetical order (ch, dd, ff, ng, ll, ph, rh and th
 * are letters), by ICU's Welsh collation, ignoring case; texts equal in
 * Welsh are ordered by their bytes. */
int  cyd_collate_welsh           (const char *a,
                                  const char *b);
void cyd_collate_register        (sqlite3    *db);

/* Text as searches compare it: accents dropped and case folded, so "sian"
 * finds Siân and "SIÂN" finds Sian. Also the SQL function cyd_fold(). */
void  cyd_search_fold_append     (GString    *out,
                                  const char *text);
char *cyd_search_fold            (const char *text);

G_END_DECLS
