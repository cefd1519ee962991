/* rc-field-check.h: what is wrong with an entry row, shown on it and under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RC_TYPE_FIELD_CHECK (rc_field_check_get_type ())

G_DECLARE_FINAL_TYPE (RcFieldCheck, rc_field_check, RC, FIELD_CHECK, AdwPreferencesRow)

GtkWidget   *rc_field_check_new         (AdwEntryRow  *field);
AdwEntryRow *rc_field_check_get_field   (RcFieldCheck *self);
void         rc_field_check_set_field   (RcFieldCheck *self,
                                         AdwEntryRow  *field);
const char  *rc_field_check_get_message (RcFieldCheck *self);
void         rc_field_check_set_message (RcFieldCheck *self,
                                         const char   *message);

gboolean     rc_field_check_get_revealed (RcFieldCheck *self);
void         rc_field_check_reveal_all  (GtkWidget    *root);
void         rc_field_check_conceal_all (GtkWidget    *root);

void         rc_field_check_mark        (GtkWidget    *widget,
                                         const char   *message);

G_END_DECLS
