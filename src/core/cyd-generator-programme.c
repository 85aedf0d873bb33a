/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-generate"

#include "config.h"

#include "cyd-generator-private.h"

/* The generated programme's money and plan: budget lines, savings and
 * milestones. The structure and the staff are in cyd-generator.c. */

static const Named milestone_titles[] = {
  { NULL, "Consultation on the joint structure", "Ymgynghori ar y strwythur ar y cyd" },
  { NULL, "Cabinet approval of the business case", "Cymeradwyaeth y Cabinet i’r achos busnes" },
  { NULL, "Job evaluation of new posts", "Gwerthuso swyddi newydd" },
  { NULL, "Ring-fenced interviews", "Cyfweliadau wedi’u clustnodi" },
  { NULL, "Single case management system live", "System rheoli achosion sengl yn fyw" },
  { NULL, "Pooled budget agreed", "Cytuno ar gyllideb gyfun" },
  { NULL, "Staff briefings", "Sesiynau briffio staff" },
  { NULL, "TUPE transfer of provider staff", "Trosglwyddo staff darparu dan TUPE" },
};

static const char *const workstreams[] = { "Governance", "Workforce", "Finance", "ICT", "Communications" };

static const char *const categories[] = {
  "employees", "premises", "transport", "supplies-and-services", "third-party-payments",
  "support-services", "income",
};

static void
write_budget_line (Gen          *gen,
                   const Layout *l,
                   int           year,
                   guint         line,
                   guint         category,
                   CydMoney      scale)
{
  static const guint shares[] = { 100, 8, 3, 12, 30, 6, 15 };
  guint64 index = (guint64) year << 24 | (guint64) l->prefix[0] << 16 | line << 8 | category;
  CydMoney budget = scale * shares[category] / 100 * (95 + gen_pick (gen, SALT_BUDGET, index, 10)) / 100;
  char text[8];

  g_snprintf (text, sizeof text, "%d", year);
  gen_start (gen, "budget-line");
  gen_attr (gen, "year", text);
  gen_attr (gen, "directorate", l->code);
  gen_attr (gen, "service-line", gen_lines[line].code);
  gen_attr (gen, "category", categories[category]);
  gen_attr_money (gen, "budget", budget);
  if (year <= MERGER_YEAR - 1)
    gen_attr_money (gen, "forecast", budget * (97 + gen_pick (gen, SALT_BUDGET, index + 1, 7)) / 100);
  if (year < MERGER_YEAR - 1)
    gen_attr_money (gen, "actual", budget * (96 + gen_pick (gen, SALT_BUDGET, index + 2, 8)) / 100);
  gen_end (gen);
}

void
gen_write_budget_lines (Gen *gen)
{
  gen_start (gen, "budget-lines");
  for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    for (guint d = 0; d <= gen->n_councils; d++)
      {
        gboolean merged = d == gen->n_councils;
        const Layout *l = merged ? &gen->merged : &gen->legacy[d];
        guint staff = merged ? (gen->merged.workers + gen->merged.teams) : l->staff;

        if (merged != (year >= MERGER_YEAR))
          continue;
        for (guint line = 0; line < gen_n_lines; line++)
          for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
            write_budget_line (gen, l, year, line, c, (CydMoney) staff * 3800000 / gen_n_lines);
      }
  gen_end (gen);
}

void
gen_write_savings (Gen *gen)
{
  static const char *const statuses[] = { "planned", "on-track", "at-risk", "achieved", "dropped", "on-track" };

  gen_start (gen, "savings");
  for (int year = MERGER_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    for (guint line = 0; line < gen_n_lines; line++)
      {
        guint64 index = (guint64) year << 8 | line;
        const char *status = statuses[gen_pick (gen, SALT_STATUS, index, G_N_ELEMENTS (statuses))];
        CydMoney target = (CydMoney) (gen->legacy[0].staff + 10) * (2000 + gen_pick (gen, SALT_SAVING, index, 3000)) * 10;
        g_autofree char *en = g_strdup_printf ("One %s team across the region", gen_lines[line].en);
        g_autofree char *cy = g_strdup_printf ("Un tîm %s ar draws y rhanbarth", gen_lines[line].cy);
        char code[32], text[8];

        g_snprintf (code, sizeof code, "SAV-%d-%02u", year, line + 1);
        g_snprintf (text, sizeof text, "%d", year);
        gen_start (gen, "saving");
        gen_attr (gen, "code", code);
        gen_attr (gen, "year", text);
        gen_attr (gen, "directorate", gen->merged.code);
        gen_attr (gen, "service-line", gen_lines[line].code);
        gen_attr_money (gen, "target", target);
        gen_attr_money (gen, "forecast", target * (60 + gen_pick (gen, SALT_SAVING, index + 1, 45)) / 100);
        if (g_str_equal (status, "achieved"))
          gen_attr_money (gen, "achieved", target);
        gen_attr (gen, "status", status);
        gen_bilingual (gen, "description", en, cy);
        gen_end (gen);
      }
  gen_end (gen);
}

static void
write_milestone (Gen   *gen,
                 guint  i,
                 guint  n)
{
  const Named *title = &milestone_titles[i % G_N_ELEMENTS (milestone_titles)];
  g_autofree char *en = g_strdup_printf ("%s (%u)", title->en, (guint) (i / G_N_ELEMENTS (milestone_titles) + 1));
  g_autofree char *cy = g_strdup_printf ("%s (%u)", title->cy, (guint) (i / G_N_ELEMENTS (milestone_titles) + 1));
  guint day = i * 1100 / n;    /* spread over three years from 2025 */
  int year = 2025 + (int) (day / 365);
  gboolean done = day < 640, started = day < 760;
  char code[16], owner[48];

  g_snprintf (code, sizeof code, "M-%04u", i + 1);
  g_snprintf (owner, sizeof owner, "%s:%u", gen_councils[0].code, 100000 + i % MAX (gen->legacy[0].staff, 1));
  gen_start (gen, "milestone");
  gen_attr (gen, "code", code);
  gen_attr_date (gen, "due", year, day % 365);
  if (i % 7 == 3)
    gen_attr (gen, "kind", "decision");
  if (done)
    gen_attr_date (gen, "completed", year, day % 365 + gen_pick (gen, SALT_STATUS, i, 20));
  gen_attr (gen, "status", done ? "done" : started ? "in-progress" : "not-started");
  if (!done && i % 11 == 5)
    gen_attr (gen, "rag", "amber");
  gen_attr (gen, "owner", owner);
  gen_attr (gen, "service-line", gen_lines[i % gen_n_lines].code);
  gen_attr (gen, "workstream", workstreams[i % G_N_ELEMENTS (workstreams)]);
  gen_bilingual (gen, "title", en, cy);
  if (i % 5 == 0)
    gen_bilingual (gen, "note", "Agreed at the programme board.", "Cytunwyd yn y bwrdd rhaglen.");
  for (guint back = 1; back <= 5; back += 4)
    if (i >= back && (back == 1 ? i % 4 != 0 : i % 3 == 0))
      {
        g_snprintf (code, sizeof code, "M-%04u", i + 1 - back);
        gen_start (gen, "depends-on");
        gen_attr (gen, "milestone", code);
        gen_end (gen);
      }
  gen_end (gen);
}

void
gen_write_milestones (Gen   *gen,
                  guint  n_staff)
{
  guint n = 40 + n_staff / 2000;

  gen_start (gen, "milestones");
  for (guint i = 0; i < n && gen->ok; i++)
    write_milestone (gen, i, n);
  gen_end (gen);
}

