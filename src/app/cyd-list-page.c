/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-list-page.h"

#include "cyd-date.h"
#include "cyd-window.h"

/* What every list page shares: the properties "store" and "as-at" that
 * the window's page slot sets, the list binding over the template's
 * list, the action page.search, and a dialog opened on a row's
 * activation (or "Add"), whose "saved" message becomes a toast. */

typedef struct
{
  CydListBinding   *binding;
  GtkColumnView    *column_view;  /* the template's */
  CydListPageFlags  flags;
  CydStore         *store;
  gulong            changed_id;
  char             *as_at;
} CydListPagePrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (CydListPage, cyd_list_page, ADW_TYPE_BIN)

static void
apply_as_at (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);
  g_autofree char *as_at = NULL;

  if (priv->binding == NULL || !(priv->flags & CYD_LIST_PAGE_DATED))
    return;
  as_at = cyd_list_page_dup_as_at (self);
  cyd_list_binding_set_as_at (priv->binding, as_at);
}

static void
on_store_changed (CydListPage *self,
                  guint        kinds)
{
  CydListPageClass *klass = CYD_LIST_PAGE_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, kinds);
}

static void
on_column_view_activate (CydListPage *self,
                         guint        position)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);
  CydListModel *model = cyd_list_binding_get_model (priv->binding);
  g_autoptr(CydRecord) record = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (model)))
    return;
  /* A row not read yet has no record, or one with no id: nothing to open. */
  record = g_list_model_get_item (G_LIST_MODEL (model), position);
  if (record != NULL && cyd_record_get_id (record) != 0)
    cyd_list_page_open (self, cyd_record_get_id (record));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (CYD_LIST_PAGE (widget));

  if (priv->binding != NULL)
    cyd_list_binding_focus_search (priv->binding);
}

static void
cyd_list_page_dispose (GObject *object)
{
  CydListPage *self = CYD_LIST_PAGE (object);
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_clear_signal_handler (&priv->changed_id, priv->store);
  g_clear_object (&priv->store);
  g_clear_object (&priv->binding);
  priv->column_view = NULL;

  G_OBJECT_CLASS (cyd_list_page_parent_class)->dispose (object);
}

static void
cyd_list_page_finalize (GObject *object)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (CYD_LIST_PAGE (object));

  g_free (priv->as_at);

  G_OBJECT_CLASS (cyd_list_page_parent_class)->finalize (object);
}

static void
cyd_list_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CydListPage *self = CYD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, cyd_list_page_get_store (self));
      break;

    case PROP_AS_AT:
      g_value_set_string (value, cyd_list_page_get_as_at (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CydListPage *self = CYD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_list_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_AS_AT:
      cyd_list_page_set_as_at (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_page_class_init (CydListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_list_page_dispose;
  object_class->finalize = cyd_list_page_finalize;
  object_class->get_property = cyd_list_page_get_property;
  object_class->set_property = cyd_list_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The date the page answers as at (YYYY-MM-DD); %NULL for today. */
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
}

static void
cyd_list_page_init (CydListPage *self)
{
}

/**
 * cyd_list_page_class_bind_list:
 *
 * Declares the template children the binding needs, for a subclass's
 * class_init, after it sets its template.
 */
void
cyd_list_page_class_bind_list (GtkWidgetClass *widget_class)
{
  static const char * const names[] = { "search_entry", "column_view", "stack", "count_label" };

  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), CYD_TYPE_LIST_PAGE));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_bind_template_child_full (widget_class, names[i], FALSE, 0);
}

/**
 * cyd_list_page_bind:
 * @template_type: the subclass whose template holds the list
 *
 * Binds the list of @kind, for a subclass's init, after it inits its
 * template. Returns: (transfer none): the binding, to set up its cells
 * and filters
 */
CydListBinding *
cyd_list_page_bind (CydListPage      *self,
                    GType             template_type,
                    CydKind           kind,
                    CydListPageFlags  flags)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), NULL);
  g_return_val_if_fail (priv->binding == NULL, NULL);

  priv->column_view = GTK_COLUMN_VIEW (gtk_widget_get_template_child (widget, template_type, "column_view"));
  priv->flags = flags;
  priv->binding = cyd_list_binding_new (kind,
                                        GTK_SEARCH_ENTRY (gtk_widget_get_template_child (widget, template_type, "search_entry")),
                                        priv->column_view,
                                        GTK_STACK (gtk_widget_get_template_child (widget, template_type, "stack")),
                                        GTK_LABEL (gtk_widget_get_template_child (widget, template_type, "count_label")));
  g_signal_connect_object (priv->column_view, "activate", G_CALLBACK (on_column_view_activate), self, G_CONNECT_SWAPPED);

  return priv->binding;
}

CydListBinding *
cyd_list_page_get_binding (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), NULL);

  return priv->binding;
}

CydStore *
cyd_list_page_get_store (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), NULL);

  return priv->store;
}

void
cyd_list_page_set_store (CydListPage *self,
                         CydStore    *store)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_if_fail (CYD_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (store == priv->store)
    return;

  g_clear_signal_handler (&priv->changed_id, priv->store);
  g_set_object (&priv->store, store);
  if (priv->binding != NULL)
    cyd_list_binding_set_store (priv->binding, store);
  if (store != NULL)
    priv->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed),
                                                self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
cyd_list_page_get_as_at (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), NULL);

  return priv->as_at;
}

/* Sets the date the page answers as at (YYYY-MM-DD), or today when %NULL. */
void
cyd_list_page_set_as_at (CydListPage *self,
                         const char  *as_at)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_if_fail (CYD_IS_LIST_PAGE (self));
  g_return_if_fail (as_at == NULL || cyd_date_is_valid_iso (as_at));

  if (g_strcmp0 (as_at, priv->as_at) == 0)
    return;

  g_free (priv->as_at);
  priv->as_at = g_strdup (as_at);
  apply_as_at (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_AT]);
}

/* The page's date, or today's. */
char *
cyd_list_page_dup_as_at (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), NULL);

  return priv->as_at != NULL ? g_strdup (priv->as_at) : cyd_date_today_iso ();
}

/* The id of the list's selected record, or 0. */
gint64
cyd_list_page_get_selected_id (CydListPage *self)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);
  GtkSelectionModel *selection;
  gpointer record;

  g_return_val_if_fail (CYD_IS_LIST_PAGE (self), 0);

  selection = priv->column_view != NULL ? gtk_column_view_get_model (priv->column_view) : NULL;
  if (!GTK_IS_SINGLE_SELECTION (selection))
    return 0;
  record = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  return record != NULL ? cyd_record_get_id (record) : 0;
}

/* Opens the dialog of record @id, or of a new record when @id is 0. */
void
cyd_list_page_open (CydListPage *self,
                    gint64       id)
{
  CydListPagePrivate *priv = cyd_list_page_get_instance_private (self);
  CydListPageClass *klass;
  GtkRoot *root;

  g_return_if_fail (CYD_IS_LIST_PAGE (self));

  klass = CYD_LIST_PAGE_GET_CLASS (self);
  if (priv->store == NULL || klass->create_dialog == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  cyd_list_page_present (self, klass->create_dialog (self, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     priv->store, id));
}

/* Shows @dialog; what it says when it saves becomes a toast. */
void
cyd_list_page_present (CydListPage *self,
                       GtkWindow   *dialog)
{
  g_return_if_fail (CYD_IS_LIST_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cyd_list_page_show_toast), self, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

void
cyd_list_page_show_toast (CydListPage *self,
                          const char  *message)
{
  GtkRoot *root;

  g_return_if_fail (CYD_IS_LIST_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (CYD_IS_WINDOW (root))
    cyd_window_show_toast (CYD_WINDOW (root), message);
}
