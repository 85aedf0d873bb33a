/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-edit-form.h"

static void
unref_variant (gpointer value)
{
  if (value != NULL)
    g_variant_unref (value);
}

/* A value as the store's texts write it, to compare with a row's original. */
static char *
dup_value_text (GVariant *value)
{
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  return g_variant_dup_string (value, NULL);
}

char *
cyd_edit_form_dup_text (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* Gives @widget the "error" style when @bad, and takes it away otherwise. */
void
cyd_edit_form_mark (GtkWidget *widget,
                    gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* Marks @editable unless it holds a date (YYYY-MM-DD), or is empty and not
 * @required. Returns: whether it is good */
gboolean
cyd_edit_form_check_date (GtkEditable *editable,
                          gboolean     required)
{
  g_autofree char *text = cyd_edit_form_dup_text (editable);
  gboolean ok = (*text == '\0' && !required) || cyd_date_is_valid_iso (text);

  cyd_edit_form_mark (GTK_WIDGET (editable), !ok);
  return ok;
}

void
cyd_edit_form_show_message (GtkLabel   *label,
                            const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

GHashTable *
cyd_edit_form_values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, unref_variant);
}

/* @column must be static; @value is sunk, and may be %NULL. */
void
cyd_edit_form_put (GHashTable *values,
                   const char *column,
                   GVariant   *value)
{
  g_hash_table_insert (values, (gpointer) column, value != NULL ? g_variant_ref_sink (value) : NULL);
}

/* The editable's text, stripped, or %NULL when empty. */
GVariant *
cyd_edit_form_text_value (GtkEditable *editable)
{
  g_autofree char *text = cyd_edit_form_dup_text (editable);

  return *text != '\0' ? g_variant_new_string (text) : NULL;
}

/* Shows @pence, a column's text in whole pence, as money ("£12,500.50");
 * empty when %NULL. */
void
cyd_edit_form_set_money (GtkEditable *editable,
                         const char  *pence)
{
  g_autofree char *text = pence != NULL ? cyd_money_format (g_ascii_strtoll (pence, NULL, 10)) : g_strdup ("");

  gtk_editable_set_text (editable, text);
}

/* A cut-short choice shows in full as its tooltip. The text is given when
 * asked for, not on every bind: setting a tooltip makes GTK look for the
 * pointer, a round trip to the display for each row. */
static gboolean
on_choice_query_tooltip (GtkLabel   *label,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_label (label));
  return TRUE;
}

static void
on_choice_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      /* Squeezed, the button still shows the start of the name; a
       * toolbar too narrow for that scrolls instead. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_choice_query_tooltip), NULL);
    }
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
create_choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_choice_setup), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (on_choice_bind), GINT_TO_POINTER (ellipsize));
  return factory;
}

/* Fills @dropdown with the choices' labels, after @none_label when not
 * %NULL (id 0). The button ellipsizes long names, so a council's full name
 * never squeezes the row's title; the list shows them whole.
 * Returns: (transfer full): the ids, one per item. */
GArray *
cyd_edit_form_fill_choices (GtkDropDown *dropdown,
                            GPtrArray   *choices,
                            const char  *none_label)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  if (none_label != NULL)
    {
      gtk_string_list_append (list, none_label);
      g_array_append_val (ids, none);
    }
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      CydChoice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (list, choice->label);
      g_array_append_val (ids, choice->id);
    }
  cyd_edit_form_squeeze_button (dropdown);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  return ids;
}

/* Lets @dropdown, whose items are GtkStringObjects, cut its choice short
 * on the button when squeezed, while its list shows each whole. */
void
cyd_edit_form_squeeze_button (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = NULL;
  g_autoptr(GtkListItemFactory) popup = NULL;

  if (gtk_drop_down_get_list_factory (dropdown) != NULL)
    return;
  button = create_choice_factory (TRUE);
  popup = create_choice_factory (FALSE);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, popup);
}

void
cyd_edit_form_select_id (GtkDropDown *dropdown,
                         GArray      *ids,
                         const char  *id_text)
{
  gint64 id = id_text != NULL ? g_ascii_strtoll (id_text, NULL, 10) : 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
}

/* Returns: the selected item's id, or 0 */
gint64
cyd_edit_form_selected_id (GtkDropDown *dropdown,
                           GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return ids != NULL && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

/* Returns: (nullable): the selected item's id as a value, or %NULL for
 * none (id 0) */
GVariant *
cyd_edit_form_selected_value (GtkDropDown *dropdown,
                              GArray      *ids)
{
  gint64 id = cyd_edit_form_selected_id (dropdown, ids);

  return id != 0 ? g_variant_new_int64 (id) : NULL;
}

/* Adds an update of each of @columns whose value differs from @original's
 * text. Returns: how many columns change */
guint
cyd_edit_form_add_updates (CydEdit            *edit,
                           const char         *table,
                           gint64              id,
                           const char * const *columns,
                           GHashTable         *values,
                           GHashTable         *original)
{
  guint n = 0;

  for (guint i = 0; columns[i] != NULL; i++)
    {
      GVariant *value = g_hash_table_lookup (values, columns[i]);
      g_autofree char *text = dup_value_text (value);

      if (g_strcmp0 (text, g_hash_table_lookup (original, columns[i])) == 0)
        continue;
      cyd_edit_update (edit, table, id, columns[i], value);
      n++;
    }
  return n;
}

/* Adds an insert of a row with each of @columns that has a value.
 * Returns: the insert's index in @edit */
guint
cyd_edit_form_add_insert (CydEdit            *edit,
                          const char         *table,
                          const char * const *columns,
                          GHashTable         *values)
{
  guint insert = cyd_edit_insert (edit, table);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      GVariant *value = g_hash_table_lookup (values, columns[i]);

      if (value != NULL)
        cyd_edit_set (edit, insert, columns[i], value);
    }
  return insert;
}
