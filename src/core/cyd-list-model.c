/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-list-model"

#include "config.h"

#include "cyd-list-model.h"

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-collate.h"
#include "cyd-list-index.h"
#include "cyd-record-private.h"
#include "cyd-savings.h"
#include "cyd-savings-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 16

/* Pages from here on cost more than a few milliseconds to find by OFFSET
 * in a long list: see cyd_list_model_set_defer_far_pages(). */
#define FAR_PAGE 8

typedef enum {
  COL_TEXT,
  COL_INT,
  COL_NAME,     /* two SQL columns: interface language, other language */
  COL_MONEY,
  COL_FTE,
  COL_DATE,
  COL_YEAR,
  COL_ENUM,
} ColumnType;

typedef struct {
  const char *key;
  ColumnType  type;
  const char *expr;       /* %L: interface language suffix, %O: the other */
  gboolean    searchable;
} Column;

/* A filter: SQL that is true for the rows to keep, "?F" standing for the
 * filter's value (bound as a parameter). */
typedef struct {
  const char *key;
  const char *expr;
} Filter;

typedef struct {
  CydKind       kind;
  const char   *from;
  const char   *id_expr;
  const char   *default_order;
  const Column *columns;
  const Filter *filters;
  /* The first table alone, where each join is to a primary key through a
   * NOT NULL foreign key: with no WHERE it has the same rows, and SQLite
   * counts a table without reading it. */
  const char   *count_from;
} ListDef;

/* A page of a list: its rows' ids, and each row once it is read. */
typedef struct {
  GArray     *ids;
  CydRecord **records;   /* one per id, NULL until read */
} Page;

static Page *
page_new (GArray *ids)
{
  Page *page = g_new (Page, 1);

  page->ids = ids;
  page->records = g_new0 (CydRecord *, ids->len);
  return page;
}

static void
page_free (Page *page)
{
  for (guint i = 0; i < page->ids->len; i++)
    g_clear_object (&page->records[i]);
  g_array_unref (page->ids);
  g_free (page->records);
  g_free (page);
}

/* Filter values are bound from ?10 on. */
#define FIRST_FILTER_PARAM 10

/* The as-at date (today unless set) is bound as ?4. */
#define AS_AT_PARAM 4
#define HOLDERS_DATE "min (coalesce (p.established_to, ?4), ?4)"
#define HOLDING(a, d) "(" a ".from_date IS NULL OR " a ".from_date <= " d ") AND (" a ".to_date IS NULL OR " a ".to_date >= " d ")"

static const Column council_columns[] = {
  { "code", COL_TEXT, "c.code", TRUE },
  { "name", COL_NAME, "c.name_%L, c.name_%O", TRUE },
  { "kind", COL_ENUM, "c.kind", FALSE },
  { "population", COL_INT, "c.population", FALSE },
  { NULL }
};

static const Column directorate_columns[] = {
  { "code", COL_TEXT, "d.code", TRUE },
  { "name", COL_NAME, "d.name_%L, d.name_%O", TRUE },
  { "kind", COL_ENUM, "d.kind", FALSE },
  { "council", COL_NAME, "c.name_%L, c.name_%O", TRUE },
  { "posts", COL_INT, "(SELECT count(*) FROM post p WHERE p.directorate_id = d.id)", FALSE },
  { "staff", COL_INT, "(SELECT count(DISTINCT a.person_id) FROM assignment a JOIN post p ON p.id = a.post_id"
                      " WHERE p.directorate_id = d.id)", FALSE },
  { NULL }
};

static const Column service_line_columns[] = {
  { "code", COL_TEXT, "s.code", TRUE },
  { "name", COL_NAME, "s.name_%L, s.name_%O", TRUE },
  { "parent", COL_NAME, "pa.name_%L, pa.name_%O", TRUE },
  { "delivery", COL_ENUM, "s.delivery", FALSE },
  { "stage", COL_ENUM, "(SELECT st.stage FROM service_line_stage st WHERE st.service_line_id = s.id"
                       " AND st.effective <= ?4 ORDER BY st.effective DESC LIMIT 1)", FALSE },
  { NULL }
};

static const Column post_columns[] = {
  { "code", COL_TEXT, "p.code", TRUE },
  { "title", COL_NAME, "p.title_%L, p.title_%O", TRUE },
  { "directorate", COL_NAME, "d.name_%L, d.name_%O", FALSE },
  { "service-line", COL_NAME, "s.name_%L, s.name_%O", FALSE },
  { "reports-to", COL_TEXT, "r.code", TRUE },
  { "grade", COL_TEXT, "p.grade", TRUE },
  { "fte", COL_FTE, "p.fte", FALSE },
  { "cost", COL_MONEY, "p.annual_cost", FALSE },
  { "from", COL_DATE, "p.established_from", FALSE },
  { "to", COL_DATE, "p.established_to", FALSE },
  { "holders", COL_TEXT, "(SELECT group_concat (h.given_name || ' ' || h.family_name, ', ')"
                         " FROM assignment a JOIN person h ON h.id = a.person_id"
                         " WHERE a.post_id = p.id AND " HOLDING ("a", HOLDERS_DATE) ")", TRUE },
  { "status", COL_ENUM, "CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.post_id = p.id AND "
                        HOLDING ("a", HOLDERS_DATE) ") THEN 'filled' ELSE 'vacant' END", FALSE },
  { NULL }
};

/* Ids are compared as integers; "status" is "vacant" or "filled" as at the
 * model's date, as the status column shows it. */
static const Filter post_filters[] = {
  { "directorate", "p.directorate_id = CAST (?F AS INTEGER)" },
  { "service-line", "p.service_line_id = CAST (?F AS INTEGER)" },
  { "status", "CASE WHEN EXISTS (SELECT 1 FROM assignment a WHERE a.post_id = p.id AND "
              HOLDING ("a", HOLDERS_DATE) ") THEN 'filled' ELSE 'vacant' END = ?F" },
  { NULL }
};

static const Column staff_columns[] = {
  { "employee", COL_TEXT, "e.code || ':' || s.employee_number", TRUE },
  { "name", COL_TEXT, "s.family_name || ', ' || s.given_name", TRUE },
  { "given-name", COL_TEXT, "s.given_name", FALSE },
  { "family-name", COL_TEXT, "s.family_name", FALSE },
  { "employer", COL_NAME, "e.name_%L, e.name_%O", FALSE },
  { "grade", COL_TEXT, "s.grade", TRUE },
  { "post", COL_NAME, "(SELECT p.title_%L FROM assignment a JOIN post p ON p.id = a.post_id WHERE a.person_id = s.id"
                      " ORDER BY a.to_date IS NULL DESC, a.to_date DESC, a.fte DESC LIMIT 1),"
                      " (SELECT p.title_%O FROM assignment a JOIN post p ON p.id = a.post_id WHERE a.person_id = s.id"
                      " ORDER BY a.to_date IS NULL DESC, a.to_date DESC, a.fte DESC LIMIT 1)", FALSE },
  { "fte", COL_FTE, "(SELECT a.fte FROM assignment a WHERE a.person_id = s.id"
                    " ORDER BY a.to_date IS NULL DESC, a.to_date DESC, a.fte DESC LIMIT 1)", FALSE },
  { "salary", COL_MONEY, "s.salary", FALSE },
  { "start", COL_DATE, "s.start_date", FALSE },
  { "left", COL_DATE, "s.left_date", FALSE },
  { "language", COL_ENUM, "s.preferred_language", FALSE },
  { NULL }
};

/* Directorate and service line: of a post the person holds as at the
 * model's date. */
static const Filter staff_filters[] = {
  { "directorate", "EXISTS (SELECT 1 FROM assignment a JOIN post fp ON fp.id = a.post_id WHERE a.person_id = s.id"
                   " AND fp.directorate_id = CAST (?F AS INTEGER) AND " HOLDING ("a", "?4") ")" },
  { "service-line", "EXISTS (SELECT 1 FROM assignment a JOIN post fp ON fp.id = a.post_id WHERE a.person_id = s.id"
                    " AND fp.service_line_id = CAST (?F AS INTEGER) AND " HOLDING ("a", "?4") ")" },
  { "employer", "s.employer_id = CAST (?F AS INTEGER)" },
  { NULL }
};

static const Column budget_columns[] = {
  { "year", COL_YEAR, "b.year", TRUE },
  { "directorate", COL_NAME, "d.name_%L, d.name_%O", TRUE },
  { "service-line", COL_NAME, "s.name_%L, s.name_%O", TRUE },
  { "category", COL_ENUM, "b.category", FALSE },
  { "budget", COL_MONEY, "b.budget", FALSE },
  { "forecast", COL_MONEY, "b.forecast", FALSE },
  { "actual", COL_MONEY, "b.actual", FALSE },
  { "variance", COL_MONEY, "coalesce (b.actual, b.forecast) - b.budget", FALSE },
  { NULL }
};

static const Column saving_columns[] = {
  { "code", COL_TEXT, "v.code", TRUE },
  { "year", COL_YEAR, "v.year", FALSE },
  { "directorate", COL_NAME, "d.name_%L, d.name_%O", FALSE },
  { "service-line", COL_NAME, "s.name_%L, s.name_%O", TRUE },
  { "description", COL_NAME, "v.description_%L, v.description_%O", TRUE },
  { "target", COL_MONEY, "v.target", FALSE },
  { "forecast", COL_MONEY, "v.forecast", FALSE },
  { "achieved", COL_MONEY, "v.achieved", FALSE },
  { "status", COL_ENUM, "v.status", FALSE },
  /* Rated by cyd-savings' rule (cyd_saving_rag). */
  { "rag", COL_ENUM, CYD_SAVING_RAG_SQL, FALSE },
  { NULL }
};

static const Column milestone_columns[] = {
  { "code", COL_TEXT, "m.code", TRUE },
  { "title", COL_NAME, "m.title_%L, m.title_%O", TRUE },
  { "kind", COL_ENUM, "m.kind", FALSE },
  { "workstream", COL_TEXT, "m.workstream", TRUE },
  { "owner", COL_TEXT, "o.given_name || ' ' || o.family_name", TRUE },
  { "service-line", COL_NAME, "s.name_%L, s.name_%O", FALSE },
  { "due", COL_DATE, "m.due", FALSE },
  { "completed", COL_DATE, "m.completed", FALSE },
  { "status", COL_ENUM, "m.status", FALSE },
  /* Rated by cyd-milestone as at the model's date: see rate_milestones(). */
  { "rag", COL_ENUM, "r.rag", FALSE },
  { "rag-note", COL_TEXT, "r.note", FALSE },
  { NULL }
};

static const Filter milestone_filters[] = {
  { "workstream", "m.workstream = ?F" },
  { "owner", "o.given_name || ' ' || o.family_name = ?F" },
  { "status", "m.status = ?F" },
  { "rag", "r.rag = ?F" },
  { "at-risk", "r.at_risk = ?F" },
  { "overdue", "m.due < ?F AND m.status NOT IN ('done', 'cancelled')" },
  { "due-within-30-days", "m.due >= ?F AND m.due <= date (?F, '+30 days') AND m.status NOT IN ('done', 'cancelled')" },
  { NULL }
};

static const Column import_run_columns[] = {
  { "at", COL_TEXT, "replace (substr (i.at, 1, 16), 'T', ' ')", FALSE },
  { "user", COL_TEXT, "i.user_name", TRUE },
  { "file", COL_TEXT, "i.file_name", TRUE },
  { "sha256", COL_TEXT, "i.sha256", TRUE },
  { "added", COL_INT, "i.added", FALSE },
  { "changed", COL_INT, "i.changed", FALSE },
  { "unchanged", COL_INT, "i.unchanged", FALSE },
  { "left", COL_INT, "i.left_", FALSE },
  { NULL }
};

static const ListDef list_defs[] = {
  { CYD_KIND_COUNCIL, "council c", "c.id", "c.code", council_columns },
  { CYD_KIND_DIRECTORATE, "directorate d LEFT JOIN council c ON c.id = d.council_id", "d.id",
    "d.kind DESC, d.code", directorate_columns },
  { CYD_KIND_SERVICE_LINE, "service_line s LEFT JOIN service_line pa ON pa.id = s.parent_id", "s.id",
    "s.code", service_line_columns },
  { CYD_KIND_POST, "post p JOIN directorate d ON d.id = p.directorate_id"
    " JOIN service_line s ON s.id = p.service_line_id LEFT JOIN post r ON r.id = p.reports_to_id",
    "p.id", "p.code", post_columns, post_filters, "post p" },
  { CYD_KIND_STAFF, "person s JOIN council e ON e.id = s.employer_id", "s.id",
    "s.family_name COLLATE NOCASE, s.given_name COLLATE NOCASE, e.code, s.employee_number", staff_columns,
    staff_filters, "person s" },
  { CYD_KIND_BUDGET, "budget_line b JOIN directorate d ON d.id = b.directorate_id"
    " JOIN service_line s ON s.id = b.service_line_id", "b.id",
    "b.year, d.code, s.code, b.category", budget_columns, NULL, "budget_line b" },
  { CYD_KIND_SAVING, "saving v JOIN directorate d ON d.id = v.directorate_id"
    " LEFT JOIN service_line s ON s.id = v.service_line_id", "v.id", "v.year, v.code", saving_columns },
  { CYD_KIND_MILESTONE, "milestone m LEFT JOIN person o ON o.id = m.owner_id"
    " LEFT JOIN service_line s ON s.id = m.service_line_id"
    " LEFT JOIN temp.milestone_rag r ON r.milestone_id = m.id", "m.id", "m.due, m.code", milestone_columns,
    milestone_filters },
  { CYD_KIND_IMPORT_RUN, "import_run i", "i.id", "i.id DESC", import_run_columns },
};

struct _CydListModel
{
  GObject        parent_instance;

  CydStore      *store;
  const ListDef *def;
  GPtrArray     *keys;
  char          *row_sql;      /* SELECT id, columns FROM ... WHERE id = ?5 */
  char          *search;
  char          *like;
  int            sort_column;  /* -1 for the default order */
  gboolean       descending;

  guint          n_items;
  GHashTable    *pages;        /* page index → Page */
  gulong         changed_id;
  char          *as_at;        /* YYYY-MM-DD, bound as AS_AT_PARAM */

  char         **filter_values; /* one per def->filters entry, or NULL */
  char          *rating_as_at;  /* milestones: rated as at this date, NULL for today */
  guint          due_soon_days;

  /* Searching in memory, once asked for: see cyd_list_model_prepare_search(). */
  gboolean       indexed;
  CydListIndex  *index;         /* NULL while it is built */
  GArray        *found;         /* positions in index a search shows; NULL for all */
  GCancellable  *indexing;
  gboolean       defer_far_pages;
  gboolean       gave_empty_rows; /* for far pages, until the index is read */
  guint          empty_from;      /* the pages given empty, first and last */
  guint          empty_to;
};

static void  list_model_iface_init (GListModelInterface *iface);
static guint count_filters         (const ListDef       *def);

G_DEFINE_FINAL_TYPE_WITH_CODE (CydListModel, cyd_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static char *
localise_expr (const char *expr)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  g_autoptr(GString) s = g_string_new (expr);

  g_string_replace (s, "%L", welsh ? "cy" : "en", 0);
  g_string_replace (s, "%O", welsh ? "en" : "cy", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
sort_expr (const Column *col)
{
  g_autofree char *expr = localise_expr (col->expr);

  switch (col->type)
    {
    case COL_NAME:
      return g_strdup_printf ("coalesce (%s) COLLATE NOCASE", expr);
    case COL_TEXT:
    case COL_ENUM:
      return g_strdup_printf ("(%s) COLLATE NOCASE", expr);
    default:
      return g_strdup_printf ("(%s)", expr);
    }
}

static void
append_filters (CydListModel *self,
                GString      *s)
{
  for (guint i = 0; self->def->filters != NULL && self->def->filters[i].key != NULL; i++)
    {
      g_autoptr(GString) expr = NULL;
      g_autofree char *param = NULL;

      if (self->filter_values[i] == NULL)
        continue;
      expr = g_string_new (self->def->filters[i].expr);
      param = g_strdup_printf ("?%u", FIRST_FILTER_PARAM + i);
      g_string_replace (expr, "?F", param, 0);
      g_string_append_printf (s, "%s(%s)", s->len == 0 ? " WHERE " : " AND ", expr->str);
    }
}

static void
bind_filters (CydListModel *self,
              sqlite3_stmt *stmt)
{
  for (guint i = 0; self->def->filters != NULL && self->def->filters[i].key != NULL; i++)
    if (self->filter_values[i] != NULL)
      sqlite3_bind_text (stmt, FIRST_FILTER_PARAM + i, self->filter_values[i], -1, SQLITE_STATIC);
}

static void
bind_as_at (CydListModel *self,
            sqlite3_stmt *stmt)
{
  /* Statements that do not use it refuse the binding harmlessly. */
  sqlite3_bind_text (stmt, AS_AT_PARAM, self->as_at, -1, SQLITE_TRANSIENT);
}

/* In Welsh, text sorts in Welsh alphabetical order. */
static char *
localise_collation (char *sql)
{
  g_autoptr(GString) s = g_string_new (sql);

  g_free (sql);
  if (g_str_equal (cyd_ui_language (), "cy"))
    g_string_replace (s, "COLLATE NOCASE", "COLLATE cyd_welsh", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
build_where_for (CydListModel *self,
                 const char   *like)
{
  g_autoptr(GString) s = g_string_new (NULL);

  append_filters (self, s);
  if (like == NULL)
    return g_string_free (g_steal_pointer (&s), FALSE);

  g_string_append (s, s->len == 0 ? " WHERE (" : " AND (");
  for (const Column *col = self->def->columns; col->key != NULL; col++)
    {
      g_autofree char *expr = NULL;

      if (!col->searchable)
        continue;
      expr = localise_expr (col->expr);
      if (s->str[s->len - 1] != '(')
        g_string_append (s, " OR ");
      if (col->type == COL_NAME)
        {
          g_auto(GStrv) parts = g_strsplit (expr, ", ", 2);
          g_string_append_printf (s, "cyd_fold (%s) LIKE ?1 ESCAPE '\\' OR cyd_fold (%s) LIKE ?1 ESCAPE '\\'",
                                  parts[0], parts[1]);
        }
      else
        g_string_append_printf (s, "cyd_fold (%s) LIKE ?1 ESCAPE '\\'", expr);
    }
  g_string_append (s, ")");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
build_where (CydListModel *self)
{
  return build_where_for (self, self->like);
}

static char *
build_order (CydListModel *self)
{
  if (self->sort_column < 0)
    return localise_collation (g_strdup_printf (" ORDER BY %s, %s", self->def->default_order, self->def->id_expr));
  else
    {
      g_autofree char *expr = sort_expr (&self->def->columns[self->sort_column]);
      const char *dir = self->descending ? "DESC" : "ASC";

      return localise_collation (g_strdup_printf (" ORDER BY %s %s, %s, %s %s", expr, dir,
                                                  self->def->default_order, self->def->id_expr, dir));
    }
}

static guint
count_rows (CydListModel *self)
{
  g_autofree char *where = build_where (self);
  const char *from = where[0] == '\0' && self->def->count_from != NULL ? self->def->count_from : self->def->from;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s%s", from, where);
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not count %s: %s", self->def->from, error->message);
      return 0;
    }
  if (self->like != NULL)
    sqlite3_bind_text (stmt, 1, self->like, -1, SQLITE_STATIC);
  bind_filters (self, stmt);
  bind_as_at (self, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

static char *
format_value (ColumnType    type,
              sqlite3_stmt *stmt,
              int           i)
{
  const char *text;

  if (type == COL_NAME)
    return cyd_bilingual_display (cyd_stmt_text (stmt, i), cyd_stmt_text (stmt, i + 1));

  if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
    return NULL;

  text = cyd_stmt_text (stmt, i);
  switch (type)
    {
    case COL_MONEY:
      return cyd_money_format (sqlite3_column_int64 (stmt, i));
    case COL_FTE:
      return cyd_fte_format (sqlite3_column_int64 (stmt, i));
    case COL_DATE:
      return cyd_date_format (text);
    case COL_YEAR:
      return cyd_financial_year_format (sqlite3_column_int (stmt, i));
    case COL_ENUM:
      return g_strdup (cyd_enum_to_label (text));
    case COL_TEXT:
    case COL_INT:
    case COL_NAME:
    default:
      return g_strdup (text);
    }
}

static CydRecord *
read_record (CydListModel *self,
             sqlite3_stmt *stmt)
{
  char **values = g_new0 (char *, self->keys->len);
  int sql_col = 1;
  guint i = 0;

  for (const Column *col = self->def->columns; col->key != NULL; col++, i++)
    {
      values[i] = format_value (col->type, stmt, sql_col);
      sql_col += col->type == COL_NAME ? 2 : 1;
    }
  return cyd_record_new (sqlite3_column_int64 (stmt, 0), self->keys, values);
}

/* The page's ids first, filtered and sorted on the sort key alone: the
 * columns (some of them subqueries) are then read for those rows only, not
 * for every row the sort passes over. */
static GArray *
fetch_page_ids (CydListModel *self,
                guint         page)
{
  g_autofree char *where = build_where (self);
  g_autofree char *order = build_order (self);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s%s%s LIMIT ?2 OFFSET ?3",
                                          self->def->id_expr, self->def->from, where, order);
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, sql, &error);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);

  if (stmt == NULL)
    {
      g_warning ("Could not read %s: %s", self->def->from, error->message);
      return ids;
    }
  if (self->like != NULL)
    sqlite3_bind_text (stmt, 1, self->like, -1, SQLITE_STATIC);
  bind_filters (self, stmt);
  bind_as_at (self, stmt);
  sqlite3_bind_int (stmt, 2, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 3, (gint64) page * PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

/* One row, read when the list first asks for it: a page's rows are not
 * all on screen at once. */
static CydRecord *
read_row (CydListModel *self,
          gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, self->row_sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not read %s: %s", self->def->from, error->message);
      return NULL;
    }
  bind_as_at (self, stmt);
  sqlite3_bind_int64 (stmt, 5, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return read_record (self, stmt);
}

static gboolean
index_in_use (CydListModel *self)
{
  return self->index != NULL && (self->search == NULL || self->found != NULL);
}

static guint
index_count (CydListModel *self)
{
  return self->found != NULL ? self->found->len : cyd_list_index_get_size (self->index);
}

static Page *
fetch_page (CydListModel *self,
            guint         page)
{
  GArray *ids;

  if (!index_in_use (self))
    return page_new (fetch_page_ids (self, page));

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
  for (guint i = page * PAGE_SIZE; i < MIN ((page + 1) * PAGE_SIZE, index_count (self)); i++)
    {
      guint position = self->found != NULL ? g_array_index (self->found, guint, i) : i;
      gint64 id = cyd_list_index_get_id (self->index, position);

      g_array_append_val (ids, id);
    }
  return page_new (ids);
}

/* Milestones are rated in core, as at a date, over the whole dependency
 * graph; the ratings go to a temporary table the list's SQL joins. */
static void
rate_milestones (CydListModel *self)
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;

  if (self->def->kind != CYD_KIND_MILESTONE)
    return;
  if (self->rating_as_at == NULL)
    today = cyd_date_today_iso ();
  if (!cyd_milestone_write_rag_table (self->store, self->rating_as_at ? self->rating_as_at : today,
                                      self->due_soon_days, &error))
    g_warning ("Could not rate milestones: %s", error->message);
}

/* Shows the rows anew: one count, and pages as they are asked for. */
static void
show_rows (CydListModel *self)
{
  guint old = self->n_items;

  g_hash_table_remove_all (self->pages);
  self->gave_empty_rows = FALSE;
  self->n_items = index_in_use (self) ? index_count (self) : count_rows (self);
  if (old != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

static void build_index (CydListModel *self);

static void
reload (CydListModel *self)
{
  rate_milestones (self);
  g_clear_pointer (&self->index, cyd_list_index_free);
  g_clear_pointer (&self->found, g_array_unref);
  build_index (self);
  show_rows (self);
}

static void
on_store_changed (CydListModel *self,
                  guint         kinds,
                  CydStore     *store)
{
  /* Most lists show names and counts from other kinds: any change can move
   * them, and a reload is one count and one page. */
  reload (self);
}

/* The index's query: every row as the list orders it, with its searchable
 * fields joined as LIKE would see them one by one. */
static char *
index_sql (CydListModel *self)
{
  g_autofree char *where = build_where_for (self, NULL);
  g_autofree char *order = build_order (self);
  g_autoptr(GString) fields = g_string_new (NULL);

  for (const Column *col = self->def->columns; col->key != NULL; col++)
    {
      g_autofree char *expr = NULL;

      if (!col->searchable)
        continue;
      expr = localise_expr (col->expr);
      if (fields->len > 0)
        g_string_append (fields, " || char (31) || ");
      if (col->type == COL_NAME)
        {
          g_auto(GStrv) parts = g_strsplit (expr, ", ", 2);
          g_string_append_printf (fields, "coalesce (%s, '') || char (31) || coalesce (%s, '')", parts[0], parts[1]);
        }
      else
        g_string_append_printf (fields, "coalesce ((%s), '')", expr);
    }
  return g_strdup_printf ("SELECT %s, %s FROM %s%s%s", self->def->id_expr,
                          fields->len > 0 ? fields->str : "''", self->def->from, where, order);
}

typedef struct {
  char   *sql;
  GArray *params;
} IndexJob;

static void
index_job_free (IndexJob *job)
{
  for (guint i = 0; i < job->params->len; i++)
    g_free (g_array_index (job->params, CydListIndexParam, i).text);
  g_array_unref (job->params);
  g_free (job->sql);
  g_free (job);
}

static gpointer
read_index (CydStore      *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  IndexJob *job = data;

  return cyd_list_index_build (store, job->sql, job->params, cancellable, error);
}

static void
on_index_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CydListModel) self = user_data;
  g_autoptr(GError) error = NULL;
  CydListIndex *index = cyd_store_read_finish (result, &error);
  guint old = self->n_items;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->indexing);
  if (index == NULL)
    {
      /* The list carries on as it was, searching and paging in SQL. */
      g_warning ("Could not index %s: %s", self->def->from, error->message);
      self->defer_far_pages = FALSE;
      if (self->gave_empty_rows)
        show_rows (self);
      return;
    }

  self->index = index;
  if (cyd_list_index_can_search (self->search))
    self->found = cyd_list_index_search (self->index, self->search, NULL);
  /* The same rows in the same order, unless the file changed meanwhile;
   * rows given empty while the index was read are read now. */
  if (index_in_use (self) && index_count (self) != old)
    show_rows (self);
  else if (self->gave_empty_rows && !index_in_use (self))
    show_rows (self);
  else if (self->gave_empty_rows)
    {
      guint from = self->empty_from * PAGE_SIZE;
      guint n = MIN ((self->empty_to + 1) * PAGE_SIZE, self->n_items) - from;

      self->gave_empty_rows = FALSE;
      g_list_model_items_changed (G_LIST_MODEL (self), from, n, n);
    }
}

static void
build_index (CydListModel *self)
{
  IndexJob *job;

  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  if (!self->indexed)
    return;

  job = g_new0 (IndexJob, 1);
  job->sql = index_sql (self);
  job->params = g_array_new (FALSE, FALSE, sizeof (CydListIndexParam));
  for (guint i = 0; i < count_filters (self->def); i++)
    if (self->filter_values[i] != NULL)
      {
        CydListIndexParam param = { FIRST_FILTER_PARAM + i, g_strdup (self->filter_values[i]) };
        g_array_append_val (job->params, param);
      }
  {
    CydListIndexParam param = { AS_AT_PARAM, g_strdup (self->as_at) };
    g_array_append_val (job->params, param);
  }
  self->indexing = g_cancellable_new ();
  cyd_store_read_async (self->store, read_index, job, (GDestroyNotify) index_job_free,
                        (GDestroyNotify) cyd_list_index_free, self->indexing,
                        on_index_read, g_object_ref (self));
}

/* Whether a far page waits for the index rather than an OFFSET query on
 * the thread that asks: only when the index, once read, answers for it.
 * Asking for one starts the index's read, if it has not started. */
static gboolean
waits_for_index (CydListModel *self)
{
  if (!self->defer_far_pages || self->index != NULL || self->def->kind == CYD_KIND_MILESTONE)
    return FALSE;
  return self->search == NULL || cyd_list_index_can_search (self->search);
}

static GType
cyd_list_model_get_item_type (GListModel *model)
{
  return CYD_TYPE_RECORD;
}

static guint
cyd_list_model_get_n_items (GListModel *model)
{
  return CYD_LIST_MODEL (model)->n_items;
}

static gpointer
cyd_list_model_get_item (GListModel *model,
                         guint       position)
{
  CydListModel *self = CYD_LIST_MODEL (model);
  guint page_index = position / PAGE_SIZE;
  guint row = position % PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_index));
  if (page == NULL && page_index >= FAR_PAGE && waits_for_index (self))
    {
      cyd_list_model_prepare_search (self);
      self->empty_from = self->gave_empty_rows ? MIN (self->empty_from, page_index) : page_index;
      self->empty_to = self->gave_empty_rows ? MAX (self->empty_to, page_index) : page_index;
      self->gave_empty_rows = TRUE;
      return cyd_record_new (0, self->keys, g_new0 (char *, self->keys->len));
    }
  if (page == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      page = fetch_page (self, page_index);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_index), page);
    }

  if (row >= page->ids->len)
    return NULL;
  if (page->records[row] == NULL)
    page->records[row] = read_row (self, g_array_index (page->ids, gint64, row));
  return page->records[row] != NULL ? g_object_ref (page->records[row]) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cyd_list_model_get_item_type;
  iface->get_n_items = cyd_list_model_get_n_items;
  iface->get_item = cyd_list_model_get_item;
}

static void
cyd_list_model_dispose (GObject *object)
{
  CydListModel *self = (CydListModel *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_cancellable_cancel (self->indexing);
  g_clear_object (&self->indexing);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->index, cyd_list_index_free);
  g_clear_pointer (&self->found, g_array_unref);

  G_OBJECT_CLASS (cyd_list_model_parent_class)->dispose (object);
}

static void
cyd_list_model_finalize (GObject *object)
{
  CydListModel *self = (CydListModel *)object;

  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_free (self->row_sql);
  g_free (self->search);
  g_free (self->like);
  g_free (self->as_at);
  /* Unset filters are NULL in the middle: g_strfreev() would stop there. */
  for (guint i = 0; self->filter_values != NULL && i < count_filters (self->def); i++)
    g_free (self->filter_values[i]);
  g_free (self->filter_values);
  g_free (self->rating_as_at);

  G_OBJECT_CLASS (cyd_list_model_parent_class)->finalize (object);
}

static void
cyd_list_model_class_init (CydListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cyd_list_model_dispose;
  object_class->finalize = cyd_list_model_finalize;
}

static void
cyd_list_model_init (CydListModel *self)
{
  self->sort_column = -1;
  self->as_at = cyd_date_today_iso ();
  self->due_soon_days = CYD_MILESTONE_DUE_SOON_DAYS;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
}

static guint
count_filters (const ListDef *def)
{
  guint n = 0;

  while (def->filters != NULL && def->filters[n].key != NULL)
    n++;
  return n;
}

CydListModel *
cyd_list_model_new (CydStore *store,
                    CydKind   kind)
{
  CydListModel *self;
  g_autoptr(GString) select = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (list_defs); i++)
    if (list_defs[i].kind == kind)
      self->def = &list_defs[i];
  g_return_val_if_fail (self->def != NULL, self);

  self->keys = g_ptr_array_new ();
  select = g_string_new ("SELECT ");
  g_string_append (select, self->def->id_expr);
  for (const Column *col = self->def->columns; col->key != NULL; col++)
    {
      g_autofree char *expr = localise_expr (col->expr);

      g_ptr_array_add (self->keys, (gpointer) col->key);
      g_string_append_printf (select, ", %s", expr);
    }
  g_string_append_printf (select, " FROM %s", self->def->from);
  g_string_append_printf (select, " WHERE %s = ?5", self->def->id_expr);
  self->row_sql = g_string_free (g_steal_pointer (&select), FALSE);
  self->filter_values = g_new0 (char *, count_filters (self->def) + 1);
  rate_milestones (self);

  self->changed_id = g_signal_connect_object (store, "changed",
                                              G_CALLBACK (on_store_changed), self,
                                              G_CONNECT_SWAPPED);
  self->n_items = count_rows (self);
  return self;
}

CydKind
cyd_list_model_get_kind (CydListModel *self)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), 0);

  return self->def->kind;
}

CydStore *
cyd_list_model_get_store (CydListModel *self)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), NULL);

  return self->store;
}

const char *
cyd_list_model_get_search (CydListModel *self)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), NULL);

  return self->search;
}

static char *
make_like_pattern (const char *search)
{
  g_autofree char *folded = cyd_search_fold (search);
  GString *s = g_string_new ("%");

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Shows only records whose searchable fields contain @search, in any case
 * and with or without accents (see cyd_search_fold()). %NULL or "" shows
 * every record. */
void
cyd_list_model_set_search (CydListModel *self,
                           const char   *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (stripped, self->search) == 0)
    return;

  if (self->index == NULL)
    g_clear_pointer (&self->found, g_array_unref);
  else
    {
      g_autoptr(GArray) within = NULL;

      /* More of the same text: look only among the rows it showed. */
      if (self->found != NULL && stripped != NULL && self->search != NULL
          && g_ascii_strncasecmp (stripped, self->search, strlen (self->search)) == 0)
        within = g_steal_pointer (&self->found);
      g_clear_pointer (&self->found, g_array_unref);
      if (cyd_list_index_can_search (stripped))
        self->found = cyd_list_index_search (self->index, stripped, within);
    }

  g_free (self->search);
  g_free (self->like);
  self->search = g_steal_pointer (&stripped);
  self->like = self->search != NULL ? make_like_pattern (self->search) : NULL;
  show_rows (self);
}

/**
 * cyd_list_model_prepare_search:
 *
 * Has the model read its rows' searchable fields in a worker thread, and
 * then search them in memory: for a list someone is about to type into.
 * Until they arrive, and for milestones (rated on this thread's
 * connection), searches run in SQL. Results are the same either way.
 */
void
cyd_list_model_prepare_search (CydListModel *self)
{
  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  if (self->indexed || self->def->kind == CYD_KIND_MILESTONE)
    return;
  self->indexed = TRUE;
  build_index (self);
}

/* Whether searches are answered from memory now. */
gboolean
cyd_list_model_is_search_ready (CydListModel *self)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), FALSE);

  return self->index != NULL;
}

/**
 * cyd_list_model_set_defer_far_pages:
 *
 * In a long list, a page far from the start is found by an OFFSET query
 * that takes longer the further it is. With @defer, until the search index
 * is read (which this starts) such pages are given as empty rows, their id
 * 0, and the model says they changed once the index can page to them at
 * once. For lists on screen; a list read through, as an export does, wants
 * every row as it is.
 */
void
cyd_list_model_set_defer_far_pages (CydListModel *self,
                                    gboolean      defer)
{
  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  self->defer_far_pages = defer;
  if (!defer && self->gave_empty_rows)
    show_rows (self);
}

gboolean
cyd_list_model_has_sort_key (CydListModel *self,
                             const char   *key)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), FALSE);

  for (const Column *col = self->def->columns; col->key != NULL; col++)
    if (g_strcmp0 (col->key, key) == 0)
      return TRUE;
  return FALSE;
}

/* Sorts by @key's column, or in the kind's natural order when %NULL. */
void
cyd_list_model_set_sort (CydListModel *self,
                         const char   *key,
                         gboolean      descending)
{
  int column = -1, i = 0;

  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  for (const Column *col = self->def->columns; key != NULL && col->key != NULL; col++, i++)
    if (g_str_equal (col->key, key))
      column = i;
  g_return_if_fail (key == NULL || column >= 0);

  descending = column >= 0 && descending;
  if (column == self->sort_column && descending == self->descending)
    return;

  self->sort_column = column;
  self->descending = descending;
  reload (self);
}

void
cyd_list_model_refresh (CydListModel *self)
{
  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  reload (self);
}

/**
 * cyd_list_model_set_filter:
 * @key: one of the kind's filter keys (MILESTONE: workstream, owner, status,
 *   rag, at-risk ("1"), overdue and due-within-30-days (the value is the
 *   as-at date)); POST: directorate and service-line (row ids), status
 *   ("vacant" or "filled" as at the model's date); STAFF: directorate and
 *   service-line (row ids; of a post held as at the model's date), employer
 *   (a council's row id)
 * @value: (nullable): the value to keep, or %NULL to stop filtering on @key
 *
 * Shows only the records that pass every filter set. Filters run in SQL.
 */
void
cyd_list_model_set_filter (CydListModel *self,
                           const char   *key,
                           const char   *value)
{
  guint n;

  g_return_if_fail (CYD_IS_LIST_MODEL (self));
  g_return_if_fail (key != NULL);

  n = count_filters (self->def);
  for (guint i = 0; i < n; i++)
    {
      if (!g_str_equal (self->def->filters[i].key, key))
        continue;
      if (g_strcmp0 (self->filter_values[i], value) == 0)
        return;
      g_free (self->filter_values[i]);
      self->filter_values[i] = g_strdup (value);
      reload (self);
      return;
    }
  g_return_if_reached ();
}

/**
 * cyd_list_model_set_milestone_rating:
 * @as_at: (nullable): the date milestones are rated as at, %NULL for today
 * @due_soon_days: how many days ahead counts as due soon
 *
 * For a MILESTONE list: the rating's parameters, as the rag column shows it.
 */
void
cyd_list_model_set_milestone_rating (CydListModel *self,
                                     const char   *as_at,
                                     guint         due_soon_days)
{
  g_return_if_fail (CYD_IS_LIST_MODEL (self));

  if (g_strcmp0 (as_at, self->rating_as_at) == 0 && due_soon_days == self->due_soon_days)
    return;
  g_free (self->rating_as_at);
  self->rating_as_at = g_strdup (as_at);
  self->due_soon_days = due_soon_days;
  reload (self);
}

const char *
cyd_list_model_get_as_at (CydListModel *self)
{
  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), NULL);

  return self->as_at;
}

/* Answers for @as_at (YYYY-MM-DD): holders, vacancies and stages in force. */
void
cyd_list_model_set_as_at (CydListModel *self,
                          const char   *as_at)
{
  g_return_if_fail (CYD_IS_LIST_MODEL (self));
  g_return_if_fail (cyd_date_is_valid_iso (as_at));

  if (g_strcmp0 (as_at, self->as_at) == 0)
    return;

  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  reload (self);
}

struct _CydListState
{
  CydKind   kind;
  char     *search;
  int       sort_column;
  gboolean  descending;
  char     *as_at;
  char    **filter_values; /* n_filters, some NULL */
  guint     n_filters;
  char     *rating_as_at;
  guint     due_soon_days;
};

static char **
copy_filter_values (const ListDef *def,
                    char * const  *values)
{
  guint n = count_filters (def);
  char **copy = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = g_strdup (values[i]);
  return copy;
}

/**
 * cyd_list_model_dup_state:
 *
 * Returns: (transfer full): what @self shows, for
 *   cyd_list_model_new_from_state(); free with cyd_list_state_free()
 */
CydListState *
cyd_list_model_dup_state (CydListModel *self)
{
  CydListState *state;

  g_return_val_if_fail (CYD_IS_LIST_MODEL (self), NULL);

  state = g_new0 (CydListState, 1);
  state->kind = self->def->kind;
  state->search = g_strdup (self->search);
  state->sort_column = self->sort_column;
  state->descending = self->descending;
  state->as_at = g_strdup (self->as_at);
  state->filter_values = copy_filter_values (self->def, self->filter_values);
  state->n_filters = count_filters (self->def);
  state->rating_as_at = g_strdup (self->rating_as_at);
  state->due_soon_days = self->due_soon_days;
  return state;
}

/* A list over @store showing what @state says, in the same order. */
CydListModel *
cyd_list_model_new_from_state (CydStore           *store,
                               const CydListState *state)
{
  CydListModel *self;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  self = cyd_list_model_new (store, state->kind);
  self->search = g_strdup (state->search);
  self->like = self->search != NULL ? make_like_pattern (self->search) : NULL;
  self->sort_column = state->sort_column;
  self->descending = state->descending;
  g_free (self->as_at);
  self->as_at = g_strdup (state->as_at);
  g_strfreev (self->filter_values);
  self->filter_values = copy_filter_values (self->def, state->filter_values);
  self->rating_as_at = g_strdup (state->rating_as_at);
  self->due_soon_days = state->due_soon_days;
  reload (self);
  return self;
}

/* The same list as @other over @store. Call it on @other's thread. */
CydListModel *
cyd_list_model_new_like (CydStore     *store,
                         CydListModel *other)
{
  g_autoptr(CydListState) state = NULL;

  g_return_val_if_fail (CYD_IS_LIST_MODEL (other), NULL);

  state = cyd_list_model_dup_state (other);
  return cyd_list_model_new_from_state (store, state);
}

void
cyd_list_state_free (CydListState *state)
{
  if (state == NULL)
    return;

  g_free (state->search);
  g_free (state->as_at);
  for (guint i = 0; i < state->n_filters; i++)
    g_free (state->filter_values[i]);
  g_free (state->filter_values);
  g_free (state->rating_as_at);
  g_free (state);
}
