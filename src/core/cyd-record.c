/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-record"

#include "config.h"

#include "cyd-record.h"
#include "cyd-record-private.h"

struct _CydRecord
{
  GObject     parent_instance;

  gint64      id;
  GPtrArray  *keys;     /* shared by every record of a model: const char * */
  char      **values;   /* one per key */
};

G_DEFINE_FINAL_TYPE (CydRecord, cyd_record, G_TYPE_OBJECT)

static void
cyd_record_finalize (GObject *object)
{
  CydRecord *self = (CydRecord *)object;

  if (self->values != NULL)
    for (guint i = 0; i < self->keys->len; i++)
      g_free (self->values[i]);
  g_free (self->values);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_record_parent_class)->finalize (object);
}

static void
cyd_record_class_init (CydRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cyd_record_finalize;
}

static void
cyd_record_init (CydRecord *self)
{
}

/* Takes ownership of @values, an array of keys->len strings. */
CydRecord *
cyd_record_new (gint64     id,
                GPtrArray *keys,
                char     **values)
{
  CydRecord *self = g_object_new (CYD_TYPE_RECORD, NULL);

  self->id = id;
  self->keys = g_ptr_array_ref (keys);
  self->values = values;
  return self;
}

gint64
cyd_record_get_id (CydRecord *self)
{
  g_return_val_if_fail (CYD_IS_RECORD (self), 0);

  return self->id;
}

/* The display text for @key, or %NULL if the record has no such key. */
const char *
cyd_record_get_text (CydRecord  *self,
                     const char *key)
{
  g_return_val_if_fail (CYD_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (self->keys, i), key))
      return self->values[i] != NULL ? self->values[i] : "";
  return NULL;
}
