/* sp-readout.c — numbers and quantities typeset for the read-outs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-model.h"

#include "sp-readout.h"

static const char *superscripts[] = {
  "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹",
};

/* Turns printf output into typeset text: a true minus sign (U+2212) and
 * "1.2e-05" into "1.2 × 10⁻⁵". */
static char *
typeset_number (const char *printed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *e = strpbrk (printed, "eE");

  g_string_append_len (out, printed, e ? e - printed : -1);

  if (e != NULL)
    {
      const char *p = e + 1;
      gboolean negative = FALSE;

      if (*p == '+' || *p == '-')
        negative = (*p++ == '-');
      while (*p == '0' && p[1] != '\0')
        p++;

      /* Translators: the multiplication sign of scientific notation,
       * as in "1.2 × 10⁻⁵". */
      g_string_append (out, _(" × 10"));
      if (negative)
        g_string_append (out, "⁻");
      for (; g_ascii_isdigit (*p); p++)
        g_string_append (out, superscripts[*p - '0']);
    }

  g_string_replace (out, "-", "−", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
sp_readout_fixed (double value,
                 int    digits)
{
  g_autofree char *printed = NULL;

  if (!isfinite (value))
    return g_strdup (SP_READOUT_UNDEFINED);
  if (fabs (value) < 0.5 * pow (10.0, -digits))
    value = 0.0;
  printed = g_strdup_printf ("%.*f", digits, value);

  return typeset_number (printed);
}

char *
sp_readout_significant (double value,
                       int    significant)
{
  g_autofree char *printed = NULL;

  if (!isfinite (value))
    return g_strdup (SP_READOUT_UNDEFINED);
  printed = g_strdup_printf ("%.*g", significant, value);
  return typeset_number (printed);
}

char *
sp_readout_quantity (const char *number,
                    const char *unit)
{
  /* Translators: a number and its unit symbol, e.g. "115.8 meV"; use the
   * spacing your language's typography wants (a no-break space is fine). */
  return g_strdup_printf (_("%s %s"), number, unit);
}

char *
sp_readout_composition (double c,
                       double one_minus_c)
{
  g_autofree char *small = NULL;

  if (c >= 0.0005 && one_minus_c >= 0.0005)
    return sp_readout_fixed (c, 3);

  if (c < 0.0005)
    return sp_readout_significant (c, 2);

  small = sp_readout_significant (one_minus_c, 2);
  /* Translators: a composition very close to 1, e.g. "1 − 2.1 × 10⁻⁹". */
  return g_strdup_printf (_("1 − %s"), small);
}

char *
sp_readout_range (double lo,
                 double u_lo,
                 double hi,
                 double u_hi)
{
  g_autofree char *a = sp_readout_composition (lo, sp_logistic_complement (u_lo));
  g_autofree char *b = sp_readout_composition (hi, sp_logistic_complement (u_hi));

  /* Translators: a composition interval, e.g. "0.146 – 0.854". */
  return g_strdup_printf (_("%s – %s"), a, b);
}
