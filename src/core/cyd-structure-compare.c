/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-structure"

#include "config.h"

#include "cyd-structure.h"

#include <string.h>

#include "cyd.h"
#include "cyd-id-map-private.h"
#include "cyd-private.h"

/* The legacy structures together against the merged one. The comparison
 * needs figures, not names or holders, so it reads the posts once and the
 * assignments once, and measures in C what cyd_structure_load () measures
 * a directorate at a time: the same rules, in one pass over each table.
 *
 * The two reads take about the same time, so the assignments are read in
 * a thread of their own, on a connection of its own, while the posts are
 * read on the caller's. That thread finds the legacy date for itself.
 * The figures are of the file at one moment, even while another connection
 * writes: the caller reads in one transaction, and takes the thread's rows
 * only if nothing changed the file from its start to the thread's end. */

enum {
  LEGACY,
  MERGED,
  N_SIDES
};

/* Posts begun by the merged date ?1. A merged post counts if it is still
 * established then; a legacy one waits for the legacy date, which is known
 * only once the merged posts' first day is. */
static const char posts_sql[] =
  "SELECT p.id, p.directorate_id, ifnull (p.reports_to_id, 0), p.fte, p.annual_cost,"
  " p.established_from, p.established_to"
  " FROM post p WHERE p.established_from IS NULL OR p.established_from <= ?1";

/* The day before the merged structure's first post, when that is on or
 * before the merged date ?1: what read_posts () and settle_legacy_date ()
 * find, read from one entry of the index post_directorate_from. */
static const char legacy_date_sql[] =
  "SELECT date (min (p.established_from), '-1 day')"
  " FROM post p JOIN directorate d ON d.id = p.directorate_id"
  " WHERE d.kind = 'merged' AND p.established_from <= ?1";

/* Assignments current at the legacy date ?1 or the merged date ?2, with a
 * bit for each (the holder had not left by then) and the holder's cost. */
#define CURRENT_DATES(d) "(a.from_date IS NULL OR a.from_date <= " d ")" \
                         " AND (a.to_date IS NULL OR a.to_date >= " d ")"
#define CURRENT(d) "(" CURRENT_DATES (d) " AND (h.left_date IS NULL OR h.left_date >= " d "))"

static const char assignments_sql[] =
  "SELECT a.post_id, a.person_id, a.fte, " CURRENT ("?1") " + 2 * " CURRENT ("?2") ","
  " coalesce (h.salary, 0) + coalesce (h.on_costs, 0)"
  " FROM assignment a LEFT JOIN person h ON h.id = a.person_id"
  " WHERE (" CURRENT_DATES ("?1") ") OR (" CURRENT_DATES ("?2") ")";

/* The same when both are measured at one date, at half the cost. */
static const char assignments_one_day_sql[] =
  "SELECT a.post_id, a.person_id, a.fte, 3 * (h.left_date IS NULL OR h.left_date >= ?1),"
  " coalesce (h.salary, 0) + coalesce (h.on_costs, 0)"
  " FROM assignment a LEFT JOIN person h ON h.id = a.person_id"
  " WHERE " CURRENT_DATES ("?1");

/* Depths while they are being measured. */
#define UNMEASURED -1
#define ON_PATH    -2
#define IN_LOOP    -3

typedef struct {
  gint64   id;
  int      side;
  guint    layers;
  gboolean looped;   /* a reporting loop: measured as cyd_structure_load () does */
} Directorate;

typedef struct {
  gint64      id;
  gint64      reports_to_id;
  CydFte      fte;
  CydMoney    cost;
  const char *from;  /* legacy posts only, until the legacy date is known */
  const char *to;
  guint       directorate;
  int         side;
  int         parent;
  int         depth;
  guint       n_reports;
  guint       n_holders;
} Post;

/* An assignment current at either date. */
typedef struct {
  gint64   person_id;
  CydFte   fte;
  CydMoney cost;     /* the holder's, when the post is measured */
  int      post;     /* index, or -1 when the post is not measured */
  int      current;  /* 1 << side for each date it is current at */
} Assignment;

/* An assignment as read, before the posts are known. */
typedef struct {
  gint64   post_id;
  gint64   person_id;
  CydFte   fte;
  CydMoney cost;
  int      current;
} AssignmentRow;

/* The assignments read in a thread while the caller reads the posts. */
typedef struct {
  CydStoreFile  file;      /* the caller's */
  char          as_at[N_SIDES][11];
  GArray       *rows;      /* AssignmentRow */
  GError       *error;
} AssignmentRead;

typedef struct {
  CydFte total[N_SIDES];   /* FTE of all the person's current posts */
  int    directorate;      /* the first whose headcount counts them, or -1 */
} Person;

typedef struct {
  CydStore            *store;
  char                 as_at[N_SIDES][11];
  char                *first_merged_day;
  guint                n_legacy;
  GArray              *directorates;   /* Directorate */
  CydIdMap                directorate_ids;
  GArray              *posts;          /* Post */
  CydIdMap                post_ids;
  GStringChunk        *dates;
  GArray              *assignments;    /* Assignment */
  CydStructureMetrics  metrics[N_SIDES];
  GArray              *spans[N_SIDES]; /* guint: reports of each manager */
} Measure;

static void
measure_clear (Measure *m)
{
  g_clear_pointer (&m->first_merged_day, g_free);
  g_clear_pointer (&m->directorates, g_array_unref);
  cyd_id_map_clear (&m->directorate_ids);
  g_clear_pointer (&m->posts, g_array_unref);
  cyd_id_map_clear (&m->post_ids);
  g_clear_pointer (&m->dates, g_string_chunk_free);
  g_clear_pointer (&m->assignments, g_array_unref);
  for (guint side = 0; side < N_SIDES; side++)
    g_clear_pointer (&m->spans[side], g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Measure, measure_clear)

static void
measure_init (Measure    *m,
              CydStore   *store,
              const char *as_at)
{
  memset (m, 0, sizeof *m);
  m->store = store;
  g_strlcpy (m->as_at[MERGED], as_at, sizeof m->as_at[MERGED]);
  g_strlcpy (m->as_at[LEGACY], as_at, sizeof m->as_at[LEGACY]);
  m->directorates = g_array_new (FALSE, TRUE, sizeof (Directorate));
  m->posts = g_array_new (FALSE, TRUE, sizeof (Post));
  m->dates = g_string_chunk_new (4096);
  m->assignments = g_array_new (FALSE, FALSE, sizeof (Assignment));
  for (guint side = 0; side < N_SIDES; side++)
    m->spans[side] = g_array_new (FALSE, FALSE, sizeof (guint));
}

static gboolean
read_directorates (Measure  *m,
                   GError  **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (m->store, "SELECT id, kind = 'merged' FROM directorate", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Directorate directorate = { 0 };

      directorate.id = sqlite3_column_int64 (stmt, 0);
      directorate.side = sqlite3_column_int (stmt, 1) ? MERGED : LEGACY;
      m->n_legacy += directorate.side == LEGACY;
      cyd_id_map_insert (&m->directorate_ids, directorate.id);
      g_array_append_val (m->directorates, directorate);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (m->store, error);
  return TRUE;
}

/* The merged structure's first day on or before the merged date. */
static void
note_merged_start (Measure    *m,
                   const char *from)
{
  if (from != NULL && (m->first_merged_day == NULL || strcmp (from, m->first_merged_day) < 0))
    {
      g_free (m->first_merged_day);
      m->first_merged_day = g_strdup (from);
    }
}

static void
add_post_row (Measure      *m,
              sqlite3_stmt *stmt)
{
  int directorate = cyd_id_map_lookup (&m->directorate_ids, sqlite3_column_int64 (stmt, 1));
  const char *from, *to;
  Post post = { 0 };

  if (directorate < 0)
    return;
  from = (const char *) sqlite3_column_text (stmt, 5);
  to = (const char *) sqlite3_column_text (stmt, 6);
  post.side = g_array_index (m->directorates, Directorate, directorate).side;
  if (post.side == MERGED)
    {
      note_merged_start (m, from);
      if (to != NULL && strcmp (to, m->as_at[MERGED]) < 0)
        return;
    }
  else
    {
      /* The legacy date is on or before the merged one: an end on or after
       * the merged date cannot leave the post out. */
      post.from = from != NULL ? g_string_chunk_insert (m->dates, from) : NULL;
      if (to != NULL && strcmp (to, m->as_at[MERGED]) < 0)
        post.to = g_string_chunk_insert (m->dates, to);
    }
  post.id = sqlite3_column_int64 (stmt, 0);
  post.directorate = directorate;
  post.reports_to_id = sqlite3_column_int64 (stmt, 2);
  post.fte = sqlite3_column_int64 (stmt, 3);
  post.cost = sqlite3_column_int64 (stmt, 4);
  g_array_append_val (m->posts, post);
}

static gboolean
read_posts (Measure  *m,
            GError  **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (m->store, posts_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->as_at[MERGED], -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_post_row (m, stmt);
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (m->store, error);
  return TRUE;
}

/* Legacy is measured the day before the merged structure's first post,
 * when that is before the merged date. */
static gboolean
settle_legacy_date (Measure  *m,
                    GError  **error)
{
  g_autoptr(CydStmt) stmt = NULL;

  if (m->first_merged_day == NULL)
    return TRUE;
  stmt = cyd_store_prepare (m->store, "SELECT date (?1, '-1 day')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->first_merged_day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cyd_store_set_sqlite_error (m->store, error);
  if (cyd_stmt_text (stmt, 0) != NULL)
    g_strlcpy (m->as_at[LEGACY], cyd_stmt_text (stmt, 0), sizeof m->as_at[LEGACY]);
  return TRUE;
}

static gboolean
is_legacy_established (Measure    *m,
                       const Post *post)
{
  const char *day = m->as_at[LEGACY];

  return (post->from == NULL || strcmp (post->from, day) <= 0)
         && (post->to == NULL || strcmp (post->to, day) >= 0);
}

/* Drops the legacy posts not established at the legacy date and gives
 * each remaining post its index. */
static void
keep_established (Measure *m)
{
  Post *posts = (Post *) m->posts->data;
  guint kept = 0;

  for (guint i = 0; i < m->posts->len; i++)
    {
      if (posts[i].side == LEGACY && !is_legacy_established (m, &posts[i]))
        continue;
      posts[i].from = posts[i].to = NULL;
      posts[kept++] = posts[i];
    }
  g_array_set_size (m->posts, kept);
  g_clear_pointer (&m->dates, g_string_chunk_free);

  cyd_id_map_init (&m->post_ids);
  for (guint i = 0; i < kept; i++)
    cyd_id_map_insert (&m->post_ids, posts[i].id);
}

/* The assignments current at the legacy or the merged date, into @rows. */
static gboolean
read_assignment_rows (CydStore    *store,
                      const char  *legacy,
                      const char  *merged,
                      GArray      *rows,
                      GError     **error)
{
  gboolean one_day = g_str_equal (legacy, merged);
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, one_day ? assignments_one_day_sql : assignments_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, legacy, -1, SQLITE_STATIC);
  if (!one_day)
    sqlite3_bind_text (stmt, 2, merged, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AssignmentRow row;

      row.current = sqlite3_column_int (stmt, 3);
      if (row.current == 0)
        continue;
      row.post_id = sqlite3_column_int64 (stmt, 0);
      row.person_id = sqlite3_column_int64 (stmt, 1);
      row.fte = sqlite3_column_int64 (stmt, 2);
      row.cost = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

/* Ties each assignment to its post, once the posts established at each
 * date are known; a holder's cost counts only where the post does. */
static void
take_assignments (Measure *m,
                  GArray  *rows)
{
  const AssignmentRow *row = (const AssignmentRow *) rows->data;

  g_array_set_size (m->assignments, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      Assignment *assignment = &g_array_index (m->assignments, Assignment, i);

      assignment->person_id = row[i].person_id;
      assignment->fte = row[i].fte;
      assignment->current = row[i].current;
      assignment->post = cyd_id_map_lookup (&m->post_ids, row[i].post_id);
      if (assignment->post >= 0
          && !(assignment->current & (1 << g_array_index (m->posts, Post, assignment->post).side)))
        assignment->post = -1;
      assignment->cost = assignment->post >= 0 ? row[i].cost : 0;
    }
}

static gboolean
read_assignments (Measure  *m,
                  GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (AssignmentRow));

  if (!read_assignment_rows (m->store, m->as_at[LEGACY], m->as_at[MERGED], rows, error))
    return FALSE;
  take_assignments (m, rows);
  return TRUE;
}

static void
assignment_read_free (AssignmentRead *read)
{
  cyd_store_file_clear (&read->file);
  g_clear_pointer (&read->rows, g_array_unref);
  g_clear_error (&read->error);
  g_free (read);
}

static gpointer
assignment_read_thread (gpointer data)
{
  AssignmentRead *read = data;
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydStmt) stmt = NULL;

  store = cyd_store_file_open (&read->file, &read->error);
  if (store == NULL)
    return NULL;
  stmt = cyd_store_prepare (store, legacy_date_sql, &read->error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, read->as_at[MERGED], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      cyd_store_set_sqlite_error (store, &read->error);
      return NULL;
    }
  if (cyd_stmt_text (stmt, 0) != NULL)
    g_strlcpy (read->as_at[LEGACY], cyd_stmt_text (stmt, 0), sizeof read->as_at[LEGACY]);
  g_clear_pointer (&stmt, cyd_stmt_release);

  read_assignment_rows (store, read->as_at[LEGACY], read->as_at[MERGED], read->rows, &read->error);
  return NULL;
}

/* How many times other connections have changed the file, as this one
 * has seen; 0 when that cannot be read. */
static gint64
data_version (CydStore *store)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (store, "PRAGMA data_version", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Starts reading the assignments in a thread, or returns NULL when they
 * must be read on the caller's connection: when the caller's file cannot
 * be told from another. */
static GThread *
start_assignment_read (Measure         *m,
                       AssignmentRead **out)
{
  AssignmentRead *read;
  GThread *thread;

  *out = NULL;
  if (cyd_store_get_path (m->store) == NULL)
    return NULL;
  read = g_new0 (AssignmentRead, 1);
  cyd_store_file_init (&read->file, m->store);
  if (read->file.ino == 0)
    {
      assignment_read_free (read);
      return NULL;
    }
  memcpy (read->as_at, m->as_at, sizeof read->as_at);
  read->rows = g_array_new (FALSE, FALSE, sizeof (AssignmentRow));
  thread = g_thread_try_new ("cyd-assignments", assignment_read_thread, read, NULL);
  if (thread == NULL)
    {
      assignment_read_free (read);
      return NULL;
    }
  *out = read;
  return thread;
}

/* Whether the thread read the file as the caller did: it found the same
 * legacy date, and no other connection has changed the file since the
 * caller's read transaction began, before the thread's. Asked once that
 * transaction is over, when `PRAGMA data_version` sees the file anew. */
static gboolean
thread_read_the_same (Measure        *m,
                      AssignmentRead *read,
                      gint64          version)
{
  if (read->error != NULL)
    {
      g_debug ("assignments read apart: %s", read->error->message);
      return FALSE;
    }
  return g_str_equal (read->as_at[LEGACY], m->as_at[LEGACY])
         && version != 0 && data_version (m->store) == version;
}

typedef enum {
  READ_FAILED,
  READ_DONE,
  READ_AGAIN
} ReadResult;

/* Reads the directorates, posts and assignments as the file stood at one
 * moment: in one read transaction on the caller's connection, or in the
 * caller's own transaction. With @apart, and a transaction of its own,
 * the assignments come from a thread; READ_AGAIN when it cannot have seen
 * what the caller saw, for @m to be read again without one. */
static ReadResult
read_measure (Measure   *m,
              gboolean   apart,
              GError   **error)
{
  gboolean owns_transaction;
  AssignmentRead *read = NULL;
  GThread *thread = NULL;
  gint64 version = 0;
  gboolean ok;

  if (!cyd_store_begin_read (m->store, &owns_transaction, error))
    return READ_FAILED;
  if (owns_transaction && apart)
    {
      /* The first read begins the transaction: the caller's moment. */
      version = data_version (m->store);
      thread = start_assignment_read (m, &read);
    }
  ok = read_directorates (m, error) && read_posts (m, error) && settle_legacy_date (m, error);
  if (ok)
    keep_established (m);
  if (thread != NULL)
    g_thread_join (thread);
  if (ok && thread == NULL)
    ok = read_assignments (m, error);
  cyd_store_end_read (m->store, owns_transaction);

  if (ok && thread != NULL)
    {
      if (thread_read_the_same (m, read, version))
        take_assignments (m, read->rows);
      else
        {
          assignment_read_free (read);
          return READ_AGAIN;
        }
    }
  g_clear_pointer (&read, assignment_read_free);
  return ok ? READ_DONE : READ_FAILED;
}

/* Whether @person is new to the headcount of @directorate. Most people hold
 * posts in one directorate only; the others are looked up in @others. */
static gboolean
count_in (Person *person,
          guint   index,
          guint   directorate,
          guint   n_directorates,
          CydIdMap  *others)
{
  guint n_others = cyd_id_map_size (others);

  if (person->directorate < 0)
    {
      person->directorate = directorate;
      return TRUE;
    }
  if (person->directorate == (int) directorate)
    return FALSE;
  return cyd_id_map_insert (others, (gint64) index * n_directorates + directorate) == n_others;
}

/* Holders: filled posts, staff FTE and cost shared by FTE over a person's
 * current posts, and each person once per directorate in its headcount. */
static void
count_holders (Measure *m)
{
  g_auto(CydIdMap) person_ids = { 0 };
  g_auto(CydIdMap) others = { 0 };
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (Person));
  Assignment *assignments = (Assignment *) m->assignments->data;
  guint n = m->assignments->len;
  g_autofree guint *person_of = g_new (guint, MAX (n, 1));

  cyd_id_map_init (&person_ids);
  for (guint i = 0; i < n; i++)
    {
      Person *person;

      person_of[i] = cyd_id_map_insert (&person_ids, assignments[i].person_id);
      if (person_of[i] == people->len)
        g_array_append_val (people, ((Person) { { 0 }, -1 }));
      person = &g_array_index (people, Person, person_of[i]);
      for (guint side = 0; side < N_SIDES; side++)
        if (assignments[i].current & (1 << side))
          person->total[side] += assignments[i].fte;
    }

  for (guint i = 0; i < n; i++)
    {
      const Assignment *assignment = &assignments[i];
      Person *person = &g_array_index (people, Person, person_of[i]);
      Post *post;
      CydStructureMetrics *metrics;

      if (assignment->post < 0)
        continue;
      post = &g_array_index (m->posts, Post, assignment->post);
      metrics = &m->metrics[post->side];
      post->n_holders++;
      metrics->staff_fte += assignment->fte;
      metrics->staff_cost += cyd_structure_share_of_cost (assignment->cost, assignment->fte,
                                                          person->total[post->side]);
      if (count_in (person, person_of[i], post->directorate, m->directorates->len, &others))
        metrics->headcount++;
    }
}

/* A post's line manager is in its tree when established in the same
 * directorate at the same date. */
static void
link_posts (Measure *m)
{
  Post *posts = (Post *) m->posts->data;

  for (guint i = 0; i < m->posts->len; i++)
    {
      int parent = posts[i].reports_to_id != 0 ? cyd_id_map_lookup (&m->post_ids, posts[i].reports_to_id) : -1;

      if (parent >= 0 && posts[parent].directorate != posts[i].directorate)
        parent = -1;
      posts[i].parent = parent;
      posts[i].depth = UNMEASURED;
      if (parent >= 0)
        posts[parent].n_reports++;
    }
}

/* Depths below the tops of the trees, each post measured once: walk up to
 * a top or to a post already measured, then number the path down. A walk
 * that comes back on itself found a reporting loop. */
static void
measure_depths (Measure *m)
{
  Post *posts = (Post *) m->posts->data;
  g_autofree int *path = g_new (int, MAX (m->posts->len, 1));

  for (guint i = 0; i < m->posts->len; i++)
    {
      int up = i;
      int n = 0;
      int depth;

      while (up >= 0 && posts[up].depth == UNMEASURED)
        {
          posts[up].depth = ON_PATH;
          path[n++] = up;
          up = posts[up].parent;
        }
      depth = up < 0 ? -1 : posts[up].depth;
      if (depth == ON_PATH || depth == IN_LOOP)
        g_array_index (m->directorates, Directorate, posts[i].directorate).looped = TRUE;
      while (n > 0)
        posts[path[--n]].depth = depth < 0 && up >= 0 ? IN_LOOP : ++depth;
    }
}

/* In a directorate with a reporting loop, the depths depend on the order
 * cyd_structure_load () walks its posts in: it measures the layers. */
static gboolean
measure_looped_layers (Measure      *m,
                       Directorate  *directorate,
                       GError      **error)
{
  g_autoptr(CydStructure) structure = cyd_structure_load (m->store, directorate->id,
                                                          m->as_at[directorate->side], error);

  if (structure == NULL)
    return FALSE;
  directorate->layers = cyd_structure_get_metrics (structure)->layers;
  return TRUE;
}

static gboolean
sum_posts (Measure  *m,
           GError  **error)
{
  for (guint i = 0; i < m->posts->len; i++)
    {
      const Post *post = &g_array_index (m->posts, Post, i);
      Directorate *directorate = &g_array_index (m->directorates, Directorate, post->directorate);
      CydStructureMetrics *metrics = &m->metrics[post->side];

      metrics->posts++;
      metrics->filled += post->n_holders > 0;
      metrics->establishment_fte += post->fte;
      metrics->establishment_cost += post->cost;
      if (post->depth >= 0)
        directorate->layers = MAX (directorate->layers, (guint) post->depth);
      if (post->n_reports > 0)
        g_array_append_val (m->spans[post->side], post->n_reports);
    }

  for (guint i = 0; i < m->directorates->len; i++)
    {
      Directorate *directorate = &g_array_index (m->directorates, Directorate, i);
      CydStructureMetrics *metrics = &m->metrics[directorate->side];

      if (directorate->looped && !measure_looped_layers (m, directorate, error))
        return FALSE;
      metrics->layers = MAX (metrics->layers, (gint64) directorate->layers);
    }

  for (guint side = 0; side < N_SIDES; side++)
    {
      m->metrics[side].vacant = m->metrics[side].posts - m->metrics[side].filled;
      cyd_structure_metrics_set_spans (&m->metrics[side], m->spans[side]);
    }
  return TRUE;
}

static void
subtract_metrics (const CydStructureMetrics *a,
                  const CydStructureMetrics *b,
                  CydStructureMetrics       *out)
{
  const gint64 *x = (const gint64 *) a;
  const gint64 *y = (const gint64 *) b;
  gint64 *z = (gint64 *) out;

  /* Every field is a 64-bit integer (CydMoney and CydFte are gint64). */
  G_STATIC_ASSERT (sizeof (CydStructureMetrics) % sizeof (gint64) == 0);
  for (gsize i = 0; i < sizeof (CydStructureMetrics) / sizeof (gint64); i++)
    z[i] = x[i] - y[i];
}

/* The legacy structures together against the merged one: see
 * CydStructureComparison for the dates each is measured at. The figures
 * are those of cyd_structure_metrics_combine () over the structures of
 * cyd_structure_load_all () at those dates. */
gboolean
cyd_structure_compare (CydStore               *store,
                       const char             *as_at,
                       CydStructureComparison *out,
                       GError                **error)
{
  g_auto(Measure) m = { 0 };
  ReadResult result;

  g_return_val_if_fail (CYD_IS_STORE (store), FALSE);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  measure_init (&m, store, as_at);
  result = read_measure (&m, TRUE, error);
  if (result == READ_AGAIN)
    {
      g_debug ("structure compared again: the file changed while it was read");
      measure_clear (&m);
      measure_init (&m, store, as_at);
      result = read_measure (&m, FALSE, error);
    }
  if (result != READ_DONE)
    return FALSE;
  count_holders (&m);
  link_posts (&m);
  measure_depths (&m);
  if (!sum_posts (&m, error))
    return FALSE;

  g_strlcpy (out->legacy_as_at, m.as_at[LEGACY], sizeof out->legacy_as_at);
  g_strlcpy (out->merged_as_at, m.as_at[MERGED], sizeof out->merged_as_at);
  out->n_legacy = m.n_legacy;
  out->legacy = m.metrics[LEGACY];
  out->merged = m.metrics[MERGED];
  subtract_metrics (&out->merged, &out->legacy, &out->difference);
  return TRUE;
}
