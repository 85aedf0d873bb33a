/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-post"

#include "config.h"

#include "cyd-post-details.h"

#include <glib/gi18n-lib.h>

#include "cyd.h"
#include "cyd-private.h"

/* Columns %s are the interface language then the other one. */
static const char post_sql[] =
  "SELECT p.code, p.title_%s, p.title_%s, d.code, d.name_%s, d.name_%s, d.kind,"
  " s.code, s.name_%s, s.name_%s, r.code, r.title_%s, r.title_%s,"
  " p.grade, p.fte, p.annual_cost, p.established_from, p.established_to,"
  " (p.established_from IS NULL OR p.established_from <= ?2)"
  " AND (p.established_to IS NULL OR p.established_to >= ?2)"
  " FROM post p JOIN directorate d ON d.id = p.directorate_id"
  " LEFT JOIN service_line s ON s.id = p.service_line_id"
  " LEFT JOIN post r ON r.id = p.reports_to_id"
  " WHERE p.id = ?1";

static const char dotted_sql[] =
  "SELECT m.code, m.title_%s, m.title_%s FROM post_dotted_line dl JOIN post m ON m.id = dl.manager_id"
  " WHERE dl.post_id = ?1 ORDER BY m.code";

static const char holders_sql[] =
  "SELECT h.id, h.given_name || ' ' || h.family_name, a.fte FROM assignment a"
  " JOIN person h ON h.id = a.person_id"
  " WHERE a.post_id = ?1 AND (a.from_date IS NULL OR a.from_date <= ?2)"
  " AND (a.to_date IS NULL OR a.to_date >= ?2)"
  " AND (h.left_date IS NULL OR h.left_date >= ?2)"
  " ORDER BY h.family_name, h.given_name, a.id";

/* The mapping in force at the date, else the next one to come. */
static const char mapping_sql[] =
  "SELECT m.method, m.effective, t.code, t.title_%s, t.title_%s FROM post_mapping m"
  " JOIN post t ON t.id = m.target_id WHERE m.post_id = ?1"
  " ORDER BY m.effective <= ?2 DESC, m.effective DESC, t.code LIMIT 1";

static void
holder_free (gpointer data)
{
  CydPostHolder *holder = data;

  g_free (holder->name);
  g_free (holder);
}

static char *
dup_localised_sql (const char *sql)
{
  gboolean welsh = g_str_equal (cyd_ui_language (), "cy");
  const char *here = welsh ? "cy" : "en";
  const char *there = welsh ? "en" : "cy";

  /* Every query takes pairs of (interface, other) languages. */
  return g_strdup_printf (sql, here, there, here, there, here, there, here, there);
}

/* "CODE — Name" from columns @code, @name (interface language), @name + 1. */
static char *
dup_labelled (CydStmt *stmt,
              int      code,
              int      name)
{
  g_autofree char *text = NULL;

  if (sqlite3_column_type (stmt, code) == SQLITE_NULL)
    return NULL;
  text = cyd_bilingual_display (cyd_stmt_text (stmt, name), cyd_stmt_text (stmt, name + 1));
  return g_strdup_printf ("%s — %s", cyd_stmt_text (stmt, code), text);
}

static CydStmt *
prepare (CydStore    *store,
         const char  *sql,
         gint64       post_id,
         const char  *as_at,
         GError     **error)
{
  g_autofree char *localised = dup_localised_sql (sql);
  CydStmt *stmt = cyd_store_prepare (store, localised, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, as_at, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
read_post (CydPostDetails  *d,
           CydStore        *store,
           const char      *as_at,
           GError         **error)
{
  g_autoptr(CydStmt) stmt = prepare (store, post_sql, d->id, as_at, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_FAILED,
                           _("This post is no longer in the programme."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return cyd_store_set_sqlite_error (store, error);
  d->code = g_strdup (cyd_stmt_text (stmt, 0));
  d->title = cyd_bilingual_display (cyd_stmt_text (stmt, 1), cyd_stmt_text (stmt, 2));
  d->other_title = g_strdup (cyd_stmt_text (stmt, 2));
  d->directorate = dup_labelled (stmt, 3, 4);
  d->legacy = g_strcmp0 (cyd_stmt_text (stmt, 6), "legacy") == 0;
  d->service_line = dup_labelled (stmt, 7, 8);
  d->reports_to = dup_labelled (stmt, 10, 11);
  d->grade = g_strdup (cyd_stmt_text (stmt, 13));
  d->fte = sqlite3_column_int64 (stmt, 14);
  d->has_cost = sqlite3_column_type (stmt, 15) != SQLITE_NULL;
  d->cost = sqlite3_column_int64 (stmt, 15);
  d->established_from = g_strdup (cyd_stmt_text (stmt, 16));
  d->established_to = g_strdup (cyd_stmt_text (stmt, 17));
  d->established = sqlite3_column_int (stmt, 18) != 0;
  return TRUE;
}

static gboolean
read_dotted (CydPostDetails  *d,
             CydStore        *store,
             GError         **error)
{
  g_autoptr(CydStmt) stmt = prepare (store, dotted_sql, d->id, NULL, error);
  g_autoptr(GString) text = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *label = dup_labelled (stmt, 0, 1);

      if (text == NULL)
        text = g_string_new (label);
      else
        g_string_append_printf (text, "; %s", label);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  d->dotted = text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
  return TRUE;
}

static gboolean
read_holders (CydPostDetails  *d,
              CydStore        *store,
              const char      *as_at,
              GError         **error)
{
  g_autoptr(CydStmt) stmt = prepare (store, holders_sql, d->id, as_at, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CydPostHolder *holder = g_new0 (CydPostHolder, 1);

      holder->person_id = sqlite3_column_int64 (stmt, 0);
      holder->name = g_strdup (cyd_stmt_text (stmt, 1));
      holder->fte = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (d->holders, holder);
    }
  if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

static gboolean
read_mapping (CydPostDetails  *d,
              CydStore        *store,
              const char      *as_at,
              GError         **error)
{
  g_autoptr(CydStmt) stmt = prepare (store, mapping_sql, d->id, as_at, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      d->mapping_method = g_strdup (cyd_stmt_text (stmt, 0));
      d->mapping_label = cyd_enum_to_label (d->mapping_method);
      d->mapping_effective = g_strdup (cyd_stmt_text (stmt, 1));
      d->mapping_target = dup_labelled (stmt, 2, 3);
    }
  else if (rc != SQLITE_DONE)
    return cyd_store_set_sqlite_error (store, error);
  return TRUE;
}

/**
 * cyd_post_details_load:
 * @post_id: a post's row id
 * @as_at: the date (YYYY-MM-DD) the holders and mapping are taken at
 *
 * Returns: (transfer full) (nullable): the post's details
 */
CydPostDetails *
cyd_post_details_load (CydStore    *store,
                       gint64       post_id,
                       const char  *as_at,
                       GError     **error)
{
  g_autoptr(CydPostDetails) d = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (cyd_date_is_valid_iso (as_at), NULL);

  d = g_new0 (CydPostDetails, 1);
  d->id = post_id;
  d->holders = g_ptr_array_new_with_free_func (holder_free);
  if (!read_post (d, store, as_at, error)
      || !read_dotted (d, store, error)
      || !read_holders (d, store, as_at, error)
      || !read_mapping (d, store, as_at, error))
    return NULL;
  return g_steal_pointer (&d);
}

void
cyd_post_details_free (CydPostDetails *d)
{
  if (d == NULL)
    return;
  g_free (d->code);
  g_free (d->title);
  g_free (d->other_title);
  g_free (d->directorate);
  g_free (d->service_line);
  g_free (d->reports_to);
  g_free (d->dotted);
  g_free (d->grade);
  g_free (d->established_from);
  g_free (d->established_to);
  g_clear_pointer (&d->holders, g_ptr_array_unref);
  g_free (d->mapping_method);
  g_free (d->mapping_target);
  g_free (d->mapping_effective);
  g_free (d);
}
