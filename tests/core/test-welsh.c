/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cyd.h"
#include "cyd-private.h"

#define WELSH_PLURAL_FORMS "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;"

/* The interface language, as Cyd applies it: LANGUAGE with a UTF-8 locale
 * (gettext ignores LANGUAGE under the C locale). */
static void
use_language (const char *language)
{
  gboolean welsh = g_str_equal (language, "cy");

  g_setenv ("LANGUAGE", welsh ? "cy" : "en", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, welsh ? "cy_GB.UTF-8" : "en_GB.UTF-8"));
}

/* Welsh plurals: the catalogue's rule, and the forms it picks. */
typedef struct {
  const char *singular;
  const char *plural;
  const char *expected[7];   /* for 0, 1, 2, 3, 6, 8, 11 */
} PluralCase;

static const gulong plural_counts[] = { 0, 1, 2, 3, 6, 8, 11 };

static const PluralCase plural_cases[] = {
  { "%s council", "%s councils",
    { "%s cyngor", "%s cyngor", "%s gyngor", "%s cyngor", "%s cyngor", "%s cyngor", "%s cyngor" } },
  { "%s directorate", "%s directorates",
    { "%s cyfarwyddiaeth", "%s gyfarwyddiaeth", "%s gyfarwyddiaeth", "%s cyfarwyddiaeth",
      "%s cyfarwyddiaeth", "%s cyfarwyddiaeth", "%s cyfarwyddiaeth" } },
  { "%s service line", "%s service lines",
    { "%s llinell wasanaeth", "%s llinell wasanaeth", "%s linell wasanaeth", "%s llinell wasanaeth",
      "%s llinell wasanaeth", "%s llinell wasanaeth", "%s llinell wasanaeth" } },
  { "%s milestone", "%s milestones",
    { "%s carreg filltir", "%s garreg filltir", "%s garreg filltir", "%s carreg filltir",
      "%s carreg filltir", "%s carreg filltir", "%s carreg filltir" } },
};

static void
test_plural_rule (void)
{
  const char *header;

  use_language ("cy");
  header = g_dgettext (GETTEXT_PACKAGE, "");
  g_assert_nonnull (strstr (header, "Language: cy"));
  g_assert_nonnull (strstr (header, "Plural-Forms: " WELSH_PLURAL_FORMS));
}

static void
test_plural_forms (gconstpointer data)
{
  const PluralCase *c = data;

  use_language ("cy");
  for (guint i = 0; i < G_N_ELEMENTS (plural_counts); i++)
    {
      const char *form = g_dngettext (GETTEXT_PACKAGE, c->singular, c->plural, plural_counts[i]);

      g_test_message ("%lu: %s", plural_counts[i], form);
      g_assert_cmpstr (form, ==, c->expected[i]);
    }

  /* English has two forms. */
  use_language ("en");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, c->singular, c->plural, 1), ==, c->singular);
  for (guint i = 0; i < G_N_ELEMENTS (plural_counts); i++)
    if (plural_counts[i] != 1)
      g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, c->singular, c->plural, plural_counts[i]), ==, c->plural);
}

/* Dates: "%-d %B %Y" with the locale's month names. */
typedef struct {
  const char *iso;
  const char *english;
  const char *welsh;
} DateCase;

static const DateCase date_cases[] = {
  { "2014-01-01", "1 January 2014", "1 Ionawr 2014" },
  { "2014-02-09", "9 February 2014", "9 Chwefror 2014" },
  { "2014-03-31", "31 March 2014", "31 Mawrth 2014" },
  { "2014-04-01", "1 April 2014", "1 Ebrill 2014" },
  { "2024-05-15", "15 May 2024", "15 Mai 2024" },
  { "2024-06-30", "30 June 2024", "30 Mehefin 2024" },
  { "2024-07-04", "4 July 2024", "4 Gorffennaf 2024" },
  { "2024-08-08", "8 August 2024", "8 Awst 2024" },
  { "2024-09-11", "11 September 2024", "11 Medi 2024" },
  { "2024-10-02", "2 October 2024", "2 Hydref 2024" },
  { "2024-11-22", "22 November 2024", "22 Tachwedd 2024" },
  { "2024-12-25", "25 December 2024", "25 Rhagfyr 2024" },
  { "2024-02-29", "29 February 2024", "29 Chwefror 2024" },
};

static void
test_date_format (gconstpointer data)
{
  const DateCase *c = data;
  g_autofree char *english = NULL;
  g_autofree char *welsh = NULL;

  use_language ("en");
  english = cyd_date_format (c->iso);
  use_language ("cy");
  welsh = cyd_date_format (c->iso);

  g_assert_cmpstr (english, ==, c->english);
  g_assert_cmpstr (welsh, ==, c->welsh);
}

static void
test_date_invalid (void)
{
  g_autofree char *text = NULL;

  use_language ("cy");
  text = cyd_date_format ("2014-02-30");
  g_assert_cmpstr (text, ==, "2014-02-30");
}

/* Money and counts: the same digits, grouping and symbols in both. */
typedef struct {
  CydMoney    pence;
  const char *text;
} MoneyCase;

static const MoneyCase money_cases[] = {
  { 0, "£0.00" },
  { 5, "£0.05" },
  { 123456789, "£1,234,567.89" },
  { G_GINT64_CONSTANT (100000000000), "£1,000,000,000.00" },
  { -1200, "−£12.00" },
  { -88200050, "−£882,000.50" },
};

static void
test_money_format (void)
{
  const char *languages[] = { "en", "cy" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      use_language (languages[l]);
      for (guint i = 0; i < G_N_ELEMENTS (money_cases); i++)
        {
          g_autofree char *text = cyd_money_format (money_cases[i].pence);

          g_assert_cmpstr (text, ==, money_cases[i].text);
        }
    }
}

/* Counts are shown with printf's "%'u": the locale's grouping. */
static void
test_number_format (void)
{
  const char *languages[] = { "en", "cy" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *count = NULL;
      g_autofree char *small = NULL;
      g_autofree char *fte = NULL;

      use_language (languages[l]);
      count = g_strdup_printf ("%'u", 1234567u);
      small = g_strdup_printf ("%'u", 999u);
      fte = cyd_fte_format (5000);
      g_assert_cmpstr (count, ==, "1,234,567");
      g_assert_cmpstr (small, ==, "999");
      g_assert_cmpstr (fte, ==, "0.50");
    }
}

/* A missing name is never silently filled with the other language's. */
static void
test_gap_marking (void)
{
  g_autofree char *en_both = NULL;
  g_autofree char *en_gap = NULL;
  g_autofree char *cy_both = NULL;
  g_autofree char *cy_gap = NULL;
  g_autofree char *none = NULL;

  use_language ("en");
  g_assert_cmpstr (cyd_ui_language (), ==, "en");
  en_both = cyd_bilingual_display ("Social Work", "Gwaith Cymdeithasol");
  en_gap = cyd_bilingual_display (NULL, "Gwaith Cymdeithasol");
  none = cyd_bilingual_display ("", NULL);

  use_language ("cy");
  g_assert_cmpstr (cyd_ui_language (), ==, "cy");
  cy_both = cyd_bilingual_display ("Gwaith Cymdeithasol", "Social Work");
  cy_gap = cyd_bilingual_display ("", "Social Work");

  g_assert_cmpstr (en_both, ==, "Social Work");
  g_assert_cmpstr (en_gap, ==, "Gwaith Cymdeithasol [Welsh]");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (cy_both, ==, "Gwaith Cymdeithasol");
  g_assert_cmpstr (cy_gap, ==, "Social Work [Saesneg]");
}

/* The Welsh gaps model over a programme with one gap of each kind. */
static const char *const gaps_sql =
  "INSERT INTO council (id, code, name_en, name_cy) VALUES"
  "  (1, 'C1', 'Both Council', 'Cyngor y Ddau'), (2, 'C2', 'English Council', NULL);"
  "INSERT INTO directorate (id, code, name_en, name_cy, kind) VALUES (1, 'D1', NULL, 'Cyfarwyddiaeth', 'merged');"
  "INSERT INTO service_line (id, code, name_en, name_cy) VALUES (1, 'S1', 'Fostering', NULL),"
  "  (2, 'S2', 'Adoption', 'Mabwysiadu');"
  "INSERT INTO post (id, code, title_en, title_cy, directorate_id, service_line_id) VALUES"
  "  (1, 'P1', NULL, 'Gweithiwr Cymdeithasol', 1, 1), (2, 'P2', 'Manager', 'Rheolwr', 1, 2);"
  "INSERT INTO saving (id, code, year, directorate_id, target, status, description_en, description_cy) VALUES"
  "  (1, 'V1', 2024, 1, 100, 'planned', 'Fewer agency staff', NULL),"
  "  (2, 'V2', 2024, 1, 100, 'planned', NULL, NULL),"
  "  (3, 'V3', 2024, 1, 100, 'planned', 'Empty Welsh', '');"
  "INSERT INTO milestone (id, code, title_en, title_cy, due) VALUES (1, 'M1', 'Go live', NULL, '2025-04-01');";

typedef struct {
  const char *kind_id;
  const char *code;
  const char *missing_code;
  const char *text_en;   /* as shown in English */
  const char *text_cy;   /* as shown in Welsh */
} GapCase;

static const GapCase gap_cases[] = {
  { "council", "C2", "cy", "English Council", "English Council [Saesneg]" },
  { "directorate", "D1", "en", "Cyfarwyddiaeth [Welsh]", "Cyfarwyddiaeth" },
  { "service-line", "S1", "cy", "Fostering", "Fostering [Saesneg]" },
  { "post", "P1", "en", "Gweithiwr Cymdeithasol [Welsh]", "Gweithiwr Cymdeithasol" },
  { "saving", "V1", "cy", "Fewer agency staff", "Fewer agency staff [Saesneg]" },
  { "saving", "V3", "cy", "Empty Welsh", "Empty Welsh [Saesneg]" },
  { "milestone", "M1", "cy", "Go live", "Go live [Saesneg]" },
};

static CydStore *
open_gaps_store (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gaps.cyd", NULL);
  g_autoptr(GError) error = NULL;
  CydStore *store;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (cyd_store_get_handle (store), gaps_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return store;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_signals)
{
  (*n_signals)++;
}

static void
check_gap_rows (GListModel *model,
                gboolean    welsh)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (gap_cases));
  for (guint i = 0; i < G_N_ELEMENTS (gap_cases); i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (model, i);

      g_assert_cmpstr (cyd_record_get_text (record, "kind-id"), ==, gap_cases[i].kind_id);
      g_assert_cmpstr (cyd_record_get_text (record, "code"), ==, gap_cases[i].code);
      g_assert_cmpstr (cyd_record_get_text (record, "missing-code"), ==, gap_cases[i].missing_code);
      g_assert_cmpstr (cyd_record_get_text (record, "text"), ==,
                       welsh ? gap_cases[i].text_cy : gap_cases[i].text_en);
    }
}

static void
test_gaps_model (void)
{
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydWelshGaps) gaps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CydRecord) first = NULL;
  guint n_signals = 0;
  guint missing_cy = 0, missing_en = 0;

  use_language ("en");
  store = open_gaps_store ();
  gaps = cyd_welsh_gaps_new (store);
  g_signal_connect (gaps, "items-changed", G_CALLBACK (count_items_changed), &n_signals);

  check_gap_rows (G_LIST_MODEL (gaps), FALSE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (gaps), G_N_ELEMENTS (gap_cases)));
  first = g_list_model_get_item (G_LIST_MODEL (gaps), 0);
  g_assert_cmpstr (cyd_record_get_text (first, "kind"), ==, "Council");
  g_assert_cmpstr (cyd_record_get_text (first, "field"), ==, "Name");
  g_assert_cmpstr (cyd_record_get_text (first, "missing"), ==, "Welsh");

  g_assert_true (cyd_welsh_gaps_count (store, &missing_cy, &missing_en, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (missing_cy, ==, 5);
  g_assert_cmpuint (missing_en, ==, 2);

  /* Only the records missing English. */
  cyd_welsh_gaps_set_missing (gaps, "en");
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gaps)), ==, 2);
  cyd_welsh_gaps_set_missing (gaps, "en");
  g_assert_cmpuint (n_signals, ==, 1);
  cyd_welsh_gaps_set_missing (gaps, NULL);
  g_assert_cmpuint (n_signals, ==, 2);

  /* Filling a gap takes the record off the list. */
  g_assert_true (cyd_store_exec (store, "UPDATE milestone SET title_cy = 'Mynd yn fyw' WHERE code = 'M1'", &error));
  cyd_store_notify_changed (store, CYD_KIND_MILESTONE);
  g_assert_cmpuint (n_signals, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gaps)), ==, G_N_ELEMENTS (gap_cases) - 1);

  /* A change to a kind without bilingual texts leaves the list alone. */
  cyd_store_notify_changed (store, CYD_KIND_STAFF);
  g_assert_cmpuint (n_signals, ==, 3);

  g_clear_object (&first);
  g_assert_finalize_object (g_steal_pointer (&gaps));
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_gaps_model_welsh (void)
{
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydWelshGaps) gaps = NULL;
  g_autoptr(CydRecord) first = NULL;

  use_language ("cy");
  store = open_gaps_store ();
  gaps = cyd_welsh_gaps_new (store);

  check_gap_rows (G_LIST_MODEL (gaps), TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (gaps), 0);
  /* Enumerations come from the catalogue: not the English msgid. */
  g_assert_cmpstr (cyd_record_get_text (first, "missing"), ==,
                   g_dpgettext2 (GETTEXT_PACKAGE, "language", "Welsh"));
  g_assert_cmpstr (cyd_record_get_text (first, "missing"), !=, "Welsh");
}

/* Files that are not well-formed are refused in Welsh, with nothing of
 * libxml2's English explanation. */
typedef struct {
  const char *body;      /* inside <councils> */
  const char *expected;  /* a part of the Welsh problem */
} XmlErrorCase;

static const XmlErrorCase xml_error_cases[] = {
  { "<council code=\"CAE\"><name lang=\"en\">Caer</nam></council>", "Caiff <name> ei gau gan </nam>." },
  { "<council code=\"CAE\"><name lang=\"en\">Caer & Co</name></council>", "Mae disgwyl enw yma" },
  { "<council code=\"C<AE\"/>", "“&lt;”" },
  { "<council code=CAE/>", "dyfynodau" },
  { "<council code=\"CAE\" code=\"CAF\"/>", "“code” ddwywaith" },
  { "<council code=\"CAE\" kind/>", "Nid oes gwerth i’r briodwedd “kind”." },
  { "<x:council code=\"CAE\"/>", "Nid yw’r rhagddodiad “x” yn enwi gofod enwau." },
  { "<council code=\"CAE\"><name lang=\"en\">A</name>text</council>", "Mae testun yn <council>" },
};

static void
test_xml_errors (gconstpointer data)
{
  const XmlErrorCase *c = data;
  g_autofree char *xml = g_build_filename (g_get_user_data_dir (), "bad.xml", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "bad.cyd", NULL);
  g_autofree char *text = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                           "<cyd xmlns=\"urn:cyd:1\" version=\"1\">\n"
                                           "  <councils>\n    %s\n  </councils>\n</cyd>\n", c->body);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  gboolean found = FALSE;

  use_language ("cy");
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_unlink (path);
  g_assert_true (g_file_set_contents (xml, text, -1, NULL));
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  importer = cyd_importer_new (store);
  g_assert_false (cyd_importer_import_file (importer, file, NULL, &error));
  problems = cyd_importer_get_problems (importer);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem);
      found |= strstr (problem, c->expected) != NULL;
      g_assert_null (strstr (problem, "libxml2"));
      g_assert_null (strstr (problem, "ffurfio’n dda ("));
      g_assert_null (strstr (problem, "fformat Cyd ("));
    }
  g_assert_true (found);
  use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CYD_LOCALEDIR");

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/core/welsh/plural-rule", test_plural_rule);
  for (guint i = 0; i < G_N_ELEMENTS (plural_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/welsh/plural/%u", i);

      g_test_add_data_func (path, &plural_cases[i], test_plural_forms);
    }
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/welsh/date/%s", date_cases[i].iso);

      g_test_add_data_func (path, &date_cases[i], test_date_format);
    }
  g_test_add_func ("/core/welsh/date/invalid", test_date_invalid);
  g_test_add_func ("/core/welsh/money", test_money_format);
  g_test_add_func ("/core/welsh/numbers", test_number_format);
  g_test_add_func ("/core/welsh/gap-marking", test_gap_marking);
  g_test_add_func ("/core/welsh/gaps-model", test_gaps_model);
  g_test_add_func ("/core/welsh/gaps-model-welsh", test_gaps_model_welsh);
  for (guint i = 0; i < G_N_ELEMENTS (xml_error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/welsh/xml-error/%u", i);
      g_test_add_data_func (path, &xml_error_cases[i], test_xml_errors);
    }

  return g_test_run ();
}
