/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* What the post, person and mapping dialogs read: a row's columns as texts
 * (integers in decimal, absent when NULL), the choices for their drop-downs,
 * and a person's assignments. Every write goes through cyd_store_apply(). */

typedef enum {
  CYD_CHOICE_COUNCIL,        /* employers */
  CYD_CHOICE_DIRECTORATE,
  CYD_CHOICE_SERVICE_LINE,
  CYD_CHOICE_POST,           /* @scope: a directorate's id, or 0 for all */
  CYD_CHOICE_MERGED_POST,    /* the merged directorate's posts */
  CYD_CHOICE_PERSON,         /* staff: "Family, Given (EMPLOYER:NUMBER)" */
} CydChoiceKind;

/* One choice: a row id and its label ("CODE — Name in the interface language"). */
typedef struct {
  gint64  id;
  char   *label;
} CydChoice;

/* One of a person's assignments. */
typedef struct {
  gint64  id;
  gint64  post_id;
  char   *post;        /* "CODE — Title" */
  gint64  fte;
  char   *from_date;   /* or %NULL */
  char   *to_date;     /* or %NULL */
} CydAssignment;

GHashTable *cyd_post_dup_fields       (CydStore       *store,
                                       gint64          id,
                                       GError        **error);
GHashTable *cyd_person_dup_fields     (CydStore       *store,
                                       gint64          id,
                                       GError        **error);
GHashTable *cyd_mapping_dup_fields    (CydStore       *store,
                                       gint64          post_id,
                                       GError        **error);
GPtrArray  *cyd_choices_load          (CydStore       *store,
                                       CydChoiceKind   kind,
                                       gint64          scope,
                                       GError        **error);
GPtrArray  *cyd_person_load_assignments (CydStore     *store,
                                         gint64        person_id,
                                         GError      **error);
gboolean    cyd_post_is_legacy        (CydStore       *store,
                                       gint64          post_id);
gint64      cyd_post_find_code        (CydStore       *store,
                                       const char     *code);
gint64      cyd_person_find           (CydStore       *store,
                                       gint64          employer_id,
                                       const char     *employee_number);

G_END_DECLS
