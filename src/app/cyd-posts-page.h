/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-list-page.h"

G_BEGIN_DECLS

#define CYD_TYPE_POSTS_PAGE (cyd_posts_page_get_type ())
G_DECLARE_FINAL_TYPE (CydPostsPage, cyd_posts_page, CYD, POSTS_PAGE, CydListPage)

G_END_DECLS
