/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cyd-cell-text.h"
#include "cyd-list-model.h"
#include "cyd-post.h"

G_BEGIN_DECLS

#define CYD_TYPE_LIST_BINDING (cyd_list_binding_get_type ())
G_DECLARE_FINAL_TYPE (CydListBinding, cyd_list_binding, CYD, LIST_BINDING, GObject)

CydListBinding *cyd_list_binding_new          (CydKind         kind,
                                               GtkSearchEntry *search_entry,
                                               GtkColumnView  *column_view,
                                               GtkStack       *stack,
                                               GtkLabel       *count_label);
CydStore       *cyd_list_binding_get_store    (CydListBinding *self);
void            cyd_list_binding_set_store    (CydListBinding *self,
                                               CydStore       *store);
CydListModel   *cyd_list_binding_get_model    (CydListBinding *self);
void            cyd_list_binding_focus_search (CydListBinding *self);

void            cyd_list_binding_add_choice_filter (CydListBinding *self,
                                                    GtkDropDown    *dropdown,
                                                    const char     *key,
                                                    CydChoiceKind   choice,
                                                    const char     *all_label);

void            cyd_list_binding_set_text_cell (CydListBinding *self,
                                                const char     *key,
                                                CydCellKind     kind,
                                                guint           chars);

void            cyd_list_binding_set_as_at  (CydListBinding *self,
                                             const char     *as_at);
void            cyd_list_binding_set_filter (CydListBinding *self,
                                             const char     *key,
                                             const char     *value);

G_END_DECLS
