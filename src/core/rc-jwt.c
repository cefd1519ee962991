/* rc-jwt.c: reads the header and claims of a JSON Web Token, without checking it
 *
 * A JWT in compact form (RFC 7519, RFC 7515 §7.1) is three base64url parts
 * joined by dots: a header, the claims, a signature. Restcall shows the
 * first two so that a user can see what a server granted (scopes, audience,
 * expiry); it never checks the signature, and nothing here decides whether
 * a token is trusted. An opaque token or an encrypted JWT (five parts) is
 * not an error of the server's: the error only says why there is nothing
 * to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rc-jwt.h"
#include "rc-json.h"
#include "rc-json-format.h"

G_DEFINE_QUARK (rc-jwt-error-quark, rc_jwt_error)

/* Which part of the token, for error messages. */
typedef enum {
  PART_HEADER,
  PART_CLAIMS,
} Part;

static const char *
part_name (Part part)
{
  /* Translators: the parts of a JSON Web Token, as in “the header is not…” */
  return part == PART_HEADER ? _("header") : _("claims");
}

/* base64url without padding (RFC 7515 §2) to bytes. */
static GBytes *
decode_base64url (const char  *text,
                  Part         part,
                  GError     **error)
{
  gsize len = strlen (text);
  g_autofree char *base64 = NULL;
  guchar *data;
  gsize size = 0;

  /* Padding is not part of base64url, but is harmless. */
  while (len > 0 && text[len - 1] == '=')
    len--;

  if (len == 0)
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_ENCODING,
                   _("Not a JWT: its %s part is empty."), part_name (part));
      return NULL;
    }

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (text[i]) && text[i] != '-' && text[i] != '_')
        {
          g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_ENCODING,
                       _("Not a JWT: its %s part is not base64url (character %" G_GSIZE_FORMAT
                         " is “%c”)."),
                       part_name (part), i + 1, g_ascii_isprint (text[i]) ? text[i] : '?');
          return NULL;
        }
    }

  if (len % 4 == 1)
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_ENCODING,
                   _("Not a JWT: its %s part is not base64url (its length is cut short)."),
                   part_name (part));
      return NULL;
    }

  base64 = g_malloc (len + 4);
  for (gsize i = 0; i < len; i++)
    base64[i] = text[i] == '-' ? '+' : text[i] == '_' ? '/' : text[i];
  while (len % 4)
    base64[len++] = '=';
  base64[len] = '\0';

  data = g_base64_decode (base64, &size);

  return g_bytes_new_take (data, size);
}

/* One part, decoded and parsed: a JSON object. @pretty (if not NULL) gets
 * its text re-indented, numbers and escapes as the issuer wrote them. */
static JsonNode *
decode_part (const char  *text,
             Part         part,
             char       **pretty,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  const char *data;
  gsize size;

  bytes = decode_base64url (text, part, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (size == 0 || !g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_JSON,
                   _("Not a JWT: its %s part is not JSON text."), part_name (part));
      return NULL;
    }

  if ((root = rc_json_parse (data, size, RC_JSON_IMMUTABLE, NULL, NULL, &json_error)) == NULL)
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_JSON,
                   _("Not a JWT: its %s part is not valid JSON (%s)."),
                   part_name (part), json_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_BAD_JSON,
                   _("Not a JWT: its %s part is JSON but not an object."), part_name (part));
      return NULL;
    }

  if (pretty)
    {
      GString *out = g_string_sized_new (size + size / 2);
      gboolean truncated;

      /* It parsed, so it re-indents (the two read one grammar); were it
       * ever not to, the text is shown as it came. */
      if (!rc_json_reindent (data, size, G_MAXSIZE, out, &truncated, NULL, NULL))
        g_string_overwrite_len (g_string_truncate (out, 0), 0, data, size);
      if (out->len > 0 && out->str[out->len - 1] == '\n')
        g_string_truncate (out, out->len - 1);
      *pretty = g_string_free (out, FALSE);
    }

  return g_steal_pointer (&root);
}

/* The token's parts, when it has the three of a signed JWT. */
static char **
split_token (const char  *token,
             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  if (token == NULL || token[0] == '\0')
    {
      g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_NOT_A_JWT,
                   _("Not a JWT: the token is empty."));
      return NULL;
    }

  parts = g_strsplit (token, ".", -1);
  n_parts = g_strv_length (parts);

  if (n_parts == 3)
    return g_steal_pointer (&parts);

  if (n_parts == 1)
    g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_NOT_A_JWT,
                 _("Not a JWT: 1 part, a JWT has 3. This is an opaque token, which only the "
                   "servers can read."));
  else if (n_parts == 5)
    g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_NOT_A_JWT,
                 _("Not a readable JWT: 5 parts, an encrypted JWT (JWE). Only the API can "
                   "decrypt its claims."));
  else
    g_set_error (error, RC_JWT_ERROR, RC_JWT_ERROR_NOT_A_JWT,
                 /* Translators: %u is more than one (a token of one part has its own message) */
                 g_dngettext (GETTEXT_PACKAGE, "Not a JWT: %u part, a JWT has 3.",
                              "Not a JWT: %u parts, a JWT has 3.", n_parts),
                 n_parts);

  return NULL;
}

/**
 * rc_jwt_decode:
 * @token: an access token
 * @header_json: (out) (optional): the header, pretty-printed JSON
 * @claims_json: (out) (optional): the claims, pretty-printed JSON
 *
 * Reads a signed JWT's header and claims. The signature is not checked.
 *
 * Returns: %TRUE when @token is a JWT, or %FALSE with an error that says
 *   why it is not
 */
gboolean
rc_jwt_decode (const char  *token,
               char       **header_json,
               char       **claims_json,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(JsonNode) header = NULL;
  g_autoptr(JsonNode) claims = NULL;
  g_autofree char *header_text = NULL;
  g_autofree char *claims_text = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parts = split_token (token, error);
  if (parts == NULL)
    return FALSE;

  header = decode_part (parts[0], PART_HEADER, &header_text, error);
  if (header == NULL)
    return FALSE;

  claims = decode_part (parts[1], PART_CLAIMS, &claims_text, error);
  if (claims == NULL)
    return FALSE;

  if (header_json)
    *header_json = g_steal_pointer (&header_text);
  if (claims_json)
    *claims_json = g_steal_pointer (&claims_text);

  return TRUE;
}

/**
 * rc_jwt_get_expiry:
 * @exp: (out): the `exp` claim, in seconds since the epoch
 *
 * Returns: %TRUE when @token is a JWT with a numeric `exp` claim
 */
gboolean
rc_jwt_get_expiry (const char *token,
                   gint64     *exp)
{
  g_auto(GStrv) parts = split_token (token, NULL);
  g_autoptr(JsonNode) claims = NULL;
  JsonNode *node;

  if (parts == NULL)
    return FALSE;

  claims = decode_part (parts[1], PART_CLAIMS, NULL, NULL);
  if (claims == NULL)
    return FALSE;

  node = json_object_get_member (json_node_get_object (claims), "exp");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *exp = json_node_get_int (node);
      return TRUE;

    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* Casting a double beyond gint64 is undefined: clamp it. */
        if (isnan (value))
          return FALSE;
        if (value >= 0x1p63)
          *exp = G_MAXINT64;
        else if (value <= -0x1p63)
          *exp = G_MININT64;
        else
          *exp = (gint64) value;
        return TRUE;
      }

    default:
      return FALSE;
    }
}
