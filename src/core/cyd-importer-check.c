/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cyd-date.h"
#include "cyd-importer-private.h"
#include "cyd-money.h"

/* What the importer checks in a record before anything is written: each
 * value's form, references to records of other kinds, the keys' uniqueness
 * in the file, and the rules that span several values. */

#define MAX_TEXT 4000

/* Up to this many codes of councils, directorates and service lines are
 * remembered with their ids: every post and person names them. */
#define MAX_CACHED_IDS 4096

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

/* Whether @text, the value of @element's attribute @attr, is a code;
 * if not, says so where it is. */
gboolean
import_check_code_at (ImportRun  *run,
                      int         line,
                      int         column,
                      const char *element,
                      const char *attr,
                      const char *text)
{
  if (import_check_code (text))
    return TRUE;
  import_problem (run, line, column,
                  _("<%s>: “%s” must be 1 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit, not “%s”."),
                  element, attr, text);
  return FALSE;
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

/* The statement that finds a code in a table, and the slot of its cache of
 * ids (-1: none). */
static ImportSql
lookup_stmt (const char *table,
             int        *cache)
{
  static const struct {
    const char *table;
    ImportSql   sql;
  } lookups[] = {
    { "council", SQL_LOOKUP_COUNCIL },
    { "directorate", SQL_LOOKUP_DIRECTORATE },
    { "service_line", SQL_LOOKUP_SERVICE_LINE },
    { "post", SQL_LOOKUP_POST },
    { "saving", SQL_LOOKUP_SAVING },
    { "milestone", SQL_LOOKUP_MILESTONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lookups); i++)
    if (g_str_equal (lookups[i].table, table))
      {
        *cache = i < N_ID_CACHES ? (int) i : -1;
        return lookups[i].sql;
      }
  g_assert_not_reached ();
}

/* Ids never change during an import (records are updated in place, never
 * deleted), so a code found once keeps its id. */
gboolean
import_lookup_code (ImportRun  *run,
                    const char *table,
                    const char *code,
                    gint64     *out_id)
{
  int slot;
  ImportSql which = lookup_stmt (table, &slot);
  GHashTable *cache = slot >= 0 ? run->ids[slot] : NULL;
  g_autoptr(CydStmt) stmt = NULL;
  gint64 *known;

  if (cache != NULL && (known = g_hash_table_lookup (cache, code)) != NULL)
    {
      *out_id = *known;
      return TRUE;
    }
  stmt = import_stmt (run, which);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out_id = sqlite3_column_int64 (stmt, 0);
  if (cache != NULL && g_hash_table_size (cache) < MAX_CACHED_IDS)
    g_hash_table_insert (cache, g_strdup (code), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

static gboolean
lookup_owner (ImportRun  *run,
              const char *owner,
              gint64     *out_id)
{
  const char *colon = strchr (owner, ':');
  g_autoptr(CydStmt) stmt = NULL;

  if (colon == NULL)
    return FALSE;
  stmt = import_stmt (run, SQL_LOOKUP_OWNER);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner, colon - owner, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, colon + 1, -1, SQLITE_STATIC);
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
      return import_check_code_at (run, line, column, element, field->attr, text);

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
 * missing required ones, and each value. @child is the element's index
 * among the record's children, -1 for the record itself. */
static gboolean
parse_fields (ImportRun          *run,
              Record             *record,
              int                 child,
              const char         *element,
              const FieldDef     *fields,
              const char * const *attrs,
              int                 line,
              int                 column,
              Value              *values)
{
  gboolean ok = TRUE;
  guint i = 0;

  for (guint u = 0; u < record->unknown->len; u++)
    {
      const Unknown *unknown = &g_array_index (record->unknown, Unknown, u);

      if (unknown->child != child)
        continue;
      import_problem (run, line, column, _("<%s> has an attribute “%s” that the format does not know."),
                      element, unknown->name);
      ok = FALSE;
    }

  for (const FieldDef *f = fields; f->attr != NULL; f++, i++)
    {
      const char *text = attrs[i];

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
check_texts (ImportRun  *run,
             Record     *record,
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

/* The key as people write it: a code, employer:number, or the parts of a
 * budget line's key joined by slashes. */
const char *
import_record_key (ImportRun       *run,
                   const RecordDef *def,
                   const Value     *values)
{
  GString *s = run->key;
  guint i = 0;

  g_string_truncate (s, 0);
  if (def->kind == CYD_KIND_STAFF)
    {
      /* employee-number, then employer */
      g_string_append (s, values[1].text);
      g_string_append_c (s, ':');
      g_string_append (s, values[0].text);
      return s->str;
    }
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    if (f->flags & FIELD_KEY)
      {
        if (s->len > 0)
          g_string_append_c (s, '/');
        g_string_append (s, values[i].text);
      }
  return s->str;
}

/* A key may appear once in a file. While the table was empty when the
 * import began, an optimistic pass leaves that to the table's own unique
 * key: a second record with the key fails to be written, and the file is
 * read again to say so. */
static gboolean
check_unique_in_file (ImportRun *run,
                      Record    *record,
                      Value     *values)
{
  const RecordDef *def = record->def;
  const char *key;
  g_autoptr(CydStmt) stmt = NULL;

  if (run->optimistic && run->was_empty[g_bit_nth_lsf (def->kind, -1)])
    return TRUE;
  key = import_record_key (run, def, values);
  stmt = import_stmt (run, SQL_ADD_KEY);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int (stmt, 1, def->kind);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_DONE && sqlite3_changes (cyd_store_get_handle (run->store)) == 0)
    {
      import_problem (run, record->line, record->column,
                      _("<%s> “%s” appears a second time in this file."), def->element, key);
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
          g_autoptr(CydStmt) stmt = import_stmt (run, SQL_OTHER_MERGED);

          if (stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, values[0].text, -1, SQLITE_STATIC);
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

/* Parses each child's attributes into its values, for the writer. */
static gboolean
check_children (ImportRun *run,
                Record    *record)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < record->children->len; i++)
    {
      Child *child = &g_array_index (record->children, Child, i);
      Value *values = child->values;

      memset (values, 0, sizeof child->values);
      if (!parse_fields (run, record, i, child->def->element, child->def->fields, child->attrs,
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

/* Everything about a record that can be known before it is written. */
gboolean
import_check_record (ImportRun *run,
                     Record    *record,
                     Value     *values)
{
  const RecordDef *def = record->def;
  gboolean ok;

  ok = parse_fields (run, record, -1, def->element, def->fields, record->attrs, record->line, record->column,
                     values);
  ok &= check_texts (run, record, def->element, def->text_element, record->text, record->text_line, TRUE);
  ok &= check_texts (run, record, def->element, def->text2_element, record->text2, record->text_line + 2, FALSE);
  if (ok)
    ok = check_unique_in_file (run, record, values);
  ok &= check_children (run, record);
  ok &= !record->bad;
  if (ok)
    ok = check_record_rules (run, record, values);
  return ok;
}
