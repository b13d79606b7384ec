/* cpl-scenario-comparison.c: two or more scenarios side by side
 *
 * One sentence per scenario in plain words, a paragraph each; a totals
 * table that answers the questions (each vendor's net revenue, the
 * government's take, the compute gap, domestic compute, the domestic
 * share, the year the domestic chip becomes cheaper) with the differences
 * against a baseline chosen in a menu (the first ticked unless another is
 * chosen), on a phone a block per scenario instead; and their curves
 * overlaid in the same charts, one colour per scenario (from its id, so
 * it is the same everywhere).  A scenario with ranges gets its P10–P90
 * band in its colour once its Monte Carlo run (off the main thread) is
 * done; showing the comparison again cancels the runs under way.
 */
#define G_LOG_DOMAIN "cpl-scenario-comparison"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cpl-scenario-comparison.h"
#include "cpl-scenario-results.h"
#include "cpl-scenario-summary.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-chart-export.h"
#include "views/cpl-table-actions.h"
#include "views/cpl-view-util.h"
#include "widgets/cpl-chart-view.h"
#include "widgets/cpl-line-chart.h"

typedef enum {
  CHART_SHARE,
  CHART_VENDORS,
  CHART_TAKE,
  CHART_GAP,
  N_CHARTS
} Chart;

struct _CplScenarioComparison
{
  GtkBox        parent_instance;

  GtkWidget    *summary;       /* a box: a label per sentence */
  char         *summary_text;  /* the sentences, a line each */
  GStrv         summary_names; /* each sentence's scenario */
  gboolean      summary_body;  /* its labels in body text, not the answer's size */
  gboolean      compact;       /* on a phone (cpl_scenario_comparison_set_compact()) */
  GtkLabel     *error;
  GtkDropDown  *baseline_menu;
  GtkStringList *baseline_names;
  GtkWidget    *bands_box;     /* "P10–P90 ranges of" and its menu */
  GtkDropDown  *bands_menu;    /* all scenarios, each shown one, none */
  GtkStringList *bands_names;
  GtkGrid      *titles;        /* the wide table's row titles, kept in view */
  GtkGrid      *table;         /* its values: a column per scenario */
  GPtrArray    *title_spacers; /* a row of each grid as tall as the other's */
  GPtrArray    *value_spacers;
  guint         sync_tick;     /* sync_rows() on the next frame, or 0 */
  GtkGrid      *narrow;        /* the table for a phone: a block per scenario */
  guint         narrow_shape[2]; /* its scenarios and rows, as last built */
  CplChart     *charts[N_CHARTS];

  CplDataset   *dataset;
  GPtrArray    *scenarios;     /* the ticked ones, as last shown */
  GPtrArray    *shown_ids;     /* of those that project, in menu order */
  char         *baseline_id;   /* NULL: the first ticked */
  char         *bands_id;      /* whose bands the charts draw: NULL all, "" none */
  gboolean      bands_chosen;  /* by the user; else by sync_bands_menu() */
  GPtrArray    *uncertainties; /* of each shown scenario's run, NULL until done */
  GHashTable   *values;        /* "row-id scenario-id" → text shown */
  GHashTable   *differences;   /* likewise, the difference to the baseline */
  GHashTable   *ranges;        /* likewise, the P10–P90 of a scenario's run */
  GPtrArray    *rows;          /* CplComparisonRow, the table's, as last shown */
  gboolean      syncing;
  GCancellable *runs;          /* of the Monte Carlo runs under way */
  guint         n_runs;        /* how many are under way */
};

/* What each chart shows (cpl-chart-builders.c), and the yearly output
 * of its bands. */
static const char * const chart_ids[N_CHARTS] = {
  [CHART_SHARE] = "domestic-share",
  [CHART_VENDORS] = "revenue",
  [CHART_TAKE] = "take",
  [CHART_GAP] = "compute-gap",
};

static const CplYearOutput chart_outputs[N_CHARTS] = {
  [CHART_SHARE] = CPL_YEAR_DOMESTIC_SHARE,
  [CHART_VENDORS] = CPL_YEAR_GROSS_REVENUE,
  [CHART_TAKE] = CPL_YEAR_GOVERNMENT_TAKE,
  [CHART_GAP] = CPL_YEAR_COMPUTE_GAP,
};

typedef struct
{
  CplScenarioComparison *self;   /* a reference */
  GCancellable          *runs;   /* the batch it belongs to */
  guint                  series; /* its series on every chart */
} BandRun;

G_DEFINE_FINAL_TYPE (CplScenarioComparison, cpl_scenario_comparison, GTK_TYPE_BOX)

/* How many characters a cell of @grid may be wide: narrower in the
 * table for a phone, which has the row titles beside one scenario's
 * values.  Side by side, narrow enough that five scenarios fit beside
 * the titles in a window 1,280 px wide, a range wrapping after its
 * "P10–P90:" (at 24 the fifth was past the edge and the fourth cut);
 * fewer take more room each: two scenarios stood 480 px wide in a pane
 * of 960, a Chinese name and range over four lines. */
static int
cell_chars (GtkGrid  *grid,
            gboolean  numeric)
{
  guint columns = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (grid), "cpl-columns"));

  if (g_object_get_data (G_OBJECT (grid), "cpl-narrow") != NULL)
    return numeric ? 14 : 16;
  if (columns > 0 && columns <= 2)
    return 28;
  if (columns == 3)
    return numeric ? 22 : 28;
  return numeric ? 16 : 20;
}

/* A cell of @grid (cell_chars() wide at most). */
static GtkWidget *
cell (GtkGrid    *grid,
      const char *text,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  /* no cell grows past its natural width: the table is then exactly as
   * tall as its rows (a wrapped label measured narrower than it is drawn
   * would leave blank lines under the table) */
  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), cell_chars (grid, numeric));
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* @grid's cells (labels, or boxes of them) as wide as @columns scenarios
 * side by side allow (cell_chars()). */
static void
fit_columns (GtkGrid  *grid,
             guint     columns,
             gboolean  numeric)
{
  int chars;

  g_object_set_data (G_OBJECT (grid), "cpl-columns", GUINT_TO_POINTER (columns));
  chars = cell_chars (grid, numeric);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        gtk_label_set_max_width_chars (GTK_LABEL (child), chars);
      else
        for (GtkWidget *label = gtk_widget_get_first_child (child); label != NULL;
             label = gtk_widget_get_next_sibling (label))
          if (GTK_IS_LABEL (label))
            gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The label at (@column, @row) of @grid shows @text: the one there, or a
 * new one. */
static void
place_cell (GtkGrid    *grid,
            int         column,
            int         row,
            const char *text,
            gboolean    numeric)
{
  GtkWidget *label = gtk_grid_get_child_at (grid, column, row);
  /* a title's unit whole: "（PFLOP/" over "s）" in a column of 20 */
  g_autofree char *kept = numeric ? g_strdup (text) : cpl_text_keep_units (text);

  if (label != NULL)
    cpl_label_set_text (GTK_LABEL (label), kept);
  else
    gtk_grid_attach (grid, cell (grid, kept, numeric), column, row, 1, 1);
}

/* The key of a cell in the tables of texts shown (values, differences,
 * ranges): "row-id scenario-id". */
static char *
cell_key (const char *row_id,
          const char *scenario_id)
{
  return g_strdup_printf ("%s %s", row_id, scenario_id);
}

/* Under a value: @text (nullable: the label hidden). */
static void
set_under (GtkWidget  *label,
           const char *text)
{
  cpl_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

/* The value at (@column, @row) of @grid, with @difference (nullable)
 * under it, and under that the value's P10–P90 once the scenario's run is
 * done (place_range()): three labels made once and kept, the two under it
 * hidden while they have nothing to say. */
static void
place_value (GtkGrid    *grid,
             int         column,
             int         row,
             const char *value,
             const char *difference)
{
  GtkWidget *box = gtk_grid_get_child_at (grid, column, row);
  GtkWidget *under;

  if (box == NULL)
    {
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (box), cell (grid, value, TRUE));
      for (guint i = 0; i < 2; i++)
        {
          under = cell (grid, "", TRUE);
          gtk_widget_add_css_class (under, "dim-label");
          gtk_widget_add_css_class (under, "caption");
          gtk_widget_set_visible (under, FALSE);
          gtk_box_append (GTK_BOX (box), under);
        }
      gtk_grid_attach (grid, box, column, row, 1, 1);
    }
  else
    cpl_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), value);
  under = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  set_under (under, difference);
  /* until the run is done */
  set_under (gtk_widget_get_next_sibling (under), NULL);
}

/* The P10–P90 under the value at (@column, @row) of @grid. */
static void
place_range (GtkGrid    *grid,
             int         column,
             int         row,
             const char *range)
{
  GtkWidget *box = gtk_grid_get_child_at (grid, column, row);
  /* "$99 B–$227 B" wrapped in a narrow column as "$99 B–$227" over "B" */
  g_autofree char *kept = cpl_text_keep_units (range);

  if (box != NULL)
    set_under (gtk_widget_get_last_child (box), kept);
}

/* The row of the narrow table where scenario @i's block starts: its name,
 * then a row per total. */
static int
narrow_block (guint i,
              guint n_rows)
{
  return i * (n_rows + 1);
}

/* The table for a phone: for each scenario its name, then the row titles
 * beside its values (with the differences and ranges under them, as in
 * the wide table).  Updated in place while the scenarios and rows are as
 * many as before; built anew when they are not. */
static void
fill_narrow (CplScenarioComparison *self,
             GPtrArray             *rows,
             GPtrArray             *shown)
{
  if (self->narrow_shape[0] != shown->len || self->narrow_shape[1] != rows->len)
    {
      clear_grid (self->narrow);
      self->narrow_shape[0] = shown->len;
      self->narrow_shape[1] = rows->len;
    }
  for (guint i = 0; i < shown->len; i++)
    {
      int top = narrow_block (i, rows->len);
      GtkWidget *name = gtk_grid_get_child_at (self->narrow, 0, top);

      if (name == NULL)
        {
          name = cpl_wrapped_label_new (NULL, "heading");
          /* as wide as the two columns under it (cell()), not the name on one line */
          gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
          /* a space between one scenario's block and the next */
          if (i > 0)
            gtk_widget_set_margin_top (name, 12);
          gtk_grid_attach (self->narrow, name, 0, top, 2, 1);
        }
      {
        /* its date whole: "…（2025年12" over "月）" */
        g_autofree char *kept = cpl_text_keep_dates (cpl_entity_get_name (CPL_ENTITY (g_ptr_array_index (shown, i))));

        cpl_label_set_text (GTK_LABEL (name), kept);
      }
      for (guint r = 0; r < rows->len; r++)
        {
          CplComparisonRow *row = g_ptr_array_index (rows, r);

          place_cell (self->narrow, 0, top + r + 1, row->title, FALSE);
          place_value (self->narrow, 1, top + r + 1, row->values[i], row->differences[i]);
        }
    }
}

/* Takes away the children of @grid from column @columns or row @rows on. */
static void
prune_grid (GtkGrid *grid,
            guint    columns,
            guint    rows)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int column, row;

      gtk_grid_query_child (grid, child, &column, &row, NULL, NULL);
      if (column >= (int) columns || row >= (int) rows)
        gtk_grid_remove (grid, child);
      child = next;
    }
}

/* The wide table is two grids side by side, the titles' and the values'
 * (which scroll sideways under a window too narrow for them), whose rows
 * must line up: a title wraps onto three lines where its values take
 * one, a value with its difference and range takes four where its title
 * takes one.  Each grid has a column of empty spacers (the titles' after
 * them, the values' after the last scenario), one per row, as tall as
 * the taller of the two grids' rows (sync_rows()). */
static void
remove_spacers (CplScenarioComparison *self)
{
  for (guint r = 0; r < self->title_spacers->len; r++)
    {
      gtk_grid_remove (self->titles, g_ptr_array_index (self->title_spacers, r));
      gtk_grid_remove (self->table, g_ptr_array_index (self->value_spacers, r));
    }
  g_ptr_array_set_size (self->title_spacers, 0);
  g_ptr_array_set_size (self->value_spacers, 0);
}

static void
add_spacers (CplScenarioComparison *self,
             guint                  n_rows,
             guint                  n_columns)
{
  for (guint r = 0; r < n_rows; r++)
    {
      GtkWidget *title_spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value_spacer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_grid_attach (self->titles, title_spacer, 1, r, 1, 1);
      gtk_grid_attach (self->table, value_spacer, n_columns, r, 1, 1);
      g_ptr_array_add (self->title_spacers, title_spacer);
      g_ptr_array_add (self->value_spacers, value_spacer);
    }
}

/* The height @cell takes at its width, 0 when there is none. */
static int
cell_height (GtkWidget *cell)
{
  int min_width, height;

  if (cell == NULL || !gtk_widget_get_visible (cell))
    return 0;
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, MAX (gtk_widget_get_width (cell), min_width),
                      NULL, &height, NULL, NULL);
  return height;
}

/* Each row of both grids as tall as the taller of the two. */
static gboolean
sync_rows (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  CplScenarioComparison *self = data;
  int columns = (int) (self->shown_ids ? self->shown_ids->len : 0);

  self->sync_tick = 0;
  for (guint r = 0; r < self->title_spacers->len; r++)
    {
      int height = cell_height (gtk_grid_get_child_at (self->titles, 0, r));
      GtkWidget *spacers[2] = { g_ptr_array_index (self->title_spacers, r), g_ptr_array_index (self->value_spacers, r) };

      for (int c = 0; c < columns; c++)
        height = MAX (height, cell_height (gtk_grid_get_child_at (self->table, c, r)));
      for (guint i = 0; i < G_N_ELEMENTS (spacers); i++)
        {
          int requested;

          gtk_widget_get_size_request (spacers[i], NULL, &requested);
          if (requested != height)
            gtk_widget_set_size_request (spacers[i], 0, height);
        }
    }
  return G_SOURCE_REMOVE;
}

/* After the values' grid is given its size: the rows lined up on the
 * next frame (a size request made in an allocation would wait for one
 * anyway). */
static void
values_allocated (gpointer data)
{
  CplScenarioComparison *self = data;

  if (self->sync_tick == 0)
    self->sync_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->table), sync_rows, self, NULL);
}

/* The totals table: a row per CplComparisonRow, its title then a value
 * per scenario with the difference to the baseline under it.  Updated in
 * place: each place in the grid keeps its widgets, which take the new
 * texts; only places beyond the new rows or columns are taken away. */
static void
fill_table (CplScenarioComparison *self,
            CplDataset            *dataset,
            GPtrArray             *projections,
            GPtrArray             *shown,
            guint                  baseline)
{
  GPtrArray *rows = cpl_comparison_rows_new (dataset, projections, baseline);

  remove_spacers (self);
  prune_grid (self->table, shown->len, rows->len + 1);
  prune_grid (self->titles, 1, rows->len + 1);
  fit_columns (self->table, shown->len, TRUE);
  fit_columns (self->titles, shown->len, FALSE);
  g_hash_table_remove_all (self->values);
  g_hash_table_remove_all (self->differences);
  g_hash_table_remove_all (self->ranges);
  /* kept for the ranges, which come as each scenario's run is done */
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows;
  for (guint i = 0; i < shown->len; i++)
    {
      /* a name over its column, its date whole */
      g_autofree char *kept = cpl_text_keep_dates (cpl_entity_get_name (CPL_ENTITY (g_ptr_array_index (shown, i))));

      place_cell (self->table, i, 0, kept, TRUE);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      CplComparisonRow *row = g_ptr_array_index (rows, r);

      place_cell (self->titles, 0, r + 1, row->title, FALSE);
      for (guint i = 0; i < row->n_values; i++)
        {
          const char *scenario_id = g_ptr_array_index (self->shown_ids, i);

          place_value (self->table, i, r + 1, row->values[i], row->differences[i]);
          g_hash_table_insert (self->values, cell_key (row->id, scenario_id),
                               g_strdup (row->values[i]));
          if (row->differences[i] != NULL)
            g_hash_table_insert (self->differences, cell_key (row->id, scenario_id),
                                 g_strdup (row->differences[i]));
        }
    }
  add_spacers (self, rows->len + 1, shown->len);
  fill_narrow (self, rows, shown);
}

/* CSV -------------------------------------------------------------------- */

static void
csv_row (CplCsvWriter           *writer,
         const CplComparisonRow *row,
         guint                   baseline)
{
  cpl_csv_writer_add_text (writer, row->id);
  cpl_csv_writer_add_text (writer, row->title);
  cpl_csv_writer_add_text (writer, row->unit);
  for (guint i = 0; i < row->n_values; i++)
    cpl_csv_writer_add_number (writer, row->numbers[i]);
  /* differences as on the screen: not of years */
  for (guint i = 0; i < row->n_values; i++)
    if (i != baseline)
      cpl_csv_writer_add_number (writer, row->number_differences[i]);
  cpl_csv_writer_end_row (writer);
}

/**
 * cpl_scenario_comparison_text:
 * @scenarios: (element-type CplScenario): those compared
 * @baseline_id: (nullable): the baseline's id; %NULL or one not compared:
 *   the first that projects
 *
 * The totals table as CSV or tab-separated text: a row a total (its id,
 * title and unit), a column a scenario (those that project), then a
 * column a difference to the baseline; numbers unrounded, unknown ones
 * empty.  No widgets.
 *
 * Returns: (transfer full): the text
 */
char *
cpl_scenario_comparison_text (CplDataset      *dataset,
                              GPtrArray       *scenarios,
                              const char      *baseline_id,
                              CplCsvSeparator  separator)
{
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_projection_unref);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(CplCsvWriter) writer = cpl_csv_writer_new (separator);
  guint baseline = 0;

  for (guint i = 0; i < scenarios->len; i++)
    {
      CplEntity *scenario = g_ptr_array_index (scenarios, i);
      CplProjection *p = cpl_dataset_get_projection (dataset, CPL_SCENARIO (scenario), NULL);

      if (p == NULL)
        continue;
      if (g_strcmp0 (baseline_id, cpl_entity_get_id (scenario)) == 0)
        baseline = shown->len;
      g_ptr_array_add (projections, p);
      g_ptr_array_add (shown, scenario);
    }

  cpl_csv_writer_add_text (writer, _("ID"));
  cpl_csv_writer_add_text (writer, _("Total"));
  cpl_csv_writer_add_text (writer, _("Unit"));
  for (guint i = 0; i < shown->len; i++)
    cpl_csv_writer_add_text (writer, cpl_entity_get_name (g_ptr_array_index (shown, i)));
  for (guint i = 0; i < shown->len; i++)
    if (i != baseline)
      {
        /* Translators: the heading of a column of differences, %1$s and %2$s are scenarios */
        g_autofree char *title = g_strdup_printf (_("%1$s minus %2$s"),
                                                  cpl_entity_get_name (g_ptr_array_index (shown, i)),
                                                  cpl_entity_get_name (g_ptr_array_index (shown, baseline)));
        cpl_csv_writer_add_text (writer, title);
      }
  cpl_csv_writer_end_row (writer);
  if (projections->len == 0)
    return cpl_csv_writer_free_to_text (g_steal_pointer (&writer));

  rows = cpl_comparison_rows_new (dataset, projections, baseline);
  for (guint r = 0; r < rows->len; r++)
    csv_row (writer, g_ptr_array_index (rows, r), baseline);
  return cpl_csv_writer_free_to_text (g_steal_pointer (&writer));
}

static char *
comparison_text (GtkWidget        *owner,
                 CplCsvSeparator   separator,
                 char            **file_name)
{
  CplScenarioComparison *self = CPL_SCENARIO_COMPARISON (owner);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* what an update under way will show */
  cpl_deferred_update_flush (owner);
  if (file_name != NULL)
    *file_name = g_strdup ("comparison");
  return cpl_scenario_comparison_text (self->dataset, self->scenarios ? self->scenarios : none,
                                       self->baseline_id, separator);
}

static gboolean
same_names (GListModel        *list,
            const char * const *names)
{
  guint n = g_list_model_get_n_items (list);

  if (n != g_strv_length ((char **) names))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (list), i), names[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The baseline menu lists the scenarios shown; it keeps its choice while
 * that scenario is still ticked, and falls back to the first ticked. */
static guint
sync_baseline_menu (CplScenarioComparison *self,
                    GPtrArray             *shown)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint baseline = G_MAXUINT;

  for (guint i = 0; i < shown->len; i++)
    {
      CplEntity *scenario = g_ptr_array_index (shown, i);

      g_ptr_array_add (names, (gpointer) cpl_entity_get_name (scenario));
      if (g_strcmp0 (self->baseline_id, cpl_entity_get_id (scenario)) == 0)
        baseline = i;
    }
  g_ptr_array_add (names, NULL);
  /* no longer ticked: forgotten, so that ticking it again does not make
   * it the baseline behind the user's back */
  if (baseline == G_MAXUINT)
    {
      g_clear_pointer (&self->baseline_id, g_free);
      baseline = 0;
    }
  self->syncing = TRUE;
  if (!same_names (G_LIST_MODEL (self->baseline_names), (const char * const *) names->pdata))
    gtk_string_list_splice (self->baseline_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->baseline_names)),
                            (const char * const *) names->pdata);
  if (shown->len > 0 && gtk_drop_down_get_selected (self->baseline_menu) != baseline)
    gtk_drop_down_set_selected (self->baseline_menu, baseline);
  self->syncing = FALSE;
  return baseline;
}

/* The bands menu: "All scenarios", each shown scenario with ranges,
 * "None"; it keeps its choice while that scenario is shown with ranges,
 * and shows only where some scenario has ranges (bands to choose). */
static void
sync_bands_menu (CplScenarioComparison *self,
                 GPtrArray             *shown,
                 guint                  baseline)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0, n_ranged = 0;

  /* until the user picks: every scenario's ranges for one or two, the
   * baseline's alone for more (three sets of faint bands over each other
   * were a brown smear no line could be read through), none when the
   * baseline has none */
  if (!self->bands_chosen)
    {
      guint ranged = 0;

      for (guint i = 0; i < shown->len; i++)
        ranged += cpl_scenario_has_ranges (g_ptr_array_index (shown, i)) ? 1 : 0;
      g_clear_pointer (&self->bands_id, g_free);
      if (ranged > 2 && baseline < shown->len)
        {
          CplScenario *base = g_ptr_array_index (shown, baseline);

          self->bands_id = g_strdup (cpl_scenario_has_ranges (base) ? cpl_entity_get_id (CPL_ENTITY (base)) : "");
        }
    }

  g_ptr_array_add (names, (gpointer) _("All scenarios"));
  for (guint i = 0; i < shown->len; i++)
    {
      CplScenario *scenario = g_ptr_array_index (shown, i);

      if (!cpl_scenario_has_ranges (scenario))
        continue;
      n_ranged++;
      g_ptr_array_add (names, (gpointer) cpl_entity_get_name (CPL_ENTITY (scenario)));
      if (g_strcmp0 (self->bands_id, cpl_entity_get_id (CPL_ENTITY (scenario))) == 0)
        selected = names->len - 1;
    }
  /* Translators: in the menu of whose P10–P90 ranges the charts draw */
  g_ptr_array_add (names, (gpointer) C_("ranges", "None"));
  if (g_strcmp0 (self->bands_id, "") == 0)
    selected = names->len - 1;
  else if (selected == 0)
    g_clear_pointer (&self->bands_id, g_free);
  g_ptr_array_add (names, NULL);

  self->syncing = TRUE;
  if (!same_names (G_LIST_MODEL (self->bands_names), (const char * const *) names->pdata))
    gtk_string_list_splice (self->bands_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bands_names)),
                            (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->bands_menu, selected);
  self->syncing = FALSE;
  gtk_widget_set_visible (self->bands_box, n_ranged > 0);
}

static void
uncertainty_unref0 (CplUncertainty *uncertainty)
{
  if (uncertainty != NULL)
    cpl_uncertainty_unref (uncertainty);
}

/* Series @series's band on every chart, if its run is done and the
 * bands menu has it drawn; else none. */
static void
show_bands (CplScenarioComparison *self,
            guint                  series)
{
  CplUncertainty *uncertainty = series < self->uncertainties->len ? self->uncertainties->pdata[series] : NULL;
  gboolean drawn = self->bands_id == NULL
                   || (series < self->shown_ids->len
                       && g_strcmp0 (self->bands_id, g_ptr_array_index (self->shown_ids, series)) == 0);

  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_set_bands (self->charts[c], chart_ids[c], series, drawn ? uncertainty : NULL);
}

/* A scenario's run is done: its band on every chart (unless the bands
 * menu says otherwise), unless the comparison was shown again since. */
static void
band_run_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  BandRun *run = data;
  CplScenarioComparison *self = run->self;
  g_autoptr(CplUncertainty) uncertainty = cpl_uncertainty_run_finish (result, NULL);

  if (run->runs == self->runs)
    {
      self->n_runs--;
      if (uncertainty != NULL && run->series < self->uncertainties->len)
        {
          g_clear_pointer (&self->uncertainties->pdata[run->series], cpl_uncertainty_unref);
          self->uncertainties->pdata[run->series] = cpl_uncertainty_ref (uncertainty);
          show_bands (self, run->series);
        }
      /* the totals' ranges under their values, as the report prints them */
      for (guint r = 0; uncertainty != NULL && self->rows != NULL && r < self->rows->len; r++)
        {
          CplComparisonRow *row = g_ptr_array_index (self->rows, r);
          char *range = cpl_comparison_row_range (row, run->series, uncertainty);

          if (range == NULL)
            continue;
          place_range (self->table, run->series, r + 1, range);
          place_range (self->narrow, 1, narrow_block (run->series, self->rows->len) + r + 1, range);
          g_hash_table_insert (self->ranges, cell_key (row->id, g_ptr_array_index (self->shown_ids, run->series)),
                               range);
        }
    }
  g_object_unref (run->runs);
  g_object_unref (run->self);
  g_free (run);
}

/* Cancels the runs under way and starts one for each shown scenario with
 * ranges (@shown[i] is series i of every chart). */
static void
restart_band_runs (CplScenarioComparison *self,
                   GPtrArray             *shown)
{
  if (self->runs != NULL)
    g_cancellable_cancel (self->runs);
  g_clear_object (&self->runs);
  self->n_runs = 0;
  if (self->uncertainties != NULL)
    g_ptr_array_set_size (self->uncertainties, 0);
  if (shown == NULL)
    return;
  g_ptr_array_set_size (self->uncertainties, shown->len);
  self->runs = g_cancellable_new ();
  for (guint i = 0; i < shown->len; i++)
    if (cpl_scenario_has_ranges (g_ptr_array_index (shown, i)))
      {
        BandRun *run = g_new0 (BandRun, 1);

        run->self = g_object_ref (self);
        run->runs = g_object_ref (self->runs);
        run->series = i;
        self->n_runs++;
        cpl_uncertainty_run (g_ptr_array_index (shown, i), self->dataset, self->runs, band_run_done, run);
      }
}

/* The chart of @output, or NULL (for tests). */
CplLineChart *
cpl_scenario_comparison_get_chart (CplScenarioComparison *self,
                                   CplYearOutput          output)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  for (guint c = 0; c < N_CHARTS; c++)
    if (chart_outputs[c] == output)
      return CPL_LINE_CHART (self->charts[c]);
  return NULL;
}

/* How many Monte Carlo runs are under way (for tests). */
guint
cpl_scenario_comparison_get_n_runs (CplScenarioComparison *self)
{
  return self->n_runs;
}

/* Runs the main loop until every scenario's band is drawn (for tests). */
void
cpl_scenario_comparison_wait_for_bands (CplScenarioComparison *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  while (self->n_runs > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* @sentence in @label, its scenario's @name in bold where it leads the
 * sentence (cpl_markup_bold_lead()), its units kept whole
 * (cpl_text_keep_units()): "909,880 PFLOP/" ended a phone's line, "s。"
 * began the next. */
static void
set_sentence_markup (GtkLabel   *label,
                     const char *sentence,
                     const char *name)
{
  g_autofree char *kept = cpl_text_keep_units (sentence);
  g_autofree char *kept_name = cpl_text_keep_units (name);
  g_autofree char *markup = cpl_markup_bold_lead (kept, kept_name);

  if (!gtk_label_get_use_markup (label) || g_strcmp0 (gtk_label_get_label (label), markup) != 0)
    gtk_label_set_markup (label, markup);
}

/* The summary: a paragraph per sentence of @sentences (nullable: none),
 * each label kept and given its new text; @names: each sentence's
 * scenario. */
static void
set_summary (CplScenarioComparison *self,
             GPtrArray             *sentences,
             GPtrArray             *names)
{
  guint n = sentences != NULL ? sentences->len : 0;
  guint n_labels = 0;
  GtkWidget *label;
  /* one sentence is the answer, in the answer's size; several are read
   * against the table under them, in body text with their scenarios'
   * names in bold, and so is one on a phone (in the answer's size it
   * took a third of the screen) */
  gboolean body = n > 1 || self->compact;

  for (label = gtk_widget_get_first_child (self->summary); label != NULL; label = gtk_widget_get_next_sibling (label))
    n_labels++;
  if (n_labels != n || body != self->summary_body)
    {
      /* Another number of paragraphs, or another style: a new box,
       * filled before it is shown.  GTK 4.8 kept the old box's way of
       * measuring (of a fixed size, from when it was empty) when labels
       * were added to a box measured but not yet allocated (a comparison
       * opened with three scenarios): it gave two paragraphs of six
       * lines the height of two lines, and the baseline's line was drawn
       * over them. */
      GtkWidget *fresh = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      for (guint i = 0; i < n; i++)
        {
          label = GTK_WIDGET (cpl_summary_label_new ());
          if (body)
            gtk_widget_remove_css_class (label, "title-4");
          gtk_box_append (GTK_BOX (fresh), label);
        }
      gtk_box_insert_child_after (GTK_BOX (self), fresh, self->summary);
      gtk_box_remove (GTK_BOX (self), self->summary);
      self->summary = fresh;
      self->summary_body = body;
    }

  label = gtk_widget_get_first_child (self->summary);
  for (guint i = 0; i < n; i++, label = gtk_widget_get_next_sibling (label))
    if (body)
      set_sentence_markup (GTK_LABEL (label), g_ptr_array_index (sentences, i), g_ptr_array_index (names, i));
    else
      {
        g_autofree char *kept = cpl_text_keep_units (g_ptr_array_index (sentences, i));

        cpl_label_set_text (GTK_LABEL (label), kept);
      }
  gtk_widget_set_visible (self->summary, n > 0);
  g_free (self->summary_text);
  g_clear_pointer (&self->summary_names, g_strfreev);
  if (n > 0)
    {
      g_ptr_array_add (sentences, NULL);
      self->summary_text = g_strjoinv ("\n", (char **) sentences->pdata);
      g_ptr_array_remove_index (sentences, n);
      self->summary_names = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        self->summary_names[i] = g_strdup (g_ptr_array_index (names, i));
    }
  else
    self->summary_text = g_strdup ("");
}

/**
 * cpl_scenario_comparison_set_compact:
 *
 * On a phone (a folded window) the summary is in body text, each
 * scenario's name in bold, one sentence as several are.
 */
void
cpl_scenario_comparison_set_compact (CplScenarioComparison *self,
                                     gboolean               compact)
{
  g_auto(GStrv) sentences = NULL;
  g_auto(GStrv) shown_names = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (CPL_IS_SCENARIO_COMPARISON (self));

  if (self->compact == !!compact)
    return;
  self->compact = !!compact;
  if (self->summary_names == NULL)
    return;
  /* the same sentences, restyled (set_summary() keeps its own copies) */
  shown_names = g_steal_pointer (&self->summary_names);
  sentences = g_strsplit (self->summary_text, "\n", -1);
  for (guint i = 0; sentences[i] != NULL && shown_names[i] != NULL; i++)
    {
      g_ptr_array_add (texts, sentences[i]);
      g_ptr_array_add (names, shown_names[i]);
    }
  set_summary (self, texts, names);
}

static void
show_scenarios (CplScenarioComparison *self,
                CplDataset            *dataset,
                GPtrArray             *scenarios)
{
  g_autoptr(GPtrArray) projections = g_ptr_array_new_with_free_func ((GDestroyNotify) cpl_projection_unref);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint baseline;

  g_set_object (&self->dataset, dataset);
  if (scenarios != self->scenarios)
    {
      g_clear_pointer (&self->scenarios, g_ptr_array_unref);
      self->scenarios = g_ptr_array_ref (scenarios);
    }
  g_ptr_array_set_size (self->shown_ids, 0);
  for (guint i = 0; i < scenarios->len; i++)
    {
      g_autoptr(GError) error = NULL;
      /* the dataset keeps the projections of the scenarios that did not change */
      CplProjection *p = cpl_dataset_get_projection (dataset, g_ptr_array_index (scenarios, i), &error);

      if (p == NULL)
        {
          g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", error->message);
          continue;
        }
      g_ptr_array_add (projections, p);
      g_ptr_array_add (shown, g_ptr_array_index (scenarios, i));
      g_ptr_array_add (self->shown_ids, g_strdup (cpl_entity_get_id (g_ptr_array_index (scenarios, i))));
    }
  cpl_label_set_text (self->error, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error), errors->len > 0);

  for (guint c = 0; c < N_CHARTS; c++)
    cpl_line_chart_clear (CPL_LINE_CHART (self->charts[c]));
  baseline = sync_baseline_menu (self, shown);
  gtk_widget_set_sensitive (GTK_WIDGET (self->baseline_menu), shown->len > 1);
  sync_bands_menu (self, shown, baseline);
  restart_band_runs (self, shown);
  if (projections->len == 0)
    {
      remove_spacers (self);
      clear_grid (self->titles);
      clear_grid (self->table);
      clear_grid (self->narrow);
      self->narrow_shape[0] = self->narrow_shape[1] = 0;
      set_summary (self, NULL, NULL);
      return;
    }
  fill_table (self, dataset, projections, shown, baseline);

  {
    /* exports are named after the scenarios compared */
    g_autoptr(GString) ids = g_string_new (NULL);

    for (guint i = 0; i < self->shown_ids->len; i++)
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", (char *) g_ptr_array_index (self->shown_ids, i));
    cpl_chart_colors_assign (dataset);
    for (guint c = 0; c < N_CHARTS; c++)
      {
        cpl_chart_fill_comparison (self->charts[c], chart_ids[c], shown, projections);
        cpl_chart_export_set_name (self->charts[c], ids->str);
      }
  }
  for (guint i = 0; i < projections->len; i++)
    if (i != baseline)
      {
        g_ptr_array_add (sentences,
                         cpl_comparison_summary_sentence (g_ptr_array_index (shown, i), g_ptr_array_index (projections, i),
                                                          g_ptr_array_index (shown, baseline),
                                                          g_ptr_array_index (projections, baseline)));
        g_ptr_array_add (names, (gpointer) cpl_entity_get_name (g_ptr_array_index (shown, i)));
      }
  set_summary (self, sentences, names);
}

void
cpl_scenario_comparison_show (CplScenarioComparison *self,
                              CplDataset            *dataset,
                              GPtrArray             *scenarios)
{
  g_return_if_fail (CPL_IS_SCENARIO_COMPARISON (self));

  /* a chart filled with what it shows keeps its drawing */
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_freeze_updates (self->charts[c]);
  show_scenarios (self, dataset, scenarios);
  for (guint c = 0; c < N_CHARTS; c++)
    cpl_chart_thaw_updates (self->charts[c]);
}

/* The ranged scenario at @selected in the bands menu, or NULL. */
static const char *
bands_menu_id (CplScenarioComparison *self,
               guint                  selected)
{
  guint ranged = 0;

  for (guint i = 0; self->scenarios != NULL && i < self->shown_ids->len; i++)
    {
      CplScenario *scenario = CPL_SCENARIO (cpl_dataset_lookup (self->dataset, CPL_TYPE_SCENARIO,
                                                                g_ptr_array_index (self->shown_ids, i)));

      if (scenario != NULL && cpl_scenario_has_ranges (scenario) && ++ranged == selected)
        return g_ptr_array_index (self->shown_ids, i);
    }
  return NULL;
}

static void
on_bands_selected (CplScenarioComparison *self)
{
  guint selected = gtk_drop_down_get_selected (self->bands_menu);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->bands_names));

  if (self->syncing || selected >= n)
    return;
  self->bands_chosen = TRUE;
  g_clear_pointer (&self->bands_id, g_free);
  if (selected == n - 1)
    self->bands_id = g_strdup ("");
  else if (selected > 0)
    self->bands_id = g_strdup (bands_menu_id (self, selected));
  for (guint i = 0; i < self->shown_ids->len; i++)
    show_bands (self, i);
}

static void
on_baseline_selected (CplScenarioComparison *self)
{
  guint selected = gtk_drop_down_get_selected (self->baseline_menu);
  const char *id;

  if (self->syncing || selected >= self->shown_ids->len)
    return;
  id = g_ptr_array_index (self->shown_ids, selected);
  if (g_strcmp0 (id, self->baseline_id) == 0)
    return;
  g_free (self->baseline_id);
  self->baseline_id = g_strdup (id);
  cpl_scenario_comparison_show (self, self->dataset, self->scenarios);
}

static const char *
lookup_cell (CplScenarioComparison *self,
             GHashTable            *cells,
             const char            *row_id,
             const char            *scenario_id)
{
  g_autofree char *key = cell_key (row_id, scenario_id);

  cpl_deferred_update_flush (GTK_WIDGET (self));
  return g_hash_table_lookup (cells, key);
}

/* Returns: the text shown in the row @row_id ("net:VENDOR", "take",
 * "gap", "installed", "share", "crossover") for @scenario_id, or NULL */
const char *
cpl_scenario_comparison_get_value (CplScenarioComparison *self,
                                   const char            *row_id,
                                   const char            *scenario_id)
{
  return lookup_cell (self, self->values, row_id, scenario_id);
}

/* Returns: the difference to the baseline shown under that value, or
 * NULL (the baseline itself, a vendor one of them does not sell, a year) */
const char *
cpl_scenario_comparison_get_difference (CplScenarioComparison *self,
                                        const char            *row_id,
                                        const char            *scenario_id)
{
  return lookup_cell (self, self->differences, row_id, scenario_id);
}

/* Returns: the P10–P90 shown under that value once the scenario's Monte
 * Carlo run is done (cpl_scenario_comparison_wait_for_bands()), or NULL (a
 * scenario without ranges, a row no run ranges) */
const char *
cpl_scenario_comparison_get_range (CplScenarioComparison *self,
                                   const char            *row_id,
                                   const char            *scenario_id)
{
  return lookup_cell (self, self->ranges, row_id, scenario_id);
}

const char *
cpl_scenario_comparison_get_summary (CplScenarioComparison *self)
{
  cpl_deferred_update_flush (GTK_WIDGET (self));
  return self->summary_text;
}

static void
name_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      /* on a phone two lines, "Full ban / (April 2025)" (its date
       * whole), not "Full ban (Apr…"; longer still, it shortens */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      /* a list wider than a short button ("All scenarios"): the names
       * broke after every word or two */
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
name_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  ellipsize)
{
  g_autofree char *kept = cpl_text_keep_dates (gtk_string_object_get_string (gtk_list_item_get_item (item)));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), kept);
}

/* Scenario names in the baseline menu. */
static GtkListItemFactory *
name_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (name_setup), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (name_bind), NULL);
  return factory;
}

/* A line with @title and a menu of @names: a long name shortens on the
 * button (a phone is 360 px wide) and wraps in the list; @changed when
 * the user picks one.  Returns: (transfer floating) the line. */
static GtkWidget *
names_menu_line (CplScenarioComparison  *self,
                 const char             *title,
                 GtkStringList          *names,
                 GtkDropDown           **menu,
                 const char             *tooltip,
                 const char             *accessible_name,
                 GCallback               changed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  g_autoptr(GtkListItemFactory) button_factory = name_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = name_factory_new (FALSE);

  *menu = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_factory (*menu, button_factory);
  gtk_drop_down_set_list_factory (*menu, list_factory);
  gtk_widget_set_hexpand (GTK_WIDGET (*menu), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (*menu), GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (*menu));
  gtk_widget_set_tooltip_text (GTK_WIDGET (*menu), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*menu), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect_object (*menu, "notify::selected", changed, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*menu));
  return box;
}

static void
cpl_scenario_comparison_dispose (GObject *object)
{
  CplScenarioComparison *self = CPL_SCENARIO_COMPARISON (object);

  restart_band_runs (self, NULL);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->shown_ids, g_ptr_array_unref);
  g_clear_pointer (&self->baseline_id, g_free);
  g_clear_pointer (&self->bands_id, g_free);
  g_clear_pointer (&self->uncertainties, g_ptr_array_unref);
  g_clear_object (&self->bands_names);
  g_clear_pointer (&self->summary_text, g_free);
  g_clear_pointer (&self->summary_names, g_strfreev);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->differences, g_hash_table_unref);
  g_clear_pointer (&self->ranges, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->title_spacers, g_ptr_array_unref);
  g_clear_pointer (&self->value_spacers, g_ptr_array_unref);
  g_clear_object (&self->baseline_names);
  G_OBJECT_CLASS (cpl_scenario_comparison_parent_class)->dispose (object);
}

/* Out of its window (the window closed): the runs under way stop (each
 * holds a reference on the view, which outlived its window until they
 * ended, and took their bands). */
static void
cpl_scenario_comparison_unroot (GtkWidget *widget)
{
  restart_band_runs (CPL_SCENARIO_COMPARISON (widget), NULL);
  GTK_WIDGET_CLASS (cpl_scenario_comparison_parent_class)->unroot (widget);
}

static void
cpl_scenario_comparison_class_init (CplScenarioComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cpl_scenario_comparison_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = cpl_scenario_comparison_unroot;
}

static void
cpl_scenario_comparison_init (CplScenarioComparison *self)
{
  GtkWidget *flow, *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_label_set_xalign (self->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error));

  /* one sentence a paragraph, not one block of bold lines */
  self->summary = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->summary_text = g_strdup ("");
  gtk_widget_set_visible (self->summary, FALSE);
  gtk_box_append (GTK_BOX (self), self->summary);

  self->baseline_names = gtk_string_list_new (NULL);
  gtk_box_append (GTK_BOX (self),
                  names_menu_line (self, _("Differences _against"), self->baseline_names, &self->baseline_menu,
                                   _("The baseline scenario: the others show their differences to it"),
                                   _("Baseline scenario"), G_CALLBACK (on_baseline_selected)));

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->differences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shown_ids = g_ptr_array_new_with_free_func (g_free);
  self->titles = GTK_GRID (cpl_table_grid_new (8));
  self->table = GTK_GRID (cpl_table_grid_new (8));
  /* columns of right-aligned figures read apart at 12 px, and five
   * scenarios then fit beside the titles at 1,280 px */
  gtk_grid_set_column_spacing (self->table, 12);
  /* the two grids' margins as one grid's */
  gtk_widget_set_margin_end (GTK_WIDGET (self->titles), 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->table), 0);
  self->title_spacers = g_ptr_array_new ();
  self->value_spacers = g_ptr_array_new ();
  self->narrow = GTK_GRID (cpl_table_grid_new (8));
  /* cell() makes its cells narrower */
  g_object_set_data (G_OBJECT (self->narrow), "cpl-narrow", GINT_TO_POINTER (TRUE));
  scroller = cpl_scenario_tables_scroller_new (GTK_WIDGET (self->titles), GTK_WIDGET (self->table),
                                               values_allocated, self, GTK_WIDGET (self->narrow));
  /* Copy and Export CSV… at the end of the baseline's line */
  gtk_box_append (GTK_BOX (gtk_widget_get_last_child (GTK_WIDGET (self))),
                  cpl_table_actions_new (GTK_WIDGET (self), scroller, comparison_text));
  cpl_card_append (GTK_WIDGET (self), scroller);
  /* the card as wide as its table, not a frame around blank space */
  gtk_widget_set_halign (gtk_widget_get_last_child (GTK_WIDGET (self)), GTK_ALIGN_START);

  /* whose P10–P90 bands the charts draw: every scenario's at once are
   * faint and dotted, and still crowd a chart */
  self->uncertainties = g_ptr_array_new_with_free_func ((GDestroyNotify) uncertainty_unref0);
  self->bands_names = gtk_string_list_new (NULL);
  self->bands_box = names_menu_line (self, _("P10–P90 _ranges of"), self->bands_names, &self->bands_menu,
                                     _("The scenarios whose P10–P90 ranges the charts draw"),
                                     _("P10–P90 ranges of"), G_CALLBACK (on_bands_selected));
  gtk_widget_set_visible (self->bands_box, FALSE);
  gtk_box_append (GTK_BOX (self), self->bands_box);

  flow = cpl_scenario_chart_flow_new ();
  gtk_box_append (GTK_BOX (self), flow);

  for (guint c = 0; c < N_CHARTS; c++)
    {
      g_autofree char *title = cpl_chart_dup_card_title (chart_ids[c], TRUE);

      self->charts[c] = cpl_chart_new_for (chart_ids[c], TRUE);
      cpl_scenario_chart_flow_append (flow, title, cpl_chart_view_new_take (self->charts[c]));
    }
}

CplScenarioComparison *
cpl_scenario_comparison_new (void)
{
  return g_object_new (CPL_TYPE_SCENARIO_COMPARISON, NULL);
}
