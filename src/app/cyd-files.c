/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-files.h"

static gboolean
remove_if_present (GFile    *file,
                   gboolean  trash,
                   GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (trash && g_file_trash (file, NULL, &local_error))
    return TRUE;
  if (local_error != NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_clear_error (&local_error);

  /* No trash on this file system (a network share, say): delete. */
  if (g_file_delete (file, NULL, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * cyd_files_make_room:
 * @file: where a new programme file is about to be written
 * @error: return location for a #GError
 *
 * The file chooser has already asked the user before overwriting. Rather
 * than write into another database, move the old file to the trash (or
 * delete it where there is no trash), and drop SQLite's side files with it
 * so they cannot be replayed into the new one. Runs in a worker thread.
 *
 * Returns: %TRUE if nothing is left at @file
 */
gboolean
cyd_files_make_room (GFile   *file,
                     GError **error)
{
  static const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return remove_if_present (file, TRUE, error);

  if (!remove_if_present (file, TRUE, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side_path = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) side = g_file_new_for_path (side_path);

      if (!remove_if_present (side, FALSE, error))
        return FALSE;
    }

  return TRUE;
}
