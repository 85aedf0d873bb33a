/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-edit-dialog.h"

#include "cyd-edit-form.h"

/* What every dialog that edits a record shares: its store, whether its
 * fields can be saved ("valid"), the label that says what is wrong, and
 * the "saved" signal with the message the window shows as a toast. */

typedef struct
{
  CydStore *store;
  gboolean  valid;
} CydEditDialogPrivate;

enum {
  PROP_0,
  PROP_STORE,
  PROP_VALID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (CydEditDialog, cyd_edit_dialog, ADW_TYPE_WINDOW)

static GtkLabel *
get_error_label (CydEditDialog *self)
{
  return GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), "error_label"));
}

static void
on_save_button_clicked (CydEditDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cyd_edit_dialog_save (self, &error))
    cyd_edit_dialog_show_message (self, error->message);
}

static void
cyd_edit_dialog_dispose (GObject *object)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (CYD_EDIT_DIALOG (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (cyd_edit_dialog_parent_class)->dispose (object);
}

static void
cyd_edit_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CydEditDialog *self = CYD_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, cyd_edit_dialog_get_store (self));
      break;

    case PROP_VALID:
      g_value_set_boolean (value, cyd_edit_dialog_get_valid (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_edit_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (CYD_EDIT_DIALOG (object));

  switch (prop_id)
    {
    case PROP_STORE:
      priv->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cyd_edit_dialog_class_init (CydEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cyd_edit_dialog_dispose;
  object_class->get_property = cyd_edit_dialog_get_property;
  object_class->set_property = cyd_edit_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CYD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* The fields can be saved. */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CydEditDialog::saved:
   * @message: what was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cyd_edit_dialog_init (CydEditDialog *self)
{
}

/**
 * cyd_edit_dialog_class_bind_form:
 *
 * Declares the template's "error_label" and "save_button", and binds the handler
 * "on_save_button_clicked", for a subclass's class_init after it sets
 * its template.
 */
void
cyd_edit_dialog_class_bind_form (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), CYD_TYPE_EDIT_DIALOG));

  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked);
}

CydStore *
cyd_edit_dialog_get_store (CydEditDialog *self)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_EDIT_DIALOG (self), NULL);

  return priv->store;
}

gboolean
cyd_edit_dialog_get_valid (CydEditDialog *self)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_EDIT_DIALOG (self), FALSE);

  return priv->valid;
}

/* Checks the fields, and says what is wrong with them, if anything. */
void
cyd_edit_dialog_validate (CydEditDialog *self)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (self);
  g_autofree char *problem = NULL;
  gboolean valid;

  g_return_if_fail (CYD_IS_EDIT_DIALOG (self));

  problem = CYD_EDIT_DIALOG_GET_CLASS (self)->check (self);
  cyd_edit_dialog_show_message (self, problem);
  valid = problem == NULL;
  if (valid == priv->valid)
    return;
  priv->valid = valid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

/* Shows @message under the fields, or hides the label when %NULL. */
void
cyd_edit_dialog_show_message (CydEditDialog *self,
                              const char    *message)
{
  GtkLabel *label;

  g_return_if_fail (CYD_IS_EDIT_DIALOG (self));

  label = get_error_label (self);
  if (label != NULL)
    cyd_edit_form_show_message (label, message);
}

/* Applies @edit through cyd_store_apply() (so it can be undone), unless
 * it changes nothing; then emits "saved" with @message and closes. */
gboolean
cyd_edit_dialog_apply (CydEditDialog  *self,
                       CydEdit        *edit,
                       const char     *message,
                       GError        **error)
{
  CydEditDialogPrivate *priv = cyd_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (CYD_IS_EDIT_DIALOG (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!cyd_edit_is_empty (edit) && !cyd_store_apply (priv->store, edit, error))
    return FALSE;
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* Adds a row of @table with @values, or when @id is not 0 updates the
 * columns of row @id that differ from @original; then applies it as
 * cyd_edit_dialog_apply() does, as the step @undo_label. */
gboolean
cyd_edit_dialog_save_row (CydEditDialog       *self,
                          const char          *table,
                          gint64               id,
                          const char * const  *columns,
                          GHashTable          *values,
                          GHashTable          *original,
                          const char          *undo_label,
                          const char          *message,
                          GError             **error)
{
  g_autoptr(CydEdit) edit = NULL;

  g_return_val_if_fail (CYD_IS_EDIT_DIALOG (self), FALSE);
  g_return_val_if_fail (id == 0 || original != NULL, FALSE);

  edit = cyd_edit_new (undo_label);
  if (id == 0)
    cyd_edit_form_add_insert (edit, table, columns, values);
  else
    cyd_edit_form_add_updates (edit, table, id, columns, values, original);
  return cyd_edit_dialog_apply (self, edit, message, error);
}

/* Checks the fields and, when they can be saved, saves them, emits
 * "saved" and closes the dialog. */
gboolean
cyd_edit_dialog_save (CydEditDialog  *self,
                      GError        **error)
{
  g_return_val_if_fail (CYD_IS_EDIT_DIALOG (self), FALSE);

  cyd_edit_dialog_validate (self);
  if (!cyd_edit_dialog_get_valid (self))
    {
      g_set_error_literal (error, CYD_STORE_ERROR, CYD_STORE_ERROR_REFUSED,
                           gtk_label_get_label (get_error_label (self)));
      return FALSE;
    }
  return CYD_EDIT_DIALOG_GET_CLASS (self)->save (self, error);
}
