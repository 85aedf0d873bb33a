/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-budget"

#include "config.h"

#include "cyd-budget.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"

#define MAX_DEPTH 32

typedef struct {
  gint64   id;
  char    *code;
  char    *name;
  gboolean merged;
} Column;

struct _CydBudgetRow
{
  GObject           parent_instance;

  CydBudgetRowKind  kind;
  gint64            service_line_id;
  gint64            parent_id;
  char             *code;
  char             *name;
  int               category;
  guint             depth;
  guint             n_columns;
  CydBudgetCell    *cells;     /* n_columns: net over the row */
  CydBudgetCell    *own;       /* n_columns × categories: the line's own budget lines */
  GPtrArray        *sub_rows;  /* sub-lines that have budget lines */
};

struct _CydBudget
{
  GObject       parent_instance;

  int           year;
  GArray       *columns;     /* Column; the last is the total */
  GListStore   *rows;        /* top-level CydBudgetRow, then the total */
  CydBudgetRow *total;
};

G_DEFINE_FINAL_TYPE (CydBudgetRow, cyd_budget_row, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (CydBudget, cyd_budget, G_TYPE_OBJECT)

static const char *const category_names[] = {
  "employees", "premises", "transport", "supplies-and-services",
  "third-party-payments", "support-services", "income",
};
G_STATIC_ASSERT (G_N_ELEMENTS (category_names) == CYD_BUDGET_N_CATEGORIES);

static gboolean
add_money (CydMoney *acc,
           CydMoney  value)
{
  return !__builtin_add_overflow (*acc, value, acc);
}

static gboolean
add_cell (CydBudgetCell       *acc,
          const CydBudgetCell *cell)
{
  acc->n_lines += cell->n_lines;
  acc->n_forecast += cell->n_forecast;
  acc->n_actual += cell->n_actual;
  acc->n_variance += cell->n_variance;
  return add_money (&acc->budget, cell->budget)
         && add_money (&acc->forecast, cell->forecast)
         && add_money (&acc->actual, cell->actual)
         && add_money (&acc->variance, cell->variance);
}

static gboolean
set_overflow_error (GError **error)
{
  g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED,
                       _("The budget’s totals are too large to add up."));
  return FALSE;
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_free (column->code);
  g_free (column->name);
}

static char *
column_name (CydStmt *stmt,
             int      first)
{
  return cyd_bilingual_display (cyd_stmt_text (stmt, first), cyd_stmt_text (stmt, first + 1));
}

static const char *
localised_sql (const char *en,
               const char *cy)
{
  return g_str_equal (cyd_ui_language (), "cy") ? cy : en;
}

/* Rows */

static void
cyd_budget_row_finalize (GObject *object)
{
  CydBudgetRow *self = CYD_BUDGET_ROW (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->cells);
  g_free (self->own);
  g_clear_pointer (&self->sub_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_budget_row_parent_class)->finalize (object);
}

static void
cyd_budget_row_class_init (CydBudgetRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_budget_row_finalize;
}

static void
cyd_budget_row_init (CydBudgetRow *self)
{
  self->category = -1;
}

static CydBudgetRow *
row_new (CydBudgetRowKind kind,
         guint            n_columns)
{
  CydBudgetRow *row = g_object_new (CYD_TYPE_BUDGET_ROW, NULL);

  row->kind = kind;
  row->n_columns = n_columns;
  row->cells = g_new0 (CydBudgetCell, n_columns);
  return row;
}

static CydBudgetCell *
own_cell (CydBudgetRow *row,
          guint         column,
          guint         category)
{
  return &row->own[column * CYD_BUDGET_N_CATEGORIES + category];
}

/* Sums the row's own lines and its sub-lines into its cells, the columns
 * into the total column. */
static gboolean
sum_row (CydBudgetRow *row,
         guint         depth)
{
  guint total = row->n_columns - 1;

  row->depth = depth;
  for (guint i = 0; i < row->sub_rows->len; i++)
    {
      CydBudgetRow *sub = g_ptr_array_index (row->sub_rows, i);

      if (depth >= MAX_DEPTH || !sum_row (sub, depth + 1))
        return FALSE;
      for (guint c = 0; c < total; c++)
        if (!add_cell (&row->cells[c], &sub->cells[c]))
          return FALSE;
    }
  for (guint c = 0; c < total; c++)
    for (guint k = 0; k < CYD_BUDGET_N_CATEGORIES; k++)
      if (!add_cell (&row->cells[c], own_cell (row, c, k)))
        return FALSE;
  for (guint c = 0; c < total; c++)
    if (!add_cell (&row->cells[total], &row->cells[c]))
      return FALSE;
  return TRUE;
}

static CydBudgetRow *
category_row_new (CydBudgetRow *parent,
                  guint         category)
{
  CydBudgetRow *row = row_new (CYD_BUDGET_ROW_CATEGORY, parent->n_columns);
  guint total = parent->n_columns - 1;

  row->service_line_id = parent->service_line_id;
  row->code = g_strdup (category_names[category]);
  row->name = g_strdup (cyd_budget_category_get_label (category));
  row->category = category;
  row->depth = parent->depth + 1;
  for (guint c = 0; c < total; c++)
    {
      row->cells[c] = *own_cell (parent, c, category);
      /* Cannot overflow: the parent's total already holds these. */
      add_cell (&row->cells[total], &row->cells[c]);
    }
  row->cells[total].line_id = 0;
  return row;
}

/* Loading */

static gboolean
load_columns (CydBudget  *self,
              CydStore   *store,
              GError    **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store,
                       localised_sql ("SELECT id, code, name_en, name_cy, kind = 'merged' FROM directorate"
                                      " ORDER BY kind = 'merged', code",
                                      "SELECT id, code, name_cy, name_en, kind = 'merged' FROM directorate"
                                      " ORDER BY kind = 'merged', code"),
                       error);
  Column total = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Column column = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup (cyd_stmt_text (stmt, 1)),
        column_name (stmt, 2),
        sqlite3_column_int (stmt, 4),
      };
      g_array_append_val (self->columns, column);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);

  total.name = g_strdup (C_("budget column", "Total"));
  g_array_append_val (self->columns, total);
  return TRUE;
}

static gboolean
load_service_lines (CydBudget   *self,
                    CydStore    *store,
                    GHashTable  *rows,
                    GPtrArray   *order,
                    GError     **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store,
                       localised_sql ("SELECT id, code, name_en, name_cy, parent_id FROM service_line ORDER BY id",
                                      "SELECT id, code, name_cy, name_en, parent_id FROM service_line ORDER BY id"),
                       error);
  guint n_columns = self->columns->len;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydBudgetRow *row = row_new (CYD_BUDGET_ROW_SERVICE_LINE, n_columns);

      row->service_line_id = sqlite3_column_int64 (stmt, 0);
      row->code = g_strdup (cyd_stmt_text (stmt, 1));
      row->name = column_name (stmt, 2);
      row->parent_id = sqlite3_column_int64 (stmt, 4);
      row->own = g_new0 (CydBudgetCell, n_columns * CYD_BUDGET_N_CATEGORIES);
      row->sub_rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (rows, &row->service_line_id, row);
      g_ptr_array_add (order, row);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static int
column_of (CydBudget *self,
           gint64     directorate_id)
{
  for (guint c = 0; c + 1 < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).id == directorate_id)
      return c;
  return -1;
}

static gboolean
add_line (CydBudgetCell *cell,
          gint64         id,
          gboolean       income,
          CydStmt       *stmt)
{
  CydMoney sign = income ? -1 : 1;
  CydMoney budget = sqlite3_column_int64 (stmt, 4);
  gboolean has_forecast = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
  gboolean has_actual = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  CydMoney forecast = sqlite3_column_int64 (stmt, 5);
  CydMoney actual = sqlite3_column_int64 (stmt, 6);

  /* Each value is under 10^15 in magnitude: the products and differences
   * of one line cannot overflow. */
  cell->line_id = id;
  cell->n_lines++;
  if (!add_money (&cell->budget, sign * budget))
    return FALSE;
  if (has_forecast)
    {
      cell->n_forecast++;
      if (!add_money (&cell->forecast, sign * forecast))
        return FALSE;
    }
  if (has_actual)
    {
      cell->n_actual++;
      if (!add_money (&cell->actual, sign * actual))
        return FALSE;
    }
  if (has_actual || has_forecast)
    {
      cell->n_variance++;
      return add_money (&cell->variance, sign * ((has_actual ? actual : forecast) - budget));
    }
  return TRUE;
}

static gboolean
load_lines (CydBudget   *self,
            CydStore    *store,
            GHashTable  *rows,
            GError     **error)
{
  g_autoptr(CydStmt) stmt =
    cyd_store_prepare (store,
                       "SELECT id, directorate_id, service_line_id, category, budget, forecast, actual"
                       " FROM budget_line WHERE year = ?1",
                       error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 sl = sqlite3_column_int64 (stmt, 2);
      CydBudgetRow *row = g_hash_table_lookup (rows, &sl);
      int column = column_of (self, sqlite3_column_int64 (stmt, 1));
      CydBudgetCategory category;

      if (row == NULL || column < 0
          || !cyd_budget_category_from_string (cyd_stmt_text (stmt, 3), &category))
        continue;
      if (!add_line (own_cell (row, column, category), sqlite3_column_int64 (stmt, 0),
                     category == CYD_BUDGET_INCOME, stmt))
        return set_overflow_error (error);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
row_has_lines (CydBudgetRow *row)
{
  return row->cells[row->n_columns - 1].n_lines > 0;
}

/* Hangs each service line under its parent; returns the top-level rows. */
static void
link_rows (GHashTable *rows,
           GPtrArray  *order,
           GPtrArray  *top)
{
  for (guint i = 0; i < order->len; i++)
    {
      CydBudgetRow *row = g_ptr_array_index (order, i);
      CydBudgetRow *parent = row->parent_id != 0 ? g_hash_table_lookup (rows, &row->parent_id) : NULL;

      g_ptr_array_add (parent != NULL ? parent->sub_rows : top, g_object_ref (row));
    }
}

static void
prune_rows (GPtrArray *rows)
{
  for (guint i = rows->len; i > 0; i--)
    {
      CydBudgetRow *row = g_ptr_array_index (rows, i - 1);

      if (!row_has_lines (row))
        g_ptr_array_remove_index (rows, i - 1);
      else
        prune_rows (row->sub_rows);
    }
}

static gboolean
build_rows (CydBudget  *self,
            GPtrArray  *top,
            GError    **error)
{
  guint n_columns = self->columns->len;

  self->total = row_new (CYD_BUDGET_ROW_TOTAL, n_columns);
  self->total->name = g_strdup (C_("budget row", "Total"));
  self->total->code = g_strdup ("");
  for (guint i = 0; i < top->len; i++)
    {
      CydBudgetRow *row = g_ptr_array_index (top, i);

      if (!sum_row (row, 0))
        return set_overflow_error (error);
      for (guint c = 0; c < n_columns; c++)
        if (!add_cell (&self->total->cells[c], &row->cells[c]))
          return set_overflow_error (error);
    }
  prune_rows (top);
  for (guint i = 0; i < top->len; i++)
    g_list_store_append (self->rows, g_ptr_array_index (top, i));
  if (top->len > 0)
    g_list_store_append (self->rows, self->total);
  return TRUE;
}

static void
cyd_budget_finalize (GObject *object)
{
  CydBudget *self = CYD_BUDGET (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_object (&self->rows);
  g_clear_object (&self->total);

  G_OBJECT_CLASS (cyd_budget_parent_class)->finalize (object);
}

static void
cyd_budget_class_init (CydBudgetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_budget_finalize;
}

static void
cyd_budget_init (CydBudget *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_list_store_new (CYD_TYPE_BUDGET_ROW);
}

/* Public: categories */

const char *
cyd_budget_category_to_string (CydBudgetCategory category)
{
  g_return_val_if_fail (category < CYD_BUDGET_N_CATEGORIES, NULL);

  return category_names[category];
}

gboolean
cyd_budget_category_from_string (const char        *text,
                                 CydBudgetCategory *out)
{
  for (guint i = 0; text != NULL && i < CYD_BUDGET_N_CATEGORIES; i++)
    if (g_str_equal (text, category_names[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
cyd_budget_category_get_label (CydBudgetCategory category)
{
  g_return_val_if_fail (category < CYD_BUDGET_N_CATEGORIES, NULL);

  return cyd_enum_to_label (category_names[category]);
}

/* Public: rows */

CydBudgetRowKind
cyd_budget_row_get_kind (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), CYD_BUDGET_ROW_TOTAL);

  return self->kind;
}

gint64
cyd_budget_row_get_service_line_id (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), 0);

  return self->service_line_id;
}

const char *
cyd_budget_row_get_code (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), NULL);

  return self->code;
}

const char *
cyd_budget_row_get_name (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), NULL);

  return self->name;
}

/* The row's CydBudgetCategory, or -1 when it is not a category row. */
int
cyd_budget_row_get_category (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), -1);

  return self->category;
}

guint
cyd_budget_row_get_depth (CydBudgetRow *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), 0);

  return self->depth;
}

const CydBudgetCell *
cyd_budget_row_get_cell (CydBudgetRow *self,
                         guint         column)
{
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return &self->cells[column];
}

/**
 * cyd_budget_row_create_children:
 * @categories: whether to list the service line's own categories first
 *
 * For a GtkTreeListModel: the row's own categories (when asked for) and
 * its sub-lines, so the children add up to the row.
 *
 * Returns: (transfer full) (nullable): a model of CydBudgetRow, or %NULL
 *   when the row has no children.
 */
GListModel *
cyd_budget_row_create_children (CydBudgetRow *self,
                                gboolean      categories)
{
  g_autoptr(GListStore) children = NULL;

  g_return_val_if_fail (CYD_IS_BUDGET_ROW (self), NULL);

  if (self->kind != CYD_BUDGET_ROW_SERVICE_LINE)
    return NULL;

  children = g_list_store_new (CYD_TYPE_BUDGET_ROW);
  for (guint k = 0; categories && k < CYD_BUDGET_N_CATEGORIES; k++)
    {
      gboolean any = FALSE;

      for (guint c = 0; c + 1 < self->n_columns; c++)
        any |= own_cell (self, c, k)->n_lines > 0;
      if (any)
        {
          g_autoptr(CydBudgetRow) row = category_row_new (self, k);
          g_list_store_append (children, row);
        }
    }
  for (guint i = 0; i < self->sub_rows->len; i++)
    g_list_store_append (children, g_ptr_array_index (self->sub_rows, i));

  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&children));
}

/* Public: the grid */

/**
 * cyd_budget_new:
 * @year: the financial year by its first calendar year (2013 for 2013/14)
 *
 * Reads the year's budget lines and adds them up.
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
CydBudget *
cyd_budget_new (CydStore  *store,
                int        year,
                GError   **error)
{
  g_autoptr(CydBudget) self = NULL;
  g_autoptr(GHashTable) rows = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) top = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_BUDGET, NULL);
  self->year = year;
  rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  order = g_ptr_array_new_with_free_func (g_object_unref);
  top = g_ptr_array_new_with_free_func (g_object_unref);

  if (!load_columns (self, store, error)
      || !load_service_lines (self, store, rows, order, error)
      || !load_lines (self, store, rows, error))
    return NULL;
  link_rows (rows, order, top);
  /* Break the rows' references to each other before a failure frees them. */
  if (!build_rows (self, top, error))
    return NULL;
  return g_steal_pointer (&self);
}

int
cyd_budget_get_year (CydBudget *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), 0);

  return self->year;
}

/* The directorates, legacy first then merged, and the total last. */
guint
cyd_budget_get_n_columns (CydBudget *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), 0);

  return self->columns->len;
}

const char *
cyd_budget_get_column_name (CydBudget *self,
                            guint      column)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).name;
}

/* The directorate's code, or %NULL for the total. */
const char *
cyd_budget_get_column_code (CydBudget *self,
                            guint      column)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).code;
}

gint64
cyd_budget_get_column_directorate (CydBudget *self,
                                   guint      column)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);

  return g_array_index (self->columns, Column, column).id;
}

gboolean
cyd_budget_column_is_merged (CydBudget *self,
                             guint      column)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  return g_array_index (self->columns, Column, column).merged;
}

/* Returns: (transfer none): the top-level service lines that have budget
 * lines this year, then the total row; empty when the year has none. */
GListModel *
cyd_budget_get_rows (CydBudget *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), NULL);

  return G_LIST_MODEL (self->rows);
}

CydBudgetRow *
cyd_budget_get_total (CydBudget *self)
{
  g_return_val_if_fail (CYD_IS_BUDGET (self), NULL);

  return self->total;
}

/* The figure of a cell; @has_value is %FALSE when no line has one. */
CydMoney
cyd_budget_cell_get (const CydBudgetCell *cell,
                     CydBudgetFigure      figure,
                     gboolean            *has_value)
{
  guint n = 0;
  CydMoney value = 0;

  g_return_val_if_fail (cell != NULL, 0);

  switch (figure)
    {
    case CYD_BUDGET_FIGURE_BUDGET:
      n = cell->n_lines, value = cell->budget;
      break;
    case CYD_BUDGET_FIGURE_FORECAST:
      n = cell->n_forecast, value = cell->forecast;
      break;
    case CYD_BUDGET_FIGURE_ACTUAL:
      n = cell->n_actual, value = cell->actual;
      break;
    case CYD_BUDGET_FIGURE_VARIANCE:
      n = cell->n_variance, value = cell->variance;
      break;
    default:
      g_return_val_if_reached (0);
    }
  if (has_value != NULL)
    *has_value = n > 0;
  return value;
}

/**
 * cyd_budget_list_years:
 *
 * Returns: (transfer full) (element-type int): the years that have budget
 *   lines, in order, or %NULL with @error set
 */
GArray *
cyd_budget_list_years (CydStore  *store,
                       GError   **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  stmt = cyd_store_prepare (store, "SELECT DISTINCT year FROM budget_line ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

/* Merger savings */

void
cyd_merger_saving_free (CydMergerSaving *saving)
{
  if (saving == NULL)
    return;
  g_free (saving->code);
  g_free (saving->name);
  g_free (saving);
}

static gboolean
legacy_sum (CydBudget    *budget,
            CydBudgetRow *row,
            CydMoney     *out)
{
  *out = 0;
  for (guint c = 0; c + 1 < budget->columns->len; c++)
    if (!g_array_index (budget->columns, Column, c).merged
        && !add_money (out, row->cells[c].budget))
      return FALSE;
  return TRUE;
}

static CydMoney
merged_sum (CydBudget    *budget,
            CydBudgetRow *row)
{
  for (guint c = 0; c + 1 < budget->columns->len; c++)
    if (g_array_index (budget->columns, Column, c).merged)
      return row->cells[c].budget;
  return 0;
}

static void
set_percent (CydMergerSaving *saving)
{
  gint64 scaled;

  saving->has_percent = saving->baseline != 0
                        && !__builtin_sub_overflow (saving->baseline, saving->merged, &saving->saving)
                        && !__builtin_mul_overflow (saving->saving, (gint64) 10000, &scaled);
  if (!saving->has_percent)
    return;
  /* Rounded half away from zero, in hundredths of a percent. */
  saving->percent = (scaled + (((scaled < 0) != (saving->baseline < 0)) ? -1 : 1) * (ABS (saving->baseline) / 2))
                    / saving->baseline;
}

static GListModel *
service_line_children (CydBudgetRow *row)
{
  return row != NULL ? cyd_budget_row_create_children (row, FALSE) : NULL;
}

static CydBudgetRow *
item_or_null (GListModel *model,
              guint       i)
{
  return model != NULL && i < g_list_model_get_n_items (model) ? g_list_model_get_item (model, i) : NULL;
}

/* Walks both years' trees together, in service line order (rows are in id
 * order at every level), so a line present in one year only still comes
 * under its parent. */
static void
merge_rows (GListModel *a,
            GListModel *b,
            GPtrArray  *order)
{
  guint i = 0, j = 0;

  for (;;)
    {
      g_autoptr(CydBudgetRow) x = item_or_null (a, i);
      g_autoptr(CydBudgetRow) y = item_or_null (b, j);
      g_autoptr(GListModel) xc = NULL;
      g_autoptr(GListModel) yc = NULL;

      if (x != NULL && x->kind != CYD_BUDGET_ROW_SERVICE_LINE)
        g_clear_object (&x);
      if (y != NULL && y->kind != CYD_BUDGET_ROW_SERVICE_LINE)
        g_clear_object (&y);
      if (x == NULL && y == NULL)
        return;
      if (x != NULL && y != NULL && x->service_line_id > y->service_line_id)
        g_clear_object (&x);
      else if (x != NULL && y != NULL && x->service_line_id < y->service_line_id)
        g_clear_object (&y);

      g_ptr_array_add (order, x != NULL ? x : y);
      xc = service_line_children (x);
      yc = service_line_children (y);
      merge_rows (xc, yc, order);
      i += x != NULL;
      j += y != NULL;
    }
}

static CydBudgetRow *
find_row (GListModel *model,
          gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CydBudgetRow) row = g_list_model_get_item (model, i);
      g_autoptr(GListModel) children = NULL;
      CydBudgetRow *found;

      if (row->kind == CYD_BUDGET_ROW_SERVICE_LINE && row->service_line_id == id)
        return row;
      children = cyd_budget_row_create_children (row, FALSE);
      if (children != NULL && (found = find_row (children, id)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
add_comparison (GPtrArray    *out,
                CydBudget    *before,
                CydBudget    *after,
                CydBudgetRow *row,
                gint64        id)
{
  CydBudgetRow *old = id != 0 ? find_row (G_LIST_MODEL (before->rows), id) : before->total;
  CydBudgetRow *new = id != 0 ? find_row (G_LIST_MODEL (after->rows), id) : after->total;
  CydMergerSaving *saving = g_new0 (CydMergerSaving, 1);

  saving->service_line_id = id;
  saving->code = g_strdup (row->code);
  saving->name = g_strdup (row->name);
  saving->depth = row->depth;
  g_ptr_array_add (out, saving);
  if (old != NULL && !legacy_sum (before, old, &saving->baseline))
    return FALSE;
  saving->merged = new != NULL ? merged_sum (after, new) : 0;
  if (__builtin_sub_overflow (saving->baseline, saving->merged, &saving->saving))
    return FALSE;
  set_percent (saving);
  return TRUE;
}

/**
 * cyd_budget_compare_merger:
 * @baseline_year: the year of the legacy directorates' budgets
 * @year: a later year of the merged directorate's budget
 *
 * What the merger saves on each service line (sub-lines after their
 * line, with their depth), then the total: the legacy directorates'
 * combined net budget in @baseline_year less the merged directorate's in
 * @year.
 *
 * Returns: (transfer full) (element-type CydMergerSaving): the rows, or
 *   %NULL with @error set
 */
GPtrArray *
cyd_budget_compare_merger (CydStore  *store,
                           int        baseline_year,
                           int        year,
                           GError   **error)
{
  g_autoptr(CydBudget) before = NULL;
  g_autoptr(CydBudget) after = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cyd_merger_saving_free);

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  before = cyd_budget_new (store, baseline_year, error);
  if (before == NULL)
    return NULL;
  after = cyd_budget_new (store, year, error);
  if (after == NULL)
    return NULL;

  merge_rows (G_LIST_MODEL (after->rows), G_LIST_MODEL (before->rows), order);
  for (guint i = 0; i < order->len; i++)
    {
      CydBudgetRow *row = g_ptr_array_index (order, i);

      if (!add_comparison (out, before, after, row, row->service_line_id))
        return set_overflow_error (error), NULL;
    }
  if (!add_comparison (out, before, after, after->total, 0))
    return set_overflow_error (error), NULL;
  return g_steal_pointer (&out);
}

/* Editing */

static const char *
figure_column (CydBudgetFigure figure)
{
  switch (figure)
    {
    case CYD_BUDGET_FIGURE_BUDGET:
      return "budget";
    case CYD_BUDGET_FIGURE_FORECAST:
      return "forecast";
    case CYD_BUDGET_FIGURE_ACTUAL:
      return "actual";
    default:
      return NULL;
    }
}

static gboolean
check_editable (CydBudget        *self,
                CydBudgetRow     *row,
                guint             column,
                CydBudgetFigure   figure,
                gboolean          has_value,
                CydMoney          value,
                GError          **error)
{
  if (row->kind != CYD_BUDGET_ROW_CATEGORY || column + 1 >= self->columns->len
      || figure_column (figure) == NULL)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           _("Only a budget, forecast or actual of one category can be changed."));
      return FALSE;
    }
  if (!has_value && figure == CYD_BUDGET_FIGURE_BUDGET)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           _("A budget line needs a budget."));
      return FALSE;
    }
  if (value <= -CYD_MONEY_LIMIT || value >= CYD_MONEY_LIMIT)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           _("The amount is too large."));
      return FALSE;
    }
  return TRUE;
}

/**
 * cyd_budget_edit_cell:
 * @row: a category row of @self
 * @column: a directorate's column (not the total)
 * @figure: budget, forecast or actual
 * @has_value: %FALSE to clear a forecast or actual
 * @value: the amount in pence as the grid shows it: an income row shows
 *   income negative, and either sign is taken as that much income
 * @label: the step's name for undo, in the interface language
 *
 * Builds the step that sets one cell: an update of the budget line, or
 * the insertion of a new one when the cell had none. Apply it with
 * cyd_store_apply().
 *
 * Returns: (transfer full): the step, or %NULL with @error set
 */
CydEdit *
cyd_budget_edit_cell (CydBudget        *self,
                      CydBudgetRow     *row,
                      guint             column,
                      CydBudgetFigure   figure,
                      gboolean          has_value,
                      CydMoney          value,
                      const char       *label,
                      GError          **error)
{
  g_autoptr(CydEdit) edit = NULL;
  const char *name = figure_column (figure);
  const CydBudgetCell *cell;
  GVariant *v;
  guint insert;

  g_return_val_if_fail (CYD_IS_BUDGET (self), NULL);
  g_return_val_if_fail (CYD_IS_BUDGET_ROW (row), NULL);

  if (!check_editable (self, row, column, figure, has_value, value, error))
    return NULL;
  if (row->category == CYD_BUDGET_INCOME)
    value = ABS (value);

  edit = cyd_edit_new (label);
  v = has_value ? g_variant_new_int64 (value) : NULL;
  cell = &row->cells[column];
  if (cell->line_id != 0)
    {
      cyd_edit_update (edit, "budget_line", cell->line_id, name, v);
      return g_steal_pointer (&edit);
    }

  insert = cyd_edit_insert (edit, "budget_line");
  cyd_edit_set (edit, insert, "year", g_variant_new_int64 (self->year));
  cyd_edit_set (edit, insert, "directorate_id",
                g_variant_new_int64 (g_array_index (self->columns, Column, column).id));
  cyd_edit_set (edit, insert, "service_line_id", g_variant_new_int64 (row->service_line_id));
  cyd_edit_set (edit, insert, "category", g_variant_new_string (category_names[row->category]));
  if (figure != CYD_BUDGET_FIGURE_BUDGET)
    cyd_edit_set (edit, insert, "budget", g_variant_new_int64 (0));
  cyd_edit_set (edit, insert, name, v);
  return g_steal_pointer (&edit);
}
