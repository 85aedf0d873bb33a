/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cyd.h"

typedef struct {
  const char *text;
  gboolean    ok;
  gint64      value;
} ParseCase;

static const ParseCase money_cases[] = {
  { "0", TRUE, 0 },
  { "107000000", TRUE, G_GINT64_CONSTANT (10700000000) },
  { "882000.50", TRUE, 88200050 },
  { "882000.5", TRUE, 88200050 },
  { "0.01", TRUE, 1 },
  { "-0.05", TRUE, -5 },
  { "-12", TRUE, -1200 },
  { "9999999999999.99", TRUE, G_GINT64_CONSTANT (999999999999999) },
  { "10000000000000", FALSE },
  { "-10000000000000", FALSE },
  { "1.234", FALSE },
  { "1e5", FALSE },
  { "1,000", FALSE },
  { "£10", FALSE },
  { "", FALSE },
  { "-", FALSE },
  { ".5", FALSE },
  { "5.", FALSE },
  { " 5", FALSE },
  { "5 ", FALSE },
  { "+5", FALSE },
  { "0x10", FALSE },
  { "NaN", FALSE },
};

static const ParseCase fte_cases[] = {
  { "1", TRUE, 10000 },
  { "1.0", TRUE, 10000 },
  { "1.0000", TRUE, 10000 },
  { "0.5", TRUE, 5000 },
  { "0.5405", TRUE, 5405 },
  { "0.0001", TRUE, 1 },
  { "0", FALSE },
  { "0.0000", FALSE },
  { "1.0001", FALSE },
  { "2", FALSE },
  { "0.54055", FALSE },
  { "-0.5", FALSE },
  { ".5", FALSE },
  { "", FALSE },
  { "1e0", FALSE },
};

static void
test_money_parse (gconstpointer data)
{
  const ParseCase *c = data;
  CydMoney value = 12345;

  g_assert_cmpint (cyd_money_parse (c->text, &value), ==, c->ok);
  if (c->ok)
    g_assert_cmpint (value, ==, c->value);
}

static void
test_fte_parse (gconstpointer data)
{
  const ParseCase *c = data;
  CydFte value = 12345;

  g_assert_cmpint (cyd_fte_parse (c->text, &value), ==, c->ok);
  if (c->ok)
    g_assert_cmpint (value, ==, c->value);
}

static void
test_money_round_trip (void)
{
  static const char * const texts[] = { "0", "1", "0.01", "0.10", "882000.50", "-0.05", "-12", "9999999999999.99" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      CydMoney value;
      g_autofree char *again = NULL;

      g_assert_true (cyd_money_parse (texts[i], &value));
      again = cyd_money_to_string (value);
      g_assert_cmpstr (again, ==, texts[i]);
    }
}

/* The interchange writers agree with printf's digits, edges included. */
static void
test_writers_agree (void)
{
  static const gint64 edges[] = { 0, 1, 9, 10, 99, 100, 101, 1000, 5405, 9999, 10000, 10001, 123456789,
                                  G_MAXINT64, G_MAXINT64 - 1, -1, -99, -100, -101, G_MININT64, G_MININT64 + 1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (edges) + 20000; i++)
    {
      gint64 value = i < G_N_ELEMENTS (edges) ? edges[i]
                     : (gint64) (((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) >> g_rand_int_range (rand, 0, 63));
      guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
      char money[CYD_NUMBER_SIZE], fte[CYD_NUMBER_SIZE];
      g_autofree char *want_money = NULL;

      if (magnitude % 100 == 0)
        want_money = g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", magnitude / 100);
      else
        want_money = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", value < 0 ? "-" : "", magnitude / 100,
                                      (guint) (magnitude % 100));
      cyd_money_write (value, money);
      g_assert_cmpstr (money, ==, want_money);

      if (value >= 0)
        {
          g_autofree char *want_fte = g_strdup_printf ("%" G_GINT64_FORMAT ".%04u", value / CYD_FTE_ONE,
                                                       (guint) (value % CYD_FTE_ONE));
          gsize len = strlen (want_fte);

          while (want_fte[len - 1] == '0')
            want_fte[--len] = '\0';
          if (want_fte[len - 1] == '.')
            want_fte[--len] = '\0';
          cyd_fte_write (value, fte);
          g_assert_cmpstr (fte, ==, want_fte);
        }
    }
}

static void
test_money_format (void)
{
  struct { gint64 pence; const char *display; const char *compact; } cases[] = {
    { 0, "£0.00", "£0" },
    { 5, "£0.05", "£0" },
    { 123456789, "£1,234,567.89", "£1.2m" },
    { G_GINT64_CONSTANT (10700000000), "£107,000,000.00", "£107m" },
    { -1200, "−£12.00", "−£12" },
    { 88200050, "£882,000.50", "£882k" },
    { 99999, "£999.99", "£999" },
    { G_GINT64_CONSTANT (999999999999999), "£9,999,999,999,999.99", "£10000bn" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *display = cyd_money_format (cases[i].pence);
      g_autofree char *compact = cyd_money_format_compact (cases[i].pence);

      g_assert_cmpstr (display, ==, cases[i].display);
      g_assert_cmpstr (compact, ==, cases[i].compact);
    }
}

static void
test_fte_format (void)
{
  g_autofree char *a = cyd_fte_to_string (10000);
  g_autofree char *b = cyd_fte_to_string (5405);
  g_autofree char *c = cyd_fte_to_string (5000);
  g_autofree char *d = cyd_fte_format (10000);
  g_autofree char *e = cyd_fte_format (5405);
  g_autofree char *f = cyd_fte_format (3127500);
  g_autofree char *g = cyd_fte_format (920653000);

  g_assert_cmpstr (a, ==, "1");
  g_assert_cmpstr (b, ==, "0.5405");
  g_assert_cmpstr (c, ==, "0.5");
  g_assert_cmpstr (d, ==, "1.00");
  g_assert_cmpstr (e, ==, "0.5405");
  g_assert_cmpstr (f, ==, "312.75");
  g_assert_cmpstr (g, ==, "92,065.30");
}

static const ParseCase display_cases[] = {
  { "£45,000.00", TRUE, 4500000 },
  { "45000", TRUE, 4500000 },
  { " £1,234.5 ", TRUE, 123450 },
  { "-£12.50", TRUE, -1250 },
  { "1,234,567", TRUE, 123456700 },
  { "12,34", FALSE, 0 },
  { "1234,567", FALSE, 0 },
  { ",123", FALSE, 0 },
  { "£", FALSE, 0 },
  { "forty", FALSE, 0 },
  { "1.234", FALSE, 0 },
};

static void
test_money_parse_display (gconstpointer data)
{
  const ParseCase *c = data;
  CydMoney value = -1;

  g_assert_cmpint (cyd_money_parse_display (c->text, &value), ==, c->ok);
  if (c->ok)
    g_assert_cmpint (value, ==, c->value);
}

static void
test_money_sum_is_exact (void)
{
  /* A million lines of £0.10 make exactly £100,000.00: no binary fractions. */
  CydMoney total = 0, line;

  g_assert_true (cyd_money_parse ("0.10", &line));
  for (guint i = 0; i < 1000000; i++)
    total += line;
  g_assert_cmpint (total, ==, 10000000);
}

static void
test_dates (void)
{
  g_autofree char *fy = cyd_financial_year_format (2013);
  g_autofree char *fy2 = cyd_financial_year_format (1999);
  int year;

  g_assert_true (cyd_date_is_valid_iso ("2014-04-01"));
  g_assert_true (cyd_date_is_valid_iso ("2016-02-29"));
  g_assert_false (cyd_date_is_valid_iso ("2014-02-29"));
  g_assert_false (cyd_date_is_valid_iso ("2014-02-30"));
  g_assert_false (cyd_date_is_valid_iso ("2014-13-01"));
  g_assert_false (cyd_date_is_valid_iso ("01/04/2014"));
  g_assert_false (cyd_date_is_valid_iso ("2014-4-1"));
  g_assert_false (cyd_date_is_valid_iso ("2014-04-01T00:00"));
  g_assert_false (cyd_date_is_valid_iso (""));
  g_assert_cmpstr (fy, ==, "2013/14");
  g_assert_cmpstr (fy2, ==, "1999/00");
  g_assert_true (cyd_year_parse ("2013", &year));
  g_assert_cmpint (year, ==, 2013);
  g_assert_false (cyd_year_parse ("2013-14", &year));
  g_assert_false (cyd_year_parse ("1899", &year));
}

static void
test_date_format_english (void)
{
  g_autofree char *text = cyd_date_format ("2014-04-01");

  g_assert_cmpstr (text, ==, "1 April 2014");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/money/parse/%u", i);
      g_test_add_data_func (path, &money_cases[i], test_money_parse);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fte_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/fte/parse/%u", i);
      g_test_add_data_func (path, &fte_cases[i], test_fte_parse);
    }
  for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/money/parse-display/%u", i);
      g_test_add_data_func (path, &display_cases[i], test_money_parse_display);
    }
  g_test_add_func ("/core/money/round-trip", test_money_round_trip);
  g_test_add_func ("/core/money/format", test_money_format);
  g_test_add_func ("/core/money/writers-agree", test_writers_agree);
  g_test_add_func ("/core/money/exact-sum", test_money_sum_is_exact);
  g_test_add_func ("/core/fte/format", test_fte_format);
  g_test_add_func ("/core/date/parse", test_dates);
  g_test_add_func ("/core/date/format-en", test_date_format_english);
  return g_test_run ();
}
