/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of record a programme holds. Also used as flags in
 * CydStore::changed to say which kinds a write touched. */
typedef enum {
  CYD_KIND_COUNCIL      = 1 << 0,
  CYD_KIND_DIRECTORATE  = 1 << 1,
  CYD_KIND_SERVICE_LINE = 1 << 2,
  CYD_KIND_POST         = 1 << 3,
  CYD_KIND_STAFF        = 1 << 4,
  CYD_KIND_BUDGET       = 1 << 5,
  CYD_KIND_SAVING       = 1 << 6,
  CYD_KIND_MILESTONE    = 1 << 7,
  CYD_KIND_IMPORT_RUN   = 1 << 8,
} CydKind;

#define CYD_N_RECORD_KINDS 8
#define CYD_KIND_ALL 0x1ff

CydKind      cyd_kind_from_index  (guint   index);
const char  *cyd_kind_get_label   (CydKind kind);

/* A value of one of the format's enumerations ("on-track", "red",
 * "slot-in"...) as the user reads it, translated. */
const char  *cyd_enum_to_label    (const char *value);

G_END_DECLS
