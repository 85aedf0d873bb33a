/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Row ids to dense indices, in order of insertion. Row ids are 64-bit
 * integers, mostly small and close together: those are slots of an array
 * (no hashing); the others, keys of a direct hash table. */
typedef struct {
  guint      *slots;     /* id → index + 1, for ids below n_slots; 0: none */
  gsize       n_slots;
  GHashTable *table;     /* the other ids → index + 1 */
  guint       size;
} CydIdMap;

void  cyd_id_map_init   (CydIdMap *map);
guint cyd_id_map_size   (const CydIdMap *map);
guint cyd_id_map_insert (CydIdMap *map,
                         gint64    key);
int   cyd_id_map_lookup (CydIdMap *map,
                         gint64    key);
void  cyd_id_map_clear  (CydIdMap *map);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CydIdMap, cyd_id_map_clear)

G_END_DECLS
