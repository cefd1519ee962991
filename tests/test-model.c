/* test-model.c: the core model: properties, notify, lists, dirty state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "restcall-core.h"

typedef struct
{
  guint count;
} Counter;

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 Counter    *counter)
{
  counter->count++;
}

static void
changed_count_cb (GObject *object,
                  Counter *counter)
{
  counter->count++;
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_pair_list (void)
{
  g_autoptr(RcPairList) list = rc_pair_list_new ();
  ItemsChanged record = { 0 };
  Counter changed = { 0 };
  RcPair *pair;

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (list, "changed", G_CALLBACK (changed_count_cb), &changed);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RC_TYPE_PAIR);

  rc_pair_list_append (list, "Accept", "application/json");
  pair = rc_pair_list_append (list, "X-Trace", "1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (changed.count, ==, 2);

  /* Header names compare without regard to case. */
  g_assert_cmpstr (rc_pair_list_lookup (list, "accept"), ==, "application/json");
  g_assert_null (rc_pair_list_lookup (list, "Missing"));

  /* Editing a pair inside the list is a change of the list. */
  rc_pair_set_value (pair, "2");
  g_assert_cmpuint (changed.count, ==, 3);
  rc_pair_set_value (pair, "2");
  g_assert_cmpuint (changed.count, ==, 3);

  rc_pair_list_set (list, "x-trace", "3");
  g_assert_cmpstr (rc_pair_get_value (pair), ==, "3");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  rc_pair_list_set (list, "New", "v");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  g_object_ref (pair);
  rc_pair_list_remove (list, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  /* A removed pair no longer reports to the list. */
  changed.count = 0;
  rc_pair_set_value (pair, "after removal");
  g_assert_cmpuint (changed.count, ==, 0);
  g_assert_finalize_object (pair);

  rc_pair_list_clear (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (record.removed, ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
}

static void
test_auth_properties (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  Counter notified = { 0 };
  Counter changed = { 0 };
  RcAuthKind kind;

  g_signal_connect (auth, "notify", G_CALLBACK (notify_count_cb), &notified);
  g_signal_connect (auth, "changed", G_CALLBACK (changed_count_cb), &changed);

  g_assert_cmpint (rc_auth_get_kind (auth), ==, RC_AUTH_KIND_NONE);
  g_assert_cmpint (rc_auth_get_client_auth (auth), ==, RC_CLIENT_AUTH_BASIC_HEADER);
  g_assert_cmpstr (rc_auth_get_secret_id (auth), ==, "");

  g_object_set (auth,
                "kind", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS,
                "client-id", "my-client",
                "token-url", "https://auth.example.com/token",
                "scopes", "read write",
                "client-auth", RC_CLIENT_AUTH_BODY,
                "basic-form", RC_BASIC_FORM_RAW,
                "username", "user",
                NULL);
  g_assert_cmpuint (notified.count, ==, 7);
  g_assert_cmpuint (changed.count, ==, 7);

  /* Setting the same values again notifies nothing. */
  g_object_set (auth,
                "kind", RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS,
                "client-id", "my-client",
                "client-auth", RC_CLIENT_AUTH_BODY,
                "basic-form", RC_BASIC_FORM_RAW,
                NULL);
  g_assert_cmpuint (notified.count, ==, 7);

  /* The token parameters are part of the auth. */
  rc_pair_list_append (rc_auth_get_token_params (auth), "audience", "https://api");
  g_assert_cmpuint (changed.count, ==, 8);

  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, "my-client");
  g_assert_cmpstr (rc_auth_get_token_url (auth), ==, "https://auth.example.com/token");
  g_assert_cmpint (rc_auth_get_basic_form (auth), ==, RC_BASIC_FORM_RAW);

  /* What the automatic form found holds for this token URL and client. */
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RAW);
  {
    g_autoptr(RcAuth) copy = rc_auth_copy (auth);

    g_assert_cmpint (rc_auth_get_remembered_basic_form (copy), ==, RC_BASIC_FORM_RAW);
    g_assert_cmpint (rc_auth_get_basic_form (copy), ==, RC_BASIC_FORM_RAW);
  }
  rc_auth_set_token_url (auth, "https://auth.example.com/token");
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_RAW);
  rc_auth_set_token_url (auth, "https://other.example.com/token");
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  rc_auth_set_remembered_basic_form (auth, RC_BASIC_FORM_RAW);
  rc_auth_set_client_id (auth, "another-client");
  g_assert_cmpint (rc_auth_get_remembered_basic_form (auth), ==, RC_BASIC_FORM_AUTO);
  rc_auth_set_client_id (auth, "my-client");
  rc_auth_set_token_url (auth, "https://auth.example.com/token");

  /* A secret reference is made once and then kept. */
  {
    g_autofree char *first = g_strdup (rc_auth_ensure_secret_id (auth));

    g_assert_true (g_uuid_string_is_valid (first));
    g_assert_cmpstr (rc_auth_ensure_secret_id (auth), ==, first);
  }

  g_assert_true (rc_auth_kind_from_string ("basic", &kind));
  g_assert_cmpint (kind, ==, RC_AUTH_KIND_BASIC);
  g_assert_false (rc_auth_kind_from_string ("digest", &kind));
  for (kind = RC_AUTH_KIND_NONE; kind <= RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS; kind++)
    {
      RcAuthKind back;

      g_assert_true (rc_auth_kind_from_string (rc_auth_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
      g_assert_nonnull (rc_auth_kind_get_label (kind));
    }
}

static void
test_auth_copy (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_autoptr(RcAuth) copy = NULL;

  rc_auth_set_kind (auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (auth, "id");
  rc_auth_set_scopes (auth, "a b");
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_BODY);
  rc_auth_set_secret_id (auth, "ref");
  rc_pair_list_append (rc_auth_get_token_params (auth), "resource", "r1");
  rc_pair_list_append (rc_auth_get_token_params (auth), "resource", "r2");

  copy = rc_auth_copy (auth);
  g_assert_true (copy != auth);
  g_assert_cmpint (rc_auth_get_kind (copy), ==, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  g_assert_cmpstr (rc_auth_get_client_id (copy), ==, "id");
  g_assert_cmpstr (rc_auth_get_scopes (copy), ==, "a b");
  g_assert_cmpint (rc_auth_get_client_auth (copy), ==, RC_CLIENT_AUTH_BODY);
  g_assert_cmpstr (rc_auth_get_secret_id (copy), ==, "ref");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rc_auth_get_token_params (copy))), ==,
                    2);

  /* The copy is independent. */
  rc_auth_set_client_id (copy, "other");
  g_assert_cmpstr (rc_auth_get_client_id (auth), ==, "id");
}

static void
test_scope_list (void)
{
  g_autoptr(RcAuth) auth = rc_auth_new ();
  g_auto(GStrv) scopes = NULL;
  g_auto(GStrv) none = NULL;
  const char * const expected[] = { "read", "write", "admin:all", NULL };

  rc_auth_set_scopes (auth, "  read write\tadmin:all  ");
  scopes = rc_auth_dup_scope_list (auth);
  g_assert_cmpstrv (scopes, expected);

  rc_auth_set_scopes (auth, NULL);
  g_assert_cmpstr (rc_auth_get_scopes (auth), ==, "");
  none = rc_auth_dup_scope_list (auth);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_method_properties (void)
{
  g_autoptr(RcMethod) method = rc_method_new ("getPet");
  Counter notified = { 0 };
  Counter changed = { 0 };

  g_assert_cmpstr (rc_method_get_name (method), ==, "getPet");
  g_assert_cmpstr (rc_method_get_verb (method), ==, "GET");
  g_assert_true (g_uuid_string_is_valid (rc_method_get_id (method)));
  g_assert_null (rc_method_get_auth (method));
  g_assert_null (rc_method_get_api (method));

  g_signal_connect (method, "notify", G_CALLBACK (notify_count_cb), &notified);
  g_signal_connect (method, "changed", G_CALLBACK (changed_count_cb), &changed);

  rc_method_set_verb (method, "post");
  g_assert_cmpstr (rc_method_get_verb (method), ==, "POST");
  rc_method_set_verb (method, "POST");
  g_assert_cmpuint (notified.count, ==, 1);

  g_object_set (method,
                "url", "/pets/{petId}",
                "body", "{}",
                "content-type", "application/json",
                "description", "Get one pet",
                NULL);
  g_assert_cmpuint (notified.count, ==, 5);
  g_assert_cmpuint (changed.count, ==, 5);

  rc_pair_list_append (rc_method_get_headers (method), "X-A", "1");
  rc_pair_list_append (rc_method_get_test_values (method), "petId", "42");
  g_assert_cmpuint (changed.count, ==, 7);
  g_assert_cmpuint (notified.count, ==, 5);

  /* Parameters are optional until marked as required; marking them is a
   * change, marking them the same again is not. */
  g_assert_cmpstrv (rc_method_get_required_parameters (method), ((const char *[]) { NULL }));
  g_assert_false (rc_method_is_parameter_required (method, "petId"));
  rc_method_set_required_parameters (method, (const char *[]) { "petId", NULL });
  g_assert_true (rc_method_is_parameter_required (method, "petId"));
  g_assert_false (rc_method_is_parameter_required (method, "q"));
  rc_method_set_required_parameters (method, (const char *[]) { "petId", NULL });
  g_assert_cmpuint (notified.count, ==, 6);
  g_assert_cmpuint (changed.count, ==, 8);
  rc_method_set_required_parameters (method, NULL);
  g_assert_false (rc_method_is_parameter_required (method, "petId"));
  g_assert_cmpuint (changed.count, ==, 9);
}

static void
test_method_effective_auth (void)
{
  g_autoptr(RcApi) api = rc_api_new ("Petstore");
  g_autoptr(RcMethod) method = rc_method_new ("listPets");
  g_autoptr(RcAuth) own = rc_auth_new ();
  Counter api_changed = { 0 };

  g_assert_null (rc_method_get_effective_auth (method));

  rc_api_add_method (api, method);
  g_assert_true (rc_method_get_api (method) == api);
  g_assert_true (rc_method_get_effective_auth (method) == rc_api_get_auth (api));

  g_signal_connect (api, "changed", G_CALLBACK (changed_count_cb), &api_changed);
  rc_auth_set_kind (own, RC_AUTH_KIND_BASIC);
  rc_method_set_auth (method, own);
  g_assert_true (rc_method_get_effective_auth (method) == own);
  g_assert_cmpuint (api_changed.count, ==, 1);

  /* Editing the method's own auth is a change of the API. */
  rc_auth_set_username (own, "bob");
  g_assert_cmpuint (api_changed.count, ==, 2);

  rc_method_set_auth (method, NULL);
  g_assert_true (rc_method_get_effective_auth (method) == rc_api_get_auth (api));
  rc_auth_set_username (own, "alice");
  g_assert_cmpuint (api_changed.count, ==, 3);

  rc_api_remove_method (api, method);
  g_assert_null (rc_method_get_api (method));
}

static void
test_api_methods (void)
{
  g_autoptr(RcApi) api = rc_api_new ("A");
  g_autoptr(RcApi) other = rc_api_new ("B");
  g_autoptr(RcMethod) first = rc_method_new ("first");
  g_autoptr(RcMethod) second = rc_method_new ("second");
  ItemsChanged record = { 0 };
  GListModel *methods = rc_api_get_methods (api);

  g_signal_connect (methods, "items-changed", G_CALLBACK (items_changed_cb), &record);

  rc_api_add_method (api, second);
  rc_api_insert_method (api, 0, first);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_true (rc_api_get_method (api, 0) == first);
  g_assert_true (rc_api_get_method (api, 1) == second);
  g_assert_true (rc_api_find_method (api, "second") == second);
  g_assert_null (rc_api_find_method (api, "third"));

  /* Adding a method to another API moves it. */
  rc_api_add_method (other, first);
  g_assert_cmpuint (rc_api_get_n_methods (api), ==, 1);
  g_assert_cmpuint (rc_api_get_n_methods (other), ==, 1);
  g_assert_true (rc_method_get_api (first) == other);
  g_assert_cmpuint (record.removed, ==, 1);
}

/* Variables given to a project: a new environment when it has none, else
 * those each one lacks, never a value changed. */
static void
test_project_add_variables (void)
{
  g_autoptr(RcProject) empty = rc_project_new ();
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcEnvironment) dev = rc_environment_new ("Dev");
  g_autoptr(RcEnvironment) prod = rc_environment_new ("Prod");
  g_autoptr(RcVariable) dev_region = rc_variable_new ("region", "local");
  g_autoptr(RcVariable) secret = rc_variable_new_secret ("basePath");
  g_autoptr(GPtrArray) variables = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  const char * const choices[] = { "eu", "us", NULL };
  RcEnvironment *made;
  RcVariable *variable;

  g_ptr_array_add (variables, rc_variable_new ("region", "eu"));
  rc_variable_set_choices (variables->pdata[0], choices);
  g_ptr_array_add (variables, rc_variable_new ("basePath", "v1"));

  /* None: one environment, made active, with copies of them. */
  made = rc_project_add_variables (empty, variables, "Production");
  g_assert_nonnull (made);
  g_assert_cmpuint (rc_project_get_n_environments (empty), ==, 1);
  g_assert_true (rc_project_get_active_environment (empty) == made);
  g_assert_cmpstr (rc_environment_get_name (made), ==, "Production");
  g_assert_cmpuint (rc_environment_get_n_variables (made), ==, 2);
  variable = rc_environment_get_variable (made, 0);
  g_assert_true (variable != variables->pdata[0]);
  g_assert_cmpstr (rc_variable_get_name (variable), ==, "region");
  g_assert_cmpstr (rc_variable_get_value (variable), ==, "eu");
  g_assert_cmpstrv (rc_variable_get_choices (variable), choices);
  g_assert_cmpstr (rc_variable_get_value (rc_environment_get_variable (made, 1)), ==, "v1");
  g_assert_true (rc_project_get_dirty (empty));

  /* Some: each gets what it lacks; what it has stays as it is. */
  rc_environment_add_variable (dev, dev_region);
  rc_environment_add_variable (prod, secret);
  rc_project_add_environment (project, dev);
  rc_project_add_environment (project, prod);
  rc_project_set_active_environment (project, prod);
  rc_project_set_dirty (project, FALSE);
  g_assert_null (rc_project_add_variables (project, variables, "Production"));
  g_assert_cmpuint (rc_project_get_n_environments (project), ==, 2);
  g_assert_true (rc_project_get_active_environment (project) == prod);
  g_assert_true (rc_project_get_dirty (project));
  g_assert_true (rc_environment_find_variable (dev, "region") == dev_region);
  g_assert_cmpstr (rc_variable_get_value (dev_region), ==, "local");
  g_assert_cmpstrv (rc_variable_get_choices (dev_region), ((const char * const[]) { NULL }));
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (dev, "basePath")), ==,
                   "v1");
  g_assert_true (rc_environment_find_variable (prod, "basePath") == secret);
  g_assert_true (rc_variable_get_secret (secret));
  g_assert_cmpstr (rc_variable_get_value (rc_environment_find_variable (prod, "region")), ==,
                   "eu");
  g_assert_cmpuint (rc_environment_get_n_variables (dev), ==, 2);
  g_assert_cmpuint (rc_environment_get_n_variables (prod), ==, 2);

  /* Nothing to add: no environment made. */
  rc_project_set_dirty (project, FALSE);
  g_assert_null (rc_project_add_variables (project, variables, "Production"));
  g_assert_false (rc_project_get_dirty (project));
  g_clear_object (&empty);
  empty = rc_project_new ();
  g_assert_null (rc_project_add_variables (empty, none, "Production"));
  g_assert_cmpuint (rc_project_get_n_environments (empty), ==, 0);
}

static void
test_project_dirty (void)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) api = rc_api_new ("Petstore");
  g_autoptr(RcMethod) method = rc_method_new ("getPet");
  Counter dirty_notified = { 0 };
  RcPair *pair;

  g_assert_false (rc_project_get_dirty (project));
  g_signal_connect (project, "notify::dirty", G_CALLBACK (notify_count_cb), &dirty_notified);

  rc_project_add_api (project, api);
  g_assert_true (rc_project_get_dirty (project));
  g_assert_cmpuint (dirty_notified.count, ==, 1);

  /* Each level of the tree reaches the project. */
  rc_project_set_dirty (project, FALSE);
  rc_api_set_base_url (api, "https://petstore.example.com");
  g_assert_true (rc_project_get_dirty (project));

  rc_project_set_dirty (project, FALSE);
  rc_api_add_method (api, method);
  g_assert_true (rc_project_get_dirty (project));

  rc_project_set_dirty (project, FALSE);
  rc_method_set_url (method, "/pets/{id}");
  g_assert_true (rc_project_get_dirty (project));

  rc_project_set_dirty (project, FALSE);
  rc_pair_list_append (rc_method_get_test_values (method), "id", "1");
  g_assert_true (rc_project_get_dirty (project));

  rc_project_set_dirty (project, FALSE);
  rc_pair_list_append (rc_auth_get_token_params (rc_api_get_auth (api)), "audience", "x");
  g_assert_true (rc_project_get_dirty (project));

  pair = rc_pair_list_append (rc_api_get_headers (api), "Accept", "*/*");
  rc_project_set_dirty (project, FALSE);
  rc_pair_set_value (pair, "text/plain");
  g_assert_true (rc_project_get_dirty (project));

  /* Removed parts no longer dirty the project. */
  rc_api_remove_method (api, method);
  rc_project_set_dirty (project, FALSE);
  rc_method_set_url (method, "/elsewhere");
  g_assert_false (rc_project_get_dirty (project));

  rc_project_remove_api (project, api);
  g_assert_true (rc_project_get_dirty (project));
  rc_project_set_dirty (project, FALSE);
  rc_api_set_name (api, "Gone");
  g_assert_false (rc_project_get_dirty (project));
}

static void
test_project_list_model (void)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(RcApi) a = rc_api_new ("A");
  g_autoptr(RcApi) b = rc_api_new ("B");
  g_autoptr(RcApi) item = NULL;
  ItemsChanged record = { 0 };

  g_signal_connect (project, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (project)) == RC_TYPE_API);

  rc_project_add_api (project, a);
  rc_project_add_api (project, b);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (project)), ==, 2);

  item = g_list_model_get_item (G_LIST_MODEL (project), 1);
  g_assert_true (item == b);
  g_assert_true (rc_project_find_api (project, "A") == a);

  rc_project_remove_api (project, a);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (rc_project_get_n_apis (project), ==, 1);
}

static void
test_project_title (void)
{
  g_autoptr(RcProject) project = rc_project_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/some/where/apis.restcall");
  g_autofree char *untitled = rc_project_dup_title (project);
  g_autofree char *title = NULL;
  Counter title_notified = { 0 };

  g_assert_cmpstr (untitled, ==, "Untitled Project");

  g_signal_connect (project, "notify::title", G_CALLBACK (notify_count_cb), &title_notified);
  rc_project_set_file (project, file);
  title = rc_project_dup_title (project);
  g_assert_cmpstr (title, ==, "apis.restcall");
  g_assert_cmpuint (title_notified.count, ==, 1);

  /* An equal file is no change. */
  {
    g_autoptr(GFile) same = g_file_new_for_path ("/tmp/some/where/apis.restcall");

    rc_project_set_file (project, same);
    g_assert_cmpuint (title_notified.count, ==, 1);
  }
}

static void
test_finalize (void)
{
  RcProject *project = rc_project_new ();
  RcApi *api = rc_api_new ("A");
  RcMethod *method = rc_method_new ("m");
  RcAuth *auth = rc_auth_new ();

  rc_method_set_auth (method, auth);
  rc_api_add_method (api, method);
  rc_project_add_api (project, api);

  g_object_add_weak_pointer (G_OBJECT (api), (gpointer *)&api);
  g_object_add_weak_pointer (G_OBJECT (method), (gpointer *)&method);
  g_object_add_weak_pointer (G_OBJECT (auth), (gpointer *)&auth);
  g_object_unref (api);
  g_object_unref (method);
  g_object_unref (auth);

  /* The project holds the whole tree, and releases all of it. */
  g_assert_nonnull (api);
  g_assert_nonnull (method);
  g_assert_finalize_object (project);
  g_assert_null (api);
  g_assert_null (method);
  g_assert_null (auth);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/model/pair-list", test_pair_list);
  g_test_add_func ("/restcall/model/auth-properties", test_auth_properties);
  g_test_add_func ("/restcall/model/auth-copy", test_auth_copy);
  g_test_add_func ("/restcall/model/scope-list", test_scope_list);
  g_test_add_func ("/restcall/model/method-properties", test_method_properties);
  g_test_add_func ("/restcall/model/method-effective-auth", test_method_effective_auth);
  g_test_add_func ("/restcall/model/api-methods", test_api_methods);
  g_test_add_func ("/restcall/model/project-dirty", test_project_dirty);
  g_test_add_func ("/restcall/model/project-add-variables", test_project_add_variables);
  g_test_add_func ("/restcall/model/project-list-model", test_project_list_model);
  g_test_add_func ("/restcall/model/project-title", test_project_title);
  g_test_add_func ("/restcall/model/finalize", test_finalize);

  return g_test_run ();
}
