/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-column-sorter.h"

/* A column's sorter that never sorts anything itself: it names the key the
 * column sorts by. GTK 4.8 has no API for a column view's primary sort
 * column, so cyd_column_sorter_probe() asks the view's sorter to compare two
 * probe objects; the view calls its columns' sorters in priority order and
 * inverts the result for a descending column, so the first CydColumnSorter
 * that answers is the primary one, and the sign of the answer says which
 * way. The list is then sorted in SQL. */

struct _CydColumnSorter
{
  GtkSorter  parent_instance;

  char      *key;
};

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydColumnSorter, cyd_column_sorter, GTK_TYPE_SORTER)

/* Shared by the two probe objects of one probe. */
typedef struct {
  GObject    *first;
  const char *key;
} Probe;

static GQuark
probe_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cyd-column-sorter-probe");

  return quark;
}

static GtkOrdering
cyd_column_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  CydColumnSorter *self = CYD_COLUMN_SORTER (sorter);
  Probe *probe = g_object_get_qdata (item1, probe_quark ());

  /* Real rows are sorted by the model, never here. */
  if (probe == NULL || self->key == NULL)
    return GTK_ORDERING_EQUAL;

  if (probe->key == NULL)
    probe->key = self->key;

  return item1 == probe->first ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

static GtkSorterOrder
cyd_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
cyd_column_sorter_finalize (GObject *object)
{
  CydColumnSorter *self = CYD_COLUMN_SORTER (object);

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (cyd_column_sorter_parent_class)->finalize (object);
}

static void
cyd_column_sorter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CydColumnSorter *self = CYD_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_column_sorter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CydColumnSorter *self = CYD_COLUMN_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      cyd_column_sorter_set_key (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_column_sorter_class_init (CydColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = cyd_column_sorter_finalize;
  object_class->get_property = cyd_column_sorter_get_property;
  object_class->set_property = cyd_column_sorter_set_property;

  sorter_class->compare = cyd_column_sorter_compare;
  sorter_class->get_order = cyd_column_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cyd_column_sorter_init (CydColumnSorter *self)
{
}

CydColumnSorter *
cyd_column_sorter_new (const char *key)
{
  return g_object_new (CYD_TYPE_COLUMN_SORTER, "key", key, NULL);
}

const char *
cyd_column_sorter_get_key (CydColumnSorter *self)
{
  g_return_val_if_fail (CYD_IS_COLUMN_SORTER (self), NULL);

  return self->key;
}

void
cyd_column_sorter_set_key (CydColumnSorter *self,
                           const char      *key)
{
  g_return_if_fail (CYD_IS_COLUMN_SORTER (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;

  g_free (self->key);
  self->key = g_strdup (key);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
}

/**
 * cyd_column_sorter_probe:
 * @view_sorter: the sorter of a #GtkColumnView whose columns sort with
 *   #CydColumnSorter
 * @descending: (out) (optional): whether the primary column sorts descending
 *
 * Finds the column the user asked to sort by.
 *
 * Returns: (transfer full) (nullable): the primary column's key, or %NULL
 *   when the view is unsorted
 */
char *
cyd_column_sorter_probe (GtkSorter *view_sorter,
                         gboolean  *descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  Probe probe = { a, NULL };
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), NULL);

  g_object_set_qdata (a, probe_quark (), &probe);
  g_object_set_qdata (b, probe_quark (), &probe);

  order = gtk_sorter_compare (view_sorter, a, b);

  if (descending != NULL)
    *descending = (order == GTK_ORDERING_LARGER);

  return probe.key != NULL ? g_strdup (probe.key) : NULL;
}
