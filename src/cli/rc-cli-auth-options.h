/* rc-cli-auth-options.h: the authentication options of `restcall call` and `auth`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"

G_BEGIN_DECLS

/**
 * RcCliAuthCommand:
 * @RC_CLI_AUTH_FOR_CALL: `restcall call`: an ad-hoc call's authentication,
 *   --auth (implied by the other options when missing), and where its
 *   secret comes from (--password-env, --client-secret-env,
 *   --client-secret-stdin)
 * @RC_CLI_AUTH_FOR_AUTH: `restcall auth`: changes to a saved API's or
 *   method's, --type (inherit too, for a method), the --no-… options, and
 *   --secret-stdin to store the secret
 */
typedef enum {
  RC_CLI_AUTH_FOR_CALL,
  RC_CLI_AUTH_FOR_AUTH,
} RcCliAuthCommand;

typedef struct
{
  RcCliAuthCommand  command;

  /* As given; each NULL or FALSE when not. */
  char             *kind_text;            /* --auth or --type */
  char             *user;
  char             *password_env;
  char             *client_id;
  char             *client_secret_env;
  gboolean          client_secret_stdin;
  char             *token_url;
  char             *scope;
  char             *client_auth_text;
  char             *cert_file;            /* --cert */
  char             *key_file;             /* --key */
  char             *basic_form_text;
  gboolean          raw_basic;            /* --basic-form raw */
  gboolean          no_raw_basic;         /* --basic-form rfc */
  char             *private_key;          /* --private-key FILE */
  char             *key_id;               /* --key-id KID */
  char             *jwt_alg_text;         /* --jwt-alg ALG */
  char            **token_params;
  gboolean          no_token_params;
  gboolean          secret_stdin;

  /* As understood by rc_cli_auth_options_parse(). */
  gboolean          inherit;              /* --type inherit */
  gboolean          has_kind;
  RcAuthKind        kind;
  RcClientAuth      client_auth;
  gboolean          has_basic_form;
  RcBasicForm       basic_form;
  RcJwtAlg          jwt_alg;
  RcPairList       *params;
} RcCliAuthOptions;

void        rc_cli_auth_options_init         (RcCliAuthOptions *self,
                                              RcCliAuthCommand  command);
void        rc_cli_auth_options_clear        (RcCliAuthOptions *self);
void        rc_cli_auth_options_add_entries  (RcCliAuthOptions *self,
                                              GOptionContext   *context);
char       *rc_cli_auth_options_parse        (RcCliAuthOptions *self,
                                              gboolean          for_method);
char       *rc_cli_auth_options_check_fit    (RcCliAuthOptions *self,
                                              RcAuthKind        kind,
                                              const char       *what);
gboolean    rc_cli_auth_options_has_settings (RcCliAuthOptions *self);
void        rc_cli_auth_options_apply        (RcCliAuthOptions *self,
                                              RcAuth           *auth);

const char *rc_cli_auth_kind_to_option       (RcAuthKind        kind);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliAuthOptions, rc_cli_auth_options_clear)

G_END_DECLS
