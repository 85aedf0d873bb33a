/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-report"

#include "config.h"

#include "cyd-report-private.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* A reader of gettext's .mo format: a header of 32-bit words (magic,
 * revision, count, offset of the original strings' table, offset of the
 * translations' table), each table holding (length, offset) pairs. A
 * message with a context is stored as "context\004msgid". GLib has no API
 * for reading another language's catalogue than the process's. */
#define MO_MAGIC 0x950412deu

struct _CydCatalogue {
  char       *language;
  GMappedFile *file;
  GHashTable *messages;   /* key → translation, both pointing into file */
  locale_t    locale;     /* for month names, or (locale_t) 0 */
};

static guint32
read_word (const guint8 *data,
           gsize         offset,
           gboolean      swap)
{
  guint32 word;

  memcpy (&word, data + offset, sizeof word);
  return swap ? GUINT32_SWAP_LE_BE (word) : word;
}

static const char *
read_string (const guint8 *data,
             gsize         size,
             gsize         entry,
             gboolean      swap)
{
  guint32 length = read_word (data, entry, swap);
  guint32 offset = read_word (data, entry + 4, swap);

  if (offset >= size || length >= size - offset || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

static void
read_messages (CydCatalogue *self)
{
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (self->file);
  gsize size = g_mapped_file_get_length (self->file);
  gboolean swap;
  guint32 n, originals, translations;

  if (size < 28)
    return;
  swap = read_word (data, 0, FALSE) != MO_MAGIC;
  if (read_word (data, 0, swap) != MO_MAGIC)
    return;
  n = read_word (data, 8, swap);
  originals = read_word (data, 12, swap);
  translations = read_word (data, 16, swap);
  if (originals > size || translations > size
      || n > (size - originals) / 8 || n > (size - translations) / 8)
    return;

  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = read_string (data, size, originals + 8 * i, swap);
      const char *msgstr = read_string (data, size, translations + 8 * i, swap);

      if (msgid != NULL && msgstr != NULL && *msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (self->messages, (gpointer) msgid, (gpointer) msgstr);
    }
}

static char *
find_catalogue (const char *language)
{
  const char *dirs[] = { g_getenv ("CYD_LOCALEDIR"), LOCALEDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;
      path = g_build_filename (dirs[i], language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* The catalogue of @language ("en" has none: its messages are the msgids). */
CydCatalogue *
cyd_catalogue_load (const char *language)
{
  CydCatalogue *self = g_new0 (CydCatalogue, 1);
  g_autofree char *path = NULL;
  g_autofree char *locale_name = g_strdup_printf ("%s_GB.UTF-8", language);

  self->language = g_strdup (language);
  self->messages = g_hash_table_new (g_str_hash, g_str_equal);
  self->locale = newlocale (LC_TIME_MASK, locale_name, (locale_t) 0);

  if (g_str_equal (language, "en"))
    return self;
  path = find_catalogue (language);
  if (path != NULL)
    self->file = g_mapped_file_new (path, FALSE, NULL);
  if (self->file != NULL)
    read_messages (self);
  else
    g_warning ("No %s catalogue found: the report falls back to English", language);
  return self;
}

void
cyd_catalogue_free (CydCatalogue *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->messages);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  if (self->locale != (locale_t) 0)
    freelocale (self->locale);
  g_free (self->language);
  g_free (self);
}

/* @msgid in the catalogue's language, or @msgid itself when untranslated. */
const char *
cyd_catalogue_lookup (CydCatalogue *self,
                      const char   *context,
                      const char   *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  g_return_val_if_fail (self != NULL, msgid);

  if (context != NULL)
    key = g_strconcat (context, "\004", msgid, NULL);
  found = g_hash_table_lookup (self->messages, key != NULL ? key : msgid);
  return found != NULL ? found : msgid;
}

/* "1 April 2024" / "1 Ebrill 2024": the month named by the C library's
 * locale of the catalogue's language, whatever the process's locale. */
char *
cyd_catalogue_format_date (CydCatalogue *self,
                           const char   *iso)
{
  int year, month, day;
  const char *name = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3
      || month < 1 || month > 12)
    return g_strdup (iso != NULL ? iso : "");
  if (self->locale != (locale_t) 0)
    name = nl_langinfo_l (MON_1 + month - 1, self->locale);
  if (name == NULL || *name == '\0')
    return g_strdup (iso);
  return g_strdup_printf ("%d %s %d", day, name, year);
}
