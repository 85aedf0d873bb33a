/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* A list's rows in display order, each with the text a search looks in:
 * typing into a search box then filters in memory instead of asking SQLite
 * to scan and sort the whole table again at every key. */
typedef struct _CydListIndex CydListIndex;

/* A parameter of the index's query: its number and its text. */
typedef struct {
  int   index;
  char *text;
} CydListIndexParam;

CydListIndex *cyd_list_index_build    (CydStore           *store,
                                       const char         *sql,
                                       GArray             *params,
                                       GCancellable       *cancellable,
                                       GError            **error);
void          cyd_list_index_free     (CydListIndex       *self);
guint         cyd_list_index_get_size (CydListIndex       *self);
gint64        cyd_list_index_get_id   (CydListIndex       *self,
                                       guint               position);
gboolean      cyd_list_index_can_search (const char       *search);
GArray       *cyd_list_index_search   (CydListIndex       *self,
                                       const char         *search,
                                       GArray             *within);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydListIndex, cyd_list_index_free)

G_END_DECLS
