/* cpl-scenario-comparison.c: two or more scenarios side by side
 *
 * Their curves overlaid in the same charts, one colour per scenario (the
 * colour follows the scenario's place in the dataset, so it is the same
 * everywhere); a totals table with the differences against the first
 * scenario; and one sentence per scenario in plain words.
 */
#define G_LOG_DOMAIN "cpl-scenario-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-comparison.h"
#include "cpl-scenario-results.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-line-chart.h"

typedef enum {
  CHART_SHARE,
  CHART_VENDORS,
  CHART_TAKE,
  CHART_GAP,
  N_CHARTS
} Chart;

typedef enum {
  ROW_VENDORS,
  ROW_TAKE,
  ROW_GAP,
  ROW_INSTALLED,
  ROW_SHARE,
  N_ROWS
} Row;

static const char * const row_titles[N_ROWS] = {
  N_("Gross revenue of US vendors"), N_("US government take"), N_("Compute gap, all years"),
  N_("Domestic compute installed"), N_("Domestic share in the last year"),
};

struct _CplScenarioComparison
{
  GtkBox        parent_instance;

  GtkLabel     *summary;
  GtkLabel     *error;
  GtkGrid      *table;
  CplLineChart *charts[N_CHARTS];
};

G_DEFINE_FINAL_TYPE (CplScenarioComparison, cpl_scenario_comparison, GTK_TYPE_BOX)

static double
vendors_total (CplProjection *p)
{
  double sum = 0;

  for (guint v = 0; v < p->n_vendors; v++)
    sum += p->total_gross_revenue_usd[v];
  return sum;
}

static double
row_value (CplProjection *p,
           Row            row)
{
  switch (row)
    {
    case ROW_VENDORS:   return vendors_total (p);
    case ROW_TAKE:      return p->total_government_take_usd;
    case ROW_GAP:       return p->total_compute_gap_pflops;
    case ROW_INSTALLED: return p->total_domestic_installed_pflops;
    case ROW_SHARE:     return p->final_domestic_share;
    case N_ROWS:
    default:            g_return_val_if_reached (NAN);
    }
}

static char *
row_text (Row    row,
          double value,
          gboolean signed_difference)
{
  g_autofree char *text = NULL;

  switch (row)
    {
    case ROW_VENDORS:
    case ROW_TAKE:
      text = cpl_format_money (value);
      break;
    case ROW_GAP:
    case ROW_INSTALLED:
      text = cpl_format_number (value, 0);
      break;
    case ROW_SHARE:
      if (signed_difference)
        {
          g_autofree char *points = cpl_format_number (value * 100, 0);
          /* Translators: a difference of shares in percentage points */
          text = g_strdup_printf (_("%s pp"), points);
        }
      else
        text = cpl_format_percent (value, 0);
      break;
    case N_ROWS:
    default:
      g_return_val_if_reached (NULL);
    }
  if (signed_difference && value > 0)
    return g_strconcat ("+", text, NULL);
  return g_steal_pointer (&text);
}

static GtkWidget *
cell (const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

/* "H200 at 25%: $41 B more to US vendors than Full ban over 2026–2030,
 * domestic share in 2030 61% instead of 88%" */
static char *
summary_sentence (CplScenario   *scenario,
                  CplProjection *p,
                  CplScenario   *first,
                  CplProjection *q)
{
  double diff = vendors_total (p) - vendors_total (q);
  g_autofree char *money = cpl_format_money (fabs (diff));
  g_autofree char *share = cpl_format_percent (p->final_domestic_share, 0);
  g_autofree char *other_share = cpl_format_percent (q->final_domestic_share, 0);
  int last = p->start_year + (int) p->n_years - 1;
  const char *name = cpl_entity_get_name (CPL_ENTITY (scenario));
  const char *first_name = cpl_entity_get_name (CPL_ENTITY (first));

  if (diff >= 0)
    /* Translators: %1$s a scenario, %2$s money, %3$s another scenario, %4$d
     * and %5$d the first and last years, %6$s and %7$s percentages */
    return g_strdup_printf (_("%1$s: %2$s more to US vendors than %3$s over %4$d–%5$d, domestic share in %5$d %6$s instead of %7$s"),
                            name, money, first_name, p->start_year, last, share, other_share);
  /* Translators: as above, with less revenue for US vendors */
  return g_strdup_printf (_("%1$s: %2$s less to US vendors than %3$s over %4$d–%5$d, domestic share in %5$d %6$s instead of %7$s"),
                          name, money, first_name, p->start_year, last, share, other_share);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

void
cpl_scenario_comparison_show (CplScenarioComparison *self,
                              CplDataset            *dataset,
                              GPtrArray             *scenarios)
{
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_projection_unref);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();

  g_return_if_fail (CPL_IS_SCENARIO_COMPARISON (self));

  for (guint i = 0; i < scenarios->len; i++)
    {
      g_autoptr(GError) error = NULL;
      CplProjection *p = cpl_projection_compute (g_ptr_array_index (scenarios, i), dataset, &error);

      if (p == NULL)
        {
          g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", error->message);
          continue;
        }
      g_ptr_array_add (projections, p);
      g_ptr_array_add (shown, g_ptr_array_index (scenarios, i));
    }
  gtk_label_set_text (self->error, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error), errors->len > 0);

  for (guint c = 0; c < N_CHARTS; c++)
    cpl_line_chart_clear (self->charts[c]);
  clear_grid (self->table);

  for (guint i = 0; i < projections->len; i++)
    {
      CplProjection *p = g_ptr_array_index (projections, i);
      CplScenario *scenario = g_ptr_array_index (shown, i);
      const char *name = cpl_entity_get_name (CPL_ENTITY (scenario));
      CplChartColor color = cpl_chart_color_for ("scenario", cpl_entity_get_id (CPL_ENTITY (scenario)));
      g_autofree double *x = g_new (double, p->n_years);
      g_autofree double *y = g_new (double, p->n_years);

      for (guint t = 0; t < p->n_years; t++)
        x[t] = p->years[t].year;
      for (guint c = 0; c < N_CHARTS; c++)
        {
          guint series;

          for (guint t = 0; t < p->n_years; t++)
            {
              const CplProjectionYear *year = &p->years[t];

              switch (c)
                {
                case CHART_SHARE: y[t] = year->domestic_share; break;
                case CHART_TAKE:  y[t] = year->government_take_usd; break;
                case CHART_GAP:   y[t] = year->compute_gap_pflops; break;
                case CHART_VENDORS:
                default:
                  y[t] = 0;
                  for (guint v = 0; v < p->n_vendors; v++)
                    y[t] += year->gross_revenue_usd[v];
                }
            }
          series = cpl_line_chart_add_series (self->charts[c], name, x, y, p->n_years,
                                              CPL_LINE_STYLE_LINE);
          cpl_line_chart_set_series_color (self->charts[c], series, color);
        }

      /* the totals, a column per scenario, then differences */
      gtk_grid_attach (self->table, cell (name, TRUE), i + 1, 0, 1, 1);
      for (guint r = 0; r < N_ROWS; r++)
        {
          double value = row_value (p, r);
          g_autofree char *text = row_text (r, value, FALSE);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          if (i == 0)
            gtk_grid_attach (self->table, cell (_(row_titles[r]), FALSE), 0, r + 1, 1, 1);
          gtk_box_append (GTK_BOX (box), cell (text, TRUE));
          if (i > 0)
            {
              double first = row_value (g_ptr_array_index (projections, 0), r);
              g_autofree char *difference = row_text (r, value - first, TRUE);
              GtkWidget *label = cell (difference, TRUE);

              gtk_widget_add_css_class (label, "dim-label");
              gtk_widget_add_css_class (label, "caption");
              gtk_box_append (GTK_BOX (box), label);
            }
          gtk_grid_attach (self->table, box, i + 1, r + 1, 1, 1);
        }

      if (i > 0)
        {
          g_autofree char *sentence = summary_sentence (scenario, p, g_ptr_array_index (shown, 0),
                                                        g_ptr_array_index (projections, 0));
          if (summary->len > 0)
            g_string_append_c (summary, '\n');
          g_string_append (summary, sentence);
        }
    }
  gtk_label_set_text (self->summary, summary->str);
}

const char *
cpl_scenario_comparison_get_summary (CplScenarioComparison *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return gtk_label_get_text (self->summary);
}

static void
cpl_scenario_comparison_class_init (CplScenarioComparisonClass *klass)
{
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
cpl_scenario_comparison_init (CplScenarioComparison *self)
{
  static const struct {
    const char *title;
    const char *axis;
    CplChartFormatFunc format;
    const char *description;
  } charts[N_CHARTS] = {
    [CHART_SHARE] = { N_("Domestic Share of Installed Compute"), N_("Domestic share"), cpl_scenario_format_share,
                      N_("The domestic share of installed compute in each scenario, year by year") },
    [CHART_VENDORS] = { N_("Gross Revenue of US Vendors"), N_("US dollars"), cpl_scenario_format_money,
                        N_("What US vendors sell to China in each scenario, year by year") },
    [CHART_TAKE] = { N_("US Government Take"), N_("US dollars"), cpl_scenario_format_money,
                     N_("The US government's share of the revenue in each scenario, year by year") },
    [CHART_GAP] = { N_("Compute Gap"), N_("PFLOP/s"), cpl_scenario_format_pflops,
                    N_("Demand met by neither exports nor domestic capacity in each scenario, year by year") },
  };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error));

  self->summary = cpl_summary_label_new ();
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->summary));

  self->table = GTK_GRID (cpl_table_grid_new (8));
  cpl_card_append (GTK_WIDGET (self), cpl_scroll_sideways (GTK_WIDGET (self->table)));

  for (guint c = 0; c < N_CHARTS; c++)
    {
      self->charts[c] = CPL_LINE_CHART (cpl_line_chart_new ());
      cpl_line_chart_set_axes (self->charts[c], _("Year"), _(charts[c].axis));
      cpl_line_chart_set_x_integer (self->charts[c], TRUE);
      cpl_line_chart_set_x_format (self->charts[c], cpl_scenario_format_year, NULL, NULL);
      cpl_line_chart_set_y_format (self->charts[c], charts[c].format, NULL, NULL);
      cpl_line_chart_set_description (self->charts[c], _(charts[c].description));
      if (c == CHART_SHARE)
        cpl_line_chart_set_y_limit (self->charts[c], 1);  /* a share ends at 100% */
      gtk_widget_set_size_request (GTK_WIDGET (self->charts[c]), -1, 260);
      gtk_box_append (GTK_BOX (self), heading (_(charts[c].title)));
      gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->charts[c]));
    }
}

CplScenarioComparison *
cpl_scenario_comparison_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_COMPARISON, NULL);
}
