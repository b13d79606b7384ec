/* test-chips-names.c: the Chips table shows vendor and chip names as
 * analysts write them in the reader's language (data/builtin-dataset.json,
 * po/GLOSSARY.md), under Xvfb in en, zh_CN and zh_TW (CPL_TEST_LANG) */
#include "config.h"

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"

static CplApplication *app;

static void
assert_cell (CplChipsView *view,
             const char   *chip_id,
             const char   *column_id,
             const char   *expected)
{
  int row = cpl_test_chips_row (view, chip_id);
  g_autofree char *text = NULL;

  g_assert_cmpint (row, >=, 0);
  text = cpl_chips_view_get_cell_text (view, row, column_id);
  g_assert_cmpstr (text, ==, expected);
}

/* The dataset's names, as GLOSSARY.md "Vendor and chip names" gives them:
 * NVIDIA 英伟达 / 輝達, Huawei 华为 / 華為, Ascend 昇腾 / 昇騰, Intel
 * 英特尔 / 英特爾, AMD "AMD" in zh_CN (no zh_CN form: the English one is
 * read) and 超微 in zh_TW; model numbers (H200 SXM) as they are, and the
 * words around them translated ("GB200 (per GPU)", GB200（单颗 GPU）). */
static void
test_names (void)
{
  const char *lang = g_getenv ("CPL_TEST_LANG");
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, -1, -1);
  CplChipsView *view = CPL_CHIPS_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW));
  struct { const char *chip, *column, *en, *zh_cn, *zh_tw; } expected[] = {
    { "nvidia-h200", "vendor", "NVIDIA", "英伟达", "輝達" },
    { "nvidia-h200", "name", "H200 SXM", "H200 SXM", "H200 SXM" },
    { "huawei-ascend-910c", "vendor", "Huawei", "华为", "華為" },
    { "huawei-ascend-910c", "name", "Ascend 910C", "昇腾 910C", "昇騰 910C" },
    { "huawei-ascend-910b", "name", "Ascend 910B", "昇腾 910B", "昇騰 910B" },
    { "intel-gaudi3", "vendor", "Intel", "英特尔", "英特爾" },
    { "amd-mi308x", "vendor", "AMD", "AMD", "超微" },
    /* the part of the name that is words, in the reader's words */
    { "nvidia-gb200", "name", "GB200 (per GPU)", "GB200（单颗 GPU）", "GB200（單顆 GPU）" },
  };

  g_assert_nonnull (lang);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_cell (view, expected[i].chip, expected[i].column,
                 g_str_equal (lang, "zh_CN") ? expected[i].zh_cn :
                 g_str_equal (lang, "zh_TW") ? expected[i].zh_tw : expected[i].en);

  /* the search finds a name in any of its languages, whichever the
   * interface's: "nvidia" the 7 NVIDIA chips (A100, H100, H800, H20,
   * H200, B200, GB200), "昇腾" and "ascend" the 2 Ascend chips */
  {
    GtkSearchEntry *search = GTK_SEARCH_ENTRY (cpl_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY));
    struct { const char *text; guint rows; } searches[] = { { "nvidia", 7 }, { "昇腾", 2 }, { "ASCEND", 2 } };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (search), searches[i].text);
        g_signal_emit_by_name (search, "search-changed");
        g_assert_cmpuint (cpl_chips_view_get_n_rows (view), ==, searches[i].rows);
      }
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = cpl_test_ui_init (&argc, &argv);
  g_test_add_func ("/chips-names/table", test_names);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
