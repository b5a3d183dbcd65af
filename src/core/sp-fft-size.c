/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-fft-size.c — the next size with only the prime factors 2, 3, 5, 7 */

#include "config.h"

#include "sp-fft-size.h"

gboolean
sp_fft_is_good_size (guint n)
{
  static const guint primes[] = { 2, 3, 5, 7 };

  if (n == 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (primes); i++)
    while (n % primes[i] == 0)
      n /= primes[i];
  return n == 1;
}

guint
sp_fft_good_size (guint n)
{
  g_return_val_if_fail (n <= SP_FFT_GOOD_SIZE_MAX, SP_FFT_GOOD_SIZE_MAX);

  /* 7-smooth numbers are dense enough (the gap after n is a small fraction
   * of n) that counting up is fast, and it ends at the power of two above
   * n at the latest. */
  if (n <= 1)
    return 1;
  while (!sp_fft_is_good_size (n))
    n++;
  return n;
}
