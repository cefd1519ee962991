/* rc-project-file.c: reading and writing *.restcall project files
 *
 * A project file is pretty-printed JSON with a stable key order, so that a
 * file loaded and saved again is byte-identical and diffs stay small:
 *
 *   { "format": 2, "id": "…", "environments"?: [ { "id", "name", "color"?,
 *     "variables": [ { "name", "value"? | "secret": true, "choices"? } ] } ],
 *     "active_environment"?: "<an environment's id>",
 *     "apis": [ { "id", "name", "base_url",
 *     "description"?, "headers"?, "auth", "methods": [ { "id", "name",
 *     "verb", "url", "required_parameters"?, "description"?, "headers"?,
 *     "content_type"?, "body"?, "test_values"?, "auth"? } ] } ] }
 *
 * Format 1 had no environments; it is read as a project without any and
 * written as format 2 when saved. A secret variable is a name only: its
 * value is in the keyring, per environment, and a file that holds one is
 * refused.
 *
 * The model is written as JSON by rc-model-json.c. Optional members are
 * written only when they hold something, so a file from before one was
 * added reads as it did: `required_parameters` (the names of the URL
 * parameters marked as required) came later, and a method without it has
 * none. An auth's `basic_form` ("rfc" or "raw"; the
 * automatic one is not written) replaced `raw_basic: true`, which still
 * reads as "raw"; `remembered_basic_form` is what the automatic form found
 * out about the server, a setting like the others. A `private_key_jwt`
 * client's `jwt_alg` (the automatic one is not written), `key_id` and
 * `private_key_file` (a path, never the key) follow. Secrets are never
 * written: an auth holds only `secret_id`, a reference into the keyring
 * (which holds the private key when no file is named), or
 * `secret_variable`, the name of the environments' secret variable whose
 * value is the secret.
 *
 * A file is refused, naming the member, when a verb, a content type or a
 * header could not be sent as it is written (rc-wire.c): a shared file must
 * not be able to add headers or requests to a call.
 *
 * Saving writes a temporary file in the same folder and renames it over the
 * old one, so a crash leaves either the old file or the new one; see
 * “Saving” below for links, owners, read-only files and what a killed save
 * leaves. A file of a newer format is refused, never overwritten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* fchown(), lstat(), flock(), O_NOFOLLOW and st_mtim, which -std=c11 hides. */
#define _DEFAULT_SOURCE

#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rc-json.h"
#include "rc-model-json.h"
#include "rc-project-private.h"
#include "rc-wire.h"

typedef struct
{
  const char *display_name;
  GString    *path;
  GError     *error;
} Reader;

/* Writing */

/* The tree as the file holds it: indented by two, a newline after it. */
static GString *
node_to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *text = g_string_new (NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return text;
}

/**
 * rc_project_serialize_api:
 *
 * Returns: (transfer full): @api as the project file writes it, one of
 *   its "apis", methods and all; UTF-8 JSON ending in a newline
 */
char *
rc_project_serialize_api (RcApi *api)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RC_IS_API (api), NULL);

  root = rc_api_to_json (api, RC_MODEL_JSON_FILE);

  return g_string_free (node_to_text (root), FALSE);
}

/**
 * rc_project_serialize_method:
 *
 * Returns: (transfer full): @method as the project file writes it, one
 *   of an API's "methods"; UTF-8 JSON ending in a newline
 */
char *
rc_project_serialize_method (RcMethod *method)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  root = rc_method_to_json (method, RC_MODEL_JSON_FILE);

  return g_string_free (node_to_text (root), FALSE);
}

/**
 * rc_project_serialize_environment:
 *
 * Returns: (transfer full): @environment as the project file writes it,
 *   one of its "environments"; UTF-8 JSON ending in a newline
 */
char *
rc_project_serialize_environment (RcEnvironment *environment)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RC_IS_ENVIRONMENT (environment), NULL);

  root = rc_environment_to_json (environment, RC_MODEL_JSON_FILE);

  return g_string_free (node_to_text (root), FALSE);
}

/**
 * rc_project_serialize:
 *
 * Returns: (transfer full): the project file's contents, UTF-8 JSON ending
 *   in a newline
 */
GBytes *
rc_project_serialize (RcProject *self)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RC_IS_PROJECT (self), NULL);

  root = rc_project_to_json (self, RC_MODEL_JSON_FILE);

  return g_string_free_to_bytes (node_to_text (root));
}

/* Reading */

G_GNUC_PRINTF (2, 3)
static void
reader_fail (Reader     *reader,
             const char *format,
             ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  if (reader->error)
    return;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a file name, the second a place in it
   * such as "apis[1].methods[0].verb", the third what is wrong there. */
  reader->error = g_error_new (RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                               _("“%s” is not a valid Restcall project: %s %s. "
                                 "Fix the file in a text editor or open a backup."),
                               reader->display_name, reader->path->str, problem);
}

static gsize reader_push (Reader     *reader,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

static gsize
reader_push (Reader     *reader,
             const char *format,
             ...)
{
  gsize old_len = reader->path->len;
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (reader->path, format, args);
  va_end (args);

  return old_len;
}

static void
reader_pop (Reader *reader,
            gsize   old_len)
{
  g_string_truncate (reader->path, old_len);
}

static const char *
read_string (Reader     *reader,
             JsonObject *object,
             const char *name,
             gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value = NULL;
  gsize len;

  if (reader->error)
    return "";

  len = reader_push (reader, "%s%s", reader->path->len ? "." : "", name);

  if (node == NULL)
    {
      if (required)
        reader_fail (reader, _("is missing"));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    value = json_node_get_string (node);
  else
    reader_fail (reader, _("must be a string"));

  reader_pop (reader, len);

  return value ? value : "";
}

/* Refuses @value, read from the member @name of the object at the path,
 * when it cannot go on the wire: a project file can come from anyone. */
static void
check_wire (Reader          *reader,
            const char      *name,
            const char      *value,
            RcWireCheckFunc  check)
{
  g_autofree char *problem = NULL;
  gsize len;

  if (reader->error)
    return;

  len = reader_push (reader, "%s%s", reader->path->len ? "." : "", name);
  problem = check (reader->path->str, value);
  if (problem)
    /* Translators: the first %s is a file name, the second says which
     * member holds what and what is wrong with it */
    reader->error = g_error_new (RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                 _("“%s” is not a valid Restcall project: %s "
                                   "Fix the file in a text editor or open a backup."),
                                 reader->display_name, problem);
  reader_pop (reader, len);
}

static JsonArray *
read_array (Reader     *reader,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array = NULL;
  gsize len;

  if (reader->error)
    return NULL;

  len = reader_push (reader, "%s%s", reader->path->len ? "." : "", name);

  if (node == NULL)
    {
      if (required)
        reader_fail (reader, _("is missing"));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  else
    reader_fail (reader, _("must be a list"));

  reader_pop (reader, len);

  return array;
}

static JsonObject *
read_element_object (Reader    *reader,
                     JsonArray *array,
                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (reader, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* @headers: whether the pairs are headers, which must be fit to send */
static void
read_pairs (Reader     *reader,
            JsonObject *object,
            const char *name,
            gboolean    headers,
            RcPairList *pairs)
{
  JsonArray *array = read_array (reader, object, name, FALSE);
  guint n_elements = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n_elements && !reader->error; i++)
    {
      gsize len = reader_push (reader, "%s%s[%u]", reader->path->len ? "." : "", name, i);
      JsonObject *pair = read_element_object (reader, array, i);

      if (pair)
        {
          const char *pair_name = read_string (reader, pair, "name", TRUE);
          const char *pair_value = read_string (reader, pair, "value", FALSE);

          /* A header without a name is a row being typed: not sent. */
          if (headers && pair_name[0] != '\0')
            {
              check_wire (reader, "name", pair_name, rc_wire_check_header_name);
              check_wire (reader, "value", pair_value, rc_wire_check_header_value);
            }

          if (!reader->error)
            rc_pair_list_append (pairs, pair_name, pair_value);
        }

      reader_pop (reader, len);
    }
}

/* A list of strings; %NULL when there is none. */
static GStrv
read_strings (Reader     *reader,
              JsonObject *object,
              const char *name)
{
  JsonArray *array = read_array (reader, object, name, FALSE);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n_elements;

  if (array == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  n_elements = json_array_get_length (array);
  for (guint i = 0; i < n_elements && !reader->error; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = reader_push (reader, "%s%s[%u]", reader->path->len ? "." : "", name, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
      else
        reader_fail (reader, _("must be a string"));

      reader_pop (reader, len);
    }

  return reader->error ? NULL : g_strv_builder_end (builder);
}

static void
read_auth (Reader     *reader,
           JsonObject *object,
           RcAuth     *auth)
{
  JsonObject *auth_object;
  JsonNode *node;
  const char *str;
  RcAuthKind kind;
  RcClientAuth client_auth = RC_CLIENT_AUTH_BASIC_HEADER;
  RcBasicForm basic_form = RC_BASIC_FORM_AUTO;
  RcBasicForm remembered = RC_BASIC_FORM_AUTO;
  RcJwtAlg jwt_alg = RC_JWT_ALG_AUTO;
  gsize len;

  len = reader_push (reader, "%sauth", reader->path->len ? "." : "");

  node = json_object_get_member (object, "auth");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (reader, node == NULL ? _("is missing") : _("must be an object"));
      reader_pop (reader, len);
      return;
    }
  auth_object = json_node_get_object (node);

  str = read_string (reader, auth_object, "type", TRUE);
  if (!reader->error && !rc_auth_kind_from_string (str, &kind))
    reader_fail (reader,
                 _("has an unknown type “%s” (expected none, basic or oauth2-client-credentials)"),
                 str);

  if (json_object_has_member (auth_object, "client_auth"))
    {
      str = read_string (reader, auth_object, "client_auth", FALSE);
      if (!reader->error && !rc_client_auth_from_string (str, &client_auth))
        reader_fail (reader,
                     _("has an unknown client_auth “%s” (expected basic-header, body, "
                       "secret-jwt, private-key-jwt or tls-client-auth)"),
                     str);
    }

  /* Before basic_form, raw_basic: true said what "raw" says now. */
  node = json_object_get_member (auth_object, "raw_basic");
  if (node && !(JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN))
    reader_fail (reader, _("raw_basic must be true or false"));
  else if (node && json_node_get_boolean (node))
    basic_form = RC_BASIC_FORM_RAW;

  if (json_object_has_member (auth_object, "basic_form"))
    {
      str = read_string (reader, auth_object, "basic_form", FALSE);
      if (!reader->error && !rc_basic_form_from_string (str, &basic_form))
        reader_fail (reader, _("has an unknown basic_form “%s” (expected auto, rfc or raw)"), str);
    }

  if (json_object_has_member (auth_object, "remembered_basic_form"))
    {
      str = read_string (reader, auth_object, "remembered_basic_form", FALSE);
      if (!reader->error &&
          (!rc_basic_form_from_string (str, &remembered) || remembered == RC_BASIC_FORM_AUTO))
        reader_fail (reader, _("has an unknown remembered_basic_form “%s” (expected rfc or raw)"),
                     str);
    }

  if (json_object_has_member (auth_object, "jwt_alg"))
    {
      str = read_string (reader, auth_object, "jwt_alg", FALSE);
      if (!reader->error && !rc_jwt_alg_from_string (str, &jwt_alg))
        reader_fail (reader, _("has an unknown jwt_alg “%s” (expected RS256, ES256 or PS256)"),
                     str);
    }

  if (!reader->error)
    {
      rc_auth_set_kind (auth, kind);
      rc_auth_set_jwt_alg (auth, jwt_alg);
      rc_auth_set_client_auth (auth, client_auth);
      rc_auth_set_basic_form (auth, basic_form);
    }

  rc_auth_set_username (auth, read_string (reader, auth_object, "username", FALSE));
  rc_auth_set_client_id (auth, read_string (reader, auth_object, "client_id", FALSE));
  rc_auth_set_token_url (auth, read_string (reader, auth_object, "token_url", FALSE));
  rc_auth_set_scopes (auth, read_string (reader, auth_object, "scopes", FALSE));
  rc_auth_set_key_id (auth, read_string (reader, auth_object, "key_id", FALSE));
  rc_auth_set_private_key_file (auth,
                                read_string (reader, auth_object, "private_key_file", FALSE));
  rc_auth_set_client_cert_file (auth,
                                read_string (reader, auth_object, "client_cert_file", FALSE));
  read_pairs (reader, auth_object, "token_params", FALSE, rc_auth_get_token_params (auth));
  rc_auth_set_secret_variable (auth, read_string (reader, auth_object, "secret_variable", FALSE));
  rc_auth_set_secret_id (auth, read_string (reader, auth_object, "secret_id", FALSE));
  /* For the token URL and client ID just read. */
  if (!reader->error)
    rc_auth_set_remembered_basic_form (auth, remembered);

  reader_pop (reader, len);
}

static RcMethod *
read_method (Reader     *reader,
             JsonObject *object)
{
  g_autoptr(RcMethod) method = rc_method_new (NULL);
  g_auto(GStrv) required_parameters = NULL;
  const char *verb;
  const char *content_type;

  rc_method_set_id (method, read_string (reader, object, "id", TRUE));
  rc_method_set_name (method, read_string (reader, object, "name", TRUE));
  /* An empty verb is GET (rc_method_set_verb()). */
  verb = read_string (reader, object, "verb", TRUE);
  if (verb[0] != '\0')
    check_wire (reader, "verb", verb, rc_wire_check_verb);
  rc_method_set_verb (method, verb);
  rc_method_set_url (method, read_string (reader, object, "url", TRUE));
  required_parameters = read_strings (reader, object, "required_parameters");
  rc_method_set_required_parameters (method, (const char * const *)required_parameters);
  rc_method_set_description (method, read_string (reader, object, "description", FALSE));
  read_pairs (reader, object, "headers", TRUE, rc_method_get_headers (method));
  content_type = read_string (reader, object, "content_type", FALSE);
  check_wire (reader, "content_type", content_type, rc_wire_check_content_type);
  rc_method_set_content_type (method, content_type);
  rc_method_set_body (method, read_string (reader, object, "body", FALSE));
  read_pairs (reader, object, "test_values", FALSE, rc_method_get_test_values (method));

  if (!reader->error && json_object_has_member (object, "auth"))
    {
      g_autoptr(RcAuth) auth = rc_auth_new ();

      read_auth (reader, object, auth);
      rc_method_set_auth (method, auth);
    }

  return reader->error ? NULL : g_steal_pointer (&method);
}

static RcApi *
read_api (Reader     *reader,
          JsonObject *object)
{
  g_autoptr(RcApi) api = rc_api_new (NULL);
  JsonArray *methods;
  guint n_methods;

  rc_api_set_id (api, read_string (reader, object, "id", TRUE));
  rc_api_set_name (api, read_string (reader, object, "name", TRUE));
  rc_api_set_base_url (api, read_string (reader, object, "base_url", FALSE));
  rc_api_set_description (api, read_string (reader, object, "description", FALSE));
  read_pairs (reader, object, "headers", TRUE, rc_api_get_headers (api));
  if (!reader->error)
    read_auth (reader, object, rc_api_get_auth (api));

  methods = read_array (reader, object, "methods", FALSE);
  n_methods = methods ? json_array_get_length (methods) : 0;
  for (guint i = 0; i < n_methods && !reader->error; i++)
    {
      gsize len = reader_push (reader, ".methods[%u]", i);
      JsonObject *method_object = read_element_object (reader, methods, i);
      g_autoptr(RcMethod) method = NULL;

      if (method_object && (method = read_method (reader, method_object)))
        rc_api_add_method (api, method);

      reader_pop (reader, len);
    }

  return reader->error ? NULL : g_steal_pointer (&api);
}

/* A variable of an environment: a plain one's value, or only the name
 * of a secret one, whose value is in the keyring. */
static RcVariable *
read_variable (Reader     *reader,
               JsonObject *object)
{
  const char *name = read_string (reader, object, "name", TRUE);
  JsonNode *node = json_object_get_member (object, "secret");
  g_autoptr(RcVariable) variable = NULL;
  g_auto(GStrv) choices = NULL;
  gboolean secret = FALSE;

  if (reader->error)
    return NULL;

  if (name[0] == '\0')
    reader_fail (reader, _("has an empty name"));
  else if (node && !(JSON_NODE_HOLDS_VALUE (node)
                     && json_node_get_value_type (node) == G_TYPE_BOOLEAN))
    reader_fail (reader, _("secret must be true or false"));
  else if (node)
    secret = json_node_get_boolean (node);

  /* Never read a secret from a file that anyone may read or commit. */
  if (secret && json_object_has_member (object, "value"))
    reader_fail (reader, _("is a secret variable with a value in the file: secret values belong "
                           "in the keyring. Remove its “value” and store it there"));

  if (reader->error)
    return NULL;

  if (secret)
    variable = rc_variable_new_secret (name);
  else
    variable = rc_variable_new (name, read_string (reader, object, "value", FALSE));
  choices = read_strings (reader, object, "choices");
  rc_variable_set_choices (variable, (const char * const *) choices);

  return reader->error ? NULL : g_steal_pointer (&variable);
}

static RcEnvironment *
read_environment (Reader     *reader,
                  JsonObject *object)
{
  g_autoptr(RcEnvironment) environment = NULL;
  const char *id = read_string (reader, object, "id", TRUE);
  const char *name = read_string (reader, object, "name", TRUE);
  const char *color = read_string (reader, object, "color", FALSE);
  JsonArray *variables = read_array (reader, object, "variables", FALSE);

  if (reader->error)
    return NULL;

  if (name[0] == '\0')
    reader_fail (reader, _("has an empty name"));
  else if (!rc_environment_color_is_valid (color))
    reader_fail (reader, _("has an unknown color “%s”"), color);
  if (reader->error)
    return NULL;

  environment = rc_environment_new (name);
  rc_environment_set_id (environment, id);
  rc_environment_set_color (environment, color);

  for (guint i = 0; variables && i < json_array_get_length (variables) && !reader->error; i++)
    {
      gsize len = reader_push (reader, ".variables[%u]", i);
      JsonObject *variable_object = read_element_object (reader, variables, i);
      g_autoptr(RcVariable) variable = NULL;

      if (variable_object && (variable = read_variable (reader, variable_object)))
        {
          if (rc_environment_find_variable (environment, rc_variable_get_name (variable)))
            reader_fail (reader, _("repeats the variable “%s”"), rc_variable_get_name (variable));
          else
            rc_environment_add_variable (environment, variable);
        }

      reader_pop (reader, len);
    }

  return reader->error ? NULL : g_steal_pointer (&environment);
}

/* The environments, and which is active: the one named, or else the first
 * (a hand-edited file may name one that is gone). */
static void
read_environments (Reader     *reader,
                   JsonObject *root,
                   RcProject  *project)
{
  JsonArray *environments = read_array (reader, root, "environments", FALSE);
  const char *active = read_string (reader, root, "active_environment", FALSE);
  RcEnvironment *found;

  for (guint i = 0; environments && i < json_array_get_length (environments) && !reader->error;
       i++)
    {
      gsize len = reader_push (reader, "environments[%u]", i);
      JsonObject *object = read_element_object (reader, environments, i);
      g_autoptr(RcEnvironment) environment = NULL;

      if (object && (environment = read_environment (reader, object)))
        {
          /* `--env NAME` must name one. */
          if (rc_project_find_environment (project, rc_environment_get_name (environment)))
            reader_fail (reader, _("repeats the environment name “%s”"),
                         rc_environment_get_name (environment));
          else if (rc_project_find_environment_by_id (project,
                                                      rc_environment_get_id (environment)))
            reader_fail (reader, _("repeats the id “%s”"), rc_environment_get_id (environment));
          else
            rc_project_add_environment (project, environment);
        }

      reader_pop (reader, len);
    }

  if (!reader->error && active[0] != '\0')
    {
      if ((found = rc_project_find_environment_by_id (project, active)))
        rc_project_set_active_environment (project, found);
      else
        g_debug ("%s: active_environment %s is none of its environments", reader->display_name,
                 active);
    }
}

static gboolean
check_format (Reader     *reader,
              JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "format");
  gint64 format;

  if (node == NULL
      || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      reader->error = g_error_new (RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   _("“%s” is not a Restcall project: it has no “format” number. "
                                     "Open a file saved by Restcall."),
                                   reader->display_name);
      return FALSE;
    }

  format = json_node_get_int (node);
  if (format > RC_PROJECT_FORMAT)
    {
      reader->error = g_error_new (RC_PROJECT_ERROR, RC_PROJECT_ERROR_NEWER_FORMAT,
                                   _("“%s” was saved by a newer version of Restcall "
                                     "(file format %" G_GINT64_FORMAT ", this version reads "
                                     "format %d). Update Restcall to open it; the file was left "
                                     "untouched."),
                                   reader->display_name, format, RC_PROJECT_FORMAT);
      return FALSE;
    }

  if (format < 1)
    {
      reader->error = g_error_new (RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                                   _("“%s” has an invalid file format number %" G_GINT64_FORMAT ". "
                                     "Fix the file in a text editor or open a backup."),
                                   reader->display_name, format);
      return FALSE;
    }

  return TRUE;
}

/**
 * rc_project_deserialize:
 * @bytes: the contents of a project file
 * @display_name: how to name the file in error messages
 *
 * Returns: (transfer full): a new, clean project without a file
 */
RcProject *
rc_project_deserialize (GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Reader reader = { display_name, path, NULL };
  JsonObject *root;
  JsonArray *apis;
  gsize size;
  const char *data;
  guint line, column;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  root_node = rc_json_parse (data, size, RC_JSON_IMMUTABLE, &line, &column, &local_error);

  if (g_error_matches (local_error, RC_JSON_ERROR, RC_JSON_ERROR_ENCODING))
    {
      g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                   _("“%s” is not a Restcall project: it is not UTF-8 text. "
                     "Open a file saved by Restcall."),
                   display_name);
      return NULL;
    }

  if (g_error_matches (local_error, RC_JSON_ERROR, RC_JSON_ERROR_EMPTY))
    {
      g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                   _("“%s” is not a Restcall project: the file is empty. "
                     "Open a file saved by Restcall, or a backup."),
                   display_name);
      return NULL;
    }

  if (local_error != NULL)
    {
      if (line > 0)
        g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                     _("“%s” is not a valid Restcall project: the JSON is broken at line %u, "
                       "column %u (%s). Fix the file in a text editor or open a backup."),
                     display_name, line, column, local_error->message);
      else
        g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                     _("“%s” is not a valid Restcall project: the JSON is broken (%s). "
                       "Fix the file in a text editor or open a backup."),
                     display_name, local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_INVALID,
                   _("“%s” is not a Restcall project: it holds no JSON object. "
                     "Open a file saved by Restcall."),
                   display_name);
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!check_format (&reader, root))
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  project = rc_project_new ();
  rc_project_set_id (project, read_string (&reader, root, "id", TRUE));
  read_environments (&reader, root, project);

  apis = read_array (&reader, root, "apis", TRUE);
  for (guint i = 0; apis && i < json_array_get_length (apis) && !reader.error; i++)
    {
      gsize len = reader_push (&reader, "apis[%u]", i);
      JsonObject *api_object = read_element_object (&reader, apis, i);
      g_autoptr(RcApi) api = NULL;

      if (api_object && (api = read_api (&reader, api_object)))
        rc_project_add_api (project, api);

      reader_pop (&reader, len);
    }

  if (reader.error)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  rc_project_set_dirty (project, FALSE);

  return g_steal_pointer (&project);
}

/* Files */

static char *
dup_display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/**
 * rc_project_load:
 *
 * Reads a project file synchronously; rc_project_load_async() runs this in
 * a worker thread.
 *
 * Returns: (transfer full): the project, clean, with its file set
 */
RcProject *
rc_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RcProject) project = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = dup_display_name (file);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not open “%s”: the file does not exist. "
                       "Check the name, or choose another file."),
                     display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not open “%s”: you do not have permission to read it. "
                       "Change its permissions, or choose another file."),
                     display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Could not open “%s”: it is a folder, not a project file. "
                       "Choose a .restcall file."),
                     display_name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not open “%s”: %s"),
                     display_name, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  project = rc_project_deserialize (bytes, display_name, error);
  if (project == NULL)
    return NULL;

  rc_project_set_file (project, file);
  rc_project_set_dirty (project, FALSE);

  return g_steal_pointer (&project);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  RcProject *project;

  if ((project = rc_project_load (file, cancellable, &error)))
    g_task_return_pointer (task, project, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
rc_project_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_project_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * rc_project_load_finish:
 *
 * Returns: (transfer full): the loaded project, clean, with its file set
 */
RcProject *
rc_project_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_project_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving
 *
 * A local file is replaced the way g_file_replace() does it, with its gaps
 * filled:
 * - a symbolic link is followed, and its target replaced (GIO writes a
 *   link's target in place, and g_file_set_contents() replaced the link
 *   itself with a regular file);
 * - the owner, group and mode of the old file are given to the new one;
 *   when they cannot be (another user's file, writable through its group),
 *   the file is written in place, as GIO does, so that it stays theirs;
 * - a read-only file (as root, one without any write permission bit: the
 *   system would not stop root) is not replaced unless the user said so;
 * - the temporary file is named after the project file
 *   (“.NAME.restcall-save-XXXXXX”) and locked while it is written, so that
 *   the next save removes those a killed save left behind, and only those:
 *   ours, older than that save, and locked by no save still running.
 */

#define TEMP_INFIX ".restcall-save-"
#define TEMP_RANDOM_LENGTH 6
/* A temporary file's name must fit in NAME_MAX (255) bytes. */
#define TEMP_MAX_BASENAME 200
#define MAX_LINKS 40

typedef struct
{
  GFile              *file;
  GBytes             *bytes;
  guint64             generation;
  RcProjectSaveFlags  flags;
  gint64              start_time;   /* g_get_real_time () when saving began */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save);
}

/* “.NAME.restcall-save-”: what every temporary file of NAME starts with. */
static char *
dup_temp_prefix (const char *basename)
{
  return g_strdup_printf (".%.*s" TEMP_INFIX, TEMP_MAX_BASENAME, basename);
}

/* The path a save must write: @path, or the file its chain of symbolic
 * links ends at (which may not exist yet). */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      if (!(target = g_file_read_link (current, error)))
        return NULL;

      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (folder, target, NULL);

          g_free (target);
          target = g_steal_pointer (&joined);
        }

      g_free (current);
      current = g_steal_pointer (&target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                       g_strerror (ELOOP));
  return NULL;
}

/* Whether the user would not be allowed to write @path. As root, whom the
 * system lets write anything, a file no one may write (chmod a-w) is the
 * user's way of saying so. */
static gboolean
is_read_only (const char     *path,
              const GStatBuf *st)
{
  if (geteuid () == 0)
    return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;

  return g_access (path, W_OK) != 0 && errno == EACCES;
}

/* Removes what killed saves of @basename left in @folder: files named as
 * ours, owned by this user, last written before this save began, and
 * locked by no save still running. */
static void
remove_stale_temps (const char *folder,
                    const char *basename,
                    gint64      start_time)
{
  g_autofree char *prefix = dup_temp_prefix (basename);
  gsize prefix_len = strlen (prefix);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      gint64 mtime;
      int fd;

      if (strncmp (name, prefix, prefix_len) != 0 ||
          strlen (name + prefix_len) != TEMP_RANDOM_LENGTH)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
        continue;

      mtime = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      if (mtime >= start_time)
        continue;

      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
      if (fd < 0)
        continue;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (g_unlink (path) == 0)
            g_debug ("Removed “%s”, left by a save that did not finish", path);
        }

      close (fd);
    }
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      size -= written;
    }

  return TRUE;
}

/* GIO's fallback: the old file, written in place. Not atomic, but the only
 * way to keep another user's file theirs. */
static gboolean
write_in_place (const char  *path,
                const char  *data,
                gsize        size,
                int         *saved_errno)
{
  int fd = g_open (path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    {
      *saved_errno = errno;
      return FALSE;
    }

  ok = write_all (fd, data, size) && ftruncate (fd, size) == 0 && fsync (fd) == 0;
  *saved_errno = errno;
  close (fd);

  return ok;
}

/* The new file, complete, renamed over the old one. Returns FALSE with
 * errno set when it failed, with nothing left behind; *owner_kept is
 * FALSE when the old file's owner or group could not be given to it. */
static gboolean
write_and_rename (const char     *path,
                  const char     *data,
                  gsize           size,
                  const GStatBuf *old,
                  gboolean       *owner_kept)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *prefix = dup_temp_prefix (basename);
  g_autofree char *temp = g_strdup_printf ("%s/%sXXXXXX", folder, prefix);
  GStatBuf st;
  int saved_errno;
  int fd;

  *owner_kept = TRUE;

  /* 0666 less the umask for a new file, as any editor makes it. */
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return FALSE;

  /* Locked until renamed: a save running meanwhile leaves it alone. */
  if (flock (fd, LOCK_EX) != 0)
    goto failed;

  if (old != NULL)
    {
      /* As GIO does: the owner and group, then the mode (chown clears the
       * set-user-ID and set-group-ID bits). Root can give any; a user can
       * give only a group they are in. */
      if (fchown (fd, old->st_uid, old->st_gid) != 0
          && (fstat (fd, &st) != 0 || st.st_uid != old->st_uid || st.st_gid != old->st_gid))
        {
          if (fchown (fd, -1, old->st_gid) != 0 || fstat (fd, &st) != 0
              || st.st_uid != old->st_uid || st.st_gid != old->st_gid)
            {
              *owner_kept = FALSE;
              close (fd);
              g_unlink (temp);
              return FALSE;
            }
        }

      if (fchmod (fd, old->st_mode & 07777) != 0)
        goto failed;
    }

  if (!write_all (fd, data, size) || fsync (fd) != 0)
    goto failed;

  if (g_rename (temp, path) != 0)
    goto failed;

  close (fd);
  return TRUE;

failed:
  saved_errno = errno;
  close (fd);
  g_unlink (temp);
  errno = saved_errno;
  return FALSE;
}

static void
set_save_error (GError     **error,
                int          saved_errno,
                const char  *display_name,
                const char  *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not save “%s”: you do not have permission to write in the "
                     "folder “%s”. Use Save As to save it somewhere else."),
                   display_name, folder);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Could not save “%s”: the folder “%s” does not exist. "
                     "Use Save As to choose another folder."),
                   display_name, folder);
      break;

    case ENOSPC:
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full. "
                     "Free some space, or use Save As to save it elsewhere."),
                   display_name);
      break;

    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), display_name, g_strerror (saved_errno));
      break;
    }
}

static gboolean
save_file (SaveData  *save,
           GError   **error)
{
  g_autofree char *path = g_file_get_path (save->file);
  g_autofree char *display_name = dup_display_name (save->file);
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists, owner_kept;
  GStatBuf st;
  gsize size;
  const char *data = g_bytes_get_data (save->bytes, &size);

  if (path == NULL)
    {
      /* Not a local file: GIO writes beside it and renames where it can. */
      if (!g_file_replace_contents (save->file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, NULL, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not save “%s”: %s"), display_name, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  /* A link stays a link: the file it points to is the one replaced. */
  if (!(target = resolve_links (path, &local_error)))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save “%s”: it is a symbolic link that cannot be followed (%s). "
                     "Use Save As to save it somewhere else."),
                   display_name, local_error->message);
      return FALSE;
    }

  exists = g_stat (target, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR,
                   S_ISDIR (st.st_mode) ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is not a regular file. "
                     "Use Save As to choose another name."),
                   display_name);
      return FALSE;
    }

  if (exists && !(save->flags & RC_PROJECT_SAVE_REPLACE_READ_ONLY) && is_read_only (target, &st))
    {
      g_set_error (error, RC_PROJECT_ERROR, RC_PROJECT_ERROR_READ_ONLY,
                   _("“%s” is read-only, so it was left as it is. Make it writable, or save "
                     "the project under another name."),
                   display_name);
      return FALSE;
    }

  folder = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  remove_stale_temps (folder, basename, save->start_time);

  if (write_and_rename (target, data, size, exists ? &st : NULL, &owner_kept))
    return TRUE;

  if (!owner_kept)
    {
      int saved_errno;

      if (write_in_place (target, data, size, &saved_errno))
        return TRUE;

      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not save “%s”: it belongs to another user, and you do not have "
                       "permission to write it. Use Save As to save it somewhere else."),
                     display_name);
      else
        set_save_error (error, saved_errno, display_name, target);
      return FALSE;
    }

  set_save_error (error, errno, display_name, target);
  return FALSE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (save_file (save, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rc_project_save_full_async:
 * @file: (nullable): where to save, or %NULL for the project's own file
 * @flags: whether a read-only file may be replaced
 *
 * Saves the project as it is now. On success the project's file becomes
 * @file and the project is clean, unless it changed while saving. A
 * read-only file fails with %RC_PROJECT_ERROR_READ_ONLY unless @flags
 * says to replace it.
 */
void
rc_project_save_full_async (RcProject           *self,
                            GFile               *file,
                            RcProjectSaveFlags   flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (RC_IS_PROJECT (self));
  g_return_if_fail (!file || G_IS_FILE (file));
  g_return_if_fail (file || rc_project_get_file (self));

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file ? file : rc_project_get_file (self));
  save->bytes = rc_project_serialize (self);
  save->generation = _rc_project_get_generation (self);
  save->flags = flags;
  save->start_time = g_get_real_time ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_project_save_async);
  g_task_set_task_data (task, save, save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * rc_project_save_async:
 * @file: (nullable): where to save, or %NULL for the project's own file
 *
 * rc_project_save_full_async() without flags: a read-only file is not
 * replaced.
 */
void
rc_project_save_async (RcProject           *self,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  rc_project_save_full_async (self, file, RC_PROJECT_SAVE_NONE, cancellable, callback, user_data);
}

gboolean
rc_project_save_finish (RcProject     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (RC_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rc_project_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  save = g_task_get_task_data (G_TASK (result));
  rc_project_set_file (self, save->file);

  /* Edits made while the file was being written are not in it. */
  rc_project_set_dirty (self, _rc_project_get_generation (self) != save->generation);

  return TRUE;
}
