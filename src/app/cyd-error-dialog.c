/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd"

#include "config.h"

#include "cyd-error-dialog.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* Tells the user that something failed: the heading names the file or the
 * task, the body is the error's message, already worded for users. */
void
cyd_error_dialog_show (GtkApplication *application,
                       GtkWindow      *parent,
                       const char     *heading,
                       const char     *body)
{
  GtkWidget *dialog;

  g_return_if_fail (application == NULL || GTK_IS_APPLICATION (application));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  /* With no window left, the dialog keeps the application running. */
  if (application != NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), application);

  gtk_window_present (GTK_WINDOW (dialog));
}
