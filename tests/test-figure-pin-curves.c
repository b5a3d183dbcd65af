/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-pin-curves.c — what a pin keeps of the hopping page's, the
 * impedance page's data-mode and the Simulation page's figures
 * (sp-figure-pin-curves.c): the curves kept, as the figures plot them
 * (checked against closed forms), thinned within a session's limits; the
 * ghosts those figures draw with their legend entries and grown axes;
 * their CSV columns, the phase diagram's pin columns; and a session's
 * round trip of the kept curves, with a malformed one refused by name.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-figure-helpers.h"

#define HBAR_MEV_PS 0.6582119569
#define K_B_EV      8.617333262e-5

/* A hopping page's worth of synthetic results, with @scale on the MSD
 * (a pin of a faster run) and on D. */
typedef struct
{
  double t[60], msd[SP_HOP_MSD_N][60];
  double fs_t[40], fs_v[3][40];
  double q[8], gamma[8];
  double temp[5], d[5];
  double length[4], value[4];
  SpHopFigureMsd msd_fig;
  SpHopFigureFs fs[3];
  SpHopFigureQens qens;
  SpHopFigureArrhenius arrhenius;
  SpHopFigureFiniteSize finite;
  SpHopFigureData hop;
} Hop;

static void
hop_fill (Hop   *h,
          double scale)
{
  memset (h, 0, sizeof *h);
  for (guint i = 0; i < 60; i++)
    {
      h->t[i] = pow (10.0, -1.0 + 4.0 * i / 59.0);
      for (guint c = 0; c < SP_HOP_MSD_N; c++)
        h->msd[c][i] = scale * (c == SP_HOP_MSD_TOTAL ? 6.0 : 2.0) * 0.01 * h->t[i];
    }
  h->msd_fig.n = 60;
  h->msd_fig.t_ps = h->t;
  for (guint c = 0; c < SP_HOP_MSD_N - 1; c++)
    h->msd_fig.msd_a2[c] = h->msd[c];
  h->msd_fig.dimensions = 3;
  h->msd_fig.window_t0_ps = h->msd_fig.window_t1_ps = NAN;
  h->msd_fig.d_star_cm2_s = h->msd_fig.d_sigma_cm2_s = NAN;
  for (guint i = 0; i < 40; i++)
    {
      h->fs_t[i] = pow (10.0, -1.0 + 3.0 * i / 39.0);
      for (guint k = 0; k < 3; k++)
        h->fs_v[k][i] = exp (-(k + 1.0) * 0.01 * scale * h->fs_t[i]);
    }
  for (guint k = 0; k < 3; k++)
    h->fs[k] = (SpHopFigureFs) { 0.5 * (k + 1), 40, h->fs_t, h->fs_v[k], NAN, NAN, NAN };
  for (guint i = 0; i < 8; i++)
    {
      h->q[i] = 0.25 * (i + 1);
      h->gamma[i] = scale * 0.05 * h->q[i] * h->q[i];
    }
  h->qens = (SpHopFigureQens) { 8, h->q, h->gamma, NULL, 2.5, NAN, 3.0 / scale, NAN, NAN, NAN, NULL };
  for (guint i = 0; i < 5; i++)
    {
      h->temp[i] = 300.0 + 50.0 * i;
      h->d[i] = scale * 1e-3 * exp (-0.3 / (K_B_EV * h->temp[i]));
    }
  h->arrhenius = (SpHopFigureArrhenius) { "D*", 5, h->temp, h->d, NULL, 0.3, NAN, scale * 1e-3 };
  for (guint i = 0; i < 4; i++)
    {
      h->length[i] = 10.0 * (i + 1);
      h->value[i] = scale * (2e-5 - 1e-5 / h->length[i]);
    }
  h->finite = (SpHopFigureFiniteSize) { SP_HOP_FINITE_SIZE_DIFFUSIVITY, 4, h->length, h->value, NULL,
                                        scale * 2e-5, NAN, -scale * 1e-5 };
  h->hop.msd = &h->msd_fig;
  h->hop.n_fs = 3;
  h->hop.fs = h->fs;
  h->hop.qens = &h->qens;
  h->hop.n_arrhenius = 1;
  h->hop.arrhenius = &h->arrhenius;
  h->hop.finite_size = &h->finite;
}

static const SpPinCurve *
find_curve (GPtrArray  *curves,
            const char *figure,
            const char *name)
{
  for (guint i = 0; i < curves->len; i++)
    {
      const SpPinCurve *c = g_ptr_array_index (curves, i);

      if (g_str_equal (c->figure, figure) && g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

static GPtrArray *
capture_one (SpFigureKind        kind,
             const SpFigureData *data)
{
  const SpFigureData *list[1] = { data };

  return sp_figure_pin_curves_capture (1, &kind, list);
}

/* The hopping figures' curves, as plotted: MSD against t, Γ(Q) with the
 * Chudley–Elliott curve, D against 1000/T, D against 1/L with its line. */
static void
test_capture_hop (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_MSD, SP_FIGURE_FS, SP_FIGURE_QENS, SP_FIGURE_DIFFUSION_ARRHENIUS,
    SP_FIGURE_FINITE_SIZE, SP_FIGURE_MSD,
  };
  const SpFigureData *list[G_N_ELEMENTS (kinds)];
  g_autoptr(GPtrArray) curves = NULL;
  const SpPinCurve *c;
  SpFigureData data;
  Hop h;

  hop_fill (&h, 1.0);
  sp_figure_data_init (&data);
  data.hop = &h.hop;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    list[i] = &data;
  curves = sp_figure_pin_curves_capture (G_N_ELEMENTS (kinds), kinds, list);
  /* 4 MSD + 3 F_s + points and CE + points and line + points and line;
   * the second MSD view adds none. */
  g_assert_cmpuint (curves->len, ==, 4 + 3 + 2 + 2 + 2);

  c = find_curve (curves, "msd", "msd_total_a2");
  g_assert_nonnull (c);
  g_assert_false (c->points);
  g_assert_cmpstr (c->x_name, ==, "t_ps");
  g_assert_cmpuint (c->n, ==, 60);
  for (guint i = 0; i < c->n; i++)
    {
      g_assert_cmpfloat (c->x[i], ==, h.t[i]);
      g_assert_cmpfloat (c->y[i], ==, h.msd[SP_HOP_MSD_TOTAL][i]);
    }
  g_assert_null (find_curve (curves, "msd", "msd_collective_a2"));
  g_assert_nonnull (find_curve (curves, "fs", "fs_Q1.5"));

  c = find_curve (curves, "qens", "gamma_meV");
  g_assert_true (c->points);
  g_assert_cmpuint (c->n, ==, 8);
  c = find_curve (curves, "qens", "gamma_chudley_elliott_meV");
  g_assert_false (c->points);
  for (guint i = 1; i < c->n; i++)
    {
      double ql = c->x[i] * 2.5;

      g_assert_cmpfloat (fabs (c->y[i] - HBAR_MEV_PS / 3.0 * (1.0 - sin (ql) / ql)), <=,
                         1e-12 * HBAR_MEV_PS);
    }
  g_assert_cmpfloat (c->x[c->n - 1], ==, 1.06 * 2.0);

  c = find_curve (curves, "diffusion-arrhenius", "D1_cm2_per_s");
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpfloat (c->x[i], ==, 1000.0 / h.temp[i]);
      g_assert_cmpfloat (c->y[i], ==, h.d[i]);
    }
  c = find_curve (curves, "diffusion-arrhenius", "D1_fit_cm2_per_s");
  for (guint i = 0; i < c->n; i++)
    g_assert_cmpfloat (fabs (c->y[i] / (1e-3 * exp (-0.3 * c->x[i] / (1000.0 * K_B_EV))) - 1.0), <=,
                       1e-12);

  c = find_curve (curves, "finite-size", "D_fit_cm2_per_s");
  g_assert_cmpstr (c->axes, ==, "D");
  g_assert_cmpfloat (c->x[0], ==, 0.0);
  g_assert_cmpfloat (c->y[0], ==, 2e-5);
  g_assert_cmpfloat (fabs (c->y[1] - (2e-5 - 1e-5 * 0.1)), <=, 1e-18);
}

static cairo_surface_t *test_render_figure (SpFigureKind kind, const SpFigureData *data, const SpPlotStyle *style);
static guint test_count_differing (cairo_surface_t *a, cairo_surface_t *b);
static gboolean legend_has (const SpFigureSpec *spec, const char *label);

/* The impedance page's data-mode figures and the Simulation page's
 * traces: the curves kept, then their ghosts under changed data. */
static void
test_capture_eis_sim (void)
{
  double tau[30], gamma[30], f[20], dre[20], dim[20], temp[4], sigma[4];
  SpEisFigureDrt drt = { 30, tau, gamma, 0, NULL };
  SpEisFigureResiduals res = { 20, f, dre, dim, NULL };
  SpEisFigureArrhenius arr = { "bulk", 4, temp, sigma, NULL, 0.5, NAN, 1e5 };
  SpEisFigureData eis = { 0 };
  double ht[10], hf[10], hc[10], hl[10];
  SpChHistory history = { 10, ht, hf, hc, hl, 0, NULL, NULL, 0.0 };
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  g_autoptr(GPtrArray) curves = NULL;
  static const SpFigureKind kinds[] = {
    SP_FIGURE_DRT, SP_FIGURE_EIS_RESIDUALS, SP_FIGURE_ARRHENIUS, SP_FIGURE_ENERGY,
    SP_FIGURE_COARSENING, SP_FIGURE_VOLTAGE_TRACE, SP_FIGURE_VOLTAGE_TIME, SP_FIGURE_FIELD,
  };
  const SpFigureData *list[G_N_ELEMENTS (kinds)];
  const SpPinCurve *c;
  SpFigureData data;

  for (guint i = 0; i < 30; i++)
    {
      tau[i] = pow (10.0, -6.0 + 0.2 * i);
      gamma[i] = exp (-pow (log10 (tau[i]) + 3.0, 2.0));
    }
  for (guint i = 0; i < 20; i++)
    {
      f[i] = pow (10.0, 0.3 * i);
      dre[i] = 0.001 * sin (i);
      dim[i] = 0.002 * cos (i);
    }
  for (guint i = 0; i < 4; i++)
    {
      temp[i] = 300.0 + 25.0 * i;
      sigma[i] = 1e5 / temp[i] * exp (-0.5 / (K_B_EV * temp[i]));
    }
  eis.drt = &drt;
  eis.residuals = &res;
  eis.n_arrhenius = 1;
  eis.arrhenius = &arr;
  eis.arrhenius_form = SP_EIS_FIGURE_SIGMA_T;
  for (guint i = 0; i < 10; i++)
    {
      SpDrivePoint p = { 10.0 * i, 0.1 * i, 3.4 - 0.01 * i, 1e-3, 0.0, 1 };

      ht[i] = 1.0 * i;
      hf[i] = -5.0 * i;
      hc[i] = 0.5;
      hl[i] = 1.0 + i;
      sp_drive_trace_append (trace, &p);
    }
  sp_figure_data_init (&data);
  data.eis = &eis;
  data.history = &history;
  data.trace = trace;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    list[i] = &data;
  curves = sp_figure_pin_curves_capture (G_N_ELEMENTS (kinds), kinds, list);

  c = find_curve (curves, "drt", "gamma_ohm");
  g_assert_cmpuint (c->n, ==, 30);
  g_assert_cmpfloat (c->y[15], ==, gamma[15]);
  c = find_curve (curves, "eis-residuals", "d_im_percent");
  g_assert_cmpfloat (c->y[7], ==, 100.0 * dim[7]);
  c = find_curve (curves, "arrhenius", "sigma_T1_S_K_per_cm");
  g_assert_cmpstr (c->axes, ==, "sigma_T");
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (c->x[i], ==, 1000.0 / temp[i]);
      g_assert_cmpfloat (c->y[i], ==, sigma[i] * temp[i]);
    }
  c = find_curve (curves, "arrhenius", "sigma_T1_fit_S_K_per_cm");
  /* From the hottest point (smallest 1000/T) to the coldest. */
  g_assert_cmpfloat (fabs (c->y[0] / (sigma[3] * temp[3]) - 1.0), <=, 1e-12);
  g_assert_cmpfloat (fabs (c->y[1] / (sigma[0] * temp[0]) - 1.0), <=, 1e-12);
  c = find_curve (curves, "energy", "F_meV_nm2");
  g_assert_cmpfloat (c->y[9], ==, -45.0);
  c = find_curve (curves, "coarsening", "L_nm");
  g_assert_cmpfloat (c->y[3], ==, 4.0);
  c = find_curve (curves, "voltage-trace", "V");
  g_assert_cmpstr (c->x_name, ==, "mean_c");
  g_assert_cmpfloat (c->x[4], ==, 0.4);
  c = find_curve (curves, "voltage-time", "V");
  g_assert_cmpstr (c->x_name, ==, "t_s");
  g_assert_cmpfloat (c->x[4], ==, 40.0);
  /* The field is a picture: nothing of it is kept. */
  for (guint i = 0; i < curves->len; i++)
    g_assert_cmpstr (((SpPinCurve *) g_ptr_array_index (curves, i))->figure, !=, "field");
  g_assert_false (sp_figure_kind_pins_curves (SP_FIGURE_FIELD));
  g_assert_false (sp_figure_kind_pins_curves (SP_FIGURE_LATTICE));

  /* The data move on (a hotter cell, a longer run); the pin stays. */
  {
    g_autoptr(SpPinSet) empty = sp_pin_set_new ();
    g_autoptr(SpPinSet) pins = sp_pin_set_add_full (empty, "before", NULL, NULL, curves);
    SpFigureData with;
    SpPlotStyle style;

    for (guint i = 0; i < 30; i++)
      gamma[i] *= 0.4;
    for (guint i = 0; i < 20; i++)
      dim[i] = -dim[i];
    for (guint i = 0; i < 4; i++)
      sigma[i] *= 30.0;
    for (guint i = 0; i < 10; i++)
      {
        hf[i] = -2.0 * i;
        hl[i] = 1.0 + 0.3 * i;
        trace->points[i].voltage += 0.05;
      }
    with = data;
    with.pins = pins;
    sp_plot_style_init_dark (&style);
    for (guint k = 0; k + 1 < G_N_ELEMENTS (kinds); k++)
      {
        cairo_surface_t *p = test_render_figure (kinds[k], &with, &style), *q = test_render_figure (kinds[k], &data, &style);
        SpFigureSpec spec;

        g_assert_true (sp_figure_kind_takes_pins (kinds[k]));
        g_assert_cmpuint (sp_figure_pin_n_curves (kinds[k], &with, sp_pin_set_get (pins, 0)), >=, 1);
        g_assert_cmpuint (test_count_differing (p, q), >, 200);
        sp_figure_spec_compute (kinds[k], &with, &style, 640, 420, &spec);
        g_assert_true (legend_has (&spec, "before"));
        sp_figure_spec_clear (&spec);
        cairo_surface_destroy (p);
        cairo_surface_destroy (q);
      }
    /* σ pinned as σT: the figure showing σ draws no ghost. */
    eis.arrhenius_form = SP_EIS_FIGURE_SIGMA;
    g_assert_cmpuint (sp_figure_pin_n_curves (SP_FIGURE_ARRHENIUS, &with, sp_pin_set_get (pins, 0)),
                      ==, 0);
    sp_plot_style_clear (&style);
  }
}

/* A long MSD is thinned to what a session holds, log-spaced on its log
 * axis so the first decades keep points; ends kept. */
static void
test_thinning (void)
{
  enum { N = 5000 };
  g_autofree double *t = g_new (double, N), *m = g_new (double, N);
  SpHopFigureMsd msd = { 0 };
  SpHopFigureData hop = { 0 };
  g_autoptr(GPtrArray) curves = NULL;
  const SpPinCurve *c;
  SpFigureData data;
  guint early = 0;

  for (guint i = 0; i < N; i++)
    {
      t[i] = 0.01 * i;   /* lag 0 too: a log axis cannot show it */
      m[i] = 6.0 * t[i];
    }
  msd.n = N;
  msd.t_ps = t;
  msd.msd_a2[SP_HOP_MSD_TOTAL] = m;
  hop.msd = &msd;
  sp_figure_data_init (&data);
  data.hop = &hop;
  curves = capture_one (SP_FIGURE_MSD, &data);
  c = g_ptr_array_index (curves, 0);
  g_assert_cmpuint (c->n, <=, SP_SESSION_PIN_CURVE_MAX_POINTS);
  g_assert_cmpuint (c->n, >=, 100);
  g_assert_cmpfloat (c->x[0], ==, 0.01);
  g_assert_cmpfloat (c->x[c->n - 1], ==, t[N - 1]);
  for (guint i = 0; i < c->n; i++)
    {
      g_assert_cmpfloat (c->y[i], ==, 6.0 * c->x[i]);
      if (i > 0)
        g_assert_cmpfloat (c->x[i], >, c->x[i - 1]);
      early += c->x[i] < 0.5;
    }
  /* Index-even thinning would leave about two points below 0.5 ps. */
  g_assert_cmpuint (early, >=, 30);
}

static gboolean
legend_has (const SpFigureSpec *spec,
            const char         *label)
{
  for (guint i = 0; i < spec->n_legend; i++)
    if (spec->legend[i].kind == SP_LEGEND_PIN && g_str_equal (spec->legend[i].label, label))
      return TRUE;
  return FALSE;
}

/* Each hopping figure draws a pin of a run three times as fast: the
 * ghosts change pixels, the legend names the pin, and the axes grow to
 * hold every kept point. */
static void
test_hop_ghosts (void)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_MSD, SP_FIGURE_FS, SP_FIGURE_QENS, SP_FIGURE_DIFFUSION_ARRHENIUS,
    SP_FIGURE_FINITE_SIZE,
  };
  const SpFigureData *list[G_N_ELEMENTS (kinds)];
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = NULL;
  g_autoptr(GPtrArray) curves = NULL;
  SpFigureData then, now, with;
  SpPlotStyle style;
  Hop fast, slow;

  hop_fill (&fast, 3.0);
  hop_fill (&slow, 1.0);
  sp_figure_data_init (&then);
  then.hop = &fast.hop;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    list[i] = &then;
  curves = sp_figure_pin_curves_capture (G_N_ELEMENTS (kinds), kinds, list);
  pins = sp_pin_set_add_full (empty, "3 × faster", NULL, NULL, curves);
  sp_figure_data_init (&now);
  now.hop = &slow.hop;
  with = now;
  with.pins = pins;
  sp_plot_style_init_light (&style);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *p = test_render_figure (kinds[k], &with, &style), *q = test_render_figure (kinds[k], &now, &style);
      const SpPin *pin = sp_pin_set_get (pins, 0);
      SpFigureSpec spec;

      g_assert_true (sp_figure_kind_takes_pins (kinds[k]));
      g_assert_cmpuint (sp_figure_pin_n_curves (kinds[k], &with, pin), >=, 1);
      g_assert_cmpuint (test_count_differing (p, q), >, 200);
      sp_figure_spec_compute (kinds[k], &with, &style, 640, 420, &spec);
      g_assert_true (legend_has (&spec, "3 × faster"));
      for (guint i = 0; i < pin->curves->len; i++)
        {
          const SpPinCurve *c = g_ptr_array_index (pin->curves, i);

          if (!g_str_equal (c->figure, sp_figure_kind_to_id (kinds[k])))
            continue;
          for (guint j = 0; j < c->n; j++)
            {
              if (spec.x.scale == SP_SCALE_LOG && !(c->x[j] > 0.0))
                continue;
              g_assert_cmpfloat (c->x[j], >=, spec.x.min);
              g_assert_cmpfloat (c->x[j], <=, spec.x.max);
              g_assert_cmpfloat (c->y[j], >=, spec.y.min);
              g_assert_cmpfloat (c->y[j], <=, spec.y.max);
            }
        }
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (p);
      cairo_surface_destroy (q);
    }
  /* D against 1/L pinned; the figure now shows barriers: other axes, no ghost. */
  slow.finite.quantity = SP_HOP_FINITE_SIZE_ENERGY;
  {
    SpFigureSpec spec;
    cairo_surface_t *p = test_render_figure (SP_FIGURE_FINITE_SIZE, &with, &style);
    cairo_surface_t *q = test_render_figure (SP_FIGURE_FINITE_SIZE, &now, &style);

    g_assert_cmpuint (sp_figure_pin_n_curves (SP_FIGURE_FINITE_SIZE, &with,
                                              sp_pin_set_get (pins, 0)), ==, 0);
    g_assert_cmpuint (test_count_differing (p, q), ==, 0);
    sp_figure_spec_compute (SP_FIGURE_FINITE_SIZE, &with, &style, 640, 420, &spec);
    g_assert_false (legend_has (&spec, "3 × faster"));
    sp_figure_spec_clear (&spec);
    cairo_surface_destroy (p);
    cairo_surface_destroy (q);
  }
  sp_plot_style_clear (&style);
}

/* The MSD table gets the pin's t once and each direction's MSD. */
static void
test_csv (void)
{
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = NULL;
  g_autoptr(GPtrArray) curves = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) head = NULL;
  SpExportOptions options;
  SpFigureData then, now;
  guint header = 0, first = 0;
  Hop fast, slow;

  hop_fill (&fast, 3.0);
  hop_fill (&slow, 1.0);
  sp_figure_data_init (&then);
  then.hop = &fast.hop;
  curves = capture_one (SP_FIGURE_MSD, &then);
  pins = sp_pin_set_add_full (empty, "fast", NULL, NULL, curves);
  sp_figure_data_init (&now);
  now.hop = &slow.hop;
  now.pins = pins;
  sp_export_options_init (&options, SP_FIGURE_MSD);
  options.format = SP_EXPORT_CSV;
  bytes = sp_export_render (SP_FIGURE_MSD, &now, &options, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  while (lines[header][0] == '#')
    header++;
  head = g_strsplit (lines[header], ",", -1);
  for (guint j = 0; head[j] != NULL; j++)
    if (g_str_equal (head[j], "fast: t_ps"))
      first = j;
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpstr (head[first + 1], ==, "fast: msd_x_a2");
  g_assert_cmpstr (head[first + 4], ==, "fast: msd_total_a2");
  g_assert_null (head[first + 5]);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "# column fast: msd_total_a2: "));
  for (guint i = 0; i < 60; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[header + 1 + i], ",", -1);

      g_assert_cmpfloat (g_ascii_strtod (cells[first], NULL), ==, fast.t[i]);
      g_assert_cmpfloat (g_ascii_strtod (cells[first + 4], NULL), ==, fast.msd[SP_HOP_MSD_TOTAL][i]);
    }
}

/* The phase diagram's pin: its own long table, six columns. */
static void
test_phase_csv (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  g_autoptr(SpAnalysis) now = sp_analysis_new (&preset->model);
  g_autoptr(SpAnalysis) soft = NULL;
  g_autoptr(SpPinSet) empty = sp_pin_set_new ();
  g_autoptr(SpPinSet) pins = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) head = NULL;
  SpExportOptions options;
  SpFigureData data;
  SpModel model = preset->model;
  const SpPhaseDiagram *pd;
  guint header = 0, row = 0, first = 0;

  model.stiffness = 0.0;
  soft = sp_analysis_new (&model);
  pd = soft->phase;
  pins = sp_pin_set_add (empty, "K = 0", soft, NULL);
  sp_figure_data_init (&data);
  data.analysis = now;
  data.pins = pins;
  sp_export_options_init (&options, SP_FIGURE_PHASE_DIAGRAM);
  options.format = SP_EXPORT_CSV;
  bytes = sp_export_render (SP_FIGURE_PHASE_DIAGRAM, &data, &options, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  while (lines[header][0] == '#')
    header++;
  head = g_strsplit (lines[header], ",", -1);
  first = g_strv_length (head) - 6;
  g_assert_cmpstr (head[first], ==, "K = 0: temperature_K");
  g_assert_cmpstr (head[first + 2], ==, "K = 0: c_alpha");
  g_assert_cmpstr (head[first + 5], ==, "K = 0: spinodal_hi");
  for (guint r = 0; r < pd->n_rows; r++)
    {
      const SpEquilibrium *eq = &pd->rows[r].eq;

      for (guint i = 0; i < MAX (MAX (eq->n_gaps, eq->n_spinodals), 1u); i++, row++)
        {
          g_auto(GStrv) cells = g_strsplit (lines[header + 1 + row], ",", -1);
          double c_alpha = g_ascii_strtod (cells[first + 2], NULL);

          g_assert_cmpfloat (g_ascii_strtod (cells[first], NULL), ==, pd->rows[r].temperature);
          g_assert_cmpfloat (g_ascii_strtod (cells[first + 1], NULL), ==, i);
          if (i < eq->n_gaps)
            g_assert_cmpfloat (c_alpha, ==, eq->gaps[i].c_alpha);
          else
            g_assert_true (isnan (c_alpha));
        }
    }
  g_assert_cmpuint (row, >, 10);
}

/* Kept curves survive a session's save and load bit for bit; a malformed
 * one is refused with the field named. */
static void
test_session (void)
{
  g_auto(SpSession) session = { 0 }, loaded = { 0 }, bad = { 0 };
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GPtrArray) curves = NULL;
  g_autoptr(SpPinSet) pins = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *broken = NULL;
  const SpPin *pin;
  SpFigureData data;
  JsonObject *object;
  SpModel model;
  gsize length;
  Hop h;

  hop_fill (&h, 1.0);
  sp_figure_data_init (&data);
  data.hop = &h.hop;
  curves = capture_one (SP_FIGURE_QENS, &data);
  sp_model_init_default (&model);
  object = sp_session_pin_new ("QENS", &model, 0, NULL, NULL, NULL);
  for (guint i = 0; i < curves->len; i++)
    {
      const SpPinCurve *c = g_ptr_array_index (curves, i);

      g_assert_true (sp_session_pin_add_curve (object, c->figure, c->axes, c->name, c->x_name,
                                               c->points, c->x, c->y, c->n));
    }
  /* Names a CSV header cannot hold as they are, and non-finite values, are refused. */
  g_assert_false (sp_session_pin_add_curve (object, "msd", "", "a,b", "t", FALSE, h.t, h.t, 2));
  g_assert_false (sp_session_pin_add_curve (object, "msd", "", "ab", "t", FALSE, h.t,
                                            (double[]) { 1.0, NAN }, 2));
  json_array_add_object_element (array, object);
  sp_session_init_default (&session);
  sp_session_set_pins (&session, array);
  text = sp_session_to_data (&session, &length, &error);
  g_assert_no_error (error);
  sp_session_init_default (&loaded);
  g_assert_true (sp_session_load_from_data (&loaded, text, length, &error));
  g_assert_no_error (error);
  pins = sp_pin_set_new_from_session (&loaded);
  g_assert_cmpuint (sp_pin_set_get_n (pins), ==, 1);
  pin = sp_pin_set_get (pins, 0);
  g_assert_cmpuint (pin->curves->len, ==, curves->len);
  for (guint i = 0; i < curves->len; i++)
    {
      const SpPinCurve *a = g_ptr_array_index (curves, i), *b = g_ptr_array_index (pin->curves, i);

      g_assert_cmpstr (a->figure, ==, b->figure);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->x_name, ==, b->x_name);
      g_assert_cmpint (a->points, ==, b->points);
      g_assert_cmpuint (a->n, ==, b->n);
      g_assert_cmpmem (a->x, a->n * sizeof (double), b->x, b->n * sizeof (double));
      g_assert_cmpmem (a->y, a->n * sizeof (double), b->y, b->n * sizeof (double));
    }

  broken = g_strdup (text);
  {
    char *at = strstr (broken, "\"gamma_meV\"");

    g_assert_nonnull (at);
    memcpy (at, "\"gamma meV\"", 11);
  }
  sp_session_init_default (&bad);
  g_assert_false (sp_session_load_from_data (&bad, broken, strlen (broken), &error));
  g_assert_nonnull (strstr (error->message, "session.pins[0].curves[0].name"));
}

/* Four pins at the point budget, every number at full precision, leave
 * a session well under the size a load accepts (the model, the pages
 * and the impedance curves need the rest). */
static void
test_session_size (void)
{
  g_auto(SpSession) session = { 0 };
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  double x[100], y[100];
  SpModel model;
  gsize length;

  for (guint i = 0; i < 100; i++)
    {
      x[i] = -1.0 / 3.0 - i * 1.2345678901234567e-7;
      y[i] = 1.0 / 7.0 + i * 9.876543210987654e-9;
    }
  sp_model_init_default (&model);
  for (guint p = 0; p < SP_PIN_SET_MAX; p++)
    {
      JsonObject *object = sp_session_pin_new ("a pin", &model, 0, NULL, NULL, NULL);

      /* 16 × 100 = 1600 points, the capture's budget per pin. */
      for (guint k = 0; k < 16; k++)
        g_assert_true (sp_session_pin_add_curve (object, "msd", "", "msd_total_a2", "t_ps", FALSE,
                                                 x, y, 100));
      json_array_add_object_element (array, object);
    }
  sp_session_init_default (&session);
  sp_session_set_pins (&session, array);
  text = sp_session_to_data (&session, &length, &error);
  g_assert_no_error (error);
  g_test_message ("four full pins: %" G_GSIZE_FORMAT " bytes", length);
  g_assert_cmpuint (length, <, SP_SESSION_MAX_BYTES * 3 / 4);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure-pin-curves/capture-hop", test_capture_hop);
  g_test_add_func ("/figure-pin-curves/capture-eis-sim", test_capture_eis_sim);
  g_test_add_func ("/figure-pin-curves/thinning", test_thinning);
  g_test_add_func ("/figure-pin-curves/hop-ghosts", test_hop_ghosts);
  g_test_add_func ("/figure-pin-curves/csv", test_csv);
  g_test_add_func ("/figure-pin-curves/phase-csv", test_phase_csv);
  g_test_add_func ("/figure-pin-curves/session", test_session);
  g_test_add_func ("/figure-pin-curves/session-size", test_session_size);

  return g_test_run ();
}
