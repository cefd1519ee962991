/* rc-failure.c: what went wrong, in kinds a script can act on
 *
 * Sorts an error of the core, or of GIO, libsoup or GnuTLS beneath it,
 * into a kind (RcFailure) by its domain and code, never by its message: a
 * transport error that the executor or the token cache words in its own
 * domain keeps the error behind it (rc_executor_error_get_cause(),
 * rc_oauth_error_get_cause()), which is sorted in its place. Each kind has
 * a code for machines, which never changes and is never translated, and
 * an exit status of its own; the command line documents both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "rc-call.h"
#include "rc-client-cert.h"
#include "rc-document.h"
#include "rc-executor.h"
#include "rc-failure.h"
#include "rc-http.h"
#include "rc-json.h"
#include "rc-oauth.h"
#include "rc-openapi.h"
#include "rc-openapi-loader.h"
#include "rc-project.h"
#include "rc-secret-store.h"

/* Indexed by RcFailure. The codes and statuses are a promise to
 * scripts: a new kind gets a new one, an old one never changes. */
static const struct
{
  const char *code;
  int         exit_status;
} kinds[RC_FAILURE_N_KINDS] = {
  [RC_FAILURE_NONE] = { "none", 0 },
  [RC_FAILURE_OTHER] = { "other", 1 },
  [RC_FAILURE_USAGE] = { "usage", 2 },
  [RC_FAILURE_FILE] = { "file", 3 },
  [RC_FAILURE_KEYRING] = { "keyring", 4 },
  [RC_FAILURE_DNS] = { "dns", 5 },
  [RC_FAILURE_CONNECTION] = { "connection", 6 },
  [RC_FAILURE_TLS] = { "tls", 7 },
  [RC_FAILURE_TIMEOUT] = { "timeout", 8 },
  [RC_FAILURE_TOKEN_REFUSED] = { "token-refused", 9 },
  [RC_FAILURE_HTTP_4XX] = { "http-4xx", 10 },
  [RC_FAILURE_HTTP_5XX] = { "http-5xx", 11 },
};

/* GIO's codes: sockets and streams, and files. */
static RcFailure
classify_io (int code)
{
  switch (code)
    {
    case G_IO_ERROR_HOST_NOT_FOUND:
      return RC_FAILURE_DNS;

    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_CONNECTION_CLOSED:   /* also G_IO_ERROR_BROKEN_PIPE: a reset */
    case G_IO_ERROR_NOT_CONNECTED:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_PARTIAL_INPUT:
    case G_IO_ERROR_PROXY_FAILED:
    case G_IO_ERROR_PROXY_AUTH_FAILED:
    case G_IO_ERROR_PROXY_NEED_AUTH:
    case G_IO_ERROR_PROXY_NOT_ALLOWED:
      return RC_FAILURE_CONNECTION;

    case G_IO_ERROR_TIMED_OUT:
      return RC_FAILURE_TIMEOUT;

    case G_IO_ERROR_NOT_FOUND:
    case G_IO_ERROR_EXISTS:
    case G_IO_ERROR_IS_DIRECTORY:
    case G_IO_ERROR_NOT_DIRECTORY:
    case G_IO_ERROR_NOT_EMPTY:
    case G_IO_ERROR_NOT_REGULAR_FILE:
    case G_IO_ERROR_NOT_SYMBOLIC_LINK:
    case G_IO_ERROR_NOT_MOUNTABLE_FILE:
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
    case G_IO_ERROR_TOO_MANY_LINKS:
    case G_IO_ERROR_NO_SPACE:
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
    case G_IO_ERROR_NOT_MOUNTED:
      return RC_FAILURE_FILE;

    default:
      return RC_FAILURE_OTHER;
    }
}

/**
 * rc_failure_classify:
 * @error: (nullable): an error of the core, GIO, GLib, libsoup or GnuTLS
 *
 * Sorts @error by its domain and code. A transport error worded by the
 * executor, the token cache or the document loader is sorted by the error
 * behind it; the
 * executor's and the loaders' own timeouts are %RC_FAILURE_TIMEOUT.
 * Cancellation is %RC_FAILURE_OTHER.
 *
 * Returns: what kind of failure @error is; %RC_FAILURE_NONE for %NULL
 */
RcFailure
rc_failure_classify (const GError *error)
{
  const GError *cause;

  if (error == NULL)
    return RC_FAILURE_NONE;

  if ((cause = rc_executor_error_get_cause (error)) || (cause = rc_oauth_error_get_cause (error))
      || (cause = rc_open_api_load_error_get_cause (error)))
    return rc_failure_classify (cause);

  if (error->domain == G_RESOLVER_ERROR)
    return RC_FAILURE_DNS;

  if (error->domain == G_TLS_ERROR)
    return RC_FAILURE_TLS;

  if (error->domain == G_IO_ERROR)
    return classify_io (error->code);

  if (error->domain == G_FILE_ERROR || error->domain == G_KEY_FILE_ERROR
      || error->domain == RC_PROJECT_ERROR || error->domain == RC_JSON_ERROR
      || error->domain == RC_DOCUMENT_ERROR || error->domain == RC_OPEN_API_ERROR
      || error->domain == RC_CLIENT_CERT_ERROR)
    return RC_FAILURE_FILE;

  if (error->domain == G_OPTION_ERROR)
    return RC_FAILURE_USAGE;

  if (error->domain == RC_SECRET_STORE_ERROR || error->domain == RC_CALL_ERROR)
    return RC_FAILURE_KEYRING;

  if (error->domain == RC_EXECUTOR_ERROR)
    {
      switch ((RcExecutorError)error->code)
        {
        case RC_EXECUTOR_ERROR_SETTINGS:
          return RC_FAILURE_FILE;
        case RC_EXECUTOR_ERROR_TIMED_OUT:
          return RC_FAILURE_TIMEOUT;
        case RC_EXECUTOR_ERROR_NETWORK:
          return RC_FAILURE_CONNECTION;
        case RC_EXECUTOR_ERROR_TOO_MANY_REDIRECTS:
        case RC_EXECUTOR_ERROR_TOO_LARGE:
        default:
          return RC_FAILURE_OTHER;
        }
    }

  if (error->domain == RC_OAUTH_ERROR)
    {
      switch ((RcOAuthError)error->code)
        {
        case RC_OAUTH_ERROR_SETTINGS:
          return RC_FAILURE_FILE;
        case RC_OAUTH_ERROR_REFUSED:
        case RC_OAUTH_ERROR_REFUSED_BEFORE:
          return RC_FAILURE_TOKEN_REFUSED;
        case RC_OAUTH_ERROR_NETWORK:
          return RC_FAILURE_CONNECTION;
        case RC_OAUTH_ERROR_REDIRECTED:
        case RC_OAUTH_ERROR_BAD_RESPONSE:
        case RC_OAUTH_ERROR_UNSUPPORTED_TOKEN_TYPE:
        case RC_OAUTH_ERROR_TOO_LARGE:
        default:
          return RC_FAILURE_OTHER;
        }
    }

  if (g_error_matches (error, RC_HTTP_ERROR, RC_HTTP_ERROR_TIMED_OUT)
      || g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_TIMED_OUT))
    return RC_FAILURE_TIMEOUT;

  /* A document that is not where it was said to be, or not one. */
  if (g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_NO_SUCH_FILE)
      || g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_UNREADABLE)
      || g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_STATUS)
      || g_error_matches (error, RC_OPEN_API_LOAD_ERROR, RC_OPEN_API_LOAD_ERROR_INVALID_URL))
    return RC_FAILURE_FILE;

  return RC_FAILURE_OTHER;
}

/**
 * rc_failure_for_http_status:
 * @status: the status of an API's response
 *
 * Returns: %RC_FAILURE_NONE for a 2xx, %RC_FAILURE_HTTP_4XX or
 *   %RC_FAILURE_HTTP_5XX, and %RC_FAILURE_OTHER for any other status (a
 *   redirect not followed, no status at all)
 */
RcFailure
rc_failure_for_http_status (guint status)
{
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return RC_FAILURE_NONE;

  if (SOUP_STATUS_IS_CLIENT_ERROR (status))
    return RC_FAILURE_HTTP_4XX;

  if (SOUP_STATUS_IS_SERVER_ERROR (status))
    return RC_FAILURE_HTTP_5XX;

  return RC_FAILURE_OTHER;
}

/**
 * rc_failure_get_code:
 *
 * Returns: (transfer none): a stable, lowercase, untranslated name for
 *   @failure, for machines (JSON keys): "none", "other", "usage", "file",
 *   "keyring", "dns", "connection", "tls", "timeout", "token-refused",
 *   "http-4xx" or "http-5xx"
 */
const char *
rc_failure_get_code (RcFailure failure)
{
  g_return_val_if_fail ((guint)failure < RC_FAILURE_N_KINDS, kinds[RC_FAILURE_OTHER].code);

  return kinds[failure].code;
}

/**
 * rc_failure_get_exit_status:
 *
 * Returns: the command line's exit status for @failure: 0 for
 *   %RC_FAILURE_NONE, 1 for %RC_FAILURE_OTHER, 2 for %RC_FAILURE_USAGE,
 *   then 3 (%RC_FAILURE_FILE) to 11 (%RC_FAILURE_HTTP_5XX) in the order
 *   of #RcFailure
 */
int
rc_failure_get_exit_status (RcFailure failure)
{
  g_return_val_if_fail ((guint)failure < RC_FAILURE_N_KINDS, kinds[RC_FAILURE_OTHER].exit_status);

  return kinds[failure].exit_status;
}
