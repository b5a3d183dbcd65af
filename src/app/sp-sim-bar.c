/* sp-sim-bar.c — the live Cahn–Hilliard run: its worker, controls and
 * read-outs
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
 * wrap them onto more lines instead of growing as wide as all of them. */
#define N_READOUTS 5

struct _SpSimBar
{
  GtkWidget      parent_instance;

  SpParams      *params;
  SpWorker      *worker;
  SpFrame       *frame;
  SpChHistory   *history;
  guint64        serial;
  guint64        seed;
  /* Failed frames up to this serial were published before the user's last
   * restart or change, so they no longer describe the run. */
  guint64        stale_serial;
  gboolean       running;
  guint          tick_id;

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
  /* All read-outs on one line, for tests and sp_sim_bar_get_status(). */
  char          *status;
};

G_DEFINE_FINAL_TYPE (SpSimBar, sp_sim_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  FRAME_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

static void
sp_sim_bar_show_frame (SpSimBar *self)
{
  const SpFrame *frame = self->frame;
  const SpChDiagnostics *d = &frame->diag;
  g_autofree char *t = sp_readout_significant (d->time, 3);
  g_autofree char *mean = sp_readout_fixed (d->mean_c, 3);
  g_autofree char *energy = sp_readout_significant (d->free_energy, 4);
  /* L and λ are undefined for a uniform field, λ* for a stable c0 (no
   * unstable mode): those read "—", never "nan nm". */
  g_autofree char *length = sp_sim_bar_length_text (d->length_scale);
  g_autofree char *lambda = sp_sim_bar_length_text (d->lambda_dominant);
  g_autofree char *lambda_star = sp_sim_bar_length_text (d->lambda_star);
  g_autofree char *texts[N_READOUTS] = { NULL, };

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

  g_free (self->status);
  self->status = g_strjoin ("   ",
                            gtk_label_get_text (self->readouts[0]),
                            gtk_label_get_text (self->readouts[1]),
                            gtk_label_get_text (self->readouts[2]),
                            gtk_label_get_text (self->readouts[3]),
                            gtk_label_get_text (self->readouts[4]),
                            NULL);

  /* A failure shows at once, with Restart; the request to run stays, so
   * the run resumes by itself when the parameters change (the worker then
   * tries them) or on Restart. */
  if (frame->state == SP_WORKER_FAILED && frame->message != NULL &&
      frame->serial > self->stale_serial)
    {
      /* Translators: shown when the simulation stops; %s is the engine's
       * reason and advice. */
      g_autofree char *text = g_strdup_printf (_("The simulation stopped: %s."), frame->message);

      gtk_label_set_label (self->message_label, text);
      gtk_widget_set_visible (self->failure_row, TRUE);
    }
  else if (frame->state != SP_WORKER_FAILED)
    {
      gtk_label_set_label (self->message_label, "");
      gtk_widget_set_visible (self->failure_row, FALSE);
    }

  gtk_label_set_label (self->note_label, frame->note != NULL ? frame->note : "");
  gtk_widget_set_visible (self->note_row, frame->note != NULL);
  gtk_revealer_set_reveal_child (self->message_revealer,
                                 gtk_widget_get_visible (self->failure_row) ||
                                 gtk_widget_get_visible (self->note_row));
}

/* Reads the worker's newest frame, if any, at the display rate. */
static gboolean
sp_sim_bar_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  SpSimBar *self = SP_SIM_BAR (widget);
  SpFrame *frame;

  if (self->worker == NULL || sp_worker_get_serial (self->worker) == self->serial)
    return G_SOURCE_CONTINUE;

  frame = sp_worker_get_frame (self->worker);
  if (frame == NULL)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&self->frame, sp_frame_unref);
  self->frame = frame;
  self->serial = frame->serial;
  sp_ch_history_append (self->history, &frame->diag);
  sp_sim_bar_show_frame (self);
  g_signal_emit (self, signals[FRAME_CHANGED], 0);

  return G_SOURCE_CONTINUE;
}

/* Following SpParams ----------------------------------------------------- */

static void
params_changed_cb (SpSimBar *self)
{
  SpChParams ch;

  if (self->worker == NULL)
    return;

  self->stale_serial = sp_worker_get_serial (self->worker);
  sp_params_to_ch_params (self->params, &ch);
  sp_worker_set_params (self->worker, &ch);
  sp_worker_set_steps_per_frame (self->worker, sp_params_get_steps_per_frame (self->params));
  if (ch.seed != self->seed)
    {
      self->seed = ch.seed;
      sp_worker_reset (self->worker, ch.seed);
    }
}

void
sp_sim_bar_set_params (SpSimBar *self,
                       SpParams *params)
{
  SpChParams ch;

  g_return_if_fail (SP_IS_SIM_BAR (self));
  g_return_if_fail (SP_IS_PARAMS (params));
  g_return_if_fail (self->params == NULL);

  self->params = g_object_ref (params);
  sp_params_to_ch_params (params, &ch);
  self->seed = ch.seed;
  /* The Box slider asks for a box; the worker makes it smaller when the
   * grid would not resolve the interfaces (and the note says so). */
  self->worker = sp_worker_new_full (&ch, SP_WORKER_FIT_BOX, NULL, NULL);
  sp_worker_set_steps_per_frame (self->worker, sp_params_get_steps_per_frame (params));
  if (self->running)
    sp_worker_run (self->worker);

  g_object_bind_property (params, "steps-per-frame", self->speed_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (params, "changed", G_CALLBACK (params_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

gboolean
sp_sim_bar_get_running (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), FALSE);
  return self->running;
}

void
sp_sim_bar_set_running (SpSimBar *self,
                        gboolean  running)
{
  g_return_if_fail (SP_IS_SIM_BAR (self));

  running = !!running;
  if (self->running == running)
    return;
  self->running = running;
  if (self->worker != NULL)
    {
      if (running)
        {
          self->stale_serial = sp_worker_get_serial (self->worker);
          sp_worker_run (self->worker);
        }
      else
        sp_worker_pause (self->worker);
    }
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            running ? "media-playback-pause-symbolic"
                                    : "media-playback-start-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  running ? _("Pause") : _("Run"), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
sp_sim_bar_step (SpSimBar *self)
{
  g_return_if_fail (SP_IS_SIM_BAR (self));

  sp_sim_bar_set_running (self, FALSE);
  if (self->worker != NULL)
    sp_worker_step (self->worker);
}

void
sp_sim_bar_restart (SpSimBar *self)
{
  guint64 seed;

  g_return_if_fail (SP_IS_SIM_BAR (self));

  if (self->params == NULL)
    return;
  /* Any other seed: the same seed would replay the same run. */
  do
    seed = ((guint64) g_random_int () << 32) | g_random_int ();
  while (seed == sp_params_get_seed (self->params));
  g_object_set (self->params, "seed", seed, NULL);
  /* A failed run is reset too, and runs again if it was running. */
  if (!self->running)
    sp_sim_bar_set_running (self, TRUE);
}

SpFrame *
sp_sim_bar_get_frame (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return self->frame;
}

const SpChHistory *
sp_sim_bar_get_history (SpSimBar *self)
{
  g_return_val_if_fail (SP_IS_SIM_BAR (self), NULL);
  return self->history;
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
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
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
    case PROP_RUNNING:
      sp_sim_bar_set_running (self, g_value_get_boolean (value));
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

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  /* Joins the thread: it stops within one time step. */
  g_clear_pointer (&self->worker, sp_worker_free);
  g_clear_pointer (&self->frame, sp_frame_unref);
  g_clear_object (&self->params);
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

  g_clear_pointer (&self->history, sp_ch_history_free);
  g_clear_pointer (&self->status, g_free);

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

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpSimBar::frame-changed:
   *
   * A newer frame is on show (and appended to the history).
   */
  signals[FRAME_CHANGED] =
    g_signal_new ("frame-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

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
  gtk_widget_class_set_css_name (widget_class, "simbar");
}

static void
sp_sim_bar_init (SpSimBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = sp_ch_history_new ();
  /* On first launch the field separates before the student's eyes. */
  self->running = TRUE;
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button), "media-playback-pause-symbolic");
  /* Named for what a press does, like its icon (the template says Run). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pause"), -1);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), sp_sim_bar_tick, NULL, NULL);
}
