/* cpl-scenario-results.c: what one scenario does, year by year
 *
 * First the answer: the scenario in words and its key figures.  Then the
 * charts, two to a row when there is room, each in a card with its title:
 * the domestic share of new compute (line);
 * exported units per chip and domestic units (stacked bars); gross
 * revenue per vendor and the US government's take (bars); the compute
 * gap (area); and the cost of compute of every exported chip against the
 * domestic chip (lines), with the year the domestic chip becomes cheaper
 * marked and said in words.  Then a year-by-year table as tall as its
 * rows (the page scrolls as one).
 *
 * When the scenario has ranges, a Monte Carlo run (MODEL.md §6) goes on
 * in a worker thread after every change (started once the frame that
 * shows the change is drawn), with the number of draws of the
 * "Monte Carlo draws" preference; a change cancels the run under way and
 * clears its bands, so no result of older inputs is ever shown.  "Estimating
 * uncertainty…" shows only when a run takes longer than 150 ms.  Its
 * result adds the P10–P90 band to the share, take and gap charts and the
 * range under each key figure and in the summary.  A run draws from the
 * scenario's inputs (not its id, name or texts) and the chips, with its
 * own seed: inputs that are the same as those of the result shown or of
 * the run under way (a copy of the scenario, a new name, an edit of
 * another scenario) keep it, with no new run and no bands taken away.
 */
#define G_LOG_DOMAIN "cpl-scenario-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-application.h"
#include "cpl-scenario-analysis.h"
#include "cpl-scenario-editor.h"
#include "cpl-scenario-results.h"
#include "cpl-scenario-summary.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-export-dialog.h"
#include "views/cpl-table-actions.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-line-chart.h"

typedef enum {
  TOTAL_VENDORS,
  TOTAL_TAKE,
  TOTAL_GAP,
  TOTAL_INSTALLED,
  TOTAL_SHARE,
  N_TOTALS
} Total;

static const struct {
  const char *id;
  const char *title;  /* N_() */
} totals[N_TOTALS] = {
  { "vendors", N_("Gross revenue of US vendors") },
  { "take", N_("US government take") },
  { "gap", N_("Compute gap, all years") },
  { "installed", N_("New domestic compute, all years") },
  { "share", N_("Domestic share of new compute in the last year") },
};

typedef enum {
  COL_YEAR,
  COL_DEMAND,
  COL_EXPORTED,
  COL_DOMESTIC,
  COL_GAP,
  COL_SHARE,
  COL_TAKE,
  COL_DOMESTIC_REVENUE,
  N_TABLE_COLUMNS
} TableColumn;

static const char * const table_titles[N_TABLE_COLUMNS] = {
  N_("Year"), N_("Demand (PFLOP/s)"), N_("Exported (PFLOP/s)"), N_("Domestic (PFLOP/s)"),
  N_("Compute gap (PFLOP/s)"), N_("Domestic share of new compute"), N_("US government take"), N_("Domestic chip revenue"),
};

/* The charts, in the order of their cards (cpl-chart-builders.c); the
 * take's is shown with ranges. */
static const char * const chart_ids[] = {
  "domestic-share", "units", "revenue", "take", "compute-gap", "cost-of-compute",
};

#define N_CHARTS G_N_ELEMENTS (chart_ids)

/* The charts from this one on, the analysis and the table are below the
 * first row of cards: they are made after the first frame (build_below()) */
#define FIRST_BELOW_CHART 2

/* Waiting for a widget's next frame to be drawn: its frame clock's
 * "after-paint" */
typedef struct
{
  GdkFrameClock *clock;
  gulong         id;
} PaintWait;

struct _CplScenarioResults
{
  GtkBox          parent_instance;

  GtkLabel       *error;
  GtkWidget      *body;
  GtkLabel       *title;             /* the scenario's name */
  GtkLabel       *description;
  GtkWidget      *notes;          /* made with what is below the first row of cards */
  GtkLabel       *summary;
  GtkLabel       *explanation;       /* what binds, under the headline */
  GtkLabel       *stale;             /* under the headline: inputs typed but refused */
  char           *summary_text;      /* both, one sentence a line */
  char           *range_summary;     /* and the totals' ranges, when known */
  GtkLabel       *total_values[N_TOTALS];
  CplChart       *charts[N_CHARTS];  /* of chart_ids; ours until a view takes it */
  GtkWidget      *views[N_CHARTS];   /* theirs; NULL below the fold until built */
  GtkWidget      *flow;             /* of the charts' cards */
  gboolean        take_shown;       /* whether the take's card shows */
  CplScenarioAnalysis *analysis;    /* the share-rate curve, goal seek; NULL until built */
  GtkGrid        *table;            /* NULL until built; the columns after the year */
  GtkGrid        *years;            /* the year column, that stays when the table scrolls sideways */
  GtkWidget      *table_titles[N_TABLE_COLUMNS];
  int             title_height;     /* of the other columns' title row, as allocated */
  GPtrArray      *cells;            /* GtkLabel of year t, column c at t × N_TABLE_COLUMNS + c */
  PaintWait       below_wait;       /* what is below is made after the next frame */
  guint           below_idle_id;    /* then at the next idle moment */
  GtkLabel       *total_ranges[N_TOTALS];
  GtkLabel       *ranges_warning;   /* under the totals: a value outside its range */
  GtkWidget      *progress;         /* "Estimating uncertainty…" */

  CplProjection  *projection;
  CplDataset     *dataset;
  CplScenario    *scenario;

  /* the Monte Carlo run */
  GSettings      *settings;         /* NULL: no app, the default number of draws */
  GCancellable   *run;              /* of the run under way, or NULL */
  guint           progress_id;      /* shows the progress after 150 ms */
  PaintWait       run_wait;         /* the run starts after the next frame */
  CplUncertainty *uncertainty;      /* of the inputs shown, or NULL */
  char           *run_inputs;       /* run_inputs() of the run under way or of uncertainty */
  char           *shown_inputs;     /* scenario_inputs() of the figures, charts and table, or NULL */
  guint64         data_stamp;       /* counts the changes of the dataset's entries but scenarios */
};

#define PROGRESS_DELAY_MS 150

G_DEFINE_FINAL_TYPE (CplScenarioResults, cpl_scenario_results, GTK_TYPE_BOX)

static void build_below (CplScenarioResults *self);

static guint
chart_index (const char *chart_id)
{
  for (guint c = 0; c < N_CHARTS; c++)
    if (g_str_equal (chart_ids[c], chart_id))
      return c;
  g_return_val_if_reached (0);
}

static CplChart *
chart_of (CplScenarioResults *self,
          const char         *chart_id)
{
  return self->charts[chart_index (chart_id)];
}

/* The card of the take's chart shows when the scenario has ranges. */
static void
show_take_card (CplScenarioResults *self,
                gboolean            shown)
{
  GtkWidget *view = self->views[chart_index ("take")];

  self->take_shown = shown;
  if (view != NULL)
    gtk_widget_set_visible (gtk_widget_get_ancestor (view, GTK_TYPE_FLOW_BOX_CHILD), shown);
}

/* Formatters for chart axes and cells --------------------------------- */

char *
cpl_scenario_format_year (double   value,
                          gpointer user_data)
{
  /* years without grouping: 2026, not 2,026 */
  return g_strdup_printf ("%.0f", value);
}

char *
cpl_scenario_format_money (double   value,
                           gpointer user_data)
{
  return cpl_format_money (value);
}

char *
cpl_scenario_format_share (double   value,
                           gpointer user_data)
{
  return cpl_format_percent (value, 0);
}

char *
cpl_scenario_format_pflops (double   value,
                            gpointer user_data)
{
  return cpl_format_number (value, 0);
}

/* Charts ------------------------------------------------------------------ */

static void
fill_charts (CplScenarioResults *self,
             CplDataset         *dataset)
{
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_fill_results (self->charts[c], chart_ids[c], self->projection, dataset);
}

/* Uncertainty ------------------------------------------------------------- */

static const CplTotal figure_totals[N_TOTALS] = {
  [TOTAL_VENDORS] = CPL_TOTAL_GROSS_REVENUE,
  [TOTAL_TAKE] = CPL_TOTAL_GOVERNMENT_TAKE,
  [TOTAL_GAP] = CPL_TOTAL_COMPUTE_GAP,
  [TOTAL_INSTALLED] = CPL_TOTAL_DOMESTIC_INSTALLED,
  [TOTAL_SHARE] = CPL_TOTAL_FINAL_DOMESTIC_SHARE,
};

/* "P10–P90: $31 B–$62 B" under the total @point */
static char *
range_text (CplTotal            total,
            double              point,
            const CplQuantiles *q)
{
  /* the unit once: "297,622–2,971,908 PFLOP/s", but "$31 B–$62 B";
   * money in one unit, the total's: "$934 B" over "$660 B–$1,510 B", not
   * "$0.66 T–$1.51 T" */
  gboolean compute = total == CPL_TOTAL_COMPUTE_GAP || total == CPL_TOTAL_DOMESTIC_INSTALLED;
  g_autofree char *low = NULL;
  g_autofree char *low_in_range = NULL;
  g_autofree char *high = NULL;

  if (total == CPL_TOTAL_GOVERNMENT_TAKE || total == CPL_TOTAL_GROSS_REVENUE)
    return cpl_format_money_p10_p90 (point, q->p10, q->p90);
  low = cpl_scenario_format_total (total, q->p10);
  low_in_range = compute ? cpl_format_number (q->p10, 0) : NULL;
  high = cpl_scenario_format_total (total, q->p90);
  return cpl_format_p10_p90 (low, low_in_range, high);
}

/* Which of @scenario's ranged parameters have a value outside their range,
 * a sentence each, or "": the key figures use the value, their P10–P90
 * come from the range, and need not contain them (a demand growth of 0%
 * with a range of 10%–60% put every figure under its own P10). */
static char *
values_outside_ranges (CplScenario *scenario)
{
  JsonObject *ranges = cpl_scenario_get_ranges (scenario);
  g_autoptr(GList) keys = ranges != NULL ? json_object_get_members (ranges) : NULL;
  GString *text = g_string_new (NULL);

  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      int field = cpl_entity_find_field (CPL_ENTITY (scenario), key);
      double range[3], value;
      g_autofree char *shown = NULL;
      g_autofree char *span = NULL;

      if (field < 0 || !cpl_scenario_get_range (scenario, key, range))
        continue;
      value = cpl_entity_get_number (CPL_ENTITY (scenario), field);
      if (value >= range[0] && value <= range[2])
        continue;
      shown = cpl_scenario_parameter_format (key, value);
      span = cpl_scenario_parameter_format_range (key, range[0], range[2]);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* the words of the editor's range button */
      g_string_append_printf (text, _("%1$s is %2$s, outside its range %3$s: the key figures use %2$s, "
                                      "their P10–P90 ranges are drawn from %3$s"),
                              cpl_scenario_parameter_title (key), shown, span);
    }
  return g_string_free (text, FALSE);
}

/* Shows the run's result (again, after the charts were filled anew), or
 * (@uncertainty NULL) takes the last one away. */
static void
show_uncertainty (CplScenarioResults *self,
                  CplUncertainty     *uncertainty)
{
  g_autoptr(GString) summary = g_string_new (self->summary_text ? self->summary_text : "");
  gboolean ranged = uncertainty != NULL;
  CplUncertainty *shown = self->uncertainty;

  self->uncertainty = uncertainty ? cpl_uncertainty_ref (uncertainty) : NULL;
  g_clear_pointer (&shown, cpl_uncertainty_unref);

  for (guint i = 0; i < N_TOTALS; i++)
    {
      g_autofree char *text = NULL;

      if (ranged)
        {
          const CplQuantiles *q = cpl_uncertainty_get_total (uncertainty, figure_totals[i]);
          g_autofree char *point = g_strdup (gtk_label_get_text (self->total_values[i]));
          double value = self->projection ? cpl_projection_get_total (self->projection, figure_totals[i]) : NAN;

          text = range_text (figure_totals[i], value, q);
          /* Translators: a total with its range in the summary: %1$s the
           * total, %2$s its value, %3$s "P10–P90: $31 B–$62 B": "US
           * government take $47.5 B (P10–P90: $31 B–$62 B)" */
          g_string_append_printf (summary, _("\n%1$s %2$s (%3$s)"), _(totals[i].title), point, text);
        }
      {
        /* "P10–P90: $659 B–$1,511 B" wraps after the colon, not in the range */
        g_autofree char *kept = cpl_text_keep_units (text ? text : "");

        cpl_label_set_text (self->total_ranges[i], kept);
      }
      gtk_widget_set_visible (GTK_WIDGET (self->total_ranges[i]), ranged);
    }
  {
    g_autofree char *outside = ranged && self->scenario != NULL ? values_outside_ranges (self->scenario) : NULL;
    g_autofree char *spaced = outside != NULL ? cpl_text_space_han (outside) : NULL;
    g_autofree char *kept = spaced != NULL ? cpl_text_keep_units (spaced) : NULL;

    cpl_label_set_text (self->ranges_warning, kept != NULL ? kept : "");
    gtk_widget_set_visible (GTK_WIDGET (self->ranges_warning), kept != NULL && *kept != '\0');
  }

  if (self->projection != NULL && self->projection->n_years > 0)
    {
      gboolean fits = ranged && cpl_uncertainty_get_n_years (uncertainty) == self->projection->n_years;

      for (guint c = 0; c < N_CHARTS; c++)
        cpl_chart_set_bands (self->charts[c], chart_ids[c], 0, fits ? uncertainty : NULL);
    }
  g_free (self->range_summary);
  self->range_summary = g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
stop_progress (CplScenarioResults *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (self->progress, FALSE);
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autoptr(CplScenarioResults) self = data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(CplUncertainty) uncertainty = cpl_uncertainty_run_finish (result, &error);

  /* a run of older inputs: a newer one is under way, or none is wanted */
  if (cancellable != self->run)
    return;
  g_clear_object (&self->run);
  stop_progress (self);
  if (uncertainty != NULL)
    show_uncertainty (self, uncertainty);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("uncertainty: %s", error->message);
}

static gboolean
show_progress (gpointer data)
{
  CplScenarioResults *self = data;

  self->progress_id = 0;
  gtk_widget_set_visible (self->progress, TRUE);
  return G_SOURCE_REMOVE;
}

static void
paint_wait_stop (PaintWait *wait)
{
  /* a clock whose window went away has let go of its handlers */
  if (wait->clock != NULL && g_signal_handler_is_connected (wait->clock, wait->id))
    g_signal_handler_disconnect (wait->clock, wait->id);
  wait->id = 0;
  g_clear_object (&wait->clock);
}

/* Calls @callback with @self once @self's next frame is drawn; FALSE
 * (and no call) when @self has no frame clock, outside a window. */
static gboolean
paint_wait_start (PaintWait          *wait,
                  CplScenarioResults *self,
                  GCallback           callback)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  paint_wait_stop (wait);
  if (clock == NULL)
    return FALSE;
  wait->clock = g_object_ref (clock);
  wait->id = g_signal_connect_swapped (clock, "after-paint", callback, self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  return TRUE;
}

/* The frame that shows the new inputs is drawn: the run's threads start
 * now, so that they do not slow the drawing of it down. */
static void
start_run (CplScenarioResults *self)
{
  paint_wait_stop (&self->run_wait);
  if (self->run != NULL)
    cpl_uncertainty_run (self->scenario, self->dataset, self->run, run_done, g_object_ref (self));
}

/* Cancels the run under way, if any. */
static void
cancel_run (CplScenarioResults *self)
{
  paint_wait_stop (&self->run_wait);
  if (self->run != NULL)
    g_cancellable_cancel (self->run);
  g_clear_object (&self->run);
  stop_progress (self);
}

/* The dataset changed other than in its scenarios: the chips a run reads
 * may have (the dataset forgets its projections on the same changes). */
static void
on_data_changed (CplScenarioResults *self)
{
  self->data_stamp++;
}

static void
on_entry_changed (CplScenarioResults *self,
                  CplEntity          *entity)
{
  if (!CPL_IS_SCENARIO (entity))
    self->data_stamp++;
}

typedef GListModel *(*DatasetList) (CplDataset *dataset);

static const DatasetList data_lists[] = {
  cpl_dataset_get_vendors, cpl_dataset_get_chips, cpl_dataset_get_rules, cpl_dataset_get_revenue_cases,
};

static void
watch_dataset (CplScenarioResults *self,
               CplDataset         *dataset)
{
  if (self->dataset == dataset)
    return;
  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dataset, self);
      for (guint i = 0; i < G_N_ELEMENTS (data_lists); i++)
        g_signal_handlers_disconnect_by_data (data_lists[i] (self->dataset), self);
    }
  g_set_object (&self->dataset, dataset);
  self->data_stamp++;
  if (dataset == NULL)
    return;
  g_signal_connect_swapped (dataset, "entry-changed", G_CALLBACK (on_entry_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (data_lists); i++)
    g_signal_connect_swapped (data_lists[i] (dataset), "items-changed", G_CALLBACK (on_data_changed), self);
}

/* What @scenario projects from, as text: its inputs (all but its id,
 * name and texts) and the state of the rest of the dataset.  Two
 * scenarios of the same inputs project the same. */
static char *
scenario_inputs (CplScenarioResults *self,
                 CplScenario        *scenario)
{
  static const char * const not_inputs[] = { "id", "name", "description", "notes" };
  g_autoptr(JsonObject) object = cpl_entity_to_json (CPL_ENTITY (scenario));
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *json = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (not_inputs); i++)
    json_object_remove_member (object, not_inputs[i]);
  json_node_set_object (node, object);
  json = json_to_string (node, FALSE);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %s", self->data_stamp, json);
}

/* What a run of the scenario shown draws from: its inputs and the number
 * of draws; two runs of the same inputs give the same result. */
static char *
run_inputs (CplScenarioResults *self)
{
  g_autofree char *inputs = scenario_inputs (self, self->scenario);

  return g_strdup_printf ("%u %s", cpl_monte_carlo_draws (), inputs);
}

/* Cancels the run under way and forgets its result; starts one for the
 * inputs shown when the scenario has ranges.  Inputs that the result
 * shown or the run under way are of keep them. */
static void
restart_run (CplScenarioResults *self)
{
  gboolean ranged = self->scenario != NULL && self->projection != NULL
                    && cpl_scenario_has_ranges (self->scenario);
  g_autofree char *inputs = ranged ? run_inputs (self) : NULL;

  if (inputs != NULL && (self->run != NULL || self->uncertainty != NULL)
      && g_strcmp0 (inputs, self->run_inputs) == 0)
    {
      /* the charts were filled anew: their bands again */
      if (self->uncertainty != NULL)
        show_uncertainty (self, self->uncertainty);
      return;
    }
  g_free (self->run_inputs);
  self->run_inputs = g_steal_pointer (&inputs);

  paint_wait_stop (&self->run_wait);
  if (self->run != NULL)
    g_cancellable_cancel (self->run);
  g_clear_object (&self->run);
  show_uncertainty (self, NULL);
  show_take_card (self, ranged);
  if (!ranged)
    {
      stop_progress (self);
      return;
    }

  self->run = g_cancellable_new ();
  if (!paint_wait_start (&self->run_wait, self, G_CALLBACK (start_run)))
    start_run (self);
  if (self->progress_id == 0 && !gtk_widget_get_visible (self->progress))
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress, self);
}

/* Totals and table ------------------------------------------------------- */

static void
set_total (CplScenarioResults *self,
           Total               total,
           char               *text,
           char               *exact)
{
  cpl_label_set_text (self->total_values[total], text);
  cpl_widget_set_tooltip (GTK_WIDGET (self->total_values[total]), exact);
  g_free (text);
  g_free (exact);
}

static char *
pflops_text (double value)
{
  g_autofree char *number = cpl_format_number (value, 0);

  /* Translators: an amount of compute */
  return g_strdup_printf (_("%s PFLOP/s"), number);
}

/* The title of @total, as the key figures name it. */
const char *
cpl_scenario_total_title (CplTotal total)
{
  static const Total figure[CPL_N_TOTALS] = {
    [CPL_TOTAL_GOVERNMENT_TAKE] = TOTAL_TAKE,
    [CPL_TOTAL_COMPUTE_GAP] = TOTAL_GAP,
    [CPL_TOTAL_DOMESTIC_INSTALLED] = TOTAL_INSTALLED,
    [CPL_TOTAL_FINAL_DOMESTIC_SHARE] = TOTAL_SHARE,
    [CPL_TOTAL_GROSS_REVENUE] = TOTAL_VENDORS,
  };

  g_return_val_if_fail (total < CPL_N_TOTALS, NULL);
  return _(totals[figure[total]].title);
}

/* @value of @total as the key figures show it: "$47.5 B", "12,000
 * PFLOP/s", "64%". */
char *
cpl_scenario_format_total (CplTotal total,
                           double   value)
{
  switch (total)
    {
    case CPL_TOTAL_GOVERNMENT_TAKE:
    case CPL_TOTAL_GROSS_REVENUE:        return cpl_format_money (value);
    case CPL_TOTAL_COMPUTE_GAP:          return pflops_text (value);
    case CPL_TOTAL_DOMESTIC_INSTALLED:   return pflops_text (value);
    case CPL_TOTAL_FINAL_DOMESTIC_SHARE: return cpl_format_percent (value, CPL_SHARE_DECIMALS);
    case CPL_N_TOTALS:
    default:                             g_return_val_if_reached (NULL);
    }
}

static void
fill_totals (CplScenarioResults *self)
{
  CplProjection *p = self->projection;
  double vendors = 0;

  for (guint v = 0; v < p->n_vendors; v++)
    vendors += p->total_gross_revenue_usd[v];
  set_total (self, TOTAL_VENDORS, cpl_format_money (vendors), cpl_format_money_exact (vendors));
  set_total (self, TOTAL_TAKE, cpl_format_money (p->total_government_take_usd),
             cpl_format_money_exact (p->total_government_take_usd));
  set_total (self, TOTAL_GAP, cpl_scenario_format_total (CPL_TOTAL_COMPUTE_GAP, p->total_compute_gap_pflops), NULL);
  set_total (self, TOTAL_INSTALLED,
             cpl_scenario_format_total (CPL_TOTAL_DOMESTIC_INSTALLED, p->total_domestic_installed_pflops), NULL);
  set_total (self, TOTAL_SHARE, cpl_scenario_format_total (CPL_TOTAL_FINAL_DOMESTIC_SHARE, p->final_domestic_share),
             NULL);
}

/* The number in @column of year @t, unrounded. */
static double
year_value (CplProjection *projection,
            guint          t,
            TableColumn    column)
{
  const CplProjectionYear *y = &projection->years[t];
  double exported = 0;

  switch (column)
    {
    case COL_YEAR:     return y->year;
    case COL_DEMAND:   return y->demand_pflops;
    case COL_EXPORTED:
      for (guint k = 0; k < projection->n_chips; k++)
        exported += y->exported_pflops[k];
      return exported;
    case COL_DOMESTIC: return y->domestic_pflops;
    case COL_GAP:      return y->compute_gap_pflops;
    case COL_SHARE:    return y->domestic_share;
    case COL_TAKE:     return y->government_take_usd;
    case COL_DOMESTIC_REVENUE: return y->domestic_revenue_usd;
    case N_TABLE_COLUMNS:
    default:           g_return_val_if_reached (NAN);
    }
}

static char *
table_text (CplScenarioResults *self,
            guint               t,
            TableColumn         column)
{
  double value = year_value (self->projection, t, column);

  switch (column)
    {
    case COL_YEAR:     return g_strdup_printf ("%.0f", value);
    case COL_SHARE:    return cpl_format_percent (value, 1);
    case COL_TAKE:
    case COL_DOMESTIC_REVENUE: return cpl_format_money (value);
    case COL_DEMAND:
    case COL_EXPORTED:
    case COL_DOMESTIC:
    case COL_GAP:
    case N_TABLE_COLUMNS:
    default:           return cpl_format_number (value, 0);
    }
}

/**
 * cpl_scenario_years_text:
 *
 * The year-by-year table of @projection (nullable: none, the header
 * alone) as CSV or tab-separated text: the
 * table's columns with their units (the share as a fraction, money in US
 * dollars), the numbers unrounded.  No widgets.
 *
 * Returns: (transfer full): the text
 */
char *
cpl_scenario_years_text (CplProjection   *projection,
                         CplCsvSeparator  separator)
{
  static const char * const titles[N_TABLE_COLUMNS] = {
    N_("Year"), N_("Demand (PFLOP/s)"), N_("Exported (PFLOP/s)"), N_("Domestic (PFLOP/s)"),
    N_("Compute gap (PFLOP/s)"), N_("Domestic share of new compute (fraction)"), N_("US government take (USD)"),
    N_("Domestic chip revenue (USD)"),
  };
  g_autoptr(CplCsvWriter) writer = cpl_csv_writer_new (separator);

  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    cpl_csv_writer_add_text (writer, _(titles[c]));
  cpl_csv_writer_end_row (writer);
  for (guint t = 0; projection != NULL && t < projection->n_years; t++)
    {
      for (guint c = 0; c < N_TABLE_COLUMNS; c++)
        cpl_csv_writer_add_number (writer, year_value (projection, t, c));
      cpl_csv_writer_end_row (writer);
    }
  return cpl_csv_writer_free_to_text (g_steal_pointer (&writer));
}

static char *
years_text (GtkWidget        *owner,
            CplCsvSeparator   separator,
            char            **file_name)
{
  CplScenarioResults *self = CPL_SCENARIO_RESULTS (owner);

  /* what an update under way will show */
  cpl_deferred_update_flush (owner);
  if (file_name != NULL)
    *file_name = cpl_export_file_name (self->scenario ? cpl_entity_get_id (CPL_ENTITY (self->scenario)) : "scenario",
                                       "years", NULL);
  /* nothing shown yet (NULL): the header alone */
  return cpl_scenario_years_text (self->projection, separator);
}

/* The table: a header row, then a row a year.  It is updated in place:
 * the rows of the years shown stay, their cells take the new text (a
 * cell whose text is the same is left alone); only a change in the
 * number of years adds or takes away rows at the end. */
static void
fill_table (CplScenarioResults *self)
{
  guint n_cells;

  if (self->table == NULL)
    return;  /* not made yet: build_below() fills it */
  n_cells = self->projection->n_years * N_TABLE_COLUMNS;

  while (self->cells->len > n_cells)
    {
      /* the last year's row: the header is row 0, year t row t + 1 */
      gtk_grid_remove_row (self->table, self->cells->len / N_TABLE_COLUMNS);
      gtk_grid_remove_row (self->years, self->cells->len / N_TABLE_COLUMNS);
      g_ptr_array_set_size (self->cells, self->cells->len - N_TABLE_COLUMNS);
    }
  while (self->cells->len < n_cells)
    {
      guint c = self->cells->len % N_TABLE_COLUMNS;
      GtkWidget *label = gtk_label_new (NULL);
      int row = self->cells->len / N_TABLE_COLUMNS + 1;

      gtk_label_set_xalign (GTK_LABEL (label), c == COL_YEAR ? 0 : 1);
      gtk_widget_set_hexpand (label, c != COL_YEAR);
      gtk_widget_add_css_class (label, "numeric");
      if (c == COL_YEAR)
        gtk_grid_attach (self->years, label, 0, row, 1, 1);
      else
        gtk_grid_attach (self->table, label, c - 1, row, 1, 1);
      g_ptr_array_add (self->cells, label);
    }
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *text = table_text (self, i / N_TABLE_COLUMNS, i % N_TABLE_COLUMNS);

      cpl_label_set_text (g_ptr_array_index (self->cells, i), text);
    }
}

/* The label of year @year's cell in column @column (0: the year) of the
 * table (for tests), or NULL. */
GtkLabel *
cpl_scenario_results_get_table_cell (CplScenarioResults *self,
                                     guint               year,
                                     guint               column)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  build_below (self);
  if (column >= N_TABLE_COLUMNS || year >= self->cells->len / N_TABLE_COLUMNS)
    return NULL;
  return g_ptr_array_index (self->cells, year * N_TABLE_COLUMNS + column);
}

/* Life cycle ------------------------------------------------------------- */

/* A bin that changes how wide its child asks to be.  A chart's card asks
 * for no more than its minimum, so that a flow box (which lays out by
 * natural widths, and a chart's is 560 px) puts two cards on a row as
 * soon as their minima fit.  A table is rigid: it asks for its natural
 * width as its minimum, and so for the height of its rows at that width;
 * in a sideways scroller it is then exactly as tall as its rows. */
#define CPL_TYPE_SIZE_BIN (cpl_size_bin_get_type ())
G_DECLARE_FINAL_TYPE (CplSizeBin, cpl_size_bin, CPL, SIZE_BIN, GtkWidget)

struct _CplSizeBin
{
  GtkWidget parent_instance;
  gboolean  rigid;
  void    (*allocated) (gpointer data);  /* after each allocation of the child, or NULL */
  gpointer  allocated_data;
};

G_DEFINE_FINAL_TYPE (CplSizeBin, cpl_size_bin, GTK_TYPE_WIDGET)

static void
cpl_size_bin_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int width;

  if (orientation == GTK_ORIENTATION_VERTICAL && CPL_SIZE_BIN (widget)->rigid)
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      for_size = MAX (for_size, width);
    }
  gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (CPL_SIZE_BIN (widget)->rigid)
        *minimum = *natural;
      else
        *natural = *minimum;
    }
}

static void
cpl_size_bin_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CplSizeBin *self = CPL_SIZE_BIN (widget);

  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
  if (self->allocated != NULL)
    self->allocated (self->allocated_data);
}

static GtkSizeRequestMode
cpl_size_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cpl_size_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (cpl_size_bin_parent_class)->dispose (object);
}

static void
cpl_size_bin_class_init (CplSizeBinClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpl_size_bin_dispose;
  widget_class->measure = cpl_size_bin_measure;
  widget_class->size_allocate = cpl_size_bin_size_allocate;
  widget_class->get_request_mode = cpl_size_bin_get_request_mode;
}

static void
cpl_size_bin_init (CplSizeBin *self)
{
}

static GtkWidget *
size_bin_new (GtkWidget *child,
              gboolean   rigid)
{
  CplSizeBin *bin = g_object_new (CPL_TYPE_SIZE_BIN, NULL);

  bin->rigid = rigid;
  gtk_widget_set_parent (child, GTK_WIDGET (bin));
  return GTK_WIDGET (bin);
}

/* The year's title row as tall as the other columns' (their titles
 * wrap onto two or three lines), so that the two grids' rows line up:
 * set on the next frame (a size request made in an allocation would wait
 * for one anyway), once the other grid's has changed. */
static gboolean
set_year_title_height (GtkWidget     *years,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  CplScenarioResults *self = data;

  gtk_widget_set_size_request (self->table_titles[COL_YEAR], -1, self->title_height);
  return G_SOURCE_REMOVE;
}

static void
table_allocated (gpointer data)
{
  CplScenarioResults *self = data;
  /* every title of the row is as tall as the row (valign fill) */
  int height = gtk_widget_get_height (self->table_titles[COL_DEMAND]);

  if (height == self->title_height)
    return;
  self->title_height = height;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->years), set_year_title_height, self, NULL);
}

/* Under its heading, with Copy and Export CSV… beside it.  The year
 * stays in view while the other columns scroll sideways (on a phone they
 * do): two grids side by side, the years' and the rest's, their title
 * rows of one height (table_allocated()), their rows of one line each. */
static void
build_table (CplScenarioResults *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = cpl_wrapped_label_new (_("Year by Year"), "heading");
  GtkWidget *both = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *scroller, *bin;

  self->years = GTK_GRID (cpl_table_grid_new (6));
  self->table = GTK_GRID (cpl_table_grid_new (6));
  /* the grids' margins as one grid's: 12 px outside, the column
   * spacing between the year and the rest, outside the scroller: inside
   * it, the columns scrolled sideways passed right beside the years, and
   * a title's last glyph read as the year's ("Year)", "2026 )") */
  gtk_widget_set_margin_end (GTK_WIDGET (self->years), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 0);
  self->cells = g_ptr_array_new ();
  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    {
      /* "Demand (PFLOP/s)" wraps before the unit, never inside it; the
       * share's title is its own message, for a wording that wraps
       * between words in Chinese (国产芯片在新增算 / 力中的份额 did not) */
      g_autofree char *text = cpl_text_keep_units (c == COL_SHARE ?
                                                   /* Translators: a column title of the year-by-year table,
                                                    * over a line or two of some 12 characters each (a translation may
                                                    * say where it breaks, with a newline) */
                                                   C_("year table", "Domestic share of new compute") :
                                                   _(table_titles[c]));
      GtkWidget *title = gtk_label_new (text);

      /* the year's, short, never wraps: the other grid would squeeze it */
      gtk_label_set_wrap (GTK_LABEL (title), c != COL_YEAR);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 12);
      gtk_label_set_xalign (GTK_LABEL (title), c == COL_YEAR ? 0 : 1);
      gtk_label_set_justify (GTK_LABEL (title), c == COL_YEAR ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      /* the text at the bottom of the title row, over its column */
      gtk_label_set_yalign (GTK_LABEL (title), 1);
      gtk_widget_add_css_class (title, "heading");
      self->table_titles[c] = title;
      if (c == COL_YEAR)
        gtk_grid_attach (self->years, title, 0, 0, 1, 1);
      else
        gtk_grid_attach (self->table, title, c - 1, 0, 1, 1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (both), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The projection year by year"), -1);
  bin = size_bin_new (GTK_WIDGET (self->table), TRUE);
  CPL_SIZE_BIN (bin)->allocated = table_allocated;
  CPL_SIZE_BIN (bin)->allocated_data = self;
  /* as cpl_scenario_table_scroller_new(), with a scrollbar under it when
   * there is something to scroll: on a phone the columns past the edge
   * ("Domest…") showed no sign of it */
  scroller = cpl_scroll_sideways (bin);
  gtk_widget_set_hexpand (scroller, TRUE);
  {
    GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (column), scroller);
    gtk_box_append (GTK_BOX (column), cpl_sideways_bar_new (GTK_SCROLLED_WINDOW (scroller)));
    gtk_box_append (GTK_BOX (both), GTK_WIDGET (self->years));
    gtk_box_append (GTK_BOX (both), column);
  }
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (header), cpl_table_actions_new (GTK_WIDGET (self), both, years_text));
  gtk_box_append (GTK_BOX (self->body), header);
  cpl_card_append (self->body, both);
}

/* Returns: (transfer floating): @table (a grid) in a scroller that
 * scrolls sideways when the window is narrower than the table, and is
 * exactly as tall as its rows: the page scrolls as one. */
GtkWidget *
cpl_scenario_table_scroller_new (GtkWidget *table)
{
  /* cpl_scroll_sideways() hands the wheel to the page */
  return cpl_scroll_sideways (size_bin_new (table, TRUE));
}

/* Narrower than this, a table of several scenarios' columns gives way to
 * the table for a phone (cpl_scenario_tables_scroller_new()): the row
 * titles and two scenarios side by side need about as much. */
#define WIDE_TABLE_MIN_WIDTH 480

/**
 * cpl_scenario_tables_scroller_new:
 * @titles: the wide table's row titles, a grid of one column
 * @values: the rest of the wide table, a grid whose rows are those of
 *   @titles (the caller keeps their heights in step, see @allocated)
 * @allocated: (nullable): called after each allocation of @values
 * @narrow: the same numbers laid out for a phone
 *
 * Returns: (transfer floating): the wide table down to
 *   WIDE_TABLE_MIN_WIDTH, its titles in view while its values scroll
 *   sideways when they are wider than the window (many scenarios on a
 *   laptop: "Gross revenue of US vendors" scrolled away from its
 *   numbers); @narrow below that, and narrower still (large text) it
 *   scrolls sideways.
 */
GtkWidget *
cpl_scenario_tables_scroller_new (GtkWidget  *titles,
                                  GtkWidget  *values,
                                  void      (*allocated) (gpointer data),
                                  gpointer    data,
                                  GtkWidget  *narrow)
{
  /* the first whose minimum fits: the wide table's is WIDE_TABLE_MIN_WIDTH */
  GtkWidget *squeezer = cpl_first_fit_new ();
  GtkWidget *wide = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *bin = size_bin_new (values, TRUE);
  GtkWidget *values_scroller = cpl_scroll_sideways (bin);
  GtkWidget *values_column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  CPL_SIZE_BIN (bin)->allocated = allocated;
  CPL_SIZE_BIN (bin)->allocated_data = data;
  gtk_widget_set_hexpand (values_column, TRUE);
  gtk_box_append (GTK_BOX (values_column), values_scroller);
  /* a scrollbar under the values when there is something to scroll: the
   * columns past the edge show */
  gtk_box_append (GTK_BOX (values_column), cpl_sideways_bar_new (GTK_SCROLLED_WINDOW (values_scroller)));
  gtk_box_append (GTK_BOX (wide), size_bin_new (titles, TRUE));
  gtk_box_append (GTK_BOX (wide), values_column);
  gtk_widget_set_size_request (wide, WIDE_TABLE_MIN_WIDTH, -1);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), size_bin_new (narrow, TRUE));
  return cpl_scroll_sideways (squeezer);
}

/* Charts sit two to a row when there is room for two cards of 320 px,
 * one to a row on a narrow window. */
GtkWidget *
cpl_scenario_chart_flow_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 12);
  return flow;
}

/* The chart view in the tree under @widget, or NULL. */
static CplChartView *
find_chart_view (GtkWidget *widget)
{
  if (CPL_IS_CHART_VIEW (widget))
    return CPL_CHART_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      CplChartView *view = find_chart_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* @chart (a chart view, or a box with one) in a card under its @title,
 * with Export… beside the title and in the chart's context menu, at the
 * end of @flow.  The chart takes the title, for its exports. */
void
cpl_scenario_chart_flow_append (GtkWidget  *flow,
                                const char *title,
                                GtkWidget  *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  CplChartView *view = find_chart_view (chart);
  GtkWidget *card;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), view != NULL ? cpl_chart_card_header_new (title, view)
                                              : cpl_wrapped_label_new (title, "heading"));
  gtk_widget_set_size_request (chart, -1, 260);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_size_request (frame, 320, -1);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  card = size_bin_new (frame, FALSE);
  /* the cards are not buttons: no focus stop */
  cpl_flow_box_append_plain (flow, card);
}

/* The cards of charts @from to @to - 1, at the end of the flow; each
 * view takes its chart. */
static void
append_charts (CplScenarioResults *self,
               guint               from,
               guint               to)
{
  for (guint c = from; c < to; c++)
    {
      g_autofree char *title = cpl_chart_dup_card_title (chart_ids[c], FALSE);

      self->views[c] = cpl_chart_view_new_take (self->charts[c]);
      cpl_scenario_chart_flow_append (self->flow, title, self->views[c]);
    }
  show_take_card (self, self->take_shown);
}

static void
stop_waiting_for_below (CplScenarioResults *self)
{
  paint_wait_stop (&self->below_wait);
  g_clear_handle_id (&self->below_idle_id, g_source_remove);
}

/* The scenario's notes, and over them what no longer holds of them. */
static void
show_notes (CplScenarioResults *self)
{
  g_autofree char *caveat = NULL;

  if (self->notes == NULL || self->scenario == NULL)
    return;
  caveat = cpl_scenario_notes_caveat (self->scenario);
  cpl_notes_group_show (self->notes, CPL_ENTITY (self->scenario));
  cpl_notes_group_set_caveat (self->notes, caveat);
}

/* What is below the first row of cards: the other charts' cards, the
 * analysis and the table, filled with what is shown.  Made once, after
 * the first frame that shows the results (a start draws its first frame
 * sooner), or when a reader asks for them. */
static void
build_below (CplScenarioResults *self)
{
  if (self->analysis != NULL)
    return;
  stop_waiting_for_below (self);
  append_charts (self, FIRST_BELOW_CHART, N_CHARTS);
  self->analysis = cpl_scenario_analysis_new ();
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->analysis));
  build_table (self);
  /* where its figures come from, after what they give */
  self->notes = cpl_notes_group_append (self->body);
  cpl_notes_group_set_editable (self->notes, _("Where the parameters come from: sources, estimates and assumptions."));
  show_notes (self);
  if (self->projection != NULL)
    {
      fill_table (self);
      cpl_scenario_analysis_show (self->analysis, self->dataset, self->scenario);
    }
}

static gboolean
build_below_idle (gpointer data)
{
  CplScenarioResults *self = data;

  self->below_idle_id = 0;
  build_below (self);
  return G_SOURCE_REMOVE;
}

/* The first frame is drawn: what is below is made when the main loop is
 * next idle, in a frame of its own. */
static void
below_after_paint (CplScenarioResults *self)
{
  paint_wait_stop (&self->below_wait);
  self->below_idle_id = g_idle_add (build_below_idle, self);
}

static void
schedule_below (CplScenarioResults *self)
{
  if (self->analysis == NULL && self->below_wait.clock == NULL && self->below_idle_id == 0)
    paint_wait_start (&self->below_wait, self, G_CALLBACK (below_after_paint));
}

static void
cpl_scenario_results_dispose (GObject *object)
{
  CplScenarioResults *self = CPL_SCENARIO_RESULTS (object);

  cancel_run (self);
  stop_waiting_for_below (self);
  /* the charts no view has taken */
  for (guint c = 0; c < N_CHARTS; c++)
    if (self->views[c] == NULL)
      g_clear_object (&self->charts[c]);
  g_clear_pointer (&self->uncertainty, cpl_uncertainty_unref);
  g_clear_pointer (&self->projection, cpl_projection_unref);
  g_clear_pointer (&self->summary_text, g_free);
  g_clear_pointer (&self->range_summary, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->settings);
  watch_dataset (self, NULL);
  g_clear_pointer (&self->run_inputs, g_free);
  g_clear_pointer (&self->shown_inputs, g_free);
  g_clear_object (&self->scenario);
  G_OBJECT_CLASS (cpl_scenario_results_parent_class)->dispose (object);
}

/* Out of its window (the window closed): the run under way stops, and
 * no late result updates a view that is no longer shown.  A run holds a
 * reference on the view: it outlived its window until the run's end. */
static void
cpl_scenario_results_unroot (GtkWidget *widget)
{
  cancel_run (CPL_SCENARIO_RESULTS (widget));
  GTK_WIDGET_CLASS (cpl_scenario_results_parent_class)->unroot (widget);
}

static void
cpl_scenario_results_class_init (CplScenarioResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpl_scenario_results_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = cpl_scenario_results_unroot;
}

static void
cpl_scenario_results_init (CplScenarioResults *self)
{
  GtkWidget *figures;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  /* which scenario these are: on a phone nothing else on the page says */
  self->title = GTK_LABEL (cpl_wrapped_label_new (NULL, "title-2"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->title));

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error));

  self->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self), self->body);

  self->description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->description, TRUE);
  gtk_label_set_xalign (self->description, 0);
  gtk_label_set_selectable (self->description, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->description), "dim-label");
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->description));

  self->summary = cpl_summary_label_new ();
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->summary));
  self->stale = GTK_LABEL (cpl_wrapped_label_new (NULL, "warning"));
  gtk_widget_set_visible (GTK_WIDGET (self->stale), FALSE);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->stale));
  self->explanation = GTK_LABEL (cpl_wrapped_label_new (NULL, NULL));
  gtk_label_set_selectable (self->explanation, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation), FALSE);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->explanation));

  figures = cpl_key_figures_new (1, N_TOTALS);
  for (guint i = 0; i < N_TOTALS; i++)
    {
      self->total_values[i] = cpl_key_figure_append (figures, _(totals[i].title), "title-3");
      self->total_ranges[i] = GTK_LABEL (cpl_wrapped_label_new (NULL, "caption"));
      gtk_widget_add_css_class (GTK_WIDGET (self->total_ranges[i]), "numeric");
      gtk_widget_set_visible (GTK_WIDGET (self->total_ranges[i]), FALSE);
      gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->total_values[i]))),
                      GTK_WIDGET (self->total_ranges[i]));
    }
  /* over the totals whose ranges it qualifies, where it is read first */
  self->ranges_warning = GTK_LABEL (cpl_wrapped_label_new (NULL, "caption"));
  gtk_widget_add_css_class (GTK_WIDGET (self->ranges_warning), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->ranges_warning), FALSE);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->ranges_warning));
  gtk_box_append (GTK_BOX (self->body), figures);

  {
    GtkWidget *label = gtk_label_new (_("Estimating uncertainty…"));

    self->progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append (GTK_BOX (self->progress), gtk_spinner_new ());
    gtk_spinner_start (GTK_SPINNER (gtk_widget_get_first_child (self->progress)));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (self->progress), label);
    gtk_widget_set_visible (self->progress, FALSE);
    gtk_box_append (GTK_BOX (self->body), self->progress);
  }

  self->flow = cpl_scenario_chart_flow_new ();
  gtk_box_append (GTK_BOX (self->body), self->flow);

  /* every chart is filled as the results change; the first row's cards
   * now, the rest after the first frame */
  for (guint c = 0; c < N_CHARTS; c++)
    self->charts[c] = cpl_chart_new_for (chart_ids[c], FALSE);
  append_charts (self, 0, FIRST_BELOW_CHART);
  g_signal_connect (self, "map", G_CALLBACK (schedule_below), NULL);

  /* the preference, when the app has its settings */
  if (CPL_IS_APPLICATION (g_application_get_default ()))
    {
      self->settings = g_object_ref (cpl_application_get_settings (CPL_APPLICATION (g_application_get_default ())));
      g_signal_connect_object (self->settings, "changed::monte-carlo-draws", G_CALLBACK (restart_run), self,
                               G_CONNECT_SWAPPED);
    }
}

/**
 * cpl_scenario_results_set_stale_note:
 * @note: (nullable): what the editor says while an input holds text it
 *   refused (CplScenarioEditor:stale-note), or %NULL
 *
 * Shows @note under the headline: the figures are of the values last
 * accepted, not of what is typed.
 */
void
cpl_scenario_results_set_stale_note (CplScenarioResults *self,
                                     const char         *note)
{
  g_return_if_fail (CPL_IS_SCENARIO_RESULTS (self));

  gtk_label_set_text (self->stale, note);
  gtk_widget_set_visible (GTK_WIDGET (self->stale), note != NULL);
}

/* The warning under the totals that a ranged value lies outside its
 * range, or %NULL when none is shown (for tests). */
const char *
cpl_scenario_results_get_ranges_warning (CplScenarioResults *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO_RESULTS (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->ranges_warning)) ? gtk_label_get_text (self->ranges_warning) : NULL;
}

/* Returns: (nullable): the note shown by cpl_scenario_results_set_stale_note(). */
const char *
cpl_scenario_results_get_stale_note (CplScenarioResults *self)
{
  g_return_val_if_fail (CPL_IS_SCENARIO_RESULTS (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->stale)) ? gtk_label_get_text (self->stale) : NULL;
}

CplScenarioResults *
cpl_scenario_results_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_RESULTS, NULL);
}

/* What is the scenario's own, not its projection's: its name, its
 * description, and its id, that its charts export under. */
static void
show_own (CplScenarioResults *self)
{
  CplText *description = cpl_scenario_get_description (self->scenario);
  /* its date whole: "…（2025 年" over "12 月）" on a phone */
  g_autofree char *title = cpl_text_keep_dates (cpl_entity_get_name (CPL_ENTITY (self->scenario)));
  /* a number on its unit's line, a date whole, as the chips' notes */
  g_autofree char *kept = cpl_text_keep_units (description ? cpl_text_get (description) : "");

  cpl_label_set_text (self->title, title);
  cpl_label_set_text (self->description, kept);
  gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL);
  show_notes (self);
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_export_set_entity (self->charts[c], CPL_ENTITY (self->scenario));
}

/* Projects @scenario and shows it; a scenario the model refuses shows why.
 * Inputs that are those shown (scenario_inputs()) are not projected again. */
void
cpl_scenario_results_show (CplScenarioResults *self,
                           CplDataset         *dataset,
                           CplScenario        *scenario)
{
  g_autoptr(GError) error = NULL;
  CplProjection *projection;
  g_autofree char *sentence = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *inputs = NULL;

  g_return_if_fail (CPL_IS_SCENARIO_RESULTS (self));

  watch_dataset (self, dataset);
  inputs = scenario ? scenario_inputs (self, scenario) : NULL;
  if (inputs != NULL && g_strcmp0 (inputs, self->shown_inputs) == 0)
    {
      /* the inputs shown (a copy of the scenario, a new name or
       * description): the same projection, so the same figures, charts
       * and table; what is the scenario's own follows it */
      g_set_object (&self->scenario, scenario);
      for (guint c = 0; c < N_CHARTS; c++)
        cpl_chart_freeze_updates (self->charts[c]);
      show_own (self);
      if (self->analysis != NULL)
        cpl_scenario_analysis_bind (self->analysis, dataset, scenario);
      restart_run (self);
      for (guint c = 0; c < N_CHARTS; c++)
        cpl_chart_thaw_updates (self->charts[c]);
      return;
    }

  /* the dataset keeps it until the scenario or what it uses changes */
  projection = scenario ? cpl_dataset_get_projection (dataset, scenario, &error) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->error), error != NULL);
  if (error != NULL)
    {
      /* keep the last good pictures; say why these inputs do not project;
       * no run of older inputs goes on */
      cpl_label_set_text (self->error, error->message);
      cancel_run (self);
      g_clear_pointer (&self->shown_inputs, g_free);
      return;
    }
  if (projection == NULL)
    return;

  g_clear_pointer (&self->projection, cpl_projection_unref);
  self->projection = projection;
  g_set_object (&self->scenario, scenario);
  g_free (self->shown_inputs);
  self->shown_inputs = g_steal_pointer (&inputs);

  /* what shows the same as before is left as it is: the charts keep their
   * drawing, the labels their layout */
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_freeze_updates (self->charts[c]);
  show_own (self);
  sentence = cpl_scenario_crossover_sentence (projection, dataset);
  /* each shown with its units whole (cpl_text_keep_units()): "PFLOP/s-year",
   * "2026–2030", "$288 B" */
  {
    g_autofree char *kept = cpl_text_keep_units (sentence);

    cpl_label_set_text (self->summary, kept);
  }
  /* what drives the result, when a constraint binds, in plain type under
   * the headline */
  explanation = cpl_projection_explain (projection, scenario, dataset);
  {
    g_autofree char *kept = cpl_text_keep_units (explanation ? explanation : "");

    cpl_label_set_text (self->explanation, kept);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->explanation), explanation != NULL);
  g_free (self->summary_text);
  self->summary_text = g_strjoin ("\n", sentence, explanation, NULL);
  fill_totals (self);
  fill_charts (self, dataset);
  if (self->analysis != NULL)
    cpl_scenario_analysis_show (self->analysis, dataset, scenario);
  fill_table (self);
  restart_run (self);
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_thaw_updates (self->charts[c]);
}

/* Returns: (transfer none): the share-rate curve and goal seek. */
CplScenarioAnalysis *
cpl_scenario_results_get_analysis (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  build_below (self);
  return self->analysis;
}

/* Returns: the Notes group at the end of the page (made when asked
 * for; for tests: cpl_notes_group_get_text(), cpl_notes_group_edit()). */
GtkWidget *
cpl_scenario_results_get_notes (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  build_below (self);
  return self->notes;
}

/* Returns: the total @total_id ("vendors", "take", "gap", "installed",
 * "share") as shown. */
const char *
cpl_scenario_results_get_total (CplScenarioResults *self,
                                const char         *total_id)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  for (guint i = 0; i < N_TOTALS; i++)
    if (g_str_equal (totals[i].id, total_id))
      return gtk_label_get_text (self->total_values[i]);
  return NULL;
}

/* Returns: the name heading the results */
const char *
cpl_scenario_results_get_title (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return gtk_label_get_text (self->title);
}

/* The summary in words, and the totals' ranges when the run is done. */
const char *
cpl_scenario_results_get_summary (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  if (self->range_summary != NULL)
    return self->range_summary;
  return self->summary_text ? self->summary_text : "";
}

/**
 * cpl_scenario_results_get_uncertainty:
 * @wait: whether to run the main loop until the Monte Carlo run under
 *   way is done
 *
 * Returns: (nullable) (transfer none): the result shown, of the inputs
 *   shown; %NULL while a run is under way or without ranges
 */
CplUncertainty *
cpl_scenario_results_get_uncertainty (CplScenarioResults *self,
                                      gboolean            wait)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  while (wait && self->run != NULL)
    g_main_context_iteration (NULL, TRUE);
  return self->uncertainty;
}

/* Whether "Estimating uncertainty…" shows. */
gboolean
cpl_scenario_results_get_estimating (CplScenarioResults *self)
{
  return gtk_widget_get_visible (self->progress);
}

/* TRUE while a Monte Carlo run is wanted or under way (for tests). */
gboolean
cpl_scenario_results_get_running (CplScenarioResults *self)
{
  return self->run != NULL;
}

/* The charts with a P10–P90 band (for tests): the domestic share, the
 * government take and the compute gap. */
CplLineChart *
cpl_scenario_results_get_band_chart (CplScenarioResults *self,
                                     CplYearOutput       output)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  switch (output)
    {
    case CPL_YEAR_DOMESTIC_SHARE:   return CPL_LINE_CHART (chart_of (self, "domestic-share"));
    case CPL_YEAR_GOVERNMENT_TAKE:  return CPL_LINE_CHART (chart_of (self, "take"));
    case CPL_YEAR_COMPUTE_GAP:      return CPL_LINE_CHART (chart_of (self, "compute-gap"));
    default:                        return NULL;
    }
}

/* Returns: why the scenario does not project, or "" */
const char *
cpl_scenario_results_get_error (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : "";
}
