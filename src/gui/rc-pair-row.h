/* rc-pair-row.h: a row that edits one name and value (a header, a token parameter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/**
 * RcPairRowKind:
 * @RC_PAIR_ROW_HEADER: an HTTP header
 * @RC_PAIR_ROW_TOKEN_PARAM: an extra parameter of the token request
 *
 * What the pair is, for the row's labels and widget names.
 */
typedef enum {
  RC_PAIR_ROW_HEADER,
  RC_PAIR_ROW_TOKEN_PARAM,
} RcPairRowKind;

#define RC_TYPE_PAIR_ROW (rc_pair_row_get_type ())

G_DECLARE_FINAL_TYPE (RcPairRow, rc_pair_row, RC, PAIR_ROW, AdwPreferencesRow)

GtkWidget *rc_pair_row_new               (RcPair        *pair,
                                          RcPairRowKind  kind);
RcPair    *rc_pair_row_get_pair          (RcPairRow     *self);
void       rc_pair_row_set_auth_override (RcPairRow     *self,
                                          const char    *explanation);
gboolean   rc_pair_row_get_overridden    (RcPairRow     *self);
void       rc_pair_row_focus_name        (RcPairRow     *self);

G_END_DECLS
