/* rc-test-documents.h: large and hostile documents, built for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *rc_test_big_json_body        (gsize size);
GFile  *rc_test_write_big_openapi    (guint n_operations);
GBytes *rc_test_yaml_alias_bomb      (void);
GBytes *rc_test_openapi_same_ids     (guint n_operations);
GBytes *rc_test_openapi_many_params  (void);

G_END_DECLS
