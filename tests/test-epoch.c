/* test-epoch.c: the Epoch AI ML-hardware CSV importer, on the copy of
 * the published file in tests/fixtures/epoch (CC BY 4.0) */
#include "config.h"

#include <string.h>

#include "cpl-test-util.h"

static char *
read_epoch (gsize *length)
{
  const char *path = g_getenv ("CPL_EPOCH_CSV");
  char *data = NULL;

  if (path == NULL || !g_file_get_contents (path, &data, length, NULL))
    g_error ("CPL_EPOCH_CSV must name tests/fixtures/epoch/ml_hardware.csv");
  return data;
}

/* TPP from our metrics against the file's own "Total processing
 * performance (bit-OP/s)" column (÷ 10¹²), for every row that has one. */
static void
test_tpp_matches (void)
{
  gsize length;
  g_autofree char *data = read_epoch (&length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CplCsvTable) table = cpl_csv_table_parse (data, length, "ml_hardware.csv", &error);
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_object_unref);
  const char *tpp_names[] = { "Total processing performance (bit-OP/s)", NULL };
  guint with_tpp = 0, matching = 0, chip_index = 0;
  int tpp_column;

  g_assert_no_error (error);
  /* README: 169 accelerators */
  g_assert_cmpuint (cpl_csv_table_get_n_rows (table), ==, 169);
  g_assert_true (cpl_epoch_import_table (table, "ml_hardware.csv", vendors, chips, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (chips->len, ==, 169);

  tpp_column = cpl_csv_table_find_column (table, tpp_names);
  g_assert_cmpint (tpp_column, >=, 0);
  for (guint row = 0; row < cpl_csv_table_get_n_rows (table); row++, chip_index++)
    {
      const char *text = cpl_csv_table_get (table, row, tpp_column);
      CplChipMetrics m;
      double reported;

      if (*text == '\0')
        continue;
      reported = g_ascii_strtod (text, NULL) / 1e12;
      with_tpp++;
      cpl_chip_metrics_compute (g_ptr_array_index (chips, chip_index), &m);
      if (fabs (m.values[CPL_METRIC_TPP] - reported) <= 0.005 * reported)
        matching++;
      else
        g_test_message ("row %u (%s): TPP %g, file says %g", row,
                        cpl_entity_get_name (g_ptr_array_index (chips, chip_index)),
                        m.values[CPL_METRIC_TPP], reported);
    }
  g_test_message ("%u of %u rows with a TPP match", matching, with_tpp);
  g_assert_cmpuint (with_tpp, >, 100);
  g_assert_cmpuint (matching * 10, >=, with_tpp * 9);
}

static CplChip *
find_chip (GPtrArray  *chips,
           const char *id)
{
  for (guint i = 0; i < chips->len; i++)
    if (g_str_equal (cpl_entity_get_id (g_ptr_array_index (chips, i)), id))
      return g_ptr_array_index (chips, i);
  return NULL;
}

/* Units, ids, vendors, multi-line notes, on known rows. */
static void
test_rows (void)
{
  gsize length;
  g_autofree char *data = read_epoch (&length);
  g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  CplChip *gb300, *ascend;
  CplChipMetrics m;

  g_assert_true (cpl_epoch_import (data, length, "ml_hardware.csv", vendors, chips, &error));
  g_assert_no_error (error);

  /* "NVIDIA GB300": id from the name; bandwidth 8e12 byte/s = 8 TB/s;
   * memory 2.875e11 byte = 287.5 GB; intranode 1.8e12 byte/s = 1,800 GB/s;
   * BF16 2.5e15 FLOP/s = 2,500 TFLOPS; TPP = max(fp4 1.5e16 × 4 = 60,000,
   * bf16 2,500 × 16 = 40,000, fp8 5,000 × 8 = 40,000) = 60,000.  (The
   * file's own TPP, 6.112e16, is one of the few rows that disagree.) */
  gb300 = find_chip (chips, "nvidia-gb300");
  g_assert_nonnull (gb300);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get (gb300, CPL_CHIP_BANDWIDTH_TBS), 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get (gb300, CPL_CHIP_MEMORY_GB), 287.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get (gb300, CPL_CHIP_INTERCONNECT_GBS), 1800, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get_performance (gb300, CPL_PRECISION_BF16), 2500, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get (gb300, CPL_CHIP_TDP_W), 1400, 1e-9);
  g_assert_cmpstr (cpl_chip_get_released (gb300), ==, "2025-08");
  g_assert_cmpstr (cpl_chip_get_vendor_id (gb300), ==, "nvidia");
  cpl_chip_metrics_compute (gb300, &m);
  g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 60000, 1e-6);
  /* the quoted Notes field spans lines; it arrives whole */
  g_assert_nonnull (strstr (cpl_text_get (cpl_entity_get_notes (CPL_ENTITY (gb300))), "without sparsity.\n\nhttps://"));
  /* two links in one quoted cell become two sources, then Epoch's credit */
  g_assert_cmpstr (cpl_chip_get_sources (gb300)[0], ==, "https://resources.nvidia.com/en-us-dgx-systems/dgx-b300-datasheet");
  g_assert_cmpstr (cpl_chip_get_sources (gb300)[1], ==, "https://www.nvidia.com/en-us/data-center/gb300-nvl72/");
  g_assert_cmpstr (cpl_chip_get_sources (gb300)[2], ==, CPL_EPOCH_CREDIT_URL);

  /* Huawei is a Chinese vendor: its chips are domestic */
  ascend = find_chip (chips, "huawei-ascend-920");
  g_assert_nonnull (ascend);
  g_assert_true (cpl_chip_get_domestic (ascend));
  g_assert_false (cpl_chip_get_domestic (gb300));
  /* 9e14 FLOP/s BF16 → 900 TFLOPS; 4e12 byte/s → 4 TB/s */
  g_assert_cmpfloat_with_epsilon (cpl_chip_get_performance (ascend, CPL_PRECISION_BF16), 900, 1e-9);
  g_assert_cmpfloat_with_epsilon (cpl_chip_get (ascend, CPL_CHIP_BANDWIDTH_TBS), 4, 1e-9);
}

/* A later release renames and reorders columns; the figures are the same. */
static void
test_renamed_columns (void)
{
  const char *old_csv =
    "Hardware name,Manufacturer,Memory size per board (Byte),INT4/FP4 performance (OP/s),Tensor-FP16/BF16 performance (FLOP/s)\n"
    "Chip One,Acme,80000000000,4000000000000000,1000000000000000\n";
  const char *new_csv =
    "Tensor-FP16/BF16 performance (FLOP/s),INT4 performance (OP/s),Memory (bytes),Manufacturer,Hardware name\n"
    "1000000000000000,4000000000000000,80000000000,Acme,Chip One\n";
  const char *texts[] = { old_csv, new_csv };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) vendors = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) chips = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      CplChip *chip;
      CplChipMetrics m;

      g_assert_true (cpl_epoch_import (texts[i], strlen (texts[i]), "t.csv", vendors, chips, &error));
      g_assert_no_error (error);
      chip = find_chip (chips, "chip-one");
      g_assert_nonnull (chip);
      /* 8e10 byte = 80 GB; int4 4e15 OP/s = 4,000 TOPS × 4 bits = 16,000
       * beats bf16 1,000 × 16 = 16,000 — equal, so TPP 16,000 either way */
      g_assert_cmpfloat_with_epsilon (cpl_chip_get (chip, CPL_CHIP_MEMORY_GB), 80, 1e-9);
      g_assert_cmpfloat_with_epsilon (cpl_chip_get_performance (chip, CPL_PRECISION_INT4), 4000, 1e-9);
      cpl_chip_metrics_compute (chip, &m);
      g_assert_cmpfloat_with_epsilon (m.values[CPL_METRIC_TPP], 16000, 1e-9);
      g_assert_cmpstr (cpl_entity_get_id (g_ptr_array_index (vendors, 0)), ==, "acme");
    }
}

/* The CSV can be opened like a dataset, laid over the built-in one. */
static void
test_as_dataset (void)
{
  const char *path = g_getenv ("CPL_EPOCH_CSV");
  g_autoptr(CplDataset) dataset = cpl_dataset_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cpl_dataset_load_file (dataset, path, CPL_LOAD_OVER_BUILTIN, &error));
  g_assert_no_error (error);
  /* 14 built-in chips + 169 rows, less the 5 rows whose ids the built-in
   * dataset already has (nvidia-a100, nvidia-b200, nvidia-gb200,
   * huawei-ascend-910b, huawei-ascend-910c): a CSV adds, never replaces */
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_chips (dataset)), ==, 14 + 169 - 5);
  /* so the curated Ascend 910C keeps its price (the CSV row has none) */
  g_assert_cmpfloat (cpl_chip_get (cpl_dataset_lookup_chip (dataset, "huawei-ascend-910c"), CPL_CHIP_PRICE_USD),
                     ==, 28000);
  g_assert_nonnull (cpl_dataset_lookup (dataset, CPL_TYPE_SCENARIO, "h200-share-25"));
  /* the built-in vendor keeps its country */
  g_assert_cmpstr (cpl_vendor_get_country (cpl_dataset_lookup_vendor (dataset, "nvidia")), ==, "US");
}

static void
test_ids (void)
{
  g_autofree char *a = cpl_id_from_name ("NVIDIA H100 SXM5 80GB");
  g_autofree char *b = cpl_id_from_name ("  Ascend 910B (Huawei)  ");
  g_autofree char *c = cpl_id_from_name ("***");

  g_assert_cmpstr (a, ==, "nvidia-h100-sxm5-80gb");
  g_assert_cmpstr (b, ==, "ascend-910b-huawei");
  g_assert_cmpstr (c, ==, "chip");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/epoch/tpp-matches", test_tpp_matches);
  g_test_add_func ("/epoch/rows", test_rows);
  g_test_add_func ("/epoch/renamed-columns", test_renamed_columns);
  g_test_add_func ("/epoch/as-dataset", test_as_dataset);
  g_test_add_func ("/epoch/ids", test_ids);
  return g_test_run ();
}
