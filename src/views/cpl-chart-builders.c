/* cpl-chart-builders.c: what each chart of the app shows, filled from the
 * model
 *
 * The views and the exports (the Export… dialog, --export-chart, the
 * report) fill their charts through these functions, so what is saved is
 * what is on screen.  No widget is touched here: a chart is configured
 * (axes, formats, description) by cpl_chart_new_for() and filled by the
 * cpl_chart_fill_*() functions.
 *
 * A chart id names one chart: of one scenario's results, or, given
 * several scenarios, the comparison chart with a series per scenario in
 * its colour; the threshold map and the timeline show the dataset.
 */
#define G_LOG_DOMAIN "cpl-chart-builders"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chart-builders.h"
#include "cpl-view-util.h"
#include "views/chips/cpl-threshold-map.h"
#include "views/scenarios/cpl-scenario-editor.h"
#include "views/scenarios/cpl-scenario-results.h"
#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-timeline-chart.h"

typedef enum {
  CHART_SHARE,
  CHART_UNITS,
  CHART_REVENUE,
  CHART_TAKE,
  CHART_GAP,
  CHART_COST,
  CHART_THRESHOLD_MAP,
  CHART_TIMELINE,
  CHART_TORNADO,
  CHART_SHARE_CURVE,
  CHART_SHARE_CURVE_DOMESTIC,
  N_CHART_KINDS
} ChartKind;

typedef enum {
  SHOWS_SCENARIOS,   /* one scenario's results, or the comparison of several */
  SHOWS_ONE,         /* one scenario only */
  SHOWS_DATASET,     /* no scenario */
} Shows;

static const struct {
  const char *title;             /* N_(): the card's title */
  const char *comparison_title;  /* N_(), or NULL: as title */
  Shows       shows;
} charts[N_CHART_KINDS] = {
  [CHART_SHARE] = { N_("Domestic Share of New Compute"), NULL, SHOWS_SCENARIOS },
  [CHART_UNITS] = { N_("Units Shipped"), NULL, SHOWS_SCENARIOS },
  [CHART_REVENUE] = { N_("Gross Revenue and US Government Take"), N_("Gross Revenue of US Vendors"),
                      SHOWS_SCENARIOS },
  [CHART_TAKE] = { N_("US Government Take and Its Range"), N_("US Government Take"), SHOWS_SCENARIOS },
  [CHART_GAP] = { N_("Compute Gap"), NULL, SHOWS_SCENARIOS },
  [CHART_COST] = { N_("Cost of Compute"), NULL, SHOWS_SCENARIOS },
  [CHART_THRESHOLD_MAP] = { N_("Threshold Map"), NULL, SHOWS_DATASET },
  [CHART_TIMELINE] = { N_("Timeline of each chip's status in China"), NULL, SHOWS_DATASET },
  [CHART_TORNADO] = { N_("What Moves the Total Most"), NULL, SHOWS_ONE },
  [CHART_SHARE_CURVE] = { N_("Take and Net Revenue by Share Rate"), NULL, SHOWS_ONE },
  [CHART_SHARE_CURVE_DOMESTIC] = { N_("Domestic Share by Share Rate"), NULL, SHOWS_ONE },
};

/* In the order of ChartKind. */
const char * const cpl_chart_ids[] = {
  "domestic-share", "units", "revenue", "take", "compute-gap", "cost-of-compute",
  "threshold-map", "timeline", "tornado", "share-curve", "share-curve-domestic",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (cpl_chart_ids) == N_CHART_KINDS + 1);

static int
chart_kind (const char *chart_id)
{
  for (int k = 0; chart_id != NULL && k < N_CHART_KINDS; k++)
    if (g_str_equal (cpl_chart_ids[k], chart_id))
      return k;
  return -1;
}

static ChartKind
known_kind (const char *chart_id)
{
  int kind = chart_kind (chart_id);

  if (kind < 0)
    g_critical ("no chart “%s”", chart_id);
  return MAX (kind, 0);
}

/**
 * cpl_chart_dup_title:
 * @chart_id: one of cpl_chart_ids
 *
 * Returns: (nullable): the chart's title, translated, as on its card (of
 *   one scenario's results); %NULL for an unknown id
 */
char *
cpl_chart_dup_title (const char *chart_id)
{
  int kind = chart_kind (chart_id);

  return kind < 0 ? NULL : g_strdup (_(charts[kind].title));
}

/**
 * cpl_chart_dup_card_title:
 * @comparison: the chart of several scenarios
 *
 * Returns: the title of the chart's card, translated
 */
char *
cpl_chart_dup_card_title (const char *chart_id,
                          gboolean    comparison)
{
  ChartKind kind = known_kind (chart_id);

  if (comparison && charts[kind].comparison_title != NULL)
    return g_strdup (_(charts[kind].comparison_title));
  return g_strdup (_(charts[kind].title));
}

/* Whether @chart_id draws several scenarios, one series each. */
gboolean
cpl_chart_id_compares (const char *chart_id)
{
  int kind = chart_kind (chart_id);

  return kind >= 0 && charts[kind].shows == SHOWS_SCENARIOS;
}

/* Configuring ------------------------------------------------------------- */

/* A line chart against the years (@years) or the revenue share. */
static CplLineChart *
line_chart_new (gboolean            years,
                const char         *y_title,
                CplChartFormatFunc  y_format,
                const char         *description)
{
  CplLineChart *chart = CPL_LINE_CHART (cpl_line_chart_new ());

  cpl_line_chart_set_axes (chart, years ? _("Year") : _("Revenue share"), y_title);
  cpl_line_chart_set_x_integer (chart, years);
  cpl_line_chart_set_x_format (chart, years ? cpl_scenario_format_year : cpl_scenario_format_share, NULL, NULL);
  cpl_line_chart_set_y_format (chart, y_format, NULL, NULL);
  if (y_format == cpl_scenario_format_money)
    cpl_chart_set_tick_format (CPL_CHART (chart), GTK_ORIENTATION_VERTICAL, cpl_money_tick);
  cpl_line_chart_set_description (chart, description);
  return chart;
}

static CplBarChart *
year_bar_chart_new (const char         *value_title,
                    CplChartFormatFunc  format,
                    const char         *description)
{
  CplBarChart *chart = CPL_BAR_CHART (cpl_bar_chart_new ());

  cpl_bar_chart_set_value_title (chart, value_title);
  cpl_bar_chart_set_category_title (chart, _("Year"));
  if (format != NULL)
    cpl_bar_chart_set_value_format (chart, format, NULL, NULL);
  if (format == cpl_scenario_format_money)
    cpl_chart_set_tick_format (CPL_CHART (chart), GTK_ORIENTATION_VERTICAL, cpl_money_tick);
  cpl_bar_chart_set_description (chart, description);
  return chart;
}

/* The line charts' axis and description: of one scenario's results
 * (against the years), of the comparison (a line per scenario), and of the
 * share-rate curve (against the rate). */
typedef struct {
  const char         *axis;          /* N_() */
  CplChartFormatFunc  format;
  const char         *description;   /* N_() */
} LineChart;

static const LineChart lines[] = {
  [CHART_SHARE] = { N_("Share of the year's new compute"), cpl_scenario_format_share,
                    N_("The domestic chips' share of the compute newly installed each year") },
  [CHART_TAKE] = { N_("US dollars"), cpl_scenario_format_money,
                   N_("The US government's take year by year, with the range of the Monte Carlo run") },
  [CHART_GAP] = { N_("PFLOP/s"), cpl_scenario_format_pflops,
                  N_("Demand that neither exports nor domestic capacity meet, year by year") },
  [CHART_COST] = { N_("US dollars per PFLOP/s-year"), cpl_scenario_format_money,
                   N_("The buyer's cost of compute of each exported chip against the domestic chip, "
                      "which falls as it is used") },
  [CHART_SHARE_CURVE] = { N_("US dollars"), cpl_scenario_format_money,
                          N_("The US government's take and the US vendors' net revenue over all years, "
                             "against the revenue share") },
  [CHART_SHARE_CURVE_DOMESTIC] = { N_("Domestic share of new compute"), cpl_scenario_format_share,
                                   N_("The domestic share of new compute in the last year, against the "
                                      "revenue share") },
};

static const LineChart comparisons[] = {
  [CHART_SHARE] = { N_("Share of the year's new compute"), cpl_scenario_format_share,
                    N_("The domestic chips' share of the compute newly installed each year, in each scenario") },
  [CHART_UNITS] = { N_("Chips a year"), cpl_scenario_format_pflops,
                    N_("Chips shipped each year, exported and domestic together, in each scenario") },
  [CHART_REVENUE] = { N_("US dollars"), cpl_scenario_format_money,
                      N_("What US vendors sell to China in each scenario, year by year") },
  [CHART_TAKE] = { N_("US dollars"), cpl_scenario_format_money,
                   N_("The US government's share of the revenue in each scenario, year by year") },
  [CHART_GAP] = { N_("PFLOP/s"), cpl_scenario_format_pflops,
                  N_("Demand met by neither exports nor domestic capacity in each scenario, year by year") },
  [CHART_COST] = { N_("US dollars per PFLOP/s-year"), cpl_scenario_format_money,
                   N_("The buyer's cost of compute of the domestic chip in each scenario, year by year") },
};

static CplLineChart *
line_chart_of (const LineChart *line,
               gboolean         years)
{
  return line_chart_new (years, _(line->axis), line->format, _(line->description));
}

#define ID_KEY "cpl-chart-id"

static CplChart *
mark_id (CplChart  *chart,
         ChartKind  kind)
{
  g_object_set_data (G_OBJECT (chart), ID_KEY, (gpointer) cpl_chart_ids[kind]);
  return chart;
}

/* Returns: (nullable): the id of a chart made by cpl_chart_new_for() */
const char *
cpl_chart_get_builder_id (CplChart *chart)
{
  return g_object_get_data (G_OBJECT (chart), ID_KEY);
}

/* What it means that every value of a chart of @kind is zero: a flat
 * line on an axis with one tick, 0, could read as a chart that failed. */
static const char *
zero_note (ChartKind kind,
           gboolean  comparison)
{
  switch (kind)
    {
    case CHART_REVENUE:
      return comparison ? _("No revenue in any year of these scenarios") : _("No revenue in any year");
    case CHART_TAKE:
      return comparison ? _("No US government take in any year of these scenarios")
                        : _("No US government take in any year");
    case CHART_GAP:
      return comparison ? _("No compute gap in any year of these scenarios")
                        : _("No compute gap in any year: domestic chips and exports meet the demand");
    default:
      return NULL;
    }
}

/**
 * cpl_chart_new_for:
 * @chart_id: one of cpl_chart_ids
 * @comparison: the chart of several scenarios, a series each (only for
 *   the ids of cpl_chart_id_compares())
 *
 * Returns: (transfer full): the chart, with its axes, formats and
 *   description, and no data
 */
CplChart *
cpl_chart_new_for (const char *chart_id,
                   gboolean    comparison)
{
  ChartKind kind = known_kind (chart_id);
  CplLineChart *line;
  CplBarChart *bars;
  CplScatterChart *map;

  if (comparison && charts[kind].shows == SHOWS_SCENARIOS)
    line = line_chart_of (&comparisons[kind], TRUE);
  else if (kind < G_N_ELEMENTS (lines) && lines[kind].axis != NULL)
    line = line_chart_of (&lines[kind], kind != CHART_SHARE_CURVE && kind != CHART_SHARE_CURVE_DOMESTIC);
  else
    switch (kind)
      {
      case CHART_UNITS:
        bars = year_bar_chart_new (_("Chips a year"), NULL,
                                   _("Chips shipped each year: each exported chip and the domestic chip"));
        cpl_bar_chart_set_stacked (bars, TRUE);
        return mark_id (CPL_CHART (bars), kind);
      case CHART_REVENUE:
        bars = year_bar_chart_new (_("US dollars"), cpl_scenario_format_money,
                                   _("Gross revenue of each vendor and the US government's take, year by year"));
        cpl_chart_set_zero_note (CPL_CHART (bars), zero_note (kind, FALSE));
        return mark_id (CPL_CHART (bars), kind);
      case CHART_THRESHOLD_MAP:
        map = CPL_SCATTER_CHART (cpl_scatter_chart_new ());
        /* Translators: the threshold map's horizontal axis; the measure spelled out, as it stands alone */
        cpl_scatter_chart_set_axes (map, C_("axis", "Total processing performance (TPP)"), TRUE,
                                    _("Memory bandwidth (GB/s)"), TRUE);
        cpl_scatter_chart_set_description (map,
          _("Every chip by total processing performance and memory bandwidth, with the regions "
            "and lines of the export rules that can be drawn on these two axes"));
        return mark_id (CPL_CHART (map), kind);
      case CHART_TIMELINE:
        return mark_id (CPL_CHART (cpl_timeline_chart_new ()), kind);
      case CHART_TORNADO:
        return mark_id (CPL_CHART (cpl_tornado_chart_new ()), kind);
      case CHART_SHARE:
      case CHART_TAKE:
      case CHART_GAP:
      case CHART_COST:
      case CHART_SHARE_CURVE:
      case CHART_SHARE_CURVE_DOMESTIC:
      case N_CHART_KINDS:
      default:
        g_return_val_if_reached (NULL);
      }
  /* a share ends at 100% */
  if (kind == CHART_SHARE || kind == CHART_SHARE_CURVE_DOMESTIC)
    cpl_line_chart_set_y_limit (line, 1);
  cpl_chart_set_zero_note (CPL_CHART (line), zero_note (kind, comparison));
  return mark_id (CPL_CHART (line), kind);
}

/* One scenario's results ----------------------------------------------- */

static const char *
chip_name (CplDataset *dataset,
           const char *id)
{
  CplChip *chip = cpl_dataset_lookup_chip (dataset, id);

  return chip ? cpl_entity_get_name (CPL_ENTITY (chip)) : id;
}

static const char *
vendor_name (CplDataset *dataset,
             const char *id)
{
  CplVendor *vendor = cpl_dataset_lookup_vendor (dataset, id);

  return vendor ? cpl_entity_get_name (CPL_ENTITY (vendor)) : id;
}

static char *
domestic_name (CplProjection *p,
               CplDataset    *dataset)
{
  /* Translators: a chart series, %s is the domestic chip */
  return g_strdup_printf (_("%s (domestic)"), chip_name (dataset, p->domestic_chip_id));
}

/* The sizes of the lists of a dataset whose things have their colours. */
typedef struct
{
  guint scenarios, chips, vendors, rules;
} AssignedSizes;

/* Each of @entities its colour as a @kind, in their order. */
static void
assign_in_order (GListModel *entities,
                 const char *kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(CplEntity) entity = g_list_model_get_item (entities, i);

      cpl_chart_color_for (kind, cpl_entity_get_id (entity));
    }
}

/**
 * cpl_chart_colors_assign:
 *
 * Gives every scenario, chip, vendor and rule of @dataset its colour
 * (cpl_chart_color_for()) in an order that depends on the dataset alone:
 * the scenarios in their order, their chips first (each scenario's
 * domestic chip, then the chips it allows), then the other chips, the
 * vendors and the rules, each in the dataset's order.  Asked for as the
 * charts were drawn, a chip took the colour its view asked for first: the
 * H200 came out teal after the H200 scenario, the H20 teal after the H20
 * one, and an export from the command line differed from the window.
 * What has its colour keeps it; what is added later gets one then.  Costs
 * nothing while the dataset's lists keep their lengths.
 */
void
cpl_chart_colors_assign (CplDataset *dataset)
{
  GListModel *scenarios, *chips, *vendors, *rules;
  AssignedSizes *done;
  AssignedSizes now;

  g_return_if_fail (CPL_IS_DATASET (dataset));

  scenarios = cpl_dataset_get_scenarios (dataset);
  chips = cpl_dataset_get_chips (dataset);
  vendors = cpl_dataset_get_vendors (dataset);
  rules = cpl_dataset_get_rules (dataset);
  now = (AssignedSizes) {
    g_list_model_get_n_items (scenarios), g_list_model_get_n_items (chips),
    g_list_model_get_n_items (vendors), g_list_model_get_n_items (rules),
  };
  done = g_object_get_data (G_OBJECT (dataset), "cpl-chart-colors-assigned");
  if (done != NULL && memcmp (done, &now, sizeof now) == 0)
    return;

  for (guint i = 0; i < now.scenarios; i++)
    {
      g_autoptr(CplScenario) scenario = g_list_model_get_item (scenarios, i);
      const char * const *allowed = cpl_scenario_get_allowed_chips (scenario);
      const char *domestic = cpl_scenario_get_domestic_chip (scenario);

      cpl_chart_color_for ("scenario", cpl_entity_get_id (CPL_ENTITY (scenario)));
      if (domestic != NULL)
        cpl_chart_color_for ("chip", domestic);
      for (guint k = 0; allowed != NULL && allowed[k] != NULL; k++)
        cpl_chart_color_for ("chip", allowed[k]);
    }
  assign_in_order (chips, "chip");
  assign_in_order (vendors, "vendor");
  assign_in_order (rules, "rule");
  g_object_set_data_full (G_OBJECT (dataset), "cpl-chart-colors-assigned", g_memdup2 (&now, sizeof now), g_free);
}

static void
add_line (CplLineChart *chart,
          const char   *name,
          const double *x,
          const double *y,
          guint         n,
          CplLineStyle  style,
          CplChartColor color)
{
  cpl_line_chart_set_series_color (chart, cpl_line_chart_add_series (chart, name, x, y, n, style), color);
}

static void
add_bars (CplBarChart  *chart,
          const char   *name,
          const double *y,
          CplChartColor color)
{
  cpl_bar_chart_set_series_color (chart, cpl_bar_chart_add_series (chart, name, y), color);
}

/* y[t] = the number at @offset in year t of @p. */
static void
year_values (CplProjection *p,
             glong          offset,
             double        *y)
{
  for (guint t = 0; t < p->n_years; t++)
    y[t] = G_STRUCT_MEMBER (double, &p->years[t], offset);
}

/* y[t] = item @i of the array at @offset in year t of @p. */
static void
year_item_values (CplProjection *p,
                  glong          offset,
                  guint          i,
                  double        *y)
{
  for (guint t = 0; t < p->n_years; t++)
    y[t] = G_STRUCT_MEMBER (double *, &p->years[t], offset)[i];
}

/* A bar series per chip or vendor (@kind) of @ids, of its item of the
 * array at @offset in each year of @p. */
static void
add_item_bars (CplBarChart   *chart,
               CplProjection *p,
               CplDataset    *dataset,
               const char    *kind,
               char         **ids,
               guint          n_ids,
               glong          offset,
               double        *y)
{
  for (guint i = 0; i < n_ids; i++)
    {
      const char *name = g_str_equal (kind, "chip") ? chip_name (dataset, ids[i]) : vendor_name (dataset, ids[i]);

      year_item_values (p, offset, i, y);
      add_bars (chart, name, y, cpl_chart_color_for (kind, ids[i]));
    }
}

/* The years of @p as a NULL-terminated array of labels. */
static GStrv
year_labels (CplProjection *p)
{
  GStrv years = g_new0 (char *, p->n_years + 1);

  for (guint t = 0; t < p->n_years; t++)
    years[t] = g_strdup_printf ("%d", p->years[t].year);
  return years;
}

/* The total of @output in year @t of @p, as a comparison chart draws it. */
static double
year_value (CplProjection *p,
            ChartKind      kind,
            guint          t)
{
  const CplProjectionYear *year = &p->years[t];
  double sum = 0;

  switch (kind)
    {
    case CHART_SHARE: return year->domestic_share;
    case CHART_TAKE:  return year->government_take_usd;
    case CHART_GAP:   return year->compute_gap_pflops;
    case CHART_COST:  return year->domestic_cost;
    case CHART_UNITS:
      for (guint k = 0; k < p->n_chips; k++)
        sum += year->exported_units[k];
      return sum + year->domestic_units;
    case CHART_REVENUE:
      for (guint v = 0; v < p->n_vendors; v++)
        sum += year->gross_revenue_usd[v];
      return sum;
    case CHART_THRESHOLD_MAP:
    case CHART_TIMELINE:
    case CHART_TORNADO:
    case CHART_SHARE_CURVE:
    case CHART_SHARE_CURVE_DOMESTIC:
    case N_CHART_KINDS:
    default:
      g_return_val_if_reached (NAN);
    }
}

/**
 * cpl_chart_fill_results:
 * @chart: made by cpl_chart_new_for (@chart_id, FALSE)
 * @chart_id: one of the ids of cpl_chart_id_compares()
 *
 * Shows the projection @projection in @chart, in place of what it showed.
 */
void
cpl_chart_fill_results (CplChart      *chart,
                        const char    *chart_id,
                        CplProjection *p,
                        CplDataset    *dataset)
{
  ChartKind kind = known_kind (chart_id);
  guint n = p->n_years;
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *domestic = domestic_name (p, dataset);
  g_auto(GStrv) years = NULL;
  int crossover;

  g_return_if_fail (charts[kind].shows == SHOWS_SCENARIOS);

  cpl_chart_colors_assign (dataset);

  for (guint t = 0; t < n; t++)
    x[t] = p->years[t].year;
  if (CPL_IS_LINE_CHART (chart))
    cpl_line_chart_clear (CPL_LINE_CHART (chart));
  else
    {
      years = year_labels (p);
      cpl_bar_chart_set_categories (CPL_BAR_CHART (chart), (const char * const *) years);
    }

  switch (kind)
    {
    case CHART_SHARE:
      /* the domestic chip's share of the compute installed that year,
       * named and coloured as in the units chart (the title says what the
       * line is; its name repeated the title) */
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, domestic_share), y);
      add_line (CPL_LINE_CHART (chart), domestic, x, y, n, CPL_LINE_STYLE_LINE,
                cpl_chart_color_for ("chip", p->domestic_chip_id));
      break;

    case CHART_UNITS:
      /* one stacked bar a year, a segment per exported chip and one for
       * the domestic chip */
      add_item_bars (CPL_BAR_CHART (chart), p, dataset, "chip", p->chip_ids, p->n_chips,
                     G_STRUCT_OFFSET (CplProjectionYear, exported_units), y);
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, domestic_units), y);
      add_bars (CPL_BAR_CHART (chart), domestic, y, cpl_chart_color_for ("chip", p->domestic_chip_id));
      break;

    case CHART_REVENUE:
      /* gross revenue per vendor and the government's take */
      add_item_bars (CPL_BAR_CHART (chart), p, dataset, "vendor", p->vendor_ids, p->n_vendors,
                     G_STRUCT_OFFSET (CplProjectionYear, gross_revenue_usd), y);
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, government_take_usd), y);
      add_bars (CPL_BAR_CHART (chart), _("US government take"), y, cpl_chart_color_for ("series", "government-take"));
      break;

    case CHART_TAKE:
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, government_take_usd), y);
      add_line (CPL_LINE_CHART (chart), _("US government take"), x, y, n, CPL_LINE_STYLE_LINE,
                cpl_chart_color_for ("series", "government-take"));
      break;

    case CHART_GAP:
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, compute_gap_pflops), y);
      add_line (CPL_LINE_CHART (chart), _("Compute gap"), x, y, n, CPL_LINE_STYLE_AREA,
                cpl_chart_color_for ("series", "compute-gap"));
      break;

    case CHART_COST:
      /* each exported chip against the domestic chip */
      for (guint k = 0; k < p->n_chips; k++)
        {
          for (guint t = 0; t < n; t++)
            y[t] = p->chip_cost[k];
          add_line (CPL_LINE_CHART (chart), chip_name (dataset, p->chip_ids[k]), x, y, n, CPL_LINE_STYLE_LINE,
                    cpl_chart_color_for ("chip", p->chip_ids[k]));
        }
      year_values (p, G_STRUCT_OFFSET (CplProjectionYear, domestic_cost), y);
      add_line (CPL_LINE_CHART (chart), domestic, x, y, n, CPL_LINE_STYLE_DASHED,
                cpl_chart_color_for ("chip", p->domestic_chip_id));
      /* a dot on each year: the lines between two years cross where no
       * year does, a year before the crossover the marker gives */
      cpl_line_chart_set_show_points (CPL_LINE_CHART (chart), TRUE);
      crossover = cpl_projection_get_crossover (p);
      if (crossover >= 0)
        {
          /* Translators: a marker on the chart, %d is a year */
          g_autofree char *label = g_strdup_printf (_("domestic chip cheaper from %d"), p->years[crossover].year);
          g_autofree char *kept = cpl_text_keep_terms (label);

          cpl_line_chart_add_marker (CPL_LINE_CHART (chart), p->years[crossover].year, kept);
        }
      break;

    case CHART_THRESHOLD_MAP:
    case CHART_TIMELINE:
    case CHART_TORNADO:
    case CHART_SHARE_CURVE:
    case CHART_SHARE_CURVE_DOMESTIC:
    case N_CHART_KINDS:
    default:
      g_return_if_reached ();
    }
}

/**
 * cpl_chart_fill_comparison:
 * @chart: made by cpl_chart_new_for (@chart_id, TRUE)
 * @scenarios: (element-type CplScenario): the scenarios compared
 * @projections: (element-type CplProjection): theirs, in the same order
 *
 * Shows a line per scenario in @chart, in the scenario's colour, in
 * place of what it showed.
 */
void
cpl_chart_fill_comparison (CplChart   *chart,
                           const char *chart_id,
                           GPtrArray  *scenarios,
                           GPtrArray  *projections)
{
  ChartKind kind = known_kind (chart_id);

  g_return_if_fail (CPL_IS_LINE_CHART (chart));
  g_return_if_fail (scenarios->len == projections->len);

  cpl_line_chart_clear (CPL_LINE_CHART (chart));
  for (guint i = 0; i < projections->len; i++)
    {
      CplProjection *p = g_ptr_array_index (projections, i);
      CplEntity *scenario = g_ptr_array_index (scenarios, i);
      g_autofree double *x = g_new (double, MAX (p->n_years, 1));
      g_autofree double *y = g_new (double, MAX (p->n_years, 1));

      for (guint t = 0; t < p->n_years; t++)
        {
          x[t] = p->years[t].year;
          y[t] = year_value (p, kind, t);
        }
      add_line (CPL_LINE_CHART (chart), cpl_entity_get_name (scenario), x, y, p->n_years, CPL_LINE_STYLE_LINE,
                cpl_chart_color_for ("scenario", cpl_entity_get_id (scenario)));
    }
}

/* The P10 and P90 of @output in every year of @uncertainty, as the band
 * of series @series of @chart. */
static void
set_year_band (CplLineChart   *chart,
               guint           series,
               CplUncertainty *uncertainty,
               CplYearOutput   output)
{
  guint n = cpl_uncertainty_get_n_years (uncertainty);
  g_autofree double *low = g_new (double, MAX (n, 1));
  g_autofree double *high = g_new (double, MAX (n, 1));

  for (guint t = 0; t < n; t++)
    {
      const CplQuantiles *q = cpl_uncertainty_get_year (uncertainty, output, t);

      low[t] = q->p10;
      high[t] = q->p90;
    }
  cpl_line_chart_set_series_band (chart, series, low, high);
}

/* The yearly output whose band @kind draws, if any. */
static gboolean
band_output (ChartKind      kind,
             CplYearOutput *output)
{
  switch (kind)
    {
    case CHART_SHARE:   *output = CPL_YEAR_DOMESTIC_SHARE; return TRUE;
    case CHART_TAKE:    *output = CPL_YEAR_GOVERNMENT_TAKE; return TRUE;
    case CHART_GAP:     *output = CPL_YEAR_COMPUTE_GAP; return TRUE;
    case CHART_REVENUE: *output = CPL_YEAR_GROSS_REVENUE; return TRUE;
    case CHART_UNITS:
    case CHART_COST:
    case CHART_THRESHOLD_MAP:
    case CHART_TIMELINE:
    case CHART_TORNADO:
    case CHART_SHARE_CURVE:
    case CHART_SHARE_CURVE_DOMESTIC:
    case N_CHART_KINDS:
    default:            return FALSE;
    }
}

/**
 * cpl_chart_set_bands:
 * @series: the scenario's series
 * @uncertainty: (nullable): its Monte Carlo run; %NULL takes the band away
 *
 * Draws the P10–P90 band of a scenario's series on the charts that have
 * one: the domestic share, the take and the gap, and on the comparison
 * the gross revenue too.
 *
 * Returns: whether @chart_id has bands
 */
gboolean
cpl_chart_set_bands (CplChart       *chart,
                     const char     *chart_id,
                     guint           series,
                     CplUncertainty *uncertainty)
{
  CplYearOutput output;

  /* the results' revenue is bars, by vendor: no band */
  if (!band_output (known_kind (chart_id), &output) || !CPL_IS_LINE_CHART (chart))
    return FALSE;
  if (uncertainty == NULL)
    cpl_line_chart_set_series_band (CPL_LINE_CHART (chart), series, NULL, NULL);
  else
    set_year_band (CPL_LINE_CHART (chart), series, uncertainty, output);
  return TRUE;
}

/* The share-rate curve ---------------------------------------------------- */

static double
net_revenue (const CplSharePoint *point)
{
  return point->totals[CPL_TOTAL_GROSS_REVENUE] - point->totals[CPL_TOTAL_GOVERNMENT_TAKE];
}

/* Where the markers of @curve (cpl_share_curve_compute()) go. */
void
cpl_share_marks_compute (CplScenario   *scenario,
                         CplDataset    *dataset,
                         GArray        *curve,
                         CplShareMarks *marks)
{
  marks->current = cpl_scenario_get (scenario, CPL_SCENARIO_REVENUE_SHARE);
  marks->sold = FALSE;
  marks->at_top = FALSE;
  for (guint i = 0; i < curve->len; i++)
    {
      const CplSharePoint *point = &g_array_index (curve, CplSharePoint, i);

      marks->sold = marks->sold || point->totals[CPL_TOTAL_GOVERNMENT_TAKE] > 0 || net_revenue (point) > 0;
    }
  /* a ban, or no allowed chip ever offered: no best rate, no break-even */
  marks->best = marks->sold ? cpl_revenue_maximising_share_on_curve (scenario, dataset, curve, &marks->at_top)
                             : NAN;
  marks->even = marks->sold ? cpl_break_even_share_on_curve (scenario, dataset, curve) : NAN;
  /* the take climbs with the rate until the vendors stop selling: its
   * highest is at the cliff, within the refinements' 1e-4 */
  marks->at_even = isfinite (marks->even) && isfinite (marks->best) && marks->even - marks->best < 0.001;
}

/* A marker at rate @x, the rate written with @decimals, or (−1) with a
 * decimal only where it has one. */
static void
add_rate_marker (CplLineChart *chart,
                 double        x,
                 int           decimals,
                 const char   *format)
{
  g_autofree char *rate = decimals < 0 ? cpl_format_rate (x) : cpl_format_percent (x, decimals);
  g_autofree char *label = g_strdup_printf (format, rate);
  g_autofree char *kept = cpl_text_keep_terms (label);

  cpl_line_chart_add_marker (chart, x, kept);
}

/**
 * cpl_share_curve_fill:
 * @chart: made by cpl_chart_new_for (@chart_id, FALSE)
 * @chart_id: "share-curve" (the take and the vendors' net revenue) or
 *   "share-curve-domestic" (the domestic share)
 * @curve: cpl_share_curve_compute() of @scenario
 * @marks: cpl_share_marks_compute() of @curve
 *
 * Shows @curve in @chart with the current, highest-take and break-even
 * rates marked, in place of what it showed.
 */
void
cpl_share_curve_fill (CplLineChart        *chart,
                      const char          *chart_id,
                      CplScenario         *scenario,
                      GArray              *curve,
                      const CplShareMarks *marks)
{
  ChartKind kind = known_kind (chart_id);
  g_autofree double *x = g_new (double, MAX (curve->len, 1));
  g_autofree double *take = g_new (double, MAX (curve->len, 1));
  g_autofree double *net = g_new (double, MAX (curve->len, 1));
  g_autofree double *share = g_new (double, MAX (curve->len, 1));

  g_return_if_fail (kind == CHART_SHARE_CURVE || kind == CHART_SHARE_CURVE_DOMESTIC);

  for (guint i = 0; i < curve->len; i++)
    {
      const CplSharePoint *point = &g_array_index (curve, CplSharePoint, i);

      x[i] = point->share;
      take[i] = point->totals[CPL_TOTAL_GOVERNMENT_TAKE];
      net[i] = net_revenue (point);
      share[i] = point->totals[CPL_TOTAL_FINAL_DOMESTIC_SHARE];
    }
  cpl_line_chart_clear (chart);
  if (kind == CHART_SHARE_CURVE)
    {
      add_line (chart, _("US government take"), x, take, curve->len, CPL_LINE_STYLE_LINE,
                cpl_chart_color_for ("series", "government-take"));
      add_line (chart, _("Net revenue of US vendors"), x, net, curve->len, CPL_LINE_STYLE_LINE,
                cpl_chart_color_for ("series", "vendor-net-revenue"));
    }
  else
    add_line (chart, _("Domestic share of new compute in the last year"), x, share, curve->len,
              CPL_LINE_STYLE_LINE, cpl_chart_color_for ("chip", cpl_scenario_get_domestic_chip (scenario)));

  /* Translators: a marker on a chart; %s is a rate, "25%" */
  add_rate_marker (chart, marks->current, -1, _("current %s"));
  if (marks->at_even)
    /* Translators: a marker on a chart, one for two: the take is highest
     * at the vendors' break-even; %s is a rate, "82.2%" */
    add_rate_marker (chart, marks->even, 1, _("highest take, break-even %s"));
  else
    {
      if (isfinite (marks->best))
        /* Translators: a marker on a chart; %s is a rate, "62%" */
        add_rate_marker (chart, marks->best, -1, _("highest take %s"));
      if (isfinite (marks->even))
        /* Translators: a marker on a chart; %s is a rate, "76%" */
        add_rate_marker (chart, marks->even, 1, _("break-even %s"));
    }
}

/* The tornado --------------------------------------------------------------- */

static char *
format_total_axis (double   value,
                   gpointer data)
{
  switch ((CplTotal) GPOINTER_TO_INT (data))
    {
    case CPL_TOTAL_GOVERNMENT_TAKE:
    case CPL_TOTAL_GROSS_REVENUE:        return cpl_format_money (value);
    case CPL_TOTAL_FINAL_DOMESTIC_SHARE: return cpl_format_percent (value, CPL_SHARE_DECIMALS);
    case CPL_TOTAL_COMPUTE_GAP:
    case CPL_TOTAL_DOMESTIC_INSTALLED:
    case CPL_N_TOTALS:
    default:                             return cpl_format_number (value, 0);
    }
}

/* Its ticks: money in one unit, the smallest tick's. */
static char *
format_total_tick (double   value,
                   double   reference,
                   gpointer data)
{
  switch ((CplTotal) GPOINTER_TO_INT (data))
    {
    case CPL_TOTAL_GOVERNMENT_TAKE:
    case CPL_TOTAL_GROSS_REVENUE: return cpl_format_money_scaled (value, reference);
    default:                      return format_total_axis (value, data);
    }
}

/* The tornado's value axis: the total, with its unit where the ticks have
 * none (money has "$", a share "%") */
static const char *
total_axis_title (CplTotal total)
{
  switch (total)
    {
    case CPL_TOTAL_COMPUTE_GAP:        return _("Compute gap, all years (PFLOP/s)");
    case CPL_TOTAL_DOMESTIC_INSTALLED: return _("New domestic compute, all years (PFLOP/s)");
    case CPL_TOTAL_GOVERNMENT_TAKE:
    case CPL_TOTAL_FINAL_DOMESTIC_SHARE:
    case CPL_TOTAL_GROSS_REVENUE:
    case CPL_N_TOTALS:
    default:                           return cpl_scenario_total_title (total);
    }
}

/**
 * cpl_tornado_fill:
 * @total: the total the bars move
 *
 * Shows how far each ranged parameter of @scenario moves @total, the
 * widest swing first.
 *
 * Returns: %TRUE; %FALSE with no bars and @error: G_IO_ERROR_NOT_FOUND
 *   when no ranged parameter moves @total (the message says so), or why
 *   the scenario does not project
 */
gboolean
cpl_tornado_fill (CplTornadoChart *tornado,
                  CplScenario     *scenario,
                  CplDataset      *dataset,
                  CplTotal         total,
                  GError         **error)
{
  g_autoptr(CplProjection) projection = cpl_projection_compute (scenario, dataset, error);
  g_autoptr(GArray) bars = projection ? cpl_tornado_compute (scenario, dataset, total, error) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *low = NULL;
  g_autofree double *high = NULL;
  g_autofree char *description = NULL;

  /* sorted by swing: when the first moves nothing, no bar would show */
  if (bars != NULL && (bars->len == 0 || g_array_index (bars, CplTornadoBar, 0).swing == 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a total, "US government take" */
                   _("No ranged parameter moves “%s” in this scenario: it stays at its point value "
                     "across every range."), cpl_scenario_total_title (total));
      g_clear_pointer (&bars, g_array_unref);
    }
  if (bars == NULL)
    {
      cpl_tornado_chart_set_bars (tornado, 0, NULL, NULL, NULL, 0);
      return FALSE;
    }

  low = g_new (double, bars->len);
  high = g_new (double, bars->len);
  for (guint i = 0; i < bars->len; i++)
    {
      const CplTornadoBar *bar = &g_array_index (bars, CplTornadoBar, i);
      g_autofree char *range = cpl_scenario_parameter_format_range (bar->parameter, bar->low, bar->high);
      /* "Demand growth 10–60% a year" wraps between words, not at the dash */
      g_autofree char *kept = cpl_text_keep_units (range);

      /* Translators: a tornado chart's row: an input and its range,
       * "Revenue share 10–40%" */
      g_ptr_array_add (names, g_strdup_printf (_("%1$s %2$s"), cpl_scenario_parameter_title (bar->parameter), kept));
      low[i] = bar->output_low;
      high[i] = bar->output_high;
    }
  g_ptr_array_add (names, NULL);
  cpl_tornado_chart_set_format (tornado, format_total_axis, GINT_TO_POINTER (total), NULL);
  cpl_chart_set_tick_format (CPL_CHART (tornado), GTK_ORIENTATION_HORIZONTAL, format_total_tick);
  {
    g_autofree char *point = cpl_scenario_format_total (total, cpl_projection_get_total (projection, total));
    /* Translators: a tornado chart's axis title: %1$s the total (with the
     * ticks' unit where they have none), %2$s its value with every input
     * as it is, where the bars meet, in its unit: "US government take,
     * now $140 B", "Compute gap, all years (PFLOP/s), now 134 PFLOP/s";
     * keep it short, a phone's chart is narrow */
    g_autofree char *axis = g_strdup_printf (_("%1$s, now %2$s"), total_axis_title (total), point);
    /* on a phone the title takes two lines, the value whole on the second */
    g_autofree char *kept = cpl_text_keep_units (axis);

    cpl_tornado_chart_set_value_title (tornado, kept);
  }
  cpl_tornado_chart_set_bars (tornado, cpl_projection_get_total (projection, total),
                              (const char * const *) names->pdata, low, high, bars->len);
  /* Translators: a tornado chart's description; %s is a total */
  description = g_strdup_printf (_("How far each ranged parameter, alone at its low and at its high value, "
                                   "moves “%s”; the widest swing first"), cpl_scenario_total_title (total));
  cpl_tornado_chart_set_description (tornado, description);
  return TRUE;
}

/* The threshold map ---------------------------------------------------------- */

/**
 * cpl_threshold_map_fill:
 * @chips: (element-type CplChip): the chips to draw
 * @date: (nullable): the day whose rules give each foreign chip's status,
 *   its point's colour and shape (a grey ring for a chip not yet released
 *   then); %NULL for today
 *
 * Shows the rules of @dataset in force on @date and @chips on @map, in
 * place of what it showed.
 */
void
cpl_threshold_map_fill (CplScatterChart *map,
                        CplDataset      *dataset,
                        GListModel      *chips,
                        const GDate     *date)
{
  GDate today;
  guint in_force;

  if (date == NULL)
    {
      cpl_date_set_today (&today);
      date = &today;
    }
  cpl_chart_colors_assign (dataset);
  cpl_scatter_chart_clear (map);
  /* an empty map under rules in force says why (on 2022-10-07 the one
   * rule tests interconnect too, and the map drew nothing) */
  if (cpl_threshold_map_add_rules (map, cpl_dataset_get_rules (dataset), date, &in_force) == 0 && in_force > 0)
    {
      g_autofree char *day = cpl_date_format_long (date);

      /* Translators: in a corner of the threshold map; %s is a date, "4 December 2026" */
      g_autofree char *note = g_strdup_printf (_("No rule in force on %s tests TPP and bandwidth alone: "
                                                 "the table gives each rule's verdict"), day);

      cpl_scatter_chart_set_note (map, note);
    }
  else
    cpl_scatter_chart_set_note (map, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (chips, i);
      CplChipMetrics m;

      gboolean released = cpl_chip_released_by (chip, date);

      cpl_chip_metrics_compute (chip, &m);
      /* a chip not yet on sale on @date keeps its place, as a grey ring
       * with no status (the B200 was a red "Denied" square in 2023) */
      cpl_scatter_chart_add_point (map, cpl_entity_get_id (CPL_ENTITY (chip)),
                                   cpl_entity_get_name (CPL_ENTITY (chip)),
                                   m.values[CPL_METRIC_TPP], m.values[CPL_METRIC_BANDWIDTH_GBS],
                                   !released ? CPL_POINT_STYLE_UNRELEASED
                                   : cpl_chip_get_domestic (chip) ? CPL_POINT_STYLE_DOMESTIC
                                   : CPL_POINT_STYLE_NORMAL);
      if (released && !cpl_chip_get_domestic (chip))
        cpl_scatter_chart_set_point_status (map, cpl_entity_get_id (CPL_ENTITY (chip)),
                                            cpl_chip_status_on (dataset, chip, date, NULL));
    }
}

/* Building ---------------------------------------------------------------- */

static void
uncertainty_free (gpointer uncertainty)
{
  if (uncertainty != NULL)
    cpl_uncertainty_unref (uncertainty);
}

/**
 * cpl_project_scenarios:
 * @ranges: also run the Monte Carlo of each scenario with ranges
 * @uncertainties: (out) (transfer full): a CplUncertainty per scenario,
 *   %NULL for one without ranges (or without @ranges); set even on error
 *
 * Projects each of @scenarios, and runs each ranged one's Monte Carlo of
 * CPL_REPORT_DEFAULT_DRAWS draws, seeded as the app's exports are.
 *
 * Returns: (transfer full) (nullable): a CplProjection per scenario, or
 *   %NULL with the first scenario's error
 */
GPtrArray *
cpl_project_scenarios (GPtrArray   *scenarios,
                       CplDataset  *dataset,
                       gboolean     ranges,
                       GPtrArray  **uncertainties,
                       GError     **error)
{
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_projection_unref);

  *uncertainties = g_ptr_array_new_with_free_func (uncertainty_free);
  for (guint i = 0; i < scenarios->len; i++)
    {
      CplScenario *scenario = g_ptr_array_index (scenarios, i);
      CplProjection *p = cpl_projection_compute (scenario, dataset, error);
      CplUncertainty *u = NULL;

      if (p == NULL)
        return NULL;
      g_ptr_array_add (projections, p);
      if (ranges && cpl_scenario_has_ranges (scenario))
        {
          u = cpl_uncertainty_compute (scenario, dataset, CPL_REPORT_DEFAULT_DRAWS, 0, NULL, error);
          if (u == NULL)
            return NULL;
        }
      g_ptr_array_add (*uncertainties, u);
    }
  return g_steal_pointer (&projections);
}

/* The chart of @kind for @scenarios, of their @projections and
 * @uncertainties (cpl_project_scenarios()). */
static CplChart *
scenario_chart_of (ChartKind   kind,
                   CplDataset *dataset,
                   GPtrArray  *scenarios,
                   GPtrArray  *projections,
                   GPtrArray  *uncertainties)
{
  const char *id = cpl_chart_ids[kind];
  gboolean comparison = scenarios->len > 1;
  g_autoptr(CplChart) chart = cpl_chart_new_for (id, comparison);
  gboolean banded = FALSE;
  g_autofree char *title = NULL;

  if (comparison)
    cpl_chart_fill_comparison (chart, id, scenarios, projections);
  else
    cpl_chart_fill_results (chart, id, g_ptr_array_index (projections, 0), dataset);
  for (guint i = 0; i < uncertainties->len; i++)
    if (g_ptr_array_index (uncertainties, i) != NULL)
      banded |= cpl_chart_set_bands (chart, id, i, g_ptr_array_index (uncertainties, i));
  /* "US Government Take and Its Range" only with its range */
  title = cpl_chart_dup_card_title (id, comparison || (kind == CHART_TAKE && !banded));
  cpl_chart_set_title (chart, title);
  return g_steal_pointer (&chart);
}

static CplChart *
build_scenario_chart (ChartKind    kind,
                      CplDataset  *dataset,
                      GPtrArray   *scenarios,
                      GError     **error)
{
  CplYearOutput output;
  g_autoptr(GPtrArray) uncertainties = NULL;
  g_autoptr(GPtrArray) projections = cpl_project_scenarios (scenarios, dataset, band_output (kind, &output),
                                                            &uncertainties, error);

  if (projections == NULL)
    return NULL;
  return scenario_chart_of (kind, dataset, scenarios, projections, uncertainties);
}

/**
 * cpl_chart_build_projected:
 * @chart_id: a chart of scenarios (cpl_chart_id_compares())
 * @projections: (element-type CplProjection): of @scenarios
 * @uncertainties: their Monte Carlo runs (cpl_project_scenarios() made
 *   both)
 *
 * As cpl_chart_build(), from projections and runs made once for several
 * charts (the report's) instead of again for each.
 *
 * Returns: (transfer full): the chart
 */
CplChart *
cpl_chart_build_projected (const char *chart_id,
                           CplDataset *dataset,
                           GPtrArray  *scenarios,
                           GPtrArray  *projections,
                           GPtrArray  *uncertainties)
{
  int kind = chart_kind (chart_id);
  CplChart *chart;
  g_autofree char *source = NULL;

  g_return_val_if_fail (kind >= 0 && charts[kind].shows == SHOWS_SCENARIOS, NULL);
  g_return_val_if_fail (scenarios->len > 0 && projections->len == scenarios->len, NULL);

  cpl_chart_colors_assign (dataset);
  chart = scenario_chart_of (kind, dataset, scenarios, projections, uncertainties);
  source = cpl_chart_dup_source (NULL, FALSE);
  cpl_chart_set_source (chart, source);
  return chart;
}

static CplChart *
build_one_scenario_chart (ChartKind     kind,
                          CplDataset   *dataset,
                          CplScenario  *scenario,
                          GError      **error)
{
  const char *id = cpl_chart_ids[kind];
  g_autoptr(CplChart) chart = cpl_chart_new_for (id, FALSE);
  g_autofree char *title = cpl_chart_dup_title (id);

  if (kind == CHART_TORNADO)
    {
      if (!cpl_scenario_has_ranges (scenario))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: %s is a scenario */
                       _("The scenario “%s” has no ranges, so no parameter can move its totals; give a "
                         "parameter a range (low, most likely, high) to see what moves them most."),
                       cpl_entity_get_name (CPL_ENTITY (scenario)));
          return NULL;
        }
      /* the total the tornado shows first in the app */
      if (!cpl_tornado_fill (CPL_TORNADO_CHART (chart), scenario, dataset, CPL_TOTAL_GOVERNMENT_TAKE, error))
        return NULL;
    }
  else
    {
      g_autoptr(GArray) curve = cpl_share_curve_compute (scenario, dataset, error);
      CplShareMarks marks;

      if (curve == NULL)
        return NULL;
      cpl_share_marks_compute (scenario, dataset, curve, &marks);
      cpl_share_curve_fill (CPL_LINE_CHART (chart), id, scenario, curve, &marks);
    }
  cpl_chart_set_title (chart, title);
  return g_steal_pointer (&chart);
}

static CplChart *
build_dataset_chart (ChartKind   kind,
                     CplDataset *dataset)
{
  const char *id = cpl_chart_ids[kind];
  CplChart *chart = cpl_chart_new_for (id, FALSE);
  g_autofree char *title = cpl_chart_dup_title (id);

  if (kind == CHART_THRESHOLD_MAP)
    cpl_threshold_map_fill (CPL_SCATTER_CHART (chart), dataset, cpl_dataset_get_chips (dataset), NULL);
  else
    cpl_timeline_chart_set_dataset (CPL_TIMELINE_CHART (chart), dataset);
  cpl_chart_set_title (chart, title);
  return chart;
}

/**
 * cpl_chart_dup_source:
 * @file_name: (nullable): the display name of the file laid over the
 *   built-in dataset, or %NULL for the built-in dataset alone
 * @unsaved: the data shown has changes not saved to @file_name (or, with
 *   no file, changes to the built-in dataset): the picture is not of the
 *   data the line names alone
 *
 * Returns: the source line of an exported chart: "Chip Policy Lab · data:
 *   built-in dataset (2026-12-02)"
 */
char *
cpl_chart_dup_source (const char *file_name,
                      gboolean    unsaved)
{
  const char *version = cpl_builtin_get_version ();

  if (file_name != NULL && unsaved)
    /* Translators: the source line under an exported chart; %1$s is a
     * file name, %2$s the date of the built-in dataset */
    return g_strdup_printf (_("Chip Policy Lab · data: %1$s with unsaved changes, over the built-in dataset (%2$s)"),
                            file_name, version);
  if (file_name != NULL)
    /* Translators: the source line under an exported chart; %1$s is a
     * file name, %2$s the date of the built-in dataset */
    return g_strdup_printf (_("Chip Policy Lab · data: %1$s over the built-in dataset (%2$s)"), file_name, version);
  if (unsaved)
    /* Translators: the source line under an exported chart; %s is the date
     * of the built-in dataset, which the user changed and did not save */
    return g_strdup_printf (_("Chip Policy Lab · data: built-in dataset (%s) with unsaved changes"), version);
  /* Translators: the source line under an exported chart; %s is the date
   * of the built-in dataset */
  return g_strdup_printf (_("Chip Policy Lab · data: built-in dataset (%s)"), version);
}

/**
 * cpl_chart_build:
 * @chart_id: one of cpl_chart_ids
 * @scenarios: (element-type CplScenario) (nullable): the scenarios to
 *   show: one for its results, several for the comparison (a series
 *   each); the threshold map and the timeline show the dataset and
 *   ignore them
 *
 * Makes the chart @chart_id of @dataset as the app shows it, with its
 * title and the source line of the built-in dataset
 * (cpl_chart_set_source() says which file when there is one).  A
 * scenario with ranges gets its P10–P90 band, of CPL_REPORT_DEFAULT_DRAWS
 * draws.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error:
 *   G_IO_ERROR_INVALID_ARGUMENT for an unknown id, no scenario or too
 *   many, or the projection's own error
 */
CplChart *
cpl_chart_build (const char  *chart_id,
                 CplDataset  *dataset,
                 GPtrArray   *scenarios,
                 GError     **error)
{
  int kind = chart_kind (chart_id);
  guint n = scenarios != NULL ? scenarios->len : 0;
  g_autoptr(CplChart) chart = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (CPL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kind < 0)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) cpl_chart_ids);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %1$s is what was given, %2$s the list of chart ids */
                   _("There is no chart “%1$s”; expected one of %2$s"), chart_id ? chart_id : "", ids);
      return NULL;
    }
  if (charts[kind].shows != SHOWS_DATASET && n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a chart id */
                   _("The chart “%s” shows a scenario; name one"), chart_id);
      return NULL;
    }
  if (charts[kind].shows == SHOWS_ONE && n > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a chart id */
                   _("The chart “%s” shows one scenario at a time; name only one"), chart_id);
      return NULL;
    }

  cpl_chart_colors_assign (dataset);
  switch (charts[kind].shows)
    {
    case SHOWS_SCENARIOS:
      chart = build_scenario_chart (kind, dataset, scenarios, error);
      break;
    case SHOWS_ONE:
      chart = build_one_scenario_chart (kind, dataset, g_ptr_array_index (scenarios, 0), error);
      break;
    case SHOWS_DATASET:
    default:
      chart = build_dataset_chart (kind, dataset);
      break;
    }
  if (chart == NULL)
    return NULL;
  source = cpl_chart_dup_source (NULL, FALSE);
  cpl_chart_set_source (chart, source);
  /* one scenario's figures: its name under the title, as the app's
   * exports give it (several are named by the legend) */
  if (charts[kind].shows != SHOWS_DATASET && n == 1)
    cpl_chart_set_subject (chart, cpl_entity_get_name (g_ptr_array_index (scenarios, 0)));
  return g_steal_pointer (&chart);
}

/**
 * cpl_chart_save:
 * @path: where to write
 * @scale: a PNG's pixels per point (ignored for SVG and PDF)
 * @dark: the dark palette instead of the light one
 *
 * Writes @chart at CPL_CHART_EXPORT_WIDTH × CPL_CHART_EXPORT_HEIGHT
 * points, as the Export… dialog and --export-chart do.
 *
 * Returns: whether it was written; %FALSE with @error naming the file
 */
gboolean
cpl_chart_save (CplChart              *chart,
                const char            *path,
                CplChartExportFormat   format,
                double                 scale,
                gboolean               dark,
                GError               **error)
{
  return cpl_chart_export (chart, path, format, CPL_CHART_EXPORT_WIDTH, CPL_CHART_EXPORT_HEIGHT,
                           format == CPL_CHART_EXPORT_PNG ? scale : 1, dark, error);
}
