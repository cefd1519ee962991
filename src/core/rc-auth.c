/* rc-auth.c: how an API or a method authenticates
 *
 * An RcAuth holds settings only. The secret (Basic password, OAuth 2.0
 * client secret, or the private key of a mutual TLS client certificate
 * when no key file is named) lives in the keyring; the auth keeps an opaque reference
 * to it, `secret-id`, and never the secret itself.
 *
 * It also keeps what the automatic Basic form found out about the
 * authorization server (`remembered-basic-form`): a setting, saved with
 * the project, that holds for the token URL and client ID it was found
 * with, and is forgotten when either changes.
 *
 * A `private_key_jwt` client signs with a private key that is either a
 * file the auth names (`private-key-file`, a path, never the key) or, when
 * it names none, the PEM kept in the keyring in the secret's place: such
 * a client has no client secret. A relative key file is relative to the
 * folder of the project file (RcAuth's folder, which the project sets and
 * never saves), so that a project and its key move together; `~/` is the
 * home folder (rc_auth_dup_file_path()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-auth.h"
#include "rc-model-private.h"
#include "rc-core-enums.h"
#include "rc-util-private.h"

struct _RcAuth
{
  GObject       parent_instance;

  RcAuthKind    kind;
  char         *username;
  char         *client_id;
  char         *token_url;
  char         *scopes;
  RcClientAuth  client_auth;
  char         *client_cert_file;
  RcPairList   *token_params;
  char         *secret_id;
  RcBasicForm   basic_form;
  RcBasicForm   remembered_basic_form;
  RcJwtAlg      jwt_alg;
  char         *key_id;
  char         *secret_variable;
  char         *private_key_file;
  GFile        *folder;        /* the project file's, for relative paths */
};

G_DEFINE_FINAL_TYPE (RcAuth, rc_auth, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_USERNAME,
  PROP_CLIENT_ID,
  PROP_TOKEN_URL,
  PROP_SCOPES,
  PROP_CLIENT_AUTH,
  PROP_BASIC_FORM,
  PROP_REMEMBERED_BASIC_FORM,
  PROP_TOKEN_PARAMS,
  PROP_SECRET_ID,
  PROP_JWT_ALG,
  PROP_KEY_ID,
  PROP_SECRET_VARIABLE,
  PROP_PRIVATE_KEY_FILE,
  PROP_CLIENT_CERT_FILE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const struct {
  RcAuthKind  kind;
  const char *id;
  const char *label;
} auth_kinds[] = {
  { RC_AUTH_KIND_NONE, "none", N_("None") },
  { RC_AUTH_KIND_BASIC, "basic", N_("Basic") },
  { RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, "oauth2-client-credentials",
    N_("OAuth 2.0: client credentials") },
};

static const struct {
  RcClientAuth  client_auth;
  const char   *id;
  const char   *label;
} client_auths[] = {
  { RC_CLIENT_AUTH_BASIC_HEADER, "basic-header", N_("Send as a Basic Auth header") },
  { RC_CLIENT_AUTH_BODY, "body", N_("Send client credentials in body") },
  { RC_CLIENT_AUTH_SECRET_JWT, "secret-jwt",
    N_("Signed with the client secret (client_secret_jwt)") },
  { RC_CLIENT_AUTH_PRIVATE_KEY_JWT, "private-key-jwt",
    N_("Signed with a private key (private_key_jwt)") },
  { RC_CLIENT_AUTH_TLS, "tls-client-auth", N_("Client certificate (mutual TLS)") },
};

static const struct {
  RcJwtAlg    jwt_alg;
  const char *id;
} jwt_algs[] = {
  { RC_JWT_ALG_AUTO, "auto" },
  { RC_JWT_ALG_RS256, "RS256" },
  { RC_JWT_ALG_ES256, "ES256" },
  { RC_JWT_ALG_PS256, "PS256" },
};

static const struct {
  RcBasicForm  basic_form;
  const char  *id;
} basic_forms[] = {
  { RC_BASIC_FORM_AUTO, "auto" },
  { RC_BASIC_FORM_RFC, "rfc" },
  { RC_BASIC_FORM_RAW, "raw" },
};

/* A client whose credential is a private key: private_key_jwt signs
 * with it, mutual TLS proves its certificate with it. */
static gboolean
uses_private_key (RcAuth *self)
{
  return self->kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
         && (self->client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT
             || self->client_auth == RC_CLIENT_AUTH_TLS);
}

static void
rc_auth_notify (GObject    *object,
                GParamSpec *pspec)
{
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
token_params_changed_cb (RcAuth     *self,
                         RcPairList *list)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rc_auth_finalize (GObject *object)
{
  RcAuth *self = (RcAuth *)object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->token_url, g_free);
  g_clear_pointer (&self->scopes, g_free);
  g_clear_pointer (&self->secret_id, g_free);
  g_clear_pointer (&self->key_id, g_free);
  g_clear_pointer (&self->secret_variable, g_free);
  g_clear_pointer (&self->private_key_file, g_free);
  g_clear_pointer (&self->client_cert_file, g_free);
  g_clear_object (&self->token_params);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (rc_auth_parent_class)->finalize (object);
}

static void
rc_auth_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  RcAuth *self = RC_AUTH (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;

    case PROP_TOKEN_URL:
      g_value_set_string (value, self->token_url);
      break;

    case PROP_SCOPES:
      g_value_set_string (value, self->scopes);
      break;

    case PROP_CLIENT_AUTH:
      g_value_set_enum (value, self->client_auth);
      break;

    case PROP_BASIC_FORM:
      g_value_set_enum (value, self->basic_form);
      break;

    case PROP_REMEMBERED_BASIC_FORM:
      g_value_set_enum (value, self->remembered_basic_form);
      break;

    case PROP_TOKEN_PARAMS:
      g_value_set_object (value, self->token_params);
      break;

    case PROP_SECRET_ID:
      g_value_set_string (value, self->secret_id);
      break;

    case PROP_JWT_ALG:
      g_value_set_enum (value, self->jwt_alg);
      break;

    case PROP_KEY_ID:
      g_value_set_string (value, self->key_id);
      break;

    case PROP_SECRET_VARIABLE:
      g_value_set_string (value, self->secret_variable);
      break;

    case PROP_PRIVATE_KEY_FILE:
      g_value_set_string (value, self->private_key_file);
      break;

    case PROP_CLIENT_CERT_FILE:
      g_value_set_string (value, self->client_cert_file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_auth_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  RcAuth *self = RC_AUTH (object);

  switch (prop_id)
    {
    case PROP_KIND:
      rc_auth_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_USERNAME:
      rc_auth_set_username (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_ID:
      rc_auth_set_client_id (self, g_value_get_string (value));
      break;

    case PROP_TOKEN_URL:
      rc_auth_set_token_url (self, g_value_get_string (value));
      break;

    case PROP_SCOPES:
      rc_auth_set_scopes (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_AUTH:
      rc_auth_set_client_auth (self, g_value_get_enum (value));
      break;

    case PROP_BASIC_FORM:
      rc_auth_set_basic_form (self, g_value_get_enum (value));
      break;

    case PROP_REMEMBERED_BASIC_FORM:
      rc_auth_set_remembered_basic_form (self, g_value_get_enum (value));
      break;

    case PROP_SECRET_ID:
      rc_auth_set_secret_id (self, g_value_get_string (value));
      break;

    case PROP_JWT_ALG:
      rc_auth_set_jwt_alg (self, g_value_get_enum (value));
      break;

    case PROP_KEY_ID:
      rc_auth_set_key_id (self, g_value_get_string (value));
      break;

    case PROP_SECRET_VARIABLE:
      rc_auth_set_secret_variable (self, g_value_get_string (value));
      break;

    case PROP_PRIVATE_KEY_FILE:
      rc_auth_set_private_key_file (self, g_value_get_string (value));
      break;

    case PROP_CLIENT_CERT_FILE:
      rc_auth_set_client_cert_file (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_auth_class_init (RcAuthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_auth_finalize;
  object_class->get_property = rc_auth_get_property;
  object_class->set_property = rc_auth_set_property;
  object_class->notify = rc_auth_notify;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RC_TYPE_AUTH_KIND,
                       RC_AUTH_KIND_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN_URL] =
    g_param_spec_string ("token-url", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCOPES] =
    g_param_spec_string ("scopes", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT_AUTH] =
    g_param_spec_enum ("client-auth", NULL, NULL,
                       RC_TYPE_CLIENT_AUTH,
                       RC_CLIENT_AUTH_BASIC_HEADER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BASIC_FORM] =
    g_param_spec_enum ("basic-form", NULL, NULL,
                       RC_TYPE_BASIC_FORM,
                       RC_BASIC_FORM_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REMEMBERED_BASIC_FORM] =
    g_param_spec_enum ("remembered-basic-form", NULL, NULL,
                       RC_TYPE_BASIC_FORM,
                       RC_BASIC_FORM_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN_PARAMS] =
    g_param_spec_object ("token-params", NULL, NULL,
                         RC_TYPE_PAIR_LIST,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECRET_ID] =
    g_param_spec_string ("secret-id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_JWT_ALG] =
    g_param_spec_enum ("jwt-alg", NULL, NULL,
                       RC_TYPE_JWT_ALG,
                       RC_JWT_ALG_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KEY_ID] =
    g_param_spec_string ("key-id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcAuth:secret-variable:
   *
   * The name of the secret variable whose value, in the active
   * environment, is the client secret or password; "" for the auth's own
   * secret (RcAuth:secret-id). On a resolved copy (rc-resolve.c), the
   * variable's id in the keyring instead, which tells one environment's
   * secret from another's.
   */
  properties[PROP_SECRET_VARIABLE] =
    g_param_spec_string ("secret-variable", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRIVATE_KEY_FILE] =
    g_param_spec_string ("private-key-file", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLIENT_CERT_FILE] =
    g_param_spec_string ("client-cert-file", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcAuth::changed:
   *
   * Emitted when any setting changes, the extra token parameters included.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rc_auth_init (RcAuth *self)
{
  self->username = g_strdup ("");
  self->client_id = g_strdup ("");
  self->token_url = g_strdup ("");
  self->scopes = g_strdup ("");
  self->secret_id = g_strdup ("");
  self->key_id = g_strdup ("");
  self->secret_variable = g_strdup ("");
  self->private_key_file = g_strdup ("");
  self->client_cert_file = g_strdup ("");
  self->token_params = rc_pair_list_new ();
  g_signal_connect_object (self->token_params, "changed",
                           G_CALLBACK (token_params_changed_cb), self, G_CONNECT_SWAPPED);
}

RcAuth *
rc_auth_new (void)
{
  return g_object_new (RC_TYPE_AUTH, NULL);
}

/**
 * rc_auth_copy:
 *
 * Returns: (transfer full): a new auth with the same settings and the same
 *   secret reference
 */
RcAuth *
rc_auth_copy (RcAuth *self)
{
  RcAuth *copy;

  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  copy = rc_auth_new ();
  rc_auth_assign (copy, self);

  return copy;
}

/**
 * rc_auth_get_source:
 *
 * Returns: (transfer none): the auth of the project that @self was filled
 *   in from (rc-resolve.c), which remembers what a call finds out (the
 *   Basic form a server takes); @self itself when it was not
 */
RcAuth *
rc_auth_get_source (RcAuth *self)
{
  RcAuth *source;

  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  source = g_object_get_data (G_OBJECT (self), "rc-auth-source");

  return source ? source : self;
}

/* Marks @self as filled in from @source (rc_auth_get_source()). */
void
_rc_auth_set_source (RcAuth *self,
                     RcAuth *source)
{
  g_object_set_data_full (G_OBJECT (self), "rc-auth-source",
                          g_object_ref (rc_auth_get_source (source)), g_object_unref);
}

/**
 * rc_auth_assign:
 * @from: the auth whose settings to take
 *
 * Gives @self the settings and the secret reference of @from, as
 * rc_auth_copy() would, keeping @self the same object (an API's own auth).
 */
void
rc_auth_assign (RcAuth *self,
                RcAuth *from)
{
  g_return_if_fail (RC_IS_AUTH (self));
  g_return_if_fail (RC_IS_AUTH (from));

  g_object_set (self,
                "kind", from->kind,
                "username", from->username,
                "client-id", from->client_id,
                "token-url", from->token_url,
                "scopes", from->scopes,
                "client-auth", from->client_auth,
                "basic-form", from->basic_form,
                "secret-id", from->secret_id,
                "jwt-alg", from->jwt_alg,
                "key-id", from->key_id,
                "secret-variable", from->secret_variable,
                "private-key-file", from->private_key_file,
                "client-cert-file", from->client_cert_file,
                NULL);
  rc_pair_list_copy_from (self->token_params, from->token_params);
  g_set_object (&self->folder, from->folder);
  /* After the token URL and client ID, which would forget it. */
  rc_auth_set_remembered_basic_form (self, from->remembered_basic_form);
}

RcAuthKind
rc_auth_get_kind (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), RC_AUTH_KIND_NONE);

  return self->kind;
}

void
rc_auth_set_kind (RcAuth     *self,
                  RcAuthKind  kind)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
rc_auth_get_username (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->username;
}

void
rc_auth_set_username (RcAuth     *self,
                      const char *username)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
rc_auth_get_client_id (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->client_id;
}

void
rc_auth_set_client_id (RcAuth     *self,
                       const char *client_id)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->client_id, client_id))
    {
      rc_auth_set_remembered_basic_form (self, RC_BASIC_FORM_AUTO);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_ID]);
    }
}

const char *
rc_auth_get_token_url (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->token_url;
}

void
rc_auth_set_token_url (RcAuth     *self,
                       const char *token_url)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->token_url, token_url))
    {
      rc_auth_set_remembered_basic_form (self, RC_BASIC_FORM_AUTO);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_URL]);
    }
}

/**
 * rc_auth_get_scopes:
 *
 * Returns: the scopes, separated by spaces as in an OAuth 2.0 `scope`
 *   parameter
 */
const char *
rc_auth_get_scopes (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->scopes;
}

void
rc_auth_set_scopes (RcAuth     *self,
                    const char *scopes)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->scopes, scopes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPES]);
}

/**
 * rc_auth_dup_scope_list:
 *
 * Returns: (transfer full): the scopes, one per element, without empty ones
 */
char **
rc_auth_dup_scope_list (RcAuth *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  parts = g_strsplit_set (self->scopes, " \t\n", -1);
  for (guint i = 0; parts[i]; i++)
    {
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

RcClientAuth
rc_auth_get_client_auth (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), RC_CLIENT_AUTH_BASIC_HEADER);

  return self->client_auth;
}

void
rc_auth_set_client_auth (RcAuth       *self,
                         RcClientAuth  client_auth)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (self->client_auth == client_auth)
    return;

  self->client_auth = client_auth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_AUTH]);
}

/**
 * rc_auth_get_basic_form:
 *
 * Returns: how the client ID and secret go into a Basic Auth header, as
 *   the user chose: automatic (the default), or always one form
 */
RcBasicForm
rc_auth_get_basic_form (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), RC_BASIC_FORM_AUTO);

  return self->basic_form;
}

void
rc_auth_set_basic_form (RcAuth      *self,
                        RcBasicForm  basic_form)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (self->basic_form == basic_form)
    return;

  self->basic_form = basic_form;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASIC_FORM]);
}

/**
 * rc_auth_get_remembered_basic_form:
 *
 * Returns: the form the automatic Basic form found the server at the
 *   token URL takes for this client, or %RC_BASIC_FORM_AUTO when it has
 *   found none
 */
RcBasicForm
rc_auth_get_remembered_basic_form (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), RC_BASIC_FORM_AUTO);

  return self->remembered_basic_form;
}

/**
 * rc_auth_set_remembered_basic_form:
 *
 * Remembers the form that worked for the token URL and client ID the auth
 * has now; changing either forgets it.
 */
void
rc_auth_set_remembered_basic_form (RcAuth      *self,
                                   RcBasicForm  basic_form)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (self->remembered_basic_form == basic_form)
    return;

  self->remembered_basic_form = basic_form;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMEMBERED_BASIC_FORM]);
}

/**
 * rc_auth_get_token_params:
 *
 * Returns: (transfer none): extra token request parameters such as
 *   `audience` or `resource`; a name may repeat
 */
RcPairList *
rc_auth_get_token_params (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->token_params;
}

/**
 * rc_auth_get_secret_id:
 *
 * Returns: the opaque reference to the secret in the keyring, or "" when
 *   none was ever stored
 */
const char *
rc_auth_get_secret_id (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->secret_id;
}

void
rc_auth_set_secret_id (RcAuth     *self,
                       const char *secret_id)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->secret_id, secret_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRET_ID]);
}

/**
 * rc_auth_get_client_cert_file:
 *
 * Returns: the PEM file of the client certificate mutual TLS presents
 *   (%RC_CLIENT_AUTH_TLS), or ""; its key is the private key file's, or
 *   the keyring's
 */
const char *
rc_auth_get_client_cert_file (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->client_cert_file;
}

void
rc_auth_set_client_cert_file (RcAuth     *self,
                              const char *path)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->client_cert_file, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT_CERT_FILE]);
}

/**
 * rc_auth_ensure_secret_id:
 *
 * Gives the auth a random secret reference if it has none yet.
 *
 * Returns: the secret reference
 */
const char *
rc_auth_ensure_secret_id (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  if (self->secret_id[0] == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();

      rc_auth_set_secret_id (self, uuid);
    }

  return self->secret_id;
}

/**
 * rc_auth_get_jwt_alg:
 *
 * Returns: what signs a `private_key_jwt` assertion; %RC_JWT_ALG_AUTO
 *   for the algorithm that fits the key
 */
RcJwtAlg
rc_auth_get_jwt_alg (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), RC_JWT_ALG_AUTO);

  return self->jwt_alg;
}

void
rc_auth_set_jwt_alg (RcAuth   *self,
                     RcJwtAlg  jwt_alg)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (self->jwt_alg == jwt_alg)
    return;

  self->jwt_alg = jwt_alg;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JWT_ALG]);
}

/**
 * rc_auth_get_secret_variable:
 *
 * Returns: the secret variable the secret comes from, or "" for the auth's
 *   own (RcAuth:secret-variable)
 */
const char *
rc_auth_get_secret_variable (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->secret_variable;
}

void
rc_auth_set_secret_variable (RcAuth     *self,
                             const char *name)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->secret_variable, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRET_VARIABLE]);
}

/**
 * rc_auth_get_key_id:
 *
 * Returns: the `kid` a `private_key_jwt` assertion's header names, or ""
 *   for none
 */
const char *
rc_auth_get_key_id (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->key_id;
}

void
rc_auth_set_key_id (RcAuth     *self,
                    const char *key_id)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->key_id, key_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_ID]);
}

/**
 * rc_auth_get_private_key_file:
 *
 * Returns: the path of the PEM file that holds the client's private key
 *   (`private_key_jwt`, or mutual TLS's certificate key), or "" when the
 *   key is in the keyring
 */
const char *
rc_auth_get_private_key_file (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->private_key_file;
}

void
rc_auth_set_private_key_file (RcAuth     *self,
                              const char *path)
{
  g_return_if_fail (RC_IS_AUTH (self));

  if (rc_set_str (&self->private_key_file, path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIVATE_KEY_FILE]);
}

/**
 * rc_auth_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder the paths @self names
 *   are relative to: its project file's, or %NULL for the working folder
 */
GFile *
rc_auth_get_folder (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), NULL);

  return self->folder;
}

/**
 * rc_auth_set_folder:
 * @folder: (nullable): the folder of the project file @self is in
 *
 * Says what a relative path @self names is relative to. Not a setting:
 * nothing is saved, and @self does not change.
 */
void
rc_auth_set_folder (RcAuth *self,
                    GFile  *folder)
{
  g_return_if_fail (RC_IS_AUTH (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  g_set_object (&self->folder, folder);
}

/**
 * rc_auth_dup_file_path:
 * @path: a path as @self names it (RcAuth:private-key-file)
 *
 * Returns: (transfer full) (nullable): the absolute path @path names:
 *   `~/` is the home folder, a relative path is relative to
 *   rc_auth_get_folder() (the working folder without one); %NULL for ""
 */
char *
rc_auth_dup_file_path (RcAuth     *self,
                       const char *path)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (RC_IS_AUTH (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    return NULL;

  if (g_str_equal (path, "~") || g_str_has_prefix (path, "~/"))
    return g_canonicalize_filename (path[1] ? path + 2 : "", g_get_home_dir ());

  if (self->folder)
    folder = g_file_get_path (self->folder);

  return g_canonicalize_filename (path, folder);
}

/**
 * rc_auth_dup_path_to_save:
 * @path: a path as a person gave it: absolute, or relative to the
 *   working folder
 *
 * Returns: (transfer full): @path as @self should name it: relative to
 *   rc_auth_get_folder() when the file is in that folder or below it, so
 *   that the project and the file can move together; absolute otherwise.
 *   "" stays "".
 */
char *
rc_auth_dup_path_to_save (RcAuth     *self,
                          const char *path)
{
  g_autoptr(GFile) file = NULL;
  char *relative;

  g_return_val_if_fail (RC_IS_AUTH (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '\0')
    return g_strdup ("");

  file = g_file_new_for_path (path);
  if (self->folder && (relative = g_file_get_relative_path (self->folder, file)))
    return relative;

  return g_file_get_path (file);
}

/**
 * rc_auth_secret_holds_key:
 *
 * Returns: whether the secret in the keyring is a private key (PEM), not
 *   a password or client secret: a `private_key_jwt` or mutual TLS
 *   client with no key file
 */
gboolean
rc_auth_secret_holds_key (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), FALSE);

  return uses_private_key (self) && self->private_key_file[0] == '\0';
}

/**
 * rc_auth_needs_secret:
 *
 * Returns: whether a call with @self needs a secret from the keyring:
 *   all but no authentication and a `private_key_jwt` or mutual TLS
 *   client whose key is a file
 */
gboolean
rc_auth_needs_secret (RcAuth *self)
{
  g_return_val_if_fail (RC_IS_AUTH (self), FALSE);

  if (self->kind == RC_AUTH_KIND_NONE)
    return FALSE;

  return !(uses_private_key (self) && self->private_key_file[0] != '\0');
}

const char *
rc_auth_kind_to_string (RcAuthKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (auth_kinds); i++)
    {
      if (auth_kinds[i].kind == kind)
        return auth_kinds[i].id;
    }

  g_return_val_if_reached (NULL);
}

gboolean
rc_auth_kind_from_string (const char *str,
                          RcAuthKind *kind)
{
  for (guint i = 0; str && i < G_N_ELEMENTS (auth_kinds); i++)
    {
      if (g_str_equal (auth_kinds[i].id, str))
        {
          *kind = auth_kinds[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * rc_auth_kind_get_label:
 *
 * Returns: the translated name of @kind, as the user sees it
 */
const char *
rc_auth_kind_get_label (RcAuthKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (auth_kinds); i++)
    {
      if (auth_kinds[i].kind == kind)
        return _(auth_kinds[i].label);
    }

  g_return_val_if_reached (NULL);
}

const char *
rc_client_auth_to_string (RcClientAuth client_auth)
{
  for (guint i = 0; i < G_N_ELEMENTS (client_auths); i++)
    {
      if (client_auths[i].client_auth == client_auth)
        return client_auths[i].id;
    }

  g_return_val_if_reached (NULL);
}

/**
 * rc_client_auth_get_label:
 *
 * Returns: the translated name of @client_auth, as the user sees it
 */
const char *
rc_client_auth_get_label (RcClientAuth client_auth)
{
  for (guint i = 0; i < G_N_ELEMENTS (client_auths); i++)
    {
      if (client_auths[i].client_auth == client_auth)
        return _(client_auths[i].label);
    }

  g_return_val_if_reached (NULL);
}

gboolean
rc_client_auth_from_string (const char   *str,
                            RcClientAuth *client_auth)
{
  for (guint i = 0; str && i < G_N_ELEMENTS (client_auths); i++)
    {
      if (g_str_equal (client_auths[i].id, str))
        {
          *client_auth = client_auths[i].client_auth;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rc_basic_form_to_string (RcBasicForm basic_form)
{
  for (guint i = 0; i < G_N_ELEMENTS (basic_forms); i++)
    {
      if (basic_forms[i].basic_form == basic_form)
        return basic_forms[i].id;
    }

  g_return_val_if_reached (NULL);
}

gboolean
rc_basic_form_from_string (const char  *str,
                           RcBasicForm *basic_form)
{
  for (guint i = 0; str && i < G_N_ELEMENTS (basic_forms); i++)
    {
      if (g_str_equal (basic_forms[i].id, str))
        {
          *basic_form = basic_forms[i].basic_form;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
rc_jwt_alg_to_string (RcJwtAlg jwt_alg)
{
  for (guint i = 0; i < G_N_ELEMENTS (jwt_algs); i++)
    {
      if (jwt_algs[i].jwt_alg == jwt_alg)
        return jwt_algs[i].id;
    }

  g_return_val_if_reached (NULL);
}

/**
 * rc_jwt_alg_from_string:
 *
 * Reads "auto", "RS256", "ES256" or "PS256", in any case.
 */
gboolean
rc_jwt_alg_from_string (const char *str,
                        RcJwtAlg   *jwt_alg)
{
  for (guint i = 0; str && i < G_N_ELEMENTS (jwt_algs); i++)
    {
      if (g_ascii_strcasecmp (jwt_algs[i].id, str) == 0)
        {
          *jwt_alg = jwt_algs[i].jwt_alg;
          return TRUE;
        }
    }

  return FALSE;
}
