/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fft-size.c — sp_fft_good_size() against every 2ᵃ 3ᵇ 5ᶜ 7ᵈ listed
 * independently (by their exponents) */

#include "config.h"

#include <stdlib.h>

#include "sp-fft-size.h"
#include "sp-gsl.h"

#define LIMIT 5000

static int
compare_guints (const void *a,
                const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return (x > y) - (x < y);
}

/* Every 2ᵃ 3ᵇ 5ᶜ 7ᵈ up to @limit, sorted: built from the exponents, not by
 * factoring, so it checks the function's factoring independently. */
static GArray *
smooth_numbers (guint limit)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint64 a = 1; a <= limit; a *= 2)
    for (guint64 b = a; b <= limit; b *= 3)
      for (guint64 c = b; c <= limit; c *= 5)
        for (guint64 d = c; d <= limit; d *= 7)
          {
            guint v = (guint) d;
            g_array_append_val (list, v);
          }
  qsort (list->data, list->len, sizeof (guint), compare_guints);
  return list;
}

/* Every n ≤ 5000 against the smallest listed number ≥ n. */
static void
test_exhaustive (void)
{
  g_autoptr(GArray) smooth = smooth_numbers (2 * LIMIT);
  guint next = 0;

  for (guint n = 1; n <= LIMIT; n++)
    {
      while (g_array_index (smooth, guint, next) < n)
        next++;
      g_assert_cmpuint (sp_fft_good_size (n), ==, g_array_index (smooth, guint, next));
      g_assert_cmpint (sp_fft_is_good_size (n), ==, g_array_index (smooth, guint, next) == n);
    }
  g_assert_cmpuint (sp_fft_good_size (4999), ==, 5000);   /* 4999 is prime; 2³·5⁴ */
}

static void
test_examples (void)
{
  /* The sizes the issue measured, and neighbours of the grid limits. */
  g_assert_cmpuint (sp_fft_good_size (509), ==, 512);
  g_assert_cmpuint (sp_fft_good_size (1021), ==, 1024);
  g_assert_cmpuint (sp_fft_good_size (1023), ==, 1024);   /* 3·11·31 */
  g_assert_cmpuint (sp_fft_good_size (1025), ==, 1029);   /* 5²·41 → 3·7³ */
  g_assert_cmpuint (sp_fft_good_size (200), ==, 200);
  g_assert_cmpuint (sp_fft_good_size (0), ==, 1);
  g_assert_false (sp_fft_is_good_size (0));
  g_assert_true (sp_fft_is_good_size (1));
  g_assert_false (sp_fft_is_good_size (11));
  g_assert_false (sp_fft_is_good_size (2 * 3 * 5 * 7 * 11));
  /* Large sizes: the answer is a good size no larger than the next power of 2. */
  g_assert_cmpuint (sp_fft_good_size ((1u << 30) - 1), ==, 1u << 30);
  g_assert_cmpuint (sp_fft_good_size (SP_FFT_GOOD_SIZE_MAX), ==, SP_FFT_GOOD_SIZE_MAX);
  for (guint n = 65536; n < 65536 + 2000; n += 7)
    {
      guint m = sp_fft_good_size (n);

      g_assert_cmpuint (m, >=, n);
      g_assert_cmpuint (m, <=, 131072);
      g_assert_true (sp_fft_is_good_size (m));
      for (guint k = n; k < m; k++)
        g_assert_false (sp_fft_is_good_size (k));
    }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fft-size/exhaustive", test_exhaustive);
  g_test_add_func ("/fft-size/examples", test_examples);

  return g_test_run ();
}
