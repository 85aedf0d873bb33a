/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include "cyd-importer.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>

#include "cyd-date.h"
#include "cyd-importer-private.h"

#define CYD_NS          "urn:cyd:1"
#define MAX_PROBLEMS    1000
#define IMPORT_CACHE_KIB 2048

struct _CydImporter
{
  GObject                parent_instance;

  CydStore              *store;
  gboolean               dry_run;
  CydImportCounts        counts[CYD_N_RECORD_KINDS];
  GPtrArray             *problems;
  CydImportProgressFunc  progress_func;
  gpointer               progress_data;
};

G_DEFINE_FINAL_TYPE (CydImporter, cyd_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cyd-import-error-quark, cyd_import_error)

/* Reading the file: bytes pass through here, so the checksum and the
 * progress come for free. */
typedef struct {
  GInputStream *stream;
  GCancellable *cancellable;
  GChecksum    *checksum;
  goffset       size;
  goffset       read;
  GError       *error;
  guint8       *head;        /* the first bytes, read ahead to check the prolog */
  gsize         head_len;
  gsize         head_pos;
} Source;

#define HEAD_SIZE 65536

static int
read_source (void *context,
             char *buffer,
             int   len)
{
  Source *source = context;
  gssize n;

  if (source->head_pos < source->head_len)
    {
      n = MIN ((gsize) len, source->head_len - source->head_pos);
      memcpy (buffer, source->head + source->head_pos, n);
      source->head_pos += n;
      source->read += n;
      return (int) n;
    }

  n = g_input_stream_read (source->stream, buffer, len, source->cancellable,
                           source->error == NULL ? &source->error : NULL);
  if (n < 0)
    return -1;
  g_checksum_update (source->checksum, (const guchar *) buffer, n);
  source->read += n;
  return (int) n;
}

static int
close_source (void *context)
{
  return 0;
}

void
import_problem (ImportRun  *run,
                int         line,
                int         column,
                const char *format,
                ...)
{
  Problem problem = { line, column, NULL, FALSE };
  va_list args;

  if (run->n_problems >= MAX_PROBLEMS)
    {
      run->too_many = TRUE;
      return;
    }
  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (run->problems, problem);
  run->n_problems++;
}

CydImportCounts *
import_counts (ImportRun *run,
               CydKind    kind)
{
  return &run->importer->counts[g_bit_nth_lsf (kind, -1)];
}

static char *
quoted_name (const char *message,
             const char *after)
{
  const char *start = strstr (message, after);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (after);
  if ((end = strchr (start, '\'')) == NULL)
    return NULL;
  if (*start == '{')
    {
      const char *close = memchr (start, '}', end - start);
      if (close != NULL)
        start = close + 1;
    }
  return g_strndup (start, end - start);
}

static char *
schema_message (const xmlError *err)
{
  g_autofree char *element = quoted_name (err->message, "Element '");
  g_autofree char *attr = quoted_name (err->message, "attribute '");
  g_autofree char *value = quoted_name (err->message, "The value '");
  g_autofree char *detail = g_strstrip (g_strdup (err->message));
  const char *el = element != NULL ? element : "?";

  switch (err->code)
    {
    case XML_SCHEMAV_ELEMENT_CONTENT:
      if (strstr (err->message, "Missing child") != NULL)
        return g_strdup_printf (_("<%s> is missing an element the format requires."), el);
      return g_strdup_printf (_("<%s> is not expected here."), el);
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
      return g_strdup_printf (_("<%s> has an attribute “%s” that the format does not know."),
                              el, attr != NULL ? attr : "?");
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      return g_strdup_printf (_("<%s> needs the attribute “%s”."), el, attr != NULL ? attr : "?");
    case XML_SCHEMAV_CVC_IDC:
      return g_strdup_printf (_("<%s> repeats a key that appears earlier in this file."), el);
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
    case XML_SCHEMAV_CVC_ATTRIBUTE_3:
    case XML_SCHEMAV_CVC_FACET_VALID:
    case XML_SCHEMAV_CVC_MININCLUSIVE_VALID:
    case XML_SCHEMAV_CVC_MAXINCLUSIVE_VALID:
      if (value != NULL)
        return g_strdup_printf (_("<%s>: the value “%s” is not allowed here."), el, value);
      break;
    default:
      break;
    }
  return g_strdup_printf (_("<%s> does not follow the Cyd format (%s)."), el, detail);
}

static char *
parser_message (const xmlError *err)
{
  g_autofree char *detail = g_strstrip (g_strdup (err->message != NULL ? err->message : ""));

  switch (err->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("The file is empty."));
    case XML_ERR_DOCUMENT_START:
      return g_strdup (_("This is not an XML file."));
    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("There is more in the file after its last element."));
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return g_strdup (_("The file has characters that are not valid UTF-8 text."));
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_PE_INTERNAL:
      return g_strdup (_("The file uses an entity. Only &lt; &gt; &amp; &apos; &quot; and character references are allowed."));
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_LTSLASH_REQUIRED:
      if (strstr (detail, "Premature end") != NULL || strstr (detail, "EOF") != NULL)
        return g_strdup (_("The file ends too early: it may have been cut short."));
      break;
    default:
      break;
    }
  return g_strdup_printf (_("The file is not well-formed XML (%s)."), detail);
}

static void
on_xml_error (void           *user_data,
              const xmlError *err)
{
  ImportRun *run = user_data;
  Problem problem = { err->line, err->int2, NULL, FALSE };

  /* Duplicate keys are the importer's to report, where they start. */
  if (err->level == XML_ERR_WARNING || err->code == XML_SCHEMAV_CVC_IDC)
    return;
  if (run->n_problems >= MAX_PROBLEMS)
    {
      run->too_many = TRUE;
      return;
    }
  if (err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_VALID)
    {
      problem.message = schema_message (err);
      problem.from_schema = TRUE;
    }
  else
    {
      /* After the first, a parser's errors only echo it. */
      if (run->parser_failed)
        return;
      run->parser_failed = TRUE;
      problem.message = parser_message (err);
    }
  g_array_append_val (run->problems, problem);
  run->n_problems++;
}

/* The importer checks every key's uniqueness itself (in SQL, with a message
 * that names the key), so the schema's xs:unique constraints are dropped
 * before it is compiled: libxml2 would keep a table of every key in memory
 * and compare them again, for a third of the import's time. */
static void
strip_unique (xmlNodePtr node)
{
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, (const xmlChar *) "unique"))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else
        strip_unique (child);
      child = next;
    }
}

static xmlSchemaPtr
load_schema (void)
{
  static xmlSchemaPtr schema;
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);

  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = cyd_resource_lookup ("schema/cyd-1.xsd");
      g_autoptr(xmlSchemaParserCtxt) ctxt = NULL;
      xmlDocPtr doc;

      doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "cyd-1.xsd", NULL,
                           XML_PARSE_NONET);
      g_assert (doc != NULL);
      strip_unique (xmlDocGetRootElement (doc));
      ctxt = xmlSchemaNewDocParserCtxt (doc);
      schema = xmlSchemaParse (ctxt);
      g_assert (schema != NULL);
      /* the compiled schema keeps pointers into its document: it stays */
    }
  return schema;
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  ImportRun        *run;
  xmlTextReaderPtr  reader;
  const RecordDef  *section;
  Record           *record;
  int               text_slot;     /* 0, 1 for text; 2, 3 for text2; -1 none */
  GString          *text;
  gboolean          stop;
} Walk;

static void
attr_free (gpointer data)
{
  Attr *attr = data;

  g_free (attr->name);
  g_free (attr->value);
  g_free (attr);
}

static void
child_free (gpointer data)
{
  Child *child = data;

  g_ptr_array_unref (child->attrs);
  g_free (child);
}

static void
record_free (Record *record)
{
  g_ptr_array_unref (record->attrs);
  g_ptr_array_unref (record->children);
  for (guint i = 0; i < 2; i++)
    {
      g_free (record->text[i]);
      g_free (record->text2[i]);
    }
  g_free (record);
}

static int
reader_line (xmlTextReaderPtr reader)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (reader);
}

static GPtrArray *
read_attributes (xmlTextReaderPtr reader)
{
  GPtrArray *attrs = g_ptr_array_new_with_free_func (attr_free);

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      Attr *attr;

      if (xmlTextReaderIsNamespaceDecl (reader))
        continue;
      attr = g_new0 (Attr, 1);
      attr->name = g_strdup ((const char *) xmlTextReaderConstName (reader));
      attr->value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
      g_ptr_array_add (attrs, attr);
    }
  xmlTextReaderMoveToElement (reader);
  return attrs;
}

static const char *
attr_value (GPtrArray  *attrs,
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

static void
start_root (Walk *walk)
{
  ImportRun *run = walk->run;
  xmlTextReaderPtr reader = walk->reader;
  const char *local = (const char *) xmlTextReaderConstLocalName (reader);
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  g_autoptr(GPtrArray) attrs = NULL;
  const char *version, *as_at;
  int line = reader_line (reader);
  int column = xmlTextReaderGetParserColumnNumber (reader);

  if (g_strcmp0 (local, "cyd") != 0 || g_strcmp0 (ns, CYD_NS) != 0)
    {
      BadRange range = { 1, line };

      import_problem (run, line, column,
                      _("This is not a Cyd file: its root element must be <cyd> in the namespace “%s”."),
                      CYD_NS);
      g_array_append_val (run->bad_ranges, range);
      walk->stop = TRUE;
      return;
    }

  attrs = read_attributes (reader);
  version = attr_value (attrs, "version");
  if (g_strcmp0 (version, "1") != 0)
    {
      BadRange range = { 1, line };

      import_problem (run, line, column,
                      _("This file is in version “%s” of the Cyd format; this version of Cyd reads version 1."),
                      version != NULL ? version : "");
      g_array_append_val (run->bad_ranges, range);
      walk->stop = TRUE;
      return;
    }
  as_at = attr_value (attrs, "as-at");
  if (as_at != NULL)
    {
      if (!cyd_date_is_valid_iso (as_at))
        import_problem (run, line, column,
                        _("<cyd>: “as-at” must be a real date written YYYY-MM-DD, not “%s”."), as_at);
      else
        run->as_at = g_strdup (as_at);
    }
}

static void
start_section (Walk *walk)
{
  ImportRun *run = walk->run;
  const char *local = (const char *) xmlTextReaderConstLocalName (walk->reader);

  walk->section = NULL;
  for (guint i = 0; i < cyd_n_record_defs; i++)
    if (g_str_equal (cyd_record_defs[i].section, local))
      walk->section = &cyd_record_defs[i];

  run->snapshot_employer = 0;
  if (walk->section != NULL && walk->section->kind == CYD_KIND_STAFF)
    {
      g_autoptr(GPtrArray) attrs = read_attributes (walk->reader);
      const char *employer = attr_value (attrs, "employer");
      const char *snapshot = attr_value (attrs, "snapshot");
      int line = reader_line (walk->reader);
      int column = xmlTextReaderGetParserColumnNumber (walk->reader);

      if (g_strcmp0 (snapshot, "true") == 0 || g_strcmp0 (snapshot, "1") == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CydStmt) stmt = cyd_store_prepare (run->store, "SELECT id FROM council WHERE code = ?", &error);

          run->snapshot_line = line;
          run->snapshot_column = column;
          if (employer == NULL)
            import_problem (run, line, column, _("<staff>: a snapshot needs the attribute “employer”."));
          else if (run->as_at == NULL)
            import_problem (run, line, column,
                            _("<staff>: a snapshot needs the date it describes, in the “as-at” attribute of <cyd>."));
          else if (stmt != NULL)
            {
              sqlite3_bind_text (stmt, 1, employer, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                run->snapshot_employer = sqlite3_column_int64 (stmt, 0);
              else
                import_problem (run, line, column,
                                _("<staff>: the employer “%s” is neither in this file nor in the programme."),
                                employer);
            }
        }
    }
}

static void
start_record (Walk *walk)
{
  const char *local = (const char *) xmlTextReaderConstLocalName (walk->reader);
  Record *record;

  if (walk->section == NULL || !g_str_equal (local, walk->section->element))
    return;   /* the schema reports it */

  record = g_new0 (Record, 1);
  record->def = walk->section;
  record->line = reader_line (walk->reader);
  record->column = xmlTextReaderGetParserColumnNumber (walk->reader);
  record->attrs = read_attributes (walk->reader);
  record->children = g_ptr_array_new_with_free_func (child_free);
  record->end_line = record->line;
  walk->record = record;
}

static void
start_record_child (Walk *walk)
{
  Record *record = walk->record;
  const RecordDef *def = record->def;
  const char *local = (const char *) xmlTextReaderConstLocalName (walk->reader);
  gboolean is_text = g_strcmp0 (local, def->text_element) == 0;
  gboolean is_text2 = g_strcmp0 (local, def->text2_element) == 0;

  walk->text_slot = -1;
  record->end_line = MAX (record->end_line, reader_line (walk->reader));
  if (is_text || is_text2)
    {
      g_autoptr(GPtrArray) attrs = read_attributes (walk->reader);
      const char *lang = attr_value (attrs, "lang");
      int slot = g_strcmp0 (lang, "en") == 0 ? 0 : g_strcmp0 (lang, "cy") == 0 ? 1 : -1;
      char **texts = is_text ? record->text : record->text2;
      int line = reader_line (walk->reader);
      int column = xmlTextReaderGetParserColumnNumber (walk->reader);

      if (slot < 0)
        {
          import_problem (walk->run, line, column,
                          _("<%s> needs lang=\"en\" or lang=\"cy\"."), local);
          record->bad = TRUE;
        }
      else if (texts[slot] != NULL)
        {
          import_problem (walk->run, line, column,
                          _("<%s> appears twice in the same language (“%s”) in one record."), local, lang);
          record->bad = TRUE;
        }
      else
        {
          walk->text_slot = slot + (is_text ? 0 : 2);
          record->text_line[walk->text_slot] = line;
          g_string_truncate (walk->text, 0);
          if (xmlTextReaderIsEmptyElement (walk->reader))
            {
              texts[slot] = g_strdup ("");
              walk->text_slot = -1;
            }
        }
      return;
    }

  for (const ChildDef *child_def = def->children; child_def != NULL && child_def->element != NULL; child_def++)
    if (g_str_equal (child_def->element, local))
      {
        Child *child = g_new0 (Child, 1);

        child->def = child_def;
        child->line = reader_line (walk->reader);
        child->column = xmlTextReaderGetParserColumnNumber (walk->reader);
        child->attrs = read_attributes (walk->reader);
        g_ptr_array_add (record->children, child);
      }
}

static void
end_text (Walk *walk)
{
  char **texts;

  if (walk->text_slot < 0 || walk->record == NULL)
    return;
  texts = walk->text_slot < 2 ? walk->record->text : walk->record->text2;
  texts[walk->text_slot % 2] = g_strdup (walk->text->str);
  walk->text_slot = -1;
}

static void
end_record (Walk *walk)
{
  if (walk->record == NULL)
    return;
  import_write_record (walk->run, walk->record);
  g_clear_pointer (&walk->record, record_free);
}

static void
end_section (Walk *walk)
{
  if (walk->section != NULL)
    import_finish_section (walk->run, walk->section);
  walk->section = NULL;
}

static void
on_element (Walk *walk,
            int   depth,
            int   type)
{
  gboolean empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (walk->reader);
  gboolean end = type == XML_READER_TYPE_END_ELEMENT || empty;

  if (type == XML_READER_TYPE_ELEMENT)
    {
      if (g_strcmp0 ((const char *) xmlTextReaderConstNamespaceUri (walk->reader), CYD_NS) != 0 && depth > 0)
        return;   /* the schema reports it */
      switch (depth)
        {
        case 0: start_root (walk); break;
        case 1: start_section (walk); break;
        case 2: start_record (walk); break;
        case 3: if (walk->record != NULL) start_record_child (walk); break;
        default: break;
        }
    }

  if (end)
    {
      switch (depth)
        {
        case 1: end_section (walk); break;
        case 2: end_record (walk); break;
        case 3: end_text (walk); break;
        default: break;
        }
    }
}

static gboolean
read_head (Source  *source,
           GError **error)
{
  gsize n = 0;

  source->head = g_malloc (HEAD_SIZE);
  if (!g_input_stream_read_all (source->stream, source->head, HEAD_SIZE, &n,
                                source->cancellable, error))
    return FALSE;
  source->head_len = n;
  g_checksum_update (source->checksum, source->head, n);
  return TRUE;
}

static gboolean
skip_past (const char **p,
           const char  *end,
           const char  *marker)
{
  gsize len = strlen (marker);

  for (; *p + len <= end; (*p)++)
    if (memcmp (*p, marker, len) == 0)
      {
        *p += len;
        return TRUE;
      }
  return FALSE;
}

static int
count_lines (const char *start,
             const char *end)
{
  int lines = 1;

  for (const char *p = start; p < end; p++)
    lines += *p == '\n';
  return lines;
}

/* Reads the prolog before any parser does: a DOCTYPE is refused before
 * libxml2 could act on it, and so are files that are not UTF-8. */
static gboolean
check_prolog (ImportRun *run,
              Source    *source)
{
  const char *start = (const char *) source->head;
  const char *end = start + source->head_len;
  const char *p = start;

  if (source->head_len == 0)
    {
      import_problem (run, 1, 1, _("The file is empty."));
      return FALSE;
    }
  if (source->head_len >= 2 && ((guint8) p[0] == 0xFF || (guint8) p[0] == 0xFE || p[1] == '\0' || p[0] == '\0'))
    {
      import_problem (run, 1, 1, _("The file must be in UTF-8, not UTF-16 or another encoding."));
      return FALSE;
    }
  if (source->head_len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          if (!skip_past (&p, end, "?>"))
            break;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          if (!skip_past (&p, end, "-->"))
            break;
        }
      else if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        {
          import_problem (run, count_lines (start, p), 1,
                          _("The file has a DOCTYPE declaration. Cyd refuses DOCTYPEs, so that a file cannot make it expand entities or fetch other files."));
          return FALSE;
        }
      else
        break;   /* the root element, or something the parser will refuse */
    }
  return TRUE;
}

static gboolean
walk_file (ImportRun     *run,
           Source        *source,
           GCancellable  *cancellable,
           GError       **error)
{
  CydImporter *self = run->importer;
  g_autoptr(xmlTextReader) reader = NULL;
  Walk walk = { run, NULL, NULL, NULL, -1, NULL, FALSE };
  gboolean checked_encoding = FALSE;
  gboolean saw_root = FALSE;
  guint64 nodes = 0;
  double last_fraction = -1;
  int ret = 0;

  if (!read_head (source, error))
    return FALSE;
  if (!check_prolog (run, source))
    return TRUE;

  reader = xmlReaderForIO (read_source, close_source, source, run->display_name, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
  if (reader == NULL)
    {
      g_set_error_literal (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_FAILED,
                           _("The file could not be read."));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, (xmlStructuredErrorFunc) on_xml_error, run);
  if (xmlTextReaderSetSchema (reader, load_schema ()) != 0)
    {
      g_set_error_literal (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_FAILED,
                           _("The Cyd format's schema could not be loaded."));
      return FALSE;
    }

  walk.reader = reader;
  walk.text = g_string_new (NULL);
  /* Some parser errors reach only the thread's handler, not the reader's. */
  xmlSetStructuredErrorFunc (run, (xmlStructuredErrorFunc) on_xml_error);

  while (!walk.stop && !run->too_many && (ret = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      if (!checked_encoding)
        {
          const char *encoding = (const char *) xmlTextReaderConstEncoding (reader);

          checked_encoding = TRUE;
          if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
            {
              import_problem (run, 1, 1, _("The file must be in UTF-8, not %s."), encoding);
              break;
            }
        }

      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          import_problem (run, reader_line (reader), 1,
                          _("The file has a DOCTYPE declaration. Cyd refuses DOCTYPEs, so that a file cannot make it expand entities or fetch other files."));
          walk.stop = TRUE;
          break;
        case XML_READER_TYPE_ENTITY_REFERENCE:
          import_problem (run, reader_line (reader), 1,
                          _("The file uses an entity. Only &lt; &gt; &amp; &apos; &quot; and character references are allowed."));
          walk.stop = TRUE;
          break;
        case XML_READER_TYPE_ELEMENT:
        case XML_READER_TYPE_END_ELEMENT:
          saw_root = TRUE;
          on_element (&walk, depth, type);
          break;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
          if (walk.text_slot >= 0)
            g_string_append (walk.text, (const char *) xmlTextReaderConstValue (reader));
          break;
        default:
          break;
        }

      if (++nodes % 512 == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            break;
          if (self->progress_func != NULL && source->size > 0)
            {
              double fraction = (double) source->read / source->size;
              if (fraction - last_fraction >= 0.005)
                {
                  self->progress_func (MIN (fraction, 1.0), self->progress_data);
                  last_fraction = fraction;
                }
            }
        }
    }

  xmlSetStructuredErrorFunc (NULL, NULL);
  g_clear_pointer (&walk.record, record_free);
  g_string_free (walk.text, TRUE);

  /* Never let a file pass that the parser gave up on in silence. */
  if (run->n_problems == 0 && !g_cancellable_is_cancelled (cancellable) && source->error == NULL)
    {
      if (ret < 0)
        import_problem (run, xmlTextReaderGetParserLineNumber (reader), xmlTextReaderGetParserColumnNumber (reader),
                        _("The file is not well-formed XML; reading stopped here."));
      else if (!saw_root)
        import_problem (run, 1, 1, _("This is not a Cyd file: it has no <cyd> element."));
    }

  if (source->error != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&source->error),
                                  _("The file could not be read: "));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->column < pb->column ? -1 : pa->column > pb->column;
}

static gboolean
in_bad_range (ImportRun *run,
              int        line)
{
  for (guint i = 0; i < run->bad_ranges->len; i++)
    {
      BadRange *range = &g_array_index (run->bad_ranges, BadRange, i);
      if (line >= range->start && line <= range->end)
        return TRUE;
    }
  return FALSE;
}

/* The importer's own messages say more than the schema's: where both speak
 * of one record, keep the importer's. */
static void
collect_problems (ImportRun *run)
{
  GPtrArray *out = run->importer->problems;

  g_array_sort (run->problems, compare_problems);
  for (guint i = 0; i < run->problems->len; i++)
    {
      Problem *p = &g_array_index (run->problems, Problem, i);

      if (p->from_schema && in_bad_range (run, p->line))
        continue;
      g_ptr_array_add (out, g_strdup_printf ("%s:%d:%d: %s", run->display_name,
                                             MAX (p->line, 1), MAX (p->column, 1), p->message));
    }
  if (run->too_many)
    g_ptr_array_add (out, g_strdup_printf (_("%s: there are more than %d problems; the rest are not listed."),
                                           run->display_name, MAX_PROBLEMS));
}

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static gboolean
record_run (ImportRun    *run,
            const char   *file_name,
            const char   *sha256,
            GError      **error)
{
  CydImportCounts total = cyd_importer_get_total (run->importer);
  g_autofree char *now = cyd_now_iso ();
  g_autoptr(CydStmt) stmt = NULL;

  stmt = cyd_store_prepare (run->store,
                            "INSERT INTO import_run (at, user_name, file_name, sha256, added, changed, unchanged, left_)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cyd_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, total.added);
  sqlite3_bind_int64 (stmt, 6, total.changed);
  sqlite3_bind_int64 (stmt, 7, total.unchanged);
  sqlite3_bind_int64 (stmt, 8, total.left);
  return cyd_stmt_step_done (run->store, stmt, error);
}

/* ---- the object ------------------------------------------------------- */

static void
cyd_importer_finalize (GObject *object)
{
  CydImporter *self = (CydImporter *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_importer_parent_class)->finalize (object);
}

static void
cyd_importer_class_init (CydImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_importer_finalize;
}

static void
cyd_importer_init (CydImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

CydImporter *
cyd_importer_new (CydStore *store)
{
  CydImporter *self;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* A dry run reads and checks the whole file and counts what it would do,
 * then writes nothing. */
void
cyd_importer_set_dry_run (CydImporter *self,
                          gboolean     dry_run)
{
  g_return_if_fail (CYD_IS_IMPORTER (self));

  self->dry_run = !!dry_run;
}

gboolean
cyd_importer_get_dry_run (CydImporter *self)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), FALSE);

  return self->dry_run;
}

void
cyd_importer_set_progress_func (CydImporter           *self,
                                CydImportProgressFunc  func,
                                gpointer               user_data)
{
  g_return_if_fail (CYD_IS_IMPORTER (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

/* The import's page caches are bounded, so its memory stays flat whatever
 * the file's size (measured: 18 MB for 10,000 staff and for 100,000). A
 * larger cache bought little once the savepoint's statement journals were
 * gone (see cyd_importer_import_file()). */
static void
set_import_cache (CydStore *store,
                  gboolean  importing)
{
  cyd_store_exec (store, importing ? "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB)
                                   : "PRAGMA cache_size = -2000", NULL);
  cyd_store_exec (store, importing ? "PRAGMA temp.cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB)
                                   : "PRAGMA temp.cache_size = -2000", NULL);
}

static gboolean
import_stream (CydImporter   *self,
               ImportRun     *run,
               Source        *source,
               GCancellable  *cancellable,
               GError       **error)
{
  if (!import_prepare_tables (run, error))
    return FALSE;
  if (!walk_file (run, source, cancellable, error))
    return FALSE;

  collect_problems (run);
  if (self->problems->len > 0)
    {
      g_set_error (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” was refused because of %u problem; nothing was imported.",
                                "“%s” was refused because of %u problems; nothing was imported.",
                                self->problems->len),
                   run->display_name, self->problems->len);
      return FALSE;
    }
  return TRUE;
}

/**
 * cyd_importer_import_file:
 *
 * Imports @file in one transaction: all of it or none of it. On refusal,
 * @error is %CYD_IMPORT_ERROR_INVALID and cyd_importer_get_problems() lists
 * every problem found, located as file:line:column.
 */
gboolean
cyd_importer_import_file (CydImporter   *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *file_name = NULL;
  ImportRun run = { 0 };
  Source source = { 0 };
  gboolean owns_transaction;
  gboolean ok;

  g_return_val_if_fail (CYD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cyd_xml_init ();
  memset (self->counts, 0, sizeof self->counts);
  g_ptr_array_set_size (self->problems, 0);

  display_name = g_file_get_basename (file);
  file_name = g_file_get_path (file);
  if (file_name == NULL)
    file_name = g_file_get_uri (file);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);

  source.stream = G_INPUT_STREAM (stream);
  source.cancellable = cancellable;
  source.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  source.size = info != NULL ? g_file_info_get_size (info) : 0;

  run.importer = self;
  run.store = self->store;
  run.display_name = display_name;
  run.problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (run.problems, problem_clear);
  run.bad_ranges = g_array_new (FALSE, FALSE, sizeof (BadRange));
  run.failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  owns_transaction = !cyd_store_in_transaction (self->store);
  set_import_cache (self->store, TRUE);
  /* A savepoint only when inside someone else's transaction: while one is
   * open, SQLite keeps every statement's journal until it is released, and
   * a large import would write gigabytes of them. */
  ok = owns_transaction ? cyd_store_begin (self->store, error)
                        : cyd_store_exec (self->store, "SAVEPOINT cyd_import", error);

  if (ok)
    {
      ok = import_stream (self, &run, &source, cancellable, error);
      if (ok && !self->dry_run)
        ok = record_run (&run, file_name, g_checksum_get_string (source.checksum), error);

      if (!owns_transaction)
        {
          if (!ok || self->dry_run)
            cyd_store_exec (self->store, "ROLLBACK TO cyd_import", NULL);
          cyd_store_exec (self->store, "RELEASE cyd_import", NULL);
        }
      else
        {
          if (ok && !self->dry_run)
            ok = cyd_store_commit (self->store, error);
          else
            cyd_store_rollback (self->store);
        }
    }

  set_import_cache (self->store, FALSE);
  if (ok && !self->dry_run && owns_transaction)
    cyd_store_notify_changed (self->store, CYD_KIND_ALL);

  if (self->progress_func != NULL)
    self->progress_func (1.0, self->progress_data);

  g_checksum_free (source.checksum);
  g_clear_error (&source.error);
  g_free (source.head);
  g_hash_table_unref (run.failed);
  for (guint i = 0; i < G_N_ELEMENTS (run.find_sql); i++)
    g_free (run.find_sql[i]);
  g_free (run.as_at);
  g_array_unref (run.problems);
  g_array_unref (run.bad_ranges);
  return ok;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CydImporter *self = source_object;
  GFile *file = task_data;
  GError *error = NULL;

  if (cyd_importer_import_file (self, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs cyd_importer_import_file() in a worker thread. The importer's store
 * must not be used by anyone else until it finishes: give it a store of its
 * own, opened on the same file. */
void
cyd_importer_import_async (CydImporter         *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CYD_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cyd_importer_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
cyd_importer_import_finish (CydImporter   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const CydImportCounts *
cyd_importer_get_counts (CydImporter *self,
                         CydKind      kind)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (kind != 0 && (kind & (kind - 1)) == 0 && kind < CYD_KIND_IMPORT_RUN, NULL);

  return &self->counts[g_bit_nth_lsf (kind, -1)];
}

CydImportCounts
cyd_importer_get_total (CydImporter *self)
{
  CydImportCounts total = { 0 };

  for (guint i = 0; i < CYD_N_RECORD_KINDS; i++)
    {
      total.added += self->counts[i].added;
      total.changed += self->counts[i].changed;
      total.unchanged += self->counts[i].unchanged;
      total.left += self->counts[i].left;
    }
  return total;
}

/* Every problem of the last import, "file:line:column: message". */
GPtrArray *
cyd_importer_get_problems (CydImporter *self)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);

  return self->problems;
}

static char *
format_counts (const CydImportCounts *c)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", c->added), c->added);
  g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", c->changed), c->changed);
  g_autofree char *unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", c->unchanged), c->unchanged);
  /* Translators: members of staff marked as having left their employer
   * (leavers), because a snapshot of the employer's staff omitted them. */
  g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left", "%u left", c->left), c->left);

  /* Translators: the four counts of an import, e.g. "3 added, 1 changed, 40 unchanged, 0 left". */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, changed, unchanged, left);
}

/* A few lines for people: one per kind the file touched, and the total. */
char *
cyd_importer_format_summary (CydImporter *self)
{
  GString *s = g_string_new (NULL);
  CydImportCounts total;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);

  for (guint i = 0; i < CYD_N_RECORD_KINDS; i++)
    {
      const CydImportCounts *c = &self->counts[i];
      g_autofree char *text = NULL;

      if (c->added + c->changed + c->unchanged + c->left == 0)
        continue;
      text = format_counts (c);
      g_string_append_printf (s, "%s: %s\n", cyd_kind_get_label (cyd_kind_from_index (i)), text);
    }
  total = cyd_importer_get_total (self);
  total_text = format_counts (&total);
  g_string_append_printf (s, _("Total: %s"), total_text);
  return g_string_free (s, FALSE);
}
