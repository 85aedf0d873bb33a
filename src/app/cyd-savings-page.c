/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-savings-page.h"

#include <glib/gi18n.h>

#include "cyd-chart-view.h"
#include "cyd-column-sorter.h"
#include "cyd-saving-dialog.h"
#include "cyd-savings.h"
#include "cyd-ui-closures.h"

struct _CydSavingsPage
{
  CydListPage     parent_instance;

  /* Template widgets */
  GtkLabel       *target_value;
  GtkLabel       *target_detail;
  GtkLabel       *forecast_value;
  GtkLabel       *forecast_detail;
  GtkLabel       *achieved_value;
  GtkLabel       *achieved_detail;
  GtkLabel       *share_value;
  GtkLabel       *share_detail;
  GtkListBox     *status_list;
  GtkListBox     *service_line_list;
  CydChartView   *chart_view;
};

G_DEFINE_FINAL_TYPE (CydSavingsPage, cyd_savings_page, CYD_TYPE_LIST_PAGE)

static const char *
status_label (CydSavingStatus status)
{
  switch (status)
    {
    case CYD_SAVING_PLANNED: return C_("saving status", "Planned");
    case CYD_SAVING_ON_TRACK: return C_("saving status", "On track");
    case CYD_SAVING_AT_RISK: return C_("saving status", "At risk");
    case CYD_SAVING_ACHIEVED: return C_("saving status", "Achieved");
    case CYD_SAVING_DROPPED:
    case CYD_SAVING_N_STATUSES:
    default: return C_("saving status", "Dropped");
    }
}

/* "12.34%" from hundredths of a percent. */
static char *
format_share (CydMoney part,
              CydMoney whole)
{
  gboolean has;
  gint64 share = cyd_savings_share (part, whole, &has);
  g_autofree char *number = NULL;

  if (!has)
    return g_strdup ("—");
  number = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", share / 100, (int) ABS (share % 100));
  /* Translators: a percentage, "87.50%" */
  return g_strdup_printf (_("%s%%"), number);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* One line of a totals table: its name and count, then the three figures. */
static void
add_totals_row (GtkListBox             *list,
                const char             *name,
                const CydSavingsTotals *totals)
{
  g_autofree char *target = cyd_money_format (totals->target);
  g_autofree char *forecast = cyd_money_format (totals->forecast);
  g_autofree char *achieved = cyd_money_format (totals->achieved);
  g_autofree char *subtitle = NULL;
  g_autofree char *figures = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  subtitle = g_strdup_printf (ngettext ("%u saving", "%u savings", totals->count), totals->count);
  /* Translators: target · forecast · achieved, in a totals table */
  figures = g_strdup_printf (_("Target %s · Forecast %s · Achieved %s"), target, forecast, achieved);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  label = gtk_label_new (figures);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (list, row);
}

static void
show_figures (CydSavingsPage          *self,
              const CydSavingsSummary *summary)
{
  const CydSavingsTotals *all = &summary->all;
  g_autofree char *target = cyd_money_format (all->target);
  g_autofree char *forecast = cyd_money_format (all->forecast);
  g_autofree char *achieved = cyd_money_format (all->achieved);
  g_autofree char *achieved_share = format_share (all->achieved, all->target);
  g_autofree char *forecast_share = format_share (all->forecast, all->target);
  g_autofree char *count = g_strdup_printf (ngettext ("%u saving, not counting dropped ones",
                                                      "%u savings, not counting dropped ones", all->count),
                                            all->count);
  g_autofree char *rag = NULL;
  g_autofree char *forecast_detail = NULL;

  /* Translators: how many savings are rated red, amber and green */
  rag = g_strdup_printf (_("Red %u · Amber %u · Green %u"), summary->by_rag[CYD_RAG_RED],
                         summary->by_rag[CYD_RAG_AMBER], summary->by_rag[CYD_RAG_GREEN]);
  /* Translators: %s is a share, "92.50%" */
  forecast_detail = g_strdup_printf (_("%s of target"), forecast_share);
  gtk_label_set_label (self->target_value, target);
  gtk_label_set_label (self->target_detail, count);
  gtk_label_set_label (self->forecast_value, forecast);
  gtk_label_set_label (self->forecast_detail, forecast_detail);
  gtk_label_set_label (self->achieved_value, achieved);
  gtk_label_set_label (self->achieved_detail, rag);
  gtk_label_set_label (self->share_value, achieved_share);
  gtk_label_set_label (self->share_detail, _("Achieved so far, of the target"));
}

static void
show_totals (CydSavingsPage          *self,
             const CydSavingsSummary *summary)
{
  clear_list (self->status_list);
  clear_list (self->service_line_list);
  for (guint i = 0; i < CYD_SAVING_N_STATUSES; i++)
    if (summary->by_status[i].count > 0)
      add_totals_row (self->status_list, status_label (i), &summary->by_status[i]);
  for (guint i = 0; i < summary->by_service_line->len; i++)
    {
      CydSavingsLine *line = g_ptr_array_index (summary->by_service_line, i);

      add_totals_row (self->service_line_list, line->name, &line->totals);
    }
  add_totals_row (self->service_line_list, _("All Savings"), &summary->all);
}

static void
load_summary (CydSavingsPage *self)
{
  g_autoptr(CydSavingsSummary) summary = NULL;
  g_autoptr(CydChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  CydStore *store = cyd_list_page_get_store (CYD_LIST_PAGE (self));

  if (store == NULL)
    return;
  summary = cyd_savings_summarise (store, 0, &error);
  if (summary == NULL)
    {
      cyd_list_page_show_toast (CYD_LIST_PAGE (self), error->message);
      return;
    }
  show_figures (self, summary);
  show_totals (self, summary);
  /* Translators: a chart's title and its three series */
  chart = cyd_chart_new_savings (summary, _("Savings by service line"), _("Target"), _("Forecast"),
                                 _("Achieved"));
  cyd_chart_view_set_chart (self->chart_view, chart);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cyd_list_page_open (CYD_LIST_PAGE (widget), 0);
}

static GtkWindow *
cyd_savings_page_create_dialog (CydListPage *page,
                                GtkWindow   *parent,
                                CydStore    *store,
                                gint64       id)
{
  return GTK_WINDOW (cyd_saving_dialog_new (parent, store, id));
}

static void
cyd_savings_page_store_changed (CydListPage *page,
                                guint        kinds)
{
  if (kinds & (CYD_KIND_SAVING | CYD_KIND_SERVICE_LINE | CYD_KIND_DIRECTORATE))
    load_summary (CYD_SAVINGS_PAGE (page));
}

static void
cyd_savings_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYD_TYPE_SAVINGS_PAGE);

  G_OBJECT_CLASS (cyd_savings_page_parent_class)->dispose (object);
}

static void
cyd_savings_page_class_init (CydSavingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydListPageClass *page_class = CYD_LIST_PAGE_CLASS (klass);

  object_class->dispose = cyd_savings_page_dispose;
  page_class->create_dialog = cyd_savings_page_create_dialog;
  page_class->store_changed = cyd_savings_page_store_changed;

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);
  g_type_ensure (CYD_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-savings-page.ui");
  cyd_list_page_class_bind_list (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, target_value);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, target_detail);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, forecast_value);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, forecast_detail);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, achieved_value);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, achieved_detail);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, share_value);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, share_detail);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, status_list);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, service_line_list);
  gtk_widget_class_bind_template_child (widget_class, CydSavingsPage, chart_view);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "savings.add", NULL, add_action);
}

static void
cyd_savings_page_init (CydSavingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  cyd_list_page_bind (CYD_LIST_PAGE (self), CYD_TYPE_SAVINGS_PAGE, CYD_KIND_SAVING, CYD_LIST_PAGE_NONE);
  g_signal_connect (self, "notify::store", G_CALLBACK (load_summary), NULL);
}
