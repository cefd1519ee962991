/* rc-client-cert.c: the client certificate of mutual TLS client authentication
 *
 * RFC 8705 tls_client_auth: the client proves who it is with a certificate
 * and its private key in the TLS handshake. The certificate comes from a
 * PEM file the auth names; the key from the auth's private key file (the
 * one a private_key_jwt client signs with) or, when none is named, from
 * the keyring, where the auth's secret holds it (a tls_client_auth client
 * has no client secret), or else, for a call with no keyring (the command
 * line's --cert alone), from the certificate file itself. The project file keeps the
 * file names only, never the key.
 *
 * GLib parses the PEM (GTlsCertificate); GnuTLS, GLib's TLS backend, says
 * whether the key is the certificate's, which GLib does not check: a key
 * that is not would only fail in the handshake, in the server's words.
 * Every error names the file and says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/gnutls.h>
#include <string.h>

#include "rc-client-cert.h"

#define FILE_KEY "rc-client-cert-file"
#define MESSAGE_KEY "rc-client-cert"

G_DEFINE_QUARK (rc-client-cert-error-quark, rc_client_cert_error)

static void
clear_text (char *text)
{
  if (text)
    {
      memset (text, 0, strlen (text));
      g_free (text);
    }
}

static char *
read_file (const char  *path,
           const char  *what,
           GError     **error)
{
  g_autoptr(GError) read_error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &read_error))
    {
      g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_UNREADABLE,
                   /* Translators: the first %s is "client certificate" or
                    * "client key", the second a file name, the third why */
                   _("The %s file “%s” cannot be read: %s. Check the path, and that you "
                     "may read the file."),
                   what, path, read_error->message);
      return NULL;
    }

  return contents;
}

static gboolean
has_private_key (GTlsCertificate *certificate)
{
  char *pem = NULL;

  g_object_get (certificate, "private-key-pem", &pem, NULL);
  if (pem == NULL)
    return FALSE;
  clear_text (pem);

  return TRUE;
}

/* Whether @key_pem is the private key of the first certificate in
 * @cert_pem; TRUE when GnuTLS cannot tell (GLib then says what is wrong). */
static gboolean
key_matches (const char *cert_pem,
             const char *key_pem)
{
  gnutls_certificate_credentials_t credentials;
  gnutls_datum_t cert = { (unsigned char *) cert_pem, strlen (cert_pem) };
  gnutls_datum_t key = { (unsigned char *) key_pem, strlen (key_pem) };
  int ret;

  if (gnutls_certificate_allocate_credentials (&credentials) < 0)
    return TRUE;
  ret = gnutls_certificate_set_x509_key_mem (credentials, &cert, &key, GNUTLS_X509_FMT_PEM);
  gnutls_certificate_free_credentials (credentials);

  return ret != GNUTLS_E_CERTIFICATE_KEY_MISMATCH;
}

/**
 * rc_client_cert_is_used:
 *
 * Returns: whether @auth authenticates the client with a certificate
 *   (RFC 8705 tls_client_auth)
 */
gboolean
rc_client_cert_is_used (RcAuth *auth)
{
  g_return_val_if_fail (RC_IS_AUTH (auth), FALSE);

  return rc_auth_get_kind (auth) == RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS
         && rc_auth_get_client_auth (auth) == RC_CLIENT_AUTH_TLS;
}

/**
 * rc_client_cert_load:
 * @key_pem: (nullable): the private key in PEM, from the keyring, used
 *   when @auth names no key file
 *
 * Reads @auth's client certificate and its private key.
 *
 * Returns: (transfer full): the certificate with its key, or %NULL with
 *   an error that names the file and says what to do
 */
GTlsCertificate *
rc_client_cert_load (RcAuth      *auth,
                     const char  *key_pem,
                     GError     **error)
{
  g_autofree char *cert_file = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *cert_pem = NULL;
  g_autoptr(GTlsCertificate) alone = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) pem_error = NULL;
  g_autofree char *key_source = NULL;
  char *key = NULL;
  char *both = NULL;

  g_return_val_if_fail (RC_IS_AUTH (auth), NULL);

  /* A relative path is relative to the project's folder. */
  cert_file = rc_auth_dup_file_path (auth, rc_auth_get_client_cert_file (auth));
  key_file = rc_auth_dup_file_path (auth, rc_auth_get_private_key_file (auth));

  if (cert_file == NULL)
    {
      g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_NO_CERTIFICATE,
                   _("No client certificate file is set. Choose the certificate (PEM) the "
                     "authorization server knows this client by (--cert on the command "
                     "line)."));
      return NULL;
    }

  cert_pem = read_file (cert_file, _("client certificate"), error);
  if (cert_pem == NULL)
    return NULL;

  alone = g_tls_certificate_new_from_pem (cert_pem, -1, &pem_error);
  if (alone == NULL)
    {
      g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_INVALID,
                   _("The client certificate file “%s” holds no certificate Restcall can "
                     "read (%s). Choose the client’s certificate in PEM, the text that "
                     "begins with “-----BEGIN CERTIFICATE-----”."),
                   cert_file, pem_error->message);
      return NULL;
    }

  if (key_file != NULL)
    {
      key = read_file (key_file, _("client key"), error);
      if (key == NULL)
        return NULL;
      key_source = g_strdup_printf (_("the key file “%s”"), key_file);
    }
  else if (key_pem && key_pem[0] != '\0')
    {
      key = g_strdup (key_pem);
      key_source = g_strdup (_("the key stored in the keyring"));
    }
  else if (strstr (cert_pem, "PRIVATE KEY-----"))
    {
      key = g_strdup (cert_pem);
      key_source = g_strdup_printf (_("the certificate file “%s”"), cert_file);
    }
  else
    {
      g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_NO_KEY,
                   _("The client certificate “%s” has no private key: choose its key file "
                     "(--key on the command line), or store the key (PEM) in the keyring "
                     "as the secret."),
                   cert_file);
      return NULL;
    }

  both = g_strconcat (cert_pem, "\n", key, NULL);
  certificate = g_tls_certificate_new_from_pem (both, -1, &pem_error);
  clear_text (both);

  /* GLib makes a certificate without a key when it finds none. */
  if (certificate && !has_private_key (certificate))
    {
      g_clear_object (&certificate);
      g_set_error_literal (&pem_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                           _("no private key found"));
    }

  if (certificate == NULL)
    g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_INVALID,
                 _("No private key Restcall can read is in %s (%s). Give the key in PEM, "
                   "unencrypted: the text that begins with “-----BEGIN PRIVATE KEY-----”."),
                 key_source, pem_error->message);
  else if (!key_matches (cert_pem, key))
    {
      g_set_error (error, RC_CLIENT_CERT_ERROR, RC_CLIENT_CERT_ERROR_MISMATCH,
                   _("The private key in %s is not the key of the client certificate “%s”. "
                     "Choose the key that was made with this certificate."),
                   key_source, cert_file);
      g_clear_object (&certificate);
    }
  clear_text (key);

  if (certificate)
    g_object_set_data_full (G_OBJECT (certificate), FILE_KEY, g_strdup (cert_file), g_free);

  return g_steal_pointer (&certificate);
}

/**
 * rc_client_cert_get_file:
 *
 * Returns: (nullable): the file @certificate was read from by
 *   rc_client_cert_load()
 */
const char *
rc_client_cert_get_file (GTlsCertificate *certificate)
{
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  return g_object_get_data (G_OBJECT (certificate), FILE_KEY);
}

/**
 * rc_client_cert_present:
 *
 * Has @message present @certificate in its TLS handshake, and remembers
 * it for the exchange record (libsoup 3.2 cannot say it back).
 */
void
rc_client_cert_present (SoupMessage     *message,
                        GTlsCertificate *certificate)
{
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (G_IS_TLS_CERTIFICATE (certificate));

  soup_message_set_tls_client_certificate (message, certificate);
  g_object_set_data_full (G_OBJECT (message), MESSAGE_KEY, g_object_ref (certificate),
                          g_object_unref);
}

/**
 * rc_client_cert_get_presented:
 *
 * Returns: (transfer none) (nullable): the certificate @message presents,
 *   if rc_client_cert_present() gave it one
 */
GTlsCertificate *
rc_client_cert_get_presented (SoupMessage *message)
{
  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  return g_object_get_data (G_OBJECT (message), MESSAGE_KEY);
}

/**
 * rc_client_cert_describe:
 *
 * Returns: (transfer full): what a person needs to know of a client
 *   certificate that was presented: its subject and its file, never its key
 */
char *
rc_client_cert_describe (GTlsCertificate *certificate)
{
  g_autofree char *subject = NULL;
  const char *file;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  subject = g_tls_certificate_get_subject_name (certificate);
  file = rc_client_cert_get_file (certificate);

  if (file)
    return g_strdup_printf (_("subject %s, from %s"), subject ? subject : _("unknown"), file);

  return g_strdup_printf (_("subject %s"), subject ? subject : _("unknown"));
}
