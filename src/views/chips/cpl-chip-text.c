/* cpl-chip-text.c: how the Chips view words metrics, verdicts and margins */
#define G_LOG_DOMAIN "cpl-chip-text"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-chip-text.h"

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
    case CPL_METRIC_DATACENTER:          return _("data-center part");
    case CPL_N_METRICS:
    default:                             g_return_val_if_reached ("");
    }
}

/* "2,368", "4,800 GB/s", "96 GB", "700 W"; "needs data" when unknown. */
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
      return g_strdup_printf (_("%s GB/s"), number);
    case CPL_METRIC_MEMORY_GB:
      /* Translators: a memory size; keep the unit */
      return g_strdup_printf (_("%s GB"), number);
    case CPL_METRIC_COMPUTE_TFLOPS:
      /* Translators: a throughput; keep the unit */
      return g_strdup_printf (_("%s TFLOPS"), number);
    case CPL_METRIC_TDP_W:
      /* Translators: a power; keep the unit */
      return g_strdup_printf (_("%s W"), number);
    case CPL_METRIC_TPP:
    case CPL_METRIC_PERFORMANCE_DENSITY:
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
    default:              return "dialog-question-symbolic";
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

/* "TPP 2,368: 32 below the 2,400 line" */
char *
cpl_margin_describe (const CplMargin *m)
{
  g_autofree char *value = cpl_metric_format_value (m->metric, m->value);
  g_autofree char *threshold = cpl_metric_format_value (m->metric, m->threshold);
  g_autofree char *distance = NULL;
  double diff = m->value - m->threshold;

  if (m->metric == CPL_METRIC_DATACENTER)
    /* Translators: %1$s is "data-center part", %2$s yes/no, %3$s the value the rule needs */
    return g_strdup_printf (_("%1$s: %2$s (the rule looks for %3$s)"),
                            cpl_metric_get_title (m->metric), value, threshold);
  if (isnan (m->value))
    /* Translators: %1$s a metric, %2$s the rule's threshold */
    return g_strdup_printf (_("%1$s: needs data to compare with the %2$s line"),
                            cpl_metric_get_title (m->metric), threshold);

  distance = cpl_metric_format_value (m->metric, fabs (diff));
  if (diff < 0)
    /* Translators: "TPP 2,368: 32 below the 2,400 line" */
    return g_strdup_printf (_("%1$s %2$s: %3$s below the %4$s line"),
                            cpl_metric_get_title (m->metric), value, distance, threshold);
  if (diff > 0)
    /* Translators: "TPP 15,832: 11,032 above the 4,800 line" */
    return g_strdup_printf (_("%1$s %2$s: %3$s above the %4$s line"),
                            cpl_metric_get_title (m->metric), value, distance, threshold);
  /* Translators: "TPP 4,800: on the 4,800 line" */
  return g_strdup_printf (_("%1$s %2$s: on the %3$s line"),
                          cpl_metric_get_title (m->metric), value, threshold);
}

/* Every threshold of @rule, one line each. */
char *
cpl_rule_describe_margins (CplRule      *rule,
                           const double *metrics)
{
  g_autoptr(GArray) margins = cpl_rule_get_margins (rule, metrics);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < margins->len; i++)
    {
      g_autofree char *line = cpl_margin_describe (&g_array_index (margins, CplMargin, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
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
                          cpl_op_get_symbol (c->op), threshold);
}

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

  /* Translators: "ECCN 3A090.a (2023): Controlled" */
  g_string_append_printf (text, _("%1$s: %2$s"), cpl_entity_get_name (CPL_ENTITY (rule)),
                          cpl_verdict_get_label (verdict));

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

GtkWidget *
cpl_verdict_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  return box;
}

void
cpl_verdict_box_set (GtkWidget   *box,
                     CplTriState  verdict,
                     const char  *tooltip)
{
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  static const char *classes[] = { "error", "success", "dim-label" };

  gtk_image_set_from_icon_name (GTK_IMAGE (image), cpl_verdict_get_icon_name (verdict));
  gtk_label_set_text (GTK_LABEL (label), cpl_verdict_get_label (verdict));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (box, classes[i]);
  gtk_widget_add_css_class (box, cpl_verdict_get_css_class (verdict));
  gtk_widget_set_tooltip_text (box, tooltip);
}
