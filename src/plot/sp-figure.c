/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-figure.c — dispatch, identifiers, titles and the all-panels page */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-figure-private.h"

typedef struct
{
  const char        *id;
  const char        *title;
  const char        *explanation;
  SpFigureSetupFunc  setup;
  SpFigureDrawFunc   draw;
} SpFigureClass;

static const SpFigureClass figure_classes[SP_N_FIGURES] = {
  [SP_FIGURE_FREE_ENERGY] = {
    "free-energy", N_("Free energy g(c)"),
    N_("The free energy of a uniform mixture against the lithium fraction. Where the curve "
       "bulges upward, the mixture lowers its energy by splitting into the two compositions "
       "touched by the common tangent. Raise the temperature or the strain stiffness K and "
       "watch the bulge and the shaded regions shrink."),
    sp_figure_free_energy_setup, sp_figure_free_energy_draw },
  [SP_FIGURE_OCV] = {
    "ocv", N_("Open-circuit voltage"),
    N_("The voltage of the electrode against its lithium fraction. Two coexisting phases hold "
       "the chemical potential fixed, so the equilibrium curve shows a flat plateau; the "
       "dashed part of the single-phase curve is unstable and is never seen. Lower Ω and the "
       "plateau turns into a sloping solid-solution curve."),
    sp_figure_ocv_setup, sp_figure_ocv_draw },
  [SP_FIGURE_PHASE_DIAGRAM] = {
    "phase-diagram", N_("Phase diagram"),
    N_("Which compositions separate at which temperature. Inside the binodal dome two phases "
       "coexist; inside the inner spinodal dome a uniform mixture falls apart by itself, while "
       "between the two it needs a nucleus. Move c₀ or T and see where the dot lands."),
    sp_figure_phase_setup, sp_figure_phase_draw },
  [SP_FIGURE_DIFFUSIVITY] = {
    "diffusivity", N_("Chemical diffusivity"),
    N_("How fast composition differences even out. Inside the spinodal the chemical "
       "diffusivity is negative: lithium flows up its concentration gradient and "
       "differences grow instead of fading. Change Ω and watch the uphill region open or close."),
    sp_figure_diffusivity_setup, sp_figure_diffusivity_draw },
  [SP_FIGURE_DISPERSION] = {
    "dispersion", N_("Growth rate σ(k)"),
    N_("How fast a small composition wave of wavenumber k grows (σ > 0) or decays (σ < 0) "
       "in a uniform mixture at c₀. Only long waves grow; the fastest one, k*, sets the "
       "wavelength λ* of the first pattern. Increase κ and the pattern becomes coarser."),
    sp_figure_dispersion_setup, sp_figure_dispersion_draw },
  [SP_FIGURE_FIELD] = {
    "field", N_("Composition field"),
    N_("The simulated lithium fraction across a small piece of electrode, from a nearly uniform "
       "start. Inside the spinodal it separates into lithium-rich and lithium-poor domains "
       "that then coarsen. Move c₀ outside the spinodal and the noise simply fades."),
    sp_figure_field_setup, sp_figure_field_draw },
  [SP_FIGURE_ENERGY] = {
    "energy", N_("Free energy F(t)"),
    N_("The total free energy of the simulated field, bulk plus interfaces. It can only go "
       "down: a steep drop marks the phase separation, the slow tail the coarsening that "
       "removes interface."),
    sp_figure_energy_setup, sp_figure_energy_draw },
  [SP_FIGURE_COARSENING] = {
    "coarsening", N_("Coarsening L(t)"),
    N_("The typical domain size of the pattern against time, on logarithmic axes where power "
       "laws are straight lines. Late coarsening follows t^1/3 when atoms move through the "
       "bulk, and slows towards t^1/4 when they can move only along interfaces."),
    sp_figure_coarsening_setup, sp_figure_coarsening_draw },
  [SP_FIGURE_STRUCTURE] = {
    "structure", N_("Structure factor S(k, t)"),
    N_("How strongly each wavenumber is present in the field. Early on every mode grows as "
       "exp(2σ(k)t), the dashed prediction of linear theory; later the peak moves to smaller k "
       "as domains coarsen and the prediction fails."),
    sp_figure_structure_setup, sp_figure_structure_draw },
  [SP_FIGURE_ALL] = {
    "all", N_("All panels"),
    N_("Every figure on one page: the thermodynamics of the material in the top row, its "
       "kinetics and the simulated field in the middle, and the simulation's diagnostics "
       "at the bottom. Export it as one picture for a handout or a slide."),
    NULL, NULL },
  [SP_FIGURE_NYQUIST] = {
    "nyquist", N_("Nyquist plot"),
    N_("The impedance as a path in the complex plane, −Z″ upward against Z′ on equal scales, so "
       "a resistor in parallel with a capacitor draws a true semicircle. Each arc is one process: "
       "the bulk at high frequency on the left, grain boundaries next, the electrode's spike at "
       "low frequency. An arc's width is its resistance, and the frequency at its top gives its "
       "time constant."),
    sp_figure_nyquist_setup, sp_figure_nyquist_draw },
  [SP_FIGURE_BODE] = {
    "bode", N_("Bode plot"),
    N_("The magnitude |Z| and the phase of the impedance against frequency, both on logarithmic "
       "frequency axes. Each process shows as a step in |Z| and a peak of the phase at its own "
       "frequency. The phase is drawn as −θ, so capacitive behaviour points up as in the "
       "Nyquist plot."),
    sp_figure_bode_setup, sp_figure_bode_draw },
  [SP_FIGURE_EIS_RESIDUALS] = {
    "eis-residuals", N_("Residuals"),
    N_("How far each measured point lies from the model, relative to |Z|, for the real and the "
       "imaginary part. Residuals inside the shaded ±1 % band and without a trend mean that the "
       "fit, or the Kramers–Kronig test, describes the spectrum; a wave or a drift means it "
       "does not."),
    sp_figure_eis_residuals_setup, sp_figure_eis_residuals_draw },
  [SP_FIGURE_DRT] = {
    "drt", N_("Distribution of relaxation times"),
    N_("The spectrum unfolded into the time constants it contains: each peak of γ against τ is "
       "one process, and its area is that process' resistance. Arcs that overlap in the Nyquist "
       "plot come apart here. The top axis gives the matching frequency f = 1/(2πτ)."),
    sp_figure_drt_setup, sp_figure_drt_draw },
  [SP_FIGURE_ARRHENIUS] = {
    "arrhenius", N_("Arrhenius plot"),
    N_("The conductivity against inverse temperature: thermally activated ion hopping gives a "
       "straight line whose slope is the activation energy Eₐ. Bulk, grain boundaries and the "
       "whole pellet usually differ in Eₐ, which tells which of them limits the conductivity "
       "at room temperature."),
    sp_figure_arrhenius_setup, sp_figure_arrhenius_draw },
  [SP_FIGURE_LATTICE] = {
    "lattice", N_("Lattice layer"),
    N_("One layer of the lattice the ions hop on: blue circles are carriers, grey squares "
       "blocked sites, faint dots empty sites. The coloured lines follow a few tagged ions "
       "through the periodic box and end at where each is now."),
    sp_figure_lattice_setup, sp_figure_lattice_draw },
  [SP_FIGURE_MSD] = {
    "msd", N_("Mean-squared displacement"),
    N_("How far the ions have moved, squared and averaged over ions and starting times, "
       "against the lag time on logarithmic axes. Where the curve runs parallel to the "
       "slope-1 guide the motion is diffusive, and the slope of the fit in the shaded window "
       "gives D* = MSD/(6Δt)."),
    sp_figure_msd_setup, sp_figure_msd_draw },
  [SP_FIGURE_FS] = {
    "fs", N_("Self intermediate scattering function"),
    N_("Fₛ(Q, t) is what quasi-elastic neutron scattering measures: how fast an ion "
       "forgets where it was on the length scale 2π/Q. For jump diffusion each curve decays as "
       "exp(−Γt/ħ), faster at larger Q, and the dashed fits give the linewidths Γ(Q)."),
    sp_figure_fs_setup, sp_figure_fs_draw },
  [SP_FIGURE_QENS] = {
    "qens", N_("QENS linewidth Γ(Q)"),
    N_("The quasi-elastic linewidth against momentum transfer. The Chudley–Elliott model of "
       "jumps of length l every τ on average bends over where Q reaches 2π/l; at small Q it "
       "follows the continuum diffusion line ħDQ² with D = l²/(6τ)."),
    sp_figure_qens_setup, sp_figure_qens_draw },
  [SP_FIGURE_DIFFUSION_ARRHENIUS] = {
    "diffusion-arrhenius", N_("Diffusivity against temperature"),
    N_("The diffusivity of several runs against inverse temperature: thermally activated hopping "
       "gives a straight line whose slope is the activation energy Eₐ. Each point carries its "
       "own error bar, and the fit weighs them."),
    sp_figure_diffusion_arrhenius_setup, sp_figure_diffusion_arrhenius_draw },
  [SP_FIGURE_FINITE_SIZE] = {
    "finite-size", N_("Finite-size extrapolation"),
    N_("A simulated diffusivity depends on the size of the periodic box, D(L) ≈ D∞ − C/L, "
       "because an ion drags its own periodic images along. Plotted against 1/L the runs fall "
       "on a line, and its value at 1/L → 0 is the diffusivity of the infinite crystal."),
    sp_figure_finite_size_setup, sp_figure_finite_size_draw },
  [SP_FIGURE_RATE_SWEEP] = {
    "rate-sweep", N_("Rate sweep"),
    N_("The particle filled and emptied at several C-rates. Slowly filled, it splits into "
       "lithium-poor and lithium-rich phases, so the contrast at half filling is large; filled "
       "faster than the pattern can grow, it stays a solid solution and the contrast collapses "
       "at the critical rate, while the gap between charge and discharge voltage widens."),
    sp_figure_rate_sweep_setup, sp_figure_rate_sweep_draw },
  [SP_FIGURE_VOLTAGE_TRACE] = {
    "voltage-trace", N_("Voltage trace V(c̄)"),
    N_("The cell voltage of the simulated particle while it is charged or discharged, against "
       "its mean lithium fraction, over the equilibrium curve with its flat plateau and the "
       "dashed curve of a uniform particle with its loop. Driven slowly, the particle splits "
       "into two phases and the trace runs along the plateau; driven fast, it fills as a "
       "solid solution and follows the loop, and charge and discharge part into a hysteresis."),
    sp_figure_voltage_trace_setup, sp_figure_voltage_trace_draw },
  [SP_FIGURE_VOLTAGE_TIME] = {
    "voltage-time", N_("Voltage V(t)"),
    N_("The cell voltage of the simulated particle against time, with the equilibrium plateau "
       "dashed. At a set current the voltage sits on the plateau while two phases coexist "
       "and falls or rises steeply where one phase is left; a run stops at its cut-off "
       "voltages."),
    sp_figure_voltage_time_setup, sp_figure_voltage_time_draw },
};

/* The panels of the all-panels page, row by row. */
static const SpFigureKind all_panels[] = {
  SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM,
  SP_FIGURE_DIFFUSIVITY, SP_FIGURE_DISPERSION, SP_FIGURE_FIELD,
  SP_FIGURE_ENERGY, SP_FIGURE_COARSENING, SP_FIGURE_STRUCTURE,
};
#define ALL_COLUMNS 3
#define ALL_ROWS    3

void
sp_figure_data_init (SpFigureData *data)
{
  g_return_if_fail (data != NULL);

  data->analysis = NULL;
  data->frame = NULL;
  data->history = NULL;
  data->cursor_c = NAN;
  data->caption = NULL;
  data->field_fixed_scale = FALSE;
  data->eis = NULL;
  data->cursor_freq_hz = NAN;
  data->pins = NULL;
  data->tangent_tour = NULL;
  data->hop = NULL;
  data->cursor_time_ps = NAN;
  data->rate_sweep = NULL;
  data->trace = NULL;
  data->concealed = 0;
  data->veiled = FALSE;
  data->marker = NULL;
}

gboolean
sp_figure_data_conceals (const SpFigureData *data,
                         SpLessonQuantity    quantity)
{
  g_return_val_if_fail (data != NULL && quantity < SP_LESSON_N_QUANTITIES, FALSE);
  return (data->concealed & (1u << quantity)) != 0;
}

const char *
sp_figure_kind_to_id (SpFigureKind kind)
{
  g_return_val_if_fail (kind < SP_N_FIGURES, NULL);

  return figure_classes[kind].id;
}

gboolean
sp_figure_kind_from_id (const char   *id,
                        SpFigureKind *kind)
{
  if (id == NULL)
    return FALSE;
  for (guint i = 0; i < SP_N_FIGURES; i++)
    if (g_strcmp0 (figure_classes[i].id, id) == 0)
      {
        if (kind != NULL)
          *kind = (SpFigureKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sp_figure_kind_is_impedance (SpFigureKind kind)
{
  return kind == SP_FIGURE_NYQUIST || kind == SP_FIGURE_BODE || kind == SP_FIGURE_EIS_RESIDUALS ||
         kind == SP_FIGURE_DRT || kind == SP_FIGURE_ARRHENIUS;
}

gboolean
sp_figure_kind_is_hopping (SpFigureKind kind)
{
  return kind == SP_FIGURE_LATTICE || kind == SP_FIGURE_MSD || kind == SP_FIGURE_FS ||
         kind == SP_FIGURE_QENS || kind == SP_FIGURE_DIFFUSION_ARRHENIUS || kind == SP_FIGURE_FINITE_SIZE;
}

const char *
sp_figure_kind_title (SpFigureKind kind)
{
  g_return_val_if_fail (kind < SP_N_FIGURES, NULL);

  return _(figure_classes[kind].title);
}

const char *
sp_figure_kind_explanation (SpFigureKind kind)
{
  g_return_val_if_fail (kind < SP_N_FIGURES, NULL);

  return _(figure_classes[kind].explanation);
}

static void
spec_compute (SpFigureKind        kind,
              const SpFigureData *data,
              const SpPlotStyle  *style,
              double              width,
              double              height,
              gboolean            legend_above,
              SpFigureSpec       *spec)
{
  memset (spec, 0, sizeof *spec);
  g_return_if_fail (kind < SP_N_FIGURES && kind != SP_FIGURE_ALL);

  spec->legend_force_above = legend_above;

  spec->title = g_strdup (_(figure_classes[kind].title));
  spec->has_data = TRUE;
  spec->x.scale = SP_SCALE_LINEAR;
  spec->y.scale = SP_SCALE_LINEAR;
  figure_classes[kind].setup (spec, data, style);
  sp_figure_pins_extend_axes (kind, spec, data);
  sp_figure_pins_add_legend (kind, spec, data, style);
  if (!(isfinite (spec->x.min) && isfinite (spec->x.max) && spec->x.min < spec->x.max
        && isfinite (spec->y.min) && isfinite (spec->y.max) && spec->y.min < spec->y.max))
    {
      if (spec->has_data)
        sp_figure_spec_set_no_data (spec, _("Nothing to plot"));
      else
        sp_figure_spec_set_no_data (spec, spec->no_data);
    }
  sp_figure_layout (spec, style, width, height, data->caption);
}

void
sp_figure_spec_compute (SpFigureKind        kind,
                        const SpFigureData *data,
                        const SpPlotStyle  *style,
                        double              width,
                        double              height,
                        SpFigureSpec       *spec)
{
  guint ink;

  /* Where the legend goes can move the plot area (sp_figure_legend_compute). */
  sp_figure_legend_compute (kind, data, style, width, height, spec, &ink);
}

void
sp_figure_annotations_compute (SpFigureKind        kind,
                               const SpFigureData *data,
                               const SpPlotStyle  *style,
                               double              width,
                               double              height,
                               SpFigureSpec       *spec,
                               SpAnnotations      *annotations)
{
  SpLabelPlacement a, b;
  gboolean has_a, has_b;

  memset (annotations, 0, sizeof *annotations);
  sp_figure_spec_compute (kind, data, style, width, height, spec);
  if (!spec->has_data)
    return;
  if (kind == SP_FIGURE_FREE_ENERGY)
    {
      SpLabelPlacement binodal[2 * SP_MAX_INTERVALS];
      gboolean has_binodal[2 * SP_MAX_INTERVALS];

      sp_figure_free_energy_annotate (spec, data, style, annotations, binodal, has_binodal,
                                      &a, &has_a);
    }
  else if (kind == SP_FIGURE_PHASE_DIAGRAM)
    {
      SpLabelPlacement critical[SP_MAX_CRITICAL];
      gboolean has_critical[SP_MAX_CRITICAL];

      sp_figure_phase_annotate (spec, data, style, annotations, critical, has_critical, &b, &has_b);
    }
  else if (kind == SP_FIGURE_DIFFUSIVITY)
    sp_figure_diffusivity_annotate (spec, data, style, annotations, &a, &has_a);
  else if (kind == SP_FIGURE_NYQUIST)
    {
      SpLabelPlacement placement[SP_EIS_MAX_ARCS];
      gboolean has[SP_EIS_MAX_ARCS];
      char *markup[SP_EIS_MAX_ARCS] = { NULL };

      sp_figure_nyquist_annotate (spec, data, style, annotations, markup, placement, has);
      for (guint i = 0; i < SP_EIS_MAX_ARCS; i++)
        g_free (markup[i]);
    }
}

void
sp_figure_all_cell (SpFigureKind        kind,
                    const SpFigureData *data,
                    const SpPlotStyle  *style,
                    double              width,
                    double              height,
                    double             *x,
                    double             *y,
                    double             *w,
                    double             *h)
{
  double body = height, em = sp_plot_text_em (style, 1.0);
  guint slot = 0;

  /* The page's caption goes once under the grid. */
  if (data->caption != NULL && data->caption[0] != '\0')
    {
      double ch;

      sp_plot_text_measure (style, 0.85, 0, data->caption, width - 1.4 * em, NULL, &ch);
      body -= ch + 1.2 * em;
    }
  for (guint i = 0; i < G_N_ELEMENTS (all_panels); i++)
    if (all_panels[i] == kind)
      slot = i;
  *w = width / ALL_COLUMNS;
  *h = MAX (body, 1.0) / ALL_ROWS;
  *x = (slot % ALL_COLUMNS) * *w;
  *y = (slot / ALL_COLUMNS) * *h;
}

static void
draw_all (cairo_t            *cr,
          double              width,
          double              height,
          const SpFigureData *data,
          const SpPlotStyle  *style)
{
  SpFigureData panel = *data;
  double em = sp_plot_text_em (style, 1.0);

  panel.caption = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (all_panels); i++)
    {
      double x, y, w, h;

      sp_figure_all_cell (all_panels[i], data, style, width, height, &x, &y, &w, &h);
      cairo_save (cr);
      cairo_translate (cr, x, y);
      cairo_rectangle (cr, 0, 0, w, h);
      cairo_clip (cr);
      sp_figure_draw (cr, w, h, all_panels[i], &panel, style);
      cairo_restore (cr);
    }
  if (data->caption != NULL && data->caption[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (data->caption, -1);
      double x, y, w, h;

      sp_figure_all_cell (all_panels[G_N_ELEMENTS (all_panels) - 1], data, style,
                          width, height, &x, &y, &w, &h);
      sp_plot_text_draw (cr, style, 0.85, 0, escaped, width - 1.4 * em,
                         0.7 * em, y + h + 0.6 * em, 0.0, 0.0, 0.0, &style->foreground);
    }
}

/* Where an inset legend goes: the content drawn once more, coarsely and
 * without its translucent fills, background and cursor, into an alpha mask;
 * the legend takes the corner with the least ink. */
#define INK_SCALE 0.5

static guint
place_inset_legend (SpFigureKind        kind,
                    SpFigureSpec       *spec,
                    const SpFigureData *data,
                    const SpPlotStyle  *style)
{
  /* About one mask pixel per 2 user units. */
  double scale = INK_SCALE;
  int iw = MAX (1, (int) ceil (spec->width * scale));
  int ih = MAX (1, (int) ceil (spec->height * scale));
  cairo_surface_t *mask = cairo_image_surface_create (CAIRO_FORMAT_A8, iw, ih);
  SpFigureData plain = *data;
  SpPlotStyle ink_style = *style;
  cairo_t *cr = cairo_create (mask);
  guint n;

  plain.cursor_c = NAN;
  plain.cursor_freq_hz = NAN;
  plain.cursor_time_ps = NAN;
  plain.marker = NULL;
  ink_style.background.alpha = 0.0;
  ink_style.grid.alpha = 0.0;
  ink_style.unstable_fill.alpha = 0.0;
  ink_style.metastable_fill.alpha = 0.0;
  cairo_scale (cr, scale, scale);
  sp_figure_clip_plot (cr, spec);
  /* Strokes 2.5 times thicker (spec->lw sets every curve's width), so a
   * thin steep curve still leaves solid mask pixels. */
  spec->lw *= 2.5;
  sp_figure_pins_draw (cr, kind, spec, &plain, &ink_style);
  figure_classes[kind].draw (cr, spec, &plain, &ink_style);
  spec->lw /= 2.5;
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  if (g_getenv ("SP_DEBUG_INK") != NULL)
    cairo_surface_write_to_png (mask, g_getenv ("SP_DEBUG_INK"));
  n = sp_figure_legend_place (spec, style, cairo_image_surface_get_data (mask),
                              cairo_image_surface_get_stride (mask), iw, ih, scale);
  cairo_surface_destroy (mask);
  return n;
}

SpLegendPlacement
sp_figure_legend_compute (SpFigureKind        kind,
                          const SpFigureData *data,
                          const SpPlotStyle  *style,
                          double              width,
                          double              height,
                          SpFigureSpec       *spec,
                          guint              *ink)
{
  g_return_val_if_fail (kind < SP_N_FIGURES && kind != SP_FIGURE_ALL, SP_LEGEND_HIDDEN);

  spec_compute (kind, data, style, width, height, FALSE, spec);
  *ink = 0;
  if (spec->has_data && spec->legend_placement == SP_LEGEND_INSIDE)
    {
      *ink = place_inset_legend (kind, spec, data, style);
      /* More than about one em of covered curve: a box there would hide
       * data, so the legend goes above in compact rows instead. */
      if (*ink > sp_figure_legend_ink_allowance (spec, style, INK_SCALE))
        {
          sp_figure_spec_clear (spec);
          spec_compute (kind, data, style, width, height, TRUE, spec);
          *ink = 0;
        }
    }
  return spec->legend_placement;
}

void
sp_figure_draw (cairo_t            *cr,
                double              width,
                double              height,
                SpFigureKind        kind,
                const SpFigureData *data,
                const SpPlotStyle  *style)
{
  SpFigureSpec spec;
  SpFigureData empty;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (kind < SP_N_FIGURES);

  if (data == NULL)
    {
      sp_figure_data_init (&empty);
      data = &empty;
    }
  if (!(width > 0.0) || !(height > 0.0))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  sp_plot_set_color (cr, &style->background);
  cairo_paint (cr);

  if (kind == SP_FIGURE_ALL)
    draw_all (cr, width, height, data, style);
  else if (data->veiled)
    sp_figure_veil_draw (cr, width, height, kind, style);
  else
    {
      sp_figure_spec_compute (kind, data, style, width, height, &spec);
      sp_figure_draw_frame (cr, &spec, style, data->caption);
      if (spec.has_data)
        {
          /* Pins under the figure's own curves. */
          sp_figure_pins_draw (cr, kind, &spec, data, style);
          cairo_save (cr);
          figure_classes[kind].draw (cr, &spec, data, style);
          cairo_restore (cr);
          /* The tour locks onto the common tangent: not while the binodal is asked. */
          if (kind == SP_FIGURE_FREE_ENERGY && data->tangent_tour != NULL &&
              !SP_FIGURE_CONCEALS_BINODAL (data))
            sp_figure_tangent_tour_draw (cr, &spec, data, style);
          if (spec.legend_placement == SP_LEGEND_INSIDE)
            sp_figure_legend_draw (cr, &spec, style);
          /* A lesson's marker over everything: it is what the class
           * looks at and grabs. */
          if (data->marker != NULL)
            sp_figure_marker_draw (cr, kind, &spec, data, style);
        }
      sp_figure_spec_clear (&spec);
    }
  cairo_restore (cr);
}

gboolean
sp_figure_composition_at (SpFigureKind        kind,
                          const SpFigureData *data,
                          const SpPlotStyle  *style,
                          double              width,
                          double              height,
                          double              x,
                          double              y,
                          double             *c)
{
  SpFigureSpec spec;
  gboolean inside;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);
  g_return_val_if_fail (kind < SP_N_FIGURES, FALSE);

  if (kind == SP_FIGURE_ALL)
    {
      SpFigureData panel = *data;

      panel.caption = NULL;
      for (guint i = 0; i < G_N_ELEMENTS (all_panels); i++)
        {
          double cx, cy, cw, ch;

          sp_figure_all_cell (all_panels[i], data, style, width, height, &cx, &cy, &cw, &ch);
          if (x >= cx && x < cx + cw && y >= cy && y < cy + ch)
            return sp_figure_composition_at (all_panels[i], &panel, style, cw, ch,
                                             x - cx, y - cy, c);
        }
      return FALSE;
    }

  sp_figure_spec_compute (kind, data, style, width, height, &spec);
  inside = spec.has_data && spec.composition_x
           && x >= spec.px && x <= spec.px + spec.pw
           && y >= spec.py && y <= spec.py + spec.ph;
  if (inside && c != NULL)
    *c = sp_axis_unmap (&spec.x, x);
  sp_figure_spec_clear (&spec);
  return inside;
}

gboolean
sp_figure_frequency_at (SpFigureKind        kind,
                        const SpFigureData *data,
                        const SpPlotStyle  *style,
                        double              width,
                        double              height,
                        double              x,
                        double              y,
                        double             *freq_hz)
{
  SpFigureSpec spec;
  gboolean found;

  g_return_val_if_fail (data != NULL && style != NULL, FALSE);
  g_return_val_if_fail (kind < SP_N_FIGURES, FALSE);

  if (!sp_figure_kind_is_impedance (kind) || kind == SP_FIGURE_ARRHENIUS)
    return FALSE;
  sp_figure_spec_compute (kind, data, style, width, height, &spec);
  found = spec.has_data && sp_figure_eis_frequency_at (kind, &spec, data, x, y, freq_hz);
  sp_figure_spec_clear (&spec);
  return found;
}
