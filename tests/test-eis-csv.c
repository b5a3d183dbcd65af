/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-eis-csv.c — a spectrum as CSV: the comment lines, the header row and
 * every number read back as the very same double */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-eis-csv.h"

static void
test_round_trip (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (6);
  g_autoptr(GString) csv = NULL;
  g_auto(GStrv) lines = NULL;
  const double f[] = { 1e7, 123456.789, 1.0 / 3, 1e-300, 2.5, 0.1 };
  const double re[] = { 10, 0.1 + 0.2, -4.9e-324, 1e300, 7, 1e-5 };
  const double im[] = { -0.015915493906045363, 0, -1.0 / 7, -1e-12, NAN, INFINITY };
  const char *const comments[] = { "circuit = R0-p(R1,C1)", "R0 = 10 Ohm", NULL };
  guint row = 0;

  for (guint i = 0; i < 6; i++)
    {
      s->freq_hz[i] = f[i];
      s->z_re_ohm[i] = re[i];
      s->z_im_ohm[i] = im[i];
    }
  s->temperature_k = 298.15;
  csv = sp_eis_csv_spectrum (s, "impedance spectrum of R0-p(R1,C1)", comments);
  lines = g_strsplit (csv->str, "\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "# Spinodal " PACKAGE_VERSION " — impedance spectrum of R0-p(R1,C1)");
  g_assert_cmpstr (lines[1], ==, "# circuit = R0-p(R1,C1)");
  g_assert_cmpstr (lines[2], ==, "# R0 = 10 Ohm");
  g_assert_cmpstr (lines[3], ==, "# temperature_K = 298.15");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (row == 0)
        {
          g_assert_cmpstr (lines[i], ==, "freq_hz,z_re_ohm,z_im_ohm");
          row++;
          continue;
        }
      cells = g_strsplit (lines[i], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 3);
      g_assert_cmpfloat (g_ascii_strtod (cells[0], NULL), ==, f[row - 1]);
      g_assert_cmpfloat (g_ascii_strtod (cells[1], NULL), ==, re[row - 1]);
      if (isnan (im[row - 1]))
        g_assert_cmpstr (cells[2], ==, "nan");
      else if (isinf (im[row - 1]))
        g_assert_cmpstr (cells[2], ==, "inf");
      else
        g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, im[row - 1]);
      row++;
    }
  g_assert_cmpuint (row, ==, 7);
  /* The shortest exact form: 10 rather than 10.000000000000000. */
  g_assert_nonnull (strstr (csv->str, "\n10000000,10,"));
  g_assert_nonnull (strstr (csv->str, "\n2.5,7,nan\n"));
}

static void
test_no_temperature (void)
{
  g_autoptr(SpEisSpectrum) s = sp_eis_spectrum_new (1);
  g_autoptr(GString) csv = NULL;

  s->freq_hz[0] = 1;
  csv = sp_eis_csv_spectrum (s, NULL, NULL);
  g_assert_null (strstr (csv->str, "temperature"));
  g_assert_true (g_str_has_suffix (csv->str, "freq_hz,z_re_ohm,z_im_ohm\n1,0,0\n"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sp_gsl_init ();
  g_test_add_func ("/eis-csv/round-trip", test_round_trip);
  g_test_add_func ("/eis-csv/no-temperature", test_no_temperature);
  return g_test_run ();
}
