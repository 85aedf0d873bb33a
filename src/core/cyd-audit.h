/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cyd-store.h"

G_BEGIN_DECLS

/* The audit trail (audit_log), newest first, as a GListModel of
 * CydAuditEntry fetched a page at a time. It follows the store: every
 * write adds rows at the top. Texts are ready to show in the interface
 * language: "at" as a date and time, "kind" a translated noun, "record"
 * the row's code or name, "changes" one "field: before → after" a line. */

#define CYD_TYPE_AUDIT_ENTRY (cyd_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (CydAuditEntry, cyd_audit_entry, CYD, AUDIT_ENTRY, GObject)

const char *cyd_audit_entry_get_at      (CydAuditEntry *self);
const char *cyd_audit_entry_get_user    (CydAuditEntry *self);
const char *cyd_audit_entry_get_step    (CydAuditEntry *self);
const char *cyd_audit_entry_get_kind    (CydAuditEntry *self);
const char *cyd_audit_entry_get_record  (CydAuditEntry *self);
const char *cyd_audit_entry_get_changes (CydAuditEntry *self);

#define CYD_TYPE_AUDIT_MODEL (cyd_audit_model_get_type ())
G_DECLARE_FINAL_TYPE (CydAuditModel, cyd_audit_model, CYD, AUDIT_MODEL, GObject)

CydAuditModel *cyd_audit_model_new     (CydStore      *store);
void           cyd_audit_model_refresh (CydAuditModel *self);

G_END_DECLS
