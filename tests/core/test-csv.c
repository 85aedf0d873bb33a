/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "cyd-csv.h"

typedef struct {
  const char *text;
  const char *field;
} FieldCase;

static const FieldCase field_cases[] = {
  { "plain", "plain" },
  { "", "" },
  { "Gwasanaethau Cymdeithasol", "Gwasanaethau Cymdeithasol" },
  { "Conwy, Sir Ddinbych", "\"Conwy, Sir Ddinbych\"" },
  { "say \"hello\"", "\"say \"\"hello\"\"\"" },
  { "\"", "\"\"\"\"" },
  { "two\nlines", "\"two\nlines\"" },
  { "two\r\nlines", "\"two\r\nlines\"" },
  { "£1,234.56", "\"£1,234.56\"" },
  { "=SUM(A1:A9)", "'=SUM(A1:A9)" },
  { "=1+2", "'=1+2" },
  { "+44 1234", "'+44 1234" },
  { "-2+3", "'-2+3" },
  { "@cmd", "'@cmd" },
  { "\tTAB", "'\tTAB" },
  { "\rCR", "\"'\rCR\"" },
  { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  { "-12.50", "-12.50" },
  { "-12", "-12" },
  { "+3", "+3" },
  { "-1,234.5", "\"-1,234.5\"" },
  { "-", "'-" },
  { "-.5", "'-.5" },
  { "-12.", "'-12." },
  { "-1,", "\"'-1,\"" },
  { "−£12.50", "−£12.50" },
  { "a=b", "a=b" },
};

static void
test_field (gconstpointer data)
{
  const FieldCase *c = data;
  g_autoptr(GString) out = g_string_new (NULL);

  cyd_csv_append_field (out, c->text);
  g_assert_cmpstr (out->str, ==, c->field);
}

static void
test_row (void)
{
  const char *fields[] = { "Code", "Name, full", NULL, "=1" };
  g_autoptr(GString) out = g_string_new (NULL);

  cyd_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  cyd_csv_append_row (out, fields, 1);
  g_assert_cmpstr (out->str, ==, "Code,\"Name, full\",,'=1\r\nCode\r\n");
}

static void
test_stream (void)
{
  const char *fields[] = { "Côd", "Enw" };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  g_assert_true (g_output_stream_write_all (stream, CYD_CSV_BOM, 3, NULL, NULL, &error));
  g_assert_true (cyd_csv_write_row (stream, fields, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream));
  g_assert_cmpmem (data, size, "\xEF\xBB\xBF" "Côd,Enw\r\n", strlen ("\xEF\xBB\xBF" "Côd,Enw\r\n"));
  g_assert_true (g_utf8_validate (data, size, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/csv/field/%u", i);
      g_test_add_data_func (path, &field_cases[i], test_field);
    }
  g_test_add_func ("/core/csv/row", test_row);
  g_test_add_func ("/core/csv/stream", test_stream);
  return g_test_run ();
}
