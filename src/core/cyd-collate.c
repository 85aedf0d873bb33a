/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include "cyd-collate.h"

#include <string.h>
#include <unicode/ucol.h>

/* Welsh order comes from ICU's Welsh collation: the same on every machine,
 * whatever locales it has installed, and compared without copying or
 * folding the texts. Strength "secondary": case is ignored, accents are
 * not. A collator is safe to share between threads once its attributes
 * are set. */
static const UCollator *
welsh_collator (void)
{
  static UCollator *collator;
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("cy", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Welsh collation: %s", u_errorName (status));
      ucol_setStrength (collator, UCOL_SECONDARY);
      g_once_init_leave (&initialised, 1);
    }
  return collator;
}

static int
cyd_collate_welsh_len (const char *a,
                       gsize       len_a,
                       const char *b,
                       gsize       len_b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;
  int cmp;

  result = ucol_strcollUTF8 (welsh_collator (), a, len_a, b, len_b, &status);
  if (U_SUCCESS (status) && result != UCOL_EQUAL)
    return result == UCOL_LESS ? -1 : 1;

  /* Equal in Welsh but not the same bytes: keep the order total. */
  cmp = memcmp (a, b, MIN (len_a, len_b));
  if (cmp != 0)
    return cmp;
  return len_a < len_b ? -1 : len_a > len_b;
}

int
cyd_collate_welsh (const char *a,
                   const char *b)
{
  return cyd_collate_welsh_len (a, strlen (a), b, strlen (b));
}

static int
compare_welsh (void       *data,
               int         len_a,
               const void *a,
               int         len_b,
               const void *b)
{
  return cyd_collate_welsh_len (a, len_a, b, len_b);
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
