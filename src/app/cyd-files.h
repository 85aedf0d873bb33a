/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean cyd_files_make_room (GFile   *file,
                              GError **error);

G_END_DECLS
