/* rc-openapi-servers.c: the importer's servers and their variables
 *
 * See rc-openapi.c for what is read and how; this file holds the servers:
 * OpenAPI 3's, Swagger 2's host and basePath, relative server URLs, and a
 * record of each (#RcOpenApiServer).
 *
 * An OpenAPI 3 server's `{variables}` become the API's variables: its base
 * URL writes each as a `{{name}}` reference (the text around it escaped,
 * rc_template_escape(), so that nothing else is one), and the variable
 * takes the default as its value and its `enum` as its choices (escaped
 * too), once however many times the URL uses it, in the order first used.
 * The URL rc_open_api_get_servers() gives has the defaults filled in
 * instead.
 *
 * - A default outside the variable's `enum` is used all the same, with a
 *   warning.
 * - A variable without a default (which OpenAPI requires) takes the first
 *   value of its `enum`, with a warning.
 * - A variable whose name cannot be a Restcall variable
 *   (rc_template_name_is_valid()) is written in the base URL as its value,
 *   with a warning.
 * - A variable with neither a default nor an `enum`, or one the server
 *   does not define, is left as `{name}` in the URL: no API can be
 *   imported with that server (its `problem` says why, and a warning).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-openapi-private.h"
#include "rc-template.h"
#include "rc-text.h"

/* An environment's name made from a server's description has at most this
 * many characters. */
#define MAX_ENVIRONMENT_NAME_CHARS 64

void
_rc_open_api_server_free (gpointer data)
{
  RcOpenApiServer *server = data;

  g_free (server->url);
  g_free (server->base_url);
  g_free (server->description);
  g_ptr_array_unref (server->variables);
  g_free (server->problem);
  g_free (server);
}

/* A server without variables, at @url. */
static RcOpenApiServer *
server_new (char *url)
{
  RcOpenApiServer *server = g_new0 (RcOpenApiServer, 1);

  server->url = url;
  server->base_url = url ? rc_template_escape (url) : NULL;
  server->variables = g_ptr_array_new_with_free_func (g_object_unref);

  return server;
}

static char *
make_absolute (RcOpenApiReader *reader,
               const char      *url)
{
  RcOpenApi *self = reader->self;
  g_autoptr(GError) error = NULL;
  char *absolute;

  if (g_uri_peek_scheme (url) != NULL)
    return g_strdup (url);

  if (self->base_uri &&
      (absolute = g_uri_resolve_relative (self->base_uri, url, G_URI_FLAGS_NONE, &error)))
    return absolute;

  _rc_open_api_warn (self,
                     _("The server URL “%s” is relative and the document’s own URL is not known; "
                       "enter the API’s base URL after importing."),
                     url);

  return g_strdup (url);
}

static RcVariable *
find_variable (RcOpenApiServer *server,
               const char      *name)
{
  for (guint i = 0; i < server->variables->len; i++)
    {
      if (g_str_equal (rc_variable_get_name (server->variables->pdata[i]), name))
        return server->variables->pdata[i];
    }

  return NULL;
}

/* The value the variable @name of the server at @url takes: its default,
 * else the first value of its enum (@choices), else %NULL. */
static char *
dup_variable_value (RcOpenApiReader    *reader,
                    const char         *url,
                    const char         *name,
                    JsonObject         *variable,
                    const char * const *choices)
{
  RcOpenApi *self = reader->self;
  char *value = _rc_open_api_dup_text (variable, "default");

  if (value && choices[0] && !g_strv_contains (choices, value))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) choices);

      _rc_open_api_warn (self,
                         _("The server variable “%s” of “%s” defaults to “%s”, which is not "
                           "one of its values (%s); the default is used."),
                         name, url, value, list);
    }
  else if (value == NULL && choices[0])
    {
      value = g_strdup (choices[0]);
      _rc_open_api_warn (self,
                         _("The server variable “%s” of “%s” has no default, which OpenAPI "
                           "requires; its first value, “%s”, is used."),
                         name, url, value);
    }

  return value;
}

/* Moves @text, escaped, to the end of @base_url. */
static void
flush_text (GString *base_url,
            GString *text)
{
  g_autofree char *escaped = rc_template_escape (text->str);

  g_string_append (base_url, escaped);
  g_string_truncate (text, 0);
}

/* Fills in the variable @name (written `{name}`, from @open to @close) of
 * the server at @url: its value in @filled, and in @base_url its
 * reference, or in @text its value when its name cannot be one. */
static void
fill_variable (RcOpenApiReader *reader,
               RcOpenApiServer *server,
               const char      *url,
               JsonObject      *variables,
               const char      *open,
               const char      *close,
               GString         *filled,
               GString         *base_url,
               GString         *text)
{
  g_autofree char *name = g_strndup (open + 1, close - open - 1);
  JsonObject *variable = node_get_object (get_member (variables, name));
  g_auto(GStrv) choices = _rc_open_api_dup_strings (get_member (variable, "enum"));
  g_autofree char *value =
    dup_variable_value (reader, url, name, variable, (const char * const *) choices);
  gboolean valid = rc_template_name_is_valid (name);

  if (value == NULL)
    {
      _rc_open_api_warn (reader->self,
                         _("The server URL “%s” uses the variable “%s”, which has no default "
                           "and no values (enum); no API can be imported with this server."),
                         url, name);
      if (server->problem == NULL)
        server->problem =
          g_strdup_printf (_("The server URL “%s” uses the variable “%s”, which has no default "
                             "value and no values to choose from, so it cannot be the API’s base "
                             "URL. Give the variable a default in the document."),
                           url, name);
      g_string_append_len (filled, open, close - open + 1);
    }
  else
    g_string_append (filled, value);

  if (!valid)
    {
      if (value)
        _rc_open_api_warn (reader->self,
                           _("The server variable “%s” of “%s” cannot be a variable of Restcall, "
                             "whose names are letters, digits, “_”, “-” and “.”, starting with a "
                             "letter or “_”; the base URL has its value, “%s”."),
                           name, url, value);
      if (value)
        g_string_append (text, value);
      else
        g_string_append_len (text, open, close - open + 1);
      return;
    }

  flush_text (base_url, text);
  g_string_append_printf (base_url, "{{%s}}", name);

  /* A value is filled in too: it is kept as it is. */
  if (value && find_variable (server, name) == NULL)
    {
      g_autofree char *escaped = rc_template_escape (value);
      RcVariable *project_variable = rc_variable_new (name, escaped);

      for (guint i = 0; choices[i]; i++)
        {
          g_autofree char *choice = choices[i];

          choices[i] = rc_template_escape (choice);
        }
      rc_variable_set_choices (project_variable, (const char * const *) choices);
      g_ptr_array_add (server->variables, project_variable);
    }
}

/* The base URL of a server at a relative @filled URL: resolved as
 * make_absolute() resolves it, when it can be. */
static char *
dup_absolute_base_url (RcOpenApiReader *reader,
                       const char      *filled,
                       const char      *base_url)
{
  char *absolute;

  if (g_uri_peek_scheme (filled) != NULL || reader->self->base_uri == NULL)
    return g_strdup (base_url);

  absolute = g_uri_resolve_relative (reader->self->base_uri, base_url, G_URI_FLAGS_NONE, NULL);

  return absolute ? absolute : g_strdup (base_url);
}

static RcOpenApiServer *
read_server_3 (RcOpenApiReader *reader,
               JsonObject      *object,
               const char      *url)
{
  JsonObject *variables = node_get_object (get_member (object, "variables"));
  g_autoptr(GString) filled = g_string_new (NULL);
  g_autoptr(GString) base_url = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  RcOpenApiServer *server = server_new (NULL);
  const char *p = url;

  server->description = _rc_open_api_dup_text (object, "description");

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (filled, p);
          g_string_append (text, p);
          break;
        }

      g_string_append_len (filled, p, open - p);
      g_string_append_len (text, p, open - p);
      fill_variable (reader, server, url, variables, open, close, filled, base_url, text);
      p = close + 1;
    }
  flush_text (base_url, text);

  server->url = make_absolute (reader, filled->str);
  server->base_url = dup_absolute_base_url (reader, filled->str, base_url->str);

  return server;
}

static void
read_servers_3 (RcOpenApiReader *reader,
                JsonObject      *root,
                GPtrArray       *servers)
{
  JsonArray *array = node_get_array (get_member (root, "servers"));

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *server = node_get_object (json_array_get_element (array, i));
      const char *url = get_string (server, "url");

      if (url == NULL)
        {
          _rc_open_api_warn (reader->self,
                             _("The server at /servers/%u has no URL; it is left out."), i);
          continue;
        }

      g_ptr_array_add (servers, read_server_3 (reader, server, url));
    }

  if (servers->len == 0)
    {
      if (reader->self->base_uri)
        g_ptr_array_add (servers, server_new (make_absolute (reader, "/")));
      else
        _rc_open_api_warn (reader->self,
                           _("The document names no server; enter the API’s base URL after "
                             "importing."));
    }
}

static void
read_servers_2 (RcOpenApiReader *reader,
                JsonObject      *root,
                GPtrArray       *servers)
{
  RcOpenApi *self = reader->self;
  const char *host = get_string (root, "host");
  const char *base_path = get_string (root, "basePath");
  g_auto(GStrv) schemes = _rc_open_api_dup_strings (get_member (root, "schemes"));
  g_autoptr(GUri) base =
    self->base_uri ? g_uri_parse (self->base_uri, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autofree char *base_host = NULL;
  g_autofree char *path = NULL;

  if (base_path == NULL || base_path[0] == '\0')
    path = g_strdup ("");
  else if (base_path[0] != '/')
    path = g_strconcat ("/", base_path, NULL);
  else
    path = g_strdup (base_path);

  if ((host == NULL || host[0] == '\0') && base && g_uri_get_host (base))
    {
      base_host = g_uri_get_port (base) > 0
                  ? g_strdup_printf ("%s:%d", g_uri_get_host (base), g_uri_get_port (base))
                  : g_strdup (g_uri_get_host (base));
      host = base_host;
    }

  if (host == NULL || host[0] == '\0')
    {
      g_ptr_array_add (servers, server_new (make_absolute (reader, path[0] ? path : "/")));
      return;
    }

  if (schemes[0] == NULL)
    g_ptr_array_add (servers, server_new (g_strdup_printf (
                                "%s://%s%s", base ? g_uri_get_scheme (base) : "https", host, path)));

  for (guint i = 0; schemes[i]; i++)
    g_ptr_array_add (servers,
                     server_new (g_strdup_printf ("%s://%s%s", schemes[i], host, path)));
}

void
_rc_open_api_read_servers (RcOpenApiReader *reader,
                           JsonObject      *root)
{
  RcOpenApi *self = reader->self;
  GPtrArray *servers = g_ptr_array_new_with_free_func (_rc_open_api_server_free);
  GStrv urls;

  if (self->format == RC_OPEN_API_FORMAT_SWAGGER_2_0)
    read_servers_2 (reader, root, servers);
  else
    read_servers_3 (reader, root, servers);

  urls = g_new0 (char *, servers->len + 1);
  for (guint i = 0; i < servers->len; i++)
    urls[i] = g_strdup (((RcOpenApiServer *) servers->pdata[i])->url);

  g_strfreev (self->servers);
  self->servers = urls;
  g_clear_pointer (&self->server_records, g_ptr_array_unref);
  self->server_records = servers;
}

/* Path- or operation-level servers are not used: say so when they differ. */
void
_rc_open_api_check_local_servers (RcOpenApiReader *reader,
                                  JsonObject      *object,
                                  const char      *where)
{
  JsonArray *array = node_get_array (get_member (object, "servers"));

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *server = node_get_object (json_array_get_element (array, i));
      const char *url = get_string (server, "url");

      if (url && !g_strv_contains ((const char * const *)reader->self->servers, url))
        {
          _rc_open_api_warn (reader->self,
                             _("%s names its own server %s, which is not used; its methods use the "
                               "API’s base URL."),
                             where, url);
          return;
        }
    }
}

guint
rc_open_api_get_n_servers (RcOpenApi *self)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), 0);

  return self->server_records->len;
}

/**
 * rc_open_api_get_server:
 *
 * Returns: (transfer none): the server at @position, in document order,
 *   as rc_open_api_get_servers() lists them
 */
const RcOpenApiServer *
rc_open_api_get_server (RcOpenApi *self,
                        guint      position)
{
  g_return_val_if_fail (RC_IS_OPEN_API (self), NULL);
  g_return_val_if_fail (position < self->server_records->len, NULL);

  return self->server_records->pdata[position];
}

/**
 * rc_open_api_server_dup_environment_name:
 *
 * Returns: (transfer full): the name of an environment made for
 *   @server's variables: the first line of its description (made
 *   printable, and cut when long), or “Default”
 */
char *
rc_open_api_server_dup_environment_name (const RcOpenApiServer *server)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (server != NULL, NULL);

  if (server->description)
    {
      const char *end = strchr (server->description, '\n');

      line = end ? g_strndup (server->description, end - server->description)
                 : g_strdup (server->description);
      g_strstrip (line);
    }

  if (line == NULL || line[0] == '\0')
    return g_strdup (_("Default"));

  return rc_text_dup_printable (line, -1, MAX_ENVIRONMENT_NAME_CHARS, RC_TEXT_ONE_LINE);
}

/**
 * rc_open_api_dup_variables_summary:
 * @variables: (element-type RcVariable): variables, such as a server's
 *
 * Returns: (transfer full): their names, each with its choices when it has
 *   any, such as “region (eu, us), basePath”, made printable
 */
char *
rc_open_api_dup_variables_summary (GPtrArray *variables)
{
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (variables != NULL, NULL);

  for (guint i = 0; i < variables->len; i++)
    {
      RcVariable *variable = variables->pdata[i];
      const char * const *choices = rc_variable_get_choices (variable);

      if (i > 0)
        g_string_append (summary, ", ");
      g_string_append (summary, rc_variable_get_name (variable));
      if (choices[0])
        {
          g_autofree char *list = g_strjoinv (", ", (char **) choices);

          g_string_append_printf (summary, " (%s)", list);
        }
    }

  return rc_text_dup_printable (summary->str, summary->len, 0, RC_TEXT_ONE_LINE);
}
