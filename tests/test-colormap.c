/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-colormap.c — viridis: anchors, interpolation, lightness, images */

#include "config.h"

#include <math.h>

#include "sp-colormap.h"
#include "sp-gsl.h"
#include "test-helpers.h"

/* CIE L* of an sRGB colour (D65), written out here independently of the
 * library: linearise, take the luminance Y, then L* = 116 f(Y) − 16. */
static double
lightness (double r,
           double g,
           double b)
{
  double lin[3] = { r, g, b }, y, f;

  for (int i = 0; i < 3; i++)
    lin[i] = lin[i] <= 0.04045 ? lin[i] / 12.92 : pow ((lin[i] + 0.055) / 1.055, 2.4);
  y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  f = y > pow (6.0 / 29.0, 3) ? cbrt (y) : y / (3 * pow (6.0 / 29.0, 2)) + 4.0 / 29.0;
  return 116.0 * f - 16.0;
}

static void
test_anchors (void)
{
  double r, g, b, ar, ag, ab;

  /* The published end points and middle of viridis. */
  sp_colormap_anchor (0, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.267004);
  g_assert_cmpfloat (g, ==, 0.004874);
  g_assert_cmpfloat (b, ==, 0.329415);
  sp_colormap_anchor (128, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.127568);
  g_assert_cmpfloat (g, ==, 0.566949);
  g_assert_cmpfloat (b, ==, 0.550556);
  sp_colormap_anchor (255, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.993248);
  g_assert_cmpfloat (g, ==, 0.906157);
  g_assert_cmpfloat (b, ==, 0.143936);

  /* eval hits every anchor at t = i/255. */
  for (guint i = 0; i < SP_COLORMAP_N_ANCHORS; i++)
    {
      sp_colormap_anchor (i, &ar, &ag, &ab);
      sp_colormap_eval (i / 255.0, &r, &g, &b);
      sp_assert_close (r, ar, 1e-12, 1e-12);
      sp_assert_close (g, ag, 1e-12, 1e-12);
      sp_assert_close (b, ab, 1e-12, 1e-12);
    }
}

static void
test_interpolation (void)
{
  double r, g, b, r0, g0, b0, r1, g1, b1;

  /* Halfway between anchors 10 and 11 is their mean. */
  sp_colormap_anchor (10, &r0, &g0, &b0);
  sp_colormap_anchor (11, &r1, &g1, &b1);
  sp_colormap_eval (10.5 / 255.0, &r, &g, &b);
  sp_assert_close (r, 0.5 * (r0 + r1), 1e-12, 1e-12);
  sp_assert_close (g, 0.5 * (g0 + g1), 1e-12, 1e-12);
  sp_assert_close (b, 0.5 * (b0 + b1), 1e-12, 1e-12);

  /* Clamped outside [0, 1]; NaN takes the first colour. */
  sp_colormap_eval (-3.0, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.267004);
  sp_colormap_eval (NAN, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.267004);
  sp_colormap_eval (7.0, &r, &g, &b);
  g_assert_cmpfloat (r, ==, 0.993248);
}

static void
test_lightness_monotone (void)
{
  double previous = -1.0, first = 0.0, last = 0.0;

  for (guint i = 0; i < SP_COLORMAP_N_ANCHORS; i++)
    {
      double r, g, b, l;

      sp_colormap_anchor (i, &r, &g, &b);
      l = lightness (r, g, b);
      g_assert_cmpfloat (l, >, previous);
      if (i == 0)
        first = l;
      last = l;
      previous = l;
    }
  /* Viridis spans roughly L* 16 → 92: a map readable in grey scale. */
  g_assert_cmpfloat (first, <, 20.0);
  g_assert_cmpfloat (last, >, 90.0);
}

static void
test_pixel (void)
{
  for (guint i = 0; i < SP_COLORMAP_N_ANCHORS; i += 17)
    {
      double r, g, b;
      uint32_t p = sp_colormap_pixel (i / 255.0);

      sp_colormap_anchor (i, &r, &g, &b);
      g_assert_cmphex (p >> 24, ==, 0xff);
      g_assert_cmpint ((p >> 16) & 0xff, ==, (int) lround (r * 255));
      g_assert_cmpint ((p >> 8) & 0xff, ==, (int) lround (g * 255));
      g_assert_cmpint (p & 0xff, ==, (int) lround (b * 255));
    }
}

static void
test_fill_image (void)
{
  enum { N = 8 };
  double field[N * N];
  guint32 data[N * N + 4 * N];   /* stride wider than a row */
  int stride = (N + 4) * 4;

  /* Values on the 4096-entry table's nodes map to exactly those colours. */
  for (guint p = 0; p < N * N; p++)
    field[p] = 2.0 + 3.0 * (p * 65.0) / 4095.0;
  sp_colormap_fill_image (field, N, 2.0, 5.0, (unsigned char *) data, stride);
  for (guint y = 0; y < N; y++)
    for (guint x = 0; x < N; x++)
      {
        guint p = y * N + x;
        guint32 got = data[y * (N + 4) + x];

        g_assert_cmphex (got, ==, sp_colormap_pixel ((double) (p * 65) / 4095.0));
      }

  /* Out-of-range and non-finite values clamp to the ends. */
  field[0] = -100.0;
  field[1] = 100.0;
  field[2] = NAN;
  sp_colormap_fill_image (field, N, 2.0, 5.0, (unsigned char *) data, stride);
  g_assert_cmphex (data[0], ==, sp_colormap_pixel (0.0));
  g_assert_cmphex (data[1], ==, sp_colormap_pixel (1.0));
  g_assert_cmphex (data[2], ==, sp_colormap_pixel (0.0));
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/colormap/anchors", test_anchors);
  g_test_add_func ("/colormap/interpolation", test_interpolation);
  g_test_add_func ("/colormap/lightness-monotone", test_lightness_monotone);
  g_test_add_func ("/colormap/pixel", test_pixel);
  g_test_add_func ("/colormap/fill-image", test_fill_image);

  return g_test_run ();
}
