/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* The reports a programme board reads, laid out on pages with cairo and
 * Pango: a header with the programme's name and the report's date, a footer
 * with "Page N of M", headings, paragraphs, tables that break across pages
 * repeating their header row, and the programme's charts and timeline
 * scaled to fit the page's width. The same drawing code writes a PDF file
 * and draws the pages of a GtkPrintOperation.
 *
 * A report is written in English, in Welsh, or in both, whatever the
 * interface's language: its texts come from the compiled catalogue. In
 * both, Welsh comes first ("Cerrig milltir / Milestones"), as the Welsh
 * Language Standards ask of a bilingual document. */

typedef enum {
  CYD_REPORT_PROGRAMME,
  CYD_REPORT_STRUCTURE,
  CYD_REPORT_BUDGET,
  CYD_REPORT_WELSH_GAPS,
  CYD_REPORT_N_KINDS
} CydReportKind;

typedef enum {
  CYD_REPORT_LANGUAGE_EN,
  CYD_REPORT_LANGUAGE_CY,
  CYD_REPORT_LANGUAGE_BOTH,
} CydReportLanguage;

typedef enum {
  CYD_PAPER_A4_PORTRAIT,
  CYD_PAPER_A4_LANDSCAPE,
  CYD_PAPER_A3_LANDSCAPE,
  CYD_N_PAPERS
} CydPaper;

#define CYD_REPORT_ERROR (cyd_report_error_quark ())

typedef enum {
  CYD_REPORT_ERROR_FAILED,
} CydReportError;

#define CYD_TYPE_REPORT (cyd_report_get_type ())
G_DECLARE_FINAL_TYPE (CydReport, cyd_report, CYD, REPORT, GObject)

GQuark        cyd_report_error_quark         (void);
const char   *cyd_report_kind_to_string      (CydReportKind      kind);
gboolean      cyd_report_kind_from_string    (const char        *text,
                                              CydReportKind     *out);
const char   *cyd_report_kind_get_label      (CydReportKind      kind);
gboolean      cyd_report_language_from_string (const char       *text,
                                               CydReportLanguage *out);
gboolean      cyd_paper_from_string          (const char        *text,
                                              CydPaper          *out);
void          cyd_paper_get_size             (CydPaper           paper,
                                              double            *width,
                                              double            *height);

CydReport    *cyd_report_new                 (CydStore          *store,
                                              CydReportKind      kind,
                                              CydReportLanguage  language,
                                              const char        *as_at,
                                              gboolean           names,
                                              GError           **error);
CydReportKind cyd_report_get_kind            (CydReport         *self);
char         *cyd_report_dup_title           (CydReport         *self);
guint         cyd_report_paginate            (CydReport         *self,
                                              CydPaper           paper);
void          cyd_report_draw_page           (CydReport         *self,
                                              cairo_t           *cr,
                                              guint              page);
gboolean      cyd_report_write_pdf           (CydReport         *self,
                                              CydPaper           paper,
                                              const char        *path,
                                              GError           **error);

G_END_DECLS
