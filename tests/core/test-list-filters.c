/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "cyd-private.h"
#include "core-test-util.h"

/* The Staff and Posts pages' filters: each keeps exactly the rows an
 * independent SQL count finds, and "vacant"/"filled" follow the as-at date. */

static CydStore *store;

typedef struct {
  const char *name;
  CydKind     kind;
  const char *key;
  const char *value_sql;   /* picks the filter's value */
  const char *count_sql;   /* the rows it keeps: ?1 the value, ?2 the as-at date */
} FilterCase;

#define HELD "(a.from_date IS NULL OR a.from_date <= ?2) AND (a.to_date IS NULL OR a.to_date >= ?2)"

static const FilterCase cases[] = {
  { "post-directorate", CYD_KIND_POST, "directorate",
    "SELECT directorate_id FROM post GROUP BY directorate_id ORDER BY count(*) DESC LIMIT 1",
    "SELECT count(*) FROM post WHERE directorate_id = ?1" },
  { "post-service-line", CYD_KIND_POST, "service-line",
    "SELECT service_line_id FROM post GROUP BY service_line_id ORDER BY count(*) DESC LIMIT 1",
    "SELECT count(*) FROM post WHERE service_line_id = ?1" },
  { "post-vacant", CYD_KIND_POST, "status", "SELECT 'vacant'",
    "SELECT count(*) FROM post p WHERE NOT EXISTS (SELECT 1 FROM assignment a WHERE a.post_id = p.id AND "
    "(a.from_date IS NULL OR a.from_date <= min (coalesce (p.established_to, ?2), ?2)) AND "
    "(a.to_date IS NULL OR a.to_date >= min (coalesce (p.established_to, ?2), ?2))) AND ?1 = 'vacant'" },
  { "post-filled", CYD_KIND_POST, "status", "SELECT 'filled'",
    "SELECT count(*) FROM post p WHERE EXISTS (SELECT 1 FROM assignment a WHERE a.post_id = p.id AND "
    "(a.from_date IS NULL OR a.from_date <= min (coalesce (p.established_to, ?2), ?2)) AND "
    "(a.to_date IS NULL OR a.to_date >= min (coalesce (p.established_to, ?2), ?2))) AND ?1 = 'filled'" },
  { "staff-employer", CYD_KIND_STAFF, "employer",
    "SELECT employer_id FROM person GROUP BY employer_id ORDER BY count(*) DESC LIMIT 1",
    "SELECT count(*) FROM person WHERE employer_id = ?1" },
  { "staff-directorate", CYD_KIND_STAFF, "directorate",
    "SELECT directorate_id FROM post GROUP BY directorate_id ORDER BY count(*) DESC LIMIT 1",
    "SELECT count(DISTINCT a.person_id) FROM assignment a JOIN post p ON p.id = a.post_id"
    " WHERE p.directorate_id = ?1 AND " HELD },
  { "staff-service-line", CYD_KIND_STAFF, "service-line",
    "SELECT service_line_id FROM post GROUP BY service_line_id ORDER BY count(*) DESC LIMIT 1",
    "SELECT count(DISTINCT a.person_id) FROM assignment a JOIN post p ON p.id = a.post_id"
    " WHERE p.service_line_id = ?1 AND " HELD },
};

static const char * const dates[] = { "2013-04-01", "2014-04-01", "2016-04-01" };

static char *
dup_value (const char *sql)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (cyd_stmt_text (stmt, 0));
}

static guint
count (const char *sql,
       const char *value,
       const char *as_at)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *signals)
{
  (*signals)++;
}

static void
test_filter (gconstpointer data)
{
  const FilterCase *c = data;
  g_autoptr(CydListModel) model = cyd_list_model_new (store, c->kind);
  g_autofree char *value = dup_value (c->value_sql);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint signals = 0;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &signals);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      guint expected = count (c->count_sql, value, dates[i]);

      cyd_list_model_set_as_at (model, dates[i]);
      cyd_list_model_set_filter (model, c->key, value);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
      cyd_list_model_set_filter (model, c->key, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all);
    }
  g_assert_cmpuint (signals, >, 0);
}

/* Vacant and filled split the posts, differently at different dates, and
 * each record shows the status it was kept for. */
static void
test_vacancy_follows_as_at (void)
{
  g_autoptr(CydListModel) model = cyd_list_model_new (store, CYD_KIND_POST);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint vacant[G_N_ELEMENTS (dates)];

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      guint filled;

      cyd_list_model_set_as_at (model, dates[i]);
      cyd_list_model_set_filter (model, "status", "filled");
      filled = g_list_model_get_n_items (G_LIST_MODEL (model));
      cyd_list_model_set_filter (model, "status", "vacant");
      vacant[i] = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_assert_cmpuint (filled + vacant[i], ==, all);
      for (guint j = 0; j < vacant[i]; j++)
        {
          g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), j);

          g_assert_cmpstr (cyd_record_get_text (record, "status"), ==, cyd_enum_to_label ("vacant"));
        }
      cyd_list_model_set_filter (model, "status", NULL);
    }
  g_assert_true (vacant[0] != vacant[1] || vacant[1] != vacant[2]);
}

/* Filters combine with each other and with search. */
static void
test_filters_combine (void)
{
  g_autoptr(CydListModel) model = cyd_list_model_new (store, CYD_KIND_STAFF);
  g_autofree char *employer = dup_value (cases[4].value_sql);
  g_autofree char *directorate = dup_value (cases[5].value_sql);
  guint by_employer;

  cyd_list_model_set_as_at (model, "2014-04-01");
  cyd_list_model_set_filter (model, "employer", employer);
  by_employer = g_list_model_get_n_items (G_LIST_MODEL (model));
  cyd_list_model_set_filter (model, "directorate", directorate);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=, by_employer);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=,
                    count (cases[5].count_sql, directorate, "2014-04-01"));
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) demo = NULL;
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  int ret;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  path = g_build_filename (core_test_dir (), "filters.cyd", NULL);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  demo = g_file_new_for_path (g_getenv ("CYD_DEMO_XML"));
  importer = cyd_importer_new (store);
  g_assert_true (cyd_importer_import_file (importer, demo, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/core/list-filters/%s", cases[i].name);

      g_test_add_data_func (name, &cases[i], test_filter);
    }
  g_test_add_func ("/core/list-filters/vacancy-follows-as-at", test_vacancy_follows_as_at);
  g_test_add_func ("/core/list-filters/combine", test_filters_combine);
  ret = core_test_run ();

  g_clear_object (&importer);
  g_assert_finalize_object (store);
  return ret;
}
