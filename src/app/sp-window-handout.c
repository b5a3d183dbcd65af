/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-window-handout.c — the window's Export Handout…: a save dialog (PDF,
 * A4 or Letter), then the handout (src/plot/sp-handout.h) of what the
 * window shows, built and written off the main thread, then a toast
 *
 * What it prints: the figures of the lab on show (Phase Separation: g(c),
 * the OCV, the phase diagram, D_chem and σ(k), and the field with S(k)
 * once the simulation has run; Ion Transport: the Impedance page's
 * figures that have data, or on the Hopping & Diffusion page its figures
 * and its lattice), the parameter table of that page, and the
 * lesson on show (the session's "lesson", read again from its file or the
 * shipped resources in the worker) with its questions and answers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-file.h"
#include "sp-handout.h"
#include "sp-impedance-explore.h"
#include "sp-lesson-check.h"
#include "sp-presets.h"
#include "sp-simulation.h"
#include "sp-window-handout.h"
#include "sp-window-private.h"

typedef struct
{
  SpHandout       *handout;   /* everything but the lesson, owned */
  char            *lesson;    /* a shipped lesson's name or a file, or NULL */
  GFile           *file;
  SpWindow        *window;
} Job;

static void
job_free (Job *job)
{
  sp_handout_free (job->handout);
  g_free (job->lesson);
  g_clear_object (&job->file);
  g_clear_object (&job->window);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Whether @view draws something rather than its "no data" frame (the
 * Data mode's figures stay empty until spectra are loaded). */
static gboolean
view_has_data (SpPlotView   *view,
               SpFigureKind  kind)
{
  const SpEisFigureData *eis = sp_plot_view_get_data (view)->eis;

  if (eis == NULL)
    return FALSE;
  switch (kind)
    {
    case SP_FIGURE_NYQUIST:
    case SP_FIGURE_BODE:
      return eis->model != NULL || eis->n_spectra > 0;
    case SP_FIGURE_EIS_RESIDUALS:
      return eis->residuals != NULL;
    case SP_FIGURE_DRT:
      return eis->drt != NULL;
    case SP_FIGURE_ARRHENIUS:
      return eis->n_arrhenius > 0;
    default:
      return FALSE;
    }
}

static void
add_ion_transport (SpWindow        *self,
                   SpHandout       *handout,
                   const SpSession *session)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);
  SpEisCeramic ceramic;

  for (guint i = 0; i < views->len; i++)
    {
      SpPlotView *view = g_ptr_array_index (views, i);
      SpFigureKind kind = sp_plot_view_get_kind (view);

      if (kind < SP_N_FIGURES && sp_figure_kind_is_impedance (kind) && view_has_data (view, kind))
        sp_handout_add_figure (handout, kind, sp_plot_view_get_data (view));
    }
  sp_impedance_explore_model_from_state (sp_session_get_page (session, "impedance"), &ceramic);
  sp_handout_add_ceramic_parameters (handout, &ceramic);
}

/* The Hopping & Diffusion page: its figures that have data, and its
 * lattice's parameters from the page's state. */
static void
add_hopping (SpWindow        *self,
             SpHandout       *handout,
             const SpSession *session)
{
  g_autoptr(GPtrArray) views = sp_window_get_plot_views (self);

  for (guint i = 0; i < views->len; i++)
    {
      SpPlotView *view = g_ptr_array_index (views, i);
      SpFigureKind kind = sp_plot_view_get_kind (view);

      if (kind < SP_N_FIGURES && sp_figure_kind_is_hopping (kind) &&
          sp_plot_view_get_data (view)->hop != NULL)
        sp_handout_add_figure (handout, kind, sp_plot_view_get_data (view));
    }
  sp_handout_add_state_parameters (handout, _("Hopping & Diffusion"),
                                   sp_session_get_page (session, "hopping"));
}

static void
add_phase_separation (SpWindow        *self,
                      SpHandout       *handout,
                      const SpSession *session)
{
  static const SpFigureKind analysis_kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION,
  };
  SpSimulation *simulation = sp_window_get_simulation (self);
  SpFigureData data;

  sp_figure_data_init (&data);
  data.analysis = sp_window_get_analysis (self);
  data.frame = sp_simulation_get_frame (simulation);
  data.history = sp_simulation_get_history (simulation);
  data.field_fixed_scale = sp_window_get_field_fixed_scale (self);
  for (guint i = 0; i < G_N_ELEMENTS (analysis_kinds); i++)
    sp_handout_add_figure (handout, analysis_kinds[i], &data);
  if (data.frame != NULL && data.frame->field != NULL)
    {
      sp_handout_add_figure (handout, SP_FIGURE_FIELD, &data);
      sp_handout_add_figure (handout, SP_FIGURE_STRUCTURE, &data);
    }
  sp_handout_add_model_parameters (handout, &session->sim.model);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (job->file);

  if (job->lesson != NULL)
    {
      g_autoptr(SpLesson) lesson = sp_lesson_open_checked (job->lesson, &error);

      if (lesson == NULL)
        {
          g_task_return_new_error (task, error->domain, error->code,
                                   _("Could not export “%s”: %s"), name, error->message);
          return;
        }
      sp_handout_set_lesson (job->handout, lesson);
    }
  bytes = sp_handout_render (job->handout, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code, _("Could not export “%s”: %s"),
                               name, error->message);
      return;
    }
  if (!sp_file_write_atomic_gfile (job->file, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    sp_export_dialog_toast_error (self->toast_overlay, error->message);
  else
    sp_export_dialog_toast_file (self->toast_overlay, _("Handout exported"), job->file);
}

void
sp_window_handout_write (SpWindow       *self,
                         GFile          *file,
                         SpHandoutPaper  paper)
{
  g_auto(SpSession) session = { 0 };
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sp_document_get_session (self->document, &session);
  job = g_new0 (Job, 1);
  job->handout = sp_handout_new (paper);
  job->file = g_object_ref (file);
  job->window = g_object_ref (self);
  job->lesson = g_strdup (session.lesson);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "hopping") == 0)
    add_hopping (self, job->handout, &session);
  else if (g_strcmp0 (sp_window_pages_get_lab (self), "ion-transport") == 0)
    add_ion_transport (self, job->handout, &session);
  else
    add_phase_separation (self, job->handout, &session);
  if (session.preset != NULL)
    {
      g_autoptr(SpPreset) preset = sp_presets_lookup (session.preset, NULL);

      if (preset != NULL)
        sp_handout_set_subtitle (job->handout, _(preset->name));
    }

  task = g_task_new (self, NULL, write_done, NULL);
  g_task_set_source_tag (task, sp_window_handout_write);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

/* The save dialog ------------------------------------------------------------ */

static void
on_response (GtkNativeDialog *native,
             int              response,
             gpointer         user_data)
{
  g_autoptr(SpWindow) self = user_data;
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);
      const char *paper_id = gtk_file_chooser_get_choice (chooser, "paper");
      SpHandoutPaper paper = sp_handout_paper_default ();

      if (paper_id != NULL)
        sp_handout_paper_from_id (paper_id, &paper);
      if (chosen != NULL)
        {
          g_autofree char *name = g_file_get_basename (chosen);
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autoptr(GFile) file = NULL;

          /* Always a .pdf: the handout has no other format. */
          if (parent != NULL && !g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".PDF"))
            {
              g_autofree char *pdf = g_strconcat (name, ".pdf", NULL);

              file = g_file_get_child (parent, pdf);
            }
          else
            file = g_object_ref (chosen);
          sp_window_handout_write (self, file, paper);
        }
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
sp_window_handout_present_chooser (SpWindow *self)
{
  /* The locale's paper first: GTK 4.8's own dialog (no portal) ignores
   * gtk_file_chooser_set_choice() and starts on the first option. */
  gboolean letter = sp_handout_paper_default () == SP_HANDOUT_PAPER_LETTER;
  const char *paper_ids[] = { letter ? "letter" : "a4", letter ? "a4" : "letter", NULL };
  const char *paper_labels[] = { letter ? _("Letter") : _("A4"), letter ? _("A4") : _("Letter"),
                                 NULL };
  g_auto(SpSession) session = { 0 };
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  sp_document_get_session (self->document, &session);
  if (session.lesson != NULL)
    {
      g_autofree char *base = g_path_get_basename (session.lesson);

      stem = sp_lesson_name_from_filename (base);
    }
  else
    stem = g_strdup (session.preset != NULL ? session.preset : "spinodal");
  /* Translators: the suggested file name of a handout; %s is the lesson's
   * or the preset's name.  Keep it a valid file name. */
  name = g_strdup_printf (_("%s-handout.pdf"), stem);

  native = gtk_file_chooser_native_new (_("Export Handout"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);
  sp_export_dialog_add_file_filter (chooser, SP_EXPORT_PDF);
  gtk_file_chooser_add_choice (chooser, "paper", _("Paper"), paper_ids, paper_labels);
  gtk_file_chooser_set_choice (chooser, "paper", paper_ids[0]);
  gtk_file_chooser_set_current_name (chooser, name);
  g_signal_connect (native, "response", G_CALLBACK (on_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
