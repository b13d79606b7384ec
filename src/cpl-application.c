/* cpl-application.c: the application, its actions and its command line */
#define G_LOG_DOMAIN "cpl-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "cpl-application.h"
#include "cpl-help-window.h"
#include "cpl-preferences-window.h"
#include "cpl-resources.h"
#include "cpl-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-pdf-report.h"
#include "views/cpl-view-util.h"

struct _CplApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  GPtrArray      *drafts;       /* CplDraft: crashed documents still to offer */
  guint           drafts_checked : 1;
};

G_DEFINE_FINAL_TYPE (CplApplication, cpl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "compute", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print the results for FILE (dataset JSON or Epoch AI CSV) and exit, without a display"),
    N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Output format of --compute: json (the default) or csv"), N_("FORMAT") },
  { "no-builtin", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --compute, read FILE alone instead of laying it over the built-in dataset"), NULL },
  { "date", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --compute, give each chip's status in China under the rules in force on DATE "
       "(YYYY-MM-DD; the default is today)"), N_("DATE") },
  { "seek", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --compute, find the value of PARAMETER at which TOTAL of SCENARIO reaches TARGET, "
       "print it as JSON and exit"), N_("SCENARIO,PARAMETER,TOTAL,TARGET") },
  { "draws", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --compute, the Monte Carlo draws of each scenario with ranges (default 10000)"),
    N_("N") },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the chart CHART (see below) of the scenarios given with --scenario to the file given with "
       "--output and exit, without a display; a FILE given is laid over the built-in dataset"),
    N_("CHART") },
  { "report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write a PDF report of the scenarios given with --scenario to --output and exit, without a display; "
       "a FILE given is laid over the built-in dataset"), NULL },
  { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --export-chart or --report, the id of a scenario to show; several compare them "
       "(a report without it: every scenario)"), N_("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-chart or --report, the file to write: a chart as PNG, SVG or PDF by its extension, "
       "a report as PDF"), N_("OUT") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --report, the paper size: a4 (the default) or letter"),
    N_("SIZE") },
  { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart and a PNG, its pixels per point, above 0 and up to 4 (default 1)"), N_("N") },
  { "total", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart tornado, the total its bars move: government_take_usd (the default), "
       "compute_gap_pflops, domestic_installed_pflops, final_domestic_share or gross_revenue_usd"),
    N_("TOTAL") },
  { "palette", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart, the chart's colours: light (the default, for slides and papers) or dark"),
    N_("PALETTE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

/**
 * cpl_compute_main:
 * @path: a dataset JSON or an Epoch AI CSV
 * @format: "json" or "csv"
 * @alone: read @path without the built-in dataset under it
 * @date: (nullable): YYYY-MM-DD, the day of the chips' status; %NULL for today
 * @draws: (nullable): the Monte Carlo draws, a whole number from 1 to
 *   CPL_MAX_DRAWS; %NULL for CPL_REPORT_DEFAULT_DRAWS
 * @seek: (nullable): SCENARIO,PARAMETER,TOTAL,TARGET: print goal seek's
 *   answer (MODEL.md §6.1) instead of the results
 *
 * Prints DATA-FORMAT.md's results on stdout.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr.
 */
int
cpl_compute_main (const char *path,
                  const char *format,
                  gboolean    alone,
                  const char *date,
                  const char *draws,
                  const char *seek)
{
  GDate day;
  guint64 n_draws = CPL_REPORT_DEFAULT_DRAWS;

  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  if (format == NULL)
    format = "json";
  if (!g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_printerr (_("chip-policy-lab: unknown format “%s”; expected json or csv\n"), format);
      return 1;
    }
  if (date != NULL && !cpl_iso_date_parse (date, &day))
    {
      /* Translators: %s is what follows --date; YYYY-MM-DD is the form it takes */
      g_printerr (_("chip-policy-lab: --date “%s” is not a date; expected YYYY-MM-DD, "
                    "such as 2026-02-01\n"), date);
      return 1;
    }
  if (draws != NULL && !g_ascii_string_to_unsigned (draws, 10, 1, CPL_MAX_DRAWS, &n_draws, NULL))
    {
      /* Translators: %s is what follows --draws; %d is the largest number allowed */
      g_printerr (_("chip-policy-lab: --draws “%s” is not a whole number from 1 to %d; expected "
                    "the number of Monte Carlo draws, such as 10000\n"), draws, CPL_MAX_DRAWS);
      return 1;
    }
  if (!cpl_dataset_load_file (dataset, path, alone ? CPL_LOAD_ALONE : CPL_LOAD_OVER_BUILTIN, &error))
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  if (seek != NULL)
    output = cpl_report_seek (dataset, seek, &error);
  else
    output = g_str_equal (format, "csv") ? cpl_report_to_csv (dataset, date ? &day : NULL, n_draws, &error)
                                         : cpl_report_to_json (dataset, date ? &day : NULL, n_draws, &error);
  if (output == NULL)
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  /* A full disk or a closed pipe must not pass for a complete output. */
  if (fputs (output, stdout) == EOF || fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      /* Translators: %s is the system's reason, such as "No space left
       * on device" */
      g_printerr (_("chip-policy-lab: could not write the results: %s; check that there is "
                    "room where the output goes\n"), g_strerror (saved_errno));
      return 1;
    }
  return 0;
}

/* "full-ban, h200-25, …": the dataset's scenario ids. */
static char *
dataset_scenario_ids (CplDataset *dataset)
{
  GListModel *scenarios = cpl_dataset_get_scenarios (dataset);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(CplEntity) scenario = g_list_model_get_item (scenarios, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", cpl_entity_get_id (scenario));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The scenarios of @dataset with @ids, added to @scenarios; FALSE with
 * the message on stderr when one of them is not there. */
static gboolean
lookup_scenarios (CplDataset         *dataset,
                  const char * const *ids,
                  GPtrArray          *scenarios)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CplEntity *scenario = cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, ids[i]);

      if (scenario == NULL)
        {
          g_autofree char *known = dataset_scenario_ids (dataset);

          /* Translators: %1$s is what follows --scenario, %2$s the ids of the dataset's scenarios */
          g_printerr (_("chip-policy-lab: --scenario “%1$s”: there is no scenario with that id; expected one "
                        "of %2$s\n"), ids[i], known);
          return FALSE;
        }
      g_ptr_array_add (scenarios, scenario);
    }
  return TRUE;
}

/**
 * cpl_export_chart_main:
 * @chart_id: one of cpl_chart_ids
 * @scenario_ids: (nullable): the scenarios' ids
 * @output: (nullable): where to write: .png, .svg or .pdf
 * @scale: (nullable): a PNG's pixels per point, above 0 and up to 4; %NULL for 1
 * @palette: (nullable): "light" or "dark"; %NULL for light
 * @total_key: (nullable): for the tornado, the total its bars move
 *   ("compute_gap_pflops"…); %NULL for the government take
 * @files: (nullable): FILE, laid over the built-in dataset (one at most)
 *
 * Writes the chart as the app exports it, with no display.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr.
 */
int
cpl_export_chart_main (const char         *chart_id,
                       const char * const *scenario_ids,
                       const char         *output,
                       const char         *scale,
                       const char         *palette,
                       const char         *total_key,
                       const char * const *files)
{
  g_autoptr(CplDataset) dataset = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(CplChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = cpl_chart_dup_title (chart_id);
  g_autofree char *source = NULL;
  CplChartExportFormat format;
  double pixels = 1;
  gboolean dark = FALSE;
  CplTotal total = CPL_TOTAL_GOVERNMENT_TAKE;
  char *end = NULL;

  if (title == NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) cpl_chart_ids);

      /* Translators: %1$s is what follows --export-chart, %2$s the list of charts */
      g_printerr (_("chip-policy-lab: --export-chart “%1$s” is not a chart; expected one of %2$s\n"), chart_id, ids);
      return 1;
    }
  if (output == NULL)
    {
      g_printerr (_("chip-policy-lab: --export-chart needs --output OUT.png, OUT.svg or OUT.pdf\n"));
      return 1;
    }
  if (!cpl_chart_export_format_from_path (output, &format))
    {
      g_autofree char *name = g_filename_display_name (output);

      /* Translators: %s is the file given with --output */
      g_printerr (_("chip-policy-lab: --output “%s” has no known extension; expected .png, .svg or .pdf\n"), name);
      return 1;
    }
  if (scale != NULL)
    {
      pixels = g_ascii_strtod (scale, &end);
      if (end == scale || *end != '\0' || !(pixels > 0 && pixels <= CPL_CHART_EXPORT_MAX_SCALE))
        {
          /* Translators: %s is what follows --scale */
          g_printerr (_("chip-policy-lab: --scale “%s” is not a number above 0 and up to 4; expected a PNG's "
                        "pixels per point, such as 2\n"), scale);
          return 1;
        }
      if (format != CPL_CHART_EXPORT_PNG)
        {
          g_printerr (_("chip-policy-lab: --scale goes with a PNG output; an SVG or a PDF has no pixels\n"));
          return 1;
        }
    }
  if (palette != NULL)
    {
      if (g_str_equal (palette, "dark"))
        dark = TRUE;
      else if (!g_str_equal (palette, "light"))
        {
          /* Translators: %s is what follows --palette; light and dark are typed as they are */
          g_printerr (_("chip-policy-lab: --palette “%s” is not a palette; expected light or dark\n"), palette);
          return 1;
        }
    }
  if (total_key != NULL && !g_str_equal (chart_id, "tornado"))
    {
      g_printerr (_("chip-policy-lab: --total goes with --export-chart tornado\n"));
      return 1;
    }
  if (total_key != NULL && !cpl_total_from_key (total_key, &total))
    {
      /* Translators: %s is what follows --total; the keys listed are not translated */
      g_printerr (_("chip-policy-lab: --total “%s” is not a total; expected government_take_usd, "
                    "compute_gap_pflops, domestic_installed_pflops, final_domestic_share or "
                    "gross_revenue_usd\n"), total_key);
      return 1;
    }
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr (_("chip-policy-lab: --export-chart reads one FILE at most\n"));
      return 1;
    }

  if (files != NULL && files[0] != NULL)
    {
      g_autofree char *name = g_filename_display_basename (files[0]);

      dataset = cpl_dataset_new ();
      if (!cpl_dataset_load_file (dataset, files[0], CPL_LOAD_OVER_BUILTIN, &error))
        {
          g_printerr ("chip-policy-lab: %s\n", error->message);
          return 1;
        }
      source = cpl_chart_dup_source (name, FALSE);
    }
  else
    {
      dataset = cpl_dataset_new_builtin (&error);
      if (dataset == NULL)
        {
          g_printerr ("chip-policy-lab: %s\n", error->message);
          return 1;
        }
    }

  if (!lookup_scenarios (dataset, scenario_ids, scenarios))
    return 1;

  chart = cpl_chart_build (chart_id, dataset, scenarios, &error);
  /* the tornado is built for the take, as the app shows it first */
  if (chart != NULL && total != CPL_TOTAL_GOVERNMENT_TAKE
      && !cpl_tornado_fill (CPL_TORNADO_CHART (chart), g_ptr_array_index (scenarios, 0), dataset, total, &error))
    g_clear_object (&chart);
  if (chart != NULL && source != NULL)
    cpl_chart_set_source (chart, source);
  if (chart == NULL || !cpl_chart_save (chart, output, format, pixels, dark, &error))
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  return 0;
}

/**
 * cpl_report_main:
 * @path: (nullable): a dataset JSON or an Epoch AI CSV, laid over the
 *   built-in dataset; %NULL for the built-in dataset alone
 * @scenario_ids: (nullable): the scenarios to report on; %NULL for all
 * @output: (nullable): the PDF to write
 * @paper: (nullable): "a4" or "letter"; %NULL for A4
 *
 * Writes the PDF report of the scenarios (`--report`), with no display.
 *
 * Returns: the exit status: 0, or 1 with the message on stderr.
 */
int
cpl_report_main (const char         *path,
                 const char * const *scenario_ids,
                 const char         *output,
                 const char         *paper)
{
  g_autoptr(CplDataset) dataset = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CplPaperSize size = CPL_PAPER_A4;

  if (output == NULL)
    {
      g_printerr (_("chip-policy-lab: --report needs --output, the PDF file to write\n"));
      return 1;
    }
  if (paper != NULL && !cpl_paper_size_from_name (paper, &size))
    {
      /* Translators: %s is what follows --paper */
      g_printerr (_("chip-policy-lab: --paper “%s” is not a paper size; expected a4 or letter\n"), paper);
      return 1;
    }
  if (path != NULL)
    {
      dataset = cpl_dataset_new ();
      if (!cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &error))
        g_clear_object (&dataset);
      name = g_filename_display_basename (path);
    }
  else
    dataset = cpl_dataset_new_builtin (&error);
  if (dataset == NULL)
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  if (!lookup_scenarios (dataset, scenario_ids, scenarios))
    return 1;
  if (scenarios->len == 0)
    {
      GListModel *all = cpl_dataset_get_scenarios (dataset);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          g_autoptr(CplEntity) scenario = g_list_model_get_item (all, i);

          g_ptr_array_add (scenarios, scenario);  /* the dataset keeps it */
        }
    }
  if (scenarios->len == 0)
    {
      g_printerr (_("chip-policy-lab: the dataset has no scenario to report on\n"));
      return 1;
    }
  if (!cpl_pdf_report_write (dataset, scenarios, output, size, name, FALSE, NULL, &error))
    {
      g_printerr ("chip-policy-lab: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* The app's settings schema is required: without it g_settings_new()
 * aborts, so the command line checks first and says what to do. */
static gboolean
cpl_application_has_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

/* --export-chart and --report take FILE after the options: only then are
 * the arguments that are not options collected for handle_local_options
 * instead of being opened. */
static gboolean
cpl_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  for (char **argument = *arguments; *argument != NULL; argument++)
    {
      if (g_str_equal (*argument, "--"))
        break;
      if (g_str_equal (*argument, "--export-chart") || g_str_has_prefix (*argument, "--export-chart=")
          || g_str_equal (*argument, "--report"))
        {
          g_application_add_main_option (app, G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, "", NULL);
          break;
        }
    }
  return G_APPLICATION_CLASS (cpl_application_parent_class)->local_command_line (app, arguments, exit_status);
}

static int
cpl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *path = NULL;
  const char *format = NULL;
  const char *date = NULL;
  const char *draws = NULL;
  const char *seek = NULL;
  const char *chart = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("chip-policy-lab %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "date", "&s", &date);
  g_variant_dict_lookup (options, "draws", "&s", &draws);
  g_variant_dict_lookup (options, "seek", "&s", &seek);
  if (g_variant_dict_lookup (options, "compute", "^&ay", &path))
    return cpl_compute_main (path, format, g_variant_dict_contains (options, "no-builtin"), date, draws, seek);
  if (g_variant_dict_lookup (options, "export-chart", "&s", &chart))
    {
      g_autofree const char **scenarios = NULL;
      g_autofree const char **files = NULL;
      const char *output = NULL;
      const char *scale = NULL;
      const char *palette = NULL;
      const char *total = NULL;

      g_variant_dict_lookup (options, "scenario", "^a&s", &scenarios);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "scale", "&s", &scale);
      g_variant_dict_lookup (options, "palette", "&s", &palette);
      g_variant_dict_lookup (options, "total", "&s", &total);
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      return cpl_export_chart_main (chart, scenarios, output, scale, palette, total, files);
    }
  if (g_variant_dict_contains (options, "report"))
    {
      g_autofree const char **scenarios = NULL;
      g_autofree const char **files = NULL;
      const char *output = NULL;
      const char *paper = NULL;

      if (g_variant_dict_contains (options, "scale") || g_variant_dict_contains (options, "palette")
          || g_variant_dict_contains (options, "total"))
        {
          g_printerr (_("chip-policy-lab: --scale, --palette and --total go with --export-chart, not with "
                        "--report\n"));
          return 1;
        }
      g_variant_dict_lookup (options, "scenario", "^a&s", &scenarios);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "paper", "&s", &paper);
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr (_("chip-policy-lab: --report reads one FILE at most\n"));
          return 1;
        }
      return cpl_report_main (files != NULL ? files[0] : NULL, scenarios, output, paper);
    }
  if (g_variant_dict_contains (options, "paper"))
    {
      g_printerr (_("chip-policy-lab: --paper goes with --report\n"));
      return 1;
    }
  if (g_variant_dict_contains (options, "scenario") || g_variant_dict_contains (options, "output")
      || g_variant_dict_contains (options, "scale") || g_variant_dict_contains (options, "palette")
      || g_variant_dict_contains (options, "total"))
    {
      g_printerr (_("chip-policy-lab: --scenario and --output go with --export-chart or --report, --scale, "
                    "--palette and --total with --export-chart\n"));
      return 1;
    }
  if (draws != NULL)
    {
      g_printerr (_("chip-policy-lab: --draws goes with --compute\n"));
      return 1;
    }
  if (seek != NULL)
    {
      g_printerr (_("chip-policy-lab: --seek goes with --compute FILE\n"));
      return 1;
    }
  if (date != NULL)
    {
      g_printerr (_("chip-policy-lab: --date goes with --compute\n"));
      return 1;
    }
  if (format != NULL || g_variant_dict_contains (options, "no-builtin"))
    {
      g_printerr (_("chip-policy-lab: --format and --no-builtin go with --compute\n"));
      return 1;
    }
  if (!cpl_application_has_schema ())
    {
      /* Translators: %s is the schema id, io.github.chippolicylab.ChipPolicyLab */
      g_printerr (_("chip-policy-lab: the settings schema %s is not installed. Install the app "
                    "(meson install), or set GSETTINGS_SCHEMA_DIR to the folder that holds the "
                    "compiled schema (data/ in the build folder).\n"), APP_ID);
      return 1;
    }
  return -1;
}

/* Drafts ------------------------------------------------------------------ */

static void cpl_application_offer_next_draft (CplApplication *self,
                                              GtkWindow      *parent);

static gboolean
destroy_window_cb (gpointer data)
{
  gtk_window_destroy (data);
  return G_SOURCE_REMOVE;
}

static void
draft_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CplApplication   *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(CplDraft) draft = NULL;

  if (self->drafts == NULL || self->drafts->len == 0)
    return;
  draft = g_ptr_array_steal_index (self->drafts, 0);
  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CplDocument) document = cpl_draft_restore (draft, &error);

      if (document != NULL)
        {
          CplWindow *window = cpl_window_new_for_document (self, document);

          gtk_window_present (GTK_WINDOW (window));
          /* the untitled window shown meanwhile is not needed; it goes
           * from an idle, once the dialog it carries has finished */
          if (CPL_IS_WINDOW (parent) && cpl_document_is_untouched (cpl_window_get_document (CPL_WINDOW (parent))))
            g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_cb, g_object_ref (parent), g_object_unref);
          parent = GTK_WINDOW (window);
        }
      else
        {
          g_autofree char *broken = cpl_draft_set_aside (draft);
          g_autofree char *broken_name = g_filename_display_name (broken);
          GtkWidget *error_dialog;

          error_dialog = adw_message_dialog_new (parent, _("Could Not Restore the Changes"), NULL);
          /* Translators: %1$s is the reason, %2$s a file name */
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (error_dialog),
                                          _("%1$s\n\nThe copy was set aside as “%2$s”."),
                                          error->message, broken_name);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (error_dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (error_dialog));
        }
    }
  else if (g_str_equal (response, "discard"))
    cpl_draft_discard (draft);
  /* Else the dialog was dismissed: the draft stays for the next start. */
  cpl_application_offer_next_draft (self, parent);
}

/* When a draft was kept: the time of day, with the date unless today. */
static char *
format_draft_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* Translators: a time of day, as in “14:05”; see g_date_time_format() */
    return g_date_time_format (time, _("%H:%M"));
  /* Translators: a date and time, as in “3 December 2026, 14:05”; see
   * g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y, %H:%M"));
}

/* One dialog per draft, oldest first. */
static void
cpl_application_offer_next_draft (CplApplication *self,
                                  GtkWindow      *parent)
{
  CplDraft *draft;
  GFile *file;
  GtkWidget *dialog;
  g_autofree char *time = NULL;

  if (self->drafts == NULL || self->drafts->len == 0)
    {
      g_clear_pointer (&self->drafts, g_ptr_array_unref);
      return;
    }
  draft = g_ptr_array_index (self->drafts, 0);
  file = cpl_draft_get_file (draft);
  time = format_draft_time (cpl_draft_get_time (draft));
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), NULL);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);

      /* Translators: %1$s is a file name, %2$s the time the changes were kept */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Chip Policy Lab closed before the changes to “%1$s” were saved. The changes kept at %2$s can be restored."),
                                      name, time);
    }
  else
    /* Translators: %s is the time the changes were kept */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Chip Policy Lab closed before the changes to an unsaved dataset were saved. The changes kept at %s can be restored."),
                                    time);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (draft_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once per process, when the first window shows: offer the drafts that
 * crashed documents left behind.  Each stays locked while offered, so
 * no other instance offers or deletes it meanwhile; drafts of documents
 * open elsewhere are locked by them and never seen here. */
static void
cpl_application_check_drafts (CplApplication *self,
                              GtkWindow      *parent)
{
  if (self->drafts_checked)
    return;
  self->drafts_checked = TRUE;
  self->drafts = cpl_draft_find_orphans ();
  cpl_application_offer_next_draft (self, parent);
}

/* The application ------------------------------------------------------- */

/* The window the user works in: the active one, or a new one. */
static CplWindow *
cpl_application_get_window (CplApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL || !CPL_IS_WINDOW (window))
    window = GTK_WINDOW (cpl_window_new (self));
  return CPL_WINDOW (window);
}

static void
cpl_application_activate (GApplication *app)
{
  CplApplication *self = CPL_APPLICATION (app);
  CplWindow *window = cpl_application_get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  cpl_application_check_drafts (self, GTK_WINDOW (window));
}

/* The window showing or loading @file, if any. */
static CplWindow *
cpl_application_find_window (CplApplication *self,
                             GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CPL_IS_WINDOW (l->data))
      {
        GFile *shown = cpl_document_get_file (cpl_window_get_document (l->data));
        GFile *loading = cpl_window_get_loading_file (l->data);

        if ((shown != NULL && g_file_equal (shown, file)) ||
            (loading != NULL && g_file_equal (loading, file)))
          return l->data;
      }
  return NULL;
}

/**
 * cpl_application_open_file:
 * @from: (nullable): the window the user opened it from
 *
 * Shows @file: the window that shows it (or is loading it) already comes
 * forward; an untouched untitled window (@from, or else the active one)
 * takes it; else a new window shows at once and reads it (see
 * cpl_window_load_file(): a file that does not load changes nothing and
 * says why).
 */
void
cpl_application_open_file (CplApplication *self,
                           GFile          *file,
                           CplWindow      *from)
{
  CplWindow *window;

  g_return_if_fail (CPL_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((window = cpl_application_find_window (self, file)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (from == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      from = CPL_IS_WINDOW (active) ? CPL_WINDOW (active) : NULL;
    }
  if (from != NULL && cpl_document_is_untouched (cpl_window_get_document (from)))
    {
      cpl_window_load_file (from, file);
      return;
    }

  /* loading before it is shown: it shows the file's page, not the
   * built-in data for a moment */
  window = cpl_window_new (self);
  cpl_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
cpl_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CplApplication *self = CPL_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    cpl_application_open_file (self, files[i], NULL);
  /* the windows show at once, the files loading behind them */
  if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    cpl_application_check_drafts (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* Settings -------------------------------------------------------------- */

static void
color_scheme_changed_cb (CplApplication *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (value, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (value, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
cpl_application_init_settings (CplApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);
}

static void
cpl_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    /* also bound by the window; here so that the menu shows them */
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    /* GTK's own, for the shortcuts window the window makes on demand */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (cpl_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  cpl_application_init_settings (CPL_APPLICATION (app));
  cpl_tooltips_keep_words ();
}

static void
cpl_application_finalize (GObject *object)
{
  CplApplication *self = CPL_APPLICATION (object);

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cpl_application_parent_class)->finalize (object);
}

static void
cpl_application_class_init (CplApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The UI lives in a static library: register its resources by hand
   * before any template is read. */
  g_resources_register (cpl_get_resource ());

  object_class->finalize = cpl_application_finalize;
  app_class->local_command_line = cpl_application_local_command_line;
  app_class->handle_local_options = cpl_application_handle_local_options;
  app_class->activate = cpl_application_activate;
  app_class->open = cpl_application_open;
  app_class->startup = cpl_application_startup;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);

  /* Unsaved changes: each window with some asks first, in turn, and
   * quits if told to. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CPL_IS_WINDOW (l->data) && cpl_document_get_modified (cpl_window_get_document (l->data)))
      {
        gtk_window_present (l->data);
        cpl_window_request_quit (l->data);
        return;
      }
  g_application_quit (G_APPLICATION (self));
}
static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("Chip Policy Lab developers"), NULL };
  /* a name and its address: the about window makes the name a link */
  g_autofree char *epoch = g_strdup_printf ("%s %s",
                                            /* Translators: a data source in the about window's credits;
                                             * keep the dataset's English title and the licence name */
                                            _("Epoch AI, Data on Machine Learning Hardware (CC BY 4.0)"),
                                            "https://epoch.ai/data/machine-learning-hardware");
  const char *data[] = { epoch, NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Chip Policy Lab"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Chip Policy Lab developers"),
                        "developers", developers,
                        "website", "https://github.com/chippolicylab/chip-policy-lab",
                        "issue-url", "https://github.com/chippolicylab/chip-policy-lab/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Model the money and the compute of AI-chip export policy"),
                        /* Translators: credit for the data; keep the licence name */
                        "copyright", _("Chip data in part from Epoch AI, “Data on Machine Learning Hardware”, CC BY 4.0"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* Translators: the heading of the about window's list of data sources */
  adw_about_window_add_acknowledgement_section (about, _("Data"), data);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CplPreferencesWindow *window;

  window = cpl_preferences_window_new (self->settings);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

/* One help window: F1 again brings it forward. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CplApplication *self = CPL_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CPL_IS_HELP_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }
  gtk_window_present (GTK_WINDOW (cpl_help_window_new (GTK_APPLICATION (self))));
}

/* Ctrl+N: a new window on a new untitled document (the built-in data). */
static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cpl_window_new (CPL_APPLICATION (user_data))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "help", help_activated },
};

static void
cpl_application_init (CplApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.json]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Open a dataset in Chip Policy Lab, or with --compute print its results."));
  {
    g_autofree char *ids = g_strjoinv (", ", (char **) cpl_chart_ids);
    /* Translators: the end of --help; %s is the list of chart ids */
    g_autofree char *description = g_strdup_printf (_("The charts of --export-chart: %s."), ids);

    g_application_set_option_context_description (G_APPLICATION (self), description);
  }
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

CplApplication *
cpl_application_new (void)
{
  return g_object_new (CPL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* single instance: a file opened from the file
                        * manager reaches the running one */
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* The document of the window the user works in, or NULL. */
static CplDocument *
cpl_application_get_active_document (CplApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CPL_IS_WINDOW (window) ? cpl_window_get_document (CPL_WINDOW (window)) : NULL;
}

/**
 * cpl_application_get_dataset:
 *
 * For tests: the dataset of the active window's document.
 *
 * Returns: (transfer none) (nullable): the dataset, or %NULL without a window
 */
CplDataset *
cpl_application_get_dataset (CplApplication *self)
{
  CplDocument *document;

  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  document = cpl_application_get_active_document (self);
  return document != NULL ? cpl_document_get_dataset (document) : NULL;
}

/**
 * cpl_application_get_history:
 *
 * For tests: the history of the active window's document.
 *
 * Returns: (transfer none) (nullable): the history, or %NULL without a window
 */
CplHistory *
cpl_application_get_history (CplApplication *self)
{
  CplDocument *document;

  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  document = cpl_application_get_active_document (self);
  return document != NULL ? cpl_document_get_history (document) : NULL;
}

/**
 * cpl_application_get_settings:
 *
 * Returns: (transfer none): the application's settings (the schema is
 *   required; the tests point GSETTINGS_SCHEMA_DIR at the build tree)
 */
GSettings *
cpl_application_get_settings (CplApplication *self)
{
  g_return_val_if_fail (CPL_IS_APPLICATION (self), NULL);
  return self->settings;
}

