/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-eis.c — what the impedance figures share: series colours and
 * markers, SI-prefixed numbers, and the linked cursor by frequency */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-figure-private.h"

/* After the accent colour: GNOME palette colours that stay apart in
 * lightness too (so a greyscale print keeps them distinct together with the
 * marker shapes), a darker shade on white, a lighter one on the dark
 * background. */
static const SpColor light_palette[] = {
  { 0.90, 0.38, 0.00, 1.0 },   /* #e66100 orange  */
  { 0.15, 0.64, 0.41, 1.0 },   /* #26a269 green   */
  { 0.51, 0.24, 0.61, 1.0 },   /* #813d9c purple  */
  { 0.75, 0.11, 0.16, 1.0 },   /* #c01c28 red     */
  { 0.53, 0.37, 0.24, 1.0 },   /* #865e3c brown   */
  { 0.00, 0.55, 0.60, 1.0 },   /* teal            */
  { 0.37, 0.36, 0.39, 1.0 },   /* #5e5c64 grey    */
};
static const SpColor dark_palette[] = {
  { 1.00, 0.64, 0.28, 1.0 },   /* #ffa348 */
  { 0.34, 0.89, 0.54, 1.0 },   /* #57e389 */
  { 0.86, 0.54, 0.87, 1.0 },   /* #dc8add */
  { 0.97, 0.38, 0.32, 1.0 },   /* #f66151 */
  { 0.80, 0.62, 0.45, 1.0 },   /* #cdab8f */
  { 0.40, 0.85, 0.90, 1.0 },
  { 0.75, 0.74, 0.76, 1.0 },   /* #c0bfbc */
};

void
sp_figure_eis_series_color (const SpPlotStyle *style,
                            guint              i,
                            SpColor           *color)
{
  if (i == 0)
    *color = style->accent;
  else if (style->dark)
    *color = dark_palette[(i - 1) % G_N_ELEMENTS (dark_palette)];
  else
    *color = light_palette[(i - 1) % G_N_ELEMENTS (light_palette)];
}

SpMarker
sp_figure_eis_series_marker (guint i)
{
  return (SpMarker) (i % SP_N_MARKERS);
}

double
sp_figure_eis_marker_radius (const SpFigureSpec *spec,
                             guint               n_points)
{
  double r = (n_points > 150 ? 0.22 : 0.3) * spec->em;

  return MAX (1.5, MIN (r, MIN (spec->pw, spec->split ? MIN (spec->ph, spec->ph2) : spec->ph) / 60.0));
}

gboolean
sp_figure_eis_readout_fits (const SpFigureSpec *spec)
{
  return spec->pw >= 16.0 * spec->em && spec->ph >= 7.0 * spec->em;
}

char *
sp_figure_eis_format_si (double      value,
                         const char *unit)
{
  static const char *prefixes[] = { "p", "n", "µ", "m", "", "k", "M", "G", "T" };
  int k;
  double m;
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup_printf ("– %s", unit);
  if (value == 0.0)
    return g_strdup_printf ("0 %s", unit);
  k = (int) floor (log10 (fabs (value)) / 3.0);
  k = CLAMP (k, -4, 4);
  m = value / pow (10.0, 3 * k);
  /* 999.7 rounds to "1000": one prefix up. */
  if (fabs (m) >= 999.5 && k < 4)
    {
      k++;
      m = copysign (1.0, m);
    }
  number = sp_format_significant (m, 3);
  return g_strdup_printf ("%s %s%s", number, prefixes[k + 4], unit);
}

char *
sp_figure_eis_format_frequency (double freq_hz)
{
  return sp_figure_eis_format_si (freq_hz, "Hz");
}

const SpEisSpectrum *
sp_figure_nyquist_cursor_spectrum (const SpEisFigureData *eis)
{
  if (eis == NULL)
    return NULL;
  for (guint i = 0; i < eis->n_spectra; i++)
    if (eis->spectra[i] != NULL && eis->spectra[i]->n_points > 0)
      return eis->spectra[i];
  if (eis->model != NULL && eis->model->n_points > 0)
    return eis->model;
  return NULL;
}

/* Z at @freq_hz along @s, interpolated linearly between the neighbouring
 * measured points in log f; FALSE outside the spectrum's range. */
gboolean
sp_figure_eis_spectrum_at (const SpEisSpectrum *s,
                           double               freq_hz,
                           double              *z_re,
                           double              *z_im)
{
  double lf = log (freq_hz);

  for (guint i = 0; i < s->n_points; i++)
    if (s->freq_hz[i] == freq_hz)
      {
        *z_re = s->z_re_ohm[i];
        *z_im = s->z_im_ohm[i];
        return TRUE;
      }
  for (guint i = 0; i + 1 < s->n_points; i++)
    {
      double a = log (s->freq_hz[i]), b = log (s->freq_hz[i + 1]);

      if ((lf - a) * (lf - b) <= 0.0 && a != b)
        {
          double t = (lf - a) / (b - a);

          *z_re = s->z_re_ohm[i] + t * (s->z_re_ohm[i + 1] - s->z_re_ohm[i]);
          *z_im = s->z_im_ohm[i] + t * (s->z_im_ohm[i + 1] - s->z_im_ohm[i]);
          return TRUE;
        }
    }
  return FALSE;
}

/* The nearest drawn point of the cursor spectrum, in user units. */
static gboolean
nyquist_nearest (const SpFigureSpec  *spec,
                 const SpEisSpectrum *s,
                 double               x,
                 double               y,
                 double              *freq_hz)
{
  double best = INFINITY;

  for (guint i = 0; i < s->n_points; i++)
    {
      double u = sp_axis_map (&spec->x, s->z_re_ohm[i]);
      double v = sp_axis_map (&spec->y, -s->z_im_ohm[i]);
      double d = (u - x) * (u - x) + (v - y) * (v - y);

      if (isfinite (d) && d < best)
        {
          best = d;
          *freq_hz = s->freq_hz[i];
        }
    }
  return isfinite (best);
}

gboolean
sp_figure_eis_frequency_at (SpFigureKind        kind,
                            const SpFigureSpec *spec,
                            const SpFigureData *data,
                            double              x,
                            double              y,
                            double             *freq_hz)
{
  gboolean in_x = x >= spec->px && x <= spec->px + spec->pw;
  gboolean in_y = y >= spec->py && y <= spec->py + spec->ph;
  double f = NAN;

  if (spec->split)
    in_y = in_y || (y >= spec->py2 && y <= spec->py2 + spec->ph2);
  if (!in_x || !in_y)
    return FALSE;
  switch (kind)
    {
    case SP_FIGURE_NYQUIST:
      {
        const SpEisSpectrum *s = sp_figure_nyquist_cursor_spectrum (data->eis);

        if (s == NULL || !nyquist_nearest (spec, s, x, y, &f))
          return FALSE;
      }
      break;
    case SP_FIGURE_BODE:
    case SP_FIGURE_EIS_RESIDUALS:
      f = sp_axis_unmap (&spec->x, x);
      break;
    case SP_FIGURE_DRT:
      f = 1.0 / (2 * G_PI * sp_axis_unmap (&spec->x, x));
      break;
    default:
      return FALSE;
    }
  if (!(f > 0.0) || !isfinite (f))
    return FALSE;
  if (freq_hz != NULL)
    *freq_hz = f;
  return TRUE;
}
