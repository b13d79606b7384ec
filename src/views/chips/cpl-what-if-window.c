/* cpl-what-if-window.c: a hypothetical chip, judged as it is typed
 *
 * The inputs come first: throughput per precision (with a switch for
 * datasheets that quote sparse figures, which BIS halves), die area,
 * memory, bandwidth, interconnect, power and price.  TPP and performance
 * density stay in view in a bar under them; every rule's verdict with its
 * margins and the chip's place on the threshold map, the rules drawn on
 * it, follow the inputs.  All of it follows each keystroke.  "Add to
 * Dataset" keeps the chip as a user chip.
 */
#define G_LOG_DOMAIN "cpl-what-if-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chip-text.h"
#include "cpl-what-if-window.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-number-row.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-scatter-chart.h"

#define WHAT_IF_ID "what-if"

/* The inputs, in the order of the form: precisions, then the chip. */
static const struct {
  const char *key;       /* the chip field's JSON key */
  const char *title;     /* N_() */
  const char *unit;      /* N_() */
  int         field;     /* CplChipField */
  double      upper;
  int         digits;
} inputs[] = {
  { "bf16", "BF16", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_BF16, 1e6, 1 },
  { "fp16", "FP16", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP16, 1e6, 1 },
  { "fp8", "FP8", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP8, 1e6, 1 },
  { "int8", "INT8", N_("TOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_INT8, 1e6, 1 },
  { "fp4", "FP4", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP4, 1e6, 1 },
  { "int4", "INT4", N_("TOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_INT4, 1e6, 1 },
  { "tf32", "TF32", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_TF32, 1e6, 1 },
  { "fp32", "FP32", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP32, 1e6, 1 },
  { "fp64", "FP64", N_("TFLOPS"), CPL_CHIP_PERFORMANCE + CPL_PRECISION_FP64, 1e6, 1 },
  { "die_area_mm2", N_("Die area"), N_("mm²"), CPL_CHIP_DIE_AREA_MM2, 5000, 0 },
  { "memory_gb", N_("Memory"), N_("GB"), CPL_CHIP_MEMORY_GB, 10000, 0 },
  { "bandwidth_tbs", N_("Memory bandwidth"), N_("TB/s"), CPL_CHIP_BANDWIDTH_TBS, 1000, 2 },
  { "interconnect_gbs", N_("Interconnect"), N_("GB/s"), CPL_CHIP_INTERCONNECT_GBS, 100000, 0 },
  { "tdp_w", N_("TDP"), N_("W"), CPL_CHIP_TDP_W, 10000, 0 },
  { "price_usd", N_("Price"), N_("USD"), CPL_CHIP_PRICE_USD, 1e7, 0 },
};

#define N_PRECISION_INPUTS 9

struct _CplWhatIfWindow
{
  AdwWindow        parent_instance;

  CplDataset      *dataset;
  CplChip         *chip;
  gboolean         filling;         /* the form filled from a chip: one update at the end */
  GtkSpinButton   *spins[G_N_ELEMENTS (inputs)];
  GtkSwitch       *sparse;
  GtkSwitch       *domestic;
  GtkSwitch       *datacenter;
  GtkSwitch       *named;           /* rules that name the chip it started from apply */
  char            *named_id;        /* that chip, when a rule names it; else NULL */
  AdwEntryRow     *name_row;
  AdwComboRow     *vendor_row;
  GDate            date;            /* the rules in force on it judge the chip */
  GtkLabel        *status_caption;
  GtkWidget       *status_box;
  GtkLabel        *tpp_value;
  GtkLabel        *pd_value;
  GtkWidget       *rules_group;
  GPtrArray       *rule_rows;
  CplScatterChart *map;
  GtkLabel        *map_note;        /* what the chip lacks to be drawn */
  GtkWidget       *add;             /* "Add to Dataset": with a name and a figure */
};

G_DEFINE_FINAL_TYPE (CplWhatIfWindow, cpl_what_if_window, ADW_TYPE_WINDOW)

static void
cpl_what_if_window_dispose (GObject *object)
{
  CplWhatIfWindow *self = CPL_WHAT_IF_WINDOW (object);

  g_clear_object (&self->chip);
  g_clear_pointer (&self->named_id, g_free);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (cpl_what_if_window_parent_class)->dispose (object);
}

static void
cpl_what_if_window_class_init (CplWhatIfWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cpl_what_if_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cpl_what_if_window_init (CplWhatIfWindow *self)
{
  self->rule_rows = g_ptr_array_new ();
}

static const char *
selected_vendor_id (CplWhatIfWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->vendor_row);
  g_autoptr(CplEntity) vendor = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return "user";
  vendor = g_list_model_get_item (cpl_dataset_get_vendors (self->dataset), selected);
  return vendor ? cpl_entity_get_id (vendor) : "user";
}

/* The id the rules judge the chip by: the chip it started from while
 * "Rules naming … apply" is on, else its own. */
static const char *
rules_id (CplWhatIfWindow *self)
{
  return self->named_id != NULL && gtk_switch_get_active (self->named) ? self->named_id : WHAT_IF_ID;
}

static int find_input (const char *key);

/* The form → the chip → TPP, density, verdicts, the map. */
static void
cpl_what_if_window_update (CplWhatIfWindow *self)
{
  gboolean sparse;
  GListModel *rules = cpl_dataset_get_rules (self->dataset);
  GListModel *chips = cpl_dataset_get_chips (self->dataset);
  g_autofree char *tpp = NULL;
  g_autofree char *pd = NULL;
  CplChipMetrics m;

  if (self->filling)
    return;
  sparse = gtk_switch_get_active (self->sparse);

  g_clear_object (&self->chip);
  /* a chip of its own, or the one it started from where rules name that
   * one (the April 2025 letters name the H20, not figures) */
  self->chip = cpl_chip_new (rules_id (self), gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                             selected_vendor_id (self));
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      double value = gtk_spin_button_get_value (self->spins[i]);

      /* 0 is "not given"; sparse datasheet throughput is halved (BIS
       * counts dense operations) */
      if (value <= 0)
        value = NAN;
      else if (sparse && i < N_PRECISION_INPUTS)
        value /= 2;
      cpl_entity_set_number (CPL_ENTITY (self->chip), inputs[i].field, value, NULL);
    }
  cpl_chip_set_domestic (self->chip, gtk_switch_get_active (self->domestic));
  cpl_chip_set_datacenter (self->chip, gtk_switch_get_active (self->datacenter));

  /* an empty form is no chip to keep: a nameless chip of no figures,
   * added, was a row of dashes in the table */
  {
    g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
    gboolean any = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (inputs) && !any; i++)
      any = gtk_spin_button_get_value (self->spins[i]) > 0;
    gtk_widget_set_sensitive (self->add, any && *name != '\0');
    gtk_widget_set_tooltip_text (self->add,
                                 !any ? _("Enter at least one figure of the chip to add it to the dataset")
                                 : *name == '\0' ? _("Name the chip to add it to the dataset")
                                                : _("Keep this chip in the dataset as a user chip; it is saved with the dataset"));
  }

  cpl_chip_metrics_compute (self->chip, &m);
  /* the datasheet's TB/s, and with it the GB/s the rules' lines and the
   * map are in (4.8 TB/s typed, "6,500 GB/s" read on the map) */
  {
    int i = find_input ("bandwidth_tbs");
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (self->spins[i]), ADW_TYPE_ACTION_ROW);
    double tbs = gtk_spin_button_get_value (self->spins[i]);

    if (tbs > 0)
      {
        g_autofree char *gbs = cpl_metric_format_value (CPL_METRIC_BANDWIDTH_GBS, tbs * 1000);
        g_autofree char *rules_unit = g_strdup_printf (_("%s, the unit of the export rules"), gbs);
        /* Translators: an input's unit, then the value in the rules' unit: "TB/s · 4,800 GB/s, the unit of the export rules" */
        g_autofree char *subtitle = g_strdup_printf (_("%1$s · %2$s"), _(inputs[i].unit), rules_unit);

        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      }
    else
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(inputs[i].unit));
  }
  /* a dash said nothing of why: what is missing, as the density says */
  tpp = isnan (m.values[CPL_METRIC_TPP]) ? g_strdup (_("needs a throughput"))
                                         : cpl_format_number (m.values[CPL_METRIC_TPP], 0);
  pd = isnan (m.values[CPL_METRIC_PERFORMANCE_DENSITY])
         ? g_strdup (_("needs the die area"))
         : cpl_metric_format_value (CPL_METRIC_PERFORMANCE_DENSITY, m.values[CPL_METRIC_PERFORMANCE_DENSITY]);
  /* "TPP/mm²" is not broken at its slash either */
  {
    char *kept = cpl_text_keep_units (pd);

    g_free (pd);
    pd = kept;
  }
  gtk_label_set_text (self->tpp_value, tpp);
  gtk_label_set_text (self->pd_value, pd);

  /* what all the rules say together, as the Chips view's status column
   * does: the answer the window is opened for */
  {
    double share;
    g_autoptr(GPtrArray) deciding = NULL;
    CplChipStatus status = cpl_chip_status_decided_on (self->dataset, self->chip, &self->date, &share, &deciding);
    g_autofree char *tooltip = cpl_chip_status_explain (status, share, deciding, &self->date);

    cpl_status_box_set (self->status_box, status, share, tooltip);
  }

  for (guint i = 0; i < self->rule_rows->len && i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      AdwActionRow *row = g_ptr_array_index (self->rule_rows, i);
      GtkWidget *verdict = g_object_get_data (G_OBJECT (row), "cpl-verdict");
      /* the id the chip was made with: rules_id() */
      const char *id = cpl_entity_get_id (CPL_ENTITY (self->chip));
      g_autofree char *described = cpl_rule_describe_margins (rule, id, m.values);
      g_autofree char *margins = cpl_text_keep_units (described);
      g_autofree char *tooltip = cpl_rule_describe_verdict (rule, id, m.values);
      g_autofree char *not_in_force = cpl_rule_describe_in_force (rule, &self->date);
      g_autofree char *subtitle = NULL;

      /* as the Chips view's detail: a rule not in force says so first */
      if (not_in_force != NULL)
        subtitle = *margins ? g_strdup_printf ("%s\n%s", not_in_force, margins) : g_strdup (not_in_force);
      adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : margins);
      cpl_rule_verdict_box_set (verdict, rule, cpl_rule_evaluate_chip (rule, id, m.values, NULL),
                                cpl_chip_is_chinese (self->dataset, self->chip), tooltip, not_in_force);
    }

  /* the dataset's chips as the Chips view's map draws them (their
   * statuses on the same date), and the chip being made */
  cpl_threshold_map_fill (self->map, self->dataset, chips, &self->date);
  cpl_scatter_chart_add_point (self->map, WHAT_IF_ID, cpl_entity_get_name (CPL_ENTITY (self->chip)),
                               m.values[CPL_METRIC_TPP], m.values[CPL_METRIC_BANDWIDTH_GBS],
                               CPL_POINT_STYLE_HYPOTHETICAL);
  cpl_scatter_chart_set_selected (self->map, WHAT_IF_ID);
  /* a chip not drawn says what it lacks (the map of an empty form showed
   * the dataset's chips and no word of the one being made) */
  {
    gboolean no_tpp = isnan (m.values[CPL_METRIC_TPP]);
    gboolean no_bandwidth = isnan (m.values[CPL_METRIC_BANDWIDTH_GBS]);

    /* over the map, not in it: a long note found no corner free */
    gtk_widget_set_visible (GTK_WIDGET (self->map_note), no_tpp || no_bandwidth);
    gtk_label_set_text (self->map_note,
                        no_tpp && no_bandwidth
                          ? _("Enter a throughput and the memory bandwidth to place the chip on the map")
                        : no_tpp ? _("Enter a throughput to place the chip on the map")
                                 : no_bandwidth ? _("Enter the memory bandwidth to place the chip on the map") : "");
  }
}


static GtkSwitch *
switch_row_new (CplWhatIfWindow *self,
                GtkWidget       *group,
                const char      *title,
                const char      *subtitle,
                gboolean         active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (cpl_what_if_window_update), self, G_CONNECT_SWAPPED);
  return GTK_SWITCH (toggle);
}

/* The caption of the status: the date it is of. */
static void
update_status_caption (CplWhatIfWindow *self)
{
  g_autofree char *day = cpl_date_format_long (&self->date);
  /* Translators: over the what-if chip's status; %s is a date, "1 February 2026" */
  g_autofree char *caption = g_strdup_printf (_("Status in China on %s"), day);

  gtk_label_set_text (self->status_caption, caption);
}

/* The bar's results flow onto a second line where the window is narrow
 * (on a phone the density's unit was broken from it); they are read,
 * not focused or selected. */
static void
bar_append (GtkWidget *bar,
            GtkWidget *result)
{
  gtk_flow_box_append (GTK_FLOW_BOX (bar), result);
  gtk_widget_set_focusable (gtk_widget_get_parent (result), FALSE);
}

/* A result in the bar under the form: its name (@title, or set later
 * on the caption returned) over @value. */
static GtkLabel *
result_append (GtkWidget  *bar,
               const char *title,
               GtkWidget  *value,
               const char *tooltip)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *caption = gtk_label_new (title);

  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_tooltip_text (box, tooltip);
  bar_append (bar, box);
  return GTK_LABEL (caption);
}

/* A figure in the bar: the label its value is written into. */
static GtkLabel *
result_new (GtkWidget  *bar,
            const char *title,
            const char *tooltip)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  result_append (bar, title, label, tooltip);
  return GTK_LABEL (label);
}

static void
add_clicked (CplWhatIfWindow *self)
{
  cpl_what_if_window_add_to_dataset (self);
  gtk_window_close (GTK_WINDOW (self));
}

CplWhatIfWindow *
cpl_what_if_window_new (CplDataset *dataset)
{
  CplWhatIfWindow *self = g_object_new (CPL_TYPE_WHAT_IF_WINDOW,
                                        "title", _("What-If Chip"),
                                        "default-width", 720,
                                        "default-height", 800,
                                        "modal", TRUE,
                                        NULL);
  g_autoptr(GtkStringList) vendor_names = gtk_string_list_new (NULL);
  GListModel *vendors = cpl_dataset_get_vendors (dataset);
  GListModel *rules = cpl_dataset_get_rules (dataset);
  GtkWidget *box, *header, *add, *scrolled, *clamp, *content, *group, *row, *bar, *view;

  self->dataset = g_object_ref (dataset);
  cpl_date_set_today (&self->date);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->add = add = gtk_button_new_with_mnemonic (_("_Add to Dataset"));
  gtk_widget_add_css_class (add, "suggested-action");
  /* its tooltip, as whether it works, follows the form: cpl_what_if_window_update() */
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (box), header);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* TPP and density under the form, in view whatever is scrolled: they
   * answer as the figures are typed. */
  bar = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (bar), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (bar), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (bar), 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  self->status_box = cpl_verdict_box_new ();
  gtk_widget_add_css_class (self->status_box, "heading");
  self->status_caption = result_append (bar, NULL, self->status_box, NULL);
  gtk_label_set_wrap (self->status_caption, TRUE);
  self->tpp_value = result_new (bar, _("TPP"), _("Largest dense throughput × bit width"));
  self->pd_value = result_new (bar, _("Performance density"), _("TPP per mm² of die"));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (ADW_WINDOW (self), box);

  /* The inputs first: the form opens on what there is to type, not on a
   * verdict of "needs data" for every rule. */
  group = cpl_group_append (content, _("Throughput"), _("Dense figures per precision; leave 0 where the datasheet gives none"));
  self->sparse = switch_row_new (self, group, _("Datasheet figures are sparse"),
                                 _("Halves every figure, since export rules count dense operations"), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      GtkWidget *spin = gtk_spin_button_new_with_range (0, inputs[i].upper, inputs[i].digits ? 0.1 : 1);
      g_autofree char *accessible = NULL;

      cpl_leave_wheel_to_page (spin);

      if (i == N_PRECISION_INPUTS)
        {
          group = cpl_group_append (content, _("Chip"), NULL);
          self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), _("Hypothetical chip"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
          g_signal_connect_object (self->name_row, "changed", G_CALLBACK (cpl_what_if_window_update), self, G_CONNECT_SWAPPED);

          for (guint v = 0; v < g_list_model_get_n_items (vendors); v++)
            {
              g_autoptr(CplEntity) vendor = g_list_model_get_item (vendors, v);
              gtk_string_list_append (vendor_names, cpl_entity_get_name (vendor));
            }
          self->vendor_row = ADW_COMBO_ROW (adw_combo_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->vendor_row), _("Vendor"));
          adw_combo_row_set_model (self->vendor_row, G_LIST_MODEL (vendor_names));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->vendor_row));
          g_signal_connect_object (self->vendor_row, "notify::selected", G_CALLBACK (cpl_what_if_window_update), self, G_CONNECT_SWAPPED);
        }

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), inputs[i].digits);
      cpl_spin_button_read_typed (GTK_SPIN_BUTTON (spin), CPL_PARSE_NUMBER_DEFAULT);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), i < N_PRECISION_INPUTS ? inputs[i].title : _(inputs[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(inputs[i].unit));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      /* Translators: the accessible name of an input: "FP8 in TFLOPS" */
      accessible = g_strdup_printf (_("%1$s in %2$s"),
                                    i < N_PRECISION_INPUTS ? inputs[i].title : _(inputs[i].title),
                                    _(inputs[i].unit));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      self->spins[i] = GTK_SPIN_BUTTON (spin);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (cpl_what_if_window_update), self, G_CONNECT_SWAPPED);
    }
  self->domestic = switch_row_new (self, group, _("Domestic chip"), _("Made by a Chinese vendor"), FALSE);
  self->datacenter = switch_row_new (self, group, _("Data-centre part"), NULL, TRUE);
  /* shown when the form starts from a chip that rules name */
  self->named = switch_row_new (self, group, "",
                                _("Off, only its figures count, as for a new product"), TRUE);
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->named), ADW_TYPE_ACTION_ROW), FALSE);

  /* Then what the rules make of it, and where it falls among their lines. */
  group = cpl_group_append (content, _("Export Rules"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      GtkWidget *verdict = cpl_verdict_box_new ();

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cpl_entity_get_name (CPL_ENTITY (rule)));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), verdict);
      g_object_set_data (G_OBJECT (row), "cpl-verdict", verdict);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rule_rows, row);
    }

  self->map = CPL_SCATTER_CHART (cpl_scatter_chart_new ());
  /* Translators: the threshold map's horizontal axis; the measure spelled out, as it stands alone */
  cpl_scatter_chart_set_axes (self->map, C_("axis", "Total processing performance (TPP)"), TRUE,
                              _("Memory bandwidth (GB/s)"), TRUE);
  cpl_scatter_chart_set_description (self->map, _("The what-if chip among the dataset's chips, by TPP and memory bandwidth"));
  view = cpl_chart_view_new_take (self->map);
  /* under its heading, with Export… beside it, as a chart's card has them;
   * its exports are titled for the chip they show */
  gtk_box_append (GTK_BOX (content), cpl_chart_card_header_new (_("Threshold Map"), CPL_CHART_VIEW (view)));
  self->map_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->map_note, TRUE);
  gtk_label_set_xalign (self->map_note, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->map_note), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->map_note));
  cpl_chart_set_title (CPL_CHART (self->map), _("What-If Chip"));
  cpl_chart_export_set_name (CPL_CHART (self->map), "what-if-chip");
  gtk_widget_set_size_request (view, -1, 300);
  gtk_box_append (GTK_BOX (content), view);

  update_status_caption (self);
  cpl_what_if_window_update (self);
  return self;
}

/* Judges the chip, and draws the map, by the rules in force on @date (the
 * Chips view's), not today's. */
void
cpl_what_if_window_set_date (CplWhatIfWindow *self,
                             const GDate     *date)
{
  g_return_if_fail (CPL_IS_WHAT_IF_WINDOW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->date = *date;
  update_status_caption (self);
  cpl_what_if_window_update (self);
}

static int
find_input (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (g_str_equal (inputs[i].key, key))
      return i;
  return -1;
}

/* Types @value into the input @key ("fp8", "die_area_mm2", …). */
void
cpl_what_if_window_set_value (CplWhatIfWindow *self,
                              const char      *key,
                              double           value)
{
  int i = find_input (key);

  g_return_if_fail (i >= 0);
  gtk_spin_button_set_value (self->spins[i], value);
}

void
cpl_what_if_window_set_sparse (CplWhatIfWindow *self,
                               gboolean         sparse)
{
  gtk_switch_set_active (self->sparse, sparse);
}

/* Returns: the text of the result @key ("tpp", "pd", "status",
 * "status-caption", "map-note", "bandwidth-subtitle") as shown (a note not shown: %NULL). */
const char *
cpl_what_if_window_get_result (CplWhatIfWindow *self,
                               const char      *key)
{
  if (g_str_equal (key, "bandwidth-subtitle"))
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (
      GTK_WIDGET (self->spins[find_input ("bandwidth_tbs")]), ADW_TYPE_ACTION_ROW)));
  if (g_str_equal (key, "map-note"))
    return gtk_widget_get_visible (GTK_WIDGET (self->map_note)) ? gtk_label_get_text (self->map_note) : NULL;
  if (g_str_equal (key, "tpp"))
    return gtk_label_get_text (self->tpp_value);
  if (g_str_equal (key, "pd"))
    return gtk_label_get_text (self->pd_value);
  if (g_str_equal (key, "status"))
    return gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (self->status_box)));
  if (g_str_equal (key, "status-caption"))
    return gtk_label_get_text (self->status_caption);
  return NULL;
}

/* Returns: (transfer none): the map of the chip among the rules */
CplScatterChart *
cpl_what_if_window_get_map (CplWhatIfWindow *self)
{
  g_return_val_if_fail (CPL_IS_WHAT_IF_WINDOW (self), NULL);
  return self->map;
}

/* Whether the chip has a name and a figure: "Add to Dataset" works. */
gboolean
cpl_what_if_window_can_add (CplWhatIfWindow *self)
{
  g_return_val_if_fail (CPL_IS_WHAT_IF_WINDOW (self), FALSE);
  return gtk_widget_get_sensitive (self->add);
}

/**
 * cpl_what_if_window_add_to_dataset:
 *
 * Returns: (transfer none): the user chip now in the dataset, under an id
 *   made from its name.
 */
CplChip *
cpl_what_if_window_add_to_dataset (CplWhatIfWindow *self)
{
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autoptr(CplEntity) chip = NULL;
  g_autoptr(CplText) notes = NULL;

  g_return_val_if_fail (CPL_IS_WHAT_IF_WINDOW (self), NULL);
  /* as the button: not with no name or no figure */
  if (!cpl_what_if_window_can_add (self))
    return NULL;
  base = g_strconcat ("user ", cpl_entity_get_name (CPL_ENTITY (self->chip)), NULL);
  id = cpl_dataset_new_id (self->dataset, CPL_TYPE_CHIP, base);
  notes = cpl_text_new (NULL);

  chip = cpl_entity_duplicate (CPL_ENTITY (self->chip), id);
  cpl_text_set_locale (notes, "en", "Entered in the what-if form.");
  cpl_text_set_locale (notes, "zh_CN", "在假设芯片表单中录入。");
  cpl_entity_set_notes (CPL_ENTITY (chip), notes);
  cpl_dataset_append (self->dataset, chip);
  return CPL_CHIP (chip);
}

/* Whether a rule of @dataset names the chip @id in a condition. */
static gboolean
dataset_names_chip (CplDataset *dataset,
                    const char *id)
{
  GListModel *rules = cpl_dataset_get_rules (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);

      for (guint c = 0; c < cpl_rule_get_n_clauses (rule); c++)
        {
          guint n;
          const CplCondition *conditions = cpl_rule_get_clause (rule, c, &n);

          for (guint k = 0; k < n; k++)
            if (conditions[k].chips != NULL && g_strv_contains ((const char * const *) conditions[k].chips, id))
              return TRUE;
        }
    }
  return FALSE;
}

/**
 * cpl_what_if_window_start_from:
 * @chip: the chip the form starts from
 *
 * Fills the form with @chip's figures, vendor and origin, named "H20
 * (what if)", so that a change to one figure is tried against the rules
 * from a known chip, not from an empty form.
 */
void
cpl_what_if_window_start_from (CplWhatIfWindow *self,
                               CplChip         *chip)
{
  g_autofree char *name = NULL;
  CplEntity *vendor;

  g_return_if_fail (CPL_IS_WHAT_IF_WINDOW (self));
  g_return_if_fail (CPL_IS_CHIP (chip));

  /* each field set would compute the chip, its verdicts and the map again */
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      double value = cpl_entity_get_number (CPL_ENTITY (chip), inputs[i].field);

      /* 0 is "not given" in the form */
      gtk_spin_button_set_value (self->spins[i], isnan (value) ? 0 : value);
    }
  gtk_switch_set_active (self->sparse, FALSE);
  gtk_switch_set_active (self->domestic, cpl_chip_get_domestic (chip));
  gtk_switch_set_active (self->datacenter, cpl_chip_get_datacenter (chip) != 0);
  vendor = cpl_dataset_lookup (self->dataset, CPL_TYPE_VENDOR, cpl_chip_get_vendor_id (chip));
  if (vendor != NULL)
    adw_combo_row_set_selected (self->vendor_row, cpl_dataset_position (self->dataset, vendor));
  /* Translators: the name of a what-if chip made from a chip, "H20 (what if)" */
  name = g_strdup_printf (_("%s (what if)"), cpl_entity_get_name (CPL_ENTITY (chip)));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  /* rules that name the chip (letters, licences) judge its twin as they
   * judge it, unless switched off: the H20's twin needed no licence */
  {
    const char *id = cpl_entity_get_id (CPL_ENTITY (chip));
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (self->named), ADW_TYPE_ACTION_ROW);
    gboolean named = dataset_names_chip (self->dataset, id);
    /* Translators: a switch; %s is a chip's name, "H20" */
    g_autofree char *naming = g_strdup_printf (_("Rules naming %s apply"), cpl_entity_get_name (CPL_ENTITY (chip)));
    /* "适用点名 H200 SXM 的规则" */
    g_autofree char *title = cpl_text_space_han (naming);

    g_free (self->named_id);
    self->named_id = named ? g_strdup (id) : NULL;
    /* a chip's name is text, not markup ("R&D 1" was no title) */
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->named), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
    gtk_switch_set_active (self->named, TRUE);
    gtk_widget_set_visible (row, named);
  }
  self->filling = FALSE;
  cpl_what_if_window_update (self);
}
