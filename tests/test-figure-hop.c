/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure-hop.c — the hopping page's figures: lattice, MSD, F_s,
 * QENS, D(T), D(1/L) on every surface, "no data" frames for empty and
 * broken data, the CSV tables, the deep copy, the time cursor and the fit
 * window's bounds, numbers with their uncertainty
 *
 * SP_TEST_HOP_PNG=DIR writes each figure at 1280 × 720 (presentation) and
 * at 480 × 300, light and dark, into DIR for a look by eye.
 */

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "sp-export.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "test-helpers.h"

#define HBAR_MEV_PS 0.6582119569
#define K_B_EV      8.617333262e-5

#define NX       24
#define NY       16
#define N_STEPS  80
#define N_PATHS  3
#define N_LAG    60
#define N_Q      8
#define N_T_FS   50
#define N_QENS   12
#define N_TEMP   5
#define N_SIZE   4

static const SpFigureKind hop_kinds[] = {
  SP_FIGURE_LATTICE, SP_FIGURE_MSD, SP_FIGURE_FS, SP_FIGURE_QENS,
  SP_FIGURE_DIFFUSION_ARRHENIUS, SP_FIGURE_FINITE_SIZE,
};

/* Chudley–Elliott of the fixture: jumps of 2.5 Å every 10 ps. */
#define CE_L   2.5
#define CE_TAU 10.0
/* D* of the fixture's MSD, cm²/s (0.01 Å²/ps). */
#define D_STAR 1e-6

typedef struct
{
  guint8                sites[NX * NY];
  double                px[N_PATHS][N_STEPS], py[N_PATHS][N_STEPS];
  SpHopFigurePath       paths[N_PATHS];
  SpHopFigureLattice    lattice;
  double                t[N_LAG], m[SP_HOP_MSD_N][N_LAG], m_err[N_LAG];
  SpHopFigureMsd        msd;
  double                fs_t[N_T_FS], fs_v[N_Q][N_T_FS];
  SpHopFigureFs         fs[N_Q];
  double                q[N_QENS], gamma[N_QENS], gamma_err[N_QENS];
  SpHopFigureQens       qens;
  double                temp[N_TEMP], d[2][N_TEMP], d_err[2][N_TEMP];
  SpHopFigureArrhenius  arrhenius[2];
  double                length[N_SIZE], dl[N_SIZE], dl_err[N_SIZE];
  SpHopFigureFiniteSize finite_size;
  SpHopFigureData       hop;
  SpFigureData          fig;
} Fixture;

static double
ce_gamma (double q)
{
  double x = q * CE_L;

  return HBAR_MEV_PS / CE_TAU * (1.0 - sin (x) / x);
}

static void
fixture_init (Fixture *fx)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  const double a = 2.5;

  memset (fx, 0, sizeof *fx);
  /* A layer at c = 0.4 with 10 % blocked sites. */
  for (guint i = 0; i < NX * NY; i++)
    {
      double r = g_rand_double (rand);

      fx->sites[i] = r < 0.1 ? SP_HOP_SITE_BLOCKED : r < 0.5 ? SP_HOP_SITE_CARRIER : SP_HOP_SITE_EMPTY;
    }
  /* Random walks of nearest-neighbour jumps, unwrapped (they leave the box). */
  for (guint k = 0; k < N_PATHS; k++)
    {
      double x = (3 + 7 * k + 0.5) * a, y = (4 + 4 * k + 0.5) * a;

      for (guint s = 0; s < N_STEPS; s++)
        {
          guint dir = g_rand_int_range (rand, 0, 4);

          fx->px[k][s] = x;
          fx->py[k][s] = y;
          x += dir == 0 ? a : dir == 1 ? -a : 0;
          y += dir == 2 ? a : dir == 3 ? -a : 0;
        }
      fx->paths[k] = (SpHopFigurePath) { N_STEPS, fx->px[k], fx->py[k] };
    }
  fx->lattice = (SpHopFigureLattice) {
    NX, NY, fx->sites, a, NX * a, NY * a, N_PATHS, fx->paths, "layer z = 5 of 24",
  };

  /* MSD: ballistic → caged → diffusive with D* = 1e-6 cm²/s = 0.01 Å²/ps. */
  for (guint i = 0; i < N_LAG; i++)
    {
      double t = 0.05 * pow (2e4, (double) i / (N_LAG - 1));
      double total = 6 * 0.01 * t + 1.5 * (1 - exp (-t * t / 4.0));

      fx->t[i] = t;
      fx->m[SP_HOP_MSD_X][i] = 0.30 * total;
      fx->m[SP_HOP_MSD_Y][i] = 0.33 * total;
      fx->m[SP_HOP_MSD_Z][i] = 0.37 * total;
      fx->m[SP_HOP_MSD_TOTAL][i] = total;
      fx->m[SP_HOP_MSD_COLLECTIVE][i] = 1.3 * total * (1 + 0.1 * sin (i));
      fx->m_err[i] = total * 0.08 * sqrt (t / 1000.0);
    }
  fx->msd.n = N_LAG;
  fx->msd.t_ps = fx->t;
  for (guint c = 0; c < SP_HOP_MSD_N; c++)
    fx->msd.msd_a2[c] = fx->m[c];
  fx->msd.total_err_a2 = fx->m_err;
  fx->msd.dimensions = 3;
  fx->msd.window_t0_ps = 20.0;
  fx->msd.window_t1_ps = 300.0;
  fx->msd.window_automatic = TRUE;
  fx->msd.d_star_cm2_s = D_STAR;
  fx->msd.d_star_err_cm2_s = 0.04e-6;
  fx->msd.offset_a2 = 1.5;
  fx->msd.d_sigma_cm2_s = 1.3e-6;
  fx->msd.d_sigma_err_cm2_s = 0.2e-6;
  fx->msd.offset_collective_a2 = 2.0;

  /* F_s(Q, t) = exp(−Γ(Q) t/ħ) at Q = 0.25 … 2 Å⁻¹. */
  for (guint i = 0; i < N_T_FS; i++)
    fx->fs_t[i] = 0.1 * pow (1e4, (double) i / (N_T_FS - 1));
  for (guint k = 0; k < N_Q; k++)
    {
      double q = 0.25 * (k + 1), g = ce_gamma (q);

      for (guint i = 0; i < N_T_FS; i++)
        fx->fs_v[k][i] = exp (-g * fx->fs_t[i] / HBAR_MEV_PS);
      fx->fs[k] = (SpHopFigureFs) { q, N_T_FS, fx->fs_t, fx->fs_v[k], g, 0.03 * g };
    }

  for (guint i = 0; i < N_QENS; i++)
    {
      fx->q[i] = 0.2 * (i + 1);
      fx->gamma[i] = ce_gamma (fx->q[i]) * (1 + 0.03 * sin (3.0 * i));
      fx->gamma_err[i] = 0.05 * ce_gamma (fx->q[i]);
    }
  fx->qens = (SpHopFigureQens) {
    N_QENS, fx->q, fx->gamma, fx->gamma_err, CE_L, 0.05, CE_TAU, 0.3,
    CE_L * CE_L / (6 * CE_TAU) * 1e-4, 0.003e-4, "qens.dat",
  };

  /* D* and D_σ at five temperatures, E_a 0.30 and 0.27 eV. */
  for (guint i = 0; i < N_TEMP; i++)
    {
      fx->temp[i] = 300 + 100 * i;
      fx->d[0][i] = 1e-3 * exp (-0.30 / (K_B_EV * fx->temp[i]));
      fx->d[1][i] = 1.5e-3 * exp (-0.27 / (K_B_EV * fx->temp[i]));
      fx->d_err[0][i] = 0.1 * fx->d[0][i];
      fx->d_err[1][i] = 0.15 * fx->d[1][i];
    }
  fx->arrhenius[0] = (SpHopFigureArrhenius) { "D*", N_TEMP, fx->temp, fx->d[0], fx->d_err[0], 0.30, 0.012, 1e-3 };
  fx->arrhenius[1] = (SpHopFigureArrhenius) { "D_σ", N_TEMP, fx->temp, fx->d[1], fx->d_err[1], 0.27, 0.02, 1.5e-3 };

  /* D(L) = D∞ − C/L with D∞ = 2e-6 cm²/s, C = 1e-5 cm²/s Å. */
  for (guint i = 0; i < N_SIZE; i++)
    {
      fx->length[i] = 10.0 + 7.0 * i;
      fx->dl[i] = 2e-6 - 1e-5 / fx->length[i];
      fx->dl_err[i] = 0.05e-6;
    }
  fx->finite_size = (SpHopFigureFiniteSize) {
    SP_HOP_FINITE_SIZE_DIFFUSIVITY, N_SIZE, fx->length, fx->dl, fx->dl_err, 2e-6, 0.06e-6, -1e-5,
  };

  fx->hop.lattice = &fx->lattice;
  fx->hop.msd = &fx->msd;
  fx->hop.n_fs = N_Q;
  fx->hop.fs = fx->fs;
  fx->hop.qens = &fx->qens;
  fx->hop.n_arrhenius = 2;
  fx->hop.arrhenius = fx->arrhenius;
  fx->hop.finite_size = &fx->finite_size;
  fx->hop.description = "KMC 24 × 16 × 24, c = 0.4, T = 600 K";
  sp_figure_data_init (&fx->fig);
  fx->fig.hop = &fx->hop;
}

static cairo_surface_t *
render (SpFigureKind        kind,
        const SpFigureData *data,
        const SpPlotStyle  *style,
        int                 w,
        int                 h)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  sp_figure_draw (cr, w, h, kind, data, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  return *(guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

static gboolean
pixel_is_color (guint32        pixel,
                const SpColor *color,
                int            tolerance)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return abs (r - (int) round (255 * color->red)) <= tolerance
         && abs (g - (int) round (255 * color->green)) <= tolerance
         && abs (b - (int) round (255 * color->blue)) <= tolerance;
}

/* The share of the plot area's pixels that differ from the background. */
static double
ink_fraction (cairo_surface_t    *surface,
              const SpFigureSpec *spec,
              const SpPlotStyle  *style)
{
  guint ink = 0, total = 0;

  for (int y = (int) spec->py + 2; y < (int) (spec->py + spec->ph) - 2; y++)
    for (int x = (int) spec->px + 2; x < (int) (spec->px + spec->pw) - 2; x++)
      {
        total++;
        if (!pixel_is_color (pixel_at (surface, x, y), &style->background, 2))
          ink++;
      }
  return total > 0 ? (double) ink / total : 0.0;
}

static void
maybe_write_png (SpFigureKind        kind,
                 const SpFigureData *data,
                 const SpPlotStyle  *style,
                 const char         *tag,
                 int                 w,
                 int                 h)
{
  const char *dir = g_getenv ("SP_TEST_HOP_PNG");
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

static void
test_kinds (void)
{
  const char *ids[] = { "lattice", "msd", "fs", "qens", "diffusion-arrhenius", "finite-size" };

  for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
    {
      SpFigureKind back = SP_N_FIGURES;

      g_assert_cmpstr (sp_figure_kind_to_id (hop_kinds[k]), ==, ids[k]);
      g_assert_true (sp_figure_kind_from_id (ids[k], &back));
      g_assert_cmpint (back, ==, hop_kinds[k]);
      g_assert_true (sp_figure_kind_is_hopping (hop_kinds[k]));
      g_assert_false (sp_figure_kind_is_impedance (hop_kinds[k]));
      g_assert_cmpstr (sp_export_figure_id (hop_kinds[k]), ==, ids[k]);
    }
  /* Appended after the impedance figures. */
  g_assert_cmpint (SP_FIGURE_LATTICE, ==, SP_FIGURE_ARRHENIUS + 1);
  g_assert_false (sp_figure_kind_is_hopping (SP_FIGURE_ARRHENIUS));
  g_assert_false (sp_figure_kind_is_hopping (SP_FIGURE_FREE_ENERGY));
}

/* PNG, SVG and PDF through the exporter, light, dark and presentation, at
 * a slide's, a card's and a thumbnail's size; the plot has real ink. */
static void
test_every_surface (void)
{
  const int sizes[][2] = { { 1280, 720 }, { 480, 300 }, { 800, 560 }, { 90, 60 } };
  Fixture fx;

  fixture_init (&fx);
  fx.fig.cursor_time_ps = 50.0;
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
      for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            cairo_surface_t *surface = render (hop_kinds[k], &fx.fig, &style, sizes[s][0], sizes[s][1]);
            SpFigureSpec spec;

            g_assert_true (pixel_is_color (pixel_at (surface, 0, 0), &style.background, 1));
            if (sizes[s][0] >= 400)
              {
                sp_figure_spec_compute (hop_kinds[k], &fx.fig, &style, sizes[s][0], sizes[s][1], &spec);
                g_assert_true (spec.has_data);
                g_assert_cmpfloat (ink_fraction (surface, &spec, &style), >, 0.02);
                sp_figure_spec_clear (&spec);
              }
            cairo_surface_destroy (surface);
            if (s < 2)
              maybe_write_png (hop_kinds[k], &fx.fig, &style, tag, sizes[s][0], sizes[s][1]);
          }
      for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
        for (SpExportFormat format = SP_EXPORT_PNG; format <= SP_EXPORT_PDF; format++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(GBytes) bytes = NULL;
            SpExportOptions options;
            const char *head;

            sp_export_options_init (&options, hop_kinds[k]);
            options.format = format;
            options.style = &style;
            options.caption = TRUE;
            bytes = sp_export_render (hop_kinds[k], &fx.fig, &options, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
            head = g_bytes_get_data (bytes, NULL);
            if (format == SP_EXPORT_PDF)
              g_assert_true (strncmp (head, "%PDF", 4) == 0);
            else if (format == SP_EXPORT_PNG)
              g_assert_true (memcmp (head, "\x89PNG", 4) == 0);
            else
              g_assert_nonnull (g_strstr_len (head, 200, "<svg"));
          }
      sp_plot_style_clear (&style);
    }
}

static void
assert_no_data (const SpFigureData *data,
                const char         *why,
                gboolean            csv_refused)
{
  SpPlotStyle style;

  sp_plot_style_init_light (&style);
  for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
    {
      cairo_surface_t *surface = render (hop_kinds[k], data, &style, 500, 320);
      SpFigureSpec spec;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      SpExportOptions options;

      sp_figure_spec_compute (hop_kinds[k], data, &style, 500, 320, &spec);
      if (spec.has_data)
        g_error ("%s: %s draws data", why, sp_figure_kind_to_id (hop_kinds[k]));
      /* A sentence, not garbage: the message is drawn in the empty frame. */
      g_assert_nonnull (spec.no_data);
      g_assert_cmpuint (strlen (spec.no_data), >, 10);
      g_assert_cmpfloat (ink_fraction (surface, &spec, &style), >, 0.002);
      g_assert_false (sp_figure_time_at (hop_kinds[k], data, &style, 500, 320,
                                         spec.px + 0.5 * spec.pw, spec.py + 0.5 * spec.ph, NULL));
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (surface);

      /* The CSV says there is nothing rather than writing an empty table. */
      sp_export_options_init (&options, hop_kinds[k]);
      options.format = SP_EXPORT_CSV;
      bytes = sp_export_render (hop_kinds[k], data, &options, &error);
      if (csv_refused)
        {
          g_assert_null (bytes);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        }
    }
  g_assert_false (sp_figure_msd_window_x (data, &style, 500, 320, NULL, NULL));
  sp_plot_style_clear (&style);
}

static void
test_no_data (void)
{
  SpFigureData data;
  SpHopFigureData empty = { 0 };
  double nan3[3] = { NAN, NAN, NAN }, zero3[3] = { 0, 0, 0 }, neg3[3] = { -1, -2, -3 };
  SpHopFigureLattice lattice = { 0 };
  SpHopFigureMsd msd = { 0 };
  SpHopFigureFs fs = { 0.5, 3, nan3, nan3, NAN, NAN };
  SpHopFigureQens qens = { 3, nan3, nan3, NULL, NAN, NAN, NAN, NAN, NAN, NAN, NULL };
  SpHopFigureArrhenius arr = { "D*", 3, neg3, nan3, NULL, NAN, NAN, NAN };
  SpHopFigureFiniteSize size = { SP_HOP_FINITE_SIZE_DIFFUSIVITY, 3, zero3, nan3, NULL, NAN, NAN, NAN };

  sp_figure_data_init (&data);
  g_assert_null (data.hop);
  g_assert_true (isnan (data.cursor_time_ps));
  assert_no_data (&data, "NULL hop", TRUE);

  data.hop = &empty;
  assert_no_data (&data, "empty hop", TRUE);

  /* Broken parts: no sizes, NaN and non-positive values, a zero box. */
  lattice.nx = 4;
  lattice.ny = 0;
  msd.n = 3;
  msd.t_ps = zero3;
  msd.msd_a2[SP_HOP_MSD_TOTAL] = nan3;
  msd.window_t0_ps = 1;
  msd.window_t1_ps = 2;
  empty.lattice = &lattice;
  empty.msd = &msd;
  empty.n_fs = 1;
  empty.fs = &fs;
  empty.qens = &qens;
  empty.n_arrhenius = 1;
  empty.arrhenius = &arr;
  empty.finite_size = &size;
  assert_no_data (&data, "broken hop", FALSE);
}

static guint
count_rows (GBytes  *bytes,
            GStrv   *header)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  *header = NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (*header == NULL)
        {
          *header = g_strsplit (lines[i], ",", -1);
          continue;
        }
      {
        g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);

        g_assert_cmpuint (g_strv_length (cells), ==, g_strv_length (*header));
      }
      n++;
    }
  return n;
}

/* The value of column @name in the first data row. */
static double
first_row_value (GBytes     *bytes,
                 const char *name)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_auto(GStrv) header = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (header == NULL)
        {
          header = g_strsplit (lines[i], ",", -1);
          continue;
        }
      cells = g_strsplit (lines[i], ",", -1);
      for (guint c = 0; header[c] != NULL; c++)
        if (g_strcmp0 (header[c], name) == 0)
          return g_ascii_strtod (cells[c], NULL);
      g_error ("no column %s", name);
    }
  g_error ("no rows");
  return NAN;
}

static void
test_csv (void)
{
  const struct
  {
    SpFigureKind kind;
    const char  *columns;
    guint        rows;
  } cases[] = {
    { SP_FIGURE_LATTICE, "path x_angstrom y_angstrom site", NX * NY + N_PATHS * N_STEPS },
    { SP_FIGURE_MSD, "t_ps msd_x_a2 msd_y_a2 msd_z_a2 msd_total_a2 msd_total_stderr_a2 "
                     "msd_collective_a2 fit_total_a2 in_window", N_LAG },
    { SP_FIGURE_FS, "curve q_inv_angstrom t_ps fs fs_fit", N_Q * N_T_FS },
    { SP_FIGURE_QENS, "q_inv_angstrom gamma_mev gamma_stderr_mev gamma_chudley_elliott_mev "
                      "gamma_hbar_d_q2_mev", N_QENS },
    { SP_FIGURE_DIFFUSION_ARRHENIUS, "series temperature_k inv_temperature_1000_per_k d_cm2_s "
                                     "d_stderr_cm2_s d_fit_cm2_s", 2 * N_TEMP },
    { SP_FIGURE_FINITE_SIZE, "length_angstrom inv_length_per_angstrom value value_stderr value_fit",
      N_SIZE },
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
      guint rows;

      sp_export_options_init (&options, cases[c].kind);
      options.format = SP_EXPORT_CSV;
      bytes = sp_export_render (cases[c].kind, &fx.fig, &options, &error);
      g_assert_no_error (error);
      rows = count_rows (bytes, &header);
      joined = g_strjoinv (" ", header);
      g_assert_cmpstr (joined, ==, cases[c].columns);
      g_assert_cmpuint (rows, ==, cases[c].rows);

      /* The fitted columns are the closed forms at the first point. */
      switch (cases[c].kind)
        {
        case SP_FIGURE_MSD:
          sp_assert_close (first_row_value (bytes, "fit_total_a2"),
                           6 * D_STAR * 1e4 * fx.t[0] + fx.msd.offset_a2, 1e-10, 1e-12);
          g_assert_cmpfloat (first_row_value (bytes, "in_window"), ==, 0.0);
          break;
        case SP_FIGURE_FS:
          sp_assert_close (first_row_value (bytes, "fs_fit"), fx.fs_v[0][0], 1e-10, 1e-12);
          break;
        case SP_FIGURE_QENS:
          sp_assert_close (first_row_value (bytes, "gamma_chudley_elliott_mev"), ce_gamma (fx.q[0]),
                           1e-10, 1e-12);
          sp_assert_close (first_row_value (bytes, "gamma_hbar_d_q2_mev"),
                           HBAR_MEV_PS * CE_L * CE_L / (6 * CE_TAU) * fx.q[0] * fx.q[0], 1e-10, 1e-12);
          break;
        case SP_FIGURE_DIFFUSION_ARRHENIUS:
          sp_assert_close (first_row_value (bytes, "d_fit_cm2_s"), fx.d[0][0], 1e-10, 1e-30);
          break;
        case SP_FIGURE_FINITE_SIZE:
          sp_assert_close (first_row_value (bytes, "value_fit"), fx.dl[0], 1e-10, 1e-30);
          break;
        case SP_FIGURE_LATTICE:
          g_assert_cmpfloat (first_row_value (bytes, "site"), ==, fx.sites[0]);
          g_assert_cmpfloat (first_row_value (bytes, "x_angstrom"), ==, 1.25);
          break;
        default:
          break;
        }
    }
}

static gboolean
same_pixels (SpFigureKind        kind,
             const SpFigureData *a,
             const SpFigureData *b)
{
  SpPlotStyle style;
  cairo_surface_t *sa, *sb;
  gboolean same;

  sp_plot_style_init_light (&style);
  sa = render (kind, a, &style, 420, 300);
  sb = render (kind, b, &style, 420, 300);
  same = memcmp (cairo_image_surface_get_data (sa), cairo_image_surface_get_data (sb),
                 (gsize) cairo_image_surface_get_stride (sa) * 300) == 0;
  cairo_surface_destroy (sa);
  cairo_surface_destroy (sb);
  sp_plot_style_clear (&style);
  return same;
}

static void
test_copy (void)
{
  Fixture fx;
  SpHopFigureData *copy;
  SpFigureData copied;

  fixture_init (&fx);
  g_assert_null (sp_hop_figure_data_copy (NULL));
  sp_hop_figure_data_free (NULL);
  copy = sp_hop_figure_data_copy (&fx.hop);
  sp_figure_data_init (&copied);
  copied.hop = copy;

  /* Nothing shared, everything equal. */
  g_assert_true (copy->lattice != fx.hop.lattice && copy->lattice->sites != fx.sites);
  g_assert_cmpmem (copy->lattice->sites, NX * NY, fx.sites, NX * NY);
  g_assert_true (copy->lattice->paths[1].x_angstrom != fx.px[1]);
  g_assert_cmpmem (copy->lattice->paths[1].y_angstrom, N_STEPS * sizeof (double), fx.py[1],
                   N_STEPS * sizeof (double));
  g_assert_true (copy->lattice->label != fx.lattice.label);
  g_assert_cmpstr (copy->lattice->label, ==, fx.lattice.label);
  g_assert_true (copy->msd->msd_a2[SP_HOP_MSD_Z] != fx.m[SP_HOP_MSD_Z]);
  g_assert_cmpfloat (copy->msd->d_star_err_cm2_s, ==, fx.msd.d_star_err_cm2_s);
  g_assert_true (copy->fs != fx.fs && copy->fs[3].fs != fx.fs_v[3]);
  g_assert_true (copy->qens->source != fx.qens.source);
  g_assert_cmpstr (copy->qens->source, ==, "qens.dat");
  g_assert_true (copy->arrhenius[1].label != fx.arrhenius[1].label);
  g_assert_cmpstr (copy->arrhenius[1].label, ==, "D_σ");
  g_assert_true (copy->finite_size->value_err != fx.dl_err);
  g_assert_cmpstr (copy->description, ==, fx.hop.description);

  for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
    g_assert_true (same_pixels (hop_kinds[k], &fx.fig, &copied));

  /* The page's data moves on; the copy stays as it was. */
  for (guint i = 0; i < NX * NY; i++)
    fx.sites[i] = SP_HOP_SITE_BLOCKED;
  fx.m[SP_HOP_MSD_TOTAL][10] = 1e6;
  fx.gamma[0] = 99;
  fx.d[0][0] = 1;
  fx.dl[0] = 1;
  fx.fs_v[0][5] = 7;
  g_assert_cmpuint (copy->lattice->sites[0], !=, SP_HOP_SITE_BLOCKED);
  g_assert_cmpfloat (copy->msd->msd_a2[SP_HOP_MSD_TOTAL][10], <, 1e6);
  g_assert_cmpfloat (copy->qens->gamma_mev[0], !=, 99);
  g_assert_cmpfloat (copy->arrhenius[0].d_cm2_s[0], <, 1);
  g_assert_cmpfloat (copy->finite_size->value[0], <, 1);
  g_assert_cmpfloat (copy->fs[0].fs[5], <=, 1);
  g_assert_false (same_pixels (SP_FIGURE_LATTICE, &fx.fig, &copied));
  sp_hop_figure_data_free (copy);
}

/* The time cursor and the window's bounds invert the drawn mapping. */
static void
test_time_cursor (void)
{
  Fixture fx;
  SpPlotStyle style;
  double x0, x1, t;
  const int w = 900, h = 600;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  g_assert_true (sp_figure_msd_window_x (&fx.fig, &style, w, h, &x0, &x1));
  g_assert_cmpfloat (x0, <, x1);
  g_assert_true (sp_figure_time_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, x0, 0.5 * h, &t));
  sp_assert_close (t, fx.msd.window_t0_ps, 1e-9, 0);
  g_assert_true (sp_figure_time_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, x1, 0.5 * h, &t));
  sp_assert_close (t, fx.msd.window_t1_ps, 1e-9, 0);
  /* Log axis: the midpoint in x is the geometric mean. */
  g_assert_true (sp_figure_time_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, 0.5 * (x0 + x1), 0.5 * h, &t));
  sp_assert_close (t, sqrt (fx.msd.window_t0_ps * fx.msd.window_t1_ps), 1e-9, 0);
  g_assert_true (sp_figure_time_at (SP_FIGURE_FS, &fx.fig, &style, w, h, 0.5 * w, 0.5 * h, &t));
  g_assert_cmpfloat (t, >, fx.fs_t[0]);
  g_assert_cmpfloat (t, <, fx.fs_t[N_T_FS - 1]);
  /* Outside the plot, and figures without time. */
  g_assert_false (sp_figure_time_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, 1, 1, &t));
  g_assert_false (sp_figure_time_at (SP_FIGURE_QENS, &fx.fig, &style, w, h, 0.5 * w, 0.5 * h, &t));
  g_assert_false (sp_figure_time_at (SP_FIGURE_LATTICE, &fx.fig, &style, w, h, 0.5 * w, 0.5 * h, &t));
  g_assert_false (sp_figure_frequency_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, 0.5 * w, 0.5 * h, &t));
  g_assert_false (sp_figure_composition_at (SP_FIGURE_MSD, &fx.fig, &style, w, h, 0.5 * w, 0.5 * h, &t));

  /* The cursor draws a line: pixels change where it is. */
  {
    SpFigureData with = fx.fig;
    cairo_surface_t *a, *b;

    with.cursor_time_ps = sqrt (fx.msd.window_t0_ps * fx.msd.window_t1_ps);
    a = render (SP_FIGURE_MSD, &fx.fig, &style, w, h);
    b = render (SP_FIGURE_MSD, &with, &style, w, h);
    g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                           (gsize) cairo_image_surface_get_stride (a) * h) != 0);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
  /* No window: nothing to grab. */
  fx.msd.window_t0_ps = NAN;
  g_assert_false (sp_figure_msd_window_x (&fx.fig, &style, w, h, &x0, &x1));
  sp_plot_style_clear (&style);
}

static gboolean
legend_has (const SpFigureSpec *spec,
            const char         *text)
{
  for (guint i = 0; i < spec->n_legend; i++)
    if (strstr (spec->legend[i].label, text) != NULL)
      return TRUE;
  return FALSE;
}

/* Every fitted number with its uncertainty, units on every axis. */
static void
test_numbers_and_units (void)
{
  Fixture fx;
  SpPlotStyle style;
  g_autofree char *a = sp_figure_hop_format_pm (4.2e-6, 0.31e-6, "cm²/s");
  g_autofree char *b = sp_figure_hop_format_pm (0.2987, 0.0123, "eV");
  g_autofree char *c = sp_figure_hop_format_pm (12.345, NAN, "ps");
  g_autofree char *d = sp_figure_hop_format_pm (NAN, 1, "Å");

  g_assert_cmpstr (a, ==, "(4.20 ± 0.31) × 10⁻⁶ cm²/s");
  g_assert_cmpstr (b, ==, "0.299 ± 0.012 eV");
  g_assert_cmpstr (c, ==, "12.3 ps");
  g_assert_cmpstr (d, ==, "– Å");

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
    {
      SpFigureSpec spec;

      sp_figure_spec_compute (hop_kinds[k], &fx.fig, &style, 1000, 700, &spec);
      g_assert_true (spec.has_data);
      g_assert_nonnull (spec.x_unit);
      if (hop_kinds[k] != SP_FIGURE_FS)   /* F_s is a number */
        g_assert_nonnull (spec.y_unit);
      switch (hop_kinds[k])
        {
        case SP_FIGURE_MSD:
          g_assert_true (legend_has (&spec, "(1.000 ± 0.040) × 10⁻⁶ cm²/s"));
          g_assert_true (legend_has (&spec, "20–300 ps (suggested)"));
          break;
        case SP_FIGURE_QENS:
          g_assert_true (legend_has (&spec, "2.500 ± 0.050 Å"));
          g_assert_true (legend_has (&spec, "10.00 ± 0.30 ps"));
          g_assert_true (legend_has (&spec, "(1.042 ± 0.030) × 10⁻⁵ cm²/s"));
          break;
        case SP_FIGURE_DIFFUSION_ARRHENIUS:
          g_assert_true (legend_has (&spec, "0.300 ± 0.012 eV"));
          g_assert_true (spec.top_axis == SP_TOP_AXIS_KELVIN);
          break;
        case SP_FIGURE_FINITE_SIZE:
          g_assert_true (legend_has (&spec, "(2.000 ± 0.060) × 10⁻⁶ cm²/s"));
          /* 1/L = 0 is inside the plot. */
          g_assert_cmpfloat (spec.x.min, <, 0.0);
          break;
        case SP_FIGURE_FS:
          g_assert_true (legend_has (&spec, "meV"));
          /* Six of the eight Q values, the first and the last among them. */
          g_assert_cmpuint (spec.n_legend, ==, 6);
          g_assert_true (legend_has (&spec, "<i>Q</i> = 0.25 Å⁻¹"));
          g_assert_true (legend_has (&spec, "<i>Q</i> = 2 Å⁻¹"));
          break;
        case SP_FIGURE_LATTICE:
          g_assert_true (spec.equal_aspect);
          g_assert_true (legend_has (&spec, "blocked"));
          sp_assert_close (spec.pw / spec.ph, (double) NX / NY, 0.02, 0);
          break;
        default:
          break;
        }
      sp_figure_spec_clear (&spec);
    }
  sp_plot_style_clear (&style);
}

/* Carriers in the accent colour, blocked sites grey: check the centres. */
static void
test_lattice_pixels (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec spec;
  cairo_surface_t *surface;
  const int w = 1000, h = 800;
  guint checked_carrier = 0, checked_blocked = 0;

  fixture_init (&fx);
  fx.lattice.n_paths = 0;   /* paths would cover some centres */
  for (int dark = 0; dark < 2; dark++)
    {
      if (dark)
        sp_plot_style_init_dark (&style);
      else
        sp_plot_style_init_light (&style);
      surface = render (SP_FIGURE_LATTICE, &fx.fig, &style, w, h);
      sp_figure_spec_compute (SP_FIGURE_LATTICE, &fx.fig, &style, w, h, &spec);
      for (guint j = 0; j < NY; j++)
        for (guint i = 0; i < NX; i++)
          {
            int u = (int) floor (sp_axis_map (&spec.x, (i + 0.5) * 2.5));
            int v = (int) floor (sp_axis_map (&spec.y, (j + 0.5) * 2.5));
            guint32 p = pixel_at (surface, u, v);

            if (fx.sites[j * NX + i] == SP_HOP_SITE_CARRIER)
              {
                g_assert_true (pixel_is_color (p, &style.accent, 3));
                checked_carrier++;
              }
            else if (fx.sites[j * NX + i] == SP_HOP_SITE_BLOCKED)
              {
                g_assert_false (pixel_is_color (p, &style.accent, 40));
                g_assert_false (pixel_is_color (p, &style.background, 40));
                checked_blocked++;
              }
          }
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (surface);
      sp_plot_style_clear (&style);
    }
  g_assert_cmpuint (checked_carrier, >, 50);
  g_assert_cmpuint (checked_blocked, >, 10);
}

/* At every card size from a thumbnail to a slide, normal and projector
 * scale: a legend is whole inside the card or not drawn.  The fits' entries
 * ("Chudley–Elliott: l = … ± … Å, τ = …") are wider than a projector's
 * card beside the panel; cut at its edge they read as other numbers. */
static void
test_legend_inside_card (void)
{
  static const int sizes[][2] = {
    { 240, 180 }, { 380, 250 }, { 380, 300 }, { 420, 330 }, { 500, 400 }, { 800, 600 },
  };
  static const double scales[] = { 1.0, 1.45 };
  Fixture fx;
  guint shown = 0;

  fixture_init (&fx);
  for (guint k = 0; k < G_N_ELEMENTS (hop_kinds); k++)
    for (guint si = 0; si < G_N_ELEMENTS (scales); si++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          double w = sizes[z][0], h = sizes[z][1], lx, ly, lw, lh;
          SpPlotStyle style;
          SpFigureSpec spec;
          guint ink;

          sp_plot_style_init_light (&style);
          style.scale = scales[si];
          if (sp_figure_legend_compute (hop_kinds[k], &fx.fig, &style, w, h, &spec, &ink) !=
              SP_LEGEND_HIDDEN)
            {
              sp_figure_legend_rect (&spec, &lx, &ly, &lw, &lh);
              if (lx < 0 || lx + lw > w + 1e-9)
                g_error ("%s at %g × %g, scale %g: the legend spans x = %g–%g",
                         sp_figure_kind_to_id (hop_kinds[k]), w, h, scales[si], lx, lx + lw);
              shown++;
            }
          sp_figure_spec_clear (&spec);
          sp_plot_style_clear (&style);
        }
  g_assert_cmpuint (shown, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figure-hop/kinds", test_kinds);
  g_test_add_func ("/figure-hop/every-surface", test_every_surface);
  g_test_add_func ("/figure-hop/no-data", test_no_data);
  g_test_add_func ("/figure-hop/csv", test_csv);
  g_test_add_func ("/figure-hop/copy", test_copy);
  g_test_add_func ("/figure-hop/time-cursor", test_time_cursor);
  g_test_add_func ("/figure-hop/numbers-and-units", test_numbers_and_units);
  g_test_add_func ("/figure-hop/lattice-pixels", test_lattice_pixels);
  g_test_add_func ("/figure-hop/legend-inside-card", test_legend_inside_card);
  return g_test_run ();
}
