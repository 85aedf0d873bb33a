/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-store"

#include "config.h"

#include "cyd-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-collate.h"
#include "cyd-savings.h"
#include "cyd-savings-private.h"

/* "Cyd1" as a big-endian 32-bit integer: PRAGMA application_id. */
#define CYD_APPLICATION_ID 0x43796431

struct _CydStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *upgrade_backup;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *columns;      /* table → GPtrArray of its column names but id */
  GPtrArray  *undo_steps;   /* CydStep, newest last */
  GPtrArray  *redo_steps;
  guint64     file_dev;     /* the file opened, to tell it from another */
  guint64     file_ino;     /* later put at the same path */
};

enum {
  CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydStore, cyd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (cyd-store-error-quark, cyd_store_error)

static gboolean
set_error_from_code (GError     **error,
                     int          code,
                     const char  *detail)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_NOT_CYD,
                           _("This file is not a Cyd programme."));
      break;
    case SQLITE_CORRUPT:
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_DAMAGED,
                           _("This programme file is damaged and cannot be read."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_BUSY,
                           _("Another program is using this programme file. Try again when it has finished."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                   _("The change was refused because it breaks a rule of the programme: %s"),
                   detail);
      break;
    case SQLITE_FULL:
      /* SQLite's own words for it are English, and say less */
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                           _("The disk is full, so the programme file could not be written."));
      break;
    case SQLITE_IOERR:
      /* SQLite's words for it are English, and say no more */
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                           _("The disk reported an error reading or writing the programme file."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                   _("The programme file could not be read or written: %s"), detail);
      break;
    default:
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED,
                   _("The programme file could not be used: %s"), detail);
      break;
    }
  return FALSE;
}

/* Whether the disk holding @path has (next to) no room left. */
static gboolean
disk_is_full (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFileInfo) info = NULL;

  if (parent == NULL)
    return FALSE;
  info = g_file_query_filesystem_info (parent, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
  return info != NULL
         && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE)
         && g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < 1024 * 1024;
}

static gboolean
is_on_remote_filesystem (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_filesystem_info (parent, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);
  return info != NULL &&
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
query_int (CydStore    *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return cyd_store_set_sqlite_error (self, error);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
apply_migrations (CydStore  *self,
                  gint64     from_version,
                  GError   **error)
{
  static const char * const migrations[] = {
    "0001-initial.sql",
    "0002-edit-ids.sql",
    "0003-milestone-rag-reason.sql",
    "0004-list-order.sql",
    "0005-post-directorate-from.sql",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CYD_SCHEMA_VERSION);

  if (!cyd_store_begin (self, error))
    return FALSE;

  for (gint64 v = from_version; v < CYD_SCHEMA_VERSION; v++)
    {
      g_autofree char *name = g_strconcat ("sql/", migrations[v], NULL);
      g_autoptr(GBytes) bytes = cyd_resource_lookup (name);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      /* Migration scripts hold several statements and no parameters. */
      if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          cyd_store_set_sqlite_error (self, error);
          cyd_store_rollback (self);
          return FALSE;
        }
    }

  if (!cyd_store_exec (self, "PRAGMA application_id = 1132028977", error) ||
      !cyd_store_exec (self, "PRAGMA user_version = " G_STRINGIFY (CYD_SCHEMA_VERSION), error))
    {
      cyd_store_rollback (self);
      return FALSE;
    }

  return cyd_store_commit (self, error);
}

static char *
make_backup_path (const char *path,
                  gint64      version)
{
  for (guint i = 0; ; i++)
    {
      g_autofree char *candidate = NULL;

      if (i == 0)
        candidate = g_strdup_printf ("%s.v%" G_GINT64_FORMAT ".bak", path, version);
      else
        candidate = g_strdup_printf ("%s.v%" G_GINT64_FORMAT "-%u.bak", path, version, i);
      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&candidate);
    }
}

static gboolean
prepare_schema (CydStore  *self,
                GError   **error)
{
  gint64 app_id = 0, version = 0, tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &tables, error))
    return FALSE;

  if (app_id == 0 && version == 0 && tables == 0)
    return apply_migrations (self, 0, error);

  if (app_id != CYD_APPLICATION_ID)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_NOT_CYD,
                           _("This file is a database, but not a Cyd programme."));
      return FALSE;
    }

  if (version > CYD_SCHEMA_VERSION)
    {
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_TOO_NEW,
                   _("This programme was saved by a newer version of Cyd (file format %d; this version reads up to %d). Update Cyd to open it."),
                   (int) version, CYD_SCHEMA_VERSION);
      return FALSE;
    }

  if (version < CYD_SCHEMA_VERSION)
    {
      g_autofree char *backup = make_backup_path (self->path, version);

      if (!cyd_store_save_copy (self, backup, error))
        return FALSE;
      self->upgrade_backup = g_steal_pointer (&backup);
      return apply_migrations (self, version, error);
    }

  return TRUE;
}

/* Opens the connection, reading nothing yet. */
static gboolean
open_connection (CydStore  *self,
                 int        flags,
                 GError   **error)
{
  /* A store is used from one thread at a time (a worker opens a store of
   * its own), so SQLite need not lock the connection on every call. */
  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return cyd_store_set_sqlite_error (self, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  cyd_collate_register (self->db);
  cyd_savings_register_sql (self->db);
  return TRUE;
}

static gboolean
open_database (CydStore  *self,
               GError   **error)
{
  gint64 ok = 0;

  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return FALSE;

  /* Reading the schema is the first real read: a file that is not SQLite
   * fails here with SQLITE_NOTADB. */
  if (!query_int (self, "PRAGMA schema_version", &ok, error))
    return FALSE;

  if (!cyd_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (is_on_remote_filesystem (self->path))
    {
      if (!cyd_store_exec (self, "PRAGMA journal_mode = DELETE", error))
        return FALSE;
    }
  else if (!cyd_store_exec (self, "PRAGMA journal_mode = WAL", error))
    return FALSE;

  return prepare_schema (self, error);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
cyd_store_finalize (GObject *object)
{
  CydStore *self = (CydStore *)object;

  g_clear_pointer (&self->undo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->redo_steps, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->upgrade_backup);

  G_OBJECT_CLASS (cyd_store_parent_class)->finalize (object);
}

static void
cyd_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CydStore *self = CYD_STORE (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cyd_store_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cyd_store_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cyd_store_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cyd_store_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_store_class_init (CydStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* SQLite's memory statistics take a global lock around every allocation,
   * and nothing here reads them: a ninth of an import's writing went on
   * them. Only possible before SQLite is first used; harmless after. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  object_class->finalize = cyd_store_finalize;
  object_class->get_property = cyd_store_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CydStore::changed:
   * @kinds: the #CydKind flags of the records that changed
   *
   * Emitted after a write has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cyd_store_init (CydStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->undo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cyd_step_free);
  self->redo_steps = g_ptr_array_new_with_free_func ((GDestroyNotify) cyd_step_free);
}

/* SQLite keeps a programme's journal beside it, so Cyd must be able to
 * write to the file and its folder even to read it. Where it cannot (a
 * read-only disk or share, a file made read-only), that is what the user
 * is told, rather than SQLite's failure to open it. */
static void
explain_read_only (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (error == NULL || !g_error_matches (*error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO))
    return;
  if (g_access (dir, W_OK) == 0
      && (!g_file_test (path, G_FILE_TEST_EXISTS) || g_access (path, W_OK) == 0))
    return;

  g_clear_error (error);
  g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                       _("Cyd needs to write to a programme file and to its folder, even to look at it, "
                         "and cannot write to this one. Copy the file to a folder of your own and open "
                         "the copy."));
}

/**
 * cyd_store_open:
 * @path: the programme file; created (mode 0600) when missing
 *
 * Opens a programme, creating or upgrading its schema as needed. An older
 * file is copied aside first (see cyd_store_get_upgrade_backup()).
 */
CydStore *
cyd_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CydStore) self = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CYD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!create_private_file (path, error) || !open_database (self, error))
    {
      explain_read_only (path, error);
      return NULL;
    }

  if (g_stat (path, &st) == 0)
    {
      self->file_dev = st.st_dev;
      self->file_ino = st.st_ino;
    }

  return g_steal_pointer (&self);
}

static gboolean
path_names_file (const char *path,
                 guint64     dev,
                 guint64     ino)
{
  GStatBuf st;

  return ino == 0 || (g_stat (path, &st) == 0 && (guint64) st.st_dev == dev && (guint64) st.st_ino == ino);
}

/**
 * cyd_store_file_open:
 * @file: from cyd_store_file_init() on an open store
 *
 * Opens another connection to that store's file, for a worker thread.
 * The file may have been moved or replaced while the store had it open:
 * this never makes a file, never upgrades or changes one, and opens the
 * path only while it names the very same file, looked at before SQLite
 * opens it and again before the first read (which is what would take up
 * a moved file's journal).
 */
CydStore *
cyd_store_file_open (const CydStoreFile  *file,
                     GError             **error)
{
  g_autoptr(CydStore) self = NULL;
  gint64 app_id = 0, version = 0;

  g_return_val_if_fail (file != NULL && file->path != NULL, NULL);

  if (!path_names_file (file->path, file->dev, file->ino))
    goto moved;
  self = g_object_new (CYD_TYPE_STORE, NULL);
  self->path = g_strdup (file->path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE, error))
    return NULL;
  if (!path_names_file (file->path, file->dev, file->ino))
    goto moved;
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !cyd_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (app_id != CYD_APPLICATION_ID || version != CYD_SCHEMA_VERSION)
    goto moved;
  self->file_dev = file->dev;
  self->file_ino = file->ino;
  return g_steal_pointer (&self);

moved:
  g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                       _("The programme file was moved or replaced while it was open. Open it again from where it is now."));
  return NULL;
}

/* Fills @file with @store's path and the file it opened (0 and 0 when
 * that is not known: then only the path is checked for being there). */
void
cyd_store_file_init (CydStoreFile *file,
                     CydStore     *store)
{
  g_return_if_fail (CYD_IS_STORE (store));

  file->path = g_strdup (store->path);
  file->dev = store->file_dev;
  file->ino = store->file_ino;
}

void
cyd_store_file_clear (CydStoreFile *file)
{
  g_clear_pointer (&file->path, g_free);
}

const char *
cyd_store_get_path (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  return self->path;
}

/* The copy written before an upgrade, or %NULL if the file was current. */
const char *
cyd_store_get_upgrade_backup (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  return self->upgrade_backup;
}

sqlite3 *
cyd_store_get_handle (CydStore *self)
{
  return self->db;
}

gboolean
cyd_store_set_sqlite_error (CydStore  *self,
                            GError   **error)
{
  int code = self->db != NULL ? sqlite3_extended_errcode (self->db) : SQLITE_CANTOPEN;
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM);

  /* Where the disk is full, SQLite often fails to grow its shared memory
   * file or journal and says only that it could not read or write. */
  if ((code & 0xff) == SQLITE_IOERR && self->path != NULL && disk_is_full (self->path))
    code = SQLITE_FULL;

  return set_error_from_code (error, code, detail);
}

CydStmt *
cyd_store_prepare (CydStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      cyd_store_set_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
cyd_store_exec (CydStore    *self,
                const char  *sql,
                GError     **error)
{
  g_autoptr(CydStmt) stmt = cyd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (self, error);
  return TRUE;
}

gboolean
cyd_stmt_step_done (CydStore  *self,
                    CydStmt   *stmt,
                    GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return cyd_store_set_sqlite_error (self, error);
  return TRUE;
}

void
cyd_stmt_bind_text_or_null (CydStmt    *stmt,
                            int         index,
                            const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
cyd_stmt_text (CydStmt *stmt,
               int      column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
cyd_store_begin (CydStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return cyd_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
cyd_store_commit (CydStore  *self,
                  GError   **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  if (!cyd_store_exec (self, "COMMIT", error))
    {
      cyd_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
cyd_store_rollback (CydStore *self)
{
  g_return_if_fail (CYD_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    cyd_store_exec (self, "ROLLBACK", NULL);
}

gboolean
cyd_store_in_transaction (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return !sqlite3_get_autocommit (self->db);
}

/* Opens a read transaction unless the caller is in a transaction already,
 * so that everything read until cyd_store_end_read () is of the file at
 * one moment, whatever other connections write meanwhile. *@owns says
 * whether this call opened it. */
gboolean
cyd_store_begin_read (CydStore  *self,
                      gboolean  *owns,
                      GError   **error)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);
  g_return_val_if_fail (owns != NULL, FALSE);

  *owns = !cyd_store_in_transaction (self);
  return !*owns || cyd_store_exec (self, "BEGIN", error);
}

/* Ends the read transaction cyd_store_begin_read () opened, if it did. */
void
cyd_store_end_read (CydStore *self,
                    gboolean  owns)
{
  g_return_if_fail (CYD_IS_STORE (self));

  if (owns && !cyd_store_exec (self, "COMMIT", NULL))
    cyd_store_rollback (self);
}

void
cyd_store_notify_changed (CydStore *self,
                          guint     kinds)
{
  g_return_if_fail (CYD_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], 0, kinds);
}

/**
 * cyd_store_save_copy:
 * @dest_path: where to write the copy; replaced atomically if it exists
 *
 * Writes a consistent copy of the programme through SQLite's backup API.
 */
gboolean
cyd_store_save_copy (CydStore    *self,
                     const char  *dest_path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  dir = g_path_get_dirname (dest_path);
  base = g_path_get_basename (dest_path);
  tmpl = g_strdup_printf ("%s/.%s-XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                   _("Could not write a copy in “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmpl, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, rc, dest != NULL ? sqlite3_errmsg (dest) : "");
      sqlite3_close_v2 (dest);
      g_unlink (tmpl);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  if (g_rename (tmpl, dest_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmpl);
      g_set_error (error, CYD_STORE_ERROR, CYD_STORE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The programme's title: the merged directorate's name, else the file's. */
char *
cyd_store_dup_title (CydStore *self)
{
  g_autoptr(CydStmt) stmt = NULL;
  gboolean welsh;

  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  welsh = g_str_equal (cyd_ui_language (), "cy");
  stmt = cyd_store_prepare (self,
                            "SELECT name_en, name_cy FROM directorate WHERE kind = 'merged'",
                            NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *en = cyd_stmt_text (stmt, 0);
      const char *cy = cyd_stmt_text (stmt, 1);
      const char *name = welsh ? (cy ? cy : en) : (en ? en : cy);

      if (name != NULL)
        return g_strdup (name);
    }

  {
    g_autofree char *base = g_path_get_basename (self->path);
    char *dot = strrchr (base, '.');

    if (dot != NULL && dot != base)
      *dot = '\0';
    return g_steal_pointer (&base);
  }
}

static const char * const count_sql[CYD_N_RECORD_KINDS + 1] = {
  "SELECT count(*) FROM council",
  "SELECT count(*) FROM directorate",
  "SELECT count(*) FROM service_line",
  "SELECT count(*) FROM post",
  "SELECT count(*) FROM person",
  "SELECT count(*) FROM budget_line",
  "SELECT count(*) FROM saving",
  "SELECT count(*) FROM milestone",
  "SELECT count(*) FROM import_run",
};

guint
cyd_store_count (CydStore *self,
                 CydKind   kind)
{
  gint64 n = 0;

  g_return_val_if_fail (CYD_IS_STORE (self), 0);
  g_return_val_if_fail (kind != 0 && (kind & (kind - 1)) == 0, 0);

  if (!query_int (self, count_sql[g_bit_nth_lsf (kind, -1)], &n, NULL))
    return 0;
  return (guint) n;
}

/* The columns of @table other than id, read from the schema once. */
GPtrArray *
cyd_store_get_table_columns (CydStore   *self,
                             const char *table)
{
  GPtrArray *columns = g_hash_table_lookup (self->columns, table);
  g_autofree char *sql = NULL;
  g_autoptr(CydStmt) stmt = NULL;

  if (columns != NULL)
    return columns;

  columns = g_ptr_array_new_with_free_func (g_free);
  sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  stmt = cyd_store_prepare (self, sql, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    if (!g_str_equal (cyd_stmt_text (stmt, 1), "id"))
      g_ptr_array_add (columns, g_strdup (cyd_stmt_text (stmt, 1)));
  g_hash_table_insert (self->columns, g_strdup (table), columns);
  return columns;
}

static void
notify_undo_state (CydStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* A new step on the undo stack forgets what could be redone. */
void
cyd_store_push_step (CydStore *self,
                     CydStep  *step,
                     gboolean  to_redo)
{
  g_ptr_array_add (to_redo ? self->redo_steps : self->undo_steps, step);
  notify_undo_state (self);
}

CydStep *
cyd_store_pop_step (CydStore *self,
                    gboolean  from_redo)
{
  GPtrArray *stack = from_redo ? self->redo_steps : self->undo_steps;

  if (stack->len == 0)
    return NULL;
  return g_ptr_array_steal_index (stack, stack->len - 1);
}

void
cyd_store_forget_redo (CydStore *self)
{
  g_ptr_array_set_size (self->redo_steps, 0);
}

gboolean
cyd_store_get_can_undo (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return self->undo_steps->len > 0;
}

gboolean
cyd_store_get_can_redo (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), FALSE);

  return self->redo_steps->len > 0;
}

/* What undo would undo, as the user reads it, or %NULL. */
const char *
cyd_store_get_undo_label (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  if (self->undo_steps->len == 0)
    return NULL;
  return cyd_step_get_label (g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1));
}

const char *
cyd_store_get_redo_label (CydStore *self)
{
  g_return_val_if_fail (CYD_IS_STORE (self), NULL);

  if (self->redo_steps->len == 0)
    return NULL;
  return cyd_step_get_label (g_ptr_array_index (self->redo_steps, self->redo_steps->len - 1));
}
