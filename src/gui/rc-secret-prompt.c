/* rc-secret-prompt.c: asks before a stored secret goes elsewhere than it was saved for
 *
 * A stored secret is bound to the origin and login it was saved for
 * (rc-secret-binding.c). When a call would send it elsewhere (the project
 * file was edited, or is a colleague's copy pointing at another server),
 * the keyring does not hand it out, and the window asks, naming both:
 * “Use It Here” stores it again bound to where it would now go, then sends
 * it; “Type a New Secret” and Cancel send nothing. Nothing is ever sent
 * before the answer. A secret from an earlier Restcall, bound to nothing,
 * is asked about the same way, once.
 *
 * The dialog is closed, as Cancel, when the call it asks for is cancelled
 * or the window goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "Restcall-Gui"

#include "config.h"

#include <glib/gi18n.h>

#include "rc-secret-prompt.h"

typedef struct
{
  AdwMessageDialog *dialog;
  gulong            cancelled_id;
  gulong            response_id;
} Prompt;

static void
prompt_free (Prompt *prompt)
{
  g_clear_object (&prompt->dialog);
  g_free (prompt);
}

/* Answers once; a prompt cancelled closes its dialog, one answered
 * closes by itself. */
static void
prompt_done (GTask                *task,
             RcSecretPromptAnswer  answer,
             gboolean              close)
{
  Prompt *prompt = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (prompt->response_id == 0)
    return;

  g_clear_signal_handler (&prompt->response_id, prompt->dialog);
  if (cancellable != NULL && prompt->cancelled_id != 0)
    g_signal_handler_disconnect (cancellable, prompt->cancelled_id);
  prompt->cancelled_id = 0;

  if (close)
    gtk_window_destroy (GTK_WINDOW (prompt->dialog));
  g_task_return_int (task, answer);
  g_object_unref (task);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  RcSecretPromptAnswer answer = RC_SECRET_PROMPT_CANCEL;

  if (g_strcmp0 (response, "use") == 0)
    answer = RC_SECRET_PROMPT_USE_HERE;
  else if (g_strcmp0 (response, "new") == 0)
    answer = RC_SECRET_PROMPT_TYPE_NEW;

  prompt_done (task, answer, FALSE);
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  prompt_done (user_data, RC_SECRET_PROMPT_CANCEL, TRUE);

  return G_SOURCE_REMOVE;
}

/* Not from within the emission, where disconnecting would dead-lock. */
static void
cancelled_cb (GCancellable *cancellable,
              GTask        *task)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancelled_idle_cb, g_object_ref (task), g_object_unref);
}

/**
 * rc_secret_prompt_async:
 * @parent: a widget of the window to ask over
 * @kind: the kind of authentication, to name the secret
 * @saved: (nullable): what the secret was saved for; %NULL for one stored
 *   by an earlier Restcall
 * @wanted: where it would now be sent
 * @cancellable: (nullable): cancelling it closes the dialog, as Cancel
 *
 * Asks whether to send the stored secret to @wanted.
 */
void
rc_secret_prompt_async (GtkWidget             *parent,
                        RcAuthKind             kind,
                        const RcSecretBinding *saved,
                        const RcSecretBinding *wanted,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autofree char *to = NULL;
  g_autofree char *from = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GTask *task;
  Prompt *prompt;
  gboolean basic = kind == RC_AUTH_KIND_BASIC;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (wanted != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, rc_secret_prompt_async);

  to = rc_secret_binding_describe (wanted, kind);
  if (saved != NULL)
    {
      from = rc_secret_binding_describe (saved, kind);
      body = basic ? g_strdup_printf (
                       _("The stored password was saved for %s. This call would send it to %s.\n\n"
                         "A project file can be changed by anyone who shares it: send the "
                         "password there only if it belongs there."),
                       from, to)
                   : g_strdup_printf (
                       _("The stored client secret was saved for %s. This call would send it "
                         "to %s.\n\nA project file can be changed by anyone who shares it: send "
                         "the client secret there only if it belongs there."),
                       from, to);
    }
  else
    body = basic
      ? g_strdup_printf (_("The stored password was saved by an earlier version of Restcall, which "
                           "did not record where it may be sent. This call would send it to %s.\n\n"
                           "Send it there only if it belongs there."), to)
      : g_strdup_printf (_("The stored client secret was saved by an earlier version of Restcall, "
                           "which did not record where it may be sent. This call would send it to "
                           "%s.\n\nSend it there only if it belongs there."), to);

  root = gtk_widget_get_root (parent);
  prompt = g_new0 (Prompt, 1);
  prompt->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    basic ? _("Send the Password Elsewhere?") : _("Send the Client Secret Elsewhere?"), body));
  g_object_ref_sink (prompt->dialog);
  adw_message_dialog_add_responses (prompt->dialog,
                                    "cancel", _("_Cancel"),
                                    "new", _("_Type a New Secret"),
                                    "use", _("_Use It Here"),
                                    NULL);
  adw_message_dialog_set_response_appearance (prompt->dialog, "use", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (prompt->dialog, "cancel");
  adw_message_dialog_set_close_response (prompt->dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (prompt->dialog), TRUE);
  g_task_set_task_data (task, prompt, (GDestroyNotify)prompt_free);

  prompt->response_id =
    g_signal_connect (prompt->dialog, "response", G_CALLBACK (response_cb), task);
  if (cancellable != NULL)
    prompt->cancelled_id =
      g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), task, NULL);

  gtk_window_present (GTK_WINDOW (prompt->dialog));
}

/**
 * rc_secret_prompt_finish:
 *
 * Returns: what the user chose; %RC_SECRET_PROMPT_CANCEL when the prompt
 *   was cancelled
 */
RcSecretPromptAnswer
rc_secret_prompt_finish (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), RC_SECRET_PROMPT_CANCEL);

  return g_task_propagate_int (G_TASK (result), NULL);
}
