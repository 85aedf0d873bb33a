/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the cells of one list column share: their width in characters,
 * how they show their text, and the font measurements and layout made
 * once for all of them. */
typedef struct _CydCellColumn CydCellColumn;

typedef enum {
  CYD_CELL_ELLIPSIZED,  /* start-aligned, cut short with "…" when narrow */
  CYD_CELL_WHOLE,       /* start-aligned, the column never narrower than @chars */
  CYD_CELL_NUMERIC,     /* end-aligned, in tabular figures, never narrower */
} CydCellKind;

CydCellColumn *cyd_cell_column_new   (CydCellKind    kind,
                                      guint          chars);
CydCellColumn *cyd_cell_column_ref   (CydCellColumn *column);
void           cyd_cell_column_unref (CydCellColumn *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydCellColumn, cyd_cell_column_unref)

#define CYD_TYPE_CELL_TEXT (cyd_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (CydCellText, cyd_cell_text, CYD, CELL_TEXT, GtkWidget)

GtkWidget   *cyd_cell_text_new      (CydCellColumn *column);
void         cyd_cell_text_set_text (CydCellText   *self,
                                     const char    *text);
const char  *cyd_cell_text_get_text (CydCellText   *self);
CydCellKind  cyd_cell_text_get_kind (CydCellText   *self);

G_END_DECLS
