/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "cyd-org-chart.h"
#include "cyd-post-details.h"
#include "cyd-private.h"
#include "core-test-util.h"

/* A hand-built programme:
 *
 * Legacy L (to 31 March 2014):   Merged M (from 1 April 2014):
 *   A director                     P director
 *   ├ B ─ D, E, F                  ├ Q
 *   └ C ─ G                        └ R (also answers to Q, dotted)
 *   H, a second top post
 *
 * B's reports have none of their own, so they are stacked in a column
 * under B. E also answers to C (dotted). D maps to R by open competition on
 * 1 April 2014. Ann holds A full time; Bob holds B and D half time each;
 * B has a Welsh title, the others none. */
static const char fixture_sql[] =
  "INSERT INTO council (id, code, name_en) VALUES (1, 'C1', 'One');"
  "INSERT INTO directorate (id, code, name_en, kind, council_id) VALUES"
  " (1, 'L', 'Legacy', 'legacy', 1), (2, 'M', 'Merged', 'merged', NULL);"
  "INSERT INTO service_line (id, code, name_en) VALUES (1, 'S', 'Service');"
  "INSERT INTO post (id, code, title_en, title_cy, directorate_id, service_line_id, reports_to_id, grade,"
  " annual_cost, established_from, established_to) VALUES"
  " (1, 'A', 'Director', NULL, 1, 1, NULL, 'D1', 10000000, NULL, '2014-03-31'),"
  " (2, 'B', 'Head B', 'Pennaeth B', 1, 1, 1, 'H1', 5000000, NULL, '2014-03-31'),"
  " (3, 'C', 'Head C', NULL, 1, 1, 1, NULL, NULL, NULL, '2014-03-31'),"
  " (4, 'D', 'Worker D', NULL, 1, 1, 2, NULL, 1000000, NULL, '2014-03-31'),"
  " (5, 'E', 'Worker E', NULL, 1, 1, 2, NULL, 1000000, NULL, '2014-03-31'),"
  " (6, 'F', 'Worker F', NULL, 1, 1, 2, NULL, 1000000, NULL, '2014-03-31'),"
  " (7, 'G', 'Worker G', NULL, 1, 1, 3, NULL, 1000000, NULL, '2014-03-31'),"
  " (8, 'H', 'Adviser', NULL, 1, 1, NULL, NULL, 1000000, NULL, '2014-03-31'),"
  " (40, 'P', 'Director', NULL, 2, 1, NULL, NULL, 1000000, '2014-04-01', NULL),"
  " (41, 'Q', 'Worker Q', NULL, 2, 1, 40, NULL, 1000000, '2014-04-01', NULL),"
  " (42, 'R', 'Worker R', NULL, 2, 1, 40, NULL, 1000000, '2014-04-01', NULL);"
  "INSERT INTO post_dotted_line (post_id, manager_id) VALUES (5, 3), (42, 41);"
  "INSERT INTO post_mapping (post_id, target_id, method, effective) VALUES (4, 42, 'open-competition', '2014-04-01');"
  "INSERT INTO person (id, employer_id, employee_number, given_name, family_name, salary) VALUES"
  " (1, 1, '1', 'Ann', 'Jones', 10000000), (2, 1, '2', 'Bob', 'Lloyd', 4000000);"
  "INSERT INTO assignment (person_id, post_id, fte, from_date, to_date) VALUES"
  " (1, 1, 10000, NULL, NULL), (2, 2, 5000, NULL, NULL), (2, 4, 5000, NULL, NULL);";

static const char *dir;

static CydStore *
open_fixture (void)
{
  g_autofree char *path = g_build_filename (dir, "org-chart.cyd", NULL);
  g_autoptr(GError) error = NULL;
  CydStore *store;

  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (cyd_store_get_handle (store), fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return store;
}

static CydOrgChart *
load_chart (CydStore *store,
            gint64    directorate,
            const char *as_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStructure) structure = cyd_structure_load (store, directorate, as_at, &error);

  g_assert_no_error (error);
  return cyd_org_chart_new (structure);
}

static gboolean
overlap (const CydOrgChartBox *a,
         const CydOrgChartBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Every box placed inside the chart, none overlapping, managers above
 * their reports and centred over them. */
static void
test_layout (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydOrgChart) chart = load_chart (store, 1, "2014-01-01");
  CydStructure *structure = cyd_org_chart_get_structure (chart);
  guint n = cyd_structure_get_n_posts (structure);
  double width, height;

  g_assert_cmpuint (n, ==, 8);
  cyd_org_chart_get_size (chart, &width, &height);
  for (guint i = 0; i < n; i++)
    {
      const CydStructurePost *post = cyd_structure_get_post (structure, i);
      CydOrgChartBox box, other;

      g_assert_true (cyd_org_chart_get_box (chart, i, &box));
      g_assert_cmpfloat (box.width, >, 0);
      g_assert_cmpfloat (box.x, >=, 0);
      g_assert_cmpfloat (box.y, >=, 0);
      g_assert_cmpfloat (box.x + box.width, <=, width);
      g_assert_cmpfloat (box.y + box.height, <=, height);
      for (guint j = i + 1; j < n; j++)
        {
          g_assert_true (cyd_org_chart_get_box (chart, j, &other));
          g_assert_false (overlap (&box, &other));
        }
      if (post->parent >= 0)
        {
          g_assert_true (cyd_org_chart_get_box (chart, post->parent, &other));
          g_assert_cmpfloat (other.y + other.height, <, box.y);
        }
      g_assert_cmpint (cyd_org_chart_hit (chart, box.x + 1, box.y + 1), ==, (int) i);
    }
  g_assert_false (cyd_org_chart_get_box (chart, n, &(CydOrgChartBox) { 0 }));
  g_assert_cmpint (cyd_org_chart_hit (chart, -5, -5), ==, CYD_ORG_CHART_NONE);
}

static void
test_dotted (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydOrgChart) legacy = load_chart (store, 1, "2014-01-01");
  g_autoptr(CydOrgChart) merged = load_chart (store, 2, "2014-04-01");
  CydStructure *structure = cyd_org_chart_get_structure (legacy);
  int post, manager;

  g_assert_cmpuint (cyd_org_chart_get_n_dotted (legacy), ==, 1);
  cyd_org_chart_get_dotted (legacy, 0, &post, &manager);
  g_assert_cmpstr (cyd_structure_get_post (structure, post)->code, ==, "E");
  g_assert_cmpstr (cyd_structure_get_post (structure, manager)->code, ==, "C");
  g_assert_cmpuint (cyd_org_chart_get_n_dotted (merged), ==, 1);
}

/* The arrow keys: up to the manager, down to the first report, across the
 * level, staying put at the edges. */
static void
test_step (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydOrgChart) chart = load_chart (store, 1, "2014-01-01");
  CydStructure *s = cyd_org_chart_get_structure (chart);
  static const struct {
    const char *from;
    CydOrgChartDirection direction;
    const char *to;
  } cases[] = {
    { "A", CYD_ORG_CHART_DOWN, "B" }, { "B", CYD_ORG_CHART_UP, "A" }, { "B", CYD_ORG_CHART_RIGHT, "C" },
    { "C", CYD_ORG_CHART_LEFT, "B" }, { "B", CYD_ORG_CHART_DOWN, "D" }, { "D", CYD_ORG_CHART_DOWN, "E" },
    { "F", CYD_ORG_CHART_DOWN, "F" }, { "E", CYD_ORG_CHART_UP, "B" }, { "A", CYD_ORG_CHART_UP, "A" },
    { "G", CYD_ORG_CHART_DOWN, "G" }, { "A", CYD_ORG_CHART_RIGHT, "H" }, { "D", CYD_ORG_CHART_LEFT, "D" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int from = -1, to;

      for (guint j = 0; j < cyd_structure_get_n_posts (s); j++)
        if (g_str_equal (cyd_structure_get_post (s, j)->code, cases[i].from))
          from = j;
      to = cyd_org_chart_step (chart, from, cases[i].direction);
      g_assert_cmpstr (cyd_structure_get_post (s, to)->code, ==, cases[i].to);
    }
  g_assert_cmpstr (cyd_structure_get_post (s, cyd_org_chart_step (chart, -1, CYD_ORG_CHART_DOWN))->code, ==, "A");
}

/* Drawn at a few zooms: the picture grows with the zoom and is not blank. */
static void
test_render (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydOrgChart) chart = load_chart (store, 1, "2014-01-01");
  static const double zooms[] = { 0.5, 1.0, 1.5 };
  double width, height;

  cyd_org_chart_get_size (chart, &width, &height);
  cyd_org_chart_set_selected (chart, 1);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      int w = (int) (width * zooms[i]), h = (int) (height * zooms[i]);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *name = g_strdup_printf ("org-chart-%u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      guint painted = 0;

      cyd_org_chart_draw (chart, cr, zooms[i]);
      cairo_surface_flush (surface);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          painted += ((guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface)))[x] != 0;
      g_assert_cmpuint (painted, >, (guint) (w * h / 10));
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A post's details at a date: holders with their FTE, the gap in Welsh,
 * dotted lines and the mapping; a merged post and a vacant one. */
static void
test_details (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CydPostDetails) b = cyd_post_details_load (store, 2, "2014-01-01", &error);
  g_autoptr(CydPostDetails) d = cyd_post_details_load (store, 4, "2014-01-01", &error);
  g_autoptr(CydPostDetails) e = cyd_post_details_load (store, 5, "2014-01-01", &error);
  g_autoptr(CydPostDetails) r = cyd_post_details_load (store, 42, "2014-01-01", &error);
  g_autoptr(CydPostDetails) gone = cyd_post_details_load (store, 999, "2014-01-01", &error);

  g_assert_null (gone);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED);
  g_assert_cmpstr (b->code, ==, "B");
  g_assert_cmpstr (b->title, ==, "Head B");
  g_assert_cmpstr (b->other_title, ==, "Pennaeth B");
  g_assert_cmpstr (b->directorate, ==, "L — Legacy");
  g_assert_cmpstr (b->service_line, ==, "S — Service");
  g_assert_cmpstr (b->reports_to, ==, "A — Director");
  g_assert_cmpstr (b->grade, ==, "H1");
  g_assert_cmpint (b->cost, ==, 5000000);
  g_assert_true (b->has_cost);
  g_assert_true (b->legacy);
  g_assert_true (b->established);
  g_assert_cmpuint (b->holders->len, ==, 1);
  g_assert_cmpstr (((CydPostHolder *) b->holders->pdata[0])->name, ==, "Bob Lloyd");
  g_assert_cmpint (((CydPostHolder *) b->holders->pdata[0])->fte, ==, 5000);
  g_assert_null (b->mapping_method);

  g_assert_null (d->other_title);
  g_assert_cmpstr (d->mapping_method, ==, "open-competition");
  g_assert_cmpstr (d->mapping_label, ==, "Open competition");
  g_assert_cmpstr (d->mapping_target, ==, "R — Worker R");
  g_assert_cmpstr (d->mapping_effective, ==, "2014-04-01");

  g_assert_cmpstr (e->dotted, ==, "C — Head C");
  g_assert_cmpuint (e->holders->len, ==, 0);

  g_assert_false (r->legacy);
  g_assert_false (r->established);
  g_assert_cmpstr (r->dotted, ==, "Q — Worker Q");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  dir = core_test_dir ();

  g_test_add_func ("/core/org-chart/layout", test_layout);
  g_test_add_func ("/core/org-chart/dotted", test_dotted);
  g_test_add_func ("/core/org-chart/step", test_step);
  g_test_add_func ("/core/org-chart/render", test_render);
  g_test_add_func ("/core/org-chart/details", test_details);

  return core_test_run ();
}
