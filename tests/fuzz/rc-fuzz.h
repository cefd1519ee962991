/* rc-fuzz.h: what the libFuzzer targets share
 *
 * Each target is one fuzz-<name>.c with LLVMFuzzerTestOneInput(); this
 * makes GLib criticals and warnings fatal (a g_return_if_fail() hit is a
 * finding, as it is under G_DEBUG=fatal-warnings in the tests), splits an
 * input into a few lines of settings and a body, and checks what every
 * target expects of text it gets back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "restcall-core.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, which it declares nowhere: each target
 * defines the second, rc-fuzz.c the first. */
int   LLVMFuzzerInitialize     (int           *argc,
                                char        ***argv);
int   LLVMFuzzerTestOneInput   (const guint8  *data,
                                size_t         size);

char *rc_fuzz_take_line        (const guint8 **data,
                                gsize         *size);
void  rc_fuzz_check_text       (const char    *what,
                                const char    *text,
                                gssize         length);
void  rc_fuzz_check_round_trip (RcProject     *project);

G_END_DECLS
