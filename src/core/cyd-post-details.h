/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-money.h"
#include "cyd-store.h"

G_BEGIN_DECLS

/* One holder of a post at a date. */
typedef struct {
  gint64  person_id;
  char   *name;        /* "Given Family" */
  CydFte  fte;
} CydPostHolder;

/* Everything the details panel shows about one post at a date. Texts are in
 * the interface language; a missing translation is marked, never filled. */
typedef struct {
  gint64     id;
  char      *code;
  char      *title;             /* interface language, gap marked */
  char      *other_title;       /* the other language's, or %NULL when missing */
  char      *directorate;       /* "CODE — Name" */
  gboolean   legacy;
  char      *service_line;      /* "CODE — Name" */
  char      *reports_to;        /* "CODE — Title", or %NULL */
  char      *dotted;            /* "CODE — Title; …", or %NULL */
  char      *grade;             /* or %NULL */
  CydFte     fte;
  CydMoney   cost;
  gboolean   has_cost;
  char      *established_from;  /* ISO, or %NULL */
  char      *established_to;    /* ISO, or %NULL */
  gboolean   established;       /* at the date */
  GPtrArray *holders;           /* of CydPostHolder, current at the date */
  char      *mapping_method;    /* "slot-in", …, or %NULL when not mapped */
  const char *mapping_label;    /* the method as the user reads it */
  char      *mapping_target;    /* "CODE — Title" */
  char      *mapping_effective; /* ISO */
} CydPostDetails;

CydPostDetails *cyd_post_details_load (CydStore        *store,
                                       gint64           post_id,
                                       const char      *as_at,
                                       GError         **error);
void            cyd_post_details_free (CydPostDetails  *details);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CydPostDetails, cyd_post_details_free)

G_END_DECLS
