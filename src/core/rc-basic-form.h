/* rc-basic-form.h: which form of the client's Basic credentials to send, and when to try the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "rc-auth.h"

G_BEGIN_DECLS

RcBasicForm  rc_basic_form_first        (RcAuth      *auth);
RcBasicForm  rc_basic_form_other        (RcBasicForm  form);
gboolean     rc_basic_form_changes_credentials (RcAuth *auth,
                                               const char *secret);
gboolean     rc_basic_form_may_retry    (RcAuth      *auth,
                                         const char  *secret);
gboolean     rc_basic_form_is_refusal   (guint        status,
                                         GBytes      *body);
void         rc_basic_form_remember     (RcAuth      *auth,
                                         RcAuth      *asked,
                                         RcBasicForm  form);
const char  *rc_basic_form_describe     (RcBasicForm  form);
char        *rc_basic_form_dup_note     (RcBasicForm  worked);

G_END_DECLS
