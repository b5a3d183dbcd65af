/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export.c — `spinodal-cli export`: a figure or its data as a PNG,
 * SVG, PDF or CSV file, drawn by the same figure code as the window
 *
 * The simulation figures (field, energy, coarsening, structure,
 * diagnostics, all) run the Cahn–Hilliard engine to --t-end first, sampling
 * the time series --frames times.  "diagnostics" is the row of F(t), L(t)
 * and S(k); as CSV it is their time series.  CSV holds one table, so
 * "--figure all --format csv" writes one file per figure beside -o:
 * out.csv → out-free-energy.csv, out-ocv.csv, …
 *
 * The impedance figures (nyquist, bode, eis-residuals, drt, arrhenius)
 * take their data from --data, --circuit/--param, --ceramic and --drt
 * (sp-cli-export-eis.c) instead of the phase-separation model.
 *
 * The rate-sweep figure runs the driven particle at --c-rates first
 * (sp-cli-rate-sweep.c), on 64² unless --grid is given.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-analysis.h"
#include "sp-ch-history.h"
#include "sp-cli-commands.h"
#include "sp-cli-drive-options.h"
#include "sp-cli-export-eis.h"
#include "sp-cli-export-handout.h"
#include "sp-cli-export-hop.h"
#include "sp-cli-options.h"
#include "sp-cli-rate-sweep.h"
#include "sp-cli-run.h"
#include "sp-export.h"
#include "sp-figure.h"

#define FIGURE_IDS "free-energy, ocv, phase-diagram, diffusivity, dispersion, field, " \
                   "diagnostics, energy, coarsening, structure, all, nyquist, bode, " \
                   "eis-residuals, drt, arrhenius, lattice, msd, fs, qens, " \
                   "diffusion-arrhenius, finite-size, rate-sweep, voltage-trace, voltage-time"

static const SpParamRange size_range  = { "width", "px", 16.0, 20000.0, FALSE, FALSE };
static const SpParamRange scale_range = { "scale", "",    1.0,     8.0, FALSE, FALSE };

typedef struct
{
  char    *figure, *format, *width, *height, *scale, *style, *output;
  gboolean caption;
  gboolean handout;
  char    *lesson, *paper;
} Flags;

static void
flags_clear (Flags *f)
{
  g_free (f->figure);
  g_free (f->format);
  g_free (f->width);
  g_free (f->height);
  g_free (f->scale);
  g_free (f->style);
  g_free (f->output);
  g_free (f->lesson);
  g_free (f->paper);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Flags, flags_clear)

static gboolean
figure_from_id (const char   *id,
                SpFigureKind *kind)
{
  if (g_strcmp0 (id, "diagnostics") == 0)
    {
      *kind = SP_EXPORT_FIGURE_DIAGNOSTICS;
      return TRUE;
    }
  return sp_figure_kind_from_id (id, kind);
}

static gboolean
is_voltage (SpFigureKind kind)
{
  return kind == SP_FIGURE_VOLTAGE_TRACE || kind == SP_FIGURE_VOLTAGE_TIME;
}

static gboolean
needs_simulation (SpFigureKind kind)
{
  return kind == SP_FIGURE_FIELD || kind == SP_FIGURE_ENERGY || kind == SP_FIGURE_COARSENING ||
         kind == SP_FIGURE_STRUCTURE || kind == SP_FIGURE_ALL ||
         kind == SP_EXPORT_FIGURE_DIAGNOSTICS || is_voltage (kind);
}

static gboolean
size_flag (const char *flag,
           const char *text,
           double     *out)
{
  g_autoptr(GError) error = NULL;

  if (text != NULL && !sp_cli_parse_number (flag, text, &size_range, out, &error))
    {
      g_printerr ("spinodal-cli export: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
resolve_output (Flags           *flags,
                SpFigureKind    *kind,
                SpExportOptions *options,
                SpPlotStyle     *style)
{
  g_autoptr(GError) error = NULL;
  SpExportFormat format;

  if (flags->output == NULL)
    {
      g_printerr (_("spinodal-cli export: -o FILE is required\n"));
      return FALSE;
    }
  if (g_strcmp0 (flags->output, "-") == 0 && flags->format == NULL)
    {
      g_printerr (_("spinodal-cli export: -o - (standard output) needs --format png|svg|pdf|csv\n"));
      return FALSE;
    }
  if (!figure_from_id (flags->figure != NULL ? flags->figure : "all", kind))
    {
      g_printerr (_("spinodal-cli export: --figure: “%s” is not a figure; allowed: %s\n"),
                  flags->figure, FIGURE_IDS);
      return FALSE;
    }
  if (flags->format != NULL)
    {
      SpExportFormat named;

      if (!sp_export_format_from_id (flags->format, &format))
        {
          g_printerr (_("spinodal-cli export: --format: “%s” is not a format; allowed: png, svg, pdf, csv\n"),
                      flags->format);
          return FALSE;
        }
      /* "--format svg -o x.png" would write SVG into a .png file. */
      if (sp_export_format_from_path (flags->output, &named) && named != format)
        {
          g_printerr (_("spinodal-cli export: --format %s does not match the file name “%s” "
                        "(a %s file); give one or make them agree\n"),
                      sp_export_format_to_id (format), flags->output,
                      sp_export_format_to_id (named));
          return FALSE;
        }
    }
  else if (!sp_export_format_from_path (flags->output, &format))
    {
      g_printerr (_("spinodal-cli export: cannot tell the format from “%s”; "
                    "give --format png|svg|pdf|csv or a file ending in one of them\n"),
                  flags->output);
      return FALSE;
    }

  sp_export_options_init (options, *kind);
  options->format = format;
  options->caption = flags->caption;
  if (!size_flag ("--width", flags->width, &options->width) ||
      !size_flag ("--height", flags->height, &options->height))
    return FALSE;
  if (flags->scale != NULL &&
      !sp_cli_parse_number ("--scale", flags->scale, &scale_range, &options->scale, &error))
    {
      g_printerr ("spinodal-cli export: %s\n", error->message);
      return FALSE;
    }
  if (flags->scale != NULL && format != SP_EXPORT_PNG)
    {
      g_printerr (_("spinodal-cli export: --scale applies to PNG only (SVG and PDF are vector)\n"));
      return FALSE;
    }
  if (flags->style == NULL || g_strcmp0 (flags->style, "light") == 0)
    sp_plot_style_init_light (style);
  else if (g_strcmp0 (flags->style, "dark") == 0)
    sp_plot_style_init_dark (style);
  else
    {
      g_printerr (_("spinodal-cli export: --style: “%s” is not a style; allowed: light, dark\n"),
                  flags->style);
      return FALSE;
    }
  options->style = style;
  return TRUE;
}

static void
record_sample (SpCh     *ch,
               guint     index,
               gpointer  user_data)
{
  SpChDiagnostics diag;

  sp_ch_diagnostics_compute (ch, &diag);
  sp_ch_history_append (user_data, &diag);
  sp_ch_diagnostics_clear (&diag);
}

/* Runs the simulation; the frame and history it leaves go into @data. */
static gboolean
simulate (const SpCliSim *sim,
          SpFigureData   *data,
          SpChHistory    *history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCh) ch = sp_ch_new (&sim->params, &error);

  if (ch == NULL || !sp_cli_sim_run (sim, ch, "export", record_sample, history, &error))
    {
      g_printerr ("spinodal-cli export: %s\n", error->message);
      return FALSE;
    }
  data->frame = sp_frame_new (ch, &sim->params, SP_WORKER_PAUSED, NULL);
  data->history = history;
  return TRUE;
}

/* The voltage figures: a driven run (--drive) to its end — the drive
 * finishing at a cut-off or c̄ limit, or --t-end when given (and always
 * for a potentiostat, which has no end of its own) — with a trace point
 * after every step, thinned to what the figure shows.  Closed, the run
 * goes to --t-end as for the other figures. */
static gboolean
simulate_driven (const SpCliSim *sim,
                 SpFigureData   *data,
                 SpChHistory    *history,
                 SpDriveTrace   *trace)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCh) ch = sp_ch_new (&sim->params, &error);
  gboolean bounded = sim->t_end_given || sim->params.drive.mode == SP_DRIVE_POTENTIOSTATIC ||
                     sim->params.drive.mode == SP_DRIVE_CLOSED;
  gboolean ok = ch != NULL;

  while (ok)
    {
      SpDriveState s;
      SpDrivePoint point;

      sp_ch_get_drive_state (ch, &s);
      point = (SpDrivePoint) { .time = sp_ch_get_time (ch), .mean_c = s.mean_c,
                               .voltage = s.voltage_V, .current = s.current,
                               .overpotential = s.overpotential_V, .direction = s.direction };
      sp_drive_trace_append_thinned (trace, &point, 1e-3, 5e-4);
      if (sp_ch_get_drive_finished (ch) || (bounded && sp_ch_get_time (ch) >= sim->t_end))
        break;
      ok = bounded && sp_ch_get_time (ch) + sp_ch_get_dt (ch) > sim->t_end
           ? sp_ch_advance_to (ch, sim->t_end, &error)
           : sp_ch_step (ch, &error);
    }
  if (!ok)
    {
      g_printerr ("spinodal-cli export: %s\n", error->message);
      return FALSE;
    }
  record_sample (ch, 0, history);
  data->frame = sp_frame_new (ch, &sim->params, SP_WORKER_PAUSED, NULL);
  data->history = history;
  data->trace = trace;
  return TRUE;
}

/* out.csv → out-<id>.csv */
static char *
path_for_figure (const char   *output,
                 SpFigureKind  kind)
{
  const char *dot = strrchr (output, '.');
  const char *slash = strrchr (output, G_DIR_SEPARATOR);
  gsize stem = dot != NULL && (slash == NULL || dot > slash) ? (gsize) (dot - output)
                                                              : strlen (output);

  return g_strdup_printf ("%.*s-%s%s", (int) stem, output, sp_export_figure_id (kind),
                          output + stem);
}

/* Renders one figure for @path (which only names it in a message). */
static GBytes *
render_one (const char            *path,
            SpFigureKind           kind,
            const SpFigureData    *data,
            const SpExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = sp_export_render (kind, data, options, &error);

  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export “%s”: %s"), path,
                                                  error->message);

      g_printerr ("spinodal-cli export: %s\n", message);
    }
  return bytes;
}

int
sp_cli_export (int    argc,
               char **argv)
{
  g_autoptr(SpCliModelOptions) model_opts = sp_cli_model_options_new ();
  g_autoptr(SpCliSimOptions) sim_opts = sp_cli_sim_options_new ();
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SpAnalysis) analysis = NULL;
  g_autoptr(SpPinSet) pins = NULL;
  g_autoptr(SpChHistory) history = sp_ch_history_new ();
  g_autoptr(SpDriveTrace) trace = sp_drive_trace_new ();
  g_autoptr(SpCliDriveOptions) drive_opts = sp_cli_drive_options_new ();
  g_autoptr(SpFrame) frame = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Flags) flags = { 0 };
  SpCliEisFlags eis_flags = { 0 };
  g_autoptr(SpCliEisFigure) eis_figure = NULL;
  SpCliHopFlags hop_flags = { 0 };
  g_auto(SpCliSweepFlags) sweep_flags = { 0 };
  g_autoptr(SpRateSweepResult) sweep = NULL;
  g_autoptr(SpCliHopFigure) hop_figure = NULL;
  SpExportOptions options;
  SpPlotStyle style = { 0 };
  SpFigureData data;
  SpFigureKind kind;
  SpModel model;
  SpCliSim sim;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "figure", 0, 0, G_OPTION_ARG_STRING, &flags.figure,
      N_("Figure: free-energy, ocv, phase-diagram, diffusivity, dispersion, field, "
         "diagnostics (F, L and S in a row), energy, coarsening, structure, all (default), "
         "nyquist, bode, eis-residuals, drt, arrhenius, lattice, msd, fs, qens, "
         "diffusion-arrhenius, finite-size, rate-sweep, voltage-trace (V against c̄ of a --drive "
         "run) or voltage-time (V against t)"),
      N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &flags.format,
      N_("png, svg, pdf or csv (default: from the file name)"), N_("FORMAT") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &flags.width,
      N_("Width in pixels (PNG at scale 1, SVG) or points (PDF) [16, 20000]"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &flags.height,
      N_("Height, like --width"), N_("H") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &flags.scale,
      N_("PNG scale factor [1, 8]: the image is W·S × H·S pixels"), N_("S") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &flags.style,
      N_("light (print, default) or dark"), N_("STYLE") },
    { "caption", 0, 0, G_OPTION_ARG_NONE, &flags.caption,
      N_("Add a caption listing the parameters and their units"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &flags.output,
      N_("The file to write (replaced atomically; - is standard output)"), N_("FILE") },
    { "data", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &eis_flags.data,
      N_("Impedance figures: a spectrum file (CSV/TSV, ZView .z, Gamry .DTA, BioLogic .mpt), "
         "repeatable; arrhenius: a table of T and σ, one file a series; qens: a table of Q and Γ; "
         "finite-size: a table of L and D (or E)"), N_("FILE") },
    { "circuit", 0, 0, G_OPTION_ARG_STRING, &eis_flags.circuit,
      N_("Impedance figures: a model circuit, e.g. R0-p(R1,CPE1), with --param"), N_("S") },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &eis_flags.params,
      N_("A parameter of --circuit (or of --ceramic's model), repeatable"), N_("NAME=VALUE") },
    { "ceramic", 0, 0, G_OPTION_ARG_STRING, &eis_flags.ceramic,
      N_("Impedance figures: the ceramic explore model's preset as the model, arcs labelled"),
      N_("PRESET") },
    { "f-min", 0, 0, G_OPTION_ARG_STRING, &eis_flags.f_min,
      N_("The model's lowest frequency, Hz (default: the data's, else 0.1)"), N_("F") },
    { "f-max", 0, 0, G_OPTION_ARG_STRING, &eis_flags.f_max,
      N_("The model's highest frequency, Hz (default: the data's, else 1e7)"), N_("F") },
    { "points-per-decade", 0, 0, G_OPTION_ARG_STRING, &eis_flags.points_per_decade,
      N_("The model's points per decade (default 20)"), N_("N") },
    { "drt", 0, 0, G_OPTION_ARG_FILENAME, &eis_flags.drt,
      N_("drt: a table of tau_s and gamma_ohm"), N_("FILE") },
    { "form", 0, 0, G_OPTION_ARG_STRING, &eis_flags.form,
      N_("arrhenius: sigma-t (σT, default) or sigma"), N_("FORM") },
    { "handout", 0, 0, G_OPTION_ARG_NONE, &flags.handout,
      N_("Instead of one figure: a printable PDF handout with the figures, the parameters, "
         "a lesson's text and questions, and the answers on the last page"), NULL },
    { "lesson", 0, 0, G_OPTION_ARG_FILENAME, &flags.lesson,
      N_("--handout: the lesson, a shipped lesson's name (mixing, nucleation, …) or a "
         ".lesson file (default: the --session's)"), N_("NAME|FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &flags.paper,
      N_("--handout: a4 or letter (default: the locale's paper)"), N_("PAPER") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    _("Export a figure or its data as PNG, SVG, PDF or CSV. The simulation\n"
      "figures run the simulation to --t-end first.\n\n"
      "Examples:\n"
      "  spinodal-cli export --preset lifepo4 --figure free-energy -o free-energy.svg\n"
      "  spinodal-cli export --preset textbook --figure phase-diagram --style dark -o pd.png\n"
      "  spinodal-cli export --preset lifepo4 --figure all --format csv -o lifepo4.csv\n"
      "  spinodal-cli export --figure nyquist --data pellet.csv --ceramic llzo -o nyquist.png\n"
      "  spinodal-cli export --figure bode --circuit 'R0-p(R1,C1)' --param R0=10 --param R1=1e3 "
      "--param C1=1e-9 -o bode.svg"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  sp_cli_hop_flags_add (&hop_flags, context);
  sp_cli_sweep_flags_add (&sweep_flags, context);
  sp_cli_sim_options_add (sim_opts, context);
  sp_cli_drive_options_add (drive_opts, context);
  g_option_context_add_group (context, sp_cli_model_options_group (model_opts));
  if (!sp_cli_parse (context, "export", &argc, &argv))
    return SP_CLI_EXIT_USAGE;
  if (flags.handout || flags.lesson != NULL || flags.paper != NULL)
    {
      int status = SP_CLI_EXIT_USAGE;

      if (!flags.handout)
        g_printerr (_("spinodal-cli export: --lesson and --paper apply to --handout only\n"));
      else if (flags.figure != NULL || flags.width != NULL || flags.height != NULL ||
               flags.scale != NULL || flags.style != NULL || flags.caption ||
               sp_cli_eis_flags_given (&eis_flags) ||
               (flags.format != NULL && g_ascii_strcasecmp (flags.format, "pdf") != 0))
        g_printerr (_("spinodal-cli export: --handout prints its own figures on PDF pages; "
                      "--figure, --format, --width, --height, --scale, --style, --caption and "
                      "the impedance flags do not apply to it\n"));
      else
        status = sp_cli_export_handout (model_opts, flags.lesson, flags.paper, flags.output);
      sp_cli_eis_flags_clear (&eis_flags);
      return status;
    }
  if (!resolve_output (&flags, &kind, &options, &style))
    {
      sp_plot_style_clear (&style);
      sp_cli_eis_flags_clear (&eis_flags);
      sp_cli_hop_flags_clear (&hop_flags);
      return SP_CLI_EXIT_USAGE;
    }
  if ((kind < SP_N_FIGURES && sp_figure_kind_is_hopping (kind)) || sp_cli_hop_flags_given (&hop_flags))
    {
      int status = SP_CLI_EXIT_OK;

      if (!(kind < SP_N_FIGURES && sp_figure_kind_is_hopping (kind)))
        {
          g_printerr (_("spinodal-cli export: --trajectory, --species, --timestep-fs and the "
                        "lattice Monte Carlo flags apply to the hopping figures (lattice, msd, fs, "
                        "qens, diffusion-arrhenius, finite-size) only\n"));
          status = SP_CLI_EXIT_USAGE;
        }
      else if (eis_flags.circuit != NULL || eis_flags.params != NULL || eis_flags.ceramic != NULL ||
               eis_flags.f_min != NULL || eis_flags.f_max != NULL || eis_flags.points_per_decade != NULL ||
               eis_flags.drt != NULL || eis_flags.form != NULL)
        {
          g_printerr (_("spinodal-cli export: --circuit, --param, --ceramic, --f-min, --f-max, "
                        "--points-per-decade, --drt and --form apply to the impedance figures only\n"));
          status = SP_CLI_EXIT_USAGE;
        }
      else if ((hop_figure = sp_cli_hop_figure_new (&hop_flags, eis_flags.data, kind)) == NULL)
        status = SP_CLI_EXIT_USAGE;
      else if (!sp_cli_check_writable ("export", flags.output))
        status = SP_CLI_EXIT_FAILURE;
      else
        {
          g_autoptr(GBytes) bytes = NULL;

          sp_figure_data_init (&data);
          data.hop = sp_cli_hop_figure_get_data (hop_figure);
          bytes = render_one (flags.output, kind, &data, &options);
          if (bytes == NULL || !sp_cli_write_files ("export", 1, (const char *const *) &flags.output,
                                                    (GBytes *const *) &bytes))
            status = SP_CLI_EXIT_FAILURE;
        }
      sp_cli_eis_flags_clear (&eis_flags);
      sp_cli_hop_flags_clear (&hop_flags);
      sp_plot_style_clear (&style);
      return status;
    }
  sp_cli_hop_flags_clear (&hop_flags);
  if ((kind < SP_N_FIGURES && sp_figure_kind_is_impedance (kind)) || sp_cli_eis_flags_given (&eis_flags))
    {
      int status = SP_CLI_EXIT_OK;

      if (!(kind < SP_N_FIGURES && sp_figure_kind_is_impedance (kind)))
        {
          g_printerr (_("spinodal-cli export: --data, --circuit, --param, --ceramic, --f-min, "
                        "--f-max, --points-per-decade, --drt and --form apply to the impedance "
                        "figures (nyquist, bode, eis-residuals, drt, arrhenius) only\n"));
          status = SP_CLI_EXIT_USAGE;
        }
      else if ((eis_figure = sp_cli_eis_figure_new (&eis_flags, kind)) == NULL)
        status = SP_CLI_EXIT_USAGE;
      else if (!sp_cli_check_writable ("export", flags.output))
        status = SP_CLI_EXIT_FAILURE;
      else
        {
          g_autoptr(GBytes) bytes = NULL;

          sp_figure_data_init (&data);
          data.eis = sp_cli_eis_figure_get_data (eis_figure);
          if (sp_cli_model_options_session (model_opts) != NULL)
            pins = sp_pin_set_new_from_session (sp_cli_model_options_session (model_opts));
          data.pins = pins;
          bytes = render_one (flags.output, kind, &data, &options);
          if (bytes == NULL || !sp_cli_write_files ("export", 1, (const char *const *) &flags.output,
                                                    (GBytes *const *) &bytes))
            status = SP_CLI_EXIT_FAILURE;
        }
      sp_cli_eis_flags_clear (&eis_flags);
      sp_plot_style_clear (&style);
      return status;
    }
  if (!sp_cli_model_options_resolve (model_opts, &model, &error))
    {
      g_printerr ("spinodal-cli export: %s\n", error->message);
      sp_plot_style_clear (&style);
      return SP_CLI_EXIT_USAGE;
    }
  if (!sp_cli_sim_options_resolve (sim_opts, model_opts, "export", &sim) ||
      !sp_cli_drive_options_resolve (drive_opts, "export", &sim.params.drive))
    {
      sp_plot_style_clear (&style);
      sp_cli_sweep_flags_clear (&sweep_flags);
      return SP_CLI_EXIT_USAGE;
    }
  if (sp_cli_sweep_flags_given (&sweep_flags) && kind != SP_FIGURE_RATE_SWEEP)
    {
      g_printerr (_("spinodal-cli export: --c-rates, --k0 and --alpha apply to the rate-sweep "
                    "figure only\n"));
      sp_plot_style_clear (&style);
      sp_cli_sweep_flags_clear (&sweep_flags);
      return SP_CLI_EXIT_USAGE;
    }
  if (kind == SP_FIGURE_RATE_SWEEP)
    {
      SpChParams params;
      gboolean usage = FALSE;

      if (!sp_cli_check_writable ("export", flags.output))
        ok = FALSE;
      else
        {
          sp_rate_sweep_params_init (&params, &model,
                                     sp_cli_sim_options_grid_given (sim_opts)
                                     ? sim.params.n : SP_RATE_SWEEP_DEFAULT_GRID);
          params.seed = sim.params.seed;
          params.noise = sim.params.noise > 0 ? sim.params.noise : params.noise;
          params.tolerance = sim.params.tolerance;
          sweep = sp_cli_sweep_run (&sweep_flags, &params, "export", &usage);
          ok = sweep != NULL;
        }
      sp_cli_sweep_flags_clear (&sweep_flags);
      if (!ok)
        {
          sp_plot_style_clear (&style);
          return sweep == NULL && usage ? SP_CLI_EXIT_USAGE : SP_CLI_EXIT_FAILURE;
        }
    }
  sp_cli_sweep_flags_clear (&sweep_flags);
  if (options.format == SP_EXPORT_CSV && kind == SP_FIGURE_ALL &&
      g_strcmp0 (flags.output, "-") == 0)
    {
      g_printerr (_("spinodal-cli export: --figure all --format csv writes one file per figure; "
                    "-o - (standard output) takes one\n"));
      sp_plot_style_clear (&style);
      return SP_CLI_EXIT_USAGE;
    }
  if (options.format == SP_EXPORT_CSV && kind == SP_FIGURE_ALL)
    {
      /* Fail before a long run when the directory cannot take the files. */
      g_autofree char *first = path_for_figure (flags.output, SP_FIGURE_FREE_ENERGY);

      ok = sp_cli_check_writable ("export", first);
    }
  else
    ok = sp_cli_check_writable ("export", flags.output);
  if (!ok)
    {
      sp_plot_style_clear (&style);
      return SP_CLI_EXIT_FAILURE;
    }

  sp_figure_data_init (&data);
  analysis = sp_analysis_new (&model);
  data.analysis = analysis;
  /* A session's pinned comparisons are drawn (and in CSV) as the window does. */
  if (sp_cli_model_options_session (model_opts) != NULL)
    pins = sp_pin_set_new_from_session (sp_cli_model_options_session (model_opts));
  data.pins = pins;
  data.rate_sweep = sweep;
  if (is_voltage (kind) ? !simulate_driven (&sim, &data, history, trace)
                        : needs_simulation (kind) && !simulate (&sim, &data, history))
    {
      sp_plot_style_clear (&style);
      return SP_CLI_EXIT_FAILURE;
    }
  frame = data.frame;

  {
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
    SpFigureKind kinds[SP_FIGURE_ALL];

    if (options.format == SP_EXPORT_CSV && kind == SP_FIGURE_ALL)
      {
        for (SpFigureKind k = 0; k < SP_FIGURE_ALL; k++)
          {
            /* F(t) and L(t) share one time series: write it once. */
            if (k == SP_FIGURE_COARSENING)
              continue;
            kinds[paths->len] = k;
            g_ptr_array_add (paths, path_for_figure (flags.output, k == SP_FIGURE_ENERGY
                                                                   ? SP_EXPORT_FIGURE_DIAGNOSTICS : k));
          }
      }
    else
      {
        kinds[0] = kind;
        g_ptr_array_add (paths, g_strdup (flags.output));
      }

    /* Render everything, then write every file or none (issue 11). */
    for (guint i = 0; ok && i < paths->len; i++)
      {
        GBytes *bytes = render_one (g_ptr_array_index (paths, i), kinds[i], &data, &options);

        if (bytes == NULL)
          ok = FALSE;
        else
          g_ptr_array_add (contents, bytes);
      }
    if (ok)
      ok = sp_cli_write_files ("export", paths->len, (const char *const *) paths->pdata,
                               (GBytes *const *) contents->pdata);
  }

  sp_plot_style_clear (&style);
  return ok ? SP_CLI_EXIT_OK : SP_CLI_EXIT_FAILURE;
}
