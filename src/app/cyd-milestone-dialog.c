/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-milestone-dialog.h"

#include <glib/gi18n.h>

#include "cyd-bilingual-entry.h"
#include "cyd-edit-form.h"

static const char * const kinds[] = { "milestone", "decision" };
static const char * const statuses[] = { "not-started", "in-progress", "done", "cancelled" };
static const CydRag rags[] = { CYD_RAG_NONE, CYD_RAG_RED, CYD_RAG_AMBER, CYD_RAG_GREEN };

struct _CydMilestoneDialog
{
  CydEditDialog      parent_instance;

  gint64             id;
  char              *as_at;
  guint              due_soon_days;
  CydMilestonePlan  *plan;
  guint              index;         /* in the plan, or CYD_MILESTONE_NO_CAUSE when new */
  GHashTable        *original;      /* column → text, when editing */
  GArray            *dep_ids;       /* gint64, one per row of dependencies_list */
  GPtrArray         *dep_checks;    /* GtkCheckButton, the same rows */
  GArray            *owner_ids;     /* gint64 person ids, one per owner_dropdown item; 0 for none */
  GArray            *service_line_ids;
  char              *slip_warning;

  /* Template widgets */
  GtkLabel          *warning_label;
  GtkEditable       *code_entry;
  GtkDropDown       *kind_dropdown;
  GtkEditable       *workstream_entry;
  GtkDropDown       *owner_dropdown;
  GtkDropDown       *service_line_dropdown;
  CydBilingualEntry *title_entry;
  GtkEditable       *due_entry;
  GtkDropDown       *status_dropdown;
  GtkEditable       *completed_entry;
  AdwActionRow      *rag_row;
  GtkDropDown       *rag_dropdown;
  AdwActionRow      *reason_row;
  GtkEditable       *reason_entry;
  GtkListBox        *dependencies_list;
};

G_DEFINE_FINAL_TYPE (CydMilestoneDialog, cyd_milestone_dialog, CYD_TYPE_EDIT_DIALOG)

static CydStore *
get_store (CydMilestoneDialog *self)
{
  return cyd_edit_dialog_get_store (CYD_EDIT_DIALOG (self));
}

static GArray *
selected_dependencies (CydMilestoneDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->dep_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->dep_checks, i)))
      g_array_append_val (ids, g_array_index (self->dep_ids, gint64, i));
  return ids;
}

static char *
check_fields (CydMilestoneDialog *self)
{
  g_autofree char *code = cyd_edit_form_dup_text (self->code_entry);
  g_autofree char *due = cyd_edit_form_dup_text (self->due_entry);
  g_autofree char *completed = cyd_edit_form_dup_text (self->completed_entry);
  g_autofree char *reason = cyd_edit_form_dup_text (self->reason_entry);
  g_autofree char *en = g_strstrip (g_strdup (cyd_bilingual_entry_get_text_en (self->title_entry)));
  g_autofree char *cy = g_strstrip (g_strdup (cyd_bilingual_entry_get_text_cy (self->title_entry)));
  guint other;

  if (*code == '\0')
    return g_strdup (_("Give the milestone a code."));
  other = cyd_milestone_plan_find_code (self->plan, code);
  if (other != CYD_MILESTONE_NO_CAUSE && other != self->index)
    return g_strdup_printf (_("Another milestone already has the code “%s”."), code);
  if (*en == '\0' && *cy == '\0')
    return g_strdup (_("Give the milestone a title in English or Welsh."));
  if (!cyd_date_is_valid_iso (due))
    return g_strdup (_("Write the due date as YYYY-MM-DD, such as 2014-04-01."));
  if (*completed != '\0' && !cyd_date_is_valid_iso (completed))
    return g_strdup (_("Write the completion date as YYYY-MM-DD, or leave it empty."));
  if (gtk_drop_down_get_selected (self->rag_dropdown) > 0 && *reason == '\0')
    return g_strdup (_("Give a reason for setting the RAG rating by hand."));
  return NULL;
}

static char *
check_dependencies (CydMilestoneDialog *self)
{
  g_autoptr(GArray) deps = selected_dependencies (self);
  g_autofree char *code = cyd_edit_form_dup_text (self->code_entry);
  g_autoptr(GError) error = NULL;

  if (!cyd_milestone_plan_check_dependencies (self->plan, self->id, code, (gint64 *) deps->data, deps->len,
                                              &error))
    return g_strdup (error->message);
  return NULL;
}

static char *
check_slip (CydMilestoneDialog *self)
{
  g_autofree char *due = cyd_edit_form_dup_text (self->due_entry);
  g_autofree char *due_text = NULL;
  g_autofree char *joined = NULL;
  g_autoptr(GPtrArray) codes = NULL;

  if (self->index == CYD_MILESTONE_NO_CAUSE || !cyd_date_is_valid_iso (due)
      || g_strcmp0 (due, cyd_milestone_plan_get_due (self->plan, self->index)) == 0)
    return NULL;
  codes = cyd_milestone_plan_slip (self->plan, self->index, due);
  if (codes->len == 0)
    return NULL;
  g_ptr_array_add (codes, NULL);
  joined = g_strjoinv (", ", (char **) codes->pdata);
  due_text = cyd_date_format (due);
  return g_strdup_printf (ngettext ("Moving the due date to %s puts this milestone at risk: %s.",
                                    "Moving the due date to %s puts these milestones at risk: %s.",
                                    codes->len - 1),
                          due_text, joined);
}

static void
validate (CydMilestoneDialog *self)
{
  cyd_edit_dialog_validate (CYD_EDIT_DIALOG (self));
}

/* The columns the dialog edits, with their new values. */
static GHashTable *
collect_values (CydMilestoneDialog *self)
{
  GHashTable *values = cyd_edit_form_values_new ();
  CydRag rag = rags[gtk_drop_down_get_selected (self->rag_dropdown)];

  cyd_edit_form_put (values, "code", cyd_edit_form_text_value (self->code_entry));
  cyd_edit_form_put (values, "title_en", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->title_entry, "en")));
  cyd_edit_form_put (values, "title_cy", cyd_edit_form_text_value (cyd_bilingual_entry_get_entry (self->title_entry, "cy")));
  cyd_edit_form_put (values, "kind", g_variant_new_string (kinds[MIN (gtk_drop_down_get_selected (self->kind_dropdown), 1)]));
  cyd_edit_form_put (values, "workstream", cyd_edit_form_text_value (self->workstream_entry));
  cyd_edit_form_put (values, "due", cyd_edit_form_text_value (self->due_entry));
  cyd_edit_form_put (values, "completed", cyd_edit_form_text_value (self->completed_entry));
  cyd_edit_form_put (values, "status",
                     g_variant_new_string (statuses[MIN (gtk_drop_down_get_selected (self->status_dropdown), 3)]));
  cyd_edit_form_put (values, "rag", rag != CYD_RAG_NONE ? g_variant_new_string (cyd_rag_to_string (rag)) : NULL);
  cyd_edit_form_put (values, "rag_reason", rag != CYD_RAG_NONE ? cyd_edit_form_text_value (self->reason_entry) : NULL);
  return values;
}

static void
add_insert (CydMilestoneDialog *self,
            CydEdit            *edit,
            GHashTable         *values,
            GArray             *deps)
{
  static const char * const columns[] = {
    "code", "title_en", "title_cy", "kind", "workstream", "due", "completed", "status", "rag", "rag_reason", NULL
  };
  guint insert = cyd_edit_form_add_insert (edit, "milestone", columns, values);
  gint64 owner = cyd_edit_form_selected_id (self->owner_dropdown, self->owner_ids);
  gint64 service_line = cyd_edit_form_selected_id (self->service_line_dropdown, self->service_line_ids);
  if (owner != 0)
    cyd_edit_set (edit, insert, "owner_id", g_variant_new_int64 (owner));
  if (service_line != 0)
    cyd_edit_set (edit, insert, "service_line_id", g_variant_new_int64 (service_line));
  for (guint i = 0; i < deps->len; i++)
    {
      guint link = cyd_edit_insert (edit, "milestone_dependency");

      cyd_edit_set_inserted_id (edit, link, "milestone_id", insert);
      cyd_edit_set (edit, link, "depends_on_id", g_variant_new_int64 (g_array_index (deps, gint64, i)));
    }
}

/* Updates @column to the drop-down's row id (NULL for none) when it changed. */
static void
add_id_update (CydMilestoneDialog *self,
               CydEdit            *edit,
               const char         *column,
               GtkDropDown        *dropdown,
               GArray             *ids)
{
  const char *old = g_hash_table_lookup (self->original, column);
  gint64 before = old != NULL ? g_ascii_strtoll (old, NULL, 10) : 0;
  gint64 after = cyd_edit_form_selected_id (dropdown, ids);

  if (after != before)
    cyd_edit_update (edit, "milestone", self->id, column, after != 0 ? g_variant_new_int64 (after) : NULL);
}

static void
add_updates (CydMilestoneDialog *self,
             CydEdit            *edit,
             GHashTable         *values)
{
  /* An override's reason goes after the rating when one is set, before it
   * when it is cleared, so the row always passes its CHECK. */
  gboolean clearing = g_hash_table_lookup (values, "rag") == NULL;
  const char *columns[] = {
    "code", "title_en", "title_cy", "kind", "workstream", "due", "completed", "status",
    clearing ? "rag_reason" : "rag", clearing ? "rag" : "rag_reason", NULL
  };

  cyd_edit_form_add_updates (edit, "milestone", self->id, columns, values, self->original);
  add_id_update (self, edit, "owner_id", self->owner_dropdown, self->owner_ids);
  add_id_update (self, edit, "service_line_id", self->service_line_dropdown, self->service_line_ids);
}

static void
on_field_changed (CydMilestoneDialog *self)
{
  validate (self);
}

static void
add_dependency_row (CydMilestoneDialog *self,
                    guint               i,
                    gboolean            active)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", cyd_milestone_plan_get_code (self->plan, i),
                                            cyd_milestone_plan_get_title (self->plan, i));
  g_autofree char *due = cyd_date_format (cyd_milestone_plan_get_due (self->plan, i));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gint64 id = cyd_milestone_plan_get_id (self->plan, i);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), due);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->dependencies_list, row);
  g_array_append_val (self->dep_ids, id);
  g_ptr_array_add (self->dep_checks, check);
}

static void
fill_dependencies (CydMilestoneDialog *self)
{
  g_autoptr(GHashTable) current = g_hash_table_new (NULL, NULL);

  if (self->index != CYD_MILESTONE_NO_CAUSE)
    {
      guint n = 0;
      const guint *deps = cyd_milestone_plan_get_dependencies (self->plan, self->index, &n);

      for (guint j = 0; j < n; j++)
        g_hash_table_add (current, GUINT_TO_POINTER (deps[j] + 1));
    }
  for (guint i = 0; i < cyd_milestone_plan_get_n (self->plan); i++)
    if (i != self->index)
      add_dependency_row (self, i, g_hash_table_contains (current, GUINT_TO_POINTER (i + 1)));
}

static guint
index_of (const char * const *values,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static const char *
rag_label (CydRag rag)
{
  switch (rag)
    {
    case CYD_RAG_RED: return C_("RAG", "Red");
    case CYD_RAG_AMBER: return C_("RAG", "Amber");
    case CYD_RAG_GREEN:
    case CYD_RAG_NONE:
    default: return C_("RAG", "Green");
    }
}

static void
fill_fields (CydMilestoneDialog *self)
{
  GHashTable *f = self->original;
  g_autofree char *rag_text = NULL;
  g_autofree char *subtitle = NULL;
  CydRag rag;

#define TEXT(column) (g_hash_table_lookup (f, column) != NULL ? (const char *) g_hash_table_lookup (f, column) : "")
  gtk_editable_set_text (self->code_entry, TEXT ("code"));
  cyd_bilingual_entry_set_text_en (self->title_entry, TEXT ("title_en"));
  cyd_bilingual_entry_set_text_cy (self->title_entry, TEXT ("title_cy"));
  gtk_editable_set_text (self->workstream_entry, TEXT ("workstream"));
  gtk_editable_set_text (self->due_entry, TEXT ("due"));
  gtk_editable_set_text (self->completed_entry, TEXT ("completed"));
  gtk_editable_set_text (self->reason_entry, TEXT ("rag_reason"));
#undef TEXT
  gtk_drop_down_set_selected (self->kind_dropdown, index_of (kinds, 2, g_hash_table_lookup (f, "kind")));
  gtk_drop_down_set_selected (self->status_dropdown, index_of (statuses, 4, g_hash_table_lookup (f, "status")));
  cyd_edit_form_select_id (self->owner_dropdown, self->owner_ids, g_hash_table_lookup (f, "owner_id"));
  cyd_edit_form_select_id (self->service_line_dropdown, self->service_line_ids,
                           g_hash_table_lookup (f, "service_line_id"));
  rag = cyd_rag_from_string (g_hash_table_lookup (f, "rag"));
  for (guint i = 0; i < G_N_ELEMENTS (rags); i++)
    if (rags[i] == rag)
      gtk_drop_down_set_selected (self->rag_dropdown, i);

  rag_text = cyd_milestone_plan_dup_rag_text (self->plan, self->index);
  /* Translators: the RAG rating as computed, e.g. "Now Red: Overdue: it was due on 1 April 2014" */
  subtitle = g_strdup_printf (_("Now %s: %s"),
                              rag_label (cyd_milestone_plan_get_rag (self->plan, self->index)), rag_text);
  adw_action_row_set_subtitle (self->rag_row, subtitle);
}

static void
fill_choices (CydMilestoneDialog *self)
{
  g_autoptr(GPtrArray) people = cyd_choices_load (get_store (self), CYD_CHOICE_PERSON, 0, NULL);
  g_autoptr(GPtrArray) service_lines = cyd_choices_load (get_store (self), CYD_CHOICE_SERVICE_LINE, 0, NULL);

  self->owner_ids = cyd_edit_form_fill_choices (self->owner_dropdown, people, C_("milestone owner", "No owner"));
  self->service_line_ids = cyd_edit_form_fill_choices (self->service_line_dropdown, service_lines,
                                                       C_("service line", "None"));
}

static char *
cyd_milestone_dialog_check (CydEditDialog *dialog)
{
  CydMilestoneDialog *self = CYD_MILESTONE_DIALOG (dialog);
  char *problem = check_fields (self);

  if (problem == NULL)
    problem = check_dependencies (self);
  g_free (self->slip_warning);
  self->slip_warning = check_slip (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), gtk_drop_down_get_selected (self->rag_dropdown) > 0);
  cyd_edit_form_show_message (self->warning_label, self->slip_warning);
  return problem;
}

static gboolean
cyd_milestone_dialog_save (CydEditDialog  *dialog,
                           GError        **error)
{
  CydMilestoneDialog *self = CYD_MILESTONE_DIALOG (dialog);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GArray) deps = NULL;
  g_autoptr(CydEdit) edit = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;

  code = cyd_edit_form_dup_text (self->code_entry);
  values = collect_values (self);
  deps = selected_dependencies (self);
  /* Translators: %s is a milestone's code; the name of a step to undo */
  label = g_strdup_printf (self->id == 0 ? _("Add Milestone %s") : _("Edit Milestone %s"), code);
  edit = cyd_edit_new (label);
  if (self->id == 0)
    add_insert (self, edit, values, deps);
  else
    {
      add_updates (self, edit, values);
      if (!cyd_milestone_edit_dependencies (get_store (self), edit, self->id, (gint64 *) deps->data, deps->len, error))
        return FALSE;
    }

  /* Translators: %s is a milestone's code */
  message = g_strdup_printf (self->id == 0 ? _("Milestone %s added") : _("Milestone %s saved"), code);
  if (self->slip_warning != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s. %s", message, self->slip_warning);

      g_free (message);
      message = g_steal_pointer (&both);
    }
  return cyd_edit_dialog_apply (dialog, edit, message, error);
}

static void
cyd_milestone_dialog_dispose (GObject *object)
{
  CydMilestoneDialog *self = CYD_MILESTONE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYD_TYPE_MILESTONE_DIALOG);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->original, g_hash_table_unref);
  g_clear_pointer (&self->dep_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (cyd_milestone_dialog_parent_class)->dispose (object);
}

static void
cyd_milestone_dialog_finalize (GObject *object)
{
  CydMilestoneDialog *self = CYD_MILESTONE_DIALOG (object);

  g_free (self->as_at);
  g_free (self->slip_warning);
  g_array_unref (self->dep_ids);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->service_line_ids, g_array_unref);

  G_OBJECT_CLASS (cyd_milestone_dialog_parent_class)->finalize (object);
}

static void
cyd_milestone_dialog_class_init (CydMilestoneDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CydEditDialogClass *dialog_class = CYD_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = cyd_milestone_dialog_dispose;
  object_class->finalize = cyd_milestone_dialog_finalize;
  dialog_class->check = cyd_milestone_dialog_check;
  dialog_class->save = cyd_milestone_dialog_save;

  g_type_ensure (CYD_TYPE_BILINGUAL_ENTRY);
  gtk_widget_class_set_template_from_resource (widget_class, "/cymru/cyd/Cyd/cyd-milestone-dialog.ui");
  cyd_edit_dialog_class_bind_form (widget_class);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, warning_label);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, workstream_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, service_line_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, due_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, completed_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, rag_row);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, rag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CydMilestoneDialog, dependencies_list);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
cyd_milestone_dialog_init (CydMilestoneDialog *self)
{
  self->index = CYD_MILESTONE_NO_CAUSE;
  self->dep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->dep_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cyd_milestone_dialog_new:
 * @id: the milestone to edit, or 0 to add one
 * @as_at: the date milestones are rated as at
 */
CydMilestoneDialog *
cyd_milestone_dialog_new (GtkWindow  *parent,
                          CydStore   *store,
                          gint64      id,
                          const char *as_at,
                          guint       due_soon_days)
{
  CydMilestoneDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CYD_IS_STORE (store), NULL);
  g_return_val_if_fail (as_at != NULL, NULL);

  self = g_object_new (CYD_TYPE_MILESTONE_DIALOG, "transient-for", parent, "store", store, NULL);
  self->id = id;
  self->as_at = g_strdup (as_at);
  self->due_soon_days = due_soon_days;
  self->plan = cyd_milestone_plan_load (store, &error);
  if (self->plan == NULL)
    {
      self->plan = cyd_milestone_plan_new ();
      cyd_edit_dialog_show_message (CYD_EDIT_DIALOG (self), error->message);
    }
  cyd_milestone_plan_compute (self->plan, as_at, due_soon_days);
  fill_choices (self);

  if (id != 0)
    {
      self->index = cyd_milestone_plan_find (self->plan, id);
      self->original = cyd_milestone_dup_fields (store, id, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Milestone"));
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Add Milestone"));
  if (self->original == NULL || self->index == CYD_MILESTONE_NO_CAUSE)
    {
      g_clear_pointer (&self->original, g_hash_table_unref);
      self->id = 0;
      self->index = CYD_MILESTONE_NO_CAUSE;
      gtk_editable_set_text (self->due_entry, as_at);
    }
  else
    fill_fields (self);
  fill_dependencies (self);
  validate (self);
  return self;
}
