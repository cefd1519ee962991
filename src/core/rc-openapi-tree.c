/* rc-openapi-tree.c: the importer's reading of json-glib trees and $refs
 *
 * Small typed getters that never fail on unexpected shapes (a document may
 * hold anything anywhere), JSON pointers, and the `$ref` resolution the
 * importer uses everywhere: local pointers, and pointers into other
 * documents (local files relative to the document holding the `$ref`, and
 * http(s) URLs when a fetch function is given), each document read once,
 * with a visited list (by document and pointer) so that a cycle ends with a
 * warning, never a hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-document.h"
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

/* External documents */

#define REFUSED_SCHEME "x-restcall-refused:"

/* How messages name a document: its file name, or its URL. */
static char *
document_dup_label (const char *uri)
{
  g_autofree char *filename = NULL;

  if (g_str_has_prefix (uri, "file:") && (filename = g_filename_from_uri (uri, NULL, NULL)))
    return g_filename_display_name (filename);

  return g_strdup (uri);
}

/* Splits @ref at its '#': the absolute URI of the document it names,
 * resolved against @base (%NULL when @ref names no other document, or when
 * it cannot be resolved: *@unresolvable is set then), and the raw fragment. */
static char *
ref_dup_target (const char  *base,
                const char  *ref,
                const char **fragment,
                gboolean    *unresolvable)
{
  const char *hash = strchr (ref, '#');
  g_autofree char *document = hash ? g_strndup (ref, hash - ref) : g_strdup (ref);

  *fragment = hash ? hash + 1 : "";
  *unresolvable = FALSE;

  if (document[0] == '\0')
    return NULL;

  if (g_uri_peek_scheme (document) == NULL && base == NULL)
    {
      *unresolvable = TRUE;
      return NULL;
    }

  {
    char *target = g_uri_resolve_relative (base, document, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);

    if (target == NULL)
      *unresolvable = TRUE;
    return target;
  }
}

/* Makes the `$ref`s in @root, read from @uri, absolute, so that they are
 * followed relative to the document that holds them. A remote document's
 * `$ref`s to anything but http(s) are refused. */
static void
absolutize_refs (JsonNode   *root,
                 const char *uri)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  gboolean remote = !g_str_has_prefix (uri, "file:");

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index_fast (stack, stack->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          const char *ref = get_string (object, "$ref");
          JsonObjectIter iter;
          JsonNode *member;

          if (ref)
            {
              const char *fragment;
              gboolean unresolvable;
              g_autofree char *target = ref_dup_target (uri, ref, &fragment, &unresolvable);
              g_autofree char *absolute = NULL;

              if (target == NULL && !unresolvable)
                target = g_strdup (uri);
              if (target)
                {
                  gboolean refused = remote &&
                                     !g_str_has_prefix (target, "https:") && !g_str_has_prefix (target, "http:");

                  absolute = g_strconcat (refused ? REFUSED_SCHEME : "", target, "#", fragment, NULL);
                  json_object_set_string_member (object, "$ref", absolute);
                }
            }

          json_object_iter_init (&iter, object);
          while (json_object_iter_next (&iter, NULL, &member))
            if (JSON_NODE_HOLDS_OBJECT (member) || JSON_NODE_HOLDS_ARRAY (member))
              g_ptr_array_add (stack, member);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (element) || JSON_NODE_HOLDS_ARRAY (element))
                g_ptr_array_add (stack, element);
            }
        }
    }
}

static void
document_free (gpointer data)
{
  if (data)
    json_node_unref (data);
}

/* The tree of the document at @uri (absolute, no fragment), read once;
 * %NULL with a warning when it cannot be read. */
static JsonNode *
load_document (RcOpenApiReader *reader,
               const char      *uri,
               const char      *ref,
               const char      *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *label = document_dup_label (uri);
  JsonNode *root = NULL;

  if (reader->document_uri && g_str_equal (uri, reader->document_uri))
    return reader->root;

  if (reader->documents == NULL)
    reader->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, document_free);

  if (g_hash_table_lookup_extended (reader->documents, uri, NULL, (gpointer *)&root))
    return root;

  if (g_hash_table_size (reader->documents) >= RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS)
    {
      _rc_open_api_warn (reader->self,
                         _("The $refs lead into more than %u other documents; “%s” and any further "
                           "ones are not read."),
                         RC_OPEN_API_MAX_EXTERNAL_DOCUMENTS, label);
      return NULL;
    }

  if (g_str_has_prefix (uri, "file:"))
    {
      g_autofree char *filename = g_filename_from_uri (uri, NULL, &error);
      char *contents = NULL;
      gsize length = 0;

      if (filename && g_file_get_contents (filename, &contents, &length, &error))
        bytes = g_bytes_new_take (contents, length);
    }
  else if (g_str_has_prefix (uri, "https:") || g_str_has_prefix (uri, "http:"))
    {
      if (reader->fetch == NULL)
        {
          _rc_open_api_warn (reader->self,
                             _("The $ref “%s” at %s points into another document, “%s”, which was not fetched, "
                               "so what it describes is left out. Allow fetching remote documents to include "
                               "it (--allow-remote-refs on the command line)."),
                             ref, where, label);
          g_ptr_array_insert (reader->self->unfetched, reader->self->unfetched->len - 1, g_strdup (uri));
          g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
          return NULL;
        }
      bytes = reader->fetch (uri, reader->fetch_data, &error);
    }
  else
    {
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s points into another document, “%s”, which is not a file or an http(s) "
                           "URL; what it describes is left out."),
                         ref, where, label);
      g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
      return NULL;
    }

  if (bytes)
    root = rc_document_parse (bytes, label, &error);

  if (root == NULL)
    {
      _rc_open_api_warn (reader->self,
                         _("The $ref “%s” at %s points into another document, “%s”, which could not be read (%s); what it "
                           "describes is left out."),
                         ref, where, label, error ? error->message : "?");
      g_hash_table_insert (reader->documents, g_strdup (uri), NULL);
      return NULL;
    }

  absolutize_refs (root, uri);
  g_hash_table_insert (reader->documents, g_strdup (uri), root);

  return root;
}

/* Follows `$ref`s from @node, which is at @where. Returns (transfer none)
 * the node they lead to, @node itself when it is no `$ref`, or %NULL with
 * a warning. A `$ref` into another document reads that document (once);
 * the `$ref`s inside it were made absolute when it was read, so they are
 * followed relative to it. */
JsonNode *
_rc_open_api_resolve (RcOpenApiReader *reader,
                      JsonNode        *node,
                      const char      *where)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  while (node && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *ref = get_string (json_node_get_object (node), "$ref");
      g_autofree char *unescaped = NULL;
      g_autofree char *target = NULL;
      g_autofree char *key = NULL;
      const char *fragment;
      gboolean unresolvable;
      JsonNode *root = reader->root;

      if (ref == NULL)
        return node;

      if (g_str_has_prefix (ref, REFUSED_SCHEME))
        {
          _rc_open_api_warn (reader->self,
                             _("The $ref “%s” at %s is in a downloaded document but points to a local "
                               "file; it is not followed."),
                             ref + strlen (REFUSED_SCHEME), where);
          return NULL;
        }

      target = ref_dup_target (reader->document_uri, ref, &fragment, &unresolvable);
      if (unresolvable)
        {
          _rc_open_api_warn (reader->self,
                             _("The $ref “%s” at %s points into another document, which is not "
                               "read: the document’s own location is not known; what it describes "
                               "is left out."),
                             ref, where);
          return NULL;
        }

      key = g_strconcat (target ? target : "", "#", fragment, NULL);
      for (guint i = 0; i < seen->len; i++)
        {
          if (g_str_equal (seen->pdata[i], key))
            {
              _rc_open_api_warn (reader->self,
                                 _("The $ref “%s” at %s leads back to itself; it is left out."),
                                 ref, where);
              return NULL;
            }
        }
      g_ptr_array_add (seen, g_steal_pointer (&key));

      if (target && !(root = load_document (reader, target, ref, where)))
        return NULL;

      unescaped = g_uri_unescape_string (fragment, NULL);
      node = pointer_lookup (root, unescaped ? unescaped : fragment);
      if (node == NULL)
        {
          if (target)
            {
              g_autofree char *label = document_dup_label (target);

              _rc_open_api_warn (reader->self,
                                 _("The $ref “%s” at %s points to nothing in “%s” (no “%s” there); "
                                   "it is left out."),
                                 ref, where, label, unescaped ? unescaped : fragment);
            }
          else
            _rc_open_api_warn (reader->self,
                               _("The $ref “%s” at %s points to nothing in the document; it is "
                                 "left out."),
                               ref, where);
          return NULL;
        }
    }

  return node;
}
