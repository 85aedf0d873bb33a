/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The interface language, chosen in Preferences (the GSettings key
 * "language": "system", "en" or "cy") and applied to the whole process:
 * gettext's LANGUAGE and the locale's messages, dates and numbers.
 * GtkBuilder translates a template when it loads, so a change of language
 * rebuilds Cyd's windows, on the same programme, page and date. */
void      cyd_language_init   (void);
gboolean  cyd_language_apply  (const char *setting);
GList    *cyd_language_rebuild_windows (GList *windows);

G_END_DECLS
