/* rc-cli-output.c: what the commands print: aligned listings and JSON
 *
 * A listing is a column of “Label: value” rows under headings, every value
 * starting in the same column, as `git config -l` and `nmcli` print
 * settings; a value of several lines goes on under the first. Everything
 * from a file, a document or a server is cleaned for the terminal
 * (rc_text_dup_printable(): a control character shows as “\x1b”), and a
 * URL shows without its password. An authentication is listed the same
 * way by `show` and `auth`, its secret only as stored or not.
 *
 * JSON goes through rc_json_write(), pretty-printed with two spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-cli-output.h"

typedef struct
{
  guint  indent;
  char  *label;   /* NULL for a heading */
  char  *value;   /* cleaned, lines separated by \n */
} Row;

struct _RcCliListing
{
  GArray *rows;
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->label);
  g_free (row->value);
}

RcCliListing *
rc_cli_listing_new (void)
{
  RcCliListing *self = g_new0 (RcCliListing, 1);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);

  return self;
}

void
rc_cli_listing_free (RcCliListing *self)
{
  g_array_unref (self->rows);
  g_free (self);
}

static void
append (RcCliListing *self,
        guint         indent,
        const char   *label,
        char         *value)
{
  Row row = { indent, g_strdup (label), value };

  g_array_append_val (self->rows, row);
}

/* Each line cleaned on its own: a line break stays one, under the first. */
static char *
dup_printable_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = rc_text_dup_printable (lines[i], -1, 0, RC_TEXT_ONE_LINE);

      g_free (lines[i]);
      lines[i] = line;
    }

  return g_strjoinv ("\n", lines);
}

/**
 * rc_cli_listing_add_heading:
 *
 * Adds a line of its own, such as an API's name; an empty @text is an
 * empty line.
 */
void
rc_cli_listing_add_heading (RcCliListing *self,
                            guint         indent,
                            const char   *text)
{
  append (self, indent, NULL, rc_text_dup_printable (text, -1, 0, RC_TEXT_ONE_LINE));
}

void
rc_cli_listing_add (RcCliListing *self,
                    guint         indent,
                    const char   *label,
                    const char   *value)
{
  append (self, indent, label, dup_printable_lines (value));
}

/* The URL without its password. */
void
rc_cli_listing_add_url (RcCliListing *self,
                        guint         indent,
                        const char   *label,
                        const char   *url)
{
  append (self, indent, label, rc_text_dup_url (url));
}

/**
 * rc_cli_listing_add_pairs:
 * @separator: what goes between a name and its value: ": " for headers,
 *   "=" for parameters and test values
 *
 * Adds one line per pair, or “none”. The credentials of an Authorization
 * header are masked, as the inspector masks them.
 */
void
rc_cli_listing_add_pairs (RcCliListing *self,
                          guint         indent,
                          const char   *label,
                          RcPairList   *pairs,
                          const char   *separator)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (pairs));
  g_autoptr(GString) text = g_string_new (NULL);

  if (n_items == 0)
    {
      rc_cli_listing_add (self, indent, label, _("none"));
      return;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (G_LIST_MODEL (pairs), i);
      g_autofree char *masked = rc_mask_header_value (rc_pair_get_name (pair),
                                                      rc_pair_get_value (pair));
      g_autofree char *name = rc_text_dup_printable (rc_pair_get_name (pair), -1, 0,
                                                     RC_TEXT_ONE_LINE);
      g_autofree char *value = rc_text_dup_printable (masked ? masked : rc_pair_get_value (pair),
                                                      -1, 0, RC_TEXT_ONE_LINE);

      g_string_append_printf (text, "%s%s%s%s", i ? "\n" : "", name, separator, value);
    }

  append (self, indent, label, g_string_free (g_steal_pointer (&text), FALSE));
}

static const char *
or_not_set (const char *value)
{
  return value && value[0] ? value : _("(not set)");
}

/**
 * rc_cli_listing_add_auth:
 * @secret_state: (nullable): whether its secret is stored, in words; %NULL
 *   for an authentication without a secret
 *
 * Adds the settings of @auth, all but its type (the caller's first row),
 * and whether its secret is stored, never the secret.
 */
void
rc_cli_listing_add_auth (RcCliListing *self,
                         guint         indent,
                         RcAuth       *auth,
                         const char   *secret_state)
{
  RcAuthKind kind = rc_auth_get_kind (auth);
  RcClientAuth client_auth = rc_auth_get_client_auth (auth);

  if (kind == RC_AUTH_KIND_NONE)
    return;

  if (kind == RC_AUTH_KIND_BASIC)
    rc_cli_listing_add (self, indent, _("User name"), or_not_set (rc_auth_get_username (auth)));
  else
    {
      rc_cli_listing_add (self, indent, _("Client ID"), or_not_set (rc_auth_get_client_id (auth)));
      rc_cli_listing_add_url (self, indent, _("Access token URL"),
                              or_not_set (rc_auth_get_token_url (auth)));
      rc_cli_listing_add (self, indent, _("Scopes"), or_not_set (rc_auth_get_scopes (auth)));
      rc_cli_listing_add (self, indent, _("Client authentication"),
                          rc_client_auth_to_string (client_auth));
      if (client_auth == RC_CLIENT_AUTH_TLS)
        rc_cli_listing_add (self, indent, _("Client certificate"),
                            or_not_set (rc_auth_get_client_cert_file (auth)));
      if (client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT || client_auth == RC_CLIENT_AUTH_TLS)
        rc_cli_listing_add (self, indent, _("Private key"),
                            rc_auth_secret_holds_key (auth) ? _("in the keyring")
                                                            : rc_auth_get_private_key_file (auth));
      if (client_auth == RC_CLIENT_AUTH_PRIVATE_KEY_JWT)
        {
          rc_cli_listing_add (self, indent, _("Key ID"), or_not_set (rc_auth_get_key_id (auth)));
          rc_cli_listing_add (self, indent, _("Signing algorithm"),
                              rc_jwt_alg_to_string (rc_auth_get_jwt_alg (auth)));
        }
      if (!rc_oauth_client_auth_is_jwt (client_auth) && client_auth != RC_CLIENT_AUTH_TLS)
        rc_cli_listing_add (self, indent, _("Basic form"),
                            rc_basic_form_to_string (rc_auth_get_basic_form (auth)));
      if (rc_auth_get_remembered_basic_form (auth) == RC_BASIC_FORM_RAW)
        rc_cli_listing_add (self, indent, _("Found"),
                            _("this server compares the credentials unencoded"));
      else if (rc_auth_get_remembered_basic_form (auth) == RC_BASIC_FORM_RFC)
        rc_cli_listing_add (self, indent, _("Found"),
                            _("this server decodes the credentials, as RFC 6749 asks"));
      rc_cli_listing_add_pairs (self, indent, _("Token parameters"),
                                rc_auth_get_token_params (auth), "=");
    }

  if (secret_state == NULL)
    return;

  if (kind == RC_AUTH_KIND_BASIC)
    rc_cli_listing_add (self, indent, _("Password"), secret_state);
  else if (rc_auth_secret_holds_key (auth))
    rc_cli_listing_add (self, indent, _("Private key in the keyring"), secret_state);
  else
    rc_cli_listing_add (self, indent, _("Client secret"), secret_state);
}

void
rc_cli_listing_print (RcCliListing *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  glong width = 0;

  /* One column for every value. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row->label)
        width = MAX (width, (glong) row->indent + g_utf8_strlen (row->label, -1) + 1);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_auto(GStrv) lines = g_strsplit (row->value, "\n", -1);
      glong used = row->indent;

      if (row->label == NULL)
        {
          if (row->value[0])
            g_string_append_printf (out, "%*s%s", (int) row->indent, "", row->value);
          g_string_append_c (out, '\n');
          continue;
        }

      g_string_append_printf (out, "%*s%s:", (int) row->indent, "", row->label);
      used += g_utf8_strlen (row->label, -1) + 1;
      for (guint j = 0; lines[j]; j++)
        {
          if (lines[j][0])
            g_string_append_printf (out, "%*s%s", (int) (width - used + 1), "", lines[j]);
          g_string_append_c (out, '\n');
          used = 0;
        }
    }

  g_print ("%s", out->str);
}

/* How many columns @text takes: one a character. */
guint
rc_cli_text_width (const char *text)
{
  return g_utf8_strlen (text, -1);
}

/* Appends @text to @line, padded with spaces to @width columns after it,
 * or before it when @right (numbers line up so). */
void
rc_cli_append_padded (GString    *line,
                      const char *text,
                      guint       width,
                      gboolean    right)
{
  guint pad = width > rc_cli_text_width (text) ? width - rc_cli_text_width (text) : 0;

  if (!right)
    g_string_append (line, text);
  for (guint n = 0; n < pad; n++)
    g_string_append_c (line, ' ');
  if (right)
    g_string_append (line, text);
}

/* Prints @node as JSON, two spaces an indent, ending in a newline. */
void
rc_cli_print_json (JsonNode *node)
{
  g_autofree char *compact = rc_json_write (node);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean truncated;

  if (!rc_json_reindent (compact, strlen (compact), G_MAXSIZE, out, &truncated, NULL, NULL))
    g_assert_not_reached ();

  g_print ("%s", out->str);
}
