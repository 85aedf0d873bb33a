/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-importer.h"
#include "cyd-import-defs.h"
#include "cyd-private.h"

G_BEGIN_DECLS

#define MAX_PROBLEMS 1000

/* Councils, directorates and service lines: the lookups whose ids an import
 * keeps (see import_lookup_code()). */
#define N_ID_CACHES 3

/* What a deferred reference sets once its section is complete. */
typedef enum {
  PENDING_REPORTS_TO = 1,
  PENDING_PARENT,
  PENDING_DOTTED_LINE,
  PENDING_MAPPING,
  PENDING_DEPENDENCY,
} PendingKind;

/* The statements an import runs for every record, prepared once per run. */
typedef enum {
  SQL_LOOKUP_COUNCIL,
  SQL_LOOKUP_DIRECTORATE,
  SQL_LOOKUP_SERVICE_LINE,
  SQL_LOOKUP_POST,
  SQL_LOOKUP_SAVING,
  SQL_LOOKUP_MILESTONE,
  SQL_LOOKUP_OWNER,
  SQL_OTHER_MERGED,
  SQL_ADD_KEY,
  SQL_ADD_PENDING,
  SQL_ADD_SEEN,
  SQL_IS_MERGED_POST,
  SQL_SET_REPORTS_TO,
  SQL_SET_PARENT,
  SQL_ADD_DOTTED_LINE,
  SQL_ADD_MAPPING,
  SQL_ADD_DEPENDENCY,
  SQL_ADD_STAGE,
  SQL_ADD_ASSIGNMENT,
  SQL_DELETE_STAGES,
  SQL_DELETE_DOTTED_LINES,
  SQL_DELETE_MAPPINGS,
  SQL_DELETE_ASSIGNMENTS,
  SQL_DELETE_DEPENDENCIES,
  SQL_STORED_STAGES,
  SQL_STORED_DOTTED_LINES,
  SQL_STORED_MAPPINGS,
  SQL_STORED_ASSIGNMENTS,
  SQL_STORED_DEPENDENCIES,
  N_IMPORT_SQL
} ImportSql;

/* One parsed attribute value. */
typedef struct {
  gboolean    present;
  gint64      number;    /* ints, money, fte, years, resolved ids */
  const char *text;      /* as written in the file */
  gboolean    resolved;  /* a deferred reference whose target is already there */
} Value;

/* An attribute the format does not know, kept for the message. */
typedef struct {
  int         child;     /* index in the record's children, or -1 */
  const char *name;
} Unknown;

typedef struct {
  const ChildDef *def;
  const char     *attrs[MAX_CHILD_FIELDS];   /* by field, as written; NULL when absent */
  Value           values[MAX_CHILD_FIELDS];  /* parsed by the checks */
  int             line;
  int             column;
} Child;

typedef struct {
  const RecordDef *def;
  const char      *attrs[MAX_FIELDS];        /* by field, as written; NULL when absent */
  GArray          *unknown;                  /* Unknown */
  char            *text[2];                  /* en, cy */
  char            *text2[2];
  GArray          *children;                 /* Child */
  int              line;
  int              column;
  int              end_line;
  gboolean         bad;                      /* a problem was found while reading it */
  int              text_line[4];
  GStringChunk    *strings;                  /* the record's text, cleared for the next */
} Record;

/* A reference waiting for its target. */
typedef struct {
  PendingKind  what;
  gint64       record_id;
  const char  *record_code;
  const char  *code;
  const char  *method;
  const char  *effective;
  int          line;
  int          column;
} Pending;

/* The state of one import, shared by the reader and the writer. */
typedef struct {
  CydImporter  *importer;
  CydStore     *store;
  const char   *display_name;
  char         *as_at;
  GArray       *problems;      /* Problem */
  GArray       *bad_ranges;    /* BadRange */
  guint         n_problems;
  gboolean      too_many;
  gboolean      parser_failed;
  GHashTable   *failed;        /* "table\x1fcode" of records refused */
  GError       *store_error;   /* the programme file could not be written:
                                * that ends the import */

  /* A first, optimistic pass reads and writes at once, in two threads, and
   * gives up at the first problem; the file is then read again in one
   * thread, which finds and reports every problem. */
  gboolean      optimistic;
  gint          gave_up;       /* atomic */

  CydStmt      *stmts[N_IMPORT_SQL];
  GHashTable   *write_stmts;   /* INSERT or UPDATE per kind and columns written */
  GHashTable   *ids[N_ID_CACHES];
  char         *find_sql[CYD_N_RECORD_KINDS];
  char         *self_ref_sql[CYD_N_RECORD_KINDS];
  gboolean      was_empty[CYD_N_RECORD_KINDS];
  guint         empty_children;   /* 1 << ChildKind of child tables that were empty */
  GPtrArray    *deferred_indexes; /* CREATE INDEX statements to run once written */
  GString      *key;

  double        last_fraction; /* of the progress reported */

  /* the staff section's snapshot */
  gint64        snapshot_employer;
  int           snapshot_line;
  int           snapshot_column;
} ImportRun;

typedef struct {
  int       line;
  int       column;
  char     *message;
  gboolean  from_schema;
  gboolean  unclosed;    /* the parser failed with elements still open */
} Problem;

/* What the reader tells the writer. */
typedef enum {
  EVENT_SECTION,
  EVENT_RECORD,
  EVENT_END_SECTION,
} EventKind;

typedef struct {
  EventKind        kind;
  const RecordDef *def;          /* NULL for a section the format does not know */
  Record          *record;       /* EVENT_RECORD */
  char            *employer;     /* EVENT_SECTION of staff: its snapshot */
  gboolean         snapshot;
  int              line;
  int              column;
} ImportEvent;

typedef struct _ImportPipe ImportPipe;

typedef struct {
  int start;
  int end;
} BadRange;

void      import_problem           (ImportRun        *run,
                                    int               line,
                                    int               column,
                                    const char       *format,
                                    ...) G_GNUC_PRINTF (4, 5);
gboolean  import_problem_wanted    (ImportRun        *run);
gboolean  import_store_failed      (ImportRun        *run);
void      import_give_up           (ImportRun        *run);
void      import_bad_range         (ImportRun        *run,
                                    int               start,
                                    int               end);
gboolean  import_build_indexes     (ImportRun        *run,
                                    GError          **error);
void      import_progress          (ImportRun        *run,
                                    double            fraction);
gboolean  import_read              (ImportRun        *run,
                                    GInputStream     *stream,
                                    goffset           size,
                                    GCancellable     *cancellable,
                                    char            **sha256,
                                    GError          **error);
CydImportCounts *import_counts     (ImportRun        *run,
                                    CydKind           kind);


Record   *record_new               (void);
void      record_reset             (Record           *record);
void      record_free              (Record           *record);

void        import_apply_event     (ImportRun        *run,
                                    ImportEvent      *event);
ImportPipe *import_pipe_new        (ImportRun        *run);
Record     *import_pipe_record     (ImportPipe       *pipe);
void        import_pipe_push       (ImportPipe       *pipe,
                                    ImportEvent      *event);
void        import_pipe_finish     (ImportPipe       *pipe,
                                    gboolean          abandon);

gboolean  import_prepare_tables    (ImportRun        *run,
                                    GError          **error);
void      import_clear_run         (ImportRun        *run);
CydStmt  *import_stmt              (ImportRun        *run,
                                    ImportSql         which);
void      import_start_section     (ImportRun        *run,
                                    const RecordDef  *def,
                                    const char       *employer,
                                    gboolean          snapshot,
                                    int               line,
                                    int               column);
void      import_write_record      (ImportRun        *run,
                                    Record           *record);
gboolean  import_resolve_now       (ImportRun        *run,
                                    const Pending    *pending);
void      import_finish_section    (ImportRun        *run,
                                    const RecordDef  *def);

gboolean  import_check_record      (ImportRun        *run,
                                    Record           *record,
                                    Value            *values);
const char *import_record_key      (ImportRun        *run,
                                    const RecordDef  *def,
                                    const Value      *values);
gboolean  import_check_code        (const char       *text);
gboolean  import_check_code_at     (ImportRun        *run,
                                    int               line,
                                    int               column,
                                    const char       *element,
                                    const char       *attr,
                                    const char       *text);
void      import_note_failed       (ImportRun        *run,
                                    const char       *table,
                                    const char       *code);
gboolean  import_has_failed        (ImportRun        *run,
                                    const char       *table,
                                    const char       *code);
const char *import_kind_noun       (const char       *table);
gboolean  import_lookup_code       (ImportRun        *run,
                                    const char       *table,
                                    const char       *code,
                                    gint64           *out_id);

G_END_DECLS
