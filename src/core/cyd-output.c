/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-output"

#include "config.h"

#include "cyd-output.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define OUTPUT_FILE_KEY "cyd-output-file"
#define OUTPUT_ID_KEY   "cyd-output-id"

/* Rewrites an I/O error about @file as a sentence in the user's language
 * that names the file; GIO's own messages are often untranslated. A
 * cancellation, or an error of another kind, is left as it is. */
static void
explain (GFile   *file,
         GError **error)
{
  g_autofree char *name = NULL;
  const char *reason;
  char *message;

  if (file == NULL || error == NULL || *error == NULL || (*error)->domain != G_IO_ERROR
      || (*error)->code == G_IO_ERROR_CANCELLED)
    return;

  switch ((*error)->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      /* Translators: this and the next reasons end “Could not write “%s”: %s” */
      reason = _("the folder does not exist");
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      reason = _("you do not have permission to write there");
      break;
    case G_IO_ERROR_NO_SPACE:
      reason = _("the disk is full");
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      reason = _("it is a folder");
      break;
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
      reason = _("the name cannot be used there");
      break;
    default:
      /* A file grown past what its file system (or the process) may
       * write, EFBIG, has no code of its own in GIO: only its message,
       * which ends with the system's (after a space, in GLib's Welsh). */
      if (strstr ((*error)->message, g_strerror (EFBIG)) != NULL)
        reason = _("the file would be larger than that disk allows");
      else
        reason = (*error)->message;
      break;
    }

  name = g_file_get_parse_name (file);
  message = g_strdup_printf (_("Could not write “%s”: %s"), name, reason);
  g_free ((*error)->message);
  (*error)->message = message;
}

/* The identity of the file at @file itself (not a link's target), or
 * %NULL where there is none or it cannot be known. */
static char *
dup_file_id (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ID_FILE,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE)) : NULL;
}

/* Removes the unfinished file. GIO removes a replacement it writes beside
 * an existing file when the stream is closed with a cancelled cancellable;
 * but where there was no file to replace, it writes the new one in place,
 * and that one is removed here, if it is still the file the stream wrote
 * (OUTPUT_ID_KEY, set only then). */
static void
discard (GOutputStream *stream)
{
  GFile *file = g_object_get_data (G_OBJECT (stream), OUTPUT_FILE_KEY);
  const char *written = g_object_get_data (G_OBJECT (stream), OUTPUT_ID_KEY);
  g_autofree char *there = NULL;

  if (!g_output_stream_is_closed (stream))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (stream, abandon, NULL);
    }

  if (file == NULL || written == NULL)
    return;
  there = dup_file_id (file);
  if (g_strcmp0 (there, written) == 0)
    g_file_delete (file, NULL, NULL);
}

/**
 * cyd_output_open:
 * @file: where the output goes
 * @buffer_size: the size of the stream's buffer, or 0 for GIO's default
 *
 * Every stream opened must be ended by cyd_output_close() or
 * cyd_output_abandon(): a stream dropped while open is closed by GIO, which
 * would put an incomplete file in place.
 *
 * Returns: (transfer full): a buffered stream into a private file beside
 *   @file, or %NULL with @error set
 */
GOutputStream *
cyd_output_open (GFile         *file,
                 gsize          buffer_size,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GFileInfo) written = NULL;
  g_autofree char *there = NULL;
  const char *id = NULL;
  GOutputStream *stream;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file_stream = g_file_replace (file, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                cancellable, error);
  if (file_stream == NULL)
    {
      explain (file, error);
      return NULL;
    }

  /* Where there was no file to replace, GIO writes @file itself: the
   * stream is then to remove it if it is abandoned. */
  written = g_file_output_stream_query_info (file_stream, G_FILE_ATTRIBUTE_ID_FILE, NULL, NULL);
  there = dup_file_id (file);
  if (written != NULL && there != NULL
      && g_strcmp0 (g_file_info_get_attribute_string (written, G_FILE_ATTRIBUTE_ID_FILE), there) == 0)
    id = there;

  if (buffer_size > 0)
    stream = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), buffer_size);
  else
    stream = g_buffered_output_stream_new (G_OUTPUT_STREAM (file_stream));
  g_object_set_data_full (G_OBJECT (stream), OUTPUT_FILE_KEY, g_object_ref (file), g_object_unref);
  if (id != NULL)
    g_object_set_data_full (G_OBJECT (stream), OUTPUT_ID_KEY, g_strdup (id), g_free);
  return stream;
}

/* Writes what is buffered and puts the file in place of its destination.
 * When that fails, the destination is left as it was. */
gboolean
cyd_output_close (GOutputStream  *stream,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The buffered stream's close would put the file in place even when
   * writing its buffer failed (a full disk): so write it first. */
  if (!g_output_stream_flush (stream, cancellable, error)
      || !g_output_stream_close (stream, cancellable, error))
    {
      discard (stream);
      explain (g_object_get_data (G_OBJECT (stream), OUTPUT_FILE_KEY), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * cyd_output_abandon:
 * @error: (nullable): the error the output failed with, if any: an I/O
 *   error is rewritten to name the file in the user's language
 *
 * Removes the unfinished file and leaves the destination as it was. A
 * stream already closed is left alone: cyd_output_close() has dealt with
 * it, and told its error.
 */
void
cyd_output_abandon (GOutputStream  *stream,
                    GError        **error)
{
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  if (g_output_stream_is_closed (stream))
    return;
  discard (stream);
  explain (g_object_get_data (G_OBJECT (stream), OUTPUT_FILE_KEY), error);
}
