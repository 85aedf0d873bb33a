/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money is whole pence; FTE is ten-thousandths of a full-time post. */
typedef gint64 CydMoney;
typedef gint64 CydFte;

#define CYD_MONEY_LIMIT G_GINT64_CONSTANT (1000000000000000) /* 10^13 pounds, in pence */
#define CYD_FTE_ONE     10000

/* Room for any amount or FTE in the interchange form, with its NUL. */
#define CYD_NUMBER_SIZE 32

gboolean  cyd_money_parse          (const char *text,
                                    CydMoney   *out_pence);
gboolean  cyd_money_parse_display  (const char *text,
                                    CydMoney   *out_pence);
char     *cyd_money_to_string      (CydMoney    pence);
void      cyd_money_write          (CydMoney    pence,
                                    char       *buf);
char     *cyd_money_format         (CydMoney    pence);
char     *cyd_money_format_compact (CydMoney    pence);

gboolean  cyd_fte_parse            (const char *text,
                                    CydFte     *out_fte);
char     *cyd_fte_to_string        (CydFte      fte);
void      cyd_fte_write            (CydFte      fte,
                                    char       *buf);
char     *cyd_fte_format           (CydFte      fte);

G_END_DECLS
