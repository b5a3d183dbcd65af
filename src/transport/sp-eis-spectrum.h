/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-spectrum.h — one measured or simulated impedance spectrum
 *
 * The value every impedance tool of the transport lab passes around: the
 * readers fill it, the fit, the Kramers–Kronig check and the DRT read it,
 * the figures draw it.  Points keep the order they were measured in (a
 * drift during the sweep shows against that order); Z″ is stored with its
 * own sign (capacitive arcs have Z″ < 0; plots draw −Z″ upward).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   n_points;
  double *freq_hz;        /* f > 0, Hz                                   */
  double *z_re_ohm;       /* Z′, Ω                                       */
  double *z_im_ohm;       /* Z″, Ω (negative on a capacitive arc)        */
  double  temperature_k;  /* NAN when the source does not say            */
  char   *name;           /* a label: the file's base name, or the model */
} SpEisSpectrum;

/* A spectrum of @n_points zeroed points, temperature NAN, name "". */
SpEisSpectrum *sp_eis_spectrum_new        (guint                n_points);
SpEisSpectrum *sp_eis_spectrum_copy       (const SpEisSpectrum *spectrum);
void           sp_eis_spectrum_free       (SpEisSpectrum       *spectrum);
void           sp_eis_spectrum_set_name   (SpEisSpectrum       *spectrum,
                                           const char          *name);

/* Log-spaced frequencies from @f_max_hz down to @f_min_hz (the order an
 * analyser sweeps), @points_per_decade per decade, both ends included;
 * impedance zero.  NULL with an error naming the bad argument. */
SpEisSpectrum *sp_eis_spectrum_new_log    (double               f_min_hz,
                                           double               f_max_hz,
                                           double               points_per_decade,
                                           GError             **error);

/* A copy keeping only the points with @f_min_hz ≤ f ≤ @f_max_hz and, when
 * @drop_positive_imag, Z″ ≤ 0 (inductive points at high frequency). */
SpEisSpectrum *sp_eis_spectrum_select     (const SpEisSpectrum *spectrum,
                                           double               f_min_hz,
                                           double               f_max_hz,
                                           gboolean             drop_positive_imag);

/* The indices of the @n frequencies @freq_hz by increasing frequency (a
 * new array of @n; the spectrum itself keeps its measured order). */
guint         *sp_eis_spectrum_frequency_order          (const double        *freq_hz,
                                                         guint                n);

/* FALSE with an error naming the two points (numbered from 1) when two
 * points of @spectrum share a frequency: the Kramers–Kronig check and
 * the DRT need every frequency once. */
gboolean       sp_eis_spectrum_check_distinct_frequencies (const SpEisSpectrum *spectrum,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpEisSpectrum, sp_eis_spectrum_free)

G_END_DECLS
