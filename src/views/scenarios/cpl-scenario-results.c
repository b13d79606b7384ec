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
 */
#define G_LOG_DOMAIN "cpl-scenario-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-analysis.h"
#include "cpl-scenario-results.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-bar-chart.h"
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
  { "installed", N_("Domestic compute installed, all years") },
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

struct _CplScenarioResults
{
  GtkBox          parent_instance;

  GtkLabel       *error;
  GtkWidget      *body;
  GtkLabel       *description;
  GtkLabel       *summary;
  GtkLabel       *explanation;       /* what binds, under the headline */
  char           *summary_text;      /* both, one sentence a line */
  GtkLabel       *total_values[N_TOTALS];
  CplLineChart   *share_chart;
  CplBarChart    *units_chart;
  CplBarChart    *revenue_chart;
  CplLineChart   *gap_chart;
  CplLineChart   *cost_chart;
  CplScenarioAnalysis *analysis;    /* the share-rate curve, goal seek */
  GtkGrid        *table;

  CplProjection  *projection;
};

G_DEFINE_FINAL_TYPE (CplScenarioResults, cpl_scenario_results, GTK_TYPE_BOX)

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

/* "Domestic chip cheaper from 2028", in words. */
char *
cpl_scenario_crossover_sentence (CplProjection *p,
                                 CplDataset    *dataset)
{
  int crossover = cpl_projection_get_crossover (p);
  const char *domestic = chip_name (dataset, p->domestic_chip_id);
  int last = p->start_year + (int) p->n_years - 1;

  if (crossover == -2)
    /* Translators: %s is a chip; no exported chip is allowed */
    return g_strdup_printf (_("No chip is exported: all demand falls on the %s."), domestic);
  if (crossover == -1)
    /* Translators: %1$s is a chip, %2$d the last year */
    return g_strdup_printf (_("The %1$s stays dearer per PFLOP/s-year than the exported chips through %2$d."),
                            domestic, last);
  if (crossover == 0)
    /* Translators: %s is a chip */
    return g_strdup_printf (_("The %s is the cheapest compute from the first year."), domestic);
  /* Translators: %1$s is a chip, %2$d a year */
  return g_strdup_printf (_("The %1$s is cheaper per PFLOP/s-year than every exported chip from %2$d."),
                          domestic, p->years[crossover].year);
}

/* Charts ------------------------------------------------------------------ */

static void
fill_charts (CplScenarioResults *self,
             CplDataset         *dataset)
{
  CplProjection *p = self->projection;
  guint n = p->n_years;
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  int crossover = cpl_projection_get_crossover (p);

  for (guint t = 0; t < n; t++)
    {
      x[t] = p->years[t].year;
      g_ptr_array_add (years, g_strdup_printf ("%d", p->years[t].year));
    }
  g_ptr_array_add (years, NULL);

  /* the domestic chips' share of the compute installed that year */
  cpl_line_chart_clear (self->share_chart);
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].domestic_share;
  cpl_line_chart_set_series_color (self->share_chart,
                                   cpl_line_chart_add_series (self->share_chart, _("Domestic share of new compute"), x, y, n,
                                                              CPL_LINE_STYLE_LINE),
                                   cpl_chart_color_for ("chip", p->domestic_chip_id));

  /* units: one stacked bar a year, a segment per exported chip and one
   * for the domestic chip */
  cpl_bar_chart_set_categories (self->units_chart, (const char * const *) years->pdata);
  for (guint k = 0; k < p->n_chips; k++)
    {
      for (guint t = 0; t < n; t++)
        y[t] = p->years[t].exported_units[k];
      cpl_bar_chart_set_series_color (self->units_chart,
                                      cpl_bar_chart_add_series (self->units_chart, chip_name (dataset, p->chip_ids[k]), y),
                                      cpl_chart_color_for ("chip", p->chip_ids[k]));
    }
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].domestic_units;
  {
    /* Translators: a chart series, %s is the domestic chip */
    g_autofree char *name = g_strdup_printf (_("%s (domestic)"), chip_name (dataset, p->domestic_chip_id));
    cpl_bar_chart_set_series_color (self->units_chart, cpl_bar_chart_add_series (self->units_chart, name, y),
                                    cpl_chart_color_for ("chip", p->domestic_chip_id));
  }

  /* money: gross revenue per vendor and the government's take */
  cpl_bar_chart_set_categories (self->revenue_chart, (const char * const *) years->pdata);
  for (guint v = 0; v < p->n_vendors; v++)
    {
      for (guint t = 0; t < n; t++)
        y[t] = p->years[t].gross_revenue_usd[v];
      cpl_bar_chart_set_series_color (self->revenue_chart,
                                      cpl_bar_chart_add_series (self->revenue_chart,
                                                                vendor_name (dataset, p->vendor_ids[v]), y),
                                      cpl_chart_color_for ("vendor", p->vendor_ids[v]));
    }
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].government_take_usd;
  cpl_bar_chart_set_series_color (self->revenue_chart,
                                  cpl_bar_chart_add_series (self->revenue_chart, _("US government take"), y),
                                  cpl_chart_color_for ("series", "government-take"));

  /* compute gap */
  cpl_line_chart_clear (self->gap_chart);
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].compute_gap_pflops;
  cpl_line_chart_set_series_color (self->gap_chart,
                                   cpl_line_chart_add_series (self->gap_chart, _("Compute gap"), x, y, n,
                                                              CPL_LINE_STYLE_AREA),
                                   cpl_chart_color_for ("series", "compute-gap"));

  /* cost of compute: each exported chip against the domestic chip */
  cpl_line_chart_clear (self->cost_chart);
  for (guint k = 0; k < p->n_chips; k++)
    {
      for (guint t = 0; t < n; t++)
        y[t] = p->chip_cost[k];
      cpl_line_chart_set_series_color (self->cost_chart,
                                       cpl_line_chart_add_series (self->cost_chart, chip_name (dataset, p->chip_ids[k]),
                                                                  x, y, n, CPL_LINE_STYLE_LINE),
                                       cpl_chart_color_for ("chip", p->chip_ids[k]));
    }
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].domestic_cost;
  {
    g_autofree char *name = g_strdup_printf (_("%s (domestic)"), chip_name (dataset, p->domestic_chip_id));
    cpl_line_chart_set_series_color (self->cost_chart,
                                     cpl_line_chart_add_series (self->cost_chart, name, x, y, n, CPL_LINE_STYLE_DASHED),
                                     cpl_chart_color_for ("chip", p->domestic_chip_id));
  }
  if (crossover >= 0)
    {
      /* Translators: a marker on the chart, %d is a year */
      g_autofree char *label = g_strdup_printf (_("domestic chip cheaper from %d"), p->years[crossover].year);
      cpl_line_chart_add_marker (self->cost_chart, p->years[crossover].year, label);
    }
}

/* Totals and table ------------------------------------------------------- */

static void
set_total (CplScenarioResults *self,
           Total               total,
           char               *text,
           char               *exact)
{
  gtk_label_set_text (self->total_values[total], text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_values[total]), exact);
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

static char *
pflops_years_text (double value)
{
  g_autofree char *number = cpl_format_number (value, 0);

  /* Translators: yearly rates of compute added over years */
  return g_strdup_printf (_("%s PFLOP/s-years"), number);
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
 * PFLOP/s-years", "64%". */
char *
cpl_scenario_format_total (CplTotal total,
                           double   value)
{
  switch (total)
    {
    case CPL_TOTAL_GOVERNMENT_TAKE:
    case CPL_TOTAL_GROSS_REVENUE:        return cpl_format_money (value);
    case CPL_TOTAL_COMPUTE_GAP:          return pflops_years_text (value);
    case CPL_TOTAL_DOMESTIC_INSTALLED:   return pflops_text (value);
    case CPL_TOTAL_FINAL_DOMESTIC_SHARE: return cpl_format_percent (value, 0);
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

static char *
table_text (CplScenarioResults *self,
            guint               t,
            TableColumn         column)
{
  const CplProjectionYear *y = &self->projection->years[t];
  double exported = 0;

  switch (column)
    {
    case COL_YEAR:     return g_strdup_printf ("%d", y->year);
    case COL_DEMAND:   return cpl_format_number (y->demand_pflops, 0);
    case COL_EXPORTED:
      for (guint k = 0; k < self->projection->n_chips; k++)
        exported += y->exported_pflops[k];
      return cpl_format_number (exported, 0);
    case COL_DOMESTIC: return cpl_format_number (y->domestic_pflops, 0);
    case COL_GAP:      return cpl_format_number (y->compute_gap_pflops, 0);
    case COL_SHARE:    return cpl_format_percent (y->domestic_share, 1);
    case COL_TAKE:     return cpl_format_money (y->government_take_usd);
    case COL_DOMESTIC_REVENUE: return cpl_format_money (y->domestic_revenue_usd);
    case N_TABLE_COLUMNS:
    default:           g_return_val_if_reached (NULL);
    }
}

/* The table: a header row, then a row a year; rebuilt at every show. */
static void
fill_table (CplScenarioResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    {
      GtkWidget *title = gtk_label_new (_(table_titles[c]));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 12);
      gtk_label_set_xalign (GTK_LABEL (title), c == COL_YEAR ? 0 : 1);
      gtk_widget_set_valign (title, GTK_ALIGN_END);
      gtk_widget_add_css_class (title, "heading");
      gtk_grid_attach (self->table, title, c, 0, 1, 1);
    }
  for (guint t = 0; t < self->projection->n_years; t++)
    for (guint c = 0; c < N_TABLE_COLUMNS; c++)
      {
        g_autofree char *text = table_text (self, t, c);
        GtkWidget *label = gtk_label_new (text);

        gtk_label_set_xalign (GTK_LABEL (label), c == COL_YEAR ? 0 : 1);
        gtk_widget_set_hexpand (label, c != COL_YEAR);
        gtk_widget_add_css_class (label, "numeric");
        gtk_grid_attach (self->table, label, c, t + 1, 1, 1);
      }
}

static void
build_table (CplScenarioResults *self)
{
  self->table = GTK_GRID (cpl_table_grid_new (6));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The projection year by year"), -1);
  cpl_card_append (self->body, cpl_scenario_table_scroller_new (GTK_WIDGET (self->table)));
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
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
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

/* Returns: (transfer floating): @table (a grid) in a scroller that
 * scrolls sideways when the window is narrower than the table, and is
 * exactly as tall as its rows: the page scrolls as one. */
GtkWidget *
cpl_scenario_table_scroller_new (GtkWidget *table)
{
  /* cpl_scroll_sideways() hands the wheel to the page */
  return cpl_scroll_sideways (size_bin_new (table, TRUE));
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

/* @chart in a card under its @title, at the end of @flow. */
void
cpl_scenario_chart_flow_append (GtkWidget  *flow,
                                const char *title,
                                GtkWidget  *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *card;
  GtkWidget *child;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), cpl_wrapped_label_new (title, "heading"));
  gtk_widget_set_size_request (chart, -1, 260);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_size_request (frame, 320, -1);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  card = size_bin_new (frame, FALSE);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), card);
  /* the cards are not buttons: no focus stop, no hover */
  child = gtk_widget_get_parent (card);
  gtk_widget_set_focusable (child, FALSE);
}

static void
cpl_scenario_results_dispose (GObject *object)
{
  CplScenarioResults *self = CPL_SCENARIO_RESULTS (object);

  g_clear_pointer (&self->projection, cpl_projection_unref);
  g_clear_pointer (&self->summary_text, g_free);
  G_OBJECT_CLASS (cpl_scenario_results_parent_class)->dispose (object);
}

static void
cpl_scenario_results_class_init (CplScenarioResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpl_scenario_results_dispose;
}

static void
cpl_scenario_results_init (CplScenarioResults *self)
{
  GtkWidget *figures;
  GtkWidget *flow;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

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
  self->explanation = GTK_LABEL (cpl_wrapped_label_new (NULL, "body"));
  gtk_label_set_selectable (self->explanation, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation), FALSE);
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->explanation));

  figures = cpl_key_figures_new (1, N_TOTALS);
  for (guint i = 0; i < N_TOTALS; i++)
    self->total_values[i] = cpl_key_figure_append (figures, _(totals[i].title), "title-3");
  gtk_box_append (GTK_BOX (self->body), figures);

  flow = cpl_scenario_chart_flow_new ();
  gtk_box_append (GTK_BOX (self->body), flow);

  self->share_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->share_chart, _("Year"), _("Domestic share of new compute"));
  cpl_line_chart_set_y_limit (self->share_chart, 1);  /* a share ends at 100% */
  cpl_line_chart_set_x_integer (self->share_chart, TRUE);
  cpl_line_chart_set_x_format (self->share_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->share_chart, cpl_scenario_format_share, NULL, NULL);
  cpl_line_chart_set_description (self->share_chart, _("The domestic chips' share of the compute newly installed each year"));
  cpl_scenario_chart_flow_append (flow, _("Domestic Share of New Compute"), GTK_WIDGET (self->share_chart));

  self->units_chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  cpl_bar_chart_set_stacked (self->units_chart, TRUE);
  cpl_bar_chart_set_value_title (self->units_chart, _("Chips a year"));
  cpl_bar_chart_set_description (self->units_chart, _("Chips shipped each year: each exported chip and the domestic chip"));
  cpl_scenario_chart_flow_append (flow, _("Units Shipped"), GTK_WIDGET (self->units_chart));

  self->revenue_chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  cpl_bar_chart_set_value_title (self->revenue_chart, _("US dollars"));
  cpl_bar_chart_set_value_format (self->revenue_chart, cpl_scenario_format_money, NULL, NULL);
  cpl_bar_chart_set_description (self->revenue_chart, _("Gross revenue of each vendor and the US government's take, year by year"));
  cpl_scenario_chart_flow_append (flow, _("Revenue"), GTK_WIDGET (self->revenue_chart));

  self->gap_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->gap_chart, _("Year"), _("PFLOP/s"));
  cpl_line_chart_set_x_integer (self->gap_chart, TRUE);
  cpl_line_chart_set_x_format (self->gap_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->gap_chart, cpl_scenario_format_pflops, NULL, NULL);
  cpl_line_chart_set_description (self->gap_chart, _("Demand that neither exports nor domestic capacity meet, year by year"));
  cpl_scenario_chart_flow_append (flow, _("Compute Gap"), GTK_WIDGET (self->gap_chart));

  self->cost_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->cost_chart, _("Year"), _("US dollars per PFLOP/s-year"));
  cpl_line_chart_set_x_integer (self->cost_chart, TRUE);
  cpl_line_chart_set_x_format (self->cost_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->cost_chart, cpl_scenario_format_money, NULL, NULL);
  cpl_line_chart_set_description (self->cost_chart,
    _("The buyer's cost of compute of each exported chip against the domestic chip, which falls as it is used"));
  cpl_scenario_chart_flow_append (flow, _("Cost of Compute"), GTK_WIDGET (self->cost_chart));

  self->analysis = cpl_scenario_analysis_new ();
  gtk_box_append (GTK_BOX (self->body), GTK_WIDGET (self->analysis));

  gtk_box_append (GTK_BOX (self->body), cpl_wrapped_label_new (_("Year by Year"), "heading"));
  build_table (self);
}

CplScenarioResults *
cpl_scenario_results_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_RESULTS, NULL);
}

/* Projects @scenario and shows it; a scenario the model refuses shows why. */
void
cpl_scenario_results_show (CplScenarioResults *self,
                           CplDataset         *dataset,
                           CplScenario        *scenario)
{
  g_autoptr(GError) error = NULL;
  CplProjection *projection;
  g_autofree char *sentence = NULL;
  g_autofree char *explanation = NULL;

  g_return_if_fail (CPL_IS_SCENARIO_RESULTS (self));

  projection = scenario ? cpl_projection_compute (scenario, dataset, &error) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->error), error != NULL);
  if (error != NULL)
    {
      /* keep the last good pictures; say why these inputs do not project */
      gtk_label_set_text (self->error, error->message);
      return;
    }
  if (projection == NULL)
    return;

  g_clear_pointer (&self->projection, cpl_projection_unref);
  self->projection = projection;

  {
    CplText *description = cpl_scenario_get_description (scenario);

    gtk_label_set_text (self->description, description ? cpl_text_get (description) : "");
    gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL);
  }
  sentence = cpl_scenario_crossover_sentence (projection, dataset);
  gtk_label_set_text (self->summary, sentence);
  /* what drives the result, when a constraint binds, in plain type under
   * the headline */
  explanation = cpl_projection_explain (projection, scenario, dataset);
  gtk_label_set_text (self->explanation, explanation ? explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation), explanation != NULL);
  g_free (self->summary_text);
  self->summary_text = g_strjoin ("\n", sentence, explanation, NULL);
  fill_totals (self);
  fill_charts (self, dataset);
  cpl_scenario_analysis_show (self->analysis, dataset, scenario);

  fill_table (self);
}

/* Returns: (transfer none): the share-rate curve and goal seek. */
CplScenarioAnalysis *
cpl_scenario_results_get_analysis (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return self->analysis;
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

const char *
cpl_scenario_results_get_summary (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return self->summary_text ? self->summary_text : "";
}

/* Returns: why the scenario does not project, or "" */
const char *
cpl_scenario_results_get_error (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : "";
}
