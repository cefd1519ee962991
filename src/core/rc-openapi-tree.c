/* rc-openapi-tree.c: the importer's reading of json-glib trees and $refs
 *
 * Small typed getters that never fail on unexpected shapes (a document may
 * hold anything anywhere), JSON pointers, and the `$ref` resolution the
 * importer uses everywhere: local pointers only, with a visited list so
 * that a cycle ends with a warning, never a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-openapi-private.h"

/* Tree helpers */

/* A scalar as text: YAML authors write `version: 1.0` or `swagger: 2.0`
 * unquoted, which arrives as a number. */
char *
_rc_open_api_node_dup_text (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node) == G_TYPE_STRING ? 0 :
          json_node_get_value_type (node) == G_TYPE_INT64 ? 1 :
          json_node_get_value_type (node) == G_TYPE_DOUBLE ? 2 : 3)
    {
    case 0:
      return g_strdup (json_node_get_string (node));
    case 1:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case 2:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node));
        if (strpbrk (buffer, ".eEn") == NULL)
          return g_strconcat (buffer, ".0", NULL);
        return g_strdup (buffer);
      }
    default:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    }
}

char *
_rc_open_api_dup_text (JsonObject *object,
                       const char *name)
{
  return _rc_open_api_node_dup_text (get_member (object, name));
}

/* The string elements of an array, or the keys of a mapping (scopes). */
GStrv
_rc_open_api_dup_strings (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = node_get_array (node);
  JsonObject *object = node_get_object (node);

  if (array)
    {
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = _rc_open_api_node_dup_text (json_array_get_element (array, i));

          if (text)
            g_strv_builder_add (builder, text);
        }
    }
  else if (object)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* JSON pointers */

char *
_rc_open_api_pointer_append (const char *base,
                             const char *token)
{
  GString *pointer = g_string_new (base);

  g_string_append_c (pointer, '/');
  for (const char *p = token; *p; p++)
    {
      if (*p == '~')
        g_string_append (pointer, "~0");
      else if (*p == '/')
        g_string_append (pointer, "~1");
      else
        g_string_append_c (pointer, *p);
    }

  return g_string_free (pointer, FALSE);
}

static char *
pointer_token_unescape (const char *start,
                        gsize       length)
{
  GString *token = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (start[i] == '~' && i + 1 < length && start[i + 1] == '1')
        {
          g_string_append_c (token, '/');
          i++;
        }
      else if (start[i] == '~' && i + 1 < length && start[i + 1] == '0')
        {
          g_string_append_c (token, '~');
          i++;
        }
      else
        g_string_append_c (token, start[i]);
    }

  return g_string_free (token, FALSE);
}

static JsonNode *
pointer_lookup (JsonNode   *root,
                const char *pointer)
{
  JsonNode *node = root;
  const char *p = pointer;

  if (*p == '\0')
    return root;

  if (*p != '/')
    return NULL;

  while (node && *p == '/')
    {
      const char *start = p + 1;
      const char *end = strchr (start, '/');
      g_autofree char *token = NULL;

      if (end == NULL)
        end = start + strlen (start);
      token = pointer_token_unescape (start, end - start);

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), token);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (token, 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, index);
        }
      else
        return NULL;

      p = end;
    }

  return node;
}

/* Follows `$ref`s from @node, which is at @where. Returns (transfer none)
 * the node they lead to, @node itself when it is no `$ref`, or %NULL with
 * a warning. */
JsonNode *
_rc_open_api_resolve (RcOpenApiReader *reader,
                      JsonNode        *node,
                      const char      *where)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();

  while (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *ref = get_string (json_node_get_object (node), "$ref");
      g_autofree char *fragment = NULL;

      if (ref == NULL)
        return node;

      if (ref[0] != '#')
        {
          _rc_open_api_warn (reader->self,
                             _("The $ref “%s” at %s points into another document, which is not "
                               "read yet; what it describes is left out."),
                             ref, where);
          return NULL;
        }

      for (guint i = 0; i < seen->len; i++)
        {
          if (g_str_equal (seen->pdata[i], ref))
            {
              _rc_open_api_warn (reader->self,
                                 _("The $ref “%s” at %s leads back to itself; it is left out."),
                                 ref, where);
              return NULL;
            }
        }
      g_ptr_array_add (seen, (gpointer)ref);

      fragment = g_uri_unescape_string (ref + 1, NULL);
      node = pointer_lookup (reader->root, fragment ? fragment : ref + 1);
      if (node == NULL)
        {
          _rc_open_api_warn (reader->self,
                             _("The $ref “%s” at %s points to nothing in the document; it is "
                               "left out."),
                             ref, where);
          return NULL;
        }
    }

  return node;
}
