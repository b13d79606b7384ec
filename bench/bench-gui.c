/* bench-gui.c: issue #16's rows of the window, each against a baseline
 * measured in the same run, interleaved, medians of ROUNDS runs:
 *
 *   start to first frame, built-in data   the app with no file ÷ the bare
 *       window (bare-window.c: an AdwApplicationWindow of the same size)
 *   idle memory after start               Rss a second after the first
 *       frame, app ÷ bare window (Pss printed beside it)
 *   the 7.7 MB dataset to first frame     the app opening s16.json ÷ the
 *       app with no file (its window shows at once, the file loading
 *       behind it)
 *   the 7.7 MB dataset to data shown      from the start of the app's
 *       load (the shim notes when its window's "loading" turns TRUE) to
 *       the first frame after it turns FALSE (the file's data on screen)
 *       ÷ json_parser_load_from_file() of the same file, timed here, in
 *       the same round
 *   50 rules and only 20 chips            the app opening rules.json, from
 *       its start to the data shown (the file's rules on screen: what a
 *       user waits for) ÷ the bare window's first frame
 *   one edit to the drawn frame           from activating
 *       "scenarios.duplicate" (a copy of the selected scenario, selected:
 *       its results, table and charts computed and shown) to the next
 *       frame's after-paint ÷ from the bare window's "win.edit" (a new
 *       label text) to its next after-paint; EDITS edits in each run, a
 *       quarter of a second apart, the median of them all (one edit is
 *       some 25 ms, most of it the frame's drawing, which a shared
 *       machine's other work makes come in steps of ~5 ms: twelve runs
 *       of four edits each gave, edit by edit, 1.18×, 1.19×, 1.21× and
 *       1.33× on the same code)
 *
 * Each run is a fresh process with first-frame-shim.so preloaded (the
 * same for both programs: see it for what it notes), its own empty
 * XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_STATE_HOME (no drafts or state
 * from the run before), and the time from just before it was started to
 * the first frame's after-paint is the time that passed (a frame is what
 * a person waits for; on a busy machine it is noisy, hence medians).
 * One round runs the app, the bare window, the app with s16.json and
 * the app with rules.json, in that order; the first two also measure the
 * memory and the edit.
 *
 * Needs a display: build-aux/bench.sh runs it under Xvfb when there is
 * none.  Usage:
 *   bench-gui APP BARE_WINDOW SHIM DATA_DIR
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "bench-util.h"

#define ROUNDS     9                /* CPL_BENCH_ROUNDS: 1 to MAX_ROUNDS, for a quick look */
#define MAX_ROUNDS 25
#define EDITS      5                /* timed in each run that edits */
#define TIMEOUT_S  400
/* A pause before each run, not timed: the run before may still be being
 * cleaned up after (the 7.7 MB file's frees some 400 MB and its X and
 * accessibility resources as it exits), which slowed the start of the
 * run after it by 40–60 ms, and no other. */
#define SETTLE_MS  300

typedef struct
{
  double frame_s;                     /* start to first frame */
  double shown_s;                     /* start to the loaded file's data shown; NaN: no file */
  double data_s;                      /* the load's start to its data shown; NaN: no file */
  double rss_mb;
  double pss_mb;
  double edit_ms[EDITS];              /* NaN: not measured */
} Run;

static const char *shim;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static gint64
read_value (const char *text,
            const char *key)
{
  g_autofree char *prefix = g_strconcat (key, "=", NULL);
  const char *at = strstr (text, prefix);

  return at != NULL ? g_ascii_strtoll (at + strlen (prefix), NULL, 10) : -1;
}

/* Runs @program (with @file, if not NULL) under the shim; @edit: the
 * detailed action of the edit to time, or NULL for the first frame only. */
static Run
run (const char *program,
     const char *file,
     const char *edit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cpl-bench-gui-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { program, file, NULL };
  Run result = { NAN, NAN, NAN, NAN, NAN, { 0 } };
  gint64 start, frame_at, load_at, shown_at;
  int status = 0;
  pid_t pid;

  for (guint i = 0; i < EDITS; i++)
    result.edit_ms[i] = NAN;
  if (dir == NULL)
    g_error ("%s", error->message);
  out = g_build_filename (dir, "out", NULL);
  env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
  env = g_environ_setenv (env, "CPL_BENCH_OUT", out, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", dir, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", dir, TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", dir, TRUE);
  if (edit != NULL)
    {
      g_autofree char *edits = g_strdup_printf ("%d", EDITS);

      env = g_environ_setenv (env, "CPL_BENCH_EDIT", edit, TRUE);
      env = g_environ_setenv (env, "CPL_BENCH_EDITS", edits, TRUE);
    }
  else
    env = g_environ_setenv (env, "CPL_BENCH_FRAME_ONLY", "1", TRUE);

  fflush (stdout);
  g_usleep (SETTLE_MS * 1000);
  start = now_ns ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      /* the programs' messages would break the table */
      dup2 (null, STDOUT_FILENO);
      execve (program, (char **) argv, env);
      _exit (127);
    }
  for (guint waited = 0; waitpid (pid, &status, WNOHANG) == 0; waited++)
    {
      if (waited > TIMEOUT_S * 100)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          g_printerr ("bench-gui: %s %s gave no frame in %d s\n", program, file ? file : "", TIMEOUT_S);
          break;
        }
      g_usleep (10000);
    }

  if (g_file_get_contents (out, &text, NULL, NULL))
    {
      guint i = 0;

      frame_at = read_value (text, "frame_at_ns");
      load_at = read_value (text, "load_at_ns");
      shown_at = read_value (text, "shown_at_ns");
      if (frame_at > 0)
        result.frame_s = (frame_at - start) / 1e9;
      if (shown_at > 0)
        result.shown_s = (shown_at - start) / 1e9;
      if (shown_at > 0 && load_at > 0)
        result.data_s = (shown_at - load_at) / 1e9;
      result.rss_mb = read_value (text, "rss_kb") / 1024.;
      result.pss_mb = read_value (text, "pss_kb") / 1024.;
      /* the edits' lines, in order */
      for (const char *at = strstr (text, "edit_ns="); at != NULL && i < EDITS; at = strstr (at + 1, "edit_ns="), i++)
        result.edit_ms[i] = g_ascii_strtoll (at + strlen ("edit_ns="), NULL, 10) / 1e6;
      g_remove (out);
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || isnan (result.frame_s))
    g_printerr ("bench-gui: %s %s: no measurement (exit status %d)\n", program, file ? file : "", status);
  g_rmdir (dir);
  return result;
}

/* json-glib's parse of @path, in seconds of wall-clock time (as the
 * app's rows): the baseline of the data shown. */
static double
json_parse_s (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gint64 start = now_ns ();

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_printerr ("bench-gui: %s\n", error->message);
      return NAN;
    }
  return (now_ns () - start) / 1e9;
}

/* The median of the finite ones of @values, NaN when there are none. */
static double
median_of (double *values,
           guint   n)
{
  double finite[MAX_ROUNDS * EDITS];
  guint n_finite = 0;

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]) && values[i] >= 0)
      finite[n_finite++] = values[i];
  return n_finite > 0 ? bench_median (finite, n_finite) : NAN;
}

static double
file_mb (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size / 1e6 : NAN;
}

static void
row (const char *what,
     const char *unit,
     double      app,
     const char *baseline_name,
     double      baseline,
     double      goal)
{
  g_autofree char *app_text = g_strdup_printf ("%.2f %s", app, unit);
  g_autofree char *baseline_text = g_strdup_printf ("%s: %.2f %s", baseline_name, baseline, unit);

  if (isnan (app) || isnan (baseline))
    printf ("| %s | not measured (see the messages above) | %s | | ≤ %g× | NOT met |\n", what, baseline_name, goal);
  else
    bench_row (what, app_text, baseline_text, app / baseline, goal);
}

int
main (int   argc,
      char *argv[])
{
  const char *app, *bare;
  g_autofree char *large = NULL;
  g_autofree char *rules = NULL;
  double app_frame[MAX_ROUNDS], bare_frame[MAX_ROUNDS], large_frame[MAX_ROUNDS], rules_shown[MAX_ROUNDS];
  double large_data[MAX_ROUNDS], json_parse[MAX_ROUNDS];
  double app_rss[MAX_ROUNDS], bare_rss[MAX_ROUNDS], app_pss[MAX_ROUNDS], bare_pss[MAX_ROUNDS];
  double app_edit[MAX_ROUNDS * EDITS], bare_edit[MAX_ROUNDS * EDITS];
  g_autofree char *what = NULL;
  const char *rounds_env = g_getenv ("CPL_BENCH_ROUNDS");
  guint rounds = rounds_env != NULL ? CLAMP (atoi (rounds_env), 1, MAX_ROUNDS) : ROUNDS;

  if (argc != 5)
    {
      g_printerr ("usage: %s APP BARE_WINDOW SHIM DATA_DIR (DATA_DIR: s16.json and rules.json)\n", argv[0]);
      return 2;
    }
  app = argv[1];
  bare = argv[2];
  shim = argv[3];
  large = g_build_filename (argv[4], "s16.json", NULL);
  rules = g_build_filename (argv[4], "rules.json", NULL);

  for (guint r = 0; r < rounds; r++)
    {
      Run a = run (app, NULL, "scenarios.duplicate");
      Run b = run (bare, NULL, "win.edit");
      Run l = run (app, large, NULL);
      Run s = run (app, rules, NULL);

      json_parse[r] = json_parse_s (large);
      app_frame[r] = a.frame_s;
      app_rss[r] = a.rss_mb;
      app_pss[r] = a.pss_mb;
      memcpy (app_edit + r * EDITS, a.edit_ms, sizeof a.edit_ms);
      memcpy (bare_edit + r * EDITS, b.edit_ms, sizeof b.edit_ms);
      bare_frame[r] = b.frame_s;
      bare_rss[r] = b.rss_mb;
      bare_pss[r] = b.pss_mb;
      large_frame[r] = l.frame_s;
      large_data[r] = l.data_s;
      rules_shown[r] = s.shown_s;
    }

  row ("start to first frame, built-in data", "s", median_of (app_frame, rounds),
       "bare `AdwApplicationWindow`", median_of (bare_frame, rounds), 1.25);
  {
    g_autofree char *pss = g_strdup_printf ("idle memory after start (Rss; Pss %.0f MB vs %.0f MB)",
                                            median_of (app_pss, rounds), median_of (bare_pss, rounds));

    row (pss, "MB", median_of (app_rss, rounds), "bare window", median_of (bare_rss, rounds), 1.3);
  }
  what = g_strdup_printf ("GUI opening the %.1f MB dataset, to first frame", file_mb (large));
  row (what, "s", median_of (large_frame, rounds), "same app, no file", median_of (app_frame, rounds), 1.5);
  row ("GUI opening that dataset, from the load's start to the data shown", "s", median_of (large_data, rounds),
       "json-glib parsing the file", median_of (json_parse, rounds), 2);
  row ("GUI with 50 rules and only 20 chips, to the data shown", "s", median_of (rules_shown, rounds),
       "bare window, to first frame", median_of (bare_frame, rounds), 1.3);
  row ("one edit to the drawn frame", "ms", median_of (app_edit, rounds * EDITS),
       "an edit in a bare window", median_of (bare_edit, rounds * EDITS), 1.3);
  return 0;
}
