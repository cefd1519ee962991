/* rc-auth.h: how an API or a method authenticates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-pair-list.h"

G_BEGIN_DECLS

#define RC_TYPE_AUTH (rc_auth_get_type ())

G_DECLARE_FINAL_TYPE (RcAuth, rc_auth, RC, AUTH, GObject)

RcAuth       *rc_auth_new                (void);
RcAuth       *rc_auth_copy               (RcAuth       *self);
void          rc_auth_assign             (RcAuth       *self,
                                          RcAuth       *from);
RcAuth       *rc_auth_get_source         (RcAuth       *self);

RcAuthKind    rc_auth_get_kind           (RcAuth       *self);
void          rc_auth_set_kind           (RcAuth       *self,
                                          RcAuthKind    kind);
const char   *rc_auth_get_username       (RcAuth       *self);
void          rc_auth_set_username       (RcAuth       *self,
                                          const char   *username);
const char   *rc_auth_get_client_id      (RcAuth       *self);
void          rc_auth_set_client_id      (RcAuth       *self,
                                          const char   *client_id);
const char   *rc_auth_get_token_url      (RcAuth       *self);
void          rc_auth_set_token_url      (RcAuth       *self,
                                          const char   *token_url);
const char   *rc_auth_get_scopes         (RcAuth       *self);
void          rc_auth_set_scopes         (RcAuth       *self,
                                          const char   *scopes);
char        **rc_auth_dup_scope_list     (RcAuth       *self);
RcClientAuth  rc_auth_get_client_auth    (RcAuth       *self);
void          rc_auth_set_client_auth    (RcAuth       *self,
                                          RcClientAuth  client_auth);
RcBasicForm   rc_auth_get_basic_form     (RcAuth       *self);
void          rc_auth_set_basic_form     (RcAuth       *self,
                                          RcBasicForm   basic_form);
RcBasicForm   rc_auth_get_remembered_basic_form (RcAuth      *self);
void          rc_auth_set_remembered_basic_form (RcAuth      *self,
                                                 RcBasicForm  basic_form);
RcPairList   *rc_auth_get_token_params   (RcAuth       *self);
const char   *rc_auth_get_secret_id      (RcAuth       *self);
void          rc_auth_set_secret_id      (RcAuth       *self,
                                          const char   *secret_id);
const char   *rc_auth_ensure_secret_id   (RcAuth       *self);
RcJwtAlg      rc_auth_get_jwt_alg        (RcAuth       *self);
void          rc_auth_set_jwt_alg        (RcAuth       *self,
                                          RcJwtAlg      jwt_alg);
const char   *rc_auth_get_secret_variable (RcAuth      *self);
void          rc_auth_set_secret_variable (RcAuth      *self,
                                          const char   *name);
const char   *rc_auth_get_key_id         (RcAuth       *self);
void          rc_auth_set_key_id         (RcAuth       *self,
                                          const char   *key_id);
const char   *rc_auth_get_private_key_file (RcAuth     *self);
void          rc_auth_set_private_key_file (RcAuth     *self,
                                            const char *path);
GFile        *rc_auth_get_folder         (RcAuth       *self);
void          rc_auth_set_folder         (RcAuth       *self,
                                          GFile        *folder);
char         *rc_auth_dup_file_path      (RcAuth       *self,
                                          const char   *path);
char         *rc_auth_dup_path_to_save   (RcAuth       *self,
                                          const char   *path);
gboolean      rc_auth_secret_holds_key   (RcAuth       *self);
gboolean      rc_auth_needs_secret       (RcAuth       *self);
const char   *rc_auth_get_client_cert_file (RcAuth     *self);
void          rc_auth_set_client_cert_file (RcAuth     *self,
                                            const char *path);

const char   *rc_auth_kind_to_string     (RcAuthKind    kind);
gboolean      rc_auth_kind_from_string   (const char   *str,
                                          RcAuthKind   *kind);
const char   *rc_auth_kind_get_label     (RcAuthKind    kind);
const char   *rc_client_auth_to_string   (RcClientAuth  client_auth);
const char   *rc_client_auth_get_label   (RcClientAuth  client_auth);
gboolean      rc_client_auth_from_string (const char   *str,
                                          RcClientAuth *client_auth);
const char   *rc_basic_form_to_string    (RcBasicForm   basic_form);
gboolean      rc_basic_form_from_string  (const char   *str,
                                          RcBasicForm  *basic_form);
const char   *rc_jwt_alg_to_string       (RcJwtAlg      jwt_alg);
gboolean      rc_jwt_alg_from_string     (const char   *str,
                                          RcJwtAlg     *jwt_alg);

G_END_DECLS
