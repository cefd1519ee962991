/* rc-client-assertion.c: the signed JWT a client authenticates with (RFC 7523)
 *
 * `client_secret_jwt` and `private_key_jwt` clients send no secret: they
 * send a JSON Web Token they signed (RFC 7523 §2.2, RFC 7521 §4.2), which
 * says who they are (iss = sub = the client ID), to whom (aud = the token
 * URL), once (a random jti) and briefly (exp one minute after iat).
 *
 * - client_secret_jwt: HS256, keyed with the client secret (GHmac).
 * - private_key_jwt: RS256, PS256 (salt as long as the hash, 32 bytes) or
 *   ES256 (the JOSE form of the signature, r and s side by side, not DER),
 *   with a PEM private key read from the auth's key file, or kept in the
 *   keyring when it names none. GnuTLS signs; nothing here is crypto of
 *   its own. Without a chosen algorithm, the key's type picks one.
 *
 * A new assertion is made for every token request: one can never be
 * replayed, and a server refuses one it has seen.
 *
 * The editors check a key before it is used (rc_client_assertion_check_key(),
 * and for a file, in a thread, rc_client_assertion_check_file_async()): a
 * PEM private key, of a type that signs with the algorithm chosen. A key
 * imported into the keyring is read and checked the same way
 * (rc_client_assertion_read_key_async()). A key file is read up to
 * RC_PRIVATE_KEY_MAX_SIZE bytes, never more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rc-client-assertion.h"
#include "rc-json-format.h"
#include "rc-oauth.h"
#include "rc-setting-private.h"

/* The bytes of each of r and s in an ES256 signature (RFC 7518 §3.4). */
#define ES256_PART_SIZE 32

typedef struct gnutls_privkey_st RcPrivkey;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcPrivkey, gnutls_privkey_deinit)

/* base64url without padding (RFC 7515 §2). */
static char *
encode_base64url (const guchar *data,
                  gsize         size)
{
  char *text = g_base64_encode (data, size);
  char *end = strchr (text, '=');

  if (end)
    *end = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');

  return text;
}

static char *
encode_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = rc_json_write (root);

  return encode_base64url ((const guchar *) text, strlen (text));
}

static char *
encode_header (const char *alg,
               const char *kid)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "alg");
  json_builder_add_string_value (builder, alg);
  json_builder_set_member_name (builder, "typ");
  json_builder_add_string_value (builder, "JWT");
  if (kid && kid[0])
    {
      json_builder_set_member_name (builder, "kid");
      json_builder_add_string_value (builder, kid);
    }
  json_builder_end_object (builder);

  return encode_json (builder);
}

static char *
encode_claims (const char *client_id,
               const char *audience,
               gint64      now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *jti = g_uuid_string_random ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "iss");
  json_builder_add_string_value (builder, client_id);
  json_builder_set_member_name (builder, "sub");
  json_builder_add_string_value (builder, client_id);
  json_builder_set_member_name (builder, "aud");
  json_builder_add_string_value (builder, audience);
  json_builder_set_member_name (builder, "jti");
  json_builder_add_string_value (builder, jti);
  json_builder_set_member_name (builder, "iat");
  json_builder_add_int_value (builder, now);
  json_builder_set_member_name (builder, "exp");
  json_builder_add_int_value (builder, now + RC_CLIENT_ASSERTION_LIFETIME);
  json_builder_end_object (builder);

  return encode_json (builder);
}

static char *
sign_hs256 (const char *input,
            const char *secret)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret,
                                      strlen (secret));
  guint8 digest[32];
  gsize size = sizeof digest;

  g_hmac_update (hmac, (const guchar *) input, -1);
  g_hmac_get_digest (hmac, digest, &size);

  return encode_base64url (digest, size);
}

static gboolean
fail_key (GError     **error,
          const char  *what,
          int          code)
{
  g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
               _("The client’s private key %s (%s). Give an unencrypted PEM private key "
                 "(RSA or P-256)."),
               what, gnutls_strerror (code));
  return FALSE;
}

/* The algorithm @key signs with: the one asked, if the key can. */
static gboolean
choose_alg (gnutls_privkey_t   key,
            RcJwtAlg           asked,
            RcJwtAlg          *alg,
            GError           **error)
{
  unsigned int bits = 0;
  int pk = gnutls_privkey_get_pk_algorithm (key, &bits);
  gboolean rsa = pk == GNUTLS_PK_RSA || pk == GNUTLS_PK_RSA_PSS;
  gboolean p256 = pk == GNUTLS_PK_ECDSA && bits == 256;

  if (asked == RC_JWT_ALG_AUTO)
    asked = pk == GNUTLS_PK_RSA_PSS ? RC_JWT_ALG_PS256
            : rsa ? RC_JWT_ALG_RS256
            : p256 ? RC_JWT_ALG_ES256
            : RC_JWT_ALG_AUTO;

  if ((asked == RC_JWT_ALG_ES256 && p256)
      || (asked == RC_JWT_ALG_PS256 && rsa)
      || (asked == RC_JWT_ALG_RS256 && pk == GNUTLS_PK_RSA))
    {
      *alg = asked;
      return TRUE;
    }

  if (asked == RC_JWT_ALG_AUTO)
    g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                 _("The client’s private key (%s) cannot sign a client assertion. "
                   "Use an RSA key (RS256, PS256) or a P-256 key (ES256)."),
                 gnutls_pk_get_name (pk));
  else
    g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                 _("The client’s private key (%s, %u bits) cannot sign with %s. "
                   "RS256 and PS256 need an RSA key, ES256 a P-256 key; choose the algorithm "
                   "that fits the key."),
                 gnutls_pk_get_name (pk), bits, rc_jwt_alg_to_string (asked));
  return FALSE;
}

/* The JOSE form of an ECDSA signature: r and s, each 32 bytes, not DER. */
static char *
encode_es256 (const gnutls_datum_t  *der,
              GError               **error)
{
  gnutls_datum_t r = { NULL, 0 }, s = { NULL, 0 };
  guint8 raw[2 * ES256_PART_SIZE] = { 0 };
  const gnutls_datum_t *parts[] = { &r, &s };
  int ret = gnutls_decode_rs_value (der, &r, &s);
  gboolean fits = ret >= 0;

  for (guint i = 0; fits && i < G_N_ELEMENTS (parts); i++)
    {
      const guint8 *data = parts[i]->data;
      gsize size = parts[i]->size;

      /* DER integers carry a leading zero when the top bit is set. */
      while (size > 0 && data[0] == 0)
        data++, size--;
      fits = size <= ES256_PART_SIZE;
      if (fits)
        memcpy (raw + (i + 1) * ES256_PART_SIZE - size, data, size);
    }

  gnutls_free (r.data);
  gnutls_free (s.data);
  if (!fits)
    {
      fail_key (error, _("gave a signature that is not ES256"),
                ret < 0 ? ret : GNUTLS_E_INTERNAL_ERROR);
      return NULL;
    }

  return encode_base64url (raw, sizeof raw);
}

static char *
sign_with_key (const char        *input,
               gnutls_privkey_t   key,
               RcJwtAlg           alg,
               GError           **error)
{
  gnutls_datum_t data = { (unsigned char *) input, strlen (input) };
  gnutls_datum_t signature = { NULL, 0 };
  gnutls_sign_algorithm_t sign_alg;
  unsigned int bits = 0;
  char *encoded;
  int ret;

  switch (alg)
    {
    case RC_JWT_ALG_ES256:
      sign_alg = GNUTLS_SIGN_ECDSA_SECP256R1_SHA256;
      break;
    case RC_JWT_ALG_PS256:
      /* The salt is as long as the hash, as RFC 7518 §3.5 asks. */
      sign_alg = gnutls_privkey_get_pk_algorithm (key, &bits) == GNUTLS_PK_RSA_PSS
                 ? GNUTLS_SIGN_RSA_PSS_SHA256 : GNUTLS_SIGN_RSA_PSS_RSAE_SHA256;
      break;
    case RC_JWT_ALG_RS256:
    case RC_JWT_ALG_AUTO:
    default:
      sign_alg = GNUTLS_SIGN_RSA_SHA256;
      break;
    }

  ret = gnutls_privkey_sign_data2 (key, sign_alg, 0, &data, &signature);
  if (ret < 0)
    {
      fail_key (error, _("could not sign"), ret);
      return NULL;
    }

  if (alg == RC_JWT_ALG_ES256)
    encoded = encode_es256 (&signature, error);
  else
    encoded = encode_base64url (signature.data, signature.size);
  gnutls_free (signature.data);

  return encoded;
}

/* Reads at most RC_PRIVATE_KEY_MAX_SIZE bytes of @path: a key file is
 * small, and whatever @path is must not fill the memory. */
static char *
read_key_file (const char    *path,
               gsize         *size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *pem = NULL;
  gsize read = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream)
    {
      pem = g_malloc (RC_PRIVATE_KEY_MAX_SIZE + 1);
      g_input_stream_read_all (G_INPUT_STREAM (stream), pem, RC_PRIVATE_KEY_MAX_SIZE + 1, &read,
                               cancellable, &local_error);
    }

  if (local_error)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                     _("The client’s private key could not be read from “%s”: %s. Check the "
                       "path, and that you may read the file."),
                     path, local_error->message);
      if (pem)
        memset (pem, 0, read);
      return NULL;
    }

  if (read > RC_PRIVATE_KEY_MAX_SIZE)
    {
      memset (pem, 0, RC_PRIVATE_KEY_MAX_SIZE + 1);
      g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                   _("“%s” is larger than a private key: give the PEM file of an unencrypted "
                     "private key (RSA or P-256)."),
                   path);
      return NULL;
    }

  pem[read] = '\0';
  *size = read;

  return g_steal_pointer (&pem);
}

/* The PEM of @auth's private key: its file's, or @secret. */
static char *
dup_key_pem (RcAuth      *auth,
             const char  *secret,
             gsize       *size,
             GError     **error)
{
  g_autofree char *path = rc_auth_dup_file_path (auth, rc_auth_get_private_key_file (auth));

  if (path == NULL)
    {
      if (secret == NULL || secret[0] == '\0')
        {
          _rc_oauth_set_settings_error (error, RC_SETTING_PRIVATE_KEY,
                                        _("No private key is set for this private_key_jwt "
                                          "client."),
                                        _("Choose its PEM file, or store the key in the "
                                          "keyring."));
          return NULL;
        }
      *size = strlen (secret);
      return g_strdup (secret);
    }

  return read_key_file (path, size, NULL, error);
}

/* Reads the private key in @pem (wiped), for @asked: the algorithm it
 * signs with in @alg. */
static RcPrivkey *
import_key (char      *pem,
            gsize      size,
            RcJwtAlg   asked,
            RcJwtAlg  *alg,
            gboolean  *is_key,
            GError   **error)
{
  g_autoptr(RcPrivkey) key = NULL;
  gnutls_datum_t datum = { (unsigned char *) pem, size };
  int ret;

  /* GnuTLS would take a certificate's PEM for a key's with no word. */
  if (!strstr (pem, "PRIVATE KEY-----"))
    {
      memset (pem, 0, size);
      fail_key (error, _("is not a PEM private key"), GNUTLS_E_BASE64_UNEXPECTED_HEADER_ERROR);
      return NULL;
    }

  gnutls_privkey_init (&key);
  ret = gnutls_privkey_import_x509_raw (key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0);
  memset (pem, 0, size);
  if (ret < 0)
    {
      fail_key (error, _("is not a private key Restcall can read"), ret);
      return NULL;
    }

  if (is_key)
    *is_key = TRUE;
  if (!choose_alg (key, asked, alg, error))
    return NULL;

  return g_steal_pointer (&key);
}

/* What a file check reads, and what it found. */
typedef struct
{
  char     *path;
  RcJwtAlg  alg;
  gboolean  is_key;
  gboolean  keep;  /* rc_client_assertion_read_key_async(): the key is the answer */
  char     *pem;   /* the key read, when kept */
} FileCheck;

static void
file_check_free (FileCheck *check)
{
  g_free (check->path);
  if (check->pem)
    memset (check->pem, 0, strlen (check->pem));
  g_free (check->pem);
  g_free (check);
}

static void
check_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FileCheck *check = task_data;
  g_autoptr(RcPrivkey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  RcJwtAlg alg;
  gsize size = 0;

  pem = read_key_file (check->path, &size, cancellable, &error);
  if (pem && check->keep)
    check->pem = g_strndup (pem, size);
  if (pem)
    key = import_key (pem, size, check->alg, &alg, &check->is_key, &error);

  /* Read to be kept: what is wrong with it names the file. */
  if (error && check->keep && pem)
    g_prefix_error (&error, _("“%s”: "), check->path);

  if (error)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rc_client_assertion_new:
 * @auth: a client authentication of %RC_CLIENT_AUTH_SECRET_JWT or
 *   %RC_CLIENT_AUTH_PRIVATE_KEY_JWT
 * @secret: (nullable): the client secret (client_secret_jwt), or the
 *   private key's PEM when @auth names no key file (private_key_jwt)
 * @now: the time of issue, in seconds since the epoch
 *
 * Returns: (transfer full): a new signed assertion for @auth's token URL,
 *   or %NULL with an %RC_OAUTH_ERROR_SETTINGS that says what is wrong
 *   with the key
 */
char *
rc_client_assertion_new (RcAuth      *auth,
                         const char  *secret,
                         gint64       now,
                         GError     **error)
{
  g_autoptr(RcPrivkey) key = NULL;
  g_autofree char *header = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *input = NULL;
  g_autofree char *signature = NULL;
  RcJwtAlg alg = RC_JWT_ALG_AUTO;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  if (rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_SECRET_JWT)
    {
      if (secret == NULL || secret[0] == '\0')
        {
          g_set_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS,
                       _("No client secret is set to sign the client_secret_jwt assertion "
                         "with."));
          return NULL;
        }
      header = encode_header ("HS256", NULL);
    }
  else
    {
      g_autofree char *pem = NULL;
      gsize size = 0;

      pem = dup_key_pem (auth, secret, &size, error);
      if (pem == NULL)
        return NULL;

      key = import_key (pem, size, rc_auth_get_jwt_alg (auth), &alg, NULL, error);
      if (key == NULL)
        return NULL;

      header = encode_header (rc_jwt_alg_to_string (alg), rc_auth_get_key_id (auth));
    }

  claims = encode_claims (rc_auth_get_client_id (auth), rc_auth_get_token_url (auth), now);
  input = g_strconcat (header, ".", claims, NULL);

  if (key)
    signature = sign_with_key (input, key, alg, error);
  else
    signature = sign_hs256 (input, secret);
  if (signature == NULL)
    return NULL;

  return g_strconcat (input, ".", signature, NULL);
}

/**
 * rc_client_assertion_check_key:
 * @pem: what should be a PEM private key
 * @alg: the algorithm it should sign with; %RC_JWT_ALG_AUTO for any
 *
 * Returns: whether @pem is a private key that can sign a
 *   `private_key_jwt` assertion with @alg; %FALSE with an
 *   %RC_OAUTH_ERROR_SETTINGS that says why not
 */
gboolean
rc_client_assertion_check_key (const char  *pem,
                               RcJwtAlg     alg,
                               GError     **error)
{
  g_autoptr(RcPrivkey) key = NULL;
  g_autofree char *copy = NULL;
  gsize size;

  g_return_val_if_fail (pem != NULL, FALSE);

  size = strlen (pem);
  copy = g_strndup (pem, size);
  key = import_key (copy, size, alg, &alg, NULL, error);

  return key != NULL;
}

/* Reads @path in a thread, and checks it; @keep: keeps the key read. */
static void
start_file_check (const char          *path,
                  RcJwtAlg             alg,
                  gboolean             keep,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  FileCheck *check;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  check = g_new0 (FileCheck, 1);
  check->path = g_strdup (path);
  check->alg = alg;
  check->keep = keep;
  g_task_set_task_data (task, check, (GDestroyNotify) file_check_free);
  g_task_run_in_thread (task, check_file_thread);
}

/**
 * rc_client_assertion_check_file_async:
 * @path: the absolute path of what should be a PEM private key
 *   (rc_auth_dup_file_path())
 * @alg: the algorithm it should sign with; %RC_JWT_ALG_AUTO for any
 *
 * Reads @path (at most %RC_PRIVATE_KEY_MAX_SIZE bytes) in a thread, and
 * checks it as rc_client_assertion_check_key() does.
 */
void
rc_client_assertion_check_file_async (const char          *path,
                                      RcJwtAlg             alg,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  start_file_check (path, alg, FALSE, cancellable, callback, user_data,
                    rc_client_assertion_check_file_async);
}

/**
 * rc_client_assertion_check_file_finish:
 * @is_key: (out) (optional): whether the file holds a private key, even
 *   one that cannot sign with the algorithm asked
 *
 * Returns: whether the file holds a private key that can sign with the
 *   algorithm asked; %FALSE with an %RC_OAUTH_ERROR_SETTINGS that says
 *   why not (or %G_IO_ERROR_CANCELLED)
 */
gboolean
rc_client_assertion_check_file_finish (GAsyncResult  *result,
                                       gboolean      *is_key,
                                       GError       **error)
{
  FileCheck *check;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  check = g_task_get_task_data (G_TASK (result));
  if (is_key)
    *is_key = check->is_key;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rc_client_assertion_read_key_async:
 * @path: the absolute path of what should be a PEM private key
 * @alg: the algorithm it should sign with; %RC_JWT_ALG_AUTO for any
 *
 * Reads @path (at most %RC_PRIVATE_KEY_MAX_SIZE bytes) in a thread, and
 * checks it as rc_client_assertion_check_key() does, to keep the key
 * elsewhere (in the keyring).
 */
void
rc_client_assertion_read_key_async (const char          *path,
                                    RcJwtAlg             alg,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  start_file_check (path, alg, TRUE, cancellable, callback, user_data,
                    rc_client_assertion_read_key_async);
}

/**
 * rc_client_assertion_read_key_finish:
 *
 * Returns: (transfer full): the PEM private key read, to be wiped once
 *   used (rc_secret_free()); %NULL with an %RC_OAUTH_ERROR_SETTINGS that
 *   names the file and says what is wrong with it (or
 *   %G_IO_ERROR_CANCELLED)
 */
char *
rc_client_assertion_read_key_finish (GAsyncResult  *result,
                                     GError       **error)
{
  FileCheck *check;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == rc_client_assertion_read_key_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  check = g_task_get_task_data (G_TASK (result));

  return g_steal_pointer (&check->pem);
}
