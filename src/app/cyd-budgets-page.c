/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-budgets-page.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-budget.h"
#include "cyd-chart-view.h"
#include "cyd-window.h"

struct _CydBudgetsPage
{
  AdwBin           parent_instance;

  CydStore        *store;
  CydBudget       *budget;
  GArray          *years;
  gulong           changed_id;
  gboolean         stale;       /* read again when next shown */

  /* Template widgets */
  GtkDropDown     *year_dropdown;
  GtkDropDown     *figure_dropdown;
  GtkToggleButton *categories_button;
  GtkColumnView   *column_view;
  GtkStack        *stack;
  GtkStack        *view_stack;
  GtkLabel        *merger_label;
  GtkListBox      *merger_list;
  CydChartView    *service_line_chart;
  CydChartView    *history_chart;
};

/* What a cell widget needs to find its figure and to write it back. */
typedef struct {
  CydBudgetsPage *page;
  guint           column;
  GtkListItem    *item;
} Cell;

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydBudgetsPage, cyd_budgets_page, ADW_TYPE_BIN)

static CydBudgetRow *
item_row (GtkListItem *item)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);

  return tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;
}

static CydBudgetFigure
current_figure (CydBudgetsPage *self)
{
  return gtk_drop_down_get_selected (self->figure_dropdown);
}

static gboolean
cell_editable (CydBudgetsPage *self,
               CydBudgetRow   *row,
               guint           column)
{
  return cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_CATEGORY
         && column + 1 < cyd_budget_get_n_columns (self->budget)
         && current_figure (self) != CYD_BUDGET_FIGURE_VARIANCE;
}

/* What a user types: "£1,234.50", "−20", "1234"; empty clears. */
static gboolean
parse_amount (const char *text,
              gboolean   *has_value,
              CydMoney   *value)
{
  g_autoptr(GString) s = g_string_new (text);
  gboolean negative;

  g_string_replace (s, "−", "-", 0);
  g_string_replace (s, "£", "", 0);
  g_string_replace (s, ",", "", 0);
  g_string_replace (s, " ", "", 0);
  *has_value = s->len > 0;
  if (!*has_value)
    return TRUE;
  negative = s->str[0] == '-';
  if (!cyd_money_parse (s->str + negative, value))
    return FALSE;
  if (negative)
    *value = -*value;
  return TRUE;
}

static void
show_error (CydBudgetsPage *self,
            const char     *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), CYD_TYPE_WINDOW);

  if (window != NULL)
    cyd_window_show_toast (CYD_WINDOW (window), message);
  else
    g_warning ("%s", message);
}

/* An edit typed into a cell, applied once the cell's own signal is over:
 * applying it rebuilds the grid, and the cell with it. */
typedef struct {
  CydBudgetsPage *page;
  CydBudgetRow   *row;
  guint           column;
  char           *text;
} PendingEdit;

static void
pending_edit_free (gpointer data)
{
  PendingEdit *pending = data;

  g_object_unref (pending->page);
  g_object_unref (pending->row);
  g_free (pending->text);
  g_free (pending);
}

static gboolean
apply_pending_edit (gpointer data)
{
  PendingEdit *pending = data;
  CydBudgetsPage *self = pending->page;
  g_autoptr(CydEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_value;
  CydMoney value = 0;

  if (self->budget == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;
  if (!parse_amount (pending->text, &has_value, &value))
    {
      show_error (self, _("Type an amount in pounds, such as 1234.50."));
      return G_SOURCE_REMOVE;
    }
  edit = cyd_budget_edit_cell (self->budget, pending->row, pending->column, current_figure (self),
                               has_value, value, _("Change Budget Line"), &error);
  if (edit == NULL || !cyd_store_apply (self->store, edit, &error))
    show_error (self, error->message);
  return G_SOURCE_REMOVE;
}

static void
apply_cell (Cell       *cell,
            const char *text)
{
  CydBudgetRow *row = item_row (cell->item);
  PendingEdit *pending;

  if (row == NULL)
    return;
  pending = g_new0 (PendingEdit, 1);
  pending->page = g_object_ref (cell->page);
  pending->row = g_object_ref (row);
  pending->column = cell->column;
  pending->text = g_strdup (text);
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_pending_edit, pending, pending_edit_free);
}

static char *
cell_text (CydBudgetsPage *self,
           CydBudgetRow   *row,
           guint           column)
{
  gboolean has;
  CydMoney value = cyd_budget_cell_get (cyd_budget_row_get_cell (row, column), current_figure (self), &has);

  return has ? cyd_money_format (value) : g_strdup ("—");
}

static void
free_cell (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

static void
on_cell_editing (GtkEditableLabel *label,
                 GParamSpec       *pspec,
                 Cell             *cell)
{
  CydBudgetRow *row = item_row (cell->item);
  g_autofree char *before = NULL;

  if (gtk_editable_label_get_editing (label) || row == NULL || cell->page->budget == NULL)
    return;
  before = cell_text (cell->page, row, cell->column);
  if (g_strcmp0 (before, gtk_editable_get_text (GTK_EDITABLE (label))) != 0)
    apply_cell (cell, gtk_editable_get_text (GTK_EDITABLE (label)));
}

static gboolean
release_cell_label (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* When focus leaves a GtkEditableLabel, GTK 4.8 adds a 100 ms timeout that
 * looks at the label's focus controller again, without holding a
 * reference: if the grid is rebuilt in between (an edit, an undo, another
 * year), the label is gone when it fires. Keep the label until it has:
 * ours expires later and, at a lower priority, is dispatched after it. */
#define CELL_KEEP_ALIVE_MS 250

static void
on_cell_focus_leave (GtkEventController *controller,
                     gpointer            data)
{
  GtkWidget *label = gtk_event_controller_get_widget (controller);

  g_timeout_add_full (G_PRIORITY_LOW, CELL_KEEP_ALIVE_MS, release_cell_label,
                      g_object_ref (label), NULL);
}

static void
setup_money_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  Cell                     *column_cell)
{
  GtkWidget *label = gtk_editable_label_new ("");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  Cell *cell = g_new (Cell, 1);

  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), NULL);
  gtk_widget_add_controller (label, focus);
  *cell = *column_cell;
  cell->item = item;
  gtk_editable_set_alignment (GTK_EDITABLE (label), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (label), 14);
  gtk_widget_add_css_class (label, "numeric");
  g_signal_connect_data (label, "notify::editing", G_CALLBACK (on_cell_editing), cell,
                         free_cell, 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_money_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 Cell                     *column_cell)
{
  CydBudgetsPage *self = column_cell->page;
  CydBudgetRow *row = item_row (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (row == NULL || self->budget == NULL)
    return;
  text = cell_text (self, row, column_cell->column);
  gtk_editable_set_text (GTK_EDITABLE (label), text);
  gtk_editable_set_editable (GTK_EDITABLE (label), cell_editable (self, row, column_cell->column));
  if (cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_TOTAL)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
setup_name_cell (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 24);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (item, expander);
}

static void
bind_name_cell (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *label = gtk_tree_expander_get_child (expander);
  CydBudgetRow *row = item_row (item);

  gtk_tree_expander_set_list_row (expander, gtk_list_item_get_item (item));
  if (row == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (label), cyd_budget_row_get_name (row));
  if (cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_CATEGORY)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (cyd_budget_row_get_kind (row) == CYD_BUDGET_ROW_TOTAL)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
remove_columns (CydBudgetsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_column (CydBudgetsPage      *self,
            const char          *title,
            GtkListItemFactory  *factory,
            gboolean             expand)
{
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  /* Directorates' names are long: the header gives way, not the figures. */
  if (!expand)
    gtk_column_view_column_set_fixed_width (column, 170);
  gtk_column_view_append_column (self->column_view, column);
}

static void
build_columns (CydBudgetsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  remove_columns (self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cell), NULL);
  add_column (self, _("Service Line"), factory, TRUE);

  for (guint c = 0; c < cyd_budget_get_n_columns (self->budget); c++)
    {
      Cell *cell = g_new0 (Cell, 1);

      cell->page = self;
      cell->column = c;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_money_cell), cell, free_cell, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_money_cell), cell);
      add_column (self, cyd_budget_get_column_name (self->budget, c), factory, FALSE);
    }
}

static GListModel *
create_children (gpointer item,
                 gpointer data)
{
  CydBudgetsPage *self = data;

  return cyd_budget_row_create_children (item, gtk_toggle_button_get_active (self->categories_button));
}

static void
show_grid (CydBudgetsPage *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->budget == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      return;
    }
  tree = gtk_tree_list_model_new (g_object_ref (cyd_budget_get_rows (self->budget)), FALSE, FALSE,
                                  create_children, self, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&tree)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}

static void
add_merger_row (CydBudgetsPage        *self,
                const CydMergerSaving *saving)
{
  g_autofree char *baseline = cyd_money_format (saving->baseline);
  g_autofree char *merged = cyd_money_format (saving->merged);
  g_autofree char *amount = cyd_money_format (saving->saving);
  g_autofree char *subtitle = NULL;
  g_autofree char *suffix = NULL;
  g_autofree char *title = g_strdup_printf ("%*s%s", 4 * saving->depth, "", saving->name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: legacy budget → merged budget, e.g. "£12,000.00 → £10,000.00" */
  subtitle = g_strdup_printf (_("%s → %s"), baseline, merged);
  if (saving->has_percent)
    {
      g_autofree char *percent = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", saving->percent / 100,
                                                  (int) ABS (saving->percent % 100));

      /* Translators: a saving and its share of the legacy budget, "£2,000.00 (16.67%)" */
      suffix = g_strdup_printf (_("%s (%s%%)"), amount, percent);
    }
  else
    suffix = g_strdup (amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (suffix);
  gtk_widget_add_css_class (label, "numeric");
  if (saving->service_line_id == 0)
    gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->merger_list, row);
}

static void
show_merger (CydBudgetsPage *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;
  int baseline;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->merger_list))) != NULL)
    gtk_list_box_remove (self->merger_list, child);
  if (self->budget == NULL || self->years->len == 0)
    return;

  baseline = g_array_index (self->years, int, 0);
  from = cyd_financial_year_format (baseline);
  to = cyd_financial_year_format (cyd_budget_get_year (self->budget));
  if (baseline == cyd_budget_get_year (self->budget))
    {
      /* Translators: %s is a financial year, "2013/14" */
      text = g_strdup_printf (_("%s is the baseline year. Pick a later year to see what the merged directorate saves against the legacy directorates’ budgets."), from);
      gtk_label_set_label (self->merger_label, text);
      return;
    }
  /* Translators: both are financial years, "2013/14" */
  text = g_strdup_printf (_("The legacy directorates’ combined net budget in %s against the merged directorate’s in %s."), from, to);
  gtk_label_set_label (self->merger_label, text);
  rows = cyd_budget_compare_merger (self->store, baseline, cyd_budget_get_year (self->budget), &error);
  if (rows == NULL)
    {
      gtk_label_set_label (self->merger_label, error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    add_merger_row (self, g_ptr_array_index (rows, i));
}

static void
show_charts (CydBudgetsPage *self)
{
  g_autoptr(CydChart) by_line = NULL;
  g_autoptr(CydChart) history = NULL;
  g_autoptr(GError) error = NULL;

  if (self->budget != NULL)
    {
      g_autofree char *year = cyd_financial_year_format (cyd_budget_get_year (self->budget));
      /* Translators: a chart's title; %s is a financial year, "2013/14" */
      g_autofree char *title = g_strdup_printf (_("Net budget by service line and directorate, %s"), year);

      by_line = cyd_chart_new_budget_by_service_line (self->budget, title);
    }
  cyd_chart_view_set_chart (self->service_line_chart, by_line);
  if (self->store != NULL)
    {
      /* Translators: a chart's title and its three series */
      history = cyd_chart_new_budget_history (self->store, _("Net budget against forecast and actual, by year"),
                                              _("Budget"), _("Forecast"), _("Actual"), &error);
      if (history == NULL)
        show_error (self, error->message);
    }
  cyd_chart_view_set_chart (self->history_chart, history);
}

static void
load_budget (CydBudgetsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->budget);
  if (self->store != NULL && selected < self->years->len)
    {
      self->budget = cyd_budget_new (self->store, g_array_index (self->years, int, selected), &error);
      if (self->budget == NULL)
        show_error (self, error->message);
    }
  gtk_stack_set_visible_child_name (self->stack, self->budget != NULL ? "list" : "empty");
  if (self->budget != NULL)
    build_columns (self);
  show_grid (self);
  show_merger (self);
  show_charts (self);
}

static void on_year_dropdown_selected (CydBudgetsPage *self);

/* Fills the year picker, keeping the year shown when it is still there,
 * else showing the latest. */
static void
load_years (CydBudgetsPage *self)
{
  int shown = self->budget != NULL ? cyd_budget_get_year (self->budget) : 0;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  self->stale = FALSE;

  g_clear_pointer (&self->years, g_array_unref);
  self->years = self->store != NULL ? cyd_budget_list_years (self->store, &error) : NULL;
  if (self->years == NULL)
    self->years = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < self->years->len; i++)
    {
      g_autofree char *label = cyd_financial_year_format (g_array_index (self->years, int, i));

      gtk_string_list_append (labels, label);
      selected = g_array_index (self->years, int, i) == shown || shown == 0 ? i : selected;
    }
  g_signal_handlers_block_by_func (self->year_dropdown, on_year_dropdown_selected, self);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->year_dropdown, on_year_dropdown_selected, self);
  load_budget (self);
}

static void
on_year_dropdown_selected (CydBudgetsPage *self)
{
  load_budget (self);
}

static void
on_figure_dropdown_selected (CydBudgetsPage *self)
{
  /* Rebinding every visible cell: a new model over the same rows. */
  show_grid (self);
}

static void
on_categories_button_toggled (CydBudgetsPage *self)
{
  show_grid (self);
}

/* A page that is not shown reads nothing until it is. */
static void
load_years_when_shown (CydBudgetsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_years (self);
  else
    self->stale = TRUE;
}

static void
on_store_changed (CydBudgetsPage *self,
                  guint           kinds)
{
  if (kinds & (CYD_KIND_BUDGET | CYD_KIND_DIRECTORATE | CYD_KIND_SERVICE_LINE))
    load_years_when_shown (self);
}

static void
cyd_budgets_page_map (GtkWidget *widget)
{
  CydBudgetsPage *self = CYD_BUDGETS_PAGE (widget);

  GTK_WIDGET_CLASS (cyd_budgets_page_parent_class)->map (widget);
  if (self->stale)
    load_years (self);
}

static void
cyd_budgets_page_dispose (GObject *object)
{
  CydBudgetsPage *self = CYD_BUDGETS_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_BUDGETS_PAGE);
  g_clear_object (&self->budget);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cyd_budgets_page_parent_class)->dispose (object);
}

static void
cyd_budgets_page_finalize (GObject *object)
{
  CydBudgetsPage *self = CYD_BUDGETS_PAGE (object);

  g_clear_pointer (&self->years, g_array_unref);

  G_OBJECT_CLASS (cyd_budgets_page_parent_class)->finalize (object);
}

static void
cyd_budgets_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CydBudgetsPage *self = CYD_BUDGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, cyd_budgets_page_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_budgets_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CydBudgetsPage *self = CYD_BUDGETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_budgets_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_budgets_page_class_init (CydBudgetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_budgets_page_dispose;
  object_class->finalize = cyd_budgets_page_finalize;
  object_class->get_property = cyd_budgets_page_get_property;
  object_class->set_property = cyd_budgets_page_set_property;
  widget_class->map = cyd_budgets_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-budgets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, figure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, categories_button);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, merger_label);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, merger_list);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, service_line_chart);
  gtk_widget_class_bind_template_child (widget_class, CydBudgetsPage, history_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_year_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_categories_button_toggled);
}

static void
cyd_budgets_page_init (CydBudgetsPage *self)
{
  g_type_ensure (CYD_TYPE_CHART_VIEW);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_widget_init_template (GTK_WIDGET (self));
}

CydStore *
cyd_budgets_page_get_store (CydBudgetsPage *self)
{
  g_return_val_if_fail (CYD_IS_BUDGETS_PAGE (self), NULL);

  return self->store;
}

void
cyd_budgets_page_set_store (CydBudgetsPage *self,
                            CydStore       *store)
{
  g_return_if_fail (CYD_IS_BUDGETS_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_object (&self->budget);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                self, G_CONNECT_SWAPPED);
  load_years_when_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* The grid shown, for tests and reports. */
CydBudget *
cyd_budgets_page_get_budget (CydBudgetsPage *self)
{
  g_return_val_if_fail (CYD_IS_BUDGETS_PAGE (self), NULL);

  if (self->stale)
    load_years (self);
  return self->budget;
}
