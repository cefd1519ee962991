/* rc-check.h: the checks an editor shows on its fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-method.h"

G_BEGIN_DECLS

/* Each returns NULL when the field is fine, or a translated sentence that
 * says what is wrong and what to do, for the editor to show on the field. */
char     *rc_check_method_name         (RcMethod *method);
char     *rc_check_method_url          (RcMethod *method);
gboolean  rc_check_method_url_full     (RcMethod *method,
                                        GError  **error);
char     *rc_check_method_content_type (RcMethod *method);
char     *rc_check_header_name         (RcPair   *header);
char     *rc_check_header_value        (RcPair   *header);
char     *rc_check_token_param_name    (RcPair   *param);
char     *rc_check_auth_username       (RcAuth   *auth);
char     *rc_check_auth_client_id      (RcAuth   *auth);
char     *rc_check_auth_token_url      (RcAuth   *auth);
char     *rc_check_auth_client_cert_file (RcAuth *auth);

/* TRUE when every check above passes: for @auth, those of its kind; for
 * @method, its name, its URL, what it puts on the wire (its verb, content
 * type and headers, and its API's headers) and its effective
 * authentication. */
gboolean  rc_check_auth                (RcAuth   *auth);
char     *rc_check_auth_dup_problem    (RcAuth   *auth);
gboolean  rc_check_method              (RcMethod *method);

G_END_DECLS
