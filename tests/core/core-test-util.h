/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"

G_BEGIN_DECLS

const char *core_test_dir       (void);
CydStore   *core_test_open_demo (const char *name);
int         core_test_run       (void);

G_END_DECLS
