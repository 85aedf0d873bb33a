/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-edit.h"
#include "cyd-kind.h"
#include "cyd-money.h"

G_BEGIN_DECLS

#define CYD_STORE_ERROR (cyd_store_error_quark ())

typedef enum {
  CYD_STORE_ERROR_NOT_CYD,     /* not an SQLite file, or another program's database */
  CYD_STORE_ERROR_TOO_NEW,     /* written by a newer Cyd */
  CYD_STORE_ERROR_DAMAGED,     /* SQLite says the file is corrupt */
  CYD_STORE_ERROR_BUSY,        /* another program holds the file */
  CYD_STORE_ERROR_IO,          /* could not read or write the file */
  CYD_STORE_ERROR_REFUSED,     /* a write broke one of the schema's rules */
  CYD_STORE_ERROR_FAILED,
} CydStoreError;

/* The schema version this build writes and reads. */
#define CYD_SCHEMA_VERSION 5

/* Headline counts and sums for the Overview page. */
typedef struct {
  guint    councils;
  guint    legacy_directorates;
  guint    merged_directorates;
  guint    service_lines;
  guint    posts;
  guint    vacant_posts;
  guint    staff;
  CydFte   staff_fte;
  int      budget_year;         /* latest year with budget lines, or 0 */
  CydMoney budget_net;          /* net budget in that year (income negative) */
  CydMoney savings_target;
  CydMoney savings_forecast;
  CydMoney savings_achieved;
  guint    milestones;
  guint    milestones_done;
  guint    milestones_overdue;
  guint    import_runs;
} CydSummary;

/* One programme file. A store is used from one thread at a time: work in a
 * worker thread opens a store of its own on the same path (see
 * cyd_store_read_async()), or has the store to itself until it is done. */
#define CYD_TYPE_STORE (cyd_store_get_type ())
G_DECLARE_FINAL_TYPE (CydStore, cyd_store, CYD, STORE, GObject)

GQuark      cyd_store_error_quark         (void);

CydStore   *cyd_store_open                (const char  *path,
                                           GError     **error);
const char *cyd_store_get_path            (CydStore    *self);
const char *cyd_store_get_upgrade_backup  (CydStore    *self);
char       *cyd_store_dup_title           (CydStore    *self);
gboolean    cyd_store_save_copy           (CydStore    *self,
                                           const char  *dest_path,
                                           GError     **error);
gboolean    cyd_store_check               (CydStore    *self,
                                           GPtrArray  **problems,
                                           GError     **error);
gboolean    cyd_store_get_summary         (CydStore    *self,
                                           const char  *as_at,
                                           CydSummary  *summary,
                                           GError     **error);
guint       cyd_store_count               (CydStore    *self,
                                           CydKind      kind);
void        cyd_store_notify_changed      (CydStore    *self,
                                           guint        kinds);
gboolean    cyd_store_begin               (CydStore    *self,
                                           GError     **error);
gboolean    cyd_store_commit              (CydStore    *self,
                                           GError     **error);
void        cyd_store_rollback            (CydStore    *self);
gboolean    cyd_store_in_transaction      (CydStore    *self);
gboolean    cyd_store_begin_read          (CydStore    *self,
                                           gboolean    *owns,
                                           GError     **error);
void        cyd_store_end_read            (CydStore    *self,
                                           gboolean     owns);

/* The write path: see cyd-edit.h. The store keeps the undo and redo stacks
 * for as long as it is open; "can-undo", "can-redo", "undo-label" and
 * "redo-label" are properties, notified when they change. */
gboolean    cyd_store_apply               (CydStore    *self,
                                           CydEdit     *edit,
                                           GError     **error);
gboolean    cyd_store_undo                (CydStore    *self,
                                           GError     **error);
gboolean    cyd_store_redo                (CydStore    *self,
                                           GError     **error);
gboolean    cyd_store_get_can_undo        (CydStore    *self);
gboolean    cyd_store_get_can_redo        (CydStore    *self);
const char *cyd_store_get_undo_label      (CydStore    *self);
const char *cyd_store_get_redo_label      (CydStore    *self);

/* Reading away from the calling thread: see cyd-store-read.c. */
typedef gpointer (*CydStoreReadFunc) (CydStore      *store,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* What a worker thread needs to open the file a store opened: its path,
 * and which file that was, to tell it from another put there since. */
typedef struct {
  char    *path;
  guint64  dev;
  guint64  ino;
} CydStoreFile;

void        cyd_store_file_init           (CydStoreFile        *file,
                                           CydStore            *store);
void        cyd_store_file_clear          (CydStoreFile        *file);
CydStore   *cyd_store_file_open           (const CydStoreFile  *file,
                                           GError             **error);

void        cyd_store_read_async          (CydStore            *self,
                                           CydStoreReadFunc     func,
                                           gpointer             data,
                                           GDestroyNotify       data_free,
                                           GDestroyNotify       result_free,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gpointer    cyd_store_read_finish         (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
