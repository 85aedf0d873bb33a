/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* "cyd_welsh": Welsh alphabetical order (ch, dd, ff, ng, ll, ph, rh and th
 * are letters), by glibc's cy_GB collation, case folded first. */
int  cyd_collate_welsh           (const char *a,
                                  const char *b);
void cyd_collate_register        (sqlite3    *db);

G_END_DECLS
