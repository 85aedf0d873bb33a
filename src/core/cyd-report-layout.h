/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cyd-report-private.h"

G_BEGIN_DECLS

/* The report's insides, shared by cyd-report.c (the object, filling and
 * choices) and cyd-report-layout.c (pagination and drawing). */

#define MM              (72.0 / 25.4)

typedef enum {
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_DRAWING,
} BlockType;

typedef struct {
  BlockType  type;
  char      *markup;
  guint      n_columns;
  double    *widths;        /* fractions of the text width */
  char      *right;         /* 'r' for a right-aligned column */
  char     **header;        /* n_columns markups */
  GPtrArray *rows;          /* of char **, n_columns markups each */
  GArray    *row_heights;   /* doubles, from the last pagination */
  double     header_height;
  GObject   *source;        /* CydChart or CydTimeline */
  double     natural_width;
  double     natural_height;
} Block;

typedef struct {
  guint  block;
  guint  first_row;
  guint  end_row;
  double y;
  double height;
} Placement;

struct _CydReport {
  GObject            parent_instance;

  CydStore          *store;        /* only while filling */
  CydReportKind      kind;
  CydReportLanguage  language;
  char              *as_at;
  gboolean           names;
  char              *programme[2]; /* en, cy */
  CydCatalogue      *catalogues[2];
  GPtrArray         *blocks;
  Block             *table;        /* being filled */
  GPtrArray         *pages;        /* of GArray of Placement */
  double             width;
  double             height;
  PangoContext      *pango;
};

G_END_DECLS
