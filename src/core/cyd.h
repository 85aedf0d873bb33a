/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-date.h"
#include "cyd-edit.h"
#include "cyd-exporter.h"
#include "cyd-importer.h"
#include "cyd-kind.h"
#include "cyd-list-model.h"
#include "cyd-money.h"
#include "cyd-record.h"
#include "cyd-store.h"

const char *cyd_ui_language (void);
