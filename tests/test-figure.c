/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-figure.c — every figure drawn on image surfaces, checked pixel by pixel */

#include "config.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "sp-colormap.h"
#include "sp-figure-private.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "test-helpers.h"

/* sp-window.c's presentation-mode scale of the figures' text and lines. */
#define PRESENTATION_SCALE_FOR_TEST 1.45

#define FIELD_N 8

typedef struct
{
  SpAnalysis   *analysis;
  SpFrame       frame;
  double        field[FIELD_N * FIELD_N];
  SpChHistory  *history;
  SpFigureData  data;
} Fixture;

/* The LiFePO₄ analysis, a frame with a known 8 × 8 field (p/63 at cell p,
 * row-major) and a short history whose S(k) grows. */
static void
fixture_init (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", &error);

  g_assert_no_error (error);
  memset (fx, 0, sizeof *fx);
  fx->analysis = sp_analysis_new (&preset->model);

  sp_ch_params_init_default (&fx->frame.params);
  fx->frame.params.model = preset->model;
  fx->frame.n = FIELD_N;
  fx->frame.length = 160.0;
  for (guint p = 0; p < FIELD_N * FIELD_N; p++)
    fx->field[p] = p / 63.0;
  fx->frame.field = fx->field;
  fx->frame.field_min = 0.0;
  fx->frame.field_max = 1.0;

  fx->history = sp_ch_history_new ();
  for (guint i = 0; i < 6; i++)
    {
      SpChDiagnostics d = { 0 };

      d.time = i * 100.0;
      d.free_energy = 5e5 - 1e3 * i * i;
      d.length_scale = 15.0 + 2.0 * i;
      d.mean_c = fx->frame.params.model.c0;
      d.n_bins = 12;
      d.k = g_new (double, d.n_bins);
      d.structure = g_new (double, d.n_bins);
      for (guint b = 0; b < d.n_bins; b++)
        {
          d.k[b] = 0.04 * (b + 1);
          d.structure[b] = 1e-5 * exp (0.3 * i * sin (0.3 * (b + 1)));
        }
      sp_ch_history_append (fx->history, &d);
      if (i == 5)
        fx->frame.diag = d;   /* the frame owns the last arrays */
      else
        sp_ch_diagnostics_clear (&d);
    }
  fx->frame.diag.lambda_star = fx->analysis->dispersion.lambda_star;

  sp_figure_data_init (&fx->data);
  fx->data.analysis = fx->analysis;
  fx->data.frame = &fx->frame;
  fx->data.history = fx->history;
}

static void
fixture_clear (Fixture *fx)
{
  sp_ch_diagnostics_clear (&fx->frame.diag);
  sp_ch_history_free (fx->history);
  sp_analysis_unref (fx->analysis);
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

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  return *(guint32 *) (data + iy * stride + 4 * ix);
}

/* Cairo rounds a double channel through 16 bits: allow one 8-bit step. */
static gboolean
pixel_is_color (guint32        pixel,
                const SpColor *color)
{
  const double c[3] = { color->red, color->green, color->blue };

  if ((pixel >> 24) != 0xff)
    return FALSE;
  for (int i = 0; i < 3; i++)
    {
      int got = (pixel >> (16 - 8 * i)) & 0xff;

      if (abs (got - (int) lround (c[i] * 255.0)) > 1)
        return FALSE;
    }
  return TRUE;
}

/* Fraction of the plot area's pixels that differ from the background. */
static double
ink_fraction (cairo_surface_t    *surface,
              const SpFigureSpec *spec,
              const SpPlotStyle  *style)
{
  guint total = 0, ink = 0;

  for (double y = spec->py + 2; y < spec->py + spec->ph - 2; y += 1.0)
    for (double x = spec->px + 2; x < spec->px + spec->pw - 2; x += 1.0)
      {
        total++;
        if (!pixel_is_color (pixel_at (surface, x, y), &style->background))
          ink++;
      }
  return total > 0 ? (double) ink / total : 0.0;
}

static void
test_ids (void)
{
  for (guint k = 0; k < SP_N_FIGURES; k++)
    {
      const char *id = sp_figure_kind_to_id (k);
      const char *text = sp_figure_kind_explanation (k);
      SpFigureKind back = SP_N_FIGURES;
      guint sentences = 0;

      g_assert_nonnull (id);
      g_assert_true (sp_figure_kind_from_id (id, &back));
      g_assert_cmpint (back, ==, k);
      g_assert_cmpstr (sp_figure_kind_title (k), !=, "");
      /* Two or three sentences for a student. */
      for (const char *p = text; *p; p++)
        if (*p == '.' && (p[1] == ' ' || p[1] == '\0'))
          sentences++;
      if (sentences < 2 || sentences > 3)
        g_printerr ("%s: %u sentences: %s\n", id, sentences, text);
      g_assert_cmpuint (sentences, >=, 2);
      g_assert_cmpuint (sentences, <=, 3);
    }
  g_assert_cmpstr (sp_figure_kind_to_id (SP_FIGURE_FREE_ENERGY), ==, "free-energy");
  g_assert_cmpstr (sp_figure_kind_to_id (SP_FIGURE_ALL), ==, "all");
  g_assert_false (sp_figure_kind_from_id ("free_energy", NULL));
  g_assert_false (sp_figure_kind_from_id ("", NULL));
  g_assert_false (sp_figure_kind_from_id (NULL, NULL));
}

static void
test_every_kind_draws (void)
{
  const int sizes[][2] = { { 800, 500 }, { 320, 200 }, { 1920, 1080 }, { 60, 40 } };
  Fixture fx;

  fixture_init (&fx);
  for (int dark = 0; dark < 2; dark++)
    for (int presentation = 0; presentation < 2; presentation++)
      {
        SpPlotStyle style;

        if (dark)
          sp_plot_style_init_dark (&style);
        else
          sp_plot_style_init_light (&style);
        style.scale = presentation ? 1.6 : 1.0;
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          for (guint k = 0; k < SP_N_FIGURES; k++)
            {
              cairo_surface_t *surface = render (k, &fx.data, &style, sizes[s][0], sizes[s][1]);
              SpFigureSpec spec;

              /* The corner is background; the plot area has real ink. */
              g_assert_true (pixel_is_color (pixel_at (surface, 0, 0), &style.background));
              /* The impedance figures (after "all") have their own test
               * with their own data: here they draw "no data". */
              if (k < SP_FIGURE_ALL && sizes[s][0] >= 320)
                {
                  sp_figure_spec_compute (k, &fx.data, &style, sizes[s][0], sizes[s][1], &spec);
                  g_assert_true (spec.has_data);
                  /* Even a thumbnail in presentation mode keeps a real plot. */
                  g_assert_cmpfloat (spec.ph, >, 0.25 * sizes[s][1]);
                  if (ink_fraction (surface, &spec, &style) <= 0.01)
                    g_printerr ("%s at %d × %d, dark %d, scale %g: plot area empty\n",
                                sp_figure_kind_to_id (k), sizes[s][0], sizes[s][1], dark, style.scale);
                  g_assert_cmpfloat (ink_fraction (surface, &spec, &style), >, 0.01);
                  sp_figure_spec_clear (&spec);
                }
              cairo_surface_destroy (surface);
            }
        sp_plot_style_clear (&style);
      }
  fixture_clear (&fx);
}

static void
test_tangent_pixel (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec spec;
  cairo_surface_t *surface;
  const SpModel *m;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  style.scale = 2.0;   /* a 3.6-unit tangent always covers whole pixels */
  m = &fx.analysis->model;
  g_assert_cmpuint (fx.analysis->eq.n_gaps, ==, 1);

  surface = render (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 800, 500);
  sp_figure_spec_compute (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 800, 500, &spec);
  for (int side = 0; side < 2; side++)
    {
      const SpGap *gap = &fx.analysis->eq.gaps[0];
      double u = side == 0 ? gap->u_alpha : gap->u_beta;
      double c = side == 0 ? gap->c_alpha : gap->c_beta;
      /* Δg = g − K c, since g(0) = 0 and g(1) = K. */
      double dg = sp_model_g_u (m, u) - m->stiffness * c;
      double x = sp_axis_map (&spec.x, c), y = sp_axis_map (&spec.y, dg);

      g_assert_true (pixel_is_color (pixel_at (surface, x, y), &style.tangent));
      g_assert_false (pixel_is_color (pixel_at (surface, x, y), &style.accent));
      /* Well above the touching point is not tangent-coloured: the check
       * can fail. */
      g_assert_false (pixel_is_color (pixel_at (surface, x, y - 3 * spec.em), &style.tangent));
    }
  /* The tangent line itself passes midway between the two points. */
  {
    const SpGap *gap = &fx.analysis->eq.gaps[0];
    double cm = 0.5 * (gap->c_alpha + gap->c_beta);
    double ga = sp_model_g_u (m, gap->u_alpha) - m->stiffness * gap->c_alpha;
    double dg = ga + (gap->mu - m->stiffness) * (cm - gap->c_alpha);
    double x = sp_axis_map (&spec.x, cm), y = sp_axis_map (&spec.y, dg);
    gboolean found = FALSE;

    /* One of the pixels the line crosses is fully covered. */
    for (int dy = -2; dy <= 2; dy++)
      found |= pixel_is_color (pixel_at (surface, x + 0.5 * spec.em, y + dy), &style.tangent);
    g_assert_true (found);
  }
  sp_figure_spec_clear (&spec);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

static void
test_field_pixels (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec spec;
  cairo_surface_t *surface;

  fixture_init (&fx);
  sp_plot_style_init_dark (&style);
  surface = render (SP_FIGURE_FIELD, &fx.data, &style, 640, 480);
  sp_figure_spec_compute (SP_FIGURE_FIELD, &fx.data, &style, 640, 480, &spec);

  /* Aspect ratio 1. */
  sp_assert_close (spec.pw, spec.ph, 1e-12, 1.0);
  for (guint iy = 0; iy < FIELD_N; iy++)
    for (guint ix = 0; ix < FIELD_N; ix++)
      {
        guint p = iy * FIELD_N + ix;
        double cell = spec.pw / FIELD_N;
        /* Row 0 of the field is y = 0: the bottom of the plot. */
        double x = spec.px + (ix + 0.5) * cell;
        double y = spec.py + spec.ph - (iy + 0.5) * cell;

        /* p/63 lies on node 65 p of the 4096-entry colour table. */
        g_assert_cmphex (pixel_at (surface, x, y), ==, sp_colormap_pixel ((double) (p * 65) / 4095.0));
      }
  sp_figure_spec_clear (&spec);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* Noise around c = 0.5 (cells of 0.45 and 0.55): on the frame's own range
 * it fills the whole colour map; on the fixed 0 … 1 scale, the colours of
 * 0.45 and 0.55 themselves. */
static void
test_field_fixed_scale (void)
{
  Fixture fx;
  SpPlotStyle style;
  double vmin, vmax;

  fixture_init (&fx);
  for (guint p = 0; p < FIELD_N * FIELD_N; p++)
    fx.field[p] = (p % 2) ? 0.55 : 0.45;
  fx.frame.field_min = 0.45;
  fx.frame.field_max = 0.55;
  sp_plot_style_init_light (&style);

  sp_figure_field_range (&fx.frame, TRUE, &vmin, &vmax);
  g_assert_cmpfloat (vmin, ==, 0.0);
  g_assert_cmpfloat (vmax, ==, 1.0);
  sp_figure_field_range (&fx.frame, FALSE, &vmin, &vmax);
  g_assert_cmpfloat (vmin, ==, 0.45);
  g_assert_cmpfloat (vmax, ==, 0.55);

  for (int fixed = 0; fixed <= 1; fixed++)
    {
      SpFigureSpec spec;
      cairo_surface_t *surface;
      /* lround (0.45 · 4095) = 1843, lround (0.55 · 4095) = 2252. */
      guint32 low = fixed ? sp_colormap_pixel (1843.0 / 4095.0) : sp_colormap_pixel (0.0);
      guint32 high = fixed ? sp_colormap_pixel (2252.0 / 4095.0) : sp_colormap_pixel (1.0);

      fx.data.field_fixed_scale = fixed;
      surface = render (SP_FIGURE_FIELD, &fx.data, &style, 640, 480);
      sp_figure_spec_compute (SP_FIGURE_FIELD, &fx.data, &style, 640, 480, &spec);
      for (guint ix = 0; ix < FIELD_N; ix++)
        {
          double cell = spec.pw / FIELD_N;

          g_assert_cmphex (pixel_at (surface, spec.px + (ix + 0.5) * cell, spec.py + 0.5 * cell),
                           ==, ix % 2 ? high : low);
        }
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (surface);
    }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* A 256² field of alternating columns 0.25/0.75 shown in a plot narrower
 * than 128 pixels: the figure averages 2 × 2 blocks first, so every pixel is
 * exactly the colour of 0.5 (plain downscaling would shimmer). */
static void
test_field_reduced (void)
{
  enum { N = 256 };
  g_autofree double *field = g_new (double, N * N);
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec spec;
  cairo_surface_t *surface;
  guint32 expected = sp_colormap_pixel (2048.0 / 4095.0);

  fixture_init (&fx);
  for (guint p = 0; p < N * N; p++)
    field[p] = (p % 2) ? 0.75 : 0.25;
  fx.frame.n = N;
  fx.frame.field = field;
  fx.frame.field_min = 0.25;
  fx.frame.field_max = 0.75;
  sp_plot_style_init_light (&style);
  surface = render (SP_FIGURE_FIELD, &fx.data, &style, 240, 200);
  sp_figure_spec_compute (SP_FIGURE_FIELD, &fx.data, &style, 240, 200, &spec);
  g_assert_cmpfloat (spec.pw, <, 128.0);
  g_assert_cmpfloat (spec.pw, >, 40.0);
  for (double fy = 0.2; fy < 0.85; fy += 0.15)
    for (double fx_ = 0.2; fx_ < 0.85; fx_ += 0.15)
      g_assert_cmphex (pixel_at (surface, spec.px + fx_ * spec.pw, spec.py + fy * spec.ph), ==, expected);
  sp_figure_spec_clear (&spec);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&style);
  fx.frame.field = fx.field;
  fixture_clear (&fx);
}

static void
test_composition_at (void)
{
  const SpFigureKind kinds[] = { SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV,
                                 SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY };
  const double cs[] = { 1e-3, 0.3, 0.5, 0.7731, 0.999 };
  Fixture fx;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  fx.data.caption = "A caption that takes room under the figure";
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      SpFigureSpec spec;
      double c = NAN;

      sp_figure_spec_compute (kinds[k], &fx.data, &style, 700, 450, &spec);
      for (guint i = 0; i < G_N_ELEMENTS (cs); i++)
        {
          double x = sp_axis_map (&spec.x, cs[i]);

          g_assert_true (sp_figure_composition_at (kinds[k], &fx.data, &style, 700, 450,
                                                   x, spec.py + 0.5 * spec.ph, &c));
          sp_assert_close (c, cs[i], 1e-12, 1e-12);
        }
      /* Outside the plot area: no composition. */
      g_assert_false (sp_figure_composition_at (kinds[k], &fx.data, &style, 700, 450,
                                                spec.px - 3, spec.py + 0.5 * spec.ph, &c));
      g_assert_false (sp_figure_composition_at (kinds[k], &fx.data, &style, 700, 450,
                                                spec.px + 10, spec.py - 3, &c));

      /* The same panel inside the all-panels page. */
      {
        SpFigureData panel = fx.data;
        SpFigureSpec cell_spec;
        double cx, cy, cw, ch;

        sp_figure_all_cell (kinds[k], &fx.data, &style, 2100, 1400, &cx, &cy, &cw, &ch);
        panel.caption = NULL;
        sp_figure_spec_compute (kinds[k], &panel, &style, cw, ch, &cell_spec);
        g_assert_true (sp_figure_composition_at (SP_FIGURE_ALL, &fx.data, &style, 2100, 1400,
                                                 cx + sp_axis_map (&cell_spec.x, 0.3),
                                                 cy + cell_spec.py + 0.5 * cell_spec.ph, &c));
        sp_assert_close (c, 0.3, 1e-12, 1e-12);
        sp_figure_spec_clear (&cell_spec);
      }
      sp_figure_spec_clear (&spec);
    }

  /* Figures without a composition axis never answer. */
  for (guint k = SP_FIGURE_DISPERSION; k < SP_FIGURE_ALL; k++)
    g_assert_false (sp_figure_composition_at (k, &fx.data, &style, 700, 450, 350, 225, NULL));
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

static void
test_cursor (void)
{
  Fixture fx;
  SpPlotStyle style;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  style.scale = 2.0;   /* a 3-unit line always covers a whole pixel */
  fx.data.cursor_c = 0.3;
  for (guint k = SP_FIGURE_FREE_ENERGY; k <= SP_FIGURE_DIFFUSIVITY; k++)
    {
      cairo_surface_t *surface = render (k, &fx.data, &style, 1000, 700);
      SpFigureSpec spec;
      double x, y;
      gboolean found = FALSE;

      sp_figure_spec_compute (k, &fx.data, &style, 1000, 700, &spec);
      x = sp_axis_map (&spec.x, 0.3);
      y = spec.py + 0.6 * spec.ph;
      for (int dx = -1; dx <= 1; dx++)
        found |= pixel_is_color (pixel_at (surface, x + dx, y), &style.marker);
      g_assert_true (found);
      sp_figure_spec_clear (&spec);
      cairo_surface_destroy (surface);
    }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

static void
test_no_data (void)
{
  SpFigureData empty;
  SpPlotStyle style;

  sp_figure_data_init (&empty);
  g_assert_true (isnan (empty.cursor_c));
  sp_plot_style_init_light (&style);
  for (guint k = 0; k < SP_N_FIGURES; k++)
    {
      cairo_surface_t *surface = render (k, &empty, &style, 500, 320);

      if (k != SP_FIGURE_ALL)
        {
          SpFigureSpec spec;

          sp_figure_spec_compute (k, &empty, &style, 500, 320, &spec);
          g_assert_false (spec.has_data);
          /* The "no data" label is drawn in the middle of the empty frame. */
          g_assert_cmpfloat (ink_fraction (surface, &spec, &style), >, 0.002);
          g_assert_false (sp_figure_composition_at (k, &empty, &style, 500, 320,
                                                    spec.px + 0.5 * spec.pw,
                                                    spec.py + 0.5 * spec.ph, NULL));
          sp_figure_spec_clear (&spec);
        }
      cairo_surface_destroy (surface);
    }
  /* NULL data behaves like empty data. */
  cairo_surface_destroy (render (SP_FIGURE_OCV, NULL, &style, 300, 200));
  sp_plot_style_clear (&style);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
test_vector_surface (void)
{
  Fixture fx;
  SpPlotStyle style;
  gsize written = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  fx.data.caption = "LiFePO₄, T = 298 K";
  surface = cairo_svg_surface_create_for_stream (discard, &written, 1200, 800);
  cr = cairo_create (surface);
  sp_figure_draw (cr, 1200, 800, SP_FIGURE_ALL, &fx.data, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (written, >, 10000);
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

/* ---- The adaptive legend ------------------------------------------------------------ */

typedef struct
{
  SpFigureKind      kind;
  SpFigureDrawFunc  draw;
} LegendCase;

static const LegendCase legend_cases[] = {
  { SP_FIGURE_FREE_ENERGY, sp_figure_free_energy_draw },
  { SP_FIGURE_OCV, sp_figure_ocv_draw },
  { SP_FIGURE_PHASE_DIAGRAM, sp_figure_phase_draw },
  { SP_FIGURE_DIFFUSIVITY, sp_figure_diffusivity_draw },
  { SP_FIGURE_DISPERSION, sp_figure_dispersion_draw },
  { SP_FIGURE_ENERGY, sp_figure_energy_draw },
  { SP_FIGURE_COARSENING, sp_figure_coarsening_draw },
  { SP_FIGURE_STRUCTURE, sp_figure_structure_draw },
};

/* Opaque content pixels (alpha ≥ ½) of the figure's own draw function, at
 * full resolution, inside a rectangle: the curves, markers and labels the
 * legend would hide.  Fills are translucent and the background is made
 * transparent, so they do not count. */
static guint
content_pixels_under (const LegendCase   *lc,
                      const SpFigureSpec *spec,
                      const SpFigureData *data,
                      const SpPlotStyle  *style,
                      double              x,
                      double              y,
                      double              w,
                      double              h)
{
  int width = (int) ceil (spec->width), height = (int) ceil (spec->height);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  SpPlotStyle clear = *style;
  SpFigureData plain = *data;
  unsigned char *pixels;
  int stride;
  guint n = 0;

  clear.background.alpha = 0.0;
  clear.grid.alpha = 0.0;
  plain.cursor_c = NAN;
  lc->draw (cr, spec, &plain, &clear);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int j = MAX (0, (int) ceil (y)); j < MIN (height, (int) floor (y + h)); j++)
    for (int i = MAX (0, (int) ceil (x)); i < MIN (width, (int) floor (x + w)); i++)
      n += pixels[j * stride + 4 * i + 3] >= 128;
  cairo_surface_destroy (surface);
  return n;
}

/* At every card size from a 240 × 180 thumbnail to a full 1920 × 1080
 * page, in normal and presentation scale: the legend lies inside the card,
 * clear of the title; above the plot it ends before the plot area begins;
 * inside it stays in the plot area and hides at most about one em of one
 * curve (counted independently, at full resolution).  On the cards of a
 * 1920 × 1080 window it is never dropped. */
static void
test_legend_adaptive (void)
{
  static const int sizes[][2] = {
    { 240, 180 }, { 275, 290 }, { 320, 240 }, { 400, 290 }, { 420, 300 },
    { 490, 470 }, { 600, 450 }, { 800, 600 }, { 1920, 1080 },
  };
  static const double scales[] = { 1.0, 1.45 };
  Fixture fx;
  guint n_inside = 0, n_above = 0, n_hidden = 0;

  fixture_init (&fx);
  for (guint si = 0; si < G_N_ELEMENTS (scales); si++)
    for (guint dark = 0; dark < 2; dark++)
      for (guint c = 0; c < G_N_ELEMENTS (legend_cases); c++)
        for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
          {
            const LegendCase *lc = &legend_cases[c];
            double w = sizes[z][0], h = sizes[z][1];
            SpPlotStyle style;
            SpFigureSpec spec;
            SpLegendPlacement where;
            double lx, ly, lw, lh;
            guint ink;

            if (dark)
              sp_plot_style_init_dark (&style);
            else
              sp_plot_style_init_light (&style);
            style.scale = scales[si];
            where = sp_figure_legend_compute (lc->kind, &fx.data, &style, w, h, &spec, &ink);
            g_assert_true (spec.has_data);
            g_assert_cmpuint (spec.n_legend, >, 0);
            sp_figure_legend_rect (&spec, &lx, &ly, &lw, &lh);

            if (where == SP_LEGEND_HIDDEN)
              {
                n_hidden++;
                /* Complete on the cards of a 1920 × 1080 window. */
                g_assert_true (w < 490 || h < 470 || scales[si] > 1.0);
                g_assert_cmpfloat (lw, ==, 0.0);
                sp_figure_spec_clear (&spec);
                continue;
              }
            g_assert_cmpfloat (lw, >, 0.0);
            g_assert_cmpfloat (lh, >, 0.0);
            /* Inside the card … */
            g_assert_cmpfloat (lx, >=, 0.0);
            g_assert_cmpfloat (ly, >=, 0.0);
            g_assert_cmpfloat (lx + lw, <=, w + 1e-9);
            g_assert_cmpfloat (ly + lh, <=, h + 1e-9);
            /* … below the title's first line … */
            g_assert_cmpfloat (ly, >=, spec.title_y + spec.em);
            if (where == SP_LEGEND_ABOVE)
              {
                n_above++;
                /* … and above the plot, which keeps a good part of the card. */
                g_assert_cmpfloat (ly + lh, <=, spec.py + 1e-9);
                g_assert_cmpfloat (spec.ph, >=, 0.25 * h);
              }
            else
              {
                guint hidden;

                n_inside++;
                g_assert_cmpfloat (lx, >=, spec.px);
                g_assert_cmpfloat (ly, >=, spec.py);
                g_assert_cmpfloat (lx + lw, <=, spec.px + spec.pw + 1e-9);
                g_assert_cmpfloat (ly + lh, <=, spec.py + spec.ph + 1e-9);
                /* Hides about one em of one curve at most: 1.2 em of a
                 * stroke 1.6 lw wide plus antialiasing, and the corner
                 * the mask chose is the one the mask counted. */
                hidden = content_pixels_under (lc, &spec, &fx.data, &style, lx, ly, lw, lh);
                g_assert_cmpfloat (hidden, <=, 1.2 * spec.em * (1.6 * spec.lw + 2.0) + 1.0);
                g_assert_cmpfloat (ink, <=, sp_figure_legend_ink_allowance (&spec, &style, 0.5));
              }
            sp_figure_spec_clear (&spec);
          }
  /* The sizes exercise all three placements. */
  g_assert_cmpuint (n_above, >, 0);
  g_assert_cmpuint (n_inside, >, 0);
  g_assert_cmpuint (n_hidden, >, 0);
  fixture_clear (&fx);
}

/* Columns as many as fit: on a wide card the five g(c) entries share one
 * or two rows; on a narrow one they take more rows, never wider than the
 * card. */
static void
test_legend_columns (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec wide, narrow;
  guint ink;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  g_assert_cmpint (sp_figure_legend_compute (SP_FIGURE_FREE_ENERGY, &fx.data, &style,
                                             1200, 700, &wide, &ink), ==, SP_LEGEND_ABOVE);
  g_assert_cmpuint (wide.n_legend, ==, 5);
  g_assert_cmpuint (wide.legend_cols, ==, 5);
  g_assert_cmpfloat (wide.legend_h, <, 2.0 * wide.em);
  g_assert_cmpfloat (wide.legend_w, <=, wide.width - wide.px);

  sp_figure_legend_compute (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 300, 400, &narrow, &ink);
  g_assert_cmpint (narrow.legend_placement, !=, SP_LEGEND_HIDDEN);
  g_assert_cmpuint (narrow.legend_cols, <, 5);
  g_assert_cmpuint (narrow.legend_cols, >=, 1);
  g_assert_cmpfloat (narrow.legend_x + narrow.legend_w, <=, 300.0);
  sp_figure_spec_clear (&wide);
  sp_figure_spec_clear (&narrow);
  fixture_clear (&fx);
}

/* The window's info button: a title inset moves nothing but the title's
 * room; a long title shrinks (and wraps only when it must). */
static void
test_title_inset (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec plain, inset;
  double tw;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  sp_figure_spec_compute (SP_FIGURE_FIELD, &fx.data, &style, 280, 290, &plain);
  style.title_inset_right = 40.0;
  sp_figure_spec_compute (SP_FIGURE_FIELD, &fx.data, &style, 280, 290, &inset);
  g_assert_cmpfloat (inset.title_size, <, plain.title_size);
  g_assert_cmpfloat (inset.title_size, >=, 0.85);
  sp_plot_text_measure (&style, inset.title_size, SP_TEXT_BOLD, inset.title, inset.title_wrap,
                        &tw, NULL);
  /* The title ends before the inset: 0.7 em padding on both sides. */
  g_assert_cmpfloat (0.7 * inset.em + tw, <=, 280.0 - 40.0 - 0.7 * inset.em + 0.5);
  sp_figure_spec_clear (&plain);
  sp_figure_spec_clear (&inset);
  fixture_clear (&fx);
}


/* Placed labels: inside the plot area, clear of every marker, of each
 * other, and of every tick label (boxes computed here from the ticks the
 * frame draws: x labels under the axis, y labels left of it). */
#define FRAME_TICK_LEN  0.35   /* sp-figure-frame.c's TICK_LEN and TICK_SIZE */
#define FRAME_TICK_SIZE 0.9

static guint
tick_label_boxes (const SpFigureSpec *spec,
                  const SpPlotStyle  *style,
                  SpFigureBox        *boxes,
                  guint               max)
{
  double tl = FRAME_TICK_LEN * spec->em;
  SpTicks xt, yt;
  guint n = 0;

  sp_ticks_compute (&xt, &spec->x, spec->max_x_ticks);
  sp_ticks_compute (&yt, &spec->y, spec->max_y_ticks);
  for (guint i = 0; i < xt.n && n < max; i++)
    {
      double w, h, u = sp_axis_map (&spec->x, xt.value[i]);

      sp_plot_text_measure (style, FRAME_TICK_SIZE, 0, xt.label[i], -1, &w, &h);
      boxes[n++] = (SpFigureBox) { u - 0.5 * w, spec->py + spec->ph + tl + 0.15 * spec->em, w, h };
    }
  for (guint i = 0; i < yt.n && n < max; i++)
    {
      double w, h, v = sp_axis_map (&spec->y, yt.value[i]);

      sp_plot_text_measure (style, FRAME_TICK_SIZE, 0, yt.label[i], -1, &w, &h);
      boxes[n++] = (SpFigureBox) { spec->px - tl - 0.25 * spec->em - w, v - 0.5 * h, w, h };
    }
  sp_ticks_clear (&xt);
  sp_ticks_clear (&yt);
  return n;
}

/* Checks every label of @kind at @width × @height; returns how many. */
static guint
check_labels (SpFigureKind        kind,
              const SpFigureData *data,
              const SpPlotStyle  *style,
              double              width,
              double              height)
{
  SpFigureSpec spec;
  SpAnnotations ann;
  SpFigureBox ticks[2 * SP_AXIS_MAX_TICKS];
  guint n_ticks, n_labels = 0;

  sp_figure_annotations_compute (kind, data, style, width, height, &spec, &ann);
  n_ticks = tick_label_boxes (&spec, style, ticks, G_N_ELEMENTS (ticks));
  g_assert_cmpuint (n_ticks, >=, 4);
  for (guint i = 0; i < ann.n; i++)
    {
      const SpFigureBox *b = &ann.item[i].box;

      if (!ann.item[i].label)
        continue;
      n_labels++;
      g_assert_cmpfloat (b->x, >=, spec.px - 1e-9);
      g_assert_cmpfloat (b->y, >=, spec.py - 1e-9);
      g_assert_cmpfloat (b->x + b->w, <=, spec.px + spec.pw + 1e-9);
      g_assert_cmpfloat (b->y + b->h, <=, spec.py + spec.ph + 1e-9);
      for (guint j = 0; j < ann.n; j++)
        if (j != i && sp_figure_boxes_intersect (b, &ann.item[j].box))
          g_error ("%s %gx%g scale %g: label %u overlaps %s %u",
                   sp_figure_kind_to_id (kind), width, height, style->scale, i,
                   ann.item[j].label ? "label" : "marker", j);
      for (guint t = 0; t < n_ticks; t++)
        if (sp_figure_boxes_intersect (b, &ticks[t]))
          g_error ("%s %gx%g scale %g: label %u covers tick label %u",
                   sp_figure_kind_to_id (kind), width, height, style->scale, i, t);
    }
  sp_figure_spec_clear (&spec);
  return n_labels;
}

static void
test_label_placement (void)
{
  /* Card sizes of the overview (normal and focus layouts at 1280 × 720,
   * two and one columns) and a few awkward ones. */
  const double sizes[][2] = {
    { 400, 220 }, { 380, 150 }, { 780, 260 }, { 760, 300 }, { 500, 350 },
    { 300, 200 }, { 1200, 600 }, { 320, 260 },
  };
  const double scales[] = { 1.0, PRESENTATION_SCALE_FOR_TEST };
  const double below_tc[] = { 298.0 - 0.0, 60.0, 30.0, 12.0, 5.0, 1.0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", &error);
  double t_c;
  guint both_placed = 0, uphill_placed = 0, g_placed = 0, cases = 0;

  g_assert_no_error (error);
  {
    SpAnalysis *a = sp_analysis_new (&preset->model);

    g_assert_true (a->has_critical);
    t_c = a->t_c;
    sp_analysis_unref (a);
  }

  for (guint k = 0; k < G_N_ELEMENTS (below_tc); k++)
    for (guint c = 0; c < 4; c++)
      {
        SpModel model = preset->model;
        SpAnalysis *a;
        SpFigureData data;

        /* k = 0: the preset's own 298 K; else just under T_c, where the
         * state's dot comes up under the critical point. */
        model.temperature = k == 0 ? 298.0 : t_c - below_tc[k];
        /* c₀ at the critical composition, near it, midway, and on the
         * binodal point (0.090) of g(c). */
        model.c0 = (double[]) { 0.5, 0.45, 0.3, 0.1 }[c];
        a = sp_analysis_new (&model);
        sp_figure_data_init (&data);
        data.analysis = a;
        for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
          for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
            {
              SpPlotStyle style;

              sp_plot_style_init_light (&style);
              style.scale = scales[s];
              if (check_labels (SP_FIGURE_PHASE_DIAGRAM, &data, &style, sizes[z][0], sizes[z][1]) == 2)
                both_placed++;
              uphill_placed += check_labels (SP_FIGURE_DIFFUSIVITY, &data, &style,
                                             sizes[z][0], sizes[z][1]);
              if (check_labels (SP_FIGURE_FREE_ENERGY, &data, &style, sizes[z][0], sizes[z][1]) == 3)
                g_placed++;
              cases++;
            }
        sp_analysis_unref (a);
      }
  /* Not vacuous: the labels were there to check in most cases. */
  g_test_message ("all labels placed: phase diagram %u, uphill %u, g(c) %u of %u cases",
                  both_placed, uphill_placed, g_placed, cases);
  g_assert_cmpuint (both_placed, >=, cases / 2);
  g_assert_cmpuint (uphill_placed, >=, cases / 2);
  g_assert_cmpuint (g_placed, >=, cases / 2);
}

/* The rule itself: the first clear spot wins; a spot off the plot is
 * pulled inside; a label larger than the plot is left out. */
static void
test_place_label_rule (void)
{
  SpFigureSpec spec = { 0 };
  SpPlotStyle style;
  SpAnnotations taken = { 0 };
  SpLabelPlacement p;
  const SpLabelSpot above_then_right[] = { { 0.0, -1.0, 0.5, 1.0 }, { 2.0, 0.0, 0.0, 0.5 } };
  const SpLabelSpot below[] = { { 0.0, 1.0, 0.5, 0.0 } };

  sp_plot_style_init_light (&style);
  spec.em = sp_plot_text_em (&style, 1.0);
  spec.px = 50;
  spec.py = 20;
  spec.pw = 300;
  spec.ph = 200;

  /* A marker right above the anchor: the label goes to the right. */
  sp_annotations_add_dot (&taken, 200, 100 - 1.5 * spec.em, 1.0 * spec.em);
  g_assert_true (sp_figure_place_label (&spec, &style, 1.0, "T", 200, 100, above_then_right, 2,
                                        &taken, &p));
  g_assert_cmpuint (taken.n, ==, 2);
  g_assert_true (taken.item[1].label);
  g_assert_false (sp_figure_boxes_intersect (&p.box, &taken.item[0].box));
  g_assert_cmpfloat (p.box.x, >, 200.0);

  /* Anchored on the bottom edge: pulled up inside the plot. */
  g_assert_true (sp_figure_place_label (&spec, &style, 1.0, "uphill", 100, spec.py + spec.ph,
                                        below, 1, &taken, &p));
  g_assert_cmpfloat (p.box.y + p.box.h, <=, spec.py + spec.ph + 1e-9);

  /* A plot smaller than the label. */
  spec.ph = 0.5 * spec.em;
  g_assert_false (sp_figure_place_label (&spec, &style, 1.0, "uphill", 100, 30, below, 1,
                                         &taken, &p));
  g_assert_cmpuint (taken.n, ==, 3);
}

/* Issue 11, item 7a: a lower critical point (Ω = −30 meV, s1 = −3, gap
 * only above 348 K): the spinodal dome is filled above the point, not
 * below it, and the point lies inside the axis. */
static void
test_lower_dome_pixels (void)
{
  SpModel m;
  g_autoptr(SpAnalysis) a = NULL;
  SpFigureData data;
  SpPlotStyle style;
  SpFigureSpec spec;
  cairo_surface_t *surface;
  double t_lower = 30.0 / 0.08617333262, x, outside, above, below;

  sp_model_init_default (&m);
  m.omega = -30.0;
  m.s1 = -3.0;
  m.temperature = 400.0;
  a = sp_analysis_new (&m);
  sp_figure_data_init (&data);
  data.analysis = a;
  sp_plot_style_init_light (&style);
  surface = render (SP_FIGURE_PHASE_DIAGRAM, &data, &style, 800, 500);
  sp_figure_spec_compute (SP_FIGURE_PHASE_DIAGRAM, &data, &style, 800, 500, &spec);

  g_assert_cmpfloat (spec.y.min, <, t_lower);
  g_assert_cmpfloat (spec.y.max, >, t_lower);
  x = sp_axis_map (&spec.x, 0.45);
  above = sp_axis_map (&spec.y, t_lower + 0.5 * (spec.y.max - t_lower));
  below = sp_axis_map (&spec.y, t_lower - 0.5 * (t_lower - spec.y.min));
  /* Filled (unlike the same row at c = 0.03, outside every dome) above the
   * point; the same as that row below it. */
  outside = sp_axis_map (&spec.x, 0.03);
  g_assert_cmphex (pixel_at (surface, x, above), !=, pixel_at (surface, outside, above));
  g_assert_cmphex (pixel_at (surface, x, below), ==, pixel_at (surface, outside, below));

  sp_figure_spec_clear (&spec);
  cairo_surface_destroy (surface);
  sp_plot_style_clear (&style);
}


static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) h * stride) == 0;
}

/* A lesson's open question: the quantity it asks for has no label on any
 * figure, and a veiled figure draws the same whatever its data. */
static void
test_conceal (void)
{
  Fixture fx;
  SpPlotStyle style;
  SpFigureSpec spec;
  SpAnnotations ann;
  SpLabelPlacement binodal[2 * SP_MAX_INTERVALS], c0_label, tc[SP_MAX_CRITICAL], state;
  gboolean has_binodal[2 * SP_MAX_INTERVALS], has_c0, has_tc[SP_MAX_CRITICAL], has_state;
  guint shown;

  fixture_init (&fx);
  sp_plot_style_init_light (&style);
  g_assert_cmpuint (fx.analysis->eq.n_gaps, >=, 1);
  g_assert_cmpuint (fx.analysis->phase->n_critical, >=, 1);

  /* g(c): the binodal compositions are labelled, then not (either end
   * asked hides both). */
  for (guint q = 0; q < 3; q++)
    {
      fx.data.concealed = q == 0 ? 0 : q == 1 ? 1u << SP_LESSON_QUANTITY_BINODAL_LOW
                                            : 1u << SP_LESSON_QUANTITY_BINODAL_HIGH;
      sp_figure_annotations_compute (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 640, 480, &spec, &ann);
      sp_figure_free_energy_annotate (&spec, &fx.data, &style, &ann, binodal, has_binodal,
                                      &c0_label, &has_c0);
      shown = 0;
      for (guint i = 0; i < 2 * fx.analysis->eq.n_gaps; i++)
        shown += has_binodal[i];
      if (q == 0)
        g_assert_cmpuint (shown, ==, 2 * fx.analysis->eq.n_gaps);
      else
        g_assert_cmpuint (shown, ==, 0);
      g_assert_true (has_c0);   /* c₀ is no answer */
      sp_figure_spec_clear (&spec);
    }

  /* The phase diagram: "T_c = … K", then not. */
  for (guint q = 0; q < 2; q++)
    {
      fx.data.concealed = q == 0 ? 0 : 1u << SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE;
      sp_figure_annotations_compute (SP_FIGURE_PHASE_DIAGRAM, &fx.data, &style, 640, 480, &spec, &ann);
      sp_figure_phase_annotate (&spec, &fx.data, &style, &ann, tc, has_tc, &state, &has_state);
      /* Nor does the axis, which otherwise ends at 1.1 T_c. */
      g_assert_cmpfloat (spec.y.max, ==, q == 0 ? fx.analysis->phase->t_max
                                                : sp_param_range (SP_PARAM_TEMPERATURE)->max);
      shown = 0;
      for (guint k = 0; k < fx.analysis->phase->n_critical; k++)
        shown += has_tc[k];
      if (q == 0)
        g_assert_cmpuint (shown, >=, 1);
      else
        g_assert_cmpuint (shown, ==, 0);
      sp_figure_spec_clear (&spec);
    }
  g_assert_true (sp_figure_data_conceals (&fx.data, SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE));
  g_assert_false (sp_figure_data_conceals (&fx.data, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE));

  /* Every concealed figure draws differently from its open self (the
   * marks are gone), and the rest of it is untouched by what it hides. */
  {
    static const struct { SpFigureKind kind; SpLessonQuantity quantity; } cases[] = {
      { SP_FIGURE_FREE_ENERGY, SP_LESSON_QUANTITY_SPINODAL_LOW },
      { SP_FIGURE_OCV, SP_LESSON_QUANTITY_PLATEAU_VOLTAGE },
      { SP_FIGURE_PHASE_DIAGRAM, SP_LESSON_QUANTITY_BINODAL_HIGH },
      { SP_FIGURE_DIFFUSIVITY, SP_LESSON_QUANTITY_SPINODAL_HIGH },
      { SP_FIGURE_DISPERSION, SP_LESSON_QUANTITY_FASTEST_WAVELENGTH },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        cairo_surface_t *open, *hidden, *other;

        fx.data.concealed = 0;
        open = render (cases[i].kind, &fx.data, &style, 640, 480);
        fx.data.concealed = 1u << cases[i].quantity;
        hidden = render (cases[i].kind, &fx.data, &style, 640, 480);
        if (surfaces_equal (open, hidden))
          g_error ("%s draws %s all the same", sp_figure_kind_to_id (cases[i].kind),
                   sp_lesson_quantity_to_id (cases[i].quantity));
        /* λ* is on σ(k) only: concealing it leaves g(c) as it was. */
        fx.data.concealed = 1u << SP_LESSON_QUANTITY_FASTEST_WAVELENGTH;
        other = render (cases[i].kind, &fx.data, &style, 640, 480);
        g_assert_true (surfaces_equal (open, other) == (cases[i].kind != SP_FIGURE_DISPERSION));
        cairo_surface_destroy (open);
        cairo_surface_destroy (hidden);
        cairo_surface_destroy (other);
      }
  }

  /* The veil: the same pixels with or without the analysis, so nothing
   * of the figure's content shows through; unlike the figure itself. */
  {
    cairo_surface_t *with, *without, *plain;
    SpAnalysis *analysis = fx.data.analysis;

    fx.data.concealed = 0;
    plain = render (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 640, 480);
    fx.data.veiled = TRUE;
    with = render (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 640, 480);
    fx.data.analysis = NULL;
    without = render (SP_FIGURE_FREE_ENERGY, &fx.data, &style, 640, 480);
    fx.data.analysis = analysis;
    fx.data.veiled = FALSE;
    g_assert_true (surfaces_equal (with, without));
    g_assert_false (surfaces_equal (with, plain));
    cairo_surface_destroy (with);
    cairo_surface_destroy (without);
    cairo_surface_destroy (plain);
  }
  sp_plot_style_clear (&style);
  fixture_clear (&fx);
}

int
main (int argc, char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figure/ids", test_ids);
  g_test_add_func ("/figure/every-kind-draws", test_every_kind_draws);
  g_test_add_func ("/figure/tangent-pixel", test_tangent_pixel);
  g_test_add_func ("/figure/field-pixels", test_field_pixels);
  g_test_add_func ("/figure/field-reduced", test_field_reduced);
  g_test_add_func ("/figure/field-fixed-scale", test_field_fixed_scale);
  g_test_add_func ("/figure/composition-at", test_composition_at);
  g_test_add_func ("/figure/cursor", test_cursor);
  g_test_add_func ("/figure/no-data", test_no_data);
  g_test_add_func ("/figure/vector-surface", test_vector_surface);
  g_test_add_func ("/figure/legend-adaptive", test_legend_adaptive);
  g_test_add_func ("/figure/legend-columns", test_legend_columns);
  g_test_add_func ("/figure/title-inset", test_title_inset);
  g_test_add_func ("/figure/label-placement", test_label_placement);
  g_test_add_func ("/figure/place-label-rule", test_place_label_rule);
  g_test_add_func ("/figure/lower-dome-pixels", test_lower_dome_pixels);
  g_test_add_func ("/figure/conceal", test_conceal);

  return g_test_run ();
}
