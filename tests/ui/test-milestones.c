/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>

#include "cyd.h"
#include "cyd-bilingual-entry.h"
#include "cyd-milestone-dialog.h"
#include "cyd-milestones-page.h"
#include "cyd-milestones-summary.h"
#include "cyd-timeline-view.h"
#include "ui-test-util.h"

#define AS_AT "2014-03-01"

typedef struct {
  CydStore          *store;
  GtkWindow         *window;
  CydMilestonesPage *page;
} Fixture;

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      if ((found = find_by_id (child, id)) != NULL)
        return found;
    }
  return NULL;
}

/* With CYD_SCREENSHOT_DIR set, saves what @widget shows as NAME.png there,
 * for a person to look at. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("CYD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  ui_test_spin (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gint64
milestone_id (CydStore   *store,
              const char *code)
{
  g_autoptr(CydMilestonePlan) plan = cyd_milestone_plan_load (store, NULL);

  return cyd_milestone_plan_get_id (plan, cyd_milestone_plan_find_code (plan, code));
}

static CydMilestonePlan *
rated_plan (CydStore *store)
{
  CydMilestonePlan *plan = cyd_milestone_plan_load (store, NULL);

  cyd_milestone_plan_compute (plan, AS_AT, 14);
  return plan;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->page = g_object_new (CYD_TYPE_MILESTONES_PAGE, "as-at", AS_AT, "store", f->store, NULL);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  ui_test_spin (100);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (f->window);
  ui_test_spin (50);
  g_clear_object (&f->store);
}

static CydListModel *
page_model (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_by_id (GTK_WIDGET (f->page), "column_view"));
  return ui_test_view_model (view);
}

static guint
count_where (CydMilestonePlan *plan,
             CydRag            rag,
             gboolean          overdue)
{
  guint n = 0;

  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    if (overdue ? cyd_milestone_plan_get_reason (plan, i) == CYD_RAG_REASON_OVERDUE
                  || (strcmp (cyd_milestone_plan_get_due (plan, i), AS_AT) < 0
                      && cyd_milestone_plan_get_reason (plan, i) == CYD_RAG_REASON_OVERRIDE)
                : cyd_milestone_plan_get_rag (plan, i) == rag)
      n++;
  return n;
}

static void
test_page_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CydMilestonePlan) plan = rated_plan (f->store);
  GListModel *model = G_LIST_MODEL (page_model (f));
  GtkDropDown *rag = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (f->page), "rag_dropdown"));
  GtkDropDown *workstream = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (f->page), "workstream_dropdown"));
  GtkToggleButton *overdue = GTK_TOGGLE_BUTTON (find_by_id (GTK_WIDGET (f->page), "overdue_toggle"));
  guint all = g_list_model_get_n_items (model);

  g_assert_cmpuint (all, ==, cyd_milestone_plan_get_n (plan));

  save_screenshot (GTK_WIDGET (f->window), "milestones-list");
  gtk_drop_down_set_selected (rag, 1);  /* Red */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_where (plan, CYD_RAG_RED, FALSE));
  gtk_drop_down_set_selected (rag, 0);

  gtk_toggle_button_set_active (overdue, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_where (plan, CYD_RAG_NONE, TRUE));
  gtk_toggle_button_set_active (overdue, FALSE);

  /* Workstreams come from the data, after "All Workstreams". */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (workstream)), ==, 7);
  gtk_drop_down_set_selected (workstream, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  gtk_drop_down_set_selected (workstream, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static void
test_page_as_at (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (page_model (f));
  GtkDropDown *rag = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (f->page), "rag_dropdown"));
  guint red_then, red_before;

  gtk_drop_down_set_selected (rag, 1);
  red_then = g_list_model_get_n_items (model);
  cyd_list_page_set_as_at (CYD_LIST_PAGE (f->page), "2013-06-01");
  red_before = g_list_model_get_n_items (model);
  g_assert_cmpuint (red_before, <, red_then);
}

static void
test_timeline_view (Fixture       *f,
                    gconstpointer  data)
{
  CydTimelineView *view = CYD_TIMELINE_VIEW (find_by_id (GTK_WIDGET (f->page), "timeline_view"));
  GtkToggleButton *timeline = GTK_TOGGLE_BUTTON (find_by_id (GTK_WIDGET (f->page), "timeline_toggle"));
  GtkDropDown *zoom = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (f->page), "zoom_dropdown"));
  GtkLabel *details = GTK_LABEL (find_by_id (GTK_WIDGET (f->page), "details_title"));
  gint64 gov07 = milestone_id (f->store, "GOV-07");

  gtk_toggle_button_set_active (timeline, TRUE);
  ui_test_spin (100);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 0);

  g_assert_cmpuint (gtk_drop_down_get_selected (zoom), ==, CYD_TIMELINE_ZOOM_QUARTER);
  cyd_timeline_view_set_zoom (view, CYD_TIMELINE_ZOOM_YEAR);
  g_assert_cmpuint (gtk_drop_down_get_selected (zoom), ==, CYD_TIMELINE_ZOOM_YEAR);
  gtk_drop_down_set_selected (zoom, CYD_TIMELINE_ZOOM_MONTH);
  g_assert_cmpint (cyd_timeline_view_get_zoom (view), ==, CYD_TIMELINE_ZOOM_MONTH);

  cyd_timeline_view_set_selected (view, gov07);
  ui_test_spin (50);
  g_assert_cmpint (cyd_timeline_view_get_selected (view), ==, gov07);
  g_assert_nonnull (strstr (gtk_label_get_label (details), "GOV-07"));
  save_screenshot (GTK_WIDGET (f->window), "milestones-timeline");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (view)));
}

static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  gint64 id = milestone_id (f->store, "GOV-06");
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_milestones_page_complete (f->page, id, &error));
  g_assert_no_error (error);
  fields = cyd_milestone_dup_fields (f->store, id, NULL);
  g_assert_cmpstr (g_hash_table_lookup (fields, "status"), ==, "done");
  g_assert_cmpstr (g_hash_table_lookup (fields, "completed"), ==, AS_AT);

  /* It is one undoable step. */
  g_assert_true (cyd_store_undo (f->store, &error));
  g_clear_pointer (&fields, g_hash_table_unref);
  fields = cyd_milestone_dup_fields (f->store, id, NULL);
  g_assert_cmpstr (g_hash_table_lookup (fields, "status"), ==, "in-progress");
}

static GtkCheckButton *
dependency_check (CydMilestoneDialog *dialog,
                  const char         *code)
{
  GtkWidget *list = find_by_id (GTK_WIDGET (dialog), "dependencies_list");
  g_autofree char *prefix = g_strconcat (code, " — ", NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), prefix))
      return GTK_CHECK_BUTTON (ui_test_find (row, GTK_TYPE_CHECK_BUTTON, NULL));
  g_assert_not_reached ();
}

static void
test_dialog_refuses_cycle (Fixture       *f,
                           gconstpointer  data)
{
  CydMilestoneDialog *dialog = cyd_milestone_dialog_new (f->window, f->store, milestone_id (f->store, "GOV-06"),
                                                         AS_AT, 14);
  GtkLabel *error = GTK_LABEL (find_by_id (GTK_WIDGET (dialog), "error_label"));

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_check_button_get_active (dependency_check (dialog, "GOV-05")));

  /* GOV-07 depends on GOV-06: GOV-06 may not depend on GOV-07. */
  gtk_check_button_set_active (dependency_check (dialog, "GOV-07"), TRUE);
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error)), "GOV-06 → GOV-07 → GOV-06"));
  g_assert_false (gtk_widget_get_sensitive (find_by_id (GTK_WIDGET (dialog), "save_button")));
  save_screenshot (GTK_WIDGET (dialog), "milestone-dialog-cycle");

  gtk_check_button_set_active (dependency_check (dialog, "GOV-07"), FALSE);
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_dialog_override_and_slip (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = milestone_id (f->store, "HR-05");
  CydMilestoneDialog *dialog = cyd_milestone_dialog_new (f->window, f->store, id, AS_AT, 14);
  GtkDropDown *rag = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (dialog), "rag_dropdown"));
  GtkLabel *warning = GTK_LABEL (find_by_id (GTK_WIDGET (dialog), "warning_label"));
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint hr05;

  gtk_window_present (GTK_WINDOW (dialog));
  g_object_ref (dialog);

  gtk_drop_down_set_selected (rag, 1);   /* Red, by hand */
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "reason_entry")), "Panel dates slipped");
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));

  /* GOV-07 (due 1 April 2014) depends on HR-05: a later date puts it at risk. */
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "due_entry")), "2014-05-01");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (warning)));
  g_assert_nonnull (strstr (gtk_label_get_label (warning), "GOV-07"));
  save_screenshot (GTK_WIDGET (dialog), "milestone-dialog-slip");
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "due_entry")), "1 May");
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "due_entry")), "2014-05-01");

  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_object_unref (dialog);

  plan = rated_plan (f->store);
  hr05 = cyd_milestone_plan_find (plan, id);
  g_assert_cmpint (cyd_milestone_plan_get_rag (plan, hr05), ==, CYD_RAG_RED);
  g_assert_cmpint (cyd_milestone_plan_get_reason (plan, hr05), ==, CYD_RAG_REASON_OVERRIDE);
  g_assert_cmpstr (cyd_milestone_plan_get_override_reason (plan, hr05), ==, "Panel dates slipped");
  g_assert_cmpstr (cyd_milestone_plan_get_due (plan, hr05), ==, "2014-05-01");
  g_assert_true (cyd_milestone_plan_get_at_risk (plan, cyd_milestone_plan_find_code (plan, "GOV-07")));
}

static void
test_dialog_adds (Fixture       *f,
                  gconstpointer  data)
{
  CydMilestoneDialog *dialog = cyd_milestone_dialog_new (f->window, f->store, 0, AS_AT, 14);
  GtkWidget *title = find_by_id (GTK_WIDGET (dialog), "title_entry");
  guint before = cyd_store_count (f->store, CYD_KIND_MILESTONE);
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint added, n_deps = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  g_object_ref (dialog);
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "code_entry")), "GOV-07");
  cyd_bilingual_entry_set_text_en (CYD_BILINGUAL_ENTRY (title), "Transition board stood down");
  cyd_bilingual_entry_set_text_cy (CYD_BILINGUAL_ENTRY (title), "Bwrdd pontio wedi'i ddiddymu");
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));   /* the code is taken */
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "code_entry")), "GOV-11");
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (GTK_WIDGET (dialog), "due_entry")), "2014-06-30");
  gtk_check_button_set_active (dependency_check (dialog, "GOV-07"), TRUE);
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_object_unref (dialog);

  g_assert_cmpuint (cyd_store_count (f->store, CYD_KIND_MILESTONE), ==, before + 1);
  plan = rated_plan (f->store);
  added = cyd_milestone_plan_find_code (plan, "GOV-11");
  g_assert_cmpuint (added, !=, CYD_MILESTONE_NO_CAUSE);
  cyd_milestone_plan_get_dependencies (plan, added, &n_deps);
  g_assert_cmpuint (n_deps, ==, 1);
  ui_test_spin (50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model (f))), ==, before + 1);
}

static const char *
selected_label (CydMilestoneDialog *dialog,
                const char         *dropdown_id)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_by_id (GTK_WIDGET (dialog), dropdown_id));

  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (dropdown)));
}

static void
test_dialog_owner_and_service_line (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 id = milestone_id (f->store, "HR-06");
  CydMilestoneDialog *dialog = cyd_milestone_dialog_new (f->window, f->store, id, AS_AT, 14);
  g_autoptr(GPtrArray) people = cyd_choices_load (f->store, CYD_CHOICE_PERSON, 0, NULL);
  g_autoptr(GHashTable) before = cyd_milestone_dup_fields (f->store, id, NULL);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *new_owner = NULL;
  guint pick = 0;

  /* The pickers start at the milestone's owner and service line. */
  g_assert_nonnull (g_hash_table_lookup (before, "owner_id"));
  g_assert_nonnull (g_hash_table_lookup (before, "service_line_id"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_ref (dialog);
  g_assert_true (g_str_has_suffix (selected_label (dialog, "owner_dropdown"), "(CWA:127318)"));
  g_assert_true (g_str_has_prefix (selected_label (dialog, "service_line_dropdown"), "BUSINESS — "));

  /* Another person (item 0 is "No owner"), and no service line. */
  g_assert_cmpuint (people->len, >, 1);
  new_owner = g_strdup_printf ("%" G_GINT64_FORMAT, ((CydChoice *) g_ptr_array_index (people, 0))->id);
  if (g_strcmp0 (g_hash_table_lookup (before, "owner_id"), new_owner) == 0)
    {
      pick = 1;
      g_free (new_owner);
      new_owner = g_strdup_printf ("%" G_GINT64_FORMAT, ((CydChoice *) g_ptr_array_index (people, 1))->id);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (dialog), "owner_dropdown")), pick + 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_by_id (GTK_WIDGET (dialog), "service_line_dropdown")), 0);
  save_screenshot (GTK_WIDGET (dialog), "milestone-dialog-owner");
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_object_unref (dialog);

  after = cyd_milestone_dup_fields (f->store, id, NULL);
  g_assert_cmpstr (g_hash_table_lookup (after, "owner_id"), ==, new_owner);
  g_assert_null (g_hash_table_lookup (after, "service_line_id"));
  g_assert_cmpstr (g_hash_table_lookup (after, "code"), ==, "HR-06");

  /* One undoable step brings both back. */
  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_no_error (error);
  undone = cyd_milestone_dup_fields (f->store, id, NULL);
  g_assert_cmpstr (g_hash_table_lookup (undone, "owner_id"), ==, g_hash_table_lookup (before, "owner_id"));
  g_assert_cmpstr (g_hash_table_lookup (undone, "service_line_id"), ==,
                   g_hash_table_lookup (before, "service_line_id"));
}

static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  CydMilestonesSummary *summary = g_object_new (CYD_TYPE_MILESTONES_SUMMARY, "store", f->store,
                                                "as-at", AS_AT, NULL);
  g_autoptr(CydMilestonePlan) plan = rated_plan (f->store);
  guint overdue = 0;

  g_object_ref_sink (summary);
  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    {
      const char *status = cyd_milestone_plan_get_status (plan, i);

      if (strcmp (cyd_milestone_plan_get_due (plan, i), AS_AT) < 0
          && g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "cancelled") != 0)
        overdue++;
    }
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (cyd_milestones_summary_get_n_overdue (summary), ==, overdue);
  g_assert_cmpuint (cyd_milestones_summary_get_n_next (summary), ==, 10);

  cyd_milestones_summary_set_as_at (summary, "2030-01-01");
  g_assert_cmpuint (cyd_milestones_summary_get_n_next (summary), ==, 0);
  g_object_unref (summary);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/milestones/filters", Fixture, NULL, setup, test_page_filters, teardown);
  g_test_add ("/ui/milestones/as-at", Fixture, NULL, setup, test_page_as_at, teardown);
  g_test_add ("/ui/milestones/timeline", Fixture, NULL, setup, test_timeline_view, teardown);
  g_test_add ("/ui/milestones/complete", Fixture, NULL, setup, test_complete, teardown);
  g_test_add ("/ui/milestones/dialog/cycle", Fixture, NULL, setup, test_dialog_refuses_cycle, teardown);
  g_test_add ("/ui/milestones/dialog/override-and-slip", Fixture, NULL, setup, test_dialog_override_and_slip,
              teardown);
  g_test_add ("/ui/milestones/dialog/add", Fixture, NULL, setup, test_dialog_adds, teardown);
  g_test_add ("/ui/milestones/dialog/owner-and-service-line", Fixture, NULL, setup,
              test_dialog_owner_and_service_line, teardown);
  g_test_add ("/ui/milestones/summary", Fixture, NULL, setup, test_summary, teardown);

  return g_test_run ();
}
