/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-chart.h"

static const struct {
  int width, height;
} sizes[] = {
  { 16, 16 }, { 120, 90 }, { 320, 240 }, { 640, 360 }, { 1280, 800 }, { 2560, 1600 },
};

/* Pixels that are not the white background. */
static guint
count_ink (cairo_surface_t *surface)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint ink = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (*(const guint32 *) (data + y * stride + 4 * x) != 0xffffffff)
        ink++;
  return ink;
}

static void
render (CydChart   *chart,
        const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[i].width, sizes[i].height);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *file = g_strdup_printf ("%s-%dx%d.png", name, sizes[i].width, sizes[i].height);
      g_autofree char *path = g_build_filename (core_test_dir (), file, NULL);
      guint ink;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cyd_chart_draw (chart, cr, sizes[i].width, sizes[i].height);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      ink = count_ink (surface);
      if (sizes[i].width >= 320 && cyd_chart_get_n_groups (chart) > 0)
        g_assert_cmpuint (ink, >, (guint) (sizes[i].width * sizes[i].height / 200));
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_test_message ("%s: %u pixels drawn", path, ink);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_programme_charts (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("demo.cyd");
  g_autoptr(GError) error = NULL;
  g_autoptr(CydBudget) budget = cyd_budget_new (store, 2013, &error);
  g_autoptr(CydSavingsSummary) summary = cyd_savings_summarise (store, 0, &error);
  g_autoptr(CydChart) by_line = NULL;
  g_autoptr(CydChart) savings = NULL;
  g_autoptr(CydChart) history = NULL;

  g_assert_no_error (error);
  by_line = cyd_chart_new_budget_by_service_line (budget, "Budget by service line, 2013/14");
  g_assert_cmpuint (cyd_chart_get_n_series (by_line), ==, 3);
  g_assert_cmpuint (cyd_chart_get_n_groups (by_line), >, 3);
  render (by_line, "by-line");

  savings = cyd_chart_new_savings (summary, "Arbedion", "Targed", "Rhagolwg", "Wedi’u cyflawni");
  g_assert_cmpuint (cyd_chart_get_n_series (savings), ==, 3);
  render (savings, "savings");

  history = cyd_chart_new_budget_history (store, "Budget and actual", "Budget", "Forecast", "Actual", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cyd_chart_get_n_groups (history), ==, 3);
  render (history, "history");
}

static void
test_edge_charts (void)
{
  g_autoptr(CydChart) empty = cyd_chart_new ("Nothing yet");
  g_autoptr(CydChart) negative = cyd_chart_new ("Variance with a very long title that will not fit in a narrow window at all");
  guint g;

  render (empty, "empty");

  cyd_chart_add_series (negative, "Over");
  g = cyd_chart_add_group (negative, "A service line with a long name that must be shortened");
  cyd_chart_set_value (negative, g, 0, -G_GINT64_CONSTANT (99999999999999900));
  cyd_chart_add_series (negative, "Under");
  g = cyd_chart_add_group (negative, "Zero");
  cyd_chart_set_value (negative, g, 1, G_GINT64_CONSTANT (99999999999999900));
  render (negative, "negative");
}

static void
test_palette_distinct (void)
{
  for (guint i = 0; i < 7; i++)
    for (guint j = i + 1; j < 7; j++)
      {
        double a[3], b[3];

        cyd_chart_get_palette_colour (i, &a[0], &a[1], &a[2]);
        cyd_chart_get_palette_colour (j, &b[0], &b[1], &b[2]);
        g_assert_true (a[0] != b[0] || a[1] != b[1] || a[2] != b[2]);
      }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/chart/programme", test_programme_charts);
  g_test_add_func ("/core/chart/edges", test_edge_charts);
  g_test_add_func ("/core/chart/palette", test_palette_distinct);
  return core_test_run ();
}
