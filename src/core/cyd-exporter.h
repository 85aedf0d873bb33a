/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

gboolean cyd_export_to_stream (CydStore      *store,
                               GOutputStream *stream,
                               GCancellable  *cancellable,
                               GError       **error);
gboolean cyd_export_to_file   (CydStore      *store,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
