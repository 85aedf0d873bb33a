/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cyd.h"
#include "core-test-util.h"
#include "cyd-collate.h"
#include "cyd-generator.h"

/* Each run works in a directory of its own. */
typedef struct {
  CydStore *store;
  guint     signals;
  guint     last_removed;
  guint     last_added;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->signals++;
  f->last_removed = removed;
  f->last_added = added;
  g_assert_cmpuint (position, ==, 0);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->store = core_test_open_demo ("list.cyd");
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static void
test_every_kind_lists (Fixture       *f,
                       gconstpointer  data)
{
  for (guint i = 0; i <= CYD_N_RECORD_KINDS; i++)
    {
      CydKind kind = cyd_kind_from_index (i);
      CydListModel *model = cyd_list_model_new (f->store, kind);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_assert_cmpuint (n, ==, cyd_store_count (f->store, kind));
      g_assert_cmpuint (n, >, 0);
      for (guint j = 0; j < n; j += 37)
        {
          g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), j);
          g_assert_nonnull (record);
          g_assert_cmpint (cyd_record_get_id (record), >, 0);
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
      g_assert_finalize_object (model);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  CydListModel *model = cyd_list_model_new (f->store, CYD_KIND_STAFF);
  guint all = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint some;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);

  cyd_list_model_set_search (model, "Jones");
  some = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (f->signals, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, all);
  g_assert_cmpuint (f->last_added, ==, some);
  g_assert_cmpuint (some, <, all);
  for (guint i = 0; i < some; i++)
    {
      g_autoptr(CydRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *haystack = g_strjoin (" ", cyd_record_get_text (r, "name"),
                                             cyd_record_get_text (r, "employee"),
                                             cyd_record_get_text (r, "grade"), NULL);
      g_autofree char *lower = g_ascii_strdown (haystack, -1);
      g_assert_nonnull (strstr (lower, "jones"));
    }

  /* The same search again changes nothing and says nothing. */
  cyd_list_model_set_search (model, " Jones ");
  g_assert_cmpuint (f->signals, ==, 1);

  /* Wildcards are plain characters. */
  cyd_list_model_set_search (model, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  cyd_list_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, all);
  g_assert_cmpuint (f->signals, ==, 3);
  g_assert_finalize_object (model);
}

/* Every id @model shows, in order. */
static GArray *
shown_ids (CydListModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 id = cyd_record_get_id (r);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* Searching in memory shows what searching in SQL shows, row for row: for
 * every kind, typed a letter at a time, in any case, with a sort and after
 * the file changes. */
static void
test_search_in_memory (Fixture       *f,
                       gconstpointer  data)
{
  static const char *const typed[] = { "jones", "HR", "d", "GR", "%", "Siân", "a_b", "2014", "x" };
  static const char *const sort_keys[] = { "title", "family-name", "name", "description", "code" };

  for (guint i = 0; i <= CYD_N_RECORD_KINDS; i++)
    {
      CydKind kind = cyd_kind_from_index (i);
      g_autoptr(CydListModel) sql = cyd_list_model_new (f->store, kind);
      g_autoptr(CydListModel) memory = cyd_list_model_new (f->store, kind);

      cyd_list_model_prepare_search (memory);
      if (kind != CYD_KIND_MILESTONE)
        {
          while (!cyd_list_model_is_search_ready (memory))
            g_main_context_iteration (NULL, TRUE);
        }
      /* Half the kinds sorted on a column, backwards. */
      for (guint k = 0; i % 2 == 1 && k < G_N_ELEMENTS (sort_keys); k++)
        if (cyd_list_model_has_sort_key (sql, sort_keys[k]))
          {
            cyd_list_model_set_sort (sql, sort_keys[k], TRUE);
            cyd_list_model_set_sort (memory, sort_keys[k], TRUE);
            break;
          }
      while (kind != CYD_KIND_MILESTONE && !cyd_list_model_is_search_ready (memory))
        g_main_context_iteration (NULL, TRUE);
      for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
        for (const char *end = typed[w]; *end != '\0'; )
          {
            g_autofree char *prefix = NULL;
            g_autoptr(GArray) a = NULL;
            g_autoptr(GArray) b = NULL;

            end = g_utf8_next_char (end);
            prefix = g_strndup (typed[w], end - typed[w]);
            cyd_list_model_set_search (sql, prefix);
            cyd_list_model_set_search (memory, prefix);
            a = shown_ids (sql);
            b = shown_ids (memory);
            assert_same_ids (a, b);
          }
    }
}

static gboolean
shows_given_name (CydListModel *model,
                  const char   *given)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) r = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (cyd_record_get_text (r, "given-name"), given) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A search finds names with or without their accents, in any case: "sian"
 * finds Siân and Osian, "gwenllïan" finds Gwenllian; in SQL and in
 * memory alike. */
static void
test_search_accents (Fixture       *f,
                     gconstpointer  data)
{
  static const char *const sian[] = { "sian", "SIAN", "Siân", "SIÂN", "sia\xcc\x82n" };
  g_autoptr(CydListModel) sql = cyd_list_model_new (f->store, CYD_KIND_STAFF);
  g_autoptr(CydListModel) memory = cyd_list_model_new (f->store, CYD_KIND_STAFF);
  g_autoptr(GArray) first = NULL;
  g_autofree char *folded = cyd_search_fold ("Siân Ŵyn GWENLLÏAN");
  g_autofree char *invalid = cyd_search_fold ("O\xff");

  g_assert_cmpstr (folded, ==, "sian wyn gwenllian");
  g_assert_cmpstr (invalid, ==, "o\xff");

  cyd_list_model_prepare_search (memory);
  while (!cyd_list_model_is_search_ready (memory))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (sian); i++)
    {
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;

      cyd_list_model_set_search (sql, sian[i]);
      cyd_list_model_set_search (memory, sian[i]);
      a = shown_ids (sql);
      b = shown_ids (memory);
      assert_same_ids (a, b);
      g_assert_true (shows_given_name (sql, "Siân"));
      g_assert_true (shows_given_name (sql, "Osian"));
      if (first == NULL)
        first = g_steal_pointer (&a);
      else
        assert_same_ids (first, a);
    }

  cyd_list_model_set_search (sql, "gwenllïan");
  cyd_list_model_set_search (memory, "gwenllïan");
  g_assert_true (shows_given_name (sql, "Gwenllian"));
  g_assert_true (shows_given_name (memory, "Gwenllian"));
}

typedef struct {
  guint position;
  guint changes;   /* items-changed covering position */
} Covered;

static void
on_far_rows_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Covered    *covered)
{
  if (position <= covered->position && covered->position < position + added)
    covered->changes++;
}

/* A page far down a long list is not read by OFFSET before the index is:
 * it comes as empty rows, and once the index is read the model says so and
 * gives the rows SQL would. */
static void
test_defer_far_pages (void)
{
  g_autofree char *xml = g_build_filename (core_test_dir (), "far.xml", NULL);
  g_autofree char *path = g_build_filename (core_test_dir (), "far.cyd", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (xml);
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydImporter) importer = NULL;
  g_autoptr(CydListModel) sql = NULL;
  g_autoptr(CydListModel) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CydRecord) near = NULL;
  g_autoptr(CydRecord) empty = NULL;
  g_autoptr(CydRecord) later = NULL;
  g_autoptr(CydRecord) expected = NULL;
  Covered covered = { 1900, 0 };

  g_assert_true (cyd_generate_to_file (xml, 2000, 3, &error));
  g_unlink (path);
  store = cyd_store_open (path, &error);
  g_assert_no_error (error);
  importer = cyd_importer_new (store);
  g_assert_true (cyd_importer_import_file (importer, file, NULL, &error));
  g_assert_no_error (error);

  sql = cyd_list_model_new (store, CYD_KIND_STAFF);
  view = cyd_list_model_new (store, CYD_KIND_STAFF);
  cyd_list_model_set_defer_far_pages (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 2000);
  g_signal_connect (view, "items-changed", G_CALLBACK (on_far_rows_changed), &covered);

  /* The first pages are read at once, as ever. */
  near = g_list_model_get_item (G_LIST_MODEL (view), 5);
  g_assert_cmpint (cyd_record_get_id (near), !=, 0);
  empty = g_list_model_get_item (G_LIST_MODEL (view), 1900);
  g_assert_nonnull (empty);
  g_assert_cmpint (cyd_record_get_id (empty), ==, 0);
  g_assert_cmpstr (cyd_record_get_text (empty, "family-name"), ==, "");

  while (!cyd_list_model_is_search_ready (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (covered.changes, ==, 1);
  later = g_list_model_get_item (G_LIST_MODEL (view), 1900);
  expected = g_list_model_get_item (G_LIST_MODEL (sql), 1900);
  g_assert_cmpint (cyd_record_get_id (later), !=, 0);
  g_assert_cmpint (cyd_record_get_id (later), ==, cyd_record_get_id (expected));

  /* A list read through, as an export reads it, never waits. */
  g_clear_object (&later);
  later = g_list_model_get_item (G_LIST_MODEL (sql), 1999);
  g_assert_cmpint (cyd_record_get_id (later), !=, 0);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  CydListModel *model = cyd_list_model_new (f->store, CYD_KIND_STAFF);
  GListModel *list = G_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (list);
  g_autofree char *prev = NULL;

  g_assert_true (cyd_list_model_has_sort_key (model, "family-name"));
  g_assert_false (cyd_list_model_has_sort_key (model, "nonsense"));

  cyd_list_model_set_sort (model, "family-name", TRUE);
  /* Through more than one page: descending, ignoring case. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) r = g_list_model_get_item (list, i);
      g_autofree char *name = g_utf8_casefold (cyd_record_get_text (r, "family-name"), -1);

      if (prev != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (prev, name), >=, 0);
      g_free (prev);
      prev = g_steal_pointer (&name);
    }

  cyd_list_model_set_sort (model, "salary", FALSE);
  {
    g_autoptr(CydRecord) first = g_list_model_get_item (list, 0);
    g_autoptr(CydRecord) last = g_list_model_get_item (list, n - 1);
    g_assert_nonnull (first);
    g_assert_nonnull (last);
  }
  g_assert_finalize_object (model);
}

static void
test_refresh_on_import (Fixture       *f,
                        gconstpointer  data)
{
  CydListModel *model = cyd_list_model_new (f->store, CYD_KIND_MILESTONE);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), f);
  cyd_store_notify_changed (f->store, CYD_KIND_MILESTONE);
  g_assert_cmpuint (f->signals, ==, 1);
  g_assert_cmpuint (f->last_added, ==, before);
  g_assert_finalize_object (model);
}

static void
test_display_texts (Fixture       *f,
                    gconstpointer  data)
{
  CydListModel *model = cyd_list_model_new (f->store, CYD_KIND_BUDGET);
  g_autoptr(CydRecord) r = g_list_model_get_item (G_LIST_MODEL (model), 0);

  g_assert_true (g_str_has_prefix (cyd_record_get_text (r, "budget"), "£"));
  g_assert_true (g_regex_match_simple ("^20[0-9]{2}/[0-9]{2}$", cyd_record_get_text (r, "year"), 0, 0));
  g_clear_object (&r);
  g_assert_finalize_object (model);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/core/list-model/every-kind", Fixture, NULL, setup, test_every_kind_lists, teardown);
  g_test_add ("/core/list-model/search", Fixture, NULL, setup, test_search, teardown);
  g_test_add ("/core/list-model/search-in-memory", Fixture, NULL, setup, test_search_in_memory, teardown);
  g_test_add ("/core/list-model/search-accents", Fixture, NULL, setup, test_search_accents, teardown);
  g_test_add_func ("/core/list-model/defer-far-pages", test_defer_far_pages);
  g_test_add ("/core/list-model/sort", Fixture, NULL, setup, test_sort, teardown);
  g_test_add ("/core/list-model/refresh", Fixture, NULL, setup, test_refresh_on_import, teardown);
  g_test_add ("/core/list-model/display", Fixture, NULL, setup, test_display_texts, teardown);
  return core_test_run ();
}
