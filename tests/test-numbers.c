/* test-numbers.c: cpl_parse_number() reads numbers as people type them,
 * in en_US, zh_CN, zh_TW (decimal point, comma groups) and de_DE (decimal
 * comma, point groups), cpl_format_difference() signs a difference,
 * and cpl_format_excerpt() keeps quoted input short.
 *
 * Only LC_NUMERIC changes between cases; the messages stay in English
 * (LC_MESSAGES is "C"), with the numbers they suggest written the way the
 * locale writes them. */
#include "config.h"

#include <locale.h>

#include "cpl-test-util.h"

#define P CPL_PARSE_NUMBER_PERCENT
#define D CPL_PARSE_NUMBER_DEFAULT
#define ACCEPTED (-1)

typedef struct
{
  const char          *text;
  CplParseNumberFlags  flags;
  double               value;    /* when accepted */
  int                  code;     /* a CplNumberError, or ACCEPTED */
  const char          *message;  /* the whole message, or NULL to skip */
} Case;

/* The same cases read the same in the three locales with a decimal point
 * and comma grouping (glibc: en_US, zh_CN and zh_TW all have "." and ","). */
static const Case point_cases[] = {
  /* the defect: the comma was dropped and this read as 35 */
  { "0,35", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“0,35” is ambiguous: type 0.35 for a decimal, or 35 for a whole number" },
  { "1,5", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“1,5” is ambiguous: type 1.5 for a decimal, or 15 for a whole number" },
  { "1,00", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“1,00” is ambiguous: type 1.00 for a decimal, or 100 for a whole number" },
  /* a group of four after the mark: 10.0000, or 10 followed by 0000 */
  { "10,0000", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“10,0000” is ambiguous: type 10.0000 for a decimal, or 100000 for a whole number" },
  /* three digits after the mark, but no one groups a leading 0 */
  { "0,350", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“0,350” is ambiguous: type 0.350 for a decimal, or 350 for a whole number" },
  { "-1,5", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“-1,5” is ambiguous: type -1.5 for a decimal, or -15 for a whole number" },
  /* two marks cannot be a decimal: only the grouping is wrong (the
   * Indian 1,00,000 is a lakh, 100000) */
  { "1,00,000", P, 0, CPL_NUMBER_ERROR_GROUPING,
    "“1,00,000” has a grouping mark out of place (digits are grouped by three); type 100000" },
  { "12 5", P, 0, CPL_NUMBER_ERROR_GROUPING,
    "“12 5” has a grouping mark out of place (digits are grouped by three); type 125" },
  /* full-width forms from a Chinese input method, read through NFKC */
  { "２５", P, 25, ACCEPTED, NULL },
  { "25％", P, 25, ACCEPTED, NULL },
  { "１，０００", P, 1000, ACCEPTED, NULL },
  { "０．３５", P, 0.35, ACCEPTED, NULL },
  { "－３", P, -3, ACCEPTED, NULL },
  { "　２５　", P, 25, ACCEPTED, NULL },  /* ideographic spaces */
  { "０，３５", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“０，３５” is ambiguous: type 0.35 for a decimal, or 35 for a whole number" },
  /* grouping by three */
  { "1,000", P, 1000, ACCEPTED, NULL },
  { "1,000,000", P, 1e6, ACCEPTED, NULL },
  { "12,345.67", P, 12345.67, ACCEPTED, NULL },
  { "1 000 000", P, 1e6, ACCEPTED, NULL },
  { "1\u00a0000", P, 1000, ACCEPTED, NULL },   /* no-break space */
  { "1\u202f000", P, 1000, ACCEPTED, NULL },   /* narrow no-break space */
  /* the decimal point */
  { "1.5", P, 1.5, ACCEPTED, NULL },
  { "1.000", P, 1, ACCEPTED, NULL },  /* a decimal here, not a thousand */
  { ".5", P, 0.5, ACCEPTED, NULL },
  { "5.", P, 5, ACCEPTED, NULL },
  { "1.2.3", P, 0, CPL_NUMBER_ERROR_INVALID, "“1.2.3” is not a number" },
  { "1.000,5", P, 0, CPL_NUMBER_ERROR_INVALID, "“1.000,5” is not a number" },
  /* spaces around, signs, exponents (accepted before, kept) */
  { "  25  ", P, 25, ACCEPTED, NULL },
  { "\t25\n", P, 25, ACCEPTED, NULL },
  { "-3", P, -3, ACCEPTED, NULL },
  { "−3", P, -3, ACCEPTED, NULL },  /* U+2212 MINUS SIGN */
  { "+3", P, 3, ACCEPTED, NULL },
  { "1e3", P, 1000, ACCEPTED, NULL },
  { "2.5E-3", P, 0.0025, ACCEPTED, NULL },
  { "1,000e3", P, 1e6, ACCEPTED, NULL },
  { "1e999", P, 0, CPL_NUMBER_ERROR_RANGE, "“1e999” is too large" },
  /* nothing, or not a number (hex and inf were read by strtod before) */
  { "", P, 0, CPL_NUMBER_ERROR_EMPTY, "type a number" },
  { "   ", P, 0, CPL_NUMBER_ERROR_EMPTY, "type a number" },
  { "lots", P, 0, CPL_NUMBER_ERROR_INVALID, "“lots” is not a number" },
  { "0x10", P, 0, CPL_NUMBER_ERROR_INVALID, "“0x10” is not a number" },
  { "inf", P, 0, CPL_NUMBER_ERROR_INVALID, "“inf” is not a number" },
  { "nan", P, 0, CPL_NUMBER_ERROR_INVALID, "“nan” is not a number" },
  { "-", P, 0, CPL_NUMBER_ERROR_INVALID, "“-” is not a number" },
  { "1e", P, 0, CPL_NUMBER_ERROR_INVALID, "“1e” is not a number" },
  { ",000", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“,000” is ambiguous: type 0.000 for a decimal, or 0 for a whole number" },
  /* percent: the unit of a share, "25 %" as French and German write it */
  { "25%", P, 25, ACCEPTED, NULL },
  { "25 %", P, 25, ACCEPTED, NULL },
  { "12.5%", P, 12.5, ACCEPTED, NULL },
  { "%", P, 0, CPL_NUMBER_ERROR_INVALID, "“%” is not a number" },
  { "25%", D, 0, CPL_NUMBER_ERROR_PERCENT,
    "“25%” is a percentage, but this value is not; type the number alone" },
  { "25％", D, 0, CPL_NUMBER_ERROR_PERCENT,
    "“25％” is a percentage, but this value is not; type the number alone" },
  { "1,000", D, 1000, ACCEPTED, NULL },
};

/* de_DE: "," is the decimal mark and "." groups, so the same keys mean
 * other numbers. */
static const Case comma_cases[] = {
  { "0,35", P, 0.35, ACCEPTED, NULL },
  { "1,5", P, 1.5, ACCEPTED, NULL },
  { "1.000", P, 1000, ACCEPTED, NULL },
  { "1.000.000", P, 1e6, ACCEPTED, NULL },
  { "1.000,5", P, 1000.5, ACCEPTED, NULL },
  { "1 000,5", P, 1000.5, ACCEPTED, NULL },
  /* "." groups here, and one digit after it is no group: refused, with
   * both readings written the German way */
  { "1.5", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“1.5” is ambiguous: type 1,5 for a decimal, or 15 for a whole number" },
  { "0.35", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
    "“0.35” is ambiguous: type 0,35 for a decimal, or 35 for a whole number" },
  { "1.00.000", P, 0, CPL_NUMBER_ERROR_GROUPING,
    "“1.00.000” has a grouping mark out of place (digits are grouped by three); type 100000" },
  { "1.00,5", P, 0, CPL_NUMBER_ERROR_GROUPING,
    "“1.00,5” has a grouping mark out of place (digits are grouped by three); type 100,5" },
  /* "1,000" is one with three decimals; a second comma is no number */
  { "1,000", P, 1, ACCEPTED, NULL },
  { "1,000,000", P, 0, CPL_NUMBER_ERROR_INVALID, "“1,000,000” is not a number" },
  /* full-width: "，" is the decimal comma, "．" groups */
  { "２５", P, 25, ACCEPTED, NULL },
  { "25％", P, 25, ACCEPTED, NULL },
  { "25 %", P, 25, ACCEPTED, NULL },
  { "１，０００", P, 1, ACCEPTED, NULL },
  { "１．０００", P, 1000, ACCEPTED, NULL },
  { "０，３５", P, 0.35, ACCEPTED, NULL },
  { "  25  ", P, 25, ACCEPTED, NULL },
  { "-3", P, -3, ACCEPTED, NULL },
  { "1e3", P, 1000, ACCEPTED, NULL },
  { "1,5e3", P, 1500, ACCEPTED, NULL },
  { "", P, 0, CPL_NUMBER_ERROR_EMPTY, "type a number" },
  { "lots", P, 0, CPL_NUMBER_ERROR_INVALID, "“lots” is not a number" },
  { "25%", D, 0, CPL_NUMBER_ERROR_PERCENT,
    "“25%” is a percentage, but this value is not; type the number alone" },
};

static void
check_case (const char *locale,
            const Case *c)
{
  g_autoptr(GError) error = NULL;
  double value = NAN;
  gboolean accepted = cpl_parse_number (c->text, c->flags, &value, &error);

  g_test_message ("%s: “%s”%s", locale, c->text, c->flags & P ? " (a percentage)" : "");
  if (c->code == ACCEPTED)
    {
      g_assert_no_error (error);
      g_assert_true (accepted);
      g_assert_cmpfloat (value, ==, c->value);
    }
  else
    {
      g_assert_false (accepted);
      g_assert_error (error, CPL_NUMBER_ERROR, c->code);
      g_assert_cmpstr (error->message, ==, c->message);
    }
}

typedef struct
{
  const char *locale;
  const Case *cases;
  gsize       n_cases;
} LocaleCases;

static void
test_locale (gconstpointer data)
{
  const LocaleCases *lc = data;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, lc->locale) == NULL)
    {
      g_test_skip_printf ("the %s locale is missing (build-aux/test.sh generates it)", lc->locale);
      return;
    }
  for (gsize i = 0; i < lc->n_cases; i++)
    check_case (lc->locale, &lc->cases[i]);
  setlocale (LC_NUMERIC, saved);
}

/* The C locale names no grouping mark: "1,000" still reads as before. */
static void
test_c_locale (void)
{
  static const Case cases[] = {
    { "1,000", P, 1000, ACCEPTED, NULL },
    { "0.35", P, 0.35, ACCEPTED, NULL },
    { "0,35", P, 0, CPL_NUMBER_ERROR_AMBIGUOUS,
      "“0,35” is ambiguous: type 0.35 for a decimal, or 35 for a whole number" },
  };

  setlocale (LC_NUMERIC, "C");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case ("C", &cases[i]);
}

/* What a number shows is what can be typed back. */
static void
test_round_trip (gconstpointer data)
{
  const char *locale = data;
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  static const double values[] = { 0.35, 25, 1000, 1234567.25, -3.5 };

  if (setlocale (LC_NUMERIC, locale) == NULL)
    {
      g_test_skip_printf ("the %s locale is missing (build-aux/test.sh generates it)", locale);
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *shown = cpl_format_number (values[i], 2);
      g_autoptr(GError) error = NULL;
      double read = NAN;

      g_test_message ("%s: %g shown as “%s”", locale, values[i], shown);
      g_assert_true (cpl_parse_number (shown, D, &read, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (read, ==, values[i]);
    }
  setlocale (LC_NUMERIC, saved);
}

/* A difference is signed with a true minus sign, unsigned where it
 * shows as zero (the comparison table showed "+0 pp" for shares a
 * hair apart), in English with en_US grouping. */
static void
test_difference (void)
{
  static const struct {
    CplDifferenceKind kind;
    double value;
    int decimals;
    const char *expected;
  } cases[] = {
    /* 1.2e9 / 1e9 = 1.20, three figures: $1.20 B */
    { CPL_DIFFERENCE_MONEY, 1.2e9, 0, "+$1.20 B" },
    /* −2.7e9: "−" (U+2212) then $2.70 B, not "$-2.70 B" */
    { CPL_DIFFERENCE_MONEY, -2.7e9, 0, "−$2.70 B" },
    /* 934e9 / 1e9 = 934, no decimals at three figures */
    { CPL_DIFFERENCE_MONEY, 934e9, 0, "+$934 B" },
    /* 40 cents rounds to $0: no sign */
    { CPL_DIFFERENCE_MONEY, 0.4, 0, "$0" },
    /* 1234.4 → 1,234 */
    { CPL_DIFFERENCE_NUMBER, 1234.4, 0, "+1,234" },
    { CPL_DIFFERENCE_NUMBER, -56789, 0, "−56,789" },
    /* −0.3 rounds to 0: neither "−0" nor "+0" */
    { CPL_DIFFERENCE_NUMBER, -0.3, 0, "0" },
    /* shares 0.45 and 0.53: 0.45 − 0.53 = −0.08 = −8 percentage points */
    { CPL_DIFFERENCE_POINTS, 0.45 - 0.53, 0, "−8 pp" },
    /* 0.759 − 0.659 = 0.100 → 10.0 pp at one decimal */
    { CPL_DIFFERENCE_POINTS, 0.759 - 0.659, 1, "+10.0 pp" },
    /* 0.00004 = 0.004 pp: "0 pp", was "+0 pp" in the comparison */
    { CPL_DIFFERENCE_POINTS, 0.00004, 0, "0 pp" },
    { CPL_DIFFERENCE_POINTS, -0.00004, 1, "0.0 pp" },
    { CPL_DIFFERENCE_MONEY, NAN, 0, "—" },
    { CPL_DIFFERENCE_POINTS, INFINITY, 0, "—" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is missing (build-aux/test.sh generates it)");
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cpl_format_difference (cases[i].kind, cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
  setlocale (LC_NUMERIC, saved);
}

/* A Monte Carlo range: both ends with their unit, the low end as the
 * range writes it; a range whose ends read the same says so once (the
 * full ban's take read "P10–P90: $0–$0"). */
static void
test_p10_p90 (void)
{
  g_autofree char *range = cpl_format_p10_p90 ("$31.0 B", NULL, "$62.0 B");
  g_autofree char *short_low = cpl_format_p10_p90 ("5 PFLOP/s", "5", "9 PFLOP/s");
  g_autofree char *zero = cpl_format_p10_p90 ("$0", NULL, "$0");
  g_autofree char *same = cpl_format_p10_p90 ("50%", NULL, "50%");
  /* the same figure, though the range would write its low end short */
  g_autofree char *same_short = cpl_format_p10_p90 ("7 PFLOP/s", "7", "7 PFLOP/s");

  g_assert_cmpstr (range, ==, "P10–P90: $31.0 B–$62.0 B");
  g_assert_cmpstr (short_low, ==, "P10–P90: 5–9 PFLOP/s");
  g_assert_cmpstr (zero, ==, "P10 = P90 = $0");
  g_assert_cmpstr (same, ==, "P10 = P90 = 50%");
  g_assert_cmpstr (same_short, ==, "P10 = P90 = 7 PFLOP/s");
}

/* A range of money reads in the unit of the amount over it: the total
 * "$934 B" had "P10–P90: $0.66 T–$1.51 T" under it. */
static void
test_money_p10_p90 (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is missing (build-aux/test.sh generates it)");
      return;
    }
  {
    /* $934 B: billions, three figures, no decimal; 0.66e12 / 1e9 = 660,
     * 1.51e12 / 1e9 = 1,510 */
    g_autofree char *billions = cpl_format_money_p10_p90 (934e9, 0.66e12, 1.51e12);
    /* $5.00 B: two decimals; 3.342e9 → 3.34, 6.658e9 → 6.66 */
    g_autofree char *decimals = cpl_format_money_p10_p90 (5e9, 3.342e9, 6.658e9);
    /* a total of $0 (nothing exported): the high end's unit, $2.50 B */
    g_autofree char *zero_point = cpl_format_money_p10_p90 (0, 0, 2.5e9);
    g_autofree char *zeros = cpl_format_money_p10_p90 (0, 0, 0);

    g_assert_cmpstr (billions, ==, "P10–P90: $660 B–$1,510 B");
    g_assert_cmpstr (decimals, ==, "P10–P90: $3.34 B–$6.66 B");
    g_assert_cmpstr (zero_point, ==, "P10–P90: $0–$2.50 B");
    g_assert_cmpstr (zeros, ==, "P10 = P90 = $0");
  }
  setlocale (LC_NUMERIC, saved);
}

/* A thousand trillion dollars and more in powers of ten: units typed as
 * 99999999999999999999 made a take of "$180,000,000,000 T". */
static void
test_money_huge (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  if (setlocale (LC_NUMERIC, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the en_US.UTF-8 locale is missing (build-aux/test.sh generates it)");
      return;
    }
  {
    /* 1.8e20 = 1.80 × 10²⁰; 999e12 is still trillions, 999 T; 1e15 is
     * the first in powers of ten; a loss keeps its sign */
    g_autofree char *huge = cpl_format_money (1.8e20);
    g_autofree char *trillions = cpl_format_money (999e12);
    g_autofree char *first = cpl_format_money (1e15);
    g_autofree char *loss = cpl_format_money (-2.5e16);
    /* an axis to 2e20 in steps of 5e19 reads in the step's power */
    g_autofree char *tick = cpl_format_money_scaled (1e20, 5e19);

    g_assert_cmpstr (huge, ==, "$1.80 × 10²⁰");
    g_assert_cmpstr (trillions, ==, "$999 T");
    g_assert_cmpstr (first, ==, "$1.00 × 10¹⁵");
    g_assert_cmpstr (loss, ==, "−$2.50 × 10¹⁶");
    g_assert_cmpstr (tick, ==, "$10.00 × 10¹⁹");
  }
  setlocale (LC_NUMERIC, saved);
}

/* The defect: 5,000 pasted characters went whole into the message. */
static void
test_excerpt (void)
{
  g_autofree char *page = g_strnfill (5000, 'x');
  g_autofree char *forty = g_strnfill (CPL_EXCERPT_CHARS, 'x');
  g_autofree char *forty_one = g_strnfill (CPL_EXCERPT_CHARS + 1, 'x');
  g_autofree char *cut = g_strconcat (forty, "…", NULL);
  g_autofree char *excerpt = cpl_format_excerpt (page);
  g_autofree char *exact = cpl_format_excerpt (forty);
  g_autofree char *longer = cpl_format_excerpt (forty_one);
  g_autofree char *controls = cpl_format_excerpt ("a\nb\033[2J\x7f");
  g_autofree char *invalid = cpl_format_excerpt ("1\xff");
  g_autofree char *chinese = cpl_format_excerpt ("二十五");

  /* 40 characters and "…", 41 characters in all */
  g_assert_cmpstr (excerpt, ==, cut);
  g_assert_cmpint (g_utf8_strlen (excerpt, -1), ==, 41);
  /* exactly 40: nothing cut; 41: cut after 40 */
  g_assert_cmpstr (exact, ==, forty);
  g_assert_cmpstr (longer, ==, cut);
  /* line feed, escape and delete as escapes: shown, not obeyed */
  g_assert_cmpstr (controls, ==, "a\\x0ab\\x1b[2J\\x7f");
  g_assert_cmpstr (invalid, ==, "1\\xff");
  g_assert_cmpstr (chinese, ==, "二十五");
  /* cut by characters, never inside one: 41 × "五" keeps 40 of them */
  {
    g_autoptr(GString) wu = g_string_new (NULL);
    g_autofree char *wu_excerpt = NULL;

    for (guint i = 0; i < CPL_EXCERPT_CHARS + 1; i++)
      g_string_append (wu, "五");
    wu_excerpt = cpl_format_excerpt (wu->str);
    g_assert_true (g_utf8_validate (wu_excerpt, -1, NULL));
    g_assert_cmpint (g_utf8_strlen (wu_excerpt, -1), ==, CPL_EXCERPT_CHARS + 1);
    g_assert_true (g_str_has_suffix (wu_excerpt, "五…"));
  }
}

/* Shown figures round half away from zero, as a reader rounds the decimal
 * figure, whatever its binary value. */
static void
test_rounding (void)
{
  g_autofree char *half = NULL;
  g_autofree char *minus_half = NULL;
  g_autofree char *eighth = NULL;
  g_autofree char *below = NULL;
  g_autofree char *thousands = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *percent = NULL;

  setlocale (LC_NUMERIC, "C");
  half = cpl_format_number (2.5, 0);
  minus_half = cpl_format_number (-2.5, 0);
  eighth = cpl_format_number (0.125, 2);
  below = cpl_format_number (2.0249, 2);
  thousands = cpl_format_number (1234.5, 0);
  /* 2.5 and 0.125 are exact in binary: printf rounds the tie to even,
   * "2" and "0.12"; a reader writes 3 and 0.13 */
  g_assert_cmpstr (half, ==, "3");
  /* with a true minus sign (U+2212), as money has */
  g_assert_cmpstr (minus_half, ==, "\u22123");
  g_assert_cmpstr (eighth, ==, "0.13");
  /* what rounds to zero has no sign: −0.0001 at one decimal is 0.0 */
  {
    g_autofree char *tiny = cpl_format_number (-0.0001, 1);

    g_assert_cmpstr (tiny, ==, "0.0");
  }
  /* not a tie: stays down */
  g_assert_cmpstr (below, ==, "2.02");
  /* 1,234.5 → 1,235 (the C locale groups nothing) */
  g_assert_cmpstr (thousands, ==, "1235");
  /* two ticked sale lines, $1.35 B + $0.675 B = $2.025 B; 2.025e9 / 1e9 is
   * 2.02499999999999991 in binary, which printf rounded to "$2.02 B" */
  sum = cpl_format_money (1.35e9 + 0.675e9);
  g_assert_cmpstr (sum, ==, "$2.03 B");
  /* 1.25% with one decimal: 1.3%, not 1.2% */
  percent = cpl_format_percent (0.0125, 1);
  g_assert_cmpstr (percent, ==, "1.3%");
}

/* A page of input gives a short message, whatever it is refused for. */
static void
test_long_input (void)
{
  g_autofree char *page = g_strnfill (5000, 'x');
  g_autofree char *fives = g_strnfill (4998, '5');
  g_autofree char *ambiguous = g_strconcat ("1,", fives, NULL);
  g_autofree char *forty_x = g_strnfill (CPL_EXCERPT_CHARS, 'x');
  g_autofree char *forty_5 = g_strnfill (CPL_EXCERPT_CHARS - 3, '5');
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  double value;

  setlocale (LC_NUMERIC, "C");
  g_assert_false (cpl_parse_number (page, D, &value, &error));
  expected = g_strdup_printf ("“%s…” is not a number", forty_x);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* "1,555…" (5,000 characters): each number the message quotes is cut
   * at 40 characters: "1,5" + 37 fives, "1.5" + 37 fives, "15" + 38 fives */
  g_assert_false (cpl_parse_number (ambiguous, D, &value, &error));
  g_assert_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_AMBIGUOUS);
  expected = g_strdup_printf ("“1,5%s…” is ambiguous: type 1.5%s… for a decimal, or 15%s5… for a whole number",
                              forty_5, forty_5, forty_5);
  g_assert_cmpstr (error->message, ==, expected);
  /* 3 × 41 quoted + 60 of sentence (“ 1, ” is ambiguous: type 21,
   * for a decimal, or 19, for a whole number 19) = 183 characters */
  g_assert_cmpint (g_utf8_strlen (error->message, -1), ==, 183);
}

int
main (int   argc,
      char *argv[])
{
  static const LocaleCases locales[] = {
    { "en_US.UTF-8", point_cases, G_N_ELEMENTS (point_cases) },
    { "zh_CN.UTF-8", point_cases, G_N_ELEMENTS (point_cases) },
    { "zh_TW.UTF-8", point_cases, G_N_ELEMENTS (point_cases) },
    { "de_DE.UTF-8", comma_cases, G_N_ELEMENTS (comma_cases) },
  };

  g_test_init (&argc, &argv, NULL);
  /* English messages whatever the environment says; each test sets
   * LC_NUMERIC alone */
  setlocale (LC_ALL, "C");

  for (gsize i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *path = g_strdup_printf ("/numbers/parse/%s", locales[i].locale);
      g_autofree char *round = g_strdup_printf ("/numbers/round-trip/%s", locales[i].locale);

      g_test_add_data_func (path, &locales[i], test_locale);
      g_test_add_data_func (round, locales[i].locale, test_round_trip);
    }
  g_test_add_func ("/numbers/parse/C", test_c_locale);
  g_test_add_func ("/numbers/difference", test_difference);
  g_test_add_func ("/numbers/p10-p90", test_p10_p90);
  g_test_add_func ("/numbers/money-p10-p90", test_money_p10_p90);
  g_test_add_func ("/numbers/money-huge", test_money_huge);
  g_test_add_func ("/numbers/excerpt", test_excerpt);
  g_test_add_func ("/numbers/long-input", test_long_input);
  g_test_add_func ("/numbers/rounding", test_rounding);
  return g_test_run ();
}
