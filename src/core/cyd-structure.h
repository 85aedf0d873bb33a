/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-money.h"
#include "cyd-store.h"

G_BEGIN_DECLS

/* Spans of control are counted in these bands of direct reports. */
typedef enum {
  CYD_SPAN_BAND_1,          /* 1 */
  CYD_SPAN_BAND_2_3,        /* 2–3 */
  CYD_SPAN_BAND_4_7,        /* 4–7 */
  CYD_SPAN_BAND_8_12,       /* 8–12 */
  CYD_SPAN_BAND_13_PLUS,    /* 13 and more */
  CYD_N_SPAN_BANDS
} CydSpanBand;

/* The figures of one structure (or several taken together) at a date.
 * Counts are signed so that a difference is a CydStructureMetrics too. */
typedef struct {
  gint64   posts;
  gint64   filled;
  gint64   vacant;
  gint64   headcount;          /* people holding a post */
  CydFte   establishment_fte;  /* the posts' FTE */
  CydFte   staff_fte;          /* the holders' FTE */
  CydMoney establishment_cost;
  CydMoney staff_cost;         /* salary and on-costs, shared over a person's posts by FTE */
  gint64   managers;           /* posts with at least one direct report */
  gint64   layers;             /* depth below the top post: 0 for a single post */
  gint64   span_min;
  gint64   span_max;
  gint64   span_median_x2;     /* twice the median, so halves stay exact */
  gint64   span_bands[CYD_N_SPAN_BANDS];
} CydStructureMetrics;

/* One post of a structure at a date, with its place in the tree. */
typedef struct {
  gint64      id;
  const char *code;
  const char *title;           /* interface language, gap marked */
  const char *grade;           /* or %NULL */
  CydFte      fte;
  CydMoney    cost;            /* 0 when unknown */
  const char *holders;         /* "Given Family, …", or %NULL when vacant */
  guint       n_holders;
  CydFte      staff_fte;
  int         parent;          /* index of the line manager's post, or -1 */
  int         first_child;     /* index, or -1 */
  int         next_sibling;    /* index, or -1 */
  guint       depth;
  guint       n_reports;
  const int  *dotted;          /* indices of the posts this one also answers to */
  guint       n_dotted;
  const char *mapping_method;  /* "slot-in", …, or %NULL when not mapped */
  const char *mapping_target;  /* the target post's code */
  const char *mapping_effective;
  gboolean    mapping_in_force;
} CydStructurePost;

/* The legacy structures taken together against the merged one. Legacy is
 * measured as it stood the day before the merged structure began (or at the
 * date itself, when that is earlier); the merged one at the date. */
typedef struct {
  char                legacy_as_at[11];
  char                merged_as_at[11];
  guint               n_legacy;
  CydStructureMetrics legacy;
  CydStructureMetrics merged;
  CydStructureMetrics difference;   /* merged − legacy */
} CydStructureComparison;

#define CYD_TYPE_STRUCTURE (cyd_structure_get_type ())
G_DECLARE_FINAL_TYPE (CydStructure, cyd_structure, CYD, STRUCTURE, GObject)

CydStructure           *cyd_structure_load             (CydStore            *store,
                                                        gint64               directorate_id,
                                                        const char          *as_at,
                                                        GError             **error);
GPtrArray              *cyd_structure_load_all         (CydStore            *store,
                                                        const char          *as_at,
                                                        GError             **error);
gint64                  cyd_structure_get_directorate  (CydStructure        *self);
const char             *cyd_structure_get_code         (CydStructure        *self);
const char             *cyd_structure_get_name         (CydStructure        *self);
gboolean                cyd_structure_is_merged        (CydStructure        *self);
const char             *cyd_structure_get_as_at        (CydStructure        *self);
guint                   cyd_structure_get_n_posts      (CydStructure        *self);
const CydStructurePost *cyd_structure_get_post         (CydStructure        *self,
                                                        guint                index);
int                     cyd_structure_find_post        (CydStructure        *self,
                                                        gint64               post_id);
const CydStructureMetrics *cyd_structure_get_metrics   (CydStructure        *self);

void                    cyd_structure_metrics_combine  (CydStructure       **structures,
                                                        guint                n,
                                                        CydStructureMetrics *out);
void                    cyd_structure_metrics_set_spans (CydStructureMetrics *metrics,
                                                        GArray              *spans);
CydMoney                cyd_structure_share_of_cost    (CydMoney             cost,
                                                        CydFte               fte,
                                                        CydFte               total_fte);
CydSpanBand             cyd_span_band                  (guint                reports);
const char             *cyd_span_band_label            (CydSpanBand          band);

gboolean                cyd_structure_compare          (CydStore            *store,
                                                        const char          *as_at,
                                                        CydStructureComparison *out,
                                                        GError             **error);

/* Lists as at a date, as GListModels of CydRecord:
 *   at risk     person: employee name post title method effective target
 *   unmapped    post: code title directorate grade holders
 *   no source   post: code title grade cost from */
GListModel             *cyd_structure_list_at_risk     (CydStore            *store,
                                                        const char          *as_at,
                                                        GError             **error);
GListModel             *cyd_structure_list_unmapped    (CydStore            *store,
                                                        const char          *as_at,
                                                        GError             **error);
GListModel             *cyd_structure_list_no_source   (CydStore            *store,
                                                        const char          *as_at,
                                                        GError             **error);

G_END_DECLS
