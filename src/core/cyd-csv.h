/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* CSV as RFC 4180 writes it, for spreadsheets:
 *
 *  - UTF-8, starting with a byte-order mark (CYD_CSV_BOM): without it Excel
 *    reads a CSV file in the system's legacy code page and mangles "ŵ", "ŷ"
 *    and "£"; LibreOffice and Numbers ignore the mark;
 *  - fields separated by commas, records ended by CRLF;
 *  - a field holding a comma, a double quote, CR or LF is put in double
 *    quotes, and its double quotes are doubled;
 *  - a cell a spreadsheet could run as a formula (one that begins with "=",
 *    "+", "-", "@", a tab or CR) gets an apostrophe in front, so it is shown
 *    as text and nothing runs. A plain number ("-12.50", "+3", "-1,234")
 *    is left as it is, so that negative figures stay figures: a number
 *    cannot run anything. */

#define CYD_CSV_BOM "\xEF\xBB\xBF"

char     *cyd_csv_neutralise  (const char          *text);
void      cyd_csv_append_field (GString            *out,
                                const char         *text);
void      cyd_csv_append_row  (GString             *out,
                               const char * const  *fields,
                               guint                n_fields);
gboolean  cyd_csv_write_row   (GOutputStream       *stream,
                               const char * const  *fields,
                               guint                n_fields,
                               GCancellable        *cancellable,
                               GError             **error);

G_END_DECLS
