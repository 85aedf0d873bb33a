/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-bilingual-entry.h"

#include <glib/gi18n.h>

struct _CydBilingualEntry
{
  AdwBin     parent_instance;

  /* Template widgets */
  GtkLabel  *heading;
  GtkEntry  *entry_en;
  GtkEntry  *entry_cy;
};

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TEXT_EN,
  PROP_TEXT_CY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CydBilingualEntry, cyd_bilingual_entry, ADW_TYPE_BIN)

/* Replacing a text deletes then inserts: one notification, not two. */
static void
set_entry_text (CydBilingualEntry *self,
                GtkEntry          *entry,
                const char        *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_entry_en_changed (CydBilingualEntry *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_EN]);
}

static void
on_entry_cy_changed (CydBilingualEntry *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_CY]);
}

static void
cyd_bilingual_entry_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYD_TYPE_BILINGUAL_ENTRY);

  G_OBJECT_CLASS (cyd_bilingual_entry_parent_class)->dispose (object);
}

static void
cyd_bilingual_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CydBilingualEntry *self = CYD_BILINGUAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, cyd_bilingual_entry_get_label (self));
      break;

    case PROP_TEXT_EN:
      g_value_set_string (value, cyd_bilingual_entry_get_text_en (self));
      break;

    case PROP_TEXT_CY:
      g_value_set_string (value, cyd_bilingual_entry_get_text_cy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_bilingual_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CydBilingualEntry *self = CYD_BILINGUAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      cyd_bilingual_entry_set_label (self, g_value_get_string (value));
      break;

    case PROP_TEXT_EN:
      cyd_bilingual_entry_set_text_en (self, g_value_get_string (value));
      break;

    case PROP_TEXT_CY:
      cyd_bilingual_entry_set_text_cy (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_bilingual_entry_class_init (CydBilingualEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cyd_bilingual_entry_dispose;
  object_class->get_property = cyd_bilingual_entry_get_property;
  object_class->set_property = cyd_bilingual_entry_set_property;

  /* What the text is, shown above both entries ("Name", "Title"); none if empty. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_EN] =
    g_param_spec_string ("text-en", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_CY] =
    g_param_spec_string ("text-cy", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-bilingual-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, CydBilingualEntry, heading);
  gtk_widget_class_bind_template_child (widget_class, CydBilingualEntry, entry_en);
  gtk_widget_class_bind_template_child (widget_class, CydBilingualEntry, entry_cy);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_en_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_cy_changed);
}

static void
cyd_bilingual_entry_init (CydBilingualEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cyd_bilingual_entry_new (void)
{
  return g_object_new (CYD_TYPE_BILINGUAL_ENTRY, NULL);
}

const char *
cyd_bilingual_entry_get_label (CydBilingualEntry *self)
{
  g_return_val_if_fail (CYD_IS_BILINGUAL_ENTRY (self), NULL);

  return gtk_label_get_label (self->heading);
}

void
cyd_bilingual_entry_set_label (CydBilingualEntry *self,
                               const char        *label)
{
  g_return_if_fail (CYD_IS_BILINGUAL_ENTRY (self));

  if (label == NULL)
    label = "";
  if (g_strcmp0 (gtk_label_get_label (self->heading), label) == 0)
    return;

  gtk_label_set_label (self->heading, label);
  gtk_widget_set_visible (GTK_WIDGET (self->heading), *label != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
cyd_bilingual_entry_get_text_en (CydBilingualEntry *self)
{
  g_return_val_if_fail (CYD_IS_BILINGUAL_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry_en));
}

/* The entry notifies "text-en" when its text changes. */
void
cyd_bilingual_entry_set_text_en (CydBilingualEntry *self,
                                 const char        *text)
{
  g_return_if_fail (CYD_IS_BILINGUAL_ENTRY (self));

  set_entry_text (self, self->entry_en, text);
}

const char *
cyd_bilingual_entry_get_text_cy (CydBilingualEntry *self)
{
  g_return_val_if_fail (CYD_IS_BILINGUAL_ENTRY (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry_cy));
}

void
cyd_bilingual_entry_set_text_cy (CydBilingualEntry *self,
                                 const char        *text)
{
  g_return_if_fail (CYD_IS_BILINGUAL_ENTRY (self));

  set_entry_text (self, self->entry_cy, text);
}

/**
 * cyd_bilingual_entry_get_entry:
 * @language: "en" or "cy"
 *
 * Returns: (transfer none): the entry for @language, to focus it or to mark
 *   it with the "error" style class
 */
GtkEditable *
cyd_bilingual_entry_get_entry (CydBilingualEntry *self,
                               const char        *language)
{
  g_return_val_if_fail (CYD_IS_BILINGUAL_ENTRY (self), NULL);

  return GTK_EDITABLE (g_strcmp0 (language, "cy") == 0 ? self->entry_cy : self->entry_en);
}
