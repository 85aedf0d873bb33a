/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-person-dialog.h"

#include <glib/gi18n.h>

#include "cyd-edit-form.h"

static const char * const columns[] = {
  "employer_id", "employee_number", "given_name", "family_name", "preferred_language", "grade", "salary",
  "on_costs", "start_date", "left_date", NULL
};

static const char * const assignment_columns[] = { "fte", "from_date", "to_date", NULL };

/* The language drop-down's items, in order. */
static const char * const languages[] = { NULL, "en", "cy" };

/* One assignment as the dialog shows it: a saved one (id != 0) or one
 * added in the dialog, with its entries. */
typedef struct {
  gint64       id;
  gint64       post_id;
  GHashTable  *original;      /* column → text, for a saved one */
  GtkEditable *fte_entry;
  GtkEditable *from_entry;
  GtkEditable *to_entry;
} AssignmentRow;

struct _CydPersonDialog
{
  CydEditDialog parent_instance;

  gint64       id;
  char        *as_at;
  GHashTable  *original;          /* column → text, when editing */
  GArray      *employer_ids;
  GArray      *post_ids;
  GPtrArray   *assignments;       /* AssignmentRow */
  gboolean     filling;

  /* Template widgets */
  GtkButton   *leaver_button;
  GtkDropDown *employer_dropdown;
  GtkEditable *number_entry;
  GtkEditable *given_entry;
  GtkEditable *family_entry;
  GtkDropDown *language_dropdown;
  GtkEditable *grade_entry;
  GtkEditable *salary_entry;
  GtkEditable *on_costs_entry;
  GtkEditable *start_entry;
  GtkEditable *left_entry;
  GtkListBox  *assignments_list;
  GtkDropDown *new_post_dropdown;
  GtkEditable *new_fte_entry;
  GtkEditable *new_from_entry;
  GtkButton   *add_assignment_button;
};

G_DEFINE_FINAL_TYPE (CydPersonDialog, cyd_person_dialog, CYD_TYPE_EDIT_DIALOG)

static CydStore *
get_store (CydPersonDialog *self)
{
  return cyd_edit_dialog_get_store (CYD_EDIT_DIALOG (self));
}

static void
assignment_row_free (gpointer data)
{
  AssignmentRow *row = data;

  g_clear_pointer (&row->original, g_hash_table_unref);
  g_free (row);
}

static gboolean
check_fte (GtkEditable *entry)
{
  g_autofree char *text = cyd_edit_form_dup_text (entry);
  CydFte fte;
  gboolean ok = cyd_fte_parse (text, &fte);

  cyd_edit_form_mark (GTK_WIDGET (entry), !ok);
  return ok;
}

static gboolean
check_money (GtkEditable *entry)
{
  g_autofree char *text = cyd_edit_form_dup_text (entry);
  CydMoney money;
  gboolean ok = *text == '\0' || cyd_money_parse_display (text, &money);

  cyd_edit_form_mark (GTK_WIDGET (entry), !ok);
  return ok;
}

/* Marks @to when it is before @from; both valid or empty. */
static gboolean
check_order (GtkEditable *from_entry,
             GtkEditable *to_entry)
{
  g_autofree char *from = cyd_edit_form_dup_text (from_entry);
  g_autofree char *to = cyd_edit_form_dup_text (to_entry);

  if (*from != '\0' && *to != '\0' && strcmp (from, to) > 0)
    {
      cyd_edit_form_mark (GTK_WIDGET (to_entry), TRUE);
      return FALSE;
    }
  return TRUE;
}

static char *
check_identity (CydPersonDialog *self)
{
  g_autofree char *number = cyd_edit_form_dup_text (self->number_entry);
  g_autofree char *given = cyd_edit_form_dup_text (self->given_entry);
  g_autofree char *family = cyd_edit_form_dup_text (self->family_entry);
  gint64 employer = cyd_edit_form_selected_id (self->employer_dropdown, self->employer_ids);
  gint64 other = employer != 0 && *number != '\0' ? cyd_person_find (get_store (self), employer, number) : 0;
  gboolean number_ok = *number != '\0' && strlen (number) <= 32 && (other == 0 || other == self->id);

  cyd_edit_form_mark (GTK_WIDGET (self->number_entry), !number_ok);
  cyd_edit_form_mark (GTK_WIDGET (self->given_entry), *given == '\0');
  cyd_edit_form_mark (GTK_WIDGET (self->family_entry), *family == '\0');
  if (employer == 0)
    return g_strdup (_("Choose the person’s employer."));
  if (*number == '\0' || strlen (number) > 32)
    return g_strdup (_("Give the person an employee number of at most 32 characters."));
  if (!number_ok)
    return g_strdup_printf (_("The employer already has a person with the employee number “%s”."), number);
  if (*given == '\0' || *family == '\0')
    return g_strdup (_("Give the person’s given and family names."));
  return NULL;
}

static char *
check_pay_and_dates (CydPersonDialog *self)
{
  gboolean salary_ok = check_money (self->salary_entry);
  gboolean on_costs_ok = check_money (self->on_costs_entry);
  gboolean start_ok = cyd_edit_form_check_date (self->start_entry, FALSE);
  gboolean left_ok = cyd_edit_form_check_date (self->left_entry, FALSE);

  if (!salary_ok)
    return g_strdup (_("Write the salary as money, such as £32,000.00, or leave it empty."));
  if (!on_costs_ok)
    return g_strdup (_("Write the on-costs as money, such as £9,000.00, or leave it empty."));
  if (!start_ok)
    return g_strdup (_("Write the start date as YYYY-MM-DD, or leave it empty."));
  if (!left_ok)
    return g_strdup (_("Write the date the person left as YYYY-MM-DD, or leave it empty."));
  if (!check_order (self->start_entry, self->left_entry))
    return g_strdup (_("The person cannot leave before they start."));
  return NULL;
}

static char *
check_assignments (CydPersonDialog *self)
{
  char *error = NULL;

  for (guint i = 0; i < self->assignments->len; i++)
    {
      AssignmentRow *row = g_ptr_array_index (self->assignments, i);
      gboolean fte_ok = check_fte (row->fte_entry);
      gboolean from_ok = cyd_edit_form_check_date (row->from_entry, FALSE);
      gboolean to_ok = cyd_edit_form_check_date (row->to_entry, FALSE);

      if (error != NULL)
        continue;
      if (!fte_ok)
        error = g_strdup (_("Write each assignment’s FTE as a number above 0 and at most 1, such as 0.5."));
      else if (!from_ok || !to_ok)
        error = g_strdup (_("Write each assignment’s dates as YYYY-MM-DD, or leave them empty."));
      else if (!check_order (row->from_entry, row->to_entry))
        error = g_strdup (_("An assignment cannot end before it starts."));
    }
  return error;
}

/* The "Add an Assignment" fields enable their button; they do not block Save. */
static void
validate_new_assignment (CydPersonDialog *self)
{
  gboolean fte_ok = check_fte (self->new_fte_entry);
  gboolean from_ok = cyd_edit_form_check_date (self->new_from_entry, FALSE);
  gint64 post = cyd_edit_form_selected_id (self->new_post_dropdown, self->post_ids);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_assignment_button), fte_ok && from_ok && post != 0);
}

static void
validate (CydPersonDialog *self)
{
  cyd_edit_dialog_validate (CYD_EDIT_DIALOG (self));
}

static GVariant *
money_value (GtkEditable *entry)
{
  g_autofree char *text = cyd_edit_form_dup_text (entry);
  CydMoney money;

  return *text != '\0' && cyd_money_parse_display (text, &money) ? g_variant_new_int64 (money) : NULL;
}

static GVariant *
fte_value (GtkEditable *entry)
{
  g_autofree char *text = cyd_edit_form_dup_text (entry);
  CydFte fte = CYD_FTE_ONE;

  cyd_fte_parse (text, &fte);
  return g_variant_new_int64 (fte);
}

static GHashTable *
collect_values (CydPersonDialog *self)
{
  GHashTable *values = cyd_edit_form_values_new ();
  gint64 employer = cyd_edit_form_selected_id (self->employer_dropdown, self->employer_ids);
  guint language = gtk_drop_down_get_selected (self->language_dropdown);
  const char *code = language < G_N_ELEMENTS (languages) ? languages[language] : NULL;

  cyd_edit_form_put (values, "employer_id", employer != 0 ? g_variant_new_int64 (employer) : NULL);
  cyd_edit_form_put (values, "employee_number", cyd_edit_form_text_value (self->number_entry));
  cyd_edit_form_put (values, "given_name", cyd_edit_form_text_value (self->given_entry));
  cyd_edit_form_put (values, "family_name", cyd_edit_form_text_value (self->family_entry));
  cyd_edit_form_put (values, "preferred_language", code != NULL ? g_variant_new_string (code) : NULL);
  cyd_edit_form_put (values, "grade", cyd_edit_form_text_value (self->grade_entry));
  cyd_edit_form_put (values, "salary", money_value (self->salary_entry));
  cyd_edit_form_put (values, "on_costs", money_value (self->on_costs_entry));
  cyd_edit_form_put (values, "start_date", cyd_edit_form_text_value (self->start_entry));
  cyd_edit_form_put (values, "left_date", cyd_edit_form_text_value (self->left_entry));
  return values;
}

static GHashTable *
collect_assignment_values (AssignmentRow *row)
{
  GHashTable *values = cyd_edit_form_values_new ();

  cyd_edit_form_put (values, "fte", fte_value (row->fte_entry));
  cyd_edit_form_put (values, "from_date", cyd_edit_form_text_value (row->from_entry));
  cyd_edit_form_put (values, "to_date", cyd_edit_form_text_value (row->to_entry));
  return values;
}

/* Adds the assignments' changes and inserts; @person is the person's insert
 * in @edit when the person is new. */
static void
add_assignment_edits (CydPersonDialog *self,
                      CydEdit         *edit,
                      guint            person)
{
  for (guint i = 0; i < self->assignments->len; i++)
    {
      AssignmentRow *row = g_ptr_array_index (self->assignments, i);
      g_autoptr(GHashTable) values = collect_assignment_values (row);
      guint insert;

      if (row->id != 0)
        {
          cyd_edit_form_add_updates (edit, "assignment", row->id, assignment_columns, values, row->original);
          continue;
        }
      insert = cyd_edit_form_add_insert (edit, "assignment", assignment_columns, values);
      cyd_edit_set (edit, insert, "post_id", g_variant_new_int64 (row->post_id));
      if (self->id == 0)
        cyd_edit_set_inserted_id (edit, insert, "person_id", person);
      else
        cyd_edit_set (edit, insert, "person_id", g_variant_new_int64 (self->id));
    }
}

static void
on_field_changed (CydPersonDialog *self)
{
  if (self->filling || self->employer_ids == NULL || self->post_ids == NULL)
    return;
  validate (self);
}

static void
on_leaver_button_clicked (CydPersonDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cyd_person_dialog_leaver (self, &error))
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
}

static void
on_add_assignment_clicked (CydPersonDialog *self)
{
  cyd_person_dialog_add_assignment (self);
}

static void
on_end_button_clicked (GtkButton       *button,
                       CydPersonDialog *self)
{
  for (guint i = 0; i < self->assignments->len; i++)
    {
      AssignmentRow *row = g_ptr_array_index (self->assignments, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), gtk_widget_get_parent (GTK_WIDGET (row->fte_entry))))
        cyd_person_dialog_end_assignment (self, i);
    }
}

static GtkEditable *
add_row_entry (AdwActionRow    *row,
               const char      *text,
               const char      *placeholder,
               const char      *tooltip,
               int              width,
               CydPersonDialog *self)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (row, entry);
  return GTK_EDITABLE (entry);
}

/* Shows @row in the list, with entries for its FTE and dates and a button
 * that ends it on the as-at date. */
static void
append_assignment_row (CydPersonDialog *self,
                       AssignmentRow   *row,
                       const char      *post,
                       const char      *fte,
                       const char      *from,
                       const char      *to)
{
  GtkWidget *list_row = adw_action_row_new ();
  GtkWidget *end = gtk_button_new_with_mnemonic (_("_End"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), post);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (list_row), FALSE);
  if (row->id == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (list_row), _("New; saved with the person"));
  row->fte_entry = add_row_entry (ADW_ACTION_ROW (list_row), fte, _("FTE"), _("FTE, such as 0.5"), 5, self);
  /* Translators: an assignment's start date, as a placeholder */
  row->from_entry = add_row_entry (ADW_ACTION_ROW (list_row), from, C_("assignment", "From"),
                                   _("Starts on (YYYY-MM-DD); empty if not known"), 10, self);
  /* Translators: an assignment's end date, as a placeholder */
  row->to_entry = add_row_entry (ADW_ACTION_ROW (list_row), to, C_("assignment", "To"),
                                 _("Ends on (YYYY-MM-DD); empty while held"), 10, self);
  gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (end, _("End this assignment on the as-at date"));
  g_signal_connect_object (end, "clicked", G_CALLBACK (on_end_button_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), end);
  gtk_list_box_append (self->assignments_list, list_row);
  g_ptr_array_add (self->assignments, row);
}

static void
load_assignments (CydPersonDialog *self)
{
  g_autoptr(GPtrArray) list = cyd_person_load_assignments (get_store (self), self->id, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      CydAssignment *a = g_ptr_array_index (list, i);
      AssignmentRow *row = g_new0 (AssignmentRow, 1);
      g_autofree char *fte = cyd_fte_to_string (a->fte);

      row->id = a->id;
      row->post_id = a->post_id;
      row->original = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_hash_table_insert (row->original, (gpointer) "fte", g_strdup_printf ("%" G_GINT64_FORMAT, a->fte));
      g_hash_table_insert (row->original, (gpointer) "from_date", g_strdup (a->from_date));
      g_hash_table_insert (row->original, (gpointer) "to_date", g_strdup (a->to_date));
      append_assignment_row (self, row, a->post, fte, a->from_date, a->to_date);
    }
}

static void
fill_fields (CydPersonDialog *self)
{
  GHashTable *f = self->original;
  const char *language = g_hash_table_lookup (f, "preferred_language");

#define TEXT(column) (g_hash_table_lookup (f, column) != NULL ? (const char *) g_hash_table_lookup (f, column) : "")
  gtk_editable_set_text (self->number_entry, TEXT ("employee_number"));
  gtk_editable_set_text (self->given_entry, TEXT ("given_name"));
  gtk_editable_set_text (self->family_entry, TEXT ("family_name"));
  gtk_editable_set_text (self->grade_entry, TEXT ("grade"));
  gtk_editable_set_text (self->start_entry, TEXT ("start_date"));
  gtk_editable_set_text (self->left_entry, TEXT ("left_date"));
#undef TEXT
  cyd_edit_form_set_money (self->salary_entry, g_hash_table_lookup (f, "salary"));
  cyd_edit_form_set_money (self->on_costs_entry, g_hash_table_lookup (f, "on_costs"));
  gtk_drop_down_set_selected (self->language_dropdown,
                              g_strcmp0 (language, "en") == 0 ? 1 : g_strcmp0 (language, "cy") == 0 ? 2 : 0);
  cyd_edit_form_select_id (self->employer_dropdown, self->employer_ids, g_hash_table_lookup (f, "employer_id"));
}

static void
fill_choices (CydPersonDialog *self)
{
  g_autoptr(GPtrArray) employers = cyd_choices_load (get_store (self), CYD_CHOICE_COUNCIL, 0, NULL);
  g_autoptr(GPtrArray) posts = cyd_choices_load (get_store (self), CYD_CHOICE_POST, 0, NULL);

  self->employer_ids = cyd_edit_form_fill_choices (self->employer_dropdown, employers, NULL);
  /* Translators: in "Add an Assignment", no post chosen yet */
  self->post_ids = cyd_edit_form_fill_choices (self->new_post_dropdown, posts, C_("post", "Choose…"));
}

static char *
cyd_person_dialog_check (CydEditDialog *dialog)
{
  CydPersonDialog *self = CYD_PERSON_DIALOG (dialog);
  g_autofree char *pay = check_pay_and_dates (self);
  g_autofree char *assignments = check_assignments (self);
  g_autofree char *identity = check_identity (self);

  validate_new_assignment (self);
  if (identity != NULL)
    return g_steal_pointer (&identity);
  return pay != NULL ? g_steal_pointer (&pay) : g_steal_pointer (&assignments);
}

/* Saves the person and their assignments as one step. */
static gboolean
cyd_person_dialog_save (CydEditDialog  *dialog,
                        GError        **error)
{
  CydPersonDialog *self = CYD_PERSON_DIALOG (dialog);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(CydEdit) edit = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  guint person = 0;

  name = g_strdup_printf ("%s %s", gtk_editable_get_text (self->given_entry),
                          gtk_editable_get_text (self->family_entry));
  values = collect_values (self);
  /* Translators: %s is a person's name; the name of a step to undo */
  label = g_strdup_printf (self->id == 0 ? _("Add %s") : _("Edit %s"), name);
  edit = cyd_edit_new (label);
  if (self->id == 0)
    person = cyd_edit_form_add_insert (edit, "person", columns, values);
  else
    cyd_edit_form_add_updates (edit, "person", self->id, columns, values, self->original);
  add_assignment_edits (self, edit, person);
  /* Translators: %s is a person's name */
  message = g_strdup_printf (self->id == 0 ? _("%s added to the staff") : _("Changes to %s saved"), name);
  return cyd_edit_dialog_apply (dialog, edit, message, error);
}

static void
cyd_person_dialog_dispose (GObject *object)
{
  CydPersonDialog *self = CYD_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_PERSON_DIALOG);
  g_clear_pointer (&self->original, g_hash_table_unref);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_person_dialog_parent_class)->dispose (object);
}

static void
cyd_person_dialog_finalize (GObject *object)
{
  CydPersonDialog *self = CYD_PERSON_DIALOG (object);

  g_free (self->as_at);
  g_clear_pointer (&self->employer_ids, g_array_unref);
  g_clear_pointer (&self->post_ids, g_array_unref);

  G_OBJECT_CLASS (cyd_person_dialog_parent_class)->finalize (object);
}

static void
cyd_person_dialog_class_init (CydPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydEditDialogClass *dialog_class = CYD_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = cyd_person_dialog_dispose;
  object_class->finalize = cyd_person_dialog_finalize;
  dialog_class->check = cyd_person_dialog_check;
  dialog_class->save = cyd_person_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-person-dialog.ui");
  cyd_edit_dialog_class_bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, leaver_button);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, employer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, number_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, given_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, family_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, grade_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, salary_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, on_costs_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, start_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, left_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, assignments_list);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, new_post_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, new_fte_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, new_from_entry);
  gtk_widget_class_bind_template_child (widget_class, CydPersonDialog, add_assignment_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_leaver_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_assignment_clicked);
}

static void
cyd_person_dialog_init (CydPersonDialog *self)
{
  self->assignments = g_ptr_array_new_with_free_func (assignment_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_person_dialog_new:
 * @id: the person to edit, or 0 to add one
 * @as_at: the date "Leaver" and "End" use
 */
CydPersonDialog *
cyd_person_dialog_new (GtkWindow  *parent,
                       CydStore   *store,
                       gint64      id,
                       const char *as_at)
{
  CydPersonDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  self = g_object_new (CYD_TYPE_PERSON_DIALOG, "transient-for", parent, "store", store, NULL);
  self->as_at = g_strdup (as_at);
  self->filling = TRUE;
  fill_choices (self);
  if (id != 0)
    self->original = cyd_person_dup_fields (store, id, &error);
  if (self->original != NULL)
    {
      self->id = id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Member of Staff"));
      gtk_widget_set_visible (GTK_WIDGET (self->leaver_button), TRUE);
      fill_fields (self);
      load_assignments (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Member of Staff"));
      gtk_editable_set_text (self->start_entry, as_at);
    }
  gtk_editable_set_text (self->new_fte_entry, "1");
  gtk_editable_set_text (self->new_from_entry, as_at);
  self->filling = FALSE;
  validate (self);
  if (error != NULL)
    cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
  return self;
}

guint
cyd_person_dialog_get_n_assignments (CydPersonDialog *self)
{
  g_return_val_if_fail (CYD_IS_PERSON_DIALOG (self), 0);

  return self->assignments->len;
}

/* Adds the assignment of "Add an Assignment" to the list, to be saved with
 * the person. Returns: %FALSE when its fields are not valid */
gboolean
cyd_person_dialog_add_assignment (CydPersonDialog *self)
{
  AssignmentRow *row;
  guint selected;
  const char *post;
  g_autofree char *fte = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (CYD_IS_PERSON_DIALOG (self), FALSE);

  validate_new_assignment (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_assignment_button)))
    return FALSE;
  selected = gtk_drop_down_get_selected (self->new_post_dropdown);
  post = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (self->new_post_dropdown)), selected);
  fte = cyd_edit_form_dup_text (self->new_fte_entry);
  from = cyd_edit_form_dup_text (self->new_from_entry);
  row = g_new0 (AssignmentRow, 1);
  row->post_id = g_array_index (self->post_ids, gint64, selected);
  append_assignment_row (self, row, post, fte, from, NULL);
  gtk_drop_down_set_selected (self->new_post_dropdown, 0);
  validate (self);
  return TRUE;
}

/* Ends assignment @index on the as-at date (saved with the person). */
void
cyd_person_dialog_end_assignment (CydPersonDialog *self,
                                  guint            index)
{
  AssignmentRow *row;

  g_return_if_fail (CYD_IS_PERSON_DIALOG (self));
  g_return_if_fail (index < self->assignments->len);

  row = g_ptr_array_index (self->assignments, index);
  gtk_editable_set_text (row->to_entry, self->as_at);
}

/* Records that the person left on the as-at date, ending the assignments
 * still open then, and saves. */
gboolean
cyd_person_dialog_leaver (CydPersonDialog  *self,
                          GError          **error)
{
  g_return_val_if_fail (CYD_IS_PERSON_DIALOG (self), FALSE);
  g_return_val_if_fail (self->id != 0, FALSE);

  gtk_editable_set_text (self->left_entry, self->as_at);
  for (guint i = 0; i < self->assignments->len; i++)
    {
      AssignmentRow *row = g_ptr_array_index (self->assignments, i);
      g_autofree char *to = cyd_edit_form_dup_text (row->to_entry);
      g_autofree char *from = cyd_edit_form_dup_text (row->from_entry);

      if ((*to == '\0' || strcmp (to, self->as_at) > 0) && (*from == '\0' || strcmp (from, self->as_at) <= 0))
        gtk_editable_set_text (row->to_entry, self->as_at);
    }
  return cyd_edit_dialog_save (CYD_EDIT_DIALOG (self), error);
}
