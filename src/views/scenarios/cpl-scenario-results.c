/* cpl-scenario-results.c: what one scenario does, year by year
 *
 * The charts of the issue: domestic share of installed compute (line);
 * exported units per chip and domestic units (stacked bars); gross
 * revenue per vendor and the US government's take (bars); the compute
 * gap (area); and the cost of compute of every exported chip against the
 * domestic chip (lines), with the year the domestic chip becomes cheaper
 * marked and said in words.  Then the totals and a year-by-year table.
 */
#define G_LOG_DOMAIN "cpl-scenario-results"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

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
  { "installed", N_("Domestic compute installed") },
  { "share", N_("Domestic share in the last year") },
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
  N_("Compute gap (PFLOP/s)"), N_("Domestic share"), N_("US government take"), N_("Domestic chip revenue"),
};

struct _CplScenarioResults
{
  GtkBox          parent_instance;

  GtkLabel       *error;
  GtkWidget      *body;
  GtkLabel       *description;
  GtkLabel       *summary;
  GtkLabel       *total_values[N_TOTALS];
  CplLineChart   *share_chart;
  CplBarChart    *units_chart;
  CplBarChart    *revenue_chart;
  CplLineChart   *gap_chart;
  CplLineChart   *cost_chart;
  GtkColumnView  *table;
  GtkStringList  *table_rows;

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

  /* domestic share of installed compute */
  cpl_line_chart_clear (self->share_chart);
  for (guint t = 0; t < n; t++)
    y[t] = p->years[t].domestic_share;
  cpl_line_chart_set_series_color (self->share_chart,
                                   cpl_line_chart_add_series (self->share_chart, _("Domestic share"), x, y, n,
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
  set_total (self, TOTAL_GAP, pflops_text (p->total_compute_gap_pflops), NULL);
  set_total (self, TOTAL_INSTALLED, pflops_text (p->total_domestic_installed_pflops), NULL);
  set_total (self, TOTAL_SHARE, cpl_format_percent (p->final_domestic_share, 0), NULL);
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

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (column) == COL_YEAR ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  column)
{
  CplScenarioResults *self = g_object_get_data (G_OBJECT (factory), "cpl-results");
  guint t = gtk_list_item_get_position (item);
  g_autofree char *text = NULL;

  if (self->projection == NULL || t >= self->projection->n_years)
    return;
  text = table_text (self, t, GPOINTER_TO_INT (column));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
build_table (CplScenarioResults *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->table_rows = gtk_string_list_new (NULL);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (
    GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->table_rows))))));
  gtk_column_view_set_show_column_separators (self->table, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The projection year by year"), -1);
  for (guint c = 0; c < N_TABLE_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "cpl-results", self);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_(table_titles[c]), factory);
      gtk_column_view_column_set_expand (column, c != COL_YEAR);
      gtk_column_view_append_column (self->table, column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (self->body), scrolled);
}

/* Life cycle ------------------------------------------------------------- */

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
add_chart (CplScenarioResults *self,
           const char         *title,
           GtkWidget          *chart)
{
  gtk_box_append (GTK_BOX (self->body), heading (title));
  gtk_widget_set_size_request (chart, -1, 260);
  gtk_box_append (GTK_BOX (self->body), chart);
}

static void
cpl_scenario_results_dispose (GObject *object)
{
  CplScenarioResults *self = CPL_SCENARIO_RESULTS (object);

  g_clear_pointer (&self->projection, cpl_projection_unref);
  g_clear_object (&self->table_rows);
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
  GtkWidget *grid;

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

  grid = cpl_table_grid_new (6);
  for (guint i = 0; i < N_TOTALS; i++)
    {
      GtkWidget *title = gtk_label_new (_(totals[i].title));
      GtkWidget *value = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (value, "heading");
      gtk_grid_attach (GTK_GRID (grid), title, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 1, i, 1, 1);
      self->total_values[i] = GTK_LABEL (value);
    }
  cpl_card_append (self->body, grid);

  self->share_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->share_chart, _("Year"), _("Domestic share of installed compute"));
  cpl_line_chart_set_y_limit (self->share_chart, 1);  /* a share ends at 100% */
  cpl_line_chart_set_x_integer (self->share_chart, TRUE);
  cpl_line_chart_set_x_format (self->share_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->share_chart, cpl_scenario_format_share, NULL, NULL);
  cpl_line_chart_set_description (self->share_chart, _("The share of newly installed compute that is domestic, year by year"));
  add_chart (self, _("Domestic Share of Installed Compute"), GTK_WIDGET (self->share_chart));

  self->units_chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  cpl_bar_chart_set_stacked (self->units_chart, TRUE);
  cpl_bar_chart_set_value_title (self->units_chart, _("Chips a year"));
  cpl_bar_chart_set_description (self->units_chart, _("Chips shipped each year: each exported chip and the domestic chip"));
  add_chart (self, _("Units Shipped"), GTK_WIDGET (self->units_chart));

  self->revenue_chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  cpl_bar_chart_set_value_title (self->revenue_chart, _("US dollars"));
  cpl_bar_chart_set_value_format (self->revenue_chart, cpl_scenario_format_money, NULL, NULL);
  cpl_bar_chart_set_description (self->revenue_chart, _("Gross revenue of each vendor and the US government's take, year by year"));
  add_chart (self, _("Revenue"), GTK_WIDGET (self->revenue_chart));

  self->gap_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->gap_chart, _("Year"), _("PFLOP/s"));
  cpl_line_chart_set_x_integer (self->gap_chart, TRUE);
  cpl_line_chart_set_x_format (self->gap_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->gap_chart, cpl_scenario_format_pflops, NULL, NULL);
  cpl_line_chart_set_description (self->gap_chart, _("Demand that neither exports nor domestic capacity meet, year by year"));
  add_chart (self, _("Compute Gap"), GTK_WIDGET (self->gap_chart));

  self->cost_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->cost_chart, _("Year"), _("US dollars per PFLOP/s-year"));
  cpl_line_chart_set_x_integer (self->cost_chart, TRUE);
  cpl_line_chart_set_x_format (self->cost_chart, cpl_scenario_format_year, NULL, NULL);
  cpl_line_chart_set_y_format (self->cost_chart, cpl_scenario_format_money, NULL, NULL);
  cpl_line_chart_set_description (self->cost_chart,
    _("The buyer's cost of compute of each exported chip against the domestic chip, which falls as it is used"));
  add_chart (self, _("Cost of Compute"), GTK_WIDGET (self->cost_chart));

  gtk_box_append (GTK_BOX (self->body), heading (_("Year by Year")));
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
  g_autofree char *summary = NULL;

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
  /* what drives the result, when a constraint binds, on lines of its own */
  explanation = cpl_projection_explain (projection, scenario, dataset);
  summary = g_strjoin ("\n", sentence, explanation, NULL);
  gtk_label_set_text (self->summary, summary);
  fill_totals (self);
  fill_charts (self, dataset);

  {
    guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->table_rows));
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

    for (guint t = 0; t < projection->n_years; t++)
      g_ptr_array_add (rows, g_strdup_printf ("%u", t));
    g_ptr_array_add (rows, NULL);
    /* every row rebinds, since every number may have changed */
    gtk_string_list_splice (self->table_rows, 0, n_rows, (const char * const *) rows->pdata);
  }
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
  return gtk_label_get_text (self->summary);
}

/* Returns: why the scenario does not project, or "" */
const char *
cpl_scenario_results_get_error (CplScenarioResults *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : "";
}
