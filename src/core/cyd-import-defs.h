/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What each element of the interchange format holds and where it is stored.
 * Shared by the importer and the exporter, so the two cannot drift apart. */

#include "cyd-kind.h"

G_BEGIN_DECLS

/* The most attributes an element of the format has, the most a child
 * element has, and the most kinds of child a record has. */
#define MAX_FIELDS       12
#define MAX_CHILD_FIELDS 4
#define MAX_CHILD_KINDS  4

typedef enum {
  FIELD_TEXT,
  FIELD_CODE,
  FIELD_INT,
  FIELD_YEAR,
  FIELD_MONEY,
  FIELD_FTE,
  FIELD_DATE,
  FIELD_ENUM,
  FIELD_REF,      /* a code of ref_table, resolved now */
  FIELD_SELF_REF, /* a code in the same section, resolved at its end */
  FIELD_OWNER,    /* EMPLOYER:NUMBER */
} FieldType;

typedef enum {
  FIELD_KEY      = 1 << 0,
  FIELD_REQUIRED = 1 << 1,
} FieldFlags;

typedef struct {
  const char         *attr;
  const char         *column;
  FieldType           type;
  FieldFlags          flags;
  const char * const *values;     /* FIELD_ENUM */
  const char         *ref_table;  /* FIELD_REF, FIELD_SELF_REF */
  const char         *fallback;   /* the column's default, for comparing */
} FieldDef;

typedef enum {
  CHILD_STAGE,
  CHILD_DOTTED_LINE,
  CHILD_MAPPING,
  CHILD_ASSIGNMENT,
  CHILD_DEPENDENCY,
} ChildKind;

typedef struct {
  const char     *element;
  ChildKind       kind;
  const FieldDef *fields;
} ChildDef;

typedef struct {
  const char     *section;
  const char     *element;
  const char     *table;
  CydKind         kind;
  const FieldDef *fields;
  const char     *text_element;    /* name or title: bilingual, required */
  const char     *text_column;
  const char     *text2_element;   /* description or note: optional */
  const char     *text2_column;
  const ChildDef *children;
} RecordDef;

extern const RecordDef cyd_record_defs[];
extern const guint cyd_n_record_defs;

G_END_DECLS
