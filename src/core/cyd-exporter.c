/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-export"

#include "config.h"

#include "cyd-exporter.h"

#include <glib/gi18n-lib.h>

#include "cyd-import-defs.h"
#include "cyd-money.h"
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

static const char *
child_sql (ChildKind kind)
{
  switch (kind)
    {
    case CHILD_STAGE:
      return "SELECT stage, effective FROM service_line_stage WHERE service_line_id = ? ORDER BY effective";
    case CHILD_DOTTED_LINE:
      return "SELECT m.code FROM post_dotted_line d JOIN post m ON m.id = d.manager_id WHERE d.post_id = ? ORDER BY m.code";
    case CHILD_MAPPING:
      return "SELECT t.code, m.method, m.effective FROM post_mapping m JOIN post t ON t.id = m.target_id"
             " WHERE m.post_id = ? ORDER BY t.code";
    case CHILD_ASSIGNMENT:
      return "SELECT p.code, a.fte, a.from_date, a.to_date FROM assignment a JOIN post p ON p.id = a.post_id"
             " WHERE a.person_id = ? ORDER BY p.code, a.from_date, a.to_date, a.fte";
    case CHILD_DEPENDENCY:
      return "SELECT m.code FROM milestone_dependency d JOIN milestone m ON m.id = d.depends_on_id"
             " WHERE d.milestone_id = ? ORDER BY m.code";
    default:
      g_assert_not_reached ();
    }
}

static char *
field_expr (const FieldDef *f)
{
  switch (f->type)
    {
    case FIELD_REF:
    case FIELD_SELF_REF:
      return g_strdup_printf ("(SELECT r.code FROM %s r WHERE r.id = t.%s)", f->ref_table, f->column);
    case FIELD_OWNER:
      return g_strdup_printf ("(SELECT c.code || ':' || p.employee_number FROM person p"
                              " JOIN council c ON c.id = p.employer_id WHERE p.id = t.%s)", f->column);
    default:
      return g_strdup_printf ("t.%s", f->column);
    }
}

static char *
format_field (const FieldDef *f,
              sqlite3_stmt   *stmt,
              int             column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  switch (f->type)
    {
    case FIELD_MONEY:
      return cyd_money_to_string (sqlite3_column_int64 (stmt, column));
    case FIELD_FTE:
      return cyd_fte_to_string (sqlite3_column_int64 (stmt, column));
    case FIELD_INT:
    case FIELD_YEAR:
      return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
    default:
      return g_strdup (cyd_stmt_text (stmt, column));
    }
}

typedef struct {
  xmlTextWriterPtr  writer;
  gboolean          failed;
} Out;

static void
start (Out        *out,
       const char *element)
{
  if (xmlTextWriterStartElement (out->writer, BAD_CAST element) < 0)
    out->failed = TRUE;
}

static void
end (Out *out)
{
  if (xmlTextWriterEndElement (out->writer) < 0)
    out->failed = TRUE;
}

static void
attribute (Out        *out,
           const char *name,
           const char *value)
{
  if (value != NULL && xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST value) < 0)
    out->failed = TRUE;
}

static void
write_texts (Out          *out,
             const char   *element,
             sqlite3_stmt *stmt,
             int           column)
{
  static const char * const langs[] = { "en", "cy" };

  for (guint i = 0; i < 2; i++)
    {
      const char *text = cyd_stmt_text (stmt, column + i);

      if (text == NULL)
        continue;
      start (out, element);
      attribute (out, "lang", langs[i]);
      if (xmlTextWriterWriteString (out->writer, BAD_CAST text) < 0)
        out->failed = TRUE;
      end (out);
    }
}

static gboolean
write_children (CydStore       *store,
                Out            *out,
                const ChildDef *child_def,
                gint64          id,
                GError        **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, child_sql (child_def->kind), error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int column = 0;

      start (out, child_def->element);
      for (const FieldDef *f = child_def->fields; f->attr != NULL; f++, column++)
        {
          g_autofree char *value = format_field (f, stmt, column);
          attribute (out, f->attr, value);
        }
      end (out);
    }
  return TRUE;
}

static gboolean
write_section (CydStore         *store,
               Out              *out,
               const RecordDef  *def,
               GCancellable     *cancellable,
               GError          **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT t.id");
  g_autoptr(CydStmt) stmt = NULL;
  gboolean started = FALSE;

  for (const FieldDef *f = def->fields; f->attr != NULL; f++)
    {
      g_autofree char *expr = field_expr (f);
      g_string_append_printf (sql, ", %s", expr);
    }
  if (def->text_column != NULL)
    g_string_append_printf (sql, ", t.%s_en, t.%s_cy", def->text_column, def->text_column);
  if (def->text2_column != NULL)
    g_string_append_printf (sql, ", t.%s_en, t.%s_cy", def->text2_column, def->text2_column);
  g_string_append_printf (sql, " FROM %s t ORDER BY %s", def->table, record_order (def->kind));

  stmt = cyd_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int column = 1;

      if (!started)
        {
          start (out, def->section);
          started = TRUE;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      start (out, def->element);
      for (const FieldDef *f = def->fields; f->attr != NULL; f++, column++)
        {
          g_autofree char *value = format_field (f, stmt, column);
          attribute (out, f->attr, value);
        }
      if (def->text_column != NULL)
        {
          write_texts (out, def->text_element, stmt, column);
          column += 2;
        }
      if (def->text2_column != NULL)
        write_texts (out, def->text2_element, stmt, column);
      for (const ChildDef *c = def->children; c != NULL && c->element != NULL; c++)
        if (!write_children (store, out, c, id, error))
          return FALSE;
      end (out);

      if (out->failed)
        break;
    }

  if (started)
    end (out);
  return TRUE;
}

static int
write_to_stream (void       *context,
                 const char *buffer,
                 int         len)
{
  GOutputStream *stream = context;
  gsize written = 0;

  if (!g_output_stream_write_all (stream, buffer, len, &written, NULL, NULL))
    return -1;
  return (int) written;
}

static int
close_nothing (void *context)
{
  return 0;
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
  g_autoptr(xmlTextWriter) writer = NULL;
  xmlOutputBufferPtr buffer;
  Out out = { NULL, FALSE };
  gboolean ok = TRUE;
  gboolean owns_transaction;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  cyd_xml_init ();
  buffer = xmlOutputBufferCreateIO (write_to_stream, close_nothing, stream, NULL);
  writer = xmlNewTextWriter (buffer);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  out.writer = writer;

  owns_transaction = !cyd_store_in_transaction (store);
  if (owns_transaction && !cyd_store_exec (store, "BEGIN", error))
    return FALSE;

  if (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0)
    out.failed = TRUE;
  start (&out, "cyd");
  attribute (&out, "xmlns", "urn:cyd:1");
  attribute (&out, "version", "1");
  attribute (&out, "source", "Cyd");

  for (guint i = 0; ok && !out.failed && i < cyd_n_record_defs; i++)
    ok = write_section (store, &out, &cyd_record_defs[i], cancellable, error);

  end (&out);
  if (xmlTextWriterEndDocument (writer) < 0 || xmlTextWriterFlush (writer) < 0)
    out.failed = TRUE;

  if (owns_transaction)
    cyd_store_exec (store, "COMMIT", NULL);

  if (ok && out.failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The export could not be written."));
      ok = FALSE;
    }
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
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!cyd_export_to_stream (store, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable leaves the old file in place. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}
