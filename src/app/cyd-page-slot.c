/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-page-slot.h"

#include "cyd.h"

/* Where a page of the window goes. The page is built the first time it is
 * shown, so opening a programme builds only the page it opens on; until
 * then the slot keeps the store and the date to hand over.
 *
 * The page's type is given by name: GtkBuilder initialises the class of a
 * type it reads for a GType property, and a page's class reads its own
 * template, which the first frame need not wait for. */
struct _CydPageSlot
{
  GtkWidget  parent_instance;

  char      *page_type;
  CydStore  *store;
  char      *as_at;
  GtkWidget *page;
  gboolean   searching;
};

enum {
  PROP_0,
  PROP_PAGE_TYPE,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydPageSlot, cyd_page_slot, GTK_TYPE_WIDGET)

static gboolean
page_has_property (CydPageSlot *self,
                   const char  *name)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (self->page), name) != NULL;
}

/**
 * cyd_page_slot_ensure_page:
 *
 * Builds the page if it is not built yet, and gives it the store and date.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
cyd_page_slot_ensure_page (CydPageSlot *self)
{
  GType type;

  g_return_val_if_fail (CYD_IS_PAGE_SLOT (self), NULL);
  if (self->page != NULL)
    return self->page;

  type = g_type_from_name (self->page_type != NULL ? self->page_type : "");
  g_return_val_if_fail (g_type_is_a (type, GTK_TYPE_WIDGET), NULL);

  self->page = g_object_new (type, NULL);
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));
  if (self->as_at != NULL && page_has_property (self, "as-at"))
    g_object_set (self->page, "as-at", self->as_at, NULL);
  if (self->store != NULL)
    g_object_set (self->page, "store", self->store, NULL);
  return self->page;
}

/* Returns: (transfer none) (nullable): the page, if it is built */
GtkWidget *
cyd_page_slot_get_page (CydPageSlot *self)
{
  g_return_val_if_fail (CYD_IS_PAGE_SLOT (self), NULL);

  return self->page;
}

/* The window asks the page shown to search; a page without a search
 * finds this action again, and it ends there. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CydPageSlot *self = CYD_PAGE_SLOT (widget);

  if (self->searching)
    return;
  self->searching = TRUE;
  gtk_widget_activate_action (cyd_page_slot_ensure_page (self), "page.search", NULL);
  self->searching = FALSE;
}

/* GtkStack moves the focus into the page it shows as it shows it, before
 * the window builds the page: the slot builds it then, so that the focus
 * goes into the page rather than back to the start of the window. */
static gboolean
cyd_page_slot_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  cyd_page_slot_ensure_page (CYD_PAGE_SLOT (widget));

  return GTK_WIDGET_CLASS (cyd_page_slot_parent_class)->focus (widget, direction);
}

static void
cyd_page_slot_dispose (GObject *object)
{
  CydPageSlot *self = CYD_PAGE_SLOT (object);

  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cyd_page_slot_parent_class)->dispose (object);
}

static void
cyd_page_slot_finalize (GObject *object)
{
  CydPageSlot *self = CYD_PAGE_SLOT (object);

  g_free (self->page_type);
  g_free (self->as_at);

  G_OBJECT_CLASS (cyd_page_slot_parent_class)->finalize (object);
}

static void
cyd_page_slot_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CydPageSlot *self = CYD_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_value_set_string (value, self->page_type);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_AS_AT:
      g_value_set_string (value, self->as_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_page_slot_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CydPageSlot *self = CYD_PAGE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PAGE_TYPE:
      g_free (self->page_type);
      self->page_type = g_value_dup_string (value);
      break;
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          if (self->page != NULL)
            g_object_set (self->page, "store", self->store, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_AS_AT:
      if (g_strcmp0 (self->as_at, g_value_get_string (value)) != 0)
        {
          g_free (self->as_at);
          self->as_at = g_value_dup_string (value);
          if (self->page != NULL && page_has_property (self, "as-at"))
            g_object_set (self->page, "as-at", self->as_at, NULL);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_page_slot_class_init (CydPageSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_page_slot_dispose;
  object_class->finalize = cyd_page_slot_finalize;
  object_class->get_property = cyd_page_slot_get_property;
  object_class->set_property = cyd_page_slot_set_property;

  properties[PROP_PAGE_TYPE] =
    g_param_spec_string ("page-type", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Handed to pages that have the property. */
  properties[PROP_AS_AT] =
    g_param_spec_string ("as-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->focus = cyd_page_slot_focus;

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cyd_page_slot_init (CydPageSlot *self)
{
}
