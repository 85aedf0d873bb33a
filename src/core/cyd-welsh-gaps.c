/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-welsh-gaps"

#include "config.h"

#include "cyd-welsh-gaps.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-record-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 16

/* The kinds whose texts are bilingual, as the changed signal names them. */
#define GAP_KINDS (CYD_KIND_COUNCIL | CYD_KIND_DIRECTORATE | CYD_KIND_SERVICE_LINE \
                   | CYD_KIND_POST | CYD_KIND_SAVING | CYD_KIND_MILESTONE)

/* One row per record with a text in one language only. Empty texts count as
 * missing. Table and column names are fixed here, never from input. */
#define GAP(order, kind, table, field, column) \
  "SELECT " order " AS k, '" kind "' AS kind, id, code, '" field "' AS field," \
  " nullif (" column "_en, '') AS en, nullif (" column "_cy, '') AS cy FROM " table \
  " WHERE (nullif (" column "_en, '') IS NULL) <> (nullif (" column "_cy, '') IS NULL)"

#define GAPS_SQL \
  "(" GAP ("0", "council", "council", "name", "name") \
  " UNION ALL " GAP ("1", "directorate", "directorate", "name", "name") \
  " UNION ALL " GAP ("2", "service-line", "service_line", "name", "name") \
  " UNION ALL " GAP ("3", "post", "post", "title", "title") \
  " UNION ALL " GAP ("4", "saving", "saving", "description", "description") \
  " UNION ALL " GAP ("5", "milestone", "milestone", "title", "title") ")"

/* ?1: the missing language ("cy", "en") or NULL for both. */
#define GAPS_WHERE " WHERE ?1 IS NULL OR (?1 = 'cy' AND cy IS NULL) OR (?1 = 'en' AND en IS NULL)"

static const char *const record_keys[] = {
  "kind", "kind-id", "code", "field", "missing", "missing-code", "text",
};

enum {
  KEY_KIND,
  KEY_KIND_ID,
  KEY_CODE,
  KEY_FIELD,
  KEY_MISSING,
  KEY_MISSING_CODE,
  KEY_TEXT,
  N_KEYS
};

struct _CydWelshGaps
{
  GObject     parent_instance;

  CydStore   *store;
  char       *missing;
  GPtrArray  *keys;
  GHashTable *pages;     /* page number → GPtrArray of CydRecord */
  guint       n_items;
  gulong      changed_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CydWelshGaps, cyd_welsh_gaps, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const char *
kind_label (const char *kind)
{
  if (g_str_equal (kind, "council"))
    return C_("record kind", "Council");
  if (g_str_equal (kind, "directorate"))
    return C_("record kind", "Directorate");
  if (g_str_equal (kind, "service-line"))
    return C_("record kind", "Service line");
  if (g_str_equal (kind, "post"))
    return C_("record kind", "Post");
  if (g_str_equal (kind, "saving"))
    return C_("record kind", "Saving");
  return C_("record kind", "Milestone");
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "name"))
    return C_("bilingual field", "Name");
  if (g_str_equal (field, "title"))
    return C_("bilingual field", "Title");
  return C_("bilingual field", "Description");
}

static CydRecord *
read_gap (CydWelshGaps *self,
          CydStmt      *stmt)
{
  const char *kind = cyd_stmt_text (stmt, 1);
  const char *en = cyd_stmt_text (stmt, 4);
  const char *cy = cyd_stmt_text (stmt, 5);
  gboolean welsh_ui = g_str_equal (cyd_ui_language (), "cy");
  char **values = g_new0 (char *, N_KEYS);

  values[KEY_KIND] = g_strdup (kind_label (kind));
  values[KEY_KIND_ID] = g_strdup (kind);
  values[KEY_CODE] = g_strdup (cyd_stmt_text (stmt, 2));
  values[KEY_FIELD] = g_strdup (field_label (cyd_stmt_text (stmt, 3)));
  values[KEY_MISSING_CODE] = g_strdup (cy == NULL ? "cy" : "en");
  values[KEY_MISSING] = g_strdup (cyd_enum_to_label (values[KEY_MISSING_CODE]));
  values[KEY_TEXT] = welsh_ui ? cyd_bilingual_display (cy, en) : cyd_bilingual_display (en, cy);

  return cyd_record_new (sqlite3_column_int64 (stmt, 6), self->keys, values);
}

static GPtrArray *
fetch_page (CydWelshGaps *self,
            guint         page)
{
  static const char *sql =
    "SELECT k, kind, code, field, en, cy, id FROM " GAPS_SQL GAPS_WHERE
    " ORDER BY k, code LIMIT ?2 OFFSET ?3";
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, sql, &error);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    {
      g_warning ("Could not read the Welsh gaps: %s", error->message);
      return records;
    }
  cyd_stmt_bind_text_or_null (stmt, 1, self->missing);
  sqlite3_bind_int (stmt, 2, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 3, (gint64) page * PAGE_SIZE);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (records, read_gap (self, stmt));
  return records;
}

static guint
count_rows (CydWelshGaps *self)
{
  static const char *sql = "SELECT count(*) FROM " GAPS_SQL GAPS_WHERE;
  g_autoptr(GError) error = NULL;
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self->store, sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not count the Welsh gaps: %s", error->message);
      return 0;
    }
  cyd_stmt_bind_text_or_null (stmt, 1, self->missing);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return (guint) sqlite3_column_int64 (stmt, 0);
}

static void
reload (CydWelshGaps *self)
{
  guint old = self->n_items;

  g_hash_table_remove_all (self->pages);
  self->n_items = count_rows (self);
  if (old != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

static void
on_store_changed (CydWelshGaps *self,
                  guint         kinds)
{
  if (kinds & GAP_KINDS)
    reload (self);
}

static GType
cyd_welsh_gaps_get_item_type (GListModel *model)
{
  return CYD_TYPE_RECORD;
}

static guint
cyd_welsh_gaps_get_n_items (GListModel *model)
{
  return CYD_WELSH_GAPS (model)->n_items;
}

static gpointer
cyd_welsh_gaps_get_item (GListModel *model,
                         guint       position)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *records;

  if (position >= self->n_items)
    return NULL;

  records = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (records == NULL)
    {
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      records = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), records);
    }

  if (position % PAGE_SIZE >= records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (records, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cyd_welsh_gaps_get_item_type;
  iface->get_n_items = cyd_welsh_gaps_get_n_items;
  iface->get_item = cyd_welsh_gaps_get_item;
}

static void
cyd_welsh_gaps_constructed (GObject *object)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (object);

  G_OBJECT_CLASS (cyd_welsh_gaps_parent_class)->constructed (object);

  g_assert (CYD_IS_STORE (self->store));

  self->changed_id = g_signal_connect_object (self->store, "changed",
                                              G_CALLBACK (on_store_changed),
                                              self, G_CONNECT_SWAPPED);
  self->n_items = count_rows (self);
}

static void
cyd_welsh_gaps_dispose (GObject *object)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->pages != NULL)
    g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (cyd_welsh_gaps_parent_class)->dispose (object);
}

static void
cyd_welsh_gaps_finalize (GObject *object)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_free (self->missing);

  G_OBJECT_CLASS (cyd_welsh_gaps_parent_class)->finalize (object);
}

static void
cyd_welsh_gaps_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MISSING:
      g_value_set_string (value, self->missing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_welsh_gaps_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CydWelshGaps *self = CYD_WELSH_GAPS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_MISSING:
      cyd_welsh_gaps_set_missing (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_welsh_gaps_class_init (CydWelshGapsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cyd_welsh_gaps_constructed;
  object_class->dispose = cyd_welsh_gaps_dispose;
  object_class->finalize = cyd_welsh_gaps_finalize;
  object_class->get_property = cyd_welsh_gaps_get_property;
  object_class->set_property = cyd_welsh_gaps_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* "cy" or "en" to list only the records missing that language; NULL for both. */
  properties[PROP_MISSING] =
    g_param_spec_string ("missing", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cyd_welsh_gaps_init (CydWelshGaps *self)
{
  self->keys = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (record_keys); i++)
    g_ptr_array_add (self->keys, (gpointer) record_keys[i]);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

CydWelshGaps *
cyd_welsh_gaps_new (CydStore *store)
{
  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return g_object_new (CYD_TYPE_WELSH_GAPS, "store", store, NULL);
}

CydStore *
cyd_welsh_gaps_get_store (CydWelshGaps *self)
{
  g_return_val_if_fail (CYD_IS_WELSH_GAPS (self), NULL);

  return self->store;
}

const char *
cyd_welsh_gaps_get_missing (CydWelshGaps *self)
{
  g_return_val_if_fail (CYD_IS_WELSH_GAPS (self), NULL);

  return self->missing;
}

void
cyd_welsh_gaps_set_missing (CydWelshGaps *self,
                            const char   *language)
{
  g_return_if_fail (CYD_IS_WELSH_GAPS (self));
  g_return_if_fail (language == NULL || g_str_equal (language, "cy") || g_str_equal (language, "en"));

  if (g_strcmp0 (self->missing, language) == 0)
    return;

  g_free (self->missing);
  self->missing = g_strdup (language);
  if (self->store != NULL)
    reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING]);
}

/**
 * cyd_welsh_gaps_count:
 * @out_missing_cy: (out): records with a text in English only
 * @out_missing_en: (out): records with a text in Welsh only
 *
 * Counts the records with a name, title or description in one language only.
 */
gboolean
cyd_welsh_gaps_count (CydStore  *store,
                      guint     *out_missing_cy,
                      guint     *out_missing_en,
                      GError   **error)
{
  static const char *sql =
    "SELECT count(*) FILTER (WHERE cy IS NULL), count(*) FILTER (WHERE en IS NULL) FROM " GAPS_SQL;
  g_autoptr(CydStmt) stmt = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_missing_cy != NULL && out_missing_en != NULL, FALSE);

  stmt = cyd_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cyd_store_set_sqlite_error (store, error);

  *out_missing_cy = (guint) sqlite3_column_int64 (stmt, 0);
  *out_missing_en = (guint) sqlite3_column_int64 (stmt, 1);
  return TRUE;
}
