/* test-names.c: free names, and the names suggested for a method
 *
 * RcNameSet hands out the name asked for, or the first numbered one that
 * is free, in linear time for many of one name; the project's APIs, an
 * API's methods and an imported document's operations all get theirs from
 * it. rc_name_suggest_method() names a method after its verb and path as
 * a person would, like the names already in its API, and free there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"

static void
test_name_set (void)
{
  g_autoptr(RcNameSet) spaced = rc_name_set_new (" ");
  g_autoptr(RcNameSet) joined = rc_name_set_new ("");
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  a = rc_name_set_add_unique (spaced, "New API");
  b = rc_name_set_add_unique (spaced, "New API");
  rc_name_set_add (spaced, "New API 3");
  c = rc_name_set_add_unique (spaced, "New API");
  g_assert_cmpstr (a, ==, "New API");
  g_assert_cmpstr (b, ==, "New API 2");
  g_assert_cmpstr (c, ==, "New API 4");
  g_assert_true (rc_name_set_contains (spaced, "New API 4"));
  g_assert_false (rc_name_set_contains (spaced, "New API 5"));

  rc_name_set_add (joined, "getPet");
  d = rc_name_set_add_unique (joined, "getPet");
  e = rc_name_set_add_unique (joined, "getPet2");
  f = rc_name_set_add_unique (joined, "getPet");
  g_assert_cmpstr (d, ==, "getPet2");
  g_assert_cmpstr (e, ==, "getPet22");
  g_assert_cmpstr (f, ==, "getPet3");
}

/* 20,000 of one name: each is numbered from where the last one stopped. */
static void
test_name_set_many (void)
{
  g_autoptr(RcNameSet) names = rc_name_set_new ("_");

  for (guint i = 1; i <= 20000; i++)
    {
      g_autofree char *name = rc_name_set_add_unique (names, "op");
      g_autofree char *expected = i == 1 ? g_strdup ("op") : g_strdup_printf ("op_%u", i);

      if (g_strcmp0 (name, expected) != 0)
        g_error ("%u: %s, not %s", i, name, expected);
    }
}

static void
test_sets_of_the_model (void)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("New API");
  g_autoptr(RcMethod) method = rc_method_new ("newMethod");
  g_autoptr(RcNameSet) apis = NULL;
  g_autoptr(RcNameSet) methods = NULL;
  g_autofree char *api_name = NULL, *method_name = NULL;

  rc_project_add_api (project, api);
  rc_api_add_method (api, method);
  apis = rc_name_set_new_for_apis (project);
  methods = rc_name_set_new_for_methods (api);
  api_name = rc_name_set_add_unique (apis, "New API");
  method_name = rc_name_set_add_unique (methods, "newMethod");
  g_assert_cmpstr (api_name, ==, "New API 2");
  g_assert_cmpstr (method_name, ==, "newMethod2");
}

static void
test_suggest (void)
{
  static const struct {
    const char *verb;
    const char *url;
    const char *name;
  } cases[] = {
    { "GET", "https://petstore.example.com/v1/pets/{petId}", "GetPet" },
    { "POST", "https://petstore.example.com/v1/pets", "CreatePet" },
    { "GET", "https://petstore.example.com/v1/pets", "ListPets" },
    { "GET", "/pets?limit={limit}", "ListPets" },
    { "PUT", "/pets/{petId}", "UpdatePet" },
    { "PATCH", "/pets/{ petId }", "UpdatePet" },
    { "DELETE", "/pets/{petId}", "DeletePet" },
    { "DELETE", "/pets", "DeletePets" },
    { "GET", "/pets/{petId}/photo", "GetPetPhoto" },
    { "GET", "/pets/{petId}/vaccinations", "ListPetVaccinations" },
    { "GET", "/users/{userId}/order-items/{itemId}", "GetUserOrderItem" },
    { "GET", "/categories/{id}", "GetCategory" },
    { "POST", "/addresses", "CreateAddress" },
    { "GET", "/status", "GetStatus" },
    { "HEAD", "/health", "CheckHealth" },
    { "OPTIONS", "/pets", "OptionsPets" },
    { "GET", "https://api.example.com", "GetRoot" },
    { "GET", "https://api.example.com/", "GetRoot" },
    { "GET", "", "GetRoot" },
    { "GET", "/café/menus", "ListMenus" },
    { "GET", "/cafés/{id}", "GetCafé" },
    { "GET", "/buses/{id}/status", "GetBusStatus" },
    { "GET", "/houses/{id}", "GetHouse" },
    { "GET", "/statuses", "ListStatuses" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = rc_name_suggest_method (cases[i].verb, cases[i].url, NULL);

      g_test_message ("%s %s → %s", cases[i].verb, cases[i].url, name);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

/* Like the API's names, and free among them. */
static void
test_suggest_in_api (void)
{
  const char *lower[] = { "listPets", "getPet", "Export", NULL };
  const char *upper[] = { "ListPets", "GetPet", NULL };
  g_autofree char *a = rc_name_suggest_method ("POST", "/pets", lower);
  g_autofree char *b = rc_name_suggest_method ("GET", "/pets/{petId}", lower);
  g_autofree char *c = rc_name_suggest_method ("GET", "/pets/{petId}", upper);
  g_autofree char *d = rc_name_suggest_method ("GET", "/pets/{id}", (const char *[]) { NULL });

  g_assert_cmpstr (a, ==, "createPet");
  g_assert_cmpstr (b, ==, "getPet2");
  g_assert_cmpstr (c, ==, "GetPet2");
  g_assert_cmpstr (d, ==, "GetPet");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/names/set", test_name_set);
  g_test_add_func ("/restcall/names/set-many", test_name_set_many);
  g_test_add_func ("/restcall/names/sets-of-the-model", test_sets_of_the_model);
  g_test_add_func ("/restcall/names/suggest", test_suggest);
  g_test_add_func ("/restcall/names/suggest-in-api", test_suggest_in_api);

  return g_test_run ();
}
