/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times what a user waits for on a large programme: each keystroke of a
 * search in the staff list, the structure metrics at a date, the budget
 * totals of a year. Prints "name value" lines (milliseconds) for bench/run. */
#define G_LOG_DOMAIN "cyd-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-budget.h"
#include "cyd-structure.h"

#define SCREEN_ROWS 40
#define PAGE_JUMP   1000   /* away from the pages already read */
#define METRICS_RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* What a list view does after a keystroke: the new count, then one
 * screen of rows. */
static double
time_keystroke (CydListModel *model,
                const char   *text)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  cyd_list_model_set_search (model, text);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < MIN (n, SCREEN_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_filter (CydStore *store)
{
  static const char *const typed[] = { "Llewelyn", "Siân", "100123", "Grade 7" };
  g_autoptr(CydListModel) model = cyd_list_model_new (store, CYD_KIND_STAFF);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double median, worst;

  gint64 start;

  /* As the Staff page does when it is shown: the rows' searchable fields
   * are read in a worker, while the first screen of rows is drawn. That
   * wait is printed too; a user sees the list meanwhile and types after. */
  g_list_model_get_n_items (G_LIST_MODEL (model));
  start = g_get_monotonic_time ();
  cyd_list_model_prepare_search (model);
  while (!cyd_list_model_is_search_ready (model))
    g_main_context_iteration (NULL, TRUE);
  printf ("search-ready-ms %.2f\n", (g_get_monotonic_time () - start) / 1000.0);

  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      const char *end = typed[w];

      while (*end != '\0')
        {
          g_autofree char *prefix = NULL;
          double ms;

          end = g_utf8_next_char (end);
          prefix = g_strndup (typed[w], end - typed[w]);
          ms = time_keystroke (model, prefix);
          g_array_append_val (times, ms);
        }
      time_keystroke (model, "");
    }
  g_array_sort (times, compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  worst = g_array_index (times, double, times->len - 1);
  printf ("filter-median-ms %.2f\nfilter-worst-ms %.2f\n", median, worst);
}

/* Opening the staff list and jumping about in it, as scrolling does:
 * before its index is read (pages by SQL) and after (pages by id). */
static double
time_screen_at (CydListModel *model,
                guint         position)
{
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = position; i < MIN (n, position + SCREEN_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_scroll (CydStore *store)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(CydListModel) model = cyd_list_model_new (store, CYD_KIND_STAFF);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  double open_ms = (g_get_monotonic_time () - start) / 1000.0 + time_screen_at (model, 0);
  double middle_sql = time_screen_at (model, n / 2);
  double end_sql = time_screen_at (model, n > SCREEN_ROWS ? n - SCREEN_ROWS : 0);

  cyd_list_model_prepare_search (model);
  while (!cyd_list_model_is_search_ready (model))
    g_main_context_iteration (NULL, TRUE);
  printf ("list-rows %u\nlist-open-ms %.2f\nlist-middle-sql-ms %.2f\nlist-end-sql-ms %.2f\n"
          "list-middle-indexed-ms %.2f\nlist-end-indexed-ms %.2f\n",
          n, open_ms, middle_sql, end_sql, time_screen_at (model, n / 2 + PAGE_JUMP),
          time_screen_at (model, n > 2 * SCREEN_ROWS ? n - 2 * SCREEN_ROWS : 0));
}

/* One comparison takes from 55 to 110 ms on a shared machine: the median
 * of several, and the slowest. */
static void
bench_metrics (CydStore   *store,
               const char *as_at)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < METRICS_RUNS; i++)
    {
      CydStructureComparison comparison;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!cyd_structure_compare (store, as_at, &comparison, &error))
        g_error ("structure: %s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  printf ("metrics-ms %.2f\nmetrics-worst-ms %.2f\n", g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1));
}

static void
bench_budget (CydStore *store,
              int       year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CydBudget) budget = NULL;
  gint64 start = g_get_monotonic_time ();
  CydBudgetRow *total;

  budget = cyd_budget_new (store, year, &error);
  if (budget == NULL)
    g_error ("budget: %s", error->message);
  total = cyd_budget_get_total (budget);
  g_assert (total != NULL);
  printf ("budget-ms %.2f\n", (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  /* LANGUAGE=cy times the lists in Welsh order */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CYD_LOCALEDIR") != NULL ? g_getenv ("CYD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc != 2)
    {
      g_printerr ("usage: %s DB\n", argv[0]);
      return 2;
    }
  store = cyd_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  bench_scroll (store);
  bench_filter (store);
  bench_metrics (store, "2026-11-01");
  bench_budget (store, 2026);
  return 0;
}
