/* rc-wire.c: what may go on the wire: verbs, media types, headers, tokens
 *
 * libsoup writes a request's verb and its headers as it is given them. A
 * verb or a Content-Type holding CR LF ends the request line or the
 * header early and writes whatever follows as more headers, or as a second
 * request on the same connection, carrying the first one's Authorization.
 * libsoup refuses a header value with a line break only with a critical
 * warning, and then leaves the header out: a call goes out without its
 * Authorization. So everything Restcall puts on the wire passes these
 * checks where it comes in (a project file, an OpenAPI document, the
 * command line, an editor, “Copy as curl”), and once more in the executor
 * before anything is sent:
 *
 * - a verb is a token (RFC 9110 §9.1, §5.6.2): one or more of the letters,
 *   digits and !#$%&'*+-.^_`|~;
 * - a content type is a media type (RFC 9110 §8.3.1): type "/" subtype,
 *   both tokens, then parameters `; name=value` whose value is a token or
 *   a quoted string, with spaces and tabs around the semicolons;
 * - a header name is a token (RFC 9110 §5.1);
 * - a header value holds no CR, LF or NUL (RFC 9110 §5.5); C strings cannot
 *   hold a NUL, and the JSON reader refuses \u0000 (rc-json.c);
 * - an access token sent as `Authorization: Bearer` is a b64token (RFC 6750
 *   §2.1): letters, digits and -._~+/ followed by any number of "=".
 *
 * A value that fails is never dropped or fixed quietly: the message names
 * it, with its control characters made visible, and says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-api.h"
#include "rc-text.h"
#include "rc-wire.h"

/* Characters of a value shown in a message; the rest is “…”. */
#define MAX_SHOWN_CHARS 100

static gboolean
is_tchar (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+-.^_`|~", c) != NULL);
}

static const char *
skip_token (const char *p)
{
  while (is_tchar (*p))
    p++;

  return p;
}

static const char *
skip_ows (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;

  return p;
}

/* Past a quoted-string that opens at @p, or NULL when it is not one. */
static const char *
skip_quoted_string (const char *p)
{
  if (*p++ != '"')
    return NULL;

  for (;;)
    {
      guchar c = *p;

      if (c == '"')
        return p + 1;

      if (c == '\\')
        {
          /* quoted-pair: HTAB, SP, VCHAR or obs-text */
          c = p[1];
          if (!(c == '\t' || (c >= 0x20 && c != 0x7f)))
            return NULL;
          p += 2;
        }
      else if (c == '\t' || (c >= 0x20 && c != 0x7f))
        p++;
      else
        return NULL;
    }
}

/* @what, when there is one, then the sentence @format makes. */
G_GNUC_PRINTF (2, 3)
static char *
with_what (const char *what,
           const char *format,
           ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  if (what == NULL)
    return g_steal_pointer (&sentence);

  /* Translators: the first %s names where a value comes from, such as
   * "-H" or "apis[0].methods[1].verb"; the second says what is wrong with it */
  return g_strdup_printf (_("%s: %s"), what, sentence);
}

/* Headers of an API or a method, as rc_wire_check_method() reports them. */
static char *
check_headers (RcPairList *headers,
               gboolean    of_api,
               const char *owner)
{
  GListModel *list = G_LIST_MODEL (headers);
  guint n_items = g_list_model_get_n_items (list);
  g_autofree char *escaped_owner = rc_wire_escape (owner);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RcPair) pair = g_list_model_get_item (list, i);
      const char *name = rc_pair_get_name (pair);
      g_autofree char *what = NULL;
      char *problem;

      /* A header still without a name is not sent (rc-executor.c). */
      if (name[0] == '\0')
        continue;

      what = of_api
             /* Translators: %s is an API's name */
             ? g_strdup_printf (_("A header name of the API “%s”"), escaped_owner)
             /* Translators: %s is a method's name */
             : g_strdup_printf (_("A header name of the method “%s”"), escaped_owner);
      if ((problem = rc_wire_check_header_name (what, name)))
        return problem;

      g_free (what);
      what = of_api
             /* Translators: the first %s is a header's name, the second an API's */
             ? g_strdup_printf (_("The header “%s” of the API “%s”"), name, escaped_owner)
             /* Translators: the first %s is a header's name, the second a method's */
             : g_strdup_printf (_("The header “%s” of the method “%s”"), name, escaped_owner);
      if ((problem = rc_wire_check_header_value (what, rc_pair_get_value (pair))))
        return problem;
    }

  return NULL;
}

/**
 * rc_wire_is_token:
 *
 * Returns: whether @text is an RFC 9110 token: a verb or a header name
 */
gboolean
rc_wire_is_token (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text[0] != '\0' && *skip_token (text) == '\0';
}

/**
 * rc_wire_is_media_type:
 *
 * Spaces and tabs around the whole are allowed, as around any field value.
 *
 * Returns: whether @text is an RFC 9110 media type, such as
 *   `text/plain; charset="utf-8"`
 */
gboolean
rc_wire_is_media_type (const char *text)
{
  const char *p, *end;

  g_return_val_if_fail (text != NULL, FALSE);

  p = skip_ows (text);
  end = skip_token (p);
  if (end == p || *end != '/')
    return FALSE;

  p = end + 1;
  end = skip_token (p);
  if (end == p)
    return FALSE;

  /* parameters = *( OWS ";" OWS [ parameter ] ) */
  for (p = skip_ows (end); *p != '\0'; p = skip_ows (p))
    {
      if (*p != ';')
        return FALSE;

      p = skip_ows (p + 1);
      if (*p == ';' || *p == '\0')
        continue;

      end = skip_token (p);
      if (end == p || *end != '=')
        return FALSE;

      p = end + 1;
      end = *p == '"' ? skip_quoted_string (p) : skip_token (p);
      if (end == NULL || end == p)
        return FALSE;
      p = end;
    }

  return TRUE;
}

/**
 * rc_wire_is_field_value:
 *
 * Returns: whether @text may be a header's value: it holds no CR or LF
 *   (nor NUL, which ends it)
 */
gboolean
rc_wire_is_field_value (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return strpbrk (text, "\r\n") == NULL;
}

/* The first character that keeps @text from being a b64token, or NULL. */
static const char *
find_non_b64token (const char *text)
{
  const char *p = text;

  while (g_ascii_isalnum (*p) || (*p != '\0' && strchr ("-._~+/", *p) != NULL))
    p++;

  if (p == text)
    return p;

  while (*p == '=')
    p++;

  return *p == '\0' ? NULL : p;
}

/**
 * rc_wire_is_b64token:
 *
 * Returns: whether @text may follow `Bearer ` in an Authorization header:
 *   an RFC 6750 b64token
 */
gboolean
rc_wire_is_b64token (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return find_non_b64token (text) == NULL;
}

/**
 * rc_wire_escape:
 *
 * Makes @text fit for a message: CR, LF and tab as \r, \n and \t, since
 * they are what is wrong, and the rest cleaned as any text from elsewhere
 * (rc_text_dup_printable()), cut after the first 100 characters.
 *
 * Returns: (transfer full): the text to show
 */
char *
rc_wire_escape (const char *text)
{
  GString *breaks = g_string_new (NULL);
  g_autofree char *visible = NULL;

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        g_string_append (breaks, "\\r");
      else if (*p == '\n')
        g_string_append (breaks, "\\n");
      else if (*p == '\t')
        g_string_append (breaks, "\\t");
      else
        g_string_append_c (breaks, *p);
    }

  visible = g_string_free (breaks, FALSE);

  return rc_text_dup_printable (visible, -1, MAX_SHOWN_CHARS, RC_TEXT_ONE_LINE);
}

/**
 * rc_wire_check_verb:
 * @what: (nullable): where the verb comes from, for the message
 *
 * Returns: (transfer full) (nullable): what is wrong with @verb
 */
char *
rc_wire_check_verb (const char *what,
                    const char *verb)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (verb != NULL, NULL);

  if (rc_wire_is_token (verb))
    return NULL;

  shown = rc_wire_escape (verb);
  return with_what (what,
                    _("“%s” is not an HTTP verb: a verb is one word of letters, "
                      "digits and !#$%%&'*+-.^_`|~, with no spaces or line breaks. "
                      "Use one such as GET or POST."),
                    shown);
}

/**
 * rc_wire_check_content_type:
 * @what: (nullable): where the content type comes from, for the message
 * @content_type: a content type; the empty string (Restcall picks one
 *   from the body) is fine
 *
 * Returns: (transfer full) (nullable): what is wrong with @content_type
 */
char *
rc_wire_check_content_type (const char *what,
                            const char *content_type)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (content_type != NULL, NULL);

  if (content_type[0] == '\0' || rc_wire_is_media_type (content_type))
    return NULL;

  shown = rc_wire_escape (content_type);
  return with_what (what,
                    _("“%s” is not a media type. Use a type and subtype, with "
                      "parameters after semicolons if needed, such as "
                      "application/json or text/plain; charset=utf-8."),
                    shown);
}

/**
 * rc_wire_check_header_name:
 * @what: (nullable): where the name comes from, for the message
 *
 * Returns: (transfer full) (nullable): what is wrong with @name
 */
char *
rc_wire_check_header_name (const char *what,
                           const char *name)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (rc_wire_is_token (name))
    return NULL;

  shown = rc_wire_escape (name);
  return with_what (what,
                    _("“%s” is not a header name: a name is one word of letters, "
                      "digits and !#$%%&'*+-.^_`|~, with no spaces, colons or "
                      "line breaks, such as X-Request-Id."),
                    shown);
}

/**
 * rc_wire_check_header_value:
 * @what: (nullable): which header's value it is, for the message
 *
 * Returns: (transfer full) (nullable): what is wrong with @value
 */
char *
rc_wire_check_header_value (const char *what,
                            const char *value)
{
  g_autofree char *shown = NULL;

  g_return_val_if_fail (value != NULL, NULL);

  if (rc_wire_is_field_value (value))
    return NULL;

  shown = rc_wire_escape (value);
  return with_what (what,
                    _("“%s” holds a line break (CR or LF), which a header value "
                      "cannot: what follows would be sent as another header or "
                      "another request. Remove the line break."),
                    shown);
}

/**
 * rc_wire_check_method:
 *
 * Checks what the executor puts on the wire for @method besides its URL
 * and authentication: its verb, its content type, and its API's headers
 * and its own (those with a name).
 *
 * Returns: (transfer full) (nullable): the first problem, naming the
 *   method or the API
 */
char *
rc_wire_check_method (RcMethod *method)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  RcApi *api;
  char *problem;

  g_return_val_if_fail (RC_IS_METHOD (method), NULL);

  name = rc_wire_escape (rc_method_get_name (method));
  /* Translators: %s is a method's name */
  what = g_strdup_printf (_("The verb of the method “%s”"), name);
  if ((problem = rc_wire_check_verb (what, rc_method_get_verb (method))))
    return problem;

  g_free (what);
  /* Translators: %s is a method's name */
  what = g_strdup_printf (_("The content type of the method “%s”"), name);
  if ((problem = rc_wire_check_content_type (what, rc_method_get_content_type (method))))
    return problem;

  api = rc_method_get_api (method);
  if (api && (problem = check_headers (rc_api_get_headers (api), TRUE, rc_api_get_name (api))))
    return problem;

  return check_headers (rc_method_get_headers (method), FALSE, rc_method_get_name (method));
}

/**
 * rc_wire_check_bearer_token:
 * @issuer: the token URL of the authorization server that issued @token
 *
 * The message never holds the token, only the character at fault, nor a
 * password in @issuer.
 *
 * Returns: (transfer full) (nullable): why @token cannot be sent as
 *   `Authorization: Bearer`
 */
char *
rc_wire_check_bearer_token (const char *issuer,
                            const char *token)
{
  g_autofree char *character = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_issuer = NULL;
  const char *bad;
  gunichar c;

  g_return_val_if_fail (issuer != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  if ((bad = find_non_b64token (token)) == NULL)
    return NULL;

  /* Never a password a token URL may hold. */
  shown_issuer = rc_text_dup_url (issuer);

  if (*bad == '\0')
    return g_strdup_printf (_("The authorization server at %s issued an empty access token, "
                              "which cannot be sent as a Bearer header. Restcall sends no call "
                              "with it; ask the server’s administrators."),
                            shown_issuer);

  c = g_utf8_get_char_validated (bad, -1);
  character = c == (gunichar) -1 || c == (gunichar) -2
              ? g_strndup (bad, 1)
              : g_strndup (bad, g_utf8_next_char (bad) - bad);
  shown = rc_wire_escape (character);

  return g_strdup_printf (_("The authorization server at %s issued an access token that cannot "
                            "be sent as a Bearer header: it holds “%s”, which RFC 6750 does not "
                            "allow there (a token is letters, digits and -._~+/, then any “=”). "
                            "Restcall sends no call with it; ask the server’s administrators."),
                          shown_issuer, shown);
}
