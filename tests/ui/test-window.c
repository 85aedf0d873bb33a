/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>

#include "cyd.h"
#include "cyd-application.h"
#include "cyd-cell-text.h"
#include "cyd-column-sorter.h"
#include "cyd-edit-dialog.h"
#include "cyd-milestone-dialog.h"
#include "cyd-page-slot.h"
#include "cyd-person-dialog.h"
#include "cyd-post-dialog.h"
#include "cyd-saving-dialog.h"
#include "cyd-savings-page.h"
#include "cyd-window.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  CydWindow *window;
  GtkStack  *stack;
} Fixture;

static const char *const page_names[] = {
  "overview", "structure", "staff", "posts",
  "budgets", "savings", "service-lines", "milestones",
};

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return ui_test_find (widget, type, NULL);
}

static GtkColumnView *
current_column_view (Fixture *f)
{
  return GTK_COLUMN_VIEW (find_descendant (gtk_stack_get_visible_child (f->stack),
                                           GTK_TYPE_COLUMN_VIEW));
}

static GtkSearchEntry *
current_search_entry (Fixture *f)
{
  return GTK_SEARCH_ENTRY (find_descendant (gtk_stack_get_visible_child (f->stack),
                                            GTK_TYPE_SEARCH_ENTRY));
}

static CydListModel *
column_view_model (GtkColumnView *view)
{
  return ui_test_view_model (view);
}

static char *
dup_row_text (CydListModel *model,
              guint         position,
              const char   *key)
{
  g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (record);

  return g_strdup (cyd_record_get_text (record, key));
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *key)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (CYD_IS_COLUMN_SORTER (sorter)
          && g_strcmp0 (cyd_column_sorter_get_key (CYD_COLUMN_SORTER (sorter)), key) == 0)
        return column;
    }

  return NULL;
}

static void
show_page (Fixture    *f,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", name));
  ui_test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, name);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->window = ui_test_open_window (f->store, NULL, NULL, 1200, 760);
  f->stack = GTK_STACK (ui_test_find (GTK_WIDGET (f->window), GTK_TYPE_STACK, "overview"));
  g_assert_nonnull (f->stack);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

typedef struct {
  GtkColumnView *view;
  const char    *text;
} RowShown;

static gboolean
row_is_shown (gpointer data)
{
  RowShown *shown = data;

  return ui_test_shows_text (GTK_WIDGET (shown->view), shown->text);
}

static guint
count_built_pages (Fixture *f)
{
  guint built = 0;

  for (GtkWidget *slot = gtk_widget_get_first_child (GTK_WIDGET (f->stack));
       slot != NULL;
       slot = gtk_widget_get_next_sibling (slot))
    built += cyd_page_slot_get_page (CYD_PAGE_SLOT (slot)) != NULL;
  return built;
}

/* Opening a programme builds only the page it opens on; the others are
 * built when first shown, already holding the store and the date. A
 * search asked of a page that has none comes to nothing. */
static void
test_pages_built_when_shown (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *staff = gtk_stack_get_child_by_name (f->stack, "staff");
  GtkWidget *page;
  g_autofree char *as_at = NULL;

  g_assert_cmpuint (count_built_pages (f), ==, 1);
  g_assert_null (cyd_page_slot_get_page (CYD_PAGE_SLOT (staff)));

  cyd_window_set_as_at (f->window, "2014-04-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  show_page (f, "staff");
  page = cyd_page_slot_get_page (CYD_PAGE_SLOT (staff));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (count_built_pages (f), ==, 2);
  g_object_get (page, "as-at", &as_at, NULL);
  g_assert_cmpstr (as_at, ==, "2014-04-01");
  g_assert_nonnull (current_column_view (f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  ui_test_spin (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (current_search_entry (f)))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                            GTK_WIDGET (current_search_entry (f))));
}

/* The sidebar row showing @title, or %NULL. */
static GtkWidget *
sidebar_row (GtkWidget  *sidebar,
             const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ui_test_find_text (row, title) != NULL)
      return row;
  return NULL;
}

/* Alt+1…8 (win.show-page) from inside a page takes the focus into the
 * page it shows, built or not, without selecting a label's text; from
 * the sidebar, the focus goes to the row of the page shown, so that the
 * focus and the selection agree. */
static void
test_page_keys_focus (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *sidebar = ui_test_template_child (f->window, CYD_TYPE_WINDOW, "sidebar");
  AdwLeaflet *leaflet;
  GtkWidget *focus;

  show_page (f, "staff");
  gtk_widget_grab_focus (GTK_WIDGET (current_search_entry (f)));
  for (guint i = 1; i <= G_N_ELEMENTS (page_names); i++)
    {
      const char *name = page_names[(2 + i) % G_N_ELEMENTS (page_names)];

      show_page (f, name);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_test_message ("%s: the focus is on a %s", name, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "(none)");
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (f->stack)));
      g_assert_false (ui_test_has_selected_label (GTK_WIDGET (f->window)));
    }

  g_assert_true (GTK_IS_LIST_VIEW (sidebar));
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (f->stack, page_names[i]);
      const char *title = gtk_stack_page_get_title (gtk_stack_get_page (f->stack, page));

      show_page (f, page_names[i]);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_nonnull (focus);
      g_assert_true (focus == sidebar_row (sidebar, title));
    }

  /* Folded, the sidebar is a page of its own, and the window goes on to
   * the page shown: so does the focus. */
  ui_test_resize (GTK_WINDOW (f->window), 600, 700);
  leaflet = ADW_LEAFLET (ui_test_template_child (f->window, CYD_TYPE_WINDOW, "leaflet"));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  ui_test_spin (300);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_first_child (sidebar)));
  show_page (f, "posts");
  ui_test_spin (300);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_test_message ("folded: the focus is on a %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "(none)");
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_true (gtk_widget_get_mapped (focus));
}

/* A key pressed in a list before it has all its rows gives it all of
 * them first, so End goes to the real end. */
static void
test_key_before_all_rows (Fixture       *f,
                          gconstpointer  data)
{
  GtkColumnView *view;
  GListModel *shown;
  g_autoptr(GListModel) controllers = NULL;
  guint total, before;
  gboolean handled = FALSE;
  gboolean pressed = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "staff"));
  ui_test_spin (1);
  view = current_column_view (f);
  g_assert_nonnull (view);
  shown = G_LIST_MODEL (gtk_column_view_get_model (view));
  total = cyd_store_count (f->store, CYD_KIND_STAFF);
  before = g_list_model_get_n_items (shown);
  g_test_message ("rows shown before the key: %u of %u", before, total);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_End, 0, 0, &handled);
          pressed = TRUE;
        }
    }
  g_assert_true (pressed);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, total);
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkColumnView *view;
      CydListModel *model;
      GtkColumnViewColumn *first;
      GtkSorter *sorter;
      g_autofree char *text = NULL;
      RowShown shown;

      show_page (f, page_names[i]);
      view = current_column_view (f);

      /* The overview, the structure (tests/ui/test-structure.c) and the
       * budget grid (tests/ui/test-budgets.c) are no lists. */
      if (g_str_equal (page_names[i], "budgets"))
        continue;
      if (g_str_equal (page_names[i], "overview") || g_str_equal (page_names[i], "structure"))
        {
          g_assert_null (view);
          continue;
        }

      g_assert_nonnull (view);
      model = column_view_model (view);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK))),
                       ==, "list");

      /* The first row is realised: its first cell shows the first record. */
      first = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
      sorter = gtk_column_view_column_get_sorter (first);
      g_assert_true (CYD_IS_COLUMN_SORTER (sorter));
      text = dup_row_text (model, 0, cyd_column_sorter_get_key (CYD_COLUMN_SORTER (sorter)));
      g_object_unref (first);

      g_test_message ("%s: %u rows, first %s", page_names[i],
                      g_list_model_get_n_items (G_LIST_MODEL (model)), text);
      shown.view = view;
      shown.text = text;
      g_assert_true (ui_test_wait_for (row_is_shown, &shown));
    }
}

typedef struct {
  CydListModel *model;
  guint         before;
} CountChange;

static gboolean
model_has_rows (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) > 0;
}

static gboolean
model_is_empty (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 0;
}

static gboolean
count_changed (gpointer data)
{
  CountChange *change = data;

  return g_list_model_get_n_items (G_LIST_MODEL (change->model)) != change->before;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkColumnView *view;
  GtkSearchEntry *entry;
  GtkWidget *count_label;
  GtkStack *stack;
  CountChange change;
  g_autofree char *family_name = NULL;
  g_autofree char *number = NULL;
  guint after;

  show_page (f, "staff");
  view = current_column_view (f);
  entry = current_search_entry (f);
  g_assert_nonnull (entry);

  change.model = column_view_model (view);
  change.before = g_list_model_get_n_items (G_LIST_MODEL (change.model));
  g_assert_cmpuint (change.before, >, 1);

  /* The count is the first label after the search entry (buttons and
   * filters may sit between them). */
  count_label = gtk_widget_get_next_sibling (GTK_WIDGET (entry));
  while (count_label != NULL && !GTK_IS_LABEL (count_label))
    count_label = gtk_widget_get_next_sibling (count_label);
  g_assert_true (GTK_IS_LABEL (count_label));
  number = g_strdup_printf ("%'u ", change.before);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (count_label)), number));

  /* Search for one family name: fewer rows, but some. */
  family_name = dup_row_text (change.model, 0, "family-name");
  g_assert_true (family_name != NULL && *family_name != '\0');
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  ui_test_spin (20);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), family_name);
  g_assert_true (ui_test_wait_for (count_changed, &change));

  after = g_list_model_get_n_items (G_LIST_MODEL (change.model));
  g_test_message ("searching %s: %u of %u", family_name, after, change.before);
  g_assert_cmpuint (after, <, change.before);
  g_assert_cmpuint (after, >, 0);
  g_clear_pointer (&number, g_free);
  number = g_strdup_printf ("%'u ", after);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (count_label)), number));

  /* While the list shows, the status pages are hidden: not styled, not
   * measured. */
  stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK));
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "no-results")));
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "empty")));

  /* A search that finds nothing says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzqqxxnothing");
  g_assert_true (ui_test_wait_for (model_is_empty, change.model));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-results");
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_child_by_name (stack, "no-results")));
  g_assert_true (ui_test_shows_text (GTK_WIDGET (stack), "No Results Found"));

  /* And clearing the search brings the list back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (ui_test_wait_for (model_has_rows, change.model));
  ui_test_spin (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_false (gtk_widget_get_visible (gtk_stack_get_child_by_name (stack, "no-results")));
}

typedef struct {
  CydListModel *model;
  const char   *first;
} FirstRow;

static gboolean
first_row_is_not (gpointer data)
{
  FirstRow *row = data;
  g_autofree char *text = dup_row_text (row->model, 0, "family-name");

  return g_strcmp0 (text, row->first) != 0;
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *view;
  GtkColumnViewColumn *column;
  CydListModel *model;
  g_autofree char *unsorted = NULL;
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;
  g_autofree char *last = NULL;
  FirstRow row;
  RowShown shown;
  guint n;

  show_page (f, "staff");
  view = current_column_view (f);
  model = column_view_model (view);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  column = find_column (view, "family-name");
  g_assert_nonnull (column);

  unsorted = dup_row_text (model, 0, "family-name");

  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  ui_test_spin (50);
  ascending = dup_row_text (model, 0, "family-name");
  last = dup_row_text (model, n - 1, "family-name");
  g_assert_cmpint (g_utf8_collate (ascending, last), <=, 0);

  gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
  row.model = model;
  row.first = ascending;
  g_assert_true (ui_test_wait_for (first_row_is_not, &row));
  descending = dup_row_text (model, 0, "family-name");
  g_test_message ("unsorted %s, ascending %s, descending %s", unsorted, ascending, descending);
  g_assert_cmpstr (descending, ==, last);
  g_assert_cmpint (g_utf8_collate (ascending, descending), <, 0);

  /* The view shows the new first row. */
  shown.view = view;
  shown.text = descending;
  g_assert_true (ui_test_wait_for (row_is_shown, &shown));

  /* Unsorting goes back to the model's own order. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  ui_test_spin (50);
  g_clear_pointer (&descending, g_free);
  descending = dup_row_text (model, 0, "family-name");
  g_assert_cmpstr (descending, ==, unsorted);
}

/* A new window opens on the page the last one closed on. */
static void
test_state (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last_page = NULL;

  show_page (f, "savings");
  gtk_window_close (GTK_WINDOW (f->window));
  ui_test_spin (50);

  last_page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last_page, ==, "savings");

  f->window = cyd_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  f->stack = GTK_STACK (ui_test_find (GTK_WIDGET (f->window), GTK_TYPE_STACK, "overview"));
  ui_test_spin (50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "savings");
}

static GtkWindow *
find_shortcuts_window (Fixture *f)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window))
      return l->data;
  return NULL;
}

/* A page whose figures stand above its list fits a laptop's screen of 800
 * pixels, as small as it may be made. */
static void
test_savings_fits (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page;
  int minimum, natural;

  show_page (f, "savings");
  page = gtk_widget_get_first_child (gtk_stack_get_visible_child (f->stack));
  g_assert_true (CYD_IS_SAVINGS_PAGE (page));
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("savings page: at least %d pixels high", minimum);
  g_assert_cmpint (minimum, <, 600);
}

/* The staff and posts toolbars fit the window's first size. In a
 * narrower window, each filter's drop-down keeps enough of its choice to
 * be read ("All Directorates" cut to "…" said nothing); the toolbar
 * scrolls sideways instead. */
static void
test_filters_legible (Fixture       *f,
                      gconstpointer  data)
{
  static const char *const lists[] = { "staff", "posts" };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *page;
      guint seen = 0;

      /* At the window's first size, the whole toolbar is in sight,
       * count and buttons included. */
      ui_test_resize (GTK_WINDOW (f->window), 1100, 720);
      show_page (f, lists[i]);
      ui_test_spin (100);
      page = gtk_stack_get_visible_child (f->stack);
      g_assert_cmpfloat (ui_test_toolbar_overflow (page), ==, 0);

      ui_test_resize (GTK_WINDOW (f->window), 1000, 700);
      for (GtkWidget *w = find_descendant (page, GTK_TYPE_DROP_DOWN); w != NULL; )
        {
          int width = gtk_widget_get_width (w);

          g_test_message ("%s: drop-down %u is %d pixels wide", lists[i], seen, width);
          /* The arrow and padding take 40 pixels; squeezed to
           * "All Dire…", the staff page's were 93. */
          g_assert_cmpint (width, >=, 100);
          seen++;
          /* The next drop-down in the same toolbar. */
          do
            w = gtk_widget_get_next_sibling (w);
          while (w != NULL && !GTK_IS_DROP_DOWN (w));
        }
      g_assert_cmpuint (seen, ==, 3);
    }
}

/* A window transient for the programme's window, other than @except. */
static GtkWindow *
find_dialog (Fixture   *f,
             GtkWindow *except)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != except && gtk_window_get_transient_for (l->data) == GTK_WINDOW (f->window))
      return l->data;
  return NULL;
}

typedef struct {
  Fixture    *f;
  const char *text;
} WindowShows;

static gboolean
window_shows (gpointer data)
{
  WindowShows *shown = data;

  return ui_test_shows_text (GTK_WIDGET (shown->f->window), shown->text);
}

static void
on_saved (GtkWindow  *dialog,
          const char *message,
          char      **said)
{
  g_free (*said);
  *said = g_strdup (message);
}

/* Every page of one list answers the window's search with its own entry,
 * and opens the record of an activated row in its dialog, whose "saved"
 * message the window shows; the service lines page has none. */
static void
test_list_pages (Fixture       *f,
                 gconstpointer  data)
{
  static const struct {
    const char *page;
    GType     (*dialog_type) (void);
  } pages[] = {
    { "staff", cyd_person_dialog_get_type },
    { "posts", cyd_post_dialog_get_type },
    { "savings", cyd_saving_dialog_get_type },
    { "milestones", cyd_milestone_dialog_get_type },
    { "service-lines", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkColumnView *view;
      GtkSearchEntry *entry;
      GtkWidget *focus;
      GtkWindow *dialog;
      g_autoptr(GError) error = NULL;
      g_autofree char *said = NULL;
      WindowShows shown = { f, NULL };

      g_test_message ("page %s", pages[i].page);
      show_page (f, pages[i].page);
      view = current_column_view (f);
      entry = current_search_entry (f);
      g_assert_nonnull (view);
      g_assert_nonnull (entry);
      g_assert_true (ui_test_wait_for (model_has_rows, column_view_model (view)));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
      ui_test_spin (20);
      focus = gtk_root_get_focus (GTK_ROOT (f->window));
      g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

      g_assert_null (find_dialog (f, NULL));
      g_signal_emit_by_name (view, "activate", 0);
      ui_test_spin (50);
      dialog = find_dialog (f, NULL);
      if (pages[i].dialog_type == NULL)
        {
          g_assert_null (dialog);
          continue;
        }
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (dialog, pages[i].dialog_type ()));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

      /* Saved as it is, it closes, and the window says so. */
      g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &said);
      g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
      g_assert_no_error (error);
      g_assert_nonnull (said);
      shown.text = said;
      g_assert_true (ui_test_wait_for (window_shows, &shown));
      g_clear_pointer (&said, g_free);
      g_assert_null (find_dialog (f, NULL));
    }
}

/* The keyboard shortcuts are built when asked for, for this window. */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *shortcuts;

  g_assert_null (find_shortcuts_window (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  ui_test_spin (20);

  shortcuts = find_shortcuts_window (f);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_modal (shortcuts));
  gtk_window_destroy (shortcuts);
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (child)))
        return GTK_MENU_BUTTON (child);
      if ((found = find_primary_menu_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The main menu's popover is built when the menu is first opened, and
 * offers the window's and the application's actions. */
static void
test_primary_menu (Fixture       *f,
                   gconstpointer  data)
{
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (f->window));
  GtkPopover *popover;
  GMenuModel *model;
  gboolean has_preferences = FALSE;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  ui_test_spin (50);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action)
              && g_str_equal (action, "app.preferences"))
            has_preferences = TRUE;
        }
    }
  g_assert_true (has_preferences);
  g_assert_true (ui_test_shows_text (GTK_WIDGET (popover), "Preferences"));

  /* Opened again, it is the same popover. */
  gtk_menu_button_popdown (button);
  ui_test_spin (20);
  gtk_menu_button_popup (button);
  ui_test_spin (20);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* The keys of the columns a list shows, in order, joined by spaces. */
static char *
dup_column_keys (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      g_assert_true (CYD_IS_COLUMN_SORTER (sorter));
      if (keys->len > 0)
        g_string_append_c (keys, ' ');
      g_string_append (keys, cyd_column_sorter_get_key (CYD_COLUMN_SORTER (sorter)));
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static char *
dup_hidden_columns (GSettings  *settings,
                    const char *list)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, "hidden-columns");
  g_autofree const char **hidden = NULL;

  if (!g_variant_lookup (all, list, "^a&s", &hidden))
    return NULL;
  return g_strjoinv (" ", (char **) hidden);
}

static void
toggle_column (Fixture    *f,
               const char *key)
{
  g_autofree char *action = g_strconcat ("columns.", key, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (current_search_entry (f)), action, NULL));
  ui_test_spin (20);
}

/* A list hides the columns the setting names, and its Columns menu puts
 * them back in their place or takes others out; the choice holds for the
 * next window, and the list keeps one column at least. */
static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkColumnView *view;
  GtkMenuButton *menu_button;
  GtkWidget *popover;
  g_autofree char *keys = NULL;
  g_autofree char *hidden = NULL;
  g_auto(GStrv) shown = NULL;
  CydWindow *second;

  g_settings_reset (settings, "hidden-columns");
  show_page (f, "staff");
  view = current_column_view (f);

  keys = dup_column_keys (view);
  g_assert_cmpstr (keys, ==, "employee family-name given-name employer post grade fte salary");

  /* The cells show their fields: names from the start, cut short if need
   * be, money from the end in tabular figures and never cut short. */
  {
    g_autofree char *salary = dup_row_text (column_view_model (view), 0, "salary");
    g_autofree char *family_name = dup_row_text (column_view_model (view), 0, "family-name");
    RowShown row = { view, salary };
    g_autoptr(PangoLayout) layout = NULL;
    GtkWidget *cell;
    int min, nat, text_width;

    g_assert_true (ui_test_wait_for (row_is_shown, &row));
    cell = ui_test_find_text (GTK_WIDGET (view), salary);
    g_assert_cmpint (cyd_cell_text_get_kind (CYD_CELL_TEXT (cell)), ==, CYD_CELL_NUMERIC);
    g_assert_true (gtk_widget_has_css_class (cell, "numeric"));
    /* A figure is never cut short: even at its narrowest the cell is
     * wider than the salary, and the salary is drawn. */
    gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
    layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), salary);
    pango_layout_get_pixel_size (layout, &text_width, NULL);
    g_assert_cmpint (min, ==, nat);
    g_assert_cmpint (min, >=, text_width);
    g_assert_cmpint (gtk_widget_get_width (cell), >=, text_width);
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      GTK_WIDGET_GET_CLASS (cell)->snapshot (cell, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
    }

    cell = ui_test_find_text (GTK_WIDGET (view), family_name);
    g_assert_nonnull (cell);
    g_assert_cmpint (cyd_cell_text_get_kind (CYD_CELL_TEXT (cell)), ==, CYD_CELL_ELLIPSIZED);
    gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
    g_assert_cmpint (min, <, nat);
  }

  /* The menu lists every column, shown or not. */
  menu_button = GTK_MENU_BUTTON (ui_test_find (gtk_widget_get_parent (GTK_WIDGET (current_search_entry (f))),
                                               GTK_TYPE_MENU_BUTTON, NULL));
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Columns");
  gtk_menu_button_popup (menu_button);
  ui_test_spin (50);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_nonnull (popover);
  g_assert_true (ui_test_shows_text (popover, "Leaving Date"));
  g_assert_true (ui_test_shows_text (popover, "Family Name"));
  gtk_menu_button_popdown (menu_button);

  /* Shown again, columns go back where they were. */
  toggle_column (f, "language");
  toggle_column (f, "start");
  g_clear_pointer (&keys, g_free);
  keys = dup_column_keys (view);
  g_assert_cmpstr (keys, ==, "employee family-name given-name employer post grade fte salary start language");
  hidden = dup_hidden_columns (settings, "staff");
  g_assert_cmpstr (hidden, ==, "left");

  toggle_column (f, "family-name");
  g_clear_pointer (&keys, g_free);
  keys = dup_column_keys (view);
  g_assert_cmpstr (keys, ==, "employee given-name employer post grade fte salary start language");
  g_clear_pointer (&hidden, g_free);
  hidden = dup_hidden_columns (settings, "staff");
  g_assert_cmpstr (hidden, ==, "family-name left");

  /* Another window shows the same columns. */
  second = cyd_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "win.show-page", "s", "staff"));
  ui_test_spin (50);
  g_clear_pointer (&keys, g_free);
  keys = dup_column_keys (GTK_COLUMN_VIEW (ui_test_find (GTK_WIDGET (second), GTK_TYPE_COLUMN_VIEW, NULL)));
  g_assert_cmpstr (keys, ==, "employee given-name employer post grade fte salary start language");
  gtk_window_destroy (GTK_WINDOW (second));
  ui_test_spin (20);

  /* Hiding every column leaves the last one asked. */
  shown = g_strsplit (keys, " ", -1);
  for (guint i = 0; shown[i] != NULL; i++)
    toggle_column (f, shown[i]);
  g_clear_pointer (&keys, g_free);
  keys = dup_column_keys (view);
  g_assert_cmpstr (keys, ==, "language");

  g_settings_reset (settings, "hidden-columns");
}

static char *
dup_calendar_iso (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return g_date_time_format (dt, "%Y-%m-%d");
}

/* The "as at" popover is built the first time it opens (Ctrl+D), and from
 * then on its entry and calendar follow the window's date both ways. */
static void
test_as_at_popover (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *popover;
  GtkCalendar *calendar;
  GtkEntry *entry;
  g_autofree char *shown = NULL;
  g_autofree char *picked = NULL;
  g_autofree char *followed = NULL;

  g_assert_null (ui_test_find (GTK_WIDGET (f->window), GTK_TYPE_CALENDAR, NULL));
  cyd_window_set_as_at (f->window, "2014-03-31");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.choose-date", NULL));
  ui_test_spin (50);
  calendar = GTK_CALENDAR (ui_test_find (GTK_WIDGET (f->window), GTK_TYPE_CALENDAR, NULL));
  g_assert_nonnull (calendar);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);
  g_assert_true (gtk_widget_get_visible (popover));
  entry = GTK_ENTRY (ui_test_find (popover, GTK_TYPE_ENTRY, NULL));
  g_assert_nonnull (entry);

  /* It opens on the window's date. */
  shown = cyd_date_format ("2014-03-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, shown);
  picked = dup_calendar_iso (calendar);
  g_assert_cmpstr (picked, ==, "2014-03-31");

  /* A date that does not exist is marked and changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "31 February 2015");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (cyd_window_get_as_at (f->window), ==, "2014-03-31");

  /* A typed date becomes the window's, and the popover closes. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "1 April 2014");
  g_signal_emit_by_name (entry, "activate");
  ui_test_spin (50);
  g_assert_cmpstr (cyd_window_get_as_at (f->window), ==, "2014-04-01");
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_clear_pointer (&picked, g_free);
  picked = dup_calendar_iso (calendar);
  g_assert_cmpstr (picked, ==, "2014-04-01");

  /* A date set elsewhere shows in the popover, and opening it again
   * builds nothing new. */
  cyd_window_set_as_at (f->window, "2015-06-30");
  followed = dup_calendar_iso (calendar);
  g_assert_cmpstr (followed, ==, "2015-06-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.choose-date", NULL));
  ui_test_spin (50);
  g_assert_true (ui_test_find (GTK_WIDGET (f->window), GTK_TYPE_CALENDAR, NULL) == GTK_WIDGET (calendar));
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Starting Cyd loads its style sheet and leaves the icon theme's search
 * path as GTK made it: adding to it would make GTK read the whole theme
 * again before the first window's first icon. */
static void
test_application_startup (void)
{
  g_autoptr(CydApplication) app = cyd_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) paths_before = gtk_icon_theme_get_resource_path (theme);
  g_auto(GStrv) paths_after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *plain = gtk_label_new ("1");
  GtkWidget *figure = gtk_label_new ("1");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *window = gtk_window_new ();
  int plain_width, figure_width;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  paths_after = gtk_icon_theme_get_resource_path (theme);
  g_assert_cmpuint (paths_after != NULL ? g_strv_length (paths_after) : 0, ==,
                    paths_before != NULL ? g_strv_length (paths_before) : 0);

  gtk_widget_add_css_class (figure, "cyd-figure");
  gtk_box_append (GTK_BOX (box), plain);
  gtk_box_append (GTK_BOX (box), figure);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, &plain_width, NULL, NULL, NULL);
  gtk_widget_measure (figure, GTK_ORIENTATION_HORIZONTAL, -1, &figure_width, NULL, NULL, NULL);
  g_assert_cmpint (figure_width - plain_width, ==, 2 * 18);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the desktop's list of recent files, as written, has @uri. */
static gboolean
is_recent (gpointer uri)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
  g_autoptr(GBookmarkFile) recent = g_bookmark_file_new ();

  return g_bookmark_file_load_from_file (recent, path, NULL) && g_bookmark_file_has_item (recent, uri);
}

/* A programme opened joins the recent files (Cyd's menu and the
 * desktop's list) once its window has been drawn, not before: reading
 * the desktop's list, which can be long, waits for the first frame. */
static void
test_recent_once_drawn (void)
{
  /* Another id: the first test's application is still on the bus. */
  g_autoptr(CydApplication) app = cyd_application_new (APPLICATION_ID ".Recent", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CydStore *store = ui_test_open_store (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (cyd_store_get_path (store));
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;
  CydWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = cyd_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  before = g_settings_get_strv (settings, "recent-files");
  g_assert_false (g_strv_contains ((const char * const *) before, uri));

  g_assert_true (ui_test_wait_for (is_recent, uri));
  after = g_settings_get_strv (settings, "recent-files");
  g_assert_nonnull (after[0]);
  g_assert_cmpstr (after[0], ==, uri);

  ui_test_close_window (GTK_WINDOW (window), store);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/application-startup", test_application_startup);
  g_test_add_func ("/ui/window/recent-once-drawn", test_recent_once_drawn);
  g_test_add ("/ui/window/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/ui/window/key-before-all-rows", Fixture, NULL, fixture_set_up, test_key_before_all_rows,
              fixture_tear_down);
  g_test_add ("/ui/window/page-keys-focus", Fixture, NULL, fixture_set_up, test_page_keys_focus,
              fixture_tear_down);
  g_test_add ("/ui/window/pages-built-when-shown", Fixture, NULL, fixture_set_up, test_pages_built_when_shown,
              fixture_tear_down);
  g_test_add ("/ui/window/savings-fits", Fixture, NULL, fixture_set_up, test_savings_fits, fixture_tear_down);
  g_test_add ("/ui/window/filters-legible", Fixture, NULL, fixture_set_up, test_filters_legible,
              fixture_tear_down);
  g_test_add ("/ui/window/list-pages", Fixture, NULL, fixture_set_up, test_list_pages, fixture_tear_down);
  g_test_add ("/ui/window/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/ui/window/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/ui/window/state", Fixture, NULL, fixture_set_up, test_state, fixture_tear_down);
  g_test_add ("/ui/window/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/ui/window/primary-menu", Fixture, NULL, fixture_set_up, test_primary_menu, fixture_tear_down);
  g_test_add ("/ui/window/columns", Fixture, NULL, fixture_set_up, test_columns, fixture_tear_down);
  g_test_add ("/ui/window/as-at-popover", Fixture, NULL, fixture_set_up, test_as_at_popover, fixture_tear_down);

  return g_test_run ();
}
