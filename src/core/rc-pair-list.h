/* rc-pair-list.h: an ordered list of RcPair that reports every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rc-pair.h"

G_BEGIN_DECLS

#define RC_TYPE_PAIR_LIST (rc_pair_list_get_type ())

G_DECLARE_FINAL_TYPE (RcPairList, rc_pair_list, RC, PAIR_LIST, GObject)

RcPairList *rc_pair_list_new      (void);
RcPair     *rc_pair_list_append   (RcPairList *self,
                                   const char *name,
                                   const char *value);
void        rc_pair_list_remove   (RcPairList *self,
                                   guint       position);
void        rc_pair_list_clear    (RcPairList *self);
RcPair     *rc_pair_list_find     (RcPairList *self,
                                   const char *name);
const char *rc_pair_list_lookup   (RcPairList *self,
                                   const char *name);
void        rc_pair_list_set      (RcPairList *self,
                                   const char *name,
                                   const char *value);
void        rc_pair_list_copy_from (RcPairList *self,
                                    RcPairList *other);

G_END_DECLS
