/* rc-test-values.h: one entry row per URL parameter, editing the method's test values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "restcall-core.h"

G_BEGIN_DECLS

#define RC_TYPE_TEST_VALUES (rc_test_values_get_type ())

G_DECLARE_FINAL_TYPE (RcTestValues, rc_test_values, RC, TEST_VALUES, GtkWidget)

GtkWidget  *rc_test_values_new               (void);
RcMethod   *rc_test_values_get_method        (RcTestValues *self);
void        rc_test_values_set_method        (RcTestValues *self,
                                              RcMethod     *method);
gboolean    rc_test_values_get_show_location (RcTestValues *self);
void        rc_test_values_set_show_location (RcTestValues *self,
                                              gboolean      show_location);
const char *rc_test_values_get_row_name      (RcTestValues *self);
void        rc_test_values_set_row_name      (RcTestValues *self,
                                              const char   *row_name);
gboolean    rc_test_values_get_empty         (RcTestValues *self);
char       *rc_test_values_mark_missing      (RcTestValues *self);

G_END_DECLS
