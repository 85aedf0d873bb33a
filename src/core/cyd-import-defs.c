/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-import"

#include "config.h"

#include "cyd-import-defs.h"

static const char * const council_kinds[] = { "council", "health-board", "other", NULL };
static const char * const directorate_kinds[] = { "legacy", "merged", NULL };
static const char * const deliveries[] = { "in-house", "commissioned", "jointly-commissioned", NULL };
static const char * const stages[] = { "separate", "aligned", "integrated", NULL };
static const char * const methods[] = { "slot-in", "ring-fenced", "open-competition", "deleted", "tupe", NULL };
static const char * const languages[] = { "en", "cy", NULL };
static const char * const categories[] = { "employees", "premises", "transport", "supplies-and-services",
                                            "third-party-payments", "support-services", "income", NULL };
static const char * const saving_statuses[] = { "planned", "on-track", "at-risk", "achieved", "dropped", NULL };
static const char * const milestone_kinds[] = { "milestone", "decision", NULL };
static const char * const milestone_statuses[] = { "not-started", "in-progress", "done", "cancelled", NULL };
static const char * const rags[] = { "red", "amber", "green", NULL };

#define KEY FIELD_KEY | FIELD_REQUIRED
#define REQ FIELD_REQUIRED

static const FieldDef council_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "population", "population", FIELD_INT, 0 },
  { "kind", "kind", FIELD_ENUM, 0, council_kinds, NULL, "council" },
  { NULL }
};

static const FieldDef directorate_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "kind", "kind", FIELD_ENUM, REQ, directorate_kinds },
  { "council", "council_id", FIELD_REF, 0, NULL, "council" },
  { NULL }
};

static const FieldDef service_line_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "parent", "parent_id", FIELD_SELF_REF, 0, NULL, "service_line" },
  { "delivery", "delivery", FIELD_ENUM, 0, deliveries },
  { NULL }
};

static const FieldDef stage_fields[] = {
  { "stage", "stage", FIELD_ENUM, REQ, stages },
  { "effective", "effective", FIELD_DATE, REQ },
  { NULL }
};

static const ChildDef service_line_children[] = {
  { "stage", CHILD_STAGE, stage_fields },
  { NULL }
};

static const FieldDef post_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "directorate", "directorate_id", FIELD_REF, REQ, NULL, "directorate" },
  { "service-line", "service_line_id", FIELD_REF, REQ, NULL, "service_line" },
  { "reports-to", "reports_to_id", FIELD_SELF_REF, 0, NULL, "post" },
  { "grade", "grade", FIELD_TEXT, 0 },
  { "fte", "fte", FIELD_FTE, 0, NULL, NULL, "10000" },
  { "annual-cost", "annual_cost", FIELD_MONEY, 0 },
  { "established-from", "established_from", FIELD_DATE, 0 },
  { "established-to", "established_to", FIELD_DATE, 0 },
  { NULL }
};

static const FieldDef dotted_line_fields[] = {
  { "post", "manager_id", FIELD_SELF_REF, REQ, NULL, "post" },
  { NULL }
};

static const FieldDef mapping_fields[] = {
  { "post", "target_id", FIELD_SELF_REF, REQ, NULL, "post" },
  { "method", "method", FIELD_ENUM, REQ, methods },
  { "effective", "effective", FIELD_DATE, REQ },
  { NULL }
};

static const ChildDef post_children[] = {
  { "also-reports-to", CHILD_DOTTED_LINE, dotted_line_fields },
  { "maps-to", CHILD_MAPPING, mapping_fields },
  { NULL }
};

static const FieldDef person_fields[] = {
  { "employee-number", "employee_number", FIELD_CODE, KEY },
  { "employer", "employer_id", FIELD_REF, KEY, NULL, "council" },
  { "given-name", "given_name", FIELD_TEXT, REQ },
  { "family-name", "family_name", FIELD_TEXT, REQ },
  { "preferred-language", "preferred_language", FIELD_ENUM, 0, languages },
  { "grade", "grade", FIELD_TEXT, 0 },
  { "salary", "salary", FIELD_MONEY, 0 },
  { "on-costs", "on_costs", FIELD_MONEY, 0 },
  { "start-date", "start_date", FIELD_DATE, 0 },
  { "left-date", "left_date", FIELD_DATE, 0 },
  { NULL }
};

static const FieldDef assignment_fields[] = {
  { "post", "post_id", FIELD_REF, REQ, NULL, "post" },
  { "fte", "fte", FIELD_FTE, 0, NULL, NULL, "10000" },
  { "from", "from_date", FIELD_DATE, 0 },
  { "to", "to_date", FIELD_DATE, 0 },
  { NULL }
};

static const ChildDef person_children[] = {
  { "assignment", CHILD_ASSIGNMENT, assignment_fields },
  { NULL }
};

static const FieldDef budget_fields[] = {
  { "year", "year", FIELD_YEAR, KEY },
  { "directorate", "directorate_id", FIELD_REF, KEY, NULL, "directorate" },
  { "service-line", "service_line_id", FIELD_REF, KEY, NULL, "service_line" },
  { "category", "category", FIELD_ENUM, KEY, categories },
  { "budget", "budget", FIELD_MONEY, REQ },
  { "forecast", "forecast", FIELD_MONEY, 0 },
  { "actual", "actual", FIELD_MONEY, 0 },
  { NULL }
};

static const FieldDef saving_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "year", "year", FIELD_YEAR, REQ },
  { "directorate", "directorate_id", FIELD_REF, REQ, NULL, "directorate" },
  { "service-line", "service_line_id", FIELD_REF, 0, NULL, "service_line" },
  { "target", "target", FIELD_MONEY, REQ },
  { "forecast", "forecast", FIELD_MONEY, 0 },
  { "achieved", "achieved", FIELD_MONEY, 0 },
  { "status", "status", FIELD_ENUM, REQ, saving_statuses },
  { NULL }
};

static const FieldDef milestone_fields[] = {
  { "code", "code", FIELD_CODE, KEY },
  { "due", "due", FIELD_DATE, REQ },
  { "kind", "kind", FIELD_ENUM, 0, milestone_kinds, NULL, "milestone" },
  { "completed", "completed", FIELD_DATE, 0 },
  { "status", "status", FIELD_ENUM, 0, milestone_statuses, NULL, "not-started" },
  { "rag", "rag", FIELD_ENUM, 0, rags },
  { "owner", "owner_id", FIELD_OWNER, 0 },
  { "service-line", "service_line_id", FIELD_REF, 0, NULL, "service_line" },
  { "workstream", "workstream", FIELD_TEXT, 0 },
  { NULL }
};

static const FieldDef dependency_fields[] = {
  { "milestone", "depends_on_id", FIELD_SELF_REF, REQ, NULL, "milestone" },
  { NULL }
};

static const ChildDef milestone_children[] = {
  { "depends-on", CHILD_DEPENDENCY, dependency_fields },
  { NULL }
};

const RecordDef cyd_record_defs[] = {
  { "councils", "council", "council", CYD_KIND_COUNCIL, council_fields, "name", "name" },
  { "directorates", "directorate", "directorate", CYD_KIND_DIRECTORATE, directorate_fields, "name", "name" },
  { "service-lines", "service-line", "service_line", CYD_KIND_SERVICE_LINE, service_line_fields,
    "name", "name", NULL, NULL, service_line_children },
  { "posts", "post", "post", CYD_KIND_POST, post_fields, "title", "title", NULL, NULL, post_children },
  { "staff", "person", "person", CYD_KIND_STAFF, person_fields, NULL, NULL, NULL, NULL, person_children },
  { "budget-lines", "budget-line", "budget_line", CYD_KIND_BUDGET, budget_fields },
  { "savings", "saving", "saving", CYD_KIND_SAVING, saving_fields, NULL, NULL, "description", "description" },
  { "milestones", "milestone", "milestone", CYD_KIND_MILESTONE, milestone_fields, "title", "title",
    "note", "note", milestone_children },
};

const guint cyd_n_record_defs = G_N_ELEMENTS (cyd_record_defs);
