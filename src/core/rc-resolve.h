/* rc-resolve.h: a method or an authentication with an environment's variables filled in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-api.h"
#include "rc-environment.h"
#include "rc-http-record.h"
#include "rc-method.h"
#include "rc-secret-store.h"

G_BEGIN_DECLS

#define RC_RESOLVE_ERROR (rc_resolve_error_quark ())

/**
 * RcResolveError:
 * @RC_RESOLVE_ERROR_UNDEFINED: a `{{name}}` no variable defines
 * @RC_RESOLVE_ERROR_CYCLE: a variable whose value leads back to itself
 * @RC_RESOLVE_ERROR_SYNTAX: a `{{name` without its `}}`
 * @RC_RESOLVE_ERROR_SECRET_IN_URL: a secret variable in a URL, where every
 *   proxy and server log would keep it
 * @RC_RESOLVE_ERROR_NO_SECRET: a secret variable whose value is not known
 *   (not stored in the keyring for this environment)
 * @RC_RESOLVE_ERROR_NOT_SECRET: an authentication's secret variable is
 *   not a secret variable of the environment
 *
 * Why a method cannot be resolved. The error says which field
 * (rc_resolve_error_get_field()) of the API or of the method
 * (rc_resolve_error_is_in_api()) and which variable
 * (rc_resolve_error_get_variable()), so that an editor can show it there.
 */
typedef enum {
  RC_RESOLVE_ERROR_UNDEFINED,
  RC_RESOLVE_ERROR_CYCLE,
  RC_RESOLVE_ERROR_SYNTAX,
  RC_RESOLVE_ERROR_SECRET_IN_URL,
  RC_RESOLVE_ERROR_NO_SECRET,
  RC_RESOLVE_ERROR_NOT_SECRET,
} RcResolveError;

/**
 * RcResolveField:
 *
 * The fields variables are filled into.
 */
typedef enum {
  RC_RESOLVE_FIELD_BASE_URL,
  RC_RESOLVE_FIELD_URL,
  RC_RESOLVE_FIELD_HEADERS,
  RC_RESOLVE_FIELD_BODY,
  RC_RESOLVE_FIELD_TEST_VALUES,
  RC_RESOLVE_FIELD_USERNAME,
  RC_RESOLVE_FIELD_CLIENT_ID,
  RC_RESOLVE_FIELD_TOKEN_URL,
  RC_RESOLVE_FIELD_SCOPES,
  RC_RESOLVE_FIELD_TOKEN_PARAMS,
  RC_RESOLVE_FIELD_SECRET,
} RcResolveField;

#define RC_TYPE_RESOLVER (rc_resolver_get_type ())

G_DECLARE_FINAL_TYPE (RcResolver, rc_resolver, RC, RESOLVER, GObject)

GQuark          rc_resolve_error_quark         (void);
RcResolveField  rc_resolve_error_get_field     (const GError  *error);
gboolean        rc_resolve_error_is_in_api     (const GError  *error);
const char     *rc_resolve_error_get_variable  (const GError  *error);
const char     *rc_resolve_error_get_problem   (const GError  *error);

RcResolver     *rc_resolver_new                (RcEnvironment *environment);
RcResolver     *rc_resolver_new_for_api        (RcApi         *api);
RcEnvironment  *rc_resolver_get_environment    (RcResolver    *self);
void            rc_resolver_set_override       (RcResolver    *self,
                                                const char    *name,
                                                const char    *value);
void            rc_resolver_leave_secrets      (RcResolver    *self);
void            rc_resolver_set_secret         (RcResolver    *self,
                                                const char    *name,
                                                const char    *value);
char          **rc_resolver_dup_secret_names   (RcResolver    *self,
                                                RcMethod      *method,
                                                RcAuth        *auth);
void            rc_resolver_load_secrets_async (RcResolver          *self,
                                                RcSecretStore       *store,
                                                const char          *project_id,
                                                const char * const  *names,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        rc_resolver_load_secrets_finish (RcResolver         *self,
                                                GAsyncResult        *result,
                                                GError             **error);
const char     *rc_resolver_get_auth_secret    (RcResolver    *self,
                                                RcAuth        *auth);
char           *rc_resolver_expand             (RcResolver    *self,
                                                const char    *text,
                                                GError       **error);
RcMethod       *rc_resolver_resolve_method     (RcResolver    *self,
                                                RcMethod      *method,
                                                GError       **error);
RcApi          *rc_resolver_resolve_api        (RcResolver    *self,
                                                RcApi         *api,
                                                GError       **error);
RcAuth         *rc_resolver_resolve_auth       (RcResolver    *self,
                                                RcAuth        *auth,
                                                GError       **error);

void            rc_resolve_mask_record         (gpointer       resolved,
                                                RcHttpRecord  *record);

G_END_DECLS
