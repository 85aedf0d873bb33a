/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-kind"

#include "config.h"

#include "cyd-kind.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>

#include "cyd.h"
#include "cyd-private.h"
#include "cyd-resources.h"

CydKind
cyd_kind_from_index (guint index)
{
  g_return_val_if_fail (index <= CYD_N_RECORD_KINDS, CYD_KIND_COUNCIL);

  return 1u << index;
}

const char *
cyd_kind_get_label (CydKind kind)
{
  switch (kind)
    {
    case CYD_KIND_COUNCIL:      return _("Councils");
    case CYD_KIND_DIRECTORATE:  return _("Directorates");
    case CYD_KIND_SERVICE_LINE: return _("Service lines");
    case CYD_KIND_POST:         return _("Posts");
    case CYD_KIND_STAFF:        return _("Staff");
    case CYD_KIND_BUDGET:       return _("Budget lines");
    case CYD_KIND_SAVING:       return _("Savings");
    case CYD_KIND_MILESTONE:    return _("Milestones");
    case CYD_KIND_IMPORT_RUN:   return _("Imports");
    default:                    g_return_val_if_reached ("");
    }
}

/* Every value an enumeration of the format can take, as the user reads it. */
const char *
cyd_enum_to_label (const char *value)
{
  static const struct {
    const char *value;
    const char *context;
    const char *label;
  } labels[] = {
    { "council", "council kind", NC_("council kind", "Council") },
    { "health-board", "council kind", NC_("council kind", "Health board") },
    { "other", "council kind", NC_("council kind", "Other") },
    { "legacy", "directorate kind", NC_("directorate kind", "Legacy") },
    { "merged", "directorate kind", NC_("directorate kind", "Merged") },
    { "in-house", "delivery", NC_("delivery", "In-house") },
    { "commissioned", "delivery", NC_("delivery", "Commissioned") },
    { "jointly-commissioned", "delivery", NC_("delivery", "Jointly commissioned") },
    { "separate", "merger stage", NC_("merger stage", "Separate") },
    { "aligned", "merger stage", NC_("merger stage", "Aligned") },
    { "integrated", "merger stage", NC_("merger stage", "Integrated") },
    { "slot-in", "mapping", NC_("mapping", "Slot-in") },
    { "ring-fenced", "mapping", NC_("mapping", "Ring-fenced") },
    { "open-competition", "mapping", NC_("mapping", "Open competition") },
    { "deleted", "mapping", NC_("mapping", "Deleted") },
    { "tupe", "mapping", NC_("mapping", "TUPE transfer") },
    { "employees", "budget category", NC_("budget category", "Employees") },
    { "premises", "budget category", NC_("budget category", "Premises") },
    { "transport", "budget category", NC_("budget category", "Transport") },
    { "supplies-and-services", "budget category", NC_("budget category", "Supplies and services") },
    { "third-party-payments", "budget category", NC_("budget category", "Third-party payments") },
    { "support-services", "budget category", NC_("budget category", "Support services") },
    { "income", "budget category", NC_("budget category", "Income") },
    { "planned", "saving status", NC_("saving status", "Planned") },
    { "on-track", "saving status", NC_("saving status", "On track") },
    { "at-risk", "saving status", NC_("saving status", "At risk") },
    { "achieved", "saving status", NC_("saving status", "Achieved") },
    { "dropped", "saving status", NC_("saving status", "Dropped") },
    { "milestone", "milestone kind", NC_("milestone kind", "Milestone") },
    { "decision", "milestone kind", NC_("milestone kind", "Decision") },
    { "not-started", "milestone status", NC_("milestone status", "Not started") },
    { "in-progress", "milestone status", NC_("milestone status", "In progress") },
    { "done", "milestone status", NC_("milestone status", "Done") },
    { "cancelled", "milestone status", NC_("milestone status", "Cancelled") },
    { "red", "RAG", NC_("RAG", "Red") },
    { "amber", "RAG", NC_("RAG", "Amber") },
    { "green", "RAG", NC_("RAG", "Green") },
    { "en", "language", NC_("language", "English") },
    { "cy", "language", NC_("language", "Welsh") },
  };

  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].value, value))
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label);
  return value;
}

/* "cy" when the interface speaks Welsh, else "en". */
const char *
cyd_ui_language (void)
{
  /* Translators: the ISO 639-1 code of the language you translate into. */
  const char *code = C_("language code", "en");

  return g_str_equal (code, "cy") ? "cy" : "en";
}

/* A name in the interface language, or the other language's marked as such:
 * a gap is never filled silently. */
char *
cyd_bilingual_display (const char *in_language,
                       const char *other)
{
  if (in_language != NULL && *in_language != '\0')
    return g_strdup (in_language);
  if (other == NULL || *other == '\0')
    return g_strdup ("");
  if (g_str_equal (cyd_ui_language (), "cy"))
    /* Translators: a name shown in English because it has no Welsh yet. */
    return g_strdup_printf (_("%s [English]"), other);
  /* Translators: a name shown in Welsh because it has no English yet. */
  return g_strdup_printf (_("%s [Welsh]"), other);
}

const char *
cyd_user_name (void)
{
  return g_get_user_name ();
}

char *
cyd_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

GBytes *
cyd_resource_lookup (const char *name)
{
  g_autofree char *path = g_strconcat ("/cymru/cyd/core/", name, NULL);
  GBytes *bytes;

  bytes = g_resource_lookup_data (cyd_core_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  return bytes;
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

/* Nothing is ever fetched on a file's behalf. */
void
cyd_xml_init (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialised, 1);
    }
}
