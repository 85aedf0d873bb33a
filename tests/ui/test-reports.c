/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cyd.h"
#include "cyd-csv.h"
#include "cyd-list-export.h"
#include "cyd-report.h"
#include "cyd-report-dialog.h"
#include "cyd-staff-page.h"
#include "ui-test-util.h"

typedef struct {
  CydStore  *store;
  GtkWindow *window;
} Fixture;

typedef struct {
  GAsyncResult *result;
} Waiting;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

static void
on_ready (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Waiting *waiting = user_data;

  waiting->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Waiting *) data)->result != NULL;
}

static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_actionable (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* Every kind of report, through the function the Save button calls: a PDF
 * file that begins as a PDF does. */
static void
test_save_pdf (Fixture       *f,
               gconstpointer  data)
{
  CydReportDialog *dialog = cyd_report_dialog_new (f->window, f->store, "2015-06-30");
  GtkWidget *kind_row, *save, *print;
  GtkEditable *entry;

  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_spin (100);
  kind_row = ui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL);
  entry = GTK_EDITABLE (ui_test_find (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL));
  g_assert_nonnull (kind_row);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "30 June 2015");
  save = find_actionable (GTK_WIDGET (dialog), "report.save-pdf");
  print = find_actionable (GTK_WIDGET (dialog), "report.print");
  g_assert_true (gtk_widget_is_sensitive (save));
  g_assert_true (gtk_widget_is_sensitive (print));

  for (guint kind = 0; kind < CYD_REPORT_N_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", kind);
      g_autofree char *path = temp_path (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      Waiting waiting = { NULL };

      adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), kind);
      cyd_report_dialog_save_pdf_async (dialog, file, NULL, on_ready, &waiting);
      g_assert_true (ui_test_wait_for (has_result, &waiting));
      g_assert_true (cyd_report_dialog_save_pdf_finish (dialog, waiting.result, &error));
      g_assert_no_error (error);
      g_clear_object (&waiting.result);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
    }

  /* A date that is not one turns both buttons off. */
  gtk_editable_set_text (entry, "31 Smarch 2015");
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_false (gtk_widget_is_sensitive (print));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
print_finished (gpointer data)
{
  return !cyd_report_dialog_get_busy (data);
}

/* Print… runs a GtkPrintOperation whose begin-print and draw-page lay out
 * and draw the report; exporting it to a file drives the very same
 * operation without a printer. */
static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  CydReportDialog *dialog = cyd_report_dialog_new (f->window, f->store, "2015-06-30");
  g_autofree char *path = temp_path ("printed.pdf");
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint pages = 0;

  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_spin (100);
  cyd_report_dialog_print_to_file (dialog, path);
  g_assert_true (cyd_report_dialog_get_busy (dialog));
  g_assert_true (ui_test_wait_for (print_finished, dialog));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* Page objects, counted across binary font data. */
  for (gsize i = 0; i + 11 < length; i++)
    if (memcmp (contents + i, "/Type /Page", 11) == 0 && contents[i + 11] != 's')
      pages++;
  g_test_message ("printed %u pages", pages);
  g_assert_cmpuint (pages, >=, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
search_applied (gpointer data)
{
  CydListModel *model = data;

  return g_strcmp0 (cyd_list_model_get_search (model), "Hughes") == 0;
}

static char *
join_titles (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GString) line = g_string_new (CYD_CSV_BOM);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (titles, (gpointer) gtk_column_view_column_get_title (column));
    }
  cyd_csv_append_row (line, (const char * const *) titles->pdata, titles->len);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* The Staff list, searched and sorted, exported as CSV: the visible
 * columns' titles, then the model's rows in its order, and nothing else. */
static void
test_export_staff (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *page = g_object_new (CYD_TYPE_STAFF_PAGE, "store", f->store, NULL);
  g_autofree char *path = temp_path ("staff.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *header = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CydRecord) first = NULL;
  GtkColumnView *view;
  CydListModel *model;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) employee = NULL;
  Waiting waiting = { NULL };
  guint n_rows = 0, n_items;
  GStatBuf st;

  gtk_window_set_child (f->window, page);
  gtk_window_present (f->window);
  ui_test_spin (100);

  view = GTK_COLUMN_VIEW (ui_test_find (page, GTK_TYPE_COLUMN_VIEW, NULL));
  model = ui_test_view_model (view);
  g_assert_nonnull (find_actionable (page, "list.export-csv"));

  gtk_editable_set_text (GTK_EDITABLE (ui_test_find (page, GTK_TYPE_SEARCH_ENTRY, NULL)), "Hughes");
  g_assert_true (ui_test_wait_for (search_applied, model));
  columns = gtk_column_view_get_columns (view);
  employee = g_list_model_get_item (columns, 0);
  gtk_column_view_sort_by_column (view, employee, GTK_SORT_DESCENDING);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_items, >, 1);
  g_assert_cmpuint (n_items, <, 100);

  cyd_list_export_csv_async (view, file, NULL, on_ready, &waiting);
  g_assert_true (ui_test_wait_for (has_result, &waiting));
  g_assert_true (cyd_list_export_csv_finish (view, waiting.result, &n_rows, &error));
  g_assert_no_error (error);
  g_clear_object (&waiting.result);
  g_assert_cmpuint (n_rows, ==, n_items);

  /* The list names people: the file is its owner's alone. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  header = join_titles (view);
  g_assert_true (g_str_has_prefix (contents, header));
  /* The header, n_items rows and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_items + 2);
  for (guint i = 1; i <= n_items; i++)
    g_assert_nonnull (strstr (lines[i], "Hughes"));

  /* In the model's order: the first row is the model's first record. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (g_str_has_prefix (lines[1], cyd_record_get_text (first, "employee")));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/reports/save-pdf", Fixture, NULL, fixture_set_up, test_save_pdf, fixture_tear_down);
  g_test_add ("/ui/reports/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/ui/reports/export-staff-csv", Fixture, NULL, fixture_set_up, test_export_staff,
              fixture_tear_down);

  return g_test_run ();
}
