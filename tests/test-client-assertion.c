/* test-client-assertion.c: the signed JWTs of client_secret_jwt and private_key_jwt
 *
 * Each assertion is checked as a server would: HS256 recomputed with
 * GHmac, RS256, PS256 and ES256 verified with GnuTLS against the public
 * half of a key the test generates (no key is stored in the tree). The
 * claims are read back with rc_jwt_decode().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/gnutls.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "rc-test-keys.h"
#include "rc-test-server.h"
#include "restcall-core.h"

#define CLIENT_ID "client-7"
#define TOKEN_URL "https://auth.example.com/oauth2/token"
#define NOW G_GINT64_CONSTANT (1700000000)

/* Helpers */

static RcAuth *
make_auth (RcClientAuth client_auth)
{
  RcAuth *auth = rc_auth_new ();

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, CLIENT_ID);
  rc_auth_set_token_url (auth, TOKEN_URL);
  rc_auth_set_client_auth (auth, client_auth);

  return auth;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* base64url (RFC 4648 §5) back to bytes, through GLib's base64. */
static GBytes *
decode_base64url (const char *text)
{
  g_autoptr(GString) base64 = g_string_new (text);
  gsize size = 0;
  guchar *data;

  g_strdelimit (base64->str, "-", '+');
  g_strdelimit (base64->str, "_", '/');
  while (base64->len % 4)
    g_string_append_c (base64, '=');
  data = g_base64_decode (base64->str, &size);

  return g_bytes_new_take (data, size);
}

/* Splits @assertion, checks its claims, and returns its header. */
static JsonObject *
check_claims (const char  *assertion,
              char       **signing_input,
              char       **signature)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *header_json = NULL;
  g_autofree char *claims_json = NULL;
  g_autoptr(JsonObject) claims = NULL;
  g_auto(GStrv) parts = g_strsplit (assertion, ".", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_true (rc_jwt_decode (assertion, &header_json, &claims_json, &error));
  g_assert_no_error (error);

  claims = parse_object (claims_json);
  g_assert_cmpstr (json_object_get_string_member (claims, "iss"), ==, CLIENT_ID);
  g_assert_cmpstr (json_object_get_string_member (claims, "sub"), ==, CLIENT_ID);
  g_assert_cmpstr (json_object_get_string_member (claims, "aud"), ==, TOKEN_URL);
  g_assert_cmpuint (strlen (json_object_get_string_member (claims, "jti")), >=, 32);
  g_assert_cmpint (json_object_get_int_member (claims, "iat"), ==, NOW);
  g_assert_cmpint (json_object_get_int_member (claims, "exp"), ==,
                   NOW + RC_CLIENT_ASSERTION_LIFETIME);

  *signing_input = g_strconcat (parts[0], ".", parts[1], NULL);
  *signature = g_strdup (parts[2]);

  return parse_object (header_json);
}

static void
verify (gnutls_pubkey_t          pubkey,
        gnutls_sign_algorithm_t  sign_alg,
        const char              *signing_input,
        const char              *signature)
{
  g_autoptr(GBytes) bytes = decode_base64url (signature);
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);
  gnutls_datum_t input = { (unsigned char *) signing_input, strlen (signing_input) };
  gnutls_datum_t sig = { (unsigned char *) data, size };
  gnutls_datum_t der = { NULL, 0 };

  /* JOSE's ES256 is r || s, 32 bytes each; GnuTLS verifies DER. */
  if (sign_alg == GNUTLS_SIGN_ECDSA_SECP256R1_SHA256)
    {
      gnutls_datum_t r = { (unsigned char *) data, 32 };
      gnutls_datum_t s = { (unsigned char *) data + 32, 32 };

      g_assert_cmpuint (size, ==, 64);
      g_assert_cmpint (gnutls_encode_rs_value (&der, &r, &s), ==, 0);
      sig = der;
    }

  g_assert_cmpint (gnutls_pubkey_verify_data2 (pubkey, sign_alg, 0, &input, &sig), >=, 0);
  gnutls_free (der.data);
}

/* Signs with a new key of @pk, as @alg asks (or as the key says), and
 * verifies the signature as @sign_alg. The key is in a file when
 * @in_file, else in the secret's place, as from the keyring. */
static void
check_private_key (gnutls_pk_algorithm_t    pk,
                   RcJwtAlg                 alg,
                   const char              *expected_alg,
                   gnutls_sign_algorithm_t  sign_alg,
                   gboolean                 in_file)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *path = NULL;
  g_autofree char *assertion = NULL;
  g_autofree char *input = NULL;
  g_autofree char *signature = NULL;
  gnutls_pubkey_t pubkey;

  pem = rc_test_generate_key (pk, &pubkey);
  rc_auth_set_jwt_alg (auth, alg);
  rc_auth_set_key_id (auth, "key-1");
  if (in_file)
    {
      int fd = g_file_open_tmp ("restcall-key-XXXXXX.pem", &path, &error);

      g_assert_no_error (error);
      close (fd);
      g_assert_true (g_file_set_contents (path, pem, -1, &error));
      rc_auth_set_private_key_file (auth, path);
    }

  assertion = rc_client_assertion_new (auth, in_file ? NULL : pem, NOW, &error);
  g_assert_no_error (error);
  header = check_claims (assertion, &input, &signature);
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, expected_alg);
  g_assert_cmpstr (json_object_get_string_member (header, "typ"), ==, "JWT");
  g_assert_cmpstr (json_object_get_string_member (header, "kid"), ==, "key-1");
  verify (pubkey, sign_alg, input, signature);

  gnutls_pubkey_deinit (pubkey);
  if (path)
    g_unlink (path);
}

/* Tests */

static void
test_hs256 (void)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_SECRET_JWT);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GHmac) hmac = NULL;
  g_autoptr(GBytes) signature_bytes = NULL;
  g_autofree char *assertion = NULL;
  g_autofree char *again = NULL;
  g_autofree char *input = NULL;
  g_autofree char *signature = NULL;
  const char *secret = "p+ss/w%rd:=&?# x";
  guint8 digest[32];
  gsize size = sizeof digest;

  /* A key ID is for private keys: the secret's header names none. */
  rc_auth_set_key_id (auth, "ignored");
  assertion = rc_client_assertion_new (auth, secret, NOW, &error);
  g_assert_no_error (error);
  header = check_claims (assertion, &input, &signature);
  g_assert_cmpstr (json_object_get_string_member (header, "alg"), ==, "HS256");
  g_assert_false (json_object_has_member (header, "kid"));

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  g_hmac_update (hmac, (const guchar *) input, -1);
  g_hmac_get_digest (hmac, digest, &size);
  signature_bytes = decode_base64url (signature);
  g_assert_cmpmem (g_bytes_get_data (signature_bytes, NULL), g_bytes_get_size (signature_bytes),
                   digest, size);
  /* base64url: no padding, no + or /. */
  g_assert_null (strpbrk (assertion, "=+/"));

  /* Never the same twice: a new jti each time. */
  again = rc_client_assertion_new (auth, secret, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, !=, assertion);
}

static void
test_no_secret (void)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_SECRET_JWT);
  g_autoptr(GError) error = NULL;
  g_autofree char *assertion = rc_client_assertion_new (auth, "", NOW, &error);

  g_assert_null (assertion);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
}

static void
test_rs256 (void)
{
  check_private_key (GNUTLS_PK_RSA, RC_JWT_ALG_RS256, "RS256", GNUTLS_SIGN_RSA_SHA256, TRUE);
  /* An RSA key, no algorithm chosen: RS256. */
  check_private_key (GNUTLS_PK_RSA, RC_JWT_ALG_AUTO, "RS256", GNUTLS_SIGN_RSA_SHA256, FALSE);
}

static void
test_ps256 (void)
{
  /* GnuTLS verifies PSS with a salt as long as the hash, 32 bytes. */
  check_private_key (GNUTLS_PK_RSA, RC_JWT_ALG_PS256, "PS256", GNUTLS_SIGN_RSA_PSS_RSAE_SHA256,
                     FALSE);
}

static void
test_es256 (void)
{
  check_private_key (GNUTLS_PK_ECDSA, RC_JWT_ALG_ES256, "ES256",
                     GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, TRUE);
  /* A P-256 key, no algorithm chosen: ES256. */
  check_private_key (GNUTLS_PK_ECDSA, RC_JWT_ALG_AUTO, "ES256",
                     GNUTLS_SIGN_ECDSA_SECP256R1_SHA256, FALSE);
}

static void
test_key_errors (void)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  g_autoptr(GError) error = NULL;
  g_autofree char *pem = NULL;
  g_autofree char *assertion = NULL;
  gnutls_pubkey_t pubkey;

  /* No key at all. */
  assertion = rc_client_assertion_new (auth, NULL, NOW, &error);
  g_assert_null (assertion);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Not a key. */
  assertion = rc_client_assertion_new (auth, "-----BEGIN PRIVATE KEY-----\nnope\n", NOW, &error);
  g_assert_null (assertion);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* A file that is not there: its name in the message. */
  rc_auth_set_private_key_file (auth, "/nonexistent/restcall-key.pem");
  assertion = rc_client_assertion_new (auth, NULL, NOW, &error);
  g_assert_null (assertion);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "/nonexistent/restcall-key.pem"));
  g_clear_error (&error);
  rc_auth_set_private_key_file (auth, "");

  /* An algorithm the key cannot sign with. */
  pem = rc_test_generate_key (GNUTLS_PK_RSA, &pubkey);
  gnutls_pubkey_deinit (pubkey);
  rc_auth_set_jwt_alg (auth, RC_JWT_ALG_ES256);
  assertion = rc_client_assertion_new (auth, pem, NOW, &error);
  g_assert_null (assertion);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "ES256"));
  g_test_message ("%s", error->message);
}

/* The token request carries the assertion, its type and the client ID in
 * its body, and no secret anywhere. */
static void
test_token_request (void)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_SECRET_JWT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *text = NULL;
  g_autofree char *header_json = NULL;
  g_autofree char *claims_json = NULL;
  const char *assertion;

  message = rc_oauth_new_token_message (auth, "s3cret", RC_BASIC_FORM_RFC, &body, &error);
  g_assert_no_error (error);
  g_assert_null (soup_message_headers_get_one (soup_message_get_request_headers (message),
                                               "Authorization"));
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  fields = soup_form_decode (text);
  g_assert_cmpstr (g_hash_table_lookup (fields, "grant_type"), ==, "client_credentials");
  g_assert_cmpstr (g_hash_table_lookup (fields, "client_id"), ==, CLIENT_ID);
  g_assert_cmpstr (g_hash_table_lookup (fields, "client_assertion_type"), ==,
                   "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
  g_assert_false (g_hash_table_contains (fields, "client_secret"));
  g_assert_null (strstr (text, "s3cret"));
  assertion = g_hash_table_lookup (fields, "client_assertion");
  g_assert_true (rc_jwt_decode (assertion, &header_json, &claims_json, &error));
  g_assert_no_error (error);
}

/* The exchange shows the assertion decoded, its signature masked; only
 * the revealed text holds the signature. */
static void
test_record (void)
{
  g_autoptr(RcAuth) auth = make_auth (RC_CLIENT_AUTH_SECRET_JWT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(RcHttpRecord) record = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *revealed = NULL;
  const char *signature;

  message = rc_oauth_new_token_message (auth, "s3cret", RC_BASIC_FORM_RFC, &body, &error);
  g_assert_no_error (error);
  record = rc_http_record_new_for_request (message, body);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  fields = soup_form_decode (text);
  signature = strrchr (g_hash_table_lookup (fields, "client_assertion"), '.') + 1;

  masked = rc_http_record_format_request (record, FALSE);
  g_test_message ("%s", masked);
  g_assert_null (strstr (masked, signature));
  g_assert_nonnull (strstr (masked, "Client assertion, decoded"));
  g_assert_nonnull (strstr (masked, "\"alg\": \"HS256\""));
  g_assert_nonnull (strstr (masked, "\"iss\": \"" CLIENT_ID "\""));
  g_assert_nonnull (strstr (masked, "\"aud\": \"" TOKEN_URL "\""));

  revealed = rc_http_record_format_request (record, TRUE);
  g_assert_nonnull (strstr (revealed, signature));
}

/* rc_client_assertion_check_key(): a PEM private key that fits the
 * algorithm, and what is not one. */
static void
test_check_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rsa = NULL;
  g_autofree char *ec = NULL;
  gnutls_pubkey_t pubkey;

  rsa = rc_test_generate_key (GNUTLS_PK_RSA, &pubkey);
  gnutls_pubkey_deinit (pubkey);
  ec = rc_test_generate_key (GNUTLS_PK_ECDSA, &pubkey);
  gnutls_pubkey_deinit (pubkey);

  g_assert_true (rc_client_assertion_check_key (rsa, RC_JWT_ALG_AUTO, &error));
  g_assert_true (rc_client_assertion_check_key (rsa, RC_JWT_ALG_RS256, &error));
  g_assert_true (rc_client_assertion_check_key (rsa, RC_JWT_ALG_PS256, &error));
  g_assert_true (rc_client_assertion_check_key (ec, RC_JWT_ALG_ES256, &error));
  g_assert_no_error (error);

  g_assert_false (rc_client_assertion_check_key (rsa, RC_JWT_ALG_ES256, &error));
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "ES256"));
  g_clear_error (&error);
  g_assert_false (rc_client_assertion_check_key (ec, RC_JWT_ALG_RS256, &error));
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "RS256"));
  g_clear_error (&error);
  g_assert_false (rc_client_assertion_check_key (ec, RC_JWT_ALG_PS256, &error));
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_clear_error (&error);

  /* A secret, a certificate: no private key. */
  g_assert_false (rc_client_assertion_check_key ("s3cret", RC_JWT_ALG_AUTO, &error));
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "not a PEM private key"));
  g_clear_error (&error);
  g_assert_false (rc_client_assertion_check_key ("-----BEGIN CERTIFICATE-----\nMIIB\n"
                                                 "-----END CERTIFICATE-----\n",
                                                 RC_JWT_ALG_AUTO, &error));
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_clear_error (&error);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!rc_client_assertion_check_file_finish (result, NULL, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "none");
}

/* The file's error, or G_IO_ERROR_EXISTS "none" when it is good. */
static GError *
check_file (const char *path,
            RcJwtAlg    alg)
{
  GError *error = NULL;

  rc_client_assertion_check_file_async (path, alg, NULL, checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  return error;
}

/* rc_client_assertion_check_file_async(): read in a thread, at most a
 * key's size. */
static void
test_check_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-key-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "client.pem", NULL);
  g_autofree char *big = g_build_filename (dir, "big.pem", NULL);
  g_autofree char *pem = NULL;
  g_autofree char *padding = NULL;
  GError *error = NULL;
  gnutls_pubkey_t pubkey;

  pem = rc_test_generate_key (GNUTLS_PK_ECDSA, &pubkey);
  gnutls_pubkey_deinit (pubkey);
  g_assert_true (g_file_set_contents (path, pem, -1, NULL));

  error = check_file (path, RC_JWT_ALG_AUTO);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  error = check_file (path, RC_JWT_ALG_PS256);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "PS256"));
  g_clear_error (&error);

  error = check_file (big, RC_JWT_ALG_AUTO);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, big));
  g_clear_error (&error);

  /* A key after more than a key's size of text: never read that far. */
  padding = g_strnfill (RC_PRIVATE_KEY_MAX_SIZE, '#');
  {
    g_autofree char *text = g_strconcat (padding, "\n", pem, NULL);

    g_assert_true (g_file_set_contents (big, text, -1, NULL));
  }
  error = check_file (big, RC_JWT_ALG_AUTO);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "larger than a private key"));
  g_clear_error (&error);

  /* A folder cannot be read as a file. */
  error = check_file (dir, RC_JWT_ALG_AUTO);
  g_assert_error (error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_SETTINGS);
  g_clear_error (&error);

  g_unlink (path);
  g_unlink (big);
  g_rmdir (dir);
}

/* A project's relative key file is in the project file's folder, from
 * any working folder, for the API and for a method of its own; `~/` is
 * the home folder. */
static void
test_relative_key_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("restcall-project-XXXXXX", NULL);
  g_autofree char *keys = g_build_filename (dir, "keys", NULL);
  g_autofree char *key_path = g_build_filename (keys, "client.pem", NULL);
  g_autofree char *project_path = g_build_filename (dir, "signed.restcall", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *pem = NULL;
  g_autofree char *path = NULL;
  g_autofree char *home_path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *assertion = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(RcMethod) method = NULL;
  g_autoptr(RcMethod) later = rc_method_new ("Later");
  g_autoptr(RcAuth) own = NULL;
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"format\": 1, \"id\": \"6d7e8f90-a1b2-4c3d-8e4f-5a6b7c8d9e0f\", \"apis\": [{"
    "\"id\": \"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\", \"name\": \"Signed\","
    "\"base_url\": \"https://api.example.com\", \"auth\": {"
    "\"type\": \"oauth2-client-credentials\", \"client_id\": \"" CLIENT_ID "\","
    "\"token_url\": \"" TOKEN_URL "\", \"client_auth\": \"private-key-jwt\","
    "\"private_key_file\": \"keys/client.pem\"}, \"methods\": [{"
    "\"id\": \"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\", \"name\": \"Own\", \"verb\": \"GET\","
    "\"url\": \"/own\", \"auth\": {\"type\": \"oauth2-client-credentials\","
    "\"client_id\": \"" CLIENT_ID "\", \"token_url\": \"" TOKEN_URL "\","
    "\"client_auth\": \"private-key-jwt\", \"private_key_file\": \"keys/../keys/client.pem\"}}]}]}";
  gnutls_pubkey_t pubkey;
  RcApi *api;
  RcAuth *auth;

  pem = rc_test_generate_key (GNUTLS_PK_RSA, &pubkey);
  gnutls_pubkey_deinit (pubkey);
  g_assert_cmpint (g_mkdir (keys, 0700), ==, 0);
  g_assert_true (g_file_set_contents (key_path, pem, -1, NULL));
  g_assert_true (g_file_set_contents (project_path, text, -1, NULL));

  /* Elsewhere, where keys/client.pem is not. */
  g_assert_cmpint (g_chdir (g_get_tmp_dir ()), ==, 0);
  project = rc_project_load (file, NULL, &error);
  g_assert_no_error (error);
  api = rc_project_get_api (project, 0);
  auth = rc_api_get_auth (api);
  g_assert_cmpstr (rc_auth_get_private_key_file (auth), ==, "keys/client.pem");
  path = rc_auth_dup_file_path (auth, rc_auth_get_private_key_file (auth));
  g_assert_cmpstr (path, ==, key_path);
  assertion = rc_client_assertion_new (auth, NULL, NOW, &error);
  g_assert_no_error (error);
  g_clear_pointer (&assertion, g_free);

  /* A method's own, as loaded, and given later. */
  method = g_list_model_get_item (rc_api_get_methods (api), 0);
  auth = rc_method_get_auth (method);
  assertion = rc_client_assertion_new (auth, NULL, NOW, &error);
  g_assert_no_error (error);
  g_clear_pointer (&assertion, g_free);
  own = rc_auth_copy (auth);
  rc_auth_set_folder (own, NULL);
  rc_api_add_method (api, later);
  rc_method_set_auth (later, own);
  assertion = rc_client_assertion_new (own, NULL, NOW, &error);
  g_assert_no_error (error);
  g_clear_pointer (&assertion, g_free);

  /* What a person chose in the folder is saved relative to it; elsewhere,
   * absolute. */
  saved = rc_auth_dup_path_to_save (auth, key_path);
  g_assert_cmpstr (saved, ==, "keys/client.pem");
  g_clear_pointer (&saved, g_free);
  saved = rc_auth_dup_path_to_save (auth, "/etc/restcall.pem");
  g_assert_cmpstr (saved, ==, "/etc/restcall.pem");
  g_clear_pointer (&saved, g_free);

  /* ~/ is the home folder, wherever the project is. */
  home_path = g_build_filename (g_get_home_dir (), "keys", "client.pem", NULL);
  g_clear_pointer (&path, g_free);
  path = rc_auth_dup_file_path (auth, "~/keys/client.pem");
  g_assert_cmpstr (path, ==, home_path);

  /* Without a project file: the working folder. */
  rc_auth_set_folder (auth, NULL);
  g_clear_pointer (&path, g_free);
  path = rc_auth_dup_file_path (auth, "keys/client.pem");
  g_clear_pointer (&home_path, g_free);
  home_path = g_build_filename (g_get_tmp_dir (), "keys", "client.pem", NULL);
  g_assert_cmpstr (path, ==, home_path);

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_unlink (key_path);
  g_rmdir (keys);
  g_unlink (project_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/client-assertion/hs256", test_hs256);
  g_test_add_func ("/restcall/client-assertion/no-secret", test_no_secret);
  g_test_add_func ("/restcall/client-assertion/rs256", test_rs256);
  g_test_add_func ("/restcall/client-assertion/ps256", test_ps256);
  g_test_add_func ("/restcall/client-assertion/es256", test_es256);
  g_test_add_func ("/restcall/client-assertion/key-errors", test_key_errors);
  g_test_add_func ("/restcall/client-assertion/check-key", test_check_key);
  g_test_add_func ("/restcall/client-assertion/check-file", test_check_file);
  g_test_add_func ("/restcall/client-assertion/relative-key-file", test_relative_key_file);
  g_test_add_func ("/restcall/client-assertion/token-request", test_token_request);
  g_test_add_func ("/restcall/client-assertion/record", test_record);

  return g_test_run ();
}
