/* cpl-compare-window.c: 2 to 4 chips side by side
 *
 * One row per metric, the values of each chip, and for every chip after
 * the first its ratio to the first ("H200 / H20: TPP 6.7×"); a grouped
 * bar chart of the main metrics normalised to the first chip; and, side
 * by side, each chip's status in China on the Chips view's date and the
 * verdict of every rule with the distance to each of its thresholds.
 */
#define G_LOG_DOMAIN "cpl-compare-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chip-text.h"
#include "cpl-compare-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
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
  [ROW_PD]             = { "pd", N_("Performance density (TPP/mm²)"), 2, FALSE },
  [ROW_BF16]           = { "bf16", N_("BF16 (TFLOPS)"), 1, TRUE },
  [ROW_FP8]            = { "fp8", N_("FP8 (TFLOPS)"), 0, FALSE },
  [ROW_MEMORY]         = { "memory", N_("Memory (GB)"), 0, TRUE },
  [ROW_BANDWIDTH]      = { "bandwidth", N_("Bandwidth (TB/s)"), 2, TRUE },
  [ROW_INTERCONNECT]   = { "interconnect", N_("Interconnect (GB/s)"), 0, FALSE },
  [ROW_TDP]            = { "tdp", N_("TDP (W)"), 0, FALSE },
  [ROW_PERF_PER_WATT]  = { "perf-per-watt", N_("16-bit TFLOPS per watt"), 2, TRUE },
  [ROW_BYTES_PER_FLOP] = { "bytes-per-flop", N_("Bytes per 16-bit FLOP"), 4, FALSE },
  [ROW_PRICE]          = { "price", N_("Price (USD)"), 0, TRUE },
  [ROW_COST]           = { "cost", N_("USD per PFLOP/s-year"), 0, TRUE },
};

struct _CplCompareWindow
{
  AdwWindow   parent_instance;
  GtkLabel   *summary;
  GtkWidget  *ratio_labels[N_ROWS][MAX_CHIPS];
  GtkWidget  *value_labels[N_ROWS][MAX_CHIPS];
  GtkWidget  *status_boxes[MAX_CHIPS];
  GHashTable *distances;   /* "rule-id/chip index" → GtkLabel (the grid owns it) */
};

G_DEFINE_FINAL_TYPE (CplCompareWindow, cpl_compare_window, ADW_TYPE_WINDOW)

static void
cpl_compare_window_finalize (GObject *object)
{
  CplCompareWindow *self = CPL_COMPARE_WINDOW (object);

  g_clear_pointer (&self->distances, g_hash_table_unref);
  G_OBJECT_CLASS (cpl_compare_window_parent_class)->finalize (object);
}

static void
cpl_compare_window_class_init (CplCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cpl_compare_window_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cpl_compare_window_init (CplCompareWindow *self)
{
  self->distances = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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

/* @chip's figure of @row, or what it lacks: "needs the die area" for a
 * density (a chiplet design has no one die), else "needs data" (a dash
 * said nothing of why, and on a phone read "— (—)"). */
static char *
value_text (Row      row,
            CplChip *chip,
            double   value)
{
  if (!isnan (value))
    return cpl_format_number (value, rows[row].decimals);
  if (row == ROW_PD && isnan (cpl_chip_get (chip, CPL_CHIP_DIE_AREA_MM2)))
    return g_strdup (_("needs the die area"));
  return g_strdup (_("needs data"));
}

static char *
format_ratio (double r)
{
  g_autofree char *number = NULL;

  if (isnan (r))
    return g_strdup ("—");
  /* two figures under 1: "0.1×" stood for the chart's 0.15 (and 0.3×
   * for 0.26); two figures as they are rounded, so 0.996 is "1.0×" beside
   * 1.0×, not "1.00×" */
  number = cpl_format_number (r, r < .995 ? 2 : r < 9.95 ? 1 : 0);
  /* Translators: a ratio, "6.7×" */
  return g_strdup_printf (_("%s×"), number);
}

/* A label of the tables, wrapping between words but never between a
 * value and its unit. */
static GtkWidget *
cell_label (const char *text,
            gboolean    numeric)
{
  g_autofree char *kept = cpl_text_keep_units (text);
  GtkWidget *label = gtk_label_new (kept);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = cell_label (text, FALSE);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* A row title, with a dim line below it when @note is not NULL. */
static GtkWidget *
row_title (const char *title,
           const char *note)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_append (GTK_BOX (box), cell_label (title, FALSE));
  if (note != NULL)
    gtk_box_append (GTK_BOX (box), caption_label (note));
  return box;
}

/* A verdict box whose words wrap, right-aligned: on a phone "Licensable ·
 * 25% share" on one line made a column too wide for two. */
static void
verdict_box_wrap (GtkWidget *box)
{
  GtkWidget *label = gtk_widget_get_last_child (box);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
}

/* @chip's status in China on @date (@day), as the Chips table says it. */
static GtkWidget *
status_box_new (CplDataset  *dataset,
                CplChip     *chip,
                const GDate *date,
                const char  *day)
{
  double share;
  CplChipStatus status = cpl_chip_status_on (dataset, chip, date, &share);
  g_autofree char *tooltip = g_strdup_printf (_("Under the rules in force on %1$s. %2$s"), day,
                                              cpl_chip_status_describe (status));
  GtkWidget *box = cpl_verdict_box_new ();

  cpl_shown_status_box_set (box, chip, date, status, share, tooltip);
  return box;
}

/* @rule's verdict on @chip (its metrics @m), and in @margins the
 * distance to each of its thresholds ("" when it has none).  As in the
 * Chips view's detail: a rule @not_in_force that day decides nothing, its
 * verdict in grey (a red "Controlled" under "Not in force" read as a
 * ban). */
static GtkWidget *
rule_verdict_new (CplDataset           *dataset,
                  CplRule              *rule,
                  CplChip              *chip,
                  const CplChipMetrics *m,
                  const char           *not_in_force,
                  char                **margins)
{
  const char *chip_id = cpl_entity_get_id (CPL_ENTITY (chip));
  g_autofree char *tooltip = cpl_rule_describe_verdict (rule, chip_id, m->values);
  GtkWidget *verdict = cpl_verdict_box_new ();

  cpl_rule_verdict_box_set (verdict, rule, cpl_rule_evaluate_chip (rule, chip_id, m->values, NULL),
                            cpl_chip_is_chinese (dataset, chip), tooltip, not_in_force);
  *margins = cpl_rule_describe_margins (rule, chip_id, m->values);
  return verdict;
}

/* With three or four chips, which have a block per rule and per metric
 * to fall back on, a chip's column in a grid is at least this wide: a
 * status such as "可申请许可 · 15%分成" on two lines.  Chinese may break
 * after any character, so a grid of three chips' columns fitted a phone
 * at 100 px each, "可申请许/可 ·/15%分成" over three lines; the squeezer
 * now takes the blocks, as it does for English. */
#define CHIP_COLUMN_MIN 112
/* A rule's conditions for a chip, in a grid's column, are no narrower
 * than this: two chips' conditions side by side on a phone, some 150 px
 * each, wrapped every few words ("不 / 满足", "（比门槛低 / 32）") and
 * their lines ran together.  Where the wide grid's columns would be
 * narrower, the narrow grid (the rules' names over their cells) takes
 * its place, and the stacked layout (the page's width for each chip's
 * conditions) where that one's would be. */
#define CONDITIONS_MIN  200

/* The heading of @chip's column of @n: its name, in bold. */
static GtkWidget *
chip_heading_new (CplChip *chip,
                  guint    n)
{
  GtkWidget *name = cell_label (cpl_entity_get_name (CPL_ENTITY (chip)), TRUE);

  gtk_widget_add_css_class (name, "heading");
  gtk_widget_set_hexpand (name, TRUE);
  if (n > 2)
    gtk_widget_set_size_request (name, CHIP_COLUMN_MIN, -1);
  return name;
}

/* Each chip's status in China on @date, then every rule's verdict with the
 * distance to each of its thresholds (the detail pane's margins), a
 * column per chip.  @narrow (a phone): each row's title over its cells,
 * across the columns, not in a column of its own: beside it the second
 * chip's column was past the window's edge, nothing compared.  The wide
 * grid's cells are the ones the window's getters give. */
static GtkWidget *
status_and_rules_grid (CplCompareWindow *self,
                       CplDataset       *dataset,
                       CplChip         **chips,
                       guint             n,
                       const GDate      *date,
                       gboolean          narrow)
{
  GtkWidget *grid = cpl_table_grid_new (12);
  GListModel *rules = cpl_dataset_get_rules (dataset);
  CplChipMetrics m[MAX_CHIPS];
  g_autofree char *day = NULL;
  /* where a row's cells start, and how many rows a row takes */
  guint first = narrow ? 0 : 1, span = narrow ? 2 : 1;

  /* on a phone, room for three chips' columns */
  if (narrow)
    gtk_grid_set_column_spacing (GTK_GRID (grid), 8);

  day = cpl_date_format_long (date);
  for (guint c = 0; c < n; c++)
    {
      GtkWidget *name = chip_heading_new (chips[c], n);
      GtkWidget *status_box = status_box_new (dataset, chips[c], date, day);

      cpl_chip_metrics_compute (chips[c], &m[c]);
      gtk_grid_attach (GTK_GRID (grid), name, c + first, 0, 1, 1);

      gtk_widget_set_halign (status_box, GTK_ALIGN_END);
      gtk_grid_attach (GTK_GRID (grid), status_box, c + first, span, 1, 1);
      if (!narrow)
        self->status_boxes[c] = status_box;
      else
        verdict_box_wrap (status_box);
    }
  gtk_grid_attach (GTK_GRID (grid), row_title (_("Status in China"), day), 0, 1, narrow ? n : 1, 1);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      const char *rule_id = cpl_entity_get_id (CPL_ENTITY (rule));
      /* Translators: under a rule's name in the comparison; %s is a date, "1 February 2026" */
      g_autofree char *note = cpl_rule_in_force_on (rule, date) ? NULL : g_strdup_printf (_("Not in force on %s"), day);

      guint top = 1 + span + i * span;

      gtk_grid_attach (GTK_GRID (grid), row_title (cpl_entity_get_name (CPL_ENTITY (rule)), note), 0, top,
                       narrow ? n : 1, 1);
      for (guint c = 0; c < n; c++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          g_autofree char *margins = NULL;
          GtkWidget *verdict = rule_verdict_new (dataset, rule, chips[c], &m[c], note, &margins);

          gtk_widget_set_halign (verdict, GTK_ALIGN_END);
          gtk_box_append (GTK_BOX (cell), verdict);
          if (!narrow)
            g_hash_table_insert (self->distances, g_strdup_printf ("verdict:%s/%u", rule_id, c), verdict);
          else
            verdict_box_wrap (verdict);
          if (*margins != '\0')
            {
              /* a list of clauses, left-aligned under the verdict: set
               * right, its bullets did not line up and its wrapped lines
               * were ragged ("不 / 满足") */
              GtkWidget *distances = caption_label (margins);

              gtk_widget_set_size_request (distances, CONDITIONS_MIN, -1);
              gtk_box_append (GTK_BOX (cell), distances);
              if (!narrow)
                g_hash_table_insert (self->distances, g_strdup_printf ("%s/%u", rule_id, c), distances);
            }
          gtk_widget_set_hexpand (cell, TRUE);
          gtk_grid_attach (GTK_GRID (grid), cell, c + first, top + span - 1, 1, 1);
        }
    }
  return grid;
}

/* A row's title in the stacked layout: over its chips' lines, apart
 * from the row before it. */
static void
attach_stacked_title (GtkWidget  *grid,
                      GtkWidget  *title,
                      guint      *top)
{
  if (*top > 0)
    gtk_widget_set_margin_top (title, 12);
  gtk_widget_add_css_class (gtk_widget_get_first_child (title), "heading");
  gtk_grid_attach (GTK_GRID (grid), title, 0, (*top)++, 2, 1);
}

/* A chip's line in the stacked layout: its name, and right of it @value
 * (a verdict, a figure). */
static void
attach_stacked_line (GtkWidget *grid,
                     CplChip   *chip,
                     GtkWidget *value,
                     guint     *top)
{
  GtkWidget *name = cell_label (cpl_entity_get_name (CPL_ENTITY (chip)), FALSE);

  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_set_hexpand (value, TRUE);
  gtk_widget_set_halign (value, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), name, 0, *top, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value, 1, (*top)++, 1, 1);
}

/* The status and the rules on a phone, where even the narrow grid's
 * columns do not fit (three or four chips; two chips' conditions, see
 * CONDITIONS_MIN): a block per row, a line per chip under its title (its
 * name, then its verdict), the distances to the thresholds under the
 * line.  The page scrolled sideways, the third chip past the window's
 * edge. */
static GtkWidget *
status_and_rules_stacked (CplDataset   *dataset,
                          CplChip     **chips,
                          guint         n,
                          const GDate  *date)
{
  GtkWidget *grid = cpl_table_grid_new (6);
  GListModel *rules = cpl_dataset_get_rules (dataset);
  g_autofree char *day = cpl_date_format_long (date);
  CplChipMetrics m[MAX_CHIPS];
  guint top = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  attach_stacked_title (grid, row_title (_("Status in China"), day), &top);
  for (guint c = 0; c < n; c++)
    {
      GtkWidget *box = status_box_new (dataset, chips[c], date, day);

      cpl_chip_metrics_compute (chips[c], &m[c]);
      verdict_box_wrap (box);
      attach_stacked_line (grid, chips[c], box, &top);
    }
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      g_autofree char *note = cpl_rule_in_force_on (rule, date) ? NULL : g_strdup_printf (_("Not in force on %s"), day);

      attach_stacked_title (grid, row_title (cpl_entity_get_name (CPL_ENTITY (rule)), note), &top);
      for (guint c = 0; c < n; c++)
        {
          g_autofree char *margins = NULL;
          GtkWidget *verdict = rule_verdict_new (dataset, rule, chips[c], &m[c], note, &margins);

          verdict_box_wrap (verdict);
          attach_stacked_line (grid, chips[c], verdict, &top);
          /* the distances under the line, the width of the page */
          if (*margins != '\0')
            {
              GtkWidget *distances = caption_label (margins);

              gtk_widget_set_margin_start (distances, 12);
              gtk_grid_attach (GTK_GRID (grid), distances, 0, top++, 2, 1);
            }
        }
    }
  return grid;
}

/* The metrics for three or four chips on a phone: a block per metric, a
 * line per chip (its value, and its ratio to the first). */
static GtkWidget *
metrics_stacked (CplChip              **chips,
                 guint                  n,
                 const CplEnergyTerms  *terms)
{
  GtkWidget *grid = cpl_table_grid_new (4);
  guint top = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint r = 0; r < N_ROWS; r++)
    {
      double first = row_value (r, chips[0], terms);

      attach_stacked_title (grid, row_title (_(rows[r].title), NULL), &top);
      for (guint c = 0; c < n; c++)
        {
          double value = row_value (r, chips[c], terms);
          double by = ratio (value, first);
          g_autofree char *number = value_text (r, chips[c], value);
          g_autofree char *r_text = c > 0 && !isnan (by) ? format_ratio (by) : NULL;
          /* Translators: a chip's figure and its ratio to the first chip's,
           * on a phone: "27,000 (2.2×)" */
          g_autofree char *text = r_text != NULL ? g_strdup_printf (_("%1$s (%2$s)"), number, r_text)
                                                 : g_strdup (number);

          attach_stacked_line (grid, chips[c], cell_label (text, TRUE), &top);
        }
    }
  return grid;
}

CplCompareWindow *
cpl_compare_window_new (CplDataset           *dataset,
                        const char * const   *chip_ids,
                        const CplEnergyTerms *terms,
                        const GDate          *date)
{
  CplCompareWindow *self = g_object_new (CPL_TYPE_COMPARE_WINDOW,
                                         "title", _("Compare Chips"),
                                         "default-width", 900,
                                         "default-height", 700,
                                         "modal", TRUE,
                                         NULL);
  CplChip *chips[MAX_CHIPS] = { NULL };
  g_autoptr(GPtrArray) category_titles = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box, *header, *scrolled, *clamp, *content, *grid, *view;
  CplBarChart *chart;
  GString *summary = g_string_new (NULL);
  GString *markup = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

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

  /* One scroller for the whole window: the tables are as tall as their
   * rows.  Sideways only should a page be wider than the window (a phone
   * has the tables' narrow layouts), as one rather than a table in it
   * taking the mouse wheel. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  /* no easing in below 1,000 px: the summary's clamp, over the page, has
   * a narrower child and would ease in differently, out of line */
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
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

      /* Translators: "H200 SXM / H20: TPP 6.7×, memory 1.5×, bandwidth 1.2×,
       * cost of compute 0.4×" */
      g_autofree char *sentence = g_strdup_printf (_("%1$s / %2$s: TPP %3$s, memory %4$s, bandwidth %5$s, cost of compute %6$s"),
                                                   cpl_entity_get_name (CPL_ENTITY (chips[c])),
                                                   cpl_entity_get_name (CPL_ENTITY (chips[0])), tpp, memory, bandwidth, cost);
      g_autofree char *bold = cpl_markup_bold_lead (sentence, cpl_entity_get_name (CPL_ENTITY (chips[c])));

      if (summary->len > 0)
        {
          g_string_append_c (summary, '\n');
          g_string_append_c (markup, '\n');
        }
      g_string_append (summary, sentence);
      g_string_append (markup, bold);
    }
  /* the answer the window is opened for, first in the page: one sentence
   * large; several in body text, each chip's name in bold (three in
   * bold, fixed over the page, took 260 of a phone's 640 px) */
  self->summary = cpl_summary_label_new ();
  if (n > 2)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "title-4");
      gtk_label_set_markup (self->summary, markup->str);
    }
  else
    gtk_label_set_text (self->summary, summary->str);
  g_string_free (summary, TRUE);
  g_string_free (markup, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->summary));

  /* What the rules say, first: it is what the analyst came for. */
  {
    GtkWidget *heading = gtk_label_new (_("Export Rules"));

    gtk_widget_add_css_class (heading, "heading");
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_box_append (GTK_BOX (content), heading);
  }
  {
    /* the wide grid where it fits, its cells wrapped at the most, else
     * the one for a phone */
    GtkWidget *squeezer = cpl_first_fit_new ();

    adw_squeezer_add (ADW_SQUEEZER (squeezer), status_and_rules_grid (self, dataset, chips, n, date, FALSE));
    adw_squeezer_add (ADW_SQUEEZER (squeezer), status_and_rules_grid (self, dataset, chips, n, date, TRUE));
    adw_squeezer_add (ADW_SQUEEZER (squeezer), status_and_rules_stacked (dataset, chips, n, date));
    cpl_card_append (content, squeezer);
  }

  /* The table: one row per metric, a column per chip. */
  grid = cpl_table_grid_new (8);
  for (guint c = 0; c < n; c++)
    {
      gtk_grid_attach (GTK_GRID (grid), chip_heading_new (chips[c], n), c + 1, 0, 1, 1);
    }
  for (guint r = 0; r < N_ROWS; r++)
    {
      double first = n > 0 ? row_value (r, chips[0], terms) : NAN;

      gtk_grid_attach (GTK_GRID (grid), cell_label (_(rows[r].title), FALSE), 0, r + 1, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          double value = row_value (r, chips[c], terms);
          g_autofree char *text = value_text (r, chips[c], value);
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

          self->value_labels[r][c] = cell_label (text, TRUE);
          gtk_box_append (GTK_BOX (cell), self->value_labels[r][c]);
          /* no ratio where either figure is missing: under "needs data",
           * a dash said nothing more */
          if (c > 0 && !isnan (ratio (value, first)))
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
  if (n > 2)
    {
      /* as the rules: the table where it fits, else a block per metric */
      GtkWidget *squeezer = cpl_first_fit_new ();

      adw_squeezer_add (ADW_SQUEEZER (squeezer), grid);
      adw_squeezer_add (ADW_SQUEEZER (squeezer), metrics_stacked (chips, n, terms));
      cpl_card_append (content, squeezer);
    }
  else
    cpl_card_append (content, grid);

  /* The chart: the main metrics, each chip ÷ the first.  The first is
   * the dashed line at 1× (bars of its own would all read 1.00, on that
   * line). */
  cpl_chart_colors_assign (dataset);
  chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  for (guint r = 0; r < N_ROWS; r++)
    if (rows[r].in_chart)
      g_ptr_array_add (category_titles, cpl_text_keep_units (_(rows[r].title)));
  g_ptr_array_add (category_titles, NULL);
  cpl_bar_chart_set_categories (chart, (const char * const *) category_titles->pdata);
  for (guint c = 1; c < n; c++)
    {
      double values[N_ROWS];
      guint k = 0;

      for (guint r = 0; r < N_ROWS; r++)
        if (rows[r].in_chart)
          values[k++] = ratio (row_value (r, chips[c], terms), row_value (r, chips[0], terms));
      cpl_bar_chart_set_series_color (chart,
                                      cpl_bar_chart_add_series (chart, cpl_entity_get_name (CPL_ENTITY (chips[c])), values),
                                      cpl_chart_color_for ("chip", cpl_entity_get_id (CPL_ENTITY (chips[c]))));
    }
  {
    /* Translators: the value axis of the comparison chart */
    g_autofree char *axis = n > 0 ? g_strdup_printf (_("× %s"), cpl_entity_get_name (CPL_ENTITY (chips[0]))) : NULL;
    /* Translators: the legend of the dashed line at 1 on the comparison
     * chart, where the first chip's figures are: "H20 = 1×" */
    g_autofree char *reference = n > 0 ? g_strdup_printf (_("%s = 1×"), cpl_entity_get_name (CPL_ENTITY (chips[0]))) : NULL;

    cpl_bar_chart_set_value_title (chart, axis ? axis : "");
    cpl_bar_chart_set_reference_label (chart, reference);
  }
  cpl_bar_chart_set_reference (chart, 1.0);
  /* ratios on a log scale, bars standing on the 1× line: a third and
   * three times are as long, and "cheaper" (0.19×) is as plain as
   * "dearer" (15×), where a linear axis made it a sliver */
  cpl_bar_chart_set_log_scale (chart, TRUE);
  cpl_bar_chart_set_description (chart, _("The main metrics of each chip divided by those of the first chip"));
  view = cpl_chart_view_new_take (chart);
  /* under its heading, with Export… beside it, as a chart's card has them */
  gtk_box_append (GTK_BOX (content),
                  cpl_chart_card_header_new (_("Each Chip Against the First"), CPL_CHART_VIEW (view)));
  cpl_chart_export_set_name (CPL_CHART (chart), "chip-comparison");
  cpl_chart_set_min_height (CPL_CHART (chart), 320);
  gtk_box_append (GTK_BOX (content), view);

  return self;
}

/* Returns: the figure shown for @chip_index in the row @metric_id (in the
 * table of the wide window). */
const char *
cpl_compare_window_get_value (CplCompareWindow *self,
                              const char       *metric_id,
                              guint             chip_index)
{
  g_return_val_if_fail (chip_index < MAX_CHIPS, NULL);
  for (guint r = 0; r < N_ROWS; r++)
    if (g_str_equal (rows[r].id, metric_id) && self->value_labels[r][chip_index] != NULL)
      return gtk_label_get_text (GTK_LABEL (self->value_labels[r][chip_index]));
  return NULL;
}

/* Returns: the ratio shown for @chip_index (≥ 1) in the row @metric_id,
 * %NULL where there is none (a figure missing). */
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

/* Returns: the status shown for @chip_index, "Licensable · 25% share". */
const char *
cpl_compare_window_get_status (CplCompareWindow *self,
                               guint             chip_index)
{
  g_return_val_if_fail (chip_index < MAX_CHIPS && self->status_boxes[chip_index] != NULL, NULL);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (self->status_boxes[chip_index])));
}

/* Returns: (nullable): the distances to @rule_id's thresholds shown for
 * @chip_index, one a line; NULL when the rule has none (a list of chips). */
const char *
cpl_compare_window_get_distances (CplCompareWindow *self,
                                  const char       *rule_id,
                                  guint             chip_index)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", rule_id, chip_index);
  GtkLabel *label = g_hash_table_lookup (self->distances, key);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* The verdict of @rule_id on chip @chip_index, its icon and word (for
 * tests), or NULL. */
GtkWidget *
cpl_compare_window_get_verdict (CplCompareWindow *self,
                                const char       *rule_id,
                                guint             chip_index)
{
  g_autofree char *key = g_strdup_printf ("verdict:%s/%u", rule_id, chip_index);

  return g_hash_table_lookup (self->distances, key);
}
