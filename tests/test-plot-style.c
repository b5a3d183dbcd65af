/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plot-style.c — the light and dark print styles */

#include "config.h"

#include <math.h>

#include "sp-gsl.h"
#include "sp-plot-style.h"
#include "test-helpers.h"

/* WCAG 2 relative luminance and contrast ratio, written out independently. */
static double
luminance (const SpColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (int i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const SpColor *a,
          const SpColor *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
check_style (const SpPlotStyle *s)
{
  const SpColor *lines[] = { &s->accent, &s->secondary, &s->tangent, &s->marker };

  /* Text: WCAG AAA; curves: at least the 3:1 of graphical objects, which a
   * washed-out projector still shows. */
  g_assert_cmpfloat (contrast (&s->foreground, &s->background), >=, 7.0);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_assert_cmpfloat (contrast (lines[i], &s->background), >=, 3.0);
      g_assert_cmpfloat (lines[i]->alpha, ==, 1.0);
    }
  /* Fills are translucent so grid lines and curves show through. */
  g_assert_cmpfloat (s->unstable_fill.alpha, <, 0.5);
  g_assert_cmpfloat (s->metastable_fill.alpha, <, 0.5);
  g_assert_cmpfloat (s->background.alpha, ==, 1.0);
  g_assert_nonnull (s->font_family);
  g_assert_cmpfloat (s->font_size, >, 0.0);
  g_assert_cmpfloat (s->line_width, >, 0.0);
  g_assert_cmpfloat (s->scale, ==, 1.0);
}

static void
test_light (void)
{
  SpPlotStyle s;

  sp_plot_style_init_light (&s);
  g_assert_false (s.dark);
  g_assert_cmpfloat (luminance (&s.background), >, luminance (&s.foreground));
  check_style (&s);
  sp_plot_style_clear (&s);
  g_assert_null (s.font_family);
  sp_plot_style_clear (&s);   /* twice is harmless */
}

static void
test_dark (void)
{
  SpPlotStyle s;

  sp_plot_style_init_dark (&s);
  g_assert_true (s.dark);
  g_assert_cmpfloat (luminance (&s.background), <, luminance (&s.foreground));
  check_style (&s);
  sp_plot_style_clear (&s);
}

static void
test_copy (void)
{
  SpPlotStyle a, b;

  sp_plot_style_init_dark (&a);
  a.scale = 1.75;
  sp_plot_style_copy (&a, &b);
  g_assert_true (b.dark);
  g_assert_cmpfloat (b.scale, ==, 1.75);
  g_assert_cmpstr (a.font_family, ==, b.font_family);
  g_assert_true (a.font_family != b.font_family);   /* a deep copy */
  g_assert_cmpfloat (a.accent.blue, ==, b.accent.blue);
  sp_plot_style_clear (&a);
  g_assert_nonnull (b.font_family);
  sp_plot_style_clear (&b);
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plot-style/light", test_light);
  g_test_add_func ("/plot-style/dark", test_dark);
  g_test_add_func ("/plot-style/copy", test_copy);

  return g_test_run ();
}
