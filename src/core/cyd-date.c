/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-date"

#include "config.h"

#include "cyd-date.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

static gboolean
parse_iso (const char *text,
           GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      gboolean dash = (i == 4 || i == 7);
      if (dash ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* "2014-04-01" and a real calendar date. */
gboolean
cyd_date_is_valid_iso (const char *text)
{
  GDate date;

  return parse_iso (text, &date);
}

/* "1 April 2014" in English, "1 Ebrill 2014" in Welsh. */
char *
cyd_date_format (const char *iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!parse_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date), 0, 0, 0);
  /* Translators: a full date as g_date_time_format() writes it, e.g. "1 April 2014". */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char *
cyd_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A financial year by its first calendar year, 1900–2200. */
gboolean
cyd_year_parse (const char *text,
                int        *out_year)
{
  int year = 0;

  if (text == NULL || strlen (text) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      year = year * 10 + (text[i] - '0');
    }
  if (year < 1900 || year > 2200)
    return FALSE;
  *out_year = year;
  return TRUE;
}

/* 2013 → "2013/14". */
char *
cyd_financial_year_format (int year)
{
  return g_strdup_printf ("%d/%02d", year, (year + 1) % 100);
}
