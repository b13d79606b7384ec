/* cpl-csv.c: a CSV table read with libcsv */
#define G_LOG_DOMAIN "cpl-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cpl-csv.h"
#include "cpl-error.h"
#include "cpl-json-private.h"

struct _CplCsvTable
{
  GPtrArray *header;   /* of char* */
  GPtrArray *rows;     /* of GPtrArray of char* */
  GArray    *lines;    /* guint, the line each row starts on */
};

typedef struct {
  CplCsvTable *table;
  GPtrArray   *record;
  guint        line;         /* the line being fed */
  guint        record_line;  /* where the current record began */
  gboolean     too_many;
  /* the first field over a limit: its line, its column (1-based), its
   * length; the parse stops there */
  guint        bad_line;
  guint        bad_field;
  gsize        bad_length;
  gsize        cells;        /* fields read so far */
} Reader;

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Reader *reader = user_data;

  if (reader->bad_line != 0)
    return;
  if (reader->record == NULL)
    reader->record = g_ptr_array_new_with_free_func (g_free);
  if (length > CPL_MAX_STRING_LENGTH || reader->record->len >= CPL_CSV_MAX_FIELDS ||
      ++reader->cells > CPL_CSV_MAX_CELLS)
    {
      reader->bad_line = reader->record_line;
      reader->bad_field = reader->record->len + 1;
      reader->bad_length = length;
      return;
    }
  g_ptr_array_add (reader->record, g_strndup (data ? data : "", length));
}

static void
on_record (int   terminator,
           void *user_data)
{
  Reader *reader = user_data;
  GPtrArray *record = g_steal_pointer (&reader->record);

  if (record == NULL)
    return;
  if (reader->table->header == NULL)
    {
      reader->table->header = record;
      return;
    }
  if (reader->table->rows->len >= CPL_CSV_MAX_ROWS)
    {
      reader->too_many = TRUE;
      g_ptr_array_unref (record);
      return;
    }
  g_ptr_array_add (reader->table->rows, record);
  g_array_append_val (reader->table->lines, reader->record_line);
}

void
cpl_csv_table_free (CplCsvTable *self)
{
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_ptr_array_unref (self->rows);
  g_array_unref (self->lines);
  g_free (self);
}

/**
 * cpl_csv_table_parse:
 *
 * The first record is the header.  Fields may be quoted and span lines.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error.
 */
CplCsvTable *
cpl_csv_table_parse (const char  *data,
                     gsize        length,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(CplCsvTable) table = g_new0 (CplCsvTable, 1);
  struct csv_parser parser;
  Reader reader = { table, NULL, 1, 1, FALSE, 0, 0, 0, 0 };
  gsize offset = 0;

  /* Excel's "CSV UTF-8" begins with a byte-order mark */
  cpl_skip_bom (&data, &length);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("libcsv could not start");
  /* libcsv grows its field buffer by this much at a time (128 bytes by
   * default): a field of several MiB would take tens of thousands of
   * reallocations, quadratic in its length. */
  csv_set_blk_size (&parser, CPL_MAX_STRING_LENGTH / 4);

  /* Feed a line at a time, so a record knows the line it starts on. */
  while (offset < length)
    {
      const char *nl = memchr (data + offset, '\n', length - offset);
      gsize chunk = nl ? (gsize) (nl - (data + offset)) + 1 : length - offset;

      /* pstate 0 is libcsv's ROW_NOT_BEGUN: a record starting in this line
       * starts here. */
      if (parser.pstate == 0 && reader.record == NULL)
        reader.record_line = reader.line;
      if (csv_parse (&parser, data + offset, chunk, on_field, on_record, &reader) != chunk)
        {
          g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_SYNTAX,
                       /* Translators: %1$s:%2$u is the file name and line, %3$s
                        * libcsv's reason, in English */
                       _("%s:%u: %s (a quote inside an unquoted field, or text after a closing "
                         "quote); expected CSV with fields quoted by \""),
                       name, reader.line, csv_strerror (csv_error (&parser)));
          goto fail;
        }
      offset += chunk;
      reader.line++;
      if (reader.bad_line != 0)
        break;
    }
  if (reader.bad_line == 0 && csv_fini (&parser, on_field, on_record, &reader) != 0)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_SYNTAX,
                   /* Translators: %s:%u is the file name and the line the field starts on */
                   _("%s:%u: a quoted field is not closed before the end of the file; "
                     "expected a closing \""), name, reader.record_line);
      goto fail;
    }
  if (reader.bad_line != 0)
    {
      if (reader.bad_length > CPL_MAX_STRING_LENGTH)
        g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: %1$s:%2$u is the file name and line,
                                   * %3$u the field's position in its record, %4$lu
                                   * its length, %5$d the limit */
                                  "%s:%u: field %u is %lu byte long; expected a field of "
                                  "at most %d bytes (1 MiB)",
                                  "%s:%u: field %u is %lu bytes long; expected a field of "
                                  "at most %d bytes (1 MiB)", reader.bad_length),
                     name, reader.bad_line, reader.bad_field,
                     (gulong) reader.bad_length, CPL_MAX_STRING_LENGTH);
      else if (reader.cells > CPL_CSV_MAX_CELLS)
        g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: %1$s:%2$u is the file name and line,
                                   * %3$d and %4$d the limit */
                                  "%s:%u: more than %d field in the file; expected at most %d",
                                  "%s:%u: more than %d fields in the file; expected at most %d",
                                  CPL_CSV_MAX_CELLS),
                     name, reader.bad_line, CPL_CSV_MAX_CELLS, CPL_CSV_MAX_CELLS);
      else
        g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT,
                     g_dngettext (GETTEXT_PACKAGE,
                                  /* Translators: %1$s:%2$u is the file name and line,
                                   * %3$d and %4$d the limit */
                                  "%s:%u: more than %d field in one record; expected at most %d",
                                  "%s:%u: more than %d fields in one record; expected at most %d",
                                  CPL_CSV_MAX_FIELDS),
                     name, reader.bad_line, CPL_CSV_MAX_FIELDS, CPL_CSV_MAX_FIELDS);
      goto fail;
    }
  csv_free (&parser);
  g_clear_pointer (&reader.record, g_ptr_array_unref);

  if (reader.too_many)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_LIMIT,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %1$s is the file name, %2$d and %3$d the limit */
                                "%s: more than %d row; expected at most %d",
                                "%s: more than %d rows; expected at most %d", CPL_CSV_MAX_ROWS),
                   name, CPL_CSV_MAX_ROWS, CPL_CSV_MAX_ROWS);
      return NULL;
    }
  if (table->header == NULL)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_SYNTAX,
                   /* Translators: %s is the file name */
                   _("%s: the file is empty; expected a header line of column names"), name);
      return NULL;
    }
  return g_steal_pointer (&table);

fail:
  csv_free (&parser);
  g_clear_pointer (&reader.record, g_ptr_array_unref);
  return NULL;
}

guint
cpl_csv_table_get_n_rows (CplCsvTable *self)
{
  return self->rows->len;
}

/* Returns: the first column whose header is one of @names (case and
 * surrounding space ignored), or -1. */
int
cpl_csv_table_find_column (CplCsvTable        *self,
                           const char * const *names)
{
  for (guint n = 0; names[n] != NULL; n++)
    for (guint i = 0; i < self->header->len; i++)
      {
        g_autofree char *header = g_strstrip (g_strdup (g_ptr_array_index (self->header, i)));

        if (g_ascii_strcasecmp (header, names[n]) == 0)
          return i;
      }
  return -1;
}

const char *
cpl_csv_table_get_header (CplCsvTable *self,
                          int          column)
{
  g_return_val_if_fail (column >= 0 && (guint) column < self->header->len, NULL);
  return g_ptr_array_index (self->header, column);
}

/* Returns: the field, or "" when the row is shorter or @column is -1. */
const char *
cpl_csv_table_get (CplCsvTable *self,
                   guint        row,
                   int          column)
{
  GPtrArray *record;

  g_return_val_if_fail (row < self->rows->len, "");
  record = g_ptr_array_index (self->rows, row);
  if (column < 0 || (guint) column >= record->len)
    return "";
  return g_ptr_array_index (record, column);
}

guint
cpl_csv_table_get_line (CplCsvTable *self,
                        guint        row)
{
  g_return_val_if_fail (row < self->rows->len, 0);
  return g_array_index (self->lines, guint, row);
}

/* Writer ----------------------------------------------------------------- */

struct _CplCsvWriter
{
  GString    *text;
  char        separator;
  const char *line_end;
  gboolean    row_started;   /* a cell of the current row is written */
};

/**
 * cpl_csv_writer_new:
 * @separator: commas and CRLF (RFC 4180, for files) or tabs and LF (for
 *   the clipboard: a spreadsheet pastes it as cells)
 *
 * A table written cell by cell, row by row, in UTF-8.  A cell with the
 * separator, a quote, CR or LF is quoted, its quotes doubled.
 */
CplCsvWriter *
cpl_csv_writer_new (CplCsvSeparator separator)
{
  CplCsvWriter *self = g_new0 (CplCsvWriter, 1);

  self->text = g_string_new (NULL);
  self->separator = separator == CPL_CSV_TABS ? '\t' : ',';
  self->line_end = separator == CPL_CSV_TABS ? "\n" : "\r\n";
  return self;
}

static void
start_cell (CplCsvWriter *self)
{
  if (self->row_started)
    g_string_append_c (self->text, self->separator);
  self->row_started = TRUE;
}

/**
 * cpl_csv_writer_add_text:
 * @text: (nullable): the cell's text; %NULL is an empty cell
 *
 * Adds a text cell.  A text that starts with "=", "+", "-" or "@" gets a
 * leading "'", so that a spreadsheet shows it instead of running it as a
 * formula; numbers go through cpl_csv_writer_add_number().
 */
void
cpl_csv_writer_add_text (CplCsvWriter *self,
                         const char   *text)
{
  const char specials[] = { self->separator, '"', '\r', '\n', '\0' };
  gboolean quote;

  start_cell (self);
  if (text == NULL || *text == '\0')
    return;
  quote = strpbrk (text, specials) != NULL;
  if (quote)
    g_string_append_c (self->text, '"');
  if (strchr ("=+-@", *text) != NULL)
    g_string_append_c (self->text, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (quote && *p == '"')
        g_string_append_c (self->text, '"');
      g_string_append_c (self->text, *p);
    }
  if (quote)
    g_string_append_c (self->text, '"');
}

/**
 * cpl_csv_format_number:
 *
 * Returns: (transfer full): @value as a CSV cell holds it: "." as the
 * decimal mark, no grouping, 15 significant digits at most without
 * binary noise (cpl_format_number_c()); an unknown or infinite value is
 * an empty cell.
 */
char *
cpl_csv_format_number (double value)
{
  return isfinite (value) ? cpl_format_number_c (value) : g_strdup ("");
}

/* Adds a number cell (see cpl_csv_format_number()); a negative number
 * stays a number. */
void
cpl_csv_writer_add_number (CplCsvWriter *self,
                           double        value)
{
  g_autofree char *text = cpl_csv_format_number (value);

  start_cell (self);
  g_string_append (self->text, text);
}

/* Adds a row of text cells (a header), @texts ending in %NULL. */
void
cpl_csv_writer_add_row (CplCsvWriter       *self,
                        const char * const *texts)
{
  for (guint i = 0; texts[i] != NULL; i++)
    cpl_csv_writer_add_text (self, texts[i]);
  cpl_csv_writer_end_row (self);
}

void
cpl_csv_writer_end_row (CplCsvWriter *self)
{
  g_string_append (self->text, self->line_end);
  self->row_started = FALSE;
}

/* Returns: (transfer full): the text written, and frees @self. */
char *
cpl_csv_writer_free_to_text (CplCsvWriter *self)
{
  char *text = g_string_free (g_steal_pointer (&self->text), FALSE);

  g_free (self);
  return text;
}

void
cpl_csv_writer_free (CplCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}
