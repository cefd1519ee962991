/* rc-openapi-servers.c: the importer's servers
 *
 * See rc-openapi.c for what is read and how; this file holds the servers:
 * OpenAPI 3's, their variables filled in, Swagger 2's host and basePath,
 * and relative server URLs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-openapi-private.h"

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

static char *
substitute_variables (RcOpenApiReader *reader,
                      const char      *url,
                      JsonObject      *variables)
{
  RcOpenApi *self = reader->self;
  GString *result = g_string_new (NULL);
  const char *p = url;

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *name = NULL;
      JsonObject *variable;
      g_autofree char *value = NULL;

      if (open == NULL || close == NULL)
        {
          g_string_append (result, p);
          break;
        }

      g_string_append_len (result, p, open - p);
      name = g_strndup (open + 1, close - open - 1);
      variable = node_get_object (get_member (variables, name));
      value = _rc_open_api_dup_text (variable, "default");

      if (value == NULL)
        {
          _rc_open_api_warn (self,
                             _("The server URL “%s” uses the variable “%s”, which has no default; "
                               "it is left as it is."),
                             url, name);
          g_string_append_len (result, open, close - open + 1);
        }
      else
        {
          g_auto(GStrv) allowed = _rc_open_api_dup_strings (get_member (variable, "enum"));

          if (allowed[0] && !g_strv_contains ((const char * const *)allowed, value))
            {
              g_autofree char *list = g_strjoinv (", ", allowed);

              _rc_open_api_warn (
                self,
                _("The server variable “%s” of “%s” defaults to “%s”, which is not "
                  "one of its values (%s); the default is used."),
                name, url, value, list);
            }
          g_string_append (result, value);
        }

      p = close + 1;
    }

  return g_string_free (result, FALSE);
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
      g_autofree char *substituted = NULL;

      if (url == NULL)
        {
          _rc_open_api_warn (reader->self,
                             _("The server at /servers/%u has no URL; it is left out."), i);
          continue;
        }

      substituted =
        substitute_variables (reader, url, node_get_object (get_member (server, "variables")));
      g_ptr_array_add (servers, make_absolute (reader, substituted));
    }

  if (servers->len == 0)
    {
      if (reader->self->base_uri)
        g_ptr_array_add (servers, make_absolute (reader, "/"));
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
      g_ptr_array_add (servers, make_absolute (reader, path[0] ? path : "/"));
      return;
    }

  if (schemes[0] == NULL)
    g_ptr_array_add (
      servers, g_strdup_printf ("%s://%s%s", base ? g_uri_get_scheme (base) : "https", host, path));

  for (guint i = 0; schemes[i]; i++)
    g_ptr_array_add (servers, g_strdup_printf ("%s://%s%s", schemes[i], host, path));
}

void
_rc_open_api_read_servers (RcOpenApiReader *reader,
                           JsonObject      *root)
{
  g_autoptr(GPtrArray) servers = g_ptr_array_new_with_free_func (g_free);

  if (reader->self->format == RC_OPEN_API_FORMAT_SWAGGER_2_0)
    read_servers_2 (reader, root, servers);
  else
    read_servers_3 (reader, root, servers);

  g_ptr_array_add (servers, NULL);
  g_strfreev (reader->self->servers);
  reader->self->servers = (GStrv)g_ptr_array_steal (servers, NULL);
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
