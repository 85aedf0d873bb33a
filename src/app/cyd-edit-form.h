/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd.h"

G_BEGIN_DECLS

/* What the edit dialogs share: reading fields, marking a bad one, filling a
 * drop-down from core's choices, and turning the fields into a CydEdit that
 * changes only the columns whose values differ. A form's values are a
 * GHashTable of column → GVariant ("s" or "x"), or %NULL for SQL NULL. */

char       *cyd_edit_form_dup_text     (GtkEditable  *editable);
void        cyd_edit_form_mark         (GtkWidget    *widget,
                                        gboolean      bad);
gboolean    cyd_edit_form_check_date   (GtkEditable  *editable,
                                        gboolean      required);
void        cyd_edit_form_show_message (GtkLabel     *label,
                                        const char   *text);
GHashTable *cyd_edit_form_values_new   (void);
void        cyd_edit_form_put          (GHashTable   *values,
                                        const char   *column,
                                        GVariant     *value);
void        cyd_edit_form_set_money    (GtkEditable  *editable,
                                        const char   *pence);
GVariant   *cyd_edit_form_text_value   (GtkEditable  *editable);
GArray     *cyd_edit_form_fill_choices (GtkDropDown  *dropdown,
                                        GPtrArray    *choices,
                                        const char   *none_label);
void        cyd_edit_form_squeeze_button (GtkDropDown *dropdown);
void        cyd_edit_form_select_id    (GtkDropDown  *dropdown,
                                        GArray       *ids,
                                        const char   *id_text);
gint64      cyd_edit_form_selected_id  (GtkDropDown  *dropdown,
                                        GArray       *ids);
GVariant   *cyd_edit_form_selected_value (GtkDropDown *dropdown,
                                          GArray      *ids);
guint       cyd_edit_form_add_updates  (CydEdit            *edit,
                                        const char         *table,
                                        gint64              id,
                                        const char * const *columns,
                                        GHashTable         *values,
                                        GHashTable         *original);
guint       cyd_edit_form_add_insert   (CydEdit            *edit,
                                        const char         *table,
                                        const char * const *columns,
                                        GHashTable         *values);

G_END_DECLS
