/* sp-eis-spectrum.c — one impedance spectrum (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sp-eis-spectrum.h"

SpEisSpectrum *
sp_eis_spectrum_new (guint n_points)
{
  SpEisSpectrum *spectrum = g_new0 (SpEisSpectrum, 1);

  spectrum->n_points = n_points;
  spectrum->freq_hz = g_new0 (double, MAX (n_points, 1));
  spectrum->z_re_ohm = g_new0 (double, MAX (n_points, 1));
  spectrum->z_im_ohm = g_new0 (double, MAX (n_points, 1));
  spectrum->temperature_k = NAN;
  spectrum->name = g_strdup ("");
  return spectrum;
}

SpEisSpectrum *
sp_eis_spectrum_copy (const SpEisSpectrum *spectrum)
{
  SpEisSpectrum *copy;

  g_return_val_if_fail (spectrum != NULL, NULL);

  copy = sp_eis_spectrum_new (spectrum->n_points);
  memcpy (copy->freq_hz, spectrum->freq_hz, spectrum->n_points * sizeof (double));
  memcpy (copy->z_re_ohm, spectrum->z_re_ohm, spectrum->n_points * sizeof (double));
  memcpy (copy->z_im_ohm, spectrum->z_im_ohm, spectrum->n_points * sizeof (double));
  copy->temperature_k = spectrum->temperature_k;
  sp_eis_spectrum_set_name (copy, spectrum->name);
  return copy;
}

void
sp_eis_spectrum_free (SpEisSpectrum *spectrum)
{
  if (spectrum == NULL)
    return;
  g_free (spectrum->freq_hz);
  g_free (spectrum->z_re_ohm);
  g_free (spectrum->z_im_ohm);
  g_free (spectrum->name);
  g_free (spectrum);
}

void
sp_eis_spectrum_set_name (SpEisSpectrum *spectrum,
                          const char    *name)
{
  g_return_if_fail (spectrum != NULL);

  g_free (spectrum->name);
  spectrum->name = g_strdup (name != NULL ? name : "");
}

SpEisSpectrum *
sp_eis_spectrum_new_log (double   f_min_hz,
                         double   f_max_hz,
                         double   points_per_decade,
                         GError **error)
{
  SpEisSpectrum *spectrum;
  double decades, n_real;
  guint n;

  if (!(isfinite (f_min_hz) && f_min_hz > 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "the lowest frequency must be a positive number of hertz, not %g", f_min_hz);
      return NULL;
    }
  if (!(isfinite (f_max_hz) && f_max_hz > f_min_hz))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "the highest frequency (%g Hz) must be above the lowest (%g Hz)",
                   f_max_hz, f_min_hz);
      return NULL;
    }
  if (!(isfinite (points_per_decade) && points_per_decade >= 1 && points_per_decade <= 1000))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "points per decade must lie in 1 … 1000, not %g", points_per_decade);
      return NULL;
    }

  /* The difference of logarithms: the ratio itself may overflow. */
  decades = log10 (f_max_hz) - log10 (f_min_hz);
  /* Both ends included; the rounding keeps 10 decades at 10 per decade at
   * 101 points rather than 100 or 102 from round-off. */
  n_real = floor (decades * points_per_decade + 0.5 + 1e-9) + 1;
  if (n_real > 100000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%.0f points are too many for one spectrum (at most 100000)", n_real);
      return NULL;
    }
  n = MAX ((guint) n_real, 2);

  spectrum = sp_eis_spectrum_new (n);
  for (guint i = 0; i < n; i++)
    spectrum->freq_hz[i] = f_max_hz * pow (10.0, -decades * i / (n - 1));
  spectrum->freq_hz[n - 1] = f_min_hz;
  return spectrum;
}

SpEisSpectrum *
sp_eis_spectrum_select (const SpEisSpectrum *spectrum,
                        double               f_min_hz,
                        double               f_max_hz,
                        gboolean             drop_positive_imag)
{
  SpEisSpectrum *kept;
  guint n = 0;

  g_return_val_if_fail (spectrum != NULL, NULL);

  kept = sp_eis_spectrum_new (spectrum->n_points);
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      double f = spectrum->freq_hz[i];

      if (f < f_min_hz || f > f_max_hz)
        continue;
      if (drop_positive_imag && spectrum->z_im_ohm[i] > 0)
        continue;
      kept->freq_hz[n] = f;
      kept->z_re_ohm[n] = spectrum->z_re_ohm[i];
      kept->z_im_ohm[n] = spectrum->z_im_ohm[i];
      n++;
    }
  kept->n_points = n;
  kept->temperature_k = spectrum->temperature_k;
  sp_eis_spectrum_set_name (kept, spectrum->name);
  return kept;
}

static gint
compare_frequency (gconstpointer a,
                   gconstpointer b,
                   gpointer      freq)
{
  double fa = ((const double *) freq)[*(const guint *) a];
  double fb = ((const double *) freq)[*(const guint *) b];

  return (fa > fb) - (fa < fb);
}

guint *
sp_eis_spectrum_frequency_order (const double *freq_hz,
                                 guint         n)
{
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_frequency, (gpointer) freq_hz);
  return order;
}

gboolean
sp_eis_spectrum_check_distinct_frequencies (const SpEisSpectrum *spectrum,
                                            GError             **error)
{
  const double *f = spectrum->freq_hz;
  g_autofree guint *order = sp_eis_spectrum_frequency_order (f, spectrum->n_points);

  for (guint k = 1; k < spectrum->n_points; k++)
    if (f[order[k]] == f[order[k - 1]])
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("points %u and %u have the same frequency %g Hz"),
                     MIN (order[k], order[k - 1]) + 1, MAX (order[k], order[k - 1]) + 1,
                     f[order[k]]);
        return FALSE;
      }
  return TRUE;
}
