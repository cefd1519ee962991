/* rc-http-record.c: one HTTP request and its response, as sent and received
 *
 * The record keeps exactly what went over the wire. Formatting it for a
 * person masks secrets by default: Basic credentials, client_secret and
 * password fields, and access tokens (which keep a short prefix so two
 * tokens can be told apart). A signed client assertion (RFC 7523) keeps
 * its header and claims, which are no secret, and is shown decoded below
 * the body; its signature is masked. The unmasked text exists only on
 * request. A preview (what the inspector's panes show) is cut at a limit,
 * and reads and masks the body only as far as it shows: a 20 MB body is
 * neither copied nor parsed whole for it. A body kept for later (the
 * history) is masked the same way, and cut at a limit too
 * (rc_http_record_dup_masked_body()).
 *
 * A request sent again in another way (the token request in the other
 * Basic form, rc-basic-form.c) is recorded as a record of its own that
 * points to the attempt before it, each with a label saying how it was
 * sent; formatted together, the attempts come oldest first, under
 * headings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rc-http-record.h"
#include "rc-body.h"
#include "rc-client-cert.h"
#include "rc-document.h"
#include "rc-json.h"
#include "rc-json-format.h"
#include "rc-jwt.h"
#include "rc-text.h"

#define MASK "••••••••"
#define TOKEN_PREFIX_LENGTH 6

typedef struct
{
  char *name;
  char *value;
} Header;

struct _RcHttpRecord
{
  GObject  parent_instance;

  char    *method;
  char    *url;
  GArray  *request_headers;
  GBytes  *request_body;

  gboolean has_response;
  guint    status;
  char    *reason;
  char    *http_version;
  GArray  *response_headers;
  GBytes  *response_body;
  char    *error;
  gint64   duration_us;

  char         *client_certificate; /* presented for mutual TLS: subject and file */

  RcHttpRecord *previous;   /* the attempt this one was sent again after */
  char         *label;      /* how this attempt was sent, for its heading */
  GPtrArray    *secrets;    /* values masked wherever they show (secret variables') */
};

G_DEFINE_FINAL_TYPE (RcHttpRecord, rc_http_record, G_TYPE_OBJECT)

static void
header_clear (gpointer data)
{
  Header *header = data;

  g_free (header->name);
  g_free (header->value);
}

static GArray *
copy_headers (SoupMessageHeaders *headers)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (Header));
  SoupMessageHeadersIter iter;
  const char *name, *value;

  g_array_set_clear_func (array, header_clear);

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      Header header = { g_strdup (name), g_strdup (value) };

      g_array_append_val (array, header);
    }

  return array;
}

static const char *
find_header (GArray     *headers,
             const char *name)
{
  for (guint i = 0; headers && i < headers->len; i++)
    {
      Header *header = &g_array_index (headers, Header, i);

      if (g_ascii_strcasecmp (header->name, name) == 0)
        return header->value;
    }

  return NULL;
}

/* Secrets are masked whole; tokens keep a short prefix. */
static gboolean
is_secret_field (const char *name)
{
  static const char * const names[] = { "client_secret", "password", "client_assertion", NULL };

  return g_strv_contains (names, name);
}

static gboolean
is_token_field (const char *name)
{
  static const char * const names[] = { "access_token", "refresh_token", "id_token", NULL };

  return g_strv_contains (names, name);
}

/* A JWT but for its signature: header.claims.•••••••• */
static char *
mask_signature (const char *jwt)
{
  const char *last_dot = strrchr (jwt, '.');

  if (last_dot == NULL || strchr (jwt, '.') == last_dot)
    return g_strdup (MASK);

  return g_strdup_printf ("%.*s" MASK, (int) (last_dot + 1 - jwt), jwt);
}

static char *
mask_field (const char *name,
            const char *value)
{
  if (g_str_equal (name, "client_assertion") && value)
    return mask_signature (value);

  return rc_mask_secret_value (is_token_field (name) ? value : NULL);
}

/* An RcJsonMaskFunc: secrets and tokens masked, the rest as it is. */
static char *
mask_member (const char *name,
             const char *value)
{
  if (!is_secret_field (name) && !is_token_field (name))
    return NULL;

  return mask_field (name, value);
}

/**
 * rc_mask_secret_value:
 *
 * Returns: (transfer full): a token's first characters and a mask, or
 *   only the mask for a value too short to show any of
 */
char *
rc_mask_secret_value (const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL || strlen (value) < 4 * TOKEN_PREFIX_LENGTH)
    return g_strdup (MASK);

  /* Whole characters: at least as many as a quarter of the bytes. */
  valid = g_utf8_make_valid (value, -1);

  return g_strdup_printf (
    "%.*s" MASK, (int) (g_utf8_offset_to_pointer (valid, TOKEN_PREFIX_LENGTH) - valid), valid);
}

/**
 * rc_mask_authorization:
 *
 * Returns: (transfer full): an Authorization header value with its
 *   credentials masked: Basic credentials entirely, a Bearer token but for
 *   a short prefix
 */
char *
rc_mask_authorization (const char *value)
{
  const char *space = strchr (value, ' ');
  g_autofree char *scheme = NULL;

  if (space == NULL)
    return g_strdup (MASK);

  scheme = g_strndup (value, space - value);
  if (g_ascii_strcasecmp (scheme, "Bearer") == 0)
    {
      g_autofree char *masked = rc_mask_secret_value (space + 1);

      return g_strdup_printf ("%s %s", scheme, masked);
    }

  return g_strdup_printf ("%s " MASK, scheme);
}

/**
 * rc_mask_header_value:
 *
 * Returns: (transfer full) (nullable): the value of the header @name with
 *   its credentials masked, when it is one that carries them
 *   (Authorization, Proxy-Authorization); %NULL for any other header
 */
char *
rc_mask_header_value (const char *name,
                      const char *value)
{
  if (g_ascii_strcasecmp (name, "Authorization") != 0
      && g_ascii_strcasecmp (name, "Proxy-Authorization") != 0)
    return NULL;

  return rc_mask_authorization (value);
}

static void
append_headers (GString  *text,
                GArray   *headers,
                gboolean  reveal)
{
  for (guint i = 0; headers && i < headers->len; i++)
    {
      Header *header = &g_array_index (headers, Header, i);
      g_autofree char *masked = reveal ? NULL : rc_mask_header_value (header->name, header->value);

      g_string_append_printf (text, "%s: %s\n", header->name, masked ? masked : header->value);
    }
}

static gboolean
is_form (GArray *headers)
{
  const char *type = find_header (headers, "Content-Type");

  return type && g_ascii_strncasecmp (type, "application/x-www-form-urlencoded", 33) == 0;
}

static gboolean
is_json (GArray *headers)
{
  const char *type = find_header (headers, "Content-Type");

  return type && (strstr (type, "json") != NULL);
}

/* Masks the values of secret fields, keeping the body's order. */
static char *
mask_form (const char *body)
{
  g_auto(GStrv) fields = g_strsplit (body, "&", -1);
  GString *masked = g_string_new (NULL);

  for (guint i = 0; fields[i]; i++)
    {
      char *eq = strchr (fields[i], '=');
      g_autofree char *name = eq ? g_uri_unescape_segment (fields[i], eq, NULL) : NULL;

      if (i > 0)
        g_string_append_c (masked, '&');

      if (name && (is_secret_field (name) || is_token_field (name)))
        {
          g_autofree char *value = g_uri_unescape_string (eq + 1, NULL);
          g_autofree char *mask = mask_field (name, value);

          g_string_append_len (masked, fields[i], eq - fields[i] + 1);
          g_string_append (masked, mask);
        }
      else
        g_string_append (masked, fields[i]);
    }

  return g_string_free (masked, FALSE);
}

static void
mask_json_node (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l; l = l->next)
        {
          JsonNode *child = json_object_get_member (object, l->data);

          if ((is_secret_field (l->data) || is_token_field (l->data))
              && JSON_NODE_HOLDS_VALUE (child)
              && json_node_get_value_type (child) == G_TYPE_STRING)
            {
              g_autofree char *masked = mask_field (l->data, json_node_get_string (child));

              json_object_set_string_member (object, l->data, masked);
            }
          else
            mask_json_node (child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        mask_json_node (json_array_get_element (array, i));
    }
}

static char *
mask_json (const char *body,
           gsize       size)
{
  g_autoptr(JsonNode) root = rc_json_parse (body, size, RC_JSON_DEFAULT, NULL, NULL, NULL);

  /* Text that does not parse (or nests too deep to) is shown as it is. */
  if (root == NULL)
    return NULL;

  mask_json_node (root);

  return rc_json_write (root);
}

/* A form's client assertion, decoded, so that a person can read what it
 * claims; nothing when there is none or it is no JWT. */
static void
append_assertion (GString    *text,
                  const char *form)
{
  g_autoptr(GHashTable) fields = g_uri_parse_params (form, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  const char *assertion = fields ? g_hash_table_lookup (fields, "client_assertion") : NULL;
  g_autofree char *header = NULL;
  g_autofree char *claims = NULL;

  if (assertion == NULL || !rc_jwt_decode (assertion, &header, &claims, NULL))
    return;

  g_string_append_printf (text, _("\nClient assertion, decoded (signature %s):\n%s\n%s\n"), MASK,
                          header, claims);
}

/* A form body, its secret fields masked, then its client assertion
 * decoded, if it has one. */
static void
append_form (GString    *text,
             const char *form,
             gboolean    reveal)
{
  g_autofree char *masked = reveal ? NULL : mask_form (form);

  g_string_append (text, masked ? masked : form);
  if (!g_str_has_suffix (text->str, "\n"))
    g_string_append_c (text, '\n');
  append_assertion (text, form);
}

static void
append_body (GString  *text,
             GArray   *headers,
             GBytes   *body,
             gboolean  reveal)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *copy = NULL;
  g_autofree char *masked = NULL;

  if (size == 0)
    return;

  g_string_append_c (text, '\n');

  if (!g_utf8_validate (data, size, NULL))
    {
      g_string_append_printf (text, _("(%" G_GSIZE_FORMAT " bytes of binary data)\n"), size);
      return;
    }

  copy = g_strndup (data, size);

  if (is_form (headers))
    {
      append_form (text, copy, reveal);
      return;
    }

  /* JSON is masked whatever the Content-Type says: a token response
   * sent as text/plain, or with no type, is read as JSON all the same. */
  if (!reveal && (is_json (headers) || rc_document_is_json (copy, size)))
    masked = mask_json (copy, size);

  g_string_append (text, masked ? masked : copy);
  if (!g_str_has_suffix (text->str, "\n"))
    g_string_append_c (text, '\n');
}

static void
rc_http_record_finalize (GObject *object)
{
  RcHttpRecord *self = (RcHttpRecord *)object;

  g_clear_pointer (&self->client_certificate, g_free);
  g_clear_pointer (&self->secrets, g_ptr_array_unref);
  g_clear_object (&self->previous);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->request_headers, g_array_unref);
  g_clear_pointer (&self->request_body, g_bytes_unref);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->http_version, g_free);
  g_clear_pointer (&self->response_headers, g_array_unref);
  g_clear_pointer (&self->response_body, g_bytes_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rc_http_record_parent_class)->finalize (object);
}

static void
rc_http_record_class_init (RcHttpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_http_record_finalize;
}

static void
rc_http_record_init (RcHttpRecord *self)
{
}

/**
 * rc_http_record_new_for_request:
 * @request_body: (nullable): the body as sent
 *
 * Records the request as it stands: call it when the message is ready to
 * be sent, after every header is set.
 */
RcHttpRecord *
rc_http_record_new_for_request (SoupMessage *message,
                                GBytes      *request_body)
{
  RcHttpRecord *self;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  self = g_object_new (RC_TYPE_HTTP_RECORD, NULL);
  self->method = g_strdup (soup_message_get_method (message));
  self->url = g_uri_to_string_partial (soup_message_get_uri (message), G_URI_HIDE_PASSWORD);
  self->request_headers = copy_headers (soup_message_get_request_headers (message));
  self->request_body = request_body ? g_bytes_ref (request_body) : NULL;
  if (rc_client_cert_get_presented (message))
    self->client_certificate = rc_client_cert_describe (rc_client_cert_get_presented (message));

  return self;
}

void
rc_http_record_set_response (RcHttpRecord *self,
                             SoupMessage  *message,
                             GBytes       *response_body)
{
  SoupMessageMetrics *metrics;

  g_return_if_fail (RC_IS_HTTP_RECORD (self));
  g_return_if_fail (SOUP_IS_MESSAGE (message));

  /* libsoup adds headers of its own (Host, Accept-Encoding…) when it
   * sends: record the request as it really went. */
  g_clear_pointer (&self->request_headers, g_array_unref);
  self->request_headers = copy_headers (soup_message_get_request_headers (message));

  self->has_response = TRUE;
  self->status = soup_message_get_status (message);
  self->reason = g_strdup (soup_message_get_reason_phrase (message));
  self->http_version =
    g_strdup (soup_message_get_http_version (message) == SOUP_HTTP_2_0   ? "HTTP/2"
              : soup_message_get_http_version (message) == SOUP_HTTP_1_0 ? "HTTP/1.0"
                                                                         : "HTTP/1.1");
  g_clear_pointer (&self->response_headers, g_array_unref);
  self->response_headers = copy_headers (soup_message_get_response_headers (message));
  g_clear_pointer (&self->response_body, g_bytes_unref);
  self->response_body = response_body ? g_bytes_ref (response_body) : NULL;

  metrics = soup_message_get_metrics (message);
  if (metrics && soup_message_metrics_get_response_end (metrics) > 0)
    self->duration_us = soup_message_metrics_get_response_end (metrics)
                        - soup_message_metrics_get_fetch_start (metrics);
}

void
rc_http_record_set_error (RcHttpRecord *self,
                          const GError *error)
{
  g_return_if_fail (RC_IS_HTTP_RECORD (self));

  g_free (self->error);
  self->error = g_strdup (error ? error->message : NULL);
}

const char *
rc_http_record_get_method (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->method;
}

const char *
rc_http_record_get_url (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->url;
}

const char *
rc_http_record_get_request_header (RcHttpRecord *self,
                                   const char   *name)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return find_header (self->request_headers, name);
}

/**
 * rc_http_record_get_request_body:
 *
 * Returns: (transfer none) (nullable): the request body, unmasked
 */
GBytes *
rc_http_record_get_request_body (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->request_body;
}

gboolean
rc_http_record_has_response (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), FALSE);

  return self->has_response;
}

guint
rc_http_record_get_status (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), 0);

  return self->status;
}

/**
 * rc_http_record_get_reason:
 *
 * Returns: (nullable): the reason phrase of the status line, as the
 *   server sent it
 */
const char *
rc_http_record_get_reason (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->reason;
}

const char *
rc_http_record_get_response_header (RcHttpRecord *self,
                                    const char   *name)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return find_header (self->response_headers, name);
}

/**
 * rc_http_record_get_response_body:
 *
 * Returns: (transfer none) (nullable): the response body, unmasked
 */
GBytes *
rc_http_record_get_response_body (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->response_body;
}

/**
 * rc_http_record_get_error:
 *
 * Returns: (nullable): why no usable response came, if so
 */
/**
 * rc_http_record_get_client_certificate:
 *
 * Returns: (nullable): the client certificate the request presented for
 *   mutual TLS, in words (its subject and file), or %NULL
 */
const char *
rc_http_record_get_client_certificate (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->client_certificate;
}

const char *
rc_http_record_get_error (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->error;
}

gint64
rc_http_record_get_duration_us (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), 0);

  return self->duration_us;
}

/* What the server sent may hold control characters meant for a terminal:
 * the text is shown with them escaped, wherever it goes. */
static char *
free_to_printable (GString *text)
{
  g_autofree char *raw = g_string_free (text, FALSE);

  return rc_text_dup_printable (raw, -1, 0, RC_TEXT_MULTI_LINE);
}

/* The request line or the status line, and the headers; and which
 * client certificate the request presented, never its key. */
/* The shortest value rc_http_record_add_secret() masks: a shorter one
 * would hide every run of those letters. */
#define MIN_SECRET_LENGTH 4

static void
wipe_free (gpointer data)
{
  char *secret = data;

  memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* @text with the secrets added (rc_http_record_add_secret()) masked. */
static GString *
mask_secrets (RcHttpRecord *self,
              GString      *text,
              gboolean      reveal)
{
  for (guint i = 0; !reveal && self->secrets && i < self->secrets->len; i++)
    g_string_replace (text, g_ptr_array_index (self->secrets, i), "••••••••", 0);

  return text;
}

static GString *
new_head (RcHttpRecord *self,
          gboolean      response,
          gboolean      reveal)
{
  GString *text = g_string_new (NULL);

  if (response)
    g_string_append_printf (text, "%s %u %s\n", self->http_version, self->status,
                            self->reason ? self->reason : "");
  else
    g_string_append_printf (text, "%s %s\n", self->method, self->url);
  append_headers (text, response ? self->response_headers : self->request_headers, reveal);
  if (!response && self->client_certificate)
    g_string_append_printf (text, _("(Client certificate presented for mutual TLS: %s)\n"),
                            self->client_certificate);

  return text;
}

/**
 * rc_http_record_format_request:
 * @reveal: %TRUE to show secrets; the default everywhere is %FALSE
 *
 * Returns: (transfer full): the request as text: request line, headers,
 *   blank line, body; control characters escaped
 */
char *
rc_http_record_format_request (RcHttpRecord *self,
                               gboolean      reveal)
{
  GString *text;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  text = new_head (self, FALSE, reveal);
  append_body (text, self->request_headers, self->request_body, reveal);

  return free_to_printable (mask_secrets (self, text, reveal));
}

/**
 * rc_http_record_format_response:
 * @reveal: %TRUE to show secrets; the default everywhere is %FALSE
 *
 * Returns: (transfer full): the response as text, or what went wrong;
 *   control characters escaped
 */
char *
rc_http_record_format_response (RcHttpRecord *self,
                                gboolean      reveal)
{
  GString *text;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  if (!self->has_response)
    {
      text = g_string_new (NULL);
      g_string_append_printf (text, _("No response: %s\n"),
                              self->error ? self->error : _("the request was not sent"));
      return free_to_printable (text);
    }

  text = new_head (self, TRUE, reveal);
  append_body (text, self->response_headers, self->response_body, reveal);

  return free_to_printable (mask_secrets (self, text, reveal));
}

/**
 * rc_http_record_format_preview:
 * @response: %TRUE for the response, %FALSE for the request
 * @reveal: %TRUE to show secrets; the default everywhere is %FALSE
 * @limit: how many bytes to show, about
 * @cancellable: (nullable): stops the work
 *
 * The request or the response as rc_http_record_format_request() or
 * rc_http_record_format_response() write it, but a JSON body
 * pretty-printed, and no more of it than @limit holds, cut at a line's
 * end with a line that says so. Only the part shown is masked, and read:
 * a secret that straddles the cut is masked before it is cut. Takes time
 * for a big body: call it in a worker thread.
 *
 * Returns: (transfer full) (nullable): the text, control characters
 *   escaped, or %NULL when @cancellable was cancelled
 */
char *
rc_http_record_format_preview (RcHttpRecord *self,
                               gboolean      response,
                               gboolean      reveal,
                               gsize         limit,
                               GCancellable *cancellable)
{
  GArray *headers = response ? self->response_headers : self->request_headers;
  GBytes *body = response ? self->response_body : self->request_body;
  g_autoptr(GBytes) form_text = NULL;
  g_autoptr(RcBody) formatted = NULL;
  g_autofree char *printable = NULL;
  const char *data;
  gsize size = 0;
  GString *text, *pane;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  if (response && !self->has_response)
    {
      g_autofree char *whole = rc_http_record_format_response (self, reveal);
      gboolean cut;

      return rc_body_cut_text (whole, strlen (whole), limit, &cut);
    }

  text = new_head (self, response, reveal);
  data = body ? g_bytes_get_data (body, &size) : NULL;
  if (size == 0)
    return free_to_printable (mask_secrets (self, text, reveal));

  g_string_append_c (text, '\n');

  /* A form, as append_body() writes it: small, and masked field by field. */
  if (is_form (headers) && g_utf8_validate (data, size, NULL))
    {
      g_autofree char *copy = g_strndup (data, size);
      GString *form = g_string_new (NULL);

      append_form (form, copy, reveal);
      form_text = g_string_free_to_bytes (form);
    }

  formatted = rc_body_format_masked (form_text ? form_text : body,
                                     find_header (headers, "Content-Type"),
                                     text->len < limit / 2 ? limit - text->len : limit / 2,
                                     reveal || form_text ? NULL : mask_member, cancellable, NULL);
  if (formatted == NULL)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  /* Only the part shown is read: binary data there is binary data. */
  if (rc_body_get_binary (formatted))
    {
      g_string_append_printf (text, _("(%" G_GSIZE_FORMAT " bytes of binary data)\n"), size);
      return free_to_printable (text);
    }

  g_string_append_len (text, rc_body_get_text (formatted), rc_body_get_length (formatted));
  printable = free_to_printable (mask_secrets (self, text, reveal));
  pane = g_string_new (printable);
  if (rc_body_get_truncated (formatted))
    {
      g_autofree char *shown = g_format_size (rc_body_get_length (formatted));
      g_autofree char *whole = g_format_size (size);

      if (!g_str_has_suffix (pane->str, "\n"))
        g_string_append_c (pane, '\n');
      /* Translators: the first %s is a size shown, the second the whole size, as in "256 kB of
       * 20.0 MB" */
      g_string_append_printf (pane, _("[Cut here: %s of the body’s %s are shown.]\n"), shown, whole);
    }

  return g_string_free (pane, FALSE);
}

/**
 * rc_http_record_add_secret:
 * @value: a secret the exchange may hold anywhere (a secret variable's
 *   value, filled into a header or a body)
 *
 * Masks @value wherever the record shows it, unless revealed, and in the
 * attempts before this one. A value shorter than four bytes is not
 * masked: it would hide every run of those letters.
 */
void
rc_http_record_add_secret (RcHttpRecord *self,
                           const char   *value)
{
  g_return_if_fail (RC_IS_HTTP_RECORD (self));
  g_return_if_fail (value != NULL);

  if (strlen (value) < MIN_SECRET_LENGTH)
    return;

  if (self->secrets == NULL)
    self->secrets = g_ptr_array_new_with_free_func (wipe_free);
  g_ptr_array_add (self->secrets, g_strdup (value));
  if (self->previous)
    rc_http_record_add_secret (self->previous, value);
}

/* The length of the longest secret added, or 0. */
static gsize
longest_secret (RcHttpRecord *self)
{
  gsize longest = 0;

  for (guint i = 0; self->secrets && i < self->secrets->len; i++)
    longest = MAX (longest, strlen (g_ptr_array_index (self->secrets, i)));

  return longest;
}

/**
 * rc_http_record_get_secrets:
 *
 * Returns: (transfer none) (nullable) (element-type utf8): the secrets
 *   added (rc_http_record_add_secret()), if any
 */
GPtrArray *
rc_http_record_get_secrets (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->secrets;
}

/**
 * rc_http_record_dup_masked_body:
 * @response: %TRUE for the response's body, %FALSE for the request's
 * @limit: how many bytes to keep at most; 0 for all
 * @truncated: (out): whether the body was cut
 *
 * The body as the inspector masks it, for keeping: a form's secret fields
 * masked; JSON (whatever its content type says) re-indented as
 * rc_json_reindent_masked() writes it, its secret and token members
 * masked; other text as it came; in text, the secrets added
 * (rc_http_record_add_secret()) masked; binary data as it came. Only what is kept is
 * read and masked, and a member masked straddles no cut. Takes time for a
 * big body: call it in a worker thread.
 *
 * Returns: (transfer full) (nullable): the body, at most @limit bytes
 *   (text cut as rc_body_cut_text() cuts it); %NULL for a response
 *   that never came
 */
GBytes *
rc_http_record_dup_masked_body (RcHttpRecord *self,
                                gboolean      response,
                                gsize         limit,
                                gboolean     *truncated)
{
  GArray *headers;
  GBytes *body;
  GString *text = NULL;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);
  g_return_val_if_fail (truncated != NULL, NULL);

  *truncated = FALSE;
  if (response && !self->has_response)
    return NULL;

  headers = response ? self->response_headers : self->request_headers;
  body = response ? self->response_body : self->request_body;
  data = body ? g_bytes_get_data (body, &size) : NULL;
  if (limit == 0)
    limit = G_MAXSIZE;
  if (size == 0)
    return g_bytes_new (NULL, 0);

  if (!g_utf8_validate (data, size, NULL))
    {
      *truncated = size > limit;
      return g_bytes_new (data, MIN (size, limit));
    }

  if (is_form (headers))
    {
      g_autofree char *copy = g_strndup (data, size);
      g_autofree char *masked = mask_form (copy);

      text = g_string_new (masked);
    }
  else if (is_json (headers) || rc_document_is_json (data, size))
    {
      text = g_string_new (NULL);
      /* Text that is no JSON (or nests too deep) is kept as it came. */
      if (!rc_json_reindent_masked (data, size, limit, mask_member, text, truncated, NULL, NULL))
        {
          g_string_free (g_steal_pointer (&text), TRUE);
          *truncated = FALSE;
        }
    }

  /* One byte more than the limit, to tell where the last whole character
   * ends; and a secret's length more, so that one across the cut is
   * masked whole before it is cut. */
  if (text == NULL)
    text = g_string_new_len (data, size > limit ? MIN (size, limit + 1 + longest_secret (self))
                                                : size);
  mask_secrets (self, text, FALSE);
  if (text->len > limit)
    {
      char *cut = rc_body_cut_text (text->str, text->len, limit, truncated);

      g_string_free (text, TRUE);
      return g_bytes_new_take (cut, strlen (cut));
    }

  return g_string_free_to_bytes (text);
}

/**
 * rc_http_record_set_previous_attempt:
 * @previous: (nullable): the attempt this one was sent again after
 */
void
rc_http_record_set_previous_attempt (RcHttpRecord *self,
                                     RcHttpRecord *previous)
{
  g_return_if_fail (RC_IS_HTTP_RECORD (self));
  g_return_if_fail (!previous || RC_IS_HTTP_RECORD (previous));

  g_set_object (&self->previous, previous);
}

/**
 * rc_http_record_set_label:
 *
 * Says how this attempt was sent, for its heading.
 */
void
rc_http_record_set_label (RcHttpRecord *self,
                          const char   *label)
{
  g_return_if_fail (RC_IS_HTTP_RECORD (self));

  g_free (self->label);
  self->label = g_strdup (label);
}

/**
 * rc_http_record_get_previous_attempt:
 *
 * Returns: (transfer none) (nullable): the attempt this one was sent
 *   again after
 */
RcHttpRecord *
rc_http_record_get_previous_attempt (RcHttpRecord *self)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  return self->previous;
}

/**
 * rc_http_record_dup_attempts:
 *
 * Returns: (transfer full) (element-type RcHttpRecord): every attempt
 *   that led to this one, oldest first, and this one last
 */
GPtrArray *
rc_http_record_dup_attempts (RcHttpRecord *self)
{
  GPtrArray *attempts = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), attempts);

  for (RcHttpRecord *record = self; record; record = record->previous)
    g_ptr_array_insert (attempts, 0, g_object_ref (record));

  return attempts;
}

/**
 * rc_http_record_dup_attempt_heading:
 * @number: which attempt this is, from 1
 * @count: how many there were
 *
 * Returns: (transfer full): a line that introduces the attempt among the
 *   others, with its label: “Attempt 1 of 2, client ID and secret
 *   RFC 6749-encoded:”
 */
char *
rc_http_record_dup_attempt_heading (RcHttpRecord *self,
                                    guint         number,
                                    guint         count)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  if (self->label)
    /* Translators: "Attempt 1 of 2, client ID and secret unencoded:" */
    return g_strdup_printf (_("Attempt %u of %u, %s:\n"), number, count, self->label);

  return g_strdup_printf (_("Attempt %u of %u:\n"), number, count);
}

/**
 * rc_http_record_format_attempts:
 * @response: %TRUE for the responses, %FALSE for the requests
 * @reveal: %TRUE to show secrets; the default everywhere is %FALSE
 *
 * Returns: (transfer full): the requests or the responses of every
 *   attempt (rc_http_record_dup_attempts()), each under its heading when
 *   there was more than one
 */
char *
rc_http_record_format_attempts (RcHttpRecord *self,
                                gboolean      response,
                                gboolean      reveal)
{
  g_autoptr(GPtrArray) attempts = NULL;
  GString *text;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  if (self->previous == NULL)
    return response ? rc_http_record_format_response (self, reveal)
                    : rc_http_record_format_request (self, reveal);

  attempts = rc_http_record_dup_attempts (self);
  text = g_string_new (NULL);
  for (guint i = 0; i < attempts->len; i++)
    {
      RcHttpRecord *attempt = g_ptr_array_index (attempts, i);
      g_autofree char *heading = rc_http_record_dup_attempt_heading (attempt, i + 1, attempts->len);
      g_autofree char *part = response ? rc_http_record_format_response (attempt, reveal)
                                       : rc_http_record_format_request (attempt, reveal);

      g_string_append_printf (text, "%s%s%s", i ? "\n" : "", heading, part);
    }

  return g_string_free (text, FALSE);
}

/**
 * rc_http_record_dup_headers:
 * @response: %TRUE for the response's headers, %FALSE for the request's
 * @reveal: %TRUE to show credentials; the default everywhere is %FALSE
 *
 * Returns: (transfer full): the headers in the order they went, masked
 *   as the inspector masks them unless @reveal; empty for a response
 *   that never came
 */
SoupMessageHeaders *
rc_http_record_dup_headers (RcHttpRecord *self,
                            gboolean      response,
                            gboolean      reveal)
{
  GArray *headers;
  SoupMessageHeaders *copy;

  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);

  headers = response ? self->response_headers : self->request_headers;
  copy = soup_message_headers_new (response ? SOUP_MESSAGE_HEADERS_RESPONSE
                                            : SOUP_MESSAGE_HEADERS_REQUEST);
  for (guint i = 0; headers && i < headers->len; i++)
    {
      Header *header = &g_array_index (headers, Header, i);
      g_autofree char *masked =
        reveal ? NULL : rc_mask_header_value (header->name, header->value);
      GString *value = g_string_new (masked ? masked : header->value);

      mask_secrets (self, value, reveal);
      soup_message_headers_append (copy, header->name, value->str);
      g_string_free (value, TRUE);
    }

  return copy;
}

/**
 * rc_http_record_format_head:
 * @response: %TRUE for the status line and the response's headers,
 *   %FALSE for the request line and the request's
 * @reveal: %TRUE to show credentials; the default everywhere is %FALSE
 *
 * Returns: (transfer full): the head as rc_http_record_format_request()
 *   and rc_http_record_format_response() begin, without the body;
 *   control characters escaped
 */
char *
rc_http_record_format_head (RcHttpRecord *self,
                            gboolean      response,
                            gboolean      reveal)
{
  g_return_val_if_fail (RC_IS_HTTP_RECORD (self), NULL);
  g_return_val_if_fail (!response || self->has_response, NULL);

  return free_to_printable (mask_secrets (self, new_head (self, response, reveal), reveal));
}
