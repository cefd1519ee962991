/* rc-url-template.c: a method's URL with {name} placeholders: its parameters, filled in
 *
 * The one place that says what a placeholder is. Anywhere in the URL, path
 * or query, “{name}” is a placeholder named “name”; blanks (ASCII white
 * space) around the name are not part of it, so “{ id }” is “id”. These are
 * text, not placeholders: a “{” never closed, a “{” followed by another “{”
 * before any “}” (in “{a{b}” only “{b}” is one), and braces with nothing
 * but blanks inside. A placeholder after the URL's first “?” outside any
 * placeholder is in its query; the others are in its path.
 *
 * A name used more than once is one parameter, where it first appears, and
 * each of its placeholders takes the same value. rc_url_template_expand()
 * percent-encodes every value whole: a “/”, “?”, “&”, “=” or space in a
 * value, and every byte of a character outside ASCII, stays inside its
 * parameter.
 *
 * A parameter is required or optional. A pair “key={name}” of the query
 * (between “?”, “&” or “#” outside any placeholder) whose placeholder is its
 * whole value, for an optional parameter whose value is missing or empty,
 * is left out whole, separator and all, and the “?” too when no pair is
 * left: a server takes “limit=” for a limit of nothing, not for none.
 *
 * rc_url_template_check() is stricter than the rest, for an editor: it
 * calls a stray brace or an empty “{}” a mistake, where the others leave it
 * in the URL as text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-url-template.h"

static gboolean
is_blank_span (const char *start,
               const char *end)
{
  for (const char *p = start; p < end; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* The first placeholder at or after @p: its braces in @open and @close.
 *
 * Returns: (transfer full) (nullable): its name, or %NULL when there is
 *   none left */
static char *
next_placeholder (const char  *p,
                  const char **open,
                  const char **close)
{
  while ((p = strchr (p, '{')) != NULL)
    {
      const char *end = strpbrk (p + 1, "{}");

      if (end == NULL)
        return NULL;

      if (*end == '}' && !is_blank_span (p + 1, end))
        {
          *open = p;
          *close = end;
          return g_strstrip (g_strndup (p + 1, end - p - 1));
        }

      /* "{a{b}": the inner brace starts the placeholder; "{ }" is text. */
      p = *end == '{' ? end : end + 1;
    }

  return NULL;
}

/* The first of @chars at or after @p that is outside any placeholder, or
 * %NULL. */
static const char *
find_outside_placeholders (const char *p,
                           const char *chars)
{
  const char *open;
  const char *close;
  char *name;

  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      g_free (name);
      for (const char *q = p; q < open; q++)
        {
          if (strchr (chars, *q) != NULL)
            return q;
        }
      p = close + 1;
    }

  return strpbrk (p, chars);
}

/* Whether the query's pair at @pair, @len bytes long, is left out: see the
 * top of the file. */
static gboolean
is_empty_optional_pair (const char         *pair,
                        gsize               len,
                        RcPairList         *values,
                        const char * const *required)
{
  const char *equals = memchr (pair, '=', len);
  g_autofree char *name = NULL;
  const char *open;
  const char *close;
  const char *value;

  if (equals == NULL)
    return FALSE;

  name = next_placeholder (equals + 1, &open, &close);
  if (name == NULL || open != equals + 1 || close != pair + len - 1 || g_strv_contains (required, name))
    return FALSE;

  value = rc_pair_list_lookup (values, name);

  return value == NULL || value[0] == '\0';
}

/* @url_template without the pairs of its query that is_empty_optional_pair()
 * leaves out. */
static char *
leave_out_empty_optional (const char         *url_template,
                          RcPairList         *values,
                          const char * const *required)
{
  const char *query = find_outside_placeholders (url_template, "?");
  const char *pair;
  const char *end;
  GString *kept;
  guint n_kept = 0;

  if (query == NULL)
    return g_strdup (url_template);

  kept = g_string_new_len (url_template, query + 1 - url_template);
  for (pair = query + 1;; pair = end + 1)
    {
      gsize len;

      end = find_outside_placeholders (pair, "&#");
      len = end ? (gsize)(end - pair) : strlen (pair);
      if (!is_empty_optional_pair (pair, len, values, required))
        {
          if (n_kept++ > 0)
            g_string_append_c (kept, '&');
          g_string_append_len (kept, pair, len);
        }

      if (end == NULL || *end == '#')
        break;
    }

  if (n_kept == 0)
    g_string_truncate (kept, query - url_template);
  if (end != NULL)
    g_string_append (kept, end);

  return g_string_free (kept, FALSE);
}

static void
clear_parameter (gpointer data)
{
  RcUrlParameter *parameter = data;

  g_clear_pointer (&parameter->name, g_free);
}

/**
 * rc_url_template_dup_parameters:
 * @url_template: (nullable): a URL with `{name}` placeholders
 *
 * Returns: (transfer full) (element-type RcUrlParameter): the template's
 *   parameters, each once, in the order they first appear, and whether
 *   that is in the path or in the query
 */
GArray *
rc_url_template_dup_parameters (const char *url_template)
{
  GArray *parameters = g_array_new (FALSE, TRUE, sizeof (RcUrlParameter));
  const char *p = url_template ? url_template : "";
  gboolean in_query = FALSE;
  const char *open;
  const char *close;
  char *name;

  g_array_set_clear_func (parameters, clear_parameter);

  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      RcUrlParameter parameter;
      gboolean seen = FALSE;

      in_query = in_query || memchr (p, '?', open - p) != NULL;
      p = close + 1;

      for (guint i = 0; i < parameters->len && !seen; i++)
        seen = g_str_equal (g_array_index (parameters, RcUrlParameter, i).name, name);

      if (seen)
        {
          g_free (name);
          continue;
        }

      parameter.name = name;
      parameter.kind = in_query ? RC_URL_PARAMETER_QUERY : RC_URL_PARAMETER_PATH;
      g_array_append_val (parameters, parameter);
    }

  return parameters;
}

/**
 * rc_url_template_dup_names:
 * @url_template: (nullable): a URL with `{name}` placeholders
 *
 * Returns: (transfer full): the names of the template's parameters, each
 *   once, in the order they first appear
 */
char **
rc_url_template_dup_names (const char *url_template)
{
  g_autoptr(GArray) parameters = rc_url_template_dup_parameters (url_template);
  char **names = g_new0 (char *, parameters->len + 1);

  for (guint i = 0; i < parameters->len; i++)
    names[i] = g_steal_pointer (&g_array_index (parameters, RcUrlParameter, i).name);

  return names;
}

/**
 * rc_url_template_expand:
 * @url_template: a URL with `{name}` placeholders
 * @values: a value for each parameter
 * @required: (nullable) (array zero-terminated=1): the names of the
 *   required parameters, the others being optional; %NULL when all are
 *   required
 * @missing: (out) (optional) (transfer full): where to put the name of
 *   the first parameter @values has no value for
 *
 * Leaves out the query's pairs of optional parameters without a value, as
 * the top of the file says, and fills in each other placeholder with its
 * value, percent-encoded; the rest of the template is kept as it is.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL when a parameter
 *   that is not left out has no value
 */
char *
rc_url_template_expand (const char          *url_template,
                        RcPairList          *values,
                        const char * const  *required,
                        char               **missing)
{
  g_autoptr(GString) url = NULL;
  g_autofree char *kept = NULL;
  const char *p;
  const char *open;
  const char *close;
  char *name;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (RC_IS_PAIR_LIST (values), NULL);
  g_return_val_if_fail (missing == NULL || *missing == NULL, NULL);

  p = url_template;
  if (required != NULL)
    p = kept = leave_out_empty_optional (url_template, values, required);

  url = g_string_new (NULL);
  while ((name = next_placeholder (p, &open, &close)) != NULL)
    {
      const char *value = rc_pair_list_lookup (values, name);

      if (value == NULL)
        {
          if (missing)
            *missing = name;
          else
            g_free (name);
          return NULL;
        }

      g_string_append_len (url, p, open - p);
      g_string_append_uri_escaped (url, value, NULL, FALSE);
      g_free (name);
      p = close + 1;
    }
  g_string_append (url, p);

  return g_string_free (g_steal_pointer (&url), FALSE);
}

/**
 * rc_url_template_check:
 * @url_template: a URL with `{name}` placeholders
 *
 * Checks that every brace pairs up and that no placeholder is empty: what
 * the others take for text is most likely a typing mistake.
 *
 * Returns: (transfer full) (nullable): a sentence about the first brace
 *   that does not pair up, or %NULL when they all do
 */
char *
rc_url_template_check (const char *url_template)
{
  const char *open = NULL;

  g_return_val_if_fail (url_template != NULL, NULL);

  for (const char *p = url_template; *p; p++)
    {
      if (*p == '{')
        {
          if (open != NULL)
            return g_strdup_printf (_("The URL has a “{” inside another parameter, at “%s”. "
                                      "Close each parameter with “}”, as in /pets/{petId}."),
                                    open);
          open = p;
        }
      else if (*p == '}')
        {
          if (open == NULL)
            return g_strdup_printf (_("The URL has a “}” that closes no parameter, at “%s”. "
                                      "Remove it, or open the parameter with “{”."),
                                    p);
          if (is_blank_span (open + 1, p))
            return g_strdup (_("The URL has an empty parameter “{}”. Put the parameter’s "
                               "name between the braces, as in /pets/{petId}."));
          open = NULL;
        }
    }

  if (open != NULL)
    return g_strdup_printf (_("The URL has a “{” that is never closed, at “%s”. Close the "
                              "parameter with “}”, as in /pets/{petId}."),
                            open);

  return NULL;
}
