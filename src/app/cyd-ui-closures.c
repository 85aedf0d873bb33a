/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-ui-closures.h"

#include <glib/gi18n.h>

static guint
parse_count (CydRecord  *record,
             const char *key)
{
  const char *text = cyd_record_get_text (record, key);
  guint64 value = 0;

  /* Counts may come formatted ("1,234"): keep the digits only. */
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        value = value * 10 + (guint64) (*p - '0');
    }

  return (guint) MIN (value, G_MAXUINT);
}

/**
 * cyd_ui_record_text:
 * @this: the object the expression is evaluated on (unused)
 * @record: (nullable): the row, or %NULL while a list item is unbound
 * @key: the field to show, one of the keys of cyd-list-model.h
 *
 * Returns: (transfer full) (nullable): the field's text, ready to show
 */
char *
cyd_ui_record_text (gpointer    this,
                    CydRecord  *record,
                    const char *key)
{
  if (record == NULL || key == NULL)
    return NULL;

  return g_strdup (cyd_record_get_text (record, key));
}

/**
 * cyd_ui_format_counts:
 * @added: records the import added
 * @changed: records it changed
 * @unchanged: records it found as they were
 * @left: records the file did not mention, left as they are
 *
 * Returns: (transfer full): the counts in words
 */
char *
cyd_ui_format_counts (guint added,
                      guint changed,
                      guint unchanged,
                      guint left)
{
  g_autofree char *added_number = g_strdup_printf ("%'u", added);
  g_autofree char *changed_number = g_strdup_printf ("%'u", changed);
  g_autofree char *unchanged_number = g_strdup_printf ("%'u", unchanged);
  g_autofree char *left_number = g_strdup_printf ("%'u", left);
  g_autofree char *added_text = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *unchanged_text = NULL;
  g_autofree char *left_text = NULL;

  /* Translators: a number of records an import added */
  added_text = g_strdup_printf (ngettext ("%s added", "%s added", added), added_number);
  changed_text = g_strdup_printf (ngettext ("%s changed", "%s changed", changed), changed_number);
  unchanged_text = g_strdup_printf (ngettext ("%s unchanged", "%s unchanged", unchanged), unchanged_number);
  /* Translators: a number of records the file did not mention, left as they were */
  left_text = g_strdup_printf (ngettext ("%s left", "%s left", left), left_number);

  /* Translators: the parts of an import's summary, e.g. "12 added, 3 changed, 40 unchanged, 0 left" */
  return g_strdup_printf (_("%s, %s, %s, %s"), added_text, changed_text, unchanged_text, left_text);
}

/**
 * cyd_ui_import_run_counts:
 * @this: the object the expression is evaluated on (unused)
 * @record: (nullable): an import run
 *
 * Returns: (transfer full) (nullable): what the run did, in words
 */
char *
cyd_ui_import_run_counts (gpointer   this,
                          CydRecord *record)
{
  if (record == NULL)
    return NULL;

  return cyd_ui_format_counts (parse_count (record, "added"),
                               parse_count (record, "changed"),
                               parse_count (record, "unchanged"),
                               parse_count (record, "left"));
}

void
cyd_ui_closures_add_to_class (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "cyd_ui_record_text",
                                                G_CALLBACK (cyd_ui_record_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "cyd_ui_import_run_counts",
                                                G_CALLBACK (cyd_ui_import_run_counts));
}
