/* rc-cli-env.h: what the files of `restcall env` share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "restcall-core.h"
#include "rc-cli-input.h"
#include "rc-cli-target.h"

G_BEGIN_DECLS

/* What `env add` and `env set` may change besides the name. */
typedef struct
{
  char     *color;
  char     *from;
  gboolean  activate;
  char    **vars;          /* NAME=VALUE */
  char    **secret_vars;   /* NAME */
  char    **plain_vars;    /* NAME=VALUE */
  char    **remove_vars;   /* NAME */
  char    **rename_vars;   /* OLD=NEW */
  char     *secret;        /* NAME, whose value comes from… */
  char     *secret_env;    /* …this environment variable, */
  gboolean  secret_stdin;  /* …or standard input */
} RcCliEnvChanges;

void rc_cli_env_changes_clear (RcCliEnvChanges *options);

/* The keyring work that a change to an environment needs. */
typedef struct _RcCliEnvSecrets RcCliEnvSecrets;

RcCliEnvSecrets *rc_cli_env_secrets_new     (void);
void             rc_cli_env_secrets_free    (RcCliEnvSecrets *self);
gboolean         rc_cli_env_secrets_is_empty (RcCliEnvSecrets *self);
void             rc_cli_env_secrets_give    (RcCliEnvSecrets *self,
                                             RcEnvironment   *environment,
                                             const char      *name,
                                             RcCliSecret     *value,
                                             gboolean         from_file,
                                             gboolean         replaces);
void             rc_cli_env_secrets_carry   (RcCliEnvSecrets *self,
                                             RcEnvironment   *from,
                                             const char      *from_name,
                                             RcEnvironment   *environment,
                                             const char      *name);
void             rc_cli_env_secrets_forget  (RcCliEnvSecrets *self,
                                             RcEnvironment   *environment,
                                             const char      *name);
gboolean         rc_cli_env_secrets_store   (RcCliEnvSecrets *self,
                                             RcCliTarget     *target,
                                             int             *exit_status);
void             rc_cli_env_secrets_undo    (RcCliEnvSecrets *self,
                                             RcCliTarget     *target);
int              rc_cli_env_secrets_finish  (RcCliEnvSecrets *self,
                                             RcCliTarget     *target,
                                             gboolean         to_stderr,
                                             GString         *report);

/* The variables' options, applied to an environment in memory. */
int   rc_cli_env_check_options   (RcCliEnvChanges *options);
int   rc_cli_env_apply_variables (RcCliEnvChanges *options,
                                  RcEnvironment   *environment,
                                  gboolean         is_new,
                                  RcCliEnvSecrets *secrets);
char *rc_cli_env_parse_color     (const char      *text,
                                  char           **color);

int   rc_cli_env_list            (RcCliTarget     *target,
                                  gboolean         json);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcCliEnvChanges, rc_cli_env_changes_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcCliEnvSecrets, rc_cli_env_secrets_free)

G_END_DECLS
