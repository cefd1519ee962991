/* rc-project-registry.c: which file a project's id, and so its secrets, belong to
 *
 * Secrets are found in the keyring by the project's id, which is written in
 * the project file: `cp prod.restcall staging.restcall` makes two files
 * with one id, and a secret stored for the copy would replace the
 * original's. So Restcall remembers which file each id it has seen belongs
 * to, in $XDG_STATE_HOME/restcall/project-files.ini (a hash of the id →
 * the file's real path; the file is the user's own, like the keyring).
 *
 * A file claims its id the first time Restcall opens it. A file opened
 * later with an id that another file claimed, which still exists, is not
 * the same file, and still has that id, is a copy of it: the window offers
 * to give it an id of its own, and `restcall secret` and `restcall auth`
 * give it one before they write to the keyring (rc_project_registry_check()
 * says which file it copies). A file moved away (the old path gone) just
 * claims its id again.
 *
 * Nothing here is secret, and nothing fails loudly: a registry that cannot
 * be read is an empty one, and one that cannot be written only means the
 * next copy is not recognised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _DEFAULT_SOURCE /* realpath() */
#define G_LOG_DOMAIN "Restcall-Core"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "rc-project.h"
#include "rc-project-registry.h"

#define GROUP "Projects"

/* Serialises this process's reads and writes (the GUI checks in threads). */
static GMutex registry_lock;

static char *
dup_registry_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "restcall", "project-files.ini", NULL);
}

/* The key of @project_id: whatever a file says its id is, a valid key. */
static char *
dup_key (const char *project_id)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, project_id, -1);
}

/* The real path of @file (symbolic links resolved), or %NULL for a file
 * that is not a local one. */
static char *
dup_real_path (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *real;

  if (path == NULL)
    return NULL;

  if ((real = realpath (path, NULL)) != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }

  return g_canonicalize_filename (path, NULL);
}

static GKeyFile *
load_registry (void)
{
  g_autofree char *path = dup_registry_path ();
  g_autoptr(GError) error = NULL;
  GKeyFile *registry = g_key_file_new ();

  if (!g_key_file_load_from_file (registry, path, G_KEY_FILE_NONE, &error)
      && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("The project registry %s could not be read, and is taken as empty: %s",
             path, error->message);

  return registry;
}

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf stat_a, stat_b;

  if (g_stat (a, &stat_a) != 0 || g_stat (b, &stat_b) != 0)
    return FALSE;

  return stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
}

/* Whether the file at @path is a project whose id is @project_id. */
static gboolean
file_has_id (const char   *path,
             const char   *project_id,
             GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RcProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  if ((project = rc_project_load (file, cancellable, &error)) == NULL)
    {
      g_debug ("%s is no project any more: %s", path, error->message);
      return FALSE;
    }

  return g_str_equal (rc_project_get_id (project), project_id);
}

/**
 * rc_project_registry_find_original:
 * @file: the file the project was loaded from
 *
 * Says whether @file is a copy: whether another file, which still exists
 * and still has @project_id, claimed the id first. May read that file: call
 * it from a thread in a window.
 *
 * Returns: (transfer full) (nullable): the file @file is a copy of, or
 *   %NULL
 */
GFile *
rc_project_registry_find_original (const char   *project_id,
                                   GFile        *file,
                                   GCancellable *cancellable)
{
  g_autoptr(GKeyFile) registry = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *claimed = NULL;

  g_return_val_if_fail (project_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = dup_real_path (file)) == NULL)
    return NULL;

  key = dup_key (project_id);
  g_mutex_lock (&registry_lock);
  registry = load_registry ();
  g_mutex_unlock (&registry_lock);
  claimed = g_key_file_get_string (registry, GROUP, key, NULL);

  if (claimed == NULL || g_str_equal (claimed, path) || same_file (claimed, path)
      || !file_has_id (claimed, project_id, cancellable))
    return NULL;

  return g_file_new_for_path (claimed);
}

/**
 * rc_project_registry_claim:
 * @file: the file that holds @project_id from now on
 *
 * Records that @project_id belongs to @file, and forgets the files that no
 * longer exist.
 *
 * Returns: %TRUE when recorded
 */
gboolean
rc_project_registry_claim (const char  *project_id,
                           GFile       *file,
                           GError     **error)
{
  g_autoptr(GKeyFile) registry = NULL;
  g_autofree char *registry_path = dup_registry_path ();
  g_autofree char *folder = g_path_get_dirname (registry_path);
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  g_autofree char *claimed = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (project_id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = dup_real_path (file)) == NULL)
    return TRUE;

  key = dup_key (project_id);

  g_mutex_lock (&registry_lock);

  registry = load_registry ();
  claimed = g_key_file_get_string (registry, GROUP, key, NULL);
  if (g_strcmp0 (claimed, path) == 0)
    {
      g_mutex_unlock (&registry_lock);
      return TRUE;
    }

  keys = g_key_file_get_keys (registry, GROUP, NULL, NULL);
  for (guint i = 0; keys && keys[i]; i++)
    {
      g_autofree char *other = g_key_file_get_string (registry, GROUP, keys[i], NULL);

      if (other == NULL || !g_file_test (other, G_FILE_TEST_EXISTS))
        g_key_file_remove_key (registry, GROUP, keys[i], NULL);
    }

  g_key_file_set_string (registry, GROUP, key, path);
  data = g_key_file_to_data (registry, &length, NULL);

  ok = g_mkdir_with_parents (folder, 0700) == 0
       && g_file_set_contents_full (registry_path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                    0600, error);
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Could not create the folder “%s”: %s"), folder, g_strerror (errno));

  g_mutex_unlock (&registry_lock);

  return ok;
}

/**
 * rc_project_registry_check:
 *
 * What opening @file does: finds the file it is a copy of, if any; if
 * none, @file claims @project_id. May read another file: call it from a
 * thread in a window.
 *
 * Returns: (transfer full) (nullable): the file @file is a copy of, or
 *   %NULL
 */
GFile *
rc_project_registry_check (const char   *project_id,
                           GFile        *file,
                           GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  GFile *original;

  if ((original = rc_project_registry_find_original (project_id, file, cancellable)) != NULL)
    return original;

  if (!rc_project_registry_claim (project_id, file, &error))
    g_debug ("Could not record which file the project %s is: %s", project_id, error->message);

  return NULL;
}
