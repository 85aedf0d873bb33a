/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlerror.h>
#include <nettle/sha2.h>

#include "cyd.h"
#include "cyd-date.h"
#include "cyd-importer-private.h"

/* Reading the file with libxml2's streaming reader, validated against the
 * schema as it goes, into records that the writer takes one at a time. */

#define CYD_NS          "urn:cyd:1"
#define HEAD_SIZE       65536

/* Reading the file: bytes pass through here, so the checksum and the
 * progress come for free. The checksum is nettle's, which uses the
 * processor's SHA instructions where it has them: GChecksum took a sixth of
 * the reading thread's time. */
typedef struct {
  GInputStream *stream;
  GCancellable *cancellable;
  struct sha256_ctx checksum;
  goffset       size;
  goffset       read;
  GError       *error;
  guint8       *head;        /* the first bytes, read ahead to check the prolog */
  gsize         head_len;
  gsize         head_pos;
  int           lines;       /* of the bytes given to the parser so far */
  int           blank_lines; /* of those, how many end after the last text */
  gboolean      at_end;      /* the stream has no more */
} Source;

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
    }
  else
    {
      n = g_input_stream_read (source->stream, buffer, len, source->cancellable,
                               source->error == NULL ? &source->error : NULL);
      if (n < 0)
        return -1;
      source->at_end = n == 0;
      sha256_update (&source->checksum, n, (const uint8_t *) buffer);
    }
  source->read += n;
  for (gssize i = n; i > 0; i--)
    {
      if (buffer[i - 1] == '\n')
        source->blank_lines++;
      else if (!g_ascii_isspace (buffer[i - 1]))
        {
          /* text: only the newlines after it are blank lines */
          source->blank_lines = 0;
          for (gssize j = i; j < n; j++)
            source->blank_lines += buffer[j] == '\n';
          break;
        }
    }
  for (const char *p = buffer; (p = memchr (p, '\n', buffer + n - p)) != NULL; p++)
    source->lines++;
  return (int) n;
}

/* A file whose parser failed on its last line of text with elements still
 * open was cut short: say so rather than what the parser made of the last
 * bytes, and drop what the schema made of them. */
static void
note_cut_short (ImportRun    *run,
                const Source *source)
{
  int last_line = source->lines + 1 - source->blank_lines;
  gboolean cut = FALSE;

  if (!run->parser_failed || !source->at_end)
    return;
  for (guint i = 0; i < run->problems->len; i++)
    {
      Problem *problem = &g_array_index (run->problems, Problem, i);

      if (!problem->from_schema && problem->unclosed && problem->line >= last_line)
        {
          g_free (problem->message);
          problem->message = g_strdup (_("The file ends too early: it may have been cut short."));
          cut = TRUE;
        }
    }
  for (guint i = run->problems->len; cut && i > 0; i--)
    {
      Problem *problem = &g_array_index (run->problems, Problem, i - 1);

      if (problem->from_schema && problem->line >= last_line)
        {
          g_array_remove_index (run->problems, i - 1);
          run->n_problems--;
        }
    }
}

static int
close_source (void *context)
{
  return 0;
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
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      return g_strdup_printf (_("<%s> has text where the format expects only elements."), el);
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
  /* libxml2 explains in English only: others are given its error number. */
  if (g_str_equal (cyd_ui_language (), "en"))
    return g_strdup_printf (_("<%s> does not follow the Cyd format (%s)."), el, detail);
  return g_strdup_printf (_("<%s> does not follow the Cyd format (libxml2 error %d)."), el, err->code);
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
      if (err->code == XML_ERR_TAG_NAME_MISMATCH && err->str1 != NULL && err->str2 != NULL)
        return g_strdup_printf (_("<%s> is closed by </%s>."), err->str1, err->str2);
      break;
    case XML_ERR_NAME_REQUIRED:
      return g_strdup (_("A name is expected here: in text, “<” and “&” are written “&lt;” and “&amp;”, and every tag ends with “>”."));
    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("An attribute’s value has a “<”: it is written “&lt;”."));
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      return g_strdup (_("An attribute’s value is not in quotation marks."));
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      if (err->str1 != NULL)
        return g_strdup_printf (_("The attribute “%s” has no value."), err->str1);
      break;
    case XML_ERR_ATTRIBUTE_REDEFINED:
      if (err->str1 != NULL)
        return g_strdup_printf (_("An element has the attribute “%s” twice."), err->str1);
      break;
    case XML_ERR_UNSUPPORTED_ENCODING:
      if (err->str1 != NULL)
        return g_strdup_printf (_("The file is in the encoding “%s”, which Cyd cannot read: save it as UTF-8."), err->str1);
      break;
    case XML_ERR_RESERVED_XML_NAME:
      return g_strdup (_("The XML declaration must come first in the file, with nothing before it."));
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      if (err->str1 != NULL)
        return g_strdup_printf (_("The prefix “%s” does not name a namespace."), err->str1);
      break;
    default:
      break;
    }
  /* libxml2 explains in English only: others are given its error number. */
  if (g_str_equal (cyd_ui_language (), "en"))
    return g_strdup_printf (_("The file is not well-formed XML (%s)."), detail);
  return g_strdup_printf (_("The file is not well-formed XML (libxml2 error %d)."), err->code);
}

static void
on_xml_error (void           *user_data,
              const xmlError *err)
{
  ImportRun *run = user_data;
  Problem problem = { err->line, err->int2, NULL, FALSE, FALSE };

  /* Duplicate keys are the importer's to report, where they start. */
  if (err->level == XML_ERR_WARNING || err->code == XML_SCHEMAV_CVC_IDC)
    return;
  if (!import_problem_wanted (run))
    return;
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
      problem.unclosed = err->domain == XML_FROM_PARSER && err->ctxt != NULL
                         && ((xmlParserCtxtPtr) err->ctxt)->nameNr > 0;
    }
  g_array_append_val (run->problems, problem);
  run->n_problems++;
}

/* The importer checks what two kinds of the schema's rules check, with
 * messages that say more, so they are dropped before it is compiled:
 *  - xs:unique: every key's uniqueness is checked in SQL; libxml2 would keep
 *    a table of every key in memory and compare them again, for a third of
 *    the import's time;
 *  - xs:pattern: every value with a pattern (codes, owners, money, fte,
 *    dates, years, counts) is parsed as strictly by parse_field(), and
 *    <cyd as-at> and <staff employer> by the reader; libxml2's regular
 *    expressions took a fifth of the reading thread.
 * The rest of the schema (structure, required attributes, lengths, ranges,
 * enumerations) stays. */
static void
strip_checked_rules (xmlNodePtr node)
{
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ELEMENT_NODE &&
          (xmlStrEqual (child->name, (const xmlChar *) "unique") ||
           xmlStrEqual (child->name, (const xmlChar *) "pattern")))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else
        strip_checked_rules (child);
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
      strip_checked_rules (xmlDocGetRootElement (doc));
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
  ImportPipe       *pipe;          /* NULL: each record is written as soon as it is read */
  xmlTextReaderPtr  reader;
  const RecordDef  *section;
  Record           *record;
  Record           *spare;         /* the record read next, without a pipe */
  int               text_slot;     /* 0, 1 for text; 2, 3 for text2; -1 none */
  GString          *text;
  gboolean          stop;
} Walk;

static void
emit (Walk        *walk,
      ImportEvent *event)
{
  if (walk->pipe != NULL)
    import_pipe_push (walk->pipe, event);
  else
    import_apply_event (walk->run, event);
}

static int
reader_line (xmlTextReaderPtr reader)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (reader);
}

/* The root's and sections' attributes, by name: few and rarely read. */
static GPtrArray *
read_attributes (xmlTextReaderPtr reader)
{
  GPtrArray *attrs = g_ptr_array_new_with_free_func (g_free);

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      if (xmlTextReaderIsNamespaceDecl (reader))
        continue;
      g_ptr_array_add (attrs, g_strdup ((const char *) xmlTextReaderConstName (reader)));
      g_ptr_array_add (attrs, g_strdup ((const char *) xmlTextReaderConstValue (reader)));
    }
  xmlTextReaderMoveToElement (reader);
  return attrs;
}

static const char *
attr_value (GPtrArray  *attrs,
            const char *name)
{
  for (guint i = 0; i + 1 < attrs->len; i += 2)
    if (g_str_equal (g_ptr_array_index (attrs, i), name))
      return g_ptr_array_index (attrs, i + 1);
  return NULL;
}

/* Copies a record's or child's attributes into @values, by field; keeps
 * the names of the ones the format does not know, for the checks. */
static void
read_fields (xmlTextReaderPtr  reader,
             Record           *record,
             int               child,
             const FieldDef   *fields,
             const char      **values)
{
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *name;
      int i;

      if (xmlTextReaderIsNamespaceDecl (reader))
        continue;
      name = (const char *) xmlTextReaderConstName (reader);
      for (i = 0; fields[i].attr != NULL; i++)
        if (g_str_equal (fields[i].attr, name))
          break;
      if (fields[i].attr == NULL)
        {
          Unknown unknown = { child, g_string_chunk_insert (record->strings, name) };
          g_array_append_val (record->unknown, unknown);
        }
      else if (values[i] == NULL)
        values[i] = g_string_chunk_insert (record->strings, (const char *) xmlTextReaderConstValue (reader));
    }
  xmlTextReaderMoveToElement (reader);
}

/* The language of a name, title, description or note: 0 for English, 1 for
 * Welsh, -1 for anything else. */
static int
read_lang (xmlTextReaderPtr reader)
{
  int slot = -1;

  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    {
      const char *value;

      if (xmlTextReaderIsNamespaceDecl (reader) ||
          !g_str_equal ((const char *) xmlTextReaderConstName (reader), "lang"))
        continue;
      value = (const char *) xmlTextReaderConstValue (reader);
      slot = g_strcmp0 (value, "en") == 0 ? 0 : g_strcmp0 (value, "cy") == 0 ? 1 : -1;
      break;
    }
  xmlTextReaderMoveToElement (reader);
  return slot;
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
      import_problem (run, line, column,
                      _("This is not a Cyd file: its root element must be <cyd> in the namespace “%s”."),
                      CYD_NS);
      import_bad_range (run, 1, line);
      walk->stop = TRUE;
      return;
    }

  attrs = read_attributes (reader);
  version = attr_value (attrs, "version");
  if (g_strcmp0 (version, "1") != 0)
    {
      import_problem (run, line, column,
                      _("This file is in version “%s” of the Cyd format; this version of Cyd reads version 1."),
                      version != NULL ? version : "");
      import_bad_range (run, 1, line);
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
  const char *local = (const char *) xmlTextReaderConstLocalName (walk->reader);
  g_autoptr(GPtrArray) attrs = NULL;
  ImportEvent event = { EVENT_SECTION };

  walk->section = NULL;
  for (guint i = 0; i < cyd_n_record_defs; i++)
    if (g_str_equal (cyd_record_defs[i].section, local))
      walk->section = &cyd_record_defs[i];

  event.def = walk->section;
  if (walk->section != NULL && walk->section->kind == CYD_KIND_STAFF)
    {
      const char *snapshot;

      attrs = read_attributes (walk->reader);
      snapshot = attr_value (attrs, "snapshot");
      event.employer = (char *) attr_value (attrs, "employer");
      event.snapshot = g_strcmp0 (snapshot, "true") == 0 || g_strcmp0 (snapshot, "1") == 0;
      event.line = reader_line (walk->reader);
      event.column = xmlTextReaderGetParserColumnNumber (walk->reader);
      if (event.employer != NULL
          && !import_check_code_at (walk->run, event.line, event.column, "staff", "employer", event.employer))
        {
          event.employer = NULL;
          event.snapshot = FALSE;
        }
    }
  emit (walk, &event);
}

static void
start_record (Walk *walk)
{
  const char *local = (const char *) xmlTextReaderConstLocalName (walk->reader);
  const RecordDef *def = walk->section;
  Record *record;

  if (def == NULL || !g_str_equal (local, def->element))
    return;   /* the schema reports it */

  if (walk->pipe != NULL)
    record = import_pipe_record (walk->pipe);
  else
    {
      record = walk->spare;
      record_reset (record);
    }
  record->def = def;
  record->line = reader_line (walk->reader);
  record->column = xmlTextReaderGetParserColumnNumber (walk->reader);
  read_fields (walk->reader, record, -1, def->fields, record->attrs);
  record->end_line = record->line;
  walk->record = record;
}

static void
start_text (Walk       *walk,
            const char *local,
            gboolean    is_text)
{
  Record *record = walk->record;
  int slot = read_lang (walk->reader);
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
                      _("<%s> appears twice in the same language (“%s”) in one record."), local,
                      slot == 0 ? "en" : "cy");
      record->bad = TRUE;
    }
  else
    {
      walk->text_slot = slot + (is_text ? 0 : 2);
      record->text_line[walk->text_slot] = line;
      g_string_truncate (walk->text, 0);
      if (xmlTextReaderIsEmptyElement (walk->reader))
        {
          texts[slot] = g_string_chunk_insert (record->strings, "");
          walk->text_slot = -1;
        }
    }
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
      start_text (walk, local, is_text);
      return;
    }

  for (const ChildDef *child_def = def->children; child_def != NULL && child_def->element != NULL; child_def++)
    if (g_str_equal (child_def->element, local))
      {
        Child *child;

        g_array_set_size (record->children, record->children->len + 1);
        child = &g_array_index (record->children, Child, record->children->len - 1);
        memset (child, 0, sizeof *child);
        child->def = child_def;
        child->line = reader_line (walk->reader);
        child->column = xmlTextReaderGetParserColumnNumber (walk->reader);
        read_fields (walk->reader, record, record->children->len - 1, child_def->fields, child->attrs);
      }
}

static void
end_text (Walk *walk)
{
  char **texts;

  if (walk->text_slot < 0 || walk->record == NULL)
    return;
  texts = walk->text_slot < 2 ? walk->record->text : walk->record->text2;
  texts[walk->text_slot % 2] = g_string_chunk_insert_len (walk->record->strings, walk->text->str, walk->text->len);
  walk->text_slot = -1;
}

static void
end_record (Walk *walk)
{
  ImportEvent event = { EVENT_RECORD };

  if (walk->record == NULL)
    return;
  event.def = walk->record->def;
  event.record = g_steal_pointer (&walk->record);
  emit (walk, &event);
}

static void
end_section (Walk *walk)
{
  ImportEvent event = { EVENT_END_SECTION };

  if (walk->section != NULL)
    {
      event.def = walk->section;
      emit (walk, &event);
    }
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
  sha256_update (&source->checksum, n, source->head);
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
      else if (*p != '<')
        {
          /* libxml2 would call text with no markup an empty document */
          const char *line = p;

          while (line > start && line[-1] != '\n')
            line--;
          import_problem (run, count_lines (start, p), (int) (p - line) + 1, _("This is not an XML file."));
          return FALSE;
        }
      else
        break;   /* the root element, or something the parser will refuse */
    }
  if (p == end && source->head_len < HEAD_SIZE)
    {
      /* the whole file read, and nothing in it but spaces, comments and
       * declarations */
      import_problem (run, 1, 1, _("The file is empty."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
walk_file (ImportRun     *run,
           Source        *source,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(xmlTextReader) reader = NULL;
  Walk walk = { run, NULL, NULL, NULL, NULL, NULL, -1, NULL, FALSE };
  gboolean checked_encoding = FALSE;
  gboolean saw_root = FALSE;
  guint64 nodes = 0;
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
  if (run->optimistic)
    walk.pipe = import_pipe_new (run);
  else
    walk.spare = record_new ();
  /* Some parser errors reach only the thread's handler, not the reader's. */
  xmlSetStructuredErrorFunc (run, (xmlStructuredErrorFunc) on_xml_error);

  while (!walk.stop && !run->too_many && !g_atomic_int_get (&run->gave_up) &&
         (ret = xmlTextReaderRead (reader)) == 1)
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
          if (source->size > 0)
            import_progress (run, (double) source->read / source->size);
        }
    }

  if (walk.pipe != NULL)
    import_pipe_finish (walk.pipe, g_cancellable_is_cancelled (cancellable));
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_clear_pointer (&walk.spare, record_free);
  g_string_free (walk.text, TRUE);

  if (!run->optimistic)
    note_cut_short (run, source);

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
      /* an optimistic pass leaves it to the next one, which says what it
       * found before */
      if (run->optimistic)
        {
          import_give_up (run);
          return TRUE;
        }
      g_propagate_prefixed_error (error, g_steal_pointer (&source->error),
                                  _("The file could not be read: "));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return TRUE;
}

/* Reads @stream, writing each record as it is read; in an optimistic run,
 * a second thread writes. On success, @sha256 is the checksum of the bytes
 * read. */
gboolean
import_read (ImportRun     *run,
             GInputStream  *stream,
             goffset        size,
             GCancellable  *cancellable,
             char         **sha256,
             GError       **error)
{
  Source source = { .stream = stream, .cancellable = cancellable, .size = size };
  gboolean ok;

  sha256_init (&source.checksum);
  ok = walk_file (run, &source, cancellable, error);
  if (ok)
    {
      uint8_t digest[SHA256_DIGEST_SIZE];
      GString *hex = g_string_sized_new (2 * SHA256_DIGEST_SIZE);

      sha256_digest (&source.checksum, sizeof digest, digest);
      for (guint i = 0; i < sizeof digest; i++)
        g_string_append_printf (hex, "%02x", digest[i]);
      *sha256 = g_string_free (hex, FALSE);
    }
  g_clear_error (&source.error);
  g_free (source.head);
  return ok;
}
