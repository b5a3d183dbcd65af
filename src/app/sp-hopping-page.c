/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-page.c — the Ion Transport lab's Hopping & Diffusion page
 *
 * Live mode: the adjustments feed the worker (SpKmcLive) at once; each
 * frame redraws the lattice layer and its tracer paths; each new rolling
 * window of samples goes to two workbenches, never more than one job
 * each at a time (a newer window waits, older ones are dropped):
 *   - the tracers' trajectory: MSD per direction and total, D* (GLS,
 *     block averaging), F_s(Q,t), Γ(Q) and the Chudley–Elliott fit;
 *   - the carriers' centre, as one walker at Σᵢ rᵢ/√N: its "tracer" D is
 *     D_σ = ⟨|ΔΣ|²⟩/(6NΔt) (Einstein–Helfand) with the GLS error of a
 *     single walker.  The worker's window holds a subset of the carriers
 *     on large lattices, whose own collective MSD would not be D_σ's; the
 *     sum over ALL carriers comes with every window (sp-kmc-live.h).
 * The read-outs combine them: H_R = D* ÷ D_σ, σ by Nernst–Einstein with the
 * lattice's carrier density, and the closed forms of the lattice.
 * Data mode: one workbench on the imported file (its D_σ from all the
 * species' ions).
 *
 * Layout (relayout(), from the area's width as the other pages): two
 * columns — lattice and MSD, then F_s and Γ(Q); Data mode adds D(T) and
 * D(1/L) below; one column stacked, scrolling, below 2 columns' width.
 * The read-outs under them rearrange to the width (sp-readout-groups.c),
 * so no value is cut off at the edge; on a projector the figures keep a
 * readable height and the page scrolls to the read-outs.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-hopping-page.h"
#include "sp-hopping-panel.h"
#include "sp-hopping-params.h"
#include "sp-session.h"
#include "sp-window-layout.h"

#define MIN_CARD_HEIGHT 250
/* Speed: the slider's top is "as fast as it can" (0 to the worker). */
#define SPEED_MAX 1e8

enum { LATTICE, MSD, FS, QENS, ARRHENIUS, FINITE_SIZE, N_VIEWS };

struct _SpHoppingPage
{
  SpLabPage          parent_instance;

  GtkAdjustment     *adjustments[SP_HOPPING_N_PARAMS];
  GtkAdjustment     *layer;
  GtkAdjustment     *speed;
  SpHoppingBlocking  blocking;
  char              *preset;
  SpHoppingMode      mode;
  gboolean           applying;       /* a preset or a session sets every value */
  guint              layout_key;

  /* Live. */
  SpKmcLive         *live;
  SpKmcParams        kmc_params;     /* as last given to the worker */
  SpKmcLiveFrame    *frame;          /* the frame drawn (a reference) */
  guint64            window_serial;  /* the window last handed to the workbenches */
  gboolean           window_waiting; /* a newer window waits for the workbenches */
  SpHopFigureLattice lattice;        /* the layer of @frame, its tracer paths */
  SpHopFigurePath    paths[SP_KMC_LIVE_TRACERS];
  double            *path_xy;        /* the paths' x then y, per tracer */
  char              *lattice_label;

  /* Analysis: the tracers (or the file), and the carriers' centre. */
  SpHopWorkbench    *workbench;
  SpHopWorkbench    *collective;
  double             window_t0_ps, window_t1_ps;   /* NAN: suggested */
  SpHopFigureData    figure;         /* what the figures draw */
  SpHopFigureMsd     msd;            /* the workbench's, with D_σ's curve */
  SpHoppingReadout   readout;

  /* Data mode's file. */
  char              *data_file;
  char              *species;
  double             timestep_fs;

  /* Template children. */
  GtkToggleButton   *live_button;
  GtkToggleButton   *data_button;
  GtkToggleButton   *run_button;
  GtkImage          *run_icon;
  GtkButton         *reset_button;
  GtkLabel          *status_label;
  GtkGrid           *figure_grid;
  SpPlotView        *lattice_view;
  SpPlotView        *msd_view;
  SpPlotView        *fs_view;
  SpPlotView        *qens_view;
  SpPlotView        *arrhenius_view;
  SpPlotView        *finite_size_view;
  SpHoppingReadouts *readouts;
};

G_DEFINE_FINAL_TYPE (SpHoppingPage, sp_hopping_page, SP_TYPE_LAB_PAGE)

enum {
  PROP_0,
  PROP_MODE,
  PROP_PRESET,
  PROP_RUNNING,
  PROP_BLOCKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
views (SpHoppingPage  *self,
       SpPlotView    **out)
{
  out[LATTICE] = self->lattice_view;
  out[MSD] = self->msd_view;
  out[FS] = self->fs_view;
  out[QENS] = self->qens_view;
  out[ARRHENIUS] = self->arrhenius_view;
  out[FINITE_SIZE] = self->finite_size_view;
}

/* Layout ------------------------------------------------------------------- */

static void
place (GtkGrid    *grid,
       SpPlotView *view,
       int         column,
       int         row,
       int         min_height)
{
  GtkLayoutManager *manager = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkGridLayoutChild *child =
    GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (manager, GTK_WIDGET (view)));

  gtk_widget_set_visible (GTK_WIDGET (view), TRUE);
  gtk_grid_layout_child_set_column (child, column);
  gtk_grid_layout_child_set_row (child, row);
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, min_height);
}

static guint
layout_key (SpHoppingPage *self)
{
  int width, height;

  sp_lab_page_get_area (SP_LAB_PAGE (self), &width, &height);
  return 0x100 | (guint) self->mode << 6 | MIN (sp_window_layout_columns (width), 2u) << 2
         | (guint) sp_lab_page_get_presentation (SP_LAB_PAGE (self)) << 1;
}

static void
sp_hopping_page_relayout (SpLabPage *page)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (page);
  guint key = layout_key (self);
  guint columns = MAX ((key >> 2) & 0xf, 1u);
  gboolean presentation = (key >> 1) & 1;
  guint n = self->mode == SP_HOPPING_MODE_DATA ? N_VIEWS : QENS + 1;
  SpPlotView *v[N_VIEWS];

  if (key == self->layout_key)
    return;
  self->layout_key = key;
  views (self, v);
  for (guint i = n; i < N_VIEWS; i++)
    gtk_widget_set_visible (GTK_WIDGET (v[i]), FALSE);
  /* Four figures share the height beside the read-outs in two columns;
   * six (Data mode), one column, or a projector's larger type scroll, each
   * card tall enough to read (the read-outs, rearranged to the width,
   * can take most of a projector's height). */
  for (guint i = 0; i < n; i++)
    place (self->figure_grid, v[i], i % columns, i / columns,
           columns == 1 || n > 4 || presentation ? MIN_CARD_HEIGHT : -1);
}

/* Figures and read-outs ------------------------------------------------------ */

static gboolean
is_live (SpHoppingPage *self)
{
  return self->mode == SP_HOPPING_MODE_LIVE;
}

/* The closed forms of the lattice and the percolation of its open sites. */
static void
fill_lattice_readout (SpHoppingPage    *self,
                      SpHoppingReadout *r)
{
  const SpKmcParams *p = &self->kmc_params;
  double a_cm = p->spacing_angstrom * 1e-8;

  r->gamma_hz = sp_kmc_hop_rate_hz (p);
  r->gamma_z_hz = sp_kmc_hop_rate_z_hz (p);
  r->d_dilute_cm2_s = r->gamma_hz * a_cm * a_cm;
  r->blocked_fraction = p->blocked_fraction;
  if (self->frame != NULL)
    {
      double volume_cm3 = pow (self->frame->size * a_cm, 3);

      r->density_cm3 = self->frame->n_carriers / volume_cm3;
      r->percolation_known = TRUE;
      r->percolates = self->frame->percolates;
    }
}

static void
refresh (SpHoppingPage *self)
{
  const SpDiffusion *d = sp_hop_workbench_get_diffusion (self->workbench);
  SpHoppingReadout *r = &self->readout;
  SpPlotView *v[N_VIEWS];

  memset (&self->figure, 0, sizeof self->figure);
  sp_hop_workbench_fill_figure_data (self->workbench, &self->figure);
  sp_hopping_readout_init (r);

  if (d != NULL)
    {
      r->d_star_cm2_s = d->d_star_cm2_s;
      r->d_star_se = d->d_star_stderr_cm2_s;
      r->d_xx_cm2_s = d->axis[0].d_cm2_s;
      r->d_yy_cm2_s = d->axis[1].d_cm2_s;
      r->d_zz_cm2_s = d->axis[2].d_cm2_s;
      r->error_method = d->trusted == SP_DIFFUSION_TRUST_GLS
                        ? "GLS" : _("block averaging");
      if (!is_live (self))
        {
          r->d_sigma_cm2_s = d->d_sigma_cm2_s;
          r->d_sigma_se = d->d_sigma_stderr_cm2_s;
          r->haven = d->haven_ratio;
          r->haven_se = d->haven_ratio_stderr;
          r->sigma_s_cm = d->sigma_s_cm;
          r->sigma_se = d->sigma_stderr_s_cm;
          r->density_cm3 = d->density_cm3;
        }
    }

  if (self->figure.msd != NULL)
    {
      self->msd = *self->figure.msd;
      self->figure.msd = &self->msd;
    }

  if (is_live (self))
    {
      const SpDiffusion *c = sp_hop_workbench_get_diffusion (self->collective);
      const SpMsd *cmsd = sp_hop_workbench_get_msd (self->collective);
      SpHopFigureData collective = { 0 };

      fill_lattice_readout (self, r);
      if (c != NULL)
        {
          r->d_sigma_cm2_s = c->d_star_cm2_s;
          r->d_sigma_se = c->d_star_stderr_cm2_s;
          if (d != NULL && r->d_sigma_cm2_s > 0)
            {
              r->haven = r->d_star_cm2_s / r->d_sigma_cm2_s;
              r->haven_se = fabs (r->haven) * hypot (r->d_star_se / r->d_star_cm2_s,
                                                      r->d_sigma_se / r->d_sigma_cm2_s);
            }
          r->sigma_s_cm = sp_nernst_einstein_s_cm (r->density_cm3, 1.0, r->d_sigma_cm2_s,
                                                   self->kmc_params.temperature_k);
          r->sigma_se = r->sigma_s_cm * r->d_sigma_se / r->d_sigma_cm2_s;
        }
      /* The collective curve and line: the centre's "tracer" MSD is the
       * charge MSD per ion, ⟨|Σ Δr|²⟩/N, on the same lags. */
      sp_hop_workbench_fill_figure_data (self->collective, &collective);
      if (self->figure.msd != NULL && collective.msd != NULL && cmsd != NULL &&
          collective.msd->n == self->msd.n)
        {
          self->msd.msd_a2[SP_HOP_MSD_COLLECTIVE] = collective.msd->msd_a2[SP_HOP_MSD_TOTAL];
          self->msd.d_sigma_cm2_s = collective.msd->d_star_cm2_s;
          self->msd.d_sigma_err_cm2_s = collective.msd->d_star_err_cm2_s;
          self->msd.offset_collective_a2 = collective.msd->offset_a2;
        }
      else if (self->figure.msd != NULL)
        {
          self->msd.msd_a2[SP_HOP_MSD_COLLECTIVE] = NULL;
          self->msd.d_sigma_cm2_s = NAN;
        }
      if (self->frame != NULL)
        self->figure.lattice = &self->lattice;
    }

  if (self->figure.qens != NULL)
    {
      r->ce_l_angstrom = self->figure.qens->l_angstrom;
      r->ce_l_se = self->figure.qens->l_err_angstrom;
      r->ce_tau_ps = self->figure.qens->tau_ps;
      r->ce_tau_se = self->figure.qens->tau_err_ps;
      r->ce_d_cm2_s = self->figure.qens->d_cm2_s;
      r->ce_d_se = self->figure.qens->d_err_cm2_s;
    }

  sp_hopping_readouts_set (self->readouts, r);
  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    sp_plot_view_set_hop_data (v[i], &self->figure);
}

/* The status line: the clock, hops and their rate, or the file. */
static void
show_status (SpHoppingPage *self)
{
  g_autofree char *text = NULL;

  if (!is_live (self))
    {
      const SpTrajectory *t = sp_hop_workbench_get_trajectory (self->workbench);

      if (t != NULL)
        /* Translators: data mode's status: file, species, ions, frames. */
        text = g_strdup_printf (_("%s: %u %s ions, %u frames %g ps apart"), t->name,
                                t->n_ions, t->species, t->n_frames, t->dt_ps);
      else
        text = g_strdup (_("No trajectory: open one in the panel"));
    }
  else if (self->frame != NULL)
    {
      g_autofree char *time = sp_hopping_readouts_format_pm (self->frame->time_s * 1e9, NAN, "ns");
      g_autofree char *rate = sp_hopping_readouts_format_pm (self->frame->hops_per_s, NAN, NULL);
      g_autofree char *hops = g_strdup_printf ("%" G_GUINT64_FORMAT, self->frame->hops);

      /* Translators: live mode's status: KMC time, hops, hops/s of wall time. */
      text = g_strdup_printf (_("t = %s · %s hops · %s hops/s"), time, hops,
                              self->frame->running ? rate : "0");
    }
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
}

/* Live mode ------------------------------------------------------------------- */

/* The tracer paths of @frame projected on x–y, and its layer. */
static void
take_lattice (SpHoppingPage  *self,
              SpKmcLiveFrame *frame)
{
  guint n = frame->path_points;

  g_free (self->path_xy);
  self->path_xy = g_new (double, 2 * (gsize) frame->n_tracers * MAX (n, 1));
  for (guint t = 0; t < frame->n_tracers; t++)
    {
      double *x = self->path_xy + 2 * (gsize) t * n, *y = x + n;

      for (guint k = 0; k < n; k++)
        {
          const double *r = frame->paths + ((gsize) t * n + k) * 3;

          x[k] = r[0];
          y[k] = r[1];
        }
      self->paths[t] = (SpHopFigurePath) { n, x, y };
    }
  g_free (self->lattice_label);
  /* Translators: the lattice figure's label: the layer shown, of how many. */
  self->lattice_label = g_strdup_printf (_("layer z = %u of %u"), frame->layer_z, frame->size);
  self->lattice = (SpHopFigureLattice) {
    .nx = frame->size, .ny = frame->size, .sites = frame->layer,
    .spacing_angstrom = frame->params.spacing_angstrom,
    .width_angstrom = frame->size * frame->params.spacing_angstrom,
    .height_angstrom = frame->size * frame->params.spacing_angstrom,
    .n_paths = frame->n_tracers, .paths = self->paths, .label = self->lattice_label,
  };
}

/* The carriers' centre Σᵢ rᵢ/√N as one walker, on the window's times. */
static SpTrajectory *
collective_trajectory (const SpKmcLiveFrame *frame)
{
  const SpTrajectory *w = frame->window;
  SpTrajectory *c = sp_trajectory_new (1, w->n_frames);
  double scale = 1.0 / sqrt (MAX (frame->n_carriers, 1u));

  if (c == NULL)
    return NULL;
  for (guint f = 0; f < w->n_frames; f++)
    for (guint a = 0; a < 3; a++)
      c->positions[f * 3 + a] = frame->collective[f * 3 + a] * scale;
  c->dt_ps = w->dt_ps;
  memcpy (c->cell, w->cell, sizeof c->cell);
  c->temperature_k = w->temperature_k;
  c->charge = w->charge;
  sp_trajectory_set_species (c, w->species);
  sp_trajectory_set_name (c, "KMC Σ");
  return c;
}

/* Hands the newest window to the workbenches when both are free. */
static void
submit_window (SpHoppingPage *self)
{
  SpKmcLiveFrame *frame = self->frame;

  if (!is_live (self) || frame == NULL || frame->window == NULL ||
      frame->window_serial == self->window_serial)
    return;
  if (sp_hop_workbench_get_busy (self->workbench) || sp_hop_workbench_get_busy (self->collective))
    {
      self->window_waiting = TRUE;
      return;
    }
  self->window_waiting = FALSE;
  self->window_serial = frame->window_serial;
  sp_hop_workbench_set_trajectory (self->workbench, sp_trajectory_copy (frame->window));
  sp_hop_workbench_set_trajectory (self->collective, collective_trajectory (frame));
}

static void
frame_cb (SpHoppingPage *self)
{
  SpKmcLiveFrame *frame = sp_kmc_live_get_frame (self->live);

  if (frame == NULL || frame == self->frame)
    return;
  sp_kmc_live_frame_ref (frame);
  g_clear_pointer (&self->frame, sp_kmc_live_frame_unref);
  self->frame = frame;
  take_lattice (self, frame);
  if (frame->message != NULL)
    g_message ("%s", frame->message);
  if (!is_live (self))
    return;
  submit_window (self);
  /* The layer and the clock every frame; the rest when the analysis
   * has something new (workbench_changed_cb). */
  fill_lattice_readout (self, &self->readout);
  sp_hopping_readouts_set (self->readouts, &self->readout);
  self->figure.lattice = &self->lattice;
  sp_plot_view_set_hop_data (self->lattice_view, &self->figure);
  show_status (self);
}

static void
running_cb (SpHoppingPage *self)
{
  gboolean running = sp_kmc_live_get_running (self->live);

  if (gtk_toggle_button_get_active (self->run_button) != running)
    gtk_toggle_button_set_active (self->run_button, running);
  /* The icon shows what a press does. */
  gtk_image_set_from_icon_name (self->run_icon, running ? "media-playback-pause-symbolic"
                                                        : "media-playback-start-symbolic");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

/* A toast on the window, or a message when the page is not in one. */
static void
show_error (SpHoppingPage *self,
            const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);   /* a message about a file stays until read */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
params_from_adjustments (SpHoppingPage *self,
                         SpKmcParams   *p)
{
  double v[SP_HOPPING_N_PARAMS];

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    v[i] = gtk_adjustment_get_value (self->adjustments[i]);
  sp_kmc_params_init_default (p);
  p->size = (guint) lround (v[SP_HOPPING_SIZE]);
  p->carrier_fraction = v[SP_HOPPING_CARRIER_FRACTION];
  p->barrier_ev = v[SP_HOPPING_BARRIER];
  p->barrier_z_ev = v[SP_HOPPING_BARRIER_Z];
  p->attempt_hz = v[SP_HOPPING_ATTEMPT];
  p->temperature_k = v[SP_HOPPING_TEMPERATURE];
  p->blocked_fraction = v[SP_HOPPING_BLOCKED_FRACTION];
  p->blocking = self->blocking == SP_HOPPING_BLOCKING_CLUSTERED ? SP_KMC_BLOCKING_CLUSTERED
                                                                : SP_KMC_BLOCKING_RANDOM;
  p->disorder_ev = v[SP_HOPPING_DISORDER];
  p->spacing_angstrom = v[SP_HOPPING_SPACING];
  p->seed = (guint64) llround (v[SP_HOPPING_SEED]);
}

/* Any parameter: to the worker at once (it applies them at its next
 * chunk of hops), the closed forms at once, the rest with the next window. */
static void
params_changed (SpHoppingPage *self)
{
  g_autoptr(GError) error = NULL;
  SpKmcParams p;

  if (self->applying)
    return;
  params_from_adjustments (self, &p);
  gtk_adjustment_set_upper (self->layer, p.size - 1);
  if (!sp_kmc_live_set_params (self->live, &p, &error))
    {
      /* The sliders' ranges keep every value valid, but not every
       * combination: a barrier far above k_BT stops every hop. */
      show_error (self, error->message);
    }
  else
    {
      /* New rates or a new lattice: the window in ps no longer fits the
       * new samples' times; back to the suggested one. */
      self->kmc_params = p;
      self->window_t0_ps = self->window_t1_ps = NAN;
      sp_hop_workbench_set_window (self->workbench, NAN, NAN);
      sp_hop_workbench_set_window (self->collective, NAN, NAN);
      sp_hop_workbench_set_temperature (self->workbench, p.temperature_k);
    }
  fill_lattice_readout (self, &self->readout);
  sp_hopping_readouts_set (self->readouts, &self->readout);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
set_preset (SpHoppingPage *self,
            const char    *id)
{
  if (g_strcmp0 (self->preset, id) == 0)
    return;
  g_free (self->preset);
  self->preset = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

/* A slider moved by hand: the values are no longer the preset's. */
static void
adjustment_changed_cb (SpHoppingPage *self)
{
  if (self->applying)
    return;
  set_preset (self, NULL);
  params_changed (self);
}

static void
layer_changed_cb (SpHoppingPage *self)
{
  sp_kmc_live_set_layer (self->live, (guint) lround (gtk_adjustment_get_value (self->layer)));
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
speed_changed_cb (SpHoppingPage *self)
{
  double speed = gtk_adjustment_get_value (self->speed);

  sp_kmc_live_set_speed (self->live, speed >= SPEED_MAX ? 0.0 : speed);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

/* Sets every value at once (a preset, a session): one change for the worker. */
static void
set_values (SpHoppingPage     *self,
            const double      *values,
            SpHoppingBlocking  blocking)
{
  self->applying = TRUE;
  /* The layer's range first: a smaller lattice clamps it. */
  gtk_adjustment_set_upper (self->layer, values[SP_HOPPING_SIZE] - 1);
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    gtk_adjustment_set_value (self->adjustments[i], values[i]);
  if (self->blocking != blocking)
    {
      self->blocking = blocking;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKING]);
    }
  self->applying = FALSE;
  params_changed (self);
}

gboolean
sp_hopping_page_apply_preset (SpHoppingPage *self,
                              const char    *id)
{
  const SpHoppingPreset *preset;

  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), FALSE);

  preset = sp_hopping_find_preset (id);
  if (preset == NULL)
    return FALSE;
  set_values (self, preset->values, preset->blocking);
  set_preset (self, preset->id);
  return TRUE;
}

void
sp_hopping_page_set_values (SpHoppingPage *self,
                            const double  *values,
                            int            blocking)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  g_return_if_fail (values != NULL);

  set_values (self, values, blocking == SP_HOPPING_BLOCKING_CLUSTERED
                            ? SP_HOPPING_BLOCKING_CLUSTERED : SP_HOPPING_BLOCKING_RANDOM);
  set_preset (self, NULL);
}

const char *
sp_hopping_page_get_preset (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->preset;
}

int
sp_hopping_page_get_blocking (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), SP_HOPPING_BLOCKING_RANDOM);
  return self->blocking;
}

void
sp_hopping_page_set_blocking (SpHoppingPage *self,
                              int            blocking)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  g_return_if_fail (blocking == SP_HOPPING_BLOCKING_RANDOM ||
                    blocking == SP_HOPPING_BLOCKING_CLUSTERED);

  if (self->blocking == (SpHoppingBlocking) blocking)
    return;
  self->blocking = blocking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKING]);
  set_preset (self, NULL);
  params_changed (self);
}

GtkAdjustment *
sp_hopping_page_get_adjustment (SpHoppingPage  *self,
                                SpHoppingParam  param)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  g_return_val_if_fail (param < SP_HOPPING_N_PARAMS, NULL);
  return self->adjustments[param];
}

GtkAdjustment *
sp_hopping_page_get_layer_adjustment (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->layer;
}

GtkAdjustment *
sp_hopping_page_get_speed_adjustment (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->speed;
}

gboolean
sp_hopping_page_get_running (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), FALSE);
  return sp_kmc_live_get_running (self->live);
}

void
sp_hopping_page_set_running (SpHoppingPage *self,
                             gboolean       running)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  sp_kmc_live_set_running (self->live, running);
}

void
sp_hopping_page_reset (SpHoppingPage *self)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  sp_kmc_live_reset (self->live);
}

static void
run_toggled_cb (SpHoppingPage *self)
{
  sp_hopping_page_set_running (self, gtk_toggle_button_get_active (self->run_button));
}

SpKmcLive *
sp_hopping_page_get_live (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->live;
}

SpHopWorkbench *
sp_hopping_page_get_workbench (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->workbench;
}

void
sp_hopping_page_get_kmc_params (SpHoppingPage *self,
                                SpKmcParams   *params)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  *params = self->kmc_params;
}

/* The fit window ------------------------------------------------------------ */

void
sp_hopping_page_set_window (SpHoppingPage *self,
                            double         t0_ps,
                            double         t1_ps)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));

  if (!(isfinite (t0_ps) && isfinite (t1_ps) && 0 < t0_ps && t0_ps < t1_ps))
    t0_ps = t1_ps = NAN;
  self->window_t0_ps = t0_ps;
  self->window_t1_ps = t1_ps;
  sp_hop_workbench_set_window (self->workbench, t0_ps, t1_ps);
  if (is_live (self))
    sp_hop_workbench_set_window (self->collective, t0_ps, t1_ps);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
window_dragged_cb (SpHoppingPage *self,
                   double         t0_ps,
                   double         t1_ps)
{
  sp_hopping_page_set_window (self, t0_ps, t1_ps);
}

static void
time_moved_cb (SpHoppingPage *self,
               double         t_ps)
{
  sp_plot_view_set_cursor_time (self->msd_view, t_ps);
  sp_plot_view_set_cursor_time (self->fs_view, t_ps);
}

/* Mode ------------------------------------------------------------------------ */

SpHoppingMode
sp_hopping_page_get_mode (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), SP_HOPPING_MODE_LIVE);
  return self->mode;
}

void
sp_hopping_page_set_mode (SpHoppingPage *self,
                          SpHoppingMode  mode)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  g_return_if_fail (mode == SP_HOPPING_MODE_LIVE || mode == SP_HOPPING_MODE_DATA);

  if (self->mode == mode)
    return;
  self->mode = mode;
  gtk_toggle_button_set_active (mode == SP_HOPPING_MODE_LIVE ? self->live_button
                                                             : self->data_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), mode == SP_HOPPING_MODE_LIVE);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), mode == SP_HOPPING_MODE_LIVE);
  /* The lattice does not hop behind a file's analysis. */
  if (mode == SP_HOPPING_MODE_DATA)
    sp_kmc_live_set_running (self->live, FALSE);
  /* One workbench for both modes: the other mode's input goes. */
  sp_hop_workbench_cancel (self->workbench);
  sp_hop_workbench_cancel (self->collective);
  sp_hop_workbench_set_trajectory (self->workbench, NULL);
  sp_hop_workbench_set_trajectory (self->collective, NULL);
  self->window_serial = 0;
  if (mode == SP_HOPPING_MODE_LIVE)
    submit_window (self);
  else if (self->data_file != NULL && self->species != NULL && self->timestep_fs > 0)
    sp_hopping_page_import (self, self->data_file, self->species, self->timestep_fs);
  refresh (self);
  show_status (self);
  sp_lab_page_queue_relayout (SP_LAB_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

static void
mode_toggled_cb (SpHoppingPage *self)
{
  sp_hopping_page_set_mode (self, gtk_toggle_button_get_active (self->data_button)
                                  ? SP_HOPPING_MODE_DATA : SP_HOPPING_MODE_LIVE);
}

/* Data mode ------------------------------------------------------------------- */

void
sp_hopping_page_import (SpHoppingPage *self,
                        const char    *path,
                        const char    *species,
                        double         timestep_fs)
{
  g_autoptr(GFile) file = NULL;
  SpTrajReadOptions options;

  g_return_if_fail (SP_IS_HOPPING_PAGE (self));
  g_return_if_fail (path != NULL && species != NULL);

  if (g_strcmp0 (self->data_file, path) != 0)
    {
      g_free (self->data_file);
      self->data_file = g_strdup (path);
    }
  if (g_strcmp0 (self->species, species) != 0)
    {
      g_free (self->species);
      self->species = g_strdup (species);
    }
  self->timestep_fs = timestep_fs;
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
  if (self->mode != SP_HOPPING_MODE_DATA)
    return;
  file = g_file_new_for_path (path);
  sp_traj_read_options_init (&options);
  options.species = self->species;
  options.timestep_fs = timestep_fs;
  options.charge = 1.0;
  sp_hop_workbench_open_trajectory (self->workbench, file, &options);
}

void
sp_hopping_page_forget_data (SpHoppingPage *self)
{
  g_return_if_fail (SP_IS_HOPPING_PAGE (self));

  g_clear_pointer (&self->data_file, g_free);
  g_clear_pointer (&self->species, g_free);
  self->timestep_fs = NAN;
  if (self->mode == SP_HOPPING_MODE_DATA)
    {
      sp_hop_workbench_cancel (self->workbench);
      sp_hop_workbench_set_trajectory (self->workbench, NULL);
    }
  sp_lab_page_state_changed (SP_LAB_PAGE (self));
}

const char *
sp_hopping_page_get_data_file (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->data_file;
}

const char *
sp_hopping_page_get_species (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->species;
}

double
sp_hopping_page_get_timestep_fs (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NAN);
  return self->timestep_fs;
}

/* A result (either workbench): the figures and read-outs, and the window
 * that waited. */
static void
workbench_changed_cb (SpHoppingPage *self)
{
  refresh (self);
  show_status (self);
  if (self->window_waiting)
    submit_window (self);
}

/* The tracers' result: D_σ is fitted over the same window as D* (the
 * single collective walker's own log–log slope is too noisy to choose
 * one), so the Haven ratio compares like with like. */
static void
tracers_changed_cb (SpHoppingPage *self)
{
  double t0, t1, c0, c1;
  gboolean automatic, collective_automatic;

  if (is_live (self))
    {
      sp_hop_workbench_get_window (self->workbench, &t0, &t1, &automatic);
      sp_hop_workbench_get_window (self->collective, &c0, &c1, &collective_automatic);
      if (isfinite (t0) && isfinite (t1) && (c0 != t0 || c1 != t1) &&
          sp_hop_workbench_get_trajectory (self->collective) != NULL)
        sp_hop_workbench_set_window (self->collective, t0, t1);
    }
  workbench_changed_cb (self);
}

static void
workbench_busy_cb (SpHoppingPage *self)
{
  if (self->window_waiting)
    submit_window (self);
}

static void
workbench_error_cb (SpHoppingPage *self,
                    const char    *message)
{
  show_error (self, message);
}

SpPlotView *
sp_hopping_page_get_figure (SpHoppingPage *self,
                            SpFigureKind   kind)
{
  SpPlotView *v[N_VIEWS];

  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    if (sp_plot_view_get_kind (v[i]) == kind)
      return v[i];
  return NULL;
}

SpHoppingReadouts *
sp_hopping_page_get_readouts (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return self->readouts;
}

const SpHoppingReadout *
sp_hopping_page_get_readout (SpHoppingPage *self)
{
  g_return_val_if_fail (SP_IS_HOPPING_PAGE (self), NULL);
  return &self->readout;
}

/* The panel --------------------------------------------------------------------- */

static GtkWidget *
sp_hopping_page_create_panel (SpLabPage *page)
{
  return sp_hopping_panel_new (SP_HOPPING_PAGE (page));
}

/* GObject ----------------------------------------------------------------------- */

static void
sp_hopping_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_PRESET:
      g_value_set_string (value, self->preset);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, sp_hopping_page_get_running (self));
      break;
    case PROP_BLOCKING:
      g_value_set_int (value, self->blocking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_hopping_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODE:
      sp_hopping_page_set_mode (self, g_value_get_int (value));
      break;
    case PROP_RUNNING:
      sp_hopping_page_set_running (self, g_value_get_boolean (value));
      break;
    case PROP_BLOCKING:
      sp_hopping_page_set_blocking (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_hopping_page_dispose (GObject *object)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (object);
  SpPlotView *v[N_VIEWS];

  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    if (v[i] != NULL)
      sp_plot_view_set_hop_data (v[i], NULL);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  /* The worker's thread ends with its last reference. */
  g_clear_object (&self->live);
  if (self->workbench != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workbench, self);
      sp_hop_workbench_cancel (self->workbench);
    }
  if (self->collective != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->collective, self);
      sp_hop_workbench_cancel (self->collective);
    }
  g_clear_object (&self->workbench);
  g_clear_object (&self->collective);
  g_clear_pointer (&self->frame, sp_kmc_live_frame_unref);
  G_OBJECT_CLASS (sp_hopping_page_parent_class)->dispose (object);
}

static void
sp_hopping_page_finalize (GObject *object)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (object);

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    g_clear_object (&self->adjustments[i]);
  g_clear_object (&self->layer);
  g_clear_object (&self->speed);
  g_free (self->preset);
  g_free (self->path_xy);
  g_free (self->lattice_label);
  g_free (self->data_file);
  g_free (self->species);
  G_OBJECT_CLASS (sp_hopping_page_parent_class)->finalize (object);
}

/* In sp-hopping-page-state.c. */
JsonObject *sp_hopping_page_save_state  (SpLabPage   *page);
gboolean    sp_hopping_page_check_state (SpLabPage   *page,
                                         JsonObject  *state,
                                         GError     **error);
void        sp_hopping_page_load_state  (SpLabPage   *page,
                                         JsonObject  *state);

static void
sp_hopping_page_class_init (SpHoppingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpLabPageClass *page_class = SP_LAB_PAGE_CLASS (klass);

  object_class->get_property = sp_hopping_page_get_property;
  object_class->set_property = sp_hopping_page_set_property;
  object_class->dispose = sp_hopping_page_dispose;
  object_class->finalize = sp_hopping_page_finalize;
  page_class->relayout = sp_hopping_page_relayout;
  page_class->create_panel = sp_hopping_page_create_panel;
  page_class->save_state = sp_hopping_page_save_state;
  page_class->check_state = sp_hopping_page_check_state;
  page_class->load_state = sp_hopping_page_load_state;

  /* An SpHoppingMode. */
  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, SP_HOPPING_MODE_LIVE, SP_HOPPING_MODE_DATA,
                      SP_HOPPING_MODE_LIVE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESET] =
    g_param_spec_string ("preset", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* An SpHoppingBlocking. */
  properties[PROP_BLOCKING] =
    g_param_spec_int ("blocking", NULL, NULL, SP_HOPPING_BLOCKING_RANDOM,
                      SP_HOPPING_BLOCKING_CLUSTERED, SP_HOPPING_BLOCKING_RANDOM,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_PLOT_VIEW);
  g_type_ensure (SP_TYPE_HOPPING_READOUTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-hopping-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpHoppingPage, name)
  BIND (live_button);
  BIND (data_button);
  BIND (run_button);
  BIND (run_icon);
  BIND (reset_button);
  BIND (status_label);
  BIND (figure_grid);
  BIND (lattice_view);
  BIND (msd_view);
  BIND (fs_view);
  BIND (qens_view);
  BIND (arrhenius_view);
  BIND (finite_size_view);
  BIND (readouts);
#undef BIND
}

static void
sp_hopping_page_init (SpHoppingPage *self)
{
  g_autoptr(GError) error = NULL;
  SpPlotView *v[N_VIEWS];
  const SpHoppingPreset *first = sp_hopping_get_preset (0);

  self->window_t0_ps = self->window_t1_ps = NAN;
  self->timestep_fs = NAN;
  sp_hopping_readout_init (&self->readout);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    {
      const SpHoppingRange *range = sp_hopping_get_range (i);

      self->adjustments[i] = g_object_ref_sink (gtk_adjustment_new (first->values[i],
                                                                    range->min, range->max,
                                                                    range->integer ? 1 : 0,
                                                                    range->integer ? 1 : 0, 0));
      g_signal_connect_object (self->adjustments[i], "value-changed",
                               G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->blocking = first->blocking;
  self->layer = g_object_ref_sink (gtk_adjustment_new (first->values[SP_HOPPING_SIZE] / 2, 0,
                                                       first->values[SP_HOPPING_SIZE] - 1,
                                                       1, 1, 0));
  self->speed = g_object_ref_sink (gtk_adjustment_new (SPEED_MAX, 10, SPEED_MAX, 0, 0, 0));

  params_from_adjustments (self, &self->kmc_params);
  self->live = sp_kmc_live_new (&self->kmc_params, &error);
  /* The preset's values are valid by the presets' test. */
  g_assert (self->live != NULL);
  sp_kmc_live_set_layer (self->live, (guint) gtk_adjustment_get_value (self->layer));
  self->preset = g_strdup (first->id);
  g_signal_connect_object (self->live, "notify::frame", G_CALLBACK (frame_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "notify::running", G_CALLBACK (running_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "value-changed", G_CALLBACK (layer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speed, "value-changed", G_CALLBACK (speed_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->workbench = sp_hop_workbench_new ();
  self->collective = sp_hop_workbench_new ();
  sp_hop_workbench_set_temperature (self->workbench, self->kmc_params.temperature_k);
  g_signal_connect_object (self->workbench, "changed", G_CALLBACK (tracers_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collective, "changed", G_CALLBACK (workbench_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbench, "notify::busy", G_CALLBACK (workbench_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->collective, "notify::busy", G_CALLBACK (workbench_busy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workbench, "error", G_CALLBACK (workbench_error_cb), self,
                           G_CONNECT_SWAPPED);
  /* The collective walker's failures (too short a window) say nothing
   * the tracers' do not: no second toast. */

  views (self, v);
  for (guint i = 0; i < N_VIEWS; i++)
    {
      sp_lab_page_add_figure (SP_LAB_PAGE (self), v[i]);
      g_signal_connect_object (v[i], "time-moved", G_CALLBACK (time_moved_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->msd_view, "window-dragged", G_CALLBACK (window_dragged_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->data_button, "toggled", G_CALLBACK (mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run_button, "toggled", G_CALLBACK (run_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reset_button, "clicked", G_CALLBACK (sp_hopping_page_reset),
                           self, G_CONNECT_SWAPPED);
  refresh (self);
}
