/* cpl-random.h: a seeded generator that gives the same numbers everywhere
 *
 * xoshiro256** 1.0 seeded through splitmix64, after the reference C code of
 * David Blackman and Sebastiano Vigna (https://prng.di.unimi.it/).  The
 * Monte Carlo draws (MODEL.md §6) take one stream per draw, derived from
 * the scenario's seed and the draw's index, so the numbers do not depend
 * on the machine or on how many threads share the draws.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 s[4];
} CplRandom;

guint64 cpl_splitmix64_next     (guint64   *state);
void    cpl_random_init         (CplRandom *self,
                                 guint64    seed);
void    cpl_random_init_stream  (CplRandom *self,
                                 guint64    seed,
                                 guint64    stream);
guint64 cpl_random_next         (CplRandom *self);
double  cpl_random_double       (CplRandom *self);
double  cpl_triangular_quantile (double     low,
                                 double     mode,
                                 double     high,
                                 double     u);

G_END_DECLS
