/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd-audit.h"
#include "cyd-date.h"
#include "cyd-edit.h"
#include "cyd-exporter.h"
#include "cyd-importer.h"
#include "cyd-kind.h"
#include "cyd-list-model.h"
#include "cyd-milestone.h"
#include "cyd-money.h"
#include "cyd-post.h"
#include "cyd-record.h"
#include "cyd-store.h"
#include "cyd-timeline.h"
#include "cyd-structure.h"
#include "cyd-welsh-gaps.h"

const char *cyd_ui_language (void);
