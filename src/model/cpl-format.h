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
gulong cpl_plural_count  (double value);

G_END_DECLS
