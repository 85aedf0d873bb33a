/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-list-binding.h"
#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_LIST_PAGE (cyd_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (CydListPage, cyd_list_page, CYD, LIST_PAGE, AdwBin)

/**
 * CydListPageClass:
 * @create_dialog: the dialog that edits record @id, or adds one when @id
 *   is 0; %NULL when the page edits nothing
 * @store_changed: the store changed records of @kinds (CydKind flags)
 *
 * A page whose heart is one list of records. Its template has a search
 * entry, a column view, a stack and a count label, with those ids.
 */
struct _CydListPageClass
{
  AdwBinClass parent_class;

  GtkWindow *(*create_dialog) (CydListPage *self,
                               GtkWindow   *parent,
                               CydStore    *store,
                               gint64       id);
  void       (*store_changed) (CydListPage *self,
                               guint        kinds);
};

/**
 * CydListPageFlags:
 * @CYD_LIST_PAGE_DATED: the list answers as at the page's date
 */
typedef enum {
  CYD_LIST_PAGE_NONE  = 0,
  CYD_LIST_PAGE_DATED = 1 << 0,
} CydListPageFlags;

void            cyd_list_page_class_bind_list (GtkWidgetClass   *widget_class);
CydListBinding *cyd_list_page_bind            (CydListPage      *self,
                                               GType             template_type,
                                               CydKind           kind,
                                               CydListPageFlags  flags);

CydListBinding *cyd_list_page_get_binding     (CydListPage      *self);
CydStore       *cyd_list_page_get_store       (CydListPage      *self);
void            cyd_list_page_set_store       (CydListPage      *self,
                                               CydStore         *store);
const char     *cyd_list_page_get_as_at       (CydListPage      *self);
void            cyd_list_page_set_as_at       (CydListPage      *self,
                                               const char       *as_at);
char           *cyd_list_page_dup_as_at       (CydListPage      *self);
gint64          cyd_list_page_get_selected_id (CydListPage      *self);
void            cyd_list_page_open            (CydListPage      *self,
                                               gint64            id);
void            cyd_list_page_present         (CydListPage      *self,
                                               GtkWindow        *dialog);
void            cyd_list_page_show_toast      (CydListPage      *self,
                                               const char       *message);

G_END_DECLS
