/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cyd.h"

G_BEGIN_DECLS

/* A small JSON writer for the commands' --json output: strings escaped
 * per RFC 8259, money as {"pence": N, "text": "£1,234.56"}. */

static inline void
cyd_json_string (GString    *out,
                 const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static inline void
cyd_json_key (GString    *out,
              const char *key)
{
  cyd_json_string (out, key);
  g_string_append_c (out, ':');
}

static inline void
cyd_json_money (GString  *out,
                gboolean  has_value,
                CydMoney  pence)
{
  g_autofree char *text = NULL;

  if (!has_value)
    {
      g_string_append (out, "null");
      return;
    }
  text = cyd_money_format (pence);
  g_string_append_printf (out, "{\"pence\":%" G_GINT64_FORMAT ",\"text\":", pence);
  cyd_json_string (out, text);
  g_string_append_c (out, '}');
}

G_END_DECLS
