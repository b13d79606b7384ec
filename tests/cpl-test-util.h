/* cpl-test-util.h: small helpers the model tests share */
#pragma once

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cpl-model.h"

/* Relative comparison for values computed by hand to a few digits. */
#define cpl_assert_near(actual, expected, rel)                                  \
  G_STMT_START {                                                                \
    double a__ = (actual), e__ = (expected);                                    \
    if (!(fabs (a__ - e__) <= (rel) * fmax (fabs (e__), 1e-12)))                \
      g_error ("%s:%d: %s = %.12g, expected %.12g (±%g relative)",              \
               __FILE__, __LINE__, #actual, a__, e__, (double) (rel));          \
  } G_STMT_END

/* The quantile @u of the triangle distribution low @a, mode @c, high @b
 * (MODEL.md §6). */
static inline double
cpl_test_triangle_quantile (double a,
                            double c,
                            double b,
                            double u)
{
  if (u < (c - a) / (b - a))
    return a + sqrt (u * (b - a) * (c - a));
  return b - sqrt ((1 - u) * (b - a) * (b - c));
}

static inline CplDataset *
cpl_test_load_fixture (const char  *name,
                       CplLoadMode  mode)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  cpl_dataset_load_file (dataset, path, mode, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dataset);
}

/* A dataset from JSON text, laid over nothing. */
static inline CplDataset *
cpl_test_load_string (const char  *json,
                      GError     **error)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  if (!cpl_dataset_load_bytes (dataset, bytes, "test.json", CPL_LOAD_ALONE, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

static inline char *
cpl_test_serialize (CplDataset *dataset)
{
  return cpl_dataset_to_data (dataset, NULL);
}

/* Documents: their loads and saves, waited for ---------------------------- */

static inline void
cpl_test_store_result (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Runs the main loop until *@result is set; returns it (transfer full). */
static inline GAsyncResult *
cpl_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (result);
}

/* cpl_document_load_async(), waited for: whether @file loaded. */
static inline gboolean
cpl_test_document_load (CplDocument  *document,
                        GFile        *file,
                        GError      **error)
{
  GAsyncResult *pending = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  cpl_document_load_async (document, file, NULL, cpl_test_store_result, &pending);
  result = cpl_test_wait_for_result (&pending);
  return cpl_document_load_finish (document, result, error);
}

/* cpl_document_save_async(), waited for: whether it saved. */
static inline gboolean
cpl_test_document_save (CplDocument  *document,
                        GFile        *file,
                        GError      **error)
{
  GAsyncResult *pending = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  cpl_document_save_async (document, file, NULL, cpl_test_store_result, &pending);
  result = cpl_test_wait_for_result (&pending);
  return cpl_document_save_finish (document, result, error);
}

/* Files ----------------------------------------------------------------------- */

static inline int
cpl_test_compare_names (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in @dir, sorted, joined by spaces (transfer full). */
static inline char *
cpl_test_list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cpl_test_compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Removes @path and everything under it (symbolic links, not their targets). */
static inline void
cpl_test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            cpl_test_remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

/* Points XDG_DATA_HOME (where drafts go) at a fresh temporary directory
 * before GLib reads it; a g_test_trap_subprocess() child gets its
 * parent's through CPL_TEST_DATA_HOME, so that the two share it.
 * Returns: (transfer full) (nullable): the directory this process made,
 * to remove at the end; NULL in a child. */
static inline char *
cpl_test_isolate_data_home (void)
{
  const char *data_home = g_getenv ("CPL_TEST_DATA_HOME");
  char *own = NULL;

  if (data_home == NULL)
    {
      own = g_dir_make_tmp ("cpl-test-data-XXXXXX", NULL);
      g_assert_nonnull (own);
      g_setenv ("CPL_TEST_DATA_HOME", own, TRUE);
      data_home = own;
    }
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return own;
}

/* Writes to @path a file made from older built-in data ("2025-01-01"),
 * in which the H200 is as that older data had it (price 1, its
 * fingerprint recorded: unchanged since), the H20 was changed by the user
 * after it was saved (price 2, another fingerprint recorded) and the B200
 * is as the built-in data still has it (its fingerprint recorded). */
static inline void
cpl_test_write_older_file (const char *path)
{
  g_autoptr(CplDataset) old = cpl_dataset_new_builtin (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autofree char *h200_print = NULL;
  g_autofree char *b200_print = NULL;
  JsonObject *root;
  JsonObject *entries = json_object_new ();
  JsonObject *chips = json_object_new ();

  g_assert_true (cpl_entity_set_number (CPL_ENTITY (cpl_dataset_lookup_chip (old, "nvidia-h200")),
                                        CPL_CHIP_PRICE_USD, 1, NULL));
  h200_print = cpl_builtin_fingerprint (CPL_ENTITY (cpl_dataset_lookup_chip (old, "nvidia-h200")));
  b200_print = cpl_builtin_fingerprint (CPL_ENTITY (cpl_dataset_lookup_chip (old, "nvidia-b200")));
  g_assert_true (cpl_entity_set_number (CPL_ENTITY (cpl_dataset_lookup_chip (old, "nvidia-h20")),
                                        CPL_CHIP_PRICE_USD, 2, NULL));
  json_object_set_string_member (chips, "nvidia-h200", h200_print);
  json_object_set_string_member (chips, "nvidia-h20", "0000000000000000000000000000000000000000000000000000000000000000");
  json_object_set_string_member (chips, "nvidia-b200", b200_print);
  json_object_set_object_member (entries, "chips", chips);

  data = cpl_dataset_to_data (old, NULL);
  g_assert_true (json_parser_load_from_data (parser, data, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (root, "builtin_version");
  json_object_set_string_member (root, "made_from_builtin", "2025-01-01");
  json_object_set_object_member (root, "builtin_entries", entries);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, NULL));
}

/* The app as a separate process ------------------------------------------ */

/* Runs $CPL_EXE with @args (NULL-terminated); @run gets its wait status
 * and output. */
typedef struct {
  int   status;
  char *out;
  char *err;
} CplTestRun;

static inline void
cpl_test_run_clear (CplTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CplTestRun, cpl_test_run_clear)

static inline void
cpl_test_run_app (CplTestRun         *run,
                  const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("CPL_EXE");

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* no display at all: --compute and --export-chart must not need one */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* …and no D-Bus: the app is single-instance, and --compute must never
   * register the app or reach a running one (a bus that does not exist makes
   * any attempt fail) */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/cpl-no-bus", TRUE);
  /* English, unless a test asks for another language */
  if (g_getenv ("CPL_TEST_LANGUAGE") != NULL)
    {
      g_autofree char *locale = g_strconcat (g_getenv ("CPL_TEST_LANGUAGE"), ".UTF-8", NULL);

      envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
      envp = g_environ_setenv (envp, "LANGUAGE", g_getenv ("CPL_TEST_LANGUAGE"), TRUE);
    }
  else
    envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}
