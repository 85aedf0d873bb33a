/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One row of a list, its fields already formatted for display. */
#define CYD_TYPE_RECORD (cyd_record_get_type ())
G_DECLARE_FINAL_TYPE (CydRecord, cyd_record, CYD, RECORD, GObject)

gint64      cyd_record_get_id    (CydRecord  *self);
const char *cyd_record_get_text  (CydRecord  *self,
                                  const char *key);

G_END_DECLS
