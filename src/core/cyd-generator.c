/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-generate"

#include "config.h"

#include "cyd-generator.h"
#include "cyd-generator-private.h"

#include <glib/gi18n-lib.h>

#include "cyd-money.h"
#include "cyd-private.h"



const Named gen_councils[MAX_COUNCILS] = {
  { "CAE", "Caerphilly County Borough Council", "Cyngor Bwrdeistref Sirol Caerffili" },
  { "BGO", "Blaenau Gwent County Borough Council", "Cyngor Bwrdeistref Sirol Blaenau Gwent" },
  { "TOR", "Torfaen County Borough Council", "Cyngor Bwrdeistref Sirol Torfaen" },
  { "MON", "Monmouthshire County Council", "Cyngor Sir Fynwy" },
  { "NPT", "Newport City Council", "Cyngor Dinas Casnewydd" },
  { "RCT", "Rhondda Cynon Taf County Borough Council", "Cyngor Bwrdeistref Sirol Rhondda Cynon Taf" },
};

const LineDef gen_lines[] = {
  { "ADULTS", "Adult Services", "Gwasanaethau Oedolion", -1, "in-house" },
  { "CHILDREN", "Children’s Services", "Gwasanaethau Plant", -1, "in-house" },
  { "PROVIDER", "Provider Services", "Gwasanaethau Darparwyr", -1, "in-house" },
  { "COMMISSION", "Commissioning", "Comisiynu", -1, "commissioned" },
  { "SAFEGUARD", "Safeguarding", "Diogelu", -1, "jointly-commissioned" },
  { "BUSINESS", "Business Support", "Cymorth Busnes", -1, "in-house" },
  { "ADULTS-LD", "Learning Disabilities", "Anableddau Dysgu", 0, "in-house" },
  { "ADULTS-MH", "Mental Health", "Iechyd Meddwl", 0, "jointly-commissioned" },
  { "ADULTS-OP", "Older People", "Pobl Hŷn", 0, "in-house" },
  { "CHILDREN-LAC", "Looked After Children", "Plant sy’n Derbyn Gofal", 1, "in-house" },
  { "CHILDREN-DIS", "Disabled Children", "Plant Anabl", 1, "in-house" },
  { "PROVIDER-DOM", "Domiciliary Care", "Gofal Cartref", 2, "commissioned" },
  { "PROVIDER-RES", "Residential Care", "Gofal Preswyl", 2, "in-house" },
};
const guint gen_n_lines = G_N_ELEMENTS (gen_lines);

static const Named worker_titles[] = {
  { "SW", "Social Worker", "Gweithiwr Cymdeithasol" },
  { "SP", "Senior Practitioner", "Uwch Ymarferydd" },
  { "CA", "Care Assistant", "Cynorthwy-ydd Gofal" },
  { "OT", "Occupational Therapist", "Therapydd Galwedigaethol" },
  { "BS", "Business Support Officer", "Swyddog Cymorth Busnes" },
  { "RW", "Residential Care Worker", "Gweithiwr Gofal Preswyl" },
  { "CO", "Commissioning Officer", "Swyddog Comisiynu" },
};

static const char *const welsh_given[] = {
  "Siân", "Rhys", "Eleri", "Gareth", "Catrin", "Dafydd", "Ffion", "Iwan", "Megan", "Owain",
  "Nia", "Gethin", "Llinos", "Huw", "Bethan", "Emyr", "Alys", "Cerys", "Tomos", "Mali",
};

static const char *const english_given[] = {
  "James", "Sarah", "David", "Emma", "Michael", "Claire", "Paul", "Rachel", "Mark", "Helen",
  "John", "Laura", "Peter", "Karen", "Andrew", "Louise",
};

static const char *const family_names[] = {
  "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
  "Griffiths", "Price", "Jenkins", "Rees", "Owen", "Powell", "Pritchard", "Lloyd", "Morris",
  "Smith", "Taylor", "Edwards", "Phillips", "Bevan", "Llewelyn", "ap Siôn",
};




/* ---- determinism -------------------------------------------------------- */

/* A pure function of its inputs (splitmix64's finaliser): any record can be
 * written again, identically, from its indices alone. */
static guint32
mix (guint32 seed,
     guint32 salt,
     guint64 index)
{
  guint64 x = ((guint64) seed << 32 | salt) ^ (index * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94D049BB133111EB);
  x ^= x >> 31;
  return (guint32) x;
}

guint
gen_pick (Gen     *gen,
      guint32  salt,
      guint64  index,
      guint    n)
{
  return mix (gen->seed, salt, index) % n;
}

/* ---- layout ------------------------------------------------------------- */

static guint
vacant_workers (guint workers)
{
  return (workers + 1) / VACANCY_EVERY;
}

static guint
filled_posts (guint span,
              guint workers)
{
  return FIRST_TEAM + (workers + span - 1) / span + workers - vacant_workers (workers);
}

static void
plan_layout (Layout     *layout,
             const char *code,
             guint       staff,
             guint       span)
{
  g_snprintf (layout->prefix, sizeof layout->prefix, "%s", code);
  g_snprintf (layout->code, sizeof layout->code, "%s-SS", code);
  layout->staff = staff;
  layout->span = span;
  layout->workers = 0;
  while (filled_posts (span, layout->workers) < staff)
    layout->workers++;
  layout->teams = (layout->workers + span - 1) / span;
}

static void
plan (Gen   *gen,
      guint  n_staff)
{
  guint n = CLAMP (2 + n_staff / 20000, 2, MAX_COUNCILS);

  gen->n_councils = MIN (n, MAX (n_staff, 1));
  gen->all_teams = gen->all_workers = 0;
  for (guint d = 0; d < gen->n_councils; d++)
    {
      Layout *l = &gen->legacy[d];
      guint staff = n_staff / gen->n_councils + (d < n_staff % gen->n_councils ? 1 : 0);

      plan_layout (l, gen_councils[d].code, staff, 7 + gen_pick (gen, SALT_SPAN, d, 4));
      l->team_offset = gen->all_teams;
      l->worker_offset = gen->all_workers;
      gen->all_teams += l->teams;
      gen->all_workers += l->workers;
    }

  /* The merged structure is leaner: fewer workers, wider spans. */
  plan_layout (&gen->merged, "JNT", 0, 10);
  gen->merged.workers = MAX (gen->all_workers * 88 / 100, 1);
  gen->merged.teams = (gen->merged.workers + 9) / 10;
}

static guint
n_posts (const Layout *l)
{
  return FIRST_TEAM + l->teams + l->workers;
}

static gboolean
is_vacant (const Layout *l,
           guint         post)
{
  return post >= FIRST_TEAM + l->teams && (post - FIRST_TEAM - l->teams) % VACANCY_EVERY == VACANCY_EVERY - 1;
}

/* The top-level line a team (or its head) belongs to, and the line its posts
 * are on: the head's own line or one of its sub-lines. */
static guint
team_line (guint team)
{
  guint head = team % N_HEADS;
  guint n_sub = 0, which;

  for (guint i = N_HEADS; i < gen_n_lines; i++)
    n_sub += gen_lines[i].parent == (int) head;
  which = (team / N_HEADS) % (n_sub + 1);
  if (which == 0)
    return head;
  for (guint i = N_HEADS; i < gen_n_lines; i++)
    if (gen_lines[i].parent == (int) head && --which == 0)
      return i;
  g_assert_not_reached ();
}

/* ---- writing ------------------------------------------------------------ */

static void
check (Gen *gen,
       int  rc)
{
  if (rc < 0)
    gen->ok = FALSE;
}

void
gen_start (Gen        *gen,
       const char *element)
{
  check (gen, xmlTextWriterStartElement (gen->writer, (const xmlChar *) element));
}

void
gen_end (Gen *gen)
{
  check (gen, xmlTextWriterEndElement (gen->writer));
}

void
gen_attr (Gen        *gen,
      const char *name,
      const char *value)
{
  check (gen, xmlTextWriterWriteAttribute (gen->writer, (const xmlChar *) name, (const xmlChar *) value));
}

void
gen_attr_uint (Gen        *gen,
           const char *name,
           guint64     value)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GUINT64_FORMAT, value);
  gen_attr (gen, name, text);
}

void
gen_attr_money (Gen        *gen,
            const char *name,
            CydMoney    pence)
{
  g_autofree char *text = cyd_money_to_string (pence);

  gen_attr (gen, name, text);
}

void
gen_attr_date (Gen        *gen,
           const char *name,
           int         year,
           guint       day_of_year)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  g_date_add_days (&date, day_of_year);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  gen_attr (gen, name, text);
}

static void
text_element (Gen        *gen,
              const char *element,
              const char *lang,
              const char *text)
{
  gen_start (gen, element);
  gen_attr (gen, "lang", lang);
  check (gen, xmlTextWriterWriteString (gen->writer, (const xmlChar *) text));
  gen_end (gen);
}

void
gen_bilingual (Gen        *gen,
           const char *element,
           const char *en,
           const char *cy)
{
  text_element (gen, element, "en", en);
  text_element (gen, element, "cy", cy);
}

static void
write_councils (Gen *gen)
{
  gen_start (gen, "councils");
  for (guint d = 0; d < gen->n_councils; d++)
    {
      gen_start (gen, "council");
      gen_attr (gen, "code", gen_councils[d].code);
      gen_attr_uint (gen, "population", 60000 + gen_pick (gen, SALT_BUDGET, d, 180) * 1000);
      gen_bilingual (gen, "name", gen_councils[d].en, gen_councils[d].cy);
      gen_end (gen);
    }
  gen_start (gen, "council");
  gen_attr (gen, "code", "ABUHB");
  gen_attr (gen, "kind", "health-board");
  gen_bilingual (gen, "name", "Aneurin Bevan University Health Board", "Bwrdd Iechyd Prifysgol Aneurin Bevan");
  gen_end (gen);
  gen_end (gen);
}

static void
write_directorates (Gen *gen)
{
  gen_start (gen, "directorates");
  for (guint d = 0; d < gen->n_councils; d++)
    {
      g_autofree char *en = g_strdup_printf ("Social Services (%s)", gen_councils[d].code);
      g_autofree char *cy = g_strdup_printf ("Gwasanaethau Cymdeithasol (%s)", gen_councils[d].code);

      gen_start (gen, "directorate");
      gen_attr (gen, "code", gen->legacy[d].code);
      gen_attr (gen, "kind", "legacy");
      gen_attr (gen, "council", gen_councils[d].code);
      gen_bilingual (gen, "name", en, cy);
      gen_end (gen);
    }
  gen_start (gen, "directorate");
  gen_attr (gen, "code", gen->merged.code);
  gen_attr (gen, "kind", "merged");
  gen_bilingual (gen, "name", "Joint Social Services Directorate", "Cyfarwyddiaeth Gwasanaethau Cymdeithasol ar y Cyd");
  gen_end (gen);
  gen_end (gen);
}

static void
write_service_lines (Gen *gen)
{
  static const char *const stages[] = { "separate", "aligned", "integrated" };

  gen_start (gen, "service-lines");
  for (guint i = 0; i < gen_n_lines; i++)
    {
      gen_start (gen, "service-line");
      gen_attr (gen, "code", gen_lines[i].code);
      if (gen_lines[i].parent >= 0)
        gen_attr (gen, "parent", gen_lines[gen_lines[i].parent].code);
      gen_attr (gen, "delivery", gen_lines[i].delivery);
      gen_bilingual (gen, "name", gen_lines[i].en, gen_lines[i].cy);
      for (guint s = 0; s < 1 + i % 3; s++)
        {
          char effective[16];

          g_snprintf (effective, sizeof effective, "%d-04-01", MERGER_YEAR - 2 + (int) s);
          gen_start (gen, "stage");
          gen_attr (gen, "stage", stages[s]);
          gen_attr (gen, "effective", effective);
          gen_end (gen);
        }
      gen_end (gen);
    }
  gen_end (gen);
}

/* ---- posts -------------------------------------------------------------- */

typedef struct {
  guint       level;         /* 0 director, 1 head of service, 2 team manager, 3 worker */
  guint       line;
  int         reports_to;    /* a post index in the same directorate, or -1 */
  const Named *worker;       /* for workers: what they do */
  CydMoney    salary;
  char        grade[16];
} PostInfo;

static const Named *
worker_title (Gen   *gen,
              guint  line,
              guint64 index)
{
  guint top = gen_lines[line].parent >= 0 ? (guint) gen_lines[line].parent : line;
  static const guint8 choices[N_HEADS][3] = {
    { 0, 1, 3 }, { 0, 1, 0 }, { 2, 5, 2 }, { 6, 6, 4 }, { 0, 1, 1 }, { 4, 4, 6 },
  };

  return &worker_titles[choices[top][gen_pick (gen, SALT_TITLE, index, 3)]];
}

static void
describe_post (Gen          *gen,
               const Layout *l,
               guint         post,
               PostInfo     *info)
{
  guint64 index = ((guint64) l->prefix[0] << 40) ^ ((guint64) l->prefix[1] << 32) ^ post;

  info->worker = NULL;
  if (post == 0)
    {
      *info = (PostInfo) { 0, 0, -1, NULL, 11500000 + gen_pick (gen, SALT_SALARY, index, 20) * 100000, "Director" };
    }
  else if (post < FIRST_TEAM)
    {
      *info = (PostInfo) { 1, post - 1, 0, NULL, 7500000 + gen_pick (gen, SALT_SALARY, index, 10) * 100000, "HoS" };
    }
  else if (post < FIRST_TEAM + l->teams)
    {
      guint team = post - FIRST_TEAM;

      *info = (PostInfo) { 2, team_line (team), 1 + team % N_HEADS, NULL,
                           4200000 + gen_pick (gen, SALT_SALARY, index, 7) * 100000, "Grade 10" };
    }
  else
    {
      guint worker = post - FIRST_TEAM - l->teams;
      guint team = worker / l->span;
      guint grade = 4 + gen_pick (gen, SALT_GRADE, index, 5);

      *info = (PostInfo) { 3, team_line (team), FIRST_TEAM + team, NULL, 1800000 + grade * 250000, "" };
      info->worker = worker_title (gen, info->line, index);
      g_snprintf (info->grade, sizeof info->grade, "Grade %u", grade);
    }
}

static void
post_code (const Layout *l,
           guint         post,
           char         *buffer,
           gsize         size)
{
  g_snprintf (buffer, size, "%s-%06u", l->prefix, post);
}

/* Where a legacy post goes: the first legacy post to land on a merged post
 * slots in, the others are ring-fenced to it or deleted. */
static const char *
map_post (Gen   *gen,
          guint  d,
          guint  post,
          guint *target)
{
  const Layout *l = &gen->legacy[d];
  const Layout *m = &gen->merged;
  guint64 g, total, size, offset;
  gboolean first;

  if (post < FIRST_TEAM)
    {
      *target = post;
      return d == 0 ? "slot-in" : "ring-fenced";
    }
  if (post < FIRST_TEAM + l->teams)
    {
      g = l->team_offset + post - FIRST_TEAM;
      total = gen->all_teams;
      size = m->teams;
      offset = FIRST_TEAM;
    }
  else
    {
      g = l->worker_offset + post - FIRST_TEAM - l->teams;
      total = gen->all_workers;
      size = m->workers;
      offset = FIRST_TEAM + m->teams;
    }
  *target = offset + g * size / total;
  first = g == 0 || (g - 1) * size / total != g * size / total;
  if (first)
    return gen_pick (gen, SALT_METHOD, g, 20) == 0 ? "open-competition" : "slot-in";
  return gen_pick (gen, SALT_METHOD, g, 3) == 0 ? "deleted" : "ring-fenced";
}

static void
write_post_titles (Gen            *gen,
                   const PostInfo *info)
{
  g_autofree char *en = NULL;
  g_autofree char *cy = NULL;

  switch (info->level)
    {
    case 0:
      gen_bilingual (gen, "title", "Director of Social Services", "Cyfarwyddwr Gwasanaethau Cymdeithasol");
      return;
    case 1:
      en = g_strdup_printf ("Head of %s", gen_lines[info->line].en);
      cy = g_strdup_printf ("Pennaeth %s", gen_lines[info->line].cy);
      break;
    case 2:
      en = g_strdup_printf ("Team Manager, %s", gen_lines[info->line].en);
      cy = g_strdup_printf ("Rheolwr Tîm, %s", gen_lines[info->line].cy);
      break;
    default:
      gen_bilingual (gen, "title", info->worker->en, info->worker->cy);
      return;
    }
  gen_bilingual (gen, "title", en, cy);
}

static void
write_post (Gen          *gen,
            const Layout *l,
            gboolean      merged,
            guint         d,
            guint         post)
{
  PostInfo info;
  char code[32];

  describe_post (gen, l, post, &info);
  post_code (l, post, code, sizeof code);
  gen_start (gen, "post");
  gen_attr (gen, "code", code);
  gen_attr (gen, "directorate", l->code);
  gen_attr (gen, "service-line", gen_lines[info.line].code);
  if (info.reports_to >= 0)
    {
      post_code (l, info.reports_to, code, sizeof code);
      gen_attr (gen, "reports-to", code);
    }
  if (info.grade[0] != '\0')
    gen_attr (gen, "grade", info.grade);
  gen_attr_money (gen, "annual-cost", info.salary * 128 / 100);
  gen_attr (gen, merged ? "established-from" : "established-to", merged ? MERGER_DAY : LEGACY_LAST_DAY);
  write_post_titles (gen, &info);

  /* Dotted lines: some teams also answer to safeguarding; the merged head
   * of safeguarding also answers to the head of children's services. */
  if ((info.level == 2 && (post - FIRST_TEAM) % 25 == 3 && info.reports_to != 1 + 4) ||
      (merged && post == 1 + 4))
    {
      post_code (l, merged && post == 1 + 4 ? 1 + 1 : 1 + 4, code, sizeof code);
      gen_start (gen, "also-reports-to");
      gen_attr (gen, "post", code);
      gen_end (gen);
    }
  if (!merged)
    {
      guint target;
      const char *method = map_post (gen, d, post, &target);

      post_code (&gen->merged, target, code, sizeof code);
      gen_start (gen, "maps-to");
      gen_attr (gen, "post", code);
      gen_attr (gen, "method", method);
      gen_attr (gen, "effective", MERGER_DAY);
      gen_end (gen);
    }
  gen_end (gen);
}

static void
write_posts (Gen *gen)
{
  gen_start (gen, "posts");
  for (guint d = 0; d < gen->n_councils && gen->ok; d++)
    for (guint p = 0; p < n_posts (&gen->legacy[d]) && gen->ok; p++)
      write_post (gen, &gen->legacy[d], FALSE, d, p);
  for (guint p = 0; p < n_posts (&gen->merged) && gen->ok; p++)
    write_post (gen, &gen->merged, TRUE, 0, p);
  gen_end (gen);
}

/* ---- staff -------------------------------------------------------------- */

static void
write_assignment (Gen        *gen,
                  const char *post,
                  const char *fte,
                  const char *from,
                  const char *to)
{
  gen_start (gen, "assignment");
  gen_attr (gen, "post", post);
  if (fte != NULL)
    gen_attr (gen, "fte", fte);
  if (from != NULL)
    gen_attr (gen, "from", from);
  if (to != NULL)
    gen_attr (gen, "to", to);
  gen_end (gen);
}

static void
write_person (Gen   *gen,
              guint  d,
              guint  post,
              guint  number)
{
  const Layout *l = &gen->legacy[d];
  guint64 g = (guint64) d << 32 | number;
  gboolean welsh = gen_pick (gen, SALT_LANGUAGE, g, 100) < 35;
  gboolean left = gen_pick (gen, SALT_LEFT, g, 100) < 2;
  const char *fte = NULL;
  char start_date[16], left_date[16], code[32];
  PostInfo info;
  guint target;

  describe_post (gen, l, post, &info);
  if (info.level == 3 && gen_pick (gen, SALT_FTE, g, 100) < 15)
    fte = gen_pick (gen, SALT_FTE, g + 1, 2) ? "0.5" : "0.6";
  g_snprintf (start_date, sizeof start_date, "%04u-%02u-%02u", 1990 + gen_pick (gen, SALT_START, g, 35),
              1 + gen_pick (gen, SALT_START, g + 1, 12), 1 + gen_pick (gen, SALT_START, g + 2, 28));
  g_snprintf (left_date, sizeof left_date, "2026-%02u-%02u", 1 + gen_pick (gen, SALT_LEFT, g + 1, 9),
              1 + gen_pick (gen, SALT_LEFT, g + 2, 28));

  gen_start (gen, "person");
  gen_attr_uint (gen, "employee-number", 100000 + number);
  gen_attr (gen, "employer", gen_councils[d].code);
  gen_attr (gen, "given-name", welsh ? welsh_given[gen_pick (gen, SALT_GIVEN, g, G_N_ELEMENTS (welsh_given))]
                                 : english_given[gen_pick (gen, SALT_GIVEN, g, G_N_ELEMENTS (english_given))]);
  gen_attr (gen, "family-name", family_names[gen_pick (gen, SALT_FAMILY, g, G_N_ELEMENTS (family_names))]);
  gen_attr (gen, "preferred-language", welsh ? "cy" : "en");
  gen_attr (gen, "grade", info.grade[0] != '\0' ? info.grade : "Chief Officer");
  gen_attr_money (gen, "salary", info.salary);
  gen_attr_money (gen, "on-costs", info.salary * 28 / 100);
  gen_attr (gen, "start-date", start_date);
  if (left)
    gen_attr (gen, "left-date", left_date);

  post_code (l, post, code, sizeof code);
  if (left)
    write_assignment (gen, code, fte, start_date, left_date);
  else if (g_str_equal (map_post (gen, d, post, &target), "slot-in"))
    {
      write_assignment (gen, code, fte, start_date, LEGACY_LAST_DAY);
      post_code (&gen->merged, target, code, sizeof code);
      write_assignment (gen, code, fte, MERGER_DAY, NULL);
    }
  else
    write_assignment (gen, code, fte, start_date, NULL);
  gen_end (gen);
}

/* Posts are filled in order, managers first, vacancies skipped, until the
 * directorate's staff are all placed: the same walk as the posts'. */
static void
write_staff (Gen *gen)
{
  gen_start (gen, "staff");
  for (guint d = 0; d < gen->n_councils && gen->ok; d++)
    {
      const Layout *l = &gen->legacy[d];
      guint number = 0;

      for (guint p = 0; p < n_posts (l) && number < l->staff && gen->ok; p++)
        if (!is_vacant (l, p))
          write_person (gen, d, p, number++);
    }
  gen_end (gen);
}

static void
write_document (Gen   *gen,
                guint  n_staff)
{
  check (gen, xmlTextWriterSetIndent (gen->writer, 1));
  check (gen, xmlTextWriterSetIndentString (gen->writer, (const xmlChar *) "  "));
  check (gen, xmlTextWriterStartDocument (gen->writer, "1.0", "UTF-8", NULL));
  check (gen, xmlTextWriterStartElementNS (gen->writer, NULL, (const xmlChar *) "cyd",
                                           (const xmlChar *) "urn:cyd:1"));
  gen_attr (gen, "version", "1");
  gen_attr (gen, "source", "cyd-cli generate");
  gen_attr (gen, "as-at", "2026-09-30");
  write_councils (gen);
  write_directorates (gen);
  write_service_lines (gen);
  write_posts (gen);
  write_staff (gen);
  gen_write_budget_lines (gen);
  gen_write_savings (gen);
  gen_write_milestones (gen, n_staff);
  check (gen, xmlTextWriterEndDocument (gen->writer));
  check (gen, xmlTextWriterFlush (gen->writer));
}

gboolean
cyd_generate_to_file (const char  *path,
                      guint        n_staff,
                      guint32      seed,
                      GError     **error)
{
  Gen gen = { 0 };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_staff > 0, FALSE);

  cyd_xml_init ();
  gen.seed = seed;
  gen.ok = TRUE;
  plan (&gen, n_staff);
  gen.writer = xmlNewTextWriterFilename (path, 0);
  if (gen.writer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to “%s”."), path);
      return FALSE;
    }
  write_document (&gen, n_staff);
  xmlFreeTextWriter (gen.writer);
  if (!gen.ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to “%s”."), path);
      return FALSE;
    }
  return TRUE;
}
