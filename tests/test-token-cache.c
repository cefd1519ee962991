/* test-token-cache.c: single-flight token requests and cancellation
 *
 * Against a scripted token endpoint on 127.0.0.1 that can hold its answers
 * back: callers of the same credentials share one request; a request all
 * of whose callers cancelled leaves the cache, so that a caller who comes
 * before it ends gets a request (and a token) of its own, never the old
 * request's cancellation, and its token is the one cached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "restcall-core.h"
#include "rc-test-server.h"

typedef struct
{
  RcTestServer *server;
  SoupSession  *session;
  RcTokenCache *cache;
  RcAuth       *auth;
  guint         n_tokens;  /* tokens issued: "token-1", "token-2"… */
  guint         n_hold;    /* hold back the answers to the first N requests */
  GPtrArray    *held;      /* SoupServerMessage, answered but held back */
  guint64       written;   /* body bytes the hostile handler sent */
} Fixture;

typedef struct
{
  gboolean  done;
  RcToken  *token;
  GError   *error;
} Got;

static void
got_clear (Got *got)
{
  g_clear_object (&got->token);
  g_clear_error (&got->error);
  got->done = FALSE;
}

static void
handler (RcTestServer      *server,
         SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  g_autofree char *body =
    g_strdup_printf ("{\"access_token\":\"token-%u\",\"token_type\":\"Bearer\","
                     "\"expires_in\":3600}",
                     ++fixture->n_tokens);

  rc_test_respond (message, 200, "application/json", body);
  if (fixture->n_tokens <= fixture->n_hold)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->held, g_object_ref (message));
    }
}

static void
release_held (Fixture *fixture)
{
  for (guint i = 0; i < fixture->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->held, i));
  g_ptr_array_set_size (fixture->held, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token_url = NULL;

  fixture->server = rc_test_server_new (FALSE);
  fixture->server->handler = handler;
  fixture->server->handler_data = fixture;
  fixture->held = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->session = soup_session_new ();
  fixture->cache = rc_token_cache_new (fixture->session);

  token_url = rc_test_server_url (fixture->server, "/token");
  fixture->auth = rc_auth_new ();
  rc_auth_set_kind (fixture->auth, RC_AUTH_KIND_OAUTH2_CLIENT_CREDENTIALS);
  rc_auth_set_client_id (fixture->auth, "client");
  rc_auth_set_token_url (fixture->auth, token_url);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  release_held (fixture);
  g_clear_object (&fixture->auth);
  g_assert_finalize_object (fixture->cache);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->held, g_ptr_array_unref);
  g_clear_pointer (&fixture->server, rc_test_server_free);
}

static void
got_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Got *got = user_data;

  got->token = rc_token_cache_get_token_finish (RC_TOKEN_CACHE (object), result, NULL, &got->error);
  got->done = TRUE;
}

static void
get_token (Fixture      *fixture,
           GCancellable *cancellable,
           Got          *got)
{
  got_clear (got);
  rc_token_cache_get_token_async (fixture->cache, fixture->auth, "secret", NULL, cancellable,
                                  got_cb, got);
}

static gboolean
has_requests (Fixture *fixture,
              guint    n)
{
  return fixture->server->requests->len >= n;
}

static void
wait_for_requests (Fixture *fixture,
                   guint    n)
{
  gboolean done = has_requests (fixture, n);

  while (!done)
    {
      g_main_context_iteration (NULL, TRUE);
      done = has_requests (fixture, n);
    }
}

/* Callers together: one request, one token for all. */
static void
test_single_flight (Fixture       *fixture,
                    gconstpointer  data)
{
  Got got[3] = { { 0 } };

  fixture->n_hold = 1;
  for (guint i = 0; i < G_N_ELEMENTS (got); i++)
    get_token (fixture, NULL, &got[i]);
  wait_for_requests (fixture, 1);
  release_held (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (got); i++)
    {
      rc_test_wait_for (&got[i].done, 30);
      g_assert_no_error (got[i].error);
      g_assert_cmpstr (rc_token_get_access_token (got[i].token), ==, "token-1");
      got_clear (&got[i]);
    }
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 1);
}

typedef struct
{
  Fixture *fixture;
  Got     *got;
  Got     *next;
} Chain;

/* When the first caller has its cancellation, a second one comes at
 * once: the cancelled request has not ended yet. */
static void
cancelled_then_ask_again_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  Chain *chain = user_data;

  got_cb (object, result, chain->got);
  get_token (chain->fixture, NULL, chain->next);
}

/* Every caller of a request cancelled, and a new caller before that
 * request ended: the new caller gets its own request's token, not the old
 * request's cancellation (it did), and that token is the cached one. */
static void
test_cancelled_request_not_joined (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Got first = { 0 };
  Got second = { 0 };
  Chain chain = { fixture, &first, &second };

  fixture->n_hold = 1;
  rc_token_cache_get_token_async (fixture->cache, fixture->auth, "secret", NULL, cancellable,
                                  cancelled_then_ask_again_cb, &chain);
  wait_for_requests (fixture, 1);

  g_cancellable_cancel (cancellable);
  rc_test_wait_for (&first.done, 30);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (first.token);

  rc_test_wait_for (&second.done, 30);
  g_assert_no_error (second.error);
  g_assert_cmpstr (rc_token_get_access_token (second.token), ==, "token-2");
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 2);
  g_assert_true (rc_token_cache_lookup (fixture->cache, fixture->auth) == second.token);


  got_clear (&first);
  got_clear (&second);
}

/* One caller of two cancels: the request goes on for the other. */
static void
test_one_waiter_cancels (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Got quitter = { 0 };
  Got stayer = { 0 };

  fixture->n_hold = 1;
  get_token (fixture, cancellable, &quitter);
  get_token (fixture, NULL, &stayer);
  wait_for_requests (fixture, 1);

  g_cancellable_cancel (cancellable);
  rc_test_wait_for (&quitter.done, 30);
  g_assert_error (quitter.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  release_held (fixture);
  rc_test_wait_for (&stayer.done, 30);
  g_assert_no_error (stayer.error);
  g_assert_cmpstr (rc_token_get_access_token (stayer.token), ==, "token-1");
  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 1);

  got_clear (&quitter);
  got_clear (&stayer);
}

/* Token responses no client should read whole, made on the fly. */
static void
hostile_handler (RcTestServer      *server,
                 SoupServerMessage *message,
                 const char        *path,
                 gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/endless"))
    /* As good as endless: 48 MiB at most, so that a client without a cap
     * ends too. */
    rc_test_respond_stream (message, 200, "application/json", 48 << 20, 0, &fixture->written);
  else
    /* 8 MiB once decompressed. */
    rc_test_respond_gzip (message, 200, "application/json", "{\"access_token\": \"", 8 << 20);
}

/* A token response is read up to 1 MiB, decompressed: past it, the
 * request fails there, naming the server and the cap, whatever the call's
 * deadline; the server sent not much more than the cap. */
static void
test_response_cap (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const paths[] = { "/endless", "/gzip-bomb" };

  fixture->server->handler = hostile_handler;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *token_url = rc_test_server_url (fixture->server, paths[i]);
      Got got = { 0 };

      rc_auth_set_token_url (fixture->auth, token_url);
      fixture->written = 0;
      get_token (fixture, NULL, &got);
      while (!got.done)
        g_main_context_iteration (NULL, TRUE);

      g_assert_error (got.error, RC_OAUTH_ERROR, RC_OAUTH_ERROR_TOO_LARGE);
      g_test_message ("%s", got.error->message);
      g_assert_nonnull (strstr (got.error->message, token_url));
      g_assert_nonnull (strstr (got.error->message, "more than 1 MiB once decompressed"));
      g_assert_nonnull (strstr (got.error->message, "Check the access token URL"));
      g_assert_null (got.token);
      g_test_message ("%s: the server sent %" G_GUINT64_FORMAT " bytes", paths[i],
                      fixture->written);
      g_assert_cmpuint (fixture->written, <, 17 << 20);
      got_clear (&got);
    }

  g_assert_cmpuint (rc_token_cache_get_n_requests (fixture->cache), ==, 2);
}

/* The key tells apart the client authentications, and for private_key_jwt
 * the key that signs, and how: another key may be another client's. */
static void
test_key_identity (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RcAuth) auth = rc_auth_copy (fixture->auth);

#define ADD_KEY() g_ptr_array_add (keys, rc_token_cache_dup_key (auth))
  ADD_KEY ();
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_SECRET_JWT);
  ADD_KEY ();
  rc_auth_set_client_auth (auth, RC_CLIENT_AUTH_PRIVATE_KEY_JWT);
  rc_auth_set_secret_id (auth, "keyring-entry-1");
  ADD_KEY ();
  rc_auth_set_secret_id (auth, "keyring-entry-2");
  ADD_KEY ();
  rc_auth_set_private_key_file (auth, "/keys/a.pem");
  ADD_KEY ();
  rc_auth_set_private_key_file (auth, "/keys/b.pem");
  ADD_KEY ();
  rc_auth_set_key_id (auth, "kid-1");
  ADD_KEY ();
  rc_auth_set_jwt_alg (auth, RC_JWT_ALG_PS256);
  ADD_KEY ();
#undef ADD_KEY

  for (guint i = 0; i < keys->len; i++)
    for (guint j = i + 1; j < keys->len; j++)
      g_assert_cmpstr (g_ptr_array_index (keys, i), !=, g_ptr_array_index (keys, j));

  /* With a key file, the keyring entry plays no part. */
  {
    g_autofree char *before = rc_token_cache_dup_key (auth);
    g_autofree char *after = NULL;

    rc_auth_set_secret_id (auth, "keyring-entry-3");
    after = rc_token_cache_dup_key (auth);
    g_assert_cmpstr (before, ==, after);
  }
}

/* A lifetime is written one way everywhere: seconds under two minutes,
 * then minutes and seconds, then hours and minutes. */
static void
test_format_duration (void)
{
  static const struct {
    gint64      seconds;
    const char *text;
  } cases[] = {
    { -5, "0 s" },
    { 59, "59 s" },
    { 119, "119 s" },
    { 120, "2 min 0 s" },
    { 3567, "59 min 27 s" },
    { 3600, "1 h 0 min" },
    { 7500, "2 h 5 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rc_token_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restcall/token-cache/format-duration", test_format_duration);

#define ADD(path, func) \
  g_test_add ("/restcall/token-cache/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("single-flight", test_single_flight);
  ADD ("cancelled-request-not-joined", test_cancelled_request_not_joined);
  ADD ("one-waiter-cancels", test_one_waiter_cancels);
  ADD ("response-cap", test_response_cap);
  ADD ("key-identity", test_key_identity);

#undef ADD

  return g_test_run ();
}
