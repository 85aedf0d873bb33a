/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-date.h"
#include "cyd-importer-private.h"
#include "cyd-money.h"

#define MAX_TEXT 4000


gboolean
import_prepare_tables (ImportRun  *run,
                       GError    **error)
{
  return cyd_store_exec (run->store,
                         "CREATE TEMP TABLE IF NOT EXISTS cyd_pending ("
                         " seq INTEGER PRIMARY KEY, what INTEGER NOT NULL, record_id INTEGER NOT NULL,"
                         " record_code TEXT, code TEXT NOT NULL, method TEXT, effective TEXT,"
                         " line INTEGER, col INTEGER)", error) &&
         cyd_store_exec (run->store, "CREATE TEMP TABLE IF NOT EXISTS cyd_seen (id INTEGER PRIMARY KEY)", error) &&
         cyd_store_exec (run->store, "CREATE TEMP TABLE IF NOT EXISTS cyd_keys (kind INTEGER, key TEXT,"
                                     " PRIMARY KEY (kind, key)) WITHOUT ROWID", error) &&
         cyd_store_exec (run->store, "DELETE FROM cyd_keys", error) &&
         cyd_store_exec (run->store, "DELETE FROM cyd_pending", error) &&
         cyd_store_exec (run->store, "DELETE FROM cyd_seen", error);
}

gboolean
import_check_code (const char *text)
{
  gsize len = strlen (text);

  if (len < 1 || len > 32 || !g_ascii_isalnum (text[0]))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '.' && text[i] != '_' && text[i] != '-')
      return FALSE;
  return TRUE;
}

void
import_note_failed (ImportRun  *run,
                    const char *table,
                    const char *code)
{
  if (code != NULL)
    g_hash_table_add (run->failed, g_strconcat (table, "\x1f", code, NULL));
}

/* A reference to a record that was itself refused is not reported again. */
gboolean
import_has_failed (ImportRun  *run,
                   const char *table,
                   const char *code)
{
  g_autofree char *key = g_strconcat (table, "\x1f", code, NULL);

  return g_hash_table_contains (run->failed, key);
}

const char *
import_kind_noun (const char *table)
{
  if (g_str_equal (table, "council"))
    return C_("record", "council");
  if (g_str_equal (table, "directorate"))
    return C_("record", "directorate");
  if (g_str_equal (table, "service_line"))
    return C_("record", "service line");
  if (g_str_equal (table, "post"))
    return C_("record", "post");
  if (g_str_equal (table, "milestone"))
    return C_("record", "milestone");
  return C_("record", "person");
}

static const char *
find_attr (GPtrArray  *attrs,
           const char *name)
{
  for (guint i = 0; i < attrs->len; i++)
    {
      Attr *attr = g_ptr_array_index (attrs, i);
      if (g_str_equal (attr->name, name))
        return attr->value;
    }
  return NULL;
}

static char *record_key (const RecordDef *def,
                         const Value     *values);

/* Fixed SQL per table: this runs for every reference in a file. */
static const char *
lookup_sql (const char *table)
{
  static const char *const sql[][2] = {
    { "council", "SELECT id FROM council WHERE code = ?" },
    { "directorate", "SELECT id FROM directorate WHERE code = ?" },
    { "service_line", "SELECT id FROM service_line WHERE code = ?" },
    { "post", "SELECT id FROM post WHERE code = ?" },
    { "saving", "SELECT id FROM saving WHERE code = ?" },
    { "milestone", "SELECT id FROM milestone WHERE code = ?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (g_str_equal (sql[i][0], table))
      return sql[i][1];
  g_assert_not_reached ();
}

gboolean
import_lookup_code (ImportRun  *run,
             const char *table,
             const char *code,
             gint64     *out_id)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store, lookup_sql (table), NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
lookup_owner (ImportRun  *run,
              const char *owner,
              gint64     *out_id)
{
  const char *colon = strchr (owner, ':');
  g_autofree char *employer = NULL;
  g_autoptr(CydStmt) stmt = NULL;

  if (colon == NULL)
    return FALSE;
  employer = g_strndup (owner, colon - owner);
  stmt = cyd_store_prepare (run->store,
                            "SELECT p.id FROM person p JOIN council c ON c.id = p.employer_id"
                            " WHERE c.code = ? AND p.employee_number = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, employer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, colon + 1, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
is_owner_form (const char *text)
{
  const char *colon = strchr (text, ':');
  g_autofree char *employer = NULL;

  if (colon == NULL)
    return FALSE;
  employer = g_strndup (text, colon - text);
  return import_check_code (employer) && import_check_code (colon + 1);
}

static gboolean
parse_int (const char *text,
           gint64     *out)
{
  gint64 n = 0;

  if (*text == '\0' || strlen (text) > 12)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n = n * 10 + (*p - '0');
    }
  *out = n;
  return TRUE;
}

/* Parses one attribute of a record or child; reports what is wrong with it. */
static gboolean
parse_field (ImportRun      *run,
             const char     *element,
             const FieldDef *field,
             const char     *text,
             int             line,
             int             column,
             Value          *value)
{
  int year;

  value->present = TRUE;
  value->text = text;

  switch (field->type)
    {
    case FIELD_TEXT:
      if (*text == '\0' || strlen (text) > MAX_TEXT)
        {
          import_problem (run, line, column, _("<%s>: “%s” must not be empty."), element, field->attr);
          return FALSE;
        }
      return TRUE;

    case FIELD_CODE:
      if (!import_check_code (text))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be 1 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_INT:
      if (!parse_int (text, &value->number))
        {
          import_problem (run, line, column, _("<%s>: “%s” must be a whole number, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_YEAR:
      if (!cyd_year_parse (text, &year))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be a financial year by its first calendar year, such as 2014, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      value->number = year;
      return TRUE;

    case FIELD_MONEY:
      if (!cyd_money_parse (text, &value->number))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be an amount in pounds such as 882000.50 (at most two decimals, no commas, under £10,000,000,000,000), not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_FTE:
      if (!cyd_fte_parse (text, &value->number))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be more than 0 and at most 1, with at most four decimals, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_DATE:
      if (!cyd_date_is_valid_iso (text))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be a real date written YYYY-MM-DD, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_ENUM:
      if (!g_strv_contains (field->values, text))
        {
          g_autofree char *allowed = g_strjoinv (", ", (char **) field->values);
          import_problem (run, line, column, _("<%s>: “%s” must be one of %s, not “%s”."),
                          element, field->attr, allowed, text);
          return FALSE;
        }
      return TRUE;

    case FIELD_REF:
    case FIELD_SELF_REF:
      if (!import_check_code (text))
        {
          import_problem (run, line, column, _("<%s>: “%s” is not a valid code: “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      if (field->type == FIELD_REF && !import_lookup_code (run, field->ref_table, text, &value->number))
        {
          if (import_has_failed (run, field->ref_table, text))
            return FALSE;
          import_problem (run, line, column,
                          _("<%s>: “%s” names the %s “%s”, which is neither in this file nor in the programme."),
                          element, field->attr, import_kind_noun (field->ref_table), text);
          return FALSE;
        }
      return TRUE;

    case FIELD_OWNER:
      if (!is_owner_form (text))
        {
          import_problem (run, line, column,
                          _("<%s>: “%s” must be EMPLOYER:NUMBER, such as CAE:100234, not “%s”."),
                          element, field->attr, text);
          return FALSE;
        }
      if (!lookup_owner (run, text, &value->number))
        {
          if (import_has_failed (run, "person", text))
            return FALSE;
          import_problem (run, line, column,
                          _("<%s>: “%s” names the person “%s”, who is neither in this file nor in the programme."),
                          element, field->attr, text);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Checks the attributes of an element against its fields: unknown ones,
 * missing required ones, and each value. */
static gboolean
parse_fields (ImportRun      *run,
              const char     *element,
              const FieldDef *fields,
              GPtrArray      *attrs,
              int             line,
              int             column,
              Value          *values)
{
  gboolean ok = TRUE;
  guint i = 0;

  for (guint a = 0; a < attrs->len; a++)
    {
      Attr *attr = g_ptr_array_index (attrs, a);
      gboolean known = FALSE;

      for (const FieldDef *f = fields; f->attr != NULL; f++)
        known |= g_str_equal (f->attr, attr->name);
      if (!known)
        {
          import_problem (run, line, column, _("<%s> has an attribute “%s” that the format does not know."),
                          element, attr->name);
          ok = FALSE;
        }
    }

  for (const FieldDef *f = fields; f->attr != NULL; f++, i++)
    {
      const char *text = find_attr (attrs, f->attr);

      values[i].present = FALSE;
      if (text == NULL)
        {
          if (f->flags & FIELD_REQUIRED)
            {
              import_problem (run, line, column, _("<%s> needs the attribute “%s”."), element, f->attr);
              ok = FALSE;
            }
          continue;
        }
      ok &= parse_field (run, element, f, text, line, column, &values[i]);
    }
  return ok;
}

static guint
n_fields (const FieldDef *fields)
{
  guint n = 0;

  while (fields[n].attr != NULL)
    n++;
  return n;
}

static int
field_index (const FieldDef *fields,
             const char     *attr)
{
  for (int i = 0; fields[i].attr != NULL; i++)
    if (g_str_equal (fields[i].attr, attr))
      return i;
  return -1;
}

static gboolean
check_texts (ImportRun *run,
             Record    *record,
             const char *element,
             const char *text_element,
             char      **texts,
             int        *lines,
             gboolean    required)
{
  gboolean ok = TRUE;

  if (text_element == NULL)
    return TRUE;
  if (required && texts[0] == NULL && texts[1] == NULL)
    {
      import_problem (run, record->line, record->column,
                      _("<%s> needs a <%s> in English or Welsh."), element, text_element);
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    if (texts[i] != NULL && (*g_strstrip (texts[i]) == '\0' || strlen (texts[i]) > MAX_TEXT))
      {
        import_problem (run, lines[i] > 0 ? lines[i] : record->line, 1,
                        _("<%s>: its <%s> must not be empty."), element, text_element);
        ok = FALSE;
      }
  return ok;
}

/* A key may appear once in a file. */
static gboolean
check_unique_in_file (ImportRun *run,
                      Record    *record,
                      Value     *values)
{
  g_autofree char *key = record_key (record->def, values);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store,
                                               "INSERT OR IGNORE INTO cyd_keys (kind, key) VALUES (?, ?)", NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int (stmt, 1, record->def->kind);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_DONE && sqlite3_changes (cyd_store_get_handle (run->store)) == 0)
    {
      import_problem (run, record->line, record->column,
                      _("<%s> “%s” appears a second time in this file."), record->def->element, key);
      return FALSE;
    }
  return TRUE;
}

/* The record's own rules, beyond each value's form. */
static gboolean
check_record_rules (ImportRun *run,
                    Record    *record,
                    Value     *values)
{
  const RecordDef *def = record->def;
  gboolean ok = TRUE;

  if (def->kind == CYD_KIND_DIRECTORATE)
    {
      const char *kind = values[1].text;

      if (g_strcmp0 (kind, "legacy") == 0 && !values[2].present)
        {
          import_problem (run, record->line, record->column,
                          _("<directorate> “%s”: a legacy directorate needs the attribute “council”."),
                          values[0].text);
          ok = FALSE;
        }
      if (g_strcmp0 (kind, "merged") == 0)
        {
          g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store,
                                                       "SELECT code FROM directorate WHERE kind = 'merged' AND code <> ?",
                                                       NULL);
          if (stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, values[0].text, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  import_problem (run, record->line, record->column,
                                  _("<directorate> “%s”: the programme already has a merged directorate, “%s”; it can have only one."),
                                  values[0].text, cyd_stmt_text (stmt, 0));
                  ok = FALSE;
                }
            }
        }
    }

  if (def->kind == CYD_KIND_POST)
    {
      int from = field_index (def->fields, "established-from");
      int to = field_index (def->fields, "established-to");

      if (values[from].present && values[to].present && strcmp (values[from].text, values[to].text) > 0)
        {
          import_problem (run, record->line, record->column,
                          _("<post> “%s”: “established-to” comes before “established-from”."), values[0].text);
          ok = FALSE;
        }
    }

  return ok;
}

static gboolean
values_differ (const FieldDef *f,
               const Value    *v,
               sqlite3_stmt   *stored,
               int             column)
{
  if (sqlite3_column_type (stored, column) == SQLITE_NULL)
    return TRUE;
  switch (f->type)
    {
    case FIELD_TEXT:
    case FIELD_CODE:
    case FIELD_DATE:
    case FIELD_ENUM:
      return g_strcmp0 (v->text, cyd_stmt_text (stored, column)) != 0;
    default:
      return v->number != sqlite3_column_int64 (stored, column);
    }
}

static void
bind_value (sqlite3_stmt   *stmt,
            int             index,
            const FieldDef *f,
            const Value    *v)
{
  switch (f->type)
    {
    case FIELD_TEXT:
    case FIELD_CODE:
    case FIELD_DATE:
    case FIELD_ENUM:
      sqlite3_bind_text (stmt, index, v->text, -1, SQLITE_TRANSIENT);
      break;
    default:
      sqlite3_bind_int64 (stmt, index, v->number);
      break;
    }
}

static const char *
text_column_suffix (guint i)
{
  return i == 0 ? "en" : "cy";
}

/* The columns a record writes directly: fields that are not deferred
 * references, then its bilingual texts. */
static void
append_columns (GString         *s,
                const RecordDef *def,
                const char      *separator,
                const char      *suffix)
{
  gboolean first = TRUE;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++)
    {
      if (f->type == FIELD_SELF_REF)
        continue;
      g_string_append_printf (s, "%s%s%s", first ? "" : separator, f->column, suffix);
      first = FALSE;
    }
  if (def->text_column != NULL)
    for (guint i = 0; i < 2; i++)
      g_string_append_printf (s, "%s%s_%s%s", separator, def->text_column, text_column_suffix (i), suffix);
  if (def->text2_column != NULL)
    for (guint i = 0; i < 2; i++)
      g_string_append_printf (s, "%s%s_%s%s", separator, def->text2_column, text_column_suffix (i), suffix);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
canonical_file_children (Record         *record,
                         const ChildDef *child_def,
                         gboolean       *any)
{
  g_autoptr(GPtrArray) tuples = g_ptr_array_new_with_free_func (g_free);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < record->children->len; i++)
    {
      Child *child = g_ptr_array_index (record->children, i);
      const char *fte;

      if (child->def != child_def)
        continue;
      switch (child_def->kind)
        {
        case CHILD_STAGE:
          g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%s", find_attr (child->attrs, "effective"),
                                                    find_attr (child->attrs, "stage")));
          break;
        case CHILD_DOTTED_LINE:
          g_ptr_array_add (tuples, g_strdup (find_attr (child->attrs, "post")));
          break;
        case CHILD_MAPPING:
          g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%s\x1f%s", find_attr (child->attrs, "post"),
                                                    find_attr (child->attrs, "method"),
                                                    find_attr (child->attrs, "effective")));
          break;
        case CHILD_ASSIGNMENT:
          {
            CydFte value = CYD_FTE_ONE;
            const char *from = find_attr (child->attrs, "from");
            const char *to = find_attr (child->attrs, "to");

            fte = find_attr (child->attrs, "fte");
            if (fte != NULL)
              cyd_fte_parse (fte, &value);
            g_ptr_array_add (tuples, g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                                                      find_attr (child->attrs, "post"), value,
                                                      from ? from : "", to ? to : ""));
          }
          break;
        case CHILD_DEPENDENCY:
          g_ptr_array_add (tuples, g_strdup (find_attr (child->attrs, "milestone")));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  *any = tuples->len > 0;
  g_ptr_array_sort (tuples, compare_strings);
  for (guint i = 0; i < tuples->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\x1e');
      g_string_append (s, g_ptr_array_index (tuples, i));
    }
  return g_string_free (s, FALSE);
}

static const char *
stored_children_sql (ChildKind kind)
{
  switch (kind)
    {
    case CHILD_STAGE:
      return "SELECT group_concat (x, char (30)) FROM (SELECT effective || char (31) || stage AS x"
             " FROM service_line_stage WHERE service_line_id = ?1 ORDER BY x)";
    case CHILD_DOTTED_LINE:
      return "SELECT group_concat (x, char (30)) FROM (SELECT m.code AS x FROM post_dotted_line d"
             " JOIN post m ON m.id = d.manager_id WHERE d.post_id = ?1 ORDER BY x)";
    case CHILD_MAPPING:
      return "SELECT group_concat (x, char (30)) FROM (SELECT t.code || char (31) || m.method || char (31) || m.effective AS x"
             " FROM post_mapping m JOIN post t ON t.id = m.target_id WHERE m.post_id = ?1 ORDER BY x)";
    case CHILD_ASSIGNMENT:
      return "SELECT group_concat (x, char (30)) FROM (SELECT p.code || char (31) || a.fte || char (31)"
             " || coalesce (a.from_date, '') || char (31) || coalesce (a.to_date, '') AS x"
             " FROM assignment a JOIN post p ON p.id = a.post_id WHERE a.person_id = ?1 ORDER BY x)";
    case CHILD_DEPENDENCY:
      return "SELECT group_concat (x, char (30)) FROM (SELECT m.code AS x FROM milestone_dependency d"
             " JOIN milestone m ON m.id = d.depends_on_id WHERE d.milestone_id = ?1 ORDER BY x)";
    default:
      g_assert_not_reached ();
    }
}

static const char *
delete_children_sql (ChildKind kind)
{
  switch (kind)
    {
    case CHILD_STAGE: return "DELETE FROM service_line_stage WHERE service_line_id = ?";
    case CHILD_DOTTED_LINE: return "DELETE FROM post_dotted_line WHERE post_id = ?";
    case CHILD_MAPPING: return "DELETE FROM post_mapping WHERE post_id = ?";
    case CHILD_ASSIGNMENT: return "DELETE FROM assignment WHERE person_id = ?";
    case CHILD_DEPENDENCY: return "DELETE FROM milestone_dependency WHERE milestone_id = ?";
    default: g_assert_not_reached ();
    }
}

static gboolean
children_differ (ImportRun      *run,
                 Record         *record,
                 const ChildDef *child_def,
                 gint64          id,
                 gboolean       *any)
{
  g_autofree char *file = canonical_file_children (record, child_def, any);
  g_autoptr(CydStmt) stmt = NULL;

  if (!*any)
    return FALSE;   /* left out: the stored children stay */
  if (id == 0)
    return TRUE;
  stmt = cyd_store_prepare (run->store, stored_children_sql (child_def->kind), NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return g_strcmp0 (file, cyd_stmt_text (stmt, 0) ? cyd_stmt_text (stmt, 0) : "") != 0;
}

static gboolean
add_pending (ImportRun   *run,
             PendingKind  what,
             gint64       record_id,
             const char  *record_code,
             const char  *code,
             const char  *method,
             const char  *effective,
             int          line,
             int          column)
{
  Pending pending = { what, record_id, record_code, code, method, effective, line, column };
  g_autoptr(CydStmt) stmt = NULL;

  if (import_resolve_now (run, &pending))
    return TRUE;
  stmt = cyd_store_prepare (run->store,
                            "INSERT INTO cyd_pending (what, record_id, record_code, code, method, effective, line, col)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, what);
  sqlite3_bind_int64 (stmt, 2, record_id);
  cyd_stmt_bind_text_or_null (stmt, 3, record_code);
  sqlite3_bind_text (stmt, 4, code, -1, SQLITE_TRANSIENT);
  cyd_stmt_bind_text_or_null (stmt, 5, method);
  cyd_stmt_bind_text_or_null (stmt, 6, effective);
  sqlite3_bind_int (stmt, 7, line);
  sqlite3_bind_int (stmt, 8, column);
  return sqlite3_step (stmt) == SQLITE_DONE;
}

static void
report_sqlite_refusal (ImportRun  *run,
                       int         line,
                       int         column,
                       const char *element,
                       const char *key)
{
  import_problem (run, line, column, _("<%s> “%s” was refused by the programme’s rules: %s."),
                  element, key, sqlite3_errmsg (cyd_store_get_handle (run->store)));
}

/* Writes the children that resolve now and queues the rest. */
static gboolean
write_children (ImportRun      *run,
                Record         *record,
                const ChildDef *child_def,
                gint64          id,
                const char     *key)
{
  g_autoptr(CydStmt) del = cyd_store_prepare (run->store, delete_children_sql (child_def->kind), NULL);

  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, id);
  if (sqlite3_step (del) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < record->children->len; i++)
    {
      Child *child = g_ptr_array_index (record->children, i);
      const char *post = find_attr (child->attrs, "post");
      g_autoptr(CydStmt) stmt = NULL;
      const char *sql = NULL;

      if (child->def != child_def)
        continue;

      switch (child_def->kind)
        {
        case CHILD_STAGE:
          sql = "INSERT INTO service_line_stage (service_line_id, stage, effective) VALUES (?1, ?2, ?3)";
          break;
        case CHILD_ASSIGNMENT:
          sql = "INSERT INTO assignment (person_id, post_id, fte, from_date, to_date) VALUES (?1, ?2, ?3, ?4, ?5)";
          break;
        case CHILD_DOTTED_LINE:
          add_pending (run, PENDING_DOTTED_LINE, id, key, post, NULL, NULL, child->line, child->column);
          continue;
        case CHILD_MAPPING:
          add_pending (run, PENDING_MAPPING, id, key, post, find_attr (child->attrs, "method"),
                       find_attr (child->attrs, "effective"), child->line, child->column);
          continue;
        case CHILD_DEPENDENCY:
          add_pending (run, PENDING_DEPENDENCY, id, key, find_attr (child->attrs, "milestone"),
                       NULL, NULL, child->line, child->column);
          continue;
        default:
          g_assert_not_reached ();
        }

      stmt = cyd_store_prepare (run->store, sql, NULL);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (child_def->kind == CHILD_STAGE)
        {
          sqlite3_bind_text (stmt, 2, find_attr (child->attrs, "stage"), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, find_attr (child->attrs, "effective"), -1, SQLITE_TRANSIENT);
        }
      else
        {
          CydFte fte = CYD_FTE_ONE;
          gint64 post_id = 0;
          const char *fte_text = find_attr (child->attrs, "fte");

          import_lookup_code (run, "post", post, &post_id);
          if (fte_text != NULL)
            cyd_fte_parse (fte_text, &fte);
          sqlite3_bind_int64 (stmt, 2, post_id);
          sqlite3_bind_int64 (stmt, 3, fte);
          cyd_stmt_bind_text_or_null (stmt, 4, find_attr (child->attrs, "from"));
          cyd_stmt_bind_text_or_null (stmt, 5, find_attr (child->attrs, "to"));
        }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          report_sqlite_refusal (run, child->line, child->column, child_def->element, key);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_children (ImportRun *run,
                Record    *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < record->children->len; i++)
    {
      Child *child = g_ptr_array_index (record->children, i);
      guint n = n_fields (child->def->fields);
      g_autofree Value *values = g_new0 (Value, n);

      if (!parse_fields (run, child->def->element, child->def->fields, child->attrs,
                         child->line, child->column, values))
        {
          ok = FALSE;
          continue;
        }
      if (child->def->kind == CHILD_ASSIGNMENT && values[2].present && values[3].present &&
          strcmp (values[2].text, values[3].text) > 0)
        {
          import_problem (run, child->line, child->column,
                          _("<assignment>: “to” comes before “from”."));
          ok = FALSE;
        }
    }
  return ok;
}

static char *
record_key (const RecordDef *def,
            const Value     *values)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->flags & FIELD_KEY)
      {
        if (s->len > 0)
          g_string_append_c (s, def->kind == CYD_KIND_STAFF ? ':' : '/');
        g_string_append (s, values[i].text);
      }
  if (def->kind == CYD_KIND_STAFF)
    {
      /* employer:number reads as people write it */
      g_auto(GStrv) parts = g_strsplit (s->str, ":", 2);
      g_string_printf (s, "%s:%s", parts[1], parts[0]);
    }
  return g_string_free (s, FALSE);
}

static void
mark_bad (ImportRun *run,
          Record    *record)
{
  BadRange range = { record->line, MAX (record->line, record->end_line) };
  const char *code = find_attr (record->attrs, record->def->kind == CYD_KIND_STAFF ? "employee-number" : "code");

  if (record->def->kind == CYD_KIND_STAFF)
    {
      g_autofree char *owner = g_strdup_printf ("%s:%s", find_attr (record->attrs, "employer"), code);
      import_note_failed (run, "person", owner);
    }
  else
    import_note_failed (run, record->def->table, code);

  g_array_append_val (run->bad_ranges, range);
}

static char *
find_sql (const RecordDef *def)
{
  GString *sql = g_string_new ("SELECT id, ");
  guint key_index = 1;

  append_columns (sql, def, ", ", "");
  g_string_append_printf (sql, " FROM %s WHERE ", def->table);
  for (const FieldDef *f = def->fields; f->attr != NULL; f++)
    if (f->flags & FIELD_KEY)
      {
        g_string_append_printf (sql, "%s%s = ?%u", key_index > 1 ? " AND " : "", f->column, key_index);
        key_index++;
      }
  return g_string_free (sql, FALSE);
}

/* Finds the record by its key, and compares what the file gives with what is
 * stored. Returns the id, or 0 when the record is new. */
static gint64
find_and_compare (ImportRun       *run,
                  const RecordDef *def,
                  Value           *values,
                  char           **texts,
                  char           **texts2,
                  gboolean        *differs)
{
  char **sql = &run->find_sql[g_bit_nth_lsf (def->kind, -1)];
  g_autoptr(CydStmt) stmt = NULL;
  guint i = 0, key_index = 1;
  int col = 1;
  gint64 id;

  if (*sql == NULL)
    *sql = find_sql (def);
  stmt = cyd_store_prepare (run->store, *sql, NULL);
  if (stmt == NULL)
    return -1;
  key_index = 1;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->flags & FIELD_KEY)
      bind_value (stmt, key_index++, f, &values[i]);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  id = sqlite3_column_int64 (stmt, 0);
  *differs = FALSE;
  i = 0;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    {
      if (f->type == FIELD_SELF_REF)
        continue;
      if (values[i].present && values_differ (f, &values[i], stmt, col))
        *differs = TRUE;
      col++;
    }
  if (def->text_column != NULL)
    for (guint t = 0; t < 2; t++, col++)
      if (texts[t] != NULL && g_strcmp0 (texts[t], cyd_stmt_text (stmt, col)) != 0)
        *differs = TRUE;
  if (def->text2_column != NULL)
    for (guint t = 0; t < 2; t++, col++)
      if (texts2[t] != NULL && g_strcmp0 (texts2[t], cyd_stmt_text (stmt, col)) != 0)
        *differs = TRUE;
  return id;
}

static gboolean
self_ref_differs (ImportRun      *run,
                  const RecordDef *def,
                  const FieldDef *f,
                  gint64          id,
                  const char     *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.code FROM %s s LEFT JOIN %s t ON t.id = s.%s WHERE s.id = ?",
                                          def->table, f->ref_table, f->column);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store, sql, NULL);

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return g_strcmp0 (cyd_stmt_text (stmt, 0), code) != 0;
}

static gint64
insert_or_update (ImportRun       *run,
                  const RecordDef *def,
                  Value           *values,
                  char           **texts,
                  char           **texts2,
                  gint64           id)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CydStmt) stmt = NULL;
  guint i = 0;
  int param = 1;
  gboolean first = TRUE;

  /* Only the attributes the file gives are written: the rest keep their
   * stored values (or the schema's defaults for a new record). */
  if (id == 0)
    {
      g_autoptr(GString) params = g_string_new (NULL);

      g_string_printf (sql, "INSERT INTO %s (", def->table);
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
        if ((f->type != FIELD_SELF_REF || values[i].resolved) && values[i].present)
          {
            g_string_append_printf (sql, "%s%s", first ? "" : ", ", f->column);
            g_string_append_printf (params, "%s?", first ? "" : ", ");
            first = FALSE;
          }
      for (guint t = 0; t < 4; t++)
        {
          char *text = t < 2 ? texts[t] : texts2[t - 2];
          const char *column = t < 2 ? def->text_column : def->text2_column;

          if (column != NULL && text != NULL)
            {
              g_string_append_printf (sql, ", %s_%s", column, text_column_suffix (t % 2));
              g_string_append (params, ", ?");
            }
        }
      g_string_append_printf (sql, ") VALUES (%s)", params->str);
    }
  else
    {
      g_string_printf (sql, "UPDATE %s SET ", def->table);
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
        if ((f->type != FIELD_SELF_REF || values[i].resolved) && values[i].present)
          {
            g_string_append_printf (sql, "%s%s = ?", first ? "" : ", ", f->column);
            first = FALSE;
          }
      for (guint t = 0; t < 4; t++)
        {
          char *text = t < 2 ? texts[t] : texts2[t - 2];
          const char *column = t < 2 ? def->text_column : def->text2_column;

          if (column != NULL && text != NULL)
            g_string_append_printf (sql, ", %s_%s = ?", column, text_column_suffix (t % 2));
        }
      g_string_append (sql, " WHERE id = ?");
    }

  stmt = cyd_store_prepare (run->store, sql->str, NULL);
  if (stmt == NULL)
    return -1;

  i = 0;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if ((f->type != FIELD_SELF_REF || values[i].resolved) && values[i].present)
      bind_value (stmt, param++, f, &values[i]);
  for (guint t = 0; t < 4; t++)
    {
      char *text = t < 2 ? texts[t] : texts2[t - 2];
      const char *column = t < 2 ? def->text_column : def->text2_column;

      if (column != NULL && text != NULL)
        sqlite3_bind_text (stmt, param++, text, -1, SQLITE_TRANSIENT);
    }
  if (id != 0)
    sqlite3_bind_int64 (stmt, param++, id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return -1;
  return id != 0 ? id : sqlite3_last_insert_rowid (cyd_store_get_handle (run->store));
}

/* A new record whose manager (or parent) is already written gets it in its
 * INSERT, rather than in a queued UPDATE once the section is read. */
static void
resolve_self_refs (ImportRun       *run,
                   const RecordDef *def,
                   Value           *values)
{
  guint i = 0;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->type == FIELD_SELF_REF && values[i].present)
      values[i].resolved = import_lookup_code (run, f->ref_table, values[i].text, &values[i].number);
}

void
import_write_record (ImportRun *run,
                     Record    *record)
{
  const RecordDef *def = record->def;
  guint n = n_fields (def->fields);
  g_autofree Value *values = g_new0 (Value, n);
  g_autofree char *key = NULL;
  CydImportCounts *counts = import_counts (run, def->kind);
  gboolean ok, differs = FALSE;
  gint64 id;
  guint i;

  ok = parse_fields (run, def->element, def->fields, record->attrs, record->line, record->column, values);
  ok &= check_texts (run, record, def->element, def->text_element, record->text, record->text_line, TRUE);
  ok &= check_texts (run, record, def->element, def->text2_element, record->text2, record->text_line + 2, FALSE);
  if (ok)
    ok = check_unique_in_file (run, record, values);
  ok &= check_children (run, record);
  ok &= !record->bad;
  if (ok)
    ok = check_record_rules (run, record, values);
  if (!ok)
    {
      mark_bad (run, record);
      return;
    }

  key = record_key (def, values);
  id = find_and_compare (run, def, values, record->text, record->text2, &differs);
  if (id < 0)
    {
      report_sqlite_refusal (run, record->line, record->column, def->element, key);
      mark_bad (run, record);
      return;
    }

  /* Deferred single references compare by code, as they stand now. */
  i = 0;
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->type == FIELD_SELF_REF && values[i].present && (id == 0 || self_ref_differs (run, def, f, id, values[i].text)))
      differs = TRUE;

  for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
    {
      gboolean any;
      if (children_differ (run, record, c, id, &any))
        differs = TRUE;
    }

  if (id == 0 || differs)
    {
      gint64 written;

      if (id == 0)
        resolve_self_refs (run, def, values);
      written = insert_or_update (run, def, values, record->text, record->text2, id);

      if (written < 0)
        {
          report_sqlite_refusal (run, record->line, record->column, def->element, key);
          mark_bad (run, record);
          return;
        }
      if (id == 0)
        counts->added++;
      else
        counts->changed++;
      id = written;

      i = 0;
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
        if (f->type == FIELD_SELF_REF && values[i].present && !values[i].resolved)
          add_pending (run, def->kind == CYD_KIND_POST ? PENDING_REPORTS_TO : PENDING_PARENT,
                       id, key, values[i].text, NULL, NULL, record->line, record->column);

      for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
        {
          gboolean any;
          g_autofree char *canon = canonical_file_children (record, c, &any);

          if (any && !write_children (run, record, c, id, key))
            {
              mark_bad (run, record);
              return;
            }
        }
    }
  else
    counts->unchanged++;

  if (def->kind == CYD_KIND_STAFF && run->snapshot_employer != 0)
    {
      g_autoptr(CydStmt) seen = cyd_store_prepare (run->store, "INSERT OR IGNORE INTO cyd_seen (id) VALUES (?)", NULL);
      if (seen != NULL)
        {
          sqlite3_bind_int64 (seen, 1, id);
          sqlite3_step (seen);
        }
    }
}

