/* cpl-format.h: numbers as a reader of the user's language expects them */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cpl_format_number  (double value,
                          int    decimals);
char *cpl_format_percent (double fraction,
                          int    decimals);
char *cpl_format_rate    (double fraction);
char *cpl_format_money   (double usd);
char *cpl_format_money_exact (double usd);
char *cpl_format_money_scaled (double usd,
                               double reference);
double cpl_money_input_scale (const char **unit);
gulong cpl_plural_count  (double value);

/* Dates in sentences: "4 December 2026", "2026 年 12 月 4 日" (files and the
 * date controls keep YYYY-MM-DD: cpl_iso_date_format()) */
char *cpl_date_format_long     (const GDate *date);
char *cpl_iso_date_format_long (const char  *iso);
char *cpl_released_format_long (const char  *released);

/* What a difference between two values is in. */
typedef enum {
  CPL_DIFFERENCE_MONEY,   /* US dollars: "+$1.20 B" */
  CPL_DIFFERENCE_NUMBER,  /* a plain number: "+1,234" */
  CPL_DIFFERENCE_POINTS,  /* fractions, shown in percentage points: "+10.0 pp" */
} CplDifferenceKind;

char *cpl_format_difference (CplDifferenceKind kind,
                             double            value,
                             int               decimals);
#define CPL_SHARE_DECIMALS 1 /* the domestic share of new compute: "42.7%" */
char *cpl_format_p10_p90    (const char       *low,
                             const char       *low_in_range,
                             const char       *high);
char *cpl_format_money_p10_p90 (double         point,
                                double         p10,
                                double         p90);

/* What cpl_parse_number() refuses. */
#define CPL_NUMBER_ERROR (cpl_number_error_quark ())

typedef enum {
  CPL_NUMBER_ERROR_EMPTY,      /* nothing but spaces */
  CPL_NUMBER_ERROR_INVALID,    /* not a number: "lots", "1.2.3", "0x10" */
  CPL_NUMBER_ERROR_RANGE,      /* a number too large for a double: "1e999" */
  CPL_NUMBER_ERROR_AMBIGUOUS,  /* one grouping mark where a decimal mark may
                                * be meant: "0,35" in en_US, "1.5" in de_DE */
  CPL_NUMBER_ERROR_GROUPING,   /* grouping marks not between groups of three */
  CPL_NUMBER_ERROR_PERCENT,    /* "%" where the value is no percentage */
} CplNumberError;

typedef enum {
  CPL_PARSE_NUMBER_DEFAULT = 0,
  CPL_PARSE_NUMBER_PERCENT = 1 << 0,  /* a trailing "%" (the unit) is allowed */
} CplParseNumberFlags;

/* The characters of typed text that a message quotes; longer text is cut
 * there and ends with "…". */
#define CPL_EXCERPT_CHARS 40

GQuark   cpl_number_error_quark (void);
gboolean cpl_parse_number       (const char           *text,
                                 CplParseNumberFlags   flags,
                                 double               *value,
                                 GError              **error);
char    *cpl_format_excerpt     (const char           *text);

/* At most this many characters between two places a tooltip of Han text
 * may break (cpl_text_keep_han_words()). */
#define CPL_HAN_WORD_CHARS 16
char    *cpl_text_keep_han_words (const char          *text);
char    *cpl_text_space_han      (const char          *text);

G_END_DECLS
