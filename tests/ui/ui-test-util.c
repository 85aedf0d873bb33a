/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include "ui-test-util.h"

#include <locale.h>
#include <adwaita.h>

#include "cyd.h"
#include "cyd-cell-text.h"

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)

static gboolean
tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  setlocale (LC_ALL, "");

  /* Isolated tests see no system XDG_DATA_DIRS; load the MIME database from
   * the system first, or gdk-pixbuf cannot tell an SVG icon. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  gtk_init ();
  adw_init ();
}

/* Runs the main loop until @condition holds, so that search delays, worker
 * threads, frame clock ticks and layout all get their turn. */
gboolean
ui_test_wait_for (UiTestCondition condition,
                  gpointer        data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint tick_id = g_timeout_add (10, tick, NULL);
  gboolean met;

  while (!(met = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick_id);
  return met;
}

void
ui_test_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;
  guint tick_id = g_timeout_add (10, tick, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_source_remove (tick_id);
}

/* The first descendant of @widget of @type; for stacks, optionally the
 * first that has a child named @stack_child. */
GtkWidget *
ui_test_find (GtkWidget  *widget,
              GType       type,
              const char *stack_child)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (stack_child == NULL
              || gtk_stack_get_child_by_name (GTK_STACK (child), stack_child) != NULL))
        return child;
      if ((found = ui_test_find (child, type, stack_child)) != NULL)
        return found;
    }

  return NULL;
}

/* The text a label or a list cell shows, or %NULL. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (CYD_IS_CELL_TEXT (widget))
    return cyd_cell_text_get_text (CYD_CELL_TEXT (widget));
  return NULL;
}

/* The first mapped label or list cell under @widget reading @text, or %NULL. */
GtkWidget *
ui_test_find_text (GtkWidget  *widget,
                   const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_mapped (child) && g_strcmp0 (shown_text (child), text) == 0)
        return child;
      if ((found = ui_test_find_text (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* Whether a mapped label, or a list cell, under @widget reads @text. */
gboolean
ui_test_shows_text (GtkWidget  *widget,
                    const char *text)
{
  return ui_test_find_text (widget, text) != NULL;
}

gboolean
ui_test_has_selected_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selection_bounds (GTK_LABEL (widget), NULL, NULL))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ui_test_has_selected_label (child))
      return TRUE;

  return FALSE;
}

/* A fresh programme in the test's own data directory, with @import_path
 * imported into it unless %NULL. */
CydStore *
ui_test_open_store (const char *import_path)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "test.cyd", NULL);
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);

  if (import_path == NULL)
    return g_steal_pointer (&store);

  file = g_file_new_for_path (import_path);
  importer = cyd_importer_new (store);
  if (!cyd_importer_import_file (importer, file, NULL, &error))
    {
      GPtrArray *problems = cyd_importer_get_problems (importer);

      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
    }
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

CydListModel *
ui_test_view_model (GtkColumnView *view)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GListModel *model;

  g_assert_true (GTK_IS_SINGLE_SELECTION (selection));
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (GTK_IS_SLICE_LIST_MODEL (model))
    model = gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (model));
  g_assert_true (CYD_IS_LIST_MODEL (model));
  return CYD_LIST_MODEL (model);
}

/* A window on @store, presented at @width × @height (1280 × 800 when 0),
 * on @page and as at @as_at when they are not %NULL. */
CydWindow *
ui_test_open_window (CydStore   *store,
                     const char *page,
                     const char *as_at,
                     int         width,
                     int         height)
{
  CydWindow *window = cyd_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width > 0 ? width : 1280, height > 0 ? height : 800);
  gtk_window_present (GTK_WINDOW (window));
  if (page != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  if (as_at != NULL)
    cyd_window_set_as_at (window, as_at);
  ui_test_spin (100);
  return window;
}

/* Closes @window and checks that it let go of @store, whose last
 * reference the caller gives. */
void
ui_test_close_window (GtkWindow *window,
                      CydStore  *store)
{
  gtk_window_destroy (window);
  ui_test_spin (50);
  g_assert_finalize_object (store);
}

/* A child of @widget's template, which must be there. */
GtkWidget *
ui_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The row id of the post with @code, which must be there. */
gint64
ui_test_post_id (CydStore   *store,
                 const char *code)
{
  gint64 id = cyd_post_find_code (store, code);

  g_assert_cmpint (id, !=, 0);
  return id;
}

static void
add_toolbar_overflow (GtkWidget *widget,
                      double    *overflow,
                      guint     *toolbars)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkPolicyType across, down;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &across, &down);
      if (down == GTK_POLICY_NEVER)
        {
          GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

          GtkWidget *row = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget));
          int minimum;

          if (GTK_IS_VIEWPORT (row))
            row = gtk_viewport_get_child (GTK_VIEWPORT (row));
          gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          g_test_message ("toolbar: needs at least %d pixels of %d", minimum, gtk_widget_get_width (widget));
          *overflow += MAX (0.0, gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h));
          (*toolbars)++;
          return;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_toolbar_overflow (child, overflow, toolbars);
}

double
ui_test_toolbar_overflow (GtkWidget *page)
{
  double overflow = 0;
  guint toolbars = 0;

  add_toolbar_overflow (page, &overflow, &toolbars);
  g_assert_cmpuint (toolbars, >, 0);
  return overflow;
}

typedef struct {
  GtkWidget *window;
  int        width;
} WidthWait;

/* Within the window's decorations (a shadow, a resize border) of @width. */
static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  return ABS (gtk_widget_get_width (wait->window) - wait->width) <= 40;
}

/* Resizes @window and waits until it has about the new width. */
void
ui_test_resize (GtkWindow *window,
                int        width,
                int        height)
{
  WidthWait wait = { GTK_WIDGET (window), width };

  gtk_window_set_default_size (window, width, height);
  g_assert_true (ui_test_wait_for (has_width, &wait));
  ui_test_spin (100);
  g_test_message ("window: %d pixels wide for %d", gtk_widget_get_width (GTK_WIDGET (window)), width);
}
