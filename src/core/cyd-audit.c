/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-audit"

#include "config.h"

#include "cyd-audit.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"

#define PAGE_SIZE 64
#define MAX_PAGES 16

/* The row's code or name, from its image after the change (or before, when
 * deleted); for a link row, the code of the post it names. */
#define PAGE_SQL \
  "SELECT at, user_name, step, kind, record, before, after," \
  " coalesce (json_extract (j, '$.code'), json_extract (j, '$.given_name') || ' ' || json_extract (j, '$.family_name')," \
  "           (SELECT p.code FROM post p WHERE p.id = json_extract (j, '$.post_id'))," \
  "           (SELECT m.code FROM milestone m WHERE m.id = json_extract (j, '$.milestone_id'))," \
  "           (SELECT s.code FROM service_line s WHERE s.id = json_extract (j, '$.service_line_id')), '#' || record)" \
  " FROM (SELECT *, coalesce (after, before) AS j FROM audit_log ORDER BY id DESC LIMIT ?1 OFFSET ?2)"

/* Each column that differs: new values against old ones (none on insert),
 * or the old values of a deleted row. */
#define CHANGES_SQL \
  "SELECT n.key, o.value, n.value FROM json_each (?2) n LEFT JOIN json_each (?1) o ON o.key = n.key" \
  " WHERE n.key <> 'id' AND (o.key IS NULL OR o.value IS NOT n.value) AND NOT (?1 IS NULL AND n.value IS NULL)" \
  " UNION ALL SELECT o.key, o.value, NULL FROM json_each (?1) o" \
  " WHERE ?2 IS NULL AND o.key <> 'id' AND o.value IS NOT NULL"

static const char * const money_columns[] = {
  "salary", "on_costs", "annual_cost", "budget", "forecast", "actual", "target", "achieved", NULL
};

/* Columns that name another row, shown by that row's code or name. */
static const struct {
  const char *column;
  const char *sql;
} references[] = {
  { "post_id", "SELECT code FROM post WHERE id = ?1" },
  { "target_id", "SELECT code FROM post WHERE id = ?1" },
  { "reports_to_id", "SELECT code FROM post WHERE id = ?1" },
  { "manager_id", "SELECT code FROM post WHERE id = ?1" },
  { "employer_id", "SELECT code FROM council WHERE id = ?1" },
  { "council_id", "SELECT code FROM council WHERE id = ?1" },
  { "directorate_id", "SELECT code FROM directorate WHERE id = ?1" },
  { "service_line_id", "SELECT code FROM service_line WHERE id = ?1" },
  { "parent_id", "SELECT code FROM service_line WHERE id = ?1" },
  { "milestone_id", "SELECT code FROM milestone WHERE id = ?1" },
  { "depends_on_id", "SELECT code FROM milestone WHERE id = ?1" },
  { "person_id", "SELECT given_name || ' ' || family_name FROM person WHERE id = ?1" },
  { "owner_id", "SELECT given_name || ' ' || family_name FROM person WHERE id = ?1" },
};

/* The columns' names as the forms show them. */
static const struct {
  const char *column;
  const char *label;
} field_labels[] = {
  { "code", NC_("field", "Code") },
  { "title_en", NC_("field", "Title (English)") },
  { "title_cy", NC_("field", "Title (Welsh)") },
  { "name_en", NC_("field", "Name (English)") },
  { "name_cy", NC_("field", "Name (Welsh)") },
  { "description_en", NC_("field", "Description (English)") },
  { "description_cy", NC_("field", "Description (Welsh)") },
  { "employer_id", NC_("field", "Employer") },
  { "employee_number", NC_("field", "Employee number") },
  { "given_name", NC_("field", "Given name") },
  { "family_name", NC_("field", "Family name") },
  { "preferred_language", NC_("field", "Preferred language") },
  { "grade", NC_("field", "Grade") },
  { "salary", NC_("field", "Salary") },
  { "on_costs", NC_("field", "On-costs") },
  { "start_date", NC_("field", "Start date") },
  { "left_date", NC_("field", "Left on") },
  { "person_id", NC_("field", "Person") },
  { "post_id", NC_("field", "Post") },
  { "fte", NC_("field", "FTE") },
  { "from_date", NC_("field", "From") },
  { "to_date", NC_("field", "To") },
  { "directorate_id", NC_("field", "Directorate") },
  { "service_line_id", NC_("field", "Service line") },
  { "reports_to_id", NC_("field", "Reports to") },
  { "annual_cost", NC_("field", "Annual cost") },
  { "established_from", NC_("field", "Established from") },
  { "established_to", NC_("field", "Established to") },
  { "target_id", NC_("field", "Maps to") },
  { "method", NC_("field", "Method") },
  { "effective", NC_("field", "Effective") },
  { "status", NC_("field", "Status") },
  { "due", NC_("field", "Due") },
  { "completed", NC_("field", "Completed") },
  { "owner_id", NC_("field", "Owner") },
  { "budget", NC_("field", "Budget") },
  { "forecast", NC_("field", "Forecast") },
  { "actual", NC_("field", "Actual") },
  { "target", NC_("field", "Target") },
  { "achieved", NC_("field", "Achieved") },
};

struct _CydAuditEntry
{
  GObject  parent_instance;

  char    *at;
  char    *user;
  char    *step;
  char    *kind;
  char    *record;
  char    *changes;
};

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_AT,
  ENTRY_PROP_USER,
  ENTRY_PROP_STEP,
  ENTRY_PROP_KIND,
  ENTRY_PROP_RECORD,
  ENTRY_PROP_CHANGES,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

struct _CydAuditModel
{
  GObject     parent_instance;

  CydStore   *store;
  gulong      changed_id;
  guint       n_items;
  GHashTable *pages;      /* page index → GPtrArray of CydAuditEntry */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (CydAuditEntry, cyd_audit_entry, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (CydAuditModel, cyd_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A table's rows, as a noun in the interface language. */
static const char *
kind_noun (const char *table)
{
  static const struct { const char *table; const char *noun; } nouns[] = {
    { "council", N_("Council") },
    { "directorate", N_("Directorate") },
    { "service_line", N_("Service line") },
    { "service_line_stage", N_("Service line stage") },
    { "post", N_("Post") },
    { "post_dotted_line", N_("Dotted line") },
    { "post_mapping", N_("Post mapping") },
    { "person", N_("Member of staff") },
    { "assignment", N_("Assignment") },
    { "budget_line", N_("Budget line") },
    { "saving", N_("Saving") },
    { "milestone", N_("Milestone") },
    { "milestone_dependency", N_("Milestone dependency") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].table, table))
      return g_dgettext (GETTEXT_PACKAGE, nouns[i].noun);
  return table;
}

/* "at" (ISO 8601, UTC) as a local date and time in the interface language. */
static char *
format_at (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : "");
  local = g_date_time_to_local (utc);
  iso = g_date_time_format (local, "%Y-%m-%d");
  date = cyd_date_format (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: an audit entry's moment: %1$s a date, %2$s a time such as 14:05 */
  return g_strdup_printf (_("%1$s, %2$s"), date, time);
}

static const char *
field_label (const char *column)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].column, column))
      return g_dpgettext2 (GETTEXT_PACKAGE, "field", field_labels[i].label);
  return column;
}

/* The code or name of the row a reference column names, or %NULL. */
static char *
dup_reference (CydStore   *store,
               const char *column,
               gint64      id)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      g_autoptr(CydStmt) stmt = NULL;

      if (!g_str_equal (references[i].column, column))
        continue;
      stmt = cyd_store_prepare (store, references[i].sql, NULL);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, id);
      return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (cyd_stmt_text (stmt, 0)) : NULL;
    }
  return NULL;
}

static char *
format_value (CydStore   *store,
              const char *column,
              CydStmt    *stmt,
              int         col)
{
  gint64 n;
  char *reference;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    /* Translators: an empty value in the audit trail's changes */
    return g_strdup (C_("value", "(empty)"));
  if (sqlite3_column_type (stmt, col) != SQLITE_INTEGER)
    return g_strdup (cyd_stmt_text (stmt, col));
  n = sqlite3_column_int64 (stmt, col);
  if ((reference = dup_reference (store, column, n)) != NULL)
    return reference;
  if (g_strv_contains (money_columns, column))
    return cyd_money_format (n);
  if (g_str_equal (column, "fte"))
    return cyd_fte_format (n);
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static char *
dup_changes (CydStore   *store,
             const char *before,
             const char *after)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, CHANGES_SQL, NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  if (stmt == NULL)
    return g_strdup ("");
  cyd_stmt_bind_text_or_null (stmt, 1, before);
  cyd_stmt_bind_text_or_null (stmt, 2, after);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = cyd_stmt_text (stmt, 0);
      g_autofree char *old = format_value (store, column, stmt, 1);
      g_autofree char *new = format_value (store, column, stmt, 2);
      const char *label = field_label (column);

      if (s->len > 0)
        g_string_append_c (s, '\n');
      if (before == NULL)
        g_string_append_printf (s, "%s: %s", label, new);
      else if (after == NULL)
        g_string_append_printf (s, "%s: %s → %s", label, old, C_("value", "(empty)"));
      else
        g_string_append_printf (s, "%s: %s → %s", label, old, new);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static CydAuditEntry *
read_entry (CydAuditModel *self,
            CydStmt       *stmt)
{
  CydAuditEntry *entry = g_object_new (CYD_TYPE_AUDIT_ENTRY, NULL);

  entry->at = format_at (cyd_stmt_text (stmt, 0));
  entry->user = g_strdup (cyd_stmt_text (stmt, 1));
  entry->step = g_strdup (cyd_stmt_text (stmt, 2) != NULL ? cyd_stmt_text (stmt, 2) : "");
  entry->kind = g_strdup (kind_noun (cyd_stmt_text (stmt, 3)));
  entry->record = g_strdup (cyd_stmt_text (stmt, 7));
  entry->changes = dup_changes (self->store, cyd_stmt_text (stmt, 5), cyd_stmt_text (stmt, 6));
  return entry;
}

static GPtrArray *
fetch_page (CydAuditModel *self,
            guint          page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, PAGE_SQL, &error);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    {
      g_warning ("Could not read the audit trail: %s", error->message);
      return entries;
    }
  sqlite3_bind_int (stmt, 1, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 2, (gint64) page * PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (self, stmt));
  return entries;
}

static guint
count_rows (CydAuditModel *self)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, "SELECT count(*) FROM audit_log", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

static void
on_store_changed (CydAuditModel *self,
                  guint          kinds)
{
  cyd_audit_model_refresh (self);
}

static GType
cyd_audit_model_get_item_type (GListModel *model)
{
  return CYD_TYPE_AUDIT_ENTRY;
}

static guint
cyd_audit_model_get_n_items (GListModel *model)
{
  return CYD_AUDIT_MODEL (model)->n_items;
}

static gpointer
cyd_audit_model_get_item (GListModel *model,
                          guint       position)
{
  CydAuditModel *self = CYD_AUDIT_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *entries;

  if (position >= self->n_items)
    return NULL;
  entries = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (entries == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      entries = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), entries);
    }
  if (position % PAGE_SIZE >= entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (entries, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cyd_audit_model_get_item_type;
  iface->get_n_items = cyd_audit_model_get_n_items;
  iface->get_item = cyd_audit_model_get_item;
}

static void
cyd_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CydAuditEntry *self = CYD_AUDIT_ENTRY (object);
  const char * const texts[] = { NULL, self->at, self->user, self->step, self->kind, self->record, self->changes };

  if (prop_id > 0 && prop_id < N_ENTRY_PROPS)
    g_value_set_string (value, texts[prop_id]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cyd_audit_entry_finalize (GObject *object)
{
  CydAuditEntry *self = CYD_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->user);
  g_free (self->step);
  g_free (self->kind);
  g_free (self->record);
  g_free (self->changes);

  G_OBJECT_CLASS (cyd_audit_entry_parent_class)->finalize (object);
}

static void
cyd_audit_entry_class_init (CydAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = { NULL, "at", "user", "step", "kind", "record", "changes" };

  object_class->finalize = cyd_audit_entry_finalize;
  object_class->get_property = cyd_audit_entry_get_property;

  for (guint i = 1; i < N_ENTRY_PROPS; i++)
    entry_properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
cyd_audit_entry_init (CydAuditEntry *self)
{
}

static void
cyd_audit_model_dispose (GObject *object)
{
  CydAuditModel *self = CYD_AUDIT_MODEL (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pages, g_hash_table_unref);

  G_OBJECT_CLASS (cyd_audit_model_parent_class)->dispose (object);
}

static void
cyd_audit_model_class_init (CydAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cyd_audit_model_dispose;
}

static void
cyd_audit_model_init (CydAuditModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

CydAuditModel *
cyd_audit_model_new (CydStore *store)
{
  CydAuditModel *self;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_AUDIT_MODEL, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  self->n_items = count_rows (self);
  return self;
}

/* Reads the trail again, announcing every row as replaced. */
void
cyd_audit_model_refresh (CydAuditModel *self)
{
  guint old;

  g_return_if_fail (CYD_IS_AUDIT_MODEL (self));

  old = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

#define ENTRY_GETTER(field) \
  const char * \
  cyd_audit_entry_get_##field (CydAuditEntry *self) \
  { \
    g_return_val_if_fail (CYD_IS_AUDIT_ENTRY (self), NULL); \
    return self->field; \
  }

ENTRY_GETTER (at)
ENTRY_GETTER (user)
ENTRY_GETTER (step)
ENTRY_GETTER (kind)
ENTRY_GETTER (record)
ENTRY_GETTER (changes)
