/* test-hostile.c: input made to break the loader and the CLI (issue #11)
 *
 * Files that are not files (a named pipe, a folder, /dev/zero, a
 * socket), a file that cannot be read, --compute writing to a full
 * device, byte-order marks, control characters and huge values in what
 * messages echo, and unknown keys at every level of a dataset.  The files
 * in tests/fixtures/bad/ are in test-malformed.c.
 *
 * Nothing here may hang if a fix regresses: a load that could block runs
 * in a thread, and the CLI in a child, each with a watchdog.
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "cpl-test-util.h"

#define WATCHDOG_SECONDS 20

/* A load in a thread, so that a load that blocks fails the test instead
 * of hanging it. */
typedef struct {
  GMutex      lock;
  GCond       cond;
  const char *path;
  gboolean    done;
  gboolean    loaded;
  GError     *error;
} Load;

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  GError *error = NULL;
  gboolean loaded = cpl_dataset_load_file (dataset, load->path, CPL_LOAD_ALONE, &error);

  g_mutex_lock (&load->lock);
  load->loaded = loaded;
  load->error = error;
  load->done = TRUE;
  g_cond_signal (&load->cond);
  g_mutex_unlock (&load->lock);
  return NULL;
}

/* Returns: the error of loading @path, which must fail within the
 * watchdog's time. */
static GError *
load_with_watchdog (const char *path)
{
  /* static: a thread that hangs still points at it when the test aborts */
  static Load load;
  gint64 deadline = g_get_monotonic_time () + WATCHDOG_SECONDS * G_TIME_SPAN_SECOND;
  GThread *thread;

  memset (&load, 0, sizeof load);
  g_mutex_init (&load.lock);
  g_cond_init (&load.cond);
  load.path = path;
  thread = g_thread_new ("load", load_thread, &load);
  g_mutex_lock (&load.lock);
  while (!load.done)
    if (!g_cond_wait_until (&load.cond, &load.lock, deadline))
      g_error ("loading %s still blocks after %d s", path, WATCHDOG_SECONDS);
  g_mutex_unlock (&load.lock);
  g_thread_join (thread);
  g_mutex_clear (&load.lock);
  g_cond_clear (&load.cond);
  g_assert_false (load.loaded);
  g_assert_nonnull (load.error);
  return load.error;
}

static void
assert_not_regular (const char *path,
                    const char *what)
{
  g_autoptr(GError) error = load_with_watchdog (path);
  g_autofree char *expected = g_strdup_printf ("%s is not a regular file (%s); choose a dataset "
                                               "file (.json) or an Epoch AI hardware table (.csv)",
                                               path, what);

  g_test_message ("%s", error->message);
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==, expected);
}

static char *
make_fifo (char **dir_out)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);
  char *path = g_build_filename (dir, "pipe.json", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  *dir_out = g_steal_pointer (&dir);
  return path;
}

/* Reading a named pipe waits for a writer forever (the CLI and the GUI
 * hung); it is refused at once. */
static void
test_fifo (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_fifo (&dir);

  assert_not_regular (path, "a named pipe");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);

  assert_not_regular (dir, "a folder");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* /dev/zero never ends: refused as a device before anything is read. */
static void
test_dev_zero (void)
{
  assert_not_regular ("/dev/zero", "a device");
}

/* A socket cannot even be opened (ENXIO); it is still named for what it
 * is. */
static void
test_socket (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "socket.json", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpuint (strlen (path), <, sizeof address.sun_path);
  strcpy (address.sun_path, path);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &address, sizeof address), ==, 0);
  assert_not_regular (path, "a socket");
  close (fd);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* I/O errors name the user's file and say what to do, not "mmap() failed"
 * or "Failed to open file". */
static void
test_missing (void)
{
  g_autoptr(GError) error = load_with_watchdog ("/nonexistent/x.json");

  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "/nonexistent/x.json: there is no such file; check the file's name and folder");
}

static void
test_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = NULL;

      path = g_strdup (g_getenv ("CPL_UNREADABLE"));
      expected = g_strdup_printf ("%s: could not read the file: permission denied; "
                                  "check that the file is readable", path);
      /* Permissions do not stop root (CI runs as root): read as "nobody". */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      g_assert_cmpint (access (path, R_OK), !=, 0);
      error = load_with_watchdog (path);
      g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_IO);
      g_assert_cmpstr (error->message, ==, expected);
      return;
    }

  dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);
  path = g_build_filename (dir, "secret.json", NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);  /* the folder open, the file not */
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_setenv ("CPL_UNREADABLE", path, TRUE);
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The CLI, in a child with a watchdog. */
typedef struct {
  GMainLoop *loop;
  gboolean   timed_out;
} Wait;

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Wait *wait = data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  g_main_loop_quit (wait->loop);
}

static gboolean
on_watchdog (gpointer data)
{
  Wait *wait = data;

  wait->timed_out = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

/* Runs `chip-policy-lab ARGS` with stdout to @stdout_path (or a pipe)
 * and returns its exit status; *@err gets what it wrote on stderr. */
static int
run_cli (const char * const *args,
         const char         *stdout_path,
         char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GInputStream) stderr_stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Wait wait = { loop, FALSE };
  const char *exe = g_getenv ("CPL_EXE");
  guint watchdog;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        (stdout_path ? 0 : G_SUBPROCESS_FLAGS_STDOUT_SILENCE));
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "", TRUE);
  if (stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, stdout_path);
  child = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, on_watchdog, &wait);
  g_subprocess_wait_async (child, NULL, on_waited, &wait);
  g_main_loop_run (loop);
  if (wait.timed_out)
    {
      g_subprocess_force_exit (child);
      g_error ("chip-policy-lab %s still runs after %d s", args[0], WATCHDOG_SECONDS);
    }
  g_source_remove (watchdog);

  stderr_stream = g_object_ref (g_subprocess_get_stderr_pipe (child));
  bytes = g_input_stream_read_bytes (stderr_stream, 65536, NULL, &error);
  g_assert_no_error (error);
  *err = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (g_subprocess_get_if_exited (child));
  return g_subprocess_get_exit_status (child);
}

/* `chip-policy-lab --compute FIFO` hung forever; it exits 1 at once. */
static void
test_cli_fifo (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_fifo (&dir);
  g_autofree char *err = NULL;
  g_autofree char *expected = g_strdup_printf ("chip-policy-lab: %s is not a regular file "
                                               "(a named pipe); choose a dataset file", path);
  const char *args[] = { "--compute", path, NULL };

  g_assert_cmpint (run_cli (args, NULL, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_true (g_str_has_prefix (err, expected));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* `--compute > /dev/full` exited 0 with nothing written; every write and
 * the final flush are checked. */
static void
test_cli_full (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autofree char *err = NULL;
  const char *args[] = { "--compute", fixture, "--no-builtin", NULL };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  g_assert_cmpint (run_cli (args, "/dev/full", &err), ==, 1);
  g_test_message ("%s", err);
  /* ENOSPC in the C locale */
  g_assert_cmpstr (err, ==, "chip-policy-lab: could not write the results: No space left on "
                            "device; check that there is room where the output goes\n");
}

/* The control: the same run to a file exits 0 and writes the results. */
static void
test_cli_file (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "two-chips.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  const char *args[] = { "--compute", fixture, "--no-builtin", NULL };

  g_assert_cmpint (run_cli (args, out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  /* two-chips.json has scenario "two-years" (test-compute.c) */
  g_assert_nonnull (strstr (contents, "\"two-years\""));
  g_assert_cmpint (g_unlink (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The fixtures' minimal dataset (test-malformed.c): 1 vendor, 2 chips. */
static const char minimal[] =
  "{ \"format\": \"chip-policy-lab\", \"version\": 1,\n"
  "  \"vendors\": [ { \"id\": \"v\", \"name\": \"V\", \"country\": \"CN\" } ],\n"
  "  \"chips\": [ { \"id\": \"d\", \"name\": \"D\", \"vendor\": \"v\", \"domestic\": true,\n"
  "                 \"tdp_w\": 400, \"price_usd\": 10000, \"performance\": { \"bf16\": 300 } },\n"
  "               { \"id\": \"x\", \"name\": \"\\ud83d\\ude00\", \"vendor\": \"v\",\n"
  "                 \"tdp_w\": 700, \"price_usd\": 25000, \"performance\": { \"bf16\": 990 } } ] }\n";

static CplDataset *
load_text (const char  *text,
           gsize        length,
           const char  *name,
           GError     **error)
{
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);

  if (!cpl_dataset_load_bytes (dataset, bytes, name, CPL_LOAD_ALONE, error))
    return NULL;
  return g_steal_pointer (&dataset);
}

/* A surrogate pair is one character: U+1F600 is F0 9F 98 80 in UTF-8.
 * The check for half pairs must not refuse whole ones. */
static void
test_surrogate_pair (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = load_text (minimal, strlen (minimal), "pair.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cpl_entity_get_name (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "x"))), ==,
                   "\xF0\x9F\x98\x80");
}

/* RFC 8259 §8.1 lets a parser ignore a byte-order mark; Notepad writes
 * one.  A JSON dataset with one loads as without. */
static void
test_bom_json (void)
{
  g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", minimal, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = load_text (text, strlen (text), "bom.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 2);
}

/* Excel's "CSV UTF-8" starts with a byte-order mark; the name column was
 * "\xEF\xBB\xBFHardware name" and not found. */
static void
test_bom_csv (void)
{
  static const char csv[] = "\xEF\xBB\xBF" "Hardware name,Manufacturer,TDP (W)\n"
                            "Foo X1,Foo,350\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = load_text (csv, strlen (csv), "excel.csv", &error);
  CplChip *chip;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 1);
  /* the id is made from the name: "Foo X1" → "foo-x1" */
  chip = cpl_dataset_lookup_chip (dataset, "foo-x1");
  g_assert_nonnull (chip);
  g_assert_cmpfloat (cpl_chip_get (chip, CPL_CHIP_TDP_W), ==, 350);
  g_clear_object (&dataset);

  /* without the .csv suffix, the table is known by its first column,
   * after the mark */
  dataset = load_text (csv, strlen (csv), "excel-export", &error);
  g_assert_no_error (error);
  g_assert_nonnull (cpl_dataset_lookup_chip (dataset, "foo-x1"));
}

/* Text after the document is refused (test-malformed.c), but white space
 * and a comment after it are not text. */
static void
test_comment_after_document (void)
{
  g_autofree char *text = g_strconcat (minimal, "\n/* reviewed */\n\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplDataset) dataset = load_text (text, strlen (text), "comment.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 2);
}

static void
test_escape (void)
{
  struct { const char *in; gsize max; const char *out; } cases[] = {
    { "plain 文本", 0, "plain 文本" },
    /* ESC [ 2 J clears a terminal: C0 as \x.. */
    { "a\x1b[2Jb", 0, "a\\x1b[2Jb" },
    { "tab\there\nnew", 0, "tab\\x09here\\x0anew" },
    { "del\x7f", 0, "del\\x7f" },
    /* C1: U+0085 (NEL) is C2 85 */
    { "nel\xC2\x85", 0, "nel\\u0085" },
    /* bidi: U+202E (E2 80 AE), U+2066 (E2 81 A6), U+2069 (E2 81 A9) */
    { "\xE2\x80\xAEgnp.exe", 0, "\\u202egnp.exe" },
    { "\xE2\x81\xA6x\xE2\x81\xA9", 0, "\\u2066x\\u2069" },
    /* U+202F (narrow no-break space) and U+2065 are not controls */
    { "\xE2\x80\xAF", 0, "\xE2\x80\xAF" },
    /* a byte that is not UTF-8 */
    { "bad\xFFz", 0, "bad\\xffz" },
    /* cut after 3 characters; an escape counts as one */
    { "abcdef", 3, "abc…" },
    { "\x1b\x1b\x1b\x1b", 2, "\\x1b\\x1b…" },
    { "芯片政策", 2, "芯片…" },
    { "abc", 3, "abc" },
    /* escaping again changes nothing */
    { "a\\x1bb", 0, "a\\x1bb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cpl_message_escape (cases[i].in, cases[i].max);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* A file name with an escape sequence reaches the message escaped: the
 * name is "evil" ESC "[2J.json". */
static void
test_file_name_escaped (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cpl-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "evil\x1b[2J.json", NULL);
  g_autofree char *expected = g_strdup_printf ("%s/evil\\x1b[2J.json:1:", dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{", -1, NULL));
  error = load_with_watchdog (path);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A 1,000,000-character id (under the 1 MiB string limit) is shown cut to
 * CPL_MESSAGE_MAX_CHARS (80) characters and "…", not in full. */
static void
test_long_value (void)
{
  g_autofree char *id = g_strnfill (1000000, 'A');
  g_autofree char *shown = g_strnfill (80, 'A');
  g_autofree char *text = g_strdup_printf ("{ \"format\": \"chip-policy-lab\", "
                                           "\"vendors\": [ { \"id\": \"%s\" } ] }", id);
  g_autofree char *expected = g_strdup_printf ("long.json: vendors[0].id: \"%s…\" is not a valid id",
                                               shown);
  g_autoptr(GError) error = NULL;

  g_assert_null (load_text (text, strlen (text), "long.json", &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, expected));
  /* the prefix (110 characters) and the expectation (~80) */
  g_assert_cmpuint (strlen (error->message), <, 300);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* The member at @path ("chips.0.performance.x-perf-source": keys and
 * array indices) of @root, or NULL. */
static JsonNode *
member_at (JsonNode   *root,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);

          node = index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else
        node = NULL;
    }
  return node;
}

/* README: keys the app does not know are kept when it saves the file, at
 * every level.  unknown-keys-nested.json has one at each: the top, each
 * kind of entry, a chip's performance and notes, a name and a description
 * object, the ranges and a range, and a rule's conditions (dropped on save
 * before).  Load, save, and each is in the saved text, as it was. */
static void
test_unknown_keys_every_level (void)
{
  static const char * const paths[] = {
    "x-top",
    "vendors.0.x-vendor",
    "chips.0.name.x-name-reviewed",
    "chips.0.performance.x-perf-source",
    "chips.0.notes.x-notes",
    "chips.0.x-chip",
    "rules.0.x-rule",
    "rules.0.description.x-description",
    "rules.0.match_any.0.0.x-condition",
    "rules.0.match_any.1.1.x-second",
    "scenarios.0.ranges.demand_growth.x-range",
    "scenarios.0.ranges.x-ranges",
    "scenarios.0.x-scenario",
    "revenue_cases.0.x-sale",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "unknown-keys-nested.json", NULL);
  g_autofree char *original_text = NULL;
  g_autoptr(CplDataset) dataset = cpl_test_load_fixture ("unknown-keys-nested.json", CPL_LOAD_ALONE);
  g_autofree char *saved_text = cpl_dataset_to_data (dataset, NULL);
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(CplDataset) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_true (g_file_get_contents (path, &original_text, NULL, NULL));
  original = parse (original_text);
  saved = parse (saved_text);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      JsonNode *before = member_at (original, paths[i]);
      JsonNode *after = member_at (saved, paths[i]);

      g_test_message ("%s", paths[i]);
      g_assert_nonnull (before);
      g_assert_nonnull (after);
      g_assert_true (json_node_equal (before, after));
    }
  /* the unknown keys change nothing the model reads: "x-" is not a
   * locale, so the name is still the English one */
  g_assert_cmpstr (cpl_text_get_for (cpl_entity_get_name_text (CPL_ENTITY (cpl_dataset_lookup_chip (dataset, "test-domestic"))),
                                     (const char * const []) { "fr", NULL }), ==, "Test Domestic");

  /* and what was saved reads back to the same text */
  again = load_text (saved_text, strlen (saved_text), "saved.json", &error);
  g_assert_no_error (error);
  saved_again = cpl_dataset_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved_text);
}

/* In performance, ranges and text, where every key names a precision, a
 * parameter or a locale, an unknown key without "x-" is still refused as
 * a likely typo (test-malformed.c: bad-precision-key.json), and "x-" is
 * the way to add one's own. */
static void
test_typo_still_refused (void)
{
  static const char text[] =
    "{ \"format\": \"chip-policy-lab\", \"scenarios\": [ { \"id\": \"s\", \"start_year\": 2026,\n"
    "  \"years\": 5, \"domestic_chip\": \"d\", \"demand_pflops\": 1, \"domestic_capacity_pflops\": 1, \"domestic_installed_pflops\": 1,\n"
    "  \"ranges\": { \"demand_grwth\": { \"low\": 0, \"mode\": 0.1, \"high\": 0.2 } } } ] }\n";
  g_autoptr(GError) error = NULL;

  g_assert_null (load_text (text, strlen (text), "typo.json", &error));
  g_assert_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "typo.json: scenarios[0].ranges.demand_grwth: "
                                                   "\"demand_grwth\" cannot carry a range"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/not-regular/fifo", test_fifo);
  g_test_add_func ("/hostile/not-regular/directory", test_directory);
  g_test_add_func ("/hostile/not-regular/dev-zero", test_dev_zero);
  g_test_add_func ("/hostile/not-regular/socket", test_socket);
  g_test_add_func ("/hostile/io/missing", test_missing);
  g_test_add_func ("/hostile/io/unreadable", test_unreadable);
  g_test_add_func ("/hostile/cli/fifo", test_cli_fifo);
  g_test_add_func ("/hostile/cli/dev-full", test_cli_full);
  g_test_add_func ("/hostile/cli/control/file", test_cli_file);
  g_test_add_func ("/hostile/json/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/hostile/json/comment-after-document", test_comment_after_document);
  g_test_add_func ("/hostile/bom/json", test_bom_json);
  g_test_add_func ("/hostile/bom/csv", test_bom_csv);
  g_test_add_func ("/hostile/messages/escape", test_escape);
  g_test_add_func ("/hostile/messages/file-name", test_file_name_escaped);
  g_test_add_func ("/hostile/messages/long-value", test_long_value);
  g_test_add_func ("/hostile/unknown-keys/every-level", test_unknown_keys_every_level);
  g_test_add_func ("/hostile/unknown-keys/typo-refused", test_typo_still_refused);

  return g_test_run ();
}
