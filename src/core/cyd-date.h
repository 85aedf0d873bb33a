/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cyd_date_is_valid_iso        (const char *text);
char     *cyd_date_format              (const char *iso);
char     *cyd_date_today_iso           (void);
gboolean  cyd_year_parse               (const char *text,
                                        int        *out_year);
char     *cyd_financial_year_format    (int         year);

G_END_DECLS
