/* rc-text.h: text from elsewhere, made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RcTextFlags:
 * @RC_TEXT_ONE_LINE: line breaks and tabs become spaces, for a message
 * @RC_TEXT_MULTI_LINE: line breaks and tabs are kept (CR LF becomes LF),
 *   for a listing such as an HTTP exchange
 */
typedef enum {
  RC_TEXT_ONE_LINE   = 0,
  RC_TEXT_MULTI_LINE = 1 << 0,
} RcTextFlags;

char *rc_text_dup_printable (const char  *text,
                             gssize       length,
                             gsize        max_chars,
                             RcTextFlags  flags);
char *rc_text_dup_url       (const char  *url);
char *rc_text_dup_shell_word (const char *word);
char *rc_url_dup_without_password (const char *url);

G_END_DECLS
