/* rc-resolve.c: a method or an authentication with an environment's variables filled in
 *
 * Before a call, the method (with its API) is copied with every `{{name}}`
 * replaced (rc-template.c) by the value the environment gives it: a value
 * given for this run (`--var`, rc_resolver_set_override()) first, then a
 * secret variable's value (looked up in the keyring by the caller and
 * given with rc_resolver_set_secret(), or rc_resolver_load_secrets_async()),
 * then a plain variable's value. The
 * copy is what the executor sends and the inspector shows, so what was
 * sent is what is seen; the project is never changed.
 *
 * Filled in: the API's base URL and header values, the method's URL
 * (before its `{param}`s are expanded), header values, body and test
 * values, and the authentication's user name, client ID, access token URL,
 * scopes and token parameter values. A secret variable may go in a
 * header, a body, a user name, a client ID, scopes or token parameters,
 * never in a URL (base URL, method URL, test values, token URL): servers
 * and proxies log URLs. An authentication whose secret is a secret
 * variable (RcAuth:secret-variable) gets that variable's value as its
 * secret (rc_resolver_get_auth_secret()), and the copy's
 * RcAuth:secret-variable is the variable's keyring id, so that the token
 * cache never gives one environment's token to another.
 *
 * An error names the field, the API or method it is in, and the variable
 * (RcResolveError), for the window to show on that field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-api.h"
#include "rc-http-record.h"
#include "rc-model-private.h"
#include "rc-project.h"
#include "rc-resolve.h"
#include "rc-secret-store.h"
#include "rc-template.h"

struct _RcResolver
{
  GObject        parent_instance;

  RcEnvironment *environment;
  GHashTable    *overrides;  /* name → value */
  GHashTable    *secrets;    /* name → value, wiped when freed */
};

G_DEFINE_FINAL_TYPE (RcResolver, rc_resolver, G_TYPE_OBJECT)

/* What an error keeps beside its message, for an editor to point at. */
typedef struct
{
  RcResolveField field;
  gboolean       in_api;
  char          *variable;
  char          *problem;   /* the message without what to do, for a command line's own */
} RcResolveErrorPrivate;

static void
rc_resolve_error_private_init (RcResolveErrorPrivate *priv)
{
}

static void
rc_resolve_error_private_copy (const RcResolveErrorPrivate *src,
                               RcResolveErrorPrivate       *dest)
{
  dest->field = src->field;
  dest->in_api = src->in_api;
  dest->variable = g_strdup (src->variable);
  dest->problem = g_strdup (src->problem);
}

static void
rc_resolve_error_private_clear (RcResolveErrorPrivate *priv)
{
  g_clear_pointer (&priv->variable, g_free);
  g_clear_pointer (&priv->problem, g_free);
}

G_DEFINE_EXTENDED_ERROR (RcResolveError, rc_resolve_error)

/* Where a field is: its owner, and which of its fields. */
typedef struct
{
  RcResolveField field;
  gboolean       in_api;
  const char    *owner;  /* the API's or method's name */
} Where;

/* One expansion: what was looked up, and whether a secret was. */
typedef struct
{
  RcResolver *resolver;
  char       *secret_used;  /* the first secret variable looked up */
} Expansion;

static void
wipe_free (gpointer data)
{
  rc_secret_free (data);
}

static void
rc_resolver_finalize (GObject *object)
{
  RcResolver *self = (RcResolver *)object;

  g_clear_object (&self->environment);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->secrets, g_hash_table_unref);

  G_OBJECT_CLASS (rc_resolver_parent_class)->finalize (object);
}

static void
rc_resolver_class_init (RcResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_resolver_finalize;
}

static void
rc_resolver_init (RcResolver *self)
{
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_free);
}

/**
 * rc_resolver_new:
 * @environment: (nullable): the environment whose variables fill the
 *   references, or %NULL for a project without one (any reference is then
 *   an error)
 *
 * Returns: (transfer full): a resolver, without secret values yet
 */
RcResolver *
rc_resolver_new (RcEnvironment *environment)
{
  RcResolver *self;

  g_return_val_if_fail (environment == NULL || RC_IS_ENVIRONMENT (environment), NULL);

  self = g_object_new (RC_TYPE_RESOLVER, NULL);
  g_set_object (&self->environment, environment);

  return self;
}

/**
 * rc_resolver_new_for_api:
 *
 * Returns: (transfer full): a resolver for the active environment of the
 *   project @api is in (none when it is in none)
 */
RcResolver *
rc_resolver_new_for_api (RcApi *api)
{
  g_autoptr(RcProject) project = NULL;

  g_return_val_if_fail (RC_IS_API (api), NULL);

  project = rc_api_dup_project (api);

  return rc_resolver_new (project ? rc_project_get_active_environment (project) : NULL);
}

/**
 * rc_resolver_get_environment:
 *
 * Returns: (transfer none) (nullable): the environment
 */
RcEnvironment *
rc_resolver_get_environment (RcResolver *self)
{
  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);

  return self->environment;
}

/**
 * rc_resolver_set_override:
 *
 * Gives @name the value @value for this resolver only, over the
 * environment's (a command line's `--var name=value`).
 */
void
rc_resolver_set_override (RcResolver *self,
                          const char *name,
                          const char *value)
{
  g_return_if_fail (RC_IS_RESOLVER (self));
  g_return_if_fail (name != NULL && value != NULL);

  g_hash_table_replace (self->overrides, g_strdup (name), g_strdup (value));
}

/**
 * rc_resolver_set_secret:
 *
 * Gives the secret variable @name its value, looked up in the keyring.
 * The copy is wiped when the resolver is freed.
 */
void
rc_resolver_set_secret (RcResolver *self,
                        const char *name,
                        const char *value)
{
  g_return_if_fail (RC_IS_RESOLVER (self));
  g_return_if_fail (name != NULL && value != NULL);

  g_hash_table_replace (self->secrets, g_strdup (name), g_strdup (value));
}

/**
 * rc_resolver_leave_secrets:
 *
 * Leaves the environment's secret variables as they are written,
 * `{{name}}`, without their values: for showing settings, or for telling
 * which cached token they make, without asking the keyring.
 */
void
rc_resolver_leave_secrets (RcResolver *self)
{
  guint n_variables;

  g_return_if_fail (RC_IS_RESOLVER (self));

  n_variables = self->environment ? rc_environment_get_n_variables (self->environment) : 0;
  for (guint i = 0; i < n_variables; i++)
    {
      RcVariable *variable = rc_environment_get_variable (self->environment, i);
      g_autofree char *written = NULL;

      if (!rc_variable_get_secret (variable))
        continue;
      written = g_strdup_printf ("\\{{%s}}", rc_variable_get_name (variable));
      rc_resolver_set_override (self, rc_variable_get_name (variable), written);
    }
}

static RcVariable *
find_variable (RcResolver *self,
               const char *name)
{
  return self->environment ? rc_environment_find_variable (self->environment, name) : NULL;
}

static gboolean
is_secret (RcResolver *self,
           const char *name)
{
  RcVariable *variable = find_variable (self, name);

  return variable && rc_variable_get_secret (variable);
}

/* The value of @name: given for this run, else a secret's, else plain. */
static const char *
lookup (RcResolver *self,
        const char *name)
{
  const char *value;
  RcVariable *variable;

  if ((value = g_hash_table_lookup (self->overrides, name)))
    return value;

  if ((variable = find_variable (self, name)) == NULL)
    return NULL;
  if (rc_variable_get_secret (variable))
    return g_hash_table_lookup (self->secrets, name);

  return rc_variable_get_value (variable);
}

static const char *
expansion_lookup (const char *name,
                  gpointer    user_data)
{
  Expansion *expansion = user_data;

  if (expansion->secret_used == NULL && is_secret (expansion->resolver, name)
      && !g_hash_table_contains (expansion->resolver->overrides, name))
    expansion->secret_used = g_strdup (name);

  return lookup (expansion->resolver, name);
}

/* “the base URL of the API “Pets”” */
static char *
dup_where (const Where *where)
{
  switch (where->field)
    {
    case RC_RESOLVE_FIELD_BASE_URL:
      return g_strdup_printf (_("the base URL of the API “%s”"), where->owner);
    case RC_RESOLVE_FIELD_URL:
      return g_strdup_printf (_("the URL of the method “%s”"), where->owner);
    case RC_RESOLVE_FIELD_HEADERS:
      return where->in_api ? g_strdup_printf (_("the headers of the API “%s”"), where->owner)
                           : g_strdup_printf (_("the headers of the method “%s”"), where->owner);
    case RC_RESOLVE_FIELD_BODY:
      return g_strdup_printf (_("the body of the method “%s”"), where->owner);
    case RC_RESOLVE_FIELD_TEST_VALUES:
      return g_strdup_printf (_("the test values of the method “%s”"), where->owner);
    case RC_RESOLVE_FIELD_USERNAME:
      return g_strdup_printf (_("the user name of “%s”"), where->owner);
    case RC_RESOLVE_FIELD_CLIENT_ID:
      return g_strdup_printf (_("the client ID of “%s”"), where->owner);
    case RC_RESOLVE_FIELD_TOKEN_URL:
      return g_strdup_printf (_("the access token URL of “%s”"), where->owner);
    case RC_RESOLVE_FIELD_SCOPES:
      return g_strdup_printf (_("the scopes of “%s”"), where->owner);
    case RC_RESOLVE_FIELD_TOKEN_PARAMS:
      return g_strdup_printf (_("the token parameters of “%s”"), where->owner);
    case RC_RESOLVE_FIELD_SECRET:
    default:
      return g_strdup_printf (_("the client secret or password of “%s”"), where->owner);
    }
}

/* @message is the problem, then @remedy if there is one. */
static void
set_error_full (GError      **error,
                RcResolveError code,
                const Where  *where,
                const char   *variable,
                const char   *message,
                const char   *remedy)
{
  GError *local_error = remedy ? g_error_new (RC_RESOLVE_ERROR, code, "%s %s", message, remedy)
                               : g_error_new_literal (RC_RESOLVE_ERROR, code, message);
  RcResolveErrorPrivate *priv = rc_resolve_error_get_private (local_error);

  priv->field = where->field;
  priv->in_api = where->in_api;
  priv->variable = g_strdup (variable);
  priv->problem = g_strdup (message);
  g_propagate_error (error, local_error);
}

static void
set_error (GError      **error,
           RcResolveError code,
           const Where  *where,
           const char   *variable,
           const char   *message)
{
  set_error_full (error, code, where, variable, message, NULL);
}

static gboolean
is_url_field (RcResolveField field)
{
  return field == RC_RESOLVE_FIELD_BASE_URL || field == RC_RESOLVE_FIELD_URL
         || field == RC_RESOLVE_FIELD_TEST_VALUES || field == RC_RESOLVE_FIELD_TOKEN_URL;
}

static void
set_secret_in_url_error (GError      **error,
                         const Where  *where,
                         const char   *name)
{
  g_autofree char *place = dup_where (where);
  g_autofree char *message =
    g_strdup_printf (_("The secret variable {{%s}} cannot be used in %s: servers and proxies "
                       "keep URLs in their logs. Send it in a header or in the body instead."),
                     name, place);

  set_error (error, RC_RESOLVE_ERROR_SECRET_IN_URL, where, name, message);
}

/* Says why @name has no value: a secret not stored, or not defined. */
static void
set_undefined_error (RcResolver  *self,
                     GError     **error,
                     const Where *where,
                     const char  *name)
{
  g_autofree char *place = dup_where (where);
  g_autofree char *message = NULL;

  if (is_secret (self, name) && is_url_field (where->field))
    {
      set_secret_in_url_error (error, where, name);
      return;
    }

  if (is_secret (self, name))
    {
      message = g_strdup_printf (_("The secret variable {{%s}}, in %s, has no value stored in the "
                                   "keyring for the environment “%s”."),
                                 name, place, rc_environment_get_name (self->environment));
      set_error_full (error, RC_RESOLVE_ERROR_NO_SECRET, where, name, message,
                      _("Store its value, then try again."));
      return;
    }

  if (self->environment)
    {
      message = g_strdup_printf (_("{{%s}}, used in %s, is not defined in “%s”."), name, place,
                                 rc_environment_get_name (self->environment));
      set_error_full (error, RC_RESOLVE_ERROR_UNDEFINED, where, name, message,
                      _("Add the variable to the environment, or choose another environment."));
    }
  else
    {
      message = g_strdup_printf (_("{{%s}}, used in %s, is not defined: the project has no "
                                   "environment."),
                                 name, place);
      set_error_full (error, RC_RESOLVE_ERROR_UNDEFINED, where, name, message,
                      _("Add an environment that defines it."));
    }
}

/* @text with its references filled in, or %NULL and why not. */
static char *
expand (RcResolver  *self,
        const char  *text,
        const Where *where,
        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *secret_used = NULL;
  Expansion expansion = { self, NULL };

  /* Escapes and unclosed references too, not only whole references. */
  if (strstr (text, "{{") == NULL)
    return g_strdup (text);

  expanded = rc_template_expand (text, expansion_lookup, &expansion, &local_error);
  secret_used = g_steal_pointer (&expansion.secret_used);
  if (expanded == NULL)
    {
      const char *name = rc_template_error_get_name (local_error);
      g_autofree char *place = dup_where (where);
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, RC_TEMPLATE_ERROR, RC_TEMPLATE_ERROR_UNDEFINED))
        {
          set_undefined_error (self, error, where, name);
          return NULL;
        }

      /* TRANSLATORS: “In the body of the method “x”: {{a}} refers to itself…” */
      message = g_strdup_printf (_("In %s: %s"), place, local_error->message);
      set_error (error,
                 g_error_matches (local_error, RC_TEMPLATE_ERROR, RC_TEMPLATE_ERROR_SYNTAX)
                   ? RC_RESOLVE_ERROR_SYNTAX : RC_RESOLVE_ERROR_CYCLE,
                 where, name, message);
      return NULL;
    }

  if (secret_used && is_url_field (where->field))
    {
      set_secret_in_url_error (error, where, secret_used);
      rc_secret_free (g_steal_pointer (&expanded));
      return NULL;
    }

  return g_steal_pointer (&expanded);
}

/**
 * rc_resolver_expand:
 *
 * Fills in the references of one text, as in a method's body.
 *
 * Returns: (transfer full) (nullable): @text filled in, or %NULL and why
 *   not
 */
char *
rc_resolver_expand (RcResolver  *self,
                    const char  *text,
                    GError     **error)
{
  Where where = { RC_RESOLVE_FIELD_BODY, FALSE, "" };

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return expand (self, text, &where, error);
}

/* Fills in each value of @pairs, in place. */
static gboolean
expand_pairs (RcResolver  *self,
              RcPairList  *pairs,
              const Where *where,
              GError     **error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (pairs));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);
      g_autofree char *value = expand (self, rc_pair_get_value (pair), where, error);

      if (value == NULL)
        return FALSE;
      rc_pair_set_value (pair, value);
    }

  return TRUE;
}

/* Fills in a string property of @object. */
static gboolean
expand_property (RcResolver  *self,
                 GObject     *object,
                 const char  *property,
                 const Where *where,
                 GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *value = NULL;

  g_object_get (object, property, &text, NULL);
  if ((value = expand (self, text, where, error)) == NULL)
    return FALSE;
  g_object_set (object, property, value, NULL);

  return TRUE;
}

/* Fills in @auth's fields in place; its secret variable becomes the
 * environment's keyring id of it. */
static gboolean
resolve_auth_in_place (RcResolver  *self,
                       RcAuth      *auth,
                       const char  *owner,
                       gboolean     in_api,
                       GError     **error)
{
  /* The fields of its kind only: another kind's are kept, not used. */
  static const struct {
    RcAuthKind     kind;
    RcResolveField field;
    const char    *property;
  } fields[] = {
    { RC_AUTH_KIND_BASIC, RC_RESOLVE_FIELD_USERNAME, "username" },
    { RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, RC_RESOLVE_FIELD_CLIENT_ID, "client-id" },
    { RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, RC_RESOLVE_FIELD_TOKEN_URL, "token-url" },
    { RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS, RC_RESOLVE_FIELD_SCOPES, "scopes" },
  };
  const char *variable = rc_auth_get_secret_variable (auth);
  RcAuthKind kind = rc_auth_get_kind (auth);
  Where where = { RC_RESOLVE_FIELD_TOKEN_PARAMS, in_api, owner };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      Where field_where = { fields[i].field, in_api, owner };

      if (fields[i].kind == kind
          && !expand_property (self, G_OBJECT (auth), fields[i].property, &field_where, error))
        return FALSE;
    }

  if (kind == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
      && !expand_pairs (self, rc_auth_get_token_params (auth), &where, error))
    return FALSE;

  if (variable[0] != '\0' && rc_auth_needs_secret (auth))
    {
      g_autofree char *id = NULL;

      where.field = RC_RESOLVE_FIELD_SECRET;
      if (!g_hash_table_contains (self->overrides, variable) && !is_secret (self, variable))
        {
          g_autofree char *place = dup_where (&where);
          g_autofree char *message = NULL;

          if (find_variable (self, variable) == NULL)
            {
              set_undefined_error (self, error, &where, variable);
              return FALSE;
            }
          message = g_strdup_printf (_("%s comes from the variable {{%s}}, which is not secret "
                                       "in “%s”. Mark it secret and store its value in the "
                                       "keyring."),
                                     place, variable, rc_environment_get_name (self->environment));
          set_error (error, RC_RESOLVE_ERROR_NOT_SECRET, &where, variable, message);
          return FALSE;
        }
      if (lookup (self, variable) == NULL)
        {
          set_undefined_error (self, error, &where, variable);
          return FALSE;
        }

      id = self->environment ? rc_environment_dup_secret_id (self->environment, variable)
                             : g_strconcat ("/", variable, NULL);
      rc_auth_set_secret_variable (auth, id);
    }

  return TRUE;
}

/* Marks @resolved (a copy this resolver made) with the secret values it
 * may hold, for rc_resolve_mask_record(). */
static void
attach_secrets (RcResolver *self,
                GObject    *resolved)
{
  GHashTableIter iter;
  gpointer value;
  GPtrArray *values;

  if (g_hash_table_size (self->secrets) == 0)
    return;

  values = g_ptr_array_new_with_free_func (wipe_free);
  g_hash_table_iter_init (&iter, self->secrets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (values, g_strdup (value));
  g_object_set_data_full (resolved, "rc-resolve-secrets", values,
                          (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rc_resolve_mask_record:
 * @resolved: a method or an authentication a resolver made
 * @record: the exchange sent with it
 *
 * Masks in @record (rc_http_record_add_secret()) the values of the secret
 * variables @resolved was filled in with: wherever a header or a body
 * carries one, the panes show a mask.
 */
void
rc_resolve_mask_record (gpointer      resolved,
                        RcHttpRecord *record)
{
  GPtrArray *values;

  g_return_if_fail (G_IS_OBJECT (resolved));
  g_return_if_fail (RC_IS_HTTP_RECORD (record));

  values = g_object_get_data (G_OBJECT (resolved), "rc-resolve-secrets");
  for (guint i = 0; values && i < values->len; i++)
    rc_http_record_add_secret (record, g_ptr_array_index (values, i));
}

/**
 * rc_resolver_resolve_auth:
 *
 * Returns: (transfer full) (nullable): a copy of @auth with its fields
 *   filled in, or %NULL and why not
 */
RcAuth *
rc_resolver_resolve_auth (RcResolver  *self,
                          RcAuth      *auth,
                          GError     **error)
{
  g_autoptr(RcAuth) copy = NULL;

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);
  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  copy = rc_auth_copy (auth);
  _rc_auth_set_source (copy, auth);
  if (!resolve_auth_in_place (self, copy, "", FALSE, error))
    return NULL;
  attach_secrets (self, G_OBJECT (copy));

  return g_steal_pointer (&copy);
}

static RcApi *
resolve_api (RcResolver  *self,
             RcApi       *api,
             GError     **error)
{
  g_autoptr(RcApi) copy = rc_api_new (rc_api_get_name (api));
  const char *name = rc_api_get_name (api);
  Where base_url = { RC_RESOLVE_FIELD_BASE_URL, TRUE, name };
  Where headers = { RC_RESOLVE_FIELD_HEADERS, TRUE, name };
  g_autofree char *url = expand (self, rc_api_get_base_url (api), &base_url, error);

  if (url == NULL)
    return NULL;

  rc_api_set_id (copy, rc_api_get_id (api));
  rc_api_set_base_url (copy, url);
  rc_api_set_description (copy, rc_api_get_description (api));
  rc_pair_list_copy_from (rc_api_get_headers (copy), rc_api_get_headers (api));
  rc_auth_assign (rc_api_get_auth (copy), rc_api_get_auth (api));
  _rc_auth_set_source (rc_api_get_auth (copy), rc_api_get_auth (api));

  if (!expand_pairs (self, rc_api_get_headers (copy), &headers, error)
      || !resolve_auth_in_place (self, rc_api_get_auth (copy), name, TRUE, error))
    return NULL;

  return g_steal_pointer (&copy);
}

/* A copy of @method with its own fields filled in, not in any API. */
static RcMethod *
resolve_method_fields (RcResolver  *self,
                       RcMethod    *method,
                       GError     **error)
{
  g_autoptr(RcMethod) copy = NULL;
  const char *name = rc_method_get_name (method);
  RcAuth *own = rc_method_get_auth (method);
  Where url = { RC_RESOLVE_FIELD_URL, FALSE, name };
  Where body = { RC_RESOLVE_FIELD_BODY, FALSE, name };
  Where headers = { RC_RESOLVE_FIELD_HEADERS, FALSE, name };
  Where values = { RC_RESOLVE_FIELD_TEST_VALUES, FALSE, name };

  copy = rc_method_new (name);
  rc_method_set_id (copy, rc_method_get_id (method));
  rc_method_set_verb (copy, rc_method_get_verb (method));
  rc_method_set_url (copy, rc_method_get_url (method));
  rc_method_set_body (copy, rc_method_get_body (method));
  rc_method_set_required_parameters (copy, rc_method_get_required_parameters (method));
  rc_method_set_description (copy, rc_method_get_description (method));
  rc_method_set_content_type (copy, rc_method_get_content_type (method));
  rc_pair_list_copy_from (rc_method_get_headers (copy), rc_method_get_headers (method));
  rc_pair_list_copy_from (rc_method_get_test_values (copy), rc_method_get_test_values (method));
  if (own)
    {
      g_autoptr(RcAuth) auth = rc_auth_copy (own);

      _rc_auth_set_source (auth, own);
      rc_method_set_auth (copy, auth);
    }

  if (!expand_property (self, G_OBJECT (copy), "url", &url, error)
      || !expand_property (self, G_OBJECT (copy), "body", &body, error)
      || !expand_pairs (self, rc_method_get_headers (copy), &headers, error)
      || !expand_pairs (self, rc_method_get_test_values (copy), &values, error)
      || (own && !resolve_auth_in_place (self, rc_method_get_auth (copy), name, FALSE, error)))
    return NULL;

  return g_steal_pointer (&copy);
}

/**
 * rc_resolver_resolve_method:
 *
 * Returns: (transfer full) (nullable): a copy of @method, in a copy of its
 *   API, with every reference filled in, or %NULL and why not
 */
RcMethod *
rc_resolver_resolve_method (RcResolver  *self,
                            RcMethod    *method,
                            GError     **error)
{
  g_autoptr(RcMethod) copy = NULL;
  g_autoptr(RcApi) api = NULL;

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);
  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  if (rc_method_get_api (method) && !(api = resolve_api (self, rc_method_get_api (method), error)))
    return NULL;
  if (!(copy = resolve_method_fields (self, method, error)))
    return NULL;
  attach_secrets (self, G_OBJECT (copy));

  /* The copy owns its API's copy, which does not list it: nothing holds
   * them but the caller. */
  if (api)
    {
      _rc_method_set_api (copy, api);
      g_object_set_data_full (G_OBJECT (copy), "rc-resolved-api", g_steal_pointer (&api),
                              g_object_unref);
    }

  return g_steal_pointer (&copy);
}

/**
 * rc_resolver_resolve_api:
 *
 * Returns: (transfer full) (nullable): a copy of @api and its methods,
 *   with every reference filled in, or %NULL and why not
 */
RcApi *
rc_resolver_resolve_api (RcResolver  *self,
                         RcApi       *api,
                         GError     **error)
{
  g_autoptr(RcApi) copy = NULL;

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);
  g_return_val_if_fail (RC_IS_API (api), NULL);

  if (!(copy = resolve_api (self, api, error)))
    return NULL;

  for (guint i = 0; i < rc_api_get_n_methods (api); i++)
    {
      g_autoptr(RcMethod) method = resolve_method_fields (self, rc_api_get_method (api, i), error);

      if (method == NULL)
        return NULL;
      rc_api_add_method (copy, method);
    }

  return g_steal_pointer (&copy);
}

static const char *
collect_lookup (const char *name,
                gpointer    user_data)
{
  gpointer *data = user_data;
  RcResolver *self = data[0];
  GPtrArray *names = data[1];
  RcVariable *variable = find_variable (self, name);

  if (variable && rc_variable_get_secret (variable))
    {
      if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (name));
      return "";
    }

  return variable ? rc_variable_get_value (variable) : "";
}

static void
collect (RcResolver *self,
         GPtrArray  *names,
         const char *text)
{
  gpointer data[] = { self, names };
  g_autofree char *ignored = NULL;

  if (strstr (text, "{{"))
    ignored = rc_template_expand (text, collect_lookup, data, NULL);
}

static void
collect_pairs (RcResolver *self,
               GPtrArray  *names,
               RcPairList *pairs)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (pairs));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);

      collect (self, names, rc_pair_get_value (pair));
    }
}

static void
collect_auth (RcResolver *self,
              GPtrArray  *names,
              RcAuth     *auth)
{
  const char *variable = rc_auth_get_secret_variable (auth);

  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_BASIC)
    collect (self, names, rc_auth_get_username (auth));
  if (rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS)
    {
      collect (self, names, rc_auth_get_client_id (auth));
      collect (self, names, rc_auth_get_scopes (auth));
      collect_pairs (self, names, rc_auth_get_token_params (auth));
    }
  if (variable[0] != '\0' && rc_auth_needs_secret (auth) && is_secret (self, variable)
      && !g_ptr_array_find_with_equal_func (names, variable, g_str_equal, NULL))
    g_ptr_array_add (names, g_strdup (variable));
}

/**
 * rc_resolver_dup_secret_names:
 * @method: (nullable): a method, with its API
 * @auth: (nullable): an authentication, for a token request alone
 *
 * Returns: (transfer full): the secret variables of the environment that
 *   @method or @auth use, directly or through other variables, whose
 *   values the caller looks up in the keyring before resolving
 */
char **
rc_resolver_dup_secret_names (RcResolver *self,
                              RcMethod   *method,
                              RcAuth     *auth)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);

  if (method)
    {
      RcApi *api = rc_method_get_api (method);

      if (api)
        {
          collect_pairs (self, names, rc_api_get_headers (api));
          collect_auth (self, names, rc_api_get_auth (api));
        }
      collect (self, names, rc_method_get_body (method));
      collect_pairs (self, names, rc_method_get_headers (method));
      if (rc_method_get_auth (method))
        collect_auth (self, names, rc_method_get_auth (method));
    }
  if (auth)
    collect_auth (self, names, auth);

  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Loading secret values, one after the other. */
typedef struct
{
  RcSecretStore *store;
  char          *project_id;
  GStrv          names;
  guint          next;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->store);
  g_free (load->project_id);
  g_strfreev (load->names);
  g_free (load);
}

static void load_next (GTask *task);

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RcResolver *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret = rc_secret_store_lookup_finish (RC_SECRET_STORE (object), result, NULL, &error);

  /* One not stored is said when it is used (RC_RESOLVE_ERROR_NO_SECRET). */
  if (error && !g_error_matches (error, RC_SECRET_STORE_ERROR, RC_SECRET_STORE_ERROR_MISMATCH))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);

  if (secret)
    {
      rc_resolver_set_secret (self, load->names[load->next], secret);
      rc_secret_free (secret);
    }
  load->next++;
  load_next (g_steal_pointer (&task));
}

static void
load_next (GTask *task)
{
  RcResolver *self = g_task_get_source_object (task);
  Load *load = g_task_get_task_data (task);
  const char *name = load->names[load->next];
  g_autoptr(RcSecretBinding) binding = NULL;
  g_autofree char *id = NULL;

  while (name && g_hash_table_contains (self->secrets, name))
    name = load->names[++load->next];

  if (name == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  id = rc_environment_dup_secret_id (self->environment, name);
  binding = rc_environment_dup_secret_binding (self->environment, name);
  rc_secret_store_lookup_async (load->store, load->project_id, id, binding,
                                g_task_get_cancellable (task), looked_up_cb, task);
}

/**
 * rc_resolver_load_secrets_async:
 * @names: the secret variables to look up (rc_resolver_dup_secret_names())
 *
 * Looks up in the keyring the values of the environment's secret
 * variables @names that the resolver has no value for yet, and keeps them.
 * One that is not stored is no error here: resolving what uses it is.
 */
void
rc_resolver_load_secrets_async (RcResolver          *self,
                                RcSecretStore       *store,
                                const char          *project_id,
                                const char * const  *names,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  Load *load;

  g_return_if_fail (RC_IS_RESOLVER (self));
  g_return_if_fail (RC_IS_SECRET_STORE (store));
  g_return_if_fail (project_id != NULL && names != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_resolver_load_secrets_async);
  load = g_new0 (Load, 1);
  load->store = g_object_ref (store);
  load->project_id = g_strdup (project_id);
  load->names = self->environment ? g_strdupv ((char **) names) : g_new0 (char *, 1);
  g_task_set_task_data (task, load, load_free);

  load_next (task);
}

/**
 * rc_resolver_load_secrets_finish:
 *
 * Returns: whether the keyring answered (%RC_SECRET_STORE_ERROR_UNAVAILABLE
 *   when it could not be used)
 */
gboolean
rc_resolver_load_secrets_finish (RcResolver    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_resolver_get_auth_secret:
 * @auth: (nullable): an authentication this resolver resolved
 *
 * Returns: (nullable): the value of the secret variable @auth's secret
 *   comes from; %NULL when it has its own secret
 */
const char *
rc_resolver_get_auth_secret (RcResolver *self,
                             RcAuth     *auth)
{
  const char *id;
  const char *slash;

  g_return_val_if_fail (RC_IS_RESOLVER (self), NULL);
  g_return_val_if_fail (auth == NULL || RC_IS_AUTH (auth), NULL);

  if (auth == NULL)
    return NULL;

  id = rc_auth_get_secret_variable (auth);
  if (id[0] == '\0' || (slash = strrchr (id, '/')) == NULL)
    return NULL;

  return lookup (self, slash + 1);
}

/**
 * rc_resolve_error_get_field:
 *
 * Returns: the field an %RC_RESOLVE_ERROR is about
 */
RcResolveField
rc_resolve_error_get_field (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == RC_RESOLVE_ERROR,
                        RC_RESOLVE_FIELD_BODY);

  return rc_resolve_error_get_private (error)->field;
}

/**
 * rc_resolve_error_is_in_api:
 *
 * Returns: whether the field is the API's (or its authentication's),
 *   rather than the method's
 */
gboolean
rc_resolve_error_is_in_api (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == RC_RESOLVE_ERROR, FALSE);

  return rc_resolve_error_get_private (error)->in_api;
}

/**
 * rc_resolve_error_get_variable:
 *
 * Returns: (nullable): the variable an %RC_RESOLVE_ERROR is about
 */
const char *
rc_resolve_error_get_variable (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == RC_RESOLVE_ERROR, NULL);

  return rc_resolve_error_get_private (error)->variable;
}

/**
 * rc_resolve_error_get_problem:
 *
 * Returns: what is wrong, without what to do about it, for a caller that
 *   says that in its own terms
 */
const char *
rc_resolve_error_get_problem (const GError *error)
{
  g_return_val_if_fail (error != NULL && error->domain == RC_RESOLVE_ERROR, NULL);

  return rc_resolve_error_get_private (error)->problem;
}
