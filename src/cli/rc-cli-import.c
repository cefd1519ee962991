/* rc-cli-import.c: `restcall import DOCUMENT [--json] [--into PROJECT …]`
 *
 * Reads a Swagger 2.0 or OpenAPI 3.0/3.1 document (JSON or YAML) from a
 * file or an http(s) URL and prints what it holds: a summary for people, or
 * with --json the importer's contract (see rc_open_api_to_json()), whose
 * "auth" is the API's as the project file will hold it. With
 * --into, the API is added to a project file (created when missing), saved
 * atomically; an API of the same name is never replaced. Its base URL is
 * the first server's, whose variables the project gets
 * (rc_project_add_variables()): in a new environment named after the
 * server's description when it has none, else in each environment that
 * lacks them, never changing a value it has. `$ref`s into other
 * local files are followed relative to the file holding them, inside the
 * document's folder; `$ref`s to http(s) documents only with
 * --allow-remote-refs, fetched synchronously, from the document's origin;
 * --allow-external-refs lifts both bounds. Every download (the document,
 * and each one its $refs point into) is read up to --max-size within
 * --timeout seconds, and so is every file a $ref points into. The core's
 * loader (rc-openapi-loader.c) reads it, as it does for the window; a
 * failure's message gets what to do in this command's terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "restcall-core.h"
#include "rc-cli-private.h"

static gboolean
is_url (const char *document)
{
  return g_str_has_prefix (document, "https://") || g_str_has_prefix (document, "http://");
}

/* What to do when the document could not be read, in the command's terms;
 * NULL when the error says it already. */
static const char *
get_advice (const GError *error)
{
  static const char *const advice[] = {
    [RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE] = N_("Check the name."),
    [RC_OPEN_API_LOAD_ERROR_STATUS] = N_("Check the URL."),
    [RC_OPEN_API_LOAD_ERROR_TOO_LARGE] =
      N_("Download it and import the file, or allow more with --max-size."),
    [RC_OPEN_API_LOAD_ERROR_TIMED_OUT] =
      N_("Try again, allow it more time with --timeout, or download it and import the file."),
    [RC_OPEN_API_LOAD_ERROR_DOWNLOAD] =
      N_("Check the URL and the network, or download the document and import the file."),
  };

  if (error->domain != RC_OPEN_API_LOAD_ERROR || (guint) error->code >= G_N_ELEMENTS (advice)
      || advice[error->code] == NULL)
    return NULL;

  return _(advice[error->code]);
}

/* Reads DOCUMENT, a file or an http(s) URL, as @options allow; or says
 * why not, and gives the exit status. */
static RcOpenApi *
load (const char                 *document,
      const RcOpenApiLoadOptions *options,
      int                        *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  RcOpenApi *open_api;
  const char *advice;

  if (is_url (document))
    open_api = rc_open_api_load_url (document, options, NULL, &error);
  else
    {
      file = g_file_new_for_commandline_arg (document);
      open_api = rc_open_api_load_file (file, document, options, NULL, &error);
    }

  if (open_api)
    return open_api;

  if (g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_INVALID_URL))
    {
      /* Messages name the document: never with its password. */
      g_autofree char *shown = rc_text_dup_url (document);

      rc_cli_error (_("“%s” is not a valid URL. Check it, or give a file name."), shown);
    }
  else if ((advice = get_advice (error)))
    rc_cli_error ("%s %s", error->message, advice);
  else
    rc_cli_error ("%s", error->message);

  *exit_status = rc_failure_get_exit_status (rc_failure_classify (error));
  return NULL;
}

static gboolean
import_into (RcOpenApi          *open_api,
             const char         *project_path,
             const char         *api_name,
             const char * const *names,
             const char         *tag,
             gboolean            quiet)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (project_path);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(RcApi) api = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *environment_name = NULL;
  const RcOpenApiServer *server = NULL;
  RcEnvironment *made = NULL;
  RcAuth *auth;

  if (!(api = rc_open_api_build_api (open_api, names, tag, &error)))
    {
      rc_cli_error ("%s", error->message);
      return FALSE;
    }
  if (api_name)
    rc_api_set_name (api, api_name);

  if (!(project = rc_project_load (file, NULL, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          rc_cli_error ("%s", error->message);
          return FALSE;
        }
      g_clear_error (&error);
      project = rc_project_new ();
    }

  if (rc_project_find_api (project, rc_api_get_name (api)))
    {
      rc_cli_error (_("“%s” already has an API named “%s”. Choose another name with --api-name."),
                    project_path, rc_api_get_name (api));
      return FALSE;
    }

  rc_project_add_api (project, api);
  if (rc_open_api_get_n_servers (open_api) > 0)
    {
      server = rc_open_api_get_server (open_api, 0);
      environment_name = rc_open_api_server_dup_environment_name (server);
      made = rc_project_add_variables (project, server->variables, environment_name);
    }
  if (!rc_cli_save_project (project, file, &error))
    {
      rc_cli_error (_("The project was not saved: %s"), error->message);
      return FALSE;
    }

  if (quiet)
    return TRUE;

  auth = rc_api_get_auth (api);
  rc_cli_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added the API “%s” with %u method to %s.\n",
                        "Added the API “%s” with %u methods to %s.\n",
                        rc_api_get_n_methods (api)),
           rc_api_get_name (api), rc_api_get_n_methods (api), project_path);
  rc_cli_print (_("Authentication: %s\n"), rc_auth_kind_get_label (rc_auth_get_kind (auth)));
  if (server && server->variables->len > 0)
    {
      g_autofree char *summary = rc_open_api_dup_variables_summary (server->variables);

      if (made)
        rc_cli_print (_("Variables: %s, in the new environment “%s”\n"), summary,
                      rc_environment_get_name (made));
      else
        rc_cli_print (_("Variables: %s, in each environment that lacked them\n"), summary);
    }
  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_NONE)
    {
      g_autofree char *path = rc_text_dup_shell_word (project_path);
      g_autofree char *name = rc_text_dup_shell_word (rc_api_get_name (api));

      rc_cli_print (_("Set the credentials with “restcall auth %s %s”.\n"), path, name);
    }

  return TRUE;
}

static void
print_summary (RcOpenApi *open_api)
{
  const char * const *servers = rc_open_api_get_servers (open_api);
  const char * const *warnings = rc_open_api_get_warnings (open_api);
  guint n_operations = rc_open_api_get_n_operations (open_api);
  guint n_schemes = rc_open_api_get_n_schemes (open_api);
  const RcOpenApiScheme *scheme = NULL;
  g_autoptr(RcAuth) auth = rc_open_api_dup_auth (open_api, NULL, &scheme);
  RcAuthKind kind = rc_auth_get_kind (auth);

  rc_cli_print (_("%s %s (%s)\n"), rc_open_api_get_title (open_api),
                rc_open_api_get_version (open_api),
                rc_open_api_format_get_label (rc_open_api_get_format (open_api)));

  for (guint i = 0; servers[i]; i++)
    {
      const RcOpenApiServer *record = rc_open_api_get_server (open_api, i);
      g_autofree char *server = rc_text_dup_url (servers[i]);

      rc_cli_print (_("Server: %s\n"), server);
      if (record->variables->len > 0)
        {
          g_autofree char *summary = rc_open_api_dup_variables_summary (record->variables);

          rc_cli_print (_("  Variables: %s\n"), summary);
        }
    }

  if (scheme)
    rc_cli_print (_("Authentication: %s (scheme “%s”)\n"), rc_auth_kind_get_label (kind),
                  scheme->name);
  else
    rc_cli_print (_("Authentication: %s\n"), rc_auth_kind_get_label (kind));
  if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *token_url = rc_text_dup_url (rc_auth_get_token_url (auth));

      rc_cli_print (_("  Access token URL: %s\n"), token_url);
      rc_cli_print (_("  Scopes: %s\n"), rc_auth_get_scopes (auth));
    }

  for (guint i = 0; i < n_schemes; i++)
    {
      const RcOpenApiScheme *other = rc_open_api_get_scheme (open_api, i);

      if (other != scheme)
        rc_cli_print (_("Also declares: %s “%s”\n"), other->type, other->name);
    }

  rc_cli_print (g_dngettext (GETTEXT_PACKAGE, "%u operation:\n", "%u operations:\n", n_operations),
           n_operations);
  for (guint i = 0; i < n_operations; i++)
    {
      const RcOpenApiOperation *operation = rc_open_api_get_operation (open_api, i);

      rc_cli_print ("  %-7s %s  %s\n", operation->method, operation->name, operation->path);
    }

  for (guint i = 0; warnings[i]; i++)
    rc_cli_error (_("warning: %s"), warnings[i]);
}

int
rc_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcOpenApi) open_api = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *into = NULL;
  g_autofree char *api_name = NULL;
  g_autofree char *select = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *max_size_text = NULL;
  gboolean json = FALSE;
  gboolean allow_remote_refs = FALSE;
  gboolean allow_external_refs = FALSE;
  int timeout = RC_HTTP_DEFAULT_DOWNLOAD_TIMEOUT_SECONDS;
  int status;
  RcOpenApiLoadOptions options = { .max_size = RC_HTTP_DEFAULT_MAX_BODY_SIZE };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what the document holds as JSON"), NULL },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Add the API to this project file (created when missing)"), N_("PROJECT") },
    { "api-name", 0, 0, G_OPTION_ARG_STRING, &api_name,
      N_("Name the new API (default: the document’s title)"), N_("NAME") },
    { "select", 0, 0, G_OPTION_ARG_STRING, &select,
      N_("Import only these operations, by operationId or name"), N_("OP1,OP2,…") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag,
      N_("Import only the operations with this tag"), N_("TAG") },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      N_("Resolve relative server URLs against this URL (default: the document’s URL)"),
      N_("URL") },
    { "allow-remote-refs", 0, 0, G_OPTION_ARG_NONE, &allow_remote_refs,
      N_("Download the http(s) documents that $refs point into, from the document’s own origin"),
      NULL },
    { "allow-external-refs", 0, 0, G_OPTION_ARG_NONE, &allow_external_refs,
      N_("Follow $refs anywhere: files outside the document’s folder, other origins "
         "(downloads them too)"),
      NULL },
    { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size_text,
      N_("Read at most SIZE of each document, such as 500K, 64M or 1G (default 64M)"), N_("SIZE") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give each download at most SECONDS, from the first byte to the last (default 60)"),
      N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, N_("DOCUMENT") },
    { NULL }
  };

  g_set_prgname ("restcall import");
  context =
    g_option_context_new (_("— read an OpenAPI or Swagger document, or add it to a project"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  rc_cli_set_description (
    context, _("DOCUMENT is a Swagger 2.0 or OpenAPI 3.0 or 3.1 document, JSON "
               "or YAML, as a file or an http(s):// URL."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return rc_cli_usage_error (error->message);

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    return rc_cli_usage_error (_("Name exactly one document."));

  if (into == NULL && (api_name || select || tag))
    return rc_cli_usage_error (_("--api-name, --select and --tag need --into."));

  if (select && tag)
    return rc_cli_usage_error (_("Use --select or --tag, not both."));

  if (max_size_text && !rc_cli_parse_size (max_size_text, &options.max_size))
    {
      g_autofree char *message = g_strdup_printf (
        _("--max-size takes a size such as 500K, 64M or 1G, at most 2G, not “%s”."),
        max_size_text);

      return rc_cli_usage_error (message);
    }

  if (timeout < 1 || timeout > 24 * 3600)
    return rc_cli_usage_error (_("--timeout takes a number of seconds from 1 to 86400 (a day)."));
  options.timeout_seconds = timeout;

  if (base_url && g_uri_peek_scheme (base_url) == NULL)
    return rc_cli_usage_error (
      _("--base-url needs an absolute URL, such as https://api.example.com."));

  if (select)
    {
      names = g_strsplit (select, ",", -1);
      for (guint i = 0; names[i]; i++)
        g_strstrip (names[i]);
    }

  /* Each document a $ref points into under the same limits. */
  options.fetch_refs = allow_remote_refs || allow_external_refs;
  options.allow_external = allow_external_refs;
  options.base_uri = base_url;
  if (!(open_api = load (args[0], &options, &status)))
    return status;

  if (json)
    {
      g_autoptr(JsonNode) root = rc_open_api_to_json (open_api);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  else if (into == NULL)
    print_summary (open_api);
  else
    {
      const char * const *warnings = rc_open_api_get_warnings (open_api);

      for (guint i = 0; warnings[i]; i++)
        rc_cli_error (_("warning: %s"), warnings[i]);
    }

  if (into && !import_into (open_api, into, api_name, (const char * const *)names, tag, json))
    return rc_failure_get_exit_status (RC_FAILURE_FILE);

  return RC_CLI_EXIT_OK;
}
