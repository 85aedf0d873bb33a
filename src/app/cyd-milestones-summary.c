/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-milestones-summary.h"

#include <glib/gi18n.h>

#define MAX_ROWS 10

struct _CydMilestonesSummary
{
  AdwBin      parent_instance;

  CydStore   *store;
  char       *as_at;
  GSettings  *settings;
  gulong      changed_id;
  GBinding   *as_at_binding;
  guint       n_next;
  guint       n_overdue;

  /* Template widgets */
  GtkLabel   *counts_label;
  GtkListBox *next_list;
  GtkListBox *overdue_list;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydMilestonesSummary, cyd_milestones_summary, ADW_TYPE_BIN)

static const char *
rag_label (CydRag rag)
{
  switch (rag)
    {
    case CYD_RAG_RED: return C_("RAG", "Red");
    case CYD_RAG_AMBER: return C_("RAG", "Amber");
    case CYD_RAG_GREEN:
    case CYD_RAG_NONE:
    default: return C_("RAG", "Green");
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox       *list,
         CydMilestonePlan *plan,
         guint             i)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", cyd_milestone_plan_get_code (plan, i),
                                            cyd_milestone_plan_get_title (plan, i));
  g_autofree char *due = cyd_date_format (cyd_milestone_plan_get_due (plan, i));
  /* Translators: a milestone's due date and RAG rating, e.g. "1 April 2014 · Red" */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), due, rag_label (cyd_milestone_plan_get_rag (plan, i)));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_append (list, row);
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
show_counts (CydMilestonesSummary *self,
             guint                 red,
             guint                 amber,
             guint                 green,
             guint                 at_risk)
{
  g_autofree char *r = g_strdup_printf (ngettext ("%u red", "%u red", red), red);
  g_autofree char *a = g_strdup_printf (ngettext ("%u amber", "%u amber", amber), amber);
  g_autofree char *g = g_strdup_printf (ngettext ("%u green", "%u green", green), green);
  g_autofree char *k = g_strdup_printf (ngettext ("%u at risk", "%u at risk", at_risk), at_risk);
  /* Translators: the counts of each RAG rating, e.g. "3 red · 5 amber · 20 green · 2 at risk" */
  g_autofree char *text = g_strdup_printf (_("%s · %s · %s · %s"), r, a, g, k);

  gtk_label_set_label (self->counts_label, text);
}

static void
refresh (CydMilestonesSummary *self)
{
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autofree char *as_at = self->as_at != NULL ? g_strdup (self->as_at) : cyd_date_today_iso ();
  guint counts[4] = { 0 }, at_risk = 0, more = 0;

  clear_list (self->next_list);
  clear_list (self->overdue_list);
  self->n_next = self->n_overdue = 0;
  if (self->store != NULL)
    plan = cyd_milestone_plan_load (self->store, NULL);
  if (plan != NULL)
    cyd_milestone_plan_compute (plan, as_at, (guint) CLAMP (g_settings_get_int (self->settings, "due-soon-days"), 1, 90));

  for (guint i = 0; plan != NULL && i < cyd_milestone_plan_get_n (plan); i++)
    {
      const char *status = cyd_milestone_plan_get_status (plan, i);
      gboolean open = g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "cancelled") != 0;
      gboolean overdue = open && strcmp (cyd_milestone_plan_get_due (plan, i), as_at) < 0;

      counts[cyd_milestone_plan_get_rag (plan, i)]++;
      at_risk += cyd_milestone_plan_get_at_risk (plan, i);
      if (overdue && self->n_overdue < MAX_ROWS)
        add_row (self->overdue_list, plan, i), self->n_overdue++;
      else if (overdue)
        more++;
      else if (open && self->n_next < MAX_ROWS)
        add_row (self->next_list, plan, i), self->n_next++;
    }
  if (more > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("and %u more", "and %u more", more), more);

      add_placeholder (self->overdue_list, text);
      self->n_overdue += more;
    }
  if (self->n_next == 0)
    add_placeholder (self->next_list, _("Nothing is due."));
  if (self->n_overdue == 0)
    add_placeholder (self->overdue_list, _("Nothing is overdue."));
  show_counts (self, counts[CYD_RAG_RED], counts[CYD_RAG_AMBER], counts[CYD_RAG_GREEN], at_risk);
}

static void
on_store_changed (CydMilestonesSummary *self,
                  guint                 kinds)
{
  if (kinds & (CYD_KIND_MILESTONE | CYD_KIND_STAFF))
    refresh (self);
}

/* Follows the window's "as at" date when the window has one. */
static void
cyd_milestones_summary_root (GtkWidget *widget)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cyd_milestones_summary_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "as-at") != NULL)
    self->as_at_binding = g_object_bind_property (root, "as-at", self, "as-at", G_BINDING_SYNC_CREATE);
}

static void
cyd_milestones_summary_unroot (GtkWidget *widget)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (widget);

  g_clear_pointer (&self->as_at_binding, g_binding_unbind);
  GTK_WIDGET_CLASS (cyd_milestones_summary_parent_class)->unroot (widget);
}

static void
cyd_milestones_summary_dispose (GObject *object)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_MILESTONES_SUMMARY);

  G_OBJECT_CLASS (cyd_milestones_summary_parent_class)->dispose (object);
}

static void
cyd_milestones_summary_finalize (GObject *object)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (object);

  g_free (self->as_at);

  G_OBJECT_CLASS (cyd_milestones_summary_parent_class)->finalize (object);
}

static void
cyd_milestones_summary_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_milestones_summary_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CydMilestonesSummary *self = CYD_MILESTONES_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_milestones_summary_set_store (self, g_value_get_object (value));
      break;

    case PROP_AS_AT:
      cyd_milestones_summary_set_as_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_milestones_summary_class_init (CydMilestonesSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_milestones_summary_dispose;
  object_class->finalize = cyd_milestones_summary_finalize;
  object_class->get_property = cyd_milestones_summary_get_property;
  object_class->set_property = cyd_milestones_summary_set_property;
  widget_class->root = cyd_milestones_summary_root;
  widget_class->unroot = cyd_milestones_summary_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* YYYY-MM-DD, or %NULL for today. */
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-milestones-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesSummary, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesSummary, next_list);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesSummary, overdue_list);
}

static void
cyd_milestones_summary_init (CydMilestonesSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::due-soon-days",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

CydStore *
cyd_milestones_summary_get_store (CydMilestonesSummary *self)
{
  g_return_val_if_fail (CYD_IS_MILESTONES_SUMMARY (self), NULL);

  return self->store;
}

void
cyd_milestones_summary_set_store (CydMilestonesSummary *self,
                                  CydStore             *store)
{
  g_return_if_fail (CYD_IS_MILESTONES_SUMMARY (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (self->store == store)
    return;
  g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                self, G_CONNECT_SWAPPED);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
cyd_milestones_summary_get_as_at (CydMilestonesSummary *self)
{
  g_return_val_if_fail (CYD_IS_MILESTONES_SUMMARY (self), NULL);

  return self->as_at;
}

void
cyd_milestones_summary_set_as_at (CydMilestonesSummary *self,
                                  const char           *as_at)
{
  g_return_if_fail (CYD_IS_MILESTONES_SUMMARY (self));

  if (g_strcmp0 (as_at, self->as_at) == 0)
    return;
  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_AT]);
}

/* How many milestones the "Next Due" list shows (at most ten). */
guint
cyd_milestones_summary_get_n_next (CydMilestonesSummary *self)
{
  g_return_val_if_fail (CYD_IS_MILESTONES_SUMMARY (self), 0);

  return self->n_next;
}

/* How many milestones are overdue (the list shows the first ten). */
guint
cyd_milestones_summary_get_n_overdue (CydMilestonesSummary *self)
{
  g_return_val_if_fail (CYD_IS_MILESTONES_SUMMARY (self), 0);

  return self->n_overdue;
}
