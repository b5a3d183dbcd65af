/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-eis-read.c — libFuzzer harness: the impedance-spectrum reader and
 * the Arrhenius table reader on arbitrary bytes
 *
 * Every input must either give a spectrum of at least three points, each
 * with a finite positive frequency and a finite impedance, or be refused
 * with an SP_EIS_READ_ERROR whose message starts with the file's name;
 * the same for temperature/conductivity tables (T > 0, σ > 0, finite).
 * The input is read under each name whose extension could steer the
 * format (.csv, .DTA, .mpt, .z).  Built with -fsanitize=fuzzer (meson
 * -Dfuzzing=true); without it, fuzz-replay.c supplies main() and replays
 * files.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-arrhenius.h"
#include "sp-eis-read.h"
#include "sp-gsl.h"

/* A failed property aborts (SIGABRT) rather than trapping as g_error does
 * under G_DEBUG: libFuzzer saves the input only on the signals it handles. */
#undef g_error
#define g_error(...) (g_printerr (__VA_ARGS__), g_printerr ("\n"), abort ())

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sp_gsl_init ();
  return 0;
}

static void
check_refusal (GError     *error,
               const char *name)
{
  if (error == NULL || error->domain != SP_EIS_READ_ERROR || !g_str_has_prefix (error->message, name))
    g_error ("%s refused without an SP_EIS_READ_ERROR naming it: %s", name,
             error != NULL ? error->message : "(no error)");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const names[] = { "fuzz.csv", "fuzz.DTA", "fuzz.mpt", "fuzz.z" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      GError *error = NULL;
      SpEisSpectrum *s = sp_eis_read_data ((const char *) data, size, names[k], &error);

      if (s != NULL)
        {
          if (s->n_points < SP_EIS_READ_MIN_POINTS)
            g_error ("a spectrum of %u points", s->n_points);
          for (guint i = 0; i < s->n_points; i++)
            if (!(isfinite (s->freq_hz[i]) && s->freq_hz[i] > 0 && isfinite (s->z_re_ohm[i]) &&
                  isfinite (s->z_im_ohm[i])))
              g_error ("point %u: f = %g, Z = %g%+gj", i, s->freq_hz[i], s->z_re_ohm[i],
                       s->z_im_ohm[i]);
          if (!isnan (s->temperature_k) && !(s->temperature_k > 0))
            g_error ("temperature %g K", s->temperature_k);
          if (strcmp (s->name, names[k]) != 0)
            g_error ("the spectrum is named %s, not %s", s->name, names[k]);
          sp_eis_spectrum_free (s);
        }
      else
        check_refusal (error, names[k]);
      g_clear_error (&error);
    }

  {
    GError *error = NULL;
    SpArrheniusData *d = sp_arrhenius_data_read ((const char *) data, size, "fuzz.csv", &error);

    if (d != NULL)
      {
        for (guint i = 0; i < d->n_points; i++)
          if (!(d->temperature_k[i] > 0 && isfinite (d->temperature_k[i]) &&
                d->sigma_s_per_cm[i] > 0 && isfinite (d->sigma_s_per_cm[i]) &&
                (d->sigma_stderr == NULL || (d->sigma_stderr[i] > 0 && isfinite (d->sigma_stderr[i])))))
            g_error ("table point %u: T = %g K, σ = %g S/cm", i, d->temperature_k[i],
                     d->sigma_s_per_cm[i]);
        sp_arrhenius_data_free (d);
      }
    else
      check_refusal (error, "fuzz.csv");
    g_clear_error (&error);
  }
  return 0;
}
