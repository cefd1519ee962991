/* rc-method.c: one REST method: verb, URL template, headers, body, test values
 *
 * A URL parameter is optional unless the method marks it as required
 * (rc_method_set_required_parameters(), as an OpenAPI import does): an
 * optional query parameter whose value is empty is left out of the call
 * (rc_executor_build_url()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-api.h"
#include "rc-model-private.h"
#include "rc-url-template.h"
#include "rc-util-private.h"

struct _RcMethod
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *verb;
  char       *url;
  char       *description;
  char       *body;
  char       *content_type;
  GStrv       required_parameters;
  RcPairList *headers;
  RcPairList *test_values;
  RcAuth     *auth;
  GWeakRef    api;
};

G_DEFINE_FINAL_TYPE (RcMethod, rc_method, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_VERB,
  PROP_URL,
  PROP_REQUIRED_PARAMETERS,
  PROP_DESCRIPTION,
  PROP_HEADERS,
  PROP_BODY,
  PROP_CONTENT_TYPE,
  PROP_TEST_VALUES,
  PROP_AUTH,
  PROP_API,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const verbs[] = {
  "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", NULL
};

static void
part_changed_cb (RcMethod *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rc_method_notify (GObject    *object,
                  GParamSpec *pspec)
{
  /* The owning API is a link, not content: moving a method is reported by
   * the lists it moves between. */
  if (pspec != properties[PROP_API])
    g_signal_emit (object, signals[CHANGED], 0);
}

static void
rc_method_dispose (GObject *object)
{
  RcMethod *self = (RcMethod *)object;

  if (self->auth)
    g_signal_handlers_disconnect_by_func (self->auth, part_changed_cb, self);
  g_clear_object (&self->auth);
  g_clear_object (&self->headers);
  g_clear_object (&self->test_values);
  g_weak_ref_set (&self->api, NULL);

  G_OBJECT_CLASS (rc_method_parent_class)->dispose (object);
}

static void
rc_method_finalize (GObject *object)
{
  RcMethod *self = (RcMethod *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->verb, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->required_parameters, g_strfreev);
  g_weak_ref_clear (&self->api);

  G_OBJECT_CLASS (rc_method_parent_class)->finalize (object);
}

static void
rc_method_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RcMethod *self = RC_METHOD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VERB:
      g_value_set_string (value, self->verb);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_REQUIRED_PARAMETERS:
      g_value_set_boxed (value, self->required_parameters);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_HEADERS:
      g_value_set_object (value, self->headers);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CONTENT_TYPE:
      g_value_set_string (value, self->content_type);
      break;

    case PROP_TEST_VALUES:
      g_value_set_object (value, self->test_values);
      break;

    case PROP_AUTH:
      g_value_set_object (value, self->auth);
      break;

    case PROP_API:
      g_value_take_object (value, g_weak_ref_get (&self->api));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_method_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RcMethod *self = RC_METHOD (object);

  switch (prop_id)
    {
    case PROP_ID:
      rc_method_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      rc_method_set_name (self, g_value_get_string (value));
      break;

    case PROP_VERB:
      rc_method_set_verb (self, g_value_get_string (value));
      break;

    case PROP_URL:
      rc_method_set_url (self, g_value_get_string (value));
      break;

    case PROP_REQUIRED_PARAMETERS:
      rc_method_set_required_parameters (self, g_value_get_boxed (value));
      break;

    case PROP_DESCRIPTION:
      rc_method_set_description (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      rc_method_set_body (self, g_value_get_string (value));
      break;

    case PROP_CONTENT_TYPE:
      rc_method_set_content_type (self, g_value_get_string (value));
      break;

    case PROP_AUTH:
      rc_method_set_auth (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_method_class_init (RcMethodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rc_method_dispose;
  object_class->finalize = rc_method_finalize;
  object_class->get_property = rc_method_get_property;
  object_class->set_property = rc_method_set_property;
  object_class->notify = rc_method_notify;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERB] =
    g_param_spec_string ("verb", NULL, NULL,
                         "GET",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RcMethod:required-parameters:
   *
   * The names of the URL parameters marked as required; the others are
   * optional.
   */
  properties[PROP_REQUIRED_PARAMETERS] =
    g_param_spec_boxed ("required-parameters", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADERS] =
    g_param_spec_object ("headers", NULL, NULL,
                         RC_TYPE_PAIR_LIST,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTENT_TYPE] =
    g_param_spec_string ("content-type", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEST_VALUES] =
    g_param_spec_object ("test-values", NULL, NULL,
                         RC_TYPE_PAIR_LIST,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RcMethod:auth: (nullable)
   *
   * The method's own authentication; %NULL when it inherits its API's.
   */
  properties[PROP_AUTH] =
    g_param_spec_object ("auth", NULL, NULL,
                         RC_TYPE_AUTH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_API] =
    g_param_spec_object ("api", NULL, NULL,
                         RC_TYPE_API,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcMethod::changed:
   *
   * Emitted when anything saved with the method changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rc_method_init (RcMethod *self)
{
  self->id = g_uuid_string_random ();
  self->name = g_strdup ("");
  self->verb = g_strdup ("GET");
  self->url = g_strdup ("");
  self->description = g_strdup ("");
  self->body = g_strdup ("");
  self->content_type = g_strdup ("");
  self->required_parameters = g_new0 (char *, 1);
  self->headers = rc_pair_list_new ();
  self->test_values = rc_pair_list_new ();
  g_weak_ref_init (&self->api, NULL);

  g_signal_connect_object (self->headers, "changed",
                           G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->test_values, "changed",
                           G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);
}

RcMethod *
rc_method_new (const char *name)
{
  return g_object_new (RC_TYPE_METHOD,
                       "name", name,
                       NULL);
}

/**
 * rc_method_get_id:
 *
 * Returns: the method's opaque, stable identifier
 */
const char *
rc_method_get_id (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->id;
}

void
rc_method_set_id (RcMethod   *self,
                  const char *id)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rc_method_get_name (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->name;
}

void
rc_method_set_name (RcMethod   *self,
                    const char *name)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
rc_method_get_verb (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->verb;
}

/**
 * rc_method_set_verb:
 *
 * Sets the HTTP verb; it is kept in upper case.
 */
void
rc_method_set_verb (RcMethod   *self,
                    const char *verb)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (RC_IS_METHOD (self));

  upper = g_ascii_strup (verb && *verb ? verb : "GET", -1);
  if (rc_set_str (&self->verb, upper))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERB]);
}

/**
 * rc_method_get_url:
 *
 * Returns: the URL template, absolute or relative to the API's base URL,
 *   with `{name}` placeholders in its path and query
 */
const char *
rc_method_get_url (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->url;
}

void
rc_method_set_url (RcMethod   *self,
                   const char *url)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/**
 * rc_method_get_required_parameters:
 *
 * Returns: (transfer none): the names of the URL parameters marked as
 *   required, in the order they were set
 */
const char * const *
rc_method_get_required_parameters (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return (const char * const *)self->required_parameters;
}

/**
 * rc_method_set_required_parameters:
 * @names: (nullable) (array zero-terminated=1): the names of the URL
 *   parameters to mark as required; %NULL for none
 */
void
rc_method_set_required_parameters (RcMethod           *self,
                                   const char * const *names)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (RC_IS_METHOD (self));

  if (names == NULL)
    names = none;
  if (g_strv_equal ((const char * const *)self->required_parameters, names))
    return;

  g_strfreev (self->required_parameters);
  self->required_parameters = g_strdupv ((char **)names);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED_PARAMETERS]);
}

/**
 * rc_method_is_parameter_required:
 * @name: the name of a URL parameter
 *
 * Returns: whether the method marks @name as required
 */
gboolean
rc_method_is_parameter_required (RcMethod   *self,
                                 const char *name)
{
  g_return_val_if_fail (RC_IS_METHOD (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->required_parameters, name);
}

const char *
rc_method_get_description (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->description;
}

void
rc_method_set_description (RcMethod   *self,
                           const char *description)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * rc_method_get_headers:
 *
 * Returns: (transfer none): the method-level headers
 */
RcPairList *
rc_method_get_headers (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->headers;
}

const char *
rc_method_get_body (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->body;
}

void
rc_method_set_body (RcMethod   *self,
                    const char *body)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

const char *
rc_method_get_content_type (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->content_type;
}

/**
 * rc_method_get_body_content_type:
 *
 * Returns: (nullable): the Content-Type sent with the body: the one set, or
 *   else application/json for a body that opens like JSON and text/plain
 *   for any other; %NULL when there is no body
 */
const char *
rc_method_get_body_content_type (RcMethod *self)
{
  const char *body;

  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  if (self->body[0] == '\0')
    return NULL;
  if (self->content_type[0] != '\0')
    return self->content_type;

  for (body = self->body; g_ascii_isspace (*body); body++)
    ;

  return (*body == '{' || *body == '[') ? "application/json" : "text/plain";
}

void
rc_method_set_content_type (RcMethod   *self,
                            const char *content_type)
{
  g_return_if_fail (RC_IS_METHOD (self));

  if (rc_set_str (&self->content_type, content_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_TYPE]);
}

/**
 * rc_method_get_test_values:
 *
 * Returns: (transfer none): values for the URL's parameters used by Test
 */
RcPairList *
rc_method_get_test_values (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->test_values;
}

/**
 * rc_method_get_auth:
 *
 * Returns: (transfer none) (nullable): the method's own authentication, or
 *   %NULL when it inherits its API's
 */
RcAuth *
rc_method_get_auth (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return self->auth;
}

void
rc_method_set_auth (RcMethod *self,
                    RcAuth   *auth)
{
  RcApi *api;

  g_return_if_fail (RC_IS_METHOD (self));
  g_return_if_fail (!auth || RC_IS_AUTH (auth));

  if (self->auth == auth)
    return;

  if (self->auth)
    g_signal_handlers_disconnect_by_func (self->auth, part_changed_cb, self);

  g_set_object (&self->auth, auth);

  /* Its paths are relative to the project's folder, as the API's are. */
  api = rc_method_get_api (self);
  if (self->auth && api)
    rc_auth_set_folder (self->auth, rc_auth_get_folder (rc_api_get_auth (api)));

  if (self->auth)
    g_signal_connect_object (self->auth, "changed",
                             G_CALLBACK (part_changed_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH]);
}

/**
 * rc_method_get_api:
 *
 * Returns: (transfer none) (nullable): the API the method belongs to
 */
RcApi *
rc_method_get_api (RcMethod *self)
{
  g_autoptr(RcApi) api = NULL;

  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  /* The API owns the method, so it outlives this borrowed pointer. */
  api = g_weak_ref_get (&self->api);

  return api;
}

void
_rc_method_set_api (RcMethod *self,
                    RcApi    *api)
{
  g_autoptr(RcApi) old = NULL;

  g_return_if_fail (RC_IS_METHOD (self));

  old = g_weak_ref_get (&self->api);
  if (old == api)
    return;

  g_weak_ref_set (&self->api, api);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_API]);
}

/**
 * rc_method_get_effective_auth:
 *
 * Returns: (transfer none) (nullable): the method's own authentication, or
 *   its API's when it has none; %NULL for a method outside any API that
 *   has none of its own
 */
RcAuth *
rc_method_get_effective_auth (RcMethod *self)
{
  RcApi *api;

  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  if (self->auth)
    return self->auth;

  api = rc_method_get_api (self);

  return api ? rc_api_get_auth (api) : NULL;
}

/**
 * rc_method_dup_parameters:
 *
 * Returns: (transfer full): the names of the URL template's `{name}`
 *   placeholders, each once, in the order they first appear
 */
char **
rc_method_dup_parameters (RcMethod *self)
{
  g_return_val_if_fail (RC_IS_METHOD (self), NULL);

  return rc_url_template_dup_names (self->url);
}

/**
 * rc_method_get_verbs:
 *
 * Returns: (transfer none): the HTTP verbs a method can use
 */
const char * const *
rc_method_get_verbs (void)
{
  return verbs;
}
