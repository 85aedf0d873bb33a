/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-money"

#include "config.h"

#include "cyd-money.h"

#include <glib/gi18n-lib.h>

/* Parses an unsigned decimal with at most @max_decimals decimals into an
 * integer scaled by 10^max_decimals. No exponent, no separators, no sign. */
static gboolean
parse_scaled (const char *text,
              guint       max_integer_digits,
              guint       max_decimals,
              gint64     *out)
{
  gint64 whole = 0, frac = 0;
  guint int_digits = 0, dec_digits = 0;
  const char *p = text;

  while (g_ascii_isdigit (*p))
    {
      if (++int_digits > max_integer_digits)
        return FALSE;
      whole = whole * 10 + (*p - '0');
      p++;
    }
  if (int_digits == 0)
    return FALSE;

  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          if (++dec_digits > max_decimals)
            return FALSE;
          frac = frac * 10 + (*p - '0');
          p++;
        }
      if (dec_digits == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  for (guint i = dec_digits; i < max_decimals; i++)
    frac *= 10;
  for (guint i = 0; i < max_decimals; i++)
    whole *= 10;

  *out = whole + frac;
  return TRUE;
}

/**
 * cyd_money_parse:
 * @text: decimal pounds as files write them: "107000000", "-882000.50"
 *
 * Returns: %TRUE if @text is money in the interchange format, its magnitude
 *   under £10^13, with @out_pence set to the exact amount.
 */
gboolean
cyd_money_parse (const char *text,
                 CydMoney   *out_pence)
{
  gboolean negative = FALSE;
  gint64 pence;

  g_return_val_if_fail (out_pence != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (*text == '-')
    {
      negative = TRUE;
      text++;
    }
  if (!parse_scaled (text, 13, 2, &pence))
    return FALSE;

  *out_pence = negative ? -pence : pence;
  return TRUE;
}

/* Drops a "£" after an optional sign and the thousands commas of the
 * whole part, which must come between groups of three digits. */
static char *
strip_display (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *p = text;
  int group = -1;     /* digits since the last comma, -1 before any comma */
  guint digits = 0;

  if (*p == '-')
    g_string_append_c (s, *p++);
  if (g_str_has_prefix (p, "£"))
    p += sizeof ("£") - 1;
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (*p == ',')
        {
          if (digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
            return NULL;
          group = 0;
          continue;
        }
      g_string_append_c (s, *p);
      digits++;
      if (group >= 0)
        group++;
    }
  if (group >= 0 && group != 3)
    return NULL;
  g_string_append (s, p);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * cyd_money_parse_display:
 * @text: money as a user types it: "£45,000.00", "45000", "-£12.50", " 1,234.5 "
 *
 * Returns: %TRUE if @text is money, with @out_pence set to the exact amount.
 */
gboolean
cyd_money_parse_display (const char *text,
                         CydMoney   *out_pence)
{
  g_autofree char *copy = NULL;
  g_autofree char *plain = NULL;

  g_return_val_if_fail (out_pence != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  plain = strip_display (copy);
  return plain != NULL && cyd_money_parse (plain, out_pence);
}

/* Writes @value's decimal digits at @p; returns the end. The export
 * writes two numbers a record, and printf's machinery was an eighth of
 * its reading thread. */
static char *
write_digits (char    *p,
              guint64  value)
{
  char digits[20];
  int n = 0;

  do
    {
      digits[n++] = '0' + value % 10;
      value /= 10;
    }
  while (value != 0);
  while (n > 0)
    *p++ = digits[--n];
  return p;
}

/* The interchange form: "107000000", "882000.50", "-0.05", written into
 * @buf, which holds CYD_NUMBER_SIZE bytes. */
void
cyd_money_write (CydMoney  pence,
                 char     *buf)
{
  guint64 magnitude = pence < 0 ? -(guint64) pence : (guint64) pence;
  guint cents = magnitude % 100;
  char *p = buf;

  if (pence < 0)
    *p++ = '-';
  p = write_digits (p, magnitude / 100);
  if (cents != 0)
    {
      *p++ = '.';
      *p++ = '0' + cents / 10;
      *p++ = '0' + cents % 10;
    }
  *p = '\0';
}

char *
cyd_money_to_string (CydMoney pence)
{
  char buf[CYD_NUMBER_SIZE];

  cyd_money_write (pence, buf);
  return g_strdup (buf);
}

static void
append_grouped (GString *s,
                guint64  value)
{
  char digits[24];
  int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
}

/* For display, the same in en_GB and cy_GB: "£1,234,567.89", "−£12.00". */
char *
cyd_money_format (CydMoney pence)
{
  guint64 magnitude = pence < 0 ? -(guint64) pence : (guint64) pence;
  GString *s = g_string_new (NULL);

  if (pence < 0)
    g_string_append (s, "−");
  g_string_append (s, "£");
  append_grouped (s, magnitude / 100);
  g_string_append_printf (s, ".%02u", (guint) (magnitude % 100));
  return g_string_free (s, FALSE);
}

/* Where space is short: "£107m", "£1.2bn", "£882k", "£950". Rounded. */
char *
cyd_money_format_compact (CydMoney pence)
{
  guint64 pounds = (pence < 0 ? -(guint64) pence : (guint64) pence) / 100;
  const char *sign = pence < 0 ? "−" : "";
  guint64 unit;
  const char *suffix;
  guint64 tenths;

  if (pounds >= G_GUINT64_CONSTANT (1000000000))
    unit = G_GUINT64_CONSTANT (1000000000), suffix = C_("money", "bn");
  else if (pounds >= 1000000)
    unit = 1000000, suffix = C_("money", "m");
  else if (pounds >= 1000)
    unit = 1000, suffix = C_("money", "k");
  else
    return g_strdup_printf ("%s£%" G_GUINT64_FORMAT, sign, pounds);

  tenths = (pounds * 10 + unit / 2) / unit;
  if (tenths >= 100 || tenths % 10 == 0)
    return g_strdup_printf ("%s£%" G_GUINT64_FORMAT "%s", sign, (tenths + 5) / 10, suffix);
  return g_strdup_printf ("%s£%" G_GUINT64_FORMAT ".%u%s", sign, tenths / 10,
                          (guint) (tenths % 10), suffix);
}

/**
 * cyd_fte_parse:
 * @text: "1", "0.5", "0.5405"
 *
 * Returns: %TRUE when 0 < fte <= 1 with at most four decimals.
 */
gboolean
cyd_fte_parse (const char *text,
               CydFte     *out_fte)
{
  gint64 fte;

  g_return_val_if_fail (out_fte != NULL, FALSE);

  if (text == NULL || !parse_scaled (text, 1, 4, &fte))
    return FALSE;
  if (fte <= 0 || fte > CYD_FTE_ONE)
    return FALSE;
  *out_fte = fte;
  return TRUE;
}

/* The interchange form: "1", "0.5", "0.5405", written into @buf, which
 * holds CYD_NUMBER_SIZE bytes. */
void
cyd_fte_write (CydFte  fte,
               char   *buf)
{
  guint part;
  char *p;

  g_return_if_fail (fte >= 0);

  p = write_digits (buf, fte / CYD_FTE_ONE);
  part = fte % CYD_FTE_ONE;
  if (part != 0)
    {
      *p++ = '.';
      for (guint unit = CYD_FTE_ONE / 10; part != 0; unit /= 10)
        {
          *p++ = '0' + part / unit;
          part %= unit;
        }
    }
  *p = '\0';
}

char *
cyd_fte_to_string (CydFte fte)
{
  char buf[CYD_NUMBER_SIZE];

  g_return_val_if_fail (fte >= 0, NULL);

  cyd_fte_write (fte, buf);
  return g_strdup (buf);
}

/* For display: at least two decimals, exact, the whole part grouped as
 * money is: "1.00", "0.50", "0.5405", "312.75", "92,065.30" for a total. */
char *
cyd_fte_format (CydFte fte)
{
  char digits[CYD_NUMBER_SIZE];
  const char *point;
  gsize decimals;
  GString *s;

  g_return_val_if_fail (fte >= 0, NULL);

  cyd_fte_write (fte, digits);
  point = strchr (digits, '.');
  decimals = point != NULL ? strlen (point + 1) : 0;
  s = g_string_new (NULL);
  append_grouped (s, (guint64) (fte / CYD_FTE_ONE));
  g_string_append_c (s, '.');
  if (point != NULL)
    g_string_append (s, point + 1);
  for (; decimals < 2; decimals++)
    g_string_append_c (s, '0');
  return g_string_free (s, FALSE);
}
