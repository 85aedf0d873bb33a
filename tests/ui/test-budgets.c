/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>

#include "cyd.h"
#include "cyd-budgets-page.h"
#include "ui-test-util.h"

typedef struct {
  CydStore       *store;
  GtkWindow      *window;
  CydBudgetsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->window = GTK_WINDOW (gtk_window_new ());
  f->page = g_object_new (CYD_TYPE_BUDGETS_PAGE, "store", f->store, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_set_default_size (f->window, 1200, 760);
  gtk_window_present (f->window);
  ui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

static GtkColumnView *
column_view (Fixture *f)
{
  return GTK_COLUMN_VIEW (ui_test_find (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL));
}

static void
collect_editable (GtkWidget *widget,
                  GPtrArray *found)
{
  if (GTK_IS_EDITABLE_LABEL (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget))
      && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_editable (child, found);
}

static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return GTK_TOGGLE_BUTTON (child);
      if ((found = find_toggle (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
grid_shows_total (gpointer data)
{
  Fixture *f = data;
  CydBudget *budget = cyd_budgets_page_get_budget (f->page);
  guint total = cyd_budget_get_n_columns (budget) - 1;
  g_autofree char *text = cyd_money_format (cyd_budget_row_get_cell (cyd_budget_get_total (budget), total)->budget);

  return ui_test_shows_text (GTK_WIDGET (column_view (f)), text);
}

static void
test_grid (Fixture       *f,
           gconstpointer  data)
{
  CydBudget *budget = cyd_budgets_page_get_budget (f->page);
  GtkColumnView *view = column_view (f);

  g_assert_nonnull (budget);
  /* The latest year first; a name column and one per directorate and the total. */
  g_assert_cmpint (cyd_budget_get_year (budget), ==, 2015);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==,
                    1 + cyd_budget_get_n_columns (budget));
  g_assert_true (ui_test_wait_for (grid_shows_total, f));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (view), "Adult Services"));
}

static gboolean
budget_changed (gpointer data)
{
  CydStore *store = data;

  return cyd_store_get_can_undo (store);
}

static gboolean
grid_shows_budget (Fixture  *f,
                   CydMoney  total_budget)
{
  g_autofree char *text = cyd_money_format (total_budget);

  return ui_test_shows_text (GTK_WIDGET (column_view (f)), text);
}

static CydMoney
total_budget (Fixture *f)
{
  CydBudget *budget = cyd_budgets_page_get_budget (f->page);
  guint total = cyd_budget_get_n_columns (budget) - 1;

  return cyd_budget_row_get_cell (cyd_budget_get_total (budget), total)->budget;
}

/* Categories on, a service line opened, a category's cell edited in place:
 * the change goes through the store (undo is offered), the grid adds it up
 * again, and undoing it shows the old figures. The focus leaving the
 * rebuilt cells must not crash (GTK 4.8's GtkEditableLabel idle). */
static void
test_edit_in_place (Fixture       *f,
                    gconstpointer  data)
{
  GtkColumnView *view = column_view (f);
  GtkToggleButton *categories = find_toggle (GTK_WIDGET (f->page), "_Categories");
  g_autoptr(GPtrArray) editable = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) first = NULL;
  GtkEditable *cell;
  CydMoney before, after;

  g_assert_nonnull (categories);
  before = total_budget (f);
  gtk_toggle_button_set_active (categories, TRUE);
  ui_test_spin (50);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);
  gtk_tree_list_row_set_expanded (first, TRUE);
  ui_test_spin (200);

  collect_editable (GTK_WIDGET (view), editable);
  g_assert_cmpuint (editable->len, >, 0);
  cell = g_ptr_array_index (editable, 0);
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell));
  gtk_editable_set_text (cell, "£1,000,000.01");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell), TRUE);
  g_assert_true (ui_test_wait_for (budget_changed, f->store));
  ui_test_spin (100);

  after = total_budget (f);
  g_assert_cmpint (after, !=, before);
  g_assert_true (grid_shows_budget (f, after));

  g_assert_true (cyd_store_undo (f->store, NULL));
  ui_test_spin (300);
  g_assert_false (cyd_store_get_can_undo (f->store));
  g_assert_cmpint (total_budget (f), ==, before);
  g_assert_true (grid_shows_budget (f, before));
  g_assert_false (grid_shows_budget (f, after));
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/budgets/grid", Fixture, NULL, fixture_set_up, test_grid, fixture_tear_down);
  g_test_add ("/ui/budgets/edit-in-place", Fixture, NULL, fixture_set_up, test_edit_in_place, fixture_tear_down);
  return g_test_run ();
}
