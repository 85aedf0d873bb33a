/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-importer.h"
#include "cyd-import-defs.h"
#include "cyd-private.h"

G_BEGIN_DECLS

/* What a deferred reference sets once its section is complete. */
typedef enum {
  PENDING_REPORTS_TO = 1,
  PENDING_PARENT,
  PENDING_DOTTED_LINE,
  PENDING_MAPPING,
  PENDING_DEPENDENCY,
} PendingKind;

typedef struct {
  char *name;
  char *value;
} Attr;

typedef struct {
  const ChildDef *def;
  GPtrArray      *attrs;
  int             line;
  int             column;
} Child;

typedef struct {
  const RecordDef *def;
  GPtrArray       *attrs;
  char            *text[2];    /* en, cy */
  char            *text2[2];
  GPtrArray       *children;
  int              line;
  int              column;
  int              end_line;
  gboolean         bad;        /* a problem was found while reading it */
  int              text_line[4];
} Record;

/* One parsed attribute value. */
typedef struct {
  gboolean    present;
  gint64      number;    /* ints, money, fte, years, resolved ids */
  const char *text;      /* as written in the file */
  gboolean    resolved;  /* a deferred reference whose target is already there */
} Value;

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

  char         *find_sql[CYD_N_RECORD_KINDS];   /* per kind, built once */

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
} Problem;

typedef struct {
  int start;
  int end;
} BadRange;

void      import_problem           (ImportRun        *run,
                                    int               line,
                                    int               column,
                                    const char       *format,
                                    ...) G_GNUC_PRINTF (4, 5);
CydImportCounts *import_counts     (ImportRun        *run,
                                    CydKind           kind);
gboolean  import_prepare_tables    (ImportRun        *run,
                                    GError          **error);
void      import_write_record      (ImportRun        *run,
                                    Record           *record);
gboolean  import_resolve_now       (ImportRun        *run,
                                    const Pending    *pending);
void      import_finish_section    (ImportRun        *run,
                                    const RecordDef  *def);
gboolean  import_check_code        (const char       *text);
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
