/* cpl-format.c: numbers as a reader of the user's language expects them
 *
 * Grouping and the decimal mark come from the locale (LC_NUMERIC).  Large
 * money uses the scale words of the language: English reads $6.75 B, a
 * Chinese reader 67.5 亿美元 (亿 = 10⁸).  Which scale a language uses is
 * the translators' choice (the "number scale" string).
 *
 * Reading a typed number uses the same two marks of LC_NUMERIC, so that
 * what the app shows can be typed back: "1,000.5" in en_US, zh_CN and
 * zh_TW, "1.000,5" in de_DE.
 */
#define G_LOG_DOMAIN "cpl-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cpl-error.h"
#include "cpl-format.h"
#include "cpl-rule.h"

/* Shown where a value is unknown: never a made-up number. */
#define UNKNOWN "—"

static char *cpl_format_money_unsigned (double usd);

/**
 * cpl_format_number:
 * @value: the number
 * @decimals: how many decimals to show
 *
 * Returns: @value with the locale's marks, rounded half away from zero at
 *   @decimals as a reader rounds the decimal figure: $1.35 B and $0.675 B
 *   make "$2.03 B" (the sum in binary is 2.02499999999999991, which
 *   printf rounds down), 2.5 reads "3" and 0.125 "0.13" (printf rounds an
 *   exact tie to even).  The value is moved away from zero by a few units
 *   in its last place first, far below any decimal shown.
 */
char *
cpl_format_number (double value,
                   int    decimals)
{
  g_autofree char *text = NULL;

  if (!isfinite (value))
    return g_strdup (UNKNOWN);
  if (value == 0)
    value = 0;  /* no "-0" */
  else
    value += copysign (fabs (value) * 8 * DBL_EPSILON, value);
  text = g_strdup_printf ("%'.*f", decimals, value);
  if (text[0] != '-')
    return g_steal_pointer (&text);
  /* a true minus sign, as money and differences have ("−40.0%", not
   * "-40.0%"), and none on what rounds to zero ("0.0", not "-0.0") */
  for (const char *p = text + 1; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) && *p != '0')
      return g_strconcat ("−", text + 1, NULL);
  return g_strdup (text + 1);
}

/**
 * cpl_plural_count:
 *
 * Returns: the n to pass to ngettext() for @value things ("1 year", "2.5
 *   years"): a whole number as itself (past a million, a million plus its
 *   remainder, as the gettext manual advises, so that every plural rule
 *   still sees its last digits); a fraction or an unknown value as 2,
 *   which selects the form English, Chinese and the other catalogues use
 *   for "1.5 years".
 */
gulong
cpl_plural_count (double value)
{
  double n = fabs (value);

  if (!isfinite (n) || n != floor (n))
    return 2;
  if (n >= 1e6)
    return (gulong) fmod (n, 1e6) + 1000000;
  return (gulong) n;
}

char *
cpl_format_percent (double fraction,
                    int    decimals)
{
  g_autofree char *number = NULL;

  if (!isfinite (fraction))
    return g_strdup (UNKNOWN);
  number = cpl_format_number (fraction * 100, decimals);
  /* Translators: a percentage; %s is the number */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * cpl_format_difference:
 * @kind: what @value is in
 * @value: a difference (US dollars, a number, or a difference of two
 *   fractions)
 * @decimals: the decimals of a number or of percentage points (money has
 *   the decimals of cpl_format_money())
 *
 * Returns: @value signed, with a true minus sign: "+$1.20 B", "−$1.20 B",
 *   "+1,234", "−10.0 pp"; unsigned where it shows as zero ("0 pp", not
 *   "+0 pp" for a difference that rounds away); "—" for an unknown value.
 */
char *
cpl_format_difference (CplDifferenceKind kind,
                       double            value,
                       int               decimals)
{
  g_autofree char *text = NULL;
  g_autofree char *zero = NULL;

  if (!isfinite (value))
    return g_strdup (UNKNOWN);
  switch (kind)
    {
    case CPL_DIFFERENCE_MONEY:
      text = cpl_format_money_unsigned (fabs (value));
      zero = cpl_format_money_unsigned (0);
      break;
    case CPL_DIFFERENCE_NUMBER:
      text = cpl_format_number (fabs (value), decimals);
      zero = cpl_format_number (0, decimals);
      break;
    case CPL_DIFFERENCE_POINTS:
      {
        g_autofree char *points = cpl_format_number (fabs (value) * 100, decimals);
        g_autofree char *no_points = cpl_format_number (0, decimals);

        /* Translators: a difference of shares in percentage points */
        text = g_strdup_printf (_("%s pp"), points);
        zero = g_strdup_printf (_("%s pp"), no_points);
      }
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (g_str_equal (text, zero))
    return g_steal_pointer (&text);
  return g_strconcat (value > 0 ? "+" : "−", text, NULL);
}

/**
 * cpl_format_p10_p90:
 * @low: the P10 as it reads alone, with its unit: "$31.0 B", "5 PFLOP/s"
 * @low_in_range: (nullable): the P10 as it reads before @high in a range,
 *   when that is shorter ("31.0", "5"); %NULL: @low
 * @high: the P90, with its unit
 *
 * Returns: the range of a Monte Carlo result, "P10–P90: $31.0 B–$62.0 B";
 *   "P10 = P90 = $0" when both ends read the same (no chip exported in
 *   any draw): a range from a figure to itself says less.
 */
char *
cpl_format_p10_p90 (const char *low,
                    const char *low_in_range,
                    const char *high)
{
  if (g_str_equal (low, high))
    /* Translators: the range of a Monte Carlo result whose two ends are
     * the same figure, "P10 = P90 = $0" */
    return g_strdup_printf (_("P10 = P90 = %s"), high);
  /* Translators: the range of a Monte Carlo result, "P10–P90: $31 B–$62 B" */
  return g_strdup_printf (_("P10–P90: %1$s–%2$s"), low_in_range ? low_in_range : low, high);
}

/**
 * cpl_format_money_p10_p90:
 * @point: the amount shown above the range, in US dollars
 * @p10: the range's low end
 * @p90: its high end
 *
 * Returns: the range of an amount of money in the unit of @point, so
 *   that the two read against each other: "$934 B" over "P10–P90: $660
 *   B–$1,510 B", not "$0.66 T–$1.51 T"; in @p90's unit when @point is
 *   zero
 */
char *
cpl_format_money_p10_p90 (double point,
                          double p10,
                          double p90)
{
  double reference = isfinite (point) && point != 0 ? point : p90;
  g_autofree char *low = cpl_format_money_scaled (p10, reference);
  g_autofree char *high = cpl_format_money_scaled (p90, reference);

  return cpl_format_p10_p90 (low, NULL, high);
}

/* "25%", "15.5%": a rate with a decimal only where it has one */
char *
cpl_format_rate (double fraction)
{
  double percent = fraction * 100;

  return cpl_format_percent (fraction, fabs (percent - round (percent)) < 1e-9 ? 0 : 1);
}

/* A loss reads "−$2.70 B", not "$-2.70 B". */
char *
cpl_format_money (double usd)
{
  g_autofree char *magnitude = NULL;

  if (!isfinite (usd) || usd >= 0)
    return cpl_format_money_unsigned (usd);
  magnitude = cpl_format_money_unsigned (-usd);
  return g_strconcat ("−", magnitude, NULL);
}

/* The units money is read in: the largest whose size the amount
 * reaches, in the language's number scale. */
typedef enum {
  MONEY_ONE,        /* $1,234 / 1,234 美元 */
  MONEY_WAN,        /* 10⁴: 1.23 万美元 */
  MONEY_MILLION,    /* 10⁶: $1.23 M */
  MONEY_YI,         /* 10⁸: 1.23 亿美元 */
  MONEY_BILLION,    /* 10⁹: $1.23 B */
  MONEY_TRILLION,   /* 10¹²: $1.23 T, 1.23 万亿美元 */
} MoneyUnit;

static gboolean
east_asian_scale (void)
{
  /* Translators: "western" groups large numbers by thousands (K, M, B, T);
   * "east-asian" by ten thousands (万, 亿).  Do not translate the words,
   * pick the one your language uses. */
  return g_str_equal (C_("number scale", "western"), "east-asian");
}

static MoneyUnit
money_unit (double magnitude)
{
  if (east_asian_scale ())
    return magnitude >= 1e12 ? MONEY_TRILLION : magnitude >= 1e8 ? MONEY_YI
         : magnitude >= 1e4 ? MONEY_WAN : MONEY_ONE;
  return magnitude >= 1e12 ? MONEY_TRILLION : magnitude >= 1e9 ? MONEY_BILLION
       : magnitude >= 1e6 ? MONEY_MILLION : MONEY_ONE;
}

/* @usd (not negative) in @unit: three significant figures of
 * @reference's size ("1.50 万美元", and 5,000 in the same unit "0.50
 * 万美元"), whole dollars in MONEY_ONE. */
/* "1.80 × 10²⁰": @value over 10^@exponent, with three figures. */
static char *
scientific (double value,
            int    exponent)
{
  static const char * const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  g_autofree char *mantissa = cpl_format_number (value / pow (10, exponent), 2);
  g_autofree char *digits = g_strdup_printf ("%d", exponent);
  GString *text = g_string_new (mantissa);

  g_string_append (text, " × 10");
  for (const char *d = digits; *d != '\0'; d++)
    g_string_append (text, *d == '-' ? "⁻" : superscripts[*d - '0']);
  return g_string_free (text, FALSE);
}

static char *
money_in_unit (double    usd,
               MoneyUnit unit,
               double    reference)
{
  static const double sizes[] = { 1, 1e4, 1e6, 1e8, 1e9, 1e12 };
  double magnitude = fabs (reference) / sizes[unit];
  int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  g_autofree char *number = NULL;
  gboolean east_asian = east_asian_scale ();

  /* a thousand trillion and more, typed by mistake more often than not,
   * in powers of ten: "$180,000,000,000 T" told nothing and widened the
   * window */
  if (unit == MONEY_TRILLION && magnitude >= 1000)
    {
      number = scientific (usd, (int) floor (log10 (fabs (reference))));
      unit = MONEY_ONE;
    }
  else
    number = cpl_format_number (usd / sizes[unit], unit == MONEY_ONE ? 0 : decimals);

  switch (unit)
    {
    case MONEY_TRILLION:
      if (east_asian)
        /* Translators: money in units of 10¹² US dollars */
        return g_strdup_printf (_("%s trillion-wan USD"), number);
      /* Translators: money in trillions of US dollars */
      return g_strdup_printf (_("$%s T"), number);
    case MONEY_YI:
      /* Translators: money in units of 10⁸ US dollars (亿美元) */
      return g_strdup_printf (_("%s yi USD"), number);
    case MONEY_BILLION:
      /* Translators: money in billions of US dollars */
      return g_strdup_printf (_("$%s B"), number);
    case MONEY_MILLION:
      /* Translators: money in millions of US dollars */
      return g_strdup_printf (_("$%s M"), number);
    case MONEY_WAN:
      /* Translators: money in units of 10⁴ US dollars (万美元) */
      return g_strdup_printf (_("%s wan USD"), number);
    case MONEY_ONE:
    default:
      if (east_asian)
        /* Translators: money in US dollars, small amounts */
        return g_strdup_printf (_("%s USD"), number);
      /* Translators: money in US dollars */
      return g_strdup_printf (_("$%s"), number);
    }
}

static char *
cpl_format_money_unsigned (double usd)
{
  if (!isfinite (usd))
    return g_strdup (UNKNOWN);
  return money_in_unit (usd, money_unit (fabs (usd)), usd);
}

/**
 * cpl_format_money_scaled:
 * @usd: an amount in US dollars
 * @reference: the amount whose unit @usd is shown in
 *
 * Returns: @usd in the unit cpl_format_money() gives @reference, so that
 *   the ticks of an axis read in one unit: "5 万美元", "10 万美元", "15
 *   万美元" (not "50,000 美元" beside "10 万美元"), but whole dollars up
 *   to 10 万, "5,000 美元", "10,000 美元"; a loss with "−"; zero as
 *   cpl_format_money() has it, "0 美元"
 */
char *
cpl_format_money_scaled (double usd,
                         double reference)
{
  g_autofree char *magnitude = NULL;
  MoneyUnit unit;

  /* zero is "$0" in any unit */
  if (!isfinite (usd) || !isfinite (reference) || usd == 0)
    return cpl_format_money (usd);
  unit = money_unit (fabs (reference));
  /* an axis up to 10 万 reads in whole dollars: "5,000 美元", "10,000
   * 美元" ("0.5 万美元" is not how a Chinese analyst writes 5,000) */
  if (unit == MONEY_WAN && fabs (reference) < 1e5)
    unit = MONEY_ONE;
  magnitude = money_in_unit (fabs (usd), unit, reference);
  if (usd >= 0)
    return g_steal_pointer (&magnitude);
  return g_strconcat ("−", magnitude, NULL);
}

/**
 * cpl_money_input_scale:
 * @unit: (out) (optional): the unit's name, translated
 *
 * How a person types a large amount of money in this language: in
 * billions of US dollars, or where money is counted in 亿 (10⁸, the
 * "east-asian" number scale of cpl_format_money()) in 亿美元, so that
 * a target is typed in the unit the figures around it are read in.
 *
 * Returns: the scale: typed = US dollars × scale
 */
double
cpl_money_input_scale (const char **unit)
{
  if (east_asian_scale ())
    {
      if (unit != NULL)
        /* Translators: the unit a large amount of money is typed in, 10⁸ US dollars (亿美元) */
        *unit = _("hundred million USD");
      return 1e-8;
    }
  if (unit != NULL)
    /* Translators: the unit a large amount of money is typed in, 10⁹ US dollars */
    *unit = _("billion USD");
  return 1e-9;
}

/* The exact amount, for tooltips and exports. */
char *
cpl_format_money_exact (double usd)
{
  g_autofree char *number = cpl_format_number (fabs (usd), 0);

  if (!isfinite (usd))
    return g_strdup (UNKNOWN);
  if (usd < 0)
    {
      g_autofree char *magnitude = g_strdup_printf (_("$%s"), number);
      return g_strconcat ("−", magnitude, NULL);
    }
  return g_strdup_printf (_("$%s"), number);
}

/**
 * cpl_format_excerpt:
 *
 * Typed text as a message quotes it: escaped as every message escapes
 * what it echoes (cpl_message_escape(): a line feed as \x0a, an escape
 * as \x1b, a byte that is not UTF-8 as \xff) and cut after
 * %CPL_EXCERPT_CHARS characters with "…", so that a pasted page makes
 * neither a long message nor a window that grows to show it.
 */
char *
cpl_format_excerpt (const char *text)
{
  return cpl_message_escape (text, CPL_EXCERPT_CHARS);
}

/* Whether @c is a Han character (Chinese, or a Japanese kanji). */
static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/**
 * cpl_text_keep_han_words:
 * @text: text or Pango markup
 *
 * Returns: @text with a word joiner (U+2060) between each two characters
 *   of a run of Han characters, or of a Han character beside a letter or
 *   digit ("主菜单", "分成15%"), so that a wrapping label breaks only at
 *   spaces and punctuation, as it does in English; a run longer than
 *   %CPL_HAN_WORD_CHARS characters still gets a break opportunity every
 *   %CPL_HAN_WORD_CHARS, so long text wraps.  For GTK 4.8's tooltips: a
 *   tooltip's wrapping label asks for the width of about as many Latin
 *   characters as its text has characters, and Chinese ones are twice as
 *   wide: "主菜单" stood one character per line.  Markup's tags and
 *   entities are ASCII and are left as they are.
 */
char *
cpl_text_keep_han_words (const char *text)
{
  GString *kept = g_string_new (NULL);
  gunichar previous = 0;
  guint joined = 0;                    /* joiners since the last place it may break */

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (previous != 0 && (is_han (previous) || is_han (c))
          && g_unichar_isalnum (previous) && g_unichar_isalnum (c))
        {
          if (++joined < CPL_HAN_WORD_CHARS)
            g_string_append (kept, "\xe2\x81\xa0");  /* U+2060 WORD JOINER */
          else
            joined = 0;
        }
      else
        joined = 0;
      g_string_append_unichar (kept, c);
      previous = c;
    }
  return g_string_free (kept, FALSE);
}

G_DEFINE_QUARK (cpl-number-error-quark, cpl_number_error)

/* The decimal and grouping marks of LC_NUMERIC as typed text reads after
 * NFKC (which makes a no-break or narrow no-break space a plain space). */
typedef struct
{
  char *decimal;  /* "." or "," */
  char *group;    /* "," or "." or " "; "" when none */
} CplNumberMarks;

static void
cpl_number_marks_init (CplNumberMarks *marks)
{
  struct lconv *lc = localeconv ();

  marks->decimal = lc->decimal_point && *lc->decimal_point
                   ? g_utf8_normalize (lc->decimal_point, -1, G_NORMALIZE_NFKC) : NULL;
  if (marks->decimal == NULL)
    marks->decimal = g_strdup (".");
  marks->group = lc->thousands_sep ? g_utf8_normalize (lc->thousands_sep, -1, G_NORMALIZE_NFKC) : NULL;
  /* the C locale names no grouping mark; "1,000" is still a thousand */
  if (marks->group == NULL || *marks->group == '\0' || g_str_equal (marks->group, marks->decimal))
    {
      g_free (marks->group);
      marks->group = g_strdup (g_str_equal (marks->decimal, ".") ? "," : "");
    }
}

static void
cpl_number_marks_clear (CplNumberMarks *marks)
{
  g_clear_pointer (&marks->decimal, g_free);
  g_clear_pointer (&marks->group, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CplNumberMarks, cpl_number_marks_clear)

/* The length of the grouping mark at @p (the locale's, or a space), or 0. */
static gsize
group_mark_at (const CplNumberMarks *marks,
               const char           *p)
{
  if (*p == ' ')
    return 1;
  if (*marks->group != '\0' && g_str_has_prefix (p, marks->group))
    return strlen (marks->group);
  return 0;
}

/* Appends the ASCII digits at *@p to @clean; returns how many. */
static gsize
take_digits (const char **p,
             GString     *clean)
{
  gsize n = 0;

  for (; g_ascii_isdigit (**p); (*p)++, n++)
    g_string_append_c (clean, **p);
  return n;
}

/* How to type @clean (the number in the C locale, "-0350.5") in the
 * reader's locale, without grouping and leading zeros: "-350,5". */
static char *
how_to_type (const char           *clean,
             const CplNumberMarks *marks)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  const char *p = clean;

  if (*p == '-')
    g_string_append_c (typed, *p++);
  while (p[0] == '0' && g_ascii_isdigit (p[1]))
    p++;
  for (; *p; p++)
    {
      if (*p == '.')
        g_string_append (typed, marks->decimal);
      else
        g_string_append_c (typed, *p);
    }
  return cpl_format_excerpt (typed->str);
}

/**
 * cpl_parse_number:
 * @text: what the user typed
 * @flags: whether a trailing "%" (the unit of a percentage) is allowed
 * @value: (out): the number; for "25%" it is 25
 *
 * Reads a number as people type it in the locale of LC_NUMERIC:
 * full-width forms from an input method ("２５", "１，０００", "０．３５")
 * are read as their ASCII forms (NFKC); the decimal mark is the locale's
 * ("0.35" in en_US, zh_CN, zh_TW; "0,35" in de_DE); a grouping mark (the
 * locale's, or a space) stands only between groups of three digits after a
 * first group of one to three that does not start with 0 ("1,000" and
 * "1,000,000" but neither "1,00" nor "10,0000"); a sign ("-", "+" or the
 * minus sign "−") may lead and an exponent ("1e3") may follow.  Spaces
 * around the number do not count.
 *
 * A single grouping mark out of place may be a decimal mark typed the
 * way another locale writes it ("0,35" in en_US, "1.5" in de_DE): such
 * text is refused as ambiguous, with a message that says how to type
 * either number, rather than read as one of them.
 *
 * Returns: whether all of @text is one finite number; otherwise @error
 * (in %CPL_NUMBER_ERROR) says why, quoting @text through
 * cpl_format_excerpt().
 */
gboolean
cpl_parse_number (const char           *text,
                  CplParseNumberFlags   flags,
                  double               *value,
                  GError              **error)
{
  g_auto(CplNumberMarks) marks = { NULL, NULL };
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autofree char *quoted = cpl_format_excerpt (text);
  g_autoptr(GString) clean = g_string_new (NULL);  /* the number for g_ascii_strtod() */
  gsize first, n_marks = 0, n_fraction = 0, last_mark = 0, len;
  gboolean out_of_place, space_mark = FALSE, decimal = FALSE, exponent = FALSE;
  const char *p;
  char *end = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  cpl_number_marks_init (&marks);
  if (normal == NULL)
    goto invalid;  /* not UTF-8 */
  p = g_strstrip (normal);
  len = strlen (p);
  if (len == 0)
    {
      g_set_error_literal (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_EMPTY,
                           /* Translators: after an input's name, "Units: type a number" */
                           _("type a number"));
      return FALSE;
    }
  if (normal[len - 1] == '%')
    {
      if (!(flags & CPL_PARSE_NUMBER_PERCENT))
        {
          g_set_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_PERCENT,
                       /* Translators: %s is what was typed, "25%" */
                       _("“%s” is a percentage, but this value is not; type the number alone"),
                       quoted);
          return FALSE;
        }
      normal[len - 1] = '\0';
      g_strchomp (normal);  /* "25 %", as French and German write it */
    }

  if (*p == '-' || *p == '+')
    {
      if (*p++ == '-')
        g_string_append_c (clean, '-');
    }
  else if (g_str_has_prefix (p, "−"))
    {
      g_string_append_c (clean, '-');
      p += strlen ("−");
    }

  /* the whole part, in groups */
  first = take_digits (&p, clean);
  out_of_place = first == 0 || first > 3 || p[-first] == '0';
  for (gsize mark; (mark = group_mark_at (&marks, p)) > 0 && g_ascii_isdigit (p[mark]); )
    {
      space_mark |= *p == ' ';
      p += mark;
      n_marks++;
      last_mark = clean->len;
      if (take_digits (&p, clean) != 3)
        out_of_place = TRUE;
    }
  if (g_str_has_prefix (p, marks.decimal))
    {
      decimal = TRUE;
      g_string_append_c (clean, '.');
      p += strlen (marks.decimal);
      n_fraction = take_digits (&p, clean);
    }
  if (first + n_marks + n_fraction == 0)
    goto invalid;  /* no digit: "-", ".", "%" */
  if ((*p == 'e' || *p == 'E') &&
      (g_ascii_isdigit (p[1]) || ((p[1] == '-' || p[1] == '+') && g_ascii_isdigit (p[2]))))
    {
      exponent = TRUE;
      g_string_append_c (clean, 'e');
      if (*++p == '-' || *p == '+')
        g_string_append_c (clean, *p++);
      take_digits (&p, clean);
    }
  if (*p != '\0')
    goto invalid;

  if (n_marks > 0 && out_of_place)
    {
      if (n_marks == 1 && !space_mark && !decimal && !exponent)
        {
          /* "0,35": 0.35 with another locale's decimal mark, or 35 */
          g_autofree char *whole = how_to_type (clean->str, &marks);
          g_autofree char *fraction = NULL;

          g_string_insert_c (clean, last_mark, '.');
          if (last_mark == 0 || clean->str[last_mark - 1] == '-')
            g_string_insert_c (clean, last_mark, '0');  /* ",5" */
          fraction = how_to_type (clean->str, &marks);
          g_set_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_AMBIGUOUS,
                       /* Translators: %1$s is what was typed ("0,35"); %2$s
                        * the decimal it may mean ("0.35"), %3$s the whole
                        * number ("35"), both as the reader's locale writes them */
                       _("“%1$s” is ambiguous: type %2$s for a decimal, or %3$s for a whole number"),
                       quoted, fraction, whole);
        }
      else
        {
          g_autofree char *plain = how_to_type (clean->str, &marks);

          g_set_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_GROUPING,
                       /* Translators: %1$s is what was typed ("1,00,000"),
                        * %2$s the same number without grouping ("100000") */
                       _("“%1$s” has a grouping mark out of place (digits are grouped by three); type %2$s"),
                       quoted, plain);
        }
      return FALSE;
    }

  *value = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0')
    goto invalid;
  if (!isfinite (*value))
    {
      /* Translators: %s is what was typed, "1e999" */
      g_set_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_RANGE, _("“%s” is too large"), quoted);
      return FALSE;
    }
  return TRUE;

invalid:
  /* Translators: %s is what was typed */
  g_set_error (error, CPL_NUMBER_ERROR, CPL_NUMBER_ERROR_INVALID, _("“%s” is not a number"), quoted);
  return FALSE;
}

/**
 * cpl_text_space_han:
 *
 * Returns: @text with a space between a Han character and a Latin letter
 *   or a digit beside it (and after a "%" before one), as the translations
 *   and the built-in data write them (po/GLOSSARY.md): for a sentence that
 *   splices a name into a Chinese one, where the translation cannot know
 *   whether the name begins or ends with a Latin letter ("AMD净收入"
 *   against "英伟达净收入"); text with no Han character is returned as it is.
 */
char *
cpl_text_space_han (const char *text)
{
  GString *spaced = g_string_new (NULL);
  gunichar previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((is_han (previous) && c < 0x80 && g_ascii_isalnum (c)) ||
          (previous < 0x80 && (g_ascii_isalnum (previous) || previous == '%') && is_han (c)))
        g_string_append_c (spaced, ' ');
      g_string_append_unichar (spaced, c);
      previous = c;
    }
  return g_string_free (spaced, FALSE);
}

/**
 * cpl_date_format_long:
 * @date: a valid date
 *
 * Returns: (transfer full): @date as a sentence writes it, "4 December
 *   2026", "2026 年 12 月 4 日" (the ISO form, 2026-12-04, stays for the date
 *   pickers, the tables and the timeline)
 */
char *
cpl_date_format_long (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (g_date_valid (date), NULL);
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 0, 0, 0);
  /* Translators: a day in a sentence, "4 December 2026"; see
   * g_date_time_format() */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/**
 * cpl_iso_date_format_long:
 * @iso: (nullable): a date written YYYY-MM-DD, as a rule gives it
 *
 * Returns: (transfer full) (nullable): @iso as cpl_date_format_long()
 *   writes it; @iso itself when it is not such a date
 */
char *
cpl_iso_date_format_long (const char *iso)
{
  GDate date;

  if (iso != NULL && cpl_iso_date_parse (iso, &date))
    return cpl_date_format_long (&date);
  return g_strdup (iso);
}

/**
 * cpl_released_format_long:
 * @released: (nullable): when a chip was released, as its file says:
 *   "2024", "2024-11" or "2024-11-15"
 *
 * Returns: (transfer full) (nullable): @released as a sentence writes it:
 *   "2024", "November 2024" (2024 年 11 月), "15 November 2024"
 */
char *
cpl_released_format_long (const char *released)
{
  int year, month;
  char end;

  if (released != NULL && strlen (released) == 7 &&
      sscanf (released, "%4d-%2d%c", &year, &month, &end) == 2 && month >= 1 && month <= 12)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, 1, 0, 0, 0);

      /* Translators: a month in a sentence, "November 2024"; see
       * g_date_time_format() */
      if (time != NULL)
        return g_date_time_format (time, _("%B %Y"));
    }
  return cpl_iso_date_format_long (released);
}
