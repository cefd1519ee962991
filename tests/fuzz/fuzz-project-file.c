/* fuzz-project-file.c: libFuzzer target for the project file (rc-project-file.c)
 *
 * The input is a project file, as someone might share one. When it loads
 * (rc_project_deserialize()), what it loaded must save, and what is saved
 * must load again and save to the same bytes: a file the app wrote is
 * never one it refuses, and loading and saving again changes nothing.
 * Seeds: the .restcall files of tests/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rc-fuzz.h"
#include "restcall-core.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = rc_project_deserialize (bytes, "fuzz.restcall", &error);
  if (project == NULL)
    {
      g_assert_true (error != NULL && error->domain == RC_PROJECT_ERROR);
      rc_fuzz_check_text ("the error message", error->message, -1);
      return 0;
    }

  g_assert_no_error (error);
  rc_fuzz_check_round_trip (project);

  return 0;
}
