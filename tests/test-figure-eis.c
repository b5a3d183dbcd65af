/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-eis.c — the impedance figures: Nyquist scales, apex labels,
 * the frequency cursor, "no data" frames, every surface, CSV
 *
 * SP_TEST_EIS_PNG=DIR writes each figure at 1280 × 720 (presentation) and
 * at 480 × 300, light and dark, into DIR for a look by eye.
 */

#include "config.h"

#include <complex.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "test-helpers.h"

#define N_DATA   36
#define N_MODEL  181
#define N_DRT    121

static const SpFigureKind eis_kinds[] = {
  SP_FIGURE_NYQUIST, SP_FIGURE_BODE, SP_FIGURE_EIS_RESIDUALS, SP_FIGURE_DRT, SP_FIGURE_ARRHENIUS,
};

typedef struct
{
  SpEisSpectrum        *data[2];
  SpEisSpectrum        *model;
  SpEisFigureArc              arcs[3];
  double                res_f[N_DATA], res_re[N_DATA], res_im[N_DATA];
  SpEisFigureResiduals        residuals;
  double                tau[N_DRT], gamma[N_DRT];
  SpEisFigureDrtPeak          peaks[2];
  SpEisFigureDrt              drt;
  double                t_k[5], sigma[3][5], sigma_err[3][5];
  SpEisFigureArrhenius  series[3];
  SpEisFigureData       eis;
  SpFigureData          fig;
} Fixture;

/* The ceramic of PHYSICS-TRANSPORT.md §1: R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel. */
typedef struct
{
  double r0, rb, qb, ab, rgb, qgb, agb, qel, ael;
} Ceramic;

static double complex
cpe_parallel (double r,
              double q,
              double alpha,
              double omega)
{
  return r / (1.0 + r * q * cpow (I * omega, alpha));
}

static double complex
ceramic_z (const Ceramic *c,
           double         f)
{
  double w = 2 * G_PI * f;

  return c->r0 + cpe_parallel (c->rb, c->qb, c->ab, w) + cpe_parallel (c->rgb, c->qgb, c->agb, w)
         + 1.0 / (c->qel * cpow (I * w, c->ael));
}

static SpEisSpectrum *
ceramic_spectrum (const Ceramic *c,
                  double         ppd,
                  const char    *name,
                  double         wobble)
{
  g_autoptr(GError) error = NULL;
  SpEisSpectrum *s = sp_eis_spectrum_new_log (10.0, 3e6, ppd, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < s->n_points; i++)
    {
      double complex z = ceramic_z (c, s->freq_hz[i]);
      /* A deterministic 0.5 % "noise" so markers and model differ. */
      double e = 1.0 + wobble * sin (3.7 * i);

      s->z_re_ohm[i] = creal (z) * e;
      s->z_im_ohm[i] = cimag (z) * e;
    }
  sp_eis_spectrum_set_name (s, name);
  return s;
}

static double
apex_freq (double r,
           double q,
           double alpha)
{
  return 1.0 / (2 * G_PI * pow (r * q, 1.0 / alpha));
}

static void
fixture_init (Fixture *fx)
{
  /* Bulk 1 kΩ, grain boundary 2.5 kΩ; the bulk apex at 12.3 kHz: choose
   * Q_b so that (R Q)^(1/α) = 1/(2π · 12345 Hz). */
  Ceramic c = { 40.0, 1000.0, 0.0, 0.95, 2500.0, 5e-7, 0.85, 1e-5, 0.8 };
  Ceramic hot;
  static const char *const arc_names[] = { "bulk", "grain boundary" };
  static const char *const series_names[] = { "bulk", "grain boundary", "total" };
  static const double ea[] = { 0.32, 0.45, 0.38 };
  static const double a0[] = { 3e3, 8e4, 1.5e4 };

  memset (fx, 0, sizeof *fx);
  c.qb = pow (1.0 / (2 * G_PI * 12345.0), c.ab) / c.rb;
  hot = c;
  hot.rb *= 0.55;
  hot.rgb *= 0.45;
  fx->data[0] = ceramic_spectrum (&c, 7, "pellet-25C.csv", 0.005);
  fx->data[1] = ceramic_spectrum (&hot, 7, "pellet-60C.csv", 0.005);
  fx->model = ceramic_spectrum (&c, 30, "model", 0.0);
  fx->eis.n_spectra = 2;
  fx->eis.spectra = (const SpEisSpectrum *const *) fx->data;
  fx->eis.model = fx->model;
  fx->eis.model_label = "fit";

  for (guint i = 0; i < 2; i++)
    {
      double r = i == 0 ? c.rb : c.rgb, q = i == 0 ? c.qb : c.qgb, a = i == 0 ? c.ab : c.agb;
      double f = apex_freq (r, q, a);
      double complex z = ceramic_z (&c, f);

      fx->arcs[i] = (SpEisFigureArc) { arc_names[i], f, creal (z), cimag (z) };
    }
  fx->arcs[2] = (SpEisFigureArc) { "electrode", 10.0, creal (ceramic_z (&c, 10.0)),
                             cimag (ceramic_z (&c, 10.0)) };
  fx->eis.n_arcs = 3;
  fx->eis.arcs = fx->arcs;

  for (guint i = 0; i < N_DATA; i++)
    {
      fx->res_f[i] = fx->data[0]->freq_hz[i % fx->data[0]->n_points];
      fx->res_re[i] = 0.004 * sin (0.5 * i);
      fx->res_im[i] = 0.006 * cos (0.4 * i) - 0.002;
    }
  fx->residuals = (SpEisFigureResiduals) { N_DATA, fx->res_f, fx->res_re, fx->res_im, "Lin-KK, M = 14" };
  fx->eis.residuals = &fx->residuals;

  /* Two Gaussian peaks in ln τ, of areas 1 kΩ and 2.5 kΩ. */
  for (guint i = 0; i < N_DRT; i++)
    {
      double lt = log (1e-8) + i * (log (1e2) - log (1e-8)) / (N_DRT - 1);
      double s = 0.5;

      fx->tau[i] = exp (lt);
      fx->gamma[i] = 1000.0 * exp (-0.5 * pow ((lt - log (1.3e-5)) / s, 2)) / (s * sqrt (2 * G_PI))
                     + 2500.0 * exp (-0.5 * pow ((lt - log (2e-3)) / s, 2)) / (s * sqrt (2 * G_PI));
    }
  fx->peaks[0] = (SpEisFigureDrtPeak) { 1.3e-5, 1000.0 };
  fx->peaks[1] = (SpEisFigureDrtPeak) { 2e-3, 2500.0 };
  fx->drt = (SpEisFigureDrt) { N_DRT, fx->tau, fx->gamma, 2, fx->peaks };
  fx->eis.drt = &fx->drt;

  for (guint i = 0; i < 5; i++)
    fx->t_k[i] = 298.15 + 25.0 * i;
  for (guint k = 0; k < 3; k++)
    {
      for (guint i = 0; i < 5; i++)
        {
          double t = fx->t_k[i];

          fx->sigma[k][i] = a0[k] / t * exp (-ea[k] / (8.617333262e-5 * t)) * (1 + 0.03 * sin (i + k));
          fx->sigma_err[k][i] = 0.05 * fx->sigma[k][i];
        }
      fx->series[k] = (SpEisFigureArrhenius) { series_names[k], 5, fx->t_k, fx->sigma[k],
                                               fx->sigma_err[k], ea[k], 0.012, a0[k] };
    }
  fx->eis.n_arrhenius = 3;
  fx->eis.arrhenius = fx->series;
  fx->eis.arrhenius_form = SP_EIS_FIGURE_SIGMA_T;
  fx->eis.description = "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel";

  sp_figure_data_init (&fx->fig);
  fx->fig.eis = &fx->eis;
}

static void
fixture_clear (Fixture *fx)
{
  sp_eis_spectrum_free (fx->data[0]);
  sp_eis_spectrum_free (fx->data[1]);
  sp_eis_spectrum_free (fx->model);
}

static cairo_surface_t *
render (SpFigureKind        kind,
        const SpFigureData *data,
        const SpPlotStyle  *style,
        int                 width,
        int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, width, height, kind, data, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The fraction of the plot area's pixels that differ from the background. */
static double
ink_fraction (cairo_surface_t    *surface,
              const SpFigureSpec *spec,
              const SpPlotStyle  *style)
{
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 bg = 0xff000000u | ((guint32) lround (style->background.red * 255) << 16)
               | ((guint32) lround (style->background.green * 255) << 8)
               | (guint32) lround (style->background.blue * 255);
  guint ink = 0, total = 0;

  for (int y = (int) spec->py + 2; y < (int) (spec->py + spec->ph) - 2; y++)
    for (int x = (int) spec->px + 2; x < (int) (spec->px + spec->pw) - 2; x++)
      {
        guint32 p = *(const guint32 *) (pixels + y * stride + 4 * x);

        total++;
        ink += p != bg;
      }
  return total > 0 ? (double) ink / total : 0.0;
}

/* One ohm is as long on both axes: measured through the very axis maps the
 * draw uses, for wide, tall, small and presentation-sized figures. */
static void
test_nyquist_equal_scale (void)
{
  const int sizes[][2] = { { 1400, 420 }, { 420, 1100 }, { 1280, 720 }, { 800, 560 },
                           { 300, 220 }, { 2000, 300 } };
  Fixture fx;

  fixture_init (&fx);
  for (int presentation = 0; presentation < 2; presentation++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        SpPlotStyle style;
        SpFigureSpec spec;
        double px_per_ohm_x, px_per_ohm_y, ratio;

        sp_plot_style_init_light (&style);
        style.scale = presentation ? 1.45 : 1.0;
        sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, sizes[s][0], sizes[s][1], &spec);
        g_assert_true (spec.has_data);
        px_per_ohm_x = (sp_axis_map (&spec.x, 1000.0) - sp_axis_map (&spec.x, 0.0)) / 1000.0;
        px_per_ohm_y = -(sp_axis_map (&spec.y, 1000.0) - sp_axis_map (&spec.y, 0.0)) / 1000.0;
        ratio = px_per_ohm_x / px_per_ohm_y;
        if (fabs (ratio - 1.0) > 1e-9)
          g_error ("%d × %d: %.17g px/Ω across, %.17g px/Ω up", sizes[s][0], sizes[s][1],
                   px_per_ohm_x, px_per_ohm_y);
        g_assert_cmpfloat (px_per_ohm_x, >, 0.0);
        /* The plot fills the card in the long direction: the range was
         * widened, the plot area not shrunk. */
        g_assert_cmpfloat (spec.pw, >, 0.6 * sizes[s][0]);
        g_assert_cmpfloat (spec.ph, >, 0.4 * sizes[s][1]);
        /* Every data point and the model stay in view. */
        for (guint k = 0; k < 2; k++)
          for (guint i = 0; i < fx.data[k]->n_points; i++)
            {
              g_assert_cmpfloat (fx.data[k]->z_re_ohm[i], >=, spec.x.min);
              g_assert_cmpfloat (fx.data[k]->z_re_ohm[i], <=, spec.x.max);
              g_assert_cmpfloat (-fx.data[k]->z_im_ohm[i], >=, spec.y.min);
              g_assert_cmpfloat (-fx.data[k]->z_im_ohm[i], <=, spec.y.max);
            }
        /* Square grid cells: one tick step on both axes. */
        g_assert_cmpfloat (spec.x.tick_step, ==, spec.y.tick_step);
        g_assert_cmpint (spec.x.exponent, ==, spec.y.exponent);
        sp_figure_spec_clear (&spec);
        sp_plot_style_clear (&style);
      }
  fixture_clear (&fx);
}

/* The pixels too: an R‖C semicircle is drawn twice as wide as it is high
 * on a wide and on a tall card. */
static void
test_nyquist_semicircle_pixels (void)
{
  const int sizes[][2] = { { 1400, 420 }, { 420, 1100 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpEisSpectrum) rc = sp_eis_spectrum_new_log (1.0, 1e9, 200, &error);
  SpEisFigureData eis = { 0 };
  SpFigureData data;
  SpPlotStyle style;

  g_assert_no_error (error);
  for (guint i = 0; i < rc->n_points; i++)
    {
      double complex z = 1000.0 / (1.0 + I * 2 * G_PI * rc->freq_hz[i] * 1000.0 * 1e-8);

      rc->z_re_ohm[i] = creal (z);
      rc->z_im_ohm[i] = cimag (z);
    }
  eis.model = rc;
  sp_figure_data_init (&data);
  data.eis = &eis;
  sp_plot_style_init_light (&style);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = render (SP_FIGURE_NYQUIST, &data, &style, sizes[s][0], sizes[s][1]);
      const guint8 *pixels = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      int x0 = G_MAXINT, x1 = -1, y0 = G_MAXINT, y1 = -1;
      SpFigureSpec spec;

      sp_figure_spec_compute (SP_FIGURE_NYQUIST, &data, &style, sizes[s][0], sizes[s][1], &spec);
      /* The accent-coloured pixels of the curve (blue clearly above red). */
      for (int y = (int) spec.py + 1; y < (int) (spec.py + spec.ph) - 1; y++)
        for (int x = (int) spec.px + 1; x < (int) (spec.px + spec.pw) - 1; x++)
          {
            guint32 p = *(const guint32 *) (pixels + y * stride + 4 * x);
            int r = (p >> 16) & 0xff, b = p & 0xff;

            if (b > 150 && r < 120)
              {
                x0 = MIN (x0, x), x1 = MAX (x1, x);
                y0 = MIN (y0, y), y1 = MAX (y1, y);
              }
          }
      /* From the curve's outer edges to the real axis: the line width
       * (1.8 lw) adds half a width at each end and at the top. */
      {
        double half = 0.9 * spec.lw;
        double width = (x1 - x0 + 1) - 2 * half;
        double height = sp_axis_map (&spec.y, 0.0) - (y0 - 0.0) - half;

        if (fabs (width / height - 2.0) > 0.02)
          g_error ("%d × %d: the semicircle is %.1f px wide and %.1f px high", sizes[s][0],
                   sizes[s][1], width, height);
      }
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (surface);
    }
  sp_plot_style_clear (&style);
}

static void
test_format_frequency (void)
{
  const struct { double f; const char *text; } cases[] = {
    { 12345.0, "12.3 kHz" }, { 999.7, "1.00 kHz" }, { 0.0456, "45.6 mHz" },
    { 1.5e6, "1.50 MHz" }, { 1.0, "1.00 Hz" }, { 250.0, "250 Hz" }, { 2.2e-6, "2.20 µHz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_figure_eis_format_frequency (cases[i].f);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *r = sp_figure_eis_format_si (2500.0, "Ω");
    g_autofree char *t = sp_figure_eis_format_si (1.3e-5, "s");

    g_assert_cmpstr (r, ==, "2.50 kΩ");
    g_assert_cmpstr (t, ==, "13.0 µs");
  }
}

/* Each arc's label names it and its apex frequency, and is placed. */
static void
test_apex_labels (void)
{
  Fixture fx;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  for (int size = 0; size < 2; size++)
    {
      SpFigureSpec spec;
      SpAnnotations annotations;
      SpLabelPlacement placement[SP_EIS_MAX_ARCS];
      gboolean has[SP_EIS_MAX_ARCS];
      char *markup[SP_EIS_MAX_ARCS] = { NULL };

      sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, size ? 1280 : 800,
                              size ? 720 : 560, &spec);
      sp_figure_nyquist_annotate (&spec, &fx.fig, &style, &annotations, markup, placement, has);
      g_assert_cmpstr (markup[0], ==, "<b>bulk</b>\n12.3 kHz");
      g_assert_true (g_str_has_prefix (markup[1], "<b>grain boundary</b>\n"));
      g_assert_cmpstr (markup[2], ==, "<b>electrode</b>\n10.0 Hz");
      for (guint i = 0; i < 3; i++)
        {
          g_assert_true (has[i]);
          /* Inside the plot, clear of every other label. */
          g_assert_cmpfloat (placement[i].box.x, >=, spec.px - 1e-9);
          g_assert_cmpfloat (placement[i].box.x + placement[i].box.w, <=, spec.px + spec.pw + 1e-9);
          for (guint j = 0; j < i; j++)
            g_assert_false (sp_figure_boxes_intersect (&placement[i].box, &placement[j].box));
          g_free (markup[i]);
        }
      sp_figure_spec_clear (&spec);
    }
  /* An apex outside the view (beyond the measured band) gets no label. */
  {
    SpFigureSpec spec;
    SpAnnotations annotations;
    SpLabelPlacement placement[SP_EIS_MAX_ARCS];
    gboolean has[SP_EIS_MAX_ARCS];
    char *markup[SP_EIS_MAX_ARCS] = { NULL };
    SpEisFigureArc saved = fx.arcs[2];

    fx.arcs[2].apex_z_re_ohm = 1e7;
    sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, 800, 560, &spec);
    g_assert_cmpfloat (spec.x.max, <, 1e7);
    sp_figure_nyquist_annotate (&spec, &fx.fig, &style, &annotations, markup, placement, has);
    g_assert_true (has[0]);
    g_assert_false (has[2]);
    for (guint i = 0; i < 3; i++)
      g_free (markup[i]);
    sp_figure_spec_clear (&spec);
    fx.arcs[2] = saved;
  }
  /* Unlabelled arcs get the frequency alone. */
  fx.arcs[0].label = NULL;
  {
    SpFigureSpec spec;
    SpAnnotations annotations;
    SpLabelPlacement placement[SP_EIS_MAX_ARCS];
    gboolean has[SP_EIS_MAX_ARCS];
    char *markup[SP_EIS_MAX_ARCS] = { NULL };

    sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, 800, 560, &spec);
    sp_figure_nyquist_annotate (&spec, &fx.fig, &style, &annotations, markup, placement, has);
    g_assert_cmpstr (markup[0], ==, "12.3 kHz");
    for (guint i = 0; i < 3; i++)
      g_free (markup[i]);
    sp_figure_spec_clear (&spec);
  }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* Hover → frequency → cursor → drawn position → hover gives it back. */
static void
test_frequency_cursor (void)
{
  Fixture fx;
  SpPlotStyle style;
  const double w = 900, h = 600;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);

  /* Nyquist: the first spectrum's points. */
  for (guint i = 0; i < fx.data[0]->n_points; i++)
    {
      SpFigureSpec spec;
      double u, v, f = NAN;

      fx.fig.cursor_freq_hz = fx.data[0]->freq_hz[i];
      sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, w, h, &spec);
      g_assert_true (sp_figure_nyquist_cursor_point (&spec, &fx.fig, &u, &v));
      g_assert_cmpfloat (u, ==, sp_axis_map (&spec.x, fx.data[0]->z_re_ohm[i]));
      /* Points crowd at the high-frequency end; only a visible one can be
       * hovered. */
      if (u >= spec.px && u <= spec.px + spec.pw && v >= spec.py && v <= spec.py + spec.ph)
        {
          g_assert_true (sp_figure_frequency_at (SP_FIGURE_NYQUIST, &fx.fig, &style, w, h, u, v, &f));
          /* Coinciding points (both ends of the arc meet at R0) aside. */
          if (f != fx.data[0]->freq_hz[i])
            {
              double re = NAN, im = NAN;

              for (guint j = 0; j < fx.data[0]->n_points; j++)
                if (fx.data[0]->freq_hz[j] == f)
                  re = fx.data[0]->z_re_ohm[j], im = fx.data[0]->z_im_ohm[j];
              g_assert_cmpfloat (fabs (sp_axis_map (&spec.x, re) - u), <, 0.5);
              g_assert_cmpfloat (fabs (sp_axis_map (&spec.y, -im) - v), <, 0.5);
            }
        }
      sp_figure_spec_clear (&spec);
    }

  /* Bode, residuals, DRT: the cursor line's x gives the frequency back. */
  for (guint k = 1; k < 4; k++)
    for (double lf = -1.0; lf <= 6.0; lf += 0.37)
      {
        SpFigureSpec spec;
        double f0 = pow (10.0, lf), f = NAN, u;

        sp_figure_spec_compute (eis_kinds[k], &fx.fig, &style, w, h, &spec);
        g_assert_true (spec.has_data);
        u = eis_kinds[k] == SP_FIGURE_DRT ? sp_axis_map (&spec.x, 1.0 / (2 * G_PI * f0))
                                          : sp_axis_map (&spec.x, f0);
        if (u > spec.px && u < spec.px + spec.pw)
          {
            g_assert_true (sp_figure_frequency_at (eis_kinds[k], &fx.fig, &style, w, h, u,
                                                   spec.py + 0.5 * spec.ph, &f));
            sp_assert_close (f, f0, 1e-9, 0.0);
            if (eis_kinds[k] == SP_FIGURE_BODE)
              {
                /* The phase panel too. */
                g_assert_true (sp_figure_frequency_at (SP_FIGURE_BODE, &fx.fig, &style, w, h, u,
                                                       spec.py2 + 0.5 * spec.ph2, &f));
                sp_assert_close (f, f0, 1e-9, 0.0);
              }
          }
        /* Off the plot: nothing. */
        g_assert_false (sp_figure_frequency_at (eis_kinds[k], &fx.fig, &style, w, h, 2.0, 2.0, &f));
        sp_figure_spec_clear (&spec);
      }
  /* Figures without a frequency axis. */
  g_assert_false (sp_figure_frequency_at (SP_FIGURE_ARRHENIUS, &fx.fig, &style, w, h, w / 2, h / 2,
                                          NULL));
  g_assert_false (sp_figure_frequency_at (SP_FIGURE_OCV, &fx.fig, &style, w, h, w / 2, h / 2, NULL));

  /* The cursor is drawn: a figure with it differs from one without. */
  for (guint k = 0; k < 4; k++)
    {
      cairo_surface_t *a, *b;

      fx.fig.cursor_freq_hz = NAN;
      a = render (eis_kinds[k], &fx.fig, &style, 700, 480);
      fx.fig.cursor_freq_hz = fx.data[0]->freq_hz[10];
      b = render (eis_kinds[k], &fx.fig, &style, 700, 480);
      g_assert_cmpint (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                               cairo_image_surface_get_stride (a) * 480), !=, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

static void
test_no_data (void)
{
  SpEisFigureData empty_eis = { 0 };
  SpEisSpectrum *empty_spectrum = sp_eis_spectrum_new (0);
  const SpEisSpectrum *spectra[] = { empty_spectrum };
  SpEisFigureResiduals no_residuals = { 0 };
  SpEisFigureDrt no_drt = { 0 };
  SpFigureData data;
  SpPlotStyle style;

  sp_plot_style_init_light (&style);
  sp_figure_data_init (&data);
  g_assert_null (data.eis);
  g_assert_true (isnan (data.cursor_freq_hz));
  for (int variant = 0; variant < 3; variant++)
    {
      if (variant == 1)
        data.eis = &empty_eis;
      if (variant == 2)
        {
          /* Present but empty parts. */
          empty_eis.n_spectra = 1;
          empty_eis.spectra = spectra;
          empty_eis.residuals = &no_residuals;
          empty_eis.drt = &no_drt;
        }
      for (guint k = 0; k < G_N_ELEMENTS (eis_kinds); k++)
        {
          cairo_surface_t *surface = render (eis_kinds[k], &data, &style, 500, 320);
          SpFigureSpec spec;
          g_autoptr(GError) error = NULL;
          SpExportOptions options;

          sp_figure_spec_compute (eis_kinds[k], &data, &style, 500, 320, &spec);
          g_assert_false (spec.has_data);
          g_assert_nonnull (spec.no_data);
          g_assert_cmpstr (spec.no_data, !=, "");
          /* The reason is drawn in the empty frame. */
          g_assert_cmpfloat (ink_fraction (surface, &spec, &style), >, 0.002);
          g_assert_false (sp_figure_frequency_at (eis_kinds[k], &data, &style, 500, 320,
                                                  spec.px + 0.5 * spec.pw, spec.py + 0.5 * spec.ph,
                                                  NULL));
          /* CSV: no table, a message. */
          sp_export_options_init (&options, eis_kinds[k]);
          options.format = SP_EXPORT_CSV;
          g_assert_null (sp_export_render (eis_kinds[k], &data, &options, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          sp_figure_spec_clear (&spec);
          cairo_surface_destroy (surface);
        }
    }
  sp_eis_spectrum_free (empty_spectrum);
  sp_plot_style_clear (&style);
}

static void
maybe_write_png (SpFigureKind        kind,
                 const SpFigureData *data,
                 const SpPlotStyle  *style,
                 const char         *tag,
                 int                 w,
                 int                 h)
{
  const char *dir = g_getenv ("SP_TEST_EIS_PNG");
  g_autofree char *name = NULL, *path = NULL;
  cairo_surface_t *surface;

  if (dir == NULL)
    return;
  name = g_strdup_printf ("%s-%s-%dx%d.png", sp_figure_kind_to_id (kind), tag, w, h);
  path = g_build_filename (dir, name, NULL);
  surface = render (kind, data, style, w, h);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* PNG, SVG and PDF through the exporter, light, dark and presentation, at
 * a slide's and a thumbnail's size; the plot has real ink. */
static void
test_every_surface (void)
{
  const int sizes[][2] = { { 1280, 720 }, { 480, 300 }, { 800, 560 } };
  Fixture fx;

  fixture_init (&fx);
  fx.fig.cursor_freq_hz = 1000.0;
  for (int variant = 0; variant < 3; variant++)
    {
      SpPlotStyle style;
      const char *tag = variant == 0 ? "light" : variant == 1 ? "dark" : "presentation";

      if (variant == 1)
        sp_plot_style_init_dark (&style);
      else
        sp_plot_style_init_light (&style);
      if (variant == 2)
        style.scale = 1.45;
      for (guint k = 0; k < G_N_ELEMENTS (eis_kinds); k++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            SpExportOptions options;
            cairo_surface_t *surface = render (eis_kinds[k], &fx.fig, &style, sizes[s][0], sizes[s][1]);
            SpFigureSpec spec;

            sp_figure_spec_compute (eis_kinds[k], &fx.fig, &style, sizes[s][0], sizes[s][1], &spec);
            g_assert_true (spec.has_data);
            if (ink_fraction (surface, &spec, &style) <= 0.01)
              g_error ("%s %s %d × %d: empty plot", sp_figure_kind_to_id (eis_kinds[k]), tag,
                       sizes[s][0], sizes[s][1]);
            sp_figure_spec_clear (&spec);
            cairo_surface_destroy (surface);
            if (s < 2)
              maybe_write_png (eis_kinds[k], &fx.fig, &style, tag, sizes[s][0], sizes[s][1]);

            for (SpExportFormat format = SP_EXPORT_PNG; format <= SP_EXPORT_PDF; format++)
              {
                g_autoptr(GError) error = NULL;
                g_autoptr(GBytes) bytes = NULL;

                sp_export_options_init (&options, eis_kinds[k]);
                options.format = format;
                options.width = sizes[s][0];
                options.height = sizes[s][1];
                options.style = &style;
                options.caption = TRUE;
                bytes = sp_export_render (eis_kinds[k], &fx.fig, &options, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (g_bytes_get_size (bytes), >, 500);
              }
          }
      sp_plot_style_clear (&style);
    }
  fixture_clear (&fx);
}

static char **
csv_header (GBytes *bytes,
            guint  *n_rows)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  char **header = NULL;

  *n_rows = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (header == NULL)
        header = g_strsplit (lines[i], ",", -1);
      else
        {
          g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

          g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (header));
          (*n_rows)++;
        }
    }
  return header;
}

static void
test_csv (void)
{
  const struct
  {
    SpFigureKind kind;
    const char  *columns;
  } cases[] = {
    { SP_FIGURE_NYQUIST, "spectrum freq_hz z_re_ohm z_im_ohm z_abs_ohm phase_deg" },
    { SP_FIGURE_BODE, "spectrum freq_hz z_re_ohm z_im_ohm z_abs_ohm phase_deg" },
    { SP_FIGURE_EIS_RESIDUALS, "freq_hz res_re_percent res_im_percent" },
    { SP_FIGURE_DRT, "tau_s freq_hz gamma_ohm" },
    { SP_FIGURE_ARRHENIUS, "series temperature_k inv_temperature_1000_per_k sigma_s_per_cm "
                           "sigma_stderr_s_per_cm sigma_t_s_k_per_cm" },
  };
  Fixture fx;

  fixture_init (&fx);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) header = NULL;
      g_autofree char *joined = NULL;
      SpExportOptions options;
      guint n_rows, expected;

      sp_export_options_init (&options, cases[c].kind);
      options.format = SP_EXPORT_CSV;
      bytes = sp_export_render (cases[c].kind, &fx.fig, &options, &error);
      g_assert_no_error (error);
      header = csv_header (bytes, &n_rows);
      joined = g_strjoinv (" ", header);
      g_assert_cmpstr (joined, ==, cases[c].columns);
      switch (cases[c].kind)
        {
        case SP_FIGURE_NYQUIST:
        case SP_FIGURE_BODE:
          expected = fx.data[0]->n_points + fx.data[1]->n_points + fx.model->n_points;
          break;
        case SP_FIGURE_EIS_RESIDUALS:
          expected = N_DATA;
          break;
        case SP_FIGURE_DRT:
          expected = N_DRT;
          break;
        default:
          expected = 15;
          break;
        }
      g_assert_cmpuint (n_rows, ==, expected);
    }

  /* The values read back exactly: the first Nyquist row. */
  {
    g_autoptr(GBytes) bytes = NULL;
    SpExportOptions options;
    const char *text, *row;

    sp_export_options_init (&options, SP_FIGURE_NYQUIST);
    options.format = SP_EXPORT_CSV;
    bytes = sp_export_render (SP_FIGURE_NYQUIST, &fx.fig, &options, NULL);
    text = g_bytes_get_data (bytes, NULL);
    g_assert_nonnull (strstr (text, "# spectrum 0: pellet-25C.csv\n"));
    g_assert_nonnull (strstr (text, "# spectrum 2: model, fit\n"));
    g_assert_nonnull (strstr (text, "# arc bulk: apex_freq_hz = "));
    row = strstr (text, "phase_deg\n") + strlen ("phase_deg\n");
    {
      g_auto(GStrv) cells = g_strsplit (row, ",", 7);

      g_assert_cmpfloat (g_ascii_strtod (cells[0], NULL), ==, 0.0);
      g_assert_cmpfloat (g_ascii_strtod (cells[1], NULL), ==, fx.data[0]->freq_hz[0]);
      g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, fx.data[0]->z_re_ohm[0]);
      g_assert_cmpfloat (g_ascii_strtod (cells[3], NULL), ==, fx.data[0]->z_im_ohm[0]);
    }
  }
  fixture_clear (&fx);
}

/* Many spectra: distinct colour-and-marker pairs in the legend, and a
 * "more" line when they outnumber its rows. */
static void
test_many_spectra (void)
{
  Fixture fx;
  SpEisSpectrum *many[10];
  SpFigureSpec spec;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  for (guint i = 0; i < 10; i++)
    many[i] = fx.data[i % 2];
  fx.eis.spectra = (const SpEisSpectrum *const *) many;
  fx.eis.n_spectra = 4;
  sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, 1000, 700, &spec);
  g_assert_cmpuint (spec.n_legend, ==, 5);
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < i; j++)
      {
        g_assert_cmpint (spec.legend[i].marker, !=, spec.legend[j].marker);
        g_assert_false (spec.legend[i].color.red == spec.legend[j].color.red
                        && spec.legend[i].color.green == spec.legend[j].color.green
                        && spec.legend[i].color.blue == spec.legend[j].color.blue);
      }
  sp_figure_spec_clear (&spec);
  fx.eis.n_spectra = 10;
  sp_figure_spec_compute (SP_FIGURE_NYQUIST, &fx.fig, &style, 1000, 700, &spec);
  g_assert_cmpuint (spec.n_legend, ==, SP_FIGURE_MAX_LEGEND);
  g_assert_true (g_str_has_prefix (spec.legend[SP_FIGURE_MAX_LEGEND - 2].label, "and "));
  sp_figure_spec_clear (&spec);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* The DRT's top axis is f = 1/(2πτ) exactly, and the Arrhenius one puts
 * each temperature at its 1000/T. */
static void
test_top_axes (void)
{
  Fixture fx;
  SpFigureSpec spec;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  sp_figure_spec_compute (SP_FIGURE_DRT, &fx.fig, &style, 900, 600, &spec);
  g_assert_cmpint (spec.top_axis, ==, SP_TOP_AXIS_FREQUENCY);
  /* The room above the plot holds the top axis: more than the title. */
  g_assert_cmpfloat (spec.py, >, 4.0 * spec.em);
  sp_figure_spec_clear (&spec);
  sp_figure_spec_compute (SP_FIGURE_ARRHENIUS, &fx.fig, &style, 900, 600, &spec);
  g_assert_cmpint (spec.top_axis, ==, SP_TOP_AXIS_CELSIUS);
  g_assert_cmpfloat (spec.x.min, <, 1000.0 / fx.t_k[4]);
  g_assert_cmpfloat (spec.x.max, >, 1000.0 / fx.t_k[0]);
  g_assert_cmpint (spec.y.scale, ==, SP_SCALE_LOG);
  g_assert_cmpuint (spec.n_legend, ==, 3);
  g_assert_cmpstr (spec.legend[0].label, ==, "bulk: <i>E</i><sub>a</sub> = 0.320 ± 0.012 eV");
  sp_figure_spec_clear (&spec);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* A slider redraws Nyquist and Bode: each well within a few frames at a
 * projector's size (the best of five, on a shared machine). */
static void
test_draw_time (void)
{
  Fixture fx;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  style.scale = 1.45;
  for (guint k = 0; k < G_N_ELEMENTS (eis_kinds); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
      double best = INFINITY;

      for (int rep = 0; rep < 5; rep++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = g_get_monotonic_time ();

          sp_figure_draw (cr, 1280, 720, eis_kinds[k], &fx.fig, &style);
          cairo_surface_flush (surface);
          best = MIN (best, (g_get_monotonic_time () - t0) / 1000.0);
          cairo_destroy (cr);
        }
      g_test_message ("%s at 1280 × 720: %.1f ms", sp_figure_kind_to_id (eis_kinds[k]), best);
      if (g_getenv ("SP_TEST_EIS_PNG") != NULL)
        g_printerr ("%s at 1280 × 720: %.1f ms\n", sp_figure_kind_to_id (eis_kinds[k]), best);
      g_assert_cmpfloat (best, <, 250.0);
      cairo_surface_destroy (surface);
    }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-eis/nyquist-equal-scale", test_nyquist_equal_scale);
  g_test_add_func ("/figure-eis/nyquist-semicircle-pixels", test_nyquist_semicircle_pixels);
  g_test_add_func ("/figure-eis/format-frequency", test_format_frequency);
  g_test_add_func ("/figure-eis/apex-labels", test_apex_labels);
  g_test_add_func ("/figure-eis/frequency-cursor", test_frequency_cursor);
  g_test_add_func ("/figure-eis/no-data", test_no_data);
  g_test_add_func ("/figure-eis/every-surface", test_every_surface);
  g_test_add_func ("/figure-eis/csv", test_csv);
  g_test_add_func ("/figure-eis/many-spectra", test_many_spectra);
  g_test_add_func ("/figure-eis/top-axes", test_top_axes);
  g_test_add_func ("/figure-eis/draw-time", test_draw_time);
  return g_test_run ();
}
