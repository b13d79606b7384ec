/* cpl-chip-text.c: how the Chips view words metrics, verdicts and margins */
#define G_LOG_DOMAIN "cpl-chip-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cpl-chip-text.h"
#include "views/cpl-view-util.h"

/* Decimals that suit each metric's usual size. */
static const int metric_decimals[CPL_N_METRICS] = { 0, 2, 0, 0, 0, 1, 0, 0 };

const char *
cpl_metric_get_title (CplMetric metric)
{
  switch (metric)
    {
    case CPL_METRIC_TPP:                 return _("TPP");
    case CPL_METRIC_PERFORMANCE_DENSITY: return _("performance density");
    case CPL_METRIC_BANDWIDTH_GBS:       return _("memory bandwidth");
    case CPL_METRIC_INTERCONNECT_GBS:    return _("interconnect");
    case CPL_METRIC_MEMORY_GB:           return _("memory");
    case CPL_METRIC_COMPUTE_TFLOPS:      return _("BF16 compute");
    case CPL_METRIC_TDP_W:               return _("TDP");
    case CPL_METRIC_DATACENTER:          return _("data-centre part");
    case CPL_N_METRICS:
    default:                             g_return_val_if_reached ("");
    }
}

#define NO_BREAK_SPACE "\u00a0"
/* a bullet and a no-break space: an item of a list in a label */
#define BULLET "•" NO_BREAK_SPACE

/**
 * cpl_format_with_unit:
 * @format: a translated pattern with one "%s" for the number: "%s GB/s"
 * @number: the number as written, "4,800"
 *
 * @format with @number in place of its "%s", and a space beside the
 * number made a no-break space: a line never breaks between a number and
 * its unit (the detail pane showed "900" above "GB/s").
 *
 * Returns: (transfer full): "4,800 GB/s"
 */
char *
cpl_format_with_unit (const char *format,
                      const char *number)
{
  const char *at = strstr (format, "%s");
  const char *rest;
  GString *text;

  g_return_val_if_fail (at != NULL, g_strdup (number));
  text = g_string_new_len (format, at - format);
  if (text->len > 0 && text->str[text->len - 1] == ' ')
    {
      g_string_truncate (text, text->len - 1);
      g_string_append (text, NO_BREAK_SPACE);
    }
  g_string_append (text, number);
  rest = at + strlen ("%s");
  if (*rest == ' ')
    {
      g_string_append (text, NO_BREAK_SPACE);
      rest++;
    }
  g_string_append (text, rest);
  return g_string_free (text, FALSE);
}

/* "2,368", "4,800 GB/s", "96 GB", "700 W" (a no-break space before the
 * unit); "needs data" when unknown. */
char *
cpl_metric_format_value (CplMetric metric,
                         double    value)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("needs data"));
  if (metric == CPL_METRIC_DATACENTER)
    return g_strdup (value != 0 ? _("yes") : _("no"));

  number = cpl_format_number (value, metric_decimals[metric]);
  switch (metric)
    {
    case CPL_METRIC_BANDWIDTH_GBS:
    case CPL_METRIC_INTERCONNECT_GBS:
      /* Translators: a bandwidth; keep the unit */
      return cpl_format_with_unit (_("%s GB/s"), number);
    case CPL_METRIC_MEMORY_GB:
      /* Translators: a memory size; keep the unit */
      return cpl_format_with_unit (_("%s GB"), number);
    case CPL_METRIC_COMPUTE_TFLOPS:
      /* Translators: a throughput; keep the unit */
      return cpl_format_with_unit (_("%s TFLOPS"), number);
    case CPL_METRIC_TDP_W:
      /* Translators: a power; keep the unit */
      return cpl_format_with_unit (_("%s W"), number);
    case CPL_METRIC_PERFORMANCE_DENSITY:
      return cpl_format_with_unit (_("%s TPP/mm²"), number);
    case CPL_METRIC_TPP:
    case CPL_METRIC_DATACENTER:
    case CPL_N_METRICS:
    default:
      return g_steal_pointer (&number);
    }
}

const char *
cpl_verdict_get_label (CplTriState verdict)
{
  switch (verdict)
    {
    case CPL_TRI_TRUE:    return _("Controlled");
    case CPL_TRI_FALSE:   return _("Not controlled");
    case CPL_TRI_UNKNOWN:
    default:              return _("Needs data");
    }
}

/* An icon as well as words and colour, never colour alone. */
const char *
cpl_verdict_get_icon_name (CplTriState verdict)
{
  switch (verdict)
    {
    case CPL_TRI_TRUE:    return "changes-prevent-symbolic";
    case CPL_TRI_FALSE:   return "object-select-symbolic";
    case CPL_TRI_UNKNOWN:
    default:              return "cpl-needs-data-symbolic";
    }
}

const char *
cpl_verdict_get_css_class (CplTriState verdict)
{
  switch (verdict)
    {
    case CPL_TRI_TRUE:    return "error";
    case CPL_TRI_FALSE:   return "success";
    case CPL_TRI_UNKNOWN:
    default:              return "dim-label";
    }
}

/* A comparison as a reader writes it, "≥", not as the file does, ">=". */
static const char *
op_display (CplOp op)
{
  static const char * const symbols[CPL_N_OPS] = {
    [CPL_OP_GE] = "≥", [CPL_OP_GT] = ">", [CPL_OP_LE] = "≤", [CPL_OP_LT] = "<", [CPL_OP_EQ] = "=",
  };

  g_return_val_if_fail (op < CPL_N_OPS, "");
  return symbols[op];
}

/* Whether a condition holds, and by how much: "yes, 768 above", "no,
 * 32 below", "yes, on the line". */
static char *
margin_outcome (const CplMargin *m)
{
  /* in its unit: "no, 300 GB/s below" */
  g_autofree char *distance = cpl_metric_format_value (m->metric, fabs (m->value - m->threshold));
  gboolean holds = m->holds == CPL_TRI_TRUE;

  if (m->value > m->threshold)
    /* Translators: a condition holds, the chip's value is 768 above the line */
    return g_strdup_printf (holds ? _("yes, %s above") : _("no, %s above"), distance);
  if (m->value < m->threshold)
    /* Translators: a condition holds (or not), the chip's value 32 below the line */
    return g_strdup_printf (holds ? _("yes, %s below") : _("no, %s below"), distance);
  return g_strdup (holds ? _("yes, on the line") : _("no, on the line"));
}

/* One condition, the chip's value against it and whether it holds:
 * "TPP 2,368 ≥ 2,400: no, 32 below", "interconnect 400 ≥ 600 GB/s: no,
 * 200 GB/s below".  The rule's line and the distance to it in their unit
 * (with the unit on the chip's value only, "≥ 600: yes, 184 above" did
 * not say 600 of what); the chip's value beside the line shares its unit,
 * as in "400–600 GB/s" (the unit three times a line wrapped into a wall
 * of units). */
char *
cpl_margin_describe (const CplMargin *m)
{
  g_autofree char *value = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *outcome = NULL;

  if (m->metric == CPL_METRIC_DATACENTER)
    {
      value = cpl_metric_format_value (m->metric, m->value);
      threshold = cpl_metric_format_value (m->metric, m->threshold);
      /* Translators: %1$s is "data-centre part", %2$s yes/no, %3$s the value the rule needs */
      return g_strdup_printf (_("%1$s: %2$s (the rule looks for %3$s)"),
                              cpl_metric_get_title (m->metric), value, threshold);
    }
  if (isnan (m->value))
    {
      threshold = cpl_metric_format_value (m->metric, m->threshold);
      /* Translators: a condition the chip lacks the figure for: "interconnect ≥ 600 GB/s: needs data" */
      return g_strdup_printf (_("%1$s %2$s %3$s: needs data"),
                              cpl_metric_get_title (m->metric), op_display (m->op), threshold);
    }
  value = cpl_format_number (m->value, metric_decimals[m->metric]);
  threshold = cpl_metric_format_value (m->metric, m->threshold);
  {
    /* "300 GB/s below" stays on one line, but may go to the next after
     * "yes,": "yes, 300 GB/s below" whole was too wide for a phone's
     * comparison */
    g_autofree char *words = margin_outcome (m);
    const char *first = strchr (words, ' ');
    GString *kept = g_string_new (first != NULL ? first + 1 : words);

    g_string_replace (kept, " ", NO_BREAK_SPACE, 0);
    if (first != NULL)
      g_string_prepend_len (kept, words, first - words + 1);
    outcome = g_string_free (kept, FALSE);
  }
  /* Translators: a condition and whether the chip meets it: %1$s a metric,
   * %2$s the chip's value, %3$s a comparison (≥), %4$s the rule's line,
   * %5$s "yes, 32 below": "TPP 2,368 ≥ 2,400: no, 32 below" */
  return g_strdup_printf (_("%1$s %2$s %3$s %4$s: %5$s"), cpl_metric_get_title (m->metric), value,
                          op_display (m->op), threshold, outcome);
}

static const char *
clause_outcome (CplTriState holds)
{
  switch (holds)
    {
    /* Translators: a clause of a rule, all of whose conditions hold */
    case CPL_TRI_TRUE:  return _("met");
    case CPL_TRI_FALSE: return _("not met");
    case CPL_TRI_UNKNOWN:
    /* Translators: a clause of a rule whose outcome needs a missing figure */
    default:            return _("needs data");
    }
}

/**
 * cpl_rule_describe_margins:
 * @chip_id: (nullable): the chip's id, for conditions that name chips
 *
 * Every condition of @rule with the chip's value against it, one line
 * each, under a line per clause saying whether it is met when there is
 * more than one clause ("Clause 2 of 2, all must hold: not met": one
 * clause met is enough) or more than one condition ("All must hold:
 * met").  A rule that only names chips has no line to measure: "".
 */
char *
cpl_rule_describe_margins (CplRule      *rule,
                           const char   *chip_id,
                           const double *metrics)
{
  GString *text = g_string_new (NULL);
  guint n_clauses = cpl_rule_get_n_clauses (rule);
  gboolean any_threshold = FALSE;

  for (guint i = 0; i < n_clauses && !any_threshold; i++)
    {
      g_autoptr(GArray) margins = cpl_rule_get_clause_margins (rule, i, metrics);

      any_threshold = margins->len > 0;
    }
  if (!any_threshold)
    return g_string_free (text, FALSE);

  for (guint i = 0; i < n_clauses; i++)
    {
      g_autoptr(GArray) margins = cpl_rule_get_clause_margins (rule, i, metrics);
      const char *outcome = clause_outcome (cpl_rule_evaluate_clause (rule, i, chip_id, metrics));
      guint n_conditions;
      const CplCondition *conditions = cpl_rule_get_clause (rule, i, &n_conditions);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (n_clauses > 1 && n_conditions > 1)
        /* Translators: %1$u of %2$u numbers a rule's clauses (one met is
         * enough); %3$s is met, not met or needs data */
        g_string_append_printf (text, _("Clause %1$u of %2$u, all must hold: %3$s"), i + 1, n_clauses, outcome);
      else if (n_clauses > 1)
        /* Translators: a clause of one condition; %3$s is met, not met or needs data */
        g_string_append_printf (text, _("Clause %1$u of %2$u: %3$s"), i + 1, n_clauses, outcome);
      else if (n_conditions > 1)
        /* Translators: a rule's only clause; %s is met, not met or needs data */
        g_string_append_printf (text, _("All must hold: %s"), outcome);
      /* a list of chips among thresholds: whether it names this one */
      for (guint k = 0; k < n_conditions; k++)
        if (conditions[k].chips != NULL)
          {
            gboolean named = cpl_condition_evaluate_chip (&conditions[k], chip_id, metrics) == CPL_TRI_TRUE;

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append (text, BULLET);
            g_string_append (text, named ? _("names this chip: yes") : _("names this chip: no"));
          }
      for (guint k = 0; k < margins->len; k++)
        {
          g_autofree char *line = cpl_margin_describe (&g_array_index (margins, CplMargin, k));

          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* under a clause's line, a condition is one of its items */
          if (n_clauses > 1 || n_conditions > 1)
            g_string_append (text, BULLET);
          g_string_append (text, line);
        }
    }
  return g_string_free (text, FALSE);
}

static void
describe_condition (GString            *text,
                    const CplCondition *c,
                    const double       *metrics)
{
  g_autofree char *value = NULL;
  g_autofree char *threshold = NULL;

  if (c->chips != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", c->chips);

      /* Translators: a condition that names chips by their ids:
       * "one of the chips nvidia-h20, amd-mi308x" */
      g_string_append_printf (text, _("one of the chips %s"), ids);
      return;
    }
  value = cpl_metric_format_value (c->metric, metrics[c->metric]);
  threshold = cpl_metric_format_value (c->metric, c->value);

  /* Translators: one condition of a rule and the chip's value:
   * "TPP 15,832 (rule: ≥ 4,800)" */
  g_string_append_printf (text, _("%1$s %2$s (rule: %3$s %4$s)"),
                          cpl_metric_get_title (c->metric), value,
                          op_display (c->op), threshold);
}

static char *rule_verdict_label (CplRule     *rule,
                                 CplTriState  verdict);

/**
 * cpl_rule_describe_verdict:
 *
 * The rule's name and verdict, the clause that matched (or, when none did,
 * every clause) and the values used: the tooltip of a verdict.  @chip_id
 * is %NULL for a chip of no dataset (the what-if chip).
 */
char *
cpl_rule_describe_verdict (CplRule      *rule,
                           const char   *chip_id,
                           const double *metrics)
{
  GString *text = g_string_new (NULL);
  int matched;
  CplTriState verdict = cpl_rule_evaluate_chip (rule, chip_id, metrics, &matched);
  guint n_clauses = cpl_rule_get_n_clauses (rule);
  g_autofree char *label = NULL;

  /* the verdict in its row's words: "Not caught", "25% share applies" */
  label = rule_verdict_label (rule, verdict);
  /* Translators: "ECCN 3A090.a (2023): Controlled" */
  g_string_append_printf (text, _("%1$s: %2$s"), cpl_entity_get_name (CPL_ENTITY (rule)), label);

  for (guint i = 0; i < n_clauses; i++)
    {
      guint n;
      const CplCondition *conditions = cpl_rule_get_clause (rule, i, &n);

      if (matched >= 0 && (guint) matched != i)
        continue;
      g_string_append_c (text, '\n');
      /* Translators: a clause of a rule, numbered from 1, then its conditions */
      g_string_append_printf (text, matched >= 0 ? _("Matched clause %u: ") : _("Clause %u: "), i + 1);
      for (guint j = 0; j < n; j++)
        {
          if (j > 0)
            g_string_append (text, _(", and "));
          describe_condition (text, &conditions[j], metrics);
        }
    }
  return g_string_free (text, FALSE);
}

/* An icon beside words that say the same: a screen reader skips it
 * (else it read "GtkImage").  @icon_name may be %NULL, to set later. */
GtkWidget *
cpl_decorative_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       "icon-name", icon_name,
                       NULL);
}

/* The box's tooltip, given when asked for: gtk_widget_set_tooltip_text()
 * on a shown widget asks the display where the pointer is (a round trip
 * to the X server, ~0.5 ms), and the Chips view sets one per cell it
 * binds: 50 rule columns over 20 chips took 0.5 s. */
static gboolean
on_query_tooltip (GtkWidget  *box,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (box), "cpl-tooltip");
  g_autofree char *kept = NULL;

  if (text == NULL)
    return FALSE;
  kept = cpl_text_keep_han_words (text);
  gtk_tooltip_set_text (tooltip, kept);
  return TRUE;
}

GtkWidget *
cpl_verdict_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  /* dimmed by colour, not opacity (resources/style.css) */
  gtk_widget_add_css_class (box, "verdict");
  gtk_box_append (GTK_BOX (box), cpl_decorative_icon_new (NULL));
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  return box;
}

/* @box in @css_class's colour alone (%NULL: the text's). */
static void
set_colour (GtkWidget  *box,
            const char *css_class)
{
  static const char *classes[] = { "error", "success", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
}

/* An icon, a word and a colour: never colour alone. */
static void
box_set (GtkWidget  *box,
         const char *icon_name,
         const char *text,
         const char *css_class,
         const char *tooltip)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  gtk_label_set_text (GTK_LABEL (label), text);
  set_colour (box, css_class);
  g_object_set_data_full (G_OBJECT (box), "cpl-tooltip", g_strdup (tooltip), g_free);
  /* what gtk_widget_set_tooltip_text() would tell screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
}

void
cpl_verdict_box_set (GtkWidget   *box,
                     CplTriState  verdict,
                     const char  *tooltip)
{
  box_set (box, cpl_verdict_get_icon_name (verdict), cpl_verdict_get_label (verdict),
           cpl_verdict_get_css_class (verdict), tooltip);
}

/**
 * cpl_rule_verdict_get_label:
 *
 * A control rule's match reads "Controlled", a licence rule's
 * "Licensable", a share rule's "25% share applies"; a control rule that
 * does not match "Not caught", a licence or share rule "Does not apply";
 * unknown is "Needs data" whatever the effect.  Of a @domestic chip (its
 * vendor is Chinese), whose sale in China no US rule decides, a verdict is
 * what the rule would say of it as a US export: "If exported: Controlled".
 */
char *
cpl_rule_verdict_get_label (CplRule     *rule,
                            CplTriState  verdict,
                            gboolean     domestic)
{
  g_autofree char *text = NULL;

  text = rule_verdict_label (rule, verdict);
  /* every verdict the rule gives, "If exported: Not caught" too (a bare
   * "Not caught" beside the 910C's "If exported: Controlled" read as
   * the rule's word on its sale); "Needs data" is the same either way */
  if (domestic && verdict != CPL_TRI_UNKNOWN)
    /* Translators: what a US export rule would say of a Chinese chip if it were exported from the US; %s is "Controlled", "Not caught", "Licensable", "Does not apply" or "25% share applies" */
    return g_strdup_printf (_("If exported: %s"), text);
  return g_steal_pointer (&text);
}

static char *
rule_verdict_label (CplRule     *rule,
                    CplTriState  verdict)
{
  g_autofree char *rate = NULL;

  if (verdict == CPL_TRI_UNKNOWN)
    return g_strdup (cpl_verdict_get_label (verdict));
  switch (cpl_rule_get_effect (rule))
    {
    case CPL_RULE_EFFECT_LICENCE:
    case CPL_RULE_EFFECT_SHARE:
      /* a licence or share that does not match the chip says nothing of
       * it ("Not licensable" read as a ban on the A100, which another
       * rule makes licensable) */
      if (verdict != CPL_TRI_TRUE)
        /* Translators: a licence or revenue-share rule that does not match the chip */
        return g_strdup (_("Does not apply"));
      if (cpl_rule_get_effect (rule) == CPL_RULE_EFFECT_LICENCE)
        return g_strdup (_("Licensable"));
      rate = cpl_format_rate (cpl_rule_get_share (rule));
      /* Translators: %s is a rate, "25%": the revenue share a licensed sale pays */
      return g_strdup_printf (_("%s share applies"), rate);
    case CPL_RULE_EFFECT_CONTROL:
    case CPL_RULE_N_EFFECTS:
    default:
      /* this rule does not catch the chip, which another may ("Not
       * controlled" with a green tick read as the B200's verdict beside
       * the 3A090.a that denies it) */
      if (verdict == CPL_TRI_FALSE)
        /* Translators: a control rule whose conditions the chip does not meet (another rule may still control it) */
        return g_strdup (_("Not caught"));
      return g_strdup (cpl_verdict_get_label (verdict));
    }
}

/* What a match of @rule means, for a tooltip. */
const char *
cpl_rule_effect_describe (CplRule *rule)
{
  switch (cpl_rule_get_effect (rule))
    {
    case CPL_RULE_EFFECT_LICENCE:
      return _("A match means a licence to export the chip to China may be granted, case by case.");
    case CPL_RULE_EFFECT_SHARE:
      return _("A match means a licensed sale to China pays this share of its revenue to the US government.");
    case CPL_RULE_EFFECT_CONTROL:
    case CPL_RULE_N_EFFECTS:
    default:
      return _("A match means an export of the chip to China needs a licence, presumed denied.");
    }
}

/**
 * cpl_rule_verdict_get_style:
 * @icon_name: (out): the icon of @rule's @verdict
 * @css_class: (out): its colour's style class
 *
 * How a rule's verdict looks wherever it shows (the table's cells, the
 * detail pane): a control rule's match is red, a licence's or a share's
 * amber (it opens a door, on terms), a licence or share that does not
 * apply is dimmed, not a green tick (nothing is allowed by it), and so is
 * a control rule that does not catch the chip (its status is what all
 * the rules say together).
 */
void
cpl_rule_verdict_get_style (CplRule      *rule,
                            CplTriState   verdict,
                            const char  **icon_name,
                            const char  **css_class)
{
  CplRuleEffect effect = cpl_rule_get_effect (rule);

  if (effect == CPL_RULE_EFFECT_CONTROL || verdict == CPL_TRI_UNKNOWN)
    {
      *icon_name = cpl_verdict_get_icon_name (verdict);
      /* a control rule's tick dimmed: this rule lets the chip through,
       * but the chip's status is what all the rules say together */
      *css_class = verdict == CPL_TRI_FALSE ? "dim-label" : cpl_verdict_get_css_class (verdict);
    }
  else if (verdict == CPL_TRI_TRUE)
    {
      *icon_name = effect == CPL_RULE_EFFECT_LICENCE ? "changes-allow-symbolic" : "dialog-information-symbolic";
      *css_class = "warning";
    }
  else
    {
      /* a dash, "not applicable": the barred circle is the Denied status's */
      *icon_name = "list-remove-symbolic";
      *css_class = "dim-label";
    }
}

/* A @domestic chip's verdicts are in grey, as a rule's not in force: they
 * decide nothing of its sale in China (a red "Controlled" beside the
 * Ascend 910C's "Domestic" read as a US ban on it). */
void
cpl_rule_verdict_box_set (GtkWidget   *box,
                          CplRule     *rule,
                          CplTriState  verdict,
                          gboolean     domestic,
                          const char  *tooltip,
                          const char  *not_in_force)
{
  g_autofree char *text = cpl_rule_verdict_get_label (rule, verdict, domestic);
  g_autofree char *full = NULL;
  const char *icon_name, *css_class;

  if (domestic)
    full = g_strdup_printf ("%s\n%s\n%s", cpl_chip_status_describe (CPL_CHIP_STATUS_DOMESTIC),
                            cpl_rule_effect_describe (rule), tooltip);
  else
    full = g_strdup_printf ("%s\n%s", cpl_rule_effect_describe (rule), tooltip);
  /* a rule not in force says so first, its verdict in grey: it decides
   * nothing that day */
  if (not_in_force != NULL)
    {
      char *both = g_strdup_printf ("%s\n%s", not_in_force, full);

      g_free (full);
      full = both;
    }
  cpl_rule_verdict_get_style (rule, verdict, &icon_name, &css_class);
  box_set (box, icon_name, text, domestic || not_in_force != NULL ? "dim-label" : css_class, full);
}

/* Status ------------------------------------------------------------------ */

/* "Denied", "Licensable · 25% share"; the share only when licensable. */
char *
cpl_chip_status_get_label (CplChipStatus status,
                           double        share)
{
  g_autofree char *rate = NULL;

  switch (status)
    {
    case CPL_CHIP_STATUS_DOMESTIC:
      /* Translators: the status of a chip made in China */
      return g_strdup (C_("status", "Domestic"));
    case CPL_CHIP_STATUS_FREE:
      return g_strdup (_("No licence needed"));
    case CPL_CHIP_STATUS_DENIED:
      return g_strdup (_("Denied"));
    case CPL_CHIP_STATUS_LICENSABLE:
      if (isnan (share))
        /* Translators: licensable, but whether a revenue share applies needs data */
        return g_strdup (_("Licensable · share needs data"));
      if (share <= 0)
        return g_strdup (_("Licensable"));
      rate = cpl_format_rate (share);
      /* Translators: %s is a rate, "25%": licensable, paying that share of revenue */
      return g_strdup_printf (_("Licensable · %s share"), rate);
    case CPL_CHIP_STATUS_UNKNOWN:
    case CPL_N_CHIP_STATUSES:
    default:
      return g_strdup (cpl_verdict_get_label (CPL_TRI_UNKNOWN));
    }
}

/* What the status means, for a tooltip. */
const char *
cpl_chip_status_describe (CplChipStatus status)
{
  switch (status)
    {
    case CPL_CHIP_STATUS_DOMESTIC:
      return _("Made by a Chinese vendor: US export rules do not decide its sale in China.");
    case CPL_CHIP_STATUS_FREE:
      return _("No control rule in force on this date catches the chip: it may be exported to China without a licence.");
    case CPL_CHIP_STATUS_DENIED:
      return _("A control rule catches the chip and no licence rule in force on this date opens it: an export to China is presumed denied.");
    case CPL_CHIP_STATUS_LICENSABLE:
      return _("A control rule catches the chip, but a licence may be granted case by case; a licensed sale pays the largest revenue share that applies.");
    case CPL_CHIP_STATUS_UNKNOWN:
    case CPL_N_CHIP_STATUSES:
    default:
      return _("A figure the rules in force on this date need is missing: add it to the chip to know its status.");
    }
}

/* How a status looks wherever it shows: its icon and colour's style class
 * (%NULL: the text's own colour).  A domestic chip is in the text's
 * colour: export rules do not apply to it, and blue would say the
 * opposite of the threshold map, where blue dots are the foreign chips
 * and domestic ones are vermilion diamonds. */
void
cpl_chip_status_get_style (CplChipStatus   status,
                           const char    **icon_name,
                           const char    **css_class)
{
  static const char * const icons[CPL_N_CHIP_STATUSES] = {
    "go-home-symbolic", "object-select-symbolic", "action-unavailable-symbolic",
    "changes-allow-symbolic", "cpl-needs-data-symbolic"
  };
  static const char * const classes[CPL_N_CHIP_STATUSES] = {
    NULL, "success", "error", "warning", "dim-label"
  };

  g_return_if_fail (status < CPL_N_CHIP_STATUSES);
  *icon_name = icons[status];
  *css_class = classes[status];
}

/* The names of @rules' rules of @effect, "ECCN 3A090.a (October 2022),
 * ECCN 3A090.a (2023) and ECCN 3A090.b (2023)", each name quoted. */
static char *
rule_names (GPtrArray     *rules,
            CplRuleEffect  effect)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      CplRule *rule = g_ptr_array_index (rules, i);

      if (cpl_rule_get_effect (rule) == effect)
        g_ptr_array_add (names, (gpointer) cpl_entity_get_name (CPL_ENTITY (rule)));
    }
  /* quoted: a name spliced in as a noun ran into the sentence ("pays
   * 15% of its revenue to the US under 15% share for H20 …") */
  for (guint i = 0; i < names->len; i++)
    /* Translators: a rule's name quoted in a sentence, “25% tariff share (January 2026)” */
    names->pdata[i] = g_strdup_printf (_("“%s”"), (const char *) names->pdata[i]);
  g_ptr_array_set_free_func (names, g_free);
  return cpl_text_join_list ((const char * const *) names->pdata, names->len);
}

/* How many of @rules' rules are of @effect. */
static guint
count_effect (GPtrArray     *rules,
              CplRuleEffect  effect)
{
  guint n = 0;

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    n += cpl_rule_get_effect (g_ptr_array_index (rules, i)) == effect;
  return n;
}

/**
 * cpl_rule_describe_in_force:
 *
 * Returns: (transfer full) (nullable): %NULL when @rule is in force on
 *   @date, else when it is: "Not yet in force on 1 June 2025: in force
 *   from 15 January 2026", "No longer in force on 1 June 2025: it ended on
 *   1 January 2025"
 */
char *
cpl_rule_describe_in_force (CplRule     *rule,
                            const GDate *date)
{
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;
  g_autofree char *other = NULL;
  const char *effective = cpl_rule_get_effective (rule);

  if (cpl_rule_in_force_on (rule, date))
    return NULL;
  iso = cpl_iso_date_format (date);
  day = cpl_date_format_long (date);
  if (effective != NULL && g_strcmp0 (iso, effective) < 0)
    {
      other = cpl_iso_date_format_long (effective);
      /* Translators: %1$s is the date the rules are read on, %2$s the day a
       * rule comes into force (both "1 June 2025") */
      return g_strdup_printf (_("Not yet in force on %1$s: in force from %2$s"), day, other);
    }
  other = cpl_iso_date_format_long (cpl_rule_get_until (rule));
  /* Translators: %1$s is the date the rules are read on, %2$s the first
   * day a rule no longer applies (both "1 June 2025") */
  return g_strdup_printf (_("No longer in force on %1$s: it ended on %2$s"), day, other);
}

/**
 * cpl_chip_status_explain:
 * @share: the share cpl_chip_status_decided_on() gave
 * @deciding: (nullable): the rules it gave as deciding the status
 * @date: the day the rules were read on
 *
 * What @status means on @date, naming the rules that decide it: "Under
 * the rules in force on 1 February 2026: caught by ECCN 3A090.a (2023), but a
 * licence may be granted under …; a licensed sale pays 25% of its
 * revenue to the US under …".  A domestic chip, one that needs no
 * licence, and any status without its deciding rules get what the
 * status means in general.
 */
char *
cpl_chip_status_explain (CplChipStatus  status,
                         double         share,
                         GPtrArray     *deciding,
                         const GDate   *date)
{
  g_autofree char *day = cpl_date_format_long (date);
  g_autofree char *control = rule_names (deciding, CPL_RULE_EFFECT_CONTROL);
  g_autofree char *licence = rule_names (deciding, CPL_RULE_EFFECT_LICENCE);
  g_autofree char *shares = rule_names (deciding, CPL_RULE_EFFECT_SHARE);

  if (status == CPL_CHIP_STATUS_DENIED && *control)
    /* Translators: %1$s is a date, "1 February 2026"; %2$s the names of the
     * export rules that catch the chip, "ECCN 3A090.a (2023)" */
    return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s, and no licence rule opens it, "
                              "so an export to China is presumed denied."), day, control);
  if (status == CPL_CHIP_STATUS_LICENSABLE && *control && *licence)
    {
      g_autofree char *rate = NULL;

      if (isnan (share) && *shares)
        /* Translators: %1$s is a date; %2$s the rules that catch the chip;
         * %3$s the rules under which a licence may be granted; %4$s the
         * revenue-share rules whose verdict needs a missing figure */
        return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s, but a licence may be "
                                  "granted under %3$s; whether the share of %4$s applies needs a figure "
                                  "the chip lacks."), day, control, licence, shares);
      if (share > 0 && count_effect (deciding, CPL_RULE_EFFECT_SHARE) > 1)
        {
          rate = cpl_format_rate (share);
          /* two 25% rules read as 50% ("pays 25% … under “25% tariff
           * bands” and “25% share for H200”): the largest is paid, once
           * (MODEL.md §2.1) */
          /* Translators: %1$s is a date; %2$s the rules that catch the
           * chip; %3$s the rules under which a licence may be granted;
           * %4$s a rate, "25%"; %5$s two or more revenue-share rules,
           * of which the chip pays the largest share, once */
          return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s, but a licence may be "
                                    "granted under %3$s; a licensed sale pays %4$s of its revenue to the US, "
                                    "the largest of the shares set by %5$s (the shares of several rules are "
                                    "not added together)."),
                                  day, control, licence, rate, shares);
        }
      if (share > 0 && *shares)
        {
          rate = cpl_format_rate (share);
          /* Translators: %1$s is a date; %2$s the rules that catch the
           * chip; %3$s the rules under which a licence may be granted;
           * %4$s a rate, "25%"; %5$s the revenue-share rule that sets it */
          return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s, but a licence may be "
                                    "granted under %3$s; a licensed sale pays %4$s of its revenue to the US "
                                    "under %5$s."), day, control, licence, rate, shares);
        }
      /* Translators: %1$s is a date; %2$s the rules that catch the chip;
       * %3$s the rules under which a licence may be granted */
      return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s, but a licence may be "
                                "granted under %3$s; no revenue share applies."), day, control, licence);
    }
  if (status == CPL_CHIP_STATUS_UNKNOWN && *control && *licence)
    /* Translators: %1$s is a date; %2$s the rules that catch the chip;
     * %3$s the licence rules whose verdict needs a missing figure */
    return g_strdup_printf (_("Under the rules in force on %1$s: caught by %2$s; whether a licence may be "
                              "granted under %3$s needs a figure the chip lacks: add it to know the status."),
                            day, control, licence);
  if (status == CPL_CHIP_STATUS_UNKNOWN && *control)
    /* Translators: %1$s is a date; %2$s the control rules whose verdict
     * needs a missing figure */
    return g_strdup_printf (_("Under the rules in force on %1$s: whether the chip is caught by %2$s needs a "
                              "figure it lacks: add it to know the status."), day, control);

  /* Translators: %1$s is a date, "1 February 2026"; %2$s says what the status means */
  return g_strdup_printf (_("Under the rules in force on %1$s. %2$s"), day, cpl_chip_status_describe (status));
}

void
cpl_status_box_set (GtkWidget     *box,
                    CplChipStatus  status,
                    double         share,
                    const char    *tooltip)
{
  g_autofree char *text = cpl_chip_status_get_label (status, share);
  const char *icon_name, *css_class;

  g_return_if_fail (status < CPL_N_CHIP_STATUSES);
  cpl_chip_status_get_style (status, &icon_name, &css_class);
  box_set (box, icon_name, text, css_class, tooltip);
}

/* Before its release ------------------------------------------------------ */

/**
 * cpl_chip_shown_status:
 * @status: (in): what the rules in force on @date make of @chip, with @share
 * @explained: (inout) (optional) (transfer full): cpl_chip_status_explain()'s
 *   sentence for @status, replaced when the chip was not yet released
 * @icon_name: (out) (optional): the status's icon
 * @css_class: (out) (optional): its colour's style class, or %NULL
 *
 * What the Chips view shows where @chip's status goes, in the table, the
 * detail pane and Compare: the status, or for a chip not yet released on
 * @date "Not yet released", a clock, grey, and in @explained "Not yet
 * released on 9 April 2023 (released November 2024). Had it been on sale, its
 * status would have been “Denied”." over what it was (the B200 read
 * "Denied" in 2023).
 *
 * Returns: (transfer full): the word shown
 */
char *
cpl_chip_shown_status (CplChip        *chip,
                       const GDate    *date,
                       CplChipStatus   status,
                       double          share,
                       char          **explained,
                       const char    **icon_name,
                       const char    **css_class)
{
  g_autofree char *label = cpl_chip_status_get_label (status, share);
  const char *icon, *colour;

  cpl_chip_status_get_style (status, &icon, &colour);
  if (!cpl_chip_released_by (chip, date))
    {
      if (explained != NULL)
        {
          g_autofree char *day = cpl_date_format_long (date);
          g_autofree char *released = cpl_released_format_long (cpl_chip_get_released (chip));
          /* Translators: %1$s is a date, "9 April 2023"; %2$s when the chip
           * was released, "November 2024"; %3$s a status, "Denied" (the rules
           * that give it follow, on a line of their own) */
          g_autofree char *note = g_strdup_printf (_("Not yet released on %1$s (released %2$s). Had it been on "
                                                     "sale, its status would have been “%3$s”."),
                                                   day, released, label);
          char *both = g_strdup_printf ("%s\n%s", note, *explained ? *explained : "");

          g_free (*explained);
          *explained = both;
        }
      g_free (label);
      label = g_strdup (_("Not yet released"));
      icon = "document-open-recent-symbolic";
      colour = "dim-label";
    }
  if (icon_name != NULL)
    *icon_name = icon;
  if (css_class != NULL)
    *css_class = colour;
  return g_steal_pointer (&label);
}

/* In @box, @chip's status on @date as cpl_chip_shown_status() gives it,
 * @explained (cpl_chip_status_explain()'s) in its tooltip. */
void
cpl_shown_status_box_set (GtkWidget     *box,
                          CplChip       *chip,
                          const GDate   *date,
                          CplChipStatus  status,
                          double         share,
                          const char    *explained)
{
  g_autofree char *tooltip = g_strdup (explained);
  const char *icon_name, *css_class;
  g_autofree char *text = cpl_chip_shown_status (chip, date, status, share, &tooltip, &icon_name, &css_class);

  box_set (box, icon_name, text, css_class, tooltip);
}
