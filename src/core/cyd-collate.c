/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include "cyd-collate.h"

#include <locale.h>
#include <string.h>

/* A locale object of its own: the process locale is never touched. When
 * cy_GB.UTF-8 is not installed, the fallback is GLib's collation of the
 * current locale. */
static locale_t
welsh_locale (void)
{
  static locale_t locale;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      locale = newlocale (LC_COLLATE_MASK, "cy_GB.UTF-8", (locale_t) 0);
      if (locale == (locale_t) 0)
        g_debug ("cy_GB.UTF-8 is not installed: Welsh order falls back to the current locale");
      g_once_init_leave (&initialised, 1);
    }
  return locale;
}

int
cyd_collate_welsh (const char *a,
                   const char *b)
{
  locale_t locale = welsh_locale ();
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  int cmp;

  if (locale == (locale_t) 0)
    cmp = g_utf8_collate (fa, fb);
  else
    cmp = strcoll_l (fa, fb, locale);
  /* Equal under the locale but not the same bytes: keep the order total. */
  return cmp != 0 ? cmp : strcmp (a, b);
}

static int
compare_welsh (void       *data,
               int         len_a,
               const void *a,
               int         len_b,
               const void *b)
{
  g_autofree char *sa = g_strndup (a, len_a);
  g_autofree char *sb = g_strndup (b, len_b);

  return cyd_collate_welsh (sa, sb);
}

void
cyd_collate_register (sqlite3 *db)
{
  sqlite3_create_collation (db, "cyd_welsh", SQLITE_UTF8, NULL, compare_welsh);
}
