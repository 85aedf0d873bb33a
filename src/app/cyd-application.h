/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CYD_TYPE_APPLICATION (cyd_application_get_type ())
G_DECLARE_FINAL_TYPE (CydApplication, cyd_application, CYD, APPLICATION, AdwApplication)

CydApplication *cyd_application_new (const char        *application_id,
                                     GApplicationFlags  flags);

G_END_DECLS
