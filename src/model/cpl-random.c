/* cpl-random.c: xoshiro256** seeded through splitmix64 */
#define G_LOG_DOMAIN "cpl-random"

#include "config.h"

#include <math.h>

#include "cpl-random.h"

/* splitmix64: advances *@state and returns the next output. */
guint64
cpl_splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* The state from four splitmix64 outputs, as the authors recommend; it is
 * never all zero, since splitmix64 is a bijection of its counter. */
void
cpl_random_init (CplRandom *self,
                 guint64    seed)
{
  guint64 x = seed;

  for (guint i = 0; i < G_N_ELEMENTS (self->s); i++)
    self->s[i] = cpl_splitmix64_next (&x);
}

/* Stream @stream of @seed: the seed is mixed once, then the stream index
 * is folded in, so nearby (seed, stream) pairs give unrelated states. */
void
cpl_random_init_stream (CplRandom *self,
                        guint64    seed,
                        guint64    stream)
{
  guint64 x = seed;

  cpl_random_init (self, cpl_splitmix64_next (&x) ^ stream);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
cpl_random_next (CplRandom *self)
{
  guint64 *s = self->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* A double in [0, 1) from the top 53 bits. */
double
cpl_random_double (CplRandom *self)
{
  return (double) (cpl_random_next (self) >> 11) * 0x1.0p-53;
}

/* The inverse CDF of the triangular distribution (a = @low, c = @mode,
 * b = @high) at @u in [0, 1):
 *   F⁻¹(u) = a + √(u(b−a)(c−a))        for u < (c−a)/(b−a)
 *          = b − √((1−u)(b−a)(b−c))    otherwise.
 * A degenerate range (a = b) gives a. */
double
cpl_triangular_quantile (double low,
                         double mode,
                         double high,
                         double u)
{
  double width = high - low;

  if (!(width > 0))
    return low;
  if (u < (mode - low) / width)
    return low + sqrt (u * width * (mode - low));
  return high - sqrt ((1 - u) * width * (high - mode));
}
