/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-collate.h"
#include "cyd-generator.h"
#include "cyd-id-map-private.h"
#include "cyd-private.h"

/* A hand-built programme with known answers.
 *
 * Legacy L1 (council C1):             Legacy L2 (C2), to 31 March 2014:
 *   A director  £100,000                X with 13 reports Y01–Y13
 *   ├ B £50,000 ├ D  ├ E  └ F
 *   └ C £40,000 └ G (to 31 March 2014)
 *
 * Merged M, from 1 April 2014: P ─ Q, R.
 * D maps to R by open competition and G to Q as deleted, both on
 * 1 April 2014. Holders: Ann (A, full time, £100,000 + £20,000 on-costs),
 * Bob (B and D half time each, £40,000), Cai (G until 31 March 2014,
 * £30,000). Every other post costs £10,000 a year. */
static const char fixture_sql[] =
  "INSERT INTO council (id, code, name_en) VALUES (1, 'C1', 'One'), (2, 'C2', 'Two');"
  "INSERT INTO directorate (id, code, name_en, kind, council_id) VALUES"
  " (1, 'L1', 'Legacy one', 'legacy', 1), (2, 'L2', 'Legacy two', 'legacy', 2),"
  " (3, 'M', 'Merged', 'merged', NULL);"
  "INSERT INTO service_line (id, code, name_en) VALUES (1, 'S', 'Service');"
  "INSERT INTO post (id, code, title_en, directorate_id, service_line_id, reports_to_id, annual_cost,"
  " established_from, established_to) VALUES"
  " (1, 'A', 'Director', 1, 1, NULL, 10000000, '2010-01-01', NULL),"
  " (2, 'B', 'Head B', 1, 1, 1, 5000000, NULL, NULL),"
  " (3, 'C', 'Head C', 1, 1, 1, 4000000, NULL, NULL),"
  " (4, 'D', 'Worker D', 1, 1, 2, 1000000, NULL, NULL),"
  " (5, 'E', 'Worker E', 1, 1, 2, 1000000, NULL, NULL),"
  " (6, 'F', 'Worker F', 1, 1, 2, 1000000, NULL, NULL),"
  " (7, 'G', 'Worker G', 1, 1, 3, 1000000, NULL, '2014-03-31'),"
  " (20, 'X', 'Head X', 2, 1, NULL, 1000000, NULL, '2014-03-31'),"
  " (40, 'P', 'Director', 3, 1, NULL, 1000000, '2014-04-01', NULL),"
  " (41, 'Q', 'Worker Q', 3, 1, 40, 1000000, '2014-04-01', NULL),"
  " (42, 'R', 'Worker R', 3, 1, 40, 1000000, '2014-04-01', NULL);"
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 13)"
  " INSERT INTO post (id, code, title_en, directorate_id, service_line_id, reports_to_id, annual_cost,"
  " established_to) SELECT 20 + i, printf ('Y%02d', i), 'Worker', 2, 1, 20, 1000000, '2014-03-31' FROM n;"
  "INSERT INTO post_mapping (post_id, target_id, method, effective) VALUES"
  " (4, 42, 'open-competition', '2014-04-01'), (7, 41, 'deleted', '2014-04-01');"
  "INSERT INTO person (id, employer_id, employee_number, given_name, family_name, salary, on_costs) VALUES"
  " (1, 1, '1', 'Ann', 'Jones', 10000000, 2000000), (2, 1, '2', 'Bob', 'Lloyd', 4000000, NULL),"
  " (3, 1, '3', 'Cai', 'Evans', 3000000, 0);"
  "INSERT INTO assignment (person_id, post_id, fte, from_date, to_date) VALUES"
  " (1, 1, 10000, NULL, NULL), (2, 2, 5000, NULL, NULL), (2, 4, 5000, NULL, NULL),"
  " (3, 7, 10000, '2012-01-01', '2014-03-31');";

static CydStore *
open_fixture (void)
{
  g_autofree char *path = g_build_filename (core_test_dir (), "structure.cyd", NULL);
  g_autoptr(GError) error = NULL;
  CydStore *store;

  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (cyd_store_get_handle (store), fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return store;
}

static CydStructure *
load (CydStore   *store,
      gint64      directorate,
      const char *as_at)
{
  g_autoptr(GError) error = NULL;
  CydStructure *structure = cyd_structure_load (store, directorate, as_at, &error);

  g_assert_no_error (error);
  g_assert_nonnull (structure);
  return structure;
}

typedef struct {
  gint64      directorate;
  const char *as_at;
  gint64      posts, filled, headcount, managers, layers;
  gint64      span_min, span_median_x2, span_max;
  gint64      bands[CYD_N_SPAN_BANDS];
  CydMoney    establishment_cost, staff_cost;
  CydFte      staff_fte;
} MetricsCase;

static const MetricsCase metrics_cases[] = {
  /* The day G ends it still counts; Cai still holds it. */
  { 1, "2014-03-31", 7, 4, 3, 3, 2, 1, 4, 3, { 1, 2, 0, 0, 0 }, 23000000, 19000000, 30000 },
  /* The day after: C has no reports, so it is no longer a manager. */
  { 1, "2014-04-01", 6, 3, 2, 2, 2, 2, 5, 3, { 0, 2, 0, 0, 0 }, 22000000, 16000000, 20000 },
  /* Before A is established, B and C are the tops of their trees. */
  { 1, "2009-12-31", 6, 2, 1, 2, 1, 1, 4, 3, { 1, 1, 0, 0, 0 }, 13000000, 4000000, 10000 },
  { 2, "2014-03-31", 14, 0, 0, 1, 1, 13, 26, 13, { 0, 0, 0, 0, 1 }, 14000000, 0, 0 },
  { 2, "2014-04-01", 0, 0, 0, 0, 0, 0, 0, 0, { 0, 0, 0, 0, 0 }, 0, 0, 0 },
  { 3, "2014-04-01", 3, 0, 0, 1, 1, 2, 4, 2, { 0, 1, 0, 0, 0 }, 3000000, 0, 0 },
};

static void
test_metrics (gconstpointer data)
{
  const MetricsCase *c = data;
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydStructure) structure = load (store, c->directorate, c->as_at);
  const CydStructureMetrics *m = cyd_structure_get_metrics (structure);

  g_assert_cmpint (m->posts, ==, c->posts);
  g_assert_cmpint (m->filled, ==, c->filled);
  g_assert_cmpint (m->vacant, ==, c->posts - c->filled);
  g_assert_cmpint (m->headcount, ==, c->headcount);
  g_assert_cmpint (m->managers, ==, c->managers);
  g_assert_cmpint (m->layers, ==, c->layers);
  g_assert_cmpint (m->span_min, ==, c->span_min);
  g_assert_cmpint (m->span_median_x2, ==, c->span_median_x2);
  g_assert_cmpint (m->span_max, ==, c->span_max);
  for (guint i = 0; i < CYD_N_SPAN_BANDS; i++)
    g_assert_cmpint (m->span_bands[i], ==, c->bands[i]);
  g_assert_cmpint (m->establishment_cost, ==, c->establishment_cost);
  g_assert_cmpint (m->staff_cost, ==, c->staff_cost);
  g_assert_cmpint (m->staff_fte, ==, c->staff_fte);
}

static void
test_tree (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydStructure) structure = load (store, 1, "2014-03-31");
  int a = cyd_structure_find_post (structure, 1);
  int g = cyd_structure_find_post (structure, 7);
  const CydStructurePost *post;
  GString *children = g_string_new (NULL);

  g_assert_cmpint (a, >=, 0);
  post = cyd_structure_get_post (structure, a);
  g_assert_cmpint (post->parent, ==, -1);
  g_assert_cmpuint (post->depth, ==, 0);
  g_assert_cmpstr (post->holders, ==, "Ann Jones");
  for (int i = post->first_child; i >= 0; i = cyd_structure_get_post (structure, i)->next_sibling)
    g_string_append (children, cyd_structure_get_post (structure, i)->code);
  g_assert_cmpstr (children->str, ==, "BC");
  g_string_free (children, TRUE);

  post = cyd_structure_get_post (structure, g);
  g_assert_cmpuint (post->depth, ==, 2);
  g_assert_cmpstr (post->mapping_method, ==, "deleted");
  g_assert_cmpstr (post->mapping_target, ==, "Q");
  g_assert_false (post->mapping_in_force);
  g_assert_cmpint (cyd_structure_find_post (structure, 40), ==, -1);
}

/* A mapping is in force from its effective date, that day included. */
static void
test_mapping_takes_effect (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydStructure) before = load (store, 1, "2014-03-31");
  g_autoptr(CydStructure) on = load (store, 1, "2014-04-01");
  int d_before = cyd_structure_find_post (before, 4);
  int d_on = cyd_structure_find_post (on, 4);

  g_assert_false (cyd_structure_get_post (before, d_before)->mapping_in_force);
  g_assert_true (cyd_structure_get_post (on, d_on)->mapping_in_force);
  g_assert_cmpstr (cyd_structure_get_post (on, d_on)->mapping_target, ==, "R");
}

static void
test_compare (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  CydStructureComparison cmp;

  g_assert_true (cyd_structure_compare (store, "2014-04-01", &cmp, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cmp.legacy_as_at, ==, "2014-03-31");
  g_assert_cmpstr (cmp.merged_as_at, ==, "2014-04-01");
  g_assert_cmpuint (cmp.n_legacy, ==, 2);
  g_assert_cmpint (cmp.legacy.posts, ==, 21);
  g_assert_cmpint (cmp.legacy.managers, ==, 4);
  g_assert_cmpint (cmp.legacy.layers, ==, 2);
  g_assert_cmpint (cmp.legacy.span_median_x2, ==, 5);
  g_assert_cmpint (cmp.legacy.span_bands[CYD_SPAN_BAND_13_PLUS], ==, 1);
  g_assert_cmpint (cmp.merged.posts, ==, 3);
  g_assert_cmpint (cmp.difference.posts, ==, -18);
  g_assert_cmpint (cmp.difference.managers, ==, -3);
  g_assert_cmpint (cmp.difference.layers, ==, -1);
  g_assert_cmpint (cmp.difference.establishment_cost, ==, 3000000 - 37000000);
  g_assert_cmpint (cmp.difference.staff_cost, ==, -19000000);

  /* Before the merged structure begins, both are measured at the date. */
  g_assert_true (cyd_structure_compare (store, "2013-01-01", &cmp, &error));
  g_assert_cmpstr (cmp.legacy_as_at, ==, "2013-01-01");
  g_assert_cmpint (cmp.merged.posts, ==, 0);
}

/* The assignments are read on a second connection; inside a transaction
 * that connection would not see its changes, so they are read on the
 * caller's own, and the figures are those of the changed file. */
static void
test_compare_in_transaction (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  CydStructureComparison before, during, after;

  g_assert_true (cyd_structure_compare (store, "2014-04-01", &before, &error));
  g_assert_cmpint (before.legacy.headcount, >, 0);
  g_assert_cmpint (before.legacy.staff_cost, >, 0);

  g_assert_true (cyd_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (cyd_store_exec (store, "DELETE FROM assignment", &error));
  g_assert_true (cyd_structure_compare (store, "2014-04-01", &during, &error));
  g_assert_no_error (error);
  g_assert_cmpint (during.legacy.headcount, ==, 0);
  g_assert_cmpint (during.legacy.staff_cost, ==, 0);
  g_assert_cmpint (during.legacy.vacant, ==, during.legacy.posts);
  g_assert_cmpint (during.legacy.posts, ==, before.legacy.posts);
  cyd_store_rollback (store);

  g_assert_true (cyd_structure_compare (store, "2014-04-01", &after, &error));
  g_assert_cmpmem (&after.legacy, sizeof after.legacy, &before.legacy, sizeof before.legacy);
  g_assert_cmpmem (&after.merged, sizeof after.merged, &before.merged, sizeof before.merged);
}

/* The second connection opens the caller's file by its path. Moved away
 * while open, the figures stay those of the caller's own file, and no
 * file is made at the path (opening a store makes one when it is missing,
 * and would find the moved file's journal there). */
static void
test_compare_file_moved (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autofree char *moved = g_strconcat (cyd_store_get_path (store), ".moved", NULL);
  g_autoptr(GError) error = NULL;
  CydStructureComparison before, elsewhere;

  g_assert_true (cyd_structure_compare (store, "2014-04-01", &before, &error));
  g_assert_cmpint (before.legacy.headcount, >, 0);

  g_assert_cmpint (g_rename (cyd_store_get_path (store), moved), ==, 0);
  g_assert_true (cyd_structure_compare (store, "2014-04-01", &elsewhere, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (cyd_store_get_path (store), G_FILE_TEST_EXISTS));
  g_assert_cmpmem (&elsewhere.legacy, sizeof elsewhere.legacy, &before.legacy, sizeof before.legacy);
  g_assert_cmpmem (&elsewhere.merged, sizeof elsewhere.merged, &before.merged, sizeof before.merged);
  g_unlink (moved);
}

typedef struct {
  CydStore *store;
  guint     rounds;
  gint      done;
} Writer;

/* Post A, and its holder's time in it, begin in 2030 or as they were. */
static void
move_post_a (CydStore *store,
             gboolean  later)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_store_begin (store, &error));
  g_assert_true (cyd_store_exec (store, later
                                 ? "UPDATE post SET established_from = '2030-01-01' WHERE id = 1"
                                 : "UPDATE post SET established_from = '2010-01-01' WHERE id = 1",
                                 &error));
  g_assert_true (cyd_store_exec (store, later
                                 ? "UPDATE assignment SET from_date = '2030-01-01' WHERE post_id = 1"
                                 : "UPDATE assignment SET from_date = NULL WHERE post_id = 1",
                                 &error));
  g_assert_true (cyd_store_commit (store, &error));
  g_assert_no_error (error);
}

static gpointer
write_while_comparing (gpointer data)
{
  Writer *writer = data;

  for (guint i = 0; i < writer->rounds; i++)
    move_post_a (writer->store, i % 2 == 0);
  g_atomic_int_set (&writer->done, TRUE);
  return NULL;
}

static gboolean
same_comparison (const CydStructureComparison *a,
                 const CydStructureComparison *b)
{
  return memcmp (&a->legacy, &b->legacy, sizeof a->legacy) == 0
         && memcmp (&a->merged, &b->merged, sizeof a->merged) == 0;
}

/* Another connection changes a post and its holder together, again and
 * again, while comparisons run: each gives the figures of the file as it
 * was between two changes, never the posts of one moment with the holders
 * of another (post A established but vacant). */
static void
test_compare_while_writing (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(CydStore) other = NULL;
  g_autoptr(GError) error = NULL;
  CydStructureComparison before, moved;
  Writer writer = { NULL, 400, FALSE };
  GThread *thread;
  guint n_before = 0, n_moved = 0;

  other = cyd_store_open (cyd_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_true (cyd_structure_compare (store, "2014-04-01", &before, &error));
  move_post_a (other, TRUE);
  g_assert_true (cyd_structure_compare (store, "2014-04-01", &moved, &error));
  move_post_a (other, FALSE);
  g_assert_cmpint (moved.legacy.headcount, ==, before.legacy.headcount - 1);
  g_assert_cmpint (moved.legacy.posts, ==, before.legacy.posts - 1);
  g_assert_cmpint (moved.legacy.vacant, ==, before.legacy.vacant);

  writer.store = other;
  thread = g_thread_new ("cyd-test-writer", write_while_comparing, &writer);
  do
    {
      CydStructureComparison during;

      g_assert_true (cyd_structure_compare (store, "2014-04-01", &during, &error));
      g_assert_no_error (error);
      if (same_comparison (&during, &before))
        n_before++;
      else if (same_comparison (&during, &moved))
        n_moved++;
      else
        g_error ("a comparison mixed two moments: %" G_GINT64_FORMAT " legacy posts, %" G_GINT64_FORMAT
                 " vacant, headcount %" G_GINT64_FORMAT, during.legacy.posts, during.legacy.vacant,
                 during.legacy.headcount);
    }
  while (!g_atomic_int_get (&writer.done));
  g_thread_join (thread);
  g_test_message ("%u comparisons before a change, %u after", n_before, n_moved);
}

/* What cyd_structure_compare () must agree with: every structure loaded at
 * its date and the figures combined. */
static void
compare_by_loading (CydStore               *store,
                    const char             *as_at,
                    CydStructureComparison *out)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) legacy = g_ptr_array_new ();
  g_autoptr(GPtrArray) merged = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT date (min (p.established_from), '-1 day') FROM post p"
                                               " JOIN directorate d ON d.id = p.directorate_id"
                                               " WHERE d.kind = 'merged' AND p.established_from <= ?1",
                                               &error);

  g_assert_no_error (error);
  memset (out, 0, sizeof *out);
  sqlite3_bind_text (stmt, 1, as_at, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (out->legacy_as_at, cyd_stmt_text (stmt, 0) != NULL ? cyd_stmt_text (stmt, 0) : as_at,
             sizeof out->legacy_as_at);
  g_strlcpy (out->merged_as_at, as_at, sizeof out->merged_as_at);

  all = cyd_structure_load_all (store, out->legacy_as_at, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (!cyd_structure_is_merged (all->pdata[i]))
      g_ptr_array_add (legacy, all->pdata[i]);
  cyd_structure_metrics_combine ((CydStructure **) legacy->pdata, legacy->len, &out->legacy);
  out->n_legacy = legacy->len;

  g_clear_pointer (&all, g_ptr_array_unref);
  all = cyd_structure_load_all (store, as_at, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (cyd_structure_is_merged (all->pdata[i]))
      g_ptr_array_add (merged, all->pdata[i]);
  cyd_structure_metrics_combine ((CydStructure **) merged->pdata, merged->len, &out->merged);
}

static void
assert_compare_agrees (CydStore   *store,
                       const char *as_at)
{
  CydStructureComparison got, want;
  g_autoptr(GError) error = NULL;

  g_test_message ("comparing at %s", as_at);
  g_assert_true (cyd_structure_compare (store, as_at, &got, &error));
  g_assert_no_error (error);
  compare_by_loading (store, as_at, &want);
  g_assert_cmpstr (got.legacy_as_at, ==, want.legacy_as_at);
  g_assert_cmpstr (got.merged_as_at, ==, want.merged_as_at);
  g_assert_cmpuint (got.n_legacy, ==, want.n_legacy);
  g_assert_cmpmem (&got.legacy, sizeof got.legacy, &want.legacy, sizeof want.legacy);
  g_assert_cmpmem (&got.merged, sizeof got.merged, &want.merged, sizeof want.merged);
}

/* The comparison reads every table once rather than loading each
 * structure: its figures must be the same, in a generated programme and
 * in the fixture with a reporting loop and a holder in two structures. */
static void
test_compare_agrees (void)
{
  static const char *dates[] = { "2009-12-31", "2013-06-30", "2014-03-31", "2014-04-01", "2020-01-01",
                                 "2025-04-01", "2026-03-31", "2026-04-01", "2027-04-01", "2031-01-01" };
  g_autofree char *xml = g_build_filename (core_test_dir (), "generated.xml", NULL);
  g_autofree char *path = g_build_filename (core_test_dir (), "generated.cyd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydStore) looped = open_fixture ();
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_generate_to_file (xml, 1500, 7, &error));
  g_assert_no_error (error);
  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  importer = cyd_importer_new (store);
  g_assert_true (cyd_importer_import_file (importer, file, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    assert_compare_agrees (store, dates[i]);

  /* B and E report to each other; Bob also holds Q in the merged one. */
  g_assert_cmpint (sqlite3_exec (cyd_store_get_handle (looped),
                                 "UPDATE post SET reports_to_id = 5 WHERE id = 2;"
                                 "INSERT INTO assignment (person_id, post_id, fte) VALUES (2, 41, 2500);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    assert_compare_agrees (looped, dates[i]);

  /* Ids far from the others, and one below zero: a post under B with its
   * holder, and a post that reports to it. */
  g_assert_cmpint (sqlite3_exec (cyd_store_get_handle (looped),
                                 "INSERT INTO post (id, code, title_en, directorate_id, service_line_id,"
                                 " reports_to_id, fte, annual_cost)"
                                 " SELECT 5000000000, 'FAR-1', 'Far', directorate_id, service_line_id, 2, 10000,"
                                 " 3000000 FROM post WHERE id = 2;"
                                 "INSERT INTO post (id, code, title_en, directorate_id, service_line_id,"
                                 " reports_to_id, fte)"
                                 " SELECT -7, 'FAR-2', 'Below', directorate_id, service_line_id, 5000000000, 5000"
                                 " FROM post WHERE id = 2;"
                                 "INSERT INTO person (id, employer_id, employee_number, given_name, family_name,"
                                 " salary) SELECT 9000000000, employer_id, 'FAR', 'Far', 'Away', 2500000"
                                 " FROM person WHERE id = 2;"
                                 "INSERT INTO assignment (person_id, post_id, fte) VALUES (9000000000, 5000000000, 10000);"
                                 "INSERT INTO assignment (person_id, post_id, fte) VALUES (9000000000, -7, 5000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    assert_compare_agrees (looped, dates[i]);
}

/* Ids to indices: each key keeps the index it was first given, in every
 * order, whether it sits in the slots, in the table, or moved from the
 * table to slots grown to reach it. */
static void
test_id_map (void)
{
  static const gint64 far[] = { 5000, 4000, 4100, -7, G_GINT64_CONSTANT (5000000000), 0, 70000, 69999 };
  g_auto(CydIdMap) map = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  cyd_id_map_init (&map);
  for (guint i = 0; i < G_N_ELEMENTS (far); i++)
    g_array_append_val (keys, far[i]);
  for (gint64 id = 1; id <= 20000; id++)
    if (id != 4000 && id != 4100 && id != 5000)
      g_array_append_val (keys, id);
  /* shuffled after the first few, which are the order that once lost 5000 */
  for (guint i = keys->len - 1; i > G_N_ELEMENTS (far); i--)
    {
      guint j = G_N_ELEMENTS (far) + g_rand_int_range (rand, 0, i - G_N_ELEMENTS (far) + 1);
      gint64 t = g_array_index (keys, gint64, i);

      g_array_index (keys, gint64, i) = g_array_index (keys, gint64, j);
      g_array_index (keys, gint64, j) = t;
    }
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 key = g_array_index (keys, gint64, i);

      g_assert_cmpuint (cyd_id_map_insert (&map, key), ==, i);
      g_assert_cmpint (cyd_id_map_lookup (&map, g_array_index (keys, gint64, 0)), ==, 0);
    }
  g_assert_cmpuint (cyd_id_map_size (&map), ==, keys->len);
  for (guint i = 0; i < keys->len; i++)
    {
      gint64 key = g_array_index (keys, gint64, i);

      g_assert_cmpint (cyd_id_map_lookup (&map, key), ==, (int) i);
      g_assert_cmpuint (cyd_id_map_insert (&map, key), ==, i);
    }
  g_assert_cmpuint (cyd_id_map_size (&map), ==, keys->len);
  g_assert_cmpint (cyd_id_map_lookup (&map, 20001), ==, -1);
  g_assert_cmpint (cyd_id_map_lookup (&map, -1), ==, -1);
  g_assert_cmpint (cyd_id_map_lookup (&map, G_MAXINT64), ==, -1);
}

typedef struct {
  const char *as_at;
  guint       at_risk;
  const char *first_at_risk;
  guint       unmapped;
  guint       no_source;
} ListCase;

static const ListCase list_cases[] = {
  { "2014-03-31", 2, "Evans, Cai", 19, 1 },
  /* The day the mappings take effect, their holders are still at risk. */
  { "2014-04-01", 2, "Evans, Cai", 5, 1 },
  { "2014-04-02", 0, NULL, 5, 1 },
};

static void
test_lists (gconstpointer data)
{
  const ListCase *c = data;
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) at_risk = cyd_structure_list_at_risk (store, c->as_at, &error);
  g_autoptr(GListModel) unmapped = cyd_structure_list_unmapped (store, c->as_at, &error);
  g_autoptr(GListModel) no_source = cyd_structure_list_no_source (store, c->as_at, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (at_risk), ==, c->at_risk);
  g_assert_cmpuint (g_list_model_get_n_items (unmapped), ==, c->unmapped);
  g_assert_cmpuint (g_list_model_get_n_items (no_source), ==, c->no_source);
  if (c->first_at_risk != NULL)
    {
      g_autoptr(CydRecord) first = g_list_model_get_item (at_risk, 0);
      g_autoptr(CydRecord) second = g_list_model_get_item (at_risk, 1);

      g_assert_cmpstr (cyd_record_get_text (first, "name"), ==, c->first_at_risk);
      g_assert_cmpstr (cyd_record_get_text (first, "method"), ==, "Deleted");
      g_assert_cmpstr (cyd_record_get_text (second, "name"), ==, "Lloyd, Bob");
      g_assert_cmpstr (cyd_record_get_text (second, "target"), ==, "R");
    }
  if (c->no_source > 0)
    {
      g_autoptr(CydRecord) first = g_list_model_get_item (no_source, 0);

      g_assert_cmpstr (cyd_record_get_text (first, "code"), ==, "P");
      g_assert_cmpstr (cyd_record_get_text (first, "cost"), ==, "£10,000.00");
    }
}

/* Welsh letters: ll after l, ch after c, dd after d, th after t, ff after
 * f, ng between g and h, ph after p, rh after r. Case counts only between
 * texts otherwise equal; accents count. */
static void
test_welsh_collation (void)
{
  static const char *const ordered[][2] = {
    { "lord", "llan" }, { "cyf", "chwarae" }, { "dyn", "ddoe" },
    { "tywydd", "theatr" }, { "fy", "ffa" }, { "Llan", "llan" },
    { "Gwen", "Ngaio" }, { "Bangor", "Banc" }, { "Pugh", "Phillips" },
    { "Roberts", "Rhys" }, { "sian", "Siân" }, { "Siân", "Sion" },
    { "LLOYD", "llwyd" }, { "Tudor", "Thomas" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      g_assert_cmpint (cyd_collate_welsh (ordered[i][0], ordered[i][1]), <, 0);
      g_assert_cmpint (cyd_collate_welsh (ordered[i][1], ordered[i][0]), >, 0);
    }
  g_assert_cmpint (cyd_collate_welsh ("llan", "llan"), ==, 0);
}

static void
test_welsh_collation_in_sql (void)
{
  g_autoptr(CydStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT group_concat (n, ' ') FROM (SELECT column1 AS n FROM"
                                               " (VALUES ('Lloyd'), ('Lewis'), ('Owen'), ('Lynch'))"
                                               " ORDER BY n COLLATE cyd_welsh)",
                                               &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr (cyd_stmt_text (stmt, 0), ==, "Lewis Lynch Lloyd Owen");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (metrics_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/structure/metrics/%" G_GINT64_FORMAT "/%s",
                                               metrics_cases[i].directorate, metrics_cases[i].as_at);
      g_test_add_data_func (path, &metrics_cases[i], test_metrics);
    }
  for (guint i = 0; i < G_N_ELEMENTS (list_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/structure/lists/%s", list_cases[i].as_at);
      g_test_add_data_func (path, &list_cases[i], test_lists);
    }
  g_test_add_func ("/core/structure/tree", test_tree);
  g_test_add_func ("/core/structure/mapping-takes-effect", test_mapping_takes_effect);
  g_test_add_func ("/core/structure/compare", test_compare);
  g_test_add_func ("/core/structure/compare-agrees", test_compare_agrees);
  g_test_add_func ("/core/structure/compare-in-transaction", test_compare_in_transaction);
  g_test_add_func ("/core/structure/compare-file-moved", test_compare_file_moved);
  g_test_add_func ("/core/structure/compare-while-writing", test_compare_while_writing);
  g_test_add_func ("/core/structure/id-map", test_id_map);
  g_test_add_func ("/core/structure/welsh-collation", test_welsh_collation);
  g_test_add_func ("/core/structure/welsh-collation-sql", test_welsh_collation_in_sql);

  return core_test_run ();
}
