/* sp-sim-bar.c — the live run's controls and read-outs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-readout.h"
#include "sp-sim-bar-layout.h"

#include "sp-sim-bar.h"

/* t, c̄, F, L and λ (λ*): separate labels, so that a narrow window can
 * wrap them onto more lines instead of growing as wide as all of them;
 * then, shown only while the run is driven, V, η and the phase fraction. */
#define N_READOUTS 5
#define N_DRIVE_READOUTS 3

struct _SpSimBar
{
  GtkWidget      parent_instance;

  SpSimulation  *simulation;
  GBinding      *speed_binding;

  /* Template children. */
  GtkRevealer   *message_revealer;
  GtkWidget     *failure_row;
  GtkLabel      *message_label;
  GtkWidget     *note_row;
  GtkLabel      *note_label;
  GtkToggleButton *play_button;
  GtkSpinButton *speed_spin;
  GtkAdjustment *speed_adjustment;
  GtkLabel      *readouts[N_READOUTS];
  GtkLabel      *drive_readouts[N_DRIVE_READOUTS];
  SpAnalysis    *analysis;   /* the binodal for the equilibrium fraction */
  gboolean       conceal_lambda_star;  /* a lesson's open question asks for it */
  /* All read-outs on one line, for tests and sp_sim_bar_get_status(). */
  char          *status;
};

G_DEFINE_FINAL_TYPE (SpSimBar, sp_sim_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIMULATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Read-outs -------------------------------------------------------------- */

/* A length read-out, "12.5 nm", or "—" when it is undefined: L and λ of a
 * uniform field, λ* of a stable c0 (no unstable mode) are NaN or 0, and a
 * read-out must never say "nan nm". */
static char *
sp_sim_bar_length_text (double nm)
{
  g_autofree char *number = NULL;

  if (!(isfinite (nm) && nm > 0.0))
    return g_strdup (SP_READOUT_UNDEFINED);
  number = sp_readout_significant (nm, 3);
  return sp_readout_quantity (number, "nm");
}

/* The gap whose phases the fraction counts: the one holding c̄, else the
 * nearest (outside every gap the equilibrium is one phase, 0 or 1). */
static const SpGap *
sp_sim_bar_gap_for (const SpAnalysis *analysis,
                    double            mean_c)
{
  const SpGap *best = NULL;
  double best_distance = INFINITY;

  if (analysis == NULL)
    return NULL;
  for (guint i = 0; i < analysis->eq.n_gaps; i++)
    {
      const SpGap *gap = &analysis->eq.gaps[i];
      double distance = mean_c < gap->c_alpha ? gap->c_alpha - mean_c
                        : mean_c > gap->c_beta ? mean_c - gap->c_beta : 0.0;

      if (distance < best_distance)
        {
          best = gap;
          best_distance = distance;
        }
    }
  return best;
}

void
sp_sim_bar_drive_fractions (const SpFrame    *frame,
                            const SpAnalysis *analysis,
                            double           *field_fraction,
                            double           *equilibrium_fraction)
{
  const SpGap *gap = sp_sim_bar_gap_for (analysis, frame->drive.mean_c);

  *field_fraction = *equilibrium_fraction = NAN;
  if (gap == NULL)
    return;
  *field_fraction = sp_phase_fraction_field (frame->field, (gsize) frame->n * frame->n,
                                             gap->c_alpha, gap->c_beta);
  *equilibrium_fraction = sp_phase_fraction_lever (frame->drive.mean_c, gap->c_alpha,
                                                   gap->c_beta);
}

/* A driven run's V, η and β fraction (field, and lever rule at
 * equilibrium); hidden in the closed box, where c̄ never moves. */
static void
sp_sim_bar_show_drive (SpSimBar      *self,
                       const SpFrame *frame)
{
  gboolean driven = frame->params.drive.mode != SP_DRIVE_CLOSED;
  g_autofree char *v = NULL, *eta = NULL, *f_field = NULL, *f_eq = NULL;
  g_autofree char *texts[N_DRIVE_READOUTS] = { NULL, };
  double field_fraction, eq_fraction;

  for (guint i = 0; i < N_DRIVE_READOUTS; i++)
    gtk_widget_set_visible (GTK_WIDGET (self->drive_readouts[i]), driven);
  if (!driven)
    return;

  v = isfinite (frame->drive.voltage_V) ? sp_readout_fixed (frame->drive.voltage_V, 4)
                                        : g_strdup (SP_READOUT_UNDEFINED);
  eta = isfinite (frame->drive.overpotential_V)
        ? sp_readout_significant (1000.0 * frame->drive.overpotential_V, 3)
        : g_strdup (SP_READOUT_UNDEFINED);
  sp_sim_bar_drive_fractions (frame, self->analysis, &field_fraction, &eq_fraction);
  f_field = isfinite (field_fraction) ? sp_readout_fixed (100.0 * field_fraction, 0)
                                      : g_strdup (SP_READOUT_UNDEFINED);
  f_eq = isfinite (eq_fraction) ? sp_readout_fixed (100.0 * eq_fraction, 0)
                                : g_strdup (SP_READOUT_UNDEFINED);

  /* Translators: the cell voltage of a driven run, e.g. "V = 3.4213 V". */
  texts[0] = g_strdup_printf (_("V = %s V"), v);
  /* Translators: the mean overpotential in millivolts, e.g. "η = −4.21 mV". */
  texts[1] = g_strdup_printf (_("η = %s mV"), eta);
  /* Translators: the share of the field in the lithium-rich phase β, and in
   * parentheses the equilibrium share by the lever rule, e.g.
   * "β 38 % (equilibrium 50 %)".  Keep the Pango markup. */
  texts[2] = g_strdup_printf (_("β %s %% <span alpha=\"70%%\">(equilibrium %s %%)</span>"),
                              f_field, f_eq);
  for (guint i = 0; i < N_DRIVE_READOUTS; i++)
    gtk_label_set_markup (self->drive_readouts[i], texts[i]);
}

/* The read-outs of the simulation's frame. */
static void
sp_sim_bar_show_frame (SpSimBar *self)
{
  const SpFrame *frame = sp_simulation_get_frame (self->simulation);
  const SpChDiagnostics *d;
  g_autofree char *t = NULL;
  g_autofree char *mean = NULL;
  g_autofree char *energy = NULL;
  g_autofree char *length = NULL;
  g_autofree char *lambda = NULL;
  g_autofree char *lambda_star = NULL;
  g_autofree char *texts[N_READOUTS] = { NULL, };

  if (frame == NULL)
    return;
  d = &frame->diag;
  t = sp_readout_significant (d->time, 3);
  mean = sp_readout_fixed (d->mean_c, 3);
  energy = sp_readout_significant (d->free_energy, 4);
  /* L and λ are undefined for a uniform field, λ* for a stable c0 (no
   * unstable mode): those read "—", never "nan nm". */
  length = sp_sim_bar_length_text (d->length_scale);
  lambda = sp_sim_bar_length_text (d->lambda_dominant);
  lambda_star = self->conceal_lambda_star ? g_strdup ("?") : sp_sim_bar_length_text (d->lambda_star);

  /* Translators: the simulation read-outs: time, mean composition, free
   * energy, coarsening length L, measured wavelength λ and the linear
   * theory's fastest wavelength λ*.  Each is one unbreakable piece; a
   * narrow window wraps between them. */
  texts[0] = g_strdup_printf (_("t = %s s"), t);
  texts[1] = g_strdup_printf (_("c̄ = %s"), mean);
  texts[2] = g_strdup_printf (_("F = %s meV·nm²"), energy);
  texts[3] = g_strdup_printf (_("L = %s"), length);
  /* Translators: keep the Pango markup; each %s is a length such as
   * "12.5 nm" or "—". */
  texts[4] = g_strdup_printf (_("λ = %s <span alpha=\"70%%\">(λ* = %s)</span>"),
                              lambda, lambda_star);
  for (guint i = 0; i < N_READOUTS; i++)
    gtk_label_set_markup (self->readouts[i], texts[i]);
  sp_sim_bar_show_drive (self, frame);

  g_free (self->status);
  self->status = g_strjoin ("   ",
                            gtk_label_get_text (self->readouts[0]),
                            gtk_label_get_text (self->readouts[1]),
                            gtk_label_get_text (self->readouts[2]),
                            gtk_label_get_text (self->readouts[3]),
                            gtk_label_get_text (self->readouts[4]),
                            NULL);
  for (guint i = 0; i < N_DRIVE_READOUTS; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (self->drive_readouts[i])))
      {
        char *longer = g_strjoin ("   ", self->status,
                                  gtk_label_get_text (self->drive_readouts[i]), NULL);

        g_free (self->status);
        self->status = longer;
      }
}

void
sp_sim_bar_set_concealed (SpSimBar *self,
                          gboolean  lambda_star)
{
  g_return_if_fail (SP_IS_SIM_BAR (self));

  if (self->conceal_lambda_star == !!lambda_star)
    return;
  self->conceal_lambda_star = !!lambda_star;
  if (lambda_star)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->readouts[4]),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("λ* is hidden until the lesson’s question is checked"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->readouts[4]),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (self->simulation != NULL)
    sp_sim_bar_show_frame (self);
}

void
sp_sim_bar_set_analysis (SpSimBar   *self,
                         SpAnalysis *analysis)
{
  g_return_if_fail (SP_IS_SIM_BAR (self));

  if (self->analysis == analysis)
    return;
  g_clear_pointer (&self->analysis, sp_analysis_unref);
  if (analysis != NULL)
    self->analysis = sp_analysis_ref (analysis);
  if (self->simulation != NULL)
    sp_sim_bar_show_frame (self);
}

/* Why the run stopped, with Restart, and the note on a fitted box. */
static void
sp_sim_bar_show_banner (SpSimBar *self)
{
  gboolean failed = sp_simulation_get_failed (self->simulation);
  const char *note = sp_simulation_get_note (self->simulation);

  if (failed)
    {
      /* Translators: shown when the simulation stops; %s is the engine's
       * reason and advice. */
      g_autofree char *text = g_strdup_printf (_("The simulation stopped: %s."),
                                               sp_simulation_get_message (self->simulation));

      gtk_label_set_label (self->message_label, text);
    }
  else
    gtk_label_set_label (self->message_label, "");
  gtk_widget_set_visible (self->failure_row, failed);

  gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (self->note_row, note[0] != '\0');
  gtk_revealer_set_reveal_child (self->message_revealer,
                                 gtk_widget_get_visible (self->failure_row) ||
                                 gtk_widget_get_visible (self->note_row));
}

/* The play button shows what a press does, and says so to screen readers
 * (its state is win.play's, the window's "running"). */
static void
sp_sim_bar_show_running (SpSimBar *self)
{
  gboolean running = self->simulation != NULL && sp_simulation_get_running (self->simulation);

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            running ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  running ? _("Pause") : _("Run"), -1);
}

/* The simulation ---------------------------------------------------------- */

void
sp_sim_bar_set_simulation (SpSimBar     *self,
                           SpSimulation *simulation)
{
  g_return_if_fail (SP_IS_SIM_BAR (self));
  g_return_if_fail (simulation == NULL || SP_IS_SIMULATION (simulation));

  if (self->simulation == simulation)
    return;

  if (self->simulation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->simulation, self);
      g_clear_pointer (&self->speed_binding, g_binding_unbind);
      g_clear_object (&self->simulation);
    }

  if (simulation != NULL)
    {
      self->simulation = g_object_ref (simulation);
      self->speed_binding =
        g_object_bind_property (sp_simulation_get_params (simulation), "steps-per-frame",
                                self->speed_adjustment, "value",
                                G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_object (simulation, "notify::frame",
                               G_CALLBACK (sp_sim_bar_show_frame), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::failed",
                               G_CALLBACK (sp_sim_bar_show_banner), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::message",
                               G_CALLBACK (sp_sim_bar_show_banner), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::note",
                               G_CALLBACK (sp_sim_bar_show_banner), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (simulation, "notify::running",
                               G_CALLBACK (sp_sim_bar_show_running), self, G_CONNECT_SWAPPED);
      sp_sim_bar_show_frame (self);
      sp_sim_bar_show_banner (self);
    }
  sp_sim_bar_show_running (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIMULATION]);
}

SpSimulation *
sp_sim_bar_get_simulation (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return self->simulation;
}

const char *
sp_sim_bar_get_status (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return self->status != NULL ? self->status : "";
}

const char *
sp_sim_bar_get_message (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return gtk_label_get_text (self->message_label);
}

const char *
sp_sim_bar_get_note (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return gtk_label_get_text (self->note_label);
}

gboolean
sp_sim_bar_get_failed (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), FALSE);
  return gtk_widget_get_visible (self->failure_row);
}

/* GObject ---------------------------------------------------------------- */

static void
sp_sim_bar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpSimBar *self = SP_SIM_BAR (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      g_value_set_object (value, self->simulation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sim_bar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpSimBar *self = SP_SIM_BAR (object);

  switch (prop_id)
    {
    case PROP_SIMULATION:
      sp_sim_bar_set_simulation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sim_bar_dispose (GObject *object)
{
  SpSimBar *self = SP_SIM_BAR (object);
  GtkWidget *child;

  sp_sim_bar_set_simulation (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SIM_BAR);
  /* The template's top-level boxes are children of this plain GtkWidget. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_sim_bar_parent_class)->dispose (object);
}

static void
sp_sim_bar_finalize (GObject *object)
{
  SpSimBar *self = SP_SIM_BAR (object);

  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->analysis, sp_analysis_unref);

  G_OBJECT_CLASS (sp_sim_bar_parent_class)->finalize (object);
}

static void
sp_sim_bar_class_init (SpSimBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sp_sim_bar_get_property;
  object_class->set_property = sp_sim_bar_set_property;
  object_class->dispose = sp_sim_bar_dispose;
  object_class->finalize = sp_sim_bar_finalize;

  /* What the bar shows and drives (it may be set later, or changed). */
  properties[PROP_SIMULATION] =
    g_param_spec_object ("simulation", NULL, NULL, SP_TYPE_SIMULATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_SIM_BAR_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinodal/Spinodal/sp-sim-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, failure_row);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, note_row);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, note_label);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, SpSimBar, speed_adjustment);
  /* Not kept, but found by name (the tests look at its place). */
  gtk_widget_class_bind_template_child_full (widget_class, "controls", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "time_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, readouts[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "mean_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, readouts[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "energy_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, readouts[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "length_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, readouts[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "lambda_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, readouts[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "voltage_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, drive_readouts[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "overpotential_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, drive_readouts[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "phase_label", FALSE,
                                             G_STRUCT_OFFSET (SpSimBar, drive_readouts[2]));
  gtk_widget_class_set_css_name (widget_class, "simbar");
}

static void
sp_sim_bar_init (SpSimBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_sim_bar_show_running (self);
}
