/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-milestones-page.h"

#include <glib/gi18n.h>

#include "cyd-column-sorter.h"
#include "cyd-edit-form.h"
#include "cyd-list-binding.h"
#include "cyd-milestone-dialog.h"
#include "cyd-timeline-view.h"
#include "cyd-ui-closures.h"

static const char * const status_values[] = { NULL, "not-started", "in-progress", "done", "cancelled" };
static const char * const rag_values[] = { NULL, "red", "amber", "green" };

struct _CydMilestonesPage
{
  CydListPage       parent_instance;

  CydListBinding   *binding;        /* the page's */
  GtkStack         *stack;          /* the template's "stack" */
  CydMilestonePlan *plan;
  GSettings        *settings;
  gboolean          filling_filters;
  guint             scroll_id;

  /* Template widgets */
  GtkToggleButton  *timeline_toggle;
  GtkDropDown      *workstream_dropdown;
  GtkStringList    *workstream_list;
  GtkDropDown      *owner_dropdown;
  GtkStringList    *owner_list;
  GtkDropDown      *status_dropdown;
  GtkDropDown      *rag_dropdown;
  GtkToggleButton  *overdue_toggle;
  GtkToggleButton  *due_soon_toggle;
  GtkScrolledWindow *timeline_scroller;
  CydTimelineView  *timeline_view;
  GtkLabel         *details_title;
  GtkLabel         *details_label;
};

G_DEFINE_FINAL_TYPE (CydMilestonesPage, cyd_milestones_page, CYD_TYPE_LIST_PAGE)

static char *
dup_as_at (CydMilestonesPage *self)
{
  return cyd_list_page_dup_as_at (CYD_LIST_PAGE (self));
}

static CydStore *
get_store (CydMilestonesPage *self)
{
  return cyd_list_page_get_store (CYD_LIST_PAGE (self));
}

static guint
due_soon_days (CydMilestonesPage *self)
{
  return (guint) CLAMP (g_settings_get_int (self->settings, "due-soon-days"), 1, 90);
}

static const char *
dropdown_text (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return gtk_string_object_get_string (item);
}

static void
refill_list (GtkDropDown   *dropdown,
             GtkStringList *list,
             const char    *all,
             GPtrArray     *values)
{
  g_autofree char *keep = g_strdup (dropdown_text (dropdown));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint selected = 0;

  g_ptr_array_insert (values, 0, (gpointer) all);
  g_ptr_array_add (values, NULL);
  gtk_string_list_splice (list, 0, n, (const char * const *) values->pdata);
  for (guint i = 1; keep != NULL && i < values->len - 1; i++)
    if (g_str_equal (g_ptr_array_index (values, i), keep))
      selected = i;
  gtk_drop_down_set_selected (dropdown, selected);
}

static GPtrArray *
distinct_values (CydMilestonePlan *plan,
                 const char       *(*getter) (CydMilestonePlan *, guint))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *values = g_ptr_array_new ();

  for (guint i = 0; plan != NULL && i < cyd_milestone_plan_get_n (plan); i++)
    {
      const char *value = getter (plan, i);

      if (value != NULL && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, (gpointer) value);
    }
  g_ptr_array_sort (values, (GCompareFunc) g_utf8_collate);
  return values;
}

static void
fill_filters (CydMilestonesPage *self)
{
  g_autoptr(GPtrArray) workstreams = distinct_values (self->plan, cyd_milestone_plan_get_workstream);
  g_autoptr(GPtrArray) owners = distinct_values (self->plan, cyd_milestone_plan_get_owner);

  self->filling_filters = TRUE;
  refill_list (self->workstream_dropdown, self->workstream_list, _("All Workstreams"), workstreams);
  refill_list (self->owner_dropdown, self->owner_list, _("All Owners"), owners);
  self->filling_filters = FALSE;
}

static void
apply_filters (CydMilestonesPage *self)
{
  CydListModel *model = cyd_list_binding_get_model (self->binding);
  g_autofree char *as_at = dup_as_at (self);
  guint rag = gtk_drop_down_get_selected (self->rag_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  if (model == NULL)
    return;
  cyd_list_model_set_milestone_rating (model, cyd_list_page_get_as_at (CYD_LIST_PAGE (self)), due_soon_days (self));
  cyd_list_model_set_filter (model, "workstream", dropdown_text (self->workstream_dropdown));
  cyd_list_model_set_filter (model, "owner", dropdown_text (self->owner_dropdown));
  cyd_list_model_set_filter (model, "status", status < G_N_ELEMENTS (status_values) ? status_values[status] : NULL);
  cyd_list_model_set_filter (model, "rag", rag < G_N_ELEMENTS (rag_values) ? rag_values[rag] : NULL);
  cyd_list_model_set_filter (model, "at-risk", rag == 4 ? "1" : NULL);
  cyd_list_model_set_filter (model, "overdue", gtk_toggle_button_get_active (self->overdue_toggle) ? as_at : NULL);
  cyd_list_model_set_filter (model, "due-within-30-days",
                             gtk_toggle_button_get_active (self->due_soon_toggle) ? as_at : NULL);
}

static gint64
selected_id (CydMilestonesPage *self)
{
  if (gtk_toggle_button_get_active (self->timeline_toggle))
    return cyd_timeline_view_get_selected (self->timeline_view);
  return cyd_list_page_get_selected_id (CYD_LIST_PAGE (self));
}

static void
update_actions (CydMilestonesPage *self)
{
  gboolean any = get_store (self) != NULL;
  gboolean selected = selected_id (self) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.add", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "milestones.complete", selected);
}

static void
append_line (GString    *s,
             const char *caption,
             const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value != NULL ? value : "—", -1);
  g_autofree char *caption_escaped = g_markup_escape_text (caption, -1);

  g_string_append_printf (s, "<b>%s</b>\n%s\n\n", caption_escaped, escaped);
}

static void
show_details (CydMilestonesPage *self)
{
  gint64 id = cyd_timeline_view_get_selected (self->timeline_view);
  guint i = self->plan != NULL ? cyd_milestone_plan_find (self->plan, id) : CYD_MILESTONE_NO_CAUSE;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *due = NULL;
  g_autofree char *rag = NULL;
  g_autofree char *risk = NULL;
  g_autoptr(GString) deps = g_string_new (NULL);
  const guint *dep;
  guint n = 0;

  if (i == CYD_MILESTONE_NO_CAUSE)
    {
      gtk_label_set_label (self->details_title, _("Select a milestone to see its details."));
      gtk_label_set_label (self->details_label, "");
      return;
    }
  title = g_strdup_printf ("%s — %s", cyd_milestone_plan_get_code (self->plan, i),
                           cyd_milestone_plan_get_title (self->plan, i));
  due = cyd_date_format (cyd_milestone_plan_get_due (self->plan, i));
  rag = cyd_milestone_plan_dup_rag_text (self->plan, i);
  risk = cyd_milestone_plan_dup_risk_text (self->plan, i);
  dep = cyd_milestone_plan_get_dependencies (self->plan, i, &n);
  for (guint j = 0; j < n; j++)
    g_string_append_printf (deps, "%s%s", j > 0 ? ", " : "", cyd_milestone_plan_get_code (self->plan, dep[j]));

  append_line (s, cyd_milestone_plan_is_decision (self->plan, i) ? C_("milestone kind", "Decision")
                                                                 : C_("milestone kind", "Milestone"),
               cyd_milestone_plan_get_workstream (self->plan, i));
  append_line (s, C_("column, due date", "Due"), due);
  append_line (s, _("Owner"), cyd_milestone_plan_get_owner (self->plan, i));
  {
    CydRag value = cyd_milestone_plan_get_rag (self->plan, i);
    /* Translators: a RAG rating and why, e.g. "Red: Overdue: it was due on 1 April 2014" */
    g_autofree char *line = g_strdup_printf (_("%s: %s"),
                                             value == CYD_RAG_RED ? C_("RAG", "Red")
                                             : value == CYD_RAG_AMBER ? C_("RAG", "Amber") : C_("RAG", "Green"),
                                             rag);

    append_line (s, C_("column, red/amber/green rating", "RAG"), line);
  }
  if (risk != NULL)
    append_line (s, C_("RAG", "At Risk"), risk);
  append_line (s, _("Depends On"), deps->len > 0 ? deps->str : NULL);
  gtk_label_set_label (self->details_title, title);
  gtk_label_set_markup (self->details_label, s->str);
}

static void
reload_plan (CydMilestonesPage *self)
{
  CydStore *store = get_store (self);
  g_autofree char *as_at = dup_as_at (self);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->plan);
  if (store != NULL)
    {
      self->plan = cyd_milestone_plan_load (store, &error);
      if (self->plan == NULL)
        cyd_list_page_show_toast (CYD_LIST_PAGE (self), error->message);
      else
        cyd_milestone_plan_compute (self->plan, as_at, due_soon_days (self));
    }
  cyd_timeline_view_set_plan (self->timeline_view, self->plan, as_at);
  fill_filters (self);
  apply_filters (self);
  show_details (self);
  update_actions (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cyd_list_page_open (CYD_LIST_PAGE (widget), 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CydMilestonesPage *self = CYD_MILESTONES_PAGE (widget);
  gint64 id = selected_id (self);

  if (id != 0)
    cyd_list_page_open (CYD_LIST_PAGE (self), id);
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CydMilestonesPage *self = CYD_MILESTONES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!cyd_milestones_page_complete (self, selected_id (self), &error))
    {
      cyd_list_page_show_toast (CYD_LIST_PAGE (self), error->message);
      return;
    }
  cyd_list_page_show_toast (CYD_LIST_PAGE (self), _("Milestone marked done"));
}

static void
on_filter_changed (CydMilestonesPage *self)
{
  if (!self->filling_filters)
    apply_filters (self);
}

static void
on_view_changed (CydMilestonesPage *self)
{
  update_actions (self);
}

/* Keeps the selected milestone in view as the arrow keys move it; after
 * the next layout, since a zoom changes the size. */
static gboolean
scroll_to_selected (gpointer data)
{
  CydMilestonesPage *self = data;
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->timeline_scroller);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->timeline_scroller);
  double x, y;

  self->scroll_id = 0;
  if (cyd_timeline_view_get_position (self->timeline_view, &x, &y))
    {
      gtk_adjustment_clamp_page (h, MAX (0, x - 200), x + 200);
      gtk_adjustment_clamp_page (v, MAX (0, y - 40), y + 40);
    }
  return G_SOURCE_REMOVE;
}

static void
on_timeline_selected (CydMilestonesPage *self)
{
  if (self->scroll_id == 0)
    self->scroll_id = g_timeout_add (50, scroll_to_selected, self);
  show_details (self);
  update_actions (self);
}

static void
on_model_items_changed (CydMilestonesPage *self)
{
  CydListModel *model = cyd_list_binding_get_model (self->binding);

  /* The binding says "empty" when there is no search; with filters on, an
   * empty list means no results. */
  if (model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) == 0
      && cyd_store_count (get_store (self), CYD_KIND_MILESTONE) > 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  update_actions (self);
}

static void
on_model_changed (CydMilestonesPage *self)
{
  CydListModel *model = cyd_list_binding_get_model (self->binding);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_items_changed), self,
                             G_CONNECT_SWAPPED);
}

static void
on_column_view_model_changed (CydMilestonesPage *self,
                              GParamSpec        *pspec,
                              GObject           *column_view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));

  if (selection != NULL)
    g_signal_connect_object (selection, "selection-changed", G_CALLBACK (update_actions), self,
                             G_CONNECT_SWAPPED);
  update_actions (self);
}

static void
on_settings_changed (CydMilestonesPage *self)
{
  reload_plan (self);
}

static GtkWindow *
cyd_milestones_page_create_dialog (CydListPage *page,
                                   GtkWindow   *parent,
                                   CydStore    *store,
                                   gint64       id)
{
  CydMilestonesPage *self = CYD_MILESTONES_PAGE (page);
  g_autofree char *as_at = dup_as_at (self);

  return GTK_WINDOW (cyd_milestone_dialog_new (parent, store, id, as_at, due_soon_days (self)));
}

static void
cyd_milestones_page_store_changed (CydListPage *page,
                                   guint        kinds)
{
  if (kinds & (CYD_KIND_MILESTONE | CYD_KIND_STAFF))
    reload_plan (CYD_MILESTONES_PAGE (page));
}

static void
cyd_milestones_page_dispose (GObject *object)
{
  CydMilestonesPage *self = CYD_MILESTONES_PAGE (object);

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_MILESTONES_PAGE);

  G_OBJECT_CLASS (cyd_milestones_page_parent_class)->dispose (object);
}

static void
cyd_milestones_page_class_init (CydMilestonesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydListPageClass *page_class = CYD_LIST_PAGE_CLASS (klass);

  object_class->dispose = cyd_milestones_page_dispose;
  page_class->create_dialog = cyd_milestones_page_create_dialog;
  page_class->store_changed = cyd_milestones_page_store_changed;

  g_type_ensure (CYD_TYPE_COLUMN_SORTER);
  g_type_ensure (CYD_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-milestones-page.ui");
  cyd_list_page_class_bind_list (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, timeline_toggle);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, workstream_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, workstream_list);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, owner_list);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, rag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, due_soon_toggle);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, timeline_scroller);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, CydMilestonesPage, details_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_selected);
  cyd_ui_closures_add_to_class (widget_class);

  gtk_widget_class_install_action (widget_class, "milestones.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "milestones.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "milestones.complete", NULL, complete_action);
}

static void
cyd_milestones_page_init (CydMilestonesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cyd_edit_form_squeeze_button (self->workstream_dropdown);
  cyd_edit_form_squeeze_button (self->owner_dropdown);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::due-soon-days",
                           G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
  self->binding = cyd_list_page_bind (CYD_LIST_PAGE (self), CYD_TYPE_MILESTONES_PAGE, CYD_KIND_MILESTONE,
                                      CYD_LIST_PAGE_NONE);
  self->stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), CYD_TYPE_MILESTONES_PAGE, "stack"));
  g_signal_connect_object (gtk_widget_get_template_child (GTK_WIDGET (self), CYD_TYPE_MILESTONES_PAGE, "column_view"),
                           "notify::model", G_CALLBACK (on_column_view_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->binding, "notify::model", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::store", G_CALLBACK (reload_plan), NULL);
  g_signal_connect (self, "notify::as-at", G_CALLBACK (reload_plan), NULL);
  fill_filters (self);
  update_actions (self);
}

/**
 * cyd_milestones_page_complete:
 * @id: a milestone's row id
 *
 * Marks the milestone done, completed on the page's as-at date, through
 * cyd_store_apply() (so it can be undone).
 */
gboolean
cyd_milestones_page_complete (CydMilestonesPage  *self,
                              gint64              id,
                              GError            **error)
{
  CydStore *store;
  g_autoptr(CydEdit) edit = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *as_at = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CYD_IS_MILESTONES_PAGE (self), FALSE);

  store = get_store (self);
  g_return_val_if_fail (store != NULL && id != 0, FALSE);

  fields = cyd_milestone_dup_fields (store, id, error);
  if (fields == NULL)
    return FALSE;
  as_at = dup_as_at (self);
  /* Translators: %s is a milestone's code; the name of a step to undo */
  label = g_strdup_printf (_("Complete Milestone %s"), (const char *) g_hash_table_lookup (fields, "code"));
  edit = cyd_edit_new (label);
  cyd_edit_update (edit, "milestone", id, "status", g_variant_new_string ("done"));
  if (g_hash_table_lookup (fields, "completed") == NULL)
    cyd_edit_update (edit, "milestone", id, "completed", g_variant_new_string (as_at));
  return cyd_store_apply (store, edit, error);
}
