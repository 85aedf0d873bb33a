/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cyd.h"
#include "cyd-org-chart-view.h"
#include "cyd-post-details.h"
#include "cyd-structure-page.h"
#include "cyd-window-private.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  CydWindow *window;
  GtkWidget *page;
  GtkWidget *chart;
} Fixture;

typedef struct {
  Fixture    *f;
  const char *text;
} Shown;

/* The page and its chart, laid out. A folded window shows its sidebar:
 * show the page instead. */
static gboolean
page_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *leaflet = ui_test_find (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL);

  if (!gtk_widget_get_mapped (f->page) && leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
  return gtk_widget_get_mapped (f->page) && gtk_widget_get_mapped (f->chart) && gtk_widget_get_width (f->chart) > 0
         && !cyd_structure_page_is_loading (CYD_STRUCTURE_PAGE (f->page));
}

/* A mapped label whose text contains @text. */
static gboolean
shows_part (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (shows_part (child, text))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_shown (gpointer data)
{
  Shown *shown = data;

  return page_shown (shown->f) && shows_part (shown->f->page, shown->text);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  /* Wide enough that the window never folds to one pane: the chart is under test. */
  f->window = ui_test_open_window (f->store, "structure", data != NULL ? data : "2014-04-01", 1600, 900);
  f->page = ui_test_find (GTK_WIDGET (f->window), CYD_TYPE_STRUCTURE_PAGE, NULL);
  g_assert_nonnull (f->page);
  f->chart = ui_test_find (f->page, CYD_TYPE_ORG_CHART_VIEW, NULL);
  g_assert_nonnull (f->chart);
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (f->chart, GTK_TYPE_STACK)), "chart");
  g_assert_true (ui_test_wait_for (page_shown, f));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

static gboolean
press (GtkWidget *widget,
       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The details panel shows the post's holders and mapping as core reads them. */
static void
assert_details_shown (Fixture *f,
                      gint64   post_id,
                      const char *as_at)
{
  g_autoptr(CydPostDetails) d = cyd_post_details_load (f->store, post_id, as_at, NULL);
  Shown shown = { f, d->code };

  g_assert_true (ui_test_wait_for (is_shown, &shown));
  shown.text = d->title;
  g_assert_true (ui_test_wait_for (is_shown, &shown));
  if (d->holders->len > 0)
    {
      shown.text = ((CydPostHolder *) d->holders->pdata[0])->name;
      g_assert_true (ui_test_wait_for (is_shown, &shown));
    }
  shown.text = !d->legacy ? "Merged post" : d->mapping_label != NULL ? d->mapping_label : "Not yet mapped";
  g_assert_true (ui_test_wait_for (is_shown, &shown));
}

/* The merged chart appears; the arrow keys walk it and the panel follows. */
static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  CydOrgChartView *chart = CYD_ORG_CHART_VIEW (f->chart);
  gint64 top = cyd_post_find_code (f->store, "JNT-DIR-001");
  gint64 first, second;

  g_assert_cmpint (top, !=, 0);
  g_assert_true (ui_test_wait_for (page_shown, f));
  g_assert_cmpint (gtk_widget_get_width (f->chart), >, 200);
  gtk_widget_grab_focus (f->chart);
  g_assert_true (press (f->chart, GDK_KEY_Down));
  g_assert_cmpint (cyd_org_chart_view_get_selected (chart), ==, top);
  assert_details_shown (f, top, "2014-04-01");

  g_assert_true (press (f->chart, GDK_KEY_Down));
  first = cyd_org_chart_view_get_selected (chart);
  g_assert_cmpint (first, !=, top);
  assert_details_shown (f, first, "2014-04-01");
  g_assert_true (press (f->chart, GDK_KEY_Right));
  second = cyd_org_chart_view_get_selected (chart);
  g_assert_cmpint (second, !=, first);
  g_assert_true (press (f->chart, GDK_KEY_Left));
  g_assert_cmpint (cyd_org_chart_view_get_selected (chart), ==, first);
  g_assert_true (press (f->chart, GDK_KEY_Up));
  g_assert_cmpint (cyd_org_chart_view_get_selected (chart), ==, top);

  g_assert_true (press (f->chart, GDK_KEY_plus));
  g_assert_cmpfloat (cyd_org_chart_view_get_zoom (chart), >, 1.0);
  g_assert_true (press (f->chart, GDK_KEY_0));
  g_assert_cmpfloat (cyd_org_chart_view_get_zoom (chart), ==, 1.0);
}

/* A legacy directorate before the merger: its post's mapping is shown. */
static void
test_legacy (Fixture       *f,
             gconstpointer  data)
{
  GtkDropDown *directorates = GTK_DROP_DOWN (ui_test_find (f->page, GTK_TYPE_DROP_DOWN, NULL));
  CydOrgChartView *chart = CYD_ORG_CHART_VIEW (f->chart);

  gtk_drop_down_set_selected (directorates, 0);
  ui_test_spin (50);
  g_assert_true (ui_test_wait_for (page_shown, f));
  g_assert_true (press (f->chart, GDK_KEY_Down));
  g_assert_true (press (f->chart, GDK_KEY_Down));
  g_assert_cmpint (cyd_org_chart_view_get_selected (chart), !=, 0);
  g_assert_true (cyd_post_is_legacy (f->store, cyd_org_chart_view_get_selected (chart)));
  assert_details_shown (f, cyd_org_chart_view_get_selected (chart), "2014-03-01");
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/org-chart/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/ui/org-chart/legacy", Fixture, "2014-03-01", fixture_set_up, test_legacy, fixture_tear_down);

  return g_test_run ();
}
