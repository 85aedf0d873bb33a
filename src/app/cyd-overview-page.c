/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-overview-page.h"

#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-chart-view.h"
#include "cyd-milestones-summary.h"
#include "cyd-window.h"
#include "cyd-ui-closures.h"

struct _CydOverviewPage
{
  AdwBin        parent_instance;

  CydStore     *store;
  CydListModel *import_runs;
  gulong        changed_id;

  /* Template widgets */
  GtkLabel     *error_label;
  GtkLabel     *as_at_label;
  GtkLabel     *councils_value;
  GtkLabel     *directorates_value;
  GtkLabel     *directorates_detail;
  GtkLabel     *service_lines_value;
  GtkLabel     *posts_value;
  GtkLabel     *posts_detail;
  GtkLabel     *staff_value;
  GtkLabel     *staff_detail;
  GtkLabel     *budget_caption;
  GtkLabel     *budget_value;
  GtkLabel     *budget_detail;
  GtkLabel     *savings_value;
  GtkLabel     *savings_detail;
  GtkLabel     *milestones_value;
  GtkLabel     *milestones_detail;
  GtkLabel     *imports_value;
  GtkLabel     *welsh_gaps_value;
  GtkLabel     *welsh_gaps_detail;
  GtkStack     *imports_stack;
  GtkListView  *imports_view;
  GtkListBox   *directorates_list;
  CydChartView *savings_chart;
  CydChartView *budget_chart;
  gulong        as_at_id;
  GCancellable *loading;
  gboolean      stale;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydOverviewPage, cyd_overview_page, ADW_TYPE_BIN)

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%'u", n);

  gtk_label_set_label (label, text);
}

static void
set_detail (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
show_budget (CydOverviewPage  *self,
             const CydSummary *summary)
{
  g_autofree char *year = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *net = NULL;
  g_autofree char *compact = NULL;

  if (summary->budget_year == 0)
    {
      gtk_label_set_label (self->budget_caption, _("Net Budget"));
      gtk_label_set_label (self->budget_value, "—");
      set_detail (self->budget_detail, _("No budget lines yet"));
      return;
    }

  year = cyd_financial_year_format (summary->budget_year);
  /* Translators: %s is a financial year, such as "2024–25" */
  caption = g_strdup_printf (_("Net Budget, %s"), year);
  net = cyd_money_format (summary->budget_net);
  compact = cyd_money_format_compact (summary->budget_net);

  /* The card is narrow: the compact figure, and the exact one beneath. */
  gtk_label_set_label (self->budget_caption, caption);
  gtk_label_set_label (self->budget_value, compact);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->budget_value), net);
  set_detail (self->budget_detail, net);
}

/* The three figures councils report, by cyd-savings' rules (a saving with
 * no forecast is taken at its target; dropped ones count in no total), as
 * the Savings page shows them. */
static void
show_savings (CydOverviewPage         *self,
              const CydSavingsSummary *summary)
{
  g_autofree char *target = cyd_money_format (summary->all.target);
  g_autofree char *forecast = cyd_money_format (summary->all.forecast);
  g_autofree char *achieved = cyd_money_format (summary->all.achieved);
  /* Translators: money amounts, e.g. "Forecast £1,200,000.00 · achieved £300,000.00" */
  g_autofree char *detail = g_strdup_printf (_("Forecast %s · achieved %s"), forecast, achieved);

  gtk_label_set_label (self->savings_value, target);
  set_detail (self->savings_detail, detail);
}

static void
show_milestones (CydOverviewPage  *self,
                 const CydSummary *summary)
{
  g_autofree char *done = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *detail = NULL;

  done = g_strdup_printf (ngettext ("%u done", "%u done", summary->milestones_done),
                          summary->milestones_done);
  overdue = g_strdup_printf (ngettext ("%u overdue", "%u overdue", summary->milestones_overdue),
                             summary->milestones_overdue);
  /* Translators: two parts of a summary, e.g. "4 done, 2 overdue" */
  detail = g_strdup_printf (_("%s, %s"), done, overdue);

  set_count (self->milestones_value, summary->milestones);
  set_detail (self->milestones_detail, detail);
}

static void
show_welsh_gaps (CydOverviewPage *self,
                 guint            missing_cy,
                 guint            missing_en)
{
  g_autofree char *no_welsh = NULL;
  g_autofree char *no_english = NULL;
  g_autofree char *detail = NULL;

  no_welsh = g_strdup_printf (ngettext ("%'u without Welsh", "%'u without Welsh", missing_cy), missing_cy);
  no_english = g_strdup_printf (ngettext ("%'u without English", "%'u without English", missing_en), missing_en);
  /* Translators: two parts of a summary, e.g. "4 without Welsh · 2 without English" */
  detail = g_strdup_printf (_("%s · %s"), no_welsh, no_english);

  set_count (self->welsh_gaps_value, missing_cy + missing_en);
  gtk_label_set_label (self->welsh_gaps_detail, detail);
}

static void
add_directorate_row (CydOverviewPage *self,
                     CydStructure    *structure)
{
  const CydStructureMetrics *metrics = cyd_structure_get_metrics (structure);
  g_autofree char *fte = cyd_fte_format (metrics->staff_fte);
  g_autofree char *figures = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: headcount and FTE of a directorate, "312 people · 287.40 FTE" */
  figures = g_strdup_printf (ngettext ("%'u person · %s FTE", "%'u people · %s FTE", (gulong) metrics->headcount),
                             (guint) metrics->headcount, fte);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cyd_structure_get_name (structure));
  if (cyd_structure_is_merged (structure))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Merged directorate"));
  label = gtk_label_new (figures);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->directorates_list, row);
}

/* Headcount and FTE of each directorate. */
static void
show_directorates (CydOverviewPage *self,
                   GPtrArray       *structures)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->directorates_list))) != NULL)
    gtk_list_box_remove (self->directorates_list, child);
  for (guint i = 0; i < structures->len; i++)
    add_directorate_row (self, g_ptr_array_index (structures, i));
}


static void
show_summary (CydOverviewPage  *self,
              const CydSummary *summary)
{
  g_autofree char *merged = NULL;
  g_autofree char *vacant = NULL;
  g_autofree char *fte = cyd_fte_format (summary->staff_fte);
  g_autofree char *fte_detail = NULL;

  if (summary->merged_directorates > 0)
    merged = g_strdup_printf (ngettext ("merging into %u directorate", "merging into %u directorates",
                                        summary->merged_directorates),
                              summary->merged_directorates);
  vacant = g_strdup_printf (ngettext ("%'u vacant", "%'u vacant", summary->vacant_posts),
                            summary->vacant_posts);
  /* Translators: %s is a number of full-time equivalent posts, e.g. "1,234.5" */
  fte_detail = g_strdup_printf (_("%s FTE"), fte);

  set_count (self->councils_value, summary->councils);
  set_count (self->directorates_value, summary->legacy_directorates);
  set_detail (self->directorates_detail, merged);
  set_count (self->service_lines_value, summary->service_lines);
  set_count (self->posts_value, summary->posts);
  set_detail (self->posts_detail, vacant);
  set_count (self->staff_value, summary->staff);
  set_detail (self->staff_detail, fte_detail);
  set_count (self->imports_value, summary->import_runs);
  show_budget (self, summary);
  show_milestones (self, summary);
}

/* Everything the page shows, read in a worker thread. */
typedef struct {
  char              *as_at;
  CydSummary         summary;
  GError            *summary_error;
  GPtrArray         *structures;
  GError            *structures_error;
  CydSavingsSummary *savings;
  CydChart          *savings_chart;
  CydChart          *budget_chart;
  guint              missing_cy;
  guint              missing_en;
  GError            *gaps_error;
} PageData;

static void
page_data_free (PageData *data)
{
  g_free (data->as_at);
  g_clear_error (&data->summary_error);
  g_clear_pointer (&data->structures, g_ptr_array_unref);
  g_clear_error (&data->structures_error);
  g_clear_pointer (&data->savings, cyd_savings_summary_free);
  g_clear_object (&data->savings_chart);
  g_clear_object (&data->budget_chart);
  g_clear_error (&data->gaps_error);
  g_free (data);
}

static void
read_charts (CydStore *store,
             PageData *data)
{
  g_autoptr(CydBudget) budget = NULL;

  data->savings = cyd_savings_summarise (store, 0, NULL);
  if (data->savings != NULL)
    /* Translators: a chart's title and its three series */
    data->savings_chart = cyd_chart_new_savings (data->savings, _("Savings by service line"), _("Target"),
                                                 _("Forecast"), _("Achieved"));
  if (data->summary.budget_year != 0)
    budget = cyd_budget_new (store, data->summary.budget_year, NULL);
  if (budget != NULL)
    {
      g_autofree char *year = cyd_financial_year_format (data->summary.budget_year);
      /* Translators: a chart's title; %s is a financial year, "2013/14" */
      g_autofree char *title = g_strdup_printf (_("Net budget by service line and directorate, %s"), year);

      data->budget_chart = cyd_chart_new_budget_by_service_line (budget, title);
    }
}

static gpointer
read_page_data (CydStore      *store,
                gpointer       user_data,
                GCancellable  *cancellable,
                GError       **error)
{
  PageData *data = g_new0 (PageData, 1);

  data->as_at = g_strdup (user_data);
  if (!cyd_store_get_summary (store, data->as_at, &data->summary, &data->summary_error))
    return data;
  data->structures = cyd_structure_load_all (store, data->as_at, &data->structures_error);
  read_charts (store, data);
  cyd_welsh_gaps_count (store, &data->missing_cy, &data->missing_en, &data->gaps_error);
  return data;
}

static void
show_error (CydOverviewPage *self,
            const GError    *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
on_page_data_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CydOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PageData *data = cyd_store_read_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (data == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (data->summary_error != NULL)
    show_error (self, data->summary_error);
  else
    {
      show_summary (self, &data->summary);
      if (data->savings != NULL)
        show_savings (self, data->savings);
      cyd_chart_view_set_chart (self->savings_chart, data->savings_chart);
      cyd_chart_view_set_chart (self->budget_chart, data->budget_chart);
      if (data->structures != NULL)
        show_directorates (self, data->structures);
      else
        show_error (self, data->structures_error);
      if (data->gaps_error != NULL)
        {
          gtk_label_set_label (self->welsh_gaps_value, "—");
          gtk_label_set_label (self->welsh_gaps_detail, data->gaps_error->message);
        }
      else
        show_welsh_gaps (self, data->missing_cy, data->missing_en);
    }
  page_data_free (data);
}

/* The page reads its figures only while it is shown, and never on the
 * window's thread: a large programme takes a moment. */
static void
refresh (CydOverviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *today = CYD_IS_WINDOW (root) && cyd_window_get_as_at (CYD_WINDOW (root)) != NULL
                           ? g_strdup (cyd_window_get_as_at (CYD_WINDOW (root)))
                           : cyd_date_today_iso ();
  g_autofree char *today_text = cyd_date_format (today);
  g_autofree char *as_at = NULL;

  if (self->store == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  /* Translators: %s is a date, such as "1 April 2024" */
  as_at = g_strdup_printf (_("As at %s"), today_text);
  gtk_label_set_label (self->as_at_label, as_at);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  cyd_store_read_async (self->store, read_page_data, g_steal_pointer (&today), g_free,
                        (GDestroyNotify) page_data_free, self->loading,
                        on_page_data_read, g_object_ref (self));
}

static void
cyd_overview_page_map (GtkWidget *widget)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cyd_overview_page_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

/* Whether the page is waiting for its figures. */
gboolean
cyd_overview_page_is_loading (CydOverviewPage *self)
{
  g_return_val_if_fail (CYD_IS_OVERVIEW_PAGE (self), FALSE);

  return self->loading != NULL || self->stale;
}

static void
update_imports_stack (CydOverviewPage *self)
{
  gboolean any = self->import_runs != NULL
                 && g_list_model_get_n_items (G_LIST_MODEL (self->import_runs)) > 0;

  gtk_stack_set_visible_child_name (self->imports_stack, any ? "list" : "empty");
}

static void
on_store_changed (CydOverviewPage *self)
{
  refresh (self);
}

static void
on_import_runs_items_changed (CydOverviewPage *self)
{
  update_imports_stack (self);
}

static void
cyd_overview_page_root (GtkWidget *widget)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cyd_overview_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (CYD_IS_WINDOW (root))
    self->as_at_id = g_signal_connect_object (root, "notify::as-at", G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cyd_overview_page_unroot (GtkWidget *widget)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (widget);

  g_clear_signal_handler (&self->as_at_id, gtk_widget_get_root (widget));
  GTK_WIDGET_CLASS (cyd_overview_page_parent_class)->unroot (widget);
}

static void
cyd_overview_page_dispose (GObject *object)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->import_runs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cyd_overview_page_parent_class)->dispose (object);
}

static void
cyd_overview_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_overview_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CydOverviewPage *self = CYD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_overview_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_overview_page_class_init (CydOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_overview_page_dispose;
  object_class->get_property = cyd_overview_page_get_property;
  object_class->set_property = cyd_overview_page_set_property;
  widget_class->root = cyd_overview_page_root;
  widget_class->unroot = cyd_overview_page_unroot;
  widget_class->map = cyd_overview_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYD_TYPE_MILESTONES_SUMMARY);
  g_type_ensure (CYD_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, as_at_label);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, councils_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, directorates_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, directorates_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, service_lines_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, posts_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, posts_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, staff_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, staff_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, budget_caption);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, budget_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, budget_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, savings_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, savings_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, milestones_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, milestones_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, imports_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, welsh_gaps_value);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, welsh_gaps_detail);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, imports_stack);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, imports_view);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, directorates_list);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, savings_chart);
  gtk_widget_class_bind_template_child (widget_class, CydOverviewPage, budget_chart);
  cyd_ui_closures_add_to_class (widget_class);
}

static void
cyd_overview_page_init (CydOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CydStore *
cyd_overview_page_get_store (CydOverviewPage *self)
{
  g_return_val_if_fail (CYD_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

void
cyd_overview_page_set_store (CydOverviewPage *self,
                             CydStore        *store)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CYD_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_object (&self->import_runs);

  if (store != NULL)
    {
      self->changed_id = g_signal_connect_object (store, "changed",
                                                  G_CALLBACK (on_store_changed),
                                                  self, G_CONNECT_SWAPPED);
      self->import_runs = cyd_list_model_new (store, CYD_KIND_IMPORT_RUN);
      g_signal_connect_object (self->import_runs, "items-changed",
                               G_CALLBACK (on_import_runs_items_changed),
                               self, G_CONNECT_SWAPPED);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->import_runs)));
    }

  gtk_list_view_set_model (self->imports_view, GTK_SELECTION_MODEL (selection));
  update_imports_stack (self);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
