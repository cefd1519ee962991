/* rc-cli-env-list.c: `restcall env list PROJECT [--json]`
 *
 * Prints a project's environments, the active one marked, each with its
 * colour and its variables aligned (rc-cli-output.c): a plain one's value,
 * a secret one's only as stored or not, asked of the keyring as `show`
 * asks it for an authentication's secret; when there is no keyring, that
 * is said, not a failure. With --json, the environments as the project
 * file holds them (rc_environment_to_json()), each secret variable with
 * its "secret_state", and the active one's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-cli-env.h"
#include "rc-cli-output.h"
#include "rc-cli-private.h"

/* The keyring, asked no more once it was found missing: each question
 * would wait for the same failure. */
typedef struct
{
  RcProject *project;
  gboolean   unavailable;
} Keyring;

static RcCliSecretState
get_state (Keyring       *keyring,
           RcEnvironment *environment,
           const char    *name)
{
  RcCliSecretState state;

  if (keyring->unavailable)
    return RC_CLI_SECRET_UNAVAILABLE;

  state = rc_cli_keyring_get_variable_state (keyring->project, environment, name);
  keyring->unavailable = state == RC_CLI_SECRET_UNAVAILABLE;

  return state;
}

static const char *
describe_state (RcCliSecretState state)
{
  switch (state)
    {
    case RC_CLI_SECRET_STORED:
      return _("secret, stored");
    case RC_CLI_SECRET_NOT_STORED:
      return _("secret, not stored");
    case RC_CLI_SECRET_STORED_ELSEWHERE:
      return _("secret, stored for other settings (not used)");
    case RC_CLI_SECRET_UNAVAILABLE:
      return _("secret, unknown (keyring unavailable)");
    case RC_CLI_SECRET_FAILED:
    default:
      return _("secret, unknown (the keyring failed)");
    }
}

/* “Production (active, red)” */
static char *
dup_heading (RcEnvironment *environment,
             gboolean       active)
{
  const char *color = rc_environment_get_color (environment);
  const char *name = rc_environment_get_name (environment);

  if (active && color[0])
    /* Translators: an environment's name, then its colour */
    return g_strdup_printf (_("%s (active, %s)"), name, color);
  if (active)
    return g_strdup_printf (_("%s (active)"), name);
  if (color[0])
    return g_strdup_printf ("%s (%s)", name, color);
  return g_strdup (name);
}

static void
print_text (RcCliTarget *target)
{
  g_autoptr(RcCliListing) listing = rc_cli_listing_new ();
  RcProject *project = target->project;
  RcEnvironment *active = rc_project_get_active_environment (project);
  guint n_environments = rc_project_get_n_environments (project);
  Keyring keyring = { project, FALSE };

  if (n_environments == 0)
    {
      g_autofree char *path = rc_text_dup_shell_word (target->path);
      g_autofree char *text =
        g_strdup_printf (_("No environments. Add one with “restcall env add %s NAME”."), path);

      rc_cli_listing_add_heading (listing, 0, text);
    }

  for (guint i = 0; i < n_environments; i++)
    {
      RcEnvironment *environment = rc_project_get_environment (project, i);
      guint n_variables = rc_environment_get_n_variables (environment);
      g_autofree char *heading = dup_heading (environment, environment == active);

      if (i > 0)
        rc_cli_listing_add_heading (listing, 0, "");
      rc_cli_listing_add_heading (listing, 0, heading);

      if (n_variables == 0)
        rc_cli_listing_add_heading (listing, 2, _("No variables."));

      for (guint j = 0; j < n_variables; j++)
        {
          RcVariable *variable = rc_environment_get_variable (environment, j);
          const char *name = rc_variable_get_name (variable);
          const char *value = rc_variable_get_value (variable);

          if (rc_variable_get_secret (variable))
            value = describe_state (get_state (&keyring, environment, name));
          else if (value[0] == '\0')
            value = _("(empty)");

          rc_cli_listing_add (listing, 2, name, value);
        }
    }

  rc_cli_listing_print (listing);
}

/* {"environments": [as in the file, a secret variable with its
 * "secret_state"], "active_environment": id or null} */
static void
print_json (RcCliTarget *target)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  RcProject *project = target->project;
  RcEnvironment *active = rc_project_get_active_environment (project);
  guint n_environments = rc_project_get_n_environments (project);
  Keyring keyring = { project, FALSE };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "environments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_environments; i++)
    {
      RcEnvironment *environment = rc_project_get_environment (project, i);
      JsonNode *node = rc_environment_to_json (environment, RC_MODEL_JSON_SHOWN);
      JsonArray *variables = json_object_get_array_member (json_node_get_object (node),
                                                           "variables");

      for (guint j = 0; j < rc_environment_get_n_variables (environment); j++)
        {
          RcVariable *variable = rc_environment_get_variable (environment, j);
          RcCliSecretState state;

          if (!rc_variable_get_secret (variable))
            continue;

          state = get_state (&keyring, environment, rc_variable_get_name (variable));
          json_object_set_string_member (json_array_get_object_element (variables, j),
                                         "secret_state", rc_cli_secret_state_to_string (state));
        }

      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "active_environment");
  if (active)
    json_builder_add_string_value (builder, rc_environment_get_id (active));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  rc_cli_print_json (root);
}

/**
 * rc_cli_env_list:
 * @target: the project, loaded
 * @json: --json
 *
 * Returns: the exit status
 */
int
rc_cli_env_list (RcCliTarget *target,
                 gboolean     json)
{
  if (json)
    print_json (target);
  else
    print_text (target);

  return RC_CLI_EXIT_OK;
}
