/* test-crash-save.c: a save killed at any moment leaves a file that loads
 *
 * cpl_dataset_save_file writes through cpl_file_replace_contents(), as
 * a document's save does: GIO's g_file_replace() with a backup writes a
 * temporary file beside FILE, links FILE to FILE~ and renames the
 * temporary file over FILE.  A child saves a large dataset (the built-in one plus
 * many chips) to the same path in a loop, alternating two versions; the
 * parent kills it with SIGKILL at 200 moments drawn from a seeded
 * generator.  After each kill FILE loads alone and is one of the two
 * complete versions, and so is FILE~ when it exists (a kill between
 * removing the old FILE~ and linking the new one leaves none).  A kill
 * can leave the temporary .goutputstream-XXXXXX behind; the next save
 * must still work.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cpl-model.h"

/* Under AddressSanitizer (build-aux/test.sh --sanitize) a fork and a
 * save are several times slower: fewer kills of a smaller file, to stay
 * within meson's 30 s. */
#if defined(__SANITIZE_ADDRESS__)
#define N_KILLS     40
#define N_EXTRA     200
#else
#define N_KILLS     200
#define N_EXTRA     1000
#endif
#define SEED        20261129

static CplDataset *
big_dataset (const char *marker)
{
  g_autoptr(GError) error = NULL;
  CplDataset *dataset = cpl_dataset_new_builtin (&error);
  g_autoptr(CplChip) first = NULL;
  const char *vendor;

  g_assert_no_error (error);
  first = g_list_model_get_item (cpl_dataset_get_chips (dataset), 0);
  vendor = cpl_chip_get_vendor_id (first);
  for (guint i = 0; i < N_EXTRA; i++)
    {
      g_autofree char *id = g_strdup_printf ("crash-chip-%u", i);
      g_autofree char *name = g_strdup_printf ("Crash test chip %u (%s)", i, marker);
      g_autoptr(CplChip) chip = cpl_chip_new (id, name, vendor);

      cpl_entity_set_number (CPL_ENTITY (chip), CPL_CHIP_TDP_W, 100 + i, NULL);
      cpl_entity_set_number (CPL_ENTITY (chip), CPL_CHIP_PRICE_USD, 1000 + i, NULL);
      cpl_dataset_append (dataset, CPL_ENTITY (chip));
    }
  return dataset;
}

/* FILE (or FILE~) loads alone and is version a or b, as a dataset. */
static void
assert_complete (const char *path,
                 const char *a,
                 const char *b)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  if (!g_str_equal (contents, a) && !g_str_equal (contents, b))
    g_error ("%s is neither complete version (%" G_GSIZE_FORMAT " bytes)", path, length);
  cpl_dataset_load_file (dataset, path, CPL_LOAD_ALONE, &error);
  g_assert_no_error (error);
  data = cpl_dataset_to_data (dataset, &length);
  g_assert_true (g_str_equal (data, a) || g_str_equal (data, b));
}

/* Files in @dir other than FILE and FILE~: GIO's temporaries, left by a
 * kill between creating and renaming them. */
static guint
count_leftovers (const char *dir,
                 const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *backup = g_strconcat (base, "~", NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_equal (name, base) && !g_str_equal (name, backup))
      {
        g_assert_true (g_str_has_prefix (name, ".goutputstream-"));
        n++;
      }
  return n;
}

static void
test_crash_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-crash-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *backup = cpl_dataset_backup_path (path);
  g_autoptr(CplDataset) version_a = big_dataset ("a");
  g_autoptr(CplDataset) version_b = big_dataset ("b");
  g_autofree char *a = cpl_dataset_to_data (version_a, NULL);
  g_autofree char *b = cpl_dataset_to_data (version_b, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  gint64 start, save_us;
  guint leftovers = 0, kills_with_leftovers = 0;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_assert_no_error (error);
  g_assert_false (g_str_equal (a, b));

  /* How long a save takes here, for the range of kill moments. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (cpl_dataset_save_file (i % 2 ? version_b : version_a, path, &error));
      g_assert_no_error (error);
    }
  save_us = MAX ((g_get_monotonic_time () - start) / 4, 200);
  g_test_message ("a save of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " µs",
                  strlen (a), save_us);

  for (guint kill_n = 0; kill_n < N_KILLS; kill_n++)
    {
      /* up to two saves' time, so a kill lands anywhere in one */
      gulong delay = g_rand_int_range (rand, 0, (gint32) MIN (save_us * 2, 20000));
      pid_t pid;
      int status;
      guint now;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint i = 0;; i++)
            if (!cpl_dataset_save_file (i % 2 ? version_b : version_a, path, NULL))
              _exit (3);
        }
      g_usleep (delay);
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      /* killed, not failed */
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

      assert_complete (path, a, b);
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        assert_complete (backup, a, b);
      now = count_leftovers (dir, "data.json");
      kills_with_leftovers += now > leftovers;
      leftovers = now;
    }
  g_test_message ("%u of %u kills left a temporary file behind; %u in all",
                  kills_with_leftovers, N_KILLS, leftovers);

  /* Leftover temporaries are harmless: the next save works and reads back. */
  g_assert_true (cpl_dataset_save_file (version_a, path, &error));
  g_assert_no_error (error);
  assert_complete (path, a, a);

  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_unlink (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A kill between GLib's linking FILE~ to FILE and its renaming the new
 * version over FILE leaves FILE~ a second name of FILE (made here with
 * link()).  The next save still goes through a temporary file: FILE is a
 * new file (another inode) with one name, holding version b, and FILE~
 * holds version a.  (GLib saved a file of two names in place, after
 * copying it to FILE~: a kill then left half a file, as /save/crash
 * found now and then.) */
static void
test_backup_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-backup-link-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "data.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf before, after;

  g_assert_true (g_file_set_contents (path, "version a", -1, &error));
  g_assert_cmpint (link (path, backup), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_cmpuint (before.st_nlink, ==, 2);

  g_assert_true (cpl_file_replace_contents (file, "version b", strlen ("version b"), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "version b");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "version a");

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (backup), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save/crash", test_crash_save);
  g_test_add_func ("/save/backup-link", test_backup_link);
  return g_test_run ();
}
