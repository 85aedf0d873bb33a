/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-budget.h"
#include "cyd-private.h"
#include "cyd-savings.h"

typedef struct {
  CydStore *store;
} Fixture;

static const char base_sql[] =
  "INSERT INTO council (id, code, name_en) VALUES (1, 'A', 'Aber'), (2, 'B', 'Bryn');"
  "INSERT INTO directorate (id, code, name_en, kind, council_id) VALUES"
  " (1, 'A-SS', 'Aber Social Services', 'legacy', 1),"
  " (2, 'B-SS', 'Bryn Social Services', 'legacy', 2),"
  " (3, 'J-SS', 'Joint Social Services', 'merged', NULL);"
  "INSERT INTO service_line (id, code, name_en, parent_id) VALUES"
  " (1, 'ADULTS', 'Adults', NULL), (2, 'ADU-LD', 'Learning disabilities', 1),"
  " (3, 'CHILD', 'Children', NULL);";

static void
exec_sql (CydStore   *store,
          const char *sql)
{
  char *message = NULL;

  sqlite3_exec (cyd_store_get_handle (store), sql, NULL, NULL, &message);
  g_assert_null (message);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (core_test_dir (), "budget.cyd", NULL);
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  f->store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  exec_sql (f->store, base_sql);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  f->store = core_test_open_demo ("demo.cyd");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static CydBudgetRow *
find_row (GListModel *rows,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GListModel) children = cyd_budget_row_create_children (row, TRUE);
      CydBudgetRow *found;

      if (g_strcmp0 (cyd_budget_row_get_code (row), code) == 0)
        return row;
      if (children != NULL && (found = find_row (children, code)) != NULL)
        return found;
    }
  return NULL;
}

/* Lines of 123,456,789,012.34 pounds, thousands of them: their sum is past
 * 2^53 pence, where a double would drop pence. */
static void
test_exact_sums (Fixture       *f,
                 gconstpointer  data)
{
  const gint64 value = G_GINT64_CONSTANT (12345678901234);
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  const CydBudgetCell *cell;
  guint n = 0;

  for (guint sl = 10; sl < 1010; sl++)
    {
      g_string_append_printf (sql, "INSERT INTO service_line (id, code, name_en) VALUES (%u, 'S%u', 'Line %u');",
                              sl, sl, sl);
      for (guint k = 0; k < 6; k++, n++)
        g_string_append_printf (sql, "INSERT INTO budget_line (year, directorate_id, service_line_id, category,"
                                " budget, forecast) VALUES (2020, 1, %u, '%s', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                                sl, cyd_budget_category_to_string (k), value, value + 1);
    }
  g_string_append (sql, "COMMIT;");
  exec_sql (f->store, sql->str);

  budget = cyd_budget_new (f->store, 2020, &error);
  g_assert_no_error (error);
  cell = cyd_budget_row_get_cell (cyd_budget_get_total (budget), cyd_budget_get_n_columns (budget) - 1);
  g_assert_cmpuint (cell->n_lines, ==, n);
  g_assert_cmpint (cell->budget, ==, value * n);
  g_assert_cmpint (cell->forecast, ==, (value + 1) * n);
  g_assert_cmpint (cell->variance, ==, n);
  g_assert_cmpint (cell->budget, >, G_GINT64_CONSTANT (1) << 53);
  g_assert_cmpuint (g_list_model_get_n_items (cyd_budget_get_rows (budget)), ==, 1000 + 1);
}

static void
test_overflow_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(GError) error = NULL;

  /* 9,600 lines just under the limit add up past G_MAXINT64. */
  for (guint sl = 10; sl < 1610; sl++)
    {
      g_string_append_printf (sql, "INSERT INTO service_line (id, code, name_en) VALUES (%u, 'S%u', 'L');", sl, sl);
      for (guint k = 0; k < 6; k++)
        g_string_append_printf (sql, "INSERT INTO budget_line (year, directorate_id, service_line_id, category,"
                                " budget) VALUES (2020, 1, %u, '%s', 999999999999999);",
                                sl, cyd_budget_category_to_string (k));
    }
  g_string_append (sql, "COMMIT;");
  exec_sql (f->store, sql->str);

  budget = cyd_budget_new (f->store, 2020, &error);
  g_assert_null (budget);
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED);
}

typedef struct {
  const char *category;
  const char *budget, *forecast, *actual;
  gboolean    has_variance;
  gint64      net_budget, variance;
} VarianceCase;

static const VarianceCase variance_cases[] = {
  { "employees", "10000", "12000", "NULL", TRUE, 10000, 2000 },       /* forecast over: adverse */
  { "employees", "10000", "12000", "9000", TRUE, 10000, -1000 },      /* actual wins over forecast */
  { "employees", "10000", "NULL", "NULL", FALSE, 10000, 0 },
  { "income", "10000", "8000", "NULL", TRUE, -10000, 2000 },          /* less income: adverse */
  { "income", "10000", "NULL", "13000", TRUE, -10000, -3000 },        /* more income: favourable */
  { "premises", "-500", "-500", "NULL", TRUE, -500, 0 },
};

static void
test_variance_signs (Fixture       *f,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (variance_cases); i++)
    {
      const VarianceCase *c = &variance_cases[i];
      g_autofree char *sql = g_strdup_printf ("DELETE FROM budget_line;"
                                              "INSERT INTO budget_line (year, directorate_id, service_line_id,"
                                              " category, budget, forecast, actual) VALUES (2021, 2, 3, '%s', %s, %s, %s)",
                                              c->category, c->budget, c->forecast, c->actual);
      g_autoptr(CydBudget) budget = NULL;
      g_autoptr(GError) error = NULL;
      const CydBudgetCell *cell;
      gboolean has;

      exec_sql (f->store, sql);
      budget = cyd_budget_new (f->store, 2021, &error);
      g_assert_no_error (error);
      cell = cyd_budget_row_get_cell (cyd_budget_get_total (budget), 1);
      g_assert_cmpint (cyd_budget_cell_get (cell, CYD_BUDGET_FIGURE_BUDGET, &has), ==, c->net_budget);
      g_assert_true (has);
      g_assert_cmpint (cyd_budget_cell_get (cell, CYD_BUDGET_FIGURE_VARIANCE, &has), ==, c->variance);
      g_assert_cmpint (has, ==, c->has_variance);
    }
}

static void
test_grid_shape (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(GError) error = NULL;
  CydBudgetRow *adults, *ld, *income;

  exec_sql (f->store,
            "INSERT INTO budget_line (year, directorate_id, service_line_id, category, budget, forecast) VALUES"
            " (2013, 1, 1, 'employees', 100000, 90000),"
            " (2013, 1, 2, 'employees', 50000, NULL),"
            " (2013, 1, 2, 'income', 20000, 25000),"
            " (2013, 2, 2, 'third-party-payments', 70000, 70000),"
            " (2013, 3, 3, 'premises', 5, 5),"
            " (2014, 3, 1, 'employees', 1, 1);");
  budget = cyd_budget_new (f->store, 2013, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (cyd_budget_get_n_columns (budget), ==, 4);
  g_assert_cmpstr (cyd_budget_get_column_code (budget, 0), ==, "A-SS");
  g_assert_true (cyd_budget_column_is_merged (budget, 2));
  g_assert_null (cyd_budget_get_column_code (budget, 3));
  /* ADULTS, CHILD, total */
  g_assert_cmpuint (g_list_model_get_n_items (cyd_budget_get_rows (budget)), ==, 3);

  adults = find_row (cyd_budget_get_rows (budget), "ADULTS");
  ld = find_row (cyd_budget_get_rows (budget), "ADU-LD");
  g_assert_nonnull (adults);
  g_assert_cmpuint (cyd_budget_row_get_depth (ld), ==, 1);
  /* Income counts negative: 50,000 − 20,000 in the sub-line. */
  g_assert_cmpint (cyd_budget_row_get_cell (ld, 0)->budget, ==, 30000);
  g_assert_cmpint (cyd_budget_row_get_cell (adults, 0)->budget, ==, 130000);
  g_assert_cmpint (cyd_budget_row_get_cell (adults, 3)->budget, ==, 200000);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (budget), 3)->budget, ==, 200005);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (budget), 2)->budget, ==, 5);

  /* Categories first, then sub-lines; without categories, sub-lines only. */
  children = cyd_budget_row_create_children (adults, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
  g_clear_object (&children);
  children = cyd_budget_row_create_children (adults, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 1);
  g_clear_object (&children);
  children = cyd_budget_row_create_children (ld, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 3);
  /* employees, third-party payments (Bryn's), income */
  income = g_list_model_get_item (children, 2);
  g_assert_cmpint (cyd_budget_row_get_category (income), ==, CYD_BUDGET_INCOME);
  g_assert_cmpint (cyd_budget_row_get_cell (income, 0)->budget, ==, -20000);
  g_assert_cmpint (cyd_budget_row_get_cell (income, 0)->line_id, !=, 0);
  g_assert_cmpint (cyd_budget_row_get_cell (income, 3)->line_id, ==, 0);
  g_object_unref (income);
}

static void
test_edit_cell (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(CydBudget) after = NULL;
  g_autoptr(GListModel) children = NULL;
  g_autoptr(CydBudgetRow) income = NULL;
  g_autoptr(CydEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  CydBudgetRow *ld;

  exec_sql (f->store,
            "INSERT INTO budget_line (year, directorate_id, service_line_id, category, budget) VALUES"
            " (2013, 1, 2, 'employees', 50000), (2013, 1, 2, 'income', 20000);");
  budget = cyd_budget_new (f->store, 2013, &error);
  g_assert_no_error (error);
  ld = find_row (cyd_budget_get_rows (budget), "ADU-LD");
  children = cyd_budget_row_create_children (ld, TRUE);
  income = g_list_model_get_item (children, 1);

  /* The total column and a service line's own row are not editable. */
  g_assert_null (cyd_budget_edit_cell (budget, income, 3, CYD_BUDGET_FIGURE_BUDGET, TRUE, 1, "x", &error));
  g_clear_error (&error);
  g_assert_null (cyd_budget_edit_cell (budget, ld, 0, CYD_BUDGET_FIGURE_BUDGET, TRUE, 1, "x", &error));
  g_clear_error (&error);

  /* Income as the grid shows it, negative: stored as income. */
  edit = cyd_budget_edit_cell (budget, income, 0, CYD_BUDGET_FIGURE_BUDGET, TRUE, -30000, "Change budget", &error);
  g_assert_no_error (error);
  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
  g_clear_pointer (&edit, cyd_edit_unref);

  /* A new line where the cell had none: Bryn's income forecast. */
  edit = cyd_budget_edit_cell (budget, income, 1, CYD_BUDGET_FIGURE_FORECAST, TRUE, 700, "Add forecast", &error);
  g_assert_no_error (error);
  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);

  after = cyd_budget_new (f->store, 2013, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (after), 0)->budget, ==, 20000);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (after), 1)->forecast, ==, -700);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (after), 1)->budget, ==, 0);

  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = cyd_budget_new (f->store, 2013, &error);
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (after), 3)->budget, ==, 30000);
  g_assert_cmpuint (cyd_budget_row_get_cell (cyd_budget_get_total (after), 1)->n_lines, ==, 0);
}

static void
test_merger_saving (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  CydMergerSaving *adults, *total;

  exec_sql (f->store,
            "INSERT INTO budget_line (year, directorate_id, service_line_id, category, budget) VALUES"
            " (2013, 1, 1, 'employees', 600000), (2013, 2, 2, 'employees', 400000),"
            " (2013, 2, 3, 'premises', 300000), (2013, 3, 3, 'premises', 999),"
            " (2015, 3, 1, 'employees', 900000), (2015, 3, 3, 'premises', 400000);");
  rows = cyd_budget_compare_merger (f->store, 2013, 2015, &error);
  g_assert_no_error (error);
  /* ADULTS, ADU-LD (baseline only), CHILD, total. */
  g_assert_cmpuint (rows->len, ==, 4);
  adults = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (adults->code, ==, "ADULTS");
  g_assert_cmpint (adults->baseline, ==, 1000000);
  g_assert_cmpint (adults->merged, ==, 900000);
  g_assert_cmpint (adults->saving, ==, 100000);
  g_assert_cmpint (adults->percent, ==, 1000);
  total = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpint (total->service_line_id, ==, 0);
  g_assert_cmpint (total->baseline, ==, 1300000);
  g_assert_cmpint (total->saving, ==, 0);
  /* Children: a third more than the legacy ones spent, −33.33%. */
  g_assert_cmpint (((CydMergerSaving *) g_ptr_array_index (rows, 2))->percent, ==, -3333);
  g_assert_cmpstr (((CydMergerSaving *) g_ptr_array_index (rows, 1))->code, ==, "ADU-LD");
  g_assert_cmpuint (((CydMergerSaving *) g_ptr_array_index (rows, 1))->depth, ==, 1);
}

static void
test_demo_agrees (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) years = cyd_budget_list_years (f->store, NULL);
  g_autoptr(CydBudget) budget = NULL;
  g_autoptr(GError) error = NULL;
  CydSummary summary;
  GListModel *rows;
  CydMoney sum = 0;
  guint total;

  g_assert_cmpuint (years->len, ==, 3);
  g_assert_true (cyd_store_get_summary (f->store, "2015-01-01", &summary, &error));
  budget = cyd_budget_new (f->store, g_array_index (years, int, 2), &error);
  g_assert_no_error (error);
  total = cyd_budget_get_n_columns (budget) - 1;
  g_assert_cmpint (cyd_budget_row_get_cell (cyd_budget_get_total (budget), total)->budget, ==, summary.budget_net);

  rows = cyd_budget_get_rows (budget);
  for (guint i = 0; i + 1 < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (rows, i);
      CydMoney across = 0;

      for (guint c = 0; c < total; c++)
        across += cyd_budget_row_get_cell (row, c)->budget;
      g_assert_cmpint (across, ==, cyd_budget_row_get_cell (row, total)->budget);
      sum += across;
    }
  g_assert_cmpint (sum, ==, summary.budget_net);
}

typedef struct {
  CydSavingStatus status;
  CydMoney        target, forecast, achieved;
  CydRag          rag;
} RagCase;

static const RagCase rag_cases[] = {
  { CYD_SAVING_DROPPED, 100, 0, 0, CYD_RAG_NONE },
  { CYD_SAVING_ACHIEVED, 100, 100, 100, CYD_RAG_GREEN },
  { CYD_SAVING_AT_RISK, 100, 100, 100, CYD_RAG_GREEN },   /* delivered already */
  { CYD_SAVING_AT_RISK, 100, 100, 10, CYD_RAG_AMBER },
  { CYD_SAVING_AT_RISK, 100, 10, 10, CYD_RAG_AMBER },
  { CYD_SAVING_ON_TRACK, 100, 100, 0, CYD_RAG_GREEN },
  { CYD_SAVING_ON_TRACK, 100, 75, 0, CYD_RAG_AMBER },
  { CYD_SAVING_ON_TRACK, 100, 74, 0, CYD_RAG_RED },
  { CYD_SAVING_PLANNED, 100, 0, 80, CYD_RAG_AMBER },
  { CYD_SAVING_PLANNED, 0, 0, 0, CYD_RAG_GREEN },
};

static void
test_saving_rag (gconstpointer data)
{
  const RagCase *c = data;

  g_assert_cmpint (cyd_saving_rag (c->status, c->target, c->forecast, c->achieved), ==, c->rag);
}

static void
test_savings_totals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CydSavingsSummary) summary = NULL;
  g_autoptr(GPtrArray) savings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has;

  exec_sql (f->store,
            "INSERT INTO saving (code, year, directorate_id, service_line_id, target, forecast, achieved, status) VALUES"
            " ('S1', 2014, 3, 1, 100000, NULL, 100000, 'achieved'),"   /* forecast: achieved */
            " ('S2', 2014, 3, 1, 200000, 150000, 50000, 'on-track'),"
            " ('S3', 2014, 3, 3, 300000, NULL, NULL, 'planned'),"      /* forecast: target */
            " ('S4', 2015, 3, NULL, 400000, 100000, NULL, 'at-risk'),"
            " ('S5', 2015, 3, 3, 500000, 0, 0, 'dropped');");
  summary = cyd_savings_summarise (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->all.target, ==, 1000000);
  g_assert_cmpint (summary->all.forecast, ==, 650000);
  g_assert_cmpint (summary->all.achieved, ==, 150000);
  g_assert_cmpuint (summary->all.count, ==, 4);
  g_assert_cmpint (summary->by_status[CYD_SAVING_DROPPED].target, ==, 500000);
  g_assert_cmpint (summary->by_status[CYD_SAVING_ON_TRACK].forecast, ==, 150000);
  g_assert_cmpuint (summary->by_service_line->len, ==, 3);
  g_assert_cmpint (((CydSavingsLine *) g_ptr_array_index (summary->by_service_line, 0))->totals.target, ==, 300000);
  g_assert_cmpint (((CydSavingsLine *) g_ptr_array_index (summary->by_service_line, 2))->service_line_id, ==, 0);
  /* S1 and S3 green; S2 (150k of 200k, 75%) and S4 (at risk) amber. */
  g_assert_cmpuint (summary->by_rag[CYD_RAG_GREEN], ==, 2);
  g_assert_cmpuint (summary->by_rag[CYD_RAG_AMBER], ==, 2);
  g_assert_cmpuint (summary->by_rag[CYD_RAG_NONE], ==, 1);
  g_assert_cmpint (cyd_savings_share (summary->all.achieved, summary->all.target, &has), ==, 1500);
  g_assert_true (has);
  cyd_savings_share (1, 0, &has);
  g_assert_false (has);

  g_clear_pointer (&summary, cyd_savings_summary_free);
  summary = cyd_savings_summarise (f->store, 2015, &error);
  g_assert_cmpint (summary->all.target, ==, 400000);

  savings = cyd_savings_list (f->store, &error);
  g_assert_cmpuint (savings->len, ==, 5);
  g_assert_cmpint (((CydSaving *) g_ptr_array_index (savings, 2))->forecast, ==, 300000);
}

/* The savings list's "rag" key is cyd_saving_rag() run by SQL: it agrees
 * with the tracker's own list, saving by saving; the dialog's helpers find
 * a saving by code and read back its columns. */
static void
test_savings_rag_column (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CydListModel) model = cyd_list_model_new (f->store, CYD_KIND_SAVING);
  g_autoptr(GPtrArray) savings = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint rated = 0;

  savings = cyd_savings_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, savings->len);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *shown = cyd_record_get_text (record, "rag");
      const CydSaving *saving = NULL;
      const char *expected;

      for (guint j = 0; j < savings->len; j++)
        if (((CydSaving *) g_ptr_array_index (savings, j))->id == cyd_record_get_id (record))
          saving = g_ptr_array_index (savings, j);
      g_assert_nonnull (saving);
      expected = cyd_rag_to_string (saving->rag);
      if (expected == NULL)
        g_assert_true (shown == NULL || *shown == '\0');
      else
        {
          g_assert_cmpstr (shown, ==, cyd_enum_to_label (expected));
          rated++;
        }
      g_assert_cmpint (cyd_saving_find_code (f->store, saving->code, NULL), ==, saving->id);
    }
  g_assert_cmpuint (rated, >, 0);
  cyd_list_model_set_sort (model, "rag", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  g_assert_cmpint (cyd_saving_find_code (f->store, "NO-SUCH-SAVING", &error), ==, 0);
  g_assert_no_error (error);
  fields = cyd_saving_dup_fields (f->store, ((CydSaving *) g_ptr_array_index (savings, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "code"), ==, ((CydSaving *) g_ptr_array_index (savings, 0))->code);
  g_assert_nonnull (g_hash_table_lookup (fields, "target"));
  g_assert_null (cyd_saving_dup_fields (f->store, G_MAXINT64, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/budget/exact-sums", Fixture, NULL, setup, test_exact_sums, teardown);
  g_test_add ("/core/budget/overflow", Fixture, NULL, setup, test_overflow_refused, teardown);
  g_test_add ("/core/budget/variance-signs", Fixture, NULL, setup, test_variance_signs, teardown);
  g_test_add ("/core/budget/grid", Fixture, NULL, setup, test_grid_shape, teardown);
  g_test_add ("/core/budget/edit-cell", Fixture, NULL, setup, test_edit_cell, teardown);
  g_test_add ("/core/budget/merger-saving", Fixture, NULL, setup, test_merger_saving, teardown);
  g_test_add ("/core/budget/demo", Fixture, NULL, setup_demo, test_demo_agrees, teardown);
  for (guint i = 0; i < G_N_ELEMENTS (rag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/savings/rag/%u", i);
      g_test_add_data_func (path, &rag_cases[i], test_saving_rag);
    }
  g_test_add ("/core/savings/totals", Fixture, NULL, setup, test_savings_totals, teardown);
  g_test_add ("/core/savings/rag-column", Fixture, NULL, setup_demo, test_savings_rag_column, teardown);
  return core_test_run ();
}
