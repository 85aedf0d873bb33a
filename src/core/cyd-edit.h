/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* CydEdit: one undoable step — a set of row changes applied together by
 * cyd_store_apply(). It is the only way the application changes a
 * programme: the same path records the audit trail (who, when, each row's
 * values before and after) and feeds undo and redo.
 *
 * Rows are named by table and id. The tables an edit may touch, and their
 * columns, are those of data/sql (council, directorate, service_line,
 * service_line_stage, post, post_dotted_line, post_mapping, person,
 * assignment, budget_line, saving, milestone, milestone_dependency).
 * Values are GVariants: "s" for text (codes, dates as YYYY-MM-DD, enums),
 * "x" for integers (pence, FTE ten-thousandths, years, row ids); %NULL
 * stores SQL NULL. The schema's CHECK, UNIQUE and foreign keys still apply:
 * a refused step changes nothing and fails with CYD_STORE_ERROR_REFUSED. */

#define CYD_TYPE_EDIT (cyd_edit_get_type ())

typedef struct _CydEdit CydEdit;

GType        cyd_edit_get_type         (void) G_GNUC_CONST;

CydEdit     *cyd_edit_new              (const char  *label);
CydEdit     *cyd_edit_ref              (CydEdit     *self);
void         cyd_edit_unref            (CydEdit     *self);
const char  *cyd_edit_get_label        (CydEdit     *self);
gboolean     cyd_edit_is_empty         (CydEdit     *self);

void         cyd_edit_update           (CydEdit     *self,
                                        const char  *table,
                                        gint64       id,
                                        const char  *column,
                                        GVariant    *value);
guint        cyd_edit_insert           (CydEdit     *self,
                                        const char  *table);
void         cyd_edit_set              (CydEdit     *self,
                                        guint        insert,
                                        const char  *column,
                                        GVariant    *value);
void         cyd_edit_set_inserted_id  (CydEdit     *self,
                                        guint        insert,
                                        const char  *column,
                                        guint        other_insert);
void         cyd_edit_delete           (CydEdit     *self,
                                        const char  *table,
                                        gint64       id);
gint64       cyd_edit_get_inserted_id  (CydEdit     *self,
                                        guint        insert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydEdit, cyd_edit_unref)

G_END_DECLS
