/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-rate-sweep-dialog.c — the Rate Sweep tool (sp-rate-sweep-dialog.h) */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-drive.h"
#include "sp-export-dialog.h"
#include "sp-plot-view.h"
#include "sp-rate-sweep-dialog.h"

struct _SpRateSweepDialog
{
  AdwWindow          parent_instance;

  SpChParams         params;
  SpRateSweepResult *result;

  AdwToastOverlay   *toasts;
  GtkEntry          *rates_entry;
  GtkWidget         *run_button;
  GtkWidget         *cancel_button;
  GtkWidget         *export_button;
  GtkProgressBar    *progress;
  GtkWidget         *view;
  GtkLabel          *status;
  GtkLabel          *kinetics;
  /* The ladder last proposed; the entry follows a new particle's ladder
   * only while it still shows this one (a typed ladder stays). */
  char              *proposed_rates;
  /* The estimate takes about 10 ms: while sliders move, the ladder is
   * proposed once they rest (PROPOSE_DELAY_MS), not at every change. */
  guint              propose_source;

  GCancellable      *cancellable;  /* non-NULL while a sweep runs */
  gboolean           disposed;

  /* The worker's progress, handed over under the lock; at most one idle
   * is pending to show it. */
  GMutex             lock;
  double             fraction;
  guint              rate_index, n_rates;
  guint              progress_idle;
};

G_DEFINE_FINAL_TYPE (SpRateSweepDialog, sp_rate_sweep_dialog, ADW_TYPE_WINDOW)

static void propose_ladder (SpRateSweepDialog *self);

enum
{
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SpChParams params;
  GArray    *rates;
} Job;

static void
job_free (Job *job)
{
  g_array_unref (job->rates);
  g_free (job);
}

static void
set_status (SpRateSweepDialog *self,
            const char        *text)
{
  gtk_label_set_text (self->status, text);
}

static void
update_sensitivity (SpRateSweepDialog *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_set_sensitive (self->run_button, !running);
  /* Not insensitive: the entry may hold the focus, which an insensitive
   * text widget must not keep. */
  gtk_editable_set_editable (GTK_EDITABLE (self->rates_entry), !running);
  gtk_widget_set_sensitive (self->cancel_button, running);
  gtk_widget_set_sensitive (self->export_button, !running && self->result != NULL);
}

/* "Critical rate: 3.2C (runs), 4.1C (estimate)" and the like. */
static char *
describe_result (const SpRateSweepResult *r)
{
  g_autofree char *runs = NULL, *estimate = NULL;

  switch (r->critical_kind)
    {
    case SP_RATE_SWEEP_CRITICAL_FOUND:
      runs = g_strdup_printf (_("critical rate %.2gC"), r->critical_c_rate);
      break;
    case SP_RATE_SWEEP_CRITICAL_ABOVE:
      runs = g_strdup_printf (_("every rate split: the critical rate lies above %gC"),
                              r->points[r->n_points - 1].c_rate);
      break;
    case SP_RATE_SWEEP_CRITICAL_BELOW:
      runs = g_strdup_printf (_("no rate split: the critical rate lies below %gC"),
                              r->points[0].c_rate);
      break;
    case SP_RATE_SWEEP_CRITICAL_NONE:
    default:
      runs = g_strdup (_("c̄ = ½ lies in no miscibility gap: nothing to suppress"));
      break;
    }
  if (isfinite (r->estimate.critical_c_rate))
    estimate = g_strdup_printf (_("linear-stability estimate %.2gC"),
                                r->estimate.critical_c_rate);
  else
    estimate = g_strdup (_("no linear-stability estimate"));
  /* Translators: the runs' finding, the estimate, the wall time. */
  return g_strdup_printf (_("Runs: %s; %s (%.1f s)"), runs, estimate, r->seconds);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  SpRateSweepDialog *self = user_data;
  double fraction;
  guint index, n;

  g_mutex_lock (&self->lock);
  self->progress_idle = 0;
  fraction = self->fraction;
  index = self->rate_index;
  n = self->n_rates;
  g_mutex_unlock (&self->lock);

  if (!self->disposed && self->cancellable != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Rate %u of %u"), MIN (index + 1, n), n);

      gtk_progress_bar_set_fraction (self->progress, fraction);
      gtk_progress_bar_set_text (self->progress, text);
    }
  return G_SOURCE_REMOVE;
}

/* On the worker thread. */
static void
progress_cb (guint    rate_index,
             guint    n_rates,
             double   fraction,
             gpointer user_data)
{
  SpRateSweepDialog *self = user_data;

  g_mutex_lock (&self->lock);
  self->fraction = fraction;
  self->rate_index = rate_index;
  self->n_rates = n_rates;
  if (self->progress_idle == 0)
    self->progress_idle = g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb,
                                           g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);
}

static void
sweep_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  SpRateSweepResult *result;

  result = sp_rate_sweep_run (&job->params, (const double *) job->rates->data, job->rates->len,
                              progress_cb, source, cancellable, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) sp_rate_sweep_result_unref);
  else
    g_task_return_error (task, error);
}

static void
sweep_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  SpRateSweepDialog *self = SP_RATE_SWEEP_DIALOG (source);
  g_autoptr(GError) error = NULL;
  SpRateSweepResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_object (&self->cancellable);
  if (self->disposed)
    {
      g_clear_pointer (&result, sp_rate_sweep_result_unref);
      return;
    }
  if (result != NULL)
    {
      g_autofree char *text = describe_result (result);

      g_clear_pointer (&self->result, sp_rate_sweep_result_unref);
      self->result = result;
      sp_plot_view_set_rate_sweep (SP_PLOT_VIEW (self->view), result);
      gtk_progress_bar_set_fraction (self->progress, 1.0);
      gtk_progress_bar_set_text (self->progress, _("Done"));
      set_status (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_progress_bar_set_fraction (self->progress, 0.0);
      gtk_progress_bar_set_text (self->progress, _("Cancelled"));
      set_status (self, _("The sweep was cancelled; the figure shows the last finished one."));
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The sweep failed: %s"), error->message);

      gtk_progress_bar_set_fraction (self->progress, 0.0);
      gtk_progress_bar_set_text (self->progress, _("Failed"));
      set_status (self, text);
    }
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
sp_rate_sweep_dialog_run (SpRateSweepDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  GArray *rates = NULL;
  Job *job;

  g_return_if_fail (SP_IS_RATE_SWEEP_DIALOG (self));

  if (self->cancellable != NULL)
    return;
  /* Run right after a slider moved: the ladder for that particle. */
  if (self->propose_source != 0)
    propose_ladder (self);
  if (!sp_rate_sweep_parse_rates (gtk_editable_get_text (GTK_EDITABLE (self->rates_entry)),
                                  &rates, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rates_entry), "error");
      set_status (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->rates_entry), "error");

  job = g_new0 (Job, 1);
  job->params = self->params;
  job->rates = rates;
  self->cancellable = g_cancellable_new ();
  g_mutex_lock (&self->lock);
  self->fraction = 0.0;
  self->rate_index = 0;
  self->n_rates = rates->len;
  g_mutex_unlock (&self->lock);
  gtk_progress_bar_set_fraction (self->progress, 0.0);
  gtk_progress_bar_set_text (self->progress, _("Starting…"));
  set_status (self, _("Running…"));

  task = g_task_new (self, self->cancellable, sweep_done_cb, NULL);
  g_task_set_source_tag (task, sp_rate_sweep_dialog_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, sweep_thread);
  update_sensitivity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

void
sp_rate_sweep_dialog_cancel (SpRateSweepDialog *self)
{
  g_return_if_fail (SP_IS_RATE_SWEEP_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

void
sp_rate_sweep_dialog_export (SpRateSweepDialog *self)
{
  g_return_if_fail (SP_IS_RATE_SWEEP_DIALOG (self));

  if (self->result == NULL)
    return;
  sp_export_dialog_present (GTK_WINDOW (self), SP_FIGURE_RATE_SWEEP,
                            sp_plot_view_get_data (SP_PLOT_VIEW (self->view)),
                            sp_plot_view_get_style (SP_PLOT_VIEW (self->view)), self->toasts);
}

static void
run_clicked_cb (SpRateSweepDialog *self)
{
  sp_rate_sweep_dialog_run (self);
}

static void
cancel_clicked_cb (SpRateSweepDialog *self)
{
  sp_rate_sweep_dialog_cancel (self);
}

static void
export_clicked_cb (SpRateSweepDialog *self)
{
  sp_rate_sweep_dialog_export (self);
}

const char *
sp_rate_sweep_dialog_get_rates (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->rates_entry));
}

void
sp_rate_sweep_dialog_set_rates (SpRateSweepDialog *self,
                                const char        *rates)
{
  g_return_if_fail (SP_IS_RATE_SWEEP_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->rates_entry), rates);
}

gboolean
sp_rate_sweep_dialog_get_running (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

SpRateSweepResult *
sp_rate_sweep_dialog_get_result (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), NULL);
  return self->result;
}

double
sp_rate_sweep_dialog_get_fraction (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), 0.0);
  return gtk_progress_bar_get_fraction (self->progress);
}

const char *
sp_rate_sweep_dialog_get_status (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), NULL);
  return gtk_label_get_text (self->status);
}

GtkWidget *
sp_rate_sweep_dialog_get_view (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), NULL);
  return self->view;
}

/* The ladder as the entry shows it: "0.1,0.3,1,3". */
static char *
format_rates (const GArray *rates)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rates->len; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%g",
                                           g_array_index (rates, double, i)));
    }
  return g_string_free (s, FALSE);
}

static void
build_ui (SpRateSweepDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *intro, *rates_label;
  g_autofree char *intro_text = NULL;

  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_tooltip_text (self->export_button,
                               _("Save the figure as PNG, SVG or PDF, or its table as CSV"));
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  intro_text = g_strdup_printf (_("Each run fills the particle at one C-rate from c = %g to %g and "
                                  "empties it back to ½, on a %u × %u grid. Slowly filled it "
                                  "splits into two phases; above the critical rate it stays a "
                                  "solid solution."),
                                self->params.drive.c_lo, self->params.drive.c_hi,
                                self->params.n, self->params.n);
  intro = gtk_label_new (intro_text);
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (GTK_BOX (content), intro);
  self->kinetics = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->kinetics, TRUE);
  gtk_label_set_xalign (self->kinetics, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->kinetics), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->kinetics));

  rates_label = gtk_label_new_with_mnemonic (_("C-_rates (1/h)"));
  self->rates_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->rates_entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (rates_label), GTK_WIDGET (self->rates_entry));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rates_entry),
                               _("Comma-separated C-rates, e.g. 0.1,1,10"));
  g_signal_connect_swapped (self->rates_entry, "activate", G_CALLBACK (run_clicked_cb), self);
  self->run_button = gtk_button_new_with_mnemonic (_("_Run"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  g_signal_connect_swapped (self->run_button, "clicked", G_CALLBACK (run_clicked_cb), self);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), rates_label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->rates_entry));
  gtk_box_append (GTK_BOX (row), self->run_button);
  gtk_box_append (GTK_BOX (row), self->cancel_button);
  gtk_box_append (GTK_BOX (content), row);

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_progress_bar_set_text (self->progress, _("Not run yet"));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->progress));

  self->view = sp_plot_view_new (SP_FIGURE_RATE_SWEEP);
  gtk_widget_set_vexpand (self->view, TRUE);
  gtk_widget_set_size_request (self->view, 360, 300);
  gtk_box_append (GTK_BOX (content), self->view);

  self->status = GTK_LABEL (gtk_label_new (_("Press Run to fill the particle at each rate.")));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0.0);
  gtk_label_set_selectable (self->status, TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status));

  gtk_box_append (GTK_BOX (outer), content);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

SpRateSweepDialog *
sp_rate_sweep_dialog_new (GtkWindow           *parent,
                          const SpModel       *model,
                          const SpDriveParams *drive)
{
  SpRateSweepDialog *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (SP_TYPE_RATE_SWEEP_DIALOG,
                       "title", _("Rate Sweep"),
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 760,
                       "default-height", 680,
                       NULL);
  sp_rate_sweep_params_init (&self->params, model, SP_RATE_SWEEP_DEFAULT_GRID);
  build_ui (self);
  sp_rate_sweep_dialog_set_particle (self, model, drive);
  propose_ladder (self);
  update_sensitivity (self);
  return self;
}

#define PROPOSE_DELAY_MS 200

/* The ladder of seven rates around the estimated critical rate, shown
 * unless the user has typed another. */
static void
propose_ladder (SpRateSweepDialog *self)
{
  SpRateSweepEstimate estimate;
  g_autoptr(GArray) rates = NULL;
  g_autofree char *text = NULL;
  gboolean follow;

  g_clear_handle_id (&self->propose_source, g_source_remove);
  sp_rate_sweep_estimate (&self->params, &estimate);
  rates = sp_rate_sweep_default_rates (&estimate);
  text = format_rates (rates);
  follow = self->proposed_rates == NULL ||
           g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->rates_entry)),
                        self->proposed_rates);
  g_free (self->proposed_rates);
  self->proposed_rates = g_strdup (text);
  if (follow)
    gtk_editable_set_text (GTK_EDITABLE (self->rates_entry), text);
}

static gboolean
propose_timeout_cb (gpointer user_data)
{
  SpRateSweepDialog *self = user_data;

  self->propose_source = 0;
  propose_ladder (self);
  return G_SOURCE_REMOVE;
}

void
sp_rate_sweep_dialog_set_particle (SpRateSweepDialog   *self,
                                   const SpModel       *model,
                                   const SpDriveParams *drive)
{
  g_autofree char *kinetics = NULL;
  char k0[G_ASCII_DTOSTR_BUF_SIZE], alpha[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (SP_IS_RATE_SWEEP_DIALOG (self));
  g_return_if_fail (model != NULL);

  /* A running sweep took its own copy (Job): this is for the next run. */
  sp_rate_sweep_params_init (&self->params, model, self->params.n);
  if (drive != NULL)
    {
      self->params.drive.k0 = drive->k0;
      self->params.drive.alpha = drive->alpha;
    }
  g_ascii_formatd (k0, sizeof k0, "%g", self->params.drive.k0);
  g_ascii_formatd (alpha, sizeof alpha, "%g", self->params.drive.alpha);
  /* Translators: k₀ and α, as numbers. */
  kinetics = g_strdup_printf (_("The window’s material, with k₀ = %s s⁻¹ and α = %s from its "
                                "Charging group."), k0, alpha);
  gtk_label_set_text (self->kinetics, kinetics);

  g_clear_handle_id (&self->propose_source, g_source_remove);
  self->propose_source = g_timeout_add (PROPOSE_DELAY_MS, propose_timeout_cb, self);
}

double
sp_rate_sweep_dialog_get_k0 (SpRateSweepDialog *self)
{
  g_return_val_if_fail (SP_IS_RATE_SWEEP_DIALOG (self), NAN);
  return self->params.drive.k0;
}

static gboolean
sp_rate_sweep_dialog_close_request (GtkWindow *window)
{
  /* A run stops with its window; its callback finds the window gone. */
  sp_rate_sweep_dialog_cancel (SP_RATE_SWEEP_DIALOG (window));
  return GTK_WINDOW_CLASS (sp_rate_sweep_dialog_parent_class)->close_request (window);
}

static void
sp_rate_sweep_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpRateSweepDialog *self = SP_RATE_SWEEP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_rate_sweep_dialog_dispose (GObject *object)
{
  SpRateSweepDialog *self = SP_RATE_SWEEP_DIALOG (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->propose_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (sp_rate_sweep_dialog_parent_class)->dispose (object);
}

static void
sp_rate_sweep_dialog_finalize (GObject *object)
{
  SpRateSweepDialog *self = SP_RATE_SWEEP_DIALOG (object);

  g_clear_pointer (&self->result, sp_rate_sweep_result_unref);
  g_clear_object (&self->cancellable);
  g_free (self->proposed_rates);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (sp_rate_sweep_dialog_parent_class)->finalize (object);
}

static void
sp_rate_sweep_dialog_class_init (SpRateSweepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = sp_rate_sweep_dialog_get_property;
  object_class->dispose = sp_rate_sweep_dialog_dispose;
  object_class->finalize = sp_rate_sweep_dialog_finalize;
  window_class->close_request = sp_rate_sweep_dialog_close_request;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_rate_sweep_dialog_init (SpRateSweepDialog *self)
{
  g_mutex_init (&self->lock);
}
