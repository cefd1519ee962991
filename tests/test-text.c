/* test-text.c: text from servers and files, made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

static void
test_printable (void)
{
  struct {
    const char  *text;
    gssize       length;
    gsize        max_chars;
    RcTextFlags  flags;
    const char  *expected;
  } cases[] = {
    { "plain, “quoted” text", -1, 0, RC_TEXT_ONE_LINE, "plain, “quoted” text" },
    /* Terminal escapes: clear the screen, set the title, 8-bit CSI. */
    { "\x1b[2J\x1b]0;title\x07", -1, 0, RC_TEXT_ONE_LINE, "\\x1b[2J\\x1b]0;title\\x07" },
    { "a\xc2\x9b"
      "31mb",
      -1, 0, RC_TEXT_ONE_LINE, "a\\u009b31mb" },
    { "del\x7f", -1, 0, RC_TEXT_ONE_LINE, "del\\x7f" },
    /* Text that reads backwards, or hides. */
    { "abc\xe2\x80\xae"
      "fed",
      -1, 0, RC_TEXT_ONE_LINE, "abc\\u202efed" },
    { "x\xe2\x81\xa6y\xe2\x81\xa9", -1, 0, RC_TEXT_ONE_LINE, "x\\u2066y\\u2069" },
    /* Line breaks: spaces in a message, kept in a listing. */
    { "one\r\ntwo\nthree\tfour\rfive", -1, 0, RC_TEXT_ONE_LINE, "one two three four five" },
    { "one\r\ntwo\nthree\tfour\rfive", -1, 0, RC_TEXT_MULTI_LINE,
      "one\ntwo\nthree\tfour\\x0dfive" },
    /* Not UTF-8, and a NUL inside the length. */
    { "caf\xe9!", -1, 0, RC_TEXT_ONE_LINE, "caf\xef\xbf\xbd!" },
    { "a\0b", 3, 0, RC_TEXT_ONE_LINE, "a\\x00b" },
    { "cut\xe2\x80", 5, 0, RC_TEXT_ONE_LINE, "cut\xef\xbf\xbd\xef\xbf\xbd" },
    /* At most so many characters. */
    { "ééééé", -1, 3, RC_TEXT_ONE_LINE, "ééé…" },
    { "ééé", -1, 3, RC_TEXT_ONE_LINE, "ééé" },
    { NULL, -1, 0, RC_TEXT_ONE_LINE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *printable = rc_text_dup_printable (cases[i].text, cases[i].length,
                                                          cases[i].max_chars, cases[i].flags);
      g_autofree char *again = rc_text_dup_printable (printable, -1, 0, cases[i].flags);

      g_test_message ("case %u: %s", i, printable);
      g_assert_cmpstr (printable, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (printable, -1, NULL));
      /* Cleaning cleaned text changes nothing. */
      g_assert_cmpstr (again, ==, printable);
    }
}

static void
test_url (void)
{
  struct {
    const char *url;
    const char *expected;
  } cases[] = {
    { "https://user:hunter2@api.example.com/v1?q=1", "https://user@api.example.com/v1?q=1" },
    { "https://user:@api.example.com/", "https://user@api.example.com/" },
    { "http://u:p@ss:w@rd@127.0.0.1:8080/x", "http://u@127.0.0.1:8080/x" },
    { "HTTPS://u:p@host", "HTTPS://u@host" },
    { "  https://u:p@host/", "  https://u@host/" },
    { "u:p@host/path", "u@host/path" },
    { "ftp://u:p@files.example.com/", "ftp://u@files.example.com/" },
    /* Nothing to hide: as written. */
    { "https://token@api.example.com/", "https://token@api.example.com/" },
    { "https://api.example.com/a:b@c", "https://api.example.com/a:b@c" },
    { "https://api.example.com/?mail=a:b@c", "https://api.example.com/?mail=a:b@c" },
    { "host:8080/path", "host:8080/path" },
    { "/pets/{petId}", "/pets/{petId}" },
    { "", "" },
    /* And cleaned. */
    { "https://u:p@evil.example/\x1b[2J", "https://u@evil.example/\\x1b[2J" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rc_text_dup_url (cases[i].url);

      g_test_message ("%s → %s", cases[i].url, shown);
      g_assert_cmpstr (shown, ==, cases[i].expected);
    }

  /* As GLib writes it. */
  {
    g_autoptr(GUri) uri =
      g_uri_parse ("https://user:hunter2@api.example.com/v1", G_URI_FLAGS_HAS_PASSWORD, NULL);
    g_autofree char *glib = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
    g_autofree char *ours = rc_text_dup_url ("https://user:hunter2@api.example.com/v1");

    g_assert_cmpstr (ours, ==, glib);
  }
}

/* A name in a suggested command, quoted only when a shell needs it. */
static void
test_shell_word (void)
{
  struct {
    const char *word;
    const char *expected;
  } cases[] = {
    { "pets.restcall", "pets.restcall" },
    { "./dir/ebay-2.restcall", "./dir/ebay-2.restcall" },
    { "Browse API", "'Browse API'" },
    { "it's", "'it'\\''s'" },
    { "$HOME", "'$HOME'" },
    { "", "''" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quoted = rc_text_dup_shell_word (cases[i].word);

      g_assert_cmpstr (quoted, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/text/printable", test_printable);
  g_test_add_func ("/restcall/text/url", test_url);
  g_test_add_func ("/restcall/text/shell-word", test_shell_word);

  return g_test_run ();
}
