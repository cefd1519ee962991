/* rc-curl.c: a method as curl commands, with the secret left in the environment
 *
 * "Copy as curl" gives a POSIX shell script that repeats a call the way the
 * executor sends it (rc-executor.c): the same URL, the API's headers then
 * the method's, the body and its content type, and the authentication
 * last, replacing an Authorization header typed by hand.
 *
 * The script never holds a secret. A Basic password is read from
 * $RESTCALL_PASSWORD; for OAuth 2.0 client credentials, the script first
 * asks the authorization server for a token with the client secret from
 * $RESTCALL_CLIENT_SECRET, authenticating the client as Restcall does
 * (rc-oauth.c): a Basic Auth header whose id and secret are
 * form-urlencoded first (RFC 6749 §2.3.1), unless the auth asks for raw
 * Basic, or client_id and client_secret fields in the body. jq reads the
 * token from the answer and, for the Basic header, form-urlencodes the
 * secret, which only the shell sees. curl cannot sign a client assertion
 * (client_secret_jwt, private_key_jwt): the script takes one signed fresh
 * from $RESTCALL_CLIENT_ASSERTION, and says what it must claim. With
 * mutual TLS, both requests present the client certificate (--cert,
 * --key); a key that is only in Restcall's keyring is not in the script
 * either: it names a variable for a file that holds it.
 *
 * Everything that comes from the project is quoted with g_shell_quote(),
 * and what goes into comments is kept to one line, so no name, header or
 * body can run as a command. A method the executor would refuse to send (a
 * verb, content type or header that HTTP cannot carry, rc-wire.c) gives no
 * script but the same error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-api.h"
#include "rc-basic-form.h"
#include "rc-curl.h"
#include "rc-executor.h"
#include "rc-oauth.h"
#include "rc-setting-private.h"
#include "rc-text.h"
#include "rc-wire.h"

/* Between the arguments of one command. */
#define CONTINUATION " \\\n  "

/* Options every command starts with: quiet but for errors, and the URL
 * taken as it is, with no globbing of [] and {} and no squashing of /../,
 * as libsoup sends it. */
#define CURL_COMMON "curl --silent --show-error --globoff --path-as-is"

/* Helpers */

static void
add_quoted (GPtrArray  *args,
            const char *text)
{
  g_ptr_array_add (args, g_shell_quote (text));
}

static void
add_option (GPtrArray  *args,
            const char *option,
            const char *value)
{
  g_autofree char *quoted = g_shell_quote (value);

  g_ptr_array_add (args, g_strconcat (option, " ", quoted, NULL));
}

/* A shell text that is already quoted, such as "$variable". */
static void
add_raw (GPtrArray  *args,
         const char *option,
         const char *shell_text)
{
  g_ptr_array_add (args, g_strconcat (option, " ", shell_text, NULL));
}

static char *
join_command (const char *command,
              GPtrArray  *args)
{
  GString *text = g_string_new (command);

  for (guint i = 0; i < args->len; i++)
    {
      g_string_append (text, CONTINUATION);
      g_string_append (text, g_ptr_array_index (args, i));
    }

  return g_string_free (text, FALSE);
}

/* Text for a comment line: one line, whatever it was. */
static char *
one_line (const char *text)
{
  char *copy = g_utf8_make_valid (text ? text : "", -1);

  for (char *p = copy; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        *p = ' ';
    }

  return copy;
}

static void
append_comment (GString    *script,
                const char *text)
{
  g_autofree char *line = one_line (text);

  g_string_append_printf (script, "# %s\n", line);
}

/* Fails the script, with @message on stderr, unless @variable is set. */
static void
append_require_variable (GString    *script,
                         const char *variable,
                         const char *message)
{
  g_autofree char *quoted = g_shell_quote (message);

  g_string_append_printf (script,
                          "if [ -z \"${%s+set}\" ]; then\n"
                          "  printf '%%s\\n' %s >&2\n"
                          "  exit 1\n"
                          "fi\n",
                          variable, quoted);
}

/* Sets @name, replacing any header of that name, as
 * soup_message_headers_replace() does. */
static void
set_header (GPtrArray  *headers,
            const char *name,
            const char *value)
{
  for (guint i = 0; i < headers->len; )
    {
      RcPair *pair = g_ptr_array_index (headers, i);

      if (g_ascii_strcasecmp (rc_pair_get_name (pair), name) == 0)
        g_ptr_array_remove_index (headers, i);
      else
        i++;
    }

  g_ptr_array_add (headers, rc_pair_new (name, value));
}

static void
collect_headers (GPtrArray  *headers,
                 RcPairList *list)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (model, i);

      if (rc_pair_get_name (pair)[0] == '\0')
        continue;

      set_header (headers, rc_pair_get_name (pair), rc_pair_get_value (pair));
    }
}

static gboolean
find_header (GPtrArray  *headers,
             const char *name,
             guint      *index)
{
  for (guint i = 0; i < headers->len; i++)
    {
      if (g_ascii_strcasecmp (rc_pair_get_name (g_ptr_array_index (headers, i)), name) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_header (GPtrArray  *args,
            const char *name,
            const char *value)
{
  g_autofree char *line = NULL;

  /* "Name:" would make curl leave the header out; "Name;" sends it empty. */
  if (value[0] == '\0')
    line = g_strconcat (name, ";", NULL);
  else
    line = g_strconcat (name, ": ", value, NULL);

  add_option (args, "-H", line);
}

static gboolean
check_oauth (RcAuth  *auth,
             GError **error)
{
  if (!rc_oauth_check_auth_token_url (auth, error))
    return FALSE;

  return _rc_oauth_check_client_id (auth, error);
}

/* Mutual TLS: the client certificate and its key, on every request. */
static void
add_client_cert (GPtrArray *args,
                 RcAuth    *auth)
{
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;

  if (rc_auth_get_kind (auth) != RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
      || rc_auth_get_client_auth (auth) != RC_CLIENT_AUTH_TLS)
    return;

  /* Where Restcall reads them, wherever the script runs. */
  cert_file = rc_auth_dup_file_path (auth, rc_auth_get_client_cert_file (auth));
  key_file = rc_auth_dup_file_path (auth, rc_auth_get_private_key_file (auth));
  add_option (args, "--cert", cert_file ? cert_file : "");
  if (key_file != NULL)
    add_option (args, "--key", key_file);
  else
    add_raw (args, "--key", "\"$" RC_CURL_CLIENT_KEY_VARIABLE "\"");
}

/* The token request, and the access token read from its answer into
 * $access_token. */
static void
append_token_request (GString    *script,
                      RcAuth     *auth,
                      const char *user_agent)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcAuth) fields_auth = rc_auth_copy (auth);
  g_autofree char *fields = NULL;
  g_autofree char *command = NULL;
  g_autofree char *no_token = NULL;
  g_autofree char *shown_url = NULL;
  RcClientAuth client_auth = rc_auth_get_client_auth (auth);

  g_string_append_c (script, '\n');
  append_comment (script, _("1. An access token from the authorization server (OAuth 2.0 client "
                            "credentials)."));

  if (client_auth == RC_CLIENT_AUTH_BASIC_HEADER)
    {
      gboolean raw = rc_basic_form_first (auth) == RC_BASIC_FORM_RAW;
      g_autofree char *client_id = raw ? g_strdup (rc_auth_get_client_id (auth))
                                       : rc_oauth_form_encode (rc_auth_get_client_id (auth));
      g_autofree char *quoted_id = g_shell_quote (client_id);

      if (raw)
        {
          append_comment (script, rc_auth_get_basic_form (auth) == RC_BASIC_FORM_RAW
                                  ? _("The client ID and secret go unencoded into the Basic Auth "
                                      "header, as the authentication’s settings ask.")
                                  : _("The client ID and secret go unencoded into the Basic Auth "
                                      "header: Restcall found that this server compares them "
                                      "unencoded."));
          g_string_append_printf (script, "client_id=%s\n", quoted_id);
          g_string_append (script, "client_secret=$" RC_CURL_CLIENT_SECRET_VARIABLE "\n");
        }
      else
        {
          append_comment (script, _("The client ID and secret are form-urlencoded before they go "
                                    "into the Basic Auth header (RFC 6749, section 2.3.1)."));
          g_string_append_printf (script, "client_id=%s\n", quoted_id);
          g_string_append (script,
                           "client_secret=$(jq -rn 'env." RC_CURL_CLIENT_SECRET_VARIABLE
                           " | @uri | gsub(\"%20\"; \"+\")')\n");
        }
    }

  /* grant_type, scope and the extra parameters, encoded as Restcall
   * encodes them; the client's credentials follow. */
  rc_auth_set_client_auth (fields_auth, RC_CLIENT_AUTH_BASIC_HEADER);
  fields = rc_oauth_build_token_body (fields_auth, NULL, NULL);

  add_option (args, "-H", "Accept: application/json");
  add_option (args, "-H", user_agent);
  if (client_auth == RC_CLIENT_AUTH_BASIC_HEADER)
    add_raw (args, "-u", "\"$client_id:$client_secret\"");
  add_option (args, "--data-raw", fields);
  if (client_auth == RC_CLIENT_AUTH_BODY)
    {
      g_autofree char *client_id = rc_oauth_form_encode (rc_auth_get_client_id (auth));
      g_autofree char *field = g_strconcat ("client_id=", client_id, NULL);

      add_option (args, "--data-raw", field);
      add_raw (args, "--data-urlencode", "\"client_secret=$" RC_CURL_CLIENT_SECRET_VARIABLE "\"");
    }
  if (rc_oauth_client_auth_is_jwt (client_auth))
    {
      g_autofree char *client_id = rc_oauth_form_encode (rc_auth_get_client_id (auth));
      g_autofree char *field = g_strconcat ("client_id=", client_id, NULL);

      add_option (args, "--data-raw", field);
      add_option (args, "--data-raw",
                  "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3A"
                  "jwt-bearer");
      add_raw (args, "--data-urlencode",
               "\"client_assertion=$" RC_CURL_CLIENT_ASSERTION_VARIABLE "\"");
    }
  if (client_auth == RC_CLIENT_AUTH_TLS)
    {
      g_autofree char *client_id = rc_oauth_form_encode (rc_auth_get_client_id (auth));
      g_autofree char *field = g_strconcat ("client_id=", client_id, NULL);

      append_comment (script, _("The client presents its certificate (mutual TLS, RFC 8705) and "
                                "sends only its client ID in the body."));
      add_option (args, "--data-raw", field);
      add_client_cert (args, auth);
    }
  add_quoted (args, rc_auth_get_token_url (auth));

  command = join_command (CURL_COMMON, args);
  g_string_append_printf (script, "token_response=$(%s)\n", command);

  /* What the script says names the server, never a password in its URL. */
  shown_url = rc_text_dup_url (rc_auth_get_token_url (auth));
  no_token = g_strdup_printf (_("No access token in the answer of the authorization server at %s:"),
                              shown_url);
  {
    g_autofree char *quoted = g_shell_quote (no_token);

    g_string_append (script,
                     "access_token=$(printf '%s' \"$token_response\" "
                     "| jq -r '.access_token // empty' 2>/dev/null || true)\n");
    g_string_append_printf (script,
                            "if [ -z \"$access_token\" ]; then\n"
                            "  printf '%%s\\n' %s \"$token_response\" >&2\n"
                            "  exit 1\n"
                            "fi\n",
                            quoted);
  }
}

/* Public API */

/**
 * rc_curl_format_command:
 * @method: a method, usually of an API
 * @values: (nullable): values for the URL's parameters; %NULL for the
 *   method's test values
 *
 * Writes a POSIX shell script that makes the call with curl, as Restcall
 * sends it. The secret of the method's authentication is not in it: the
 * script reads it from $RESTCALL_PASSWORD (Basic) or
 * $RESTCALL_CLIENT_SECRET (OAuth 2.0), and says so in its first lines.
 *
 * Returns: (transfer full): the script, or %NULL with an error that says
 *   what setting keeps the call from being made
 */
char *
rc_curl_format_command (RcMethod    *method,
                        RcPairList  *values,
                        GError     **error)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *url = NULL;
  g_autofree char *user_agent = g_strdup_printf ("User-Agent: Restcall/%s", PACKAGE_VERSION);
  g_autofree char *command = NULL;
  g_autofree char *title = NULL;
  g_autofree char *shown_url = NULL;
  g_autofree char *problem = NULL;
  GString *script;
  RcApi *api;
  RcAuth *auth;
  RcAuthKind kind;
  const char *verb;
  const char *body;
  gboolean overridden = FALSE;
  guint index;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);
  g_return_val_if_fail (values == NULL || RC_IS_PAIR_LIST (values), NULL);

  api = rc_method_get_api (method);
  auth = rc_method_get_effective_auth (method);
  kind = auth ? rc_auth_get_kind (auth) : RC_AUTH_KIND_NONE;
  verb = rc_method_get_verb (method);
  body = rc_method_get_body (method);

  url = rc_executor_build_url (method, values, error);
  if (url == NULL)
    return NULL;

  if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS && !check_oauth (auth, error))
    return NULL;

  /* What the executor would refuse to send is not written either. */
  if ((problem = rc_wire_check_method (method)))
    {
      g_set_error_literal (error, RC_EXECUTOR_ERROR, RC_EXECUTOR_ERROR_SETTINGS, problem);
      return NULL;
    }

  /* The API's headers, then the method's, then the body's type. */
  if (api)
    collect_headers (headers, rc_api_get_headers (api));
  collect_headers (headers, rc_method_get_headers (method));
  if (body[0] != '\0')
    set_header (headers, "Content-Type", rc_method_get_body_content_type (method));
  if (!find_header (headers, "User-Agent", &index))
    g_ptr_array_insert (headers, 0,
                        rc_pair_new ("User-Agent", user_agent + strlen ("User-Agent: ")));

  /* The authentication replaces an Authorization header set by hand. */
  if (kind != RC_AUTH_KIND_NONE && find_header (headers, "Authorization", &index))
    {
      g_ptr_array_remove_index (headers, index);
      overridden = TRUE;
    }

  /* The first lines: what this is, and what to set. */
  script = g_string_new ("#!/bin/sh\n");
  /* Translators: the first comment of a shell script; the first %s is a method's name,
   * the second an HTTP verb and the third a URL */
  shown_url = rc_text_dup_url (url);
  title = g_strdup_printf (_("“%s”: %s %s, as Restcall sends it."),
                           rc_method_get_name (method), verb, shown_url);
  append_comment (script, title);

  if (kind == RC_AUTH_KIND_BASIC)
    {
      g_autofree char *line = NULL;

      /* Translators: a comment in a shell script; %s is an environment variable */
      line = g_strdup_printf (_("Set %s to the password before you run it: this script does "
                                "not contain it."),
                              RC_CURL_PASSWORD_VARIABLE);
      append_comment (script, line);
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
           && rc_oauth_client_auth_is_jwt (rc_auth_get_client_auth (auth)))
    {
      g_autofree char *line = NULL;
      g_autofree char *claims = NULL;
      RcClientAuth client_auth = rc_auth_get_client_auth (auth);

      /* Translators: a comment in a shell script; %s is an environment variable */
      line = g_strdup_printf (_("curl cannot sign a client assertion (RFC 7523): sign one fresh "
                                "for every run and set %s to it before you run this script; a "
                                "server takes each one once, and only for a minute or so."),
                              RC_CURL_CLIENT_ASSERTION_VARIABLE);
      append_comment (script, line);
      /* Translators: a comment in a shell script; the first %s is an algorithm such as HS256
       * or "RS256, PS256 or ES256", the second what signs, the third a client ID, the
       * fourth a URL */
      claims = g_strdup_printf (_("It is a JWT signed %s with %s, claiming iss and sub “%s”, "
                                  "aud “%s”, a new jti, iat and an exp soon after."),
                                client_auth == RC_CLIENT_AUTH_SECRET_JWT
                                ? "HS256"
                                : rc_auth_get_jwt_alg (auth) == RC_JWT_ALG_AUTO
                                ? "RS256, PS256 or ES256"
                                : rc_jwt_alg_to_string (rc_auth_get_jwt_alg (auth)),
                                client_auth == RC_CLIENT_AUTH_SECRET_JWT
                                ? _("the client secret")
                                : _("the client’s private key"),
                                rc_auth_get_client_id (auth), rc_auth_get_token_url (auth));
      append_comment (script, claims);
      append_comment (script, _("It needs curl and jq: jq reads the access token from the "
                                "authorization server’s answer."));
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
           && rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS)
    {
      if (rc_auth_secret_holds_key (auth))
        {
          g_autofree char *line = NULL;

          /* Translators: a comment in a shell script; %s is an environment variable */
          line = g_strdup_printf (_("The client certificate’s private key is in Restcall’s "
                                    "keyring, not in a file: save it to a file only you can "
                                    "read, and set %s to that file before you run this script."),
                                  RC_CURL_CLIENT_KEY_VARIABLE);
          append_comment (script, line);
        }
      append_comment (script, _("It needs curl and jq: jq reads the access token from the "
                                "authorization server’s answer."));
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *line = NULL;

      /* Translators: a comment in a shell script; %s is an environment variable */
      line = g_strdup_printf (_("Set %s to the client secret before you run it: this script "
                                "does not contain it."),
                              RC_CURL_CLIENT_SECRET_VARIABLE);
      append_comment (script, line);
      append_comment (script, _("It needs curl and jq: jq reads the access token from the "
                                "authorization server’s answer."));
    }
  else
    append_comment (script, _("It needs curl."));

  g_string_append (script, "set -eu\n");

  if (kind == RC_AUTH_KIND_BASIC)
    {
      g_autofree char *message = NULL;

      /* Translators: an error message of a shell script; %s is an environment variable */
      message = g_strdup_printf (_("Set %s to the password first."), RC_CURL_PASSWORD_VARIABLE);
      append_require_variable (script, RC_CURL_PASSWORD_VARIABLE, message);
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      g_autofree char *message = NULL;
      gboolean tls = rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS;

      if (rc_oauth_client_auth_is_jwt (rc_auth_get_client_auth (auth)))
        {
          /* Translators: an error message of a shell script; %s is an environment variable */
          message = g_strdup_printf (_("Set %s to a client assertion signed just now first."),
                                     RC_CURL_CLIENT_ASSERTION_VARIABLE);
          append_require_variable (script, RC_CURL_CLIENT_ASSERTION_VARIABLE, message);
        }
      else if (tls)
        {
          if (rc_auth_secret_holds_key (auth))
            {
              message = g_strdup_printf (_("Set %s to the file of the client certificate’s "
                                           "private key first."),
                                         RC_CURL_CLIENT_KEY_VARIABLE);
              append_require_variable (script, RC_CURL_CLIENT_KEY_VARIABLE, message);
            }
        }
      else
        {
          message = g_strdup_printf (_("Set %s to the client secret first."),
                                     RC_CURL_CLIENT_SECRET_VARIABLE);
          append_require_variable (script, RC_CURL_CLIENT_SECRET_VARIABLE, message);
        }
      append_token_request (script, auth, user_agent);
      g_string_append_c (script, '\n');
      append_comment (script, _("2. The call, with the access token."));
    }

  if (overridden)
    append_comment (script, _("The Authorization header set by hand is left out: the "
                              "authentication replaces it, as in Restcall."));

  /* The verb: curl sends GET, or POST when there is a body, unless told. */
  if (g_ascii_strcasecmp (verb, "HEAD") == 0 && body[0] == '\0')
    g_ptr_array_add (args, g_strdup ("--head"));
  else if (!(g_str_equal (verb, "GET") && body[0] == '\0')
           && !(g_str_equal (verb, "POST") && body[0] != '\0'))
    add_option (args, "-X", verb);

  for (guint i = 0; i < headers->len; i++)
    {
      RcPair *pair = g_ptr_array_index (headers, i);

      add_header (args, rc_pair_get_name (pair), rc_pair_get_value (pair));
    }

  if (kind == RC_AUTH_KIND_BASIC)
    {
      g_autofree char *quoted = g_shell_quote (rc_auth_get_username (auth));

      g_string_append_printf (script, "username=%s\n", quoted);
      add_raw (args, "-u", "\"$username:$" RC_CURL_PASSWORD_VARIABLE "\"");
    }
  else if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      add_raw (args, "-H", "\"Authorization: Bearer $access_token\"");
      add_client_cert (args, auth);
    }

  if (body[0] != '\0')
    add_option (args, "--data-raw", body);

  add_quoted (args, url);

  command = join_command (CURL_COMMON, args);
  g_string_append (script, command);
  g_string_append_c (script, '\n');

  return g_string_free (script, FALSE);
}
