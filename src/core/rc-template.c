/* rc-template.c: {{name}} references in a text, filled in with variables' values
 *
 * The one place that says what a variable reference is, for every field an
 * environment fills in (base URLs, method URLs before their {param}s,
 * header values, bodies, authentication fields). Strings in, string out:
 * the caller's lookup gives each variable's raw value.
 *
 * - A reference is “{{”, optional blanks (spaces and tabs), a name,
 *   optional blanks, “}}”. A name is 1 to 64 ASCII letters, digits, “_”,
 *   “-” and “.”, starting with a letter or “_”; names are compared byte for
 *   byte, so “Host” is not “host”.
 * - “{{” followed (after optional blanks) by a character that cannot start
 *   a name is text: JSON bodies and other templating languages hold “{{”.
 *   Only its first brace is passed over, so in “{{{name}}}” the inner
 *   “{{name}}” is a reference. A lone “{”, “}” or “}}” is text.
 * - “{{” and a name not closed by “}}” (after optional blanks) is a syntax
 *   error, and so is a name longer than 64 characters.
 * - “\{{” is a literal “{{”: the backslash goes. A backslash anywhere else
 *   is text, “\\{{” too: its first backslash stays, the second escapes.
 * - A value is filled in the same way, escapes included, before it takes
 *   the reference's place; what it becomes is not read again. A variable
 *   whose value leads back to itself (a → a, a → b → a) is an error, as are
 *   variables nested more than 16 deep, and values that would make the
 *   text grow by more than 16 MB or use variables more than 65536 times in
 *   all (a value using another ten times, that one the next ten times…).
 * - Everything else, UTF-8 included, is kept as it is; a text without “{{”
 *   is copied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rc-template.h"

#define NAME_MAX_LENGTH 64
#define MAX_DEPTH 16
#define MAX_GROWTH (16 * 1024 * 1024)
#define MAX_NESTED_REFERENCES 65536

typedef enum {
  TOKEN_REFERENCE,  /* {{name}} */
  TOKEN_ESCAPE,     /* \{{ */
  TOKEN_UNCLOSED,   /* {{name without its }} */
  TOKEN_TOO_LONG,   /* {{ and more name characters than a name has */
} TokenKind;

/* A part of a text that is not copied as it is. */
typedef struct {
  TokenKind   kind;
  const char *start;
  const char *end;        /* just after it */
  const char *name;       /* not for TOKEN_ESCAPE */
  gsize       name_length;
} Token;

/* One rc_template_expand(). */
typedef struct {
  RcTemplateLookup  lookup;
  gpointer          user_data;
  GString          *out;
  gsize             max_length;
  guint             n_nested;             /* references inside values */
  const char       *chain[MAX_DEPTH];     /* the variables being filled in */
  guint             depth;
} Expansion;

typedef struct {
  char *name;
} RcTemplateErrorPrivate;

static void
rc_template_error_private_init (RcTemplateErrorPrivate *priv)
{
}

static void
rc_template_error_private_copy (const RcTemplateErrorPrivate *src,
                                RcTemplateErrorPrivate       *dest)
{
  dest->name = g_strdup (src->name);
}

static void
rc_template_error_private_clear (RcTemplateErrorPrivate *priv)
{
  g_clear_pointer (&priv->name, g_free);
}

G_DEFINE_EXTENDED_ERROR (RcTemplateError, rc_template_error)

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

/* The first token at or after @p, or %FALSE when the rest is text. */
static gboolean
next_token (const char *p,
            Token      *token)
{
  const char *open;

  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *q = open + 2;

      if (open > p && open[-1] == '\\')
        {
          *token = (Token) { TOKEN_ESCAPE, open - 1, open + 2, NULL, 0 };
          return TRUE;
        }

      while (is_blank (*q))
        q++;
      if (!is_name_start (*q))
        {
          p = open + 1;
          continue;
        }

      token->start = open;
      token->name = q;
      while (is_name_char (*q))
        q++;
      token->name_length = q - token->name;
      while (is_blank (*q))
        q++;

      if (token->name_length > NAME_MAX_LENGTH)
        {
          token->kind = TOKEN_TOO_LONG;
        }
      else if (g_str_has_prefix (q, "}}"))
        {
          token->kind = TOKEN_REFERENCE;
          q += 2;
        }
      else
        {
          token->kind = TOKEN_UNCLOSED;
        }
      token->end = q;

      return TRUE;
    }

  return FALSE;
}

static void
set_error (GError          **error,
           RcTemplateError   code,
           const char       *name,
           const char       *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError          **error,
           RcTemplateError   code,
           const char       *name,
           const char       *format,
           ...)
{
  GError *new_error;
  va_list args;

  va_start (args, format);
  new_error = g_error_new_valist (RC_TEMPLATE_ERROR, code, format, args);
  va_end (args);

  rc_template_error_get_private (new_error)->name = g_strdup (name);
  g_propagate_error (error, new_error);
}

/* The variable whose value is being filled in, or %NULL in the text. */
static const char *
current_variable (Expansion *expansion)
{
  return expansion->depth > 0 ? expansion->chain[expansion->depth - 1] : NULL;
}

static void
set_syntax_error (Expansion   *expansion,
                  const Token *token,
                  GError     **error)
{
  const char *variable = current_variable (expansion);
  int name_length = token->name_length;

  if (token->kind == TOKEN_TOO_LONG && variable != NULL)
    set_error (error, RC_TEMPLATE_ERROR_SYNTAX, variable,
               _("The value of {{%s}} has a name longer than %d characters: {{%.*s…"),
               variable, NAME_MAX_LENGTH, NAME_MAX_LENGTH, token->name);
  else if (token->kind == TOKEN_TOO_LONG)
    set_error (error, RC_TEMPLATE_ERROR_SYNTAX, NULL,
               _("A variable’s name has at most %d characters: {{%.*s… is longer."),
               NAME_MAX_LENGTH, NAME_MAX_LENGTH, token->name);
  else if (variable != NULL)
    set_error (error, RC_TEMPLATE_ERROR_SYNTAX, variable,
               _("{{%.*s in the value of {{%s}} is not closed: write {{%.*s}}, or \\{{ for two "
                 "literal braces."),
               name_length, token->name, variable, name_length, token->name);
  else
    set_error (error, RC_TEMPLATE_ERROR_SYNTAX, NULL,
               _("{{%.*s is not closed: write {{%.*s}}, or \\{{ for two literal braces."),
               name_length, token->name, name_length, token->name);
}

/* The error about @name, which is already being filled in at
 * chain[@first]. */
static void
set_cycle_error (Expansion  *expansion,
                 guint       first,
                 GError    **error)
{
  const char *name = expansion->chain[first];
  g_autoptr(GString) through = NULL;

  if (first + 1 == expansion->depth)
    {
      set_error (error, RC_TEMPLATE_ERROR_CYCLE, name, _("{{%s}} refers to itself."), name);
      return;
    }

  through = g_string_new (NULL);
  for (guint i = first + 1; i < expansion->depth; i++)
    g_string_append_printf (through, "%s{{%s}}", i > first + 1 ? " → " : "",
                            expansion->chain[i]);
  set_error (error, RC_TEMPLATE_ERROR_CYCLE, name, _("{{%s}} refers to itself through %s."), name,
             through->str);
}

static gboolean expand_text (Expansion   *expansion,
                             const char  *text,
                             GError     **error);

/* Fills in the variable @name at the end of the output. */
static gboolean
expand_variable (Expansion   *expansion,
                 const char  *name,
                 GError     **error)
{
  const char *value;
  gboolean expanded;

  for (guint i = 0; i < expansion->depth; i++)
    {
      if (g_str_equal (expansion->chain[i], name))
        {
          set_cycle_error (expansion, i, error);
          return FALSE;
        }
    }

  if (expansion->depth == MAX_DEPTH)
    {
      set_error (error, RC_TEMPLATE_ERROR_CYCLE, expansion->chain[0],
                 _("{{%s}} refers to variables nested more than %d deep."), expansion->chain[0],
                 MAX_DEPTH);
      return FALSE;
    }

  if (expansion->depth > 0 && ++expansion->n_nested > MAX_NESTED_REFERENCES)
    {
      set_error (error, RC_TEMPLATE_ERROR_TOO_LARGE, expansion->chain[0],
                 _("{{%s}} cannot be filled in: values use variables more than %d times in all."),
                 expansion->chain[0], MAX_NESTED_REFERENCES);
      return FALSE;
    }

  value = expansion->lookup (name, expansion->user_data);
  if (value == NULL)
    {
      set_error (error, RC_TEMPLATE_ERROR_UNDEFINED, name, _("{{%s}} is not defined."), name);
      return FALSE;
    }

  expansion->chain[expansion->depth++] = name;
  expanded = expand_text (expansion, value, error);
  expansion->depth--;

  return expanded;
}

/* Appends @text, filled in, to the output. */
static gboolean
expand_text (Expansion   *expansion,
             const char  *text,
             GError     **error)
{
  const char *p = text;
  Token token;

  while (next_token (p, &token))
    {
      char name[NAME_MAX_LENGTH + 1];

      g_string_append_len (expansion->out, p, token.start - p);
      p = token.end;

      switch (token.kind)
        {
        case TOKEN_ESCAPE:
          g_string_append (expansion->out, "{{");
          break;

        case TOKEN_UNCLOSED:
        case TOKEN_TOO_LONG:
          set_syntax_error (expansion, &token, error);
          return FALSE;

        case TOKEN_REFERENCE:
          memcpy (name, token.name, token.name_length);
          name[token.name_length] = '\0';
          if (!expand_variable (expansion, name, error))
            return FALSE;
          if (expansion->out->len > expansion->max_length)
            {
              const char *variable = expansion->depth > 0 ? expansion->chain[0] : name;

              set_error (error, RC_TEMPLATE_ERROR_TOO_LARGE, variable,
                         _("{{%s}} cannot be filled in: the text would grow past %d MB."),
                         variable, MAX_GROWTH / (1024 * 1024));
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (expansion->out, p);

  return TRUE;
}

/**
 * rc_template_error_get_name:
 * @error: an error of any domain
 *
 * Returns: (nullable): the variable an %RC_TEMPLATE_ERROR is about (see
 *   #RcTemplateError), for the caller to say where it is defined; %NULL
 *   for any other error
 */
const char *
rc_template_error_get_name (const GError *error)
{
  if (error == NULL || error->domain != RC_TEMPLATE_ERROR)
    return NULL;

  return rc_template_error_get_private (error)->name;
}

/**
 * rc_template_expand:
 * @text: a text with `{{name}}` references
 * @lookup: gives each variable's raw value
 * @user_data: data for @lookup
 * @error: return location for an %RC_TEMPLATE_ERROR
 *
 * Fills in each reference with its variable's value, itself filled in,
 * and each `\{{` with `{{`, as the top of the file says.
 *
 * Returns: (transfer full) (nullable): the text filled in, or %NULL with
 *   @error set
 */
char *
rc_template_expand (const char        *text,
                    RcTemplateLookup   lookup,
                    gpointer           user_data,
                    GError           **error)
{
  Expansion expansion = { .lookup = lookup, .user_data = user_data };
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strstr (text, "{{") == NULL)
    return g_strdup (text);

  length = strlen (text);
  expansion.out = g_string_sized_new (length);
  expansion.max_length = length + MAX_GROWTH;
  if (!expand_text (&expansion, text, error))
    {
      g_string_free (expansion.out, TRUE);
      return NULL;
    }

  return g_string_free (expansion.out, FALSE);
}

/**
 * rc_template_has_references:
 * @text: (nullable): a text
 *
 * Returns: whether @text holds a `{{name}}` reference; an escaped
 *   `\{{name}}` or one not closed is none
 */
gboolean
rc_template_has_references (const char *text)
{
  Token token;

  for (const char *p = text ? text : ""; next_token (p, &token); p = token.end)
    {
      if (token.kind == TOKEN_REFERENCE)
        return TRUE;
    }

  return FALSE;
}

/**
 * rc_template_dup_names:
 * @text: (nullable): a text
 *
 * The variables @text refers to itself, not those their values refer to.
 *
 * Returns: (transfer full) (array zero-terminated=1): their names, each
 *   once, in the order they are first used
 */
char **
rc_template_dup_names (const char *text)
{
  GPtrArray *names = g_ptr_array_new ();
  Token token;

  for (const char *p = text ? text : ""; next_token (p, &token); p = token.end)
    {
      char *name;

      if (token.kind != TOKEN_REFERENCE)
        continue;

      name = g_strndup (token.name, token.name_length);
      if (g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_free (name);
      else
        g_ptr_array_add (names, name);
    }
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (names, FALSE);
}

/**
 * rc_template_escape:
 * @text: a text to be read as it is
 *
 * Writes each `{{` of @text as `\{{`, so that filling the result in gives
 * @text back, whatever it holds, and a reference written after it stays
 * one (unless @text ends with a backslash).
 *
 * Returns: (transfer full): @text, escaped
 */
char *
rc_template_escape (const char *text)
{
  GString *escaped;
  const char *p = text;
  const char *open;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_string_sized_new (strlen (text));
  while ((open = strstr (p, "{{")) != NULL)
    {
      g_string_append_len (escaped, p, open - p);
      g_string_append (escaped, "\\{{");
      p = open + 2;
    }
  g_string_append (escaped, p);

  return g_string_free (escaped, FALSE);
}

/**
 * rc_template_name_is_valid:
 * @name: (nullable): a variable's name
 *
 * Returns: whether `{{@name}}` is a reference: 1 to 64 ASCII letters,
 *   digits, “_”, “-” and “.”, starting with a letter or “_”
 */
gboolean
rc_template_name_is_valid (const char *name)
{
  gsize length;

  if (name == NULL || !is_name_start (name[0]))
    return FALSE;

  for (length = 1; name[length] != '\0'; length++)
    {
      if (length == NAME_MAX_LENGTH || !is_name_char (name[length]))
        return FALSE;
    }

  return TRUE;
}
