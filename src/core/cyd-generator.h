/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes a realistic merger programme of @n_staff members of staff as Cyd
 * XML: legacy directorates of two to six councils and the merged one (spans,
 * layers, vacancies, dotted lines), post mappings, budgets for five years,
 * savings, milestones with dependencies, Welsh and English names.
 *
 * The output depends only on @n_staff and @seed. It is streamed: nothing
 * proportional to @n_staff is held in memory. */
gboolean cyd_generate_to_file (const char  *path,
                               guint        n_staff,
                               guint32      seed,
                               GError     **error);

G_END_DECLS
