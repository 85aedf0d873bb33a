/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Preferences: the interface language, stored in the GSettings key
 * "language". The application applies a change and rebuilds its windows. */
#define CYD_TYPE_PREFERENCES_WINDOW (cyd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CydPreferencesWindow, cyd_preferences_window, CYD, PREFERENCES_WINDOW, AdwPreferencesWindow)

CydPreferencesWindow *cyd_preferences_window_new (GtkWindow *parent);

const char *cyd_preferences_language_from_index (guint       index);
guint       cyd_preferences_language_to_index   (const char *language);

G_END_DECLS
