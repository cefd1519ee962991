/* test-body.c: response bodies made readable, off the main thread
 *
 * Pretty JSON is checked byte for byte on small documents, and on larger
 * generated ones by reading it back with json-glib and comparing trees.
 * Bodies are cut at the limit on a line or character boundary; a 20 MB
 * body is formatted in a worker thread, the main loop free meanwhile (how
 * long it ever stalls, bench/bench-body.c measures); a cancelled format
 * says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rc-test-server.h"
#include "restcall-core.h"

/* Helpers */

static RcBody *
format_string (const char *text,
               const char *content_type,
               gsize       limit)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  RcBody *body = rc_body_format (bytes, content_type, limit, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (body);
  g_assert_true (g_utf8_validate (rc_body_get_text (body), rc_body_get_length (body), NULL));
  g_assert_cmpuint (strlen (rc_body_get_text (body)), ==, rc_body_get_length (body));

  return body;
}

static JsonNode *
parse_json (const char *text,
            gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* A JSON document of about @size bytes, all on one line, with every kind
 * of value in it; the same each time. */
static GString *
make_big_json (gsize size)
{
  GString *json = g_string_sized_new (size + 1024);
  guint i = 0;

  g_string_append (json, "{\"items\":[");
  while (json->len < size)
    {
      g_string_append_printf (json,
                              "%s{\"id\":%u,\"name\":\"item \\\"%u\\\" caf\\u00e9 ☕\","
                              "\"price\":%u.%02ue-1,\"tags\":[\"a\",\"b\"],\"ok\":%s,"
                              "\"none\":null,\"empty\":{},\"list\":[]}",
                              i ? "," : "", i, i, i * 7, i % 100, i % 2 ? "true" : "false");
      i++;
    }
  g_string_append (json, "],\"count\":12345678901234567890}");

  return json;
}

static gboolean
has_result_cb (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
format_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* Tests */

static void
test_json_pretty (void)
{
  g_autoptr(RcBody) body = NULL;

  body =
    format_string (" {\"a\":1,\"b\":[true,false,null,{}],\"c\":{\"d\":\"x\\\"y\\u00e9\",\"e\":[]},"
                   "\"big\":12345678901234567890,\"f\":-1.5E+3} \r\n",
                   "application/json; charset=utf-8", 0);

  g_assert_cmpstr (rc_body_get_text (body), ==,
                   "{\n"
                   "  \"a\": 1,\n"
                   "  \"b\": [\n"
                   "    true,\n"
                   "    false,\n"
                   "    null,\n"
                   "    {}\n"
                   "  ],\n"
                   "  \"c\": {\n"
                   "    \"d\": \"x\\\"y\\u00e9\",\n"
                   "    \"e\": []\n"
                   "  },\n"
                   "  \"big\": 12345678901234567890,\n"
                   "  \"f\": -1.5E+3\n"
                   "}\n");
  g_assert_cmpstr (rc_body_get_language (body), ==, "json");
  g_assert_true (rc_body_get_reformatted (body));
  g_assert_false (rc_body_get_truncated (body));
  g_assert_false (rc_body_get_binary (body));

  g_clear_object (&body);
  body = format_string ("[ ]", "application/problem+json", 0);
  g_assert_cmpstr (rc_body_get_text (body), ==, "[]\n");

  g_clear_object (&body);
  body = format_string ("\xEF\xBB\xBF\"only a string\"", "application/json", 0);
  g_assert_cmpstr (rc_body_get_text (body), ==, "\"only a string\"\n");
}

static void
test_json_round_trip (void)
{
  g_autoptr(GString) json = make_big_json (200 * 1024);
  g_autoptr(RcBody) body = format_string (json->str, "application/json", 0);
  g_autoptr(JsonNode) before = parse_json (json->str, json->len);
  g_autoptr(JsonNode) after = parse_json (rc_body_get_text (body), rc_body_get_length (body));
  g_auto(GStrv) lines = g_strsplit (rc_body_get_text (body), "\n", -1);

  g_assert_false (rc_body_get_truncated (body));
  g_assert_true (json_node_equal (before, after));

  /* Two spaces a level, and one token (or key and value) a line. */
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      gsize indent = strspn (lines[i], " ");

      g_assert_cmpuint (indent % 2, ==, 0);
      g_assert_cmpuint (strlen (lines[i]), <, 200);
    }

  /* The number json-glib would round is as the server sent it. */
  g_assert_nonnull (strstr (rc_body_get_text (body), "\"count\": 12345678901234567890\n"));
}

static void
test_json_sniffed (void)
{
  g_autoptr(RcBody) body = NULL;

  body = format_string ("  [1,2]", NULL, 0);
  g_assert_cmpstr (rc_body_get_language (body), ==, "json");
  g_assert_cmpstr (rc_body_get_text (body), ==, "[\n  1,\n  2\n]\n");

  g_clear_object (&body);
  body = format_string ("{\"a\":1}", "text/plain", 0);
  g_assert_true (rc_body_get_reformatted (body));

  /* A content type that says something else is believed. */
  g_clear_object (&body);
  body = format_string ("{\"a\":1}", "text/css", 0);
  g_assert_null (rc_body_get_language (body));
  g_assert_false (rc_body_get_reformatted (body));
  g_assert_cmpstr (rc_body_get_text (body), ==, "{\"a\":1}");
}

static void
test_json_invalid (void)
{
  const char *broken[] = {
    "{\"a\": }", "{\"a\" 1}", "[1,]", "[1 2]", "{\"a\":1,}", "{1:2}", "[01]", "[1.]",
    "[tru]", "[\"tab\there\"]", "[\"\\x\"]", "{\"a\":1}}", "[1]]", "{\"a\":[1}", "[1] 2",
    "{", "", "[-]", "[1e]", "[nulls]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(RcBody) said = format_string (broken[i], "application/json", 0);
      g_autoptr(RcBody) sniffed = format_string (broken[i], NULL, 0);

      g_test_message ("Not JSON: %s", broken[i]);
      /* As received; highlighted as JSON only when the server said it is. */
      g_assert_cmpstr (rc_body_get_text (said), ==, broken[i]);
      g_assert_false (rc_body_get_reformatted (said));
      g_assert_cmpstr (rc_body_get_language (said), ==, "json");
      g_assert_cmpstr (rc_body_get_text (sniffed), ==, broken[i]);
      g_assert_false (rc_body_get_reformatted (sniffed));
      g_assert_null (rc_body_get_language (sniffed));
    }
}

static void
test_languages (void)
{
  struct {
    const char *text;
    const char *content_type;
    const char *language;
  } cases[] = {
    { "<a/>", "application/xml", "xml" },
    { "<a/>", "application/atom+xml; charset=utf-8", "xml" },
    { "<p>hi</p>", "text/html", "html" },
    { "<p>hi</p>", "application/xhtml+xml", "html" },
    { "<?xml version=\"1.0\"?><a/>", NULL, "xml" },
    { "\n<!DOCTYPE html><html></html>", NULL, "html" },
    { "<HTML></HTML>", "text/plain", "html" },
    { "plain words", NULL, NULL },
    { "plain words", "text/plain", NULL },
    { "<?xml version=\"1.0\"?>", "text/csv", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcBody) body = format_string (cases[i].text, cases[i].content_type, 0);

      g_assert_cmpstr (rc_body_get_language (body), ==, cases[i].language);
      g_assert_cmpstr (rc_body_get_text (body), ==, cases[i].text);
      g_assert_cmpuint (rc_body_get_size (body), ==, strlen (cases[i].text));
    }
}

static void
test_binary (void)
{
  const guchar data[] = { 0x89, 'P', 'N',  'G', 0x0d, 0x0a, 0x1a, 0x0a, 0,
                          0,    0,   0x0d, 'I', 'H',  'D',  'R',  0xff };
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcBody) body = rc_body_format (bytes, "image/png", 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (rc_body_get_binary (body));
  g_assert_null (rc_body_get_language (body));
  g_assert_cmpuint (rc_body_get_size (body), ==, sizeof data);
  g_assert_cmpstr (
    rc_body_get_text (body), ==,
    "00000000  89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52  |.PNG........IHDR|\n"
    "00000010  ff                                                |.|\n");
}

/* Whether a body is text is told by the part that can be shown (twice the
 * limit): a big text that ends in bytes that are not UTF-8 is shown as the
 * text it starts with, cut. */
static void
test_told_by_the_part_shown (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcBody) body = NULL;

  while (data->len < 4096)
    g_string_append (data, "caf\xc3\xa9 au lait\n");
  g_string_append_len (data, "\xff\xfe\x00", 3);
  bytes = g_bytes_new (data->str, data->len);

  body = rc_body_format (bytes, "text/plain", 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rc_body_get_binary (body));
  g_assert_true (rc_body_get_truncated (body));
  g_assert_true (g_str_has_prefix (rc_body_get_text (body), "café au lait\ncafé"));
  g_assert_cmpuint (rc_body_get_size (body), ==, data->len);

  /* Within the part shown, it is binary data. */
  g_clear_object (&body);
  body = rc_body_format (bytes, "text/plain", 4096, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_body_get_binary (body));
}

static char *
mask_a (const char *name,
        const char *value)
{
  return g_str_equal (name, "a") ? g_strdup ("*") : NULL;
}

/* Masked strings write less than they read: JSON read past the part
 * checked is still shown as UTF-8, what is not UTF-8 as U+FFFD. */
static void
test_masked_past_the_part_checked (void)
{
  g_autoptr(GString) data = g_string_new ("{\"a\":\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcBody) body = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_c (data, 's');
  g_string_append (data, "\",\"b\":\"\xff\"}");
  bytes = g_bytes_new (data->str, data->len);

  body = rc_body_format_masked (bytes, "application/json", 1024, mask_a, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (rc_body_get_binary (body));
  g_assert_cmpstr (rc_body_get_text (body), ==, "{\n  \"a\": \"*\",\n  \"b\": \"\xef\xbf\xbd\"\n}\n");
}

static void
test_charset (void)
{
  g_autoptr(RcBody) latin1 = format_string ("caf\xe9", "text/plain; charset=ISO-8859-1", 0);
  g_autoptr(RcBody) quoted =
    format_string ("{\"a\":\"\xe9\"}", "application/json; charset=\"latin1\"", 0);

  g_assert_false (rc_body_get_binary (latin1));
  g_assert_cmpstr (rc_body_get_text (latin1), ==, "café");
  g_assert_cmpstr (rc_body_get_text (quoted), ==, "{\n  \"a\": \"é\"\n}\n");
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(RcBody) body = rc_body_format (bytes, "application/json", 0, NULL, NULL);
  g_autoptr(RcBody) none = rc_body_format (NULL, NULL, 0, NULL, NULL);

  g_assert_cmpstr (rc_body_get_text (body), ==, "");
  g_assert_cmpuint (rc_body_get_size (body), ==, 0);
  g_assert_false (rc_body_get_truncated (body));
  g_assert_cmpstr (rc_body_get_text (none), ==, "");
}

static void
test_cut (void)
{
  g_autoptr(GString) json = make_big_json (64 * 1024);
  g_autoptr(RcBody) whole = format_string (json->str, "application/json", 0);
  g_autoptr(RcBody) cut = format_string (json->str, "application/json", 4096);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(RcBody) text_cut = NULL;
  g_autoptr(RcBody) binary_cut = NULL;
  g_autoptr(GBytes) binary = NULL;
  gboolean truncated;
  char *line;

  /* The first lines of the whole text, cut after a line. */
  g_assert_false (rc_body_get_truncated (whole));
  g_assert_true (rc_body_get_truncated (cut));
  g_assert_true (rc_body_get_reformatted (cut));
  g_assert_cmpuint (rc_body_get_length (cut), <=, 4096);
  g_assert_cmpuint (rc_body_get_length (cut), >=, 2048);
  g_assert_true (g_str_has_suffix (rc_body_get_text (cut), "\n"));
  g_assert_true (g_str_has_prefix (rc_body_get_text (whole), rc_body_get_text (cut)));

  /* A long line of two-byte characters is cut between two characters. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (words, "é");
  text_cut = format_string (words->str, "text/plain", 1001);
  g_assert_true (rc_body_get_truncated (text_cut));
  g_assert_cmpuint (rc_body_get_length (text_cut), ==, 1000);

  /* Stopped exactly at the limit, with more to come: still cut. */
  {
    g_autoptr(RcBody) exact = format_string ("[1,2,3,4,5,6,7,8,9]", "application/json", 9);

    g_assert_cmpstr (rc_body_get_text (exact), ==, "[\n  1,\n  ");
    g_assert_true (rc_body_get_truncated (exact));
  }

  line = rc_body_cut_text ("one\ntwo\nthree", 13, 13, &truncated);
  g_assert_false (truncated);
  g_assert_cmpstr (line, ==, "one\ntwo\nthree");
  g_free (line);
  line = rc_body_cut_text ("one\ntwo\nthree", 13, 10, &truncated);
  g_assert_true (truncated);
  g_assert_cmpstr (line, ==, "one\ntwo\n");
  g_free (line);

  binary = g_bytes_new_take (g_malloc0 (1024 * 1024), 1024 * 1024);
  binary_cut = rc_body_format (binary, NULL, 8192, NULL, NULL);
  g_assert_true (rc_body_get_binary (binary_cut));
  g_assert_true (rc_body_get_truncated (binary_cut));
  g_assert_cmpuint (rc_body_get_length (binary_cut), <=, 8192);
  g_assert_cmpuint (rc_body_get_length (binary_cut), >, 8192 - 100);
  g_assert_cmpuint (rc_body_get_size (binary_cut), ==, 1024 * 1024);

  /* Not even one line of the dump fits: nothing but the cut. */
  {
    g_autoptr(RcBody) tiny = rc_body_format (binary, NULL, 4, NULL, NULL);

    g_assert_cmpstr (rc_body_get_text (tiny), ==, "");
    g_assert_true (rc_body_get_truncated (tiny));
  }
}

/* 20 MB of JSON, in a worker thread: the call returns before the result,
 * the text stops at the default limit, and it is the start of the pretty
 * text. */
static void
test_big_async (void)
{
  g_autoptr(GString) json = make_big_json (20 * 1000 * 1000);
  gsize size = json->len;
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&json), FALSE), size);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcBody) body = NULL;
  g_autoptr(RcBody) head = NULL;

  rc_body_format_async (bytes, "application/json", 0, NULL, format_done_cb, &result);
  g_assert_null (result);
  g_assert_true (rc_test_wait_until (has_result_cb, &result, 60));
  body = rc_body_format_finish (result, &error);
  g_assert_no_error (error);

  g_assert_true (rc_body_get_truncated (body));
  g_assert_cmpuint (rc_body_get_size (body), ==, size);
  g_assert_cmpuint (rc_body_get_length (body), <=, RC_BODY_DEFAULT_LIMIT);
  g_assert_cmpuint (rc_body_get_length (body), >, RC_BODY_DEFAULT_LIMIT - 1024);
  g_assert_true (g_utf8_validate (rc_body_get_text (body), rc_body_get_length (body), NULL));

  /* The same lines as a smaller limit gives: the start of one text. */
  head = rc_body_format (bytes, "application/json", 64 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rc_body_get_truncated (head));
  g_assert_true (g_str_has_prefix (rc_body_get_text (body), rc_body_get_text (head)));
  g_assert_true (
    g_str_has_prefix (rc_body_get_text (body), "{\n  \"items\": [\n    {\n      \"id\": 0,\n"));
}

static void
test_cancel (void)
{
  g_autoptr(GString) json = make_big_json (2 * 1000 * 1000);
  g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcBody *body;

  g_cancellable_cancel (cancellable);
  body = rc_body_format (bytes, "application/json", 0, cancellable, &error);
  g_assert_null (body);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  rc_body_format_async (bytes, "application/json", 0, cancellable, format_done_cb, &result);
  g_assert_true (rc_test_wait_until (has_result_cb, &result, 10));
  body = rc_body_format_finish (result, &error);
  g_assert_null (body);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_file_name (void)
{
  static const struct {
    const char *url;
    const char *content_type;
    const char *data;
    const char *name;
  } cases[] = {
    /* The URL's last segment, the extension from the content type. */
    { "https://api.example.com/v1/pets/42", "application/json; charset=utf-8", "{}", "42.json" },
    { "https://api.example.com/v1/pets/", "application/problem+json", "{}", "pets.json" },
    { "https://api.example.com/v1/pets?limit=10#top", "text/csv", "id,name", "pets.csv" },
    { "https://api.example.com/feed", "application/atom+xml", "<feed/>", "feed.xml" },
    { "https://api.example.com/logo", "image/png", "\x89PNG\r\n", "logo.png" },
    { "https://api.example.com/files/report.pdf", "application/pdf", "%PDF-1.7", "report.pdf" },
    /* Unescaped, and nothing that names another folder. */
    { "https://api.example.com/a%20b", "text/html", "<html>", "a b.html" },
    { "https://api.example.com/..", "text/plain", "hi", "response.txt" },
    { "https://api.example.com/x%3Ay", "text/plain", "hi", "x-y.txt" },
    /* A name for the file chooser, which takes UTF-8 only. */
    { "https://api.example.com/caf%E9", "text/plain", "hi", "caf\uFFFD.txt" },
    /* No path at all. */
    { "https://api.example.com", "application/json", "{}", "response.json" },
    { NULL, NULL, "{}", "response.json" },
    /* The body speaks when the type says nothing precise. */
    { "https://api.example.com/pets", "text/plain", "[1, 2]", "pets.json" },
    { "https://api.example.com/pets", NULL, "<?xml version=\"1.0\"?><a/>", "pets.xml" },
    { "https://api.example.com/pets", NULL, "plain words", "pets.txt" },
    { "https://api.example.com/blob", "application/x-unknown", "\xff\xfe\x01", "blob.bin" },
    { "https://api.example.com/notes", "text/x-weird", "words", "notes.txt" },
    /* A template, as the method's URL is before it is filled in. */
    { "/pets/{petId}", "application/json", "{}", "{petId}.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = rc_body_guess_file_name (cases[i].url, cases[i].content_type,
                                                       cases[i].data, strlen (cases[i].data));

      g_test_message ("%s (%s) → %s", cases[i].url, cases[i].content_type, name);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_count_lines (void)
{
  g_autoptr(GString) big = g_string_new (NULL);

  g_assert_cmpuint (rc_body_count_lines ("", -1, 0, 100), ==, 1);
  g_assert_cmpuint (rc_body_count_lines (NULL, -1, 0, 100), ==, 1);
  g_assert_cmpuint (rc_body_count_lines ("one", -1, 0, 100), ==, 1);
  g_assert_cmpuint (rc_body_count_lines ("one\ntwo", -1, 0, 100), ==, 2);
  g_assert_cmpuint (rc_body_count_lines ("one\ntwo\n", -1, 0, 100), ==, 3);
  /* The length, not the NUL, ends the text. */
  g_assert_cmpuint (rc_body_count_lines ("one\ntwo\nthree", 7, 0, 100), ==, 2);
  /* Wrapped: 10 characters in columns of 4 take 3 lines; é is one character. */
  g_assert_cmpuint (rc_body_count_lines ("0123456789\nab", -1, 4, 100), ==, 4);
  g_assert_cmpuint (rc_body_count_lines ("éééé", -1, 4, 100), ==, 1);
  g_assert_cmpuint (rc_body_count_lines ("ééééé", -1, 4, 100), ==, 2);
  /* Stops at @max, however long the text. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (big, "line\n");
  g_assert_cmpuint (rc_body_count_lines (big->str, big->len, 0, 25), ==, 25);
  g_assert_cmpuint (rc_body_count_lines (big->str, big->len, 0, G_MAXUINT), ==, 100001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/body/json-pretty", test_json_pretty);
  g_test_add_func ("/restcall/body/json-round-trip", test_json_round_trip);
  g_test_add_func ("/restcall/body/json-sniffed", test_json_sniffed);
  g_test_add_func ("/restcall/body/json-invalid", test_json_invalid);
  g_test_add_func ("/restcall/body/languages", test_languages);
  g_test_add_func ("/restcall/body/binary", test_binary);
  g_test_add_func ("/restcall/body/told-by-the-part-shown", test_told_by_the_part_shown);
  g_test_add_func ("/restcall/body/masked-past-the-part-checked",
                   test_masked_past_the_part_checked);
  g_test_add_func ("/restcall/body/charset", test_charset);
  g_test_add_func ("/restcall/body/empty", test_empty);
  g_test_add_func ("/restcall/body/cut", test_cut);
  g_test_add_func ("/restcall/body/big-async", test_big_async);
  g_test_add_func ("/restcall/body/cancel", test_cancel);
  g_test_add_func ("/restcall/body/file-name", test_file_name);
  g_test_add_func ("/restcall/body/count-lines", test_count_lines);

  return g_test_run ();
}
