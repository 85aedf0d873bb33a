/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-milestone"

#include "config.h"

#include "cyd-milestone.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"

typedef struct {
  gint64        id;
  char         *code;
  char         *title;
  char         *due;
  char         *completed;
  char         *status;
  char         *workstream;
  char         *owner;
  char         *override_reason;
  gboolean      decision;
  CydRag        override;
  GArray       *depends_on;   /* guint indexes */
  GArray       *dependants;   /* guint indexes */

  CydRag        rag;
  CydRagReason  reason;
  guint         cause;
  gboolean      at_risk;
  guint         risk_cause;
} Milestone;

struct _CydMilestonePlan
{
  GObject     parent_instance;

  GArray     *items;     /* Milestone */
  GHashTable *by_id;     /* id → index + 1 */
  char       *as_at;
  guint       due_soon_days;
};

G_DEFINE_FINAL_TYPE (CydMilestonePlan, cyd_milestone_plan, G_TYPE_OBJECT)

static void
clear_milestone (gpointer data)
{
  Milestone *m = data;

  g_free (m->code);
  g_free (m->title);
  g_free (m->due);
  g_free (m->completed);
  g_free (m->status);
  g_free (m->workstream);
  g_free (m->owner);
  g_free (m->override_reason);
  g_array_unref (m->depends_on);
  g_array_unref (m->dependants);
}

static Milestone *
get (CydMilestonePlan *self,
     guint             index)
{
  return &g_array_index (self->items, Milestone, index);
}

static gboolean
is_closed (const Milestone *m)
{
  return g_strcmp0 (m->status, "done") == 0 || g_strcmp0 (m->status, "cancelled") == 0;
}

static char *
add_days (const char *iso,
          guint       days)
{
  GDate date;
  char buf[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, iso);
  if (!g_date_valid (&date))
    return g_strdup (iso);
  g_date_add_days (&date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

/* The milestones in an order where every one comes after its dependencies
 * (Kahn's algorithm); milestones caught in a cycle come last. */
static GArray *
order_by_dependencies (CydMilestonePlan *self)
{
  guint n = self->items->len;
  g_autofree guint *waiting = g_new0 (guint, n);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    {
      waiting[i] = get (self, i)->depends_on->len;
      if (waiting[i] == 0)
        g_array_append_val (order, i);
    }
  for (guint k = 0; k < order->len; k++)
    {
      Milestone *m = get (self, g_array_index (order, guint, k));

      placed[g_array_index (order, guint, k)] = TRUE;
      for (guint j = 0; j < m->dependants->len; j++)
        {
          guint d = g_array_index (m->dependants, guint, j);

          if (--waiting[d] == 0)
            g_array_append_val (order, d);
        }
    }
  for (guint i = 0; i < n; i++)
    if (!placed[i])
      g_array_append_val (order, i);
  return order;
}

static void
rate (CydMilestonePlan *self,
      Milestone        *m,
      const char       *soon)
{
  m->cause = CYD_MILESTONE_NO_CAUSE;

  if (g_strcmp0 (m->status, "done") == 0)
    m->rag = CYD_RAG_GREEN, m->reason = CYD_RAG_REASON_DONE;
  else if (g_strcmp0 (m->status, "cancelled") == 0)
    m->rag = CYD_RAG_GREEN, m->reason = CYD_RAG_REASON_CANCELLED;
  else if (m->override != CYD_RAG_NONE)
    m->rag = m->override, m->reason = CYD_RAG_REASON_OVERRIDE;
  else if (strcmp (m->due, self->as_at) < 0)
    m->rag = CYD_RAG_RED, m->reason = CYD_RAG_REASON_OVERDUE;
  else
    {
      guint late = CYD_MILESTONE_NO_CAUSE;

      m->rag = CYD_RAG_GREEN, m->reason = CYD_RAG_REASON_ON_TRACK;
      for (guint j = 0; j < m->depends_on->len; j++)
        {
          guint d = g_array_index (m->depends_on, guint, j);
          Milestone *dep = get (self, d);

          if (dep->rag == CYD_RAG_RED)
            {
              m->rag = CYD_RAG_RED, m->reason = CYD_RAG_REASON_DEPENDENCY_RED, m->cause = d;
              return;
            }
          if (late == CYD_MILESTONE_NO_CAUSE && !is_closed (dep) && strcmp (dep->due, m->due) > 0)
            late = d;
        }
      if (g_strcmp0 (m->status, "not-started") == 0 && strcmp (m->due, soon) <= 0)
        m->rag = CYD_RAG_AMBER, m->reason = CYD_RAG_REASON_DUE_SOON;
      else if (late != CYD_MILESTONE_NO_CAUSE)
        m->rag = CYD_RAG_AMBER, m->reason = CYD_RAG_REASON_DEPENDENCY_LATE, m->cause = late;
    }
}

static void
assess_risk (CydMilestonePlan *self,
             Milestone        *m)
{
  m->at_risk = FALSE;
  m->risk_cause = CYD_MILESTONE_NO_CAUSE;
  if (is_closed (m))
    return;

  for (guint j = 0; j < m->depends_on->len; j++)
    {
      guint d = g_array_index (m->depends_on, guint, j);
      Milestone *dep = get (self, d);

      if (!is_closed (dep) && (strcmp (dep->due, m->due) > 0 || dep->at_risk))
        {
          m->at_risk = TRUE;
          m->risk_cause = d;
          return;
        }
    }
}

static gboolean
find_path (CydMilestonePlan *self,
           guint             from,
           guint             to,
           gboolean         *seen,
           GArray           *path)
{
  Milestone *m = get (self, from);

  g_array_append_val (path, from);
  if (from == to)
    return TRUE;
  if (!seen[from])
    {
      seen[from] = TRUE;
      for (guint j = 0; j < m->depends_on->len; j++)
        if (find_path (self, g_array_index (m->depends_on, guint, j), to, seen, path))
          return TRUE;
    }
  g_array_set_size (path, path->len - 1);
  return FALSE;
}

static char *
join_codes (GPtrArray *codes)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append (s, " → ");
      g_string_append (s, g_ptr_array_index (codes, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
cyd_milestone_plan_finalize (GObject *object)
{
  CydMilestonePlan *self = (CydMilestonePlan *)object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_free (self->as_at);

  G_OBJECT_CLASS (cyd_milestone_plan_parent_class)->finalize (object);
}

static void
cyd_milestone_plan_class_init (CydMilestonePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cyd_milestone_plan_finalize;
}

static void
cyd_milestone_plan_init (CydMilestonePlan *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Milestone));
  g_array_set_clear_func (self->items, clear_milestone);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->due_soon_days = CYD_MILESTONE_DUE_SOON_DAYS;
}

CydMilestonePlan *
cyd_milestone_plan_new (void)
{
  return g_object_new (CYD_TYPE_MILESTONE_PLAN, NULL);
}

/* Adds a milestone; @due is YYYY-MM-DD. Returns its index. */
guint
cyd_milestone_plan_add (CydMilestonePlan *self,
                        gint64            id,
                        const char       *code,
                        const char       *due,
                        const char       *status,
                        CydRag            override)
{
  Milestone m = { 0 };
  guint index;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), 0);
  g_return_val_if_fail (code != NULL && due != NULL, 0);

  m.id = id;
  m.code = g_strdup (code);
  m.due = g_strdup (due);
  m.status = g_strdup (status != NULL ? status : "not-started");
  m.override = override;
  m.depends_on = g_array_new (FALSE, FALSE, sizeof (guint));
  m.dependants = g_array_new (FALSE, FALSE, sizeof (guint));
  m.rag = CYD_RAG_GREEN;
  m.reason = CYD_RAG_REASON_ON_TRACK;
  m.cause = m.risk_cause = CYD_MILESTONE_NO_CAUSE;
  g_array_append_val (self->items, m);
  index = self->items->len - 1;
  /* The key lives in the array element; the array may move, so the
   * table is rebuilt on lookup misses rather than holding pointers. */
  g_hash_table_remove_all (self->by_id);
  return index;
}

void
cyd_milestone_plan_add_dependency (CydMilestonePlan *self,
                                   guint             milestone,
                                   guint             depends_on)
{
  g_return_if_fail (CYD_IS_MILESTONE_PLAN (self));
  g_return_if_fail (milestone < self->items->len && depends_on < self->items->len);

  g_array_append_val (get (self, milestone)->depends_on, depends_on);
  g_array_append_val (get (self, depends_on)->dependants, milestone);
}

static void
set_details (CydMilestonePlan *self,
             guint             index,
             sqlite3_stmt     *stmt)
{
  Milestone *m = get (self, index);

  m->title = cyd_bilingual_display (cyd_stmt_text (stmt, 2), cyd_stmt_text (stmt, 3));
  m->decision = g_strcmp0 (cyd_stmt_text (stmt, 4), "decision") == 0;
  m->completed = g_strdup (cyd_stmt_text (stmt, 7));
  m->override_reason = g_strdup (cyd_stmt_text (stmt, 9));
  m->workstream = g_strdup (cyd_stmt_text (stmt, 10));
  m->owner = g_strdup (cyd_stmt_text (stmt, 11));
}

static gboolean
load_milestones (CydMilestonePlan  *self,
                 CydStore          *store,
                 GError           **error)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  const char *sql = welsh
    ? "SELECT m.id, m.code, m.title_cy, m.title_en, m.kind, m.due, m.status, m.completed, m.rag, m.rag_reason,"
      " m.workstream, o.given_name || ' ' || o.family_name"
      " FROM milestone m LEFT JOIN person o ON o.id = m.owner_id ORDER BY m.due, m.code"
    : "SELECT m.id, m.code, m.title_en, m.title_cy, m.kind, m.due, m.status, m.completed, m.rag, m.rag_reason,"
      " m.workstream, o.given_name || ' ' || o.family_name"
      " FROM milestone m LEFT JOIN person o ON o.id = m.owner_id ORDER BY m.due, m.code";
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint index = cyd_milestone_plan_add (self, sqlite3_column_int64 (stmt, 0),
                                            cyd_stmt_text (stmt, 1), cyd_stmt_text (stmt, 5),
                                            cyd_stmt_text (stmt, 6),
                                            cyd_rag_from_string (cyd_stmt_text (stmt, 8)));
      set_details (self, index, stmt);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
load_dependencies (CydMilestonePlan  *self,
                   CydStore          *store,
                   GError           **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT milestone_id, depends_on_id FROM milestone_dependency",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint a = cyd_milestone_plan_find (self, sqlite3_column_int64 (stmt, 0));
      guint b = cyd_milestone_plan_find (self, sqlite3_column_int64 (stmt, 1));

      if (a != CYD_MILESTONE_NO_CAUSE && b != CYD_MILESTONE_NO_CAUSE)
        cyd_milestone_plan_add_dependency (self, a, b);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

/**
 * cyd_milestone_plan_load:
 *
 * Reads every milestone and dependency of @store in two queries. Call
 * cyd_milestone_plan_compute() before reading ratings.
 */
CydMilestonePlan *
cyd_milestone_plan_load (CydStore  *store,
                         GError   **error)
{
  g_autoptr(CydMilestonePlan) self = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = cyd_milestone_plan_new ();
  if (!load_milestones (self, store, error) || !load_dependencies (self, store, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
cyd_milestone_plan_set_due (CydMilestonePlan *self,
                            guint             index,
                            const char       *due)
{
  Milestone *m;

  g_return_if_fail (CYD_IS_MILESTONE_PLAN (self));
  g_return_if_fail (index < self->items->len && due != NULL);

  m = get (self, index);
  g_free (m->due);
  m->due = g_strdup (due);
}

/**
 * cyd_milestone_plan_compute:
 * @as_at: the date to rate at, YYYY-MM-DD
 * @due_soon_days: how close a due date is "soon" (the due-soon-days setting)
 *
 * Rates every milestone, dependencies before dependants, in one pass.
 */
void
cyd_milestone_plan_compute (CydMilestonePlan *self,
                            const char       *as_at,
                            guint             due_soon_days)
{
  g_autoptr(GArray) order = NULL;
  g_autofree char *soon = NULL;

  g_return_if_fail (CYD_IS_MILESTONE_PLAN (self));
  g_return_if_fail (as_at != NULL);

  if (self->as_at != as_at)
    {
      g_free (self->as_at);
      self->as_at = g_strdup (as_at);
    }
  self->due_soon_days = due_soon_days;
  soon = add_days (as_at, due_soon_days);
  order = order_by_dependencies (self);
  for (guint k = 0; k < order->len; k++)
    {
      Milestone *m = get (self, g_array_index (order, guint, k));

      rate (self, m, soon);
      assess_risk (self, m);
    }
}

guint
cyd_milestone_plan_get_n (CydMilestonePlan *self)
{
  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), 0);

  return self->items->len;
}

/* The index of the milestone with row id @id, or CYD_MILESTONE_NO_CAUSE. */
guint
cyd_milestone_plan_find (CydMilestonePlan *self,
                         gint64            id)
{
  gpointer value;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), CYD_MILESTONE_NO_CAUSE);

  if (g_hash_table_size (self->by_id) != self->items->len)
    {
      g_hash_table_remove_all (self->by_id);
      for (guint i = 0; i < self->items->len; i++)
        g_hash_table_insert (self->by_id, &get (self, i)->id, GUINT_TO_POINTER (i + 1));
    }
  value = g_hash_table_lookup (self->by_id, &id);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : CYD_MILESTONE_NO_CAUSE;
}

guint
cyd_milestone_plan_find_code (CydMilestonePlan *self,
                              const char       *code)
{
  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), CYD_MILESTONE_NO_CAUSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (get (self, i)->code, code) == 0)
      return i;
  return CYD_MILESTONE_NO_CAUSE;
}

#define FIELD_GETTER(type, name, field, fallback)                        \
  type                                                                  \
  cyd_milestone_plan_get_##name (CydMilestonePlan *self,                \
                                 guint             index)               \
  {                                                                     \
    g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), fallback);      \
    g_return_val_if_fail (index < self->items->len, fallback);          \
    return get (self, index)->field;                                    \
  }

FIELD_GETTER (gint64, id, id, 0)
FIELD_GETTER (const char *, code, code, NULL)
FIELD_GETTER (const char *, title, title, NULL)
FIELD_GETTER (const char *, due, due, NULL)
FIELD_GETTER (const char *, completed, completed, NULL)
FIELD_GETTER (const char *, status, status, NULL)
FIELD_GETTER (const char *, workstream, workstream, NULL)
FIELD_GETTER (const char *, owner, owner, NULL)
FIELD_GETTER (const char *, override_reason, override_reason, NULL)
FIELD_GETTER (CydRag, rag, rag, CYD_RAG_NONE)
FIELD_GETTER (CydRagReason, reason, reason, CYD_RAG_REASON_ON_TRACK)
FIELD_GETTER (guint, cause, cause, CYD_MILESTONE_NO_CAUSE)
FIELD_GETTER (gboolean, at_risk, at_risk, FALSE)
FIELD_GETTER (guint, risk_cause, risk_cause, CYD_MILESTONE_NO_CAUSE)

gboolean
cyd_milestone_plan_is_decision (CydMilestonePlan *self,
                                guint             index)
{
  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), FALSE);
  g_return_val_if_fail (index < self->items->len, FALSE);

  return get (self, index)->decision;
}

const guint *
cyd_milestone_plan_get_dependencies (CydMilestonePlan *self,
                                     guint             index,
                                     guint            *n)
{
  Milestone *m;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len && n != NULL, NULL);

  m = get (self, index);
  *n = m->depends_on->len;
  return (const guint *) m->depends_on->data;
}

/* Why the milestone has its rating, in a sentence for people. */
char *
cyd_milestone_plan_dup_rag_text (CydMilestonePlan *self,
                                 guint             index)
{
  Milestone *m, *cause;
  g_autofree char *due = NULL;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  m = get (self, index);
  cause = m->cause != CYD_MILESTONE_NO_CAUSE ? get (self, m->cause) : NULL;
  switch (m->reason)
    {
    case CYD_RAG_REASON_DONE:
      return g_strdup (_("Done"));
    case CYD_RAG_REASON_CANCELLED:
      return g_strdup (_("Cancelled"));
    case CYD_RAG_REASON_OVERRIDE:
      if (m->override_reason == NULL)
        return g_strdup (_("Set by hand; no reason given"));
      /* Translators: %s is the reason a person gave for setting a RAG rating by hand */
      return g_strdup_printf (_("Set by hand: %s"), m->override_reason);
    case CYD_RAG_REASON_OVERDUE:
      due = cyd_date_format (m->due);
      /* Translators: %s is a date */
      return g_strdup_printf (_("Overdue: it was due on %s"), due);
    case CYD_RAG_REASON_DEPENDENCY_RED:
      /* Translators: %s is a milestone's code */
      return g_strdup_printf (_("It depends on %s, which is red"), cause->code);
    case CYD_RAG_REASON_DUE_SOON:
      due = cyd_date_format (m->due);
      /* Translators: %s is a date */
      return g_strdup_printf (_("Due on %s and not started"), due);
    case CYD_RAG_REASON_DEPENDENCY_LATE:
      due = cyd_date_format (cause->due);
      /* Translators: %1$s is a milestone's code, %2$s a date */
      return g_strdup_printf (_("It depends on %1$s, due on %2$s, after this one"), cause->code, due);
    case CYD_RAG_REASON_ON_TRACK:
    default:
      return g_strdup (_("On track"));
    }
}

/* Why the milestone is at risk, or %NULL when it is not. */
char *
cyd_milestone_plan_dup_risk_text (CydMilestonePlan *self,
                                  guint             index)
{
  Milestone *m, *cause;
  g_autofree char *due = NULL;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  m = get (self, index);
  if (!m->at_risk)
    return NULL;
  cause = get (self, m->risk_cause);
  if (strcmp (cause->due, m->due) > 0)
    {
      due = cyd_date_format (cause->due);
      /* Translators: %1$s is a milestone's code, %2$s a date */
      return g_strdup_printf (_("At risk: %1$s is due on %2$s, after this one"), cause->code, due);
    }
  /* Translators: %s is a milestone's code */
  return g_strdup_printf (_("At risk: it depends on %s, which is at risk"), cause->code);
}

/**
 * cyd_milestone_plan_find_cycle:
 *
 * Returns: (transfer full) (nullable): the codes of milestones that depend
 *   on each other in a circle, in order, or %NULL if there is none
 */
GPtrArray *
cyd_milestone_plan_find_cycle (CydMilestonePlan *self)
{
  guint n;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), NULL);

  n = self->items->len;
  for (guint i = 0; i < n; i++)
    {
      Milestone *m = get (self, i);

      for (guint j = 0; j < m->depends_on->len; j++)
        {
          g_autofree gboolean *seen = g_new0 (gboolean, n);
          g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));

          if (find_path (self, g_array_index (m->depends_on, guint, j), i, seen, path))
            {
              GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

              g_ptr_array_add (codes, g_strdup (m->code));
              for (guint k = 0; k < path->len; k++)
                g_ptr_array_add (codes, g_strdup (get (self, g_array_index (path, guint, k))->code));
              return codes;
            }
        }
    }
  return NULL;
}

/**
 * cyd_milestone_plan_check_dependencies:
 * @id: the milestone's row id, or 0 for a new one
 * @code: its code, to name it in the message
 * @depends_on: (array length=n_depends_on): row ids of its dependencies
 *
 * Checks that giving the milestone these dependencies forms no cycle.
 * Returns: %FALSE with CYD_STORE_ERROR_REFUSED naming the cycle if it would
 */
gboolean
cyd_milestone_plan_check_dependencies (CydMilestonePlan  *self,
                                       gint64             id,
                                       const char        *code,
                                       const gint64      *depends_on,
                                       guint              n_depends_on,
                                       GError           **error)
{
  guint self_index;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), FALSE);

  self_index = id != 0 ? cyd_milestone_plan_find (self, id) : CYD_MILESTONE_NO_CAUSE;
  for (guint j = 0; j < n_depends_on; j++)
    {
      guint d = cyd_milestone_plan_find (self, depends_on[j]);
      g_autofree gboolean *seen = g_new0 (gboolean, self->items->len);
      g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) codes = NULL;
      g_autofree char *cycle = NULL;

      if (depends_on[j] != id && (d == CYD_MILESTONE_NO_CAUSE || self_index == CYD_MILESTONE_NO_CAUSE
                                  || !find_path (self, d, self_index, seen, path)))
        continue;

      codes = g_ptr_array_new ();
      g_ptr_array_add (codes, (gpointer) code);
      for (guint k = 0; k < path->len; k++)
        g_ptr_array_add (codes, get (self, g_array_index (path, guint, k))->code);
      if (path->len == 0)
        g_ptr_array_add (codes, (gpointer) code);
      cycle = join_codes (codes);
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                   /* Translators: %s is a chain of milestone codes, e.g. "M-06 → M-07 → M-06" */
                   _("These milestones would depend on each other in a circle, so none could ever be done first: %s."),
                   cycle);
      return FALSE;
    }
  return TRUE;
}

static void
collect_dependants (CydMilestonePlan *self,
                    guint             index,
                    gboolean         *seen)
{
  Milestone *m = get (self, index);

  for (guint j = 0; j < m->dependants->len; j++)
    {
      guint d = g_array_index (m->dependants, guint, j);

      if (!seen[d])
        {
          seen[d] = TRUE;
          collect_dependants (self, d, seen);
        }
    }
}

/**
 * cyd_milestone_plan_slip:
 * @index: the milestone whose due date moves
 * @new_due: its new due date
 *
 * What moving a due date would put at risk, as at the date of the last
 * cyd_milestone_plan_compute(). The plan is left as it was.
 *
 * Returns: (transfer full): the codes of every dependant downstream that
 *   would be at risk, in the plan's order (possibly empty)
 */
GPtrArray *
cyd_milestone_plan_slip (CydMilestonePlan *self,
                         guint             index,
                         const char       *new_due)
{
  g_autofree char *old_due = NULL;
  g_autofree gboolean *downstream = NULL;
  g_autofree char *as_at = NULL;
  GPtrArray *codes;

  g_return_val_if_fail (CYD_IS_MILESTONE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->items->len && new_due != NULL, NULL);

  as_at = self->as_at != NULL ? g_strdup (self->as_at) : cyd_date_today_iso ();
  old_due = g_strdup (get (self, index)->due);
  downstream = g_new0 (gboolean, self->items->len);
  collect_dependants (self, index, downstream);

  cyd_milestone_plan_set_due (self, index, new_due);
  cyd_milestone_plan_compute (self, as_at, self->due_soon_days);
  codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->items->len; i++)
    if (downstream[i] && get (self, i)->at_risk)
      g_ptr_array_add (codes, g_strdup (get (self, i)->code));

  cyd_milestone_plan_set_due (self, index, old_due);
  cyd_milestone_plan_compute (self, as_at, self->due_soon_days);
  return codes;
}

const char *
cyd_rag_to_string (CydRag rag)
{
  switch (rag)
    {
    case CYD_RAG_RED: return "red";
    case CYD_RAG_AMBER: return "amber";
    case CYD_RAG_GREEN: return "green";
    case CYD_RAG_NONE:
    default: return NULL;
    }
}

CydRag
cyd_rag_from_string (const char *text)
{
  if (g_strcmp0 (text, "red") == 0)
    return CYD_RAG_RED;
  if (g_strcmp0 (text, "amber") == 0)
    return CYD_RAG_AMBER;
  if (g_strcmp0 (text, "green") == 0)
    return CYD_RAG_GREEN;
  return CYD_RAG_NONE;
}

static gboolean
fill_rag_table (CydStore          *store,
                CydMilestonePlan  *plan,
                GError           **error)
{
  g_autoptr(CydStmt) insert = NULL;

  if (!cyd_store_exec (store, "DELETE FROM temp.milestone_rag", error))
    return FALSE;
  insert = cyd_store_prepare (store,
                              "INSERT INTO temp.milestone_rag (milestone_id, rag, note, at_risk)"
                              " VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < plan->items->len; i++)
    {
      Milestone *m = get (plan, i);
      const char *note = NULL;

      if (m->reason == CYD_RAG_REASON_OVERRIDE)
        /* Translators: shown beside a RAG rating that was set by hand */
        note = C_("RAG", "override");
      else if (m->at_risk)
        /* Translators: shown beside a RAG rating of a milestone that a slip upstream puts at risk */
        note = C_("RAG", "at risk");
      sqlite3_bind_int64 (insert, 1, m->id);
      sqlite3_bind_text (insert, 2, cyd_rag_to_string (m->rag), -1, SQLITE_STATIC);
      cyd_stmt_bind_text_or_null (insert, 3, note);
      sqlite3_bind_int (insert, 4, m->at_risk);
      if (!cyd_stmt_step_done (store, insert, error))
        return FALSE;
      sqlite3_reset (insert);
    }
  return TRUE;
}

/**
 * cyd_milestone_write_rag_table:
 *
 * Rates the programme as at @as_at and writes each milestone's rating to
 * the connection's temporary table temp.milestone_rag (milestone_id, rag,
 * note, at_risk), so lists can show, sort and filter by it in SQL. Only the
 * temporary database is written.
 */
gboolean
cyd_milestone_write_rag_table (CydStore    *store,
                               const char  *as_at,
                               guint        due_soon_days,
                               GError     **error)
{
  g_autoptr(CydMilestonePlan) plan = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (as_at != NULL, FALSE);

  if (!cyd_store_exec (store,
                       "CREATE TEMP TABLE IF NOT EXISTS milestone_rag (milestone_id INTEGER PRIMARY KEY,"
                       " rag TEXT NOT NULL, note TEXT, at_risk INTEGER NOT NULL)", error))
    return FALSE;
  plan = cyd_milestone_plan_load (store, error);
  if (plan == NULL)
    return FALSE;
  cyd_milestone_plan_compute (plan, as_at, due_soon_days);

  if (!cyd_store_exec (store, "SAVEPOINT milestone_rag", error))
    return FALSE;
  if (!fill_rag_table (store, plan, error))
    {
      cyd_store_exec (store, "ROLLBACK TO milestone_rag", NULL);
      cyd_store_exec (store, "RELEASE milestone_rag", NULL);
      return FALSE;
    }
  return cyd_store_exec (store, "RELEASE milestone_rag", error);
}

/**
 * cyd_milestone_dup_fields:
 * @id: a milestone's row id
 *
 * Returns: (transfer full) (nullable): the milestone's columns as texts
 *   (code, title_en, title_cy, kind, workstream, due, completed, status,
 *   rag, rag_reason, owner_id, service_line_id; absent when NULL), for an
 *   edit dialog
 */
GHashTable *
cyd_milestone_dup_fields (CydStore  *store,
                          gint64     id,
                          GError   **error)
{
  static const char * const columns[] = {
    "code", "title_en", "title_cy", "kind", "workstream", "due", "completed", "status", "rag", "rag_reason",
    "owner_id", "service_line_id",
  };

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  return cyd_store_dup_row (store,
                            "SELECT code, title_en, title_cy, kind, workstream, due, completed, status, rag,"
                            " rag_reason, owner_id, service_line_id FROM milestone WHERE id = ?1",
                            columns, G_N_ELEMENTS (columns), id,
                            _("This milestone is no longer in the programme."), error);
}

/**
 * cyd_milestone_edit_dependencies:
 * @edit: the edit to add the changes to
 * @id: an existing milestone's row id
 * @depends_on: (array length=n_depends_on): the row ids it should depend on
 *
 * Adds to @edit the deletions and insertions of milestone_dependency rows
 * that make @id depend on exactly @depends_on.
 */
gboolean
cyd_milestone_edit_dependencies (CydStore      *store,
                                 CydEdit       *edit,
                                 gint64         id,
                                 const gint64  *depends_on,
                                 guint          n_depends_on,
                                 GError       **error)
{
  g_autoptr(CydStmt) stmt = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  for (guint i = 0; i < n_depends_on; i++)
    g_hash_table_add (wanted, (gpointer) &depends_on[i]);

  stmt = cyd_store_prepare (store, "SELECT id, depends_on_id FROM milestone_dependency WHERE milestone_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 target = sqlite3_column_int64 (stmt, 1);

      if (!g_hash_table_remove (wanted, &target))
        cyd_edit_delete (edit, "milestone_dependency", sqlite3_column_int64 (stmt, 0));
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);

  for (guint i = 0; i < n_depends_on; i++)
    if (g_hash_table_contains (wanted, &depends_on[i]))
      {
        guint insert = cyd_edit_insert (edit, "milestone_dependency");

        cyd_edit_set (edit, insert, "milestone_id", g_variant_new_int64 (id));
        cyd_edit_set (edit, insert, "depends_on_id", g_variant_new_int64 (depends_on[i]));
      }
  return TRUE;
}
