/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-csv"

#include "config.h"

#include "cyd-csv.h"

#include <string.h>

/* "-12.50", "+3", "1,234", "-0.5": an optional sign, digits (with
 * thousands commas), an optional decimal part. */
static gboolean
is_plain_number (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p) || (*p == ',' && digits))
    {
      digits = TRUE;
      p++;
    }
  if (!digits || p[-1] == ',')
    return FALSE;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
needs_neutralising (const char *text)
{
  if (text[0] == '\0' || strchr ("=+-@\t\r", text[0]) == NULL)
    return FALSE;
  return !is_plain_number (text);
}

static gboolean
needs_quotes (const char *text)
{
  return strpbrk (text, ",\"\r\n") != NULL;
}

/* The text as a spreadsheet should show it, never run it. */
char *
cyd_csv_neutralise (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (needs_neutralising (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

void
cyd_csv_append_field (GString    *out,
                      const char *text)
{
  g_autofree char *safe = NULL;

  g_return_if_fail (out != NULL);

  safe = cyd_csv_neutralise (text != NULL ? text : "");
  if (!needs_quotes (safe))
    {
      g_string_append (out, safe);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cyd_csv_append_row (GString            *out,
                    const char * const *fields,
                    guint               n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      cyd_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

gboolean
cyd_csv_write_row (GOutputStream       *stream,
                   const char * const  *fields,
                   guint                n_fields,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  cyd_csv_append_row (line, fields, n_fields);
  return g_output_stream_write_all (stream, line->str, line->len, NULL,
                                    cancellable, error);
}
