/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-handout.c — what a handout holds: the figures, the parameter table
 * and a copy of the lesson's text (drawing: sp-handout-draw.c) */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sp-handout-private.h"

/* Paper ------------------------------------------------------------------- */

static const struct
{
  const char *id;
  double      width, height;   /* points */
} papers[] = {
  [SP_HANDOUT_PAPER_A4] = { "a4", 595.2756, 841.8898 },
  [SP_HANDOUT_PAPER_LETTER] = { "letter", 612.0, 792.0 },
};

gboolean
sp_handout_paper_from_id (const char     *id,
                          SpHandoutPaper *paper)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (id, papers[i].id) == 0)
      {
        *paper = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_handout_paper_to_id (SpHandoutPaper paper)
{
  g_return_val_if_fail (paper < G_N_ELEMENTS (papers), NULL);
  return papers[paper].id;
}

void
sp_handout_paper_size (SpHandoutPaper  paper,
                       double         *width,
                       double         *height)
{
  g_return_if_fail (paper < G_N_ELEMENTS (papers));
  *width = papers[paper].width;
  *height = papers[paper].height;
}

SpHandoutPaper
sp_handout_paper_default (void)
{
  /* Letter is the paper of the United States and Canada (and a few
   * countries whose locales glibc also maps to it); the territory of
   * LC_PAPER, as glibc's own _NL_PAPER_* would report, decides. */
  static const char *const letter[] = { "_US", "_CA", "_MX", "_PH", "_CL", "_CO", "_VE", NULL };
  const char *locale = g_getenv ("LC_ALL");

  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LC_PAPER");
  if (locale == NULL || *locale == '\0')
    locale = g_getenv ("LANG");
  for (guint i = 0; locale != NULL && letter[i] != NULL; i++)
    if (strstr (locale, letter[i]) != NULL)
      return SP_HANDOUT_PAPER_LETTER;
  return SP_HANDOUT_PAPER_A4;
}

/* Content ------------------------------------------------------------------ */

static void
figure_free (SpHandoutFigure *figure)
{
  g_clear_pointer (&figure->analysis, sp_analysis_unref);
  g_clear_pointer (&figure->frame, sp_frame_unref);
  g_clear_pointer (&figure->history, sp_ch_history_free);
  g_clear_pointer (&figure->eis, sp_eis_figure_data_free);
  g_clear_pointer (&figure->hop, sp_hop_figure_data_free);
  g_free (figure);
}

static void
row_free (SpHandoutRow *row)
{
  g_free (row->group);
  g_free (row->symbol);
  g_free (row->name);
  g_free (row->value);
  g_free (row->unit);
  g_free (row);
}

static void
question_free (SpHandoutQuestion *q)
{
  g_free (q->prompt);
  g_strfreev (q->choices);
  g_free (q->answer);
  g_free (q->marker_unit);
  g_free (q);
}

static void
step_free (SpHandoutStep *step)
{
  g_free (step->title);
  g_ptr_array_unref (step->paragraphs);
  g_ptr_array_unref (step->questions);
  g_free (step);
}

SpHandout *
sp_handout_new (SpHandoutPaper paper)
{
  SpHandout *self = g_new0 (SpHandout, 1);

  g_return_val_if_fail (paper < G_N_ELEMENTS (papers), NULL);

  self->paper = paper;
  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  return self;
}

void
sp_handout_free (SpHandout *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->lesson_title);
  g_free (self->lesson_description);
  g_ptr_array_unref (self->figures);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

SpHandoutPaper
sp_handout_get_paper (const SpHandout *self)
{
  return self->paper;
}

void
sp_handout_set_title (SpHandout  *self,
                      const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
}

void
sp_handout_set_subtitle (SpHandout  *self,
                         const char *subtitle)
{
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
}

void
sp_handout_add_figure (SpHandout          *self,
                       SpFigureKind        kind,
                       const SpFigureData *data)
{
  SpHandoutFigure *figure = g_new0 (SpHandoutFigure, 1);

  g_return_if_fail (kind < SP_N_FIGURES && kind != SP_FIGURE_ALL);
  g_return_if_fail (data != NULL);

  figure->kind = kind;
  figure->analysis = data->analysis != NULL ? sp_analysis_ref (data->analysis) : NULL;
  figure->frame = data->frame != NULL ? sp_frame_ref (data->frame) : NULL;
  figure->history = data->history != NULL ? sp_ch_history_copy (data->history) : NULL;
  figure->eis = data->eis != NULL ? sp_eis_figure_data_copy (data->eis) : NULL;
  figure->hop = data->hop != NULL ? sp_hop_figure_data_copy (data->hop) : NULL;
  figure->field_fixed_scale = data->field_fixed_scale;
  g_ptr_array_add (self->figures, figure);
}

guint
sp_handout_get_n_figures (const SpHandout *self)
{
  return self->figures->len;
}

void
sp_handout_add_parameter (SpHandout  *self,
                          const char *group,
                          const char *symbol,
                          const char *name,
                          const char *value,
                          const char *unit)
{
  SpHandoutRow *row = g_new0 (SpHandoutRow, 1);

  g_return_if_fail (group != NULL && symbol != NULL && name != NULL && value != NULL);

  row->group = g_strdup (group);
  row->symbol = g_strdup (symbol);
  row->name = g_strdup (name);
  row->value = g_strdup (value);
  row->unit = g_strdup (unit != NULL ? unit : "");
  g_ptr_array_add (self->rows, row);
}

guint
sp_handout_get_n_parameters (const SpHandout *self)
{
  return self->rows->len;
}

/* Up to six significant digits, as the export caption and the CLI print
 * them, locale-independent, with a true minus sign and "1.3 × 10⁻⁸"
 * rather than "1.3e-08". */
static char *
format_value (double value)
{
  static const char *const superscripts[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *printed = g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  const char *e = strchr (printed, 'e');
  GString *s = g_string_new_len (printed, e != NULL ? e - printed : -1);

  if (e != NULL)
    {
      int power = atoi (e + 1);
      g_autofree char *digits = g_strdup_printf ("%d", ABS (power));

      g_string_append (s, " × 10");
      if (power < 0)
        g_string_append (s, "⁻");
      for (const char *d = digits; *d != '\0'; d++)
        g_string_append (s, superscripts[*d - '0']);
    }
  g_string_replace (s, "-", "−", 0);
  return g_string_free (s, FALSE);
}

static void
add_number (SpHandout  *self,
            const char *group,
            const char *symbol,
            const char *name,
            double      value,
            const char *unit)
{
  g_autofree char *text = format_value (value);

  sp_handout_add_parameter (self, group, symbol, name, text, unit);
}

void
sp_handout_add_model_parameters (SpHandout     *self,
                                 const SpModel *model)
{
  const char *group = _("Phase separation");

  g_return_if_fail (model != NULL);

  add_number (self, group, "Ω", _("Interaction parameter"), model->omega, _("meV"));
  add_number (self, group, "<i>T</i>", _("Temperature"), model->temperature, _("K"));
  add_number (self, group, "s₁", _("Vibrational entropy"), model->s1, "<i>k</i><sub>B</sub>");
  add_number (self, group, "<i>K</i>", _("Coherency stiffness"), model->stiffness, _("meV"));
  for (guint j = 0; j < SP_RK_MAX; j++)
    if (model->rk[j] != 0)
      {
        g_autofree char *symbol = g_strdup_printf ("<i>L</i><sub>%u</sub>", j + 1);

        add_number (self, group, symbol, _("Redlich–Kister coefficient"), model->rk[j], _("meV"));
      }
  add_number (self, group, "κ", _("Gradient-energy coefficient"), model->kappa, _("meV·nm²"));
  add_number (self, group, "<i>D</i>₀", _("Diffusivity scale"), model->d0, _("nm²/s"));
  add_number (self, group, "<i>V</i>₀", _("Reference potential"), model->v0, _("V"));
  add_number (self, group, "<i>c</i>₀", _("Mean composition"), model->c0, "");
  sp_handout_add_parameter (self, group, "<i>M</i>", _("Mobility"),
                            model->mobility == SP_MOBILITY_CONSTANT ? _("constant")
                                                                    : _("site-blocking"),
                            "");
}

void
sp_handout_add_ceramic_parameters (SpHandout          *self,
                                   const SpEisCeramic *model)
{
  const char *group = _("Impedance model");

  g_return_if_fail (model != NULL);

  for (guint p = 0; p < SP_EIS_CERAMIC_N_PARAMS; p++)
    {
      const SpEisCeramicRange *range = sp_eis_ceramic_get_range (p);
      /* The key the CLI and the session use (rb_ohm), so a student can
       * type the same model in. */
      g_autofree char *symbol = g_markup_printf_escaped ("<small><tt>%s</tt></small>", range->id);

      g_autofree char *unit = g_markup_escape_text (range->unit, -1);

      add_number (self, group, symbol, _(range->label), model->values[p], unit);
    }
  add_number (self, group, "<small><tt>reference_temperature_k</tt></small>", _("Reference temperature T_ref"),
              model->reference_temperature_k, _("K"));
}

/* The unit a page's state key names by its suffix ("barrier_ev" → eV). */
static const char *
unit_of_key (const char *key)
{
  static const struct { const char *suffix, *unit; } units[] = {
    { "_ev", "eV" }, { "_k", "K" }, { "_hz", "Hz" }, { "_angstrom", "Å" }, { "_ps", "ps" },
    { "_fs", "fs" }, { "_ohm", "Ω" }, { "_cm", "cm" }, { "_cm2", "cm²" }, { "_s", "s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_has_suffix (key, units[i].suffix))
      return units[i].unit;
  return "";
}

void
sp_handout_add_state_parameters (SpHandout  *self,
                                 const char *group,
                                 JsonObject *state)
{
  g_autoptr(GList) members = NULL;

  g_return_if_fail (group != NULL);

  if (state == NULL)
    return;
  /* In the order the page wrote them. */
  members = json_object_get_members (state);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (state, key);
      g_autofree char *symbol = g_markup_printf_escaped ("<small><tt>%s</tt></small>", key);
      g_autofree char *value = NULL;

      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;   /* objects, arrays (data) and nulls are not parameters */
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_DOUBLE:
        case G_TYPE_INT64:
          value = format_value (json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          value = g_strdup (json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          value = g_strdup (json_node_get_string (node));
          break;
        default:
          continue;
        }
      sp_handout_add_parameter (self, group, symbol, "", value, unit_of_key (key));
    }
}

/* The lesson's text ------------------------------------------------------- */

static SpHandoutQuestion *
copy_question (const SpLessonQuestion *src)
{
  SpHandoutQuestion *q = g_new0 (SpHandoutQuestion, 1);
  GStrvBuilder *choices = g_strv_builder_new ();

  q->prompt = g_strdup (src->prompt);
  q->answer = g_strdup (src->answer);
  q->marker = src->kind == SP_LESSON_QUESTION_MARKER;
  q->right = -1;
  for (guint i = 0; src->choices != NULL && i < src->choices->len; i++)
    {
      const SpLessonChoice *choice = g_ptr_array_index (src->choices, i);

      g_strv_builder_add (choices, choice->text);
      if (choice->correct && q->right < 0)
        q->right = (int) i;
    }
  q->choices = g_strv_builder_end (choices);
  g_strv_builder_unref (choices);
  if (q->marker)
    {
      q->marker_quantity = src->marker_quantity;
      q->marker_unit = g_strdup (sp_lesson_quantity_unit (src->marker_quantity));
    }
  return q;
}

void
sp_handout_set_lesson (SpHandout      *self,
                       const SpLesson *lesson)
{
  g_clear_pointer (&self->lesson_title, g_free);
  g_clear_pointer (&self->lesson_description, g_free);
  g_ptr_array_set_size (self->steps, 0);
  if (lesson == NULL)
    return;

  self->lesson_title = g_strdup (lesson->title);
  self->lesson_description = g_strdup (lesson->description);
  for (guint s = 0; s < lesson->steps->len; s++)
    {
      const SpLessonStep *src = g_ptr_array_index (lesson->steps, s);
      SpHandoutStep *step = g_new0 (SpHandoutStep, 1);

      step->title = g_strdup (src->title);
      step->paragraphs = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < src->paragraphs->len; i++)
        g_ptr_array_add (step->paragraphs, g_strdup (g_ptr_array_index (src->paragraphs, i)));
      step->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
      for (guint i = 0; i < src->questions->len; i++)
        g_ptr_array_add (step->questions, copy_question (g_ptr_array_index (src->questions, i)));
      g_ptr_array_add (self->steps, step);
    }
}
