/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-edit.h"

G_BEGIN_DECLS

typedef enum {
  CYD_EDIT_UPDATE,
  CYD_EDIT_INSERT,
  CYD_EDIT_DELETE,
} CydEditOpKind;

typedef struct {
  const char *column;   /* interned */
  guint       other;    /* the insert whose id fills it */
} CydEditRef;

typedef struct {
  CydEditOpKind  kind;
  char          *table;
  gint64         id;        /* the row; for an insert, its id once applied */
  GPtrArray     *columns;   /* char * */
  GPtrArray     *values;    /* GVariant * or NULL */
  GArray        *refs;      /* CydEditRef */
} CydEditOp;

struct _CydEdit
{
  gatomicrefcount  ref_count;
  char            *label;
  GPtrArray       *ops;     /* CydEditOp */
};

G_END_DECLS
