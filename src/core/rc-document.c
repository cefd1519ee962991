/* rc-document.c: a JSON or YAML document read into one json-glib tree
 *
 * The OpenAPI importer works on json-glib nodes whatever the document's
 * syntax, so YAML is read into the same tree as JSON:
 *
 * - JSON or YAML is told by content, not by file name: a document whose
 *   first character (after a byte order mark and white space) is `{` or `[`
 *   is JSON, anything else YAML.
 * - JSON goes through rc_json_parse(), which refuses anything deeper than
 *   %RC_DOCUMENT_MAX_DEPTH before json-glib's recursive parser sees it.
 * - YAML goes through libyaml's event parser (the document/loader API is
 *   slow on big files and builds a second tree), building json-glib nodes
 *   with an explicit stack, never by recursion. Mappings become objects,
 *   sequences arrays; keys are always strings (so `200:` and `on:` stay
 *   "200" and "on"); quoted and block scalars are strings; plain scalars
 *   are typed as YAML 1.2's core schema says (null, `~` and empty; true and
 *   false; integers, also 0x and 0o; floats), except `.inf` and `.nan`,
 *   which JSON cannot hold and stay strings. An explicit `!!str` tag keeps
 *   a string. Aliases are deep copies of their anchor; all copies together
 *   may hold at most %RC_DOCUMENT_MAX_ALIAS_NODES nodes, which stops alias
 *   bombs. Merge keys (`<<: *base`) copy the members the mapping lacks.
 *   Only the first document of a stream is read.
 *
 * A big document (%RC_DOCUMENT_BIG_SIZE or more) is parsed in a thread of
 * its own, so that its tree's many small blocks come from that thread's
 * allocator arena, not the caller's, and rc_document_free_big() frees it
 * in another thread while the caller goes on: the caller's arena is never
 * left with the freed blocks to merge, at its next large allocation.
 *
 * Errors name the file, the line and column (1-based), the problem, and
 * what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "rc-document.h"
#include "rc-json.h"
#include "rc-util-private.h"

typedef struct
{
  JsonNode *node;
  char     *key;
  gboolean  merge;
  char     *anchor;
  gsize     first_node;
  guint     height;
} Frame;

typedef struct
{
  JsonNode *node;
  gsize     n_nodes;
  guint     height;
} Anchor;

/* A document parsed in a thread of its own. */
typedef struct
{
  GBytes     *bytes;
  const char *display_name;
  GError     *error;
} ParseJob;

typedef struct
{
  const char *display_name;
  GArray     *stack;
  GHashTable *anchors;
  JsonNode   *root;
  gsize       n_nodes;
  gsize       n_alias_nodes;
  GError     *error;
} Builder;

G_DEFINE_QUARK (rc-document-error-quark, rc_document_error)

static void
set_syntax_error (GError    **error,
                  gint        code,
                  const char *display_name,
                  gboolean    json,
                  guint       line,
                  guint       column,
                  const char *problem)
{
  if (json)
    g_set_error (error, RC_DOCUMENT_ERROR, code,
                 _("“%s” is not valid JSON: line %u, column %u: %s. "
                   "Fix the document, or get a valid copy from its publisher."),
                 display_name, line, column, problem);
  else
    g_set_error (error, RC_DOCUMENT_ERROR, code,
                 _("“%s” is not valid YAML: line %u, column %u: %s. "
                   "Fix the document, or get a valid copy from its publisher."),
                 display_name, line, column, problem);
}

/* JSON */

static JsonNode *
parse_json (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(GError) json_error = NULL;
  guint line, column;
  /* rc_document_parse() has checked the encoding. */
  JsonNode *root = rc_json_parse (data, length, RC_JSON_VALID_UTF8, &line, &column, &json_error);

  if (root != NULL)
    return root;

  if (g_error_matches (json_error, RC_JSON_ERROR, RC_JSON_ERROR_EMPTY))
    g_set_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_EMPTY,
                 _("“%s” is empty. Choose an OpenAPI or Swagger document."), display_name);
  else if (line > 0)
    set_syntax_error (error,
                      g_error_matches (json_error, RC_JSON_ERROR, RC_JSON_ERROR_TOO_DEEP)
                        ? RC_DOCUMENT_ERROR_TOO_DEEP : RC_DOCUMENT_ERROR_SYNTAX,
                      display_name, TRUE, line, column, json_error->message);
  else
    g_set_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX,
                 _("“%s” is not valid JSON: %s. "
                   "Fix the document, or get a valid copy from its publisher."),
                 display_name, json_error->message);

  return NULL;
}

/* YAML scalars */

static gboolean
is_digits (const char *p,
           const char *digits)
{
  if (*p == '\0')
    return FALSE;

  return p[strspn (p, digits)] == '\0';
}

/* YAML 1.2 core schema float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
static gboolean
is_float (const char *p)
{
  gboolean mantissa = FALSE;

  if (*p == '-' || *p == '+')
    p++;

  while (g_ascii_isdigit (*p))
    {
      p++;
      mantissa = TRUE;
    }

  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        {
          p++;
          mantissa = TRUE;
        }
    }

  if (!mantissa)
    return FALSE;

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

static JsonNode *
new_number_node (const char *text,
                 const char *digits,
                 guint       base)
{
  gint64 value;

  errno = 0;
  value = g_ascii_strtoll (digits, NULL, base);
  if (errno == ERANGE)
    return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));

  if (text[0] == '-')
    value = -value;

  return json_node_init_int (json_node_alloc (), value);
}

static JsonNode *
scalar_to_node (const char         *text,
                yaml_scalar_style_t style,
                const char         *tag,
                gboolean            plain_implicit)
{
  const char *unsigned_text = text;

  if (tag && !plain_implicit)
    {
      if (g_str_equal (tag, YAML_NULL_TAG))
        return json_node_init_null (json_node_alloc ());
      /* Any other explicit tag (!!str, !custom, !) keeps the text as it is. */
      return json_node_init_string (json_node_alloc (), text);
    }

  if (style != YAML_PLAIN_SCALAR_STYLE)
    return json_node_init_string (json_node_alloc (), text);

  switch (text[0])
    {
    case '\0':
      return json_node_init_null (json_node_alloc ());
    case '~':
    case 'n':
    case 'N':
      if (g_str_equal (text, "~") || g_str_equal (text, "null") || g_str_equal (text, "Null") ||
          g_str_equal (text, "NULL"))
        return json_node_init_null (json_node_alloc ());
      break;
    case 't':
    case 'T':
      if (g_str_equal (text, "true") || g_str_equal (text, "True") || g_str_equal (text, "TRUE"))
        return json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
    case 'F':
      if (g_str_equal (text, "false") || g_str_equal (text, "False") || g_str_equal (text, "FALSE"))
        return json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case '0':
      if (text[1] == 'x' && is_digits (text + 2, "0123456789abcdefABCDEF"))
        return new_number_node (text, text + 2, 16);
      if (text[1] == 'o' && is_digits (text + 2, "01234567"))
        return new_number_node (text, text + 2, 8);
      break;
    default:
      break;
    }

  if (text[0] == '-' || text[0] == '+')
    unsigned_text = text + 1;

  if (is_digits (unsigned_text, "0123456789"))
    return new_number_node (text, unsigned_text, 10);

  if (is_float (text))
    return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));

  return json_node_init_string (json_node_alloc (), text);
}

/* YAML tree building */

static JsonNode *
new_container_node (JsonNodeType type)
{
  JsonNode *node = json_node_new (type);

  if (type == JSON_NODE_ARRAY)
    json_node_take_array (node, json_array_new ());
  else
    json_node_take_object (node, json_object_new ());

  return node;
}

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->node, json_node_unref);
  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->anchor, g_free);
}

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  json_node_unref (anchor->node);
  g_free (anchor);
}

static void
builder_fail (Builder          *builder,
              gint              code,
              const yaml_mark_t *mark,
              const char       *problem)
{
  if (builder->error == NULL)
    set_syntax_error (&builder->error, code, builder->display_name, FALSE,
                      mark->line + 1, mark->column + 1, problem);
}

static void
builder_add_anchor (Builder    *builder,
                    const char *name,
                    JsonNode   *node,
                    gsize       n_nodes,
                    guint       height)
{
  Anchor *anchor = g_new0 (Anchor, 1);

  anchor->node = json_node_ref (node);
  anchor->n_nodes = n_nodes;
  anchor->height = height;
  g_hash_table_replace (builder->anchors, g_strdup (name), anchor);
}

static Frame *
builder_top (Builder *builder)
{
  if (builder->stack->len == 0)
    return NULL;

  return &g_array_index (builder->stack, Frame, builder->stack->len - 1);
}

/* `<<: {…}` or `<<: [{…}, {…}]`: members the mapping lacks, earlier first. */
static void
builder_merge (Builder           *builder,
               JsonObject        *target,
               JsonNode          *value,
               const yaml_mark_t *mark)
{
  JsonArray *sources = NULL;
  guint n_sources = 1;

  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      sources = json_node_get_array (value);
      n_sources = json_array_get_length (sources);
    }

  for (guint i = 0; i < n_sources; i++)
    {
      JsonNode *source = sources ? json_array_get_element (sources, i) : value;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (source))
        {
          builder_fail (builder, RC_DOCUMENT_ERROR_SYNTAX, mark,
                        _("a merge key (<<) needs a mapping or a list of mappings"));
          return;
        }

      json_object_iter_init_ordered (&iter, json_node_get_object (source));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!json_object_has_member (target, name))
            json_object_set_member (target, name, json_node_copy (member));
        }
    }
}

/* Takes @node: the root, an element, or a mapping's key or value. */
static void
builder_add (Builder           *builder,
             JsonNode          *node,
             guint              height,
             const yaml_mark_t *mark)
{
  Frame *top = builder_top (builder);

  if (top == NULL)
    {
      if (builder->root == NULL)
        builder->root = node;
      else
        json_node_unref (node);
      return;
    }

  top->height = MAX (top->height, height + 1);

  if (JSON_NODE_HOLDS_ARRAY (top->node))
    {
      json_array_add_element (json_node_get_array (top->node), node);
      return;
    }

  if (top->key == NULL)
    {
      /* A key: a scalar, or an alias of one. */
      if (JSON_NODE_HOLDS_VALUE (node))
        {
          GValue value = G_VALUE_INIT;

          if (json_node_get_value_type (node) == G_TYPE_STRING)
            top->key = g_strdup (json_node_get_string (node));
          else
            {
              g_autofree char *text = NULL;

              json_node_get_value (node, &value);
              if (G_VALUE_HOLDS_BOOLEAN (&value))
                text = g_strdup (g_value_get_boolean (&value) ? "true" : "false");
              else if (G_VALUE_HOLDS_INT64 (&value))
                text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
              else
                text = g_strdup_printf ("%g", g_value_get_double (&value));
              top->key = g_steal_pointer (&text);
              g_value_unset (&value);
            }
        }
      else if (JSON_NODE_HOLDS_NULL (node))
        top->key = g_strdup ("");
      else
        builder_fail (builder, RC_DOCUMENT_ERROR_SYNTAX, mark,
                      _("a mapping key is itself a mapping or a list, which is not supported"));

      json_node_unref (node);
      return;
    }

  if (top->merge)
    {
      builder_merge (builder, json_node_get_object (top->node), node, mark);
      json_node_unref (node);
    }
  else
    json_object_set_member (json_node_get_object (top->node), top->key, node);

  g_clear_pointer (&top->key, g_free);
  top->merge = FALSE;
}

static void
builder_open (Builder           *builder,
              JsonNode          *node,
              const char        *anchor,
              const yaml_mark_t *mark)
{
  Frame frame = { 0 };
  Frame *top = builder_top (builder);

  if (top && JSON_NODE_HOLDS_OBJECT (top->node) && top->key == NULL)
    {
      builder_fail (builder, RC_DOCUMENT_ERROR_SYNTAX, mark,
                    _("a mapping key is itself a mapping or a list, which is not supported"));
      json_node_unref (node);
      return;
    }

  if (builder->stack->len >= RC_DOCUMENT_MAX_DEPTH)
    {
      g_autofree char *problem = g_strdup_printf (_("it nests deeper than %u levels"),
                                                  RC_DOCUMENT_MAX_DEPTH);

      builder_fail (builder, RC_DOCUMENT_ERROR_TOO_DEEP, mark, problem);
      json_node_unref (node);
      return;
    }

  builder->n_nodes++;
  frame.node = node;
  frame.anchor = g_strdup (anchor);
  frame.first_node = builder->n_nodes;
  g_array_append_val (builder->stack, frame);
}

static void
builder_close (Builder           *builder,
               const yaml_mark_t *mark)
{
  Frame *top = builder_top (builder);
  Frame frame;

  g_assert (top != NULL);

  frame = *top;
  memset (top, 0, sizeof *top);
  g_array_set_size (builder->stack, builder->stack->len - 1);

  if (frame.anchor)
    builder_add_anchor (builder, frame.anchor, frame.node,
                        builder->n_nodes - frame.first_node + 1, frame.height);

  builder_add (builder, g_steal_pointer (&frame.node), frame.height, mark);
  frame_clear (&frame);
}

static void
builder_alias (Builder           *builder,
               const char        *name,
               const yaml_mark_t *mark)
{
  Anchor *anchor = g_hash_table_lookup (builder->anchors, name);

  if (anchor == NULL)
    {
      g_autofree char *problem =
        g_strdup_printf (_("the alias “*%s” names no anchor defined before it"), name);

      builder_fail (builder, RC_DOCUMENT_ERROR_SYNTAX, mark, problem);
      return;
    }

  if (builder->stack->len + anchor->height > RC_DOCUMENT_MAX_DEPTH)
    {
      g_autofree char *problem = g_strdup_printf (_("it nests deeper than %u levels"),
                                                  RC_DOCUMENT_MAX_DEPTH);

      builder_fail (builder, RC_DOCUMENT_ERROR_TOO_DEEP, mark, problem);
      return;
    }

  builder->n_alias_nodes += anchor->n_nodes;
  builder->n_nodes += anchor->n_nodes;
  if (builder->n_alias_nodes > RC_DOCUMENT_MAX_ALIAS_NODES)
    {
      g_autofree char *problem = g_strdup_printf (_("its aliases expand to more than %u nodes"),
                                                  RC_DOCUMENT_MAX_ALIAS_NODES);

      builder_fail (builder, RC_DOCUMENT_ERROR_TOO_LARGE, mark, problem);
      return;
    }

  builder_add (builder, json_node_copy (anchor->node), anchor->height, mark);
}

static void
builder_scalar (Builder     *builder,
                yaml_event_t *event)
{
  const char *text = (const char *)event->data.scalar.value;
  const char *tag = (const char *)event->data.scalar.tag;
  const char *anchor = (const char *)event->data.scalar.anchor;
  Frame *top = builder_top (builder);
  JsonNode *node;

  if (top && JSON_NODE_HOLDS_OBJECT (top->node) && top->key == NULL)
    {
      /* Keys stay text: `200:` is "200", `on:` is "on". */
      top->key = g_strdup (text);
      top->merge = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && g_str_equal (text, "<<");
      if (anchor)
        {
          g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), text);

          builder_add_anchor (builder, anchor, key, 1, 0);
        }
      builder->n_nodes++;
      return;
    }

  node = scalar_to_node (text, event->data.scalar.style, tag, event->data.scalar.plain_implicit);
  builder->n_nodes++;
  if (anchor)
    builder_add_anchor (builder, anchor, node, 1, 0);
  builder_add (builder, node, 0, &event->start_mark);
}

static void
yaml_parser_fail (Builder       *builder,
                  yaml_parser_t *parser)
{
  const char *problem = parser->problem ? parser->problem : _("unknown problem");
  g_autofree char *message = NULL;

  if (parser->error == YAML_MEMORY_ERROR)
    {
      g_set_error (&builder->error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_TOO_LARGE,
                   _("“%s” is too large to read: there is not enough memory."),
                   builder->display_name);
      return;
    }

  if (parser->context)
    message = g_strdup_printf (_("%s (%s at line %zu, column %zu)"), problem, parser->context,
                               parser->context_mark.line + 1, parser->context_mark.column + 1);
  else
    message = g_strdup (problem);

  builder_fail (builder, RC_DOCUMENT_ERROR_SYNTAX, &parser->problem_mark, message);
}

static JsonNode *
parse_yaml (const char  *data,
            gsize        length,
            const char  *display_name,
            GError     **error)
{
  Builder builder = { 0 };
  yaml_parser_t parser;
  gboolean done = FALSE;

  builder.display_name = display_name;
  builder.stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (builder.stack, frame_clear);
  builder.anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, anchor_free);

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *)data, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  while (!done && builder.error == NULL)
    {
      yaml_event_t event;

      if (!yaml_parser_parse (&parser, &event))
        {
          yaml_parser_fail (&builder, &parser);
          break;
        }

      switch (event.type)
        {
        case YAML_SCALAR_EVENT:
          builder_scalar (&builder, &event);
          break;
        case YAML_SEQUENCE_START_EVENT:
          builder_open (&builder, new_container_node (JSON_NODE_ARRAY),
                        (const char *)event.data.sequence_start.anchor, &event.start_mark);
          break;
        case YAML_MAPPING_START_EVENT:
          builder_open (&builder, new_container_node (JSON_NODE_OBJECT),
                        (const char *)event.data.mapping_start.anchor, &event.start_mark);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          builder_close (&builder, &event.start_mark);
          break;
        case YAML_ALIAS_EVENT:
          builder_alias (&builder, (const char *)event.data.alias.anchor, &event.start_mark);
          break;
        case YAML_DOCUMENT_END_EVENT:
        case YAML_STREAM_END_EVENT:
          /* Only the first document counts. */
          done = TRUE;
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);
  g_array_unref (builder.stack);
  g_hash_table_unref (builder.anchors);

  if (builder.error)
    {
      g_clear_pointer (&builder.root, json_node_unref);
      g_propagate_error (error, builder.error);
      return NULL;
    }

  if (builder.root == NULL || JSON_NODE_HOLDS_NULL (builder.root))
    {
      g_clear_pointer (&builder.root, json_node_unref);
      g_set_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_EMPTY,
                   _("“%s” is empty. Choose an OpenAPI or Swagger document."), display_name);
      return NULL;
    }

  return builder.root;
}

/**
 * rc_document_is_json:
 *
 * Returns: %TRUE when the text's first character, after a byte order mark
 *   and white space, is `{` or `[`
 */
gboolean
rc_document_is_json (const char *data,
                     gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && (data[i] == '{' || data[i] == '[');
}

static JsonNode *
parse_document (GBytes      *bytes,
                const char  *display_name,
                GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *invalid = NULL;

  if (data == NULL)
    data = "";

  if (length >= 2 && ((guchar)data[0] == 0xFF || (guchar)data[0] == 0xFE) &&
      ((guchar)data[1] == 0xFF || (guchar)data[1] == 0xFE))
    {
      g_set_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_ENCODING,
                   _("“%s” is UTF-16 text; only UTF-8 is read. Convert it to UTF-8, "
                     "for example with iconv, and import it again."),
                   display_name);
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      rc_offset_to_position (data, invalid - data, &line, &column);
      g_set_error (error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_ENCODING,
                   _("“%s” is not UTF-8 text: line %u, column %u holds a byte that is not "
                     "UTF-8. Convert the document to UTF-8 and import it again."),
                   display_name, line, column);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (rc_document_is_json (data, length))
    {
      g_autoptr(GError) json_error = NULL;
      JsonNode *root = parse_json (data, length, display_name, &json_error);

      if (root != NULL)
        return root;

      /* YAML may start with a flow mapping or sequence too ("{a: b}"):
       * when it reads as YAML, it is YAML; otherwise the JSON error says
       * what is wrong. */
      if (g_error_matches (json_error, RC_DOCUMENT_ERROR, RC_DOCUMENT_ERROR_SYNTAX)
          && (root = parse_yaml (data, length, display_name, NULL)) != NULL)
        return root;

      g_propagate_error (error, g_steal_pointer (&json_error));
      return NULL;
    }

  return parse_yaml (data, length, display_name, error);
}

static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;

  return parse_document (job->bytes, job->display_name, &job->error);
}

static gpointer
free_thread (gpointer data)
{
  json_node_unref (data);

#if HAVE_MALLOC_TRIM
  /* Merge the freed blocks now, here, and give the memory back. */
  malloc_trim (0);
#endif

  return NULL;
}

/**
 * rc_document_parse:
 * @bytes: the document's text
 * @display_name: how messages name the document, such as its file name
 *
 * Reads JSON or YAML (told apart by content) into a json-glib tree.
 *
 * Returns: (transfer full): the root node, never a null node
 */
JsonNode *
rc_document_parse (GBytes      *bytes,
                   const char  *display_name,
                   GError     **error)
{
  ParseJob job;
  JsonNode *root;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (g_bytes_get_size (bytes) < RC_DOCUMENT_BIG_SIZE)
    return parse_document (bytes, display_name, error);

  job = (ParseJob) { bytes, display_name, NULL };
  root = g_thread_join (g_thread_new ("rc-document-parse", parse_thread, &job));
  if (job.error != NULL)
    g_propagate_error (error, job.error);

  return root;
}

/**
 * rc_document_free_big:
 * @root: (transfer full): a tree from rc_document_parse()
 * @document_size: the size of the document it was parsed from
 *
 * Frees the tree of a document of %RC_DOCUMENT_BIG_SIZE or more in a
 * thread of its own, which then hands the memory back to the system, and
 * returns at once. A smaller tree is freed here and now.
 */
void
rc_document_free_big (JsonNode *root,
                      gsize     document_size)
{
  g_return_if_fail (root != NULL);

  if (document_size < RC_DOCUMENT_BIG_SIZE)
    {
      json_node_unref (root);
      return;
    }

  g_thread_unref (g_thread_new ("rc-document-free", free_thread, root));
}
