/* cpl-epoch.c: Epoch AI ML-hardware CSV import
 *
 * Columns are found by header name, not position: Epoch's file has
 * reordered and renamed columns between releases, so each figure lists
 * every spelling it has had.  Units are raw (FLOP/s, bytes, byte/s) and
 * are converted to the dataset's (TFLOPS, GB, TB/s, GB/s).
 */
#define G_LOG_DOMAIN "cpl-epoch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cpl-chip.h"
#include "cpl-epoch.h"
#include "cpl-json-private.h"
#include "cpl-vendor.h"

typedef enum {
  COL_NAME,
  COL_MANUFACTURER,
  COL_NOTES,
  COL_RELEASED,
  COL_PRICE,
  COL_FP64, COL_FP32, COL_TF32, COL_FP16, COL_BF16, COL_FP8, COL_INT8, COL_FP4, COL_INT4,
  COL_MEMORY,
  COL_BANDWIDTH,
  COL_INTRANODE,
  COL_DIE,
  COL_TDP,
  COL_PROCESS_NM,
  COL_FOUNDRY,
  COL_DATASHEET,
  N_COLUMNS
} Column;

typedef struct {
  const char *names[4];   /* every spelling the header has had */
  double      scale;      /* multiply the raw value by this */
  int         field;      /* CplChipField, or -1 for text columns */
} ColumnSpec;

#define PERF(p) (CPL_CHIP_PERFORMANCE + (p))

static const ColumnSpec columns[N_COLUMNS] = {
  [COL_NAME]         = { { "Hardware name", "Name", NULL }, 0, -1 },
  [COL_MANUFACTURER] = { { "Manufacturer", NULL }, 0, -1 },
  [COL_NOTES]        = { { "Notes", NULL }, 0, -1 },
  [COL_RELEASED]     = { { "Release date", NULL }, 0, -1 },
  [COL_PRICE]        = { { "Release price (USD)", "Price (USD)", NULL }, 1, CPL_CHIP_PRICE_USD },
  [COL_FP64]  = { { "FP64 (double precision) performance (FLOP/s)", "FP64 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_FP64) },
  [COL_FP32]  = { { "FP32 (single precision) performance (FLOP/s)", "FP32 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_FP32) },
  [COL_TF32]  = { { "TF32 (TensorFloat-32) performance (FLOP/s)", "TF32 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_TF32) },
  [COL_FP16]  = { { "FP16 (half precision) performance (FLOP/s)", "FP16 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_FP16) },
  [COL_BF16]  = { { "Tensor-FP16/BF16 performance (FLOP/s)", "BF16 performance (FLOP/s)", "Tensor-BF16 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_BF16) },
  [COL_FP8]   = { { "FP8 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_FP8) },
  [COL_INT8]  = { { "INT8 performance (OP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_INT8) },
  [COL_FP4]   = { { "FP4 performance (FLOP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_FP4) },
  [COL_INT4]  = { { "INT4/FP4 performance (OP/s)", "INT4 performance (OP/s)", NULL }, 1e-12, PERF (CPL_PRECISION_INT4) },
  [COL_MEMORY]    = { { "Memory size per board (Byte)", "Memory (bytes)", NULL }, 1e-9, CPL_CHIP_MEMORY_GB },
  [COL_BANDWIDTH] = { { "Memory bandwidth (byte/s)", NULL }, 1e-12, CPL_CHIP_BANDWIDTH_TBS },
  [COL_INTRANODE] = { { "Intranode bandwidth (byte/s)", NULL }, 1e-9, CPL_CHIP_INTERCONNECT_GBS },
  [COL_DIE]       = { { "Die Size (mm^2)", "Die size (mm²)", NULL }, 1, CPL_CHIP_DIE_AREA_MM2 },
  [COL_TDP]       = { { "TDP (W)", NULL }, 1, CPL_CHIP_TDP_W },
  [COL_PROCESS_NM] = { { "Process size (nm)", NULL }, 0, -1 },
  [COL_FOUNDRY]    = { { "Foundry", NULL }, 0, -1 },
  [COL_DATASHEET]  = { { "Link to datasheet", NULL }, 0, -1 },
};

/* Vendors whose chips count as domestic in China's market. */
static const struct { const char *id; const char *country; } vendor_countries[] = {
  { "nvidia", "US" }, { "amd", "US" }, { "intel", "US" }, { "google", "US" },
  { "amazon", "US" }, { "amazon-web-services", "US" }, { "meta", "US" }, { "microsoft", "US" },
  { "tesla", "US" }, { "cerebras", "US" }, { "groq", "US" }, { "sambanova", "US" },
  { "graphcore", "GB" }, { "tenstorrent", "CA" },
  { "huawei", "CN" }, { "cambricon", "CN" }, { "biren", "CN" }, { "biren-technology", "CN" },
  { "alibaba", "CN" }, { "baidu", "CN" }, { "moore-threads", "CN" }, { "hygon", "CN" },
  { "enflame", "CN" }, { "metax", "CN" }, { "iluvatar-corex", "CN" },
};

/* "NVIDIA H100 SXM5 80GB" → "nvidia-h100-sxm5-80gb" */
char *
cpl_id_from_name (const char *name)
{
  GString *id = g_string_new (NULL);

  for (const char *p = name; p && *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len > 100)
    g_string_truncate (id, 100);
  if (id->len == 0)
    g_string_append (id, "chip");
  return g_string_free (id, FALSE);
}

/* @taken: the ids given so far; @next: for an id given more than once,
 * the suffix to try next, so that 100,000 rows of one name take linear,
 * not quadratic, time. */
static char *
unique_id (GHashTable *taken,
           GHashTable *next,
           const char *name)
{
  g_autofree char *base = cpl_id_from_name (name);
  char *id = g_strdup (base);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (next, base));

  for (n = MAX (n, 2); g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_insert (next, g_steal_pointer (&base), GUINT_TO_POINTER (n));
  g_hash_table_add (taken, g_strdup (id));
  return id;
}

static gboolean
parse_number (CplCsvTable *table,
              guint        row,
              int          column,
              const char  *name,
              double      *out,
              GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (cpl_csv_table_get (table, row, column)));
  char *end = NULL;

  *out = NAN;
  if (*text == '\0')
    return TRUE;
  *out = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*out) || *out < 0)
    {
      g_autofree char *shown = cpl_message_escape (text, CPL_MESSAGE_MAX_CHARS);
      g_autofree char *header = cpl_message_escape (cpl_csv_table_get_header (table, column),
                                                    CPL_MESSAGE_MAX_CHARS);

      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_TYPE,
                   /* Translators: %1$s:%2$u is the file name and line, %3$s a column
                    * name of the CSV file, %4$s the field's text */
                   _("%s:%u: column \"%s\": \"%s\" is not a number; expected a finite number ≥ 0 "
                     "or an empty field"),
                   name, cpl_csv_table_get_line (table, row), header, shown);
      return FALSE;
    }
  return TRUE;
}

/* "2025-11-06" → "2025-11"; anything else is left out. */
static char *
parse_release (const char *text)
{
  int year, month;

  if (sscanf (text, "%4d-%2d", &year, &month) == 2 && year >= 1900 && year <= 2200 &&
      month >= 1 && month <= 12)
    return g_strdup_printf ("%04d-%02d", year, month);
  if (sscanf (text, "%4d", &year) == 1 && year >= 1900 && year <= 2200 && strlen (text) == 4)
    return g_strdup_printf ("%04d", year);
  return NULL;
}

/* @known: the vendors by id (not owned), kept up to date here */
static CplVendor *
find_or_add_vendor (GPtrArray  *vendors,
                    GHashTable *known,
                    const char *manufacturer)
{
  g_autofree char *id = cpl_id_from_name (*manufacturer ? manufacturer : "unknown");
  const char *country = NULL;
  CplVendor *vendor = g_hash_table_lookup (known, id);

  if (vendor != NULL)
    return vendor;
  for (guint i = 0; i < G_N_ELEMENTS (vendor_countries); i++)
    if (g_str_equal (vendor_countries[i].id, id))
      country = vendor_countries[i].country;
  vendor = cpl_vendor_new (id, *manufacturer ? manufacturer : "Unknown", country);
  g_ptr_array_add (vendors, vendor);
  g_hash_table_insert (known, (gpointer) cpl_entity_get_id (CPL_ENTITY (vendor)), vendor);
  return vendor;
}

gboolean
cpl_epoch_import_table (CplCsvTable *table,
                        const char  *name,
                        GPtrArray   *vendors,
                        GPtrArray   *chips,
                        GError     **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) new_chips = g_ptr_array_new_with_free_func (g_object_unref);
  int col[N_COLUMNS];

  for (guint i = 0; i < vendors->len; i++)
    g_hash_table_insert (known, (gpointer) cpl_entity_get_id (g_ptr_array_index (vendors, i)),
                         g_ptr_array_index (vendors, i));
  for (guint c = 0; c < N_COLUMNS; c++)
    col[c] = cpl_csv_table_find_column (table, columns[c].names);
  if (col[COL_NAME] < 0)
    {
      g_set_error (error, CPL_DATASET_ERROR, CPL_DATASET_ERROR_MISSING,
                   /* Translators: %s is the file name; "Hardware name" is the column's
                    * name in the file, not translated */
                   _("%s:1: no \"Hardware name\" column; expected an Epoch AI machine-learning "
                     "hardware table"), name);
      return FALSE;
    }

  for (guint row = 0; row < cpl_csv_table_get_n_rows (table); row++)
    {
      const char *hardware = cpl_csv_table_get (table, row, col[COL_NAME]);
      const char *manufacturer = cpl_csv_table_get (table, row, col[COL_MANUFACTURER]);
      const char *notes = cpl_csv_table_get (table, row, col[COL_NOTES]);
      const char *nm = cpl_csv_table_get (table, row, col[COL_PROCESS_NM]);
      const char *foundry = cpl_csv_table_get (table, row, col[COL_FOUNDRY]);
      g_autofree char *id = NULL;
      g_autofree char *released = NULL;
      g_auto(GStrv) links = NULL;
      CplVendor *vendor;
      CplChip *chip;

      if (*hardware == '\0')
        continue;
      vendor = find_or_add_vendor (vendors, known, manufacturer);
      id = unique_id (taken, next, hardware);
      chip = cpl_chip_new (id, hardware, cpl_entity_get_id (CPL_ENTITY (vendor)));
      g_ptr_array_add (new_chips, chip);
      cpl_chip_set_domestic (chip, g_strcmp0 (cpl_vendor_get_country (vendor), "CN") == 0);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          double value;

          if (columns[c].field < 0 || col[c] < 0)
            continue;
          if (!parse_number (table, row, col[c], name, &value, error))
            return FALSE;
          value *= columns[c].scale;
          /* A zero die area or TDP is "not given", not a real zero. */
          if (value == 0 && (columns[c].field == CPL_CHIP_DIE_AREA_MM2 || columns[c].field == CPL_CHIP_TDP_W))
            value = NAN;
          cpl_entity_set_number (CPL_ENTITY (chip), columns[c].field, value, NULL);
        }

      released = parse_release (cpl_csv_table_get (table, row, col[COL_RELEASED]));
      cpl_chip_set_released (chip, released);
      if (*nm != '\0' || *foundry != '\0')
        {
          g_autofree char *process = g_strstrip (g_strdup_printf ("%s%s%s%s", foundry,
                                                                  *foundry && *nm ? " " : "",
                                                                  nm, *nm ? " nm" : ""));
          cpl_chip_set_process (chip, process);
        }

      links = g_strsplit_set (cpl_csv_table_get (table, row, col[COL_DATASHEET]), " \n\r\t", -1);
      for (guint i = 0; links[i] != NULL; i++)
        if (g_str_has_prefix (links[i], "http"))
          cpl_chip_add_source (chip, links[i]);
      cpl_chip_add_source (chip, CPL_EPOCH_CREDIT_URL);

      if (*notes != '\0')
        {
          g_autoptr(CplText) text = cpl_text_new (NULL);
          cpl_text_set_locale (text, "en", notes);
          cpl_entity_set_notes (CPL_ENTITY (chip), text);
        }

      {
        g_autofree char *origin = g_strdup_printf ("%s:%u", name, cpl_csv_table_get_line (table, row));
        cpl_entity_set_origin (CPL_ENTITY (chip), origin);
      }
    }

  g_ptr_array_extend_and_steal (chips, g_steal_pointer (&new_chips));
  return TRUE;
}

/**
 * cpl_epoch_import:
 * @vendors: (element-type CplVendor): receives the manufacturers
 * @chips: (element-type CplChip): receives one chip a row
 */
gboolean
cpl_epoch_import (const char *data,
                  gsize       length,
                  const char *name,
                  GPtrArray  *vendors,
                  GPtrArray  *chips,
                  GError    **error)
{
  g_autoptr(CplCsvTable) table = cpl_csv_table_parse (data, length, name, error);

  if (table == NULL)
    return FALSE;
  return cpl_epoch_import_table (table, name, vendors, chips, error);
}
