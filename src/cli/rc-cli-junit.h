/* rc-cli-junit.h: a run of a project's methods as JUnit XML, for CI systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rc-cli-run-all.h"

G_BEGIN_DECLS

gboolean  rc_cli_junit_write (const char  *path,
                              GPtrArray   *items,
                              gint64       duration_us,
                              GError     **error);

G_END_DECLS
