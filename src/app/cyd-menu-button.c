/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cyd-menu-button.h"

static void
give_menu (GtkMenuButton *button,
           gpointer       data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, data);
}

/**
 * cyd_menu_button_set_menu_when_opened:
 *
 * A menu button makes the popover of its menu, a widget for every item,
 * as soon as it is given the menu: @button is given @menu when it is first
 * opened, by pointer or by keyboard, not while its window is built.
 */
void
cyd_menu_button_set_menu_when_opened (GtkMenuButton *button,
                                      GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_create_popup_func (button, give_menu, g_object_ref (menu), g_object_unref);
}
