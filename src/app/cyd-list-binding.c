/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-list-binding.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cyd-column-sorter.h"
#include "cyd-edit-form.h"
#include "cyd-error-dialog.h"
#include "cyd-list-export.h"
#include "cyd-menu-button.h"
#include "cyd-window.h"

/* What every list page does: a CydListModel of one kind in a column view,
 * searched from a search entry and sorted from the column headers, both in
 * SQL; a count; and an empty state. The page's stack has the children
 * "list", "empty" (nothing imported yet) and "no-results".
 *
 * Every list page also gets "Export as CSV…": a button after the count, on
 * the action list.export-csv, that writes the list as shown (columns,
 * search, sort, date and filters) to a CSV file (cyd-list-export.c).
 *
 * And a "Columns" menu beside it: a check item for each column, on the
 * actions columns.KEY (KEY the column's sort key). A column the user
 * hides is taken out of the view, so its rows make no cells, and stays
 * hidden in every window, kept in the setting "hidden-columns". */

/* Rows the view starts with, and gets more of a frame at a time; past
 * ALL_ROWS_AFTER, it has as many as it keeps and gets the whole model. */
#define FIRST_ROWS 25
#define ALL_ROWS_AFTER 250

struct _CydListBinding
{
  GObject         parent_instance;

  CydKind         kind;
  CydStore       *store;
  CydListModel   *model;
  gboolean        shown;        /* the view has the model */
  GtkSliceListModel *slice;     /* the rows the view has so far */
  guint           tick_id;
  guint           ticks;
  char           *as_at;        /* applied to the model when it is made */
  GHashTable     *filters;      /* key → value, the same */

  GtkSearchEntry *search_entry;
  GtkColumnView  *column_view;
  GtkStack       *stack;
  GtkLabel       *count_label;

  GPtrArray            *choice_filters;   /* ChoiceFilter */

  GPtrArray            *columns;          /* every GtkColumnViewColumn, in order */
  GSettings            *settings;

  GSimpleAction        *export_action;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  char                 *export_name;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CydListModel *ensure_model (CydListBinding *self);

/* A drop-down of records (directorates, employers...) that filters the list
 * by one of the model's filter keys; its first item, id 0, shows all. */
typedef struct {
  CydListBinding *binding;
  GtkDropDown    *dropdown;
  char           *key;
  CydChoiceKind   choice;
  char           *all_label;
  GArray         *ids;
  gulong          handler;
} ChoiceFilter;

G_DEFINE_FINAL_TYPE (CydListBinding, cyd_list_binding, G_TYPE_OBJECT)

static void
choice_filter_free (gpointer data)
{
  ChoiceFilter *filter = data;

  g_clear_signal_handler (&filter->handler, filter->dropdown);
  g_clear_object (&filter->dropdown);
  g_clear_pointer (&filter->ids, g_array_unref);
  g_free (filter->key);
  g_free (filter->all_label);
  g_free (filter);
}

static void
apply_choice_filter (ChoiceFilter *filter)
{
  CydListModel *model = filter->binding->model;
  gint64 id;
  g_autofree char *value = NULL;

  if (model == NULL || filter->ids == NULL)
    return;
  id = cyd_edit_form_selected_id (filter->dropdown, filter->ids);
  value = id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
  cyd_list_model_set_filter (model, filter->key, value);
}

static void
fill_choice_filter (ChoiceFilter *filter)
{
  g_autoptr(GPtrArray) choices = NULL;

  g_clear_pointer (&filter->ids, g_array_unref);
  if (filter->binding->store == NULL)
    return;
  choices = cyd_choices_load (filter->binding->store, filter->choice, 0, NULL);
  g_signal_handler_block (filter->dropdown, filter->handler);
  filter->ids = cyd_edit_form_fill_choices (filter->dropdown, choices, filter->all_label);
  g_signal_handler_unblock (filter->dropdown, filter->handler);
  apply_choice_filter (filter);
}

static char *
format_count (CydKind kind,
              guint   n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);

  switch (kind)
    {
    case CYD_KIND_COUNCIL:
      return g_strdup_printf (ngettext ("%s council", "%s councils", n), number);
    case CYD_KIND_DIRECTORATE:
      return g_strdup_printf (ngettext ("%s directorate", "%s directorates", n), number);
    case CYD_KIND_SERVICE_LINE:
      return g_strdup_printf (ngettext ("%s service line", "%s service lines", n), number);
    case CYD_KIND_POST:
      return g_strdup_printf (ngettext ("%s post", "%s posts", n), number);
    case CYD_KIND_STAFF:
      return g_strdup_printf (ngettext ("%s member of staff", "%s staff", n), number);
    case CYD_KIND_BUDGET:
      return g_strdup_printf (ngettext ("%s budget line", "%s budget lines", n), number);
    case CYD_KIND_SAVING:
      return g_strdup_printf (ngettext ("%s saving", "%s savings", n), number);
    case CYD_KIND_MILESTONE:
      return g_strdup_printf (ngettext ("%s milestone", "%s milestones", n), number);
    case CYD_KIND_IMPORT_RUN:
    default:
      return g_strdup_printf (ngettext ("%s import", "%s imports", n), number);
    }
}

/* Shows the stack's child @name and hides the others: a hidden child is
 * neither styled nor measured, and the status pages' large icons are not
 * loaded until one is shown. */
static void
show_stack_child (CydListBinding *self,
                  const char     *name)
{
  GtkWidget *shown = gtk_stack_get_child_by_name (self->stack, name);

  g_return_if_fail (shown != NULL);

  gtk_widget_set_visible (shown, TRUE);
  gtk_stack_set_visible_child (self->stack, shown);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != shown)
      gtk_widget_set_visible (child, FALSE);
}

static void
update_state (CydListBinding *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = format_count (self->kind, n);

  gtk_label_set_label (self->count_label, count);
  if (self->export_action != NULL)
    g_simple_action_set_enabled (self->export_action, n > 0);

  /* With a store but no model yet, the page is not shown: it will be the
   * list when it is. */
  if (n > 0 || (self->model == NULL && self->store != NULL))
    show_stack_child (self, "list");
  else if (search != NULL && *search != '\0')
    show_stack_child (self, "no-results");
  else
    show_stack_child (self, "empty");
}

static void
apply_sort (CydListBinding *self)
{
  GtkSorter *view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_autofree char *key = NULL;
  gboolean descending = FALSE;

  if (self->model == NULL || view_sorter == NULL)
    return;

  key = cyd_column_sorter_probe (view_sorter, &descending);
  if (key == NULL || !cyd_list_model_has_sort_key (self->model, key))
    cyd_list_model_set_sort (self->model, NULL, FALSE);
  else
    cyd_list_model_set_sort (self->model, key, descending);
}

static void
on_model_items_changed (CydListBinding *self)
{
  update_state (self);
}

static void
on_search_changed (CydListBinding *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->model != NULL)
    {
      cyd_list_model_set_search (self->model, text);
      cyd_list_model_prepare_search (self->model);
    }
  update_state (self);
}

static char *
dup_csv_name (CydListBinding *self)
{
  g_autofree char *base = g_path_get_basename (cyd_store_get_path (self->store));
  g_autofree char *kind = g_utf8_strdown (cyd_kind_get_label (self->kind), -1);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strdelimit (kind, " /", '-');
  return g_strdup_printf ("%s-%s.csv", base, kind);
}

static void
on_export_ready (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CydListBinding) self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->column_view));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_rows = 0;

  if (!cyd_list_export_csv_finish (self->column_view, result, &n_rows, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && GTK_IS_WINDOW (root))
        cyd_error_dialog_show (gtk_window_get_application (GTK_WINDOW (root)), GTK_WINDOW (root),
                               _("Could Not Export the List"), error->message);
      return;
    }

  message = g_strdup_printf (ngettext ("Exported %u row to %s", "Exported %u rows to %s", n_rows),
                             n_rows, self->export_name);
  if (CYD_IS_WINDOW (root))
    cyd_window_show_toast (CYD_WINDOW (root), message);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CydListBinding  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  g_free (self->export_name);
  self->export_name = g_file_get_basename (file);
  cyd_list_export_csv_async (self->column_view, file, self->cancellable,
                             on_export_ready, g_object_ref (self));
}

static void
on_export_csv_activate (CydListBinding *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->column_view));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->store == NULL || self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  name = dup_csv_name (self);

  self->chooser = gtk_file_chooser_native_new (_("Export as CSV"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The button goes after the count, in the row above the list. */
static void
add_export_button (CydListBinding *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->count_label));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *button;

  self->export_action = g_simple_action_new ("export-csv", NULL);
  g_signal_connect_object (self->export_action, "activate",
                           G_CALLBACK (on_export_csv_activate), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->export_action));
  gtk_widget_insert_action_group (row, "list", G_ACTION_GROUP (group));

  if (!GTK_IS_BOX (row))
    return;
  button = gtk_button_new_from_icon_name ("document-save-as-symbolic");
  gtk_widget_set_tooltip_text (button, _("Export as CSV…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export as CSV…"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "list.export-csv");
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (row), button);
}

/* The name of a list in the setting "hidden-columns". */
static const char *
list_name (CydKind kind)
{
  switch (kind)
    {
    case CYD_KIND_STAFF:
      return "staff";
    case CYD_KIND_POST:
      return "posts";
    case CYD_KIND_SAVING:
      return "savings";
    case CYD_KIND_SERVICE_LINE:
      return "service-lines";
    case CYD_KIND_MILESTONE:
      return "milestones";
    default:
      return NULL;
    }
}

static const char *
column_key (GtkColumnViewColumn *column)
{
  GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

  return CYD_IS_COLUMN_SORTER (sorter) ? cyd_column_sorter_get_key (CYD_COLUMN_SORTER (sorter)) : NULL;
}

static gboolean
column_shown (CydListBinding      *self,
              GtkColumnViewColumn *column)
{
  return gtk_column_view_column_get_column_view (column) == self->column_view;
}

static guint
count_shown (CydListBinding *self)
{
  return g_list_model_get_n_items (gtk_column_view_get_columns (self->column_view));
}

/* Puts @column back where it was among those shown, or takes it out. */
static void
show_column (CydListBinding      *self,
             GtkColumnViewColumn *column,
             gboolean             shown)
{
  guint position = 0;

  if (column_shown (self, column) == shown)
    return;
  if (!shown)
    {
      gtk_column_view_remove_column (self->column_view, column);
      return;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *other = g_ptr_array_index (self->columns, i);

      if (other == column)
        break;
      position += column_shown (self, other);
    }
  gtk_column_view_insert_column (self->column_view, position, column);
}

static void
save_hidden_columns (CydListBinding *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "hidden-columns");
  const char *name = list_name (self->kind);
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;
  GVariantBuilder lists;
  GVariantIter iter;
  const char *other;
  GVariant *value;

  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);

      if (!column_shown (self, column))
        g_strv_builder_add (hidden, column_key (column));
    }
  keys = g_strv_builder_end (hidden);

  /* The other lists' entries as they were, and this list's anew. */
  g_variant_builder_init (&lists, G_VARIANT_TYPE ("a{sas}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &other, &value))
    {
      if (!g_str_equal (other, name))
        g_variant_builder_add (&lists, "{s@as}", other, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&lists, "{s^as}", name, keys);
  g_settings_set_value (self->settings, "hidden-columns", g_variant_builder_end (&lists));
}

static void
on_column_toggled (GSimpleAction  *action,
                   GVariant       *value,
                   CydListBinding *self)
{
  GtkColumnViewColumn *column = g_object_get_data (G_OBJECT (action), "column");
  gboolean shown = g_variant_get_boolean (value);

  /* The list keeps one column at least. */
  if (!shown && count_shown (self) <= 1)
    return;
  g_simple_action_set_state (action, value);
  show_column (self, column, shown);
  save_hidden_columns (self);
}

/* The setting's hidden columns for this list, as the view is made. */
static void
apply_hidden_columns (CydListBinding *self,
                      GActionMap     *actions)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "hidden-columns");
  g_autofree const char **hidden = NULL;

  if (!g_variant_lookup (all, list_name (self->kind), "^a&s", &hidden))
    return;
  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      const char *key = column_key (column);

      if (!g_strv_contains (hidden, key) || count_shown (self) <= 1)
        continue;
      show_column (self, column, FALSE);
      g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (actions, key)),
                                 g_variant_new_boolean (FALSE));
    }
}

/* Text cells made in code: a GtkBuilderListItemFactory reads its
 * template and binds an expression for every cell it makes, which is
 * most of the cost of a long list's first rows. */
static void
text_cell_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CydCellColumn            *column)
{
  gtk_list_item_set_child (item, cyd_cell_text_new (column));
}

static void
text_cell_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  data)
{
  CydRecord *record = gtk_list_item_get_item (item);
  const char *key = g_object_get_data (G_OBJECT (factory), "cyd-key");

  cyd_cell_text_set_text (CYD_CELL_TEXT (gtk_list_item_get_child (item)),
                          record != NULL ? cyd_record_get_text (record, key) : NULL);
}

static void
cell_column_free (gpointer  data,
                  GClosure *closure)
{
  cyd_cell_column_unref (data);
}

/**
 * cyd_list_binding_set_text_cell:
 * @key: the sort key of the column, and the field its cells show
 * @kind: how the cells show it
 * @chars: the column's natural width, in characters: wide enough for
 *   most values, or for every value when @kind is not ellipsized
 *
 * Gives a column, shown or hidden, cells showing one field of the row.
 */
void
cyd_list_binding_set_text_cell (CydListBinding *self,
                                const char     *key,
                                CydCellKind     kind,
                                guint           chars)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkColumnViewColumn *column = NULL;

  g_return_if_fail (CYD_IS_LIST_BINDING (self));
  g_return_if_fail (key != NULL);

  for (guint i = 0; i < self->columns->len && column == NULL; i++)
    if (g_strcmp0 (column_key (g_ptr_array_index (self->columns, i)), key) == 0)
      column = g_ptr_array_index (self->columns, i);
  g_return_if_fail (column != NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data_full (G_OBJECT (factory), "cyd-key", g_strdup (key), g_free);
  g_signal_connect_data (factory, "setup", G_CALLBACK (text_cell_setup),
                         cyd_cell_column_new (kind, chars), cell_column_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (text_cell_bind), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* Every column with a sort key, shown or not: the Columns menu's items,
 * and the columns cyd_list_binding_set_text_cell() finds by key. */
static void
collect_columns (CydListBinding *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *key = column_key (column);

      if (key != NULL && g_action_name_is_valid (key))
        g_ptr_array_add (self->columns, g_steal_pointer (&column));
    }
}

/* The menu goes after the export button. */
static void
add_columns_menu (CydListBinding *self)
{
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (self->count_label));
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkWidget *button;

  if (list_name (self->kind) == NULL || !GTK_IS_BOX (row))
    return;

  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->columns, i);
      const char *key = column_key (column);
      g_autofree char *detailed = NULL;
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (key, NULL, g_variant_new_boolean (TRUE));
      g_object_set_data (G_OBJECT (action), "column", column);
      g_signal_connect_object (action, "change-state", G_CALLBACK (on_column_toggled), self, 0);
      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
      detailed = g_strconcat ("columns.", key, NULL);
      g_menu_append (section, gtk_column_view_column_get_title (column), detailed);
    }
  gtk_widget_insert_action_group (row, "columns", G_ACTION_GROUP (group));

  self->settings = g_settings_new (APPLICATION_ID);
  apply_hidden_columns (self, G_ACTION_MAP (group));

  g_menu_append_section (menu, _("Show Columns"), G_MENU_MODEL (section));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Columns"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Columns"), -1);
  cyd_menu_button_set_menu_when_opened (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (row), button);
}

static void
on_stop_search (CydListBinding *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_view_sorter_changed (CydListBinding *self)
{
  apply_sort (self);
}

static void
cyd_list_binding_dispose (GObject *object)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_action);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->export_name, g_free);
  g_clear_pointer (&self->choice_filters, g_ptr_array_unref);
  g_clear_pointer (&self->filters, g_hash_table_unref);
  if (self->tick_id != 0 && self->column_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->tick_id);
  self->tick_id = 0;
  g_clear_object (&self->slice);
  g_clear_pointer (&self->as_at, g_free);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->search_entry);
  g_clear_object (&self->column_view);
  g_clear_object (&self->stack);
  g_clear_object (&self->count_label);

  G_OBJECT_CLASS (cyd_list_binding_parent_class)->dispose (object);
}

static void
cyd_list_binding_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_MODEL:
      g_value_set_object (value, ensure_model (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_binding_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CydListBinding *self = CYD_LIST_BINDING (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cyd_list_binding_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_list_binding_class_init (CydListBindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cyd_list_binding_dispose;
  object_class->get_property = cyd_list_binding_get_property;
  object_class->set_property = cyd_list_binding_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         CYD_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cyd_list_binding_init (CydListBinding *self)
{
  self->cancellable = g_cancellable_new ();
  self->choice_filters = g_ptr_array_new_with_free_func (choice_filter_free);
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
set_model_filter (const char   *key,
                  const char   *value,
                  CydListModel *model)
{
  cyd_list_model_set_filter (model, key, value);
}

/* The model, made when first needed: a page that is not shown reads
 * nothing, and its view makes no rows. */
static CydListModel *
ensure_model (CydListBinding *self)
{
  if (self->model != NULL || self->store == NULL)
    return self->model;

  self->model = cyd_list_model_new (self->store, self->kind);
  /* A jump far down a long list, before its index is read, shows empty
   * rows for a moment rather than holding up the window. */
  cyd_list_model_set_defer_far_pages (self->model, TRUE);
  cyd_list_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  apply_sort (self);
  if (self->as_at != NULL)
    cyd_list_model_set_as_at (self->model, self->as_at);
  g_hash_table_foreach (self->filters, (GHFunc) set_model_filter, self->model);
  for (guint i = 0; i < self->choice_filters->len; i++)
    apply_choice_filter (g_ptr_array_index (self->choice_filters, i));
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed), self, G_CONNECT_SWAPPED);
  return self->model;
}

/* Gives the list every row: when it has grown a screenful at a time up to
 * what the list view keeps, or when someone is at it before then, so that
 * End or a scroll goes where it says. */
static void
show_all_rows (CydListBinding *self)
{
  if (self->slice == NULL || gtk_slice_list_model_get_size (self->slice) == G_MAXUINT)
    return;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  /* Someone may type into the search entry now. */
  if (self->model != NULL)
    cyd_list_model_prepare_search (self->model);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->tick_id);
  self->tick_id = 0;
}

/* After the first frame, the rest of the rows a screenful a frame, until
 * the list view has all it keeps. */
static gboolean
grow_slice (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  CydListBinding *self = data;
  guint size;

  if (self->slice == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->ticks++ == 0)
    return G_SOURCE_CONTINUE;
  size = gtk_slice_list_model_get_size (self->slice);
  if (size >= ALL_ROWS_AFTER)
    {
      /* the callback ends here: not to be removed as well */
      self->tick_id = 0;
      show_all_rows (self);
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->slice, size + FIRST_ROWS);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     CydListBinding        *self)
{
  show_all_rows (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
on_list_scroll (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                CydListBinding           *self)
{
  show_all_rows (self);
  return GDK_EVENT_PROPAGATE;
}

static void
show_model (CydListBinding *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (self->shown || ensure_model (self) == NULL)
    return;

  /* Straight over the model (sorting and filtering happen in core), but
   * a screenful at first: GTK 4.8's list view makes 200 rows for any long
   * model, and the first frame need not wait for those out of sight. */
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, FIRST_ROWS);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->slice)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->shown = TRUE;
  self->ticks = 0;
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), grow_slice, self, NULL);
  update_state (self);
}

CydListBinding *
cyd_list_binding_new (CydKind         kind,
                      GtkSearchEntry *search_entry,
                      GtkColumnView  *column_view,
                      GtkStack       *stack,
                      GtkLabel       *count_label)
{
  CydListBinding *self;
  GtkEventController *key;
  GtkEventController *scroll;

  g_return_val_if_fail (GTK_IS_SEARCH_ENTRY (search_entry), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);
  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (count_label), NULL);

  self = g_object_new (CYD_TYPE_LIST_BINDING, NULL);
  self->kind = kind;
  self->search_entry = g_object_ref (search_entry);
  self->column_view = g_object_ref (column_view);
  self->stack = g_object_ref (stack);
  self->count_label = g_object_ref (count_label);

  g_signal_connect_object (search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stack, "map",
                           G_CALLBACK (show_model), self, G_CONNECT_SWAPPED);

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_list_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (column_view), key);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_list_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (column_view), scroll);

  add_export_button (self);
  collect_columns (self);
  add_columns_menu (self);

  update_state (self);

  return self;
}

CydStore *
cyd_list_binding_get_store (CydListBinding *self)
{
  g_return_val_if_fail (CYD_IS_LIST_BINDING (self), NULL);

  return self->store;
}

void
cyd_list_binding_set_store (CydListBinding *self,
                            CydStore       *store)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_if_fail (CYD_IS_LIST_BINDING (self));
  g_return_if_fail (store == NULL || CYD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  self->shown = FALSE;
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->slice);

  for (guint i = 0; i < self->choice_filters->len; i++)
    fill_choice_filter (g_ptr_array_index (self->choice_filters, i));
  if (gtk_widget_get_mapped (GTK_WIDGET (self->stack)))
    show_model (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

CydListModel *
cyd_list_binding_get_model (CydListBinding *self)
{
  g_return_val_if_fail (CYD_IS_LIST_BINDING (self), NULL);

  return ensure_model (self);
}

void
cyd_list_binding_focus_search (CydListBinding *self)
{
  g_return_if_fail (CYD_IS_LIST_BINDING (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/**
 * cyd_list_binding_add_choice_filter:
 * @dropdown: filled with "@all_label" and the store's records of @choice
 * @key: the list model's filter key it sets to the chosen record's id
 *
 * Filters the list by the record chosen in @dropdown, refilled whenever
 * the binding gets a store.
 */
void
cyd_list_binding_add_choice_filter (CydListBinding *self,
                                    GtkDropDown    *dropdown,
                                    const char     *key,
                                    CydChoiceKind   choice,
                                    const char     *all_label)
{
  ChoiceFilter *filter;

  g_return_if_fail (CYD_IS_LIST_BINDING (self));
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (key != NULL && all_label != NULL);

  filter = g_new0 (ChoiceFilter, 1);
  filter->binding = self;
  filter->dropdown = g_object_ref (dropdown);
  filter->key = g_strdup (key);
  filter->choice = choice;
  filter->all_label = g_strdup (all_label);
  filter->handler = g_signal_connect_swapped (dropdown, "notify::selected",
                                              G_CALLBACK (apply_choice_filter), filter);
  g_ptr_array_add (self->choice_filters, filter);
  fill_choice_filter (filter);
}

/* The date the list answers for; kept for a model not made yet. */
void
cyd_list_binding_set_as_at (CydListBinding *self,
                            const char     *as_at)
{
  g_return_if_fail (CYD_IS_LIST_BINDING (self));

  g_free (self->as_at);
  self->as_at = g_strdup (as_at);
  if (self->model != NULL && as_at != NULL)
    cyd_list_model_set_as_at (self->model, as_at);
}

/* A filter of the model's own (see cyd_list_model_set_filter()); kept for a
 * model not made yet. */
void
cyd_list_binding_set_filter (CydListBinding *self,
                             const char     *key,
                             const char     *value)
{
  g_return_if_fail (CYD_IS_LIST_BINDING (self));

  g_hash_table_insert (self->filters, g_strdup (key), g_strdup (value));
  if (self->model != NULL)
    cyd_list_model_set_filter (self->model, key, value);
}
