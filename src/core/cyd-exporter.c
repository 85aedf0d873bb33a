/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-export"

#include "config.h"

#include "cyd-exporter.h"

#include <string.h>

#include "cyd-import-defs.h"
#include "cyd-money.h"
#include "cyd-output.h"
#include "cyd-private.h"

/* Records leave in the order of their keys, so an export is reproducible. */
static const char *
record_order (CydKind kind)
{
  switch (kind)
    {
    case CYD_KIND_STAFF:
      return "(SELECT code FROM council WHERE id = t.employer_id), t.employee_number";
    case CYD_KIND_BUDGET:
      return "t.year, (SELECT code FROM directorate WHERE id = t.directorate_id),"
             " (SELECT code FROM service_line WHERE id = t.service_line_id), t.category";
    default:
      return "t.code";
    }
}

/* How a record's children are read: all of a section's at once, in the
 * order of their records, so one query serves the whole section. */
typedef struct {
  const char *columns;
  const char *from;
  const char *record_id;   /* the column naming the child's record */
  const char *order;       /* among one record's children */
} ChildQuery;

static const ChildQuery *
child_query (ChildKind kind)
{
  static const ChildQuery stage = {
    "c.stage, c.effective", "service_line_stage c", "c.service_line_id", "c.effective"
  };
  static const ChildQuery dotted_line = {
    "m.code", "post_dotted_line c JOIN post m ON m.id = c.manager_id", "c.post_id", "m.code"
  };
  static const ChildQuery mapping = {
    "m.code, c.method, c.effective", "post_mapping c JOIN post m ON m.id = c.target_id", "c.post_id", "m.code"
  };
  static const ChildQuery assignment = {
    "p.code, c.fte, c.from_date, c.to_date", "assignment c JOIN post p ON p.id = c.post_id", "c.person_id",
    "p.code, c.from_date, c.to_date, c.fte"
  };
  static const ChildQuery dependency = {
    "m.code", "milestone_dependency c JOIN milestone m ON m.id = c.depends_on_id", "c.milestone_id", "m.code"
  };

  switch (kind)
    {
    case CHILD_STAGE: return &stage;
    case CHILD_DOTTED_LINE: return &dotted_line;
    case CHILD_MAPPING: return &mapping;
    case CHILD_ASSIGNMENT: return &assignment;
    case CHILD_DEPENDENCY: return &dependency;
    default: g_assert_not_reached ();
    }
}

/* The field's value as a column of the section's query; a reference is
 * read through a join, aliased by the field's index @i. */
static char *
field_expr (const FieldDef *f,
            guint           i,
            GString        *joins)
{
  switch (f->type)
    {
    case FIELD_REF:
    case FIELD_SELF_REF:
      g_string_append_printf (joins, " LEFT JOIN %s r%u ON r%u.id = t.%s", f->ref_table, i, i, f->column);
      return g_strdup_printf ("r%u.code", i);
    case FIELD_OWNER:
      g_string_append_printf (joins, " LEFT JOIN person p%u ON p%u.id = t.%s LEFT JOIN council r%u ON r%u.id = p%u.employer_id",
                              i, i, f->column, i, i, i);
      return g_strdup_printf ("r%u.code || ':' || p%u.employee_number", i, i);
    default:
      return g_strdup_printf ("t.%s", f->column);
    }
}

/* The page cache while exporting, in KiB: room to sort the largest
 * section in memory. */
#define EXPORT_CACHE_KIB 16384

/* Bytes written to a file at a time. */
#define EXPORT_WRITE_SIZE 65536

/* The deepest element of the format: cyd, section, record, text or child. */
#define MAX_DEPTH 4

/* The most records and children a batch keeps before it is passed on. */
#define BATCH_RECORDS    256
#define BATCH_CHILDREN   1024
#define N_BATCHES        4

/* What one thread reads from the store and the other writes as XML. Reading
 * and writing take about as long as each other, so they run side by side;
 * a few batches pass back and forth, so memory stays flat. */
typedef enum {
  ITEM_START_SECTION,
  ITEM_RECORD,
  ITEM_END_SECTION,
} ItemKind;

typedef struct {
  ItemKind         kind;
  const RecordDef *def;
  const char      *values[MAX_FIELDS];   /* as written; NULL when absent */
  const char      *texts[4];             /* text en, cy; text2 en, cy */
  guint            first_child;
  guint            n_children;
} Item;

typedef struct {
  const ChildDef *def;
  const char     *values[MAX_CHILD_FIELDS];
} ChildItem;

typedef struct {
  Item          items[BATCH_RECORDS];
  guint         n_items;
  GArray       *children;   /* ChildItem */
  GStringChunk *strings;
  gboolean      last;
} Batch;

/* The XML as it is written: the markup is made here, indented two spaces
 * a level, and the text escaped as libxml2's writer escapes it; the file is
 * written a buffer at a time. Only one thread writes at a time. */
typedef struct {
  GOutputStream *stream;
  GString       *buffer;
  const char    *open[MAX_DEPTH];  /* the elements not yet ended */
  guint          depth;
  gboolean       in_start_tag;     /* the last start tag is not yet closed */
  gboolean       has_text;         /* the element open has text, not children */
} Xml;

typedef struct {
  Xml               xml;
  gint              failed;   /* atomic */
  GError           *write_error;  /* the first; set by the one writing */
  GAsyncQueue      *full;     /* Batch, to the writer */
  GAsyncQueue      *empty;    /* Batch, back to the reader */
  Batch            *batch;    /* the one the reader fills */
  Batch            *batches[N_BATCHES];
} Out;

static void
flush (Out *out)
{
  Xml *xml = &out->xml;

  if (xml->buffer->len > 0 &&
      !g_output_stream_write_all (xml->stream, xml->buffer->str, xml->buffer->len, NULL, NULL,
                                  out->write_error == NULL ? &out->write_error : NULL))
    g_atomic_int_set (&out->failed, TRUE);
  g_string_truncate (xml->buffer, 0);
}

static void
indent (GString *buffer,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (buffer, "  ", 2);
}

/* @text with the characters markup gives a meaning escaped: in an
 * attribute also tabs and line breaks, which a reader would otherwise
 * read as spaces. */
static void
append_escaped (GString    *buffer,
                const char *text,
                gboolean    in_attribute)
{
  const char *special = in_attribute ? "&<>\"\t\n\r" : "&<>\"\r";

  for (;;)
    {
      gsize plain = strcspn (text, special);

      g_string_append_len (buffer, text, plain);
      text += plain;
      switch (*text++)
        {
        case '\0':
          return;
        case '&':
          g_string_append_len (buffer, "&amp;", 5);
          break;
        case '<':
          g_string_append_len (buffer, "&lt;", 4);
          break;
        case '>':
          g_string_append_len (buffer, "&gt;", 4);
          break;
        case '"':
          g_string_append_len (buffer, "&quot;", 6);
          break;
        case '\t':
          g_string_append_len (buffer, "&#9;", 4);
          break;
        case '\n':
          g_string_append_len (buffer, "&#10;", 5);
          break;
        default:
          g_string_append_len (buffer, "&#13;", 5);
          break;
        }
    }
}

static void
start (Out        *out,
       const char *element)
{
  Xml *xml = &out->xml;

  g_assert (xml->depth < MAX_DEPTH);

  if (xml->in_start_tag)
    g_string_append_len (xml->buffer, ">\n", 2);
  indent (xml->buffer, xml->depth);
  g_string_append_c (xml->buffer, '<');
  g_string_append (xml->buffer, element);
  xml->open[xml->depth++] = element;
  xml->in_start_tag = TRUE;
  xml->has_text = FALSE;
}

static void
end (Out *out)
{
  Xml *xml = &out->xml;
  const char *element = xml->open[--xml->depth];

  if (xml->in_start_tag)
    {
      g_string_append_len (xml->buffer, "/>\n", 3);
    }
  else
    {
      if (!xml->has_text)
        indent (xml->buffer, xml->depth);
      g_string_append_len (xml->buffer, "</", 2);
      g_string_append (xml->buffer, element);
      g_string_append_len (xml->buffer, ">\n", 2);
    }
  xml->in_start_tag = FALSE;
  xml->has_text = FALSE;
  if (xml->buffer->len >= EXPORT_WRITE_SIZE)
    flush (out);
}

static void
attribute (Out        *out,
           const char *name,
           const char *value)
{
  GString *buffer = out->xml.buffer;

  if (value == NULL)
    return;
  g_string_append_c (buffer, ' ');
  g_string_append (buffer, name);
  g_string_append_len (buffer, "=\"", 2);
  append_escaped (buffer, value, TRUE);
  g_string_append_c (buffer, '"');
}

static void
text (Out        *out,
      const char *content)
{
  Xml *xml = &out->xml;

  if (xml->in_start_tag)
    g_string_append_c (xml->buffer, '>');
  xml->in_start_tag = FALSE;
  xml->has_text = TRUE;
  append_escaped (xml->buffer, content, FALSE);
}

static void
write_texts (Out                *out,
             const char         *element,
             const char * const *texts)
{
  static const char * const langs[] = { "en", "cy" };

  for (guint i = 0; i < 2; i++)
    {
      if (texts[i] == NULL)
        continue;
      start (out, element);
      attribute (out, "lang", langs[i]);
      text (out, texts[i]);
      end (out);
    }
}

static void
write_item (Out         *out,
            const Batch *batch,
            const Item  *item)
{
  const RecordDef *def = item->def;
  guint i = 0;

  switch (item->kind)
    {
    case ITEM_START_SECTION:
      start (out, def->section);
      return;
    case ITEM_END_SECTION:
      end (out);
      return;
    case ITEM_RECORD:
      break;
    default:
      g_assert_not_reached ();
    }

  start (out, def->element);
  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    attribute (out, f->attr, item->values[i]);
  if (def->text_column != NULL)
    write_texts (out, def->text_element, &item->texts[0]);
  if (def->text2_column != NULL)
    write_texts (out, def->text2_element, &item->texts[2]);
  for (guint c = 0; c < item->n_children; c++)
    {
      const ChildItem *child = &g_array_index (batch->children, ChildItem, item->first_child + c);
      guint j = 0;

      start (out, child->def->element);
      for (const FieldDef *f = child->def->fields; f->attr != NULL; f++, j++)
        attribute (out, f->attr, child->values[j]);
      end (out);
    }
  end (out);
}

static gpointer
write_thread (gpointer data)
{
  Out *out = data;
  gboolean last = FALSE;

  while (!last)
    {
      Batch *batch = g_async_queue_pop (out->full);

      for (guint i = 0; i < batch->n_items && !g_atomic_int_get (&out->failed); i++)
        write_item (out, batch, &batch->items[i]);
      last = batch->last;
      batch->n_items = 0;
      g_array_set_size (batch->children, 0);
      g_string_chunk_clear (batch->strings);
      g_async_queue_push (out->empty, batch);
    }
  return NULL;
}

static void
out_init (Out           *out,
          GOutputStream *stream)
{
  memset (out, 0, sizeof *out);
  out->xml.stream = stream;
  out->xml.buffer = g_string_sized_new (EXPORT_WRITE_SIZE + 4096);
  out->full = g_async_queue_new ();
  out->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->children = g_array_sized_new (FALSE, FALSE, sizeof (ChildItem), BATCH_CHILDREN);
      batch->strings = g_string_chunk_new (16384);
      out->batches[i] = batch;
      g_async_queue_push (out->empty, batch);
    }
}

static void
out_clear (Out *out)
{
  for (guint i = 0; i < N_BATCHES; i++)
    {
      g_array_unref (out->batches[i]->children);
      g_string_chunk_free (out->batches[i]->strings);
      g_free (out->batches[i]);
    }
  g_async_queue_unref (out->full);
  g_async_queue_unref (out->empty);
  g_string_free (out->xml.buffer, TRUE);
}

static void
send_batch (Out      *out,
            gboolean  last)
{
  if (out->batch == NULL)
    out->batch = g_async_queue_pop (out->empty);
  out->batch->last = last;
  g_async_queue_push (out->full, g_steal_pointer (&out->batch));
}

/* The next item to fill, passing the batch on first when it is full. */
static Item *
next_item (Out             *out,
           ItemKind         kind,
           const RecordDef *def)
{
  Item *item;

  if (out->batch != NULL &&
      (out->batch->n_items == BATCH_RECORDS || out->batch->children->len >= BATCH_CHILDREN))
    send_batch (out, FALSE);
  if (out->batch == NULL)
    out->batch = g_async_queue_pop (out->empty);
  item = &out->batch->items[out->batch->n_items++];
  memset (item, 0, sizeof *item);
  item->kind = kind;
  item->def = def;
  item->first_child = out->batch->children->len;
  return item;
}

/* The text of column @column of @stmt, kept in the batch. */
static const char *
keep_text (Out          *out,
           sqlite3_stmt *stmt,
           int           column)
{
  const char *text = cyd_stmt_text (stmt, column);

  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_len (out->batch->strings, text, sqlite3_column_bytes (stmt, column));
}

/* The field in column @column of @stmt, as the format writes it. */
static const char *
read_field (Out            *out,
            const FieldDef *f,
            sqlite3_stmt   *stmt,
            int             column)
{
  char number[CYD_NUMBER_SIZE];

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  switch (f->type)
    {
    case FIELD_MONEY:
      cyd_money_write (sqlite3_column_int64 (stmt, column), number);
      return g_string_chunk_insert (out->batch->strings, number);
    case FIELD_FTE:
      cyd_fte_write (sqlite3_column_int64 (stmt, column), number);
      return g_string_chunk_insert (out->batch->strings, number);
    case FIELD_INT:
    case FIELD_YEAR:
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      return g_string_chunk_insert (out->batch->strings, number);
    default:
      return keep_text (out, stmt, column);
    }
}

/* A section's children of one kind, read beside its records: both
 * queries order by the record's key and then its id, so the children of
 * each record are the next rows of this one. */
typedef struct {
  const ChildDef *def;
  CydStmt        *stmt;
  gboolean        has_row;
} Children;

typedef struct {
  Children kinds[MAX_CHILD_KINDS];
  guint    n;
} AllChildren;

static void
all_children_clear (AllChildren *all)
{
  for (guint i = 0; i < all->n; i++)
    g_clear_pointer (&all->kinds[i].stmt, cyd_stmt_release);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AllChildren, all_children_clear)

static gboolean
children_start (CydStore         *store,
                const RecordDef  *record_def,
                const ChildDef   *def,
                Children         *out,
                GError          **error)
{
  const ChildQuery *q = child_query (def->kind);
  g_autofree char *sql = g_strdup_printf ("SELECT %s, %s FROM %s JOIN %s t ON t.id = %s ORDER BY %s, t.id, %s",
                                          q->record_id, q->columns, q->from, record_def->table, q->record_id,
                                          record_order (record_def->kind), q->order);

  out->def = def;
  out->stmt = cyd_store_prepare (store, sql, error);
  if (out->stmt == NULL)
    return FALSE;
  out->has_row = sqlite3_step (out->stmt) == SQLITE_ROW;
  return TRUE;
}

static void
read_children (Out      *out,
               Item     *item,
               Children *children,
               gint64    id)
{
  while (children->has_row && sqlite3_column_int64 (children->stmt, 0) == id)
    {
      ChildItem child = { children->def, { NULL } };
      guint i = 0;

      for (const FieldDef *f = children->def->fields; f->attr != NULL; f++, i++)
        {
          g_assert (i < MAX_CHILD_FIELDS);
          child.values[i] = read_field (out, f, children->stmt, i + 1);
        }
      g_array_append_val (out->batch->children, child);
      item->n_children++;
      children->has_row = sqlite3_step (children->stmt) == SQLITE_ROW;
    }
}

static gboolean
read_section (CydStore         *store,
              Out              *out,
              const RecordDef  *def,
              GCancellable     *cancellable,
              GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id");
  g_autoptr(GString) joins = g_string_new (NULL);
  g_autoptr(CydStmt) stmt = NULL;
  g_auto(AllChildren) children = { 0 };
  gboolean started = FALSE;
  guint i = 0;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++, i++)
    {
      g_autofree char *expr = field_expr (f, i, joins);
      g_string_append_printf (sql, ", %s", expr);
    }
  if (def->text_column != NULL)
    g_string_append_printf (sql, ", t.%s_en, t.%s_cy", def->text_column, def->text_column);
  if (def->text2_column != NULL)
    g_string_append_printf (sql, ", t.%s_en, t.%s_cy", def->text2_column, def->text2_column);
  g_string_append_printf (sql, " FROM %s t%s ORDER BY %s, t.id", def->table, joins->str, record_order (def->kind));

  stmt = cyd_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
    {
      g_assert (children.n < MAX_CHILD_KINDS);
      if (!children_start (store, def, c, &children.kinds[children.n++], error))
        return FALSE;
    }

  while (!g_atomic_int_get (&out->failed) && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int column = 1;
      Item *item;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!started)
        {
          next_item (out, ITEM_START_SECTION, def);
          started = TRUE;
        }

      item = next_item (out, ITEM_RECORD, def);
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, column++)
        {
          g_assert (column - 1 < MAX_FIELDS);
          item->values[column - 1] = read_field (out, f, stmt, column);
        }
      if (def->text_column != NULL)
        {
          item->texts[0] = keep_text (out, stmt, column++);
          item->texts[1] = keep_text (out, stmt, column++);
        }
      if (def->text2_column != NULL)
        {
          item->texts[2] = keep_text (out, stmt, column++);
          item->texts[3] = keep_text (out, stmt, column++);
        }
      for (guint k = 0; k < children.n; k++)
        read_children (out, item, &children.kinds[k], id);
    }

  if (started)
    next_item (out, ITEM_END_SECTION, def);
  return TRUE;
}

/**
 * cyd_export_to_stream:
 *
 * Writes the whole programme in the interchange format, records in the order
 * of their keys. Reads inside one transaction, so the export is consistent.
 */
gboolean
cyd_export_to_stream (CydStore      *store,
                      GOutputStream *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GThread *thread;
  Out out;
  gboolean ok = TRUE;
  gboolean owns_transaction;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!cyd_store_begin_read (store, &owns_transaction, error))
    return FALSE;
  /* Sections are sorted by their keys: in memory, not in temporary files. */
  cyd_store_exec (store, "PRAGMA cache_size = -" G_STRINGIFY (EXPORT_CACHE_KIB), NULL);

  out_init (&out, stream);
  g_string_append (out.xml.buffer, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  start (&out, "cyd");
  attribute (&out, "xmlns", "urn:cyd:1");
  attribute (&out, "version", "1");
  attribute (&out, "source", "Cyd");

  /* From here until it is joined, only the thread writes. */
  thread = g_thread_new ("cyd-export-write", write_thread, &out);
  for (guint i = 0; ok && !g_atomic_int_get (&out.failed) && i < cyd_n_record_defs; i++)
    ok = read_section (store, &out, &cyd_record_defs[i], cancellable, error);
  send_batch (&out, TRUE);
  g_thread_join (thread);

  end (&out);
  flush (&out);
  out_clear (&out);

  cyd_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  cyd_store_end_read (store, owns_transaction);

  /* The writer fails only with the error it keeps. */
  if (ok && out.failed)
    {
      g_propagate_error (error, g_steal_pointer (&out.write_error));
      ok = FALSE;
    }
  g_clear_error (&out.write_error);
  return ok;
}

/* Writes the export to @file, replacing it only when the export is complete.
 * The file is private (0600): it holds personal data. */
gboolean
cyd_export_to_file (CydStore      *store,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GOutputStream) stream = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = cyd_output_open (file, EXPORT_WRITE_SIZE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!cyd_export_to_stream (store, stream, cancellable, error))
    {
      cyd_output_abandon (stream, error);
      return FALSE;
    }
  return cyd_output_close (stream, cancellable, error);
}
