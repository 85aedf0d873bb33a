/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cyd.h"
#include "cyd-cli.h"

/* Stable names for scripts: the --json output's "reason" values. */
static const char * const reason_keys[] = {
  "done", "cancelled", "override", "overdue", "dependency-red", "due-soon", "dependency-late", "on-track",
};

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    const char *name,
                    const char *value,
                    gboolean    last)
{
  g_string_append_printf (out, "\"%s\": ", name);
  append_json_string (out, value);
  g_string_append (out, last ? "" : ", ");
}

static void
print_json (CydMilestonePlan *plan,
            const char       *as_at)
{
  g_autoptr(GString) out = g_string_new ("{\"as-at\": ");

  append_json_string (out, as_at);
  g_string_append (out, ", \"milestones\": [");
  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    {
      g_autofree char *why = cyd_milestone_plan_dup_rag_text (plan, i);
      g_autofree char *risk = cyd_milestone_plan_dup_risk_text (plan, i);
      CydRagReason reason = cyd_milestone_plan_get_reason (plan, i);

      g_string_append (out, i > 0 ? ",\n  {" : "\n  {");
      append_json_member (out, "code", cyd_milestone_plan_get_code (plan, i), FALSE);
      append_json_member (out, "title", cyd_milestone_plan_get_title (plan, i), FALSE);
      append_json_member (out, "kind", cyd_milestone_plan_is_decision (plan, i) ? "decision" : "milestone", FALSE);
      append_json_member (out, "due", cyd_milestone_plan_get_due (plan, i), FALSE);
      append_json_member (out, "completed", cyd_milestone_plan_get_completed (plan, i), FALSE);
      append_json_member (out, "status", cyd_milestone_plan_get_status (plan, i), FALSE);
      append_json_member (out, "rag", cyd_rag_to_string (cyd_milestone_plan_get_rag (plan, i)), FALSE);
      g_string_append_printf (out, "\"override\": %s, ", reason == CYD_RAG_REASON_OVERRIDE ? "true" : "false");
      append_json_member (out, "reason", reason_keys[reason], FALSE);
      append_json_member (out, "reason-text", why, FALSE);
      g_string_append_printf (out, "\"at-risk\": %s, ",
                              cyd_milestone_plan_get_at_risk (plan, i) ? "true" : "false");
      append_json_member (out, "risk-text", risk, TRUE);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "\n]}\n");
  fputs (out->str, stdout);
}

static const char *
rag_label (CydRag rag)
{
  switch (rag)
    {
    case CYD_RAG_RED: return C_("RAG", "Red");
    case CYD_RAG_AMBER: return C_("RAG", "Amber");
    case CYD_RAG_GREEN: return C_("RAG", "Green");
    case CYD_RAG_NONE:
    default: return "";
    }
}

static void
print_text (CydMilestonePlan *plan)
{
  for (guint i = 0; i < cyd_milestone_plan_get_n (plan); i++)
    {
      g_autofree char *why = cyd_milestone_plan_dup_rag_text (plan, i);
      g_autofree char *risk = cyd_milestone_plan_dup_risk_text (plan, i);

      /* Columns: code, due date, RAG, the reason for the RAG, and why it is at risk */
      g_print ("%-10s %s  %-6s %s%s%s\n",
               cyd_milestone_plan_get_code (plan, i),
               cyd_milestone_plan_get_due (plan, i),
               rag_label (cyd_milestone_plan_get_rag (plan, i)),
               why,
               risk != NULL ? " · " : "",
               risk != NULL ? risk : "");
    }
}

int
cyd_cli_milestones_command (int    argc,
                            char **argv)
{
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;
  int due_soon = CYD_MILESTONE_DUE_SOON_DAYS;
  GOptionEntry entries[] = {
    { "as-at", 'a', 0, G_OPTION_ARG_STRING, &as_at, N_("Rate the milestones as at DATE (YYYY-MM-DD; default today)"), N_("DATE") },
    { "due-soon-days", 0, 0, G_OPTION_ARG_INT, &due_soon, N_("How many days ahead a due date counts as soon (default 14)"), N_("N") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Write JSON instead of text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — list milestones with their RAG and risks"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(CydMilestonePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Lists every milestone with its computed RAG rating, whether it is at risk, and why."));
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));
  if (as_at != NULL && !cyd_date_is_valid_iso (as_at))
    return cyd_cli_usage_error (context, _("The date must be written as YYYY-MM-DD."));
  if (due_soon < 1 || due_soon > 90)
    return cyd_cli_usage_error (context, _("The number of days must be between 1 and 90."));
  if (as_at == NULL)
    as_at = cyd_date_today_iso ();

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL)
    return EXIT_REFUSED;
  plan = cyd_milestone_plan_load (store, &error);
  if (plan == NULL)
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }
  cyd_milestone_plan_compute (plan, as_at, (guint) due_soon);

  if (json)
    print_json (plan, as_at);
  else
    print_text (plan);
  return EXIT_DONE;
}
