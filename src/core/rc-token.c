/* rc-token.c: an access token and how long it may be used
 *
 * A token whose lifetime is known is cached until shortly before it
 * expires: the safety margin is 30 s or 10 % of the lifetime, whichever is
 * smaller. Times are measured on the monotonic clock, so changing the
 * system clock neither keeps a token too long nor drops it early.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rc-token.h"

struct _RcToken
{
  GObject          parent_instance;

  char            *access_token;
  char            *scopes;
  gboolean         scopes_unsaid; /* the server did not say which it granted */
  gboolean         type_unsaid;   /* the server did not say its type: taken as Bearer */
  RcTokenLifetime  lifetime;
  gint64           obtained_at;   /* monotonic µs */
  gint64           expires_at;    /* monotonic µs, when KNOWN */
  gint64           cache_until;   /* monotonic µs, when KNOWN */
  GObject         *record;        /* RcHttpRecord: the request that got it */
};

G_DEFINE_FINAL_TYPE (RcToken, rc_token, G_TYPE_OBJECT)

static void
rc_token_finalize (GObject *object)
{
  RcToken *self = (RcToken *)object;

  /* Tokens are credentials: do not leave them in freed memory. */
  if (self->access_token)
    memset (self->access_token, 0, strlen (self->access_token));
  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->scopes, g_free);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (rc_token_parent_class)->finalize (object);
}

static void
rc_token_class_init (RcTokenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rc_token_finalize;
}

static void
rc_token_init (RcToken *self)
{
}

/**
 * rc_token_safety_margin:
 *
 * Returns: how many seconds before its expiry a token of this lifetime is
 *   dropped from the cache: 30 s or 10 %, whichever is smaller, but at
 *   least 1 s, as servers count expiry in whole seconds
 */
gint64
rc_token_safety_margin (gint64 lifetime_seconds)
{
  return MAX (1, MIN (30, lifetime_seconds / 10));
}

/**
 * rc_token_lifetime_from_seconds:
 * @seconds: how long the server says the token lasts, any number
 * @lifetime_seconds: (out): the whole seconds, for %RC_TOKEN_LIFETIME_KNOWN;
 *   0 otherwise
 *
 * Reads a lifetime as the cache uses it: less than a second (or not a
 * number) is none, more than %RC_TOKEN_MAX_LIFETIME_SECONDS is unknown.
 * Any double is fine, however large: nothing overflows.
 *
 * Returns: the kind of lifetime
 */
RcTokenLifetime
rc_token_lifetime_from_seconds (double  seconds,
                                gint64 *lifetime_seconds)
{
  *lifetime_seconds = 0;

  if (isnan (seconds) || seconds < 1)
    return RC_TOKEN_LIFETIME_NONE;

  if (seconds > RC_TOKEN_MAX_LIFETIME_SECONDS)
    return RC_TOKEN_LIFETIME_UNKNOWN;

  *lifetime_seconds = (gint64) seconds;

  return RC_TOKEN_LIFETIME_KNOWN;
}

/**
 * rc_token_new:
 * @lifetime_seconds: the lifetime, for %RC_TOKEN_LIFETIME_KNOWN; at most
 *   %RC_TOKEN_MAX_LIFETIME_SECONDS
 */
RcToken *
rc_token_new (const char      *access_token,
              const char      *scopes,
              RcTokenLifetime  lifetime,
              gint64           lifetime_seconds)
{
  RcToken *self;

  g_return_val_if_fail (access_token != NULL, NULL);

  self = g_object_new (RC_TYPE_TOKEN, NULL);
  self->access_token = g_strdup (access_token);
  self->scopes = g_strdup (scopes ? scopes : "");
  self->lifetime = lifetime;
  self->obtained_at = g_get_monotonic_time ();

  if (lifetime == RC_TOKEN_LIFETIME_KNOWN)
    {
      lifetime_seconds = CLAMP (lifetime_seconds, 0, RC_TOKEN_MAX_LIFETIME_SECONDS);
      self->expires_at = self->obtained_at + lifetime_seconds * G_USEC_PER_SEC;
      self->cache_until = self->expires_at
                          - rc_token_safety_margin (lifetime_seconds) * G_USEC_PER_SEC;
    }

  return self;
}

const char *
rc_token_get_access_token (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), NULL);

  return self->access_token;
}

/**
 * rc_token_get_scopes:
 *
 * Returns: the scopes granted, space-separated; those requested when the
 *   server did not say
 */
const char *
rc_token_get_scopes (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), NULL);

  return self->scopes;
}

/**
 * rc_token_set_scopes_unsaid:
 *
 * Marks the token's scopes as those requested: the token response did not
 * say which it granted. For the token request's reader only, before the
 * token is handed out.
 */
void
rc_token_set_scopes_unsaid (RcToken *self)
{
  g_return_if_fail (RC_IS_TOKEN (self));

  self->scopes_unsaid = TRUE;
}

/**
 * rc_token_get_scopes_unsaid:
 *
 * Returns: whether the token response did not say which scopes it granted
 *   (rc_token_get_scopes() then gives those requested)
 */
gboolean
rc_token_get_scopes_unsaid (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), FALSE);

  return self->scopes_unsaid;
}

/**
 * rc_token_set_type_unsaid:
 *
 * Marks the token as taken for a Bearer token: the token response gave no
 * token_type. For the token request's reader only, before the token is
 * handed out.
 */
void
rc_token_set_type_unsaid (RcToken *self)
{
  g_return_if_fail (RC_IS_TOKEN (self));

  self->type_unsaid = TRUE;
}

/**
 * rc_token_get_type_unsaid:
 *
 * Returns: whether the token response gave no token_type, so that the
 *   token is sent as a Bearer token on trust
 */
gboolean
rc_token_get_type_unsaid (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), FALSE);

  return self->type_unsaid;
}

RcTokenLifetime
rc_token_get_lifetime (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), RC_TOKEN_LIFETIME_NONE);

  return self->lifetime;
}

/**
 * rc_token_get_expires_in:
 *
 * Returns: whole seconds until the token expires (0 once expired), or -1
 *   when its lifetime is not known
 */
gint64
rc_token_get_expires_in (RcToken *self)
{
  gint64 left;

  g_return_val_if_fail (RC_IS_TOKEN (self), -1);

  if (self->lifetime != RC_TOKEN_LIFETIME_KNOWN)
    return -1;

  left = self->expires_at - g_get_monotonic_time ();

  return MAX (0, left / G_USEC_PER_SEC);
}

gboolean
rc_token_is_cacheable (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), FALSE);

  return self->lifetime != RC_TOKEN_LIFETIME_NONE;
}

/**
 * rc_token_is_fresh:
 *
 * Returns: %TRUE while the cache may hand the token out: a token of
 *   unknown lifetime stays fresh until it is dropped after a 401
 */
gboolean
rc_token_is_fresh (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), FALSE);

  switch (self->lifetime)
    {
    case RC_TOKEN_LIFETIME_KNOWN:
      return g_get_monotonic_time () < self->cache_until;

    case RC_TOKEN_LIFETIME_UNKNOWN:
      return TRUE;

    case RC_TOKEN_LIFETIME_NONE:
    default:
      return FALSE;
    }
}

/**
 * rc_token_get_cache_until:
 *
 * Returns: the monotonic time (µs) the cache keeps the token until, or 0
 *   when the lifetime is not known
 */
gint64
rc_token_get_cache_until (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), 0);

  return self->cache_until;
}

/**
 * rc_token_get_record:
 *
 * Returns: (transfer none) (nullable) (type RcHttpRecord): the token
 *   request (and response) that obtained the token, when the token cache
 *   made it
 */
GObject *
rc_token_get_record (RcToken *self)
{
  g_return_val_if_fail (RC_IS_TOKEN (self), NULL);

  return self->record;
}

/**
 * rc_token_set_record:
 * @record: (nullable) (type RcHttpRecord): the token request that
 *   obtained the token
 */
void
rc_token_set_record (RcToken *self,
                     GObject *record)
{
  g_return_if_fail (RC_IS_TOKEN (self));

  g_set_object (&self->record, record);
}

/**
 * rc_token_format_duration:
 * @seconds: a lifetime, or what is left of one
 *
 * How a token's lifetime is written everywhere, in the window and on the
 * command line: "59 s", "4 min 10 s", "2 h 5 min".
 *
 * Returns: (transfer full): the duration
 */
char *
rc_token_format_duration (gint64 seconds)
{
  seconds = MAX (seconds, 0);

  if (seconds < 120)
    /* Translators: a duration in seconds, as in “Valid for 59 s” */
    return g_strdup_printf (_("%d s"), (int) seconds);

  if (seconds < 3600)
    /* Translators: a duration in minutes and seconds, as in “Valid for 4 min 10 s” */
    return g_strdup_printf (_("%d min %d s"), (int) (seconds / 60), (int) (seconds % 60));

  /* Translators: a duration in hours and minutes, as in “Valid for 2 h 5 min” */
  return g_strdup_printf (_("%d h %d min"), (int) (seconds / 3600), (int) (seconds % 3600 / 60));
}
