/* rc-text.c: text from elsewhere, made safe to show
 *
 * Servers, documents and project files send text that ends up in messages,
 * in the window and in a terminal: an error_description, a redirect's
 * Location, a WWW-Authenticate parameter, a header, a body. A control
 * character there could move a terminal's cursor, change its colours or
 * title, or (bidirectional overrides) show a message other than the one
 * sent. rc_text_dup_printable() is the one way such text is cleaned: every
 * control character is written as a visible escape (ESC as “\x1b”), so the
 * user still sees that it was there.
 *
 * A URL's userinfo password is never shown: rc_text_dup_url() hides it.
 * A name in a command a message suggests is quoted for a shell
 * (rc_text_dup_shell_word()), so that the command can be pasted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <string.h>

#include "rc-text.h"

/* Characters that reorder or hide text: bidirectional marks, embeddings,
 * overrides and isolates, and the Unicode line and paragraph separators. */
static gboolean
is_format_control (gunichar c)
{
  return c == 0x061c
         || c == 0x200e || c == 0x200f
         || (c >= 0x2028 && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

/**
 * rc_text_dup_printable:
 * @text: (nullable): text from a server, a document or a file
 * @length: its length in bytes, or -1 when nul-terminated
 * @max_chars: how many characters to keep at most (then “…”), or 0 for all
 *
 * Writes each C0 or C1 control character, DEL and each bidirectional
 * control as a visible escape (“\x1b”, “\u009b”, “\u202e”); line breaks
 * and tabs become spaces unless @flags has %RC_TEXT_MULTI_LINE. Bytes
 * that are not UTF-8 become U+FFFD, and a NUL within @length is escaped
 * too. Cleaning cleaned text changes nothing.
 *
 * Returns: (transfer full): the text, safe for a terminal or a label
 */
char *
rc_text_dup_printable (const char  *text,
                       gssize       length,
                       gsize        max_chars,
                       RcTextFlags  flags)
{
  gboolean multi_line = (flags & RC_TEXT_MULTI_LINE) != 0;
  const char *p, *end;
  GString *out;
  gsize n_chars = 0;
  gsize step;

  if (text == NULL)
    return g_strdup ("");

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);

  for (p = text; p < end; p += step)
    {
      guchar byte = *(const guchar *)p;
      gunichar c;

      if (max_chars > 0 && n_chars == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      n_chars++;

      /* Most text is printable ASCII, copied as it is (a 20 MB body too). */
      step = 1;
      if (byte >= 0x20 && byte < 0x7f)
        {
          g_string_append_c (out, byte);
          continue;
        }

      /* GLib takes a NUL for the end of the text: here it is a character. */
      c = byte == '\0' ? 0 : g_utf8_get_char_validated (p, end - p);
      step = g_utf8_skip[byte];

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          /* Not UTF-8: one replacement character per byte. */
          g_string_append_unichar (out, 0xfffd);
          step = 1;
        }
      else if (c == '\n' || c == '\t')
        g_string_append_c (out, multi_line ? (char)c : ' ');
      else if (c == '\r' && p + 1 < end && p[1] == '\n')
        {
          g_string_append_c (out, multi_line ? '\n' : ' ');
          step = 2;
        }
      else if (c == '\r' && !multi_line)
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c < 0xa0) || is_format_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Where the userinfo's password starts and ends in a URL, if it has one:
 * after “scheme://”, or at the start of a URL typed without a scheme
 * (“user:pass@host/…”). The userinfo ends at the authority's last “@”, so
 * a password holding a raw “@” is hidden whole. */
static gboolean
find_password (const char  *url,
               const char **start,
               const char **end)
{
  const char *scheme;
  const char *authority = url;
  const char *authority_end, *at, *colon;

  while (g_ascii_isspace (*authority))
    authority++;

  scheme = g_uri_peek_scheme (authority);
  if (scheme != NULL && strncmp (authority + strlen (scheme), "://", 3) == 0)
    authority += strlen (scheme) + 3;

  authority_end = authority + strcspn (authority, "/?#");
  at = g_strrstr_len (authority, authority_end - authority, "@");
  if (at == NULL)
    return FALSE;

  colon = memchr (authority, ':', at - authority);
  if (colon == NULL)
    return FALSE;

  *start = colon;
  *end = at;
  return TRUE;
}

/**
 * rc_text_dup_url:
 * @url: (nullable): a URL typed, read from a file or sent by a server
 *
 * Returns: (transfer full): @url for a message: without its userinfo
 *   password (“https://user@host/”, as %G_URI_HIDE_PASSWORD writes it),
 *   cleaned with rc_text_dup_printable(); otherwise as it was written
 */
char *
rc_text_dup_url (const char *url)
{
  g_autofree char *hidden = rc_url_dup_without_password (url);

  return rc_text_dup_printable (hidden, -1, 0, RC_TEXT_ONE_LINE);
}

/**
 * rc_url_dup_without_password:
 * @url: (nullable): a URL, or a URL template
 *
 * Returns: (transfer full): @url without its userinfo password
 *   (“https://user@host/”), otherwise byte for byte as it was; not cleaned
 *   for a terminal (see rc_text_dup_url())
 */
char *
rc_url_dup_without_password (const char *url)
{
  const char *start, *end;

  if (url == NULL)
    return g_strdup ("");

  if (find_password (url, &start, &end))
    return g_strdup_printf ("%.*s%s", (int)(start - url), url, end);

  return g_strdup (url);
}

/**
 * rc_text_dup_shell_word:
 * @word: an argument of a command that a message suggests
 *
 * Quotes @word for a POSIX shell with g_shell_quote(), unless it needs no
 * quotes: `Browse API` becomes `'Browse API'`, `pets.restcall` stays as
 * it is.
 *
 * Returns: (transfer full): @word as a shell reads it back
 */
char *
rc_text_dup_shell_word (const char *word)
{
  static const char safe[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+,=";

  g_return_val_if_fail (word != NULL, NULL);

  if (word[0] != '\0' && word[strspn (word, safe)] == '\0')
    return g_strdup (word);

  return g_shell_quote (word);
}
