/* cpl-format.c: numbers as a reader of the user's language expects them
 *
 * Grouping and the decimal mark come from the locale (LC_NUMERIC).  Large
 * money uses the scale words of the language: English reads $6.75 B, a
 * Chinese reader 67.5 亿美元 (亿 = 10⁸).  Which scale a language uses is
 * the translators' choice (the "number scale" string).
 */
#define G_LOG_DOMAIN "cpl-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "cpl-format.h"

/* Shown where a value is unknown: never a made-up number. */
#define UNKNOWN "—"

char *
cpl_format_number (double value,
                   int    decimals)
{
  if (!isfinite (value))
    return g_strdup (UNKNOWN);
  if (value == 0)
    value = 0;  /* no "-0" */
  return g_strdup_printf ("%'.*f", decimals, value);
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

/* Three significant figures: 6.75, 67.5, 675. */
static char *
three_figures (double value)
{
  double magnitude = fabs (value);
  int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;

  return cpl_format_number (value, decimals);
}

/* "25%", "15.5%": a rate with a decimal only where it has one */
char *
cpl_format_rate (double fraction)
{
  double percent = fraction * 100;

  return cpl_format_percent (fraction, fabs (percent - round (percent)) < 1e-9 ? 0 : 1);
}

static char *cpl_format_money_unsigned (double usd);

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

static char *
cpl_format_money_unsigned (double usd)
{
  /* Translators: "western" groups large numbers by thousands (K, M, B, T);
   * "east-asian" by ten thousands (万, 亿).  Do not translate the words,
   * pick the one your language uses. */
  const char *scale = C_("number scale", "western");
  double magnitude = fabs (usd);
  g_autofree char *number = NULL;

  if (!isfinite (usd))
    return g_strdup (UNKNOWN);

  if (g_str_equal (scale, "east-asian"))
    {
      if (magnitude >= 1e12)
        {
          number = three_figures (usd / 1e12);
          /* Translators: money in units of 10¹² US dollars */
          return g_strdup_printf (_("%s trillion-wan USD"), number);
        }
      if (magnitude >= 1e8)
        {
          number = three_figures (usd / 1e8);
          /* Translators: money in units of 10⁸ US dollars (亿美元) */
          return g_strdup_printf (_("%s yi USD"), number);
        }
      if (magnitude >= 1e4)
        {
          number = three_figures (usd / 1e4);
          /* Translators: money in units of 10⁴ US dollars (万美元) */
          return g_strdup_printf (_("%s wan USD"), number);
        }
      number = cpl_format_number (usd, 0);
      /* Translators: money in US dollars, small amounts */
      return g_strdup_printf (_("%s USD"), number);
    }

  if (magnitude >= 1e12)
    {
      number = three_figures (usd / 1e12);
      /* Translators: money in trillions of US dollars */
      return g_strdup_printf (_("$%s T"), number);
    }
  if (magnitude >= 1e9)
    {
      number = three_figures (usd / 1e9);
      /* Translators: money in billions of US dollars */
      return g_strdup_printf (_("$%s B"), number);
    }
  if (magnitude >= 1e6)
    {
      number = three_figures (usd / 1e6);
      /* Translators: money in millions of US dollars */
      return g_strdup_printf (_("$%s M"), number);
    }
  number = cpl_format_number (usd, 0);
  /* Translators: money in US dollars */
  return g_strdup_printf (_("$%s"), number);
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
