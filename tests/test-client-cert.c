/* test-client-cert.c: reading the client certificate of mutual TLS
 *
 * Each test makes its certificates with the openssl command line in a
 * fresh directory (no key is ever committed), and checks what
 * rc_client_cert_load() does with the files, the keyring's key, and the
 * mistakes people make: a missing file, no key, a key of another
 * certificate, a file that is no PEM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "restcall-core.h"

typedef struct
{
  char *dir;
  char *cert;        /* CN=restcall-test */
  char *key;
  char *other_key;   /* of another certificate */
  char *combined;    /* the certificate and its key in one file */
} Fixture;

static void
openssl (const char *dir,
         const char *subject,
         const char *name)
{
  g_autofree char *key = g_strconcat (name, ".key", NULL);
  g_autofree char *cert = g_strconcat (name, ".pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                         "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                         "-days", "2", "-subj", subject, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (dir, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;
  g_autofree char *both = NULL;
  g_autofree char *tool = g_find_program_in_path ("openssl");

  if (tool == NULL)
    {
      g_test_skip ("openssl is not installed (build-aux/dev installs it)");
      return;
    }

  fixture->dir = g_dir_make_tmp ("restcall-client-cert-XXXXXX", &error);
  g_assert_no_error (error);
  openssl (fixture->dir, "/CN=restcall-test", "client");
  openssl (fixture->dir, "/CN=someone-else", "other");
  fixture->cert = g_build_filename (fixture->dir, "client.pem", NULL);
  fixture->key = g_build_filename (fixture->dir, "client.key", NULL);
  fixture->other_key = g_build_filename (fixture->dir, "other.key", NULL);
  fixture->combined = g_build_filename (fixture->dir, "combined.pem", NULL);

  g_file_get_contents (fixture->cert, &cert_pem, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (fixture->key, &key_pem, NULL, &error);
  g_assert_no_error (error);
  both = g_strconcat (cert_pem, key_pem, NULL);
  g_file_set_contents (fixture->combined, both, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "client.pem", "client.key", "other.pem", "other.key", "combined.pem",
                          "not-pem.txt" };

  if (fixture->dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->cert);
  g_free (fixture->key);
  g_free (fixture->other_key);
  g_free (fixture->combined);
}

static RcAuth *
new_tls_auth (const char *cert,
              const char *key)
{
  RcAuth *auth = rc_auth_new ();

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_TLS);
  rc_auth_set_client_cert_file (auth, cert);
  rc_auth_set_private_key_file (auth, key);

  return auth;
}

static void
assert_loads (RcAuth     *auth,
              const char *key_pem,
              const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = rc_client_cert_load (auth, key_pem, &error);
  g_autofree char *subject = NULL;
  g_autofree char *described = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (certificate);
  subject = g_tls_certificate_get_subject_name (certificate);
  g_assert_cmpstr (subject, ==, "CN=restcall-test");
  g_assert_cmpstr (rc_client_cert_get_file (certificate), ==, file);
  described = rc_client_cert_describe (certificate);
  g_assert_cmpstr (strstr (described, "CN=restcall-test"), !=, NULL);
  g_assert_cmpstr (strstr (described, file), !=, NULL);
}

static void
test_files (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RcAuth) auth = NULL;

  if (fixture->dir == NULL)
    return;

  auth = new_tls_auth (fixture->cert, fixture->key);
  g_assert_true (rc_client_cert_is_used (auth));
  assert_loads (auth, NULL, fixture->cert);
}

/* No key file: the key comes from the keyring (the auth's secret), or
 * else from the certificate file. */
static void
test_key_elsewhere (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(RcAuth) combined = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_pem = NULL;

  if (fixture->dir == NULL)
    return;

  g_file_get_contents (fixture->key, &key_pem, NULL, &error);
  g_assert_no_error (error);
  auth = new_tls_auth (fixture->cert, "");
  assert_loads (auth, key_pem, fixture->cert);

  combined = new_tls_auth (fixture->combined, "");
  assert_loads (combined, NULL, fixture->combined);
}

static void
test_mistakes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcAuth) auth = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *not_pem = NULL;

  if (fixture->dir == NULL)
    return;

  auth = new_tls_auth ("", "");
  g_assert_null (rc_client_cert_load (auth, NULL, &error));
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_NO_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "--cert"));
  g_clear_error (&error);

  missing = g_build_filename (fixture->dir, "missing.pem", NULL);
  rc_auth_set_client_cert_file (auth, missing);
  g_assert_null (rc_client_cert_load (auth, NULL, &error));
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The key given as the certificate. */
  rc_auth_set_client_cert_file (auth, fixture->key);
  g_assert_null (rc_client_cert_load (auth, NULL, &error));
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, fixture->key));
  g_clear_error (&error);

  rc_auth_set_client_cert_file (auth, fixture->cert);
  g_assert_null (rc_client_cert_load (auth, "", &error));
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_NO_KEY);
  g_assert_nonnull (strstr (error->message, "--key"));
  g_clear_error (&error);

  not_pem = g_build_filename (fixture->dir, "not-pem.txt", NULL);
  g_file_set_contents (not_pem, "hello", -1, &error);
  g_assert_no_error (error);
  rc_auth_set_private_key_file (auth, not_pem);
  g_assert_null (rc_client_cert_load (auth, NULL, &error));
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, not_pem));
  g_clear_error (&error);

  /* GLib takes any key; the handshake would fail in the server's words. */
  rc_auth_set_private_key_file (auth, fixture->other_key);
  certificate = rc_client_cert_load (auth, NULL, &error);
  g_assert_null (certificate);
  g_assert_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, fixture->other_key));
  g_assert_nonnull (strstr (error->message, fixture->cert));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/restcall/client-cert/files", Fixture, NULL, fixture_set_up, test_files,
              fixture_tear_down);
  g_test_add ("/restcall/client-cert/key-elsewhere", Fixture, NULL, fixture_set_up,
              test_key_elsewhere, fixture_tear_down);
  g_test_add ("/restcall/client-cert/mistakes", Fixture, NULL, fixture_set_up, test_mistakes,
              fixture_tear_down);

  return g_test_run ();
}
