/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-handout.c — `spinodal-cli export --handout`: one PDF with
 * the figures, the parameter table, a lesson's text and questions and the
 * answers on the last page (src/plot/sp-handout.h)
 *
 * What it shows, in order of precedence: the model flags (--preset,
 * --omega, …) over the lesson's step over the --session file.  The lesson
 * is --lesson (a shipped lesson's name or a file), else the one the
 * session was showing; its settings up to the session's step (the first
 * step for --lesson alone) are applied, as the window would show them.
 * The Phase Separation figures are printed when the lesson visits its
 * pages (or names none); the Impedance page's Nyquist and Bode plots when
 * the lesson visits it, or, without a lesson, when the session has its
 * state; likewise the Hopping page's lattice parameters (its figures need
 * the window's live run: `spinodal-cli kmc` and `export --figure msd`
 * draw them on their own).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-analysis.h"
#include "sp-cli-commands.h"
#include "sp-cli-export-handout.h"
#include "sp-cli-run.h"
#include "sp-export.h"
#include "sp-handout.h"
#include "sp-impedance-explore.h"
#include "sp-lesson-check.h"
#include "sp-presets.h"

#define COMMAND "export"

static void
fail (const char *message)
{
  g_printerr ("spinodal-cli export: %s\n", message);
}

/* "explore.rb_ohm" → the model's value, range-checked as the page's
 * sliders are; other keys of the page change no figure the handout draws. */
static gboolean
apply_impedance_setting (const SpLessonSetting *setting,
                         const char            *page_key,
                         SpEisCeramic          *model,
                         GError               **error)
{
  const char *id = g_str_has_prefix (page_key, "explore.") ? page_key + strlen ("explore.") : NULL;
  char *end = NULL;
  double value;
  int param;

  if (id == NULL)
    return TRUE;
  value = g_ascii_strtod (setting->value, &end);
  if (end == setting->value || *end != '\0' || !(value == value))
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                   _("line %u: %s: “%s” is not a number"), setting->line, setting->key,
                   setting->value);
      return FALSE;
    }
  if (g_str_equal (id, "reference_temperature_k"))
    {
      model->reference_temperature_k = value;
      return TRUE;
    }
  param = sp_eis_ceramic_find_param (id);
  if (param < 0)
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                   _("line %u: the impedance model has no parameter “%s”"), setting->line, id);
      return FALSE;
    }
  model->values[param] = value;
  return TRUE;
}

/* Applies the lesson's steps 0 … @last to @session and @ceramic, as the
 * window does step by step. */
static gboolean
apply_lesson (const SpLesson *lesson,
              guint           last,
              SpSession      *session,
              SpEisCeramic   *ceramic,
              JsonObject     *hopping,
              GError        **error)
{
  for (guint s = 0; s <= last && s < lesson->steps->len; s++)
    {
      const SpLessonStep *step = g_ptr_array_index (lesson->steps, s);

      if (step->preset != NULL)
        {
          g_autoptr(SpPreset) preset = sp_presets_lookup (step->preset, error);

          if (preset == NULL)
            return FALSE;
          session->sim.model = preset->model;
        }
      for (guint i = 0; i < step->settings->len; i++)
        {
          const SpLessonSetting *setting = g_ptr_array_index (step->settings, i);
          g_autofree char *page = NULL, *page_key = NULL;

          if (sp_lesson_key_is_session (setting->key))
            {
              if (!sp_lesson_apply_session_setting (session, setting->key, setting->value, error))
                return FALSE;
            }
          else if (!sp_lesson_key_split_page (setting->key, &page, &page_key))
            continue;
          else if (g_str_equal (page, "impedance") &&
                   !apply_impedance_setting (setting, page_key, ceramic, error))
            return FALSE;
          else if (g_str_equal (page, "hopping") && strchr (page_key, '.') == NULL)
            json_object_set_member (hopping, page_key, sp_lesson_value_to_node (setting->value));
        }
    }
  return TRUE;
}

static void
lesson_pages (const SpLesson *lesson,
              gboolean       *phase_separation,
              gboolean       *impedance,
              gboolean       *hopping)
{
  *phase_separation = *impedance = *hopping = FALSE;
  for (guint s = 0; s < lesson->steps->len; s++)
    {
      const SpLessonStep *step = g_ptr_array_index (lesson->steps, s);

      if (g_strcmp0 (step->page, "impedance") == 0)
        *impedance = TRUE;
      else if (g_strcmp0 (step->page, "hopping") == 0)
        *hopping = TRUE;
      else if (step->page != NULL)
        *phase_separation = TRUE;
    }
  /* A lesson that names no page stays on the first lab's. */
  if (!*impedance && !*hopping)
    *phase_separation = TRUE;
}

static void
add_phase_separation (SpHandout     *handout,
                      const SpModel *model)
{
  static const SpFigureKind kinds[] = {
    SP_FIGURE_FREE_ENERGY, SP_FIGURE_OCV, SP_FIGURE_PHASE_DIAGRAM, SP_FIGURE_DIFFUSIVITY,
    SP_FIGURE_DISPERSION,
  };
  g_autoptr(SpAnalysis) analysis = sp_analysis_new (model);
  SpFigureData data;

  sp_figure_data_init (&data);
  data.analysis = analysis;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    sp_handout_add_figure (handout, kinds[i], &data);
  sp_handout_add_model_parameters (handout, model);
}

static gboolean
add_impedance (SpHandout          *handout,
               const SpEisCeramic *model)
{
  g_autoptr(GError) error = NULL;
  SpImpedanceExplore explore;
  SpFigureData data;
  gboolean ok;

  sp_impedance_explore_init (&explore);
  explore.model = *model;
  ok = sp_impedance_explore_update (&explore, &error);
  if (ok)
    {
      sp_figure_data_init (&data);
      data.eis = &explore.figure;
      sp_handout_add_figure (handout, SP_FIGURE_NYQUIST, &data);
      sp_handout_add_figure (handout, SP_FIGURE_BODE, &data);
      sp_handout_add_ceramic_parameters (handout, model);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("the impedance model: %s"), error->message);

      fail (message);
    }
  sp_impedance_explore_clear (&explore);
  return ok;
}

int
sp_cli_export_handout (SpCliModelOptions *model_opts,
                       const char        *lesson_arg,
                       const char        *paper_arg,
                       const char        *output)
{
  g_autoptr(SpLesson) lesson = NULL;
  g_autoptr(SpHandout) handout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = sp_cli_model_options_describe_given (model_opts);
  const SpSession *loaded = sp_cli_model_options_session (model_opts);
  g_auto(SpSession) session = { 0 };
  SpHandoutPaper paper = sp_handout_paper_default ();
  SpExportFormat format;
  SpEisCeramic ceramic;
  g_autoptr(JsonObject) hopping_state = json_object_new ();
  gboolean phase_separation = TRUE, impedance = FALSE, hopping = FALSE;
  guint step = 0;

  if (output == NULL)
    {
      fail (_("-o FILE is required"));
      return SP_CLI_EXIT_USAGE;
    }
  if (g_strcmp0 (output, "-") != 0 &&
      (!sp_export_format_from_path (output, &format) || format != SP_EXPORT_PDF))
    {
      g_autofree char *message = g_strdup_printf (_("--handout writes a PDF file: name it "
                                                    "“….pdf”, not “%s”"), output);

      fail (message);
      return SP_CLI_EXIT_USAGE;
    }
  if (paper_arg != NULL && !sp_handout_paper_from_id (paper_arg, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("--paper: “%s” is not a paper size; "
                                                    "allowed: a4, letter"), paper_arg);

      fail (message);
      return SP_CLI_EXIT_USAGE;
    }

  /* The session (or the defaults), then the lesson's steps over it. */
  if (loaded != NULL)
    sp_session_copy (&session, loaded);
  else
    sp_session_init_default (&session);
  if (!sp_cli_model_options_resolve (model_opts, &session.sim.model, &error))
    {
      fail (error->message);
      return SP_CLI_EXIT_USAGE;
    }
  sp_impedance_explore_model_from_state (sp_session_get_page (&session, "impedance"), &ceramic);
  impedance = loaded != NULL && sp_session_get_page (&session, "impedance") != NULL;
  hopping = loaded != NULL && sp_session_get_page (&session, "hopping") != NULL;
  if (hopping)
    {
      JsonObject *saved = sp_session_get_page (&session, "hopping");
      JsonObjectIter iter;
      const char *key;
      JsonNode *node;

      json_object_iter_init (&iter, saved);
      while (json_object_iter_next (&iter, &key, &node))
        json_object_set_member (hopping_state, key, json_node_copy (node));
    }

  if (lesson_arg == NULL && loaded != NULL && loaded->lesson != NULL)
    {
      lesson_arg = loaded->lesson;
      step = loaded->lesson_step;
    }
  if (lesson_arg != NULL)
    {
      lesson = sp_lesson_open_checked (lesson_arg, &error);
      if (lesson == NULL)
        {
          fail (error->message);
          return SP_CLI_EXIT_USAGE;
        }
      lesson_pages (lesson, &phase_separation, &impedance, &hopping);
      /* Explicit model flags win over what the lesson sets. */
      if (given == NULL || *given == '\0')
        {
          if (!apply_lesson (lesson, step, &session, &ceramic, hopping_state, &error))
            {
              g_autofree char *message = g_strdup_printf ("%s: %s", lesson->filename,
                                                          error->message);

              fail (message);
              return SP_CLI_EXIT_USAGE;
            }
        }
    }

  if (!sp_cli_check_writable (COMMAND, output))
    return SP_CLI_EXIT_FAILURE;

  handout = sp_handout_new (paper);
  if (lesson != NULL)
    sp_handout_set_lesson (handout, lesson);
  if (phase_separation)
    add_phase_separation (handout, &session.sim.model);
  if (impedance && !add_impedance (handout, &ceramic))
    return SP_CLI_EXIT_USAGE;
  /* The lattice's parameters; its figures need the live run the window
   * makes (spinodal-cli kmc and export --figure msd … draw them). */
  if (hopping)
    sp_handout_add_state_parameters (handout, _("Hopping & Diffusion"), hopping_state);
  if (lesson == NULL && sp_cli_model_options_preset (model_opts) != NULL)
    {
      g_autoptr(SpPreset) preset = sp_presets_lookup (sp_cli_model_options_preset (model_opts),
                                                      NULL);

      if (preset != NULL)
        sp_handout_set_subtitle (handout, _(preset->name));
    }

  bytes = sp_handout_render (handout, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export “%s”: %s"), output,
                                                  error->message);

      fail (message);
      return SP_CLI_EXIT_FAILURE;
    }
  if (!sp_cli_write_files (COMMAND, 1, (const char *const *) &output, (GBytes *const *) &bytes))
    return SP_CLI_EXIT_FAILURE;
  return SP_CLI_EXIT_OK;
}
