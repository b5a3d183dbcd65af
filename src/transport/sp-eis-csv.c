/* sp-eis-csv.c — an impedance spectrum as CSV (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-csv.h"
#include "sp-eis-csv.h"

GString *
sp_eis_csv_spectrum (const SpEisSpectrum *spectrum,
                     const char          *what,
                     const char *const   *comments)
{
  GString *csv;

  g_return_val_if_fail (spectrum != NULL, NULL);

  csv = g_string_new (NULL);
  g_string_append_printf (csv, "# Spinodal %s — %s\n", PACKAGE_VERSION,
                          what != NULL ? what : "impedance spectrum");
  for (guint i = 0; comments != NULL && comments[i] != NULL; i++)
    g_string_append_printf (csv, "# %s\n", comments[i]);
  if (isfinite (spectrum->temperature_k))
    {
      g_string_append (csv, "# temperature_K = ");
      sp_csv_append_number (csv, spectrum->temperature_k, '\n');
    }
  g_string_append (csv, "# column freq_hz: frequency, Hz\n"
                        "# column z_re_ohm: real part Z', Ohm\n"
                        "# column z_im_ohm: imaginary part Z'' with its sign "
                        "(negative on a capacitive arc), Ohm\n"
                        "freq_hz,z_re_ohm,z_im_ohm\n");
  for (guint i = 0; i < spectrum->n_points; i++)
    {
      sp_csv_append_number (csv, spectrum->freq_hz[i], ',');
      sp_csv_append_number (csv, spectrum->z_re_ohm[i], ',');
      sp_csv_append_number (csv, spectrum->z_im_ohm[i], '\n');
    }
  return csv;
}
