/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cyd-budget.h"
#include "cyd-store.h"

G_BEGIN_DECLS

#define CYD_TYPE_BUDGETS_PAGE (cyd_budgets_page_get_type ())
G_DECLARE_FINAL_TYPE (CydBudgetsPage, cyd_budgets_page, CYD, BUDGETS_PAGE, AdwBin)

CydStore *cyd_budgets_page_get_store (CydBudgetsPage *self);
void      cyd_budgets_page_set_store (CydBudgetsPage *self,
                                      CydStore       *store);
CydBudget *cyd_budgets_page_get_budget (CydBudgetsPage *self);

G_END_DECLS
