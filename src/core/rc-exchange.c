/* rc-exchange.c: everything that went over the wire for one call
 *
 * An exchange holds the API request and response of every attempt
 * (redirects within the API's origin, a replay after a refused token),
 * the token request and response when one was made (both attempts, when
 * the Basic credentials went once more in the other form), what the executor
 * did on the user's behalf (notes), and why the call failed, if it did.
 *
 * An exchange can also hold a token request made on its own (Get New
 * Token, rc_exchange_new_for_token_request()): it has no API call, and
 * its success is its token.
 *
 * What a call came to, as the command line and the history report it,
 * is said here too: whether and how it failed, as a kind with a stable
 * code (rc_exchange_get_failure(), rc-failure.c), and in a sentence
 * (rc_exchange_dup_failure_message()).
 *
 * It also keeps every step in the order it happened (a token from the
 * cache, each attempt at a token request, each API request), which
 * rc_exchange_format() prints in that order: an API request refused, the
 * new token and the replay read as they went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-exchange.h"
#include "rc-failure.h"
#include "rc-http-record.h"
#include "rc-text.h"

typedef enum {
  STEP_API,             /* an RcHttpRecord of the API call */
  STEP_TOKEN,           /* an RcHttpRecord of a token request, with its earlier attempts */
  STEP_CACHED_TOKEN,    /* an RcToken from the cache */
} StepKind;

typedef struct
{
  StepKind  kind;
  GObject  *object;
} Step;

struct _RcExchange
{
  GObject       parent_instance;

  GArray       *steps;         /* Step, in the order they happened */
  GPtrArray    *api_records;
  RcHttpRecord *token_record;
  RcToken      *token;
  GPtrArray    *notes;
  GPtrArray    *request_notes;  /* about the API request as it was built */
  GError       *error;
  gint64        duration_us;
  guint         n_token_requests;
  guint         token_from_cache : 1;
  guint         authorization_overridden : 1;
  guint         token_request_only : 1;
};

G_DEFINE_FINAL_TYPE (RcExchange, rc_exchange, G_TYPE_OBJECT)

static void
rc_exchange_finalize (GObject *object)
{
  RcExchange *self = (RcExchange *)object;

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->api_records, g_ptr_array_unref);
  g_clear_object (&self->token_record);
  g_clear_object (&self->token);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->request_notes, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (rc_exchange_parent_class)->finalize (object);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->object);
}

static void
add_step (RcExchange *self,
          StepKind    kind,
          gpointer    object)
{
  Step step = { kind, g_object_ref (object) };

  g_array_append_val (self->steps, step);
}

static void
rc_exchange_class_init (RcExchangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_exchange_finalize;
}

static void
rc_exchange_init (RcExchange *self)
{
  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->api_records = g_ptr_array_new_with_free_func (g_object_unref);
  /* Reserved room, so that the array is NULL-terminated even when empty. */
  self->notes = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->request_notes = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

RcExchange *
rc_exchange_new (void)
{
  return g_object_new (RC_TYPE_EXCHANGE, NULL);
}

/**
 * rc_exchange_new_for_token_request:
 * @token: (nullable): the token obtained
 * @record: (nullable): the token request and its answer, if one was sent
 * @error: (nullable): why no token came
 *
 * Returns: (transfer full): the exchange of a token request made on its
 *   own, without an API call (Get New Token): a success when it got
 *   @token
 */
RcExchange *
rc_exchange_new_for_token_request (RcToken      *token,
                                   RcHttpRecord *record,
                                   const GError *error)
{
  RcExchange *self = rc_exchange_new ();

  g_return_val_if_fail (token == NULL || RC_IS_TOKEN (token), self);
  g_return_val_if_fail (record == NULL || RC_IS_HTTP_RECORD (record), self);

  self->token_request_only = TRUE;
  rc_exchange_set_token_record (self, record);
  rc_exchange_set_token (self, token, FALSE);
  rc_exchange_set_error (self, error);
  if (record)
    self->duration_us = rc_http_record_get_duration_us (record);

  return self;
}

gboolean
rc_exchange_is_token_request_only (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), FALSE);

  return self->token_request_only;
}

/**
 * rc_exchange_get_api_records:
 *
 * Returns: (transfer none) (element-type RcHttpRecord): every attempt
 */
GPtrArray *
rc_exchange_get_api_records (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return self->api_records;
}

/**
 * rc_exchange_get_api_record:
 *
 * Returns: (transfer none) (nullable): the last attempt at the API call
 */
RcHttpRecord *
rc_exchange_get_api_record (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  if (self->api_records->len == 0)
    return NULL;

  return g_ptr_array_index (self->api_records, self->api_records->len - 1);
}

void
rc_exchange_add_api_record (RcExchange   *self,
                            RcHttpRecord *record)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));
  g_return_if_fail (RC_IS_HTTP_RECORD (record));

  g_ptr_array_add (self->api_records, g_object_ref (record));
  add_step (self, STEP_API, record);
}

/**
 * rc_exchange_get_token_record:
 *
 * Returns: (transfer none) (nullable): the last token request this call
 *   waited for
 */
RcHttpRecord *
rc_exchange_get_token_record (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return self->token_record;
}

void
rc_exchange_set_token_record (RcExchange   *self,
                              RcHttpRecord *record)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  if (record)
    {
      self->n_token_requests++;
      add_step (self, STEP_TOKEN, record);
    }
  g_set_object (&self->token_record, record);
}

/**
 * rc_exchange_get_token:
 *
 * Returns: (transfer none) (nullable): the token the call was sent with
 */
RcToken *
rc_exchange_get_token (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return self->token;
}

void
rc_exchange_set_token (RcExchange *self,
                       RcToken    *token,
                       gboolean    from_cache)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  g_set_object (&self->token, token);
  self->token_from_cache = !!from_cache;
  if (token && from_cache)
    add_step (self, STEP_CACHED_TOKEN, token);
}

gboolean
rc_exchange_get_token_from_cache (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), FALSE);

  return self->token_from_cache;
}

/**
 * rc_exchange_get_n_token_requests:
 *
 * Returns: how many token requests this call waited for (0 when its token
 *   came from the cache; 2 after a refused token was replaced)
 */
guint
rc_exchange_get_n_token_requests (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), 0);

  return self->n_token_requests;
}

/**
 * rc_exchange_get_authorization_overridden:
 *
 * Returns: %TRUE when an Authorization header set by hand was replaced by
 *   the one the authentication settings make
 */
gboolean
rc_exchange_get_authorization_overridden (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), FALSE);

  return self->authorization_overridden;
}

void
rc_exchange_set_authorization_overridden (RcExchange *self,
                                          gboolean    overridden)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  self->authorization_overridden = !!overridden;
}

/**
 * rc_exchange_get_request_notes:
 *
 * Returns: (transfer none): what the API request left out or changed as
 *   it was built (a query parameter without a value), in words
 */
const char * const *
rc_exchange_get_request_notes (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return (const char * const *)self->request_notes->pdata;
}

void
rc_exchange_add_request_note (RcExchange *self,
                              const char *note)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  g_ptr_array_add (self->request_notes, g_strdup (note));
}

/**
 * rc_exchange_format_request_notes:
 *
 * Returns: (transfer full): the request notes, a line each, to go above
 *   the API request; "" when there are none
 */
char *
rc_exchange_format_request_notes (RcExchange *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  for (guint i = 0; i < self->request_notes->len; i++)
    {
      g_autofree char *note = rc_text_dup_printable (g_ptr_array_index (self->request_notes, i),
                                                     -1, 0, RC_TEXT_ONE_LINE);

      /* Translators: a line above the API request, as in “Note: the query parameter …” */
      g_string_append_printf (text, _("Note: %s\n"), note);
    }
  if (text->len > 0)
    g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

/**
 * rc_exchange_get_notes:
 *
 * Returns: (transfer none): what the executor did on the user's behalf,
 *   in words
 */
const char * const *
rc_exchange_get_notes (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return (const char * const *)self->notes->pdata;
}

void
rc_exchange_add_note (RcExchange *self,
                      const char *note)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  g_ptr_array_add (self->notes, g_strdup (note));
}

/**
 * rc_exchange_get_error:
 *
 * Returns: (nullable): why the call got no response from the API; %NULL
 *   when it got one, whatever its status
 */
const GError *
rc_exchange_get_error (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  return self->error;
}

void
rc_exchange_set_error (RcExchange   *self,
                       const GError *error)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  g_clear_error (&self->error);
  if (error)
    self->error = g_error_copy (error);
}

/**
 * rc_exchange_get_status:
 *
 * Returns: the API's last HTTP status, or 0 when it did not answer
 */
guint
rc_exchange_get_status (RcExchange *self)
{
  RcHttpRecord *record;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), 0);

  record = rc_exchange_get_api_record (self);
  if (record == NULL || !rc_http_record_has_response (record))
    return 0;

  return rc_http_record_get_status (record);
}

/**
 * rc_exchange_is_success:
 *
 * Returns: %TRUE when the API answered with a 2xx (a token request made
 *   on its own: when it got its token)
 */
gboolean
rc_exchange_is_success (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), FALSE);

  if (self->token_request_only)
    return self->error == NULL && self->token != NULL;

  return self->error == NULL && SOUP_STATUS_IS_SUCCESSFUL (rc_exchange_get_status (self));
}

/**
 * rc_exchange_get_failure:
 *
 * Returns: how the call failed: %RC_FAILURE_NONE when it got a 2xx; the
 *   kind of its error when it got no response; else that of its status
 *   (%RC_FAILURE_OTHER for a status that is neither 4xx nor 5xx)
 */
RcFailure
rc_exchange_get_failure (RcExchange *self)
{
  RcFailure failure;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), RC_FAILURE_OTHER);

  if (rc_exchange_is_success (self))
    return RC_FAILURE_NONE;
  if (self->error)
    return rc_failure_classify (self->error);

  failure = rc_failure_for_http_status (rc_exchange_get_status (self));

  return failure == RC_FAILURE_NONE ? RC_FAILURE_OTHER : failure;
}

/**
 * rc_exchange_dup_failure_message:
 *
 * Returns: (transfer full) (nullable): the one line that says why the
 *   call failed, or %NULL when it got a 2xx
 */
char *
rc_exchange_dup_failure_message (RcExchange *self)
{
  RcHttpRecord *record;
  guint status, n_notes;
  g_autofree char *answered = NULL;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  if (rc_exchange_is_success (self))
    return NULL;
  if (self->error)
    return g_strdup (self->error->message);

  record = rc_exchange_get_api_record (self);
  status = rc_exchange_get_status (self);
  if (record == NULL || status == 0)
    return g_strdup (_("The call got no response."));

  answered = g_strdup_printf (_("%s %s answered HTTP %u %s."), rc_http_record_get_method (record),
                              rc_http_record_get_url (record), status,
                              soup_status_get_phrase (status));

  /* What Restcall did about it, such as not following a redirect to
   * another origin, is the last note. */
  n_notes = self->notes->len;
  if (n_notes > 0)
    return g_strdup_printf ("%s %s", answered, (char *)g_ptr_array_index (self->notes, n_notes - 1));

  return g_steal_pointer (&answered);
}

gint64
rc_exchange_get_duration_us (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), 0);

  return self->duration_us;
}

void
rc_exchange_set_duration_us (RcExchange *self,
                             gint64      duration_us)
{
  g_return_if_fail (RC_IS_EXCHANGE (self));

  self->duration_us = duration_us;
}

static char *
describe_cached_token (RcToken *token)
{
  g_autofree char *duration = NULL;
  gint64 expires_in;

  if (token == NULL)
    return g_strdup (_("No token was needed for this call.\n"));

  expires_in = rc_token_get_expires_in (token);
  if (expires_in < 0)
    return g_strdup (_("Token from cache; the server did not say when it expires.\n"));

  duration = rc_token_format_duration (expires_in);
  /* Translators: %s is a duration, such as “59 s” or “4 min 10 s” */
  return g_strdup_printf (_("Token from cache, expires in %s.\n"), duration);
}

/**
 * rc_exchange_get_cached_token_record:
 *
 * Returns: (transfer none) (nullable): for a token taken from the cache,
 *   the token request that obtained it, when known
 */
RcHttpRecord *
rc_exchange_get_cached_token_record (RcExchange *self)
{
  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  if (self->token_record != NULL || self->token == NULL || !self->token_from_cache)
    return NULL;

  return (RcHttpRecord *) rc_token_get_record (self->token);
}

/**
 * rc_exchange_dup_cached_token_intro:
 * @response: %TRUE for the response's pane, %FALSE for the request's
 *
 * Returns: (transfer full): what goes above the exchange that obtained a
 *   token taken from the cache: when it expires, and that this obtained it
 */
char *
rc_exchange_dup_cached_token_intro (RcExchange *self,
                                    gboolean    response)
{
  g_autofree char *cached = NULL;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  cached = describe_cached_token (self->token);

  return g_strconcat (cached,
                      response ? _("It was obtained with this response:")
                               : _("It was obtained with this request:"),
                      "\n\n", NULL);
}

/**
 * rc_exchange_format_part:
 * @reveal: %TRUE to show secrets and tokens; masked by default
 *
 * Returns: (transfer full): one of the four parts, as text
 */
char *
rc_exchange_format_part (RcExchange     *self,
                         RcExchangePart  part,
                         gboolean        reveal)
{
  RcHttpRecord *api = NULL;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  api = rc_exchange_get_api_record (self);

  switch (part)
    {
    case RC_EXCHANGE_API_REQUEST:
      {
        g_autofree char *notes = rc_exchange_format_request_notes (self);
        g_autofree char *request = api ? rc_http_record_format_request (api, reveal)
                                       : g_strdup (_("The API request was not sent.\n"));

        return g_strconcat (notes, request, NULL);
      }

    case RC_EXCHANGE_API_RESPONSE:
      if (api == NULL || !rc_http_record_has_response (api))
        {
          g_autofree char *why = rc_text_dup_printable (self->error ? self->error->message
                                                        : _("the request was not sent"),
                                                        -1, 0, RC_TEXT_ONE_LINE);

          return g_strdup_printf (_("No response: %s\n"), why);
        }
      return rc_http_record_format_response (api, reveal);

    case RC_EXCHANGE_TOKEN_REQUEST:
    case RC_EXCHANGE_TOKEN_RESPONSE:
      {
        gboolean response = part == RC_EXCHANGE_TOKEN_RESPONSE;
        g_autofree char *cached = NULL;
        g_autofree char *obtained = NULL;
        RcHttpRecord *record;

        if (self->token_record != NULL)
          return rc_http_record_format_attempts (self->token_record, response, reveal);

        /* From the cache: and the exchange that obtained it, if known. */
        record = rc_exchange_get_cached_token_record (self);
        if (record == NULL)
          return describe_cached_token (self->token);

        cached = rc_exchange_dup_cached_token_intro (self, response);
        obtained = rc_http_record_format_attempts (record, response, reveal);
        return g_strconcat (cached, obtained, NULL);
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
append_part (GString    *text,
             const char *heading,
             const char *part)
{
  g_string_append_printf (text, "%s── %s ──\n%s", text->len ? "\n" : "", heading, part);
}

/* Each attempt of a token request, its request then its response. */
static void
append_token_request (GString      *text,
                      RcHttpRecord *record,
                      gboolean      reveal)
{
  g_autoptr(GPtrArray) attempts = rc_http_record_dup_attempts (record);

  for (guint i = 0; i < attempts->len; i++)
    {
      RcHttpRecord *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *heading =
        attempts->len > 1 ? rc_http_record_dup_attempt_heading (attempt, i + 1, attempts->len)
                          : g_strdup ("");
      g_autofree char *request = rc_http_record_format_request (attempt, reveal);
      g_autofree char *response = rc_http_record_format_response (attempt, reveal);
      g_autofree char *request_part = g_strconcat (heading, request, NULL);
      g_autofree char *response_part = g_strconcat (heading, response, NULL);

      append_part (text, _("Authorization server request"), request_part);
      append_part (text, _("Authorization server response"), response_part);
    }
}

static void
append_api_request (RcExchange   *self,
                    GString      *text,
                    RcHttpRecord *record,
                    gboolean      reveal)
{
  g_autofree char *request = rc_http_record_format_request (record, reveal);
  g_autofree char *response = NULL;

  if (rc_http_record_has_response (record))
    response = rc_http_record_format_response (record, reveal);
  else
    {
      const char *error = self->error ? self->error->message : rc_http_record_get_error (record);
      g_autofree char *why = rc_text_dup_printable (error ? error : _("the request was not sent"),
                                                    -1, 0, RC_TEXT_ONE_LINE);

      response = g_strdup_printf (_("No response: %s\n"), why);
    }

  append_part (text, _("API request"), request);
  append_part (text, _("API response"), response);
}

/**
 * rc_exchange_format:
 * @reveal: %TRUE to show secrets and tokens; masked by default
 *
 * Returns: (transfer full): every request and response in the order they
 *   were sent (a token from the cache where it was taken, each attempt at
 *   a token request, each API request), each under its heading, then the
 *   notes and the error, if any
 */
char *
rc_exchange_format (RcExchange *self,
                    gboolean    reveal)
{
  GString *text;

  g_return_val_if_fail (RC_IS_EXCHANGE (self), NULL);

  text = g_string_new (NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = &g_array_index (self->steps, Step, i);

      switch (step->kind)
        {
        case STEP_CACHED_TOKEN:
          {
            g_autofree char *cached = describe_cached_token (RC_TOKEN (step->object));

            append_part (text, _("Authorization server request"), cached);
          }
          break;

        case STEP_TOKEN:
          append_token_request (text, RC_HTTP_RECORD (step->object), reveal);
          break;

        case STEP_API:
        default:
          append_api_request (self, text, RC_HTTP_RECORD (step->object), reveal);
          break;
        }
    }

  if (self->api_records->len == 0)
    {
      g_autofree char *request = rc_exchange_format_part (self, RC_EXCHANGE_API_REQUEST, reveal);
      g_autofree char *response = rc_exchange_format_part (self, RC_EXCHANGE_API_RESPONSE, reveal);

      append_part (text, _("API request"), request);
      append_part (text, _("API response"), response);
    }

  if (self->notes->len > 0 || self->request_notes->len > 0)
    {
      g_string_append_printf (text, "\n── %s ──\n", _("Notes"));
      for (guint i = 0; i < self->request_notes->len; i++)
        {
          g_autofree char *note = rc_text_dup_printable (
            g_ptr_array_index (self->request_notes, i), -1, 0, RC_TEXT_ONE_LINE);

          g_string_append_printf (text, "%s\n", note);
        }
      for (guint i = 0; i < self->notes->len; i++)
        {
          g_autofree char *note = rc_text_dup_printable (g_ptr_array_index (self->notes, i), -1, 0,
                                                         RC_TEXT_ONE_LINE);

          g_string_append_printf (text, "%s\n", note);
        }
    }

  if (self->error)
    {
      g_autofree char *message =
        rc_text_dup_printable (self->error->message, -1, 0, RC_TEXT_ONE_LINE);

      g_string_append_printf (text, "\n── %s ──\n%s\n", _("Error"), message);
    }

  return g_string_free (text, FALSE);
}
