/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-preferences-window.h"

#include <glib/gi18n.h>

struct _CydPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *language_row;
};

G_DEFINE_FINAL_TYPE (CydPreferencesWindow, cyd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The language row's items, in the order of the .ui. */
static const char *const languages[] = { "system", "en", "cy" };

static gboolean
get_language_index (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_uint (value, cyd_preferences_language_to_index (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
set_language_index (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_string (cyd_preferences_language_from_index (g_value_get_uint (value)));
}

static void
cyd_preferences_window_dispose (GObject *object)
{
  CydPreferencesWindow *self = CYD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cyd_preferences_window_parent_class)->dispose (object);
}

static void
cyd_preferences_window_class_init (CydPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CydPreferencesWindow, language_row);
}

static void
cyd_preferences_window_init (CydPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind_with_mapping (self->settings, "language",
                                self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                get_language_index, set_language_index,
                                NULL, NULL);
}

CydPreferencesWindow *
cyd_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CYD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/* "system", "en" or "cy" for the row's item @index. */
const char *
cyd_preferences_language_from_index (guint index)
{
  return index < G_N_ELEMENTS (languages) ? languages[index] : "system";
}

guint
cyd_preferences_language_to_index (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], language) == 0)
      return i;
  return 0;
}
