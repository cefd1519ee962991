/* rc-history-entry.c: one call on its way into the history, and its JSON
 *
 * An entry is taken from the model on the caller's thread (names, ids,
 * where a call never sent was to go), so that the rest, the JSON and the
 * disk, can be done in a worker thread: the exchange no longer changes.
 *
 * Its text is one JSON object on one line: id, time (when the call began,
 * UTC, ISO 8601), environment (its name; null when the call was made in
 * none, or its caller does not say),
 * api, method_name (null for a token request of the API's own, Get New
 * Token), then the call as rc-exchange-json.c builds it for the history
 * (%RC_EXCHANGE_JSON_RECORD): the request, the response, the token
 * exchange and the error, every body masked and cut.
 *
 * Masked, always. On top of the inspector's masking (credentials in
 * headers, secret fields of forms and JSON, access tokens but for their
 * first characters), every credential that went on the wire for the call
 * (the access token, the credentials of each Authorization header, a
 * token request's client_secret, client_assertion and password fields,
 * the values of secret variables a header or a body may hold, which the
 * resolver marks each record with) is masked wherever else it shows in
 * the text, whole but for an access
 * token's first characters: an API that echoes its request back puts the
 * token in its body, and an authorization server may quote the secret it
 * refuses.
 *
 * An entry's id is the time it was recorded, to the microsecond (in
 * order within a process, even when the clock does not move), and a
 * random part: its file name, in the order of the names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <string.h>

#include "rc-exchange-json.h"
#include "rc-history-private.h"
#include "rc-json-format.h"
#include "rc-secret-store.h"

/* 20250102T030405.123456Z-0123abcd */
#define ID_LENGTH 32
/* Shorter credentials are masked where they are named only: masked
 * everywhere, they would mask words of the text that merely match. */
#define MIN_REDACTED_LENGTH 8

G_LOCK_DEFINE_STATIC (last_id_time);
static gint64 last_id_time;

/* When the entry is recorded, later than any entry before it here. */
static gint64
next_id_time (void)
{
  gint64 now = g_get_real_time ();

  G_LOCK (last_id_time);
  if (now <= last_id_time)
    now = last_id_time + 1;
  last_id_time = now;
  G_UNLOCK (last_id_time);

  return now;
}

static GDateTime *
new_utc (gint64 time_us)
{
  g_autoptr(GDateTime) second = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);

  return g_date_time_add (second, time_us % G_USEC_PER_SEC);
}

static char *
dup_id (gint64 time_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);
  g_autofree char *seconds = g_date_time_format (time, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%06" G_GINT64_FORMAT "Z-%08" G_GINT32_MODIFIER "x", seconds,
                          time_us % G_USEC_PER_SEC, g_random_int ());
}

/**
 * rc_history_is_entry_id:
 * @name: an entry's id, or a file's name
 * @suffix: (nullable): what follows the id in @name, such as ".json"
 *
 * Returns: %TRUE when @name is an id as rc_history_entry_new() makes
 *   them, followed by @suffix
 */
gboolean
rc_history_is_entry_id (const char *name,
                        const char *suffix)
{
  /* d: a digit; x: a hexadecimal digit; anything else: itself. */
  static const char pattern[] = "ddddddddTdddddd.ddddddZ-xxxxxxxx";
  G_STATIC_ASSERT (sizeof pattern == ID_LENGTH + 1);

  if (strlen (name) != ID_LENGTH + (suffix ? strlen (suffix) : 0)
      || (suffix && !g_str_has_suffix (name, suffix)))
    return FALSE;

  for (guint i = 0; i < ID_LENGTH; i++)
    {
      char p = pattern[i];
      char c = name[i];

      if (p == 'd' ? !g_ascii_isdigit (c) : p == 'x' ? !g_ascii_isxdigit (c) : c != p)
        return FALSE;
    }

  return TRUE;
}

/**
 * rc_history_entry_new:
 * @api: the API called, or whose token was asked for
 * @method: (nullable): the method called; %NULL for a token request of
 *   the API's own
 * @values: (nullable): the method's URL parameters' values; %NULL for its
 *   test values
 * @resolver: (nullable): the environment the call was made in
 *
 * Takes what the entry needs from the model, now: call it on the thread
 * the model belongs to.
 */
RcHistoryEntry *
rc_history_entry_new (const char *project_id,
                      RcApi      *api,
                      RcMethod   *method,
                      RcPairList *values,
                      RcResolver *resolver,
                      RcExchange *exchange)
{
  RcHistoryEntry *self = g_new0 (RcHistoryEntry, 1);
  RcHttpRecord *token = rc_exchange_get_token_record (exchange);
  gint64 recorded = next_id_time ();

  self->id = dup_id (recorded);
  self->time = new_utc (recorded - rc_exchange_get_duration_us (exchange));
  self->project_id = g_strdup (project_id);
  self->api_id = g_strdup (rc_api_get_id (api));
  self->api_name = g_strdup (rc_api_get_name (api));
  self->exchange = g_object_ref (exchange);
  if (resolver && rc_resolver_get_environment (resolver))
    self->environment = g_strdup (rc_environment_get_name (rc_resolver_get_environment (resolver)));

  if (method)
    {
      self->method_id = g_strdup (rc_method_get_id (method));
      self->method_name = g_strdup (rc_method_get_name (method));
      self->verb = g_strdup (rc_method_get_verb (method));
      if (rc_exchange_get_api_record (exchange) == NULL)
        self->unsent_url = rc_exchange_json_dup_unsent_url (method, values);
    }
  else if (token)
    {
      /* A token request alone: it is what went. */
      self->verb = g_strdup (rc_http_record_get_method (token));
      self->unsent_url = g_strdup (rc_http_record_get_url (token));
    }

  return self;
}

void
rc_history_entry_free (RcHistoryEntry *self)
{
  g_free (self->id);
  g_free (self->project_id);
  g_free (self->api_id);
  g_free (self->method_id);
  g_free (self->api_name);
  g_free (self->method_name);
  g_free (self->verb);
  g_free (self->unsent_url);
  g_free (self->environment);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_object (&self->exchange);
  g_free (self);
}

/* A credential, and what to write in its place. */
typedef struct
{
  char *value;
  char *mask;
} Secret;

static void
secret_clear (gpointer data)
{
  Secret *secret = data;

  rc_secret_free (secret->value);
  g_free (secret->mask);
}

/* An access token keeps its first characters, as the inspector shows it;
 * anything else is masked whole. */
static void
add_secret (GArray     *secrets,
            const char *value,
            gboolean    token)
{
  Secret secret;

  if (value == NULL || strlen (value) < MIN_REDACTED_LENGTH)
    return;

  secret.value = g_strdup (value);
  secret.mask = rc_mask_secret_value (token ? value : NULL);
  g_array_append_val (secrets, secret);
}

/* The credentials of a request's Authorization header, the secret fields
 * of its form, and the secrets added to its record (secret variables'). */
static void
collect_request_secrets (RcHttpRecord *record,
                         GArray       *secrets)
{
  static const char * const fields[] = { "client_secret", "client_assertion", "password", NULL };
  const char *authorization = rc_http_record_get_request_header (record, "Authorization");
  const char *type = rc_http_record_get_request_header (record, "Content-Type");
  GBytes *body = rc_http_record_get_request_body (record);
  GPtrArray *added = rc_http_record_get_secrets (record);
  g_autoptr(GHashTable) form = NULL;

  for (guint i = 0; added && i < added->len; i++)
    add_secret (secrets, g_ptr_array_index (added, i), FALSE);

  if (authorization && strchr (authorization, ' '))
    add_secret (secrets, strchr (authorization, ' ') + 1, FALSE);
  else
    add_secret (secrets, authorization, FALSE);

  if (body == NULL || type == NULL
      || g_ascii_strncasecmp (type, "application/x-www-form-urlencoded", 33) != 0)
    return;

  form = g_uri_parse_params (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "&",
                             G_URI_PARAMS_WWW_FORM, NULL);
  for (guint i = 0; form && fields[i]; i++)
    add_secret (secrets, g_hash_table_lookup (form, fields[i]), FALSE);
}

static void
collect_token_secrets (RcHttpRecord *record,
                       GArray       *secrets)
{
  g_autoptr(GPtrArray) attempts = record ? rc_http_record_dup_attempts (record) : NULL;

  for (guint i = 0; attempts && i < attempts->len; i++)
    collect_request_secrets (g_ptr_array_index (attempts, i), secrets);
}

/* Every credential that went on the wire for the call, whole; the access
 * token first, so that a Bearer header's credentials keep its prefix. */
static GArray *
collect_secrets (RcHistoryEntry *self)
{
  GArray *secrets = g_array_new (FALSE, FALSE, sizeof (Secret));
  RcExchange *exchange = self->exchange;
  GPtrArray *api = rc_exchange_get_api_records (exchange);
  RcToken *token = rc_exchange_get_token (exchange);

  g_array_set_clear_func (secrets, secret_clear);
  if (token)
    add_secret (secrets, rc_token_get_access_token (token), TRUE);
  for (guint i = 0; i < api->len; i++)
    collect_request_secrets (g_ptr_array_index (api, i), secrets);
  collect_token_secrets (rc_exchange_get_token_record (exchange), secrets);
  collect_token_secrets (rc_exchange_get_cached_token_record (exchange), secrets);

  return secrets;
}

/* @value as it is written inside a JSON string; free it with
 * rc_secret_free(). */
static char *
dup_json_escaped (const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
  char *quoted = rc_json_write (node);
  char *escaped = g_strndup (quoted + 1, strlen (quoted) - 2);

  rc_secret_free (quoted);

  return escaped;
}

/* Masks every @secret in @text, the JSON text of an entry. */
static void
redact (GString      *text,
        const Secret *secret)
{
  char *escaped = dup_json_escaped (secret->value);
  g_autofree char *mask = dup_json_escaped (secret->mask);
  gsize length = strlen (escaped);
  const char *found;
  gsize from = 0;

  while ((found = strstr (text->str + from, escaped)))
    {
      gsize at = found - text->str;

      g_string_erase (text, at, length);
      g_string_insert (text, at, mask);
      from = at + strlen (mask);
    }
  rc_secret_free (escaped);
}

/**
 * rc_history_entry_to_text:
 * @body_limit: how much of each body to keep
 *
 * Returns: (transfer full): the entry as one line of JSON, with its
 *   newline, every secret masked (see the file's header comment)
 */
char *
rc_history_entry_to_text (RcHistoryEntry *self,
                          gsize           body_limit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) secrets = collect_secrets (self);
  g_autofree char *time = g_date_time_format_iso8601 (self->time);
  g_autofree char *json = NULL;
  GString *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "environment");
  if (self->environment)
    json_builder_add_string_value (builder, self->environment);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "api");
  json_builder_add_string_value (builder, self->api_name);
  json_builder_set_member_name (builder, "method_name");
  if (self->method_name)
    json_builder_add_string_value (builder, self->method_name);
  else
    json_builder_add_null_value (builder);
  rc_exchange_json_add_members (builder, self->exchange, self->verb, self->unsent_url,
                                RC_EXCHANGE_JSON_RECORD, body_limit);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = rc_json_write (root);
  text = g_string_new (json);
  for (guint i = 0; i < secrets->len; i++)
    redact (text, &g_array_index (secrets, Secret, i));
  g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}
