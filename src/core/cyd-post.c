/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-post"

#include "config.h"

#include "cyd-post.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"

/* The choices' queries: id, code, name in English, name in Welsh. */
static const char * const choice_sql[] = {
  [CYD_CHOICE_COUNCIL] = "SELECT id, code, name_en, name_cy FROM council ORDER BY code",
  [CYD_CHOICE_DIRECTORATE] = "SELECT id, code, name_en, name_cy FROM directorate ORDER BY kind DESC, code",
  [CYD_CHOICE_SERVICE_LINE] = "SELECT id, code, name_en, name_cy FROM service_line ORDER BY code",
  [CYD_CHOICE_POST] = "SELECT id, code, title_en, title_cy FROM post"
                      " WHERE ?1 = 0 OR directorate_id = ?1 ORDER BY code",
  [CYD_CHOICE_MERGED_POST] = "SELECT p.id, p.code, p.title_en, p.title_cy FROM post p"
                             " JOIN directorate d ON d.id = p.directorate_id WHERE d.kind = 'merged'"
                             " ORDER BY p.code",
  [CYD_CHOICE_PERSON] = "SELECT p.id, c.code, p.employee_number, p.family_name, p.given_name FROM person p"
                        " JOIN council c ON c.id = p.employer_id"
                        " ORDER BY p.family_name, p.given_name, c.code, p.employee_number",
};

static void
choice_free (gpointer data)
{
  CydChoice *choice = data;

  g_free (choice->label);
  g_free (choice);
}

static void
assignment_free (gpointer data)
{
  CydAssignment *a = data;

  g_free (a->post);
  g_free (a->from_date);
  g_free (a->to_date);
  g_free (a);
}

/* "CODE — Name", the name in the interface language from columns @en, @en + 1. */
static char *
dup_code_and_name (CydStmt *stmt,
                   int      code,
                   int      en)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  g_autofree char *name = cyd_bilingual_display (cyd_stmt_text (stmt, welsh ? en + 1 : en),
                                                 cyd_stmt_text (stmt, welsh ? en : en + 1));

  return g_strdup_printf ("%s — %s", cyd_stmt_text (stmt, code), name);
}

/**
 * cyd_post_dup_fields:
 * @id: a post's row id
 *
 * Returns: (transfer full) (nullable): code, title_en, title_cy,
 *   directorate_id, service_line_id, reports_to_id, grade, fte, annual_cost,
 *   established_from, established_to
 */
GHashTable *
cyd_post_dup_fields (CydStore  *store,
                     gint64     id,
                     GError   **error)
{
  static const char * const columns[] = {
    "code", "title_en", "title_cy", "directorate_id", "service_line_id", "reports_to_id", "grade", "fte",
    "annual_cost", "established_from", "established_to",
  };

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return cyd_store_dup_row (store,
                            "SELECT code, title_en, title_cy, directorate_id, service_line_id, reports_to_id,"
                            " grade, fte, annual_cost, established_from, established_to FROM post WHERE id = ?1",
                            columns, G_N_ELEMENTS (columns), id, _("This post is no longer in the programme."),
                            error);
}

/**
 * cyd_person_dup_fields:
 * @id: a person's row id
 *
 * Returns: (transfer full) (nullable): employer_id, employee_number,
 *   given_name, family_name, preferred_language, grade, salary, on_costs,
 *   start_date, left_date
 */
GHashTable *
cyd_person_dup_fields (CydStore  *store,
                       gint64     id,
                       GError   **error)
{
  static const char * const columns[] = {
    "employer_id", "employee_number", "given_name", "family_name", "preferred_language", "grade", "salary",
    "on_costs", "start_date", "left_date",
  };

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return cyd_store_dup_row (store,
                            "SELECT employer_id, employee_number, given_name, family_name, preferred_language,"
                            " grade, salary, on_costs, start_date, left_date FROM person WHERE id = ?1",
                            columns, G_N_ELEMENTS (columns), id, _("This person is no longer in the programme."),
                            error);
}

/**
 * cyd_mapping_dup_fields:
 * @post_id: a legacy post's row id
 *
 * Returns: (transfer full) (nullable): the post's first mapping (by
 *   effective date) as id, target_id, method, effective; an empty table
 *   when the post is not mapped
 */
GHashTable *
cyd_mapping_dup_fields (CydStore  *store,
                        gint64     post_id,
                        GError   **error)
{
  static const char * const columns[] = { "id", "target_id", "method", "effective" };
  g_autoptr(GError) local = NULL;
  GHashTable *fields;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  fields = cyd_store_dup_row (store,
                              "SELECT id, target_id, method, effective FROM post_mapping WHERE post_id = ?1"
                              " ORDER BY effective, id LIMIT 1",
                              columns, G_N_ELEMENTS (columns), post_id, "", &local);
  if (fields != NULL)
    return fields;
  if (local->code == CYD_STORE_ERROR_FAILED && *local->message == '\0')
    return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_propagate_error (error, g_steal_pointer (&local));
  return NULL;
}

/**
 * cyd_choices_load:
 * @scope: for %CYD_CHOICE_POST, a directorate's id or 0
 *
 * Returns: (transfer full) (element-type CydChoice) (nullable): the choices in order
 */
GPtrArray *
cyd_choices_load (CydStore       *store,
                  CydChoiceKind   kind,
                  gint64          scope,
                  GError        **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= CYD_CHOICE_PERSON, NULL);

  stmt = cyd_store_prepare (store, choice_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  if (kind == CYD_CHOICE_POST)
    sqlite3_bind_int64 (stmt, 1, scope);
  choices = g_ptr_array_new_with_free_func (choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydChoice *choice = g_new0 (CydChoice, 1);

      choice->id = sqlite3_column_int64 (stmt, 0);
      if (kind == CYD_CHOICE_PERSON)
        choice->label = g_strdup_printf ("%s, %s (%s:%s)", cyd_stmt_text (stmt, 3), cyd_stmt_text (stmt, 4),
                                         cyd_stmt_text (stmt, 1), cyd_stmt_text (stmt, 2));
      else
        choice->label = dup_code_and_name (stmt, 1, 2);
      g_ptr_array_add (choices, choice);
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&choices);
}

/**
 * cyd_person_load_assignments:
 *
 * Returns: (transfer full) (element-type CydAssignment) (nullable): the
 *   person's assignments, current ones first
 */
GPtrArray *
cyd_person_load_assignments (CydStore  *store,
                             gint64     person_id,
                             GError   **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  stmt = cyd_store_prepare (store,
                            "SELECT a.id, a.post_id, p.code, p.title_en, p.title_cy, a.fte, a.from_date, a.to_date"
                            " FROM assignment a JOIN post p ON p.id = a.post_id WHERE a.person_id = ?1"
                            " ORDER BY a.to_date IS NULL DESC, a.to_date DESC, a.from_date DESC, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  list = g_ptr_array_new_with_free_func (assignment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydAssignment *a = g_new0 (CydAssignment, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->post_id = sqlite3_column_int64 (stmt, 1);
      a->post = dup_code_and_name (stmt, 2, 3);
      a->fte = sqlite3_column_int64 (stmt, 5);
      a->from_date = g_strdup (cyd_stmt_text (stmt, 6));
      a->to_date = g_strdup (cyd_stmt_text (stmt, 7));
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gint64
select_id (CydStore   *store,
           const char *sql,
           gint64      number,
           const char *text)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, number);
  cyd_stmt_bind_text_or_null (stmt, 2, text);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Whether the post belongs to a legacy directorate. */
gboolean
cyd_post_is_legacy (CydStore *store,
                    gint64    post_id)
{
  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);

  return select_id (store,
                    "SELECT p.id FROM post p JOIN directorate d ON d.id = p.directorate_id"
                    " WHERE p.id = ?1 AND d.kind = 'legacy'", post_id, NULL) != 0;
}

/* Returns: the row id of the post with @code, or 0 */
gint64
cyd_post_find_code (CydStore   *store,
                    const char *code)
{
  g_return_val_if_fail (CYD_IS_STORE (store), 0);

  return select_id (store, "SELECT id FROM post WHERE code = ?2", 0, code);
}

/* Returns: the row id of the employer's person with @employee_number, or 0 */
gint64
cyd_person_find (CydStore   *store,
                 gint64      employer_id,
                 const char *employee_number)
{
  g_return_val_if_fail (CYD_IS_STORE (store), 0);

  return select_id (store, "SELECT id FROM person WHERE employer_id = ?1 AND employee_number = ?2",
                    employer_id, employee_number);
}
