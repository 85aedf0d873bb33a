/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-saving-dialog.h"

#include <glib/gi18n.h>

#include "cyd-bilingual-entry.h"
#include "cyd-edit-form.h"
#include "cyd-savings.h"

/* The financial years offered: 2000/01 to 2049/50. */
#define FIRST_YEAR 2000
#define N_YEARS    50

struct _CydSavingDialog
{
  CydEditDialog      parent_instance;

  gint64             id;
  GHashTable        *original;            /* column → text, when editing */
  GArray            *directorate_ids;     /* gint64, one per dropdown item */
  GArray            *service_line_ids;    /* gint64, one per item; 0: none */

  /* Template widgets */
  GtkEditable       *code_entry;
  GtkDropDown       *year_dropdown;
  GtkDropDown       *directorate_dropdown;
  GtkDropDown       *service_line_dropdown;
  CydBilingualEntry *description_entry;
  GtkEditable       *target_entry;
  GtkEditable       *forecast_entry;
  GtkEditable       *achieved_entry;
  GtkDropDown       *status_dropdown;
  GtkLabel          *rag_label;
};

static const char * const columns[] = {
  "code", "year", "directorate_id", "service_line_id", "target", "forecast", "achieved", "status",
  "description_en", "description_cy", NULL
};

G_DEFINE_FINAL_TYPE (CydSavingDialog, cyd_saving_dialog, CYD_TYPE_EDIT_DIALOG)

static CydStore *
get_store (CydSavingDialog *self)
{
  return cyd_edit_dialog_get_store (CYD_EDIT_DIALOG (self));
}

/* An amount field: empty is "none" when @optional. */
static gboolean
read_amount (GtkEditable *editable,
             gboolean     optional,
             gboolean    *has_value,
             CydMoney    *value)
{
  g_autofree char *text = cyd_edit_form_dup_text (editable);

  *has_value = *text != '\0';
  *value = 0;
  if (!*has_value)
    return optional;
  return cyd_money_parse_display (text, value) && *value >= 0;
}

static char *
check_amounts (CydSavingDialog *self)
{
  gboolean has;
  CydMoney value;
  gboolean target_ok = read_amount (self->target_entry, FALSE, &has, &value);
  gboolean forecast_ok = read_amount (self->forecast_entry, TRUE, &has, &value);
  gboolean achieved_ok = read_amount (self->achieved_entry, TRUE, &has, &value);

  cyd_edit_form_mark (GTK_WIDGET (self->target_entry), !target_ok);
  cyd_edit_form_mark (GTK_WIDGET (self->forecast_entry), !forecast_ok);
  cyd_edit_form_mark (GTK_WIDGET (self->achieved_entry), !achieved_ok);
  if (!target_ok)
    return g_strdup (_("Type the target in pounds, such as £12,500.00."));
  if (!forecast_ok)
    return g_strdup (_("Type the forecast in pounds, such as £12,500.00, or leave it empty."));
  if (!achieved_ok)
    return g_strdup (_("Type the amount achieved in pounds, such as £12,500.00, or leave it empty."));
  return NULL;
}

static char *
check_fields (CydSavingDialog *self)
{
  g_autofree char *code = cyd_edit_form_dup_text (self->code_entry);
  g_autoptr(GError) error = NULL;
  gint64 other;

  cyd_edit_form_mark (GTK_WIDGET (self->code_entry), *code == '\0');
  if (*code == '\0')
    return g_strdup (_("Give the saving a code."));
  other = cyd_saving_find_code (get_store (self), code, &error);
  if (error != NULL)
    return g_strdup (error->message);
  if (other != 0 && other != self->id)
    {
      cyd_edit_form_mark (GTK_WIDGET (self->code_entry), TRUE);
      return g_strdup_printf (_("Another saving already has the code “%s”."), code);
    }
  if (self->directorate_ids == NULL || self->directorate_ids->len == 0)
    return g_strdup (_("The programme has no directorates yet: import them first."));
  return check_amounts (self);
}

/* The saving's RAG rating as it would be saved, by cyd-savings' rule. */
static void
show_rag (CydSavingDialog *self)
{
  CydSavingStatus status = MIN (gtk_drop_down_get_selected (self->status_dropdown), CYD_SAVING_DROPPED);
  gboolean has_forecast, has_achieved, has_target;
  CydMoney target, forecast, achieved;
  const char *rag;

  if (!read_amount (self->target_entry, FALSE, &has_target, &target)
      || !read_amount (self->forecast_entry, TRUE, &has_forecast, &forecast)
      || !read_amount (self->achieved_entry, TRUE, &has_achieved, &achieved))
    {
      gtk_label_set_label (self->rag_label, "—");
      return;
    }
  if (!has_forecast)
    forecast = status == CYD_SAVING_ACHIEVED && has_achieved ? achieved : target;
  switch (cyd_saving_rag (status, target, forecast, achieved))
    {
    case CYD_RAG_RED: rag = C_("RAG", "Red"); break;
    case CYD_RAG_AMBER: rag = C_("RAG", "Amber"); break;
    case CYD_RAG_GREEN: rag = C_("RAG", "Green"); break;
    case CYD_RAG_NONE:
    default:
      /* Translators: the RAG rating of a dropped saving */
      rag = C_("RAG", "None");
    }
  gtk_label_set_label (self->rag_label, rag);
}

static void
validate (CydSavingDialog *self)
{
  cyd_edit_dialog_validate (CYD_EDIT_DIALOG (self));
  show_rag (self);
}

static GVariant *
amount_or_null (GtkEditable *editable)
{
  gboolean has;
  CydMoney value;

  if (!read_amount (editable, TRUE, &has, &value) || !has)
    return NULL;
  return g_variant_new_int64 (value);
}

/* The columns the dialog edits, with their new values (NULL: SQL NULL). */
static GHashTable *
collect_values (CydSavingDialog *self)
{
  GHashTable *values = cyd_edit_form_values_new ();
  CydSavingStatus status = MIN (gtk_drop_down_get_selected (self->status_dropdown), CYD_SAVING_DROPPED);

#define PUT(column, value) cyd_edit_form_put (values, column, value)

  PUT ("code", cyd_edit_form_text_value (self->code_entry));
  PUT ("year", g_variant_new_int64 (FIRST_YEAR + gtk_drop_down_get_selected (self->year_dropdown)));
  PUT ("directorate_id", cyd_edit_form_selected_value (self->directorate_dropdown, self->directorate_ids));
  PUT ("service_line_id", cyd_edit_form_selected_value (self->service_line_dropdown, self->service_line_ids));
  PUT ("target", amount_or_null (self->target_entry));
  PUT ("forecast", amount_or_null (self->forecast_entry));
  PUT ("achieved", amount_or_null (self->achieved_entry));
  PUT ("status", g_variant_new_string (cyd_saving_status_to_string (status)));
  PUT ("description_en", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->description_entry, "en")));
  PUT ("description_cy", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->description_entry, "cy")));
#undef PUT
  return values;
}

static void
fill_choices (CydSavingDialog *self)
{
  g_autoptr(GPtrArray) directorates = cyd_choices_load (get_store (self), CYD_CHOICE_DIRECTORATE, 0, NULL);
  g_autoptr(GPtrArray) service_lines = cyd_choices_load (get_store (self), CYD_CHOICE_SERVICE_LINE, 0, NULL);
  /* Translators: the service line of a saving that has none */
  const char *none = C_("service line", "None");

  self->directorate_ids = cyd_edit_form_fill_choices (self->directorate_dropdown, directorates, NULL);
  self->service_line_ids = cyd_edit_form_fill_choices (self->service_line_dropdown, service_lines, none);
}

static void
fill_years (CydSavingDialog *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int current = g_date_time_get_year (now) - (g_date_time_get_month (now) < 4 ? 1 : 0);

  for (int i = 0; i < N_YEARS; i++)
    {
      g_autofree char *label = cyd_financial_year_format (FIRST_YEAR + i);

      gtk_string_list_append (years, label);
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->year_dropdown, CLAMP (current - FIRST_YEAR, 0, N_YEARS - 1));
}

static void
fill_fields (CydSavingDialog *self)
{
  GHashTable *f = self->original;
  const char *status = g_hash_table_lookup (f, "status");
  CydSavingStatus s = CYD_SAVING_PLANNED;
  int year = (int) g_ascii_strtoll (g_hash_table_lookup (f, "year"), NULL, 10);

  gtk_editable_set_text (self->code_entry, g_hash_table_lookup (f, "code"));
  gtk_drop_down_set_selected (self->year_dropdown, CLAMP (year - FIRST_YEAR, 0, N_YEARS - 1));
  cyd_edit_form_select_id (self->directorate_dropdown, self->directorate_ids,
                           g_hash_table_lookup (f, "directorate_id"));
  cyd_edit_form_select_id (self->service_line_dropdown, self->service_line_ids,
                           g_hash_table_lookup (f, "service_line_id"));
  cyd_edit_form_set_money (self->target_entry, g_hash_table_lookup (f, "target"));
  cyd_edit_form_set_money (self->forecast_entry, g_hash_table_lookup (f, "forecast"));
  cyd_edit_form_set_money (self->achieved_entry, g_hash_table_lookup (f, "achieved"));
  cyd_saving_status_from_string (status, &s);
  gtk_drop_down_set_selected (self->status_dropdown, s);
  cyd_bilingual_entry_set_text_en (self->description_entry, g_hash_table_lookup (f, "description_en"));
  cyd_bilingual_entry_set_text_cy (self->description_entry, g_hash_table_lookup (f, "description_cy"));
}

static void
on_field_changed (CydSavingDialog *self)
{
  if (get_store (self) != NULL)
    validate (self);
}

static char *
cyd_saving_dialog_check (CydEditDialog *dialog)
{
  return check_fields (CYD_SAVING_DIALOG (dialog));
}

static gboolean
cyd_saving_dialog_save (CydEditDialog  *dialog,
                        GError        **error)
{
  CydSavingDialog *self = CYD_SAVING_DIALOG (dialog);
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  code = cyd_edit_form_dup_text (self->code_entry);
  values = collect_values (self);
  /* Translators: %s is a saving's code; the name of a step to undo */
  label = g_strdup_printf (self->id == 0 ? _("Add Saving %s") : _("Edit Saving %s"), code);
  /* Translators: %s is a saving's code */
  message = g_strdup_printf (self->id == 0 ? _("Saving %s added") : _("Saving %s saved"), code);
  return cyd_edit_dialog_save_row (dialog, "saving", self->id, columns, values, self->original, label, message,
                                   error);
}

static void
cyd_saving_dialog_dispose (GObject *object)
{
  CydSavingDialog *self = CYD_SAVING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_SAVING_DIALOG);
  g_clear_pointer (&self->original, g_hash_table_unref);

  G_OBJECT_CLASS (cyd_saving_dialog_parent_class)->dispose (object);
}

static void
cyd_saving_dialog_finalize (GObject *object)
{
  CydSavingDialog *self = CYD_SAVING_DIALOG (object);

  g_clear_pointer (&self->directorate_ids, g_array_unref);
  g_clear_pointer (&self->service_line_ids, g_array_unref);

  G_OBJECT_CLASS (cyd_saving_dialog_parent_class)->finalize (object);
}

static void
cyd_saving_dialog_class_init (CydSavingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydEditDialogClass *dialog_class = CYD_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = cyd_saving_dialog_dispose;
  object_class->finalize = cyd_saving_dialog_finalize;
  dialog_class->check = cyd_saving_dialog_check;
  dialog_class->save = cyd_saving_dialog_save;

  g_type_ensure (CYD_TYPE_BILINGUAL_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-saving-dialog.ui");
  cyd_edit_dialog_class_bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, directorate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, description_entry);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, target_entry);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, forecast_entry);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, achieved_entry);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydSavingDialog, rag_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
cyd_saving_dialog_init (CydSavingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_saving_dialog_new:
 * @id: the saving to edit, or 0 to add one
 */
CydSavingDialog *
cyd_saving_dialog_new (GtkWindow *parent,
                       CydStore  *store,
                       gint64     id)
{
  CydSavingDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);

  self = g_object_new (CYD_TYPE_SAVING_DIALOG, "transient-for", parent, "store", store, NULL);
  fill_years (self);
  fill_choices (self);
  self->id = id;
  if (id != 0)
    self->original = cyd_saving_dup_fields (store, id, &error);
  if (self->original != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Saving"));
      fill_fields (self);
    }
  else
    {
      self->id = 0;
      gtk_window_set_title (GTK_WINDOW (self), _("Add Saving"));
    }
  validate (self);
  if (error != NULL)
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
  return self;
}
