/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A text held in both languages, edited side by side: an English and a
 * Welsh entry, labelled "English" and "Cymraeg". Use it in a dialog's .ui:
 *
 *   <object class="CydBilingualEntry" id="name_entry">
 *     <property name="label" translatable="yes">Name</property>
 *   </object>
 *
 * and read or bind "text-en" and "text-cy" (never %NULL; "" when empty). */
#define CYD_TYPE_BILINGUAL_ENTRY (cyd_bilingual_entry_get_type ())
G_DECLARE_FINAL_TYPE (CydBilingualEntry, cyd_bilingual_entry, CYD, BILINGUAL_ENTRY, AdwBin)

GtkWidget  *cyd_bilingual_entry_new          (void);
const char *cyd_bilingual_entry_get_label    (CydBilingualEntry *self);
void        cyd_bilingual_entry_set_label    (CydBilingualEntry *self,
                                              const char        *label);
const char *cyd_bilingual_entry_get_text_en  (CydBilingualEntry *self);
void        cyd_bilingual_entry_set_text_en  (CydBilingualEntry *self,
                                              const char        *text);
const char *cyd_bilingual_entry_get_text_cy  (CydBilingualEntry *self);
void        cyd_bilingual_entry_set_text_cy  (CydBilingualEntry *self,
                                              const char        *text);
GtkEditable *cyd_bilingual_entry_get_entry   (CydBilingualEntry *self,
                                              const char        *language);

G_END_DECLS
