/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-money.h"
#include "cyd-store.h"

G_BEGIN_DECLS

/* The revenue budget of one financial year as a grid: service lines (rows,
 * with their sub-lines and, on demand, their own categories as children)
 * against directorates (columns: each legacy one, the merged one, then the
 * total). Every figure is a sum in gint64 pence, checked for overflow.
 *
 * Net figures count income negative. The variance of a line is its outturn
 * (actual, else forecast) less its budget, in the net sense: positive means
 * the net cost is above budget (adverse), negative below (favourable). */

typedef enum {
  CYD_BUDGET_EMPLOYEES,
  CYD_BUDGET_PREMISES,
  CYD_BUDGET_TRANSPORT,
  CYD_BUDGET_SUPPLIES_AND_SERVICES,
  CYD_BUDGET_THIRD_PARTY_PAYMENTS,
  CYD_BUDGET_SUPPORT_SERVICES,
  CYD_BUDGET_INCOME,
  CYD_BUDGET_N_CATEGORIES
} CydBudgetCategory;

typedef enum {
  CYD_BUDGET_FIGURE_BUDGET,
  CYD_BUDGET_FIGURE_FORECAST,
  CYD_BUDGET_FIGURE_ACTUAL,
  CYD_BUDGET_FIGURE_VARIANCE,
} CydBudgetFigure;

typedef enum {
  CYD_BUDGET_ROW_SERVICE_LINE,
  CYD_BUDGET_ROW_CATEGORY,
  CYD_BUDGET_ROW_TOTAL,
} CydBudgetRowKind;

/* One cell: net sums over the budget lines beneath it. Forecast and actual
 * sum the lines that have one; n_forecast and n_actual say how many. */
typedef struct {
  CydMoney budget;
  CydMoney forecast;
  CydMoney actual;
  CydMoney variance;
  guint    n_lines;
  guint    n_forecast;
  guint    n_actual;
  guint    n_variance;
  gint64   line_id;     /* the budget line of a category cell, or 0 */
} CydBudgetCell;

/* The saving of the merger on one service line: the legacy directorates'
 * combined net budget in the baseline year against the merged
 * directorate's in a later year. percent is in hundredths of a percent. */
typedef struct {
  gint64   service_line_id;   /* 0 for the total */
  char    *code;
  char    *name;
  guint    depth;
  CydMoney baseline;
  CydMoney merged;
  CydMoney saving;
  gint64   percent;
  gboolean has_percent;
} CydMergerSaving;

void         cyd_merger_saving_free          (CydMergerSaving *saving);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydMergerSaving, cyd_merger_saving_free)

const char  *cyd_budget_category_to_string   (CydBudgetCategory category);
gboolean     cyd_budget_category_from_string (const char        *text,
                                              CydBudgetCategory *out);
const char  *cyd_budget_category_get_label   (CydBudgetCategory category);

#define CYD_TYPE_BUDGET_ROW (cyd_budget_row_get_type ())
G_DECLARE_FINAL_TYPE (CydBudgetRow, cyd_budget_row, CYD, BUDGET_ROW, GObject)

CydBudgetRowKind     cyd_budget_row_get_kind            (CydBudgetRow *self);
gint64               cyd_budget_row_get_service_line_id (CydBudgetRow *self);
const char          *cyd_budget_row_get_code            (CydBudgetRow *self);
const char          *cyd_budget_row_get_name            (CydBudgetRow *self);
int                  cyd_budget_row_get_category        (CydBudgetRow *self);
guint                cyd_budget_row_get_depth           (CydBudgetRow *self);
const CydBudgetCell *cyd_budget_row_get_cell            (CydBudgetRow *self,
                                                         guint         column);
GListModel          *cyd_budget_row_create_children     (CydBudgetRow *self,
                                                         gboolean      categories);

#define CYD_TYPE_BUDGET (cyd_budget_get_type ())
G_DECLARE_FINAL_TYPE (CydBudget, cyd_budget, CYD, BUDGET, GObject)

CydBudget    *cyd_budget_new                  (CydStore   *store,
                                               int         year,
                                               GError    **error);
int           cyd_budget_get_year             (CydBudget  *self);
guint         cyd_budget_get_n_columns        (CydBudget  *self);
const char   *cyd_budget_get_column_name      (CydBudget  *self,
                                               guint       column);
const char   *cyd_budget_get_column_code      (CydBudget  *self,
                                               guint       column);
gint64        cyd_budget_get_column_directorate (CydBudget *self,
                                                 guint      column);
gboolean      cyd_budget_column_is_merged     (CydBudget  *self,
                                               guint       column);
GListModel   *cyd_budget_get_rows             (CydBudget  *self);
CydBudgetRow *cyd_budget_get_total            (CydBudget  *self);

CydMoney      cyd_budget_cell_get             (const CydBudgetCell *cell,
                                               CydBudgetFigure      figure,
                                               gboolean            *has_value);

GArray       *cyd_budget_list_years           (CydStore   *store,
                                               GError    **error);
GPtrArray    *cyd_budget_compare_merger       (CydStore   *store,
                                               int         baseline_year,
                                               int         year,
                                               GError    **error);
CydEdit      *cyd_budget_edit_cell            (CydBudget          *self,
                                               CydBudgetRow       *row,
                                               guint               column,
                                               CydBudgetFigure     figure,
                                               gboolean            has_value,
                                               CydMoney            value,
                                               const char         *label,
                                               GError            **error);

G_END_DECLS
