/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include "cyd-importer.h"

#include <glib/gi18n-lib.h>

#include "cyd-importer-private.h"

#define IMPORT_CACHE_KIB 2048

struct _CydImporter
{
  GObject                parent_instance;

  CydStore              *store;
  gboolean               dry_run;
  CydImportCounts        counts[CYD_N_RECORD_KINDS];
  GPtrArray             *problems;
  CydImportProgressFunc  progress_func;
  gpointer               progress_data;
};

G_DEFINE_FINAL_TYPE (CydImporter, cyd_importer, G_TYPE_OBJECT)

G_DEFINE_QUARK (cyd-import-error-quark, cyd_import_error)

/* Whether a problem found now is to be recorded: an optimistic pass gives
 * up instead, and past MAX_PROBLEMS only the fact that there are more is. */
gboolean
import_problem_wanted (ImportRun *run)
{
  if (run->optimistic)
    {
      import_give_up (run);
      return FALSE;
    }
  if (run->n_problems >= MAX_PROBLEMS)
    {
      run->too_many = TRUE;
      return FALSE;
    }
  return TRUE;
}

void
import_problem (ImportRun  *run,
                int         line,
                int         column,
                const char *format,
                ...)
{
  Problem problem = { line, column, NULL, FALSE, FALSE };
  va_list args;

  if (!import_problem_wanted (run))
    return;
  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (run->problems, problem);
  run->n_problems++;
}

/* Whether the write that just failed failed for want of the file itself
 * (a full disk, a read error, a file another program holds) rather than
 * for a rule of the programme. If so, that is the import's one error,
 * told as the store tells it, and the import stops: every record after it
 * would fail too, and none of them is at fault. */
gboolean
import_store_failed (ImportRun *run)
{
  switch (sqlite3_errcode (cyd_store_get_handle (run->store)) & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOLFS:
      break;
    default:
      return FALSE;
    }

  if (run->store_error == NULL)
    cyd_store_set_sqlite_error (run->store, &run->store_error);
  import_give_up (run);
  return TRUE;
}

/* An optimistic pass stops at the first problem, from either thread, and
 * leaves the file to the exact one. */
void
import_give_up (ImportRun *run)
{
  g_atomic_int_set (&run->gave_up, TRUE);
}

/* Lines of the file whose schema problems the importer's own messages
 * replace. */
void
import_bad_range (ImportRun *run,
                  int        start,
                  int        end)
{
  BadRange range = { start, end };

  if (run->optimistic)
    import_give_up (run);
  else
    g_array_append_val (run->bad_ranges, range);
}

/* Progress only moves forwards, also when a second pass reads the file
 * again. */
void
import_progress (ImportRun *run,
                 double     fraction)
{
  CydImporter *self = run->importer;

  if (self->progress_func != NULL && fraction - run->last_fraction >= 0.005)
    {
      self->progress_func (MIN (fraction, 1.0), self->progress_data);
      run->last_fraction = fraction;
    }
}

CydImportCounts *
import_counts (ImportRun *run,
               CydKind    kind)
{
  return &run->importer->counts[g_bit_nth_lsf (kind, -1)];
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return pa->column < pb->column ? -1 : pa->column > pb->column;
}

static gboolean
in_bad_range (ImportRun *run,
              int        line)
{
  for (guint i = 0; i < run->bad_ranges->len; i++)
    {
      BadRange *range = &g_array_index (run->bad_ranges, BadRange, i);
      if (line >= range->start && line <= range->end)
        return TRUE;
    }
  return FALSE;
}

/* The importer's own messages say more than the schema's: where both speak
 * of one record, keep the importer's. */
static void
collect_problems (ImportRun *run)
{
  GPtrArray *out = run->importer->problems;

  g_array_sort (run->problems, compare_problems);
  for (guint i = 0; i < run->problems->len; i++)
    {
      Problem *p = &g_array_index (run->problems, Problem, i);

      if (p->from_schema && in_bad_range (run, p->line))
        continue;
      g_ptr_array_add (out, g_strdup_printf ("%s:%d:%d: %s", run->display_name,
                                             MAX (p->line, 1), MAX (p->column, 1), p->message));
    }
  if (run->too_many)
    g_ptr_array_add (out, g_strdup_printf (_("%s: there are more than %d problems; the rest are not listed."),
                                           run->display_name, MAX_PROBLEMS));
}

static void
problem_clear (gpointer data)
{
  g_free (((Problem *) data)->message);
}

static gboolean
record_run (ImportRun    *run,
            const char   *file_name,
            const char   *sha256,
            GError      **error)
{
  CydImportCounts total = cyd_importer_get_total (run->importer);
  g_autofree char *now = cyd_now_iso ();
  g_autoptr(CydStmt) stmt = NULL;

  stmt = cyd_store_prepare (run->store,
                            "INSERT INTO import_run (at, user_name, file_name, sha256, added, changed, unchanged, left_)"
                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, cyd_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, total.added);
  sqlite3_bind_int64 (stmt, 6, total.changed);
  sqlite3_bind_int64 (stmt, 7, total.unchanged);
  sqlite3_bind_int64 (stmt, 8, total.left);
  return cyd_stmt_step_done (run->store, stmt, error);
}

/* ---- the object ------------------------------------------------------- */

static void
cyd_importer_finalize (GObject *object)
{
  CydImporter *self = (CydImporter *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_importer_parent_class)->finalize (object);
}

static void
cyd_importer_class_init (CydImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_importer_finalize;
}

static void
cyd_importer_init (CydImporter *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

CydImporter *
cyd_importer_new (CydStore *store)
{
  CydImporter *self;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* A dry run reads and checks the whole file and counts what it would do,
 * then writes nothing. */
void
cyd_importer_set_dry_run (CydImporter *self,
                          gboolean     dry_run)
{
  g_return_if_fail (CYD_IS_IMPORTER (self));

  self->dry_run = !!dry_run;
}

gboolean
cyd_importer_get_dry_run (CydImporter *self)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), FALSE);

  return self->dry_run;
}

void
cyd_importer_set_progress_func (CydImporter           *self,
                                CydImportProgressFunc  func,
                                gpointer               user_data)
{
  g_return_if_fail (CYD_IS_IMPORTER (self));

  self->progress_func = func;
  self->progress_data = user_data;
}

/* The import's page caches are bounded, so its memory stays flat whatever
 * the file's size (measured: 18 MB for 10,000 staff and for 100,000). A
 * larger cache bought little once the savepoint's statement journals were
 * gone (see cyd_importer_import_file()). */
static void
set_import_cache (CydStore *store,
                  gboolean  importing)
{
  cyd_store_exec (store, importing ? "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB)
                                   : "PRAGMA cache_size = -2000", NULL);
  cyd_store_exec (store, importing ? "PRAGMA temp.cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB)
                                   : "PRAGMA temp.cache_size = -2000", NULL);
}

static void
run_init (ImportRun   *run,
          CydImporter *self,
          const char  *display_name,
          gboolean     optimistic,
          double       last_fraction)
{
  memset (self->counts, 0, sizeof self->counts);
  g_ptr_array_set_size (self->problems, 0);

  memset (run, 0, sizeof *run);
  run->importer = self;
  run->store = self->store;
  run->display_name = display_name;
  run->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (run->problems, problem_clear);
  run->bad_ranges = g_array_new (FALSE, FALSE, sizeof (BadRange));
  run->failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->optimistic = optimistic;
  run->last_fraction = last_fraction;
}

static void
run_clear (ImportRun *run)
{
  import_clear_run (run);
  g_clear_pointer (&run->failed, g_hash_table_unref);
  g_clear_error (&run->store_error);
  g_clear_pointer (&run->as_at, g_free);
  g_clear_pointer (&run->problems, g_array_unref);
  g_clear_pointer (&run->bad_ranges, g_array_unref);
}

/* One reading of the file. FALSE with no @error when an optimistic pass
 * gave up. */
static gboolean
import_pass (CydImporter       *self,
             ImportRun         *run,
             GFileInputStream  *stream,
             GCancellable      *cancellable,
             char             **sha256,
             GError           **error)
{
  g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                                cancellable, NULL);
  goffset size = info != NULL ? g_file_info_get_size (info) : 0;

  if (!import_prepare_tables (run, error))
    return FALSE;
  if (!import_read (run, G_INPUT_STREAM (stream), size, cancellable, sha256, error))
    return FALSE;
  if (run->store_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run->store_error));
      g_clear_pointer (sha256, g_free);
      return FALSE;
    }
  if (g_atomic_int_get (&run->gave_up))
    {
      g_clear_pointer (sha256, g_free);
      return FALSE;
    }

  collect_problems (run);
  if (self->problems->len == 0 && !self->dry_run && !import_build_indexes (run, error))
    return FALSE;
  if (self->problems->len > 0)
    {
      g_set_error (error, CYD_IMPORT_ERROR, CYD_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” was refused because of %u problem; nothing was imported.",
                                "“%s” was refused because of %u problems; nothing was imported.",
                                self->problems->len),
                   run->display_name, self->problems->len);
      return FALSE;
    }
  return TRUE;
}

/* Undoes what a pass wrote, keeping the transaction (or savepoint). */
static gboolean
roll_back_pass (CydStore  *store,
                gboolean   owns_transaction,
                GError   **error)
{
  if (!owns_transaction)
    return cyd_store_exec (store, "ROLLBACK TO cyd_import", error);
  cyd_store_rollback (store);
  return cyd_store_begin (store, error);
}

/* The optimistic pass, then, if it gave up, the exact one. */
static gboolean
import_passes (CydImporter       *self,
               ImportRun         *run,
               GFile             *file,
               GFileInputStream  *stream,
               const char        *display_name,
               gboolean           owns_transaction,
               GCancellable      *cancellable,
               char             **sha256,
               GError           **error)
{
  g_autoptr(GFileInputStream) again = NULL;
  g_autoptr(GError) local_error = NULL;
  double last_fraction;

  run_init (run, self, display_name, TRUE, -1);
  if (import_pass (self, run, stream, cancellable, sha256, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  last_fraction = run->last_fraction;
  run_clear (run);
  run_init (run, self, display_name, FALSE, last_fraction);
  if (!roll_back_pass (self->store, owns_transaction, error))
    return FALSE;
  again = g_file_read (file, cancellable, error);
  if (again == NULL)
    return FALSE;
  return import_pass (self, run, again, cancellable, sha256, error);
}

/**
 * cyd_importer_import_file:
 *
 * Imports @file in one transaction: all of it or none of it. On refusal,
 * @error is %CYD_IMPORT_ERROR_INVALID and cyd_importer_get_problems() lists
 * every problem found, located as file:line:column.
 */
gboolean
cyd_importer_import_file (CydImporter   *self,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  ImportRun run = { 0 };
  gboolean owns_transaction;
  gboolean ok;

  g_return_val_if_fail (CYD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cyd_xml_init ();
  memset (self->counts, 0, sizeof self->counts);
  g_ptr_array_set_size (self->problems, 0);

  display_name = g_file_get_basename (file);
  file_name = g_file_get_path (file);
  if (file_name == NULL)
    file_name = g_file_get_uri (file);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  owns_transaction = !cyd_store_in_transaction (self->store);
  set_import_cache (self->store, TRUE);
  /* A savepoint only when inside someone else's transaction: while one is
   * open, SQLite keeps every statement's journal until it is released, and
   * a large import would write gigabytes of them. */
  ok = owns_transaction ? cyd_store_begin (self->store, error)
                        : cyd_store_exec (self->store, "SAVEPOINT cyd_import", error);

  if (ok)
    {
      ok = import_passes (self, &run, file, stream, display_name, owns_transaction, cancellable, &sha256, error);
      if (ok && !self->dry_run)
        ok = record_run (&run, file_name, sha256, error);

      if (!owns_transaction)
        {
          if (!ok || self->dry_run)
            cyd_store_exec (self->store, "ROLLBACK TO cyd_import", NULL);
          cyd_store_exec (self->store, "RELEASE cyd_import", NULL);
        }
      else
        {
          if (ok && !self->dry_run)
            ok = cyd_store_commit (self->store, error);
          else
            cyd_store_rollback (self->store);
        }
    }

  set_import_cache (self->store, FALSE);
  if (ok && !self->dry_run && owns_transaction)
    cyd_store_notify_changed (self->store, CYD_KIND_ALL);

  if (self->progress_func != NULL)
    self->progress_func (1.0, self->progress_data);

  run_clear (&run);
  return ok;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CydImporter *self = source_object;
  GFile *file = task_data;
  GError *error = NULL;

  if (cyd_importer_import_file (self, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Runs cyd_importer_import_file() in a worker thread. The importer's store
 * must not be used by anyone else until it finishes: give it a store of its
 * own, opened on the same file. */
void
cyd_importer_import_async (CydImporter         *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CYD_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cyd_importer_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
cyd_importer_import_finish (CydImporter   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const CydImportCounts *
cyd_importer_get_counts (CydImporter *self,
                         CydKind      kind)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (kind != 0 && (kind & (kind - 1)) == 0 && kind < CYD_KIND_IMPORT_RUN, NULL);

  return &self->counts[g_bit_nth_lsf (kind, -1)];
}

CydImportCounts
cyd_importer_get_total (CydImporter *self)
{
  CydImportCounts total = { 0 };

  for (guint i = 0; i < CYD_N_RECORD_KINDS; i++)
    {
      total.added += self->counts[i].added;
      total.changed += self->counts[i].changed;
      total.unchanged += self->counts[i].unchanged;
      total.left += self->counts[i].left;
    }
  return total;
}

/* Every problem of the last import, "file:line:column: message". */
GPtrArray *
cyd_importer_get_problems (CydImporter *self)
{
  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);

  return self->problems;
}

static char *
format_counts (const CydImportCounts *c)
{
  g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", c->added), c->added);
  g_autofree char *changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed", "%u changed", c->changed), c->changed);
  g_autofree char *unchanged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", c->unchanged), c->unchanged);
  /* Translators: members of staff marked as having left their employer
   * (leavers), because a snapshot of the employer's staff omitted them. */
  g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u left", "%u left", c->left), c->left);

  /* Translators: the four counts of an import, e.g. "3 added, 1 changed, 40 unchanged, 0 left". */
  return g_strdup_printf (_("%s, %s, %s, %s"), added, changed, unchanged, left);
}

/* A few lines for people: one per kind the file touched, and the total. */
char *
cyd_importer_format_summary (CydImporter *self)
{
  GString *s = g_string_new (NULL);
  CydImportCounts total;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (CYD_IS_IMPORTER (self), NULL);

  for (guint i = 0; i < CYD_N_RECORD_KINDS; i++)
    {
      const CydImportCounts *c = &self->counts[i];
      g_autofree char *text = NULL;

      if (c->added + c->changed + c->unchanged + c->left == 0)
        continue;
      text = format_counts (c);
      g_string_append_printf (s, "%s: %s\n", cyd_kind_get_label (cyd_kind_from_index (i)), text);
    }
  total = cyd_importer_get_total (self);
  total_text = format_counts (&total);
  g_string_append_printf (s, _("Total: %s"), total_text);
  return g_string_free (s, FALSE);
}
