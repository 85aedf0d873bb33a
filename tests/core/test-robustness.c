/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hostile input: every file here is refused by `cyd-cli import` with exit
 * status 1 and a message located as file:line:column, and the programme is
 * exactly as it was. The inputs are made at test time, in a temporary
 * directory, from small templates (the 100 MB one too). Also: a second
 * process finds the file busy and is told so, and nothing is corrupted. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "core-test-util.h"

static const char *cli;
static const char *dir;
static char *db;
static char *before;     /* the programme's export before any hostile file */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<cyd xmlns=\"urn:cyd:1\" version=\"1\">\n"

typedef struct {
  const char *name;
  const char *content;
} Hostile;

static int
run (char       **out_stdout,
     char       **out_stderr,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out_stdout, out_stderr, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
export_db (void)
{
  char *out = NULL;

  g_assert_cmpint (run (&out, NULL, "export", db, NULL), ==, 0);
  return out;
}

static char *
write_input (const char *name,
             const char *content,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, content, length, &error);
  g_assert_no_error (error);
  return path;
}

/* Refused, located, and nothing changed. */
static void
assert_refused_saying (const char *path,
                       const char *saying)
{
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *pattern = g_strdup_printf ("(^|\\n)%s:[0-9]+:[0-9]+: ", base);
  g_autofree char *pattern_escaped = NULL;

  g_assert_cmpint (run (NULL, &err, "import", db, path, NULL), ==, 1);
  pattern_escaped = g_regex_escape_string (base, -1);
  g_clear_pointer (&pattern, g_free);
  pattern = g_strdup_printf ("(^|\\n)%s:[0-9]+:[0-9]+: \\S", pattern_escaped);
  if (!g_regex_match_simple (pattern, err, 0, 0))
    g_error ("%s: no located message in:\n%s", base, err);
  if (saying != NULL && strstr (err, saying) == NULL)
    g_error ("%s: no “%s” in:\n%s", base, saying, err);
  after = export_db ();
  g_assert_cmpstr (after, ==, before);
}

static void
assert_refused (const char *path)
{
  assert_refused_saying (path, NULL);
}

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *path = write_input (h->name, h->content, -1);

  assert_refused (path);
}

static const Hostile hostile[] = {
  { "billion-laughs.xml", HEAD
    "<!DOCTYPE cyd [\n"
    " <!ENTITY a \"lol\">\n"
    " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
    " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
    "]>\n" ROOT "<councils><council code=\"LOL\"><name lang=\"en\">&h;</name></council></councils></cyd>\n" },
  { "external-entity.xml", HEAD
    "<!DOCTYPE cyd [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
    ROOT "<councils><council code=\"X\"><name lang=\"en\">&x;</name></council></councils></cyd>\n" },
  { "external-dtd.xml", HEAD
    "<!DOCTYPE cyd SYSTEM \"http://example.invalid/cyd.dtd\">\n" ROOT "</cyd>\n" },
  { "parameter-entity.xml", HEAD
    "<!DOCTYPE cyd [ <!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; ]>\n" ROOT "</cyd>\n" },
  { "undeclared-entity.xml", HEAD ROOT
    "<councils><council code=\"X\"><name lang=\"en\">&nbsp;</name></council></councils></cyd>\n" },
  { "xinclude.xml", HEAD
    "<cyd xmlns=\"urn:cyd:1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" version=\"1\">"
    "<xi:include href=\"/etc/passwd\" parse=\"text\"/></cyd>\n" },
  { "invalid-utf8.xml", HEAD ROOT
    "<councils><council code=\"X\"><name lang=\"en\">Caerffili \xC3\x28 \xFF</name></council></councils></cyd>\n" },
  { "latin1-declared.xml", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" ROOT
    "<councils><council code=\"X\"><name lang=\"en\">Caerffili \xE2</name></council></councils></cyd>\n" },
  { "empty.xml", "" },
  { "whitespace-only.xml", "\n\n   \n" },
  { "not-xml.xml", "code,name\nCAE,Caerphilly\n" },
  { "binary.xml", "\x7f" "ELF\x02\x01\x01" },
  { "truncated-tag.xml", HEAD ROOT "<councils><council code=\"CAE\"><name lang=\"en\">Caerph" },
  { "truncated-attribute.xml", HEAD ROOT "<councils><council code=\"CA" },
  { "two-roots.xml", HEAD ROOT "</cyd>\n" ROOT "</cyd>\n" },
  { "unclosed-comment.xml", HEAD ROOT "<!-- never closed </cyd>\n" },
  { "wrong-root.xml", HEAD "<programme xmlns=\"urn:cyd:1\" version=\"1\"/>\n" },
  { "no-namespace.xml", HEAD "<cyd version=\"1\"/>\n" },
  { "version-2.xml", HEAD "<cyd xmlns=\"urn:cyd:1\" version=\"2\"/>\n" },
  { "processing-instruction-stylesheet.xml", HEAD
    "<?xml-stylesheet href=\"http://example.invalid/x.xsl\"?>\n" ROOT
    "<councils><council code=\"X\"/></councils></cyd>\n" },
};

/* ---- every value rule of the format --------------------------------------- */

typedef struct {
  const char *name;
  const char *record;    /* one record; the rest of the file resolves */
} ValueCase;

#define COUNCILS "<councils><council code=\"C1\"><name lang=\"en\">One</name></council></councils>"
#define DIRECTORATES "<directorates><directorate code=\"D1\" kind=\"legacy\" council=\"C1\"><name lang=\"en\">D</name></directorate>" \
                     "<directorate code=\"M1\" kind=\"merged\"><name lang=\"en\">M</name></directorate></directorates>"
#define LINES "<service-lines><service-line code=\"S1\"><name lang=\"en\">S</name></service-line></service-lines>"
#define POSTS "<posts><post code=\"P1\" directorate=\"D1\" service-line=\"S1\"><title lang=\"en\">P</title></post></posts>"
#define BASE COUNCILS DIRECTORATES LINES

static const ValueCase value_cases[] = {
  /* codes */
  { "code-empty", "<councils><council code=\"\"><name lang=\"en\">X</name></council></councils>" },
  { "code-space", "<councils><council code=\"C 2\"><name lang=\"en\">X</name></council></councils>" },
  { "code-leading-dash", "<councils><council code=\"-C2\"><name lang=\"en\">X</name></council></councils>" },
  { "code-33-chars", "<councils><council code=\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\"><name lang=\"en\">X</name></council></councils>" },
  { "code-non-ascii", "<councils><council code=\"CAERFFILÏ\"><name lang=\"en\">X</name></council></councils>" },
  /* money */
  { "money-exponent", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"1e5\"><title lang=\"en\">P</title></post></posts>" },
  { "money-separator", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"1,000\"><title lang=\"en\">P</title></post></posts>" },
  { "money-three-decimals", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"10.001\"><title lang=\"en\">P</title></post></posts>" },
  { "money-too-big", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"10000000000000\"><title lang=\"en\">P</title></post></posts>" },
  { "money-pound-sign", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"£10\"><title lang=\"en\">P</title></post></posts>" },
  { "money-plus", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"+10\"><title lang=\"en\">P</title></post></posts>" },
  { "money-bare-dot", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" annual-cost=\"10.\"><title lang=\"en\">P</title></post></posts>" },
  /* fte */
  { "fte-zero", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" fte=\"0\"><title lang=\"en\">P</title></post></posts>" },
  { "fte-over-one", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" fte=\"1.0001\"><title lang=\"en\">P</title></post></posts>" },
  { "fte-five-decimals", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" fte=\"0.12345\"><title lang=\"en\">P</title></post></posts>" },
  { "fte-negative", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" fte=\"-0.5\"><title lang=\"en\">P</title></post></posts>" },
  /* dates */
  { "date-30-february", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" established-from=\"2023-02-30\"><title lang=\"en\">P</title></post></posts>" },
  { "date-short", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" established-from=\"2023-1-1\"><title lang=\"en\">P</title></post></posts>" },
  { "date-british", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" established-from=\"01/06/2023\"><title lang=\"en\">P</title></post></posts>" },
  { "date-time-zone", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" established-from=\"2023-06-01Z\"><title lang=\"en\">P</title></post></posts>" },
  { "date-to-before-from", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\" established-from=\"2023-06-01\" established-to=\"2023-05-01\"><title lang=\"en\">P</title></post></posts>" },
  /* years */
  { "year-word", BASE "<budget-lines><budget-line year=\"twenty\" directorate=\"D1\" service-line=\"S1\" category=\"income\" budget=\"1\"/></budget-lines>" },
  { "year-1899", BASE "<budget-lines><budget-line year=\"1899\" directorate=\"D1\" service-line=\"S1\" category=\"income\" budget=\"1\"/></budget-lines>" },
  { "year-two-digits", BASE "<budget-lines><budget-line year=\"24\" directorate=\"D1\" service-line=\"S1\" category=\"income\" budget=\"1\"/></budget-lines>" },
  /* enumerations */
  { "enum-category", BASE "<budget-lines><budget-line year=\"2024\" directorate=\"D1\" service-line=\"S1\" category=\"salaries\" budget=\"1\"/></budget-lines>" },
  { "enum-kind", "<councils><council code=\"C2\" kind=\"parish\"><name lang=\"en\">X</name></council></councils>" },
  { "enum-method", BASE "<posts><post code=\"P2\" directorate=\"D1\" service-line=\"S1\"><title lang=\"en\">P</title><maps-to post=\"P1\" method=\"redeployed\" effective=\"2024-04-01\"/></post></posts>" },
  { "enum-case", "<councils><council code=\"C2\" kind=\"Council\"><name lang=\"en\">X</name></council></councils>" },
  /* bilingual text */
  { "text-none", "<councils><council code=\"C2\"/></councils>" },
  { "text-empty", "<councils><council code=\"C2\"><name lang=\"en\"></name></council></councils>" },
  { "text-twice", "<councils><council code=\"C2\"><name lang=\"en\">A</name><name lang=\"en\">B</name></council></councils>" },
  { "text-french", "<councils><council code=\"C2\"><name lang=\"fr\">A</name></council></councils>" },
  { "text-no-lang", "<councils><council code=\"C2\"><name>A</name></council></councils>" },
  /* keys and references */
  { "key-twice", "<councils><council code=\"C2\"><name lang=\"en\">A</name></council><council code=\"C2\"><name lang=\"en\">B</name></council></councils>" },
  { "reference-to-nothing", BASE "<posts><post code=\"P2\" directorate=\"NOWHERE\" service-line=\"S1\"><title lang=\"en\">P</title></post></posts>" },
  { "maps-to-legacy", BASE POSTS "<posts><post code=\"P3\" directorate=\"D1\" service-line=\"S1\"><title lang=\"en\">P</title><maps-to post=\"P1\" method=\"slot-in\" effective=\"2024-04-01\"/></post></posts>" },
  { "owner-form", BASE "<milestones><milestone code=\"M1\" due=\"2024-01-01\" owner=\"nobody\"><title lang=\"en\">M</title></milestone></milestones>" },
  { "unknown-attribute", "<councils><council code=\"C2\" colour=\"red\"><name lang=\"en\">A</name></council></councils>" },
  { "unknown-element", "<councils><council code=\"C2\"><name lang=\"en\">A</name><mayor/></council></councils>" },
};

static void
test_value_rule (gconstpointer data)
{
  const ValueCase *c = data;
  g_autofree char *content = g_strconcat (HEAD, ROOT, c->record, "\n</cyd>\n", NULL);
  g_autofree char *name = g_strconcat (c->name, ".xml", NULL);
  g_autofree char *path = write_input (name, content, -1);

  assert_refused (path);
}

/* ---- large hostile inputs, made here ---------------------------------------- */

static void
test_deep_nesting (void)
{
  const guint depth = 200000;
  GString *s = g_string_new (HEAD ROOT "<councils><council code=\"X\"><name lang=\"en\">");
  g_autofree char *path = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "<a>");
  for (guint i = 0; i < depth; i++)
    g_string_append (s, "</a>");
  g_string_append (s, "</name></council></councils></cyd>\n");
  path = write_input ("deep.xml", s->str, s->len);
  g_string_free (s, TRUE);
  assert_refused (path);
}

static void
test_huge_text_node (void)
{
  const gsize size = 100 * 1024 * 1024;
  g_autofree char *path = g_build_filename (dir, "huge-text.xml", NULL);
  g_autofree char *chunk = g_strnfill (1 << 20, 'A');
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  fputs (HEAD ROOT "<councils><council code=\"X\"><name lang=\"en\">", f);
  for (gsize written = 0; written < size; written += 1 << 20)
    g_assert_cmpuint (fwrite (chunk, 1, 1 << 20, f), ==, 1 << 20);
  fputs ("</name></council></councils></cyd>\n", f);
  g_assert_cmpint (fclose (f), ==, 0);
  assert_refused (path);
  g_unlink (path);
}

static void
test_utf16 (void)
{
  const char *text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" ROOT
                     "<councils><council code=\"X\"><name lang=\"en\">X</name></council></councils></cyd>\n";
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16", "UTF-8", NULL, &n, &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = write_input ("utf16.xml", utf16, n);
  assert_refused (path);
}

/* A DOCTYPE that comes after more than the importer's first look at the
 * file (64 KiB of comment) is still refused. */
static void
test_late_doctype (void)
{
  GString *s = g_string_new (HEAD "<!--");
  g_autofree char *path = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "-->\n<!DOCTYPE cyd [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n" ROOT
                      "<councils><council code=\"X\"><name lang=\"en\">&x;</name></council></councils></cyd>\n");
  path = write_input ("late-doctype.xml", s->str, s->len);
  g_string_free (s, TRUE);
  assert_refused (path);
}

static void
test_truncated_large (void)
{
  g_autofree char *full = g_build_filename (dir, "full.xml", NULL);
  g_autofree char *content = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "300", "--seed", "7", "-o", full, NULL), ==, 0);
  g_assert_true (g_file_get_contents (full, &content, &length, NULL));
  for (guint cut = 1; cut < 8; cut++)
    {
      g_autofree char *name = g_strdup_printf ("cut-%u.xml", cut);

      g_clear_pointer (&path, g_free);
      path = write_input (name, content, length * cut / 8);
      assert_refused_saying (path, "cut short");
    }

  /* Whole, then more after the root: not cut short. */
  g_clear_pointer (&path, g_free);
  {
    g_autofree char *more = g_strconcat (content, "\n<councils/>\n", NULL);

    path = write_input ("more.xml", more, -1);
    assert_refused_saying (path, "after its last element");
  }
}

/* ---- two processes on one file ---------------------------------------------- */

/* While another process writes to the file, an import waits a little, then
 * is refused with a message that says so; the file is whole afterwards. */
static void
test_second_process (void)
{
  g_autofree char *good = g_build_filename (dir, "second.xml", NULL);
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  sqlite3 *other = NULL;
  gint64 start;

  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "20", "--seed", "9", "-o", good, NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO programme (key, value) VALUES ('bench-lock', 'x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_cmpint (run (NULL, &err, "import", db, good, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Another program is using this programme file"));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);   /* it waited */
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  g_assert_cmpint (run (NULL, &err, "check", db, NULL), ==, 0);
  after = export_db ();
  g_assert_cmpstr (after, ==, before);
}

/* A reader in another process does not stop an import, and sees the old
 * data or the new, never half. */
static void
test_reader_during_import (void)
{
  g_autofree char *copy = g_build_filename (dir, "reader.cyd", NULL);
  g_autofree char *file = g_build_filename (dir, "reader.xml", NULL);
  sqlite3 *other = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "200", "--seed", "3", "-o", file, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", copy, file, NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (copy, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (other, "SELECT count(*) FROM person", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 200);
  sqlite3_reset (stmt);

  g_clear_pointer (&file, g_free);
  file = g_build_filename (dir, "reader2.xml", NULL);
  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "300", "--seed", "3", "-o", file, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", copy, file, NULL), ==, 0);

  /* the reader's snapshot still holds the old data */
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 200);
  sqlite3_reset (stmt);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 300);
  sqlite3_finalize (stmt);
  sqlite3_close (other);
  g_assert_cmpint (run (NULL, NULL, "check", copy, NULL), ==, 0);
}

/* ---- the generator ------------------------------------------------------------ */

static void
test_generator (void)
{
  g_autofree char *a = g_build_filename (dir, "gen-a.xml", NULL);
  g_autofree char *b = g_build_filename (dir, "gen-b.xml", NULL);
  g_autofree char *c = g_build_filename (dir, "gen-c.xml", NULL);
  g_autofree char *fresh = g_build_filename (dir, "gen.cyd", NULL);
  g_autofree char *text_a = NULL, *text_b = NULL, *text_c = NULL, *err = NULL, *exported = NULL;

  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "500", "-o", a, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "500", "-o", b, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "500", "--seed", "2", "-o", c, NULL), ==, 0);
  g_assert_true (g_file_get_contents (a, &text_a, NULL, NULL));
  g_assert_true (g_file_get_contents (b, &text_b, NULL, NULL));
  g_assert_true (g_file_get_contents (c, &text_c, NULL, NULL));
  g_assert_cmpstr (text_a, ==, text_b);       /* deterministic */
  g_assert_cmpstr (text_a, !=, text_c);       /* seeded */
  g_assert_nonnull (strstr (text_a, "lang=\"cy\""));
  g_assert_nonnull (strstr (text_a, "<also-reports-to "));
  g_assert_nonnull (strstr (text_a, "<maps-to "));
  g_assert_nonnull (strstr (text_a, "<depends-on "));
  g_assert_nonnull (strstr (text_a, "kind=\"merged\""));
  /* Every title in both languages, each in its own. */
  g_assert_null (strstr (text_a, "(null)"));
  g_assert_nonnull (strstr (text_a, "<title lang=\"en\">Consultation on the joint structure (1)</title>"));
  g_assert_nonnull (strstr (text_a, "<title lang=\"cy\">Ymgynghori ar y strwythur ar y cyd (1)</title>"));

  g_assert_cmpint (run (NULL, &err, "import", fresh, a, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "Staff: 500 added"));
  g_assert_cmpint (run (NULL, NULL, "check", fresh, NULL), ==, 0);
  g_assert_cmpint (run (&exported, NULL, "export", fresh, NULL), ==, 0);
  g_assert_nonnull (strstr (exported, "employee-number=\"100000\""));

  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "0", "-o", a, NULL), ==, 2);
  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "5", NULL), ==, 2);
}

/* Every input the fuzzer once tripped on (tests/fixtures/fuzz/) is now
 * either imported or refused, located, with the programme unchanged. */
static void
test_fuzz_finding (gconstpointer data)
{
  const char *path = data;
  g_autofree char *err = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *copy = g_build_filename (dir, "fuzz.cyd", NULL);
  int status;

  g_unlink (copy);
  status = run (NULL, &err, "import", copy, path, NULL);
  g_assert_cmpint (status, <=, 1);
  g_assert_cmpint (run (NULL, NULL, "check", copy, NULL), ==, 0);
  g_assert_cmpint (run (&exported, NULL, "export", copy, NULL), ==, 0);
  if (status == 1)
    g_assert_null (strstr (exported, "code="));    /* nothing was written */
}

static void
add_fuzz_findings (void)
{
  const char *fixtures = g_getenv ("CYD_FIXTURES");
  g_autofree char *fuzz_dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;

  if (fixtures == NULL)
    return;
  fuzz_dir = g_build_filename (fixtures, "fuzz", NULL);
  listing = g_dir_open (fuzz_dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/robustness/fuzz/%s", name);

      g_test_add_data_func_full (test_path, g_build_filename (fuzz_dir, name, NULL), test_fuzz_finding, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *seed = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cli = g_getenv ("CYD_CLI");
  g_assert_nonnull (cli);
  dir = core_test_dir ();
  db = g_build_filename (dir, "programme.cyd", NULL);
  seed = g_build_filename (dir, "seed.xml", NULL);
  g_assert_cmpint (run (NULL, NULL, "generate", "--staff", "100", "-o", seed, NULL), ==, 0);
  g_assert_cmpint (run (NULL, NULL, "import", db, seed, NULL), ==, 0);
  before = export_db ();

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/robustness/hostile/%s", hostile[i].name);
      g_test_add_data_func (path, &hostile[i], test_hostile);
    }
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/robustness/value/%s", value_cases[i].name);
      g_test_add_data_func (path, &value_cases[i], test_value_rule);
    }
  g_test_add_func ("/core/robustness/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/robustness/huge-text-node", test_huge_text_node);
  g_test_add_func ("/core/robustness/utf16", test_utf16);
  g_test_add_func ("/core/robustness/late-doctype", test_late_doctype);
  g_test_add_func ("/core/robustness/truncated", test_truncated_large);
  g_test_add_func ("/core/robustness/second-process", test_second_process);
  g_test_add_func ("/core/robustness/reader-during-import", test_reader_during_import);
  g_test_add_func ("/core/robustness/generator", test_generator);
  add_fuzz_findings ();
  return core_test_run ();
}
