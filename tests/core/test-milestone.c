/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/wait.h>

#include "cyd.h"
#include "core-test-util.h"

/* A small programme in a string: "CODE:due:status:override" milestones
 * separated by spaces, and "A<B" dependencies (A depends on B). */
typedef struct {
  const char   *name;
  const char   *milestones;
  const char   *dependencies;
  const char   *as_at;
  guint         due_soon_days;
  const char   *expected;       /* "CODE=rag/reason" ... */
} RagCase;

static const char *reason_names[] = {
  "done", "cancelled", "override", "overdue", "dep-red", "due-soon", "dep-late", "on-track",
};

static const RagCase rag_cases[] = {
  { "on-track", "A:2024-06-01:in-progress:", "", "2024-04-01", 14, "A=green/on-track" },
  { "overdue", "A:2024-03-31:in-progress:", "", "2024-04-01", 14, "A=red/overdue" },
  { "due-today-not-overdue", "A:2024-04-01:in-progress:", "", "2024-04-01", 14, "A=green/on-track" },
  { "due-soon-not-started", "A:2024-04-15:not-started:", "", "2024-04-01", 14, "A=amber/due-soon" },
  { "due-soon-started", "A:2024-04-15:in-progress:", "", "2024-04-01", 14, "A=green/on-track" },
  { "beyond-soon", "A:2024-04-16:not-started:", "", "2024-04-01", 14, "A=green/on-track" },
  { "soon-preference", "A:2024-04-25:not-started:", "", "2024-04-01", 30, "A=amber/due-soon" },
  { "done-never-red", "A:2020-01-01:done:", "", "2024-04-01", 14, "A=green/done" },
  { "cancelled-never-red", "A:2020-01-01:cancelled:", "", "2024-04-01", 14, "A=green/cancelled" },
  { "done-ignores-override", "A:2020-01-01:done:red", "", "2024-04-01", 14, "A=green/done" },
  { "override-green-overdue", "A:2024-03-01:in-progress:green", "", "2024-04-01", 14, "A=green/override" },
  { "override-red", "A:2024-09-01:in-progress:red", "", "2024-04-01", 14, "A=red/override" },
  { "dependency-red", "A:2024-03-01:in-progress: B:2024-09-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=red/overdue B=red/dep-red" },
  { "transitive-red", "A:2024-03-01:in-progress: B:2024-09-01:in-progress: C:2024-10-01:in-progress:",
    "C<B B<A", "2024-04-01", 14, "A=red/overdue B=red/dep-red C=red/dep-red" },
  { "override-propagates", "A:2024-09-01:in-progress:red B:2024-10-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=red/override B=red/dep-red" },
  { "override-stops-red", "A:2024-03-01:in-progress:green B:2024-10-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=green/override B=green/on-track" },
  { "done-dependency-not-red", "A:2024-03-01:done: B:2024-10-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=green/done B=green/on-track" },
  { "dependency-late", "A:2024-09-01:in-progress: B:2024-08-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=green/on-track B=amber/dep-late" },
  { "done-dependency-late-is-fine", "A:2024-09-01:done: B:2024-08-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=green/done B=green/on-track" },
  { "amber-does-not-propagate", "A:2024-04-10:not-started: B:2024-09-01:in-progress:", "B<A", "2024-04-01", 14,
    "A=amber/due-soon B=green/on-track" },
  { "order-independent", "C:2024-10-01:in-progress: B:2024-09-01:in-progress: A:2024-03-01:in-progress:",
    "C<B B<A", "2024-04-01", 14, "A=red/overdue B=red/dep-red C=red/dep-red" },
};

static CydMilestonePlan *
build_plan (const char *milestones,
            const char *dependencies)
{
  g_autoptr(CydMilestonePlan) plan = cyd_milestone_plan_new ();
  g_auto(GStrv) items = g_strsplit (milestones, " ", -1);
  g_auto(GStrv) deps = g_strsplit (dependencies, " ", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (items[i], ":", 4);

      g_assert_cmpuint (g_strv_length (f), ==, 4);
      cyd_milestone_plan_add (plan, i + 1, f[0], f[1], f[2], cyd_rag_from_string (f[3]));
    }
  for (guint i = 0; deps[i] != NULL; i++)
    {
      g_auto(GStrv) ab = NULL;

      if (*deps[i] == '\0')
        continue;
      ab = g_strsplit (deps[i], "<", 2);
      cyd_milestone_plan_add_dependency (plan, cyd_milestone_plan_find_code (plan, ab[0]),
                                         cyd_milestone_plan_find_code (plan, ab[1]));
    }
  return g_steal_pointer (&plan);
}

static void
test_rag_case (gconstpointer data)
{
  const RagCase *c = data;
  g_autoptr(CydMilestonePlan) plan = build_plan (c->milestones, c->dependencies);
  g_auto(GStrv) expected = g_strsplit (c->expected, " ", -1);

  cyd_milestone_plan_compute (plan, c->as_at, c->due_soon_days);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (expected[i], "=", 2);
      guint index = cyd_milestone_plan_find_code (plan, kv[0]);
      g_autofree char *got = NULL;
      g_autofree char *text = NULL;

      g_assert_cmpuint (index, !=, CYD_MILESTONE_NO_CAUSE);
      got = g_strdup_printf ("%s/%s", cyd_rag_to_string (cyd_milestone_plan_get_rag (plan, index)),
                             reason_names[cyd_milestone_plan_get_reason (plan, index)]);
      g_assert_cmpstr (got, ==, kv[1]);
      text = cyd_milestone_plan_dup_rag_text (plan, index);
      g_assert_nonnull (text);
      g_assert_cmpstr (text, !=, "");
    }
}

static void
test_reason_names_cause (void)
{
  g_autoptr(CydMilestonePlan) plan = build_plan ("A:2024-03-01:in-progress: B:2024-09-01:in-progress:", "B<A");
  g_autofree char *text = NULL;
  guint b = cyd_milestone_plan_find_code (plan, "B");

  cyd_milestone_plan_compute (plan, "2024-04-01", 14);
  g_assert_cmpuint (cyd_milestone_plan_get_cause (plan, b), ==, cyd_milestone_plan_find_code (plan, "A"));
  text = cyd_milestone_plan_dup_rag_text (plan, b);
  g_assert_nonnull (strstr (text, "A"));
}

static void
test_cycle_found (void)
{
  g_autoptr(CydMilestonePlan) plan = build_plan ("A:2024-01-01:: B:2024-02-01:: C:2024-03-01:: D:2024-04-01::",
                                                 "B<A C<B A<C D<A");
  g_autoptr(GPtrArray) cycle = cyd_milestone_plan_find_cycle (plan);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(CydMilestonePlan) acyclic = build_plan ("A:2024-01-01:: B:2024-02-01:: C:2024-03-01::", "B<A C<B C<A");

  g_assert_nonnull (cycle);
  g_assert_cmpuint (cycle->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (cycle, 0), ==, g_ptr_array_index (cycle, 3));
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_strv_contains ((const char * const[]) { "A", "B", "C", NULL },
                                    g_ptr_array_index (cycle, i)));

  none = cyd_milestone_plan_find_cycle (acyclic);
  g_assert_null (none);

  /* A cycle must not hang the rating either. */
  cyd_milestone_plan_compute (plan, "2024-01-15", 14);
  g_assert_cmpint (cyd_milestone_plan_get_rag (plan, 0), !=, CYD_RAG_NONE);
}

typedef struct {
  const char *name;
  const char *edit;           /* the milestone that gets the dependencies */
  const char *depends_on;     /* codes, space separated */
  const char *cycle;          /* expected text in the message, or NULL when accepted */
} CycleCase;

static const CycleCase cycle_cases[] = {
  { "accepted", "C", "A B", NULL },
  { "direct", "A", "B", "A → B → A" },
  { "through-two", "A", "C", "A → C → B → A" },
  { "self", "B", "B", "B → B" },
  { "new-milestone", NULL, "A C", NULL },
};

static void
test_check_dependencies (gconstpointer data)
{
  const CycleCase *c = data;
  g_autoptr(CydMilestonePlan) plan = build_plan ("A:2024-01-01:: B:2024-02-01:: C:2024-03-01::", "B<A C<B");
  g_auto(GStrv) codes = g_strsplit (c->depends_on, " ", -1);
  g_autofree gint64 *ids = g_new0 (gint64, g_strv_length (codes));
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gboolean ok;

  for (guint i = 0; codes[i] != NULL; i++)
    ids[i] = cyd_milestone_plan_get_id (plan, cyd_milestone_plan_find_code (plan, codes[i]));
  if (c->edit != NULL)
    id = cyd_milestone_plan_get_id (plan, cyd_milestone_plan_find_code (plan, c->edit));

  ok = cyd_milestone_plan_check_dependencies (plan, id, c->edit ? c->edit : "NEW", ids,
                                              g_strv_length (codes), &error);
  if (c->cycle == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED);
      g_assert_nonnull (strstr (error->message, c->cycle));
    }
}

static void
test_slip_propagates (void)
{
  /* B and D depend on A; C on B; E stands alone. */
  g_autoptr(CydMilestonePlan) plan = build_plan ("A:2024-05-01:in-progress: B:2024-06-01:in-progress:"
                                                 " C:2024-09-01:not-started: D:2024-12-01:not-started:"
                                                 " E:2024-06-15:not-started:",
                                                 "B<A C<B D<A");
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint a = cyd_milestone_plan_find_code (plan, "A");
  g_autofree char *risk = NULL;

  cyd_milestone_plan_compute (plan, "2024-04-01", 14);
  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    g_assert_false (cyd_milestone_plan_get_at_risk (plan, i));

  none = cyd_milestone_plan_slip (plan, a, "2024-05-20");
  g_assert_cmpuint (none->len, ==, 0);

  /* Past B's due date: B, and C downstream of it, are at risk; D is not. */
  some = cyd_milestone_plan_slip (plan, a, "2024-07-01");
  g_assert_cmpuint (some->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (some, 0), ==, "B");
  g_assert_cmpstr (g_ptr_array_index (some, 1), ==, "C");

  all = cyd_milestone_plan_slip (plan, a, "2025-01-01");
  g_assert_cmpuint (all->len, ==, 3);

  /* The plan is left as it was. */
  g_assert_cmpstr (cyd_milestone_plan_get_due (plan, a), ==, "2024-05-01");
  g_assert_false (cyd_milestone_plan_get_at_risk (plan, cyd_milestone_plan_find_code (plan, "B")));

  /* Stored slips show as at risk, with the reason naming the cause. */
  cyd_milestone_plan_set_due (plan, a, "2024-07-01");
  cyd_milestone_plan_compute (plan, "2024-04-01", 14);
  g_assert_true (cyd_milestone_plan_get_at_risk (plan, cyd_milestone_plan_find_code (plan, "C")));
  g_assert_false (cyd_milestone_plan_get_at_risk (plan, cyd_milestone_plan_find_code (plan, "E")));
  risk = cyd_milestone_plan_dup_risk_text (plan, cyd_milestone_plan_find_code (plan, "C"));
  g_assert_nonnull (strstr (risk, "B"));
}

static void
test_load_demo (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("demo.cyd");
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint hr04, n_deps = 0;

  plan = cyd_milestone_plan_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cyd_milestone_plan_get_n (plan), ==, cyd_store_count (store, CYD_KIND_MILESTONE));
  g_assert_null (cyd_milestone_plan_find_cycle (plan));

  cyd_milestone_plan_compute (plan, "2014-03-01", 14);
  hr04 = cyd_milestone_plan_find_code (plan, "HR-04");
  g_assert_cmpint (cyd_milestone_plan_get_rag (plan, hr04), ==, CYD_RAG_AMBER);
  g_assert_cmpint (cyd_milestone_plan_get_reason (plan, hr04), ==, CYD_RAG_REASON_OVERRIDE);
  cyd_milestone_plan_get_dependencies (plan, hr04, &n_deps);
  g_assert_cmpuint (n_deps, >, 0);

  /* The temporary table lists every milestone. */
  g_assert_true (cyd_milestone_write_rag_table (store, "2014-03-01", 14, &error));
  g_assert_no_error (error);
  g_clear_object (&plan);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_rag_reason_rule (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("reason.cyd");
  g_autoptr(CydEdit) bad = cyd_edit_new ("reason without override");
  g_autoptr(CydEdit) good = cyd_edit_new ("override with reason");
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint index;

  plan = cyd_milestone_plan_load (store, &error);
  index = cyd_milestone_plan_find_code (plan, "GOV-09");
  id = cyd_milestone_plan_get_id (plan, index);
  g_clear_object (&plan);

  /* A reason is refused without an override. */
  cyd_edit_update (bad, "milestone", id, "rag_reason", g_variant_new_string ("Board asked"));
  g_assert_false (cyd_store_apply (store, bad, &error));
  g_assert_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED);
  g_clear_error (&error);

  cyd_edit_update (good, "milestone", id, "rag", g_variant_new_string ("red"));
  cyd_edit_update (good, "milestone", id, "rag_reason", g_variant_new_string ("Board asked"));
  g_assert_true (cyd_store_apply (store, good, &error));
  g_assert_no_error (error);

  plan = cyd_milestone_plan_load (store, &error);
  index = cyd_milestone_plan_find_code (plan, "GOV-09");
  cyd_milestone_plan_compute (plan, "2014-03-01", 14);
  g_assert_cmpint (cyd_milestone_plan_get_rag (plan, index), ==, CYD_RAG_RED);
  g_assert_cmpstr (cyd_milestone_plan_get_override_reason (plan, index), ==, "Board asked");
  g_clear_object (&plan);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static guint
count_filtered (CydListModel *model,
                const char   *key,
                const char   *value)
{
  guint n;

  cyd_list_model_set_filter (model, key, value);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  cyd_list_model_set_filter (model, key, NULL);
  return n;
}

static void
test_list_model_rag (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("list.cyd");
  g_autoptr(CydListModel) model = cyd_list_model_new (store, CYD_KIND_MILESTONE);
  g_autoptr(CydMilestonePlan) plan = cyd_milestone_plan_load (store, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint red = 0, overdue = 0;

  cyd_list_model_set_milestone_rating (model, "2014-03-01", 14);
  cyd_milestone_plan_compute (plan, "2014-03-01", 14);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CydRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);
      guint index = cyd_milestone_plan_find (plan, cyd_record_get_id (record));
      CydRag rag = cyd_milestone_plan_get_rag (plan, index);
      const char *labels[] = { NULL, "Green", "Amber", "Red" };

      g_assert_cmpstr (cyd_record_get_text (record, "rag"), ==, labels[rag]);
      if (cyd_milestone_plan_get_reason (plan, index) == CYD_RAG_REASON_OVERRIDE)
        g_assert_cmpstr (cyd_record_get_text (record, "rag-note"), ==, "override");
      red += rag == CYD_RAG_RED;
      overdue += cyd_milestone_plan_get_reason (plan, index) == CYD_RAG_REASON_OVERDUE;
    }
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (count_filtered (model, "rag", "red"), ==, red);
  g_assert_cmpuint (count_filtered (model, "overdue", "2014-03-01"), >=, overdue);
  g_assert_cmpuint (count_filtered (model, "workstream", "Governance"), ==, 10);
  g_assert_cmpuint (count_filtered (model, "status", "done"), >, 0);
  g_assert_cmpuint (count_filtered (model, "due-within-30-days", "2014-03-01"), >, 0);
  g_assert_cmpuint (count_filtered (model, "workstream", "No such workstream"), ==, 0);

  /* Filters combine with each other and with the search. */
  cyd_list_model_set_filter (model, "workstream", "Governance");
  cyd_list_model_set_search (model, "GOV-0");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 9);
  cyd_list_model_set_search (model, NULL);
  cyd_list_model_set_filter (model, "workstream", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  g_clear_object (&model);
  g_clear_object (&plan);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_cli_json (void)
{
  g_autoptr(CydStore) store = core_test_open_demo ("cli.cyd");
  const char *argv[] = { g_getenv ("CYD_CLI"), "milestones", cyd_store_get_path (store),
                         "--as-at", "2014-03-01", "--json", NULL };
  const char *bad[] = { g_getenv ("CYD_CLI"), "milestones", cyd_store_get_path (store),
                        "--as-at", "1 March", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "\"as-at\": \"2014-03-01\""));
  g_assert_nonnull (strstr (out, "\"code\": \"HR-04\""));
  g_assert_nonnull (strstr (out, "\"reason\": \"override\""));
  g_assert_nonnull (strstr (out, "\"reason\": \"overdue\""));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) bad, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_finalize_object (g_steal_pointer (&store));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/milestone/rag/%s", rag_cases[i].name);
      g_test_add_data_func (path, &rag_cases[i], test_rag_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cycle_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/milestone/dependencies/%s", cycle_cases[i].name);
      g_test_add_data_func (path, &cycle_cases[i], test_check_dependencies);
    }
  g_test_add_func ("/core/milestone/rag/cause", test_reason_names_cause);
  g_test_add_func ("/core/milestone/cycle", test_cycle_found);
  g_test_add_func ("/core/milestone/slip", test_slip_propagates);
  g_test_add_func ("/core/milestone/load-demo", test_load_demo);
  g_test_add_func ("/core/milestone/rag-reason-rule", test_rag_reason_rule);
  g_test_add_func ("/core/milestone/list-model", test_list_model_rag);
  g_test_add_func ("/core/milestone/cli-json", test_cli_json);

  return core_test_run ();
}
