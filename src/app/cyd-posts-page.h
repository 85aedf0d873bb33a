/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_POSTS_PAGE (cyd_posts_page_get_type ())
G_DECLARE_FINAL_TYPE (CydPostsPage, cyd_posts_page, CYD, POSTS_PAGE, AdwBin)

CydStore *cyd_posts_page_get_store (CydPostsPage *self);
void      cyd_posts_page_set_store (CydPostsPage *self,
                                    CydStore     *store);
void      cyd_posts_page_set_as_at (CydPostsPage *self,
                                    const char   *as_at);

G_END_DECLS
