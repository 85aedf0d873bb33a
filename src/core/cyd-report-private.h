/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-money.h"
#include "cyd-report.h"

G_BEGIN_DECLS

/* The report's own translations, read from the compiled catalogue, so that a
 * report's language does not depend on the interface's. */
typedef struct _CydCatalogue CydCatalogue;

CydCatalogue *cyd_catalogue_load        (const char    *language);
void          cyd_catalogue_free        (CydCatalogue  *self);
const char   *cyd_catalogue_lookup      (CydCatalogue  *self,
                                         const char    *context,
                                         const char    *msgid);
char         *cyd_catalogue_format_date (CydCatalogue  *self,
                                         const char    *iso);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydCatalogue, cyd_catalogue_free)

/* The page-layout engine (cyd-report.c), used by the report kinds
 * (cyd-report-kinds.c) to fill a report. Texts are Pango markup. */
const char *cyd_report_tr         (CydReport   *self,
                                   const char  *context,
                                   const char  *msgid,
                                   guint        language);
char       *cyd_report_label      (CydReport   *self,
                                   const char  *context,
                                   const char  *msgid);
char       *cyd_report_name       (CydReport   *self,
                                   const char  *en,
                                   const char  *cy);
char       *cyd_report_date       (CydReport   *self,
                                   const char  *iso);
char       *cyd_report_date_in    (CydReport   *self,
                                   guint        language,
                                   const char  *iso);
CydReportLanguage cyd_report_get_language (CydReport *self);
CydStore   *cyd_report_get_store  (CydReport   *self);
const char *cyd_report_get_as_at  (CydReport   *self);
gboolean    cyd_report_get_names  (CydReport   *self);
void        cyd_report_set_programme (CydReport  *self,
                                      const char *en,
                                      const char *cy);

void        cyd_report_add_heading   (CydReport   *self,
                                      const char  *markup);
void        cyd_report_add_subheading (CydReport  *self,
                                       const char *markup);
void        cyd_report_add_paragraph (CydReport   *self,
                                      const char  *markup);
void        cyd_report_begin_table   (CydReport   *self,
                                      guint        n_columns,
                                      const double *widths,
                                      const char  *right_aligned);
void        cyd_report_set_header    (CydReport   *self,
                                      guint        column,
                                      char        *markup);
void        cyd_report_add_row       (CydReport   *self,
                                      char       **cells);
void        cyd_report_add_drawing   (CydReport   *self,
                                      GObject     *source,
                                      double       natural_width,
                                      double       natural_height);

gboolean    cyd_report_fill          (CydReport   *self,
                                      GError     **error);


/* Shared by the report kinds: cyd-report-kinds.c (with the Welsh gaps
 * report), cyd-report-programme.c, cyd-report-structure.c and
 * cyd-report-budget.c. Labels are msgids marked for translation, looked up in the
 * report's language(s); the returned texts are markup. */
char       *cyd_kinds_label          (CydReport   *self,
                                      const char  *msgid);
char       *cyd_kinds_money          (CydMoney     pence);
char       *cyd_kinds_count          (gint64       n);
char      **cyd_kinds_new_row        (guint        n);
void        cyd_kinds_add_pair       (CydReport   *self,
                                      const char  *msgid,
                                      char        *value);
void        cyd_kinds_begin_pairs    (CydReport   *self,
                                      const char  *first,
                                      const char  *second);
void        cyd_kinds_add_note       (CydReport   *self,
                                      const char  *msgid);
void        cyd_kinds_add_subheading (CydReport   *self,
                                      const char  *msgid);
char       *cyd_kinds_name_of        (CydReport   *self,
                                      GHashTable  *names,
                                      gint64       id);
GHashTable *cyd_kinds_read_names     (CydReport   *self,
                                      const char  *sql,
                                      GError     **error);

gboolean    cyd_report_fill_programme (CydReport  *self,
                                       GError    **error);
gboolean    cyd_report_fill_structure (CydReport  *self,
                                       GError    **error);
gboolean    cyd_report_fill_budget    (CydReport  *self,
                                       GError    **error);

G_END_DECLS
