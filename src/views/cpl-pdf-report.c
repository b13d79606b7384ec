/* cpl-pdf-report.c: the compared scenarios as a PDF report
 *
 * In the UI language: a title page (the app, "Scenario report", the
 * scenarios, the date, the dataset and its version); for each scenario
 * its parameters as the editor labels them and its summary in words as
 * the Scenarios view gives it; the comparison charts
 * (cpl_chart_build_projected(), drawn with cpl_chart_draw()); the totals
 * table with the differences against the first scenario; the method notes and
 * the sources.  Pango lays out and wraps the text (and finds a CJK font
 * for Chinese); tables break across pages with their header repeated;
 * every page has its number in the footer.
 *
 * Two passes: the first counts the pages (for "Page 2 of 9"), the second
 * writes the file.  The file is written through g_file_replace(), so a
 * failed or cancelled report leaves what was there before.
 */
#define G_LOG_DOMAIN "cpl-pdf-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cpl-help-text.h"
#include "cpl-pdf-report.h"
#include "views/cpl-chart-builders.h"
#include "views/cpl-view-util.h"
#include "views/scenarios/cpl-scenario-editor.h"
#include "views/scenarios/cpl-scenario-summary.h"

#define MARGIN           50.0
#define FOOTER_GAP       18.0   /* between the text and the footer's baseline */
#define CELL_PAD          4.0
#define MAX_COLUMNS       6     /* a table's columns: a title and up to five scenarios */
#define PARAGRAPH_SPACE   6.0
#define CHART_ASPECT      0.62  /* a chart's height over its width */

typedef enum {
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_BOLD,
  STYLE_SMALL,
  N_STYLES
} Style;

static const struct {
  const char *font;
  double      gray;   /* of the text: 0 black */
} styles[N_STYLES] = {
  [STYLE_TITLE] = { "Sans Bold 26", 0.1 },
  [STYLE_SUBTITLE] = { "Sans 15", 0.3 },
  [STYLE_HEADING] = { "Sans Bold 15", 0.1 },
  [STYLE_SUBHEADING] = { "Sans Bold 11", 0.1 },
  [STYLE_BODY] = { "Sans 9.5", 0.1 },
  [STYLE_BOLD] = { "Sans Bold 9.5", 0.1 },
  [STYLE_SMALL] = { "Sans 8", 0.4 },
};

static const struct {
  double width, height;
} paper_sizes[] = {
  [CPL_PAPER_A4] = { 595, 842 },
  [CPL_PAPER_LETTER] = { 612, 792 },
};

/* What the report is about: the scenarios, projected. */
typedef struct {
  CplDataset *dataset;
  GPtrArray  *scenarios;    /* CplScenario */
  GPtrArray  *projections;  /* CplProjection, one per scenario */
  GPtrArray  *uncertainties; /* CplUncertainty or NULL (no ranges), one per scenario */
  GPtrArray  *charts;       /* CplChart, the comparison charts (or one scenario's) */
  const char *dataset_name; /* of the file over the built-in data, or NULL */
  gboolean    unsaved;      /* the data has changes not saved to it */
  char       *date;         /* today, as the locale writes a date */
} Report;

/* Where the next line goes. */
typedef struct {
  cairo_t              *cr;
  double                width, height;  /* of the page */
  double                text_width;
  double                y;              /* the top of what comes next */
  double                bottom;         /* the lowest a line may end */
  guint                 page;           /* from 1; 0 before the first */
  guint                 n_pages;        /* 0 while counting */
  PangoFontDescription *fonts[N_STYLES];
} Writer;

/* What a test reads of the report: its headings and paragraphs, one a
 * line, as the last pass draws them (cpl_pdf_report_set_transcript()). */
static GString *transcript;

/**
 * cpl_pdf_report_set_transcript:
 * @text: (nullable): where the reports written next add their headings
 *   and paragraphs, or %NULL
 *
 * For tests, one report at a time: a PDF's text is compressed.
 */
void
cpl_pdf_report_set_transcript (GString *text)
{
  transcript = text;
}

static void
transcribe (const Writer *w,
            const char   *text)
{
  if (transcript != NULL && w->n_pages > 0)
    g_string_append_printf (transcript, "%s\n", text);
}

/* Paper ------------------------------------------------------------------ */

/**
 * cpl_paper_size_from_name:
 * @name: "a4" or "letter", in any case
 *
 * Returns: whether @name is a paper size, set in @paper
 */
gboolean
cpl_paper_size_from_name (const char   *name,
                          CplPaperSize *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = CPL_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = CPL_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* Layout ----------------------------------------------------------------- */

static PangoLayout *
layout_new (Writer     *w,
            Style       style,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (w->cr);

  pango_layout_set_font_description (layout, w->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
set_gray (Writer *w,
          double  gray)
{
  cairo_set_source_rgb (w->cr, gray, gray, gray);
}

static void
show_layout_at (Writer      *w,
                PangoLayout *layout,
                Style        style,
                double       x,
                double       y)
{
  set_gray (w, styles[style].gray);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, layout);
}

static void
draw_footer (Writer *w)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  double y = w->height - MARGIN + FOOTER_GAP;

  /* Translators: the page number in the report's footer */
  number = g_strdup_printf (_("Page %1$u of %2$u"), w->page, MAX (w->n_pages, w->page));
  /* Translators: the report's footer, beside the page number */
  left = layout_new (w, STYLE_SMALL, _("Chip Policy Lab · Scenario report"), w->text_width);
  right = layout_new (w, STYLE_SMALL, number, w->text_width);
  pango_layout_set_alignment (right, PANGO_ALIGN_RIGHT);
  show_layout_at (w, left, STYLE_SMALL, MARGIN, y);
  show_layout_at (w, right, STYLE_SMALL, MARGIN, y);
}

static void
new_page (Writer *w)
{
  if (w->page > 0)
    {
      draw_footer (w);
      cairo_show_page (w->cr);
    }
  w->page++;
  w->y = MARGIN;
}

/* Begins a new page unless @height fits under what is there. */
static void
keep_together (Writer *w,
               double  height)
{
  if (w->y + height > w->bottom && w->y > MARGIN)
    new_page (w);
}

/* Shows @layout line by line from the current position at @x, going on
 * to the next page at a line that does not fit. */
static void
flow_layout (Writer      *w,
             PangoLayout *layout,
             Style        style,
             double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = w->y;   /* where the layout's top is on this page */

  set_gray (w, styles[style].gray);
  do
    {
      PangoRectangle rect;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      top = origin + (double) rect.y / PANGO_SCALE;
      bottom = top + (double) rect.height / PANGO_SCALE;
      if (bottom > w->bottom && top > MARGIN)
        {
          new_page (w);
          set_gray (w, styles[style].gray);
          origin = MARGIN - (double) rect.y / PANGO_SCALE;
        }
      cairo_move_to (w->cr, x + (double) rect.x / PANGO_SCALE,
                     origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (w->cr, pango_layout_iter_get_line_readonly (iter));
      w->y = origin + (double) (rect.y + rect.height) / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
paragraph (Writer     *w,
           Style       style,
           const char *text,
           double      indent)
{
  g_autoptr(PangoLayout) layout = layout_new (w, style, text, w->text_width - indent);

  transcribe (w, text);
  flow_layout (w, layout, style, MARGIN + indent);
  w->y += PARAGRAPH_SPACE;
}

/* A heading stays with at least a few lines of what follows it. */
static void
heading (Writer     *w,
         Style       style,
         const char *text)
{
  g_autoptr(PangoLayout) layout = layout_new (w, style, text, w->text_width);

  transcribe (w, text);
  w->y += style == STYLE_HEADING ? 10 : 6;
  keep_together (w, layout_height (layout) + (style == STYLE_HEADING ? 160 : 60));
  flow_layout (w, layout, style, MARGIN);
  w->y += style == STYLE_HEADING ? 8 : 4;
}

/* Tables ----------------------------------------------------------------- */

typedef struct {
  guint        n_columns;
  double       widths[MAX_COLUMNS];
  gboolean     numeric[MAX_COLUMNS];   /* right-aligned */
  const char  *header[MAX_COLUMNS];
} Table;

static void
rule (Writer *w,
      double  gray,
      double  line_width)
{
  set_gray (w, gray);
  cairo_set_line_width (w->cr, line_width);
  cairo_move_to (w->cr, MARGIN, w->y);
  cairo_line_to (w->cr, MARGIN + w->text_width, w->y);
  cairo_stroke (w->cr);
}

/* One row: a text per column, each with an optional note under it (a
 * difference), or, with @span, one bold text across the table. */
static void
table_row_full (Writer            *w,
                const Table       *table,
                const char *const *texts,
                const char *const *notes,
                gboolean           bold,
                gboolean           span);

static void
table_header (Writer      *w,
              const Table *table)
{
  table_row_full (w, table, table->header, NULL, TRUE, FALSE);
  w->y -= 0.5;
  rule (w, 0.2, 1);
  w->y += 0.5;
}

static void
table_begin (Writer      *w,
             const Table *table)
{
  w->y += 2;
  keep_together (w, 80);
  table_header (w, table);
}

static void
table_row_full (Writer            *w,
                const Table       *table,
                const char *const *texts,
                const char *const *notes,
                gboolean           bold,
                gboolean           span)
{
  PangoLayout *layouts[MAX_COLUMNS] = { NULL, };
  PangoLayout *note_layouts[MAX_COLUMNS] = { NULL, };
  guint n = span ? 1 : table->n_columns;
  double height = 0;
  double x = MARGIN;

  for (guint c = 0; c < n; c++)
    {
      double width = (span ? w->text_width : table->widths[c]) - 2 * CELL_PAD;
      double cell_height;

      layouts[c] = layout_new (w, bold ? STYLE_BOLD : STYLE_BODY, texts[c] ? texts[c] : "", width);
      if (table->numeric[c] && !span)
        pango_layout_set_alignment (layouts[c], PANGO_ALIGN_RIGHT);
      cell_height = layout_height (layouts[c]);
      if (notes != NULL && notes[c] != NULL)
        {
          note_layouts[c] = layout_new (w, STYLE_SMALL, notes[c], width);
          if (table->numeric[c])
            pango_layout_set_alignment (note_layouts[c], PANGO_ALIGN_RIGHT);
          cell_height += layout_height (note_layouts[c]);
        }
      height = MAX (height, cell_height);
    }
  height += 2 * CELL_PAD;

  /* a row never splits: it goes to the next page, under the header again */
  if (w->y + height > w->bottom && w->y > MARGIN)
    {
      new_page (w);
      if (texts != table->header)
        table_header (w, table);
    }
  for (guint c = 0; c < n; c++)
    {
      show_layout_at (w, layouts[c], bold ? STYLE_BOLD : STYLE_BODY, x + CELL_PAD, w->y + CELL_PAD);
      if (note_layouts[c] != NULL)
        show_layout_at (w, note_layouts[c], STYLE_SMALL, x + CELL_PAD,
                        w->y + CELL_PAD + layout_height (layouts[c]));
      x += table->widths[c];
      g_clear_object (&layouts[c]);
      g_clear_object (&note_layouts[c]);
    }
  w->y += height;
  if (texts != table->header)
    rule (w, 0.85, 0.5);
}

static void
table_row (Writer            *w,
           const Table       *table,
           const char *const *texts,
           const char *const *notes)
{
  table_row_full (w, table, texts, notes, FALSE, FALSE);
}

static void
table_group_row (Writer      *w,
                 const Table *table,
                 const char  *title)
{
  const char *texts[] = { title };

  table_row_full (w, table, texts, NULL, TRUE, TRUE);
}

/* Sections --------------------------------------------------------------- */

static void
title_page (Writer *w,
            Report *report)
{
  g_autofree char *dataset = NULL;
  g_autofree char *version = NULL;
  g_autofree char *date = NULL;

  new_page (w);
  w->y = MARGIN + 140;
  paragraph (w, STYLE_TITLE, _("Chip Policy Lab"), 0);
  paragraph (w, STYLE_SUBTITLE, _("Scenario report"), 0);
  w->y += 30;
  for (guint i = 0; i < report->scenarios->len; i++)
    {
      /* Translators: a scenario in the list on the report's title page */
      g_autofree char *item = g_strdup_printf (_("• %s"),
                                               cpl_entity_get_name (g_ptr_array_index (report->scenarios, i)));

      paragraph (w, STYLE_SUBHEADING, item, 0);
    }
  w->y += 30;
  /* Translators: on the report's title page; %s is a date */
  date = g_strdup_printf (_("Written on %s"), report->date);
  paragraph (w, STYLE_BODY, date, 0);
  /* Translators: on the report's title page; %s is a file name or "Built-in data" */
  if (report->unsaved)
    /* Translators: on the report's title page; %s is a file name or
     * "Built-in data", changed in the app and not saved */
    dataset = g_strdup_printf (_("Dataset: %s, with unsaved changes"),
                               report->dataset_name ? report->dataset_name : _("Built-in data"));
  else
    dataset = g_strdup_printf (_("Dataset: %s"), report->dataset_name ? report->dataset_name : _("Built-in data"));
  paragraph (w, STYLE_BODY, dataset, 0);
  /* Translators: on the report's title page; %1$s is a date (the version
   * of the app's built-in data), %2$s the app's version */
  version = g_strdup_printf (_("Built-in data of %1$s, Chip Policy Lab %2$s"),
                             cpl_builtin_get_version (), PACKAGE_VERSION);
  paragraph (w, STYLE_BODY, version, 0);
}

/* A parameter's row: its title, its value as the editor shows it, and its
 * range if it has one. */
static void
parameter_row (Writer      *w,
               const Table *table,
               CplScenario *scenario,
               const char  *key)
{
  int field = cpl_entity_find_field (CPL_ENTITY (scenario), key);
  double range[3];
  g_autofree char *value = NULL;
  g_autofree char *range_text = NULL;
  const char *texts[3];

  g_return_if_fail (field >= 0);
  value = cpl_scenario_parameter_format (key, cpl_entity_get_number (CPL_ENTITY (scenario), field));
  if (cpl_scenario_get_range (scenario, key, range))
    {
      g_autofree char *ends = cpl_scenario_parameter_format_range (key, range[0], range[2]);
      g_autofree char *mode = cpl_scenario_parameter_format (key, range[1]);

      /* Translators: a parameter's range in the report, "10–60%, most likely 30%" */
      range_text = g_strdup_printf (_("%1$s, most likely %2$s"), ends, mode);
    }
  texts[0] = cpl_scenario_parameter_title (key);
  texts[1] = value;
  texts[2] = range_text ? range_text : "";
  table_row (w, table, texts, NULL);
}

static void
parameters_table (Writer      *w,
                  Report      *report,
                  CplScenario *scenario)
{
  Table table = {
    .n_columns = 3,
    .widths = { w->text_width * 0.42, w->text_width * 0.29, w->text_width * 0.29 },
    /* Translators: the columns of a scenario's parameters in the report */
    .header = { _("Parameter"), _("Value"), _("Range") },
  };
  CplChip *domestic = cpl_dataset_lookup_chip (report->dataset, cpl_scenario_get_domestic_chip (scenario));
  g_autofree char *allowed = cpl_scenario_allowed_chip_names (scenario, report->dataset);
  const char *last_group = NULL;
  const char *group;
  const char *key;
  const char *chips[3];

  table_begin (w, &table);
  chips[0] = _("Allowed chips");
  chips[1] = allowed ? allowed : _("None: a full ban");
  chips[2] = "";
  table_row (w, &table, chips, NULL);
  chips[0] = _("Domestic chip");
  chips[1] = domestic ? cpl_entity_get_name (CPL_ENTITY (domestic)) : cpl_scenario_get_domestic_chip (scenario);
  table_row (w, &table, chips, NULL);
  for (guint i = 0; (key = cpl_scenario_input_key (i, &group)) != NULL; i++)
    {
      if (g_strcmp0 (group, last_group) != 0)
        table_group_row (w, &table, group);
      last_group = group;
      parameter_row (w, &table, scenario, key);
    }
}

static void
scenario_section (Writer *w,
                  Report *report,
                  guint   index)
{
  CplScenario *scenario = g_ptr_array_index (report->scenarios, index);
  CplProjection *p = g_ptr_array_index (report->projections, index);
  CplText *description = cpl_scenario_get_description (scenario);
  CplText *notes = cpl_entity_get_notes (CPL_ENTITY (scenario));
  g_autofree char *sentence = cpl_scenario_crossover_sentence (p, report->dataset);
  g_autofree char *explanation = cpl_projection_explain (p, scenario, report->dataset);

  /* the first scenario on a new page, the others where the last ends */
  if (index == 0)
    new_page (w);
  heading (w, STYLE_HEADING, cpl_entity_get_name (CPL_ENTITY (scenario)));
  if (description != NULL)
    paragraph (w, STYLE_BODY, cpl_text_get (description), 0);
  heading (w, STYLE_SUBHEADING, _("Summary"));
  paragraph (w, STYLE_BODY, sentence, 0);
  if (explanation != NULL)
    paragraph (w, STYLE_BODY, explanation, 0);
  heading (w, STYLE_SUBHEADING, _("Parameters"));
  parameters_table (w, report, scenario);
  /* where the parameters come from, with them */
  if (notes != NULL && *cpl_text_get (notes) != '\0')
    {
      g_autofree char *caveat = cpl_scenario_notes_caveat (scenario);

      heading (w, STYLE_SUBHEADING, _("Notes"));
      /* before them, as the app shows it: what they no longer describe */
      if (caveat != NULL)
        paragraph (w, STYLE_BODY, caveat, 0);
      paragraph (w, STYLE_BODY, cpl_text_get (notes), 0);
    }
}

/* Each chart at the full text width, in the light palette, with its
 * title, legend, axes and source line; two to an A4 page. */
static void
charts_section (Writer *w,
                Report *report)
{
  double height = w->text_width * CHART_ASPECT;

  new_page (w);
  heading (w, STYLE_HEADING, _("Charts"));
  for (guint c = 0; c < report->charts->len; c++)
    {
      keep_together (w, height);
      cairo_save (w->cr);
      cairo_translate (w->cr, MARGIN, w->y);
      cpl_chart_draw (g_ptr_array_index (report->charts, c), w->cr, w->text_width, height, FALSE);
      cairo_restore (w->cr);
      w->y += height + 18;
    }
}

/* The totals of up to MAX_COLUMNS − 1 scenarios from @first, with their
 * differences against the first scenario of the report. */
static void
totals_table (Writer    *w,
              GPtrArray *rows,
              Report    *report,
              guint      first,
              guint      n)
{
  Table table = { .n_columns = n + 1 };
  double title_width = n > 3 ? 0.28 : 0.4;

  table.widths[0] = w->text_width * title_width;
  /* Translators: the first column of the report's totals table */
  table.header[0] = _("Total");
  for (guint i = 0; i < n; i++)
    {
      table.widths[i + 1] = w->text_width * (1 - title_width) / n;
      table.numeric[i + 1] = TRUE;
      table.header[i + 1] = cpl_entity_get_name (g_ptr_array_index (report->scenarios, first + i));
    }
  table_begin (w, &table);
  for (guint r = 0; r < rows->len; r++)
    {
      CplComparisonRow *row = g_ptr_array_index (rows, r);
      const char *texts[MAX_COLUMNS] = { row->title, };
      const char *notes[MAX_COLUMNS] = { NULL, };
      char *owned[MAX_COLUMNS] = { NULL, };     /* the notes made here */

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *point_range = cpl_comparison_row_range (row, first + i,
                                                                   g_ptr_array_index (report->uncertainties,
                                                                                      first + i));
          /* "$50.0 B" not broken in a narrow column */
          g_autofree char *range = point_range ? cpl_text_keep_units (point_range) : NULL;
          const char *difference = row->differences[first + i];

          texts[i + 1] = row->values[first + i];
          /* under the value: its difference, then its range */
          if (range != NULL && difference != NULL)
            notes[i + 1] = owned[i + 1] = g_strconcat (difference, "\n", range, NULL);
          else if (range != NULL)
            notes[i + 1] = owned[i + 1] = g_steal_pointer (&range);
          else
            notes[i + 1] = difference;
        }
      table_row (w, &table, texts, notes);
      for (guint c = 0; c < MAX_COLUMNS; c++)
        g_free (owned[c]);
    }
  w->y += 12;
}

static void
totals_section (Writer *w,
                Report *report)
{
  g_autoptr(GPtrArray) rows = cpl_comparison_rows_new (report->dataset, report->projections, 0);
  guint per_table = MAX_COLUMNS - 1;

  new_page (w);
  heading (w, STYLE_HEADING, _("Totals"));
  if (report->scenarios->len > 1)
    {
      /* Translators: under the report's totals table heading; %s is a scenario */
      g_autofree char *note = g_strdup_printf (_("Over each scenario’s years. Under each value, its difference to the first scenario, %s."),
                                               cpl_entity_get_name (g_ptr_array_index (report->scenarios, 0)));

      paragraph (w, STYLE_BODY, note, 0);
    }
  for (guint i = 0; i < report->uncertainties->len; i++)
    if (g_ptr_array_index (report->uncertainties, i) != NULL)
      {
        g_autofree char *draws = cpl_format_number (CPL_REPORT_DEFAULT_DRAWS, 0);
        /* Translators: under the report's totals table heading; %s is a number of draws, "10,000" */
        g_autofree char *note = g_strdup_printf (_("For a scenario with ranges, the line P10–P90 under a value "
                                                   "gives the range of %s Monte Carlo draws of its ranged "
                                                   "parameters: one draw in ten gives less than the first figure, "
                                                   "one in ten more than the second."),
                                                 draws);

        paragraph (w, STYLE_BODY, note, 0);
        break;
      }
  for (guint first = 0; first < report->scenarios->len; first += per_table)
    totals_table (w, rows, report, first, MIN (per_table, report->scenarios->len - first));
  for (guint i = 1; i < report->scenarios->len; i++)
    {
      g_autofree char *sentence = cpl_comparison_summary_sentence (g_ptr_array_index (report->scenarios, i),
                                                                   g_ptr_array_index (report->projections, i),
                                                                   g_ptr_array_index (report->scenarios, 0),
                                                                   g_ptr_array_index (report->projections, 0));

      paragraph (w, STYLE_BODY, sentence, 0);
    }
}

static void
help_section (Writer     *w,
              const char *section)
{
  guint n;
  const CplHelpBlock *blocks = cpl_help_text_get_section (section, &n);

  for (guint i = 0; i < n; i++)
    paragraph (w, STYLE_BODY, _(blocks[i].text), blocks[i].kind == CPL_HELP_FORMULA ? 18 : 0);
}

static void
method_section (Writer *w,
                Report *report)
{
  gboolean ranges = FALSE;

  for (guint i = 0; i < report->scenarios->len; i++)
    ranges |= cpl_scenario_has_ranges (g_ptr_array_index (report->scenarios, i));
  heading (w, STYLE_HEADING, _("Method Notes"));
  help_section (w, "projection");
  if (ranges)
    paragraph (w, STYLE_BODY,
               _("Uncertainty: a parameter with a range (low, most likely, high) follows a triangular distribution. "
                 "In the app, a scenario with ranges is also run as a Monte Carlo simulation, which gives the P10–P90 "
                 "range of every result. The figures in this report are computed with each parameter at its most "
                 "likely value."), 0);
}

/* The chips the scenarios use, each once, in the dataset's order. */
static GPtrArray *
report_chips (Report *report)
{
  GListModel *chips = cpl_dataset_get_chips (report->dataset);
  GPtrArray *used = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint c = 0; c < g_list_model_get_n_items (chips); c++)
    {
      g_autoptr(CplEntity) chip = g_list_model_get_item (chips, c);
      const char *id = cpl_entity_get_id (chip);

      for (guint i = 0; i < report->scenarios->len; i++)
        {
          CplScenario *scenario = g_ptr_array_index (report->scenarios, i);

          if (g_strv_contains (cpl_scenario_get_allowed_chips (scenario), id) ||
              g_strcmp0 (cpl_scenario_get_domestic_chip (scenario), id) == 0)
            {
              g_ptr_array_add (used, g_object_ref (chip));
              break;
            }
        }
    }
  return used;
}

static void
sources_section (Writer *w,
                 Report *report)
{
  g_autoptr(GPtrArray) chips = report_chips (report);
  GListModel *rules = cpl_dataset_get_rules (report->dataset);
  /* Translators: the credit for the Epoch AI data in the report; %s is its address */
  g_autofree char *epoch = g_strdup_printf (_("Epoch AI, “Data on Machine Learning Hardware”, licensed under CC BY 4.0: %s"),
                                            CPL_EPOCH_CREDIT_URL);

  heading (w, STYLE_HEADING, _("Sources"));
  help_section (w, "sources");
  paragraph (w, STYLE_BODY, epoch, 0);

  heading (w, STYLE_SUBHEADING, _("Chips in These Scenarios"));
  for (guint c = 0; c < chips->len; c++)
    {
      CplChip *chip = g_ptr_array_index (chips, c);
      const char * const *sources = cpl_chip_get_sources (chip);

      paragraph (w, STYLE_BOLD, cpl_entity_get_name (CPL_ENTITY (chip)), 0);
      w->y -= PARAGRAPH_SPACE - 2;
      if (sources[0] == NULL)
        paragraph (w, STYLE_SMALL, _("No source given in the dataset"), 12);
      for (guint s = 0; sources[s] != NULL; s++)
        paragraph (w, STYLE_SMALL, sources[s], 12);
    }

  heading (w, STYLE_SUBHEADING, _("Export-Control Rules"));
  for (guint r = 0; r < g_list_model_get_n_items (rules); r++)
    {
      g_autoptr(CplRule) rule_entry = g_list_model_get_item (rules, r);
      const char *source = cpl_rule_get_source (rule_entry);
      const char *effective = cpl_rule_get_effective (rule_entry);
      g_autofree char *line = NULL;
      g_autofree char *from = cpl_iso_date_format_long (effective);

      if (source != NULL && effective != NULL)
        /* Translators: a rule in the report's sources: %1$s its name, %2$s
         * where it was published, %3$s the date it took effect, "17 November 2023" */
        line = g_strdup_printf (_("%1$s: %2$s, in force from %3$s"),
                                cpl_entity_get_name (CPL_ENTITY (rule_entry)), source, from);
      else if (source != NULL)
        /* Translators: a rule in the report's sources: %1$s its name, %2$s
         * where it was published */
        line = g_strdup_printf (_("%1$s: %2$s"), cpl_entity_get_name (CPL_ENTITY (rule_entry)), source);
      else
        line = g_strdup (cpl_entity_get_name (CPL_ENTITY (rule_entry)));
      paragraph (w, STYLE_BODY, line, 0);
    }
}

/* Writing ---------------------------------------------------------------- */

/* Draws the whole report onto @surface; returns the number of pages. */
static guint
draw_report (cairo_surface_t *surface,
             CplPaperSize     paper,
             Report          *report,
             guint            n_pages,
             GCancellable    *cancellable,
             GError         **error)
{
  Writer w = {
    .width = paper_sizes[paper].width,
    .height = paper_sizes[paper].height,
    .n_pages = n_pages,
  };

  w.cr = cairo_create (surface);
  w.text_width = w.width - 2 * MARGIN;
  w.bottom = w.height - MARGIN;
  for (guint s = 0; s < N_STYLES; s++)
    w.fonts[s] = pango_font_description_from_string (styles[s].font);

  title_page (&w, report);
  for (guint i = 0; i < report->scenarios->len && !g_cancellable_is_cancelled (cancellable); i++)
    scenario_section (&w, report, i);
  if (!g_cancellable_is_cancelled (cancellable))
    charts_section (&w, report);
  if (!g_cancellable_is_cancelled (cancellable))
    totals_section (&w, report);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      new_page (&w);
      method_section (&w, report);
      sources_section (&w, report);
    }
  draw_footer (&w);
  cairo_show_page (w.cr);

  for (guint s = 0; s < N_STYLES; s++)
    pango_font_description_free (w.fonts[s]);
  cairo_destroy (w.cr);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return 0;
  return w.page;
}

typedef struct {
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;       /* the first write that failed */
} Sink;

static cairo_status_t
sink_write (void                *data,
            const unsigned char *bytes,
            unsigned int         length)
{
  Sink *sink = data;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, bytes, length, NULL, sink->cancellable, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->projections, g_ptr_array_unref);
  g_clear_pointer (&report->uncertainties, g_ptr_array_unref);
  g_clear_pointer (&report->charts, g_ptr_array_unref);
  g_clear_pointer (&report->date, g_free);
}

/* Projects every scenario; the first that does not project is the error. */
static gboolean
report_init (Report      *report,
             CplDataset  *dataset,
             GPtrArray   *scenarios,
             const char  *dataset_name,
             gboolean     unsaved,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  report->dataset = dataset;
  report->scenarios = scenarios;
  report->dataset_name = dataset_name;
  report->unsaved = unsaved;
  /* Translators: a date as the report's title page gives it; see
   * g_date_time_format(): "1 December 2026" */
  report->date = g_date_time_format (now, _("%-d %B %Y"));
  /* each scenario projected and (with ranges) run once: the totals'
   * ranges and every chart's bands */
  report->projections = cpl_project_scenarios (scenarios, dataset, TRUE, &report->uncertainties, error);
  if (report->projections == NULL)
    {
      report_clear (report);
      return FALSE;
    }
  /* built once for both passes */
  report->charts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint c = 0; cpl_chart_ids[c] != NULL; c++)
    if (cpl_chart_id_compares (cpl_chart_ids[c]))
      {
        CplChart *chart = cpl_chart_build_projected (cpl_chart_ids[c], dataset, scenarios,
                                                     report->projections, report->uncertainties);

        if (dataset_name != NULL || unsaved)
          {
            g_autofree char *source = cpl_chart_dup_source (dataset_name, unsaved);

            cpl_chart_set_source (chart, source);
          }
        g_ptr_array_add (report->charts, chart);
      }
  return TRUE;
}

static gboolean
write_report (CplDataset    *dataset,
              GPtrArray     *scenarios,
              GFile         *file,
              CplPaperSize   paper,
              const char    *dataset_name,
              gboolean       unsaved,
              GCancellable  *cancellable,
              GError       **error)
{
  Report report = { NULL, };
  g_autoptr(GCancellable) abandon = g_cancellable_new ();
  g_autoptr(GError) local_error = NULL;
  cairo_surface_t *surface;
  Sink sink = { NULL, };
  guint n_pages;

  g_return_val_if_fail (CPL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (scenarios != NULL && scenarios->len > 0, FALSE);
  g_return_val_if_fail (paper <= CPL_PAPER_LETTER, FALSE);

  if (!report_init (&report, dataset, scenarios, dataset_name, unsaved, error))
    return FALSE;

  /* the first pass counts the pages: nothing is written */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, paper_sizes[paper].width, paper_sizes[paper].height);
  n_pages = draw_report (surface, paper, &report, 0, cancellable, &local_error);
  cairo_surface_destroy (surface);

  if (n_pages > 0)
    sink.stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                                   cancellable, &local_error));
  if (sink.stream != NULL)
    {
      cairo_status_t status;

      sink.cancellable = cancellable;
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, paper_sizes[paper].width,
                                                     paper_sizes[paper].height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Scenario report"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chip Policy Lab " PACKAGE_VERSION);
      draw_report (surface, paper, &report, n_pages, cancellable, &local_error);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (local_error == NULL && sink.error != NULL)
        local_error = g_steal_pointer (&sink.error);
      if (local_error == NULL && status != CAIRO_STATUS_SUCCESS)
        local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      /* closing with a cancelled cancellable drops what was written and
       * keeps the file that was there */
      if (local_error != NULL)
        g_cancellable_cancel (abandon);
      g_output_stream_close (sink.stream, abandon, local_error ? NULL : &local_error);
      g_clear_error (&sink.error);
      g_object_unref (sink.stream);
    }
  report_clear (&report);
  if (local_error == NULL)
    return TRUE;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: %1$s is a file, %2$s the system's reason */
      g_set_error (error, local_error->domain, local_error->code, _("Could not write the report “%1$s”: %2$s"),
                   name, local_error->message);
    }
  return FALSE;
}

/**
 * cpl_pdf_report_write:
 * @scenarios: (element-type CplScenario): the scenarios, the first the
 *   one the others are measured against; at least one
 * @path: the PDF to write; replaced only once the report is complete
 * @dataset_name: (nullable): the display name of the file laid over the
 *   built-in dataset, or %NULL for the built-in dataset alone
 * @unsaved: the data has changes not saved to that file (or to the
 *   built-in dataset): the title page and the charts' source lines say so
 *
 * Writes the report of @scenarios.  Needs no display: it may run in a
 * worker thread on a dataset no other thread changes meanwhile.
 *
 * Returns: whether the report was written; %FALSE with @error (a scenario
 *   that does not project, a file that cannot be written, cancelled)
 */
gboolean
cpl_pdf_report_write (CplDataset    *dataset,
                      GPtrArray     *scenarios,
                      const char    *path,
                      CplPaperSize   paper,
                      const char    *dataset_name,
                      gboolean       unsaved,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return write_report (dataset, scenarios, file, paper, dataset_name, unsaved, cancellable, error);
}

/* In a worker thread ------------------------------------------------------ */

typedef struct {
  GBytes       *data;          /* the dataset, as a file holds it */
  GStrv         scenario_ids;
  GFile        *file;
  CplPaperSize  paper;
  char         *dataset_name;
  gboolean      unsaved;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_bytes_unref (data->data);
  g_strfreev (data->scenario_ids);
  g_object_unref (data->file);
  g_free (data->dataset_name);
  g_free (data);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new ();
  GError *error = NULL;

  if (!cpl_dataset_load_bytes (dataset, data->data, data->dataset_name ? data->dataset_name : _("Built-in data"),
                               CPL_LOAD_ALONE, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* the copy has every scenario the original had */
  for (guint i = 0; data->scenario_ids[i] != NULL; i++)
    g_ptr_array_add (scenarios, cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, data->scenario_ids[i]));
  if (write_report (dataset, scenarios, data->file, data->paper, data->dataset_name, data->unsaved, cancellable,
                    &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * cpl_pdf_report_write_async:
 * @scenarios: (element-type CplScenario): scenarios of @dataset
 *
 * cpl_pdf_report_write() in a worker thread, on a copy of @dataset taken
 * now: the user may go on editing meanwhile.
 */
void
cpl_pdf_report_write_async (CplDataset          *dataset,
                            GPtrArray           *scenarios,
                            GFile               *file,
                            CplPaperSize         paper,
                            const char          *dataset_name,
                            gboolean             unsaved,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  WriteData *data = g_new0 (WriteData, 1);
  GStrvBuilder *ids = g_strv_builder_new ();
  gsize length;
  char *contents = cpl_dataset_to_data (dataset, &length);

  data->data = g_bytes_new_take (contents, length);
  for (guint i = 0; i < scenarios->len; i++)
    g_strv_builder_add (ids, cpl_entity_get_id (g_ptr_array_index (scenarios, i)));
  data->scenario_ids = g_strv_builder_end (ids);
  g_strv_builder_unref (ids);
  data->file = g_object_ref (file);
  data->paper = paper;
  data->dataset_name = g_strdup (dataset_name);
  data->unsaved = unsaved;
  g_task_set_source_tag (task, cpl_pdf_report_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
cpl_pdf_report_write_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
