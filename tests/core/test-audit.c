/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-private.h"

/* The audit model: newest first, one entry per changed row, each field as
 * "field: before → after", following the store through edits and undo. */

typedef struct {
  CydStore *store;
  guint     signals;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = core_test_open_demo ("audit.cyd");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->signals++;
  g_assert_cmpuint (position, ==, 0);
}

static gint64
first_id (CydStore   *store,
          const char *sql)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
apply (Fixture *f,
       CydEdit *edit)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cyd_store_apply (f->store, edit, &error));
  g_assert_no_error (error);
}

static void
test_trail (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CydAuditModel) model = cyd_audit_model_new (f->store);
  gint64 post = first_id (f->store, "SELECT id FROM post WHERE code = 'JNT-DIR-001'");
  gint64 council = first_id (f->store, "SELECT id FROM council ORDER BY code LIMIT 1");
  g_autoptr(CydEdit) rename = cyd_edit_new ("Rename");
  g_autoptr(CydEdit) add = cyd_edit_new ("Add Anwen Prys");
  g_autoptr(GError) error = NULL;
  guint person;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);

  cyd_edit_update (rename, "post", post, "title_en", g_variant_new_string ("Chief of Everything"));
  cyd_edit_update (rename, "post", post, "annual_cost", g_variant_new_int64 (12345678));
  apply (f, rename);
  g_assert_cmpuint (f->signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  person = cyd_edit_insert (add, "person");
  cyd_edit_set (add, person, "employer_id", g_variant_new_int64 (council));
  cyd_edit_set (add, person, "employee_number", g_variant_new_string ("A-1"));
  cyd_edit_set (add, person, "given_name", g_variant_new_string ("Anwen"));
  cyd_edit_set (add, person, "family_name", g_variant_new_string ("Prys"));
  {
    guint a = cyd_edit_insert (add, "assignment");

    cyd_edit_set_inserted_id (add, a, "person_id", person);
    cyd_edit_set (add, a, "post_id", g_variant_new_int64 (post));
    cyd_edit_set (add, a, "fte", g_variant_new_int64 (5000));
  }
  apply (f, add);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  {
    g_autoptr(CydAuditEntry) assignment = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(CydAuditEntry) added = g_list_model_get_item (G_LIST_MODEL (model), 1);
    g_autoptr(CydAuditEntry) renamed = g_list_model_get_item (G_LIST_MODEL (model), 2);

    g_assert_cmpstr (cyd_audit_entry_get_kind (assignment), ==, "Assignment");
    g_assert_cmpstr (cyd_audit_entry_get_record (assignment), ==, "JNT-DIR-001");
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (assignment), "Person: Anwen Prys"));
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (assignment), "FTE: 0.50"));
    g_assert_cmpstr (cyd_audit_entry_get_kind (added), ==, "Member of staff");
    g_assert_cmpstr (cyd_audit_entry_get_record (added), ==, "Anwen Prys");
    g_assert_cmpstr (cyd_audit_entry_get_step (added), ==, "Add Anwen Prys");
    g_assert_null (strstr (cyd_audit_entry_get_changes (added), "→"));
    g_assert_cmpstr (cyd_audit_entry_get_kind (renamed), ==, "Post");
    g_assert_cmpstr (cyd_audit_entry_get_record (renamed), ==, "JNT-DIR-001");
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (renamed),
                             "Title (English): Director of Social Services → Chief of Everything"));
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (renamed), "Annual cost: "));
    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (renamed), " → £123,456.78"));
    g_assert_null (strstr (cyd_audit_entry_get_changes (renamed), "Code"));
  }

  /* Undo is a step of its own: the rows written back, deleted ones last. */
  g_assert_true (cyd_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);
  {
    g_autoptr(CydAuditEntry) undone = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_nonnull (strstr (cyd_audit_entry_get_changes (undone), "→ (empty)"));
  }
  g_assert_cmpuint (f->signals, ==, 3);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/audit/trail", Fixture, NULL, setup, test_trail, teardown);

  return core_test_run ();
}
