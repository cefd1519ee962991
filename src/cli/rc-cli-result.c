/* rc-cli-result.c: several calls' results, as a script reads them
 *
 * What one call came to is the core's to say: its failure's kind and
 * sentence (rc_exchange_get_failure(), rc_exchange_dup_failure_message())
 * and the call as a JSON object (rc-exchange-json.c; the schema is in
 * doc/restcall.1, JSON OUTPUT). Here, JSON is written as the command line
 * prints it (rc_cli_json_to_text()), and several calls' failures are
 * counted by kind (RcCliTally), for the exit status of a batch or a run
 * of a whole project: that of the most frequent kind; of kinds as
 * frequent, that of the call started first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Cli"

#include "config.h"

#include <string.h>

#include "rc-cli-result.h"

/**
 * rc_cli_json_to_text:
 *
 * Returns: (transfer full): @node as JSON text, two spaces an indent,
 *   with a newline at the end (rc_json_write(), so that every number is
 *   one any reader takes)
 */
char *
rc_cli_json_to_text (JsonNode *node)
{
  g_autofree char *compact = rc_json_write (node);
  GString *text = g_string_new (NULL);
  gboolean truncated;

  if (!rc_json_reindent (compact, strlen (compact), G_MAXSIZE, text, &truncated, NULL, NULL))
    g_assert_not_reached ();

  return g_string_free (text, FALSE);
}

/**
 * rc_cli_tally_add:
 * @index: the call's place: in the order started, or in the project
 *
 * Counts @count calls that failed as @failure (nothing for
 * %RC_FAILURE_NONE).
 */
void
rc_cli_tally_add (RcCliTally *tally,
                  RcFailure   failure,
                  guint       index,
                  guint       count)
{
  if (failure == RC_FAILURE_NONE || count == 0)
    return;
  if (tally->counts[failure] == 0 || index < tally->first[failure])
    tally->first[failure] = index;
  tally->counts[failure] += count;
}

/**
 * rc_cli_tally_get_main:
 *
 * Returns: the most frequent failure; of those as frequent, the one that
 *   came first; %RC_FAILURE_NONE when none failed
 */
RcFailure
rc_cli_tally_get_main (const RcCliTally *tally)
{
  RcFailure main = RC_FAILURE_NONE;

  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    {
      guint count = tally->counts[failure];

      if (count == 0)
        continue;
      if (main == RC_FAILURE_NONE || count > tally->counts[main]
          || (count == tally->counts[main] && tally->first[failure] < tally->first[main]))
        main = failure;
    }

  return main;
}

/**
 * rc_cli_tally_add_json:
 *
 * Adds the member "failure_codes": an object that counts the failures by
 * their stable code, in the order of #RcFailure.
 */
void
rc_cli_tally_add_json (const RcCliTally *tally,
                       JsonBuilder      *builder)
{
  json_builder_set_member_name (builder, "failure_codes");
  json_builder_begin_object (builder);
  for (RcFailure failure = RC_FAILURE_OTHER; failure < RC_FAILURE_N_KINDS; failure++)
    if (tally->counts[failure] > 0)
      {
        json_builder_set_member_name (builder, rc_failure_get_code (failure));
        json_builder_add_int_value (builder, tally->counts[failure]);
      }
  json_builder_end_object (builder);
}
