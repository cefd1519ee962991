/* rc-failure.h: what went wrong, in kinds a script can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RcFailure:
 * @RC_FAILURE_NONE: nothing failed: every call got a 2xx response
 * @RC_FAILURE_OTHER: a failure of no kind below (a redirect not followed,
 *   a body over the size limit, an authorization server's answer that is
 *   not a token, a cancelled call…)
 * @RC_FAILURE_USAGE: the command line is wrong (an unknown command or
 *   option, a missing argument)
 * @RC_FAILURE_FILE: a file or project could not be read, written or used:
 *   it is missing, unreadable or invalid, does not hold what was named, or
 *   its settings make no request
 * @RC_FAILURE_KEYRING: no secret came from the keyring: it could not be
 *   used, or holds none for where the call goes
 * @RC_FAILURE_DNS: a host name could not be resolved
 * @RC_FAILURE_CONNECTION: a connection was refused, reset or closed early,
 *   or the network or host is unreachable
 * @RC_FAILURE_TLS: the TLS handshake failed, or the server's certificate
 *   is not trusted
 * @RC_FAILURE_TIMEOUT: a call or token request did not finish in time
 * @RC_FAILURE_TOKEN_REFUSED: the authorization server refused the token
 *   request (the client, its secret, grant or scopes)
 * @RC_FAILURE_HTTP_4XX: the API answered with a 4xx status
 * @RC_FAILURE_HTTP_5XX: the API answered with a 5xx status
 *
 * What went wrong, as a command line reports it: each kind has a stable
 * code (rc_failure_get_code()) and an exit status of its own
 * (rc_failure_get_exit_status()). The order is that of the exit statuses.
 */
typedef enum {
  RC_FAILURE_NONE,
  RC_FAILURE_OTHER,
  RC_FAILURE_USAGE,
  RC_FAILURE_FILE,
  RC_FAILURE_KEYRING,
  RC_FAILURE_DNS,
  RC_FAILURE_CONNECTION,
  RC_FAILURE_TLS,
  RC_FAILURE_TIMEOUT,
  RC_FAILURE_TOKEN_REFUSED,
  RC_FAILURE_HTTP_4XX,
  RC_FAILURE_HTTP_5XX,
} RcFailure;

/* How many kinds there are, for tables indexed by RcFailure. */
#define RC_FAILURE_N_KINDS (RC_FAILURE_HTTP_5XX + 1)

RcFailure   rc_failure_classify         (const GError *error);
RcFailure   rc_failure_for_http_status  (guint         status);
const char *rc_failure_get_code         (RcFailure     failure);
int         rc_failure_get_exit_status  (RcFailure     failure);

G_END_DECLS
