/* test-url-template.c: {name} placeholders in a method's URL, listed and filled in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

/* The parameters as "name" for the path and "?name" for the query. */
static char **
dup_parameters (const char *url_template)
{
  g_autoptr(GArray) parameters = rc_url_template_dup_parameters (url_template);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < parameters->len; i++)
    {
      RcUrlParameter *parameter = &g_array_index (parameters, RcUrlParameter, i);
      g_autofree char *shown = g_strconcat (parameter->kind == RC_URL_PARAMETER_QUERY ? "?" : "",
                                            parameter->name, NULL);

      g_strv_builder_add (builder, shown);
    }

  return g_strv_builder_end (builder);
}

static void
test_parameters (void)
{
  struct {
    const char *url;
    const char *expected[4];
  } cases[] = {
    { "https://h/{a}/{b}/{c}", { "a", "b", "c", NULL } },
    { "/pets/{petId}?q={query}&again={petId}", { "petId", "?query", NULL } },
    { "/no/params", { NULL } },
    { "", { NULL } },
    { NULL, { NULL } },
    /* Blanks around a name are not part of it, in the path and the query. */
    { "/spaced/{ id }", { "id", NULL } },
    { "/pets?q={ id }", { "?id", NULL } },
    { "/pets?q={\tid\n}&size={size }", { "?id", "?size", NULL } },
    { "/a/{two words}", { "two words", NULL } },
    /* Not placeholders: unclosed, empty, blank, the outer of two. */
    { "/unclosed/{oops", { NULL } },
    { "/empty/{}", { NULL } },
    { "/blank/{  }/{id}", { "id", NULL } },
    { "/nested/{a{b}", { "b", NULL } },
    { "/closed/}{a}", { "a", NULL } },
    /* Duplicates: once, where first seen, path before query. */
    { "/{id}/{id}?id={id}", { "id", NULL } },
    { "/x?a={a}&b={ a }", { "?a", NULL } },
    { "/{ id }/{id}", { "id", NULL } },
    /* The query starts at the first "?" outside a placeholder. */
    { "/a/{b}?c={d}/{e}", { "b", "?d", "?e", NULL } },
    { "/{what?}/{id}", { "what?", "id", NULL } },
    { "/{a?{b}", { "?b", NULL } },
    { "https://h?{a}", { "?a", NULL } },
    { "/é/{ключ}?q={名}", { "ключ", "?名", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parameters = dup_parameters (cases[i].url);
      g_auto(GStrv) names = rc_url_template_dup_names (cases[i].url);
      g_autoptr(GStrvBuilder) expected_names = g_strv_builder_new ();
      g_auto(GStrv) expected = NULL;

      g_test_message ("URL template %s", cases[i].url);
      g_assert_cmpstrv (parameters, cases[i].expected);

      for (guint j = 0; cases[i].expected[j]; j++)
        g_strv_builder_add (expected_names,
                            cases[i].expected[j] + (cases[i].expected[j][0] == '?'));
      expected = g_strv_builder_end (expected_names);
      g_assert_cmpstrv (names, expected);
    }
}

static void
test_expand (void)
{
  g_autoptr(RcPairList) values = rc_pair_list_new ();
  struct {
    const char *url;
    const char *expected;
  } cases[] = {
    { "https://h/pets/{id}", "https://h/pets/42" },
    { "https://h/pets/{ id }?again={id}", "https://h/pets/42?again=42" },
    /* Reserved characters stay inside their parameter. */
    { "https://h/f/{reserved}", "https://h/f/a%2Fb%3Fc%23d%26e%3Df%2Bg%25h%20i%3Aj%40k" },
    { "https://h/f?q={reserved}&x=1",
      "https://h/f?q=a%2Fb%3Fc%23d%26e%3Df%2Bg%25h%20i%3Aj%40k&x=1" },
    /* Unreserved ones are kept. */
    { "https://h/{unreserved}", "https://h/AZaz09-._~" },
    /* Outside ASCII: each byte of its UTF-8. */
    { "https://h/{accented}/{cyrillic}", "https://h/caf%C3%A9/%D0%BA%D0%BB%D1%8E%D1%87" },
    /* A value may be empty, and may look like a placeholder. */
    { "https://h/a{empty}b", "https://h/ab" },
    { "https://h/{braces}", "https://h/%7Bid%7D" },
    /* What is not a placeholder is kept as it is. */
    { "https://h/{}/{  }/{oops", "https://h/{}/{  }/{oops" },
    { "https://h/{a{id}", "https://h/{a42" },
    { "https://h/x", "https://h/x" },
    { "", "" },
  };

  rc_pair_list_append (values, "id", "42");
  rc_pair_list_append (values, "reserved", "a/b?c#d&e=f+g%h i:j@k");
  rc_pair_list_append (values, "unreserved", "AZaz09-._~");
  rc_pair_list_append (values, "accented", "café");
  rc_pair_list_append (values, "cyrillic", "ключ");
  rc_pair_list_append (values, "empty", "");
  rc_pair_list_append (values, "braces", "{id}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *missing = NULL;
      g_autofree char *url = rc_url_template_expand (cases[i].url, values, NULL, &missing);

      g_test_message ("URL template %s", cases[i].url);
      g_assert_cmpstr (url, ==, cases[i].expected);
      g_assert_null (missing);
    }
}

static void
test_expand_missing (void)
{
  g_autoptr(RcPairList) values = rc_pair_list_new ();
  g_autofree char *missing = NULL;
  g_autofree char *url = NULL;

  rc_pair_list_append (values, "petId", "7");

  /* The first without a value is named, blanks trimmed. */
  url = rc_url_template_expand ("https://h/pets/{petId}/{ toyId }?q={q}", values, NULL, &missing);
  g_assert_null (url);
  g_assert_cmpstr (missing, ==, "toyId");

  /* Without a place to say which. */
  g_assert_null (rc_url_template_expand ("https://h/{q}", values, NULL, NULL));
}

/* A `key={name}` pair of the query for an optional parameter without a
 * value, or with an empty one, is left out whole; a required one is kept,
 * as is every placeholder that is not a pair's whole value. */
static void
test_expand_optional (void)
{
  struct {
    const char *url;
    const char *q, *limit, *sort;  /* NULL: no value at all */
    const char *expected;
  } cases[] = {
    { "https://h/s?q={q}&limit={limit}&sort={sort}", "", NULL, "", "https://h/s?sort=" },
    { "https://h/s?q={q}&limit={limit}&sort={sort}", "a b&c=é", "5", "",
      "https://h/s?q=a%20b%26c%3D%C3%A9&limit=5&sort=" },
    /* All gone: the "?" too, not the fragment. */
    { "https://h/s?q={q}&limit={ limit }#top", "", NULL, NULL, "https://h/s#top" },
    /* Other pairs stay as they are, empty ones too. */
    { "https://h/s?x=1&q={q}&&y={q}{q}&limit=a{limit}&{limit}#q={q}", "", "", "",
      "https://h/s?x=1&&y=&limit=a&#q=" },
    { "https://h/s?", "", "", "", "https://h/s?" },
    /* Path parameters are never left out; "?" or "&" in a name is not the query's. */
    { "https://h/s/{q}/{a?b}?{a&b}={q}", "", "", "", "https://h/s//" },
    /* Required, empty: sent empty. */
    { "https://h/s?sort={sort}", NULL, NULL, "", "https://h/s?sort=" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RcPairList) values = rc_pair_list_new ();
      g_autofree char *missing = NULL;
      g_autofree char *url = NULL;

      if (cases[i].q)
        rc_pair_list_append (values, "q", cases[i].q);
      if (cases[i].limit)
        rc_pair_list_append (values, "limit", cases[i].limit);
      if (cases[i].sort)
        rc_pair_list_append (values, "sort", cases[i].sort);
      rc_pair_list_append (values, "a?b", "");
      rc_pair_list_append (values, "a&b", "");

      g_test_message ("URL template %s", cases[i].url);
      url =
        rc_url_template_expand (cases[i].url, values, (const char *[]){ "sort", NULL }, &missing);
      g_assert_cmpstr (url, ==, cases[i].expected);
      g_assert_null (missing);
    }
}

static void
test_check (void)
{
  struct {
    const char *url;
    const char *expected;   /* a part of the sentence, or NULL when fine */
  } cases[] = {
    { "https://h/pets/{petId}?q={ q }", NULL },
    { "https://h/pets", NULL },
    { "", NULL },
    { "https://h/pets/{petId", "never closed" },
    { "https://h/pets/petId}", "closes no parameter" },
    { "https://h/pets/{a{b}", "inside another parameter" },
    { "https://h/pets/{}", "empty parameter" },
    { "https://h/pets/{ \t}", "empty parameter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = rc_url_template_check (cases[i].url);

      g_test_message ("URL template %s: %s", cases[i].url, message);
      if (cases[i].expected == NULL)
        g_assert_null (message);
      else
        g_assert_nonnull (strstr (message, cases[i].expected));
    }
}

/* A base URL and a template joined as a call joins them. */
static void
test_join (void)
{
  struct {
    const char *base;
    const char *url;
    const char *expected;
  } cases[] = {
    { "https://h/v1", "/pets/{petId}", "https://h/v1/pets/{petId}" },
    { "https://h/v1/", "pets", "https://h/v1/pets" },
    { "https://h/v1//", "//pets", "https://h/v1/pets" },
    { "https://h/v1", "/", "https://h/v1" },
    { "https://h/v1", "", "https://h/v1" },
    { "https://h/v1", "?q={q}", "https://h/v1/?q={q}" },
    /* An absolute template stands alone, with or without a base URL. */
    { "https://h/v1", "http://other/x", "http://other/x" },
    { "", "https://other/x", "https://other/x" },
    /* Relative, with no base URL: nothing to join. */
    { "", "/pets", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = rc_url_template_join (cases[i].base, cases[i].url);

      g_test_message ("%s + %s", cases[i].base, cases[i].url);
      g_assert_cmpstr (joined, ==, cases[i].expected);
    }
}

/* An absolute template under an API's base URL, and what is left of it. */
static void
test_relative (void)
{
  struct {
    const char *url;
    const char *base;
    const char *expected;   /* NULL: not under it */
  } cases[] = {
    { "https://h/v1/pets/{petId}", "https://h/v1", "/pets/{petId}" },
    { "https://h/v1/pets/{petId}", "https://h/v1/", "/pets/{petId}" },
    { "https://h/v1/pets", "https://h", "/v1/pets" },
    { "https://h/v1/pets", "https://h/", "/v1/pets" },
    { "https://h:8443/v1/pets?q={q}", "https://h:8443/v1", "/pets?q={q}" },
    { "https://h/v1", "https://h/v1", "/" },
    { "https://h/", "https://h", "/" },
    { "https://h", "https://h/", "/" },
    /* Another segment that starts alike, another origin, another port. */
    { "https://h/v10/pets", "https://h/v1", NULL },
    { "https://h.example/pets", "https://h", NULL },
    { "https://h:81/pets", "https://h:8", NULL },
    { "http://h/v1/pets", "https://h/v1", NULL },
    /* Joined again, these would ask for something else: left whole. */
    { "https://h/v1/", "https://h/v1", NULL },
    { "https://h/v1?q=1", "https://h/v1", NULL },
    /* Not absolute, or no http:// or https:// base URL. */
    { "/v1/pets", "https://h/v1", NULL },
    { "https://h/v1/pets", "", NULL },
    { "https://h/v1/pets", "/v1", NULL },
    { "ftp://h/v1/pets", "ftp://h/v1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *relative = rc_url_template_dup_relative (cases[i].url, cases[i].base);

      g_test_message ("%s under %s", cases[i].url, cases[i].base);
      g_assert_cmpstr (relative, ==, cases[i].expected);
    }
}

/* The base URL of a new API made for one method, and the method's URL
 * under it: the origin and the path up to the resource. */
static void
test_split_base (void)
{
  struct {
    const char *url;
    const char *base;       /* NULL: not split */
    const char *relative;
  } cases[] = {
    /* The resource is the last segment… */
    { "https://api.example.com/v1/pets", "https://api.example.com/v1", "/pets" },
    { "https://api.example.com/v1/me", "https://api.example.com/v1", "/me" },
    { "https://api.example.com/pets", "https://api.example.com", "/pets" },
    /* …or the collection before the first placeholder, and what follows. */
    { "https://api.example.com/v1/pets/{petId}", "https://api.example.com/v1", "/pets/{petId}" },
    { "https://api.example.com/api/v2/users/{id}/orders/{orderId}",
      "https://api.example.com/api/v2", "/users/{id}/orders/{orderId}" },
    { "https://api.example.com/pets/{petId}/photos", "https://api.example.com",
      "/pets/{petId}/photos" },
    { "https://api.example.com/{tenant}/pets", "https://api.example.com", "/{tenant}/pets" },
    { "https://api.example.com/v1/pets/x{id}", "https://api.example.com/v1", "/pets/x{id}" },
    /* The query, the fragment and a trailing slash stay with the method. */
    { "https://api.example.com/v1/pets?limit={limit}", "https://api.example.com/v1",
      "/pets?limit={limit}" },
    { "https://api.example.com/v1/pets/{petId}?a=/b/c#x/y", "https://api.example.com/v1",
      "/pets/{petId}?a=/b/c#x/y" },
    { "https://api.example.com/v1/pets/", "https://api.example.com/v1", "/pets/" },
    { "http://127.0.0.1:8080/pets/{petId}", "http://127.0.0.1:8080", "/pets/{petId}" },
    /* A “/” in a placeholder is no segment; braces that are text are none. */
    { "https://h/v1/files/{a/b}", "https://h/v1", "/files/{a/b}" },
    { "https://h/v1/x{}/y", "https://h/v1/x{}", "/y" },
    /* No path: the origin, and the method is its root. */
    { "https://api.example.com", "https://api.example.com", "/" },
    { "https://api.example.com/", "https://api.example.com", "/" },
    { "https://api.example.com?q=1", "https://api.example.com", "/?q=1" },
    /* Nothing to split. */
    { "/pets/{petId}", NULL, NULL },
    { "https://{tenant}.example.com/pets", NULL, NULL },
    { "ftp://h/v1/pets", NULL, NULL },
    { "https:///pets", NULL, NULL },
    { "https://h/v1//pets", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *base = NULL;
      g_autofree char *relative = NULL;
      gboolean split = rc_url_template_split_base (cases[i].url, &base, &relative);

      g_test_message ("%s → %s and %s", cases[i].url, base, relative);
      g_assert_cmpint (split, ==, cases[i].base != NULL);
      g_assert_cmpstr (base, ==, cases[i].base);
      g_assert_cmpstr (relative, ==, cases[i].relative);
      if (split)
        {
          g_autofree char *joined = rc_url_template_join (base, relative);
          g_autofree char *under = rc_url_template_dup_relative (cases[i].url, base);

          /* What the method is under its new API is what it was. */
          g_assert_cmpstr (under, ==, relative);
          g_assert_nonnull (joined);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/url-template/parameters", test_parameters);
  g_test_add_func ("/restcall/url-template/expand", test_expand);
  g_test_add_func ("/restcall/url-template/expand-missing", test_expand_missing);
  g_test_add_func ("/restcall/url-template/expand-optional", test_expand_optional);
  g_test_add_func ("/restcall/url-template/check", test_check);
  g_test_add_func ("/restcall/url-template/join", test_join);
  g_test_add_func ("/restcall/url-template/relative", test_relative);
  g_test_add_func ("/restcall/url-template/split-base", test_split_base);

  return g_test_run ();
}
