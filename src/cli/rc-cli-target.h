/* rc-cli-target.h: the API or method a command names, and its secret in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"
#include "rc-cli-input.h"
#include "rc-secret-store.h"

G_BEGIN_DECLS

/* PROJECT API [METHOD], loaded: the API and method belong to the project. */
typedef struct
{
  char      *path;
  RcProject *project;
  RcApi     *api;
  RcMethod  *method;
  GFile     *original;  /* the file the project is a copy of, if it is one */
} RcCliTarget;

/* A secret from the keyring: freed (and wiped) with rc_secret_free(). */
typedef char RcCliStoredSecret;

gboolean    rc_cli_target_load           (RcCliTarget  *self,
                                          const char   *path,
                                          const char   *api_name,
                                          const char   *method_name);
void        rc_cli_target_clear          (RcCliTarget  *self);
RcMethod   *rc_cli_target_get_auth_owner (RcCliTarget  *self);
RcAuth     *rc_cli_target_get_auth       (RcCliTarget  *self);
const char *rc_cli_target_get_owner_id   (RcCliTarget  *self);
char       *rc_cli_target_describe       (RcCliTarget  *self,
                                          RcMethod     *method);
char       *rc_cli_target_dup_command    (RcCliTarget  *self,
                                          const char   *command,
                                          RcMethod     *method);
char       *rc_cli_target_dup_label      (RcCliTarget  *self,
                                          RcMethod     *method,
                                          RcAuthKind    kind);
gboolean    rc_cli_target_save           (RcCliTarget  *self,
                                          GError      **error);
gboolean    rc_cli_target_make_own       (RcCliTarget  *self,
                                          GError      **error);
gboolean    rc_cli_target_take_own_id    (RcCliTarget  *self);
void        rc_cli_target_claim_own_id   (RcCliTarget  *self,
                                          gboolean      to_stderr);
RcSecretBinding *rc_cli_target_dup_binding (RcCliTarget *self,
                                          RcMethod     *method,
                                          RcPairList   *values);
void        rc_cli_target_report_moved_secret (RcCliTarget *self,
                                          RcMethod     *method,
                                          gboolean      to_stderr);
char       *rc_cli_target_dup_mismatch   (RcCliTarget  *self,
                                          RcMethod     *method,
                                          RcAuthKind    kind,
                                          const RcSecretBinding *saved,
                                          const RcSecretBinding *wanted);

gboolean    rc_cli_target_read_secret    (RcCliTarget  *self,
                                          RcMethod     *owner,
                                          RcAuth       *auth,
                                          const RcSecretBinding *binding,
                                          const char   *env_var,
                                          gboolean      from_stdin,
                                          RcCliSecret **secret,
                                          RcCliStoredSecret **stored,
                                          int          *exit_status);

gboolean    rc_cli_target_lookup_secret  (RcCliTarget  *self,
                                          RcMethod     *owner,
                                          RcAuth       *auth,
                                          const RcSecretBinding *binding,
                                          RcCliStoredSecret **stored,
                                          GError      **error);

const char *rc_cli_secret_noun           (RcAuthKind    kind);
char       *rc_cli_quote_names           (GPtrArray    *names);

RcCliStoredSecret *rc_cli_keyring_lookup (RcProject *project,
                                          RcAuth       *auth,
                                          const RcSecretBinding *binding,
                                          RcSecretBinding **saved_for,
                                          GError      **error);
gboolean    rc_cli_keyring_store         (RcProject    *project,
                                          const char   *owner_id,
                                          RcAuth       *auth,
                                          const RcSecretBinding *binding,
                                          const char   *label,
                                          const char   *secret,
                                          GError      **error);
gboolean    rc_cli_keyring_clear         (RcProject    *project,
                                          RcAuth       *auth,
                                          GError      **error);
gboolean    rc_cli_keyring_clear_owner   (RcProject    *project,
                                          const char   *owner_id,
                                          GError      **error);
gboolean    rc_cli_keyring_is_unavailable (const GError *error);
gboolean    rc_cli_keyring_load_variables (RcResolver  *resolver,
                                          RcProject    *project,
                                          const char * const *names,
                                          GError      **error);

/* Whether the secret of an authentication is stored, for `show` and `auth`. */
typedef enum {
  RC_CLI_SECRET_STORED,
  RC_CLI_SECRET_NOT_STORED,
  RC_CLI_SECRET_STORED_ELSEWHERE,  /* for other settings: not sent with these */
  RC_CLI_SECRET_UNAVAILABLE,       /* no keyring to ask */
  RC_CLI_SECRET_FAILED,            /* the keyring failed */
} RcCliSecretState;

RcCliSecretState rc_cli_keyring_get_state (RcProject             *project,
                                          RcAuth                *auth,
                                          const RcSecretBinding *binding,
                                          RcSecretBinding      **saved_for);
RcCliSecretState rc_cli_keyring_get_variable_state (RcProject   *project,
                                          RcEnvironment         *environment,
                                          const char            *name);
RcCliStoredSecret *rc_cli_keyring_lookup_variable (RcProject *project,
                                          RcEnvironment         *environment,
                                          const char            *name,
                                          GError               **error);
gboolean    rc_cli_keyring_store_variable (RcProject            *project,
                                          RcEnvironment         *environment,
                                          const char            *name,
                                          const char            *secret,
                                          GError               **error);
gboolean    rc_cli_keyring_clear_variable (RcProject            *project,
                                          RcEnvironment         *environment,
                                          const char            *name,
                                          GError               **error);
const char *rc_cli_secret_state_to_string (RcCliSecretState      state);
char       *rc_cli_secret_state_describe (RcCliSecretState       state,
                                          const RcSecretBinding *saved_for,
                                          RcAuthKind             kind);
void        rc_cli_report_not_stored     (const GError *error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliTarget, rc_cli_target_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCliStoredSecret, rc_secret_free)

G_END_DECLS
