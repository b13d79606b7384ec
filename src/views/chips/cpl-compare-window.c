/* cpl-compare-window.c: 2 to 4 chips side by side
 *
 * One row per metric, the values of each chip, and for every chip after
 * the first its ratio to the first ("H200 / H20: TPP 6.7×"); a grouped
 * bar chart of the main metrics normalised to the first chip; and the
 * verdict of every rule.
 */
#define G_LOG_DOMAIN "cpl-compare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chip-text.h"
#include "cpl-compare-window.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-bar-chart.h"

#define MAX_CHIPS 4

typedef enum {
  ROW_TPP,
  ROW_PD,
  ROW_BF16,
  ROW_FP8,
  ROW_MEMORY,
  ROW_BANDWIDTH,
  ROW_INTERCONNECT,
  ROW_TDP,
  ROW_PERF_PER_WATT,
  ROW_BYTES_PER_FLOP,
  ROW_PRICE,
  ROW_COST,
  N_ROWS
} Row;

static const struct {
  const char *id;
  const char *title;     /* N_() */
  int         decimals;
  gboolean    in_chart;  /* one of the main metrics of the bar chart */
} rows[N_ROWS] = {
  [ROW_TPP]            = { "tpp", N_("TPP"), 0, TRUE },
  [ROW_PD]             = { "pd", N_("Performance density"), 2, FALSE },
  [ROW_BF16]           = { "bf16", N_("BF16 (TFLOPS)"), 1, TRUE },
  [ROW_FP8]            = { "fp8", N_("FP8 (TFLOPS)"), 0, FALSE },
  [ROW_MEMORY]         = { "memory", N_("Memory (GB)"), 0, TRUE },
  [ROW_BANDWIDTH]      = { "bandwidth", N_("Bandwidth (TB/s)"), 2, TRUE },
  [ROW_INTERCONNECT]   = { "interconnect", N_("Interconnect (GB/s)"), 0, FALSE },
  [ROW_TDP]            = { "tdp", N_("TDP (W)"), 0, FALSE },
  [ROW_PERF_PER_WATT]  = { "perf-per-watt", N_("TFLOPS/W"), 2, TRUE },
  [ROW_BYTES_PER_FLOP] = { "bytes-per-flop", N_("Bytes/FLOP"), 4, FALSE },
  [ROW_PRICE]          = { "price", N_("Price (USD)"), 0, TRUE },
  [ROW_COST]           = { "cost", N_("USD per PFLOP/s-year"), 0, TRUE },
};

struct _CplCompareWindow
{
  AdwWindow   parent_instance;
  GtkLabel   *summary;
  GtkWidget  *ratio_labels[N_ROWS][MAX_CHIPS];
};

G_DEFINE_FINAL_TYPE (CplCompareWindow, cpl_compare_window, ADW_TYPE_WINDOW)

static void
cpl_compare_window_class_init (CplCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cpl_compare_window_init (CplCompareWindow *self)
{
}

static double
row_value (Row                   row,
           CplChip              *chip,
           const CplEnergyTerms *terms)
{
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  switch (row)
    {
    case ROW_TPP:            return m.values[CPL_METRIC_TPP];
    case ROW_PD:             return m.values[CPL_METRIC_PERFORMANCE_DENSITY];
    case ROW_BF16:           return cpl_chip_get_performance (chip, CPL_PRECISION_BF16);
    case ROW_FP8:            return cpl_chip_get_performance (chip, CPL_PRECISION_FP8);
    case ROW_MEMORY:         return cpl_chip_get (chip, CPL_CHIP_MEMORY_GB);
    case ROW_BANDWIDTH:      return cpl_chip_get (chip, CPL_CHIP_BANDWIDTH_TBS);
    case ROW_INTERCONNECT:   return cpl_chip_get (chip, CPL_CHIP_INTERCONNECT_GBS);
    case ROW_TDP:            return cpl_chip_get (chip, CPL_CHIP_TDP_W);
    case ROW_PERF_PER_WATT:  return m.perf_per_watt;
    case ROW_BYTES_PER_FLOP: return m.bytes_per_flop;
    case ROW_PRICE:          return cpl_chip_get (chip, CPL_CHIP_PRICE_USD);
    case ROW_COST:
      return cpl_cost_of_compute (cpl_chip_get (chip, CPL_CHIP_PRICE_USD), cpl_chip_get (chip, CPL_CHIP_TDP_W),
                                  m.values[CPL_METRIC_COMPUTE_TFLOPS], terms, cpl_chip_get_domestic (chip));
    case N_ROWS:
    default:                 g_return_val_if_reached (NAN);
    }
}

/* value ÷ first, or NaN when either is unknown or the first is zero */
static double
ratio (double value,
       double first)
{
  return (isfinite (value) && isfinite (first) && first != 0) ? value / first : NAN;
}

static char *
format_ratio (double r)
{
  g_autofree char *number = NULL;

  if (isnan (r))
    return g_strdup ("—");
  number = cpl_format_number (r, r < 10 ? 1 : 0);
  /* Translators: a ratio, "6.7×" */
  return g_strdup_printf (_("%s×"), number);
}

static GtkWidget *
cell_label (const char *text,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

CplCompareWindow *
cpl_compare_window_new (CplDataset           *dataset,
                        const char * const   *chip_ids,
                        const CplEnergyTerms *terms)
{
  CplCompareWindow *self = g_object_new (CPL_TYPE_COMPARE_WINDOW,
                                         "title", _("Compare Chips"),
                                         "default-width", 900,
                                         "default-height", 700,
                                         "modal", TRUE,
                                         NULL);
  CplChip *chips[MAX_CHIPS] = { NULL };
  const char *category_titles[N_ROWS + 1] = { NULL };
  GtkWidget *box, *header, *scrolled, *clamp, *content, *grid, *rules_grid;
  CplBarChart *chart;
  GString *summary = g_string_new (NULL);
  GListModel *rules = cpl_dataset_get_rules (dataset);
  guint n = 0, n_categories = 0;

  for (guint i = 0; chip_ids[i] != NULL && n < MAX_CHIPS; i++)
    if ((chips[n] = cpl_dataset_lookup_chip (dataset, chip_ids[i])) != NULL)
      n++;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  {
    /* Translators: the subtitle of the comparison, naming the chip the
     * ratios are measured against */
    g_autofree char *subtitle = n > 0 ? g_strdup_printf (_("Ratios against %s"),
                                                         cpl_entity_get_name (CPL_ENTITY (chips[0]))) : NULL;
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                     adw_window_title_new (_("Compare Chips"), subtitle ? subtitle : ""));
  }
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* One sentence per chip after the first, in plain words. */
  for (guint c = 1; c < n; c++)
    {
      g_autofree char *tpp = format_ratio (ratio (row_value (ROW_TPP, chips[c], terms), row_value (ROW_TPP, chips[0], terms)));
      g_autofree char *memory = format_ratio (ratio (row_value (ROW_MEMORY, chips[c], terms), row_value (ROW_MEMORY, chips[0], terms)));
      g_autofree char *bandwidth = format_ratio (ratio (row_value (ROW_BANDWIDTH, chips[c], terms), row_value (ROW_BANDWIDTH, chips[0], terms)));
      g_autofree char *cost = format_ratio (ratio (row_value (ROW_COST, chips[c], terms), row_value (ROW_COST, chips[0], terms)));

      if (summary->len > 0)
        g_string_append_c (summary, '\n');
      /* Translators: "H200 SXM / H20: TPP 6.7×, memory 1.5×, bandwidth 1.2×,
       * cost of compute 0.4×" */
      g_string_append_printf (summary, _("%1$s / %2$s: TPP %3$s, memory %4$s, bandwidth %5$s, cost of compute %6$s"),
                              cpl_entity_get_name (CPL_ENTITY (chips[c])), cpl_entity_get_name (CPL_ENTITY (chips[0])),
                              tpp, memory, bandwidth, cost);
    }
  self->summary = cpl_summary_label_new ();
  gtk_label_set_text (self->summary, summary->str);
  g_string_free (summary, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));

  /* The table: one row per metric, a column per chip. */
  grid = cpl_table_grid_new (8);
  for (guint c = 0; c < n; c++)
    {
      GtkWidget *name = cell_label (cpl_entity_get_name (CPL_ENTITY (chips[c])), TRUE);

      gtk_widget_add_css_class (name, "heading");
      gtk_widget_set_hexpand (name, TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < N_ROWS; r++)
    {
      double first = n > 0 ? row_value (r, chips[0], terms) : NAN;

      gtk_grid_attach (GTK_GRID (grid), cell_label (_(rows[r].title), FALSE), 0, r + 1, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          double value = row_value (r, chips[c], terms);
          g_autofree char *text = cpl_format_number (value, rows[r].decimals);
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          gtk_box_append (GTK_BOX (cell), cell_label (text, TRUE));
          if (c > 0)
            {
              g_autofree char *r_text = format_ratio (ratio (value, first));

              self->ratio_labels[r][c] = cell_label (r_text, TRUE);
              gtk_widget_add_css_class (self->ratio_labels[r][c], "dim-label");
              gtk_widget_add_css_class (self->ratio_labels[r][c], "caption");
              gtk_box_append (GTK_BOX (cell), self->ratio_labels[r][c]);
            }
          gtk_grid_attach (GTK_GRID (grid), cell, c + 1, r + 1, 1, 1);
        }
    }
  cpl_card_append (content, grid);

  /* The chart: the main metrics, each chip ÷ the first. */
  chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  for (guint r = 0; r < N_ROWS; r++)
    if (rows[r].in_chart)
      category_titles[n_categories++] = _(rows[r].title);
  cpl_bar_chart_set_categories (chart, category_titles);
  for (guint c = 0; c < n; c++)
    {
      double values[N_ROWS];
      guint k = 0;

      for (guint r = 0; r < N_ROWS; r++)
        if (rows[r].in_chart)
          values[k++] = ratio (row_value (r, chips[c], terms), row_value (r, chips[0], terms));
      cpl_bar_chart_add_series (chart, cpl_entity_get_name (CPL_ENTITY (chips[c])), values);
    }
  {
    /* Translators: the value axis of the comparison chart */
    g_autofree char *axis = n > 0 ? g_strdup_printf (_("× %s"), cpl_entity_get_name (CPL_ENTITY (chips[0]))) : NULL;
    cpl_bar_chart_set_value_title (chart, axis ? axis : "");
  }
  cpl_bar_chart_set_reference (chart, 1.0);
  cpl_bar_chart_set_description (chart, _("The main metrics of each chip divided by those of the first chip"));
  gtk_widget_set_size_request (GTK_WIDGET (chart), -1, 320);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (chart));

  /* The rules */
  rules_grid = cpl_table_grid_new (8);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);

      gtk_grid_attach (GTK_GRID (rules_grid), cell_label (cpl_entity_get_name (CPL_ENTITY (rule)), FALSE), 0, i, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          GtkWidget *verdict = cpl_verdict_box_new ();
          g_autofree char *tooltip = NULL;
          CplChipMetrics m;

          cpl_chip_metrics_compute (chips[c], &m);
          tooltip = cpl_rule_describe_verdict (rule, cpl_entity_get_id (CPL_ENTITY (chips[c])), m.values);
          cpl_rule_verdict_box_set (verdict, rule,
                                    cpl_rule_evaluate_chip (rule, cpl_entity_get_id (CPL_ENTITY (chips[c])),
                                                            m.values, NULL), tooltip);
          gtk_widget_set_hexpand (verdict, TRUE);
          gtk_widget_set_halign (verdict, GTK_ALIGN_END);
          gtk_grid_attach (GTK_GRID (rules_grid), verdict, c + 1, i, 1, 1);
        }
    }
  {
    GtkWidget *heading = gtk_label_new (_("Export Rules"));

    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_box_append (GTK_BOX (content), heading);
  }
  cpl_card_append (content, rules_grid);
  return self;
}

/* Returns: the ratio shown for @chip_index (≥ 1) in the row @metric_id. */
const char *
cpl_compare_window_get_ratio (CplCompareWindow *self,
                              const char       *metric_id,
                              guint             chip_index)
{
  g_return_val_if_fail (chip_index > 0 && chip_index < MAX_CHIPS, NULL);
  for (guint r = 0; r < N_ROWS; r++)
    if (g_str_equal (rows[r].id, metric_id) && self->ratio_labels[r][chip_index] != NULL)
      return gtk_label_get_text (GTK_LABEL (self->ratio_labels[r][chip_index]));
  return NULL;
}

const char *
cpl_compare_window_get_summary (CplCompareWindow *self)
{
  return gtk_label_get_text (self->summary);
}
