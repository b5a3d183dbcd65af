/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-pin-set.c — pinned comparisons as an immutable, shared set */

#include "config.h"

#include <string.h>

#include "sp-pin-set.h"

struct _SpPinSet
{
  gint   ref_count;
  guint  n;
  SpPin  pins[SP_PIN_SET_MAX];
};

SpPinSet *
sp_pin_set_new (void)
{
  SpPinSet *set = g_new0 (SpPinSet, 1);

  set->ref_count = 1;
  return set;
}

SpPinSet *
sp_pin_set_ref (SpPinSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);
  g_atomic_int_inc (&set->ref_count);
  return set;
}

SpPinCurve *
sp_pin_curve_new (const char   *figure,
                  const char   *axes,
                  const char   *name,
                  const char   *x_name,
                  gboolean      points,
                  const double *x,
                  const double *y,
                  guint         n)
{
  SpPinCurve *curve = g_new0 (SpPinCurve, 1);

  g_return_val_if_fail (figure != NULL && name != NULL && x_name != NULL, curve);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), curve);

  curve->figure = g_strdup (figure);
  curve->axes = g_strdup (axes != NULL ? axes : "");
  curve->name = g_strdup (name);
  curve->x_name = g_strdup (x_name);
  curve->points = points;
  curve->n = n;
  curve->x = g_memdup2 (x, n * sizeof (double));
  curve->y = g_memdup2 (y, n * sizeof (double));
  return curve;
}

void
sp_pin_curve_free (SpPinCurve *curve)
{
  if (curve == NULL)
    return;
  g_free (curve->figure);
  g_free (curve->axes);
  g_free (curve->name);
  g_free (curve->x_name);
  g_free (curve->x);
  g_free (curve->y);
  g_free (curve);
}

static void
pin_clear (SpPin *pin)
{
  g_clear_pointer (&pin->label, g_free);
  g_clear_pointer (&pin->analysis, sp_analysis_unref);
  g_clear_pointer (&pin->impedance, sp_eis_spectrum_free);
  g_clear_pointer (&pin->curves, g_ptr_array_unref);
}

static void
pin_copy (SpPin       *dest,
          const SpPin *src)
{
  dest->label = g_strdup (src->label);
  dest->analysis = src->analysis != NULL ? sp_analysis_ref (src->analysis) : NULL;
  dest->impedance = src->impedance != NULL ? sp_eis_spectrum_copy (src->impedance) : NULL;
  dest->curves = src->curves != NULL ? g_ptr_array_ref (src->curves) : NULL;
}

void
sp_pin_set_unref (SpPinSet *set)
{
  g_return_if_fail (set != NULL);

  if (!g_atomic_int_dec_and_test (&set->ref_count))
    return;
  for (guint i = 0; i < set->n; i++)
    pin_clear (&set->pins[i]);
  g_free (set);
}

guint
sp_pin_set_get_n (const SpPinSet *set)
{
  return set != NULL ? set->n : 0;
}

const SpPin *
sp_pin_set_get (const SpPinSet *set,
                guint           index)
{
  g_return_val_if_fail (set != NULL && index < set->n, NULL);
  return &set->pins[index];
}

/* A new set with @set's pins except @skip (G_MAXUINT: none). */
static SpPinSet *
copy_except (const SpPinSet *set,
             guint           skip)
{
  SpPinSet *copy = sp_pin_set_new ();

  for (guint i = 0; set != NULL && i < set->n; i++)
    if (i != skip)
      pin_copy (&copy->pins[copy->n++], &set->pins[i]);
  return copy;
}

SpPinSet *
sp_pin_set_add (const SpPinSet      *set,
                const char          *label,
                SpAnalysis          *analysis,
                const SpEisSpectrum *impedance)
{
  return sp_pin_set_add_full (set, label, analysis, impedance, NULL);
}

SpPinSet *
sp_pin_set_add_full (const SpPinSet      *set,
                     const char          *label,
                     SpAnalysis          *analysis,
                     const SpEisSpectrum *impedance,
                     GPtrArray           *curves)
{
  SpPinSet *copy;
  SpPin *pin;

  g_return_val_if_fail (label != NULL && *label != '\0', NULL);
  if (sp_pin_set_get_n (set) >= SP_PIN_SET_MAX)
    return NULL;
  copy = copy_except (set, G_MAXUINT);
  pin = &copy->pins[copy->n++];
  pin->label = g_strdup (label);
  pin->analysis = analysis != NULL ? sp_analysis_ref (analysis) : NULL;
  pin->impedance = impedance != NULL ? sp_eis_spectrum_copy (impedance) : NULL;
  pin->curves = curves != NULL && curves->len > 0 ? g_ptr_array_ref (curves) : NULL;
  return copy;
}

SpPinSet *
sp_pin_set_remove (const SpPinSet *set,
                   guint           index)
{
  g_return_val_if_fail (set != NULL && index < set->n, NULL);
  return copy_except (set, index);
}

SpPinSet *
sp_pin_set_rename (const SpPinSet *set,
                   guint           index,
                   const char     *label)
{
  SpPinSet *copy;

  g_return_val_if_fail (set != NULL && index < set->n, NULL);
  g_return_val_if_fail (label != NULL && *label != '\0', NULL);
  copy = copy_except (set, G_MAXUINT);
  g_free (copy->pins[index].label);
  copy->pins[index].label = g_strdup (label);
  return copy;
}

void
sp_pin_set_style (const SpPlotStyle  *style,
                  guint               index,
                  SpColor            *color,
                  const double      **dashes,
                  int                *n_dashes)
{
  /* Dash patterns a photocopy keeps apart, in line widths. */
  static const double long_dash[] = { 7.0, 3.5 };
  static const double dash_dot[] = { 6.0, 2.5, 1.0, 2.5 };
  static const double dots[] = { 1.0, 2.2 };
  static const double dash_dot_dot[] = { 6.0, 2.2, 1.0, 2.2, 1.0, 2.2 };
  static const struct { const double *d; int n; } patterns[SP_PIN_SET_MAX] = {
    { long_dash, G_N_ELEMENTS (long_dash) },
    { dash_dot, G_N_ELEMENTS (dash_dot) },
    { dots, G_N_ELEMENTS (dots) },
    { dash_dot_dot, G_N_ELEMENTS (dash_dot_dot) },
  };
  /* How far from the foreground towards the background: distinct greys,
   * all well clear of the background. */
  static const double toward_background[SP_PIN_SET_MAX] = { 0.25, 0.38, 0.30, 0.48 };
  const SpColor *fg = &style->foreground, *bg = &style->background;
  double s = toward_background[index % SP_PIN_SET_MAX];
  /* Grey: the luminance of the mix, so the pin never reads as a colour. */
  double fl = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue;
  double bl = 0.2126 * bg->red + 0.7152 * bg->green + 0.0722 * bg->blue;
  double grey = fl + (bl - fl) * s;

  color->red = color->green = color->blue = grey;
  color->alpha = 1.0;
  *dashes = patterns[index % SP_PIN_SET_MAX].d;
  *n_dashes = patterns[index % SP_PIN_SET_MAX].n;
}

/* Pin @index's other curves ("curves", checked when the file was read). */
static GPtrArray *
read_curves (const SpSession *session,
             guint            index)
{
  GPtrArray *curves = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_pin_curve_free);
  guint n = sp_session_get_pin_n_curves (session, index);

  for (guint k = 0; k < n; k++)
    {
      g_autofree double *x = NULL, *y = NULL;
      const char *figure, *axes, *name, *x_name;
      gboolean points;
      guint len;

      if (sp_session_get_pin_curve (session, index, k, &figure, &axes, &name, &x_name, &points,
                                    &len, &x, &y))
        g_ptr_array_add (curves, sp_pin_curve_new (figure, axes, name, x_name, points, x, y, len));
    }
  return curves;
}

SpPinSet *
sp_pin_set_new_from_session (const SpSession *session)
{
  SpPinSet *pins = sp_pin_set_new ();

  g_return_val_if_fail (session != NULL, pins);

  for (guint i = 0; session->pins != NULL && i < json_array_get_length (session->pins); i++)
    {
      g_autofree double *freq = NULL, *re = NULL, *im = NULL;
      g_autoptr(SpAnalysis) analysis = NULL;
      g_autoptr(SpEisSpectrum) impedance = NULL;
      g_autoptr(GPtrArray) curves = NULL;
      const char *label;
      SpModel model;
      guint n;
      SpPinSet *next;

      if (!sp_session_get_pin (session, i, &label, &model, &n, &freq, &re, &im) ||
          !sp_model_validate (&model, NULL))
        continue;
      analysis = sp_analysis_new (&model);
      if (n > 0)
        {
          impedance = sp_eis_spectrum_new (n);
          memcpy (impedance->freq_hz, freq, n * sizeof (double));
          memcpy (impedance->z_re_ohm, re, n * sizeof (double));
          memcpy (impedance->z_im_ohm, im, n * sizeof (double));
          sp_eis_spectrum_set_name (impedance, label);
        }
      curves = read_curves (session, i);
      next = sp_pin_set_add_full (pins, label, analysis, impedance, curves);
      if (next == NULL)
        break;
      sp_pin_set_unref (pins);
      pins = next;
    }
  return pins;
}
