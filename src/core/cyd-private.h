/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* A cached statement: released (reset, bindings cleared) when it goes out of
 * scope, never finalized, since the store keeps it for the next caller. */
typedef sqlite3_stmt CydStmt;

static inline void
cyd_stmt_release (CydStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydStmt, cyd_stmt_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchema, xmlSchemaFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)

sqlite3  *cyd_store_get_handle        (CydStore    *self);
CydStmt  *cyd_store_prepare           (CydStore    *self,
                                       const char  *sql,
                                       GError     **error);
gboolean  cyd_store_exec              (CydStore    *self,
                                       const char  *sql,
                                       GError     **error);
gboolean  cyd_store_set_sqlite_error  (CydStore    *self,
                                       GError     **error);
gboolean  cyd_stmt_step_done          (CydStore    *self,
                                       CydStmt     *stmt,
                                       GError     **error);
void      cyd_stmt_bind_text_or_null  (CydStmt     *stmt,
                                       int          index,
                                       const char  *text);
const char *cyd_stmt_text             (CydStmt     *stmt,
                                       int          column);
GHashTable *cyd_store_dup_row         (CydStore           *self,
                                       const char         *sql,
                                       const char * const *columns,
                                       guint               n_columns,
                                       gint64              id,
                                       const char         *missing,
                                       GError            **error);

typedef struct _CydStep CydStep;

void        cyd_step_free               (CydStep     *step);
const char *cyd_step_get_label          (CydStep     *step);
GPtrArray  *cyd_store_get_table_columns (CydStore    *self,
                                         const char  *table);
void        cyd_store_push_step         (CydStore    *self,
                                         CydStep     *step,
                                         gboolean     to_redo);
CydStep    *cyd_store_pop_step          (CydStore    *self,
                                         gboolean     from_redo);
void        cyd_store_forget_redo       (CydStore    *self);

GBytes   *cyd_resource_lookup         (const char  *name);
void      cyd_xml_init                (void);
char     *cyd_bilingual_display       (const char  *in_language,
                                       const char  *other);
const char *cyd_user_name             (void);
char     *cyd_now_iso                 (void);

G_END_DECLS
