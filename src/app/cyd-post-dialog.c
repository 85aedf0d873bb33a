/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-post-dialog.h"

#include <glib/gi18n.h>

#include "cyd-bilingual-entry.h"
#include "cyd-edit-form.h"

static const char * const columns[] = {
  "code", "title_en", "title_cy", "directorate_id", "service_line_id", "reports_to_id", "grade", "fte",
  "annual_cost", "established_from", "established_to", NULL
};

struct _CydPostDialog
{
  CydEditDialog      parent_instance;

  gint64             id;
  char              *as_at;
  GHashTable        *original;      /* column → text, when editing */
  GArray            *directorate_ids;
  GArray            *service_line_ids;
  GArray            *reports_to_ids;
  gint64             reports_to_scope;
  gboolean           filling;         /* no validation while the fields fill */

  /* Template widgets */
  GtkButton         *end_button;
  GtkEditable       *code_entry;
  CydBilingualEntry *title_entry;
  GtkDropDown       *directorate_dropdown;
  GtkDropDown       *service_line_dropdown;
  GtkDropDown       *reports_to_dropdown;
  GtkEditable       *grade_entry;
  GtkEditable       *fte_entry;
  GtkEditable       *cost_entry;
  GtkEditable       *from_entry;
  GtkEditable       *to_entry;
};

G_DEFINE_FINAL_TYPE (CydPostDialog, cyd_post_dialog, CYD_TYPE_EDIT_DIALOG)

static CydStore *
get_store (CydPostDialog *self)
{
  return cyd_edit_dialog_get_store (CYD_EDIT_DIALOG (self));
}

/* The line managers offered are the posts of the chosen directorate. */
static void
fill_reports_to (CydPostDialog *self)
{
  gint64 directorate = cyd_edit_form_selected_id (self->directorate_dropdown, self->directorate_ids);
  gint64 current = cyd_edit_form_selected_id (self->reports_to_dropdown, self->reports_to_ids);
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *current_text = NULL;

  if (self->reports_to_ids != NULL && directorate == self->reports_to_scope)
    return;
  self->filling = TRUE;
  self->reports_to_scope = directorate;
  posts = cyd_choices_load (get_store (self), CYD_CHOICE_POST, directorate, NULL);
  g_clear_pointer (&self->reports_to_ids, g_array_unref);
  /* Translators: in "Reports To", a post with no line manager */
  self->reports_to_ids = cyd_edit_form_fill_choices (self->reports_to_dropdown, posts, C_("reports to", "None"));
  current_text = g_strdup_printf ("%" G_GINT64_FORMAT, current);
  cyd_edit_form_select_id (self->reports_to_dropdown, self->reports_to_ids, current_text);
  self->filling = FALSE;
}

static char *
check_identity (CydPostDialog *self)
{
  g_autofree char *code = cyd_edit_form_dup_text (self->code_entry);
  g_autofree char *en = g_strstrip (g_strdup (cyd_bilingual_entry_get_text_en (self->title_entry)));
  g_autofree char *cy = g_strstrip (g_strdup (cyd_bilingual_entry_get_text_cy (self->title_entry)));
  gint64 other = *code != '\0' ? cyd_post_find_code (get_store (self), code) : 0;
  gboolean code_ok = *code != '\0' && (other == 0 || other == self->id);

  cyd_edit_form_mark (GTK_WIDGET (self->code_entry), !code_ok);
  if (*code == '\0')
    return g_strdup (_("Give the post a code."));
  if (!code_ok)
    return g_strdup_printf (_("Another post already has the code “%s”."), code);
  if (*en == '\0' && *cy == '\0')
    return g_strdup (_("Give the post a title in English or Welsh."));
  if (cyd_edit_form_selected_id (self->directorate_dropdown, self->directorate_ids) == 0)
    return g_strdup (_("Choose the post’s directorate."));
  if (cyd_edit_form_selected_id (self->service_line_dropdown, self->service_line_ids) == 0)
    return g_strdup (_("Choose the post’s service line."));
  if (self->id != 0 && cyd_edit_form_selected_id (self->reports_to_dropdown, self->reports_to_ids) == self->id)
    return g_strdup (_("A post cannot report to itself."));
  return NULL;
}

static char *
check_numbers (CydPostDialog *self)
{
  g_autofree char *fte = cyd_edit_form_dup_text (self->fte_entry);
  g_autofree char *cost = cyd_edit_form_dup_text (self->cost_entry);
  CydFte fte_value;
  CydMoney cost_value;
  gboolean fte_ok = cyd_fte_parse (fte, &fte_value);
  gboolean cost_ok = *cost == '\0' || cyd_money_parse_display (cost, &cost_value);

  cyd_edit_form_mark (GTK_WIDGET (self->fte_entry), !fte_ok);
  cyd_edit_form_mark (GTK_WIDGET (self->cost_entry), !cost_ok);
  if (!fte_ok)
    return g_strdup (_("Write the FTE as a number above 0 and at most 1, such as 0.5."));
  if (!cost_ok)
    return g_strdup (_("Write the annual cost as money, such as £45,000.00, or leave it empty."));
  return NULL;
}

static char *
check_dates (CydPostDialog *self)
{
  g_autofree char *from = cyd_edit_form_dup_text (self->from_entry);
  g_autofree char *to = cyd_edit_form_dup_text (self->to_entry);

  if (!cyd_edit_form_check_date (self->from_entry, FALSE))
    return g_strdup (_("Write the date the post was established as YYYY-MM-DD, or leave it empty."));
  if (!cyd_edit_form_check_date (self->to_entry, FALSE))
    return g_strdup (_("Write the date the post ends as YYYY-MM-DD, or leave it empty."));
  if (*from != '\0' && *to != '\0' && strcmp (from, to) > 0)
    {
      cyd_edit_form_mark (GTK_WIDGET (self->to_entry), TRUE);
      return g_strdup (_("The post cannot end before it is established."));
    }
  return NULL;
}

static void
validate (CydPostDialog *self)
{
  cyd_edit_dialog_validate (CYD_EDIT_DIALOG (self));
}

static GHashTable *
collect_values (CydPostDialog *self)
{
  GHashTable *values = cyd_edit_form_values_new ();
  g_autofree char *fte = cyd_edit_form_dup_text (self->fte_entry);
  g_autofree char *cost = cyd_edit_form_dup_text (self->cost_entry);
  CydFte fte_value = CYD_FTE_ONE;
  CydMoney cost_value = 0;

  cyd_fte_parse (fte, &fte_value);
  cyd_edit_form_put (values, "code", cyd_edit_form_text_value (self->code_entry));
  cyd_edit_form_put (values, "title_en", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->title_entry, "en")));
  cyd_edit_form_put (values, "title_cy", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->title_entry, "cy")));
  cyd_edit_form_put (values, "directorate_id",
                     cyd_edit_form_selected_value (self->directorate_dropdown, self->directorate_ids));
  cyd_edit_form_put (values, "service_line_id",
                     cyd_edit_form_selected_value (self->service_line_dropdown, self->service_line_ids));
  cyd_edit_form_put (values, "reports_to_id",
                     cyd_edit_form_selected_value (self->reports_to_dropdown, self->reports_to_ids));
  cyd_edit_form_put (values, "grade", cyd_edit_form_text_value (self->grade_entry));
  cyd_edit_form_put (values, "fte", g_variant_new_int64 (fte_value));
  cyd_edit_form_put (values, "annual_cost",
                     *cost != '\0' && cyd_money_parse_display (cost, &cost_value) ? g_variant_new_int64 (cost_value)
                                                                                  : NULL);
  cyd_edit_form_put (values, "established_from", cyd_edit_form_text_value (self->from_entry));
  cyd_edit_form_put (values, "established_to", cyd_edit_form_text_value (self->to_entry));
  return values;
}

static void
on_field_changed (CydPostDialog *self)
{
  if (self->filling || self->directorate_ids == NULL || self->service_line_ids == NULL)
    return;
  fill_reports_to (self);
  validate (self);
}

static void
on_end_button_clicked (CydPostDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cyd_post_dialog_end_post (self, &error))
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
}

static void
fill_fields (CydPostDialog *self)
{
  GHashTable *f = self->original;

#define TEXT(column) (g_hash_table_lookup (f, column) != NULL ? (const char *) g_hash_table_lookup (f, column) : "")
  gtk_editable_set_text (self->code_entry, TEXT ("code"));
  cyd_bilingual_entry_set_text_en (self->title_entry, TEXT ("title_en"));
  cyd_bilingual_entry_set_text_cy (self->title_entry, TEXT ("title_cy"));
  gtk_editable_set_text (self->grade_entry, TEXT ("grade"));
  gtk_editable_set_text (self->from_entry, TEXT ("established_from"));
  gtk_editable_set_text (self->to_entry, TEXT ("established_to"));
#undef TEXT
  {
    g_autofree char *fte = cyd_fte_to_string (g_ascii_strtoll (g_hash_table_lookup (f, "fte"), NULL, 10));

    gtk_editable_set_text (self->fte_entry, fte);
  }
  cyd_edit_form_set_money (self->cost_entry, g_hash_table_lookup (f, "annual_cost"));
  cyd_edit_form_select_id (self->directorate_dropdown, self->directorate_ids, g_hash_table_lookup (f, "directorate_id"));
  cyd_edit_form_select_id (self->service_line_dropdown, self->service_line_ids,
                           g_hash_table_lookup (f, "service_line_id"));
  fill_reports_to (self);
  cyd_edit_form_select_id (self->reports_to_dropdown, self->reports_to_ids, g_hash_table_lookup (f, "reports_to_id"));
}

static void
fill_choices (CydPostDialog *self)
{
  g_autoptr(GPtrArray) directorates = cyd_choices_load (get_store (self), CYD_CHOICE_DIRECTORATE, 0, NULL);
  g_autoptr(GPtrArray) service_lines = cyd_choices_load (get_store (self), CYD_CHOICE_SERVICE_LINE, 0, NULL);

  self->directorate_ids = cyd_edit_form_fill_choices (self->directorate_dropdown, directorates, NULL);
  self->service_line_ids = cyd_edit_form_fill_choices (self->service_line_dropdown, service_lines, NULL);
  fill_reports_to (self);
}

static char *
cyd_post_dialog_check (CydEditDialog *dialog)
{
  CydPostDialog *self = CYD_POST_DIALOG (dialog);
  g_autofree char *numbers = check_numbers (self);
  g_autofree char *dates = check_dates (self);
  g_autofree char *identity = check_identity (self);

  if (identity != NULL)
    return g_steal_pointer (&identity);
  return numbers != NULL ? g_steal_pointer (&numbers) : g_steal_pointer (&dates);
}

static gboolean
cyd_post_dialog_save (CydEditDialog  *dialog,
                      GError        **error)
{
  CydPostDialog *self = CYD_POST_DIALOG (dialog);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  code = cyd_edit_form_dup_text (self->code_entry);
  values = collect_values (self);
  /* Translators: %s is a post's code; the name of a step to undo */
  label = g_strdup_printf (self->id == 0 ? _("Add Post %s") : _("Edit Post %s"), code);
  /* Translators: %s is a post's code */
  message = g_strdup_printf (self->id == 0 ? _("Post %s added") : _("Post %s saved"), code);
  return cyd_edit_dialog_save_row (dialog, "post", self->id, columns, values, self->original, label, message,
                                   error);
}

static void
cyd_post_dialog_dispose (GObject *object)
{
  CydPostDialog *self = CYD_POST_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_POST_DIALOG);
  g_clear_pointer (&self->original, g_hash_table_unref);

  G_OBJECT_CLASS (cyd_post_dialog_parent_class)->dispose (object);
}

static void
cyd_post_dialog_finalize (GObject *object)
{
  CydPostDialog *self = CYD_POST_DIALOG (object);

  g_free (self->as_at);
  g_clear_pointer (&self->directorate_ids, g_array_unref);
  g_clear_pointer (&self->service_line_ids, g_array_unref);
  g_clear_pointer (&self->reports_to_ids, g_array_unref);

  G_OBJECT_CLASS (cyd_post_dialog_parent_class)->finalize (object);
}

static void
cyd_post_dialog_class_init (CydPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydEditDialogClass *dialog_class = CYD_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = cyd_post_dialog_dispose;
  object_class->finalize = cyd_post_dialog_finalize;
  dialog_class->check = cyd_post_dialog_check;
  dialog_class->save = cyd_post_dialog_save;

  g_type_ensure (CYD_TYPE_BILINGUAL_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-post-dialog.ui");
  cyd_edit_dialog_class_bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, end_button);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, directorate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, reports_to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, grade_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, fte_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, cost_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPostDialog, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_end_button_clicked);
}

static void
cyd_post_dialog_init (CydPostDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_post_dialog_new:
 * @id: the post to edit, or 0 to add one
 * @as_at: the date "End Post" disestablishes it on
 */
CydPostDialog *
cyd_post_dialog_new (GtkWindow  *parent,
                     CydStore   *store,
                     gint64      id,
                     const char *as_at)
{
  CydPostDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  self = g_object_new (CYD_TYPE_POST_DIALOG, "transient-for", parent, "store", store, NULL);
  self->as_at = g_strdup (as_at);
  fill_choices (self);
  if (id != 0)
    self->original = cyd_post_dup_fields (store, id, &error);
  if (self->original != NULL)
    {
      self->id = id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Post"));
      gtk_widget_set_visible (GTK_WIDGET (self->end_button), TRUE);
      fill_fields (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Post"));
      gtk_editable_set_text (self->fte_entry, "1");
      gtk_editable_set_text (self->from_entry, as_at);
    }
  validate (self);
  if (error != NULL)
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
  return self;
}

/* Disestablishes the post on the as-at date (with any other changes made
 * in the dialog), and closes the dialog. */
gboolean
cyd_post_dialog_end_post (CydPostDialog  *self,
                          GError        **error)
{
  g_return_val_if_fail (CYD_IS_POST_DIALOG (self), FALSE);
  g_return_val_if_fail (self->id != 0, FALSE);

  gtk_editable_set_text (self->to_entry, self->as_at);
  return cyd_edit_dialog_save (CYD_EDIT_DIALOG (self), error);
}
