/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The files Cyd writes for its user (exports, reports, lists) can hold
 * personal data, so each is private to its owner (mode 0600). Each is
 * written beside its destination and put in its place only when it is
 * complete: a failed or cancelled write leaves the old file as it was, or
 * no file where there was none.
 * Failures are told in the user's language, naming the file. */

GOutputStream *cyd_output_open    (GFile          *file,
                                   gsize           buffer_size,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean       cyd_output_close   (GOutputStream  *stream,
                                   GCancellable   *cancellable,
                                   GError        **error);
void           cyd_output_abandon (GOutputStream  *stream,
                                   GError        **error);

G_END_DECLS
