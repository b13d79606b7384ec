/* cpl-chips-view.c: the Chips view
 *
 * One table of every chip (a GtkColumnView over the dataset's chips,
 * filtered and sorted, with the name and status in a second column view
 * that stays while the first scrolls sideways), a threshold map of the same chips, a detail pane
 * for the chip picked, a side-by-side comparison and a what-if chip.  The
 * numbers all come from the model (MODEL.md §1, §2, §4); the words for
 * them from cpl-chip-text.c.
 */
#define G_LOG_DOMAIN "cpl-chips-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpl-chip-text.h"
#include "cpl-chips-view.h"
#include "cpl-compare-chooser.h"
#include "cpl-compare-window.h"
#include "cpl-threshold-map.h"
#include "cpl-what-if-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-number-row.h"
#include "views/cpl-table-actions.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-scatter-chart.h"
#include "widgets/cpl-timeline-chart.h"

/* In the table's order: what decides the status (TPP, performance
 * density) first after the chip, then the specs it is computed from */
typedef enum {
  COL_NAME,
  COL_STATUS,
  COL_VENDOR,
  COL_ORIGIN,
  COL_RELEASED,
  COL_TPP,
  COL_PD,
  COL_MEMORY,
  COL_BANDWIDTH,
  COL_BF16,
  COL_FP8,
  COL_TDP,
  COL_PERF_PER_WATT,
  COL_BYTES_PER_FLOP,
  COL_PRICE,
  COL_COST,
  N_COLUMNS
} Column;

typedef struct {
  const char *id;        /* for cpl_chips_view_sort_by() and tests */
  const char *title;     /* N_(); units in brackets, so cells hold numbers */
  int         decimals;  /* -1: a text column */
} ColumnSpec;

static const ColumnSpec columns[N_COLUMNS] = {
  [COL_NAME]           = { "name", N_("Chip"), -1 },
  [COL_STATUS]         = { "status", N_("Status in China"), -1 },
  [COL_VENDOR]         = { "vendor", N_("Vendor"), -1 },
  [COL_ORIGIN]         = { "origin", N_("Origin"), -1 },
  [COL_RELEASED]       = { "released", N_("Released"), -1 },
  [COL_MEMORY]         = { "memory", N_("Memory (GB)"), 0 },
  [COL_BANDWIDTH]      = { "bandwidth", N_("Bandwidth (TB/s)"), 2 },
  [COL_BF16]           = { "bf16", N_("BF16 (TFLOPS)"), 1 },
  [COL_FP8]            = { "fp8", N_("FP8 (TFLOPS)"), 0 },
  [COL_TDP]            = { "tdp", N_("TDP (W)"), 0 },
  [COL_TPP]            = { "tpp", N_("TPP"), 0 },
  [COL_PD]             = { "pd", N_("Perf. density (TPP/mm²)"), 2 },
  [COL_PERF_PER_WATT]  = { "perf-per-watt", N_("16-bit TFLOPS per watt"), 2 },
  [COL_BYTES_PER_FLOP] = { "bytes-per-flop", N_("Bytes per 16-bit FLOP"), 4 },
  [COL_PRICE]          = { "price", N_("Price (USD)"), 0 },
  [COL_COST]           = { "cost", N_("USD per PFLOP/s-year"), 0 },
};

/* On a narrow window: the widest the frozen part is made (of 360 px),
 * and a cell's padding on both sides with the column's separator. */
#define NARROW_FROZEN_MAX 200
#define CELL_PADDING      14

/* The name and status stay in view while the rest scrolls sideways. */
#define IS_FROZEN(column) ((column) == COL_NAME || (column) == COL_STATUS)

/* Energy terms that the view does not ask for: MODEL.md §5 defaults. */
#define DEFAULT_PUE          1.3
#define DEFAULT_UTILIZATION  0.7
#define DEFAULT_AMORTIZATION 4

struct _CplChipsView
{
  AdwBin              parent_instance;

  AdwLeaflet         *leaflet;
  GtkWidget          *main_page;
  GtkWidget          *separator;
  GtkWidget          *detail_page;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *vendor_dropdown;
  GtkDropDown        *origin_dropdown;
  GtkSpinButton      *electricity_spin;
  GtkSpinButton      *subsidy_spin;
  GtkToggleButton    *filters_toggle; /* narrow: shows the filters */
  GtkRevealer        *filters_revealer;
  GtkWidget          *filters_flow;
  GtkMenuButton      *date_button;
  GtkWidget          *compare_button;
  GtkWidget          *compare_chooser; /* its popover, while made */
  GtkCalendar        *calendar;
  GtkBox             *quick_box;      /* a button per rule-change date */
  GtkStack           *content_stack;
  GtkWidget          *page_switcher;
  GtkColumnView      *column_view;    /* the columns that scroll sideways */
  GtkColumnView      *frozen_view;    /* name and status, always shown */
  GtkScrolledWindow  *frozen_scroll;
  GtkScrolledWindow  *table_scroll;
  GtkWidget          *table_hscrollbar;
  GtkWidget          *table_grid;
  GtkBox             *actions_box;    /* Compare, What If…, the table's menu, Export Chart… */
  GtkWidget          *chart_export;   /* Export Chart… of the map or timeline page, while shown */
  AdwBin             *map_bin;
  AdwBin             *timeline_bin;
  GtkLabel           *detail_title;
  GtkWidget          *back_button;
  GtkBox             *detail_box;
  CplScatterChart    *map;
  CplTimelineChart   *timeline;

  CplDataset         *dataset;
  GtkFilter          *filter;
  GtkSortListModel   *sorted;
  GtkMultiSelection  *selection;
  GPtrArray          *vendor_ids;     /* the vendor dropdown's ids; [0] NULL = all */
  GPtrArray          *rule_columns;   /* GtkColumnViewColumn, one per rule */
  GtkColumnViewColumn *fixed_columns[N_COLUMNS];
  CplChip            *shown;          /* in the detail pane */
  GtkSorter          *unknown_last;   /* wraps sorted_view's own sorter */
  GtkColumnView      *sorted_view;    /* the view whose header was clicked last */
  gboolean            syncing_sort;   /* clearing the other view's sort */
  gconstpointer       unknown_item;   /* see sort_unknown_last() */
  GDate               date;           /* the rules in force on it give the status */
  gboolean            narrow;         /* folded: the status under each name, its column hidden */
  int                 cell_height;    /* narrow: every cell's, so both parts' rows line up; or -1 */
  GtkWidget          *hover_twin;     /* weak: the row lit in the part the pointer is not over */
};

G_DEFINE_FINAL_TYPE (CplChipsView, cpl_chips_view, ADW_TYPE_BIN)

enum {
  REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void cpl_chips_view_update_detail (CplChipsView *self);

/* The column view that shows @column (a Column). */
static GtkColumnView *
column_view_of (CplChipsView *self,
                int           column)
{
  return IS_FROZEN (column) ? self->frozen_view : self->column_view;
}
static void cpl_chips_view_update_map    (CplChipsView *self);

/* The price the cost of compute starts from (the user's preference). */
void
cpl_chips_view_set_electricity_price (CplChipsView *self,
                                      double        usd_per_kwh)
{
  g_return_if_fail (CPL_IS_CHIPS_VIEW (self));
  gtk_spin_button_set_value (self->electricity_spin, usd_per_kwh);
}

void
cpl_chips_view_get_energy_terms (CplChipsView   *self,
                                 CplEnergyTerms *terms)
{
  terms->electricity_usd_per_kwh = gtk_spin_button_get_value (self->electricity_spin);
  terms->power_subsidy = gtk_spin_button_get_value (self->subsidy_spin) / 100;
  terms->pue = DEFAULT_PUE;
  terms->utilization = DEFAULT_UTILIZATION;
  terms->amortization_years = DEFAULT_AMORTIZATION;
}

static double
chip_cost (CplChip              *chip,
           const CplChipMetrics *m,
           const CplEnergyTerms *terms)
{
  return cpl_cost_of_compute (cpl_chip_get (chip, CPL_CHIP_PRICE_USD), cpl_chip_get (chip, CPL_CHIP_TDP_W),
                              m->values[CPL_METRIC_COMPUTE_TFLOPS], terms,
                              cpl_chip_get_domestic (chip));
}

/* The number a numeric column shows, NaN when unknown. */
static double
chip_number (CplChip              *chip,
             Column                column,
             const CplEnergyTerms *terms)
{
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  switch (column)
    {
    case COL_MEMORY:         return cpl_chip_get (chip, CPL_CHIP_MEMORY_GB);
    case COL_BANDWIDTH:      return cpl_chip_get (chip, CPL_CHIP_BANDWIDTH_TBS);
    case COL_BF16:           return cpl_chip_get_performance (chip, CPL_PRECISION_BF16);
    case COL_FP8:            return cpl_chip_get_performance (chip, CPL_PRECISION_FP8);
    case COL_TDP:            return cpl_chip_get (chip, CPL_CHIP_TDP_W);
    case COL_TPP:            return m.values[CPL_METRIC_TPP];
    case COL_PD:             return m.values[CPL_METRIC_PERFORMANCE_DENSITY];
    case COL_PERF_PER_WATT:  return m.perf_per_watt;
    case COL_BYTES_PER_FLOP: return m.bytes_per_flop;
    case COL_PRICE:          return cpl_chip_get (chip, CPL_CHIP_PRICE_USD);
    case COL_COST:           return chip_cost (chip, &m, terms);
    case COL_NAME:
    case COL_STATUS:
    case COL_VENDOR:
    case COL_ORIGIN:
    case COL_RELEASED:
    case N_COLUMNS:
    default:                 g_return_val_if_reached (NAN);
    }
}

static double
column_number (CplChipsView *self,
               CplChip      *chip,
               Column        column)
{
  CplEnergyTerms terms;

  cpl_chips_view_get_energy_terms (self, &terms);
  return chip_number (chip, column, &terms);
}

static const char *
chip_vendor_name (CplDataset *dataset,
                  CplChip    *chip)
{
  CplVendor *vendor = cpl_dataset_lookup_vendor (dataset, cpl_chip_get_vendor_id (chip));

  return vendor ? cpl_entity_get_name (CPL_ENTITY (vendor)) : cpl_chip_get_vendor_id (chip);
}

static CplChipStatus
chip_status (CplChipsView *self,
             CplChip      *chip,
             double       *share)
{
  return cpl_chip_status_on (self->dataset, chip, &self->date, share);
}

/* Where the Status column sorts @chip: by its status, a chip not yet
 * released on the view's date after all the rest. */
static int
shown_status_rank (CplChipsView *self,
                   CplChip      *chip)
{
  return cpl_chip_released_by (chip, &self->date) ? (int) chip_status (self, chip, NULL) : CPL_N_CHIP_STATUSES;
}

static char *
column_text (CplChipsView *self,
             CplChip      *chip,
             Column        column)
{
  double share;
  CplChipStatus status;

  switch (column)
    {
    case COL_NAME:
      return g_strdup (cpl_entity_get_name (CPL_ENTITY (chip)));
    case COL_STATUS:
      status = chip_status (self, chip, &share);
      return cpl_chip_shown_status (chip, &self->date, status, share, NULL, NULL, NULL);
    case COL_VENDOR:
      return g_strdup (chip_vendor_name (self->dataset, chip));
    case COL_ORIGIN:
      return g_strdup (cpl_chip_get_domestic (chip) ? _("Domestic") : _("Foreign"));
    case COL_RELEASED:
      return g_strdup (cpl_chip_get_released (chip) ? cpl_chip_get_released (chip) : "—");
    default:
      return cpl_format_number (column_number (self, chip, column), columns[column].decimals);
    }
}

/* CSV -------------------------------------------------------------------- */

/**
 * cpl_chips_table_text:
 * @chips: (element-type CplChip): the rows, in order
 * @date: the rules in force on it give the status
 * @terms: the energy terms of the cost of compute
 *
 * The chips table as CSV or tab-separated text: the chip's id, then the
 * table's columns (units in their titles), the numbers unrounded, unknown
 * ones empty; then a column per rule with its verdict.  No widgets.
 *
 * Returns: (transfer full): the text
 */
char *
cpl_chips_table_text (CplDataset           *dataset,
                      GListModel           *chips,
                      const GDate          *date,
                      const CplEnergyTerms *terms,
                      CplCsvSeparator       separator)
{
  g_autoptr(CplCsvWriter) writer = cpl_csv_writer_new (separator);
  GListModel *rules = cpl_dataset_get_rules (dataset);

  cpl_csv_writer_add_text (writer, _("ID"));
  for (guint c = 0; c < N_COLUMNS; c++)
    cpl_csv_writer_add_text (writer, _(columns[c].title));
  for (guint r = 0; r < g_list_model_get_n_items (rules); r++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, r);
      cpl_csv_writer_add_text (writer, cpl_entity_get_name (CPL_ENTITY (rule)));
    }
  cpl_csv_writer_end_row (writer);

  for (guint i = 0; i < g_list_model_get_n_items (chips); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (chips, i);
      CplChipMetrics m;
      double share;
      CplChipStatus status = cpl_chip_status_on (dataset, chip, date, &share);
      /* as the table says it */
      g_autofree char *status_text = cpl_chip_shown_status (chip, date, status, share, NULL, NULL, NULL);

      cpl_chip_metrics_compute (chip, &m);
      cpl_csv_writer_add_text (writer, cpl_entity_get_id (CPL_ENTITY (chip)));
      cpl_csv_writer_add_text (writer, cpl_entity_get_name (CPL_ENTITY (chip)));
      cpl_csv_writer_add_text (writer, status_text);
      cpl_csv_writer_add_text (writer, chip_vendor_name (dataset, chip));
      cpl_csv_writer_add_text (writer, cpl_chip_get_domestic (chip) ? _("Domestic") : _("Foreign"));
      cpl_csv_writer_add_text (writer, cpl_chip_get_released (chip));
      for (guint c = COL_RELEASED + 1; c < N_COLUMNS; c++)
        cpl_csv_writer_add_number (writer, chip_number (chip, c, terms));
      for (guint r = 0; r < g_list_model_get_n_items (rules); r++)
        {
          g_autoptr(CplRule) rule = g_list_model_get_item (rules, r);
          const char *id = cpl_entity_get_id (CPL_ENTITY (chip));
          g_autofree char *verdict = cpl_rule_verdict_get_label (rule, cpl_rule_evaluate_chip (rule, id, m.values, NULL),
                                                                 status == CPL_CHIP_STATUS_DOMESTIC);

          cpl_csv_writer_add_text (writer, verdict);
        }
      cpl_csv_writer_end_row (writer);
    }
  return cpl_csv_writer_free_to_text (g_steal_pointer (&writer));
}

/* The rows shown, in their order, with the view's date and energy terms. */
static char *
chips_table_text (GtkWidget        *owner,
                  CplCsvSeparator   separator,
                  char            **file_name)
{
  CplChipsView *self = CPL_CHIPS_VIEW (owner);
  CplEnergyTerms terms;

  cpl_chips_view_get_energy_terms (self, &terms);
  if (file_name != NULL)
    *file_name = g_strdup ("chips");
  return cpl_chips_table_text (self->dataset, G_LIST_MODEL (self->sorted), &self->date, &terms, separator);
}

/* Cells ------------------------------------------------------------------ */

/* A bound cell redraws when its chip is edited and when the view's
 * inputs (electricity, subsidy) change. */
typedef struct {
  CplChipsView *view;
  int           column;   /* Column, or -1 for a rule column */
  CplRule      *rule;
} CellSpec;

/* A name cell: the chip's name over its status (shown on a narrow
 * window only). */
static GtkWidget *
name_cell_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = cpl_verdict_box_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (status)), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_set_visible (status, FALSE);
  gtk_box_append (GTK_BOX (box), status);
  return box;
}

/* @chip's status on the view's date, its @share, and in @explained what
 * it means, naming the rules that decide it. */
static CplChipStatus
chip_status_explained (CplChipsView  *self,
                       CplChip       *chip,
                       double        *share,
                       char         **explained)
{
  g_autoptr(GPtrArray) deciding = NULL;
  CplChipStatus status = cpl_chip_status_decided_on (self->dataset, chip, &self->date, share, &deciding);

  *explained = cpl_chip_status_explain (status, *share, deciding, &self->date);
  return status;
}

/* A status cell: its icon and word, and in its tooltip what it means on
 * the view's date. */
static void
set_status_cell (CplChipsView *self,
                 CplChip      *chip,
                 GtkWidget    *box)
{
  double share;
  g_autofree char *tooltip = NULL;
  CplChipStatus status = chip_status_explained (self, chip, &share, &tooltip);

  cpl_shown_status_box_set (box, chip, &self->date, status, share, tooltip);
}

static void
refresh_cell (GtkListItem *item)
{
  CellSpec *spec = g_object_get_data (G_OBJECT (item), "cpl-cell-spec");
  CplChip *chip = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (chip == NULL || child == NULL)
    return;
  /* the two parts scroll together, row by row: on a narrow window every
   * cell is as tall as a name over its status */
  gtk_widget_set_size_request (child, -1, spec->view->narrow ? spec->view->cell_height : -1);
  if (spec->rule != NULL)
    {
      CplChipMetrics m;
      g_autofree char *tooltip = NULL;
      g_autofree char *not_in_force = cpl_rule_describe_in_force (spec->rule, &spec->view->date);

      cpl_chip_metrics_compute (chip, &m);
      tooltip = cpl_rule_describe_verdict (spec->rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values);
      /* as the detail and Compare: a rule not in force on the view's
       * date says so first, its verdict in grey (the table showed a
       * lapsed rule's "Controlled" in red beside the rules in force) */
      cpl_rule_verdict_box_set (child, spec->rule,
                                cpl_rule_evaluate_chip (spec->rule, cpl_entity_get_id (CPL_ENTITY (chip)),
                                                        m.values, NULL),
                                cpl_chip_is_chinese (spec->view->dataset, chip), tooltip, not_in_force);
    }
  else if (spec->column == COL_STATUS)
    set_status_cell (spec->view, chip, child);
  else if (spec->column == COL_NAME)
    {
      /* the name, and on a narrow window the status under it */
      GtkWidget *status = gtk_widget_get_last_child (child);

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (child)), cpl_entity_get_name (CPL_ENTITY (chip)));
      gtk_widget_set_visible (status, spec->view->narrow);
      if (spec->view->narrow)
        set_status_cell (spec->view, chip, status);
    }
  else
    {
      g_autofree char *text = NULL;
      const char *why = NULL;

      if (columns[spec->column].decimals >= 0)
        {
          /* the figure once, for its text and for whether it is missing */
          double value = column_number (spec->view, chip, spec->column);

          text = cpl_format_number (value, columns[spec->column].decimals);
          /* a dash says why on pointing at it: the MI300X's density is
           * not missing by neglect, its chiplets have no one die */
          if (isnan (value))
            why = spec->column == COL_PD && isnan (cpl_chip_get (chip, CPL_CHIP_DIE_AREA_MM2))
                    ? _("Needs the die area, which the dataset does not give (a chiplet design has no single die)")
                    : _("Needs a figure the dataset does not give");
        }
      else
        text = column_text (spec->view, chip, spec->column);
      gtk_label_set_text (GTK_LABEL (child), text);
      gtk_widget_set_tooltip_text (child, why);
    }
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellSpec                 *spec)
{
  GtkWidget *child;

  g_object_set_data (G_OBJECT (item), "cpl-cell-spec", spec);
  if (spec->rule != NULL || spec->column == COL_STATUS)
    {
      child = cpl_verdict_box_new ();
      if (spec->column == COL_STATUS)
        gtk_label_set_ellipsize (GTK_LABEL (gtk_widget_get_last_child (child)), PANGO_ELLIPSIZE_END);
    }
  else if (spec->column == COL_NAME)
    child = name_cell_new ();
  else
    {
      child = gtk_label_new (NULL);
      if (columns[spec->column].decimals >= 0)
        {
          gtk_label_set_xalign (GTK_LABEL (child), 1);
          gtk_widget_add_css_class (child, "numeric");
        }
      else
        {
          gtk_label_set_xalign (GTK_LABEL (child), 0);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
        }
    }
  /* see row_position_at() */
  g_object_set_data (G_OBJECT (child), "cpl-list-item", item);
  gtk_list_item_set_child (item, child);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CellSpec                 *spec)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "changed",
                           G_CALLBACK (refresh_cell), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (spec->view, "refresh", G_CALLBACK (refresh_cell), item, G_CONNECT_SWAPPED);
  refresh_cell (item);
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CellSpec                 *spec)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), refresh_cell, item);
  g_signal_handlers_disconnect_by_func (spec->view, refresh_cell, item);
}

static GtkListItemFactory *
cell_factory_new (CplChipsView *self,
                  int           column,
                  CplRule      *rule)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellSpec *spec = g_new0 (CellSpec, 1);

  spec->view = self;
  spec->column = column;
  spec->rule = rule;
  g_object_set_data_full (G_OBJECT (factory), "cpl-cell-spec", spec, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), spec);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), spec);
  return factory;
}

/* Sorting ---------------------------------------------------------------- */

/* Numbers numerically, unknown after every known value (in ascending
 * order; GTK 4.8 reverses the column's order for descending, and
 * sort_unknown_last() puts them back last). */
static int
compare_numbers (double a,
                 double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

/* controlled, then needs data, then not controlled */
static double
verdict_rank (CplRule *rule,
              CplChip *chip)
{
  CplChipMetrics m;

  cpl_chip_metrics_compute (chip, &m);
  switch (cpl_rule_evaluate_chip (rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values, NULL))
    {
    case CPL_TRI_TRUE:    return 0;
    case CPL_TRI_UNKNOWN: return 1;
    case CPL_TRI_FALSE:
    default:              return 2;
    }
}

static int
sort_cells (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  CellSpec *spec = user_data;
  CplChip *x = (CplChip *) a;
  CplChip *y = (CplChip *) b;

  spec->view->unknown_item = NULL;
  if (spec->rule != NULL)
    return compare_numbers (verdict_rank (spec->rule, x), verdict_rank (spec->rule, y));
  /* domestic, no licence needed, denied, licensable, needs data, not yet
   * released */
  if (spec->column == COL_STATUS)
    return compare_numbers (shown_status_rank (spec->view, x), shown_status_rank (spec->view, y));
  if (columns[spec->column].decimals >= 0)
    {
      double u = column_number (spec->view, x, spec->column);
      double v = column_number (spec->view, y, spec->column);

      /* the comparison that decides, if it is this one, for the wrapper */
      if (isnan (u) != isnan (v))
        spec->view->unknown_item = isnan (u) ? a : b;
      return compare_numbers (u, v);
    }
  {
    g_autofree char *tx = column_text (spec->view, x, spec->column);
    g_autofree char *ty = column_text (spec->view, y, spec->column);
    return g_utf8_collate (tx, ty);
  }
}

/* The titles of the frozen columns ellipsize, whole in their tooltip: a
 * title sets its column's minimum width, and "Status in China" made that
 * column wider than a 360 px window leaves it, so that its cells were
 * cut off instead of ellipsized. */
static void
ellipsize_titles (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (widget, gtk_label_get_text (GTK_LABEL (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    /* the header only, before the rows */
    if (!GTK_IS_LIST_VIEW (child) && g_strcmp0 (gtk_widget_get_css_name (child), "listview") != 0)
      ellipsize_titles (child);
}

static GtkColumnViewColumn *
column_new (CplChipsView *self,
            int           column,
            CplRule      *rule)
{
  g_autoptr(GtkListItemFactory) factory = cell_factory_new (self, column, rule);
  CellSpec *spec = g_object_get_data (G_OBJECT (factory), "cpl-cell-spec");
  const char *title = rule ? cpl_entity_get_name (CPL_ENTITY (rule)) : _(columns[column].title);
  GtkColumnViewColumn *view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (sort_cells, spec, NULL));

  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  /* the name and status size to their text, and ellipsize when the
   * window is narrow (the frozen part gets about half of it, or on a
   * folded window the width of a status: apply_narrow()) */
  if (column == COL_VENDOR)
    gtk_column_view_column_set_fixed_width (view_column, 90);
  if (rule != NULL)
    g_object_set_data_full (G_OBJECT (view_column), "cpl-rule", g_object_ref (rule), g_object_unref);
  return view_column;
}

static void
on_quick_pick (gpointer     data,
               const GDate *date)
{
  CplChipsView *self = data;

  cpl_chips_view_set_date (self, date);
  gtk_menu_button_popdown (self->date_button);
}

/* The date control's quick picks: every date a rule comes into force. */
static void
cpl_chips_view_rebuild_quick_picks (CplChipsView *self)
{
  cpl_rule_dates_fill (self->quick_box, self->dataset, on_quick_pick, self);
}

/* One column per rule, rebuilt when the rules change. */
static void
cpl_chips_view_rebuild_rule_columns (CplChipsView *self)
{
  GListModel *rules = cpl_dataset_get_rules (self->dataset);

  cpl_chips_view_rebuild_quick_picks (self);

  for (guint i = 0; i < self->rule_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->rule_columns, i));
  g_ptr_array_set_size (self->rule_columns, 0);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      GtkColumnViewColumn *column = column_new (self, -1, rule);

      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->rule_columns, column);
    }
}

/* Unknown values last, in both directions.  GTK 4.8 sorts a column view
 * by reversing the column's order for a descending sort, which would put
 * unknown values first, and it has no API to ask which column sorts (4.10
 * added one).  This sorter wraps the column view's: the column sorters
 * note, in sort_cells(), when one of the two values they compare is
 * unknown; the column view stops at the first column that tells the rows
 * apart, so what is noted when it returns is that column's, and the row
 * with the unknown value goes after the other whichever way it sorts. */
static int
sort_unknown_last (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CplChipsView *self = user_data;
  GtkOrdering order;

  self->unknown_item = NULL;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (self->sorted_view), (gpointer) a, (gpointer) b);
  if (self->unknown_item != NULL)
    return self->unknown_item == a ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
  return order;
}

static void
on_column_sort_changed (CplChipsView *self)
{
  /* not a plain inversion: unknown values stay last */
  gtk_sorter_changed (self->unknown_last, GTK_SORTER_CHANGE_DIFFERENT);
}

/* The two column views share one sort model: a click on a header in
 * either sorts both, and the other view's header drops its arrow. */
static void
on_view_sorter_changed (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        CplChipsView    *self)
{
  GtkColumnView *view = sorter == gtk_column_view_get_sorter (self->frozen_view) ? self->frozen_view
                                                                                   : self->column_view;

  if (!self->syncing_sort)
    {
      self->sorted_view = view;
      self->syncing_sort = TRUE;
      gtk_column_view_sort_by_column (view == self->frozen_view ? self->column_view : self->frozen_view,
                                      NULL, GTK_SORT_ASCENDING);
      self->syncing_sort = FALSE;
    }
  on_column_sort_changed (self);
}

/* Filtering -------------------------------------------------------------- */

static gboolean
filter_chip (gpointer item,
             gpointer user_data)
{
  CplChipsView *self = user_data;
  CplChip *chip = item;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint vendor = gtk_drop_down_get_selected (self->vendor_dropdown);
  guint origin = gtk_drop_down_get_selected (self->origin_dropdown);

  if (vendor != GTK_INVALID_LIST_POSITION && vendor > 0 && vendor < self->vendor_ids->len &&
      g_strcmp0 (g_ptr_array_index (self->vendor_ids, vendor), cpl_chip_get_vendor_id (chip)) != 0)
    return FALSE;
  /* origin: 0 all, 1 foreign, 2 domestic */
  if ((origin == 1 && cpl_chip_get_domestic (chip)) || (origin == 2 && !cpl_chip_get_domestic (chip)))
    return FALSE;
  /* in any language the name has: "nvidia" finds 英伟达's chips */
  return cpl_dataset_chip_matches (self->dataset, chip, search);
}

static void
on_filter_input_changed (CplChipsView *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  cpl_chips_view_update_map (self);
}

static void
cpl_chips_view_rebuild_vendor_filter (CplChipsView *self)
{
  GListModel *vendors = cpl_dataset_get_vendors (self->dataset);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->vendor_ids, 0);
  gtk_string_list_append (names, _("All vendors"));
  g_ptr_array_add (self->vendor_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (vendors); i++)
    {
      g_autoptr(CplEntity) vendor = g_list_model_get_item (vendors, i);

      gtk_string_list_append (names, cpl_entity_get_name (vendor));
      g_ptr_array_add (self->vendor_ids, g_strdup (cpl_entity_get_id (vendor)));
    }
  gtk_drop_down_set_model (self->vendor_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->vendor_dropdown, 0);
}

/* Detail ----------------------------------------------------------------- */


/* Characters of a value that always show; a longer one may ellipsize. */
#define VALUE_CHARS 16

static GtkWidget *
add_value_row (GtkWidget  *group,
               const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* one line: a value asks for its whole width, and the title beside it
   * wraps instead (a wrapping value was squeezed to "900" over "GB/"
   * over "s"); only a long one, such as a cost with its unit, gives way
   * to the title, ellipsized and whole in its tooltip */
  if (g_utf8_strlen (value, -1) > VALUE_CHARS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), VALUE_CHARS);
      gtk_widget_set_tooltip_text (label, value);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

/* Returns: (nullable): the row, or NULL when @value is not given */
static GtkWidget *
add_number_row (GtkWidget  *group,
                const char *title,
                double      value,
                int         decimals,
                const char *unit_format)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (isnan (value))
    return NULL;
  number = cpl_format_number (value, decimals);
  text = unit_format ? cpl_format_with_unit (unit_format, number) : g_steal_pointer (&number);
  return add_value_row (group, title, text);
}

static void
on_source_activated (AdwActionRow *row,
                     CplChipsView *self)
{
  const char *url = g_object_get_data (G_OBJECT (row), "cpl-url");

  /* Links open only on the user's click, in the browser the desktop picks. */
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url, GDK_CURRENT_TIME);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* A row of the detail pane: a verdict as an icon before @title and as
 * words on the first line of @subtitle, so what follows gets the pane's
 * whole width. */
static GtkWidget *
verdict_row_new (const char *title,
                 const char *subtitle,
                 const char *icon_name,
                 const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = cpl_decorative_icon_new (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (icon, css_class);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 12);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* A chip's figure as its detail writes it (add_figure_row(),
 * cpl_notes_caveat()), and in @title its name. */
static char *
format_figure (guint        index,
               double       value,
               const char **title,
               gpointer     data)
{
  static const struct {
    guint       field;
    const char *title;        /* N_() */
    int         decimals;
    const char *unit_format;  /* N_() */
  } figures[] = {
    { CPL_CHIP_MEMORY_GB, N_("Memory"), 0, N_("%s GB") },
    { CPL_CHIP_BANDWIDTH_TBS, N_("Memory bandwidth"), 2, N_("%s TB/s") },
    { CPL_CHIP_INTERCONNECT_GBS, N_("Interconnect"), 0, N_("%s GB/s") },
    { CPL_CHIP_TDP_W, N_("TDP"), 0, N_("%s W") },
    { CPL_CHIP_DIE_AREA_MM2, N_("Die area"), 0, N_("%s mm²") },
    { CPL_CHIP_UNIT_COST_USD, N_("Unit cost"), 0, N_("$%s") },
  };
  g_autofree char *number = NULL;

  if (index == CPL_CHIP_PRICE_USD)
    {
      *title = _("Price");
      return cpl_format_money_exact (value);
    }
  if (index >= CPL_CHIP_PERFORMANCE)
    {
      CplPrecision p = index - CPL_CHIP_PERFORMANCE;
      g_autofree char *key = g_ascii_strup (cpl_precision_get_key (p), -1);
      /* Translators: dense throughput at a precision, "BF16 (dense)" */
      g_autofree char *name = g_strdup_printf (_("%s (dense)"), key);

      /* one of a few names, kept for the caller */
      *title = g_intern_string (name);
      number = cpl_format_number (value, 1);
      return isnan (value) ? g_strdup ("—")
             : cpl_format_with_unit (p == CPL_PRECISION_INT8 || p == CPL_PRECISION_INT4 ? _("%s TOPS") : _("%s TFLOPS"),
                                     number);
    }
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    if (figures[i].field == index)
      {
        *title = _(figures[i].title);
        number = cpl_format_number (value, figures[i].decimals);
        return isnan (value) ? g_strdup ("—") : cpl_format_with_unit (_(figures[i].unit_format), number);
      }
  return NULL;
}

/* The row of @chip's figure @field, as format_figure() writes it; none
 * when the figure is unknown. */
static GtkWidget *
add_figure_row (GtkWidget *group,
                CplChip   *chip,
                guint      field)
{
  double value = cpl_entity_get_number (CPL_ENTITY (chip), field);
  const char *title = NULL;
  g_autofree char *text = NULL;

  if (isnan (value))
    return NULL;
  text = format_figure (field, value, &title, NULL);
  return add_value_row (group, title, text);
}

static void
cpl_chips_view_update_detail (CplChipsView *self)
{
  CplChip *chip = self->shown;
  GListModel *rules;
  gboolean domestic;
  GtkWidget *group;
  CplChipMetrics m;
  const char * const *sources;
  g_autofree char *tpp_title = NULL;

  clear_box (self->detail_box);
  if (chip == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "cpl-chips-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Chip Selected"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Pick a chip in the table or on the map to see its figures, "
                                         "the rules that catch it and how far it is from each line."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->detail_box, status);
      gtk_label_set_text (self->detail_title, "");
      return;
    }

  cpl_chip_metrics_compute (chip, &m);
  gtk_label_set_text (self->detail_title, cpl_entity_get_name (CPL_ENTITY (chip)));

  /* The verdict first, as the table gives it, then the rules behind it:
   * it is what the analyst came for. */
  {
    double share;
    g_autofree char *subtitle = NULL;
    CplChipStatus status = chip_status_explained (self, chip, &share, &subtitle);
    const char *icon_name, *css_class;
    /* as its table cell says it: a chip not yet on sale on the view's
     * date says so first, then what the rules would have said of it */
    g_autofree char *title = cpl_chip_shown_status (chip, &self->date, status, share, &subtitle, &icon_name,
                                                    &css_class);
    /* the rules' names keep their dates whole: "（2025 年 12" ended a
     * phone's line, "月）" began the next */
    g_autofree char *kept = cpl_text_keep_dates (subtitle);

    group = cpl_group_append (GTK_WIDGET (self->detail_box), _("Status in China"), NULL);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               verdict_row_new (title, kept, icon_name, css_class));
  }

  /* a domestic chip's verdicts are what the rules would say of it as a
   * US export: its own sale in China is not subject to them */
  domestic = cpl_chip_is_chinese (self->dataset, chip);
  group = cpl_group_append (GTK_WIDGET (self->detail_box), _("Export Rules"),
                            domestic
                              ? _("What each rule would say of this chip if it were exported from the United "
                                  "States; its sale in China is not subject to them.")
                              : NULL);
  rules = cpl_dataset_get_rules (self->dataset);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      g_autofree char *described = cpl_rule_describe_margins (rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values);
      /* "2.91 TPP/mm²" broke at its slash */
      g_autofree char *margins = cpl_text_keep_units (described);
      g_autofree char *tooltip = cpl_rule_describe_verdict (rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values);
      CplTriState verdict = cpl_rule_evaluate_chip (rule, cpl_entity_get_id (CPL_ENTITY (chip)), m.values, NULL);
      g_autofree char *label = cpl_rule_verdict_get_label (rule, verdict, domestic);
      /* a rule that only names chips has no threshold to measure */
      g_autofree char *subtitle = *margins ? g_strdup_printf ("%s\n%s", label, margins) : g_strdup (label);
      g_autofree char *not_in_force = cpl_rule_describe_in_force (rule, &self->date);
      const char *icon_name, *css_class;
      GtkWidget *row;

      /* the verdict looks as in the table's rule columns; a rule not in
       * force on the view's date says so first, and its verdict, which
       * decides nothing that day, is in grey */
      cpl_rule_verdict_get_style (rule, verdict, &icon_name, &css_class);
      if (not_in_force != NULL)
        {
          /* "1 June" over "2025" broke */
          g_autofree char *kept = cpl_text_keep_dates (not_in_force);
          char *with_date = g_strdup_printf ("%s\n%s", kept, subtitle);

          g_free (subtitle);
          subtitle = with_date;
          css_class = "dim-label";
        }
      /* and a domestic chip's, which decide nothing of its sale in China */
      if (domestic)
        css_class = "dim-label";
      row = verdict_row_new (cpl_entity_get_name (CPL_ENTITY (rule)), subtitle, icon_name, css_class);
      /* as its table cell's: a domestic chip's verdict is the rule's word
       * on it as a US export, not on its sale ("…: Controlled" alone
       * under "Domestic") */
      if (domestic)
        {
          char *said = g_strdup_printf ("%s\n%s", cpl_chip_status_describe (CPL_CHIP_STATUS_DOMESTIC), tooltip);

          g_free (tooltip);
          tooltip = said;
        }
      gtk_widget_set_tooltip_text (row, tooltip);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  group = cpl_group_append (GTK_WIDGET (self->detail_box), _("Figures"), NULL);
  add_value_row (group, _("Vendor"), chip_vendor_name (self->dataset, chip));
  add_value_row (group, _("Origin"), cpl_chip_get_domestic (chip) ? _("Domestic") : _("Foreign"));
  if (cpl_chip_get_released (chip))
    add_value_row (group, _("Released"), cpl_chip_get_released (chip));
  if (cpl_chip_get_process (chip))
    add_value_row (group, _("Process"), cpl_chip_get_process (chip));
  if (m.tpp_precision >= 0)
    {
      /* written as the rows below write it, "FP16", not the key "fp16" */
      g_autofree char *precision = g_ascii_strup (cpl_precision_get_key (m.tpp_precision), -1);

      /* Translators: %s is a precision such as FP8 */
      tpp_title = g_strdup_printf (_("TPP (from %s)"), precision);
    }
  add_number_row (group, tpp_title ? tpp_title : _("TPP"), m.values[CPL_METRIC_TPP], 0, NULL);
  /* Translators: a performance density, TPP per square millimetre of die */
  add_number_row (group, _("Performance density"), m.values[CPL_METRIC_PERFORMANCE_DENSITY], 2, _("%s TPP/mm²"));
  add_figure_row (group, chip, CPL_CHIP_MEMORY_GB);
  {
    double tbs = cpl_chip_get (chip, CPL_CHIP_BANDWIDTH_TBS);
    GtkWidget *row = add_figure_row (group, chip, CPL_CHIP_BANDWIDTH_TBS);

    /* the datasheet's TB/s, and under it the GB/s the rules' lines are
     * in ("memory bandwidth 4,800 GB/s: 1,700 below the 6,500 line") */
    if (row != NULL)
      {
        g_autofree char *gbs = cpl_metric_format_value (CPL_METRIC_BANDWIDTH_GBS, tbs * 1000);
        /* Translators: under a chip's memory bandwidth in TB/s: "4,800 GB/s, the unit of the export rules" */
        g_autofree char *subtitle = g_strdup_printf (_("%s, the unit of the export rules"), gbs);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
  }
  add_figure_row (group, chip, CPL_CHIP_INTERCONNECT_GBS);
  add_figure_row (group, chip, CPL_CHIP_TDP_W);
  add_figure_row (group, chip, CPL_CHIP_DIE_AREA_MM2);
  for (guint p = 0; p < CPL_N_PRECISIONS; p++)
    add_figure_row (group, chip, CPL_CHIP_PERFORMANCE + p);
  add_number_row (group, _("16-bit TFLOPS per watt"), m.perf_per_watt, 2, NULL);
  add_number_row (group, _("Bytes per 16-bit FLOP"), m.bytes_per_flop, 4, NULL);
  add_figure_row (group, chip, CPL_CHIP_PRICE_USD);
  add_figure_row (group, chip, CPL_CHIP_UNIT_COST_USD);
  add_number_row (group, _("Cost of compute"), column_number (self, chip, COL_COST), 0, _("$%s per PFLOP/s-year"));

  group = cpl_notes_group_append (GTK_WIDGET (self->detail_box));
  cpl_notes_group_set_editable (group, _("Where the chip's figures come from: datasheets, estimates and their "
                                         "sources."));
  cpl_notes_group_show (group, CPL_ENTITY (chip));
  {
    /* a file that gives a built-in chip new figures under its notes */
    g_autofree char *caveat = cpl_notes_caveat (CPL_ENTITY (chip), format_figure, NULL, NULL);

    cpl_notes_group_set_caveat (group, caveat);
  }

  sources = cpl_chip_get_sources (chip);
  if (sources[0] != NULL)
    {
      group = cpl_group_append (GTK_WIDGET (self->detail_box), _("Sources"), NULL);
      for (guint i = 0; sources[i] != NULL; i++)
        {
          g_autoptr(GUri) uri = g_uri_parse (sources[i], G_URI_FLAGS_NONE, NULL);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : sources[i]);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sources[i]);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
          gtk_widget_set_tooltip_text (row, sources[i]);
          if (uri != NULL && (g_str_equal (g_uri_get_scheme (uri), "https") ||
                              g_str_equal (g_uri_get_scheme (uri), "http")))
            {
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), cpl_decorative_icon_new ("adw-external-link-symbolic"));
              g_object_set_data_full (G_OBJECT (row), "cpl-url", g_strdup (sources[i]), g_free);
              g_signal_connect_object (row, "activated", G_CALLBACK (on_source_activated), self, 0);
            }
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }
}

/* Returns: (transfer none) (nullable): the chip whose detail is shown. */
CplChip *
cpl_chips_view_get_shown_chip (CplChipsView *self)
{
  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  return self->shown;
}

void
cpl_chips_view_show_chip (CplChipsView *self,
                          CplChip      *chip)
{
  g_return_if_fail (CPL_IS_CHIPS_VIEW (self));

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, cpl_chips_view_update_detail, self);
  if (chip != self->shown)
    cpl_scroll_to_top (GTK_WIDGET (self->detail_box));
  g_set_object (&self->shown, chip);
  if (chip != NULL)
    g_signal_connect_object (chip, "changed", G_CALLBACK (cpl_chips_view_update_detail), self, G_CONNECT_SWAPPED);
  cpl_chips_view_update_detail (self);
  cpl_scatter_chart_set_selected (self->map, chip ? cpl_entity_get_id (CPL_ENTITY (chip)) : NULL);
}

/* Selection -------------------------------------------------------------- */

static void
on_selection_changed (CplChipsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = (guint) gtk_bitset_get_size (selected);

  if (n == 1)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                       gtk_bitset_get_nth (selected, 0));
      cpl_chips_view_show_chip (self, chip);
      /* on a phone the detail is a page of its own: a tap on a row opens
       * it, as a double click or Enter does on a wide window */
      if (adw_leaflet_get_folded (self->leaflet))
        cpl_leaflet_show (self->leaflet, self->detail_page);
    }
}

static void
on_row_activated (GtkColumnView *view,
                  guint          position,
                  CplChipsView  *self)
{
  g_autoptr(CplChip) chip = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  cpl_chips_view_show_chip (self, chip);
  cpl_leaflet_show (self->leaflet, self->detail_page);
}

/* Hover across the two parts --------------------------------------------
 * The table is two column views side by side, and GTK lights the row
 * under the pointer in one of them only: half a row.  The same row of
 * the other part is lit with it, in the state GTK gives a row under the
 * pointer (:hover), so a row reads as one line across the table. */

/* The position of the row at (@x, @y) of @view, or
 * GTK_INVALID_LIST_POSITION. */
static guint
row_position_at (GtkWidget *view,
                 double     x,
                 double     y)
{
  for (GtkWidget *w = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT); w != NULL && w != view;
       w = gtk_widget_get_parent (w))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (w), "cpl-list-item");

      if (item != NULL)
        return gtk_list_item_get_position (item);
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The row widget under @widget showing @position, if there is one (a
 * list view makes rows only for what is in or near its view). */
static GtkWidget *
row_widget_at (GtkWidget *widget,
               guint      position)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "cpl-list-item");

  if (item != NULL)
    {
      if (gtk_list_item_get_position (item) != position)
        return NULL;
      /* the cell's child, in its cell, in its row */
      while (widget != NULL && !g_str_equal (gtk_widget_get_css_name (widget), "row"))
        widget = gtk_widget_get_parent (widget);
      return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = row_widget_at (child, position);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
light_twin (CplChipsView *self,
            GtkWidget    *row)
{
  if (row == self->hover_twin)
    return;
  if (self->hover_twin != NULL)
    gtk_widget_unset_state_flags (self->hover_twin, GTK_STATE_FLAG_PRELIGHT);
  g_set_weak_pointer (&self->hover_twin, row);
  if (row != NULL)
    gtk_widget_set_state_flags (row, GTK_STATE_FLAG_PRELIGHT, FALSE);
}

static void
on_table_motion (GtkEventControllerMotion *motion,
                 double                    x,
                 double                    y,
                 CplChipsView             *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
  GtkWidget *other = view == GTK_WIDGET (self->frozen_view) ? GTK_WIDGET (self->column_view)
                                                             : GTK_WIDGET (self->frozen_view);
  guint position = row_position_at (view, x, y);

  light_twin (self, position == GTK_INVALID_LIST_POSITION ? NULL : row_widget_at (other, position));
}

static void
on_table_leave (CplChipsView *self)
{
  light_twin (self, NULL);
}

static void
watch_hover (CplChipsView  *self,
             GtkColumnView *view)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect_object (motion, "enter", G_CALLBACK (on_table_motion), self, 0);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_table_motion), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_table_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), motion);
}

/* Threshold map ---------------------------------------------------------- */

static void
cpl_chips_view_update_map (CplChipsView *self)
{
  if (self->map == NULL || self->dataset == NULL)
    return;

  cpl_threshold_map_fill (self->map, self->dataset, G_LIST_MODEL (self->sorted), &self->date);
  if (self->shown != NULL)
    cpl_scatter_chart_set_selected (self->map, cpl_entity_get_id (CPL_ENTITY (self->shown)));
  {
    g_autofree char *day = cpl_date_format_long (&self->date);
    /* Translators: under the title of an exported threshold map; %s is
     * a date, "4 December 2026": the map draws the rules of that day */
    g_autofree char *subject = g_strdup_printf (_("Rules in force on %s"), day);

    cpl_chart_set_subject (CPL_CHART (self->map), subject);
  }
}

/* The map and the timeline: Export… in their context menus, with their
 * titles on the exports. */
static void
attach_export (const char *chart_id,
               GtkWidget  *view)
{
  g_autofree char *title = cpl_chart_dup_title (chart_id);

  cpl_chart_export_enable (CPL_CHART_VIEW (view), title, NULL);
}

/* Export Chart… shows for the map's and the timeline's pages, and is
 * theirs. */
static void
show_chart_export (CplChipsView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean chart = g_strcmp0 (page, "map") == 0 || g_strcmp0 (page, "timeline") == 0;

  gtk_widget_set_visible (self->chart_export, chart);
  if (chart)
    gtk_stack_set_visible_child_name (GTK_STACK (self->chart_export), page);
}

/* A chip picked on the map or on the timeline (by its id). */
static void
on_chip_id_activated (gpointer      chart,
                      const char   *id,
                      CplChipsView *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (model, i);

      if (g_str_equal (cpl_entity_get_id (CPL_ENTITY (chip)), id))
        {
          /* select it in the table, and show it */
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          cpl_chips_view_show_chip (self, chip);
          return;
        }
    }
}

/* Actions ---------------------------------------------------------------- */

static void
on_compare_chosen (gpointer            data,
                   const char * const *chip_ids)
{
  cpl_chips_view_compare (CPL_CHIPS_VIEW (data), chip_ids);
}

/* The rows selected in the table, 2 to 4, compared at once; else (one
 * row, as on a phone, where a tap opens a chip and there is no
 * Ctrl+click) a list to tick them in, the selected ones ticked. */
static void
compare_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CplChipsView *self = CPL_CHIPS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n = (guint) gtk_bitset_get_size (selected);

  /* table order: the first row is the one the others are measured against */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CplChip) chip = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                       gtk_bitset_get_nth (selected, i));
      g_strv_builder_add (ids, cpl_entity_get_id (CPL_ENTITY (chip)));
    }
  strv = g_strv_builder_end (ids);
  if (n >= 2 && n <= 4)
    {
      cpl_chips_view_compare (self, (const char * const *) strv);
      return;
    }

  g_clear_pointer (&self->compare_chooser, gtk_widget_unparent);
  self->compare_chooser = cpl_compare_chooser_new (self->dataset, G_LIST_MODEL (self->selection),
                                                   n <= 4 ? (const char * const *) strv : NULL,
                                                   on_compare_chosen, self);
  gtk_widget_set_parent (self->compare_chooser, self->compare_button);
  cpl_popover_quiet_tooltip (self->compare_chooser);
  gtk_popover_popup (GTK_POPOVER (self->compare_chooser));
}

/* The list Compare opens with fewer than 2 rows selected, or NULL. */
GtkWidget *
cpl_chips_view_get_compare_chooser (CplChipsView *self)
{
  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  return self->compare_chooser;
}

static void
what_if_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  cpl_chips_view_show_what_if (CPL_CHIPS_VIEW (widget));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (CPL_CHIPS_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

GtkWindow *
cpl_chips_view_compare (CplChipsView       *self,
                        const char * const *chip_ids)
{
  CplEnergyTerms terms;
  GtkWindow *window;

  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  cpl_chips_view_get_energy_terms (self, &terms);
  window = GTK_WINDOW (cpl_compare_window_new (self->dataset, chip_ids, &terms, &self->date));
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
  return window;
}

GtkWindow *
cpl_chips_view_show_what_if (CplChipsView *self)
{
  GtkWindow *window;

  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  window = GTK_WINDOW (cpl_what_if_window_new (self->dataset));
  cpl_what_if_window_set_date (CPL_WHAT_IF_WINDOW (window), &self->date);
  /* from the chip shown, when there is one: "what if the H20 had…" */
  if (self->shown != NULL)
    cpl_what_if_window_start_from (CPL_WHAT_IF_WINDOW (window), self->shown);
  gtk_window_set_transient_for (window, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (window);
  return window;
}

/* The filters (vendor, origin) and the electricity price stand above
 * the table, or on a narrow window behind the button beside the search;
 * the button in the accent colour while a filter hides chips. */
static void
update_filters_shown (CplChipsView *self)
{
  gboolean filtering = gtk_drop_down_get_selected (self->vendor_dropdown) != 0 ||
                       gtk_drop_down_get_selected (self->origin_dropdown) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self->filters_toggle), self->narrow);
  gtk_revealer_set_reveal_child (self->filters_revealer,
                                 !self->narrow || gtk_toggle_button_get_active (self->filters_toggle));
  if (filtering)
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_toggle), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_toggle), "accent");
}

/* On a narrow window (the leaflet folded, when Back shows) each chip's
 * status stands under its name and the Status column goes: beside each
 * other at 360 px both ellipsized, to "H100 S…" and "Lice…".  The
 * Origin column goes too, and the filters fold away, so that the table
 * has the room. */
static void
apply_narrow (CplChipsView *self)
{
  gboolean narrow = gtk_widget_get_visible (self->back_button);

  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  update_filters_shown (self);
  self->cell_height = -1;
  gtk_widget_set_size_request (GTK_WIDGET (self->frozen_scroll), -1, -1);
  if (narrow)
    {
      /* a name over a status, measured as the cells will be; a name
       * may be Latin, Chinese or both (the line as tall as the taller
       * font), and the status is the widest one of the built-in rules,
       * a licence at a share ("Licensable · 25% share") */
      GtkWidget *cell = g_object_ref_sink (name_cell_new ());
      GtkWidget *status = gtk_widget_get_last_child (cell);
      int width;

      gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (cell)), "H100 昇腾");
      cpl_status_box_set (status, CPL_CHIP_STATUS_LICENSABLE, .25, NULL);
      gtk_widget_set_visible (status, TRUE);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, NULL, &self->cell_height, NULL, NULL);
      /* the frozen part as wide as that status and the cell's padding,
       * where the sharing out of the width gave it about half (which cut
       * the share off at 360 px); at most NARROW_FROZEN_MAX, so that the
       * other columns keep room */
      gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_set_size_request (GTK_WIDGET (self->frozen_scroll), MIN (width + CELL_PADDING, NARROW_FROZEN_MAX), -1);
      g_object_unref (cell);
    }
  gtk_column_view_column_set_visible (self->fixed_columns[COL_STATUS], !narrow);
  /* the status under the name says "Domestic" where the origin is, and
   * the origin column's room goes to the figures */
  gtk_column_view_column_set_visible (self->fixed_columns[COL_ORIGIN], !narrow);
  g_signal_emit (self, signals[REFRESH], 0);
}

/* Life cycle ------------------------------------------------------------- */

/* The button shows the date as ISO (2026-02-01), clear in every language. */
static void
cpl_chips_view_show_date (CplChipsView *self)
{
  g_autofree char *iso = NULL;

  iso = cpl_iso_date_format (&self->date);
  gtk_menu_button_set_label (self->date_button, iso);
  if (self->timeline != NULL)
    cpl_timeline_chart_set_date (self->timeline, &self->date);
}

/* A day picked on the timeline: the table shows the rules in force
 * then, and comes into view, as the timeline's tooltips promise ("Click
 * to see the table on the first day"; it stayed on the timeline, only
 * the date above changed). */
static void
on_timeline_date_activated (CplTimelineChart *timeline,
                            const GDate      *date,
                            CplChipsView     *self)
{
  cpl_chips_view_set_date (self, date);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

/**
 * cpl_chips_view_set_date:
 *
 * Shows each chip's status under the rules in force on @date.
 */
void
cpl_chips_view_set_date (CplChipsView *self,
                         const GDate  *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (CPL_IS_CHIPS_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (date, &self->date) == 0)
    return;
  self->date = *date;
  cpl_chips_view_show_date (self);
  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
  /* its day-selected comes back here with the date already set */
  gtk_calendar_select_day (self->calendar, day);
  g_signal_emit (self, signals[REFRESH], 0);
  on_column_sort_changed (self);
  /* the map's points wear the statuses of the day, and the detail gives
   * the shown chip's status and the rules in force on it */
  cpl_chips_view_update_map (self);
  cpl_chips_view_update_detail (self);
}

const GDate *
cpl_chips_view_get_date (CplChipsView *self)
{
  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  return &self->date;
}

/* The calendar's date changed: a day picked, or a month or year turned
 * (GtkCalendar moves its date along, without "day-selected"). */
static void
on_calendar_date_changed (CplChipsView *self)
{
  GDate date;

  cpl_calendar_get_day (self->calendar, &date);
  cpl_chips_view_set_date (self, &date);
}

static void
on_day_selected (CplChipsView *self)
{
  on_calendar_date_changed (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
on_energy_changed (CplChipsView *self)
{
  g_signal_emit (self, signals[REFRESH], 0);
  cpl_chips_view_update_detail (self);
}

static void
cpl_chips_view_dispose (GObject *object)
{
  CplChipsView *self = CPL_CHIPS_VIEW (object);

  if (self->dataset != NULL)
    {
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_rules (self->dataset), self);
      g_signal_handlers_disconnect_by_data (cpl_dataset_get_vendors (self->dataset), self);
      g_signal_handlers_disconnect_by_data (self->dataset, self);
    }
  g_clear_weak_pointer (&self->hover_twin);
  g_clear_pointer (&self->compare_chooser, gtk_widget_unparent);
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  if (self->unknown_last != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->frozen_view), self);
    }
  g_clear_object (&self->unknown_last);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->vendor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->rule_columns, g_ptr_array_unref);
  G_OBJECT_CLASS (cpl_chips_view_parent_class)->dispose (object);
}

static void
cpl_chips_view_class_init (CplChipsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cpl_chips_view_dispose;

  /**
   * CplChipsView::refresh:
   *
   * The inputs every cell may read (electricity price, subsidy) changed.
   */
  signals[REFRESH] = g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-chips-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, table_grid);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, main_page);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, separator);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, detail_page);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, vendor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, origin_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, filters_toggle);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, filters_revealer);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, filters_flow);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, electricity_spin);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, subsidy_spin);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, date_button);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, frozen_view);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, frozen_scroll);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, table_scroll);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, table_hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, map_bin);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, page_switcher);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, CplChipsView, detail_box);

  gtk_widget_class_install_action (widget_class, "chips.compare", NULL, compare_activated);
  gtk_widget_class_install_action (widget_class, "chips.what-if", NULL, what_if_activated);
  gtk_widget_class_install_action (widget_class, "chips.back", NULL, back_activated);
}

static void
cpl_chips_view_init (CplChipsView *self)
{
  static const char *origins[] = { N_("All origins"), N_("Foreign"), N_("Domestic"), NULL };
  g_autoptr(GtkStringList) origin_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the search, the date and the filters: Tab goes from one to the next */
  for (GtkWidget *child = gtk_widget_get_first_child (self->main_page); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_FLOW_BOX (child))
      cpl_flow_box_make_plain (child);
  cpl_flow_box_make_plain (self->filters_flow);

  /* the date control: a day picked on the calendar is the date at once */
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->quick_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_menu_button_set_popover (self->date_button,
                               cpl_date_popover_new (GTK_WIDGET (self->calendar), self->quick_box));

  /* today, as the calendar shows it on opening */
  cpl_calendar_get_day (self->calendar, &self->date);
  cpl_chips_view_show_date (self);
  self->vendor_ids = g_ptr_array_new_with_free_func (g_free);
  self->rule_columns = g_ptr_array_new ();
  self->cell_height = -1;
  self->unknown_last = GTK_SORTER (gtk_custom_sorter_new (sort_unknown_last, self, NULL));
  self->sorted_view = self->column_view;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, 0);
  g_signal_connect_object (gtk_column_view_get_sorter (self->frozen_view), "changed",
                           G_CALLBACK (on_view_sorter_changed), self, 0);
  /* one vertical adjustment for both parts; the sideways one scrolls
   * only the right part, with the scrollbar under it */
  gtk_scrolled_window_set_vadjustment (self->frozen_scroll, gtk_scrolled_window_get_vadjustment (self->table_scroll));
  cpl_sideways_bar_follow (GTK_SCROLLBAR (self->table_hscrollbar), self->table_scroll);
  for (guint i = 0; origins[i] != NULL; i++)
    gtk_string_list_append (origin_names, _(origins[i]));
  gtk_drop_down_set_model (self->origin_dropdown, G_LIST_MODEL (origin_names));

  gtk_box_append (self->actions_box, cpl_table_actions_new (GTK_WIDGET (self), self->table_grid, chips_table_text));

  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  cpl_show_when_folded (self->back_button, self->leaflet);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      self->fixed_columns[c] = column_new (self, c, NULL);
      gtk_column_view_append_column (column_view_of (self, c), self->fixed_columns[c]);
      g_object_unref (self->fixed_columns[c]);
    }
  ellipsize_titles (GTK_WIDGET (self->frozen_view));
  /* Back shows when the leaflet has folded, after its allocation */
  g_signal_connect_object (self->back_button, "notify::visible", G_CALLBACK (apply_narrow), self, G_CONNECT_SWAPPED);
  apply_narrow (self);

  self->map = CPL_SCATTER_CHART (cpl_chart_new_for ("threshold-map", FALSE));
  adw_bin_set_child (self->map_bin, cpl_chart_view_new_take (self->map));
  attach_export ("threshold-map", adw_bin_get_child (self->map_bin));
  g_signal_connect_object (self->map, "point-activated", G_CALLBACK (on_chip_id_activated), self, 0);

  /* three pages: each button as wide as its title, not all as the widest,
   * so the switcher still fits a phone's width */
  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (self->page_switcher)), FALSE);

  self->timeline = CPL_TIMELINE_CHART (cpl_chart_new_for ("timeline", FALSE));
  cpl_timeline_chart_set_date (self->timeline, &self->date);
  adw_bin_set_child (self->timeline_bin, cpl_chart_view_new_take (self->timeline));
  attach_export ("timeline", adw_bin_get_child (self->timeline_bin));

  /* the chart page shown has Export… beside the table's menu, as a chart's
   * card has it beside its title */
  self->chart_export = gtk_stack_new ();
  gtk_widget_set_valign (self->chart_export, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (self->chart_export),
                       cpl_chart_export_button_new (CPL_CHART_VIEW (adw_bin_get_child (self->map_bin))), "map");
  gtk_stack_add_named (GTK_STACK (self->chart_export),
                       cpl_chart_export_button_new (CPL_CHART_VIEW (adw_bin_get_child (self->timeline_bin))), "timeline");
  gtk_box_append (self->actions_box, self->chart_export);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name", G_CALLBACK (show_chart_export),
                           self, G_CONNECT_SWAPPED);
  show_chart_export (self);
  g_signal_connect_object (self->timeline, "date-activated", G_CALLBACK (on_timeline_date_activated), self, 0);
  g_signal_connect_object (self->timeline, "chip-activated", G_CALLBACK (on_chip_id_activated), self, 0);

  /* typed numbers read as in the number rows: "０．１２", "２５％" */
  cpl_spin_button_read_typed (self->electricity_spin, CPL_PARSE_NUMBER_DEFAULT);
  cpl_spin_button_read_typed (self->subsidy_spin, CPL_PARSE_NUMBER_PERCENT);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_filter_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vendor_dropdown, "notify::selected", G_CALLBACK (on_filter_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->origin_dropdown, "notify::selected", G_CALLBACK (on_filter_input_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vendor_dropdown, "notify::selected", G_CALLBACK (update_filters_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->origin_dropdown, "notify::selected", G_CALLBACK (update_filters_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters_toggle, "notify::active", G_CALLBACK (update_filters_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->electricity_spin, "value-changed", G_CALLBACK (on_energy_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subsidy_spin, "value-changed", G_CALLBACK (on_energy_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_row_activated), self, 0);
  g_signal_connect_object (self->frozen_view, "activate", G_CALLBACK (on_row_activated), self, 0);
  watch_hover (self, self->frozen_view);
  watch_hover (self, self->column_view);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (on_calendar_date_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (on_calendar_date_changed), self, G_CONNECT_SWAPPED);
  cpl_chips_view_update_detail (self);
}

/* Chips come and go (a deletion, an undo, a file): an undo puts back the
 * very objects, so the detail keeps its chip while it is in the list. */
static void
on_chips_changed (CplChipsView *self)
{
  if (self->shown != NULL &&
      cpl_dataset_position (self->dataset, CPL_ENTITY (self->shown)) == G_MAXUINT)
    cpl_chips_view_show_chip (self, NULL);
}

static void
update_after_edits (gpointer data)
{
  CplChipsView *self = data;

  /* a rename or an edit can move a chip in or out of the filter and order */
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  cpl_chips_view_update_map (self);
}

/* Once per frame, and only while the view is shown. */
static void
on_dataset_entry_changed (CplChipsView *self)
{
  cpl_deferred_update_queue (GTK_WIDGET (self), update_after_edits, self);
}

/* The timeline works out every chip's status at every rule change (2 s
 * for 10,000 chips): its page fills when first shown, not with the table. */
static void
fill_timeline_when_shown (CplChipsView *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "timeline") != 0)
    return;
  g_signal_handlers_disconnect_by_func (self->content_stack, fill_timeline_when_shown, self);
  cpl_timeline_chart_set_dataset (self->timeline, self->dataset);
}

void
cpl_chips_view_set_dataset (CplChipsView *self,
                            CplDataset   *dataset)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (CPL_IS_CHIPS_VIEW (self));
  g_return_if_fail (self->dataset == NULL);

  self->dataset = g_object_ref (dataset);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_chip, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (cpl_dataset_get_chips (dataset)), g_object_ref (self->filter));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (self->unknown_last));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->frozen_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (cpl_chips_view_update_map), self, G_CONNECT_SWAPPED);

  cpl_chips_view_rebuild_vendor_filter (self);
  cpl_chips_view_rebuild_rule_columns (self);
  g_signal_connect_object (cpl_dataset_get_rules (dataset), "items-changed",
                           G_CALLBACK (cpl_chips_view_rebuild_rule_columns), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cpl_dataset_get_vendors (dataset), "items-changed",
                           G_CALLBACK (cpl_chips_view_rebuild_vendor_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (on_dataset_entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cpl_dataset_get_chips (dataset), "items-changed",
                           G_CALLBACK (on_chips_changed), self, G_CONNECT_SWAPPED);
  cpl_chips_view_update_map (self);
  g_signal_connect_object (self->content_stack, "notify::visible-child-name", G_CALLBACK (fill_timeline_when_shown),
                           self, G_CONNECT_SWAPPED);
  fill_timeline_when_shown (self);
}

/* The timeline of every foreign chip's status, for tests. */
CplTimelineChart *
cpl_chips_view_get_timeline (CplChipsView *self)
{
  g_return_val_if_fail (CPL_IS_CHIPS_VIEW (self), NULL);
  return self->timeline;
}

/* For tests and the comparison: what the table shows. ------------------- */

guint
cpl_chips_view_get_n_rows (CplChipsView *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

/* Returns: (transfer none) (nullable): the chip in @row of the table. */
CplChip *
cpl_chips_view_get_row_chip (CplChipsView *self,
                             guint         row)
{
  g_autoptr(CplChip) chip = NULL;

  cpl_deferred_update_flush (GTK_WIDGET (self));
  chip = g_list_model_get_item (G_LIST_MODEL (self->selection), row);
  return chip;  /* the dataset holds it */
}

static int
find_column (const char *column_id)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (g_str_equal (columns[c].id, column_id))
      return c;
  return -1;
}

/**
 * cpl_chips_view_get_cell_text:
 * @column_id: a column's id ("tpp", "name", …) or "rule:" and a rule id
 *
 * Returns: (transfer full) (nullable): the text of the cell, as shown.
 */
char *
cpl_chips_view_get_cell_text (CplChipsView *self,
                              guint         row,
                              const char   *column_id)
{
  CplChip *chip = cpl_chips_view_get_row_chip (self, row);
  int column = find_column (column_id);

  if (chip == NULL)
    return NULL;
  if (g_str_has_prefix (column_id, "rule:"))
    {
      CplRule *rule = CPL_RULE (cpl_dataset_lookup (self->dataset, CPL_TYPE_RULE, column_id + 5));
      CplChipMetrics m;

      if (rule == NULL)
        return NULL;
      cpl_chip_metrics_compute (chip, &m);
      return cpl_rule_verdict_get_label (rule, cpl_rule_evaluate_chip (rule, cpl_entity_get_id (CPL_ENTITY (chip)),
                                                                       m.values, NULL),
                                         cpl_chip_is_chinese (self->dataset, chip));
    }
  return column >= 0 ? column_text (self, chip, column) : NULL;
}

/* Sorts the table as a click on the column's header does. */
gboolean
cpl_chips_view_sort_by (CplChipsView *self,
                        const char   *column_id,
                        GtkSortType   order)
{
  int column = find_column (column_id);

  if (column < 0)
    return FALSE;
  gtk_column_view_sort_by_column (column_view_of (self, column), self->fixed_columns[column], order);
  return TRUE;
}
