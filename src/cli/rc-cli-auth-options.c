/* rc-cli-auth-options.c: the authentication options of `restcall call` and `auth`
 *
 * Both commands take the same settings (--user, --client-id, --token-url,
 * --scope, --client-auth, --basic-form, --private-key, --key-id,
 * --jwt-alg, --cert, --key, --token-param) and a kind: `call`'s
 * --auth for an ad-hoc call, `auth`'s --type for a saved API or method.
 * The kinds are the project file's names (rc_auth_kind_from_string()),
 * and oauth2-cc for short. Each command also has options of its own (see
 * #RcCliAuthCommand); one table lists them all, with the commands that
 * offer each and, where they differ, each one's help.
 *
 * The checks run in one order: the kind, then the options that belong to
 * another kind, what an ad-hoc call cannot go without, then the values.
 * `auth` checks the values before it reads the project, and which options
 * fit once it knows the kind the API or method has
 * (rc_cli_auth_options_check_fit()); it saves the token URL, so it checks
 * it too, where a call's token request says what is wrong with one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-auth-options.h"
#include "rc-cli-input.h"

#define FOR_CALL (1 << RC_CLI_AUTH_FOR_CALL)
#define FOR_AUTH (1 << RC_CLI_AUTH_FOR_AUTH)

static gboolean
kind_from_option (const char *text,
                  RcAuthKind *kind)
{
  if (g_str_equal (text, "oauth2-cc"))
    {
      *kind = RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS;
      return TRUE;
    }

  return rc_auth_kind_from_string (text, kind);
}

/* The project file's names, and tls for short. */
static gboolean
client_auth_from_option (const char   *text,
                         RcClientAuth *client_auth)
{
  if (g_str_equal (text, "tls"))
    {
      *client_auth = RC_CLIENT_AUTH_TLS;
      return TRUE;
    }

  return rc_client_auth_from_string (text, client_auth);
}

static char *
parse_kind (RcCliAuthOptions *self,
            gboolean          for_method)
{
  if (self->kind_text == NULL)
    {
      if (self->command == RC_CLI_AUTH_FOR_AUTH)
        return NULL;

      /* An ad-hoc call's is what its other options imply. */
      if (self->client_id || self->token_url)
        self->kind = RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS;
      else if (self->user)
        self->kind = RC_AUTH_KIND_BASIC;
      else
        self->kind = RC_AUTH_KIND_NONE;
      self->has_kind = TRUE;
      return NULL;
    }

  if (self->command == RC_CLI_AUTH_FOR_AUTH && g_str_equal (self->kind_text, "inherit"))
    {
      self->inherit = TRUE;
      if (!for_method)
        return g_strdup (_("--type inherit is for a method: name one, after the API."));
      if (rc_cli_auth_options_has_settings (self))
        return g_strdup (_("--type inherit takes no other option: the method then uses the API’s "
                           "authentication as it is."));
      return NULL;
    }

  if (!kind_from_option (self->kind_text, &self->kind))
    {
      if (self->command == RC_CLI_AUTH_FOR_CALL)
        return g_strdup_printf (_("Unknown --auth “%s”: use none, basic or oauth2-cc."),
                                self->kind_text);
      return g_strdup_printf (
        _("Unknown --type “%s”: use none, basic, oauth2-cc, or inherit for a method."),
        self->kind_text);
    }
  self->has_kind = TRUE;

  return NULL;
}

/* What an ad-hoc call cannot go without. */
static char *
check_complete (RcCliAuthOptions *self)
{
  RcClientAuth client_auth = RC_CLIENT_AUTH_BASIC_HEADER;

  /* An unknown one is said with the values. */
  if (self->client_auth_text)
    client_auth_from_option (self->client_auth_text, &client_auth);

  if (self->kind == RC_AUTH_KIND_BASIC && self->user == NULL)
    return g_strdup (_("Basic authentication needs --user ID (and --password-env VAR)."));

  if (self->kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      if (self->client_id == NULL || self->token_url == NULL)
        return g_strdup (
          _("OAuth 2.0 client credentials need --client-id ID and --token-url URL."));
      if (client_auth == RC_CLIENT_AUTH_TLS)
        {
          if (self->client_secret_env || self->client_secret_stdin)
            return g_strdup_printf (_("%s: mutual TLS authenticates the client with its "
                                      "certificate, not a client secret; give the key with "
                                      "--key FILE."),
                                    self->client_secret_env ? "--client-secret-env"
                                                            : "--client-secret-stdin");
          if (self->cert_file == NULL)
            return g_strdup (_("Mutual TLS (--client-auth tls) needs the client certificate: "
                               "--cert FILE, and --key FILE unless the key is in it."));
          return NULL;
        }
      if (self->client_secret_env && self->client_secret_stdin)
        return g_strdup (_("Give the client secret once: --client-secret-env VAR or "
                           "--client-secret-stdin."));
      /* A private_key_jwt client signs with its key, from a file or, as
       * PEM, from the environment. */
      if (client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT && self->private_key
          && (self->client_secret_env || self->client_secret_stdin))
        return g_strdup_printf (_("--client-auth private-key-jwt signs with the private key of "
                                  "--private-key; %s would give it a second time."),
                                self->client_secret_env ? "--client-secret-env"
                                                        : "--client-secret-stdin");
      if (client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT && !self->private_key
          && !self->client_secret_env)
        return g_strdup (_("--client-auth private-key-jwt needs the private key: --private-key "
                           "FILE (PEM), or --client-secret-env VAR holding the PEM."));
      if (!self->private_key && !self->client_secret_env && !self->client_secret_stdin)
        return g_strdup (_("OAuth 2.0 client credentials need the client secret: "
                           "--client-secret-env VAR or --client-secret-stdin."));
    }

  return NULL;
}

/* --basic-form, and the older --raw-basic and --no-raw-basic that say
 * "raw" and "rfc" in one word. */
static char *
parse_basic_form (RcCliAuthOptions *self)
{
  if (self->raw_basic && self->no_raw_basic)
    return g_strdup (_("Give --raw-basic or --no-raw-basic, not both."));

  if (self->basic_form_text && (self->raw_basic || self->no_raw_basic))
    return g_strdup_printf (_("Give --basic-form or %s, not both."),
                            self->raw_basic ? "--raw-basic" : "--no-raw-basic");

  if (self->basic_form_text &&
      !rc_basic_form_from_string (self->basic_form_text, &self->basic_form))
    return g_strdup_printf (_("Unknown --basic-form “%s”: use auto, rfc or raw."),
                            self->basic_form_text);

  if (self->raw_basic)
    self->basic_form = RC_BASIC_FORM_RAW;
  else if (self->no_raw_basic)
    self->basic_form = RC_BASIC_FORM_RFC;
  self->has_basic_form = self->basic_form_text || self->raw_basic || self->no_raw_basic;

  /* The form is that of a Basic Auth header, which the other client
   * authentications send none of. */
  if (self->has_basic_form && self->client_auth_text
      && self->client_auth != RC_CLIENT_AUTH_BASIC_HEADER)
    return g_strdup_printf (
      _("%s is for client credentials in a Basic Auth header; --client-auth %s "
        "sends none."),
      self->basic_form_text ? "--basic-form"
      : self->raw_basic     ? "--raw-basic"
                            : "--no-raw-basic",
      self->client_auth_text);

  return NULL;
}

/* --private-key, --key-id and --jwt-alg: how a private_key_jwt client
 * signs. A call's client authentication is the default one unless it says
 * otherwise; `auth` may change them on a saved private_key_jwt client. */
static char *
parse_private_key (RcCliAuthOptions *self)
{
  const char *given = self->private_key ? "--private-key"
                      : self->key_id    ? "--key-id"
                      : self->jwt_alg_text ? "--jwt-alg"
                      : NULL;

  if (self->jwt_alg_text && !rc_jwt_alg_from_string (self->jwt_alg_text, &self->jwt_alg))
    return g_strdup_printf (_("Unknown --jwt-alg “%s”: use RS256, ES256 or PS256 (default: "
                              "what fits the key)."),
                            self->jwt_alg_text);

  if (given == NULL)
    return NULL;

  if ((self->command == RC_CLI_AUTH_FOR_CALL || self->client_auth_text)
      && self->client_auth != RC_CLIENT_AUTH_PRIVATE_KEY_JWT)
    return g_strdup_printf (_("%s is for a client that signs with a private key: add "
                              "--client-auth private-key-jwt."),
                            given);

  /* Nor does mutual TLS, which sends no secret at all. */
  if (self->has_basic_form && self->client_auth_text && self->client_auth == RC_CLIENT_AUTH_TLS)
    return g_strdup_printf (
      _("%s is for client credentials in a Basic Auth header; --client-auth tls "
        "authenticates the client with its certificate."),
      self->basic_form_text ? "--basic-form"
      : self->raw_basic     ? "--raw-basic"
                            : "--no-raw-basic");

  return NULL;
}

static char *
parse_values (RcCliAuthOptions *self)
{
  g_autoptr(GError) error = NULL;
  char *message;

  if (self->token_params && self->no_token_params)
    return g_strdup (_("Give --token-param or --no-token-params, not both."));

  if (self->client_auth_text &&
      !client_auth_from_option (self->client_auth_text, &self->client_auth))
    return g_strdup_printf (
      _("Unknown --client-auth “%s”: use basic-header, body, secret-jwt, private-key-jwt or "
        "tls."),
      self->client_auth_text);

  /* The certificate and key are mutual TLS's; `auth` may name them for
   * an auth that uses it already. */
  if ((self->cert_file || self->key_file)
      && ((self->client_auth_text && self->client_auth != RC_CLIENT_AUTH_TLS)
          || (!self->client_auth_text && self->command == RC_CLI_AUTH_FOR_CALL)))
    return g_strdup_printf (_("%s is for mutual TLS: add --client-auth tls."),
                            self->cert_file ? "--cert" : "--key");

  if ((message = parse_basic_form (self)) || (message = parse_private_key (self)))
    return message;

  /* One with {{variables}} is checked once they are filled in. */
  if (self->command == RC_CLI_AUTH_FOR_AUTH && self->token_url && !strstr (self->token_url, "{{")
      && !rc_oauth_check_token_url (self->token_url, &error))
    return g_strdup_printf (_("--token-url: %s"), error->message);

  for (guint i = 0; self->token_params && self->token_params[i]; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (!rc_cli_split_pair (self->token_params[i], '=', &name, &value))
        return g_strdup_printf (_("--token-param “%s” is not NAME=VALUE."), self->token_params[i]);
      if ((message = rc_oauth_check_token_param (name)))
        {
          g_autofree char *problem = message;

          return g_strdup_printf (_("--token-param: %s"), problem);
        }
      rc_pair_list_append (self->params, name, value);
    }

  return NULL;
}

void
rc_cli_auth_options_init (RcCliAuthOptions *self,
                          RcCliAuthCommand  command)
{
  *self = (RcCliAuthOptions) { .command = command };
  self->params = rc_pair_list_new ();
}

void
rc_cli_auth_options_clear (RcCliAuthOptions *self)
{
  g_clear_pointer (&self->kind_text, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password_env, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->client_secret_env, g_free);
  g_clear_pointer (&self->token_url, g_free);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->client_auth_text, g_free);
  g_clear_pointer (&self->cert_file, g_free);
  g_clear_pointer (&self->key_file, g_free);
  g_clear_pointer (&self->basic_form_text, g_free);
  g_clear_pointer (&self->private_key, g_free);
  g_clear_pointer (&self->key_id, g_free);
  g_clear_pointer (&self->jwt_alg_text, g_free);
  g_clear_pointer (&self->token_params, g_strfreev);
  g_clear_object (&self->params);
}

/**
 * rc_cli_auth_options_add_entries:
 *
 * Adds the options @self's command offers to the main group of @context,
 * in the order its help lists them.
 */
void
rc_cli_auth_options_add_entries (RcCliAuthOptions *self,
                                 GOptionContext   *context)
{
  const struct {
    guint        commands;
    GOptionEntry entry;
  } all[] = {
    { FOR_CALL,
      { "auth", 0, 0, G_OPTION_ARG_STRING, &self->kind_text,
        N_("none, basic or oauth2-cc (default: what the other options imply)"), N_("KIND") } },
    { FOR_AUTH,
      { "type", 0, 0, G_OPTION_ARG_STRING, &self->kind_text,
        N_("none, basic or oauth2-cc; for a method also inherit, to use the API’s again"),
        N_("KIND") } },
    { FOR_CALL | FOR_AUTH,
      { "user", 0, 0, G_OPTION_ARG_STRING, &self->user, N_("Basic: the user name"), N_("ID") } },
    { FOR_CALL,
      { "password-env", 0, 0, G_OPTION_ARG_STRING, &self->password_env,
        N_("Basic: read the password from the environment variable VAR"), N_("VAR") } },
    { FOR_CALL | FOR_AUTH,
      { "client-id", 0, 0, G_OPTION_ARG_STRING, &self->client_id, N_("OAuth 2.0: the client ID"),
        N_("ID") } },
    { FOR_CALL,
      { "client-secret-env", 0, 0, G_OPTION_ARG_STRING, &self->client_secret_env,
        N_("OAuth 2.0: read the client secret from the environment variable VAR"), N_("VAR") } },
    { FOR_CALL,
      { "client-secret-stdin", 0, 0, G_OPTION_ARG_NONE, &self->client_secret_stdin,
        N_("OAuth 2.0: read the client secret as one line from standard input"), NULL } },
    { FOR_CALL | FOR_AUTH,
      { "token-url", 0, 0, G_OPTION_ARG_STRING, &self->token_url,
        N_("OAuth 2.0: the access token URL"), N_("URL") } },
    { FOR_CALL | FOR_AUTH,
      { "scope", 0, 0, G_OPTION_ARG_STRING, &self->scope,
        N_("OAuth 2.0: the scopes, space-separated"), N_("'A B'") } },
    { FOR_CALL,
      { "client-auth", 0, 0, G_OPTION_ARG_STRING, &self->client_auth_text,
        N_("OAuth 2.0: basic-header (default), body, secret-jwt (an assertion signed with the "
           "client secret), private-key-jwt (signed with --private-key) or tls (a client "
           "certificate, mutual TLS)"),
        N_("MODE") } },
    { FOR_AUTH,
      { "client-auth", 0, 0, G_OPTION_ARG_STRING, &self->client_auth_text,
        N_("OAuth 2.0: basic-header, body, secret-jwt (an assertion signed with the client "
           "secret), private-key-jwt (signed with a private key) or tls (a client certificate, "
           "mutual TLS)"),
        N_("MODE") } },
    { FOR_CALL,
      { "private-key", 0, 0, G_OPTION_ARG_FILENAME, &self->private_key,
        N_("OAuth 2.0, private-key-jwt: the PEM file of the client’s private key"),
        N_("FILE") } },
    { FOR_AUTH,
      { "private-key", 0, 0, G_OPTION_ARG_FILENAME, &self->private_key,
        N_("OAuth 2.0, private-key-jwt: the PEM file of the client’s private key (the project "
           "keeps its path); '' to keep the key in the keyring instead (--secret-stdin)"),
        N_("FILE") } },
    { FOR_CALL | FOR_AUTH,
      { "key-id", 0, 0, G_OPTION_ARG_STRING, &self->key_id,
        N_("OAuth 2.0, private-key-jwt: the key ID (kid) the assertion names"), N_("KID") } },
    { FOR_CALL | FOR_AUTH,
      { "jwt-alg", 0, 0, G_OPTION_ARG_STRING, &self->jwt_alg_text,
        N_("OAuth 2.0, private-key-jwt: RS256, ES256 or PS256 (default: RS256 for an RSA key, "
           "ES256 for a P-256 key)"),
        N_("ALG") } },
    { FOR_CALL | FOR_AUTH,
      { "cert", 0, 0, G_OPTION_ARG_FILENAME, &self->cert_file,
        N_("Mutual TLS: the client certificate, a PEM file"), N_("FILE") } },
    { FOR_CALL,
      { "key", 0, 0, G_OPTION_ARG_FILENAME, &self->key_file,
        N_("Mutual TLS: the certificate’s private key, a PEM file (default: in the --cert file)"),
        N_("FILE") } },
    { FOR_AUTH,
      { "key", 0, 0, G_OPTION_ARG_FILENAME, &self->key_file,
        N_("Mutual TLS: the certificate’s private key, a PEM file; \"\" to use the key "
           "stored in the keyring as the secret"),
        N_("FILE") } },
    { FOR_CALL | FOR_AUTH,
      { "basic-form", 0, 0, G_OPTION_ARG_STRING, &self->basic_form_text,
        N_("OAuth 2.0: how the client ID and secret go into the Basic header: auto "
           "(default: RFC 6749 encoding, and unencoded once more if the server refuses "
           "it), rfc or raw"),
        N_("FORM") } },
    { FOR_CALL | FOR_AUTH,
      { "raw-basic", 0, 0, G_OPTION_ARG_NONE, &self->raw_basic,
        N_("OAuth 2.0: send the client ID and secret in the Basic header unencoded "
           "(--basic-form raw)"),
        NULL } },
    { FOR_AUTH,
      { "no-raw-basic", 0, 0, G_OPTION_ARG_NONE, &self->no_raw_basic,
        N_("OAuth 2.0: form-encode them in the Basic header (RFC 6749; --basic-form rfc)"),
        NULL } },
    { FOR_CALL,
      { "token-param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->token_params,
        N_("OAuth 2.0: add a token request parameter (repeatable)"), N_("NAME=VALUE") } },
    { FOR_AUTH,
      { "token-param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &self->token_params,
        N_("OAuth 2.0: an extra token request parameter (repeatable); the ones given replace "
           "all the saved ones"),
        N_("NAME=VALUE") } },
    { FOR_AUTH,
      { "no-token-params", 0, 0, G_OPTION_ARG_NONE, &self->no_token_params,
        N_("OAuth 2.0: remove all the extra token request parameters"), NULL } },
    { FOR_AUTH,
      { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &self->secret_stdin,
        N_("Read the password or client secret as one line from standard input, and store it in "
           "the keyring"),
        NULL } },
  };
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (all[i].commands & (1 << self->command))
        g_array_append_val (entries, all[i].entry);
    }

  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
}

/**
 * rc_cli_auth_options_parse:
 * @for_method: whether the command names a method (`auth` only)
 *
 * Understands the kind and the values. For `call`, also checks that the
 * options fit the kind and that the call has what it needs; `auth` checks
 * the fit once it knows the kind (rc_cli_auth_options_check_fit()).
 *
 * Returns: (transfer full) (nullable): what is wrong, for a usage error
 */
char *
rc_cli_auth_options_parse (RcCliAuthOptions *self,
                           gboolean          for_method)
{
  char *message;

  if ((message = parse_kind (self, for_method)))
    return message;

  if (self->command == RC_CLI_AUTH_FOR_CALL
      && ((message = rc_cli_auth_options_check_fit (self, self->kind, NULL))
          || (message = check_complete (self))))
    return message;

  return parse_values (self);
}

/**
 * rc_cli_auth_options_check_fit:
 * @kind: the authentication the options are for
 * @what: (nullable): for `auth`, the API or method, as
 *   rc_cli_target_describe() names it
 *
 * Options that belong to another kind of authentication are a mistake.
 *
 * Returns: (transfer full) (nullable): the first, said, for a usage error
 */
char *
rc_cli_auth_options_check_fit (RcCliAuthOptions *self,
                               RcAuthKind        kind,
                               const char       *what)
{
  const struct {
    gboolean    given;
    const char *name;
    RcAuthKind  kind;
  } owned[] = {
    { self->user != NULL, "--user", RC_AUTH_KIND_BASIC },
    { self->password_env != NULL, "--password-env", RC_AUTH_KIND_BASIC },
    { self->client_id != NULL, "--client-id", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->client_secret_env != NULL, "--client-secret-env",
      RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->client_secret_stdin, "--client-secret-stdin", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->token_url != NULL, "--token-url", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->scope != NULL, "--scope", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->client_auth_text != NULL, "--client-auth", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->cert_file != NULL, "--cert", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->key_file != NULL, "--key", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->basic_form_text != NULL, "--basic-form", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->raw_basic, "--raw-basic", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->no_raw_basic, "--no-raw-basic", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->private_key != NULL, "--private-key", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->key_id != NULL, "--key-id", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->jwt_alg_text != NULL, "--jwt-alg", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->token_params != NULL, "--token-param", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
    { self->no_token_params, "--no-token-params", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    {
      if (!owned[i].given || owned[i].kind == kind)
        continue;

      if (self->command == RC_CLI_AUTH_FOR_CALL)
        return g_strdup_printf (_("%s goes with --auth %s."), owned[i].name,
                                rc_cli_auth_kind_to_option (owned[i].kind));
      return g_strdup_printf (_("%s goes with --type %s, and %s uses --type %s."), owned[i].name,
                              rc_cli_auth_kind_to_option (owned[i].kind), what,
                              rc_cli_auth_kind_to_option (kind));
    }

  if (self->secret_stdin && kind == RC_AUTH_KIND_NONE)
    return g_strdup_printf (_("There is no secret to store: %s uses no authentication. Choose one "
                              "with --type basic or --type oauth2-cc."),
                            what);

  return NULL;
}

/**
 * rc_cli_auth_options_has_settings:
 *
 * Returns: whether any option but the kind was given: for `auth`, a
 *   change to make
 */
gboolean
rc_cli_auth_options_has_settings (RcCliAuthOptions *self)
{
  return self->user || self->client_id || self->token_url || self->scope
         || self->client_auth_text || self->basic_form_text || self->raw_basic || self->no_raw_basic
         || self->private_key || self->key_id || self->jwt_alg_text || self->cert_file
         || self->key_file
         || self->token_params || self->no_token_params || self->secret_stdin;
}

/**
 * rc_cli_auth_options_apply:
 *
 * Sets what the options gave on @auth, once parsed, and leaves the rest
 * as it is: the kind, the settings, the token parameters (all of them,
 * replaced, or removed with --no-token-params).
 */
void
rc_cli_auth_options_apply (RcCliAuthOptions *self,
                           RcAuth           *auth)
{
  if (self->has_kind)
    rc_auth_set_kind (auth, self->kind);
  if (self->user)
    rc_auth_set_username (auth, self->user);
  if (self->client_id)
    rc_auth_set_client_id (auth, self->client_id);
  if (self->token_url)
    rc_auth_set_token_url (auth, self->token_url);
  if (self->scope)
    rc_auth_set_scopes (auth, self->scope);
  if (self->client_auth_text)
    rc_auth_set_client_auth (auth, self->client_auth);
  /* The certificate and key as --private-key: from the working folder,
   * saved relative to the project's when they are in it. */
  if (self->cert_file)
    {
      g_autofree char *path = rc_auth_dup_path_to_save (auth, self->cert_file);

      rc_auth_set_client_cert_file (auth, path);
    }
  if (self->key_file)
    {
      g_autofree char *path = rc_auth_dup_path_to_save (auth, self->key_file);

      rc_auth_set_private_key_file (auth, path);
    }
  if (self->has_basic_form)
    rc_auth_set_basic_form (auth, self->basic_form);
  if (self->private_key)
    {
      /* From the working folder; saved relative to the project's when
       * the key is in it. */
      g_autofree char *path = rc_auth_dup_path_to_save (auth, self->private_key);

      rc_auth_set_private_key_file (auth, path);
    }
  if (self->key_id)
    rc_auth_set_key_id (auth, self->key_id);
  if (self->jwt_alg_text)
    rc_auth_set_jwt_alg (auth, self->jwt_alg);
  if (self->token_params || self->no_token_params)
    rc_pair_list_copy_from (rc_auth_get_token_params (auth), self->params);
}

/**
 * rc_cli_auth_kind_to_option:
 *
 * Returns: how --auth and --type name @kind
 */
const char *
rc_cli_auth_kind_to_option (RcAuthKind kind)
{
  switch (kind)
    {
    case RC_AUTH_KIND_BASIC:
      return "basic";
    case RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS:
      return "oauth2-cc";
    case RC_AUTH_KIND_NONE:
    default:
      return "none";
    }
}
