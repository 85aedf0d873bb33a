/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-edit.h"
#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_EDIT_DIALOG (cyd_edit_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (CydEditDialog, cyd_edit_dialog, CYD, EDIT_DIALOG, AdwWindow)

/**
 * CydEditDialogClass:
 * @check: the first problem with the fields, or %NULL; marks the fields
 *   at fault
 * @save: saves the fields, once checked, through cyd_edit_dialog_apply()
 *
 * A dialog that edits one record of a store. Its template has a label
 * "error_label" for problems, and a save button whose "clicked" calls
 * the handler "on_save_button_clicked"; buttons bind "sensitive" to
 * the dialog's "valid".
 */
struct _CydEditDialogClass
{
  AdwWindowClass parent_class;

  char     *(*check) (CydEditDialog  *self);
  gboolean  (*save)  (CydEditDialog  *self,
                      GError        **error);
};

void      cyd_edit_dialog_class_bind_form (GtkWidgetClass  *widget_class);

CydStore *cyd_edit_dialog_get_store       (CydEditDialog   *self);
gboolean  cyd_edit_dialog_get_valid       (CydEditDialog   *self);
void      cyd_edit_dialog_validate        (CydEditDialog   *self);
void      cyd_edit_dialog_show_message    (CydEditDialog   *self,
                                           const char      *message);
gboolean  cyd_edit_dialog_apply           (CydEditDialog   *self,
                                           CydEdit         *edit,
                                           const char      *message,
                                           GError         **error);
gboolean  cyd_edit_dialog_save_row        (CydEditDialog       *self,
                                           const char          *table,
                                           gint64               id,
                                           const char * const  *columns,
                                           GHashTable          *values,
                                           GHashTable          *original,
                                           const char          *undo_label,
                                           const char          *message,
                                           GError             **error);
gboolean  cyd_edit_dialog_save            (CydEditDialog   *self,
                                           GError         **error);

G_END_DECLS
