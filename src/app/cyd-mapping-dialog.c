/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-mapping-dialog.h"

#include <glib/gi18n.h>

#include "cyd-edit-form.h"

static const char * const methods[] = { "slot-in", "ring-fenced", "open-competition", "deleted", "tupe" };
static const char * const columns[] = { "post_id", "target_id", "method", "effective", NULL };

struct _CydMappingDialog
{
  CydEditDialog parent_instance;

  gint64       post_id;
  char        *post_code;
  GHashTable  *original;      /* the mapping's columns as texts; "id" when there is one */
  gint64       mapping_id;
  GArray      *target_ids;

  /* Template widgets */
  GtkLabel    *post_label;
  GtkButton   *remove_button;
  GtkDropDown *target_dropdown;
  GtkDropDown *method_dropdown;
  GtkEditable *effective_entry;
};

G_DEFINE_FINAL_TYPE (CydMappingDialog, cyd_mapping_dialog, CYD_TYPE_EDIT_DIALOG)

static void
validate (CydMappingDialog *self)
{
  cyd_edit_dialog_validate (CYD_EDIT_DIALOG (self));
}

static GHashTable *
collect_values (CydMappingDialog *self)
{
  GHashTable *values = cyd_edit_form_values_new ();
  guint method = MIN (gtk_drop_down_get_selected (self->method_dropdown), G_N_ELEMENTS (methods) - 1);

  cyd_edit_form_put (values, "post_id", g_variant_new_int64 (self->post_id));
  cyd_edit_form_put (values, "target_id",
                     g_variant_new_int64 (cyd_edit_form_selected_id (self->target_dropdown, self->target_ids)));
  cyd_edit_form_put (values, "method", g_variant_new_string (methods[method]));
  cyd_edit_form_put (values, "effective", cyd_edit_form_text_value (self->effective_entry));
  return values;
}

static void
on_field_changed (CydMappingDialog *self)
{
  validate (self);
}

static void
on_remove_button_clicked (CydMappingDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cyd_mapping_dialog_remove (self, &error))
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
}

static void
fill_fields (CydMappingDialog *self,
             const char       *as_at)
{
  const char *method = g_hash_table_lookup (self->original, "method");
  const char *effective = g_hash_table_lookup (self->original, "effective");

  cyd_edit_form_select_id (self->target_dropdown, self->target_ids, g_hash_table_lookup (self->original, "target_id"));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (methods[i], method) == 0)
      gtk_drop_down_set_selected (self->method_dropdown, i);
  gtk_editable_set_text (self->effective_entry, effective != NULL ? effective : as_at);
}

static void
show_post (CydMappingDialog *self)
{
  g_autoptr(GHashTable) post = cyd_post_dup_fields (cyd_edit_dialog_get_store (CYD_EDIT_DIALOG (self)), self->post_id, NULL);
  g_autofree char *title = NULL;

  if (post == NULL)
    return;
  self->post_code = g_strdup (g_hash_table_lookup (post, "code"));
  title = g_strdup_printf ("%s — %s", self->post_code,
                           (const char *) (g_hash_table_lookup (post, g_str_equal (cyd_ui_language (), "cy")
                                                                      ? "title_cy" : "title_en")
                                           ?: (g_hash_table_lookup (post, "title_en")
                                               ?: g_hash_table_lookup (post, "title_cy"))));
  gtk_label_set_label (self->post_label, title);
}

static char *
cyd_mapping_dialog_check (CydEditDialog *dialog)
{
  CydMappingDialog *self = CYD_MAPPING_DIALOG (dialog);
  gboolean date_ok = cyd_edit_form_check_date (self->effective_entry, TRUE);

  if (self->target_ids == NULL || cyd_edit_form_selected_id (self->target_dropdown, self->target_ids) == 0)
    return g_strdup (_("Choose the merged post this post maps to."));
  if (!date_ok)
    return g_strdup (_("Write the date the mapping takes effect as YYYY-MM-DD, such as 2015-04-01."));
  return NULL;
}

/* Adds or changes the mapping. */
static gboolean
cyd_mapping_dialog_save (CydEditDialog  *dialog,
                         GError        **error)
{
  CydMappingDialog *self = CYD_MAPPING_DIALOG (dialog);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  values = collect_values (self);
  /* Translators: %s is a legacy post's code; the name of a step to undo */
  label = g_strdup_printf (_("Map Post %s"), self->post_code);
  /* Translators: %s is a legacy post's code */
  message = g_strdup_printf (_("Mapping of post %s saved"), self->post_code);
  return cyd_edit_dialog_save_row (dialog, "post_mapping", self->mapping_id, columns, values, self->original,
                                   label, message, error);
}

static void
cyd_mapping_dialog_dispose (GObject *object)
{
  CydMappingDialog *self = CYD_MAPPING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_MAPPING_DIALOG);
  g_clear_pointer (&self->original, g_hash_table_unref);

  G_OBJECT_CLASS (cyd_mapping_dialog_parent_class)->dispose (object);
}

static void
cyd_mapping_dialog_finalize (GObject *object)
{
  CydMappingDialog *self = CYD_MAPPING_DIALOG (object);

  g_free (self->post_code);
  g_clear_pointer (&self->target_ids, g_array_unref);

  G_OBJECT_CLASS (cyd_mapping_dialog_parent_class)->finalize (object);
}

static void
cyd_mapping_dialog_class_init (CydMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydEditDialogClass *dialog_class = CYD_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = cyd_mapping_dialog_dispose;
  object_class->finalize = cyd_mapping_dialog_finalize;
  dialog_class->check = cyd_mapping_dialog_check;
  dialog_class->save = cyd_mapping_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-mapping-dialog.ui");
  cyd_edit_dialog_class_bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydMappingDialog, post_label);
  gtk_widget_class_bind_template_child (widget_class, CydMappingDialog, remove_button);
  gtk_widget_class_bind_template_child (widget_class, CydMappingDialog, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMappingDialog, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMappingDialog, effective_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked);
}

static void
cyd_mapping_dialog_init (CydMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_mapping_dialog_new:
 * @post_id: a legacy post
 * @as_at: the effective date offered for a new mapping
 */
CydMappingDialog *
cyd_mapping_dialog_new (GtkWindow  *parent,
                        CydStore   *store,
                        gint64      post_id,
                        const char *as_at)
{
  CydMappingDialog *self;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  self = g_object_new (CYD_TYPE_MAPPING_DIALOG, "transient-for", parent, "store", store, NULL);
  self->post_id = post_id;
  show_post (self);
  targets = cyd_choices_load (store, CYD_CHOICE_MERGED_POST, 0, NULL);
  /* Translators: the merged post a legacy post maps to, not yet chosen */
  self->target_ids = cyd_edit_form_fill_choices (self->target_dropdown, targets, C_("merged post", "Choose…"));
  self->original = cyd_mapping_dup_fields (store, post_id, &error);
  if (self->original == NULL)
    self->original = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  id = g_hash_table_lookup (self->original, "id");
  self->mapping_id = id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), self->mapping_id != 0);
  fill_fields (self, as_at);
  validate (self);
  if (error != NULL)
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
  return self;
}

/* Removes the post's mapping, emits "saved" and closes the dialog. */
gboolean
cyd_mapping_dialog_remove (CydMappingDialog  *self,
                           GError           **error)
{
  g_autoptr(CydEdit) edit = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CYD_IS_MAPPING_DIALOG (self), FALSE);
  g_return_val_if_fail (self->mapping_id != 0, FALSE);

  /* Translators: %s is a legacy post's code; the name of a step to undo */
  label = g_strdup_printf (_("Unmap Post %s"), self->post_code);
  edit = cyd_edit_new (label);
  cyd_edit_delete (edit, "post_mapping", self->mapping_id);
  /* Translators: %s is a legacy post's code */
  message = g_strdup_printf (_("Mapping of post %s removed"), self->post_code);
  return cyd_edit_dialog_apply (CYD_EDIT_DIALOG (self), edit, message, error);
}
