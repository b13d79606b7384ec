/* test-number-row.c: numbers typed into the rows of the Revenue Share
 * view, and long typed text quoted in messages, under Xvfb with
 * G_DEBUG=fatal-criticals, once per locale:
 * en_US, zh_CN, zh_TW (decimal point, comma groups) and de_DE (decimal
 * comma, point groups; English messages, there is no German catalogue).
 * CPL_TEST_LANG says which.
 */
#include "config.h"

#include <string.h>

#include "cpl-application.h"
#include "cpl-test-ui.h"
#include "cpl-window.h"
#include "views/chips/cpl-chips-view.h"
#include "views/revenue/cpl-revenue-view.h"

static CplApplication *app;
static const char *lang;

/* The string a reader of the test's language must see; de_DE reads the
 * English catalogue with German numbers. */
static const char *
expect (const char *en,
        const char *zh_cn,
        const char *zh_tw,
        const char *de)
{
  if (g_str_equal (lang, "zh_CN"))
    return zh_cn;
  if (g_str_equal (lang, "zh_TW"))
    return zh_tw;
  if (g_str_equal (lang, "de"))
    return de;
  return en;
}

static gboolean
decimal_comma (void)
{
  return g_str_equal (lang, "de");
}

/* The Revenue Share view on the built-in H200 case (1,000,000 units,
 * 25% share). */
static CplRevenueView *
open_h200 (CplWindow      **window_out,
           CplRevenueCase **h200_out)
{
  CplWindow *window = cpl_test_open_window (app, "revenue", NULL, -1, -1);
  CplRevenueView *view = CPL_REVENUE_VIEW (cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_REVENUE_VIEW));
  CplDataset *dataset = cpl_application_get_dataset (app);
  CplRevenueCase *h200 = CPL_REVENUE_CASE (cpl_dataset_lookup (dataset, CPL_TYPE_REVENUE_CASE, "h200-share-25"));

  g_assert_nonnull (h200);
  cpl_revenue_view_select (view, h200);
  g_assert_true (cpl_revenue_view_get_selected (view) == h200);
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  *window_out = window;
  *h200_out = h200;
  return view;
}

static CplNumberRow *
input (CplRevenueView *view,
       const char     *key)
{
  CplNumberRow *row = cpl_revenue_view_get_input (view, key);

  g_assert_nonnull (row);
  return row;
}

/* Types @text into the input of @key, as a user would. */
static void
type_into (CplRevenueView *view,
           const char     *key,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (input (view, key)), text);
}

/* The cases: "0,35", full-width digits, "%" only on a share. */
static void
test_typed (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplNumberRow *share = input (view, "revenue_share");
  CplNumberRow *units = input (view, "units");

  /* "0,35" was read as 35%.  Where "," groups it is refused and the
   * share stays 25%; where "," is the decimal mark it is 0.35% = 0.0035 */
  type_into (view, "revenue_share", "0,35");
  if (decimal_comma ())
    {
      g_assert_null (cpl_number_row_get_message (share));
      g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.35 / 100);
    }
  else
    {
      g_assert_cmpstr (cpl_number_row_get_message (share), ==,
                       expect ("Share rate: “0,35” is ambiguous: type 0.35 for a decimal, or 35 for a whole number",
                               "分成比例：“0,35”有歧义：如指小数，请输入 0.35；如指整数，请输入 35",
                               "分成比例：「0,35」有歧義：若指小數，請輸入 0.35；若指整數，請輸入 35",
                               NULL));
      g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
      /* the view lists the message too */
      g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==, cpl_number_row_get_message (share));
    }

  /* "1.5": 1.5% = 0.015 where "." is the decimal mark; in de_DE "."
   * groups, and one digit is no group */
  type_into (view, "revenue_share", "1.5");
  if (decimal_comma ())
    {
      g_assert_cmpstr (cpl_number_row_get_message (share), ==,
                       "Share rate: “1.5” is ambiguous: type 1,5 for a decimal, or 15 for a whole number");
      g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.35 / 100);
    }
  else
    {
      g_assert_null (cpl_number_row_get_message (share));
      g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 1.5 / 100);
    }

  /* a Chinese input method: full-width digits and percent sign,
   * 15% = 0.15, then 25% = 0.25 in every locale */
  type_into (view, "revenue_share", "１５％");
  g_assert_null (cpl_number_row_get_message (share));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 15.0 / 100);
  type_into (view, "revenue_share", "２５");
  g_assert_null (cpl_number_row_get_message (share));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);

  /* "１，０００" is 1,000 units where "," groups, 1.000 = 1 unit in de_DE */
  type_into (view, "units", "１，０００");
  g_assert_null (cpl_number_row_get_message (units));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, decimal_comma () ? 1 : 1000);

  /* units are no percentage: "25%" is refused, not read as 25 units */
  type_into (view, "units", "25%");
  g_assert_cmpstr (cpl_number_row_get_message (units), ==,
                   expect ("Units: “25%” is a percentage, but this value is not; type the number alone",
                           "数量：“25%”是百分比，但此项不是百分比；请只输入数字",
                           "數量：「25%」是百分比，但此欄位不是百分比；請只輸入數字",
                           "Units: “25%” is a percentage, but this value is not; type the number alone"));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, decimal_comma () ? 1 : 1000);

  /* 10⁴⁰ units: typed in 4 characters, it would show as 41 digits and 13
   * grouping marks, more than the row's 40; shown again (select another
   * case and come back) it reads "1e+40", which is the same number */
  type_into (view, "units", "1e40");
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, 1e40);
  cpl_revenue_view_select (view, CPL_REVENUE_CASE (cpl_dataset_lookup (cpl_application_get_dataset (app),
                                                                       CPL_TYPE_REVENUE_CASE, "h20-share-15")));
  cpl_revenue_view_select (view, h200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, "1e+40");
  g_assert_null (cpl_number_row_get_message (units));

  /* a million, grouped the locale's way */
  type_into (view, "units", decimal_comma () ? "1.000.000" : "1,000,000");
  g_assert_null (cpl_number_row_get_message (units));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, 1e6);
  g_assert_cmpstr (cpl_revenue_view_get_messages (view), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "%" is the unit of every row that shows a fraction as a percentage
 * (scale 100: "%", "% a year"), of no other. */
static void
test_percent_rows (void)
{
  CplNumberRow *growth = g_object_ref_sink (cpl_number_row_new ("Demand growth", "% a year", 100, 0));
  CplNumberRow *units = g_object_ref_sink (cpl_number_row_new ("Units", "units", 1, 0));

  /* 20% a year is the fraction 20 / 100 = 0.2 */
  gtk_editable_set_text (GTK_EDITABLE (growth), "２０％");
  g_assert_null (cpl_number_row_get_message (growth));
  g_assert_cmpfloat (cpl_number_row_get_value (growth), ==, 0.2);
  gtk_editable_set_text (GTK_EDITABLE (growth), "5 %");
  g_assert_cmpfloat (cpl_number_row_get_value (growth), ==, 0.05);

  gtk_editable_set_text (GTK_EDITABLE (units), "20");
  g_assert_cmpfloat (cpl_number_row_get_value (units), ==, 20);
  gtk_editable_set_text (GTK_EDITABLE (units), "20%");
  g_assert_nonnull (cpl_number_row_get_message (units));
  g_assert_cmpfloat (cpl_number_row_get_value (units), ==, 20);

  g_object_unref (growth);
  g_object_unref (units);
}

static void
wait_for_text (GtkEditable *editable,
               const char  *before)
{
  for (guint i = 0; i < 5000 && g_str_equal (gtk_editable_get_text (editable), before); i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The defect: 5,000 characters pasted into a number field went whole into
 * the message, the window grew to 24,000 px and the X server's BadAlloc
 * killed the app.  The row keeps 40 characters (CPL_EXCERPT_CHARS), the
 * message quotes them, and the window keeps its size. */
static void
test_long_paste (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplNumberRow *units = input (view, "units");
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (units)));
  g_autofree char *page = g_strnfill (5000, 'x');
  g_autofree char *forty = g_strnfill (CPL_EXCERPT_CHARS, 'x');
  g_autofree char *expected = NULL;
  int width_before = gtk_widget_get_width (GTK_WIDGET (window));

  g_assert_true (GTK_IS_TEXT (text));
  type_into (view, "units", "");
  g_assert_cmpstr (cpl_number_row_get_message (units), ==,
                   expect ("Units: type a number", "数量：请输入数字", "數量：請輸入數字", "Units: type a number"));

  /* paste through the clipboard, as Ctrl+V does */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (text), page);
  gtk_widget_grab_focus (text);
  gtk_widget_activate_action (text, "clipboard.paste", NULL);
  wait_for_text (GTK_EDITABLE (units), "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, forty);
  /* and what the field takes: 0 units or more */
  expected = g_strdup_printf (expect ("Units: “%s” is not a number; enter 0 units or more",
                                      "数量：“%s”不是数字，请输入数值，至少为 0 颗",
                                      "數量：「%s」不是數字，請輸入數值，至少為 0 顆",
                                      "Units: “%s” is not a number; enter 0 units or more"), forty);
  g_assert_cmpstr (cpl_number_row_get_message (units), ==, expected);
  /* nothing changed in the dataset */
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, 1e6);

  /* set as a whole (an input method commits text this way) */
  type_into (view, "units", "");
  type_into (view, "units", page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, forty);
  g_assert_cmpstr (cpl_number_row_get_message (units), ==, expected);

  /* "Units: “" 8 + 40 + "” is not a number" 17 + "; enter 0 units or
   * more" 23 = 88 characters in English; under 200 in any language */
  g_assert_cmpint (g_utf8_strlen (cpl_revenue_view_get_messages (view), -1), <, 200);
  cpl_test_wait_for_draw (GTK_WIDGET (window));
  /* the screen of the test display is 1,400 px wide */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 1400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width_before);

  /* a number below the range: what the field takes, the unit with each
   * value and nothing after the last (Chinese put "的值" after "0 颗",
   * a space before it) */
  type_into (view, "units", "-5");
  g_assert_cmpstr (cpl_number_row_get_message (units), ==,
                   expect ("Units: \u22125 units is out of range; enter 0 units or more",
                           "数量：\u22125 颗 超出范围，应至少为 0 颗",
                           "數量：\u22125 顆 超出範圍，應至少為 0 顆",
                           "Units: \u22125 units is out of range; enter 0 units or more"));

  type_into (view, "units", "1000000");
  g_assert_null (cpl_number_row_get_message (units));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @text into @spin and presses Enter (gtk_spin_button_update). */
static double
spin_typed (GtkSpinButton *spin,
            const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
  return gtk_spin_button_get_value (spin);
}

/* A spin button whose range ends at *@upper */
static gboolean
spin_up_to (GtkWidget     *widget,
            gconstpointer  upper)
{
  return GTK_IS_SPIN_BUTTON (widget) &&
         gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget))) == *(const double *) upper;
}

/* A label that shows exactly @text */
static gboolean
label_showing (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The spin buttons beside the chips table read typed text the same way:
 * the electricity price (USD/kWh, 3 decimals, 0 to 1) and the domestic
 * power subsidy (percent, 0 to 100). */
static void
test_spin_buttons (void)
{
  CplWindow *window = cpl_test_open_window (app, "chips", NULL, -1, -1);
  GtkWidget *view = cpl_test_find_widget (GTK_WIDGET (window), CPL_TYPE_CHIPS_VIEW);
  /* told apart by their ranges */
  static const double one = 1, hundred = 100;
  GtkSpinButton *electricity = GTK_SPIN_BUTTON (cpl_test_find_matching (view, spin_up_to, &one));
  GtkSpinButton *subsidy = GTK_SPIN_BUTTON (cpl_test_find_matching (view, spin_up_to, &hundred));
  double before;

  g_assert_nonnull (electricity);
  g_assert_nonnull (subsidy);
  before = gtk_spin_button_get_value (electricity);

  /* full-width, with the locale's decimal mark: 0.12 USD/kWh */
  g_assert_cmpfloat (spin_typed (electricity, decimal_comma () ? "０，１２" : "０．１２"), ==, 0.12);
  /* "0,5": refused where "," groups (the price stays 0.12), half a
   * dollar where it is the decimal mark */
  g_assert_cmpfloat (spin_typed (electricity, "0,5"), ==, decimal_comma () ? 0.5 : 0.12);
  /* the subsidy is a percentage: "２５％" is 25 */
  g_assert_cmpfloat (spin_typed (subsidy, "２５％"), ==, 25);
  g_assert_cmpfloat (spin_typed (subsidy, "0"), ==, 0);

  gtk_spin_button_set_value (electricity, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A name is typed text too: the toast that says it was deleted quotes
 * its first 40 characters. */
static void
test_long_name_toast (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplDataset *dataset = cpl_application_get_dataset (app);
  guint n_cases = g_list_model_get_n_items (cpl_dataset_get_revenue_cases (dataset));
  CplRevenueCase *added = cpl_revenue_view_add_case (view);
  g_autofree char *page = g_strnfill (5000, 'n');
  g_autofree char *forty = g_strnfill (CPL_EXCERPT_CHARS, 'n');
  g_autofree char *expected = NULL;
  int width_before = gtk_widget_get_width (GTK_WIDGET (window));

  g_assert_true (cpl_revenue_view_get_selected (view) == added);
  cpl_entity_set_name (CPL_ENTITY (added), page);
  gtk_widget_activate_action (GTK_WIDGET (view), "revenue.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cpl_dataset_get_revenue_cases (dataset)), ==, n_cases);
  cpl_test_wait_for_draw (GTK_WIDGET (window));

  expected = g_strdup_printf (expect ("“%s…” deleted", "已删除“%s…”", "已刪除「%s…」", "“%s…” deleted"), forty);
  g_assert_nonnull (cpl_test_find_matching (GTK_WIDGET (window), label_showing, expected));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width_before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Z in a number field undoes the document's last edit and shows the
 * value it restores; the field's own undo (which went back to the empty
 * text and said '"" is not a number') takes no part. */
static void
test_undo_in_field (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplNumberRow *share = input (view, "revenue_share");
  int position = 0;

  /* typed as a user does: the old "25" deleted, then "30" typed; the
   * field's text history records both, the document 25% → 30% */
  gtk_widget_grab_focus (GTK_WIDGET (share));
  gtk_editable_delete_text (GTK_EDITABLE (share), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (share), "3", -1, &position);
  gtk_editable_insert_text (GTK_EDITABLE (share), "0", -1, &position);
  g_assert_null (cpl_number_row_get_message (share));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.30);

  /* Ctrl+Z: back to 25% (the built-in H200 case's share), shown as "25"
   * with no message */
  g_assert_true (cpl_test_press_keys (GTK_WINDOW (window), "<Control>z"));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share)), ==, "25");
  g_assert_null (cpl_number_row_get_message (share));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (share)))));

  /* Ctrl+Shift+Z: 30% again */
  g_assert_true (cpl_test_press_keys (GTK_WINDOW (window), "<Control><Shift>z"));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share)), ==, "30");
  g_assert_null (cpl_number_row_get_message (share));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Escape gives up a refused value: "150" in the share field (out of 0 to
 * 100) left the share at 25% and the field red; Escape shows "25" again,
 * with no message.  (With nothing refused the field passes the key on.) */
static void
test_escape_refused (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplNumberRow *share = input (view, "revenue_share");

  gtk_widget_grab_focus (GTK_WIDGET (share));
  gtk_editable_set_text (GTK_EDITABLE (share), "150");
  g_assert_nonnull (cpl_number_row_get_message (share));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  g_assert_true (cpl_test_press_keys (GTK_WINDOW (window), "Escape"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share)), ==, "25");
  g_assert_null (cpl_number_row_get_message (share));
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), ==, 0.25);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Once the user is done with a field, the number is written as the row
 * writes it: "601000" units, Enter, reads "601,000" ("601.000" where
 * "." groups; the value stays 601,000 units); " 27000" in the price, the
 * focus moved on, reads "27,000".  A number the row would round stays as
 * typed: the share shows one decimal, and "12.25" would show as "12.3"
 * (12.25% is kept, and so is the text); refused text stays too ("abc",
 * marked). */
static void
test_tidied_when_done (void)
{
  CplWindow *window;
  CplRevenueCase *h200;
  CplRevenueView *view = open_h200 (&window, &h200);
  CplNumberRow *units = input (view, "units");
  CplNumberRow *price = input (view, "price_usd");
  CplNumberRow *share = input (view, "revenue_share");
  gboolean comma = decimal_comma ();

  gtk_widget_grab_focus (GTK_WIDGET (units));
  type_into (view, "units", "601000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, "601000");
  g_signal_emit_by_name (units, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, comma ? "601.000" : "601,000");
  /* the cursor after the last of its 7 characters, where typing left it */
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (units)), ==, 7);
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_UNITS), ==, 601000);

  gtk_widget_grab_focus (GTK_WIDGET (price));
  type_into (view, "price_usd", " 27000");
  gtk_widget_grab_focus (GTK_WIDGET (share));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (price)), ==, comma ? "27.000" : "27,000");
  g_assert_cmpfloat (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_PRICE_USD), ==, 27000);

  type_into (view, "revenue_share", comma ? "12,25" : "12.25");
  g_signal_emit_by_name (share, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (share)), ==, comma ? "12,25" : "12.25");
  g_assert_cmpfloat_with_epsilon (cpl_revenue_case_get (h200, CPL_REVENUE_CASE_REVENUE_SHARE), 0.1225, 1e-12);

  type_into (view, "units", "abc");
  g_signal_emit_by_name (units, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (units)), ==, "abc");
  g_assert_nonnull (cpl_number_row_get_message (units));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  lang = g_getenv ("CPL_TEST_LANG") ? g_getenv ("CPL_TEST_LANG") : "en";
  app = cpl_test_ui_init (&argc, &argv);

  g_test_add_func ("/number-row/typed", test_typed);
  g_test_add_func ("/number-row/percent-rows", test_percent_rows);
  g_test_add_func ("/number-row/long-paste", test_long_paste);
  g_test_add_func ("/number-row/long-name-toast", test_long_name_toast);
  g_test_add_func ("/number-row/spin-buttons", test_spin_buttons);
  g_test_add_func ("/number-row/undo-in-field", test_undo_in_field);
  g_test_add_func ("/number-row/escape-refused", test_escape_refused);
  g_test_add_func ("/number-row/tidied-when-done", test_tidied_when_done);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
