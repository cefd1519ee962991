/* rc-pair.h: a name and a value (a header, a test value, a token parameter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-types.h"

G_BEGIN_DECLS

#define RC_TYPE_PAIR (rc_pair_get_type ())

G_DECLARE_FINAL_TYPE (RcPair, rc_pair, RC, PAIR, GObject)

RcPair     *rc_pair_new       (const char *name,
                               const char *value);
const char *rc_pair_get_name  (RcPair     *self);
void        rc_pair_set_name  (RcPair     *self,
                               const char *name);
const char *rc_pair_get_value (RcPair     *self);
void        rc_pair_set_value (RcPair     *self,
                               const char *value);

G_END_DECLS
