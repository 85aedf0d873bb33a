/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-id-map-private.h"

#include <string.h>

/* Keys of the table are the ids themselves, so a pointer must hold one. */
G_STATIC_ASSERT (sizeof (gpointer) >= sizeof (gint64));

/* A key goes in the slots while the slots stay within this many for each
 * key held, and a few thousand more. */
#define SLOTS_PER_KEY 4
#define SLOTS_SPARE   4096

void
cyd_id_map_init (CydIdMap *map)
{
  memset (map, 0, sizeof *map);
}

guint
cyd_id_map_size (const CydIdMap *map)
{
  return map->size;
}

/* Grows the slots to @n, and moves the table's keys that now fit into
 * them, so that a key is always where cyd_id_map_lookup() looks. */
static void
grow_slots (CydIdMap *map,
            gsize     n)
{
  GHashTableIter iter;
  gpointer key, value;

  map->slots = g_renew (guint, map->slots, n);
  memset (map->slots + map->n_slots, 0, (n - map->n_slots) * sizeof (guint));
  map->n_slots = n;
  if (map->table == NULL)
    return;
  g_hash_table_iter_init (&iter, map->table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 id = (gint64) (gintptr) key;

      if (id >= 0 && (guint64) id < n)
        {
          map->slots[id] = GPOINTER_TO_UINT (value);
          g_hash_table_iter_remove (&iter);
        }
    }
}

/* Where @key's index is kept, or %NULL when it is in the table. Makes
 * room for it in the slots when @grow and it is close enough. */
static guint *
find_slot (CydIdMap *map,
           gint64    key,
           gboolean  grow)
{
  if (key >= 0 && (guint64) key < map->n_slots)
    return &map->slots[key];
  if (!grow || key < 0 || (guint64) key >= (guint64) SLOTS_PER_KEY * map->size + SLOTS_SPARE)
    return NULL;
  grow_slots (map, MAX ((gsize) key + 1, 2 * map->n_slots));
  return &map->slots[key];
}

/* The index of @key, given in order of insertion: a new key gets the
 * number of keys before it. */
guint
cyd_id_map_insert (CydIdMap *map,
                   gint64    key)
{
  guint *slot = find_slot (map, key, TRUE);
  gpointer value;

  if (slot != NULL)
    {
      if (*slot == 0)
        *slot = ++map->size;
      return *slot - 1;
    }
  if (map->table == NULL)
    map->table = g_hash_table_new (NULL, NULL);
  if (g_hash_table_lookup_extended (map->table, (gpointer) (gintptr) key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;
  g_hash_table_insert (map->table, (gpointer) (gintptr) key, GUINT_TO_POINTER (++map->size));
  return map->size - 1;
}

/* The index of @key, or -1. */
int
cyd_id_map_lookup (CydIdMap *map,
                   gint64    key)
{
  guint *slot = find_slot (map, key, FALSE);

  if (slot != NULL)
    return (int) *slot - 1;
  if (map->table == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (map->table, (gpointer) (gintptr) key)) - 1;
}

void
cyd_id_map_clear (CydIdMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  map->n_slots = 0;
  g_clear_pointer (&map->table, g_hash_table_unref);
  map->size = 0;
}
