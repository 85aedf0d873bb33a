/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-output"

#include "config.h"

#include "cyd-output.h"

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

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  file_stream = g_file_replace (file, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                cancellable, error);
  if (file_stream == NULL)
    return NULL;

  if (buffer_size > 0)
    return g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), buffer_size);
  return g_buffered_output_stream_new (G_OUTPUT_STREAM (file_stream));
}

/* Writes what is buffered and puts the file in place of its destination. */
gboolean
cyd_output_close (GOutputStream  *stream,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return g_output_stream_close (stream, cancellable, error);
}

/* Removes the unfinished file and leaves the destination as it was. */
void
cyd_output_abandon (GOutputStream *stream)
{
  g_autoptr(GCancellable) abandon = NULL;

  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  if (g_output_stream_is_closed (stream))
    return;

  /* GIO removes a replacement file closed with a cancelled cancellable. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (stream, abandon, NULL);
}
