/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-record.h"

G_BEGIN_DECLS

CydRecord *cyd_record_new (gint64     id,
                           GPtrArray *keys,
                           char     **values);

G_END_DECLS
