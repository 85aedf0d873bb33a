/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-test"

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "cyd.h"
#include "cyd-bilingual-entry.h"
#include "cyd-language.h"
#include "cyd-preferences-window.h"
#include "cyd-welsh-gaps-window.h"
#include "cyd-window.h"
#include "ui-test-util.h"

static const char *const page_names[] = {
  "overview", "structure", "staff", "posts",
  "budgets", "savings", "service-lines", "milestones",
};

/* The Welsh catalogue merged with the sources as they are now (the build
 * writes it with build-aux/check-po.sh): English msgid → Welsh msgstr where
 * the two differ; the Welsh strings; and the msgids still waiting for the
 * translator (new or changed strings), which may show in English for now. */
static GHashTable *catalogue;
static GHashTable *welsh_strings;
static GHashTable *pending;

static char *
unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");
  inner = g_strndup (start + 1, end - start - 1);
  return g_strcompress (inner);
}

/* A message with a context is counted as Welsh when shown, but its English
 * is not held against a label: a new string of the same English in another
 * context waits for the translator, as every new string does. */
static void
add_message (GString  *msgid,
             GString  *msgstr,
             gboolean  has_context,
             gboolean  fuzzy)
{
  if (msgid->len > 0 && (fuzzy || msgstr->len == 0))
    g_hash_table_add (pending, g_strdup (msgid->str));
  else if (msgid->len > 0 && !g_str_equal (msgid->str, msgstr->str))
    {
      if (!has_context)
        g_hash_table_replace (catalogue, g_strdup (msgid->str), g_strdup (msgstr->str));
      g_hash_table_add (welsh_strings, g_strdup (msgstr->str));
    }
  g_string_truncate (msgid, 0);
  g_string_truncate (msgstr, 0);
}

/* A small reader for po/cy.po's own layout: comments, msgctxt, msgid,
 * msgid_plural, msgstr and msgstr[N], each maybe continued on "..." lines. */
static void
load_catalogue (void)
{
  const char *path = g_getenv ("CYD_MERGED_PO");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) msgid = g_string_new (NULL);
  g_autoptr(GString) msgstr = g_string_new (NULL);
  GString *current = NULL;
  gboolean fuzzy = FALSE;
  gboolean has_context = FALSE;
  gboolean in_message = FALSE;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  catalogue = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  welsh_strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *value = unquote (line);

      if (*line == '#' || *line == '\0')
        {
          if (in_message)
            add_message (msgid, msgstr, has_context, fuzzy);
          if (in_message || *line == '\0')
            fuzzy = has_context = FALSE;
          in_message = FALSE;
          current = NULL;
          if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
            fuzzy = TRUE;
          continue;
        }

      in_message = TRUE;
      if (g_str_has_prefix (line, "msgctxt"))
        {
          has_context = TRUE;
          current = NULL;
        }
      else if (g_str_has_prefix (line, "msgid_plural") || g_str_has_prefix (line, "msgstr["))
        {
          /* The singular and the first form only. */
          current = g_str_has_prefix (line, "msgstr[0]") ? msgstr : NULL;
        }
      else if (g_str_has_prefix (line, "msgid"))
        {
          current = msgid;
        }
      else if (g_str_has_prefix (line, "msgstr"))
        {
          current = msgstr;
        }
      if (current != NULL)
        g_string_append (current, value);
    }
  if (in_message)
    add_message (msgid, msgstr, has_context, fuzzy);
  g_assert_cmpuint (g_hash_table_size (catalogue), >, 100);
  g_assert_true (g_hash_table_contains (catalogue, "_Open…"));
}

typedef struct {
  guint  welsh;     /* labels that read as a Welsh catalogue string */
  guint  english;   /* labels that read as an English msgid the catalogue translates */
  GPtrArray *seen;
} LabelCount;

static void
count_text (LabelCount *count,
            const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (g_hash_table_contains (welsh_strings, text))
    {
      count->welsh++;
      g_ptr_array_add (count->seen, g_strdup (text));
    }
  else if (g_hash_table_contains (catalogue, text) && !g_hash_table_contains (pending, text))
    {
      count->english++;
      g_test_message ("shown in English: “%s” (Welsh: “%s”)", text,
                      (const char *) g_hash_table_lookup (catalogue, text));
    }
}

/* Every mapped label, button label, tooltip and accessible label under @widget. */
static void
count_labels (GtkWidget  *widget,
              LabelCount *count)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child))
        count_text (count, gtk_label_get_label (GTK_LABEL (child)));
      count_text (count, gtk_widget_get_tooltip_text (child));
      count_labels (child, count);
    }
}

static LabelCount *
label_count_new (void)
{
  LabelCount *count = g_new0 (LabelCount, 1);

  count->seen = g_ptr_array_new_with_free_func (g_free);
  return count;
}

static void
label_count_free (LabelCount *count)
{
  g_ptr_array_unref (count->seen);
  g_free (count);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LabelCount, label_count_free)

static CydWindow *
open_window (CydStore *store)
{
  CydWindow *window = cyd_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (100);
  return window;
}

static void
show_page (CydWindow  *window,
           const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  ui_test_spin (80);
  g_assert_cmpstr (cyd_window_get_page (window), ==, name);
}

/* In Welsh, every page shows the catalogue's Welsh, never its English. */
static void
test_pages_in_welsh (void)
{
  g_autoptr(CydStore) store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  CydWindow *window;

  cyd_language_apply ("cy");
  window = open_window (store);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(LabelCount) count = label_count_new ();

      show_page (window, page_names[i]);
      count_labels (GTK_WIDGET (window), count);
      g_test_message ("%s: %u Welsh labels, e.g. “%s”, %u English", page_names[i],
                      count->welsh, count->seen->len > 0 ? (char *) count->seen->pdata[0] : "",
                      count->english);
      g_assert_cmpuint (count->english, ==, 0);
      /* Headings, the sidebar and the menus: some words Welsh has its own for. */
      g_assert_cmpuint (count->welsh, >=, 3);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  cyd_language_apply ("en");
}

/* Welsh words are longer: at the window's first size, each list's
 * toolbar, count and buttons included, is still all in sight. */
static void
test_toolbars_fit (void)
{
  static const char *const lists[] = { "staff", "posts", "savings", "milestones" };
  g_autoptr(CydStore) store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  CydWindow *window;

  cyd_language_apply ("cy");
  window = open_window (store);
  ui_test_resize (GTK_WINDOW (window), 1100, 720);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *page;
      double overflow;

      show_page (window, lists[i]);
      ui_test_spin (100);
      page = gtk_stack_get_visible_child (GTK_STACK (ui_test_find (GTK_WIDGET (window), GTK_TYPE_STACK,
                                                                   "overview")));
      overflow = ui_test_toolbar_overflow (page);
      g_test_message ("%s: toolbar %.0f pixels too wide", lists[i], overflow);
      g_assert_cmpfloat (overflow, ==, 0);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  cyd_language_apply ("en");
}

typedef struct {
  guint welsh;
  guint english;
} Counts;

static Counts
count_window (GtkWidget *window)
{
  g_autoptr(LabelCount) count = label_count_new ();
  Counts counts;

  count_labels (window, count);
  counts.welsh = count->welsh;
  counts.english = count->english;
  return counts;
}

/* Switching language rebuilds the window on the same store, page and date. */
static void
test_switch (void)
{
  g_autoptr(CydStore) store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  g_autoptr(GList) windows = NULL;
  g_autoptr(GList) rebuilt = NULL;
  CydWindow *window;
  CydWindow *welsh;
  Counts before, after;

  cyd_language_apply ("en");
  window = open_window (store);
  show_page (window, "staff");
  cyd_window_set_as_at (window, "2015-06-30");
  before = count_window (GTK_WIDGET (window));
  g_assert_cmpuint (before.welsh, ==, 0);
  g_assert_cmpuint (before.english, >=, 6);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (cyd_language_apply ("cy"));
  windows = g_list_prepend (NULL, window);
  rebuilt = cyd_language_rebuild_windows (windows);
  ui_test_spin (150);

  g_assert_null (window);
  g_assert_cmpuint (g_list_length (rebuilt), ==, 1);
  welsh = CYD_WINDOW (rebuilt->data);
  g_assert_true (cyd_window_get_store (welsh) == store);
  g_assert_cmpstr (cyd_window_get_page (welsh), ==, "staff");
  g_assert_cmpstr (cyd_window_get_as_at (welsh), ==, "2015-06-30");

  after = count_window (GTK_WIDGET (welsh));
  g_assert_cmpuint (after.english, ==, 0);
  g_assert_cmpuint (after.welsh, >=, 6);

  gtk_window_destroy (GTK_WINDOW (welsh));
  ui_test_spin (50);
  cyd_language_apply ("en");
}

/* The preferences store the choice in the "language" key. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  CydPreferencesWindow *window = cyd_preferences_window_new (NULL);
  AdwComboRow *row;
  g_autofree char *language = NULL;

  g_settings_set_string (settings, "language", "system");
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (50);
  row = ADW_COMBO_ROW (ui_test_find (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, NULL));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 2);
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "cy");

  g_settings_set_string (settings, "language", "en");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpstr (cyd_preferences_language_from_index (2), ==, "cy");
  g_assert_cmpuint (cyd_preferences_language_to_index ("nonsense"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "language", "system");
  ui_test_spin (20);
}

typedef struct {
  GListModel *model;
  guint       n;
} WaitCount;

static gboolean
model_has_count (gpointer data)
{
  WaitCount *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

/* The Welsh Gaps window lists what the count on the Overview counts. */
static void
test_gaps_window (void)
{
  g_autoptr(CydStore) store = ui_test_open_store (g_getenv ("CYD_DEMO_XML"));
  g_autoptr(GError) error = NULL;
  CydWelshGapsWindow *window;
  GtkDropDown *dropdown;
  GtkColumnView *view;
  guint missing_cy = 0, missing_en = 0;
  WaitCount wait;

  g_assert_true (cyd_welsh_gaps_count (store, &missing_cy, &missing_en, &error));
  g_assert_no_error (error);
  g_test_message ("demo: %u without Welsh, %u without English", missing_cy, missing_en);

  window = cyd_welsh_gaps_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (100);

  wait.model = cyd_welsh_gaps_window_get_model (window);
  wait.n = missing_cy + missing_en;
  g_assert_true (model_has_count (&wait));

  view = GTK_COLUMN_VIEW (ui_test_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_assert_nonnull (view);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 5);

  dropdown = GTK_DROP_DOWN (ui_test_find (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL));
  gtk_drop_down_set_selected (dropdown, 1);
  wait.n = missing_cy;
  g_assert_true (ui_test_wait_for (model_has_count, &wait));
  gtk_drop_down_set_selected (dropdown, 2);
  wait.n = missing_en;
  g_assert_true (ui_test_wait_for (model_has_count, &wait));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
}

/* GTK has no Welsh of its own for its shortcuts window's words: the
 * window shows Cyd's, and nothing of its English. */
static void
test_shortcuts_window (void)
{
  g_autoptr(CydStore) store = ui_test_open_store (NULL);
  g_autoptr(GList) toplevels = NULL;
  g_autoptr(LabelCount) count = label_count_new ();
  GtkWidget *shortcuts = NULL;
  GtkWidget *search;
  g_autofree char *placeholder = NULL;
  CydWindow *window;

  cyd_language_apply ("cy");
  window = open_window (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_spin (50);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      shortcuts = l->data;
  g_assert_nonnull (shortcuts);

  g_assert_true (ui_test_shows_text (shortcuts, "Llwybrau byr"));
  g_assert_false (ui_test_shows_text (shortcuts, "Shortcuts"));
  search = ui_test_find (shortcuts, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  g_object_get (search, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Chwilio’r llwybrau byr");
  count_labels (shortcuts, count);
  g_assert_cmpuint (count->english, ==, 0);

  gtk_window_destroy (GTK_WINDOW (shortcuts));
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  cyd_language_apply ("en");
}

/* The bilingual entry: two texts, each notified when it changes. */
static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_bilingual_entry (void)
{
  GtkWidget *window = gtk_window_new ();
  CydBilingualEntry *entry = CYD_BILINGUAL_ENTRY (cyd_bilingual_entry_new ());
  guint n_en = 0, n_cy = 0;
  g_autofree char *cy = NULL;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (entry));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_swapped (entry, "notify::text-en", G_CALLBACK (count_notify), &n_en);
  g_signal_connect_swapped (entry, "notify::text-cy", G_CALLBACK (count_notify), &n_cy);

  g_assert_cmpstr (cyd_bilingual_entry_get_text_en (entry), ==, "");
  g_object_set (entry, "label", "Name", "text-en", "Social Work", NULL);
  cyd_bilingual_entry_set_text_cy (entry, "Gwaith Cymdeithasol");
  cyd_bilingual_entry_set_text_cy (entry, "Gwaith Cymdeithasol");
  g_assert_cmpuint (n_en, ==, 1);
  g_assert_cmpuint (n_cy, ==, 1);

  /* Typing in the Welsh entry changes text-cy. */
  gtk_editable_set_text (cyd_bilingual_entry_get_entry (entry, "cy"), "Gwaith");
  g_object_get (entry, "text-cy", &cy, NULL);
  g_assert_cmpstr (cy, ==, "Gwaith");
  g_assert_cmpuint (n_cy, >=, 2);
  g_assert_cmpstr (cyd_bilingual_entry_get_text_en (entry), ==, "Social Work");
  g_assert_cmpstr (cyd_bilingual_entry_get_label (entry), ==, "Name");
  g_assert_true (ui_test_shows_text (window, "Cymraeg"));
  g_assert_true (ui_test_shows_text (window, "English"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CYD_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  cyd_language_init ();
  load_catalogue ();

  g_test_add_func ("/ui/welsh/pages", test_pages_in_welsh);
  g_test_add_func ("/ui/welsh/toolbars-fit", test_toolbars_fit);
  g_test_add_func ("/ui/welsh/switch", test_switch);
  g_test_add_func ("/ui/welsh/preferences", test_preferences);
  g_test_add_func ("/ui/welsh/gaps-window", test_gaps_window);
  g_test_add_func ("/ui/welsh/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/welsh/bilingual-entry", test_bilingual_entry);

  return g_test_run ();
}
