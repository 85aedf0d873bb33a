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

/**
 * cyd_search_fold_append:
 * @out: where the folded text goes
 * @text: UTF-8 text
 *
 * Appends @text to @out as searches compare it: decomposed, without the
 * marks that sit on letters (the circumflex of â, the diaeresis of ï), case
 * folded. Text that is not valid UTF-8 is folded as ASCII only.
 */
void
cyd_search_fold_append (GString    *out,
                        const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  g_autofree char *folded = NULL;
  gsize start = out->len;

  if (g_str_is_ascii (text) || (decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD)) == NULL)
    {
      g_string_append (out, text);
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
      return;
    }

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  folded = g_utf8_casefold (bare->str, bare->len);
  g_string_append (out, folded);
}

/* Returns: (transfer full): @text folded by cyd_search_fold_append() */
char *
cyd_search_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  cyd_search_fold_append (out, text);
  return g_string_free (out, FALSE);
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, cyd_search_fold (text), -1, g_free);
}

void
cyd_collate_register (sqlite3 *db)
{
  sqlite3_create_collation (db, "cyd_welsh", SQLITE_UTF8, NULL, compare_welsh);
  sqlite3_create_function (db, "cyd_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_function, NULL, NULL);
}
