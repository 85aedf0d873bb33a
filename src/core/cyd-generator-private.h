/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-generator.h"
#include "cyd-money.h"
#include "cyd-private.h"

G_BEGIN_DECLS

/* The programme's calendar: legacy structures until the merger day, the
 * merged one from it. Budgets run over five financial years around it. */
#define MERGER_DAY      "2027-04-01"
#define LEGACY_LAST_DAY "2027-03-31"
#define MERGER_YEAR     2027
#define FIRST_YEAR      2024
#define N_YEARS         5

#define MAX_COUNCILS    6
#define N_HEADS         6      /* heads of service: one per top-level line */
#define FIRST_TEAM      (1 + N_HEADS)
#define VACANCY_EVERY   14     /* one worker post in 14 is vacant */

typedef struct {
  const char *code;
  const char *en;
  const char *cy;
} Named;

typedef struct {
  const char *code;
  const char *en;
  const char *cy;
  int         parent;
  const char *delivery;
} LineDef;

/* What one directorate's structure looks like; a handful of numbers, so
 * the whole programme can be written twice over without holding it. */
typedef struct {
  char  code[16];
  char  prefix[8];
  guint staff;
  guint span;
  guint teams;
  guint workers;
  guint team_offset;     /* teams of the legacy directorates before it */
  guint worker_offset;   /* workers of the legacy directorates before it */
} Layout;

typedef struct {
  xmlTextWriterPtr writer;
  guint32          seed;
  guint            n_councils;
  Layout           legacy[MAX_COUNCILS];
  Layout           merged;
  guint            all_teams;
  guint            all_workers;
  gboolean         ok;
} Gen;

/* Salts: each random choice draws from its own stream. */
enum {
  SALT_GIVEN = 1, SALT_FAMILY, SALT_LANGUAGE, SALT_GRADE, SALT_START, SALT_LEFT, SALT_FTE,
  SALT_TITLE, SALT_METHOD, SALT_BUDGET, SALT_SAVING, SALT_STATUS, SALT_SPAN, SALT_SALARY,
};

extern const Named   gen_councils[MAX_COUNCILS];
extern const LineDef gen_lines[];
extern const guint   gen_n_lines;

guint gen_pick       (Gen        *gen,
                      guint32     salt,
                      guint64     index,
                      guint       n);
void  gen_start      (Gen        *gen,
                      const char *element);
void  gen_end        (Gen        *gen);
void  gen_attr       (Gen        *gen,
                      const char *name,
                      const char *value);
void  gen_attr_uint  (Gen        *gen,
                      const char *name,
                      guint64     value);
void  gen_attr_money (Gen        *gen,
                      const char *name,
                      CydMoney    pence);
void  gen_attr_date  (Gen        *gen,
                      const char *name,
                      int         year,
                      guint       day_of_year);
void  gen_bilingual  (Gen        *gen,
                      const char *element,
                      const char *en,
                      const char *cy);

void  gen_write_budget_lines (Gen   *gen);
void  gen_write_savings      (Gen   *gen);
void  gen_write_milestones   (Gen   *gen,
                              guint  n_staff);

G_END_DECLS
