/* cpl-revenue-view.c: the Revenue Share view
 *
 * The question: if a vendor sells a chip to China and pays a share of the
 * revenue to the US government, who gets how much, how does it compare
 * with another rate and with the ban, and at what rate does selling stop
 * paying?  The answer comes first (a sentence, the key figures), the
 * share rate and its terms under it, in view with what they change, then
 * the table of cases, the charts and what is sold.  Inputs write to
 * the selected sale line of the dataset (so they are saved with it);
 * outputs are MODEL.md §3, recomputed on every edit.
 *
 * The totals add up only the sale lines the user ticks: lines are often
 * alternatives (the H20 at 15% or the H200 at 25%), not additions.  When
 * lines arrive and none is ticked (the built-in dataset, a file opened
 * into an empty list, the first new line), the first of them is ticked
 * with the others at its share rate: one deal, such as the August 2025
 * 15% arrangement for the H20 and the MI308X.  Any other new line (a new
 * line, a duplicate) starts unticked.  The ticks are view state.
 */
#define G_LOG_DOMAIN "cpl-revenue-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-revenue-view.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-check-list.h"
#include "views/cpl-table-actions.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-bar-chart.h"
#include "widgets/cpl-line-chart.h"

typedef enum {
  KIND_MONEY,
  KIND_UNITS,
  KIND_PERCENT,
  KIND_BREAK_EVEN,   /* a share rate; 100% or more: none, selling pays at every rate;
                      * LOSS_AT_ANY_RATE: none, selling loses at every rate */
} Kind;

/* The break-even shown when the unit cost is above the price: MODEL.md
 * §3 clamps the share to 0, where the vendor still sells at a loss. */
#define LOSS_AT_ANY_RATE (-1.0)

/* Whether the break-even share rate @share is "none": selling pays at
 * every rate (100% or more), or loses at every rate.  (Not a number, an
 * unknown one, is not "none".) */
static gboolean
no_break_even (double share)
{
  return share >= 1 || share == LOSS_AT_ANY_RATE;
}

/* In the order of CplRevenueResult's fields. */
static const struct {
  const char *id;
  const char *title;  /* N_() */
  Kind        kind;
} outputs[] = {
  { "buyer_price", N_("Buyer price per unit"), KIND_MONEY },
  { "units_shipped", N_("Units shipped"), KIND_UNITS },
  { "gross_revenue", N_("Gross revenue"), KIND_MONEY },
  { "government_take", N_("US government take"), KIND_MONEY },
  { "vendor_net_revenue", N_("Vendor net revenue"), KIND_MONEY },
  { "vendor_gross_profit", N_("Vendor gross profit"), KIND_MONEY },
  { "margin_after_share", N_("Margin after share"), KIND_PERCENT },
  { "break_even_share", N_("Break-even share rate"), KIND_BREAK_EVEN },
};

#define N_OUTPUTS G_N_ELEMENTS (outputs)
G_STATIC_ASSERT (N_OUTPUTS == sizeof (CplRevenueResult) / sizeof (double));

/* The outputs that need a sale: a price, a margin, a rate at which
 * selling stops paying.  Under a ban they are "—". */
static gboolean
output_needs_sale (guint output)
{
  return outputs[output].kind == KIND_PERCENT || outputs[output].kind == KIND_BREAK_EVEN ||
         g_str_equal (outputs[output].id, "buyer_price");
}

/* The key figures above the table, for the selected line's own rate. */
static const char * const key_outputs[] = {
  "government_take", "vendor_net_revenue", "vendor_gross_profit", "break_even_share",
};

#define N_KEYS G_N_ELEMENTS (key_outputs)

typedef enum {
  CASE_THIS,
  CASE_COMPARE,
  CASE_DIFFERENCE,
  CASE_BAN,
  N_CASES
} CaseColumn;

static const char * const case_ids[N_CASES] = { "this", "comparison", "difference", "ban" };

/* The table of the cases, twice: the four side by side, and (too narrow
 * for them: a phone) this rate and the comparison above the difference
 * and the ban.  An AdwSqueezer shows the first that fits. */
typedef enum {
  LAYOUT_WIDE,
  LAYOUT_NARROW,
  N_LAYOUTS
} Layout;

/* The inputs bound to fields of the sale line. */
static const struct {
  const char *key;       /* the field's JSON key */
  int         field;     /* CplRevenueCaseField */
  const char *title;     /* N_() */
  const char *unit;      /* N_() */
  double      scale;
  int         digits;
  int         group;     /* 0 sale, 1 share, 2 optional */
  CplCountUnit count;    /* instead of @unit: a unit that agrees with the number */
} inputs[] = {
  { "units", CPL_REVENUE_CASE_UNITS, N_("Units"), "", 1, 0, 0, CPL_COUNT_UNIT_UNITS },
  { "price_usd", CPL_REVENUE_CASE_PRICE_USD, N_("Unit price"), N_("USD"), 1, 0, 0 },
  { "revenue_share", CPL_REVENUE_CASE_REVENUE_SHARE, N_("Share rate"), "%", 100, 1, 1 },
  { "price_pass_through", CPL_REVENUE_CASE_PRICE_PASS_THROUGH, N_("Price pass-through"), "%", 100, 0, 1 },
  { "license_approval_rate", CPL_REVENUE_CASE_LICENSE_APPROVAL_RATE, N_("Licence approval rate"), "%", 100, 0, 1 },
  { "unit_cost_usd", CPL_REVENUE_CASE_UNIT_COST_USD, N_("Unit cost"), N_("USD"), 1, 0, 2 },
  { "compare_share", CPL_REVENUE_CASE_COMPARE_SHARE, N_("Comparison share rate"), "%", 100, 1, 2 },
};

#define N_INPUTS G_N_ELEMENTS (inputs)
#define N_GROUPS 3

struct _CplRevenueView
{
  AdwBin          parent_instance;

  AdwLeaflet     *leaflet;
  GtkWidget      *sidebar;
  GtkWidget      *separator;
  GtkWidget      *content_page;
  GtkWidget      *case_list;     /* a one-column GtkGridView (cpl-check-list.c) */
  GtkSingleSelection *selection;  /* over the dataset's sale lines */
  GtkBox         *lines_header;   /* "Sale Lines" and its buttons */
  GtkWidget      *share_controls; /* the share slider and its presets */
  GtkWidget      *share_presets;
  GtkLabel       *total_gross;
  GtkLabel       *total_take;
  GtkLabel       *total_net;
  GtkLabel       *total_lines;
  GtkBox         *calc_box;
  GtkWidget      *back_row;       /* Back, and the line's name once its title scrolls away */
  GtkRevealer    *header_revealer;
  GtkLabel       *header_title;
  GtkScrolledWindow *calc_scroller;
  GtkWidget      *calc_clamp;     /* what calc_scroller scrolls */

  AdwEntryRow    *name_row;
  AdwComboRow    *vendor_row;
  AdwComboRow    *chip_row;
  GtkAdjustment  *share_adjustment;
  CplNumberRow   *input_rows[N_INPUTS];
  GtkLabel       *messages[N_GROUPS];  /* under each group of inputs: its refusals */
  char           *messages_text;        /* what cpl_revenue_view_get_messages() gave */
  GtkWidget      *status;
  GtkWidget      *notes;          /* where the line's figures come from */
  GtkWidget      *calculator;
  GtkLabel       *output_labels[N_LAYOUTS][N_OUTPUTS][N_CASES];
  GtkLabel       *case_titles[N_LAYOUTS][N_CASES];
  GtkWidget      *case_tables;    /* the AdwSqueezer of the two layouts */
  GtkLabel       *line_title;
  GtkWidget      *name_hint;      /* the name gives another rate: a line and a button */
  GtkLabel       *name_hint_label;
  GtkButton      *name_hint_button;
  GtkLabel       *summary;
  GtkLabel       *stale;          /* under it: inputs typed but refused */
  GtkLabel       *key_values[N_KEYS];
  CplBarChart    *split_chart;
  CplLineChart   *rate_chart;

  CplDataset     *dataset;
  CplRevenueCase *selected;
  gboolean        syncing;
  GHashTable     *known;    /* every sale line the view has seen (a ref each) */
  GHashTable     *ticked;   /* those counted in the totals */
};

G_DEFINE_FINAL_TYPE (CplRevenueView, cpl_revenue_view, ADW_TYPE_BIN)

static guint
output_index (const char *id)
{
  for (guint o = 0; o < N_OUTPUTS; o++)
    if (g_str_equal (outputs[o].id, id))
      return o;
  g_return_val_if_reached (0);
}

static char *
format_value (Kind   kind,
              double value)
{
  switch (kind)
    {
    case KIND_MONEY:   return cpl_format_money (value);
    case KIND_UNITS:   return cpl_format_number (value, 0);
    case KIND_PERCENT: return cpl_format_percent (value, 1);
    case KIND_BREAK_EVEN:
      if (no_break_even (value))
        /* Translators: the break-even share rate when selling pays for the
         * vendor at every rate up to 100% (full pass-through, or a margin
         * the share cannot eat) */
        return g_strdup (C_("break-even", "None"));
      return cpl_format_percent (value, 1);
    default:           g_return_val_if_reached (NULL);
    }
}

static char *
money_format (double   value,
              gpointer user_data)
{
  return cpl_format_money (value);
}

static char *
percent_format (double   value,
                gpointer user_data)
{
  return cpl_format_percent (value / 100, 0);
}

/* A difference of @kind, signed; of rates, in percentage points. */
static char *
format_difference (Kind   kind,
                   double value)
{
  switch (kind)
    {
    case KIND_MONEY:   return cpl_format_difference (CPL_DIFFERENCE_MONEY, value, 0);
    case KIND_UNITS:   return cpl_format_difference (CPL_DIFFERENCE_NUMBER, value, 0);
    case KIND_PERCENT:
    case KIND_BREAK_EVEN: return cpl_format_difference (CPL_DIFFERENCE_POINTS, value, 1);
    default:           g_return_val_if_reached (NULL);
    }
}

/* Outputs ---------------------------------------------------------------- */

/* Shows the output @output, worth @value, in @label; @difference: signed,
 * as a difference between two cases. */
static void
set_output (GtkLabel *label,
            guint     output,
            double    value,
            gboolean  difference)
{
  g_autofree char *text = difference ? format_difference (outputs[output].kind, value)
                                     : format_value (outputs[output].kind, value);

  gtk_label_set_text (label, text);
  /* the exact amount where the cell rounds it */
  if (outputs[output].kind == KIND_MONEY && isfinite (value))
    {
      g_autofree char *exact = cpl_format_money_exact (value);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), exact);
    }
  else if (outputs[output].kind == KIND_BREAK_EVEN && !difference && value >= 1)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                 _("No break-even: selling pays for the vendor at every share rate up to 100%"));
  else if (outputs[output].kind == KIND_BREAK_EVEN && !difference && value == LOSS_AT_ANY_RATE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                 _("No break-even: the unit cost is above the price, so the vendor loses on every "
                                   "unit at every share rate, even at 0%"));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);
}

static void
update_charts (CplRevenueView         *self,
               const CplRevenueInputs *in,
               const CplRevenueResult *cases,
               gboolean                has_compare)
{
  const char *categories[4] = { NULL };
  double cost[3], profit[3], take[3], net[3];
  gboolean has_cost = !isnan (in->unit_cost);
  guint n = 0;
  static const guint steps = 100;
  double x[101], take_line[101], profit_line[101];
  g_autofree char *current = NULL;
  CplRevenueInputs at;

  /* whose figures an exported chart shows */
  if (self->selected != NULL)
    {
      const char *name = cpl_entity_get_name (CPL_ENTITY (self->selected));

      cpl_chart_set_subject (CPL_CHART (self->split_chart), name);
      cpl_chart_set_subject (CPL_CHART (self->rate_chart), name);
    }

  /* one stacked bar per case: vendor cost, vendor profit, government
   * take, as tall as the gross revenue above the axis.  At a loss the
   * revenue covers only part of the cost: that part (the vendor's net
   * revenue) stands above, the loss below, the whole cost from one end to
   * the other (with the full cost above, the bar rose past the revenue
   * written on it) */
  for (guint c = 0; c < (has_compare ? 2u : 1u); c++)
    {
      categories[n] = gtk_label_get_text (self->case_titles[LAYOUT_WIDE][c == 0 ? CASE_THIS : CASE_COMPARE]);
      profit[n] = cases[c].vendor_gross_profit;
      net[n] = cases[c].vendor_net_revenue;
      cost[n] = profit[n] < 0 ? net[n] : cases[c].units_shipped * in->unit_cost;
      take[n] = cases[c].government_take;
      n++;
    }
  categories[n] = _("Ban");
  cost[n] = 0; profit[n] = 0; take[n] = 0; net[n] = 0; n++;

  cpl_bar_chart_set_categories (self->split_chart, categories);
  if (has_cost)
    {
      gboolean loss = FALSE;

      for (guint c = 0; c < n; c++)
        loss |= profit[c] < 0;
      /* at a loss the segment is the part of the cost the sale pays for,
       * and is named so: its tooltip gave "Vendor cost: $10.2 B" of a
       * $15 B cost */
      cpl_bar_chart_set_series_color (self->split_chart,
                                      cpl_bar_chart_add_series (self->split_chart,
                                                                loss ? _("Vendor cost covered by the sale")
                                                                     : _("Vendor cost"), cost),
                                      cpl_chart_color_for ("series", "vendor-cost"));
      cpl_bar_chart_set_series_color (self->split_chart,
                                      cpl_bar_chart_add_series (self->split_chart, _("Vendor gross profit"), profit),
                                      cpl_chart_color_for ("series", "vendor-profit"));
    }
  else
    cpl_bar_chart_set_series_color (self->split_chart,
                                    cpl_bar_chart_add_series (self->split_chart, _("Vendor net revenue"), net),
                                    cpl_chart_color_for ("series", "vendor-net-revenue"));
  cpl_bar_chart_set_series_color (self->split_chart,
                                  cpl_bar_chart_add_series (self->split_chart, _("US government take"), take),
                                  cpl_chart_color_for ("series", "government-take"));

  /* profit and take against the share rate, 0 to 100 % */
  cpl_line_chart_clear (self->rate_chart);
  at = *in;
  for (guint i = 0; i <= steps; i++)
    {
      CplRevenueResult r;

      at.share = (double) i / steps;
      x[i] = 100.0 * i / steps;
      if (cpl_revenue_compute (&at, &r, NULL))
        {
          take_line[i] = r.government_take;
          profit_line[i] = has_cost ? r.vendor_gross_profit : r.vendor_net_revenue;
        }
      else
        take_line[i] = profit_line[i] = NAN;  /* π·s = 1 */
    }
  cpl_line_chart_set_series_color (self->rate_chart,
                                   cpl_line_chart_add_series (self->rate_chart,
                                                              has_cost ? _("Vendor gross profit") : _("Vendor net revenue"),
                                                              x, profit_line, steps + 1, CPL_LINE_STYLE_LINE),
                                   cpl_chart_color_for ("series", has_cost ? "vendor-profit" : "vendor-net-revenue"));
  cpl_line_chart_set_series_color (self->rate_chart,
                                   cpl_line_chart_add_series (self->rate_chart, _("US government take"),
                                                              x, take_line, steps + 1, CPL_LINE_STYLE_LINE),
                                   cpl_chart_color_for ("series", "government-take"));

  {
    g_autofree char *rate = cpl_format_rate (in->share);
    /* Translators: a marker on the chart, %s is the share rate */
    current = g_strdup_printf (_("current rate %s"), rate);
    {
      g_autofree char *kept = cpl_text_keep_terms (current);

      cpl_line_chart_add_marker (self->rate_chart, in->share * 100, kept);
    }
  }
  /* none at 100% or more: no marker at the chart's edge saying 100.0%;
   * none either where the vendor loses at every rate, all of it shaded */
  if (cases[0].break_even_share == LOSS_AT_ANY_RATE)
    cpl_line_chart_set_span (self->rate_chart, 0, 100, _("Vendor sells at a loss"));
  else if (isfinite (cases[0].break_even_share) && cases[0].break_even_share < 1)
    {
      g_autofree char *rate = cpl_format_percent (cases[0].break_even_share, 1);
      /* Translators: a marker on the chart, %s is the break-even share rate */
      g_autofree char *label = g_strdup_printf (_("break-even %s"), rate);
      g_autofree char *kept = cpl_text_keep_terms (label);

      cpl_line_chart_add_marker (self->rate_chart, cases[0].break_even_share * 100, kept);
      /* the units stay as given at every rate; past the break-even they
       * are sold at a loss, which a vendor would not do: shaded */
      cpl_line_chart_set_span (self->rate_chart, cases[0].break_even_share * 100, 100, _("Vendor sells at a loss"));
    }
}

/* The one rate a sale line's name gives ("NVIDIA H20 at a 15% revenue
 * share", "收入分成15%"), where it gives one and only one: its place in
 * @name (@start, @end) and its value (0.15); FALSE otherwise. */
static gboolean
name_rate (const char *name,
           int        *start,
           int        *end,
           double     *rate)
{
  /* compiled once: the outputs, and this, are made again at every edit */
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("(?<![\\d.,])(\\d+(?:\\.\\d+)?)\\s?%", G_REGEX_OPTIMIZE, 0, NULL));
  if (name == NULL || !g_regex_match (regex, name, 0, &match))
    return FALSE;
  g_match_info_fetch_pos (match, 0, start, end);
  number = g_match_info_fetch (match, 1);
  *rate = g_ascii_strtod (number, NULL) / 100;
  return !g_match_info_next (match, NULL);
}

/* A name that gives another rate than the line's ("…at a 15% revenue
 * share" at 70%: the heading said one rate, the table another): a line
 * that says so, and a button that puts the line's rate in the name. */
static void
update_name_hint (CplRevenueView *self)
{
  const char *name = self->selected ? cpl_entity_get_name (CPL_ENTITY (self->selected)) : NULL;
  double share = self->selected ? cpl_revenue_case_get (self->selected, CPL_REVENUE_CASE_REVENUE_SHARE) : NAN;
  int start, end;
  double rate;
  gboolean differs = name_rate (name, &start, &end, &rate) && isfinite (share) && fabs (rate - share) > 5e-7;

  gtk_widget_set_visible (self->name_hint, differs);
  if (differs)
    {
      g_autofree char *given = g_strndup (name + start, end - start);
      g_autofree char *actual = cpl_format_rate (share);
      /* Translators: %1$s is the rate a sale line's name gives, %2$s the line's own, both "15%" */
      g_autofree char *text = g_strdup_printf (_("The name says %1$s; the share rate is %2$s."), given, actual);
      /* Translators: a button that puts the share rate, %s ("70%"), in a sale line's name */
      g_autofree char *button = g_strdup_printf (_("Put %s in the Name"), actual);

      gtk_label_set_text (self->name_hint_label, text);
      gtk_button_set_label (self->name_hint_button, button);
    }
}

static void
on_name_hint_clicked (CplRevenueView *self)
{
  const char *name = self->selected ? cpl_entity_get_name (CPL_ENTITY (self->selected)) : NULL;
  int start, end;
  double rate;

  if (name_rate (name, &start, &end, &rate))
    {
      g_autofree char *actual = cpl_format_rate (cpl_revenue_case_get (self->selected,
                                                                       CPL_REVENUE_CASE_REVENUE_SHARE));
      g_autofree char *renamed = g_strdup_printf ("%.*s%s%s", start, name, actual, name + end);

      cpl_entity_set_name (CPL_ENTITY (self->selected), renamed);
    }
}

static void
cpl_revenue_view_update_outputs (CplRevenueView *self)
{
  CplRevenueResult cases[N_CASES];
  CplRevenueInputs in, ban;
  double compare;
  gboolean has_compare;
  gboolean computable;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;

  cpl_revenue_case_get_inputs (self->selected, &in);
  compare = cpl_revenue_case_get (self->selected, CPL_REVENUE_CASE_COMPARE_SHARE);
  /* a comparison rate equal to the share rate compares nothing: no
   * "At 25% | At 25% | 25% − 25%" of zeros (a 25% preset on a line
   * compared with 25%) */
  has_compare = !isnan (compare) && fabs (compare - in.share) > 1e-12;

  /* a share passed on in full makes no price (§3, π·s < 1): every figure
   * is "—" then, not the last line's that had one beside a sentence
   * saying there is none */
  for (guint c = 0; c < N_CASES; c++)
    for (guint o = 0; o < N_OUTPUTS; o++)
      ((double *) &cases[c])[o] = NAN;
  computable = cpl_revenue_case_compute (self->selected, &cases[CASE_THIS], &cases[CASE_COMPARE], &error);
  if (!computable)
    for (guint o = 0; o < N_OUTPUTS; o++)
      ((double *) &cases[CASE_THIS])[o] = ((double *) &cases[CASE_COMPARE])[o] = NAN;
  /* a ban is approval 0: every revenue is zero (§3) */
  ban = in;
  ban.approval = 0;
  if (computable)
    cpl_revenue_compute (&ban, &cases[CASE_BAN], NULL);
  for (guint o = 0; o < N_OUTPUTS; o++)
    ((double *) &cases[CASE_DIFFERENCE])[o] = ((double *) &cases[CASE_THIS])[o] - ((double *) &cases[CASE_COMPARE])[o];

  {
    g_autofree char *rate = cpl_format_rate (in.share);
    g_autofree char *other = cpl_format_rate (compare);
    /* Translators: the heading of a column of results, %s is a share rate */
    g_autofree char *this_title = g_strdup_printf (_("At %s"), rate);
    g_autofree char *compare_title = g_strdup_printf (_("At %s"), other);
    /* Translators: which way a difference of two cases is taken: this
     * rate minus the comparison rate, "15% − 25%" (a true minus sign) */
    g_autofree char *direction = g_strdup_printf (_("%1$s − %2$s"), rate, other);
    /* the way the difference is taken under its heading: beside "At 25%"
     * a bare "Difference" read as either way */
    g_autofree char *difference_title = g_strdup_printf ("%s\n%s", _("Difference"), direction);

    for (guint l = 0; l < N_LAYOUTS; l++)
      {
        gtk_label_set_text (self->case_titles[l][CASE_THIS], this_title);
        gtk_label_set_text (self->case_titles[l][CASE_COMPARE], compare_title);
        gtk_label_set_text (self->case_titles[l][CASE_DIFFERENCE], difference_title);
      }
  }

  /* Under a ban (the Ban column, or an approval rate of 0) nothing is
   * sold: no price, no margin, no break-even.  A unit cost above the
   * price has none either: the model's 0 is a clamp, and the tile, the
   * table and the curve said "0.0%" beside a verdict of a loss at every
   * rate. */
  for (guint c = 0; c < N_CASES; c++)
    if (c != CASE_DIFFERENCE && cases[c].break_even_share == 0 && in.unit_cost > in.price)
      cases[c].break_even_share = LOSS_AT_ANY_RATE;
  for (guint c = 0; c < N_CASES; c++)
    {
      gboolean visible = has_compare || (c != CASE_COMPARE && c != CASE_DIFFERENCE);
      gboolean banned = c == CASE_BAN || in.approval == 0;

      for (guint o = 0; o < N_OUTPUTS; o++)
        if (banned && output_needs_sale (o))
          ((double *) &cases[c])[o] = NAN;
      /* no difference to a break-even that is none */
      if (c == CASE_DIFFERENCE && (no_break_even (cases[CASE_THIS].break_even_share) ||
                                   no_break_even (cases[CASE_COMPARE].break_even_share)))
        cases[c].break_even_share = NAN;
      for (guint l = 0; l < N_LAYOUTS; l++)
        {
          gtk_widget_set_visible (GTK_WIDGET (self->case_titles[l][c]), visible);
          for (guint o = 0; o < N_OUTPUTS; o++)
            {
              gtk_widget_set_visible (GTK_WIDGET (self->output_labels[l][o][c]), visible);
              set_output (self->output_labels[l][o][c], o, ((double *) &cases[c])[o], c == CASE_DIFFERENCE);
            }
        }
    }
  for (guint k = 0; k < N_KEYS; k++)
    {
      guint o = output_index (key_outputs[k]);

      set_output (self->key_values[k], o, ((double *) &cases[CASE_THIS])[o], FALSE);
    }

  {
    g_autofree char *take = cpl_format_money (cases[CASE_THIS].government_take);
    g_autofree char *net = cpl_format_money (cases[CASE_THIS].vendor_net_revenue);
    g_autofree char *summary = NULL;

    if (!computable)
      {
        g_autofree char *share = cpl_format_percent (in.share, 0);
        g_autofree char *pass_through = cpl_format_percent (in.pass_through, 0);

        /* Translators: %1$s is the share rate, %2$s the price
         * pass-through, both percentages ("100%") */
        summary = g_strdup_printf (_("No figures: a %1$s share passed on %2$s to the buyer would make the buyer's "
                                     "price infinite. Lower the share rate or the price pass-through."),
                                   share, pass_through);
      }
    else if (in.approval == 0)
      summary = g_strdup (_("With no licence approved nothing is sold: the US government takes nothing and the vendor earns nothing from this line."));
    else if (cases[CASE_THIS].break_even_share == LOSS_AT_ANY_RATE)
      {
        g_autofree char *loss = cpl_format_money (-cases[CASE_THIS].vendor_gross_profit);

        /* "above a 0.0% share selling does not pay" blamed the share for
         * a unit cost above the price */
        /* Translators: %1$s is money lost, %2$s money (the take) */
        summary = g_strdup_printf (_("The vendor loses %1$s on the line: its unit cost is above its price, so selling "
                                     "does not pay at any share rate, and the %2$s take counts sales a vendor would "
                                     "not make."), loss, take);
      }
    else if (isfinite (cases[CASE_THIS].break_even_share) && in.share > cases[CASE_THIS].break_even_share)
      {
        /* past the break-even the table still books the sale as typed;
         * the sentence says that no vendor would make it (the scenarios'
         * vendors stop selling there) */
        g_autofree char *be = cpl_format_percent (cases[CASE_THIS].break_even_share, 1);
        g_autofree char *loss = cpl_format_money (-cases[CASE_THIS].vendor_gross_profit);

        /* Translators: %1$s is money lost, %2$s a share rate, %3$s money (the take) */
        summary = g_strdup_printf (_("At this rate the vendor loses %1$s on the line: above a %2$s share selling does not pay, so the %3$s take counts sales a vendor would not make."),
                                   loss, be, take);
      }
    else if (isfinite (cases[CASE_THIS].break_even_share) && cases[CASE_THIS].break_even_share >= 1
             && in.pass_through >= 1)
      /* "selling stops paying above a 100.0% share" said nothing: the
       * buyer pays the whole share, the vendor's profit does not move */
      /* Translators: %1$s and %2$s are money */
      summary = g_strdup_printf (_("The US government takes %1$s and the vendor keeps %2$s: with full pass-through "
                                   "the buyer pays the share, so the vendor's profit is the same at every rate "
                                   "(the units stay as typed: the calculator does not cut them for the higher "
                                   "price)."), take, net);
    else if (isfinite (cases[CASE_THIS].break_even_share) && cases[CASE_THIS].break_even_share >= 1)
      /* Translators: %1$s and %2$s are money */
      summary = g_strdup_printf (_("The US government takes %1$s and the vendor keeps %2$s; selling pays for the "
                                   "vendor at every share rate."), take, net);
    else if (isfinite (cases[CASE_THIS].break_even_share))
      {
        g_autofree char *be = cpl_format_percent (cases[CASE_THIS].break_even_share, 1);
        /* Translators: %1$s and %2$s are money, %3$s a share rate */
        summary = g_strdup_printf (_("The US government takes %1$s and the vendor keeps %2$s; selling is unprofitable for the vendor above a %3$s share."),
                                   take, net, be);
      }
    else
      /* Translators: %1$s and %2$s are money */
      summary = g_strdup_printf (_("The US government takes %1$s and the vendor keeps %2$s. Give a unit cost to see the profit and the break-even share."),
                                 take, net);
    {
      /* "102 亿美元" broke after the number on a phone */
      g_autofree char *kept = cpl_text_keep_units (summary);

      gtk_label_set_text (self->summary, kept);
    }
  }
  update_name_hint (self);

  update_charts (self, &in, (CplRevenueResult[]) { cases[CASE_THIS], cases[CASE_COMPARE] }, has_compare);
}

static void
cpl_revenue_view_update_messages (CplRevenueView *self)
{
  guint groups[N_INPUTS];
  g_autofree char *note = NULL;

  for (guint i = 0; i < N_INPUTS; i++)
    groups[i] = inputs[i].group;
  cpl_number_rows_show_grouped_messages (self->input_rows, groups, N_INPUTS, self->messages, N_GROUPS);

  /* the figures over the inputs are of the values last accepted: said
   * there, by the answer */
  note = cpl_number_rows_stale_note (self->input_rows, N_INPUTS);
  gtk_label_set_text (self->stale, note);
  gtk_widget_set_visible (GTK_WIDGET (self->stale), note != NULL);
}

/* Totals across the ticked sale lines, and which they are. */
static void
cpl_revenue_view_update_totals (gpointer data)
{
  CplRevenueView *self = data;
  GListModel *cases = cpl_dataset_get_revenue_cases (self->dataset);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *lines = NULL;
  guint n_ticked = 0;
  g_autoptr(GString) left_out = g_string_new (NULL);
  guint n_left_out = 0;
  double gross = 0, take = 0, net = 0;
  g_autofree char *gross_text = NULL;
  g_autofree char *take_text = NULL;
  g_autofree char *net_text = NULL;
  g_autofree char *gross_exact = NULL;
  g_autofree char *take_exact = NULL;
  g_autofree char *net_exact = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CplRevenueCase) rc = g_list_model_get_item (cases, i);
      CplRevenueResult r;

      if (!g_hash_table_contains (self->ticked, rc))
        continue;
      if (!cpl_revenue_case_compute (rc, &r, NULL, NULL))
        {
          if (n_left_out++ > 0)
            g_string_append (left_out, _(", "));
          g_string_append (left_out, cpl_entity_get_name (CPL_ENTITY (rc)));
          continue;
        }
      gross += r.gross_revenue;
      take += r.government_take;
      net += r.vendor_net_revenue;
      if (n_ticked++ > 0)
        g_string_append (names, _(", "));
      g_string_append (names, cpl_entity_get_name (CPL_ENTITY (rc)));
    }
  if (n_ticked == 0)
    lines = g_strdup (_("No sale line is ticked: tick the box beside a sale line to add it to the totals."));
  else
    /* Translators: under the totals of the sale lines; %1$u is how many
     * lines are ticked, %2$s their names */
    lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Total of %1$u ticked sale line: %2$s.",
                                          "Total of %1$u ticked sale lines: %2$s.", n_ticked),
                             n_ticked, names->str);
  if (n_left_out > 0)
    {
      /* a ticked line with no figures (a share passed on in full) was
       * left out of "Total of 1 ticked sale line" without a word */
      /* Translators: after the totals' line; %s names the ticked sale
       * lines that have no figures */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Not in the totals: %s, which has no figures (its share is passed on in full).",
                                                            "Not in the totals: %s, which have no figures (their shares are passed on in full).",
                                                            n_left_out),
                                               left_out->str);
      g_autofree char *both = n_ticked > 0 ? g_strdup_printf ("%s\n%s", lines, note) : g_strdup (note);

      g_free (lines);
      lines = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->total_lines, lines);
  gross_text = cpl_format_money (gross);
  take_text = cpl_format_money (take);
  net_text = cpl_format_money (net);
  gross_exact = cpl_format_money_exact (gross);
  take_exact = cpl_format_money_exact (take);
  net_exact = cpl_format_money_exact (net);
  gtk_label_set_text (self->total_gross, gross_text);
  gtk_label_set_text (self->total_take, take_text);
  gtk_label_set_text (self->total_net, net_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_gross), gross_exact);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_take), take_exact);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_net), net_exact);
}

/* An edit of any line: the totals again, once per frame, while shown. */
static void
cpl_revenue_view_queue_totals (CplRevenueView *self)
{
  cpl_deferred_update_queue (GTK_WIDGET (self), cpl_revenue_view_update_totals, self);
}

/* Inputs ----------------------------------------------------------------- */

/* Combo rows list "—" then the dataset's entries. */
static GListModel *
names_model (GListModel *entries)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, "—");
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CplEntity) entry = g_list_model_get_item (entries, i);
      gtk_string_list_append (names, cpl_entity_get_name (entry));
    }
  return G_LIST_MODEL (names);
}

static guint
position_of (GListModel *entries,
             const char *id)
{
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(CplEntity) entry = g_list_model_get_item (entries, i);
      if (g_str_equal (cpl_entity_get_id (entry), id))
        return i + 1;
    }
  return 0;
}

static const char *
id_at (GListModel *entries,
       guint       position)
{
  g_autoptr(CplEntity) entry = NULL;

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  entry = g_list_model_get_item (entries, position - 1);
  return entry ? cpl_entity_get_id (entry) : NULL;
}

/* An input as its row shows it (cpl_notes_caveat()). */
static char *
format_input (guint        index,
              double       value,
              const char **title,
              gpointer     data)
{
  CplRevenueView *self = data;

  for (guint i = 0; i < N_INPUTS; i++)
    if ((guint) inputs[i].field == index)
      {
        *title = _(inputs[i].title);
        /* a unit cost no longer given */
        return isnan (value) ? g_strdup ("—") : cpl_number_row_format (self->input_rows[i], value);
      }
  return NULL;
}

/* The line's vendor and chip, named by their rows' titles. */
static void
other_changes (CplEntity *entity,
               CplEntity *shipped,
               GPtrArray *changes)
{
  CplRevenueCase *line = CPL_REVENUE_CASE (entity), *was = CPL_REVENUE_CASE (shipped);

  if (g_strcmp0 (cpl_revenue_case_get_vendor_id (line), cpl_revenue_case_get_vendor_id (was)) != 0)
    g_ptr_array_add (changes, g_strdup (_("Vendor")));
  if (g_strcmp0 (cpl_revenue_case_get_chip_id (line), cpl_revenue_case_get_chip_id (was)) != 0)
    g_ptr_array_add (changes, g_strdup (_("Chip")));
}

/* The line's notes, and over them what no longer holds of them. */
static void
show_notes (CplRevenueView *self)
{
  g_autofree char *caveat = cpl_notes_caveat (CPL_ENTITY (self->selected), format_input, other_changes, self);

  cpl_notes_group_show (self->notes, CPL_ENTITY (self->selected));
  cpl_notes_group_set_caveat (self->notes, caveat);
}

/* The selected sale line changed elsewhere (an input, an undo): show it. */
static void
cpl_revenue_view_sync_inputs (CplRevenueView *self)
{
  if (self->selected == NULL)
    return;
  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                 cpl_entity_get_name (CPL_ENTITY (self->selected))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), cpl_entity_get_name (CPL_ENTITY (self->selected)));
  gtk_label_set_text (self->line_title, cpl_entity_get_name (CPL_ENTITY (self->selected)));
  gtk_label_set_text (self->header_title, cpl_entity_get_name (CPL_ENTITY (self->selected)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->header_title), cpl_entity_get_name (CPL_ENTITY (self->selected)));
  adw_combo_row_set_selected (self->vendor_row, position_of (cpl_dataset_get_vendors (self->dataset),
                                                             cpl_revenue_case_get_vendor_id (self->selected)));
  adw_combo_row_set_selected (self->chip_row, position_of (cpl_dataset_get_chips (self->dataset),
                                                           cpl_revenue_case_get_chip_id (self->selected)));
  gtk_adjustment_set_value (self->share_adjustment,
                            100 * cpl_revenue_case_get (self->selected, CPL_REVENUE_CASE_REVENUE_SHARE));
  show_notes (self);
  self->syncing = FALSE;
  cpl_revenue_view_update_outputs (self);
}

static void
on_name_changed (CplRevenueView *self)
{
  if (!self->syncing && self->selected != NULL)
    cpl_entity_set_name (CPL_ENTITY (self->selected), gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
}

static void
on_vendor_selected (CplRevenueView *self)
{
  if (self->syncing || self->selected == NULL)
    return;
  cpl_revenue_case_set_vendor_id (self->selected, id_at (cpl_dataset_get_vendors (self->dataset),
                                                         adw_combo_row_get_selected (self->vendor_row)));
}

/* Choosing a chip fills in its price and vendor. */
static void
on_chip_selected (CplRevenueView *self)
{
  const char *id;
  CplChip *chip;
  CplHistory *history;

  if (self->syncing || self->selected == NULL)
    return;
  id = id_at (cpl_dataset_get_chips (self->dataset), adw_combo_row_get_selected (self->chip_row));
  chip = cpl_dataset_lookup_chip (self->dataset, id);
  /* one choice, one step to undo: Ctrl+Z went through a vendor and a
   * chip the user never chose together */
  history = cpl_widget_get_history (GTK_WIDGET (self));
  if (history != NULL)
    cpl_history_begin_group (history);
  cpl_revenue_case_set_chip_id (self->selected, id);
  if (chip != NULL)
    {
      if (!isnan (cpl_chip_get (chip, CPL_CHIP_PRICE_USD)))
        cpl_entity_set_number (CPL_ENTITY (self->selected), CPL_REVENUE_CASE_PRICE_USD,
                               cpl_chip_get (chip, CPL_CHIP_PRICE_USD), NULL);
      cpl_revenue_case_set_vendor_id (self->selected, cpl_chip_get_vendor_id (chip));
    }
  if (history != NULL)
    cpl_history_end_group (history);
}

static void
on_share_slider_changed (CplRevenueView *self)
{
  if (self->syncing || self->selected == NULL)
    return;
  cpl_entity_set_number (CPL_ENTITY (self->selected), CPL_REVENUE_CASE_REVENUE_SHARE,
                         round (gtk_adjustment_get_value (self->share_adjustment) * 10) / 1000, NULL);
}

static void
on_preset_clicked (GtkButton      *button,
                   CplRevenueView *self)
{
  double share = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cpl-share")) / 100.0;

  if (self->selected != NULL)
    cpl_entity_set_number (CPL_ENTITY (self->selected), CPL_REVENUE_CASE_REVENUE_SHARE, share, NULL);
}


static GtkWidget *
share_row_new (CplRevenueView *self)
{
  static const int presets[] = { 0, 15, 25 };
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = cpl_wrapped_label_new (_("Presets"), "body");
  /* "（2025 年 8 月）" broke after "2025" on a phone */
  g_autofree char *presets_text = cpl_text_keep_units (_("Drag the share rate, or pick a rate the US has set: 15% (August 2025) or 25% (December 2025)"));
  GtkWidget *subtitle = cpl_wrapped_label_new (presets_text, "dim-label");
  GtkWidget *scale, *buttons;

  /* the title and its line over the slider and the rates, each the
   * row's whole width: beside them, on a phone, "Presets" broke into
   * "Pre-sets" over a subtitle of a word a line, the slider 50 px wide */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Presets"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_bottom (controls, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), controls);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  self->share_adjustment = gtk_adjustment_new (0, 0, 100, 0.5, 5, 0);
  scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->share_adjustment);
  gtk_widget_set_hexpand (scale, TRUE);
  gtk_widget_set_size_request (scale, 80, -1);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_scale_add_mark (GTK_SCALE (scale), 15, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 25, GTK_POS_BOTTOM, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Share rate in percent"), -1);
  cpl_leave_wheel_to_page (scale);
  g_signal_connect_object (self->share_adjustment, "value-changed", G_CALLBACK (on_share_slider_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (controls), scale);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *label = cpl_format_percent (presets[i] / 100.0, 0);
      GtkWidget *button = gtk_button_new_with_label (label);

      /* Translators: tooltip of a preset button, %s is a rate like 25% */
      g_autofree char *tooltip = g_strdup_printf (_("Set the share rate to %s"), label);
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "cpl-share", GINT_TO_POINTER (presets[i]));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_preset_clicked), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  gtk_box_append (GTK_BOX (controls), buttons);
  self->share_controls = controls;
  self->share_presets = buttons;
  return row;
}

/* On a phone (the leaflet folded) the presets go under the slider, which
 * takes the row's width: beside them it was some 90 px for 0–100%, a
 * pixel a point, its marks under the knob. */
static void
update_share_controls (CplRevenueView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->share_controls),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self->share_controls), folded ? 8 : 12);
  gtk_widget_set_halign (self->share_presets, folded ? GTK_ALIGN_END : GTK_ALIGN_FILL);
}

static GtkLabel *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  if (numeric)
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return GTK_LABEL (label);
}

/* A table of the row titles and @n_cases cases from @first, for @layout:
 * its labels go into the view's arrays of that layout. */
static GtkWidget *
cases_grid (CplRevenueView *self,
            Layout          layout,
            guint           first,
            guint           n_cases)
{
  GtkWidget *grid = cpl_table_grid_new (8);
  GtkLabel **titles = self->case_titles[layout];
  static const char * const headings[N_CASES] = {
    [CASE_DIFFERENCE] = N_("Difference"),
    [CASE_BAN] = N_("Ban"),
  };

  for (guint c = first; c < first + n_cases; c++)
    {
      /* this rate's and the comparison's "At 25%" come with the line */
      titles[c] = grid_label (GTK_GRID (grid), headings[c] ? _(headings[c]) : NULL, c - first + 1, 0, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (titles[c]), "heading");
      /* over numbers: a second line ("15% − 25%") flush right too */
      gtk_label_set_justify (titles[c], GTK_JUSTIFY_RIGHT);
    }
  if (first + n_cases > CASE_DIFFERENCE)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (titles[CASE_DIFFERENCE]), _("This rate minus the comparison rate"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (titles[CASE_BAN]), _("No licence approved: nothing is shipped"));
    }
  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      grid_label (GTK_GRID (grid), _(outputs[o].title), 0, o + 1, FALSE);
      for (guint c = first; c < first + n_cases; c++)
        self->output_labels[layout][o][c] = grid_label (GTK_GRID (grid), NULL, c - first + 1, o + 1, TRUE);
    }
  return grid;
}

/* A small grey line of text under a figure or a table. */
static GtkWidget *
caption_new (const char *text)
{
  GtkWidget *label = cpl_wrapped_label_new (text, "caption");

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* @chart (a chart view) in a card under its title, with Export… beside
 * it, at the end of @box; its exports are named @name. */
static void
chart_card_append (GtkWidget  *box,
                   const char *title,
                   GtkWidget  *chart,
                   const char *name)
{
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = cpl_chart_card_header_new (title, CPL_CHART_VIEW (chart));

  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_box_append (GTK_BOX (inner), header);
  cpl_chart_set_min_height (cpl_chart_view_get_chart (CPL_CHART_VIEW (chart)), 300);
  gtk_box_append (GTK_BOX (inner), chart);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  gtk_widget_get_first_child (header), NULL, -1);
  cpl_chart_export_set_name (cpl_chart_view_get_chart (CPL_CHART_VIEW (chart)), name);
  cpl_card_append (box, inner);
}

static void
build_calculator (CplRevenueView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *answer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *table = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *groups[N_GROUPS];
  GtkWidget *narrow, *flow;

  self->calculator = box;

  /* The answer: which line, in a sentence, and the key figures */
  self->line_title = GTK_LABEL (cpl_wrapped_label_new (NULL, "title-2"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->line_title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (answer), GTK_WIDGET (self->line_title));
  self->name_hint = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->name_hint_label = GTK_LABEL (caption_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_hint_label), TRUE);
  gtk_label_set_xalign (self->name_hint_label, 0);
  self->name_hint_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->name_hint_button), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->name_hint_button, "clicked", G_CALLBACK (on_name_hint_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->name_hint), GTK_WIDGET (self->name_hint_label));
  gtk_box_append (GTK_BOX (self->name_hint), GTK_WIDGET (self->name_hint_button));
  gtk_widget_set_visible (self->name_hint, FALSE);
  gtk_box_append (GTK_BOX (answer), self->name_hint);
  self->summary = cpl_summary_label_new ();
  gtk_box_append (GTK_BOX (answer), GTK_WIDGET (self->summary));
  self->stale = GTK_LABEL (cpl_wrapped_label_new (NULL, "warning"));
  gtk_widget_set_visible (GTK_WIDGET (self->stale), FALSE);
  gtk_box_append (GTK_BOX (answer), GTK_WIDGET (self->stale));
  flow = cpl_key_figures_new (2, N_KEYS);
  for (guint k = 0; k < N_KEYS; k++)
    self->key_values[k] = cpl_key_figure_append (flow, _(outputs[output_index (key_outputs[k])].title), "title-2");
  gtk_box_append (GTK_BOX (answer), flow);
  gtk_box_append (GTK_BOX (box), answer);

  /* The rate and its terms under the answer they change, in view with it:
   * they were below the table and the two charts, 1,500 px down */
  groups[1] = cpl_group_append (box, _("Revenue Share"),
                         _("Pass-through is the part of the share the vendor adds to the buyer's price; "
                           "approval is the part of orders the licensing agency approves."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[1]), share_row_new (self));

  /* The cases side by side: this rate, the comparison rate, their
   * difference, the ban; on a phone two and two.  The cells do not wrap,
   * so a table is as tall as its rows. */
  self->case_tables = adw_squeezer_new ();
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->case_tables), FALSE);
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (self->case_tables), ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_squeezer_add (ADW_SQUEEZER (self->case_tables), cases_grid (self, LAYOUT_WIDE, CASE_THIS, N_CASES));
  narrow = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (narrow), cases_grid (self, LAYOUT_NARROW, CASE_THIS, 2));
  gtk_box_append (GTK_BOX (narrow), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (narrow), cases_grid (self, LAYOUT_NARROW, CASE_DIFFERENCE, 2));
  adw_squeezer_add (ADW_SQUEEZER (self->case_tables), narrow);
  /* narrower still (large text): it scrolls sideways */
  cpl_card_append (table, cpl_scroll_sideways (self->case_tables));
  gtk_box_append (GTK_BOX (table), caption_new (_("Under a ban nothing is sold, so there is no price or break-even. "
                                                             "A difference of two rates is in percentage points (pp).")));
  gtk_box_append (GTK_BOX (box), table);

  self->split_chart = CPL_BAR_CHART (cpl_bar_chart_new ());
  cpl_bar_chart_set_stacked (self->split_chart, TRUE);
  /* labelled with the gross revenue its parts make above the axis, a loss
   * hanging under it */
  cpl_bar_chart_set_total_above (self->split_chart, TRUE);
  cpl_bar_chart_set_value_title (self->split_chart, _("US dollars"));
  cpl_bar_chart_set_value_format (self->split_chart, money_format, NULL, NULL);
  cpl_chart_set_tick_format (CPL_CHART (self->split_chart), GTK_ORIENTATION_VERTICAL, cpl_money_tick);
  cpl_bar_chart_set_description (self->split_chart,
    _("Where the revenue goes in each case: the vendor's cost, the vendor's profit and the US government's take"));
  chart_card_append (box, _("Where the Revenue Goes"), cpl_chart_view_new_take (self->split_chart), "revenue-split");

  self->rate_chart = CPL_LINE_CHART (cpl_line_chart_new ());
  cpl_line_chart_set_axes (self->rate_chart, _("Share rate"), _("US dollars"));
  cpl_line_chart_set_x_format (self->rate_chart, percent_format, NULL, NULL);
  cpl_line_chart_set_y_format (self->rate_chart, money_format, NULL, NULL);
  cpl_chart_set_tick_format (CPL_CHART (self->rate_chart), GTK_ORIENTATION_VERTICAL, cpl_money_tick);
  cpl_line_chart_set_description (self->rate_chart,
    _("The vendor's profit and the US government's take for every share rate from 0 to 100%, "
      "with the current rate and the break-even rate marked"));
  chart_card_append (box, _("Profit and Take at Every Share Rate"), cpl_chart_view_new_take (self->rate_chart),
                     "share-rate");

  /* where the units, price and cost come from, after what they give */
  self->notes = cpl_notes_group_append (box);
  cpl_notes_group_set_editable (self->notes, _("Where the units, price and cost come from: sources, estimates "
                                               "and assumptions."));

  /* What is sold (moved under the share's terms, below) */
  groups[0] = cpl_group_append (box, _("Sale"), NULL);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
  /* each keystroke is an edit: Ctrl+Z is the document's */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->name_row), FALSE);
  cpl_widget_take_undo_keys (GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[0]), GTK_WIDGET (self->name_row));

  self->vendor_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vendor_row), _("Vendor"));
  g_signal_connect_object (self->vendor_row, "notify::selected", G_CALLBACK (on_vendor_selected), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[0]), GTK_WIDGET (self->vendor_row));

  self->chip_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chip_row), _("Chip"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->chip_row), _("Choosing a chip fills in its price"));
  g_signal_connect_object (self->chip_row, "notify::selected", G_CALLBACK (on_chip_selected), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[0]), GTK_WIDGET (self->chip_row));

  groups[2] = cpl_group_append (box, _("Optional"),
                         _("Leave empty when unknown. A unit cost gives the profit and the break-even "
                           "share; a comparison rate puts a second case beside this one."));

  for (guint i = 0; i < N_INPUTS; i++)
    {
      /* "" is no unit: gettext ("") would be the catalogue's header */
      const char *unit = (*inputs[i].unit == '\0' || g_str_equal (inputs[i].unit, "%")) ? inputs[i].unit : _(inputs[i].unit);

      self->input_rows[i] = cpl_number_row_new (_(inputs[i].title), unit, inputs[i].scale, inputs[i].digits);
      cpl_number_row_set_count_unit (self->input_rows[i], inputs[i].count);
      g_signal_connect_object (self->input_rows[i], "notify::message",
                               G_CALLBACK (cpl_revenue_view_update_messages), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[inputs[i].group]), GTK_WIDGET (self->input_rows[i]));
    }

  for (guint g = 0; g < N_GROUPS; g++)
    self->messages[g] = cpl_number_messages_append (groups[g]);
  /* every input under the answer, before the cases table and the charts:
   * what is sold and its cost sat below both charts, three screens from
   * the figures they change */
  gtk_box_reorder_child_after (GTK_BOX (box), groups[0], groups[1]);
  gtk_box_reorder_child_after (GTK_BOX (box), groups[2], groups[0]);

  gtk_box_append (self->calc_box, box);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "cpl-revenue-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("No Sale Line"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                   _("Add a sale line to work out who gets how much of it."));
  gtk_box_append (self->calc_box, self->status);
}

/* Selection and the list ------------------------------------------------- */

/* A row of the list (made only while on screen, see cpl-check-list.c):
 * the line's name, its rate and take, and its tick. */
static void
update_case_row (GtkWidget *row,
                 gpointer   item,
                 gpointer   data)
{
  CplRevenueCase *revenue_case = item;
  const char *name = cpl_entity_get_name (CPL_ENTITY (revenue_case));
  g_autofree char *share = cpl_format_rate (cpl_revenue_case_get (revenue_case, CPL_REVENUE_CASE_REVENUE_SHARE));
  g_autofree char *take = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *include = NULL;
  CplRevenueResult result;

  if (cpl_revenue_case_compute (revenue_case, &result, NULL, NULL))
    take = cpl_format_money (result.government_take);
  /* Translators: a sale line in the list: %1$s its share rate, %2$s the
   * US government's take */
  subtitle = g_strdup_printf (_("%1$s share · US government take %2$s"), share, take ? take : "—");
  /* Translators: the accessible name of a sale line's tick box; %s is
   * the line's name */
  include = g_strdup_printf (_("Include %s in the total"), name);
  cpl_check_row_set_text (row, name, subtitle, include);
}

static void
on_tick_toggled (GtkWidget *row,
                 gpointer   revenue_case,
                 gpointer   data)
{
  CplRevenueView *self = data;

  if (cpl_check_row_get_active (row))
    g_hash_table_add (self->ticked, revenue_case);
  else
    g_hash_table_remove (self->ticked, revenue_case);
  cpl_revenue_view_queue_totals (self);
}

static gboolean
is_ticked (gpointer item,
           gpointer data)
{
  CplRevenueView *self = data;

  return g_hash_table_contains (self->ticked, item);
}

/* Lines the view has not seen before arrive: when no line is ticked, the
 * first of them is, with the others at its share rate (see the top of
 * the file).  Runs before the list makes their rows. */
static void
on_cases_arrived (CplRevenueView *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  GListModel *cases = cpl_dataset_get_revenue_cases (self->dataset);
  gboolean any_ticked = FALSE;
  double rate = NAN;

  for (guint i = 0; i < g_list_model_get_n_items (cases) && !any_ticked; i++)
    {
      g_autoptr(CplRevenueCase) rc = g_list_model_get_item (cases, i);

      any_ticked = g_hash_table_contains (self->ticked, rc);
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(CplRevenueCase) rc = g_list_model_get_item (cases, i);
      double share = cpl_revenue_case_get (rc, CPL_REVENUE_CASE_REVENUE_SHARE);

      if (g_hash_table_contains (self->known, rc))
        continue;  /* back from an undo, with its tick */
      g_hash_table_add (self->known, g_object_ref (rc));
      if (any_ticked)
        continue;
      if (isnan (rate))
        rate = share;
      if (share == rate)
        g_hash_table_add (self->ticked, rc);
    }
}

void
cpl_revenue_view_select (CplRevenueView *self,
                         CplRevenueCase *revenue_case)
{
  guint position;

  g_return_if_fail (CPL_IS_REVENUE_VIEW (self));

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_func (self->selected, cpl_revenue_view_sync_inputs, self);
  if (revenue_case != self->selected)
    cpl_scroll_to_top (self->calculator);
  g_set_object (&self->selected, revenue_case);

  gtk_widget_set_visible (self->calculator, revenue_case != NULL);
  gtk_widget_set_visible (self->status, revenue_case == NULL);
  for (guint i = 0; i < N_INPUTS; i++)
    cpl_number_row_bind (self->input_rows[i], CPL_ENTITY (revenue_case), inputs[i].field);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revenue.duplicate", revenue_case != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revenue.delete", revenue_case != NULL);
  if (revenue_case == NULL)
    return;

  g_signal_connect_object (revenue_case, "changed", G_CALLBACK (cpl_revenue_view_sync_inputs), self, G_CONNECT_SWAPPED);
  cpl_revenue_view_sync_inputs (self);

  /* keep the list's selection in step */
  position = cpl_dataset_position (self->dataset, CPL_ENTITY (revenue_case));
  if (position != G_MAXUINT)
    cpl_check_list_select (self->case_list, position);
}

/* The user moved the list's selection (a click, the arrow keys). */
static void
on_selection_changed (CplRevenueView *self)
{
  CplRevenueCase *revenue_case = gtk_single_selection_get_selected_item (self->selection);

  if (revenue_case != NULL && revenue_case != self->selected)
    cpl_revenue_view_select (self, revenue_case);
}

/* The selected line's page: the one page shown when the leaflet is
 * folded (on a phone), beside the list otherwise. */
static void
show_line_page (CplRevenueView *self)
{
  cpl_leaflet_show (self->leaflet, self->content_page);
}

/* A tap, a click or Enter on a line: its page */
static void
on_row_activated (GtkWidget      *list,
                  guint           position,
                  CplRevenueView *self)
{
  g_autoptr(CplRevenueCase) revenue_case = g_list_model_get_item (cpl_dataset_get_revenue_cases (self->dataset),
                                                                   position);

  if (revenue_case != NULL && revenue_case != self->selected)
    cpl_revenue_view_select (self, revenue_case);
  show_line_page (self);
}

static void
on_cases_changed (CplRevenueView *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  GListModel *cases = cpl_dataset_get_revenue_cases (self->dataset);

  cpl_revenue_view_queue_totals (self);
  /* an undo puts back the very objects: the selected line stays while it
   * is in the list */
  if (self->selected != NULL &&
      cpl_dataset_position (self->dataset, CPL_ENTITY (self->selected)) != G_MAXUINT)
    return;
  /* the selected line is gone: pick its neighbour */
  if (g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(CplRevenueCase) next = g_list_model_get_item (cases, MIN (position, g_list_model_get_n_items (cases) - 1));
      cpl_revenue_view_select (self, next);
    }
  else
    cpl_revenue_view_select (self, NULL);
}

/* Actions ---------------------------------------------------------------- */

CplRevenueCase *
cpl_revenue_view_add_case (CplRevenueView *self)
{
  g_autofree char *id = cpl_dataset_new_id (self->dataset, CPL_TYPE_REVENUE_CASE, "sale");
  g_autoptr(CplRevenueCase) revenue_case = cpl_revenue_case_new (id, _("New sale line"));

  cpl_dataset_append (self->dataset, CPL_ENTITY (revenue_case));
  cpl_revenue_view_select (self, revenue_case);
  show_line_page (self);
  return revenue_case;
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cpl_revenue_view_add_case (CPL_REVENUE_VIEW (widget));
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CplRevenueView *self = CPL_REVENUE_VIEW (widget);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(CplEntity) copy = NULL;

  if (self->selected == NULL)
    return;
  id = cpl_dataset_new_id (self->dataset, CPL_TYPE_REVENUE_CASE, cpl_entity_get_id (CPL_ENTITY (self->selected)));
  copy = cpl_entity_duplicate (CPL_ENTITY (self->selected), id);
  /* Translators: the name of a duplicated sale line */
  name = g_strdup_printf (_("%s (copy)"), cpl_entity_get_name (CPL_ENTITY (self->selected)));
  cpl_entity_set_name (copy, name);
  cpl_dataset_append (self->dataset, copy);
  cpl_revenue_view_select (self, CPL_REVENUE_CASE (copy));
  show_line_page (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CplRevenueView *self = CPL_REVENUE_VIEW (widget);

  if (self->selected != NULL)
    cpl_remove_with_undo (widget, self->dataset, CPL_ENTITY (self->selected));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adw_leaflet_navigate (CPL_REVENUE_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Life cycle ------------------------------------------------------------- */

static void
cpl_revenue_view_dispose (GObject *object)
{
  CplRevenueView *self = CPL_REVENUE_VIEW (object);

  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_data (self->selected, self);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->messages_text, g_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->known, g_hash_table_unref);
  G_OBJECT_CLASS (cpl_revenue_view_parent_class)->dispose (object);
}

/* CSV -------------------------------------------------------------------- */

/* "Unit price (USD)": a column's title with its unit (N_(), "" for
 * none). */
static void
add_title (CplCsvWriter *writer,
           const char   *title,
           const char   *unit)
{
  g_autofree char *text = NULL;

  if (*unit == '\0')
    {
      cpl_csv_writer_add_text (writer, title);
      return;
    }
  /* Translators: a column's title and its unit, "Unit price (USD)" */
  text = g_strdup_printf (_("%1$s (%2$s)"), title, _(unit));
  cpl_csv_writer_add_text (writer, text);
}

/**
 * cpl_revenue_lines_text:
 *
 * The sale lines of @dataset as CSV or tab-separated text, a row a line:
 * its id, name, vendor and chip ids, its inputs, then its results at its
 * own share rate (MODEL.md §3).  Rates are fractions (0.15, not 15%),
 * money in US dollars, numbers unrounded, unknown ones empty.  No widgets.
 *
 * Returns: (transfer full): the text
 */
char *
cpl_revenue_lines_text (CplDataset      *dataset,
                        CplCsvSeparator  separator)
{
  GListModel *cases = cpl_dataset_get_revenue_cases (dataset);
  g_autoptr(CplCsvWriter) writer = cpl_csv_writer_new (separator);
  static const char * const kind_units[] = { [KIND_MONEY] = N_("USD"), [KIND_UNITS] = "", [KIND_PERCENT] = N_("fraction"),
                                             [KIND_BREAK_EVEN] = N_("fraction") };

  cpl_csv_writer_add_text (writer, _("ID"));
  cpl_csv_writer_add_text (writer, _("Name"));
  cpl_csv_writer_add_text (writer, _("Vendor ID"));
  cpl_csv_writer_add_text (writer, _("Chip ID"));
  for (guint i = 0; i < N_INPUTS; i++)
    add_title (writer, _(inputs[i].title), inputs[i].scale == 100 ? N_("fraction") : inputs[i].unit);
  for (guint o = 0; o < N_OUTPUTS; o++)
    add_title (writer, _(outputs[o].title), kind_units[outputs[o].kind]);
  cpl_csv_writer_end_row (writer);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CplRevenueCase) rc = g_list_model_get_item (cases, i);
      CplRevenueResult result;
      gboolean computed = cpl_revenue_case_compute (rc, &result, NULL, NULL);

      cpl_csv_writer_add_text (writer, cpl_entity_get_id (CPL_ENTITY (rc)));
      cpl_csv_writer_add_text (writer, cpl_entity_get_name (CPL_ENTITY (rc)));
      cpl_csv_writer_add_text (writer, cpl_revenue_case_get_vendor_id (rc));
      cpl_csv_writer_add_text (writer, cpl_revenue_case_get_chip_id (rc));
      for (guint f = 0; f < N_INPUTS; f++)
        cpl_csv_writer_add_number (writer, cpl_revenue_case_get (rc, inputs[f].field));
      /* a line the model refuses has no results: empty cells */
      for (guint o = 0; o < N_OUTPUTS; o++)
        cpl_csv_writer_add_number (writer, computed ? ((double *) &result)[o] : NAN);
      cpl_csv_writer_end_row (writer);
    }
  return cpl_csv_writer_free_to_text (g_steal_pointer (&writer));
}

static char *
revenue_lines_text (GtkWidget        *owner,
                    CplCsvSeparator   separator,
                    char            **file_name)
{
  if (file_name != NULL)
    *file_name = g_strdup ("revenue-share");
  return cpl_revenue_lines_text (CPL_REVENUE_VIEW (owner)->dataset, separator);
}

static void
cpl_revenue_view_class_init (CplRevenueViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpl_revenue_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/views/cpl-revenue-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, lines_header);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, separator);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, content_page);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, case_list);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, total_gross);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, total_take);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, total_net);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, total_lines);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, calc_box);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, back_row);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, header_title);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, calc_scroller);
  gtk_widget_class_bind_template_child (widget_class, CplRevenueView, calc_clamp);

  gtk_widget_class_install_action (widget_class, "revenue.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "revenue.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "revenue.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "revenue.back", NULL, back_activated);
}

/* On a phone the line's page scrolls under the Back button: once the
 * line's title has scrolled out of sight, its name shows beside Back, so
 * that the figures below still say which line they are for. */
static void
update_header_title (CplRevenueView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->calc_scroller);
  GtkWidget *title = GTK_WIDGET (self->line_title);
  double x, bottom;
  gboolean out_of_sight = FALSE;

  /* in the scrolled content's coordinates, which do not move as it scrolls */
  if (gtk_widget_translate_coordinates (title, self->calc_clamp, 0, gtk_widget_get_height (title), &x, &bottom))
    out_of_sight = gtk_widget_get_height (title) > 0 && gtk_adjustment_get_value (adjustment) >= bottom;
  gtk_revealer_set_reveal_child (self->header_revealer, out_of_sight);
}

static void
cpl_revenue_view_init (CplRevenueView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->known = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->ticked = g_hash_table_new (g_direct_hash, g_direct_equal);
  gtk_box_append (self->lines_header, cpl_table_actions_new (GTK_WIDGET (self), self->case_list,
                                                             revenue_lines_text));
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  cpl_show_when_folded (self->back_row, self->leaflet);
  build_calculator (self);
  update_share_controls (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_share_controls), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->calc_scroller), "value-changed",
                           G_CALLBACK (update_header_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->calc_scroller), "changed",
                           G_CALLBACK (update_header_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "activate", G_CALLBACK (on_row_activated), self, 0);
}

static void
on_lists_changed (CplRevenueView *self)
{
  g_autoptr(GListModel) vendors = names_model (cpl_dataset_get_vendors (self->dataset));
  g_autoptr(GListModel) chips = names_model (cpl_dataset_get_chips (self->dataset));

  self->syncing = TRUE;
  adw_combo_row_set_model (self->vendor_row, vendors);
  adw_combo_row_set_model (self->chip_row, chips);
  self->syncing = FALSE;
  cpl_revenue_view_sync_inputs (self);
}

void
cpl_revenue_view_set_dataset (CplRevenueView *self,
                              CplDataset     *dataset)
{
  GListModel *cases;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (CPL_IS_REVENUE_VIEW (self));
  g_return_if_fail (self->dataset == NULL);

  self->dataset = g_object_ref (dataset);
  cases = cpl_dataset_get_revenue_cases (dataset);
  /* the ticks are decided before the list makes the rows that show them */
  on_cases_arrived (self, 0, 0, g_list_model_get_n_items (cases));
  g_signal_connect_object (cases, "items-changed", G_CALLBACK (on_cases_arrived), self, G_CONNECT_SWAPPED);
  self->selection = cpl_check_list_set_model (self->case_list, cases, G_CALLBACK (on_selection_changed), self);
  factory = cpl_check_list_factory_new (_("Include in the total"), 2, update_case_row, is_ticked, on_tick_toggled, self);
  g_object_set (self->case_list, "factory", factory, NULL);
  on_lists_changed (self);
  g_signal_connect_object (cases, "items-changed", G_CALLBACK (on_cases_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cpl_dataset_get_vendors (dataset), "items-changed", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cpl_dataset_get_chips (dataset), "items-changed", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dataset, "entry-changed", G_CALLBACK (cpl_revenue_view_queue_totals), self, G_CONNECT_SWAPPED);
  cpl_revenue_view_queue_totals (self);

  if (g_list_model_get_n_items (cases) > 0)
    {
      g_autoptr(CplRevenueCase) first = g_list_model_get_item (cases, 0);
      cpl_revenue_view_select (self, first);
    }
  else
    cpl_revenue_view_select (self, NULL);
}

/* For tests ------------------------------------------------------------- */

CplRevenueCase *
cpl_revenue_view_get_selected (CplRevenueView *self)
{
  return self->selected;
}

/* Returns: (transfer none): the input row of the field @field_key
 * ("units", "price_usd", "revenue_share", …). */
CplNumberRow *
cpl_revenue_view_get_input (CplRevenueView *self,
                            const char     *field_key)
{
  for (guint i = 0; i < N_INPUTS; i++)
    if (g_str_equal (inputs[i].key, field_key))
      return self->input_rows[i];
  return NULL;
}

/* Returns: the text shown for @output_id in the column @column_id ("this",
 * "comparison", "difference", "ban"). */
/* Returns: the heading of the column @column_id ("this", "comparison",
 * "difference", "ban") as the wide table shows it */
const char *
cpl_revenue_view_get_case_title (CplRevenueView *self,
                                 const char     *column_id)
{
  for (guint c = 0; c < N_CASES; c++)
    if (g_str_equal (case_ids[c], column_id))
      return gtk_label_get_text (self->case_titles[LAYOUT_WIDE][c]);
  return NULL;
}

const char *
cpl_revenue_view_get_output (CplRevenueView *self,
                             const char     *output_id,
                             const char     *column_id)
{
  for (guint o = 0; o < N_OUTPUTS; o++)
    for (guint c = 0; c < N_CASES; c++)
      if (g_str_equal (outputs[o].id, output_id) && g_str_equal (case_ids[c], column_id))
        return gtk_label_get_text (self->output_labels[LAYOUT_WIDE][o][c]);
  return NULL;
}

/* Returns: (nullable): the line under the heading saying that the name
 * gives another rate than the line's, or %NULL when it is not shown */
const char *
cpl_revenue_view_get_name_hint (CplRevenueView *self)
{
  g_return_val_if_fail (CPL_IS_REVENUE_VIEW (self), NULL);
  return gtk_widget_get_visible (self->name_hint) ? gtk_label_get_text (self->name_hint_label) : NULL;
}

/* Returns: the sentence that answers, above the key figures, as shown
 * (a number kept with its unit, cpl_text_keep_units()). */
const char *
cpl_revenue_view_get_summary (CplRevenueView *self)
{
  return gtk_label_get_text (self->summary);
}

/* The note under the answer while a field holds text it refused, or
 * %NULL (for tests). */
const char *
cpl_revenue_view_get_stale_note (CplRevenueView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->stale)) ? gtk_label_get_text (self->stale) : NULL;
}

/* The Notes group of the selected line (for tests: cpl_notes_group_get_text(),
 * cpl_notes_group_edit()). */
GtkWidget *
cpl_revenue_view_get_notes (CplRevenueView *self)
{
  return self->notes;
}

const char *
cpl_revenue_view_get_messages (CplRevenueView *self)
{
  g_free (self->messages_text);
  self->messages_text = cpl_number_messages_join (self->messages, N_GROUPS);
  return self->messages_text;
}

/* Returns: the total @total_id ("gross", "take", "net") as shown, or
 * with "lines" the sentence that says which lines it adds up. */
const char *
cpl_revenue_view_get_total (CplRevenueView *self,
                            const char     *total_id)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  if (g_str_equal (total_id, "gross"))
    return gtk_label_get_text (self->total_gross);
  if (g_str_equal (total_id, "take"))
    return gtk_label_get_text (self->total_take);
  if (g_str_equal (total_id, "net"))
    return gtk_label_get_text (self->total_net);
  if (g_str_equal (total_id, "lines"))
    return gtk_label_get_text (self->total_lines);
  return NULL;
}

/* Returns: (transfer none): the tick box of @revenue_case in the list. */
GtkCheckButton *
cpl_revenue_view_get_tick (CplRevenueView *self,
                           CplRevenueCase *revenue_case)
{
  GtkWidget *row = cpl_check_list_find_row (self->case_list, revenue_case);

  return row ? cpl_check_row_get_check (row) : NULL;
}

/* Returns: (transfer none): the "Where the Revenue Goes" chart (for tests). */
CplBarChart *
cpl_revenue_view_get_split_chart (CplRevenueView *self)
{
  g_return_val_if_fail (CPL_IS_REVENUE_VIEW (self), NULL);
  return self->split_chart;
}

/* Returns: the key figure of @output_id above the table, as shown. */
const char *
cpl_revenue_view_get_key_figure (CplRevenueView *self,
                                 const char     *output_id)
{
  for (guint k = 0; k < N_KEYS; k++)
    if (g_str_equal (key_outputs[k], output_id))
      return gtk_label_get_text (self->key_values[k]);
  return NULL;
}

/* Returns: (nullable): the line's name as the folded page's header shows
 * it beside Back, or %NULL where it does not (the line's title is in
 * sight, or the leaflet is not folded). */
const char *
cpl_revenue_view_get_header_title (CplRevenueView *self)
{
  if (!gtk_widget_get_visible (self->back_row) || !gtk_revealer_get_reveal_child (self->header_revealer))
    return NULL;
  return gtk_label_get_text (self->header_title);
}

/* Returns: the page the folded leaflet shows: "lines" (the list of sale
 * lines) or "line" (the selected line's page). */
const char *
cpl_revenue_view_get_visible_page (CplRevenueView *self)
{
  return adw_leaflet_get_visible_child (self->leaflet) == self->sidebar ? "lines" : "line";
}
