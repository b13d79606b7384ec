/* cpl-threshold-map.c: the export rules on a map of TPP and memory
 * bandwidth
 *
 * Every clause of a rule that tests only TPP and memory bandwidth is
 * drawn: a TPP floor alone as a dashed line, anything else as a shaded
 * box.  Each rule has its colour on every map (cpl_chart_color_for()).
 */
#define G_LOG_DOMAIN "cpl-threshold-map"

#include "config.h"

#include <math.h>

#include "cpl-threshold-map.h"

/* A clause that tests only TPP and memory bandwidth is a region of the
 * map: the box its bounds make.  Clauses on other metrics cannot be drawn
 * on these axes and are left out (the table shows them). */
static gboolean
clause_region (const CplCondition *conditions,
               guint               n,
               double              box[4])
{
  box[0] = -INFINITY; box[1] = INFINITY; box[2] = -INFINITY; box[3] = INFINITY;
  for (guint i = 0; i < n; i++)
    {
      const CplCondition *c = &conditions[i];
      int axis;

      if (c->metric == CPL_METRIC_TPP)
        axis = 0;
      else if (c->metric == CPL_METRIC_BANDWIDTH_GBS)
        axis = 2;
      else
        return FALSE;
      if (c->op == CPL_OP_GE || c->op == CPL_OP_GT)
        box[axis] = MAX (box[axis], c->value);
      else if (c->op == CPL_OP_LE || c->op == CPL_OP_LT)
        box[axis + 1] = MIN (box[axis + 1], c->value);
      else
        return FALSE;
    }
  return TRUE;
}

/**
 * cpl_threshold_map_add_rules:
 * @map: the map, its axes TPP and memory bandwidth in GB/s
 * @rules: (element-type CplRule): the dataset's rules
 * @date: (nullable): the day whose rules are drawn; %NULL: every rule
 * @in_force: (out) (optional): how many rules are in force on @date
 *
 * Adds the lines and regions of @rules (those in force on @date) to @map
 * (after its points were cleared: cpl_scatter_chart_clear() takes them
 * away too).
 *
 * Returns: how many lines and regions were added
 */
guint
cpl_threshold_map_add_rules (CplScatterChart *map,
                             GListModel      *rules,
                             const GDate     *date,
                             guint           *in_force)
{
  guint added = 0, counted = 0;

  g_return_val_if_fail (CPL_IS_SCATTER_CHART (map), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (rules), 0);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CplRule) rule = g_list_model_get_item (rules, i);
      const char *name = cpl_entity_get_name (CPL_ENTITY (rule));
      CplChartColor color = cpl_chart_color_for ("rule", cpl_entity_get_id (CPL_ENTITY (rule)));

      if (date != NULL && !cpl_rule_in_force_on (rule, date))
        continue;
      counted++;

      for (guint j = 0; j < cpl_rule_get_n_clauses (rule); j++)
        {
          guint n;
          const CplCondition *conditions = cpl_rule_get_clause (rule, j, &n);
          double box[4];

          if (!clause_region (conditions, n, box))
            continue;
          /* a TPP floor alone is a line, not a half-plane of shading */
          if (isinf (box[1]) && isinf (box[2]) && isinf (box[3]))
            cpl_scatter_chart_add_vline (map, name, box[0], color);
          else
            cpl_scatter_chart_add_region (map, name, box[0], box[1], box[2], box[3], color);
          added++;
        }
    }
  if (in_force != NULL)
    *in_force = counted;
  return added;
}
