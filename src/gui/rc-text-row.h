/* rc-text-row.h: a boxed-list row like an entry row, whose text wraps and grows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RC_TYPE_TEXT_ROW (rc_text_row_get_type ())

G_DECLARE_FINAL_TYPE (RcTextRow, rc_text_row, RC, TEXT_ROW, AdwPreferencesRow)

GtkWidget   *rc_text_row_new             (void);
const char  *rc_text_row_get_text        (RcTextRow  *self);
void         rc_text_row_set_text        (RcTextRow  *self,
                                          const char *text);
gboolean     rc_text_row_get_single_line (RcTextRow  *self);
void         rc_text_row_set_single_line (RcTextRow  *self,
                                          gboolean    single_line);
GtkTextView *rc_text_row_get_text_view   (RcTextRow  *self);

G_END_DECLS
