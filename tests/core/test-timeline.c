/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"

typedef struct {
  const char      *name;
  int              width;
  int              height;
  CydTimelineZoom  zoom;
} SizeCase;

static const SizeCase size_cases[] = {
  { "small", 320, 200, CYD_TIMELINE_ZOOM_YEAR },
  { "medium", 1024, 480, CYD_TIMELINE_ZOOM_QUARTER },
  { "large", 3000, 900, CYD_TIMELINE_ZOOM_MONTH },
  { "tiny", 100, 40, CYD_TIMELINE_ZOOM_MONTH },
  { "natural", 0, 0, CYD_TIMELINE_ZOOM_QUARTER },
};

static CydMilestonePlan *
demo_plan (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("timeline.cyd");
  g_autoptr(GError) error = NULL;
  CydMilestonePlan *plan;

  plan = cyd_milestone_plan_load (store, &error);
  g_assert_no_error (error);
  cyd_milestone_plan_compute (plan, "2014-03-01", 14);
  return plan;
}

/* Counts pixels that are not background: something was drawn. */
static guint
count_inked (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (((const guint32 *) (data + y * stride))[x] != 0xffffffff)
        n++;
  return n;
}

static void
test_render (gconstpointer data)
{
  const SizeCase *c = data;
  g_autoptr(CydMilestonePlan) plan = demo_plan ();
  g_autoptr(CydTimeline) timeline = cyd_timeline_new (plan, "2014-03-01");
  g_autofree char *dir = g_dir_make_tmp ("cyd-timeline-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "timeline.png", NULL);
  int width = c->width, height = c->height;
  cairo_surface_t *surface;
  cairo_t *cr;
  GStatBuf st;

  cyd_timeline_set_zoom (timeline, c->zoom);
  cyd_timeline_set_selected (timeline, cyd_milestone_plan_find_code (plan, "HR-04"));
  if (width == 0)
    cyd_timeline_get_natural_size (timeline, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cyd_timeline_draw (timeline, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  if (width > 200)
    g_assert_cmpuint (count_inked (surface), >, (guint) (width * height / 100));
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (g_stat (png, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  if (g_getenv ("CYD_KEEP_PNG") != NULL)
    g_print ("# %s\n", png);
  else
    {
      g_unlink (png);
      g_rmdir (dir);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_natural_size_zoom (void)
{
  g_autoptr(CydMilestonePlan) plan = demo_plan ();
  g_autoptr(CydTimeline) timeline = cyd_timeline_new (plan, "2014-03-01");
  int month = 0, quarter = 0, year = 0, height = 0;

  cyd_timeline_set_zoom (timeline, CYD_TIMELINE_ZOOM_MONTH);
  cyd_timeline_get_natural_size (timeline, &month, &height);
  cyd_timeline_set_zoom (timeline, CYD_TIMELINE_ZOOM_QUARTER);
  cyd_timeline_get_natural_size (timeline, &quarter, NULL);
  cyd_timeline_set_zoom (timeline, CYD_TIMELINE_ZOOM_YEAR);
  cyd_timeline_get_natural_size (timeline, &year, NULL);
  g_assert_cmpint (month, >, quarter);
  g_assert_cmpint (quarter, >, year);
  /* Six workstreams in the demo: one lane each. */
  g_assert_cmpint (height, >=, 6 * 40);
}

static void
test_hit_and_keys (void)
{
  g_autoptr(CydMilestonePlan) plan = demo_plan ();
  g_autoptr(CydTimeline) timeline = cyd_timeline_new (plan, "2014-03-01");
  guint hr04 = cyd_milestone_plan_find_code (plan, "HR-04");
  guint next, prev, down;
  double x, y;

  g_assert_true (cyd_timeline_get_position (timeline, hr04, 1200, 500, &x, &y));
  g_assert_cmpuint (cyd_timeline_hit (timeline, 1200, 500, x + 1, y - 1), ==, hr04);
  g_assert_cmpuint (cyd_timeline_hit (timeline, 1200, 500, 2, 2), ==, CYD_TIMELINE_NONE);

  /* Right moves to the next milestone of the same workstream, left back. */
  next = cyd_timeline_step (timeline, hr04, 1, 0);
  g_assert_cmpuint (next, !=, hr04);
  g_assert_cmpstr (cyd_milestone_plan_get_workstream (plan, next), ==, "HR and Staffing");
  g_assert_cmpstr (cyd_milestone_plan_get_due (plan, next), >=, cyd_milestone_plan_get_due (plan, hr04));
  prev = cyd_timeline_step (timeline, next, -1, 0);
  g_assert_cmpuint (prev, ==, hr04);

  /* Down moves to another workstream. */
  down = cyd_timeline_step (timeline, hr04, 0, 1);
  g_assert_cmpstr (cyd_milestone_plan_get_workstream (plan, down), !=, "HR and Staffing");

  /* With nothing selected, a key selects the first milestone. */
  g_assert_cmpuint (cyd_timeline_step (timeline, CYD_TIMELINE_NONE, 1, 0), ==, 0);
}

static void
test_empty_plan (void)
{
  g_autoptr(CydMilestonePlan) plan = cyd_milestone_plan_new ();
  g_autoptr(CydTimeline) timeline = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);

  cyd_milestone_plan_compute (plan, "2014-03-01", 14);
  timeline = cyd_timeline_new (plan, "2014-03-01");
  cyd_timeline_draw (timeline, cr, 400, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (cyd_timeline_step (timeline, CYD_TIMELINE_NONE, 1, 0), ==, CYD_TIMELINE_NONE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (size_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/timeline/render/%s", size_cases[i].name);
      g_test_add_data_func (path, &size_cases[i], test_render);
    }
  g_test_add_func ("/core/timeline/zoom", test_natural_size_zoom);
  g_test_add_func ("/core/timeline/hit-and-keys", test_hit_and_keys);
  g_test_add_func ("/core/timeline/empty", test_empty_plan);

  return core_test_run ();
}
