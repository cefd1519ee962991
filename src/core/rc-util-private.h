/* rc-util-private.h: small helpers shared by the core's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; bookworm has 2.74. A NULL new value
 * becomes the empty string, so string properties are never NULL. */
static inline gboolean
rc_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (new_str == NULL)
    new_str = "";

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* The 1-based line and column (in characters) of @offset in @data, whose
 * text before @offset is valid UTF-8. */
static inline void
rc_offset_to_position (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  const char *line_start = data;
  const char *end = data + offset;
  guint lines = 1;

  for (const char *p = data; p < end; p++)
    {
      if (*p == '\n')
        {
          lines++;
          line_start = p + 1;
        }
    }

  if (line != NULL)
    *line = lines;
  if (column != NULL)
    *column = g_utf8_strlen (line_start, end - line_start) + 1;
}

G_END_DECLS
