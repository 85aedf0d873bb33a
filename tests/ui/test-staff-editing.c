/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-history-window.h"
#include "cyd-person-dialog.h"
#include "cyd-posts-page.h"
#include "cyd-staff-page.h"
#include "cyd-window.h"
#include "ui-test-util.h"

/* The person dialog from the Staff page, the pages' filters, and the
 * History window over the audit trail. */

#define AS_AT "2014-04-01"

typedef struct {
  CydStore  *store;
  CydWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  f->window = ui_test_open_window (f->store, NULL, AS_AT, 0, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ui_test_close_window (GTK_WINDOW (f->window), f->store);
}

static void
set_text (gpointer    dialog,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, name)), text);
}

static gboolean
is_marked (gpointer    dialog,
           const char *name)
{
  return gtk_widget_has_css_class (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, name), "error");
}

/* The first open toplevel of @type. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static guint
page_n_items (GtkWidget *page,
              GType      type)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (ui_test_template_child (page, type, "column_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (ui_test_view_model (view)));
}

static GtkWidget *
show_page (Fixture    *f,
           const char *name,
           GType       type)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", name);
  ui_test_spin (100);
  page = ui_test_find (GTK_WIDGET (f->window), type, NULL);
  g_assert_nonnull (page);
  return page;
}

static char *
dup_value (CydStore   *store,
           const char *sql,
           const char *number)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup (cyd_stmt_text (stmt, 0));
}

/* Fills a new person's fields; the first employer is chosen. */
static void
fill_person (CydPersonDialog *dialog)
{
  set_text (dialog, "number_entry", "T-0001");
  set_text (dialog, "given_entry", "Tesni");
  set_text (dialog, "family_entry", "Zwartpryce");
  set_text (dialog, "salary_entry", "£32,000.00");
  set_text (dialog, "on_costs_entry", "9000");
}

/* A bad value marks its entry and keeps Save insensitive, with a message. */
static void
test_validates (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *entry; const char *text; } bad[] = {
    { "number_entry", "" }, { "given_entry", "" }, { "family_entry", "" },
    { "salary_entry", "£32,0" }, { "on_costs_entry", "lots" }, { "start_entry", "1 April" },
    { "left_entry", "2001-01-01" }, { "left_entry", "2014-13-01" },
  };
  CydPersonDialog *dialog = cyd_person_dialog_new (GTK_WINDOW (f->window), f->store, 0, AS_AT);
  GtkWidget *save = ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, "save_button");
  GtkWidget *message = ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, "error_label");

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  fill_person (dialog);
  g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_sensitive (save));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GtkEditable *entry = GTK_EDITABLE (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, bad[i].entry));
      g_autofree char *good = g_strdup (gtk_editable_get_text (entry));

      gtk_editable_set_text (entry, bad[i].text);
      g_assert_false (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
      g_assert_false (gtk_widget_get_sensitive (save));
      g_assert_true (gtk_widget_get_visible (message));
      g_assert_true (is_marked (dialog, bad[i].entry));
      gtk_editable_set_text (entry, good);
      g_assert_true (cyd_edit_dialog_get_valid (CYD_EDIT_DIALOG (dialog)));
      g_assert_false (is_marked (dialog, bad[i].entry));
    }

  /* An assignment's FTE must be a fraction of one post. */
  set_text (dialog, "new_fte_entry", "1.5");
  g_assert_false (gtk_widget_get_sensitive (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, "add_assignment_button")));
  g_assert_false (cyd_person_dialog_add_assignment (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "+" on the Staff page adds a person with an assignment, as one step that
 * undo takes back; the History window lists it with its values. */
static void
test_add_person_undo (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *page = show_page (f, "staff", CYD_TYPE_STAFF_PAGE);
  guint before = page_n_items (page, CYD_TYPE_STAFF_PAGE);
  CydPersonDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *salary = NULL;
  g_autofree char *fte = NULL;
  g_autofree char *from = NULL;

  gtk_widget_activate_action (page, "staff.add", NULL);
  dialog = CYD_PERSON_DIALOG (find_toplevel (CYD_TYPE_PERSON_DIALOG));
  g_assert_nonnull (dialog);
  fill_person (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, "new_post_dropdown")), 1);
  set_text (dialog, "new_fte_entry", "0.5");
  g_assert_true (cyd_person_dialog_add_assignment (dialog));
  g_assert_cmpuint (cyd_person_dialog_get_n_assignments (dialog), ==, 1);
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);

  salary = dup_value (f->store, "SELECT salary FROM person WHERE employee_number = ?1", "T-0001");
  g_assert_cmpstr (salary, ==, "3200000");
  fte = dup_value (f->store, "SELECT a.fte FROM assignment a JOIN person p ON p.id = a.person_id"
                   " WHERE p.employee_number = ?1", "T-0001");
  g_assert_cmpstr (fte, ==, "5000");
  from = dup_value (f->store, "SELECT a.from_date FROM assignment a JOIN person p ON p.id = a.person_id"
                    " WHERE p.employee_number = ?1", "T-0001");
  g_assert_cmpstr (from, ==, AS_AT);
  ui_test_spin (100);
  g_assert_cmpuint (page_n_items (page, CYD_TYPE_STAFF_PAGE), ==, before + 1);
  g_assert_cmpstr (cyd_store_get_undo_label (f->store), ==, "Add Tesni Zwartpryce");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  ui_test_spin (100);
  g_assert_cmpuint (page_n_items (page, CYD_TYPE_STAFF_PAGE), ==, before);
  g_assert_null (dup_value (f->store, "SELECT id FROM person WHERE employee_number = ?1", "T-0001"));
}

/* Editing a person: the assignment ends on the as-at date, Leaver sets the
 * left date; History shows each field as before → after, newest first. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  CydPersonDialog *dialog = cyd_person_dialog_new (GTK_WINDOW (f->window), f->store, 0, AS_AT);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *left = NULL;
  g_autofree char *to = NULL;
  GtkWindow *history;
  GListModel *model;
  gint64 id;

  gtk_window_present (GTK_WINDOW (dialog));
  fill_person (dialog);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_test_template_child (dialog, CYD_TYPE_PERSON_DIALOG, "new_post_dropdown")), 1);
  set_text (dialog, "new_from_entry", "2013-04-01");
  g_assert_true (cyd_person_dialog_add_assignment (dialog));
  g_assert_true (cyd_edit_dialog_save (CYD_EDIT_DIALOG (dialog), &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.history", NULL);
  history = find_toplevel (CYD_TYPE_HISTORY_WINDOW);
  g_assert_nonnull (history);
  model = cyd_history_window_get_model (CYD_HISTORY_WINDOW (history));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  number = dup_value (f->store, "SELECT employer_id FROM person WHERE employee_number = ?1", "T-0001");
  id = cyd_person_find (f->store, g_ascii_strtoll (number, NULL, 10), "T-0001");
  dialog = cyd_person_dialog_new (GTK_WINDOW (f->window), f->store, id, "2015-03-31");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (cyd_person_dialog_get_n_assignments (dialog), ==, 1);
  set_text (dialog, "salary_entry", "£33,500.00");
  g_assert_true (cyd_person_dialog_leaver (dialog, &error));
  g_assert_no_error (error);
  left = dup_value (f->store, "SELECT left_date FROM person WHERE employee_number = ?1", "T-0001");
  g_assert_cmpstr (left, ==, "2015-03-31");
  to = dup_value (f->store, "SELECT a.to_date FROM assignment a JOIN person p ON p.id = a.person_id"
                  " WHERE p.employee_number = ?1", "T-0001");
  g_assert_cmpstr (to, ==, "2015-03-31");

  /* Newest first: the leaver step's two rows, then the adding step's. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    g_autoptr(CydAuditEntry) person = g_list_model_get_item (model, 0);
    g_autoptr(CydAuditEntry) assignment = g_list_model_get_item (model, 1);
    g_autoptr(CydAuditEntry) added = g_list_model_get_item (model, 3);
    const char *changes = cyd_audit_entry_get_changes (person);

    if (g_strcmp0 (cyd_audit_entry_get_kind (person), "Member of staff") != 0)
      {
        CydAuditEntry *swap = person;

        person = assignment;
        assignment = swap;
        changes = cyd_audit_entry_get_changes (person);
      }
    g_assert_cmpstr (cyd_audit_entry_get_kind (person), ==, "Member of staff");
    g_assert_cmpstr (cyd_audit_entry_get_step (person), ==, "Edit Tesni Zwartpryce");
    g_assert_cmpstr (cyd_audit_entry_get_record (person), ==, "Tesni Zwartpryce");
    g_assert_nonnull (strstr (changes, "Salary: £32,000.00 → £33,500.00"));
    g_assert_nonnull (strstr (changes, "Left on: (empty) → 2015-03-31"));
    g_assert_null (strstr (changes, "Given name"));
    g_assert_cmpstr (cyd_audit_entry_get_kind (assignment), ==, "Assignment");
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (assignment), "To: (empty) → 2015-03-31"));
    g_assert_cmpstr (cyd_audit_entry_get_step (added), ==, "Add Tesni Zwartpryce");
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (added), "Employer: "));
    g_assert_nonnull (strstr (cyd_audit_entry_get_at (added), "20"));
  }
  g_assert_true (ui_test_shows_text (GTK_WIDGET (history), "Edit Tesni Zwartpryce"));
  gtk_window_destroy (history);
}

/* The Posts page's vacancy filter and the Staff page's employer filter. */
static void
test_page_filters (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *posts = show_page (f, "posts", CYD_TYPE_POSTS_PAGE);
  GtkDropDown *status = GTK_DROP_DOWN (ui_test_template_child (posts, CYD_TYPE_POSTS_PAGE, "status_dropdown"));
  GtkWidget *staff;
  GtkDropDown *employer;
  guint all = page_n_items (posts, CYD_TYPE_POSTS_PAGE);
  guint vacant, filled;

  gtk_drop_down_set_selected (status, 1);
  vacant = page_n_items (posts, CYD_TYPE_POSTS_PAGE);
  gtk_drop_down_set_selected (status, 2);
  filled = page_n_items (posts, CYD_TYPE_POSTS_PAGE);
  g_assert_cmpuint (vacant + filled, ==, all);
  g_assert_cmpuint (vacant, >, 0);
  g_assert_cmpuint (filled, >, 0);
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (page_n_items (posts, CYD_TYPE_POSTS_PAGE), ==, all);

  staff = show_page (f, "staff", CYD_TYPE_STAFF_PAGE);
  employer = GTK_DROP_DOWN (ui_test_template_child (staff, CYD_TYPE_STAFF_PAGE, "employer_dropdown"));
  all = page_n_items (staff, CYD_TYPE_STAFF_PAGE);
  gtk_drop_down_set_selected (employer, 1);
  g_assert_cmpuint (page_n_items (staff, CYD_TYPE_STAFF_PAGE), <, all);
  gtk_drop_down_set_selected (employer, 0);
  g_assert_cmpuint (page_n_items (staff, CYD_TYPE_STAFF_PAGE), ==, all);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add ("/ui/staff-editing/person-dialog/validates", Fixture, NULL, fixture_set_up, test_validates,
              fixture_tear_down);
  g_test_add ("/ui/staff-editing/person-dialog/add-undo", Fixture, NULL, fixture_set_up, test_add_person_undo,
              fixture_tear_down);
  g_test_add ("/ui/staff-editing/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/ui/staff-editing/filters", Fixture, NULL, fixture_set_up, test_page_filters, fixture_tear_down);

  return g_test_run ();
}
