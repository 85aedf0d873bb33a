/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-structure"

#include "config.h"

#include "cyd-structure.h"

#include <string.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-record-private.h"

/* Mappings that put the holder at risk: the post goes, or it is filled by
 * competition (open, or within a ring-fenced pool). */
#define AT_RISK_METHODS "('deleted', 'open-competition', 'ring-fenced')"

typedef enum {
  FIELD_TEXT,
  FIELD_NAME,    /* two SQL columns: interface language, other language */
  FIELD_MONEY,
  FIELD_DATE,
  FIELD_ENUM,
} FieldType;

typedef struct {
  const char *key;
  FieldType   type;
} Field;

/* Pending risky mappings (effective on or after the date): the people who
 * hold the post on the day before the mapping takes effect. */
static const char at_risk_sql[] =
  "SELECT h.id, e.code || ':' || h.employee_number, h.family_name || ', ' || h.given_name,"
  " p.code, p.title_%L, p.title_%O, m.method, m.effective, t.code"
  " FROM post_mapping m"
  " JOIN post p ON p.id = m.post_id JOIN post t ON t.id = m.target_id"
  " JOIN directorate d ON d.id = p.directorate_id AND d.kind = 'legacy'"
  " JOIN assignment a ON a.post_id = p.id"
  " JOIN person h ON h.id = a.person_id JOIN council e ON e.id = h.employer_id"
  " WHERE m.method IN " AT_RISK_METHODS " AND m.effective >= ?1"
  " AND (a.from_date IS NULL OR a.from_date <= date (m.effective, '-1 day'))"
  " AND (a.to_date IS NULL OR a.to_date >= date (m.effective, '-1 day'))"
  " AND (h.left_date IS NULL OR h.left_date >= date (m.effective, '-1 day'))"
  " GROUP BY h.id, p.id"
  " ORDER BY h.family_name COLLATE %C, h.given_name COLLATE %C, p.code";

static const Field at_risk_fields[] = {
  { "employee", FIELD_TEXT }, { "name", FIELD_TEXT }, { "post", FIELD_TEXT }, { "title", FIELD_NAME },
  { "method", FIELD_ENUM }, { "effective", FIELD_DATE }, { "target", FIELD_TEXT }, { NULL }
};

/* Legacy posts still established on or after the date with no mapping. */
static const char unmapped_sql[] =
  "SELECT p.id, p.code, p.title_%L, p.title_%O, d.name_%L, d.name_%O, p.grade,"
  " (SELECT group_concat (h.given_name || ' ' || h.family_name, ', ') FROM assignment a"
  "  JOIN person h ON h.id = a.person_id WHERE a.post_id = p.id"
  "  AND (a.from_date IS NULL OR a.from_date <= ?1) AND (a.to_date IS NULL OR a.to_date >= ?1))"
  " FROM post p JOIN directorate d ON d.id = p.directorate_id AND d.kind = 'legacy'"
  " WHERE (p.established_to IS NULL OR p.established_to >= ?1)"
  " AND NOT EXISTS (SELECT 1 FROM post_mapping m WHERE m.post_id = p.id)"
  " ORDER BY p.code";

static const Field unmapped_fields[] = {
  { "code", FIELD_TEXT }, { "title", FIELD_NAME }, { "directorate", FIELD_NAME },
  { "grade", FIELD_TEXT }, { "holders", FIELD_TEXT }, { NULL }
};

/* Merged posts still established on or after the date that no legacy post
 * maps into: vacancies to recruit. */
static const char no_source_sql[] =
  "SELECT p.id, p.code, p.title_%L, p.title_%O, p.grade, p.annual_cost, p.established_from"
  " FROM post p JOIN directorate d ON d.id = p.directorate_id AND d.kind = 'merged'"
  " WHERE (p.established_to IS NULL OR p.established_to >= ?1)"
  " AND NOT EXISTS (SELECT 1 FROM post_mapping m WHERE m.target_id = p.id)"
  " ORDER BY p.code";

static const Field no_source_fields[] = {
  { "code", FIELD_TEXT }, { "title", FIELD_NAME }, { "grade", FIELD_TEXT },
  { "cost", FIELD_MONEY }, { "from", FIELD_DATE }, { NULL }
};

static char *
localise_sql (const char *sql)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  g_autoptr(GString) s = g_string_new (sql);

  g_string_replace (s, "%L", welsh ? "cy" : "en", 0);
  g_string_replace (s, "%O", welsh ? "en" : "cy", 0);
  g_string_replace (s, "%C", welsh ? "cyd_welsh" : "NOCASE", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
format_field (FieldType     type,
              sqlite3_stmt *stmt,
              int           i)
{
  if (type == FIELD_NAME)
    return cyd_bilingual_display (cyd_stmt_text (stmt, i), cyd_stmt_text (stmt, i + 1));
  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;
  switch (type)
    {
    case FIELD_MONEY:
      return cyd_money_format (sqlite3_column_int64 (stmt, i));
    case FIELD_DATE:
      return cyd_date_format (cyd_stmt_text (stmt, i));
    case FIELD_ENUM:
      return g_strdup (cyd_enum_to_label (cyd_stmt_text (stmt, i)));
    case FIELD_TEXT:
    case FIELD_NAME:
    default:
      return g_strdup (cyd_stmt_text (stmt, i));
    }
}

static GListModel *
list_records (CydStore     *store,
              const char   *sql_template,
              const Field  *fields,
              const char   *as_at,
              GError      **error)
{
  g_autofree char *sql = localise_sql (sql_template);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, error);
  g_autoptr(GListStore) list = g_list_store_new (CYD_TYPE_RECORD);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  for (const Field *f = fields; f->key != NULL; f++)
    g_ptr_array_add (keys, (gpointer) f->key);
  sqlite3_bind_text (stmt, 1, as_at, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **values = g_new0 (char *, keys->len);
      g_autoptr(CydRecord) record = NULL;
      int col = 1;

      for (guint i = 0; i < keys->len; i++)
        {
          values[i] = format_field (fields[i].type, stmt, col);
          col += fields[i].type == FIELD_NAME ? 2 : 1;
        }
      record = cyd_record_new (sqlite3_column_int64 (stmt, 0), keys, values);
      g_list_store_append (list, record);
    }
  if (rc != SQLITE_DONE)
    {
      cyd_store_set_sqlite_error (store, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
cyd_structure_list_at_risk (CydStore    *store,
                            const char  *as_at,
                            GError     **error)
{
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  return list_records (store, at_risk_sql, at_risk_fields, as_at, error);
}

GListModel *
cyd_structure_list_unmapped (CydStore    *store,
                             const char  *as_at,
                             GError     **error)
{
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  return list_records (store, unmapped_sql, unmapped_fields, as_at, error);
}

GListModel *
cyd_structure_list_no_source (CydStore    *store,
                              const char  *as_at,
                              GError     **error)
{
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  return list_records (store, no_source_sql, no_source_fields, as_at, error);
}
