/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-structure"

#include "config.h"

#include "cyd-structure.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cyd.h"
#include "cyd-private.h"

/* A post is established on D when D lies within its dates, both ends
 * included; an assignment is current likewise; a person who left before D
 * holds nothing. */
#define ESTABLISHED(p, d) "(" p ".established_from IS NULL OR " p ".established_from <= " d ")" \
                          " AND (" p ".established_to IS NULL OR " p ".established_to >= " d ")"
#define CURRENT(a, d) "(" a ".from_date IS NULL OR " a ".from_date <= " d ")" \
                      " AND (" a ".to_date IS NULL OR " a ".to_date >= " d ")" \
                      " AND NOT EXISTS (SELECT 1 FROM person x WHERE x.id = " a ".person_id" \
                      " AND x.left_date < " d ")"

/* One query per directorate: every post established at ?2 with each of its
 * current holders (a vacant post comes once, with NULL holder columns). */
static const char post_sql[] =
  "SELECT p.id, p.code, p.title_%s, p.title_%s, p.grade, p.fte, p.annual_cost, p.reports_to_id,"
  " a.person_id, h.given_name || ' ' || h.family_name, a.fte,"
  " coalesce (h.salary, 0) + coalesce (h.on_costs, 0),"
  " (SELECT sum (a2.fte) FROM assignment a2 WHERE a2.person_id = a.person_id AND " CURRENT ("a2", "?2") "),"
  " (SELECT m.method || '|' || m.effective || '|' || t.code FROM post_mapping m JOIN post t ON t.id = m.target_id"
  "  WHERE m.post_id = p.id ORDER BY m.effective <= ?2 DESC, m.effective DESC, t.code LIMIT 1),"
  " (SELECT group_concat (dl.manager_id) FROM post_dotted_line dl WHERE dl.post_id = p.id)"
  " FROM post p"
  " LEFT JOIN assignment a ON a.post_id = p.id AND " CURRENT ("a", "?2")
  " LEFT JOIN person h ON h.id = a.person_id"
  " WHERE p.directorate_id = ?1 AND " ESTABLISHED ("p", "?2")
  " ORDER BY p.code, p.id, h.family_name, h.given_name, a.id";

typedef struct {
  CydStructurePost  pub;
  gint64            reports_to_id;
  GString          *holders;
  GArray           *dotted;
  char             *dotted_ids;
  char             *mapping;      /* "method|effective|target" */
} Post;

struct _CydStructure
{
  GObject              parent_instance;

  gint64               directorate_id;
  char                *code;
  char                *name;
  gboolean             merged;
  char                *as_at;
  GArray              *posts;     /* of Post */
  GHashTable          *by_id;     /* post id → index + 1 */
  GArray              *spans;     /* guint: reports of each manager */
  GStringChunk        *strings;
  CydStructureMetrics  metrics;
};

G_DEFINE_FINAL_TYPE (CydStructure, cyd_structure, G_TYPE_OBJECT)

static void
clear_post (gpointer data)
{
  Post *post = data;

  if (post->holders != NULL)
    g_string_free (post->holders, TRUE);
  g_clear_pointer (&post->dotted, g_array_unref);
  g_free (post->dotted_ids);
  g_free (post->mapping);
}

static const char *
intern (CydStructure *self,
        const char   *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

static Post *
add_post_row (CydStructure *self,
              sqlite3_stmt *stmt)
{
  Post post = { 0 };
  g_autofree char *title = NULL;

  post.pub.id = sqlite3_column_int64 (stmt, 0);
  post.pub.code = intern (self, cyd_stmt_text (stmt, 1));
  title = cyd_bilingual_display (cyd_stmt_text (stmt, 2), cyd_stmt_text (stmt, 3));
  post.pub.title = intern (self, title);
  post.pub.grade = intern (self, cyd_stmt_text (stmt, 4));
  post.pub.fte = sqlite3_column_int64 (stmt, 5);
  post.pub.cost = sqlite3_column_int64 (stmt, 6);
  post.reports_to_id = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 7);
  post.pub.parent = post.pub.first_child = post.pub.next_sibling = -1;
  post.mapping = g_strdup (cyd_stmt_text (stmt, 13));
  post.dotted_ids = g_strdup (cyd_stmt_text (stmt, 14));
  g_array_append_val (self->posts, post);
  g_hash_table_insert (self->by_id, GSIZE_TO_POINTER ((gsize) post.pub.id),
                       GUINT_TO_POINTER (self->posts->len));
  return &g_array_index (self->posts, Post, self->posts->len - 1);
}

static void
add_holder_row (CydStructure *self,
                Post         *post,
                sqlite3_stmt *stmt)
{
  CydFte fte = sqlite3_column_int64 (stmt, 10);

  if (sqlite3_column_type (stmt, 8) == SQLITE_NULL)
    return;
  if (post->holders == NULL)
    post->holders = g_string_new (NULL);
  else
    g_string_append (post->holders, ", ");
  g_string_append (post->holders, cyd_stmt_text (stmt, 9));
  post->pub.n_holders++;
  post->pub.staff_fte += fte;
  self->metrics.staff_fte += fte;
  self->metrics.staff_cost += cyd_structure_share_of_cost (sqlite3_column_int64 (stmt, 11), fte,
                                                           sqlite3_column_int64 (stmt, 12));
}

static gboolean
read_posts (CydStructure  *self,
            CydStore      *store,
            GError       **error)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  g_autofree char *sql = g_strdup_printf (post_sql, welsh ? "cy" : "en", welsh ? "en" : "cy");
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, sql, error);
  g_autoptr(GHashTable) people = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Post *post = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->directorate_id);
  sqlite3_bind_text (stmt, 2, self->as_at, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (post == NULL || post->pub.id != sqlite3_column_int64 (stmt, 0))
        post = add_post_row (self, stmt);
      add_holder_row (self, post, stmt);
      if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
        g_array_append_val (person_ids, ((gint64) { sqlite3_column_int64 (stmt, 8) }));
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);

  for (guint i = 0; i < person_ids->len; i++)
    g_hash_table_add (people, &g_array_index (person_ids, gint64, i));
  self->metrics.headcount = g_hash_table_size (people);
  return TRUE;
}

static int
index_of (CydStructure *self,
          gint64        post_id)
{
  gpointer value = g_hash_table_lookup (self->by_id, GSIZE_TO_POINTER ((gsize) post_id));

  return GPOINTER_TO_INT (value) - 1;
}

/* Children in code order: posts are read in code order, so linking them
 * back to front keeps it. */
static void
link_tree (CydStructure *self)
{
  for (int i = (int) self->posts->len - 1; i >= 0; i--)
    {
      Post *post = &g_array_index (self->posts, Post, i);
      int parent = post->reports_to_id != 0 ? index_of (self, post->reports_to_id) : -1;
      Post *manager;

      if (parent < 0)
        continue;
      manager = &g_array_index (self->posts, Post, parent);
      post->pub.parent = parent;
      post->pub.next_sibling = manager->pub.first_child;
      manager->pub.first_child = i;
      manager->pub.n_reports++;
    }
}

/* Depth by walking up; a reporting loop (bad data) is cut where it closes. */
static void
measure_depths (CydStructure *self)
{
  guint n = self->posts->len;

  for (guint i = 0; i < n; i++)
    {
      Post *post = &g_array_index (self->posts, Post, i);
      guint depth = 0;

      for (int up = post->pub.parent; up >= 0 && depth < n; depth++)
        up = g_array_index (self->posts, Post, up).pub.parent;
      if (depth >= n)
        post->pub.parent = -1, depth = 0;
      post->pub.depth = depth;
    }
}

static void
resolve_extras (CydStructure *self)
{
  for (guint i = 0; i < self->posts->len; i++)
    {
      Post *post = &g_array_index (self->posts, Post, i);
      g_auto(GStrv) ids = post->dotted_ids ? g_strsplit (post->dotted_ids, ",", -1) : NULL;
      g_auto(GStrv) mapping = post->mapping ? g_strsplit (post->mapping, "|", 3) : NULL;

      post->dotted = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          int other = index_of (self, g_ascii_strtoll (ids[j], NULL, 10));
          if (other >= 0)
            g_array_append_val (post->dotted, other);
        }
      post->pub.dotted = (const int *) post->dotted->data;
      post->pub.n_dotted = post->dotted->len;

      post->pub.holders = post->holders != NULL ? post->holders->str : NULL;
      if (mapping != NULL && g_strv_length (mapping) == 3)
        {
          post->pub.mapping_method = intern (self, mapping[0]);
          post->pub.mapping_effective = intern (self, mapping[1]);
          post->pub.mapping_target = intern (self, mapping[2]);
          post->pub.mapping_in_force = g_strcmp0 (mapping[1], self->as_at) <= 0;
        }
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
compute_metrics (CydStructure *self)
{
  CydStructureMetrics *m = &self->metrics;

  m->posts = self->posts->len;
  for (guint i = 0; i < self->posts->len; i++)
    {
      const CydStructurePost *post = &g_array_index (self->posts, Post, i).pub;

      m->filled += post->n_holders > 0;
      m->establishment_fte += post->fte;
      m->establishment_cost += post->cost;
      m->layers = MAX (m->layers, (gint64) post->depth);
      if (post->n_reports > 0)
        g_array_append_val (self->spans, post->n_reports);
    }
  m->vacant = m->posts - m->filled;
  cyd_structure_metrics_set_spans (m, self->spans);
}

static gboolean
read_directorate (CydStructure  *self,
                  CydStore      *store,
                  GError       **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store,
                                               "SELECT code, name_en, name_cy, kind FROM directorate WHERE id = ?1",
                                               error);
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->directorate_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED,
                   _("The directorate is no longer in the programme"));
      return FALSE;
    }
  self->code = g_strdup (cyd_stmt_text (stmt, 0));
  self->name = cyd_bilingual_display (cyd_stmt_text (stmt, welsh ? 2 : 1), cyd_stmt_text (stmt, welsh ? 1 : 2));
  self->merged = g_strcmp0 (cyd_stmt_text (stmt, 3), "merged") == 0;
  return TRUE;
}

static void
cyd_structure_finalize (GObject *object)
{
  CydStructure *self = (CydStructure *)object;

  g_clear_pointer (&self->posts, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self->code);
  g_free (self->name);
  g_free (self->as_at);

  G_OBJECT_CLASS (cyd_structure_parent_class)->finalize (object);
}

static void
cyd_structure_class_init (CydStructureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cyd_structure_finalize;
}

static void
cyd_structure_init (CydStructure *self)
{
  self->posts = g_array_new (FALSE, TRUE, sizeof (Post));
  g_array_set_clear_func (self->posts, clear_post);
  self->by_id = g_hash_table_new (NULL, NULL);
  self->spans = g_array_new (FALSE, FALSE, sizeof (guint));
  self->strings = g_string_chunk_new (1024);
}

/* The structure of one directorate as at @as_at (YYYY-MM-DD). */
CydStructure *
cyd_structure_load (CydStore    *store,
                    gint64       directorate_id,
                    const char  *as_at,
                    GError     **error)
{
  g_autoptr(CydStructure) self = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  self = g_object_new (CYD_TYPE_STRUCTURE, NULL);
  self->directorate_id = directorate_id;
  self->as_at = g_strdup (as_at);
  if (!read_directorate (self, store, error) || !read_posts (self, store, error))
    return NULL;

  link_tree (self);
  measure_depths (self);
  resolve_extras (self);
  compute_metrics (self);
  return g_steal_pointer (&self);
}

/* Every directorate's structure: the legacy ones by code, then the merged. */
GPtrArray *
cyd_structure_load_all (CydStore    *store,
                        const char  *as_at,
                        GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(CydStmt) stmt = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  stmt = cyd_store_prepare (store, "SELECT id FROM directorate ORDER BY kind = 'merged', code", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_array_append_val (ids, ((gint64) { sqlite3_column_int64 (stmt, 0) }));
  g_clear_pointer (&stmt, cyd_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      CydStructure *structure = cyd_structure_load (store, g_array_index (ids, gint64, i), as_at, error);

      if (structure == NULL)
        return NULL;
      g_ptr_array_add (all, structure);
    }
  return g_steal_pointer (&all);
}

gint64
cyd_structure_get_directorate (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), 0);

  return self->directorate_id;
}

const char *
cyd_structure_get_code (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), NULL);

  return self->code;
}

const char *
cyd_structure_get_name (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), NULL);

  return self->name;
}

gboolean
cyd_structure_is_merged (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), FALSE);

  return self->merged;
}

const char *
cyd_structure_get_as_at (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), NULL);

  return self->as_at;
}

guint
cyd_structure_get_n_posts (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), 0);

  return self->posts->len;
}

const CydStructurePost *
cyd_structure_get_post (CydStructure *self,
                        guint         index)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), NULL);
  g_return_val_if_fail (index < self->posts->len, NULL);

  return &g_array_index (self->posts, Post, index).pub;
}

/* The index of the post with rowid @post_id, or -1. */
int
cyd_structure_find_post (CydStructure *self,
                         gint64        post_id)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), -1);

  return index_of (self, post_id);
}

const CydStructureMetrics *
cyd_structure_get_metrics (CydStructure *self)
{
  g_return_val_if_fail (CYD_IS_STRUCTURE (self), NULL);

  return &self->metrics;
}

/* Several structures taken together: sums, the deepest layers, and spans
 * over all their managers. */
void
cyd_structure_metrics_combine (CydStructure        **structures,
                               guint                 n,
                               CydStructureMetrics  *out)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (n == 0 || structures != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n; i++)
    {
      const CydStructureMetrics *m = &structures[i]->metrics;

      out->posts += m->posts;
      out->filled += m->filled;
      out->vacant += m->vacant;
      out->headcount += m->headcount;
      out->establishment_fte += m->establishment_fte;
      out->staff_fte += m->staff_fte;
      out->establishment_cost += m->establishment_cost;
      out->staff_cost += m->staff_cost;
      out->layers = MAX (out->layers, m->layers);
      g_array_append_vals (spans, structures[i]->spans->data, structures[i]->spans->len);
    }
  cyd_structure_metrics_set_spans (out, spans);
}

/* Sets the managers and span-of-control figures of @metrics from @spans,
 * the number of direct reports of each manager (guint); sorts @spans. */
void
cyd_structure_metrics_set_spans (CydStructureMetrics *metrics,
                                 GArray              *spans)
{
  guint n;

  g_return_if_fail (metrics != NULL);
  g_return_if_fail (spans != NULL);

  n = spans->len;
  metrics->managers = n;
  memset (metrics->span_bands, 0, sizeof metrics->span_bands);
  metrics->span_min = metrics->span_max = metrics->span_median_x2 = 0;
  if (n == 0)
    return;

  g_array_sort (spans, compare_uint);
  metrics->span_min = g_array_index (spans, guint, 0);
  metrics->span_max = g_array_index (spans, guint, n - 1);
  metrics->span_median_x2 = n % 2 == 1
    ? 2 * (gint64) g_array_index (spans, guint, n / 2)
    : (gint64) g_array_index (spans, guint, n / 2 - 1) + g_array_index (spans, guint, n / 2);
  for (guint i = 0; i < n; i++)
    metrics->span_bands[cyd_span_band (g_array_index (spans, guint, i))]++;
}

/* A person's cost is shared over their posts by FTE: the share of @cost
 * that @fte of @total_fte carries, rounded to the nearest penny. */
CydMoney
cyd_structure_share_of_cost (CydMoney cost,
                             CydFte   fte,
                             CydFte   total_fte)
{
  if (total_fte <= 0 || fte >= total_fte)
    return cost;
  /* Pence × ten-thousandths fits in 64 bits. */
  return (cost * fte + total_fte / 2) / total_fte;
}

CydSpanBand
cyd_span_band (guint reports)
{
  if (reports <= 1)
    return CYD_SPAN_BAND_1;
  if (reports <= 3)
    return CYD_SPAN_BAND_2_3;
  if (reports <= 7)
    return CYD_SPAN_BAND_4_7;
  if (reports <= 12)
    return CYD_SPAN_BAND_8_12;
  return CYD_SPAN_BAND_13_PLUS;
}

const char *
cyd_span_band_label (CydSpanBand band)
{
  static const char *const labels[] = { "1", "2–3", "4–7", "8–12", "13+" };

  g_return_val_if_fail (band < CYD_N_SPAN_BANDS, "");

  return labels[band];
}
