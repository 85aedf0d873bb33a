/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cyd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cyd.h"
#include "cyd-cli.h"

typedef enum {
  VALUE_COUNT,
  VALUE_FTE,
  VALUE_MONEY,
  VALUE_HALVES,
} ValueType;

typedef struct {
  const char *json;
  const char *label;
  ValueType   type;
  gsize       offset;
} Figure;

#define FIGURE(json, label, type, field) { json, label, type, G_STRUCT_OFFSET (CydStructureMetrics, field) }

static const Figure figures[] = {
  FIGURE ("posts", N_("Posts"), VALUE_COUNT, posts),
  FIGURE ("filled", N_("Filled"), VALUE_COUNT, filled),
  FIGURE ("vacant", N_("Vacant"), VALUE_COUNT, vacant),
  FIGURE ("headcount", N_("Headcount"), VALUE_COUNT, headcount),
  FIGURE ("establishment_fte", N_("Establishment FTE"), VALUE_FTE, establishment_fte),
  FIGURE ("staff_fte", N_("Staff FTE"), VALUE_FTE, staff_fte),
  FIGURE ("establishment_cost", N_("Establishment cost"), VALUE_MONEY, establishment_cost),
  FIGURE ("staff_cost", N_("Staff cost"), VALUE_MONEY, staff_cost),
  FIGURE ("managers", N_("Managers"), VALUE_COUNT, managers),
  FIGURE ("layers", N_("Layers"), VALUE_COUNT, layers),
  FIGURE ("span_min", N_("Span of control, minimum"), VALUE_COUNT, span_min),
  FIGURE ("span_median", N_("Span of control, median"), VALUE_HALVES, span_median_x2),
  FIGURE ("span_max", N_("Span of control, maximum"), VALUE_COUNT, span_max),
};

static gint64
figure_value (const CydStructureMetrics *m,
              const Figure              *f)
{
  return G_STRUCT_MEMBER (gint64, m, f->offset);
}

/* Locale-free for JSON; signed, since a difference can be negative. */
static char *
format_plain (ValueType type,
              gint64    value)
{
  g_autofree char *magnitude = NULL;

  switch (type)
    {
    case VALUE_MONEY:
      return cyd_money_to_string (value);
    case VALUE_FTE:
      magnitude = cyd_fte_to_string (ABS (value));
      return g_strdup_printf ("%s%s", value < 0 ? "-" : "", magnitude);
    case VALUE_HALVES:
      return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s", value < 0 ? "-" : "",
                              ABS (value) / 2, ABS (value) % 2 ? ".5" : "");
    case VALUE_COUNT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static char *
format_display (ValueType type,
                gint64    value)
{
  g_autofree char *magnitude = NULL;

  switch (type)
    {
    case VALUE_MONEY:
      return cyd_money_format (value);
    case VALUE_FTE:
      magnitude = cyd_fte_format (ABS (value));
      return g_strdup_printf ("%s%s", value < 0 ? "−" : "", magnitude);
    case VALUE_COUNT:
      /* grouped as money and FTE are, in the locale's way */
      return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
    case VALUE_HALVES:
    default:
      return format_plain (type, value);
    }
}

static void
append_json_metrics (GString                   *s,
                     const CydStructureMetrics *m)
{
  g_string_append_c (s, '{');
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *value = format_plain (figures[i].type, figure_value (m, &figures[i]));
      gboolean quoted = figures[i].type == VALUE_MONEY || figures[i].type == VALUE_FTE;

      g_string_append_printf (s, "%s\"%s\": %s%s%s", i > 0 ? ", " : "", figures[i].json,
                              quoted ? "\"" : "", value, quoted ? "\"" : "");
    }
  g_string_append (s, ", \"span_bands\": {");
  for (guint b = 0; b < CYD_N_SPAN_BANDS; b++)
    g_string_append_printf (s, "%s\"%s\": %" G_GINT64_FORMAT, b > 0 ? ", " : "",
                            cyd_span_band_label (b), m->span_bands[b]);
  g_string_append (s, "}}");
}

static void
append_json_string (GString    *s,
                    const char *text)
{
  g_string_append_c (s, '"');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
}

static void
print_json (const char                   *as_at,
            GPtrArray                    *structures,
            const CydStructureComparison *cmp)
{
  g_autoptr(GString) s = g_string_new ("{\"as_at\": ");

  append_json_string (s, as_at);
  g_string_append (s, ", \"structures\": [");
  for (guint i = 0; i < structures->len; i++)
    {
      CydStructure *structure = structures->pdata[i];

      g_string_append (s, i > 0 ? ", {\"code\": " : "{\"code\": ");
      append_json_string (s, cyd_structure_get_code (structure));
      g_string_append (s, ", \"name\": ");
      append_json_string (s, cyd_structure_get_name (structure));
      g_string_append_printf (s, ", \"kind\": \"%s\", \"metrics\": ",
                              cyd_structure_is_merged (structure) ? "merged" : "legacy");
      append_json_metrics (s, cyd_structure_get_metrics (structure));
      g_string_append_c (s, '}');
    }
  g_string_append_printf (s, "], \"comparison\": {\"legacy_as_at\": \"%s\", \"merged_as_at\": \"%s\", \"legacy\": ",
                          cmp->legacy_as_at, cmp->merged_as_at);
  append_json_metrics (s, &cmp->legacy);
  g_string_append (s, ", \"merged\": ");
  append_json_metrics (s, &cmp->merged);
  g_string_append (s, ", \"difference\": ");
  append_json_metrics (s, &cmp->difference);
  g_string_append (s, "}}\n");
  fputs (s->str, stdout);
}

static void
print_row (const char                 *label,
           const CydStructureMetrics **columns,
           guint                       n_columns,
           const Figure               *f)
{
  printf ("  %-28s", label);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *value = format_display (f->type, figure_value (columns[c], f));
      printf (" %16s", value);
    }
  printf ("\n");
}

static void
print_text (const char                   *as_at,
            GPtrArray                    *structures,
            const CydStructureComparison *cmp)
{
  g_autofree char *date = cyd_date_format (as_at);
  g_autofree char *legacy_date = cyd_date_format (cmp->legacy_as_at);
  const CydStructureMetrics *columns[] = { &cmp->legacy, &cmp->merged, &cmp->difference };

  printf (_("Structures as at %s\n\n"), date);
  for (guint i = 0; i < structures->len; i++)
    {
      const CydStructureMetrics *m = cyd_structure_get_metrics (structures->pdata[i]);

      printf ("%s (%s)\n", cyd_structure_get_name (structures->pdata[i]),
              cyd_structure_get_code (structures->pdata[i]));
      for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
        print_row (_(figures[f].label), &m, 1, &figures[f]);
      printf ("\n");
    }

  printf (_("Legacy together (as at %s) against merged (as at %s)\n"), legacy_date, date);
  printf ("  %-28s %16s %16s %16s\n", "", C_("structure", "Legacy"), C_("structure", "Merged"), _("Difference"));
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    print_row (_(figures[f].label), columns, G_N_ELEMENTS (columns), &figures[f]);
}

int
cyd_cli_structure_command (int    argc,
                           char **argv)
{
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "as-at", 'd', 0, G_OPTION_ARG_STRING, &as_at, N_("The date to measure at (default today)"), N_("YYYY-MM-DD") },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts: money in pounds, exact"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("DB — posts, staff, cost, managers, layers and spans of each structure"));
  g_autoptr(CydStore) store = NULL;
  g_autoptr(GPtrArray) structures = NULL;
  g_autoptr(GError) error = NULL;
  CydStructureComparison cmp;
  int status = EXIT_DONE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cyd_cli_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return cyd_cli_usage_error (context, _("Name one programme file."));
  if (as_at == NULL)
    as_at = cyd_date_today_iso ();
  if (!cyd_date_is_valid_iso (as_at))
    return cyd_cli_usage_error (context, _("The date must be a real date written YYYY-MM-DD."));

  store = cyd_cli_open_store (argv[1]);
  if (store == NULL)
    return EXIT_REFUSED;
  structures = cyd_structure_load_all (store, as_at, &error);
  if (structures == NULL || !cyd_structure_compare (store, as_at, &cmp, &error))
    {
      cyd_cli_print_error (error->message);
      return EXIT_REFUSED;
    }

  if (json)
    print_json (as_at, structures, &cmp);
  else
    print_text (as_at, structures, &cmp);
  return EXIT_DONE;
}
