/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure-eis-nyquist.c — −Z″ against Z′ on equal scales
 *
 * The one rule a Nyquist plot must never break: one ohm is as long on both
 * axes, whatever the card's shape (spec->equal_scale widens the shorter
 * range after layout), so an R‖C arc is a semicircle and a depressed
 * (CPE) arc visibly is not.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

static gboolean
spectrum_usable (const SpEisSpectrum *s)
{
  return s != NULL && s->n_points > 0;
}

/* Extends [lo, hi] of Z′ and −Z″ over the finite points of @s. */
static void
extend_range (const SpEisSpectrum *s,
              double              *x_lo,
              double              *x_hi,
              double              *y_lo,
              double              *y_hi)
{
  for (guint i = 0; i < s->n_points; i++)
    if (isfinite (s->z_re_ohm[i]) && isfinite (s->z_im_ohm[i]))
      {
        *x_lo = MIN (*x_lo, s->z_re_ohm[i]);
        *x_hi = MAX (*x_hi, s->z_re_ohm[i]);
        *y_lo = MIN (*y_lo, -s->z_im_ohm[i]);
        *y_hi = MAX (*y_hi, -s->z_im_ohm[i]);
      }
}

void
sp_figure_eis_spectra_legend (SpFigureSpec          *spec,
                              const SpEisFigureData *eis,
                              const SpPlotStyle     *style)
{
  guint room = SP_FIGURE_MAX_LEGEND - (spectrum_usable (eis->model) ? 1 : 0);
  guint shown = 0;

  for (guint i = 0; i < eis->n_spectra; i++)
    {
      const SpEisSpectrum *s = eis->spectra[i];
      g_autofree char *name = NULL;
      SpColor color;

      if (!spectrum_usable (s))
        continue;
      if (shown + 1 == room && i + 1 < eis->n_spectra)
        {
          /* More spectra than rows: say how many are not listed. */
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more spectrum",
                                                                "and %u more spectra",
                                                                eis->n_spectra - i),
                                                   eis->n_spectra - i);

          sp_figure_spec_add_legend (spec, SP_LEGEND_FILL, &style->grid, more);
          break;
        }
      sp_figure_eis_series_color (style, i, &color);
      name = g_markup_escape_text (s->name != NULL && s->name[0] != '\0' ? s->name : _("data"), -1);
      sp_figure_spec_add_legend_marker (spec, SP_LEGEND_MARKER, &color,
                                        sp_figure_eis_series_marker (i), name);
      shown++;
    }
  if (spectrum_usable (eis->model))
    {
      g_autofree char *name = g_markup_escape_text (eis->model_label != NULL ? eis->model_label
                                                                             : _("model"), -1);
      sp_figure_spec_add_legend (spec, SP_LEGEND_LINE,
                                 shown > 0 ? &style->foreground : &style->accent, name);
    }
}

void
sp_figure_nyquist_setup (SpFigureSpec       *spec,
                         const SpFigureData *data,
                         const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = 0.0, y_hi = -INFINITY;
  double span, pad;

  if (sp_figure_nyquist_cursor_spectrum (eis) == NULL)
    {
      sp_figure_spec_set_no_data (spec, _("No impedance spectrum"));
      return;
    }
  for (guint i = 0; i < eis->n_spectra; i++)
    if (spectrum_usable (eis->spectra[i]))
      extend_range (eis->spectra[i], &x_lo, &x_hi, &y_lo, &y_hi);
  if (spectrum_usable (eis->model))
    extend_range (eis->model, &x_lo, &x_hi, &y_lo, &y_hi);
  if (!(x_hi >= x_lo) || !(y_hi >= y_lo))
    {
      sp_figure_spec_set_no_data (spec, _("No impedance spectrum"));
      return;
    }
  /* Margins in ohms, the same on both axes; more above for the apex
   * labels.  A single point still gets a real range. */
  span = MAX (x_hi - x_lo, y_hi - y_lo);
  if (!(span > 0.0))
    span = MAX (fabs (x_hi), 1.0);
  pad = 0.04 * span;
  spec->x.min = x_lo - pad;
  spec->x.max = x_hi + pad;
  spec->y.min = MIN (y_lo, 0.0) - pad;
  spec->y.max = y_hi + (eis->n_arcs > 0 ? 4.0 : 1.0) * pad;
  spec->equal_scale = TRUE;
  spec->x_label = g_strdup (_("<i>Z</i>′"));
  spec->y_label = g_strdup (_("−<i>Z</i>″"));
  spec->x_unit = g_strdup (_("Ω"));
  spec->y_unit = g_strdup (_("Ω"));
  sp_figure_eis_spectra_legend (spec, eis, style);
}

/* The cursor's read-out, "f = … / Z′ = …, −Z″ = …", or NULL when the
 * cursor is off or outside the spectrum's frequencies. */
static char *
cursor_readout (const SpFigureData *data)
{
  const SpEisSpectrum *s = sp_figure_nyquist_cursor_spectrum (data->eis);
  double z_re, z_im;

  if (s == NULL || !isfinite (data->cursor_freq_hz)
      || !sp_figure_eis_spectrum_at (s, data->cursor_freq_hz, &z_re, &z_im))
    return NULL;
  {
    g_autofree char *f = sp_figure_eis_format_frequency (data->cursor_freq_hz);
    g_autofree char *re = sp_figure_eis_format_si (z_re, "Ω");
    g_autofree char *im = sp_figure_eis_format_si (-z_im, "Ω");

    return g_strdup_printf (_("<i>f</i> = %s\n<i>Z</i>′ = %s, −<i>Z</i>″ = %s"), f, re, im);
  }
}

/* Where the read-out goes: the top-left corner, or the top-right, then
 * the bottom-right one when an inset legend has taken it. */
static void
readout_box (const SpFigureSpec *spec,
             const SpPlotStyle  *style,
             const char         *text,
             SpFigureBox        *box)
{
  double w, h, m = 0.4 * spec->em;
  SpFigureBox legend = { spec->legend_x, spec->legend_y, spec->legend_w, spec->legend_h };
  gboolean inset = spec->legend_placement == SP_LEGEND_INSIDE;

  sp_plot_text_measure (style, 0.9, 0, text, -1, &w, &h);
  w += 0.4 * spec->em;
  h += 0.2 * spec->em;
  *box = (SpFigureBox) { spec->px + m, spec->py + m, w, h };
  if (inset && sp_figure_boxes_intersect (box, &legend))
    box->x = spec->px + spec->pw - m - w;
  if (inset && sp_figure_boxes_intersect (box, &legend))
    box->y = spec->py + spec->ph - m - h;
}

/* The apex labels, "bulk" over "12.3 kHz", above the apex if there is
 * room, else beside it. */
void
sp_figure_nyquist_annotate (const SpFigureSpec *spec,
                            const SpFigureData *data,
                            const SpPlotStyle  *style,
                            SpAnnotations      *annotations,
                            char              **label_markup,
                            SpLabelPlacement   *placement,
                            gboolean           *has)
{
  const SpEisFigureData *eis = data->eis;
  const SpLabelSpot spots[] = {
    { 0.0, -0.6, 0.5, 1.0 },
    { 0.5, -0.5, 0.0, 1.0 },
    { -0.5, -0.5, 1.0, 1.0 },
    { 0.6, 0.0, 0.0, 0.5 },
    { -0.6, 0.0, 1.0, 0.5 },
    { 0.0, 0.6, 0.5, 0.0 },
  };
  guint n = MIN (eis->n_arcs, SP_EIS_MAX_ARCS);

  memset (annotations, 0, sizeof *annotations);
  /* The frequency cursor's read-out sits in the top-left corner (two
   * lines): no arc label goes under it. */
  if (isfinite (data->cursor_freq_hz) && sp_figure_eis_readout_fits (spec))
    {
      g_autofree char *text = cursor_readout (data);

      if (text != NULL)
        {
          readout_box (spec, style, text, &annotations->item[0].box);
          annotations->item[0].label = TRUE;
          annotations->n = 1;
        }
    }
  for (guint i = 0; i < n; i++)
    sp_annotations_add_dot (annotations, sp_axis_map (&spec->x, eis->arcs[i].apex_z_re_ohm),
                            sp_axis_map (&spec->y, -eis->arcs[i].apex_z_im_ohm),
                            0.4 * spec->em);
  for (guint i = 0; i < n; i++)
    {
      const SpEisFigureArc *arc = &eis->arcs[i];
      g_autofree char *f = sp_figure_eis_format_frequency (arc->apex_freq_hz);
      double u = sp_axis_map (&spec->x, arc->apex_z_re_ohm);
      double v = sp_axis_map (&spec->y, -arc->apex_z_im_ohm);

      if (arc->label != NULL && arc->label[0] != '\0')
        {
          g_autofree char *name = g_markup_escape_text (arc->label, -1);

          label_markup[i] = g_strdup_printf ("<b>%s</b>\n%s", name, f);
        }
      else
        label_markup[i] = g_steal_pointer (&f);
      /* An apex outside the view (beyond the measured frequencies) gets
       * no label: pulled to the edge it would point at nothing. */
      has[i] = u >= spec->px && u <= spec->px + spec->pw && v >= spec->py && v <= spec->py + spec->ph
               && sp_figure_place_label (spec, style, 0.9, label_markup[i], u, v, spots,
                                         G_N_ELEMENTS (spots), annotations, &placement[i]);
    }
}

static void
draw_markers (cairo_t             *cr,
              const SpFigureSpec  *spec,
              const SpPlotStyle   *style,
              const SpEisSpectrum *s,
              guint                index)
{
  SpMarker marker = sp_figure_eis_series_marker (index);
  /* Dense spectra (hundreds of points) get smaller markers. */
  double r = sp_figure_eis_marker_radius (spec, s->n_points);
  SpColor color;

  sp_figure_eis_series_color (style, index, &color);
  for (guint i = 0; i < s->n_points; i++)
    sp_figure_marker (cr, marker, sp_axis_map (&spec->x, s->z_re_ohm[i]),
                      sp_axis_map (&spec->y, -s->z_im_ohm[i]), r, &color, &style->background);
}

void
sp_figure_nyquist_draw (cairo_t            *cr,
                        const SpFigureSpec *spec,
                        const SpFigureData *data,
                        const SpPlotStyle  *style)
{
  const SpEisFigureData *eis = data->eis;
  gboolean any_spectrum = FALSE;
  guint n_arcs = MIN (eis->n_arcs, SP_EIS_MAX_ARCS);

  cairo_save (cr);
  sp_figure_clip_plot (cr, spec);
  /* The real axis, where every arc starts and ends. */
  cairo_move_to (cr, spec->px, sp_axis_map (&spec->y, 0.0));
  cairo_line_to (cr, spec->px + spec->pw, sp_axis_map (&spec->y, 0.0));
  sp_figure_stroke (cr, &style->foreground, 0.7 * spec->lw, FALSE);

  for (guint i = 0; i < eis->n_spectra; i++)
    any_spectrum = any_spectrum || spectrum_usable (eis->spectra[i]);
  if (spectrum_usable (eis->model))
    {
      g_autofree double *y = g_new (double, eis->model->n_points);

      for (guint i = 0; i < eis->model->n_points; i++)
        y[i] = -eis->model->z_im_ohm[i];
      sp_figure_path (cr, spec, eis->model->z_re_ohm, y, eis->model->n_points);
      /* Over data the model is a thin dark line; alone it is the curve. */
      sp_figure_stroke (cr, any_spectrum ? &style->foreground : &style->accent,
                        (any_spectrum ? 1.1 : 1.8) * spec->lw, FALSE);
    }
  for (guint i = 0; i < eis->n_spectra; i++)
    if (spectrum_usable (eis->spectra[i]))
      draw_markers (cr, spec, style, eis->spectra[i], i);
  for (guint i = 0; i < n_arcs; i++)
    sp_figure_marker (cr, SP_MARKER_DIAMOND, sp_axis_map (&spec->x, eis->arcs[i].apex_z_re_ohm),
                      sp_axis_map (&spec->y, -eis->arcs[i].apex_z_im_ohm), 0.4 * spec->em,
                      &style->marker, &style->background);
  cairo_restore (cr);

  if (n_arcs > 0)
    {
      SpAnnotations annotations;
      SpLabelPlacement placement[SP_EIS_MAX_ARCS];
      gboolean has[SP_EIS_MAX_ARCS];
      char *markup[SP_EIS_MAX_ARCS] = { NULL };

      sp_figure_nyquist_annotate (spec, data, style, &annotations, markup, placement, has);
      for (guint i = 0; i < n_arcs; i++)
        {
          if (has[i])
            sp_figure_draw_placed_label (cr, style, 0.9, markup[i], &placement[i],
                                         &style->foreground);
          g_free (markup[i]);
        }
    }

  if (isfinite (data->cursor_freq_hz))
    {
      const SpEisSpectrum *s = sp_figure_nyquist_cursor_spectrum (eis);
      double z_re, z_im;

      if (sp_figure_eis_spectrum_at (s, data->cursor_freq_hz, &z_re, &z_im))
        {
          double u = sp_axis_map (&spec->x, z_re), v = sp_axis_map (&spec->y, -z_im);
          g_autofree char *text = cursor_readout (data);

          cairo_save (cr);
          sp_figure_clip_plot (cr, spec);
          cairo_new_sub_path (cr);
          cairo_arc (cr, u, v, 0.65 * spec->em, 0, 2 * G_PI);
          sp_figure_stroke (cr, &style->marker, 1.4 * spec->lw, FALSE);
          cairo_restore (cr);
          if (sp_figure_eis_readout_fits (spec))
            {
              SpFigureBox box;

              readout_box (spec, style, text, &box);
              sp_plot_text_draw (cr, style, 0.9, SP_TEXT_HALO, text, -1, box.x + 0.2 * spec->em,
                                 box.y + 0.1 * spec->em, 0.0, 0.0, 0.0, &style->marker);
            }
        }
    }
}

gboolean
sp_figure_nyquist_cursor_point (const SpFigureSpec *spec,
                                const SpFigureData *data,
                                double             *u,
                                double             *v)
{
  const SpEisSpectrum *s = sp_figure_nyquist_cursor_spectrum (data->eis);
  double z_re, z_im;

  if (s == NULL || !isfinite (data->cursor_freq_hz)
      || !sp_figure_eis_spectrum_at (s, data->cursor_freq_hz, &z_re, &z_im))
    return FALSE;
  *u = sp_axis_map (&spec->x, z_re);
  *v = sp_axis_map (&spec->y, -z_im);
  return TRUE;
}
