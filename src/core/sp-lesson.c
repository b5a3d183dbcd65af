/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-lesson.c — the lesson file parser (format: sp-lesson.h)
 *
 * One pass over the lines with a small state: the step being read, the
 * paragraph being collected and the question being written.  Every error
 * is raised at the line that caused it, or at the step's or question's
 * first line when something is missing from it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-lesson.h"
#include "sp-presets.h"
#include "sp-session-private.h"

G_DEFINE_QUARK (sp-lesson-error-quark, sp_lesson_error)

/* The pages a lesson may name (the window's pages, sp-window-pages.c). */
static const char *const known_pages[] = {
  "overview", "simulation", "impedance", "hopping", NULL
};

/* The keys of a session file's "model" and "simulation" objects. */
static const char *const model_keys[] = {
  "omega", "temperature", "s1", "stiffness", "kappa", "rk", "d0", "v0", "c0", "mobility", NULL
};
static const char *const simulation_keys[] = {
  "problem", "init", "grid", "length", "noise", "seed", "dt_max", "tolerance",
  "steps_per_frame", NULL
};
/* "drive.KEY": the members of the session's simulation.drive (charging). */
static const char *const drive_keys[] = {
  "mode", "c_rate", "voltage", "k0", "alpha", "v_cutoff_lo", "v_cutoff_hi", "c_lo", "c_hi", NULL
};

/* KEY of "drive.KEY", or NULL. */
static const char *
drive_member (const char *key)
{
  if (!g_str_has_prefix (key, "drive.") || !g_strv_contains (drive_keys, key + 6))
    return NULL;
  return key + 6;
}

static const struct
{
  const char *id;
  const char *unit;
} quantities[SP_LESSON_N_QUANTITIES] = {
  [SP_LESSON_QUANTITY_BINODAL_LOW]          = { "binodal-low", "" },
  [SP_LESSON_QUANTITY_BINODAL_HIGH]         = { "binodal-high", "" },
  [SP_LESSON_QUANTITY_SPINODAL_LOW]         = { "spinodal-low", "" },
  [SP_LESSON_QUANTITY_SPINODAL_HIGH]        = { "spinodal-high", "" },
  [SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE] = { "critical-temperature", "K" },
  [SP_LESSON_QUANTITY_PLATEAU_VOLTAGE]      = { "plateau-voltage", "V" },
  [SP_LESSON_QUANTITY_FASTEST_WAVELENGTH]   = { "fastest-wavelength", "nm" },
};

/* ---- small pieces ------------------------------------------------------ */

static void
setting_free (SpLessonSetting *setting)
{
  g_free (setting->key);
  g_free (setting->value);
  g_free (setting);
}

static void
choice_free (SpLessonChoice *choice)
{
  g_free (choice->text);
  g_free (choice);
}

static void
question_free (SpLessonQuestion *question)
{
  g_free (question->prompt);
  g_ptr_array_unref (question->choices);
  g_free (question->marker_figure);
  g_free (question->answer);
  g_strfreev (question->conceal);
  g_free (question);
}

static void
step_free (SpLessonStep *step)
{
  g_free (step->title);
  g_free (step->page);
  g_free (step->preset);
  g_ptr_array_unref (step->settings);
  g_strfreev (step->locks);
  g_strfreev (step->highlights);
  g_ptr_array_unref (step->paragraphs);
  g_array_unref (step->paragraph_lines);
  g_ptr_array_unref (step->questions);
  g_free (step);
}

void
sp_lesson_free (SpLesson *lesson)
{
  if (lesson == NULL)
    return;
  g_free (lesson->filename);
  g_free (lesson->title);
  g_free (lesson->lab);
  g_free (lesson->description);
  g_ptr_array_unref (lesson->steps);
  g_free (lesson);
}

const char *
sp_lesson_quantity_to_id (SpLessonQuantity quantity)
{
  g_return_val_if_fail (quantity < SP_LESSON_N_QUANTITIES, NULL);
  return quantities[quantity].id;
}

gboolean
sp_lesson_quantity_from_id (const char       *id,
                            SpLessonQuantity *quantity)
{
  for (guint i = 0; i < SP_LESSON_N_QUANTITIES; i++)
    if (g_strcmp0 (id, quantities[i].id) == 0)
      {
        *quantity = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_lesson_quantity_unit (SpLessonQuantity quantity)
{
  g_return_val_if_fail (quantity < SP_LESSON_N_QUANTITIES, "");
  return quantities[quantity].unit;
}

gboolean
sp_lesson_key_is_session (const char *key)
{
  return g_strv_contains (model_keys, key) || g_strv_contains (simulation_keys, key) ||
         drive_member (key) != NULL;
}

gboolean
sp_lesson_key_split_page (const char *key,
                          char      **page,
                          char      **page_key)
{
  const char *dot = strchr (key, '.');
  const char *alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_";

  const char *rest;

  if (dot == NULL || dot == key || strspn (key, alphabet) != (gsize) (dot - key))
    return FALSE;
  /* KEY may be a path into the page's state ("explore.r_b_ohm"). */
  for (rest = dot + 1; ; rest += strspn (rest, alphabet) + 1)
    {
      gsize word = strspn (rest, alphabet);
      if (word == 0 || (rest[word] != '\0' && rest[word] != '.'))
        return FALSE;
      if (rest[word] == '\0')
        break;
    }
  if (page != NULL)
    *page = g_strndup (key, dot - key);
  if (page_key != NULL)
    *page_key = g_strdup (dot + 1);
  return TRUE;
}

JsonNode *
sp_lesson_value_to_node (const char *value)
{
  gint64 integer;
  double number;
  char *end = NULL;

  if (g_strcmp0 (value, "true") == 0 || g_strcmp0 (value, "false") == 0)
    return json_node_init_boolean (json_node_alloc (), value[0] == 't');
  if (value[0] == '[')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, value, -1, NULL))
        return json_node_copy (json_parser_get_root (parser));
    }
  if (g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &integer, NULL))
    return json_node_init_int (json_node_alloc (), integer);
  number = g_ascii_strtod (value, &end);
  if (*value != '\0' && end != NULL && *end == '\0' && !g_ascii_isspace (*value))
    return json_node_init_double (json_node_alloc (), number);
  return json_node_init_string (json_node_alloc (), value);
}

gboolean
sp_lesson_apply_session_setting (SpSession  *session,
                                 const char *key,
                                 const char *value,
                                 GError    **error)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_auto(SpSession) result = { 0 };
  JsonObject *root, *section;
  const char *section_name, *member = key;

  if (g_strv_contains (model_keys, key))
    section_name = "model";
  else if (g_strv_contains (simulation_keys, key) || drive_member (key) != NULL)
    section_name = "simulation";
  else
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
                   _("“%s” is not a model or simulation key"), key);
      return FALSE;
    }

  /* Round trip through the session document, so that the very checks of
   * a session file judge the value. */
  data = sp_session_to_data (session, NULL, error);
  if (data == NULL || !json_parser_load_from_data (parser, data, -1, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  section = json_object_get_object_member (root, section_name);
  if (drive_member (key) != NULL)
    {
      /* The whole drive, whatever its mode (a closed box's file leaves it
       * out), so that one member set keeps the others. */
      g_autoptr(JsonBuilder) drive = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      sp_session_add_drive (drive, &session->sim.drive);
      node = json_builder_get_root (drive);
      json_object_set_member (section, "drive", json_node_ref (node));
      section = json_node_get_object (node);
      member = drive_member (key);
    }
  json_object_set_member (section, member, sp_lesson_value_to_node (value));
  g_clear_pointer (&data, g_free);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, NULL);
  sp_session_init_default (&result);
  if (!sp_session_load_from_data (&result, data, strlen (data), error))
    return FALSE;
  sp_session_clear (session);
  sp_session_copy (session, &result);
  return TRUE;
}

static const SpGap *
gap_at_c0 (const SpAnalysis *analysis)
{
  const SpEquilibrium *eq = &analysis->eq;

  if (eq->n_gaps == 0)
    return NULL;
  for (guint i = 0; i < eq->n_gaps; i++)
    if (analysis->model.c0 >= eq->gaps[i].c_alpha && analysis->model.c0 <= eq->gaps[i].c_beta)
      return &eq->gaps[i];
  return &eq->gaps[0];
}

static const SpInterval *
spinodal_at_c0 (const SpAnalysis *analysis)
{
  const SpEquilibrium *eq = &analysis->eq;

  if (eq->n_spinodals == 0)
    return NULL;
  for (guint i = 0; i < eq->n_spinodals; i++)
    if (analysis->model.c0 >= eq->spinodals[i].lo && analysis->model.c0 <= eq->spinodals[i].hi)
      return &eq->spinodals[i];
  return &eq->spinodals[0];
}

gboolean
sp_lesson_quantity_value (SpLessonQuantity  quantity,
                          const SpAnalysis *analysis,
                          double           *value,
                          GError          **error)
{
  const SpGap *gap = gap_at_c0 (analysis);
  const SpInterval *spinodal = spinodal_at_c0 (analysis);

  switch (quantity)
    {
    case SP_LESSON_QUANTITY_BINODAL_LOW:
    case SP_LESSON_QUANTITY_BINODAL_HIGH:
    case SP_LESSON_QUANTITY_PLATEAU_VOLTAGE:
      if (gap == NULL)
        break;
      *value = quantity == SP_LESSON_QUANTITY_BINODAL_LOW ? gap->c_alpha
             : quantity == SP_LESSON_QUANTITY_BINODAL_HIGH ? gap->c_beta
             : gap->voltage;
      return TRUE;
    case SP_LESSON_QUANTITY_SPINODAL_LOW:
    case SP_LESSON_QUANTITY_SPINODAL_HIGH:
      if (spinodal == NULL)
        break;
      *value = quantity == SP_LESSON_QUANTITY_SPINODAL_LOW ? spinodal->lo : spinodal->hi;
      return TRUE;
    case SP_LESSON_QUANTITY_CRITICAL_TEMPERATURE:
      if (!analysis->has_critical)
        break;
      *value = analysis->t_c;
      return TRUE;
    case SP_LESSON_QUANTITY_FASTEST_WAVELENGTH:
      if (!analysis->dispersion.unstable)
        break;
      *value = analysis->dispersion.lambda_star;
      return TRUE;
    case SP_LESSON_N_QUANTITIES:
    default:
      g_return_val_if_reached (FALSE);
    }
  g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_INVALID,
               _("the current parameters have no %s (no miscibility gap, spinodal or critical "
                 "point there, or c₀ outside the spinodal)"), quantities[quantity].id);
  return FALSE;
}

char *
sp_lesson_name_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot;

  if (g_str_has_suffix (base, SP_LESSON_SUFFIX))
    base[strlen (base) - strlen (SP_LESSON_SUFFIX)] = '\0';
  dot = strchr (base, '.');
  if (dot != NULL)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* ---- the parser ---------------------------------------------------------- */

typedef enum
{
  COLLECT_TEXT,     /* text lines build the step's paragraph */
  COLLECT_PROMPT,   /* … continue the question's prompt      */
  COLLECT_CHOICE,   /* … continue the last choice            */
  COLLECT_ANSWER,   /* … continue the answer                 */
} Collect;

typedef struct
{
  const char       *filename;
  SpLesson         *lesson;
  SpLessonStep     *step;        /* the step being read (owned by lesson) */
  SpLessonQuestion *question;    /* its open question (owned by step)     */
  GString          *paragraph;
  guint             paragraph_line;
  Collect           collect;
  gboolean          simulation_set;
  GError          **error;
} Parser;

static gboolean
parse_error (Parser     *p,
             guint       line,
             int         code,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
parse_error (Parser     *p,
             guint       line,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (p->error, SP_LESSON_ERROR, code, "%s:%u: %s", p->filename, line, message);
  return FALSE;
}

static void
append_line (char      **text,
             const char *line)
{
  char *joined = *text == NULL || **text == '\0' ? g_strdup (line)
                                                 : g_strconcat (*text, " ", line, NULL);

  g_free (*text);
  *text = joined;
}

static void
flush_paragraph (Parser *p)
{
  if (p->paragraph->len > 0 && p->step != NULL)
    {
      g_ptr_array_add (p->step->paragraphs, g_strdup (p->paragraph->str));
      g_array_append_val (p->step->paragraph_lines, p->paragraph_line);
    }
  g_string_truncate (p->paragraph, 0);
}

static gboolean
finish_question (Parser *p)
{
  SpLessonQuestion *q = p->question;
  guint right = 0;

  p->question = NULL;
  if (q == NULL)
    return TRUE;
  if (q->kind == SP_LESSON_QUESTION_MARKER)
    return TRUE;
  if (q->choices->len == 0)
    return parse_error (p, q->line, SP_LESSON_ERROR_PARSE,
                        _("the question has neither choices (@choice) nor a marker (@marker)"));
  for (guint i = 0; i < q->choices->len; i++)
    right += ((SpLessonChoice *) g_ptr_array_index (q->choices, i))->correct;
  if (q->choices->len < 2)
    return parse_error (p, q->line, SP_LESSON_ERROR_PARSE,
                        _("the question has only one choice (it needs at least two)"));
  if (right == 0)
    return parse_error (p, q->line, SP_LESSON_ERROR_PARSE,
                        _("the question has no right choice (mark it “@choice*”)"));
  if (right > 1)
    return parse_error (p, q->line, SP_LESSON_ERROR_PARSE,
                        _("the question has %u right choices (mark exactly one “@choice*”)"), right);
  return TRUE;
}

static gboolean
finish_step (Parser *p)
{
  flush_paragraph (p);
  if (!finish_question (p))
    return FALSE;
  if (p->step != NULL && p->step->paragraphs->len == 0)
    return parse_error (p, p->step->line, SP_LESSON_ERROR_PARSE,
                        _("the step “%s” has no text"), p->step->title);
  p->step = NULL;
  p->simulation_set = FALSE;
  p->collect = COLLECT_TEXT;
  return TRUE;
}

static gboolean
check_key (Parser     *p,
           guint       line,
           const char *directive,
           const char *key)
{
  g_autofree char *page = NULL;
  g_autofree char *known = NULL;

  if (sp_lesson_key_is_session (key))
    return TRUE;
  if (g_str_has_prefix (key, "drive."))
    {
      g_autofree char *d = g_strjoinv (", drive.", (GStrv) drive_keys);
      return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                          _("unknown key “%s” in %s (expected drive.%s)"), key, directive, d);
    }
  if (sp_lesson_key_split_page (key, &page, NULL))
    {
      if (g_strv_contains (known_pages, page))
        return TRUE;
      known = g_strjoinv (", ", (GStrv) known_pages);
      return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                          _("unknown page “%s” in “%s” of %s (expected %s)"),
                          page, key, directive, known);
    }
  {
    g_autofree char *m = g_strjoinv (", ", (GStrv) model_keys);
    g_autofree char *s = g_strjoinv (", ", (GStrv) simulation_keys);
    g_autofree char *d = g_strjoinv (", drive.", (GStrv) drive_keys);
    return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                        _("unknown key “%s” in %s (expected a model key: %s; a simulation key: "
                          "%s, drive.%s; or a page’s key as PAGE.KEY)"), key, directive, m, s, d);
  }
}

static char **
split_words (const char *arg)
{
  g_auto(GStrv) words = g_strsplit_set (arg, " \t", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (out, g_strdup (words[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static void
strv_extend (GStrv      *strv,
             char      **words)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; (*strv)[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup ((*strv)[i]));
  for (guint i = 0; words[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (out, words[i], g_str_equal, NULL))
      g_ptr_array_add (out, g_strdup (words[i]));
  g_ptr_array_add (out, NULL);
  g_strfreev (*strv);
  *strv = (GStrv) g_ptr_array_free (out, FALSE);
}

static gboolean
directive_set (Parser     *p,
               guint       line,
               const char *arg)
{
  const char *space = arg + strcspn (arg, " \t");
  g_autofree char *key = g_strndup (arg, space - arg);
  g_autofree char *value = g_strstrip (g_strdup (space));
  SpLessonSetting *setting;

  if (*key == '\0' || *value == '\0')
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("@set needs a key and a value (“@set omega 100”)"));
  if (!check_key (p, line, "@set", key))
    return FALSE;
  for (guint i = 0; i < p->step->settings->len; i++)
    if (g_str_equal (((SpLessonSetting *) g_ptr_array_index (p->step->settings, i))->key, key))
      return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                          _("“%s” is set twice in this step"), key);
  if (sp_lesson_key_is_session (key))
    {
      g_auto(SpSession) session = { 0 };
      g_autoptr(GError) local = NULL;

      sp_session_init_default (&session);
      if (!sp_lesson_apply_session_setting (&session, key, value, &local))
        return parse_error (p, line, SP_LESSON_ERROR_INVALID, "@set %s %s: %s",
                            key, value, local->message);
    }
  setting = g_new0 (SpLessonSetting, 1);
  setting->key = g_steal_pointer (&key);
  setting->value = g_steal_pointer (&value);
  setting->line = line;
  g_ptr_array_add (p->step->settings, setting);
  return TRUE;
}

static gboolean
directive_names (Parser     *p,
                 guint       line,
                 const char *directive,
                 const char *arg,
                 GStrv      *names,
                 guint      *names_line,
                 gboolean    figures_allowed)
{
  g_auto(GStrv) words = split_words (arg);

  if (words[0] == NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("%s needs at least one name"), directive);
  for (guint i = 0; words[i] != NULL; i++)
    {
      /* A highlight's name without a dot that is no session key is a
       * figure, judged by sp_lesson_check(). */
      if (figures_allowed && !sp_lesson_key_is_session (words[i]) && strchr (words[i], '.') == NULL)
        continue;
      if (!check_key (p, line, directive, words[i]))
        return FALSE;
    }
  strv_extend (names, words);
  if (*names_line == 0)
    *names_line = line;
  return TRUE;
}

static gboolean
open_question (Parser     *p,
               guint       line,
               const char *arg)
{
  if (!finish_question (p))
    return FALSE;
  if (*arg == '\0')
    return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("@question needs its question on the line"));
  p->question = g_new0 (SpLessonQuestion, 1);
  p->question->kind = SP_LESSON_QUESTION_CHOICE;
  p->question->line = line;
  p->question->prompt = g_strdup (arg);
  p->question->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  p->question->conceal = g_new0 (char *, 1);
  g_ptr_array_add (p->step->questions, p->question);
  p->collect = COLLECT_PROMPT;
  return TRUE;
}

static gboolean
question_part (Parser     *p,
               guint       line,
               const char *directive)
{
  if (p->question == NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("%s outside a question (write “@question …” first)"), directive);
  if (p->question->answer != NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("%s after the question’s @answer"), directive);
  return TRUE;
}

static gboolean
directive_choice (Parser     *p,
                  guint       line,
                  const char *directive,
                  const char *arg,
                  gboolean    correct)
{
  SpLessonChoice *choice;

  if (!question_part (p, line, directive))
    return FALSE;
  if (p->question->kind == SP_LESSON_QUESTION_MARKER)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("a question has either choices or a marker, not both"));
  if (*arg == '\0')
    return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("%s needs its text on the line"), directive);
  choice = g_new0 (SpLessonChoice, 1);
  choice->text = g_strdup (arg);
  choice->correct = correct;
  choice->line = line;
  g_ptr_array_add (p->question->choices, choice);
  p->collect = COLLECT_CHOICE;
  return TRUE;
}

static gboolean
directive_marker (Parser     *p,
                  guint       line,
                  const char *arg)
{
  g_auto(GStrv) words = split_words (arg);
  SpLessonQuantity quantity;
  double tolerance;
  char *end = NULL;

  if (!question_part (p, line, "@marker"))
    return FALSE;
  if (p->question->choices->len > 0 || p->question->kind == SP_LESSON_QUESTION_MARKER)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        p->question->choices->len > 0
                        ? _("a question has either choices or a marker, not both")
                        : _("a question has one marker"));
  if (g_strv_length (words) != 3)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("@marker needs a figure, a quantity and a tolerance "
                          "(“@marker free-energy binodal-low 0.03”)"));
  if (!sp_lesson_quantity_from_id (words[1], &quantity))
    {
      g_autoptr(GString) known = g_string_new (NULL);
      for (guint i = 0; i < SP_LESSON_N_QUANTITIES; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", quantities[i].id);
      return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                          _("unknown quantity “%s” in @marker (expected %s)"), words[1], known->str);
    }
  tolerance = g_ascii_strtod (words[2], &end);
  if (end == words[2] || *end != '\0' || !isfinite (tolerance) || tolerance <= 0)
    return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                        _("the marker’s tolerance must be a positive number, got “%s”"), words[2]);
  p->question->kind = SP_LESSON_QUESTION_MARKER;
  p->question->marker_figure = g_strdup (words[0]);
  p->question->marker_quantity = quantity;
  p->question->marker_tolerance = tolerance;
  p->question->marker_line = line;
  p->collect = COLLECT_TEXT;
  return TRUE;
}

/* The figures a question veils until its reveal: names only here (the
 * core knows no figures); sp_lesson_check() judges them, naming the line. */
static gboolean
directive_conceal (Parser     *p,
                   guint       line,
                   const char *arg)
{
  g_auto(GStrv) words = split_words (arg);

  if (!question_part (p, line, "@conceal"))
    return FALSE;
  if (words[0] == NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("@conceal needs at least one figure (“@conceal free-energy”)"));
  if (p->question->conceal_line != 0)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("@conceal appears twice in this question (name every figure on one line)"));
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strv_contains ((const char *const *) words + i + 1, words[i]))
      return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                          _("@conceal names “%s” twice"), words[i]);
  strv_extend (&p->question->conceal, words);
  p->question->conceal_line = line;
  p->collect = COLLECT_TEXT;
  return TRUE;
}

static gboolean
directive_answer (Parser     *p,
                  guint       line,
                  const char *arg)
{
  if (!question_part (p, line, "@answer"))
    return FALSE;
  p->question->answer = g_strdup (arg);
  p->question->answer_line = line;
  p->collect = COLLECT_ANSWER;
  return TRUE;
}

static gboolean
directive_once (Parser     *p,
                guint       line,
                const char *directive,
                const char *arg,
                gboolean    already)
{
  if (already)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("%s appears twice in this step"), directive);
  if (*arg == '\0' || strpbrk (arg, " \t") != NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("%s needs one name"), directive);
  return TRUE;
}

static gboolean
step_directive (Parser     *p,
                guint       line,
                const char *name,
                const char *arg)
{
  SpLessonStep *step = p->step;

  if (g_str_equal (name, "page"))
    {
      if (!directive_once (p, line, "@page", arg, step->page != NULL))
        return FALSE;
      if (!g_strv_contains (known_pages, arg))
        {
          g_autofree char *known = g_strjoinv (", ", (GStrv) known_pages);
          return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                              _("unknown page “%s” (expected %s)"), arg, known);
        }
      step->page = g_strdup (arg);
      step->page_line = line;
      return TRUE;
    }
  if (g_str_equal (name, "preset"))
    {
      g_autoptr(SpPreset) preset = NULL;
      g_autoptr(GError) local = NULL;

      if (!directive_once (p, line, "@preset", arg, step->preset != NULL))
        return FALSE;
      preset = sp_presets_lookup (arg, &local);
      if (preset == NULL)
        return parse_error (p, line, SP_LESSON_ERROR_INVALID, "@preset: %s", local->message);
      step->preset = g_strdup (arg);
      return TRUE;
    }
  if (g_str_equal (name, "set"))
    return directive_set (p, line, arg);
  if (g_str_equal (name, "lock"))
    return directive_names (p, line, "@lock", arg, &step->locks, &step->locks_line, FALSE);
  if (g_str_equal (name, "highlight"))
    return directive_names (p, line, "@highlight", arg, &step->highlights,
                            &step->highlights_line, TRUE);
  if (g_str_equal (name, "simulation"))
    {
      static const char *const verbs[] = { "run", "pause", "reset", NULL };

      if (!directive_once (p, line, "@simulation", arg, p->simulation_set))
        return FALSE;
      for (guint i = 0; verbs[i] != NULL; i++)
        if (g_str_equal (arg, verbs[i]))
          {
            step->simulation = SP_LESSON_SIMULATION_RUN + i;
            p->simulation_set = TRUE;
            return TRUE;
          }
      return parse_error (p, line, SP_LESSON_ERROR_INVALID,
                          _("unknown @simulation “%s” (expected run, pause or reset)"), arg);
    }
  if (g_str_equal (name, "question"))
    return open_question (p, line, arg);
  if (g_str_equal (name, "choice") || g_str_equal (name, "choice*"))
    return directive_choice (p, line, name[6] == '*' ? "@choice*" : "@choice", arg, name[6] == '*');
  if (g_str_equal (name, "marker"))
    return directive_marker (p, line, arg);
  if (g_str_equal (name, "conceal"))
    return directive_conceal (p, line, arg);
  if (g_str_equal (name, "answer"))
    return directive_answer (p, line, arg);
  return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                      _("unknown directive “@%s” (expected @page, @preset, @set, @lock, @highlight, "
                        "@simulation, @question, @choice, @choice*, @marker, @conceal, @answer)"), name);
}

static gboolean
parse_directive (Parser     *p,
                 guint       line,
                 const char *text)
{
  const char *space = text + 1 + strcspn (text + 1, " \t");
  g_autofree char *name = g_strndup (text + 1, space - text - 1);
  g_autofree char *arg = g_strstrip (g_strdup (space));
  gboolean header = g_str_equal (name, "lab") || g_str_equal (name, "description");

  if (p->lesson->title == NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("the lesson must begin with its title (a line “# …”)"));
  flush_paragraph (p);
  if (header)
    {
      if (p->lesson->steps->len > 0)
        return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                            _("@%s belongs before the first step (“## …”)"), name);
      if (*arg == '\0')
        return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("@%s needs a value"), name);
      if (g_str_equal (name, "lab"))
        {
          if (p->lesson->lab != NULL)
            return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("@lab appears twice"));
          p->lesson->lab = g_steal_pointer (&arg);
        }
      else
        append_line (&p->lesson->description, arg);
      return TRUE;
    }
  if (p->step == NULL)
    {
      /* Not a header directive: either a step's, early, or unknown. */
      static const char *const step_names[] = {
        "page", "preset", "set", "lock", "highlight", "simulation", "question",
        "choice", "choice*", "marker", "conceal", "answer", NULL
      };
      if (g_strv_contains (step_names, name))
        return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                            _("@%s before the first step (a line “## …” begins one)"), name);
      return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                          _("unknown directive “@%s” (expected @lab or @description before the "
                            "first step)"), name);
    }
  return step_directive (p, line, name, arg);
}

static gboolean
parse_text (Parser     *p,
            guint       line,
            const char *text)
{
  if (p->lesson->title == NULL)
    return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                        _("the lesson must begin with its title (a line “# …”)"));
  if (p->step == NULL)
    {
      /* Text between the title and the first step describes the lesson. */
      append_line (&p->lesson->description, text);
      return TRUE;
    }
  switch (p->collect)
    {
    case COLLECT_PROMPT:
      append_line (&p->question->prompt, text);
      break;
    case COLLECT_CHOICE:
      {
        GPtrArray *choices = p->question->choices;
        SpLessonChoice *choice = g_ptr_array_index (choices, choices->len - 1);
        append_line (&choice->text, text);
      }
      break;
    case COLLECT_ANSWER:
      append_line (&p->question->answer, text);
      break;
    case COLLECT_TEXT:
    default:
      if (p->paragraph->len > 0)
        g_string_append_c (p->paragraph, ' ');
      else
        p->paragraph_line = line;
      g_string_append (p->paragraph, text);
      break;
    }
  return TRUE;
}

static gboolean
parse_line (Parser *p,
            guint   line,
            char   *text)
{
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == ' ' || text[len - 1] == '\t'))
    text[--len] = '\0';
  while (*text == ' ' || *text == '\t')
    text++;

  if (*text == '%')
    return TRUE;
  if (*text == '\0')
    {
      flush_paragraph (p);
      p->collect = COLLECT_TEXT;
      return TRUE;
    }
  if (g_str_has_prefix (text, "## ") || g_str_equal (text, "##"))
    {
      SpLessonStep *step;
      const char *title = g_strchug (text + 2);

      if (p->lesson->title == NULL)
        return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                            _("the lesson must begin with its title (a line “# …”)"));
      if (!finish_step (p))
        return FALSE;
      if (*title == '\0')
        return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("the step has no title after “##”"));
      step = g_new0 (SpLessonStep, 1);
      step->title = g_strdup (title);
      step->line = line;
      step->settings = g_ptr_array_new_with_free_func ((GDestroyNotify) setting_free);
      step->locks = g_new0 (char *, 1);
      step->highlights = g_new0 (char *, 1);
      step->paragraphs = g_ptr_array_new_with_free_func (g_free);
      step->paragraph_lines = g_array_new (FALSE, FALSE, sizeof (guint));
      step->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
      g_ptr_array_add (p->lesson->steps, step);
      p->step = step;
      return TRUE;
    }
  if (g_str_has_prefix (text, "# ") || g_str_equal (text, "#"))
    {
      const char *title = g_strchug (text + 1);

      if (p->lesson->title != NULL)
        return parse_error (p, line, SP_LESSON_ERROR_PARSE,
                            _("a second title (“# …”): a lesson has one; steps begin with “## ”"));
      if (*title == '\0')
        return parse_error (p, line, SP_LESSON_ERROR_PARSE, _("the title after “#” is empty"));
      p->lesson->title = g_strdup (title);
      return TRUE;
    }
  if (*text == '@')
    return parse_directive (p, line, text);
  return parse_text (p, line, text);
}

SpLesson *
sp_lesson_parse (const char *data,
                 gssize      length,
                 const char *filename,
                 GError    **error)
{
  g_autoptr(SpLesson) lesson = g_new0 (SpLesson, 1);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *copy = NULL;
  const char *invalid = NULL;
  Parser p = { 0 };
  char *cursor, *next;
  guint line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  if (length < 0)
    length = strlen (data);
  lesson->filename = g_strdup (filename != NULL ? filename : "lesson");
  lesson->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  p.filename = lesson->filename;
  p.lesson = lesson;
  p.paragraph = paragraph;
  p.error = error;

  if (!g_utf8_validate (data, length, &invalid))
    {
      guint bad_line = 1;
      for (const char *c = data; c < invalid; c++)
        bad_line += *c == '\n';
      parse_error (&p, bad_line, SP_LESSON_ERROR_PARSE,
                   invalid < data + length && *invalid == '\0'
                   ? _("a NUL byte: a lesson is a text file")
                   : _("not UTF-8 text (save the file as UTF-8)"));
      return NULL;
    }

  copy = g_strndup (data, length);
  /* A byte-order mark some editors write is no part of the title. */
  cursor = g_str_has_prefix (copy, "\xEF\xBB\xBF") ? copy + 3 : copy;
  for (; cursor != NULL; cursor = next)
    {
      next = strchr (cursor, '\n');
      if (next != NULL)
        *next++ = '\0';
      else if (*cursor == '\0' && line > 0)
        break;   /* the newline ending the last line begins none */
      if (!parse_line (&p, ++line, cursor))
        return NULL;
    }
  if (!finish_step (&p))
    return NULL;
  if (lesson->title == NULL)
    {
      parse_error (&p, 1, SP_LESSON_ERROR_PARSE, _("the lesson has no title (a first line “# …”)"));
      return NULL;
    }
  if (lesson->steps->len == 0)
    {
      parse_error (&p, line, SP_LESSON_ERROR_PARSE, _("the lesson has no steps (a line “## …” begins one)"));
      return NULL;
    }
  return g_steal_pointer (&lesson);
}

/* ---- files and the shipped lessons -------------------------------------- */

SpLesson *
sp_lesson_load_file (GFile        *file,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) local = NULL;

  input = g_file_read (file, cancellable, &local);
  if (input != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (input), SP_LESSON_MAX_BYTES + 1,
                                       cancellable, &local);
  if (bytes == NULL)
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_IO, "%s: %s", name, local->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > SP_LESSON_MAX_BYTES)
    {
      g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_IO,
                   _("%s: larger than %d KiB: not a lesson"), name, SP_LESSON_MAX_BYTES / 1024);
      return NULL;
    }
  return sp_lesson_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), name, error);
}

GResource *sp_lessons_get_resource (void);

static void
register_resource (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (sp_lessons_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GStrv
sp_lesson_list_shipped_files (void)
{
  g_auto(GStrv) children = NULL;
  GPtrArray *out = g_ptr_array_new ();

  register_resource ();
  children = g_resources_enumerate_children (SP_LESSON_RESOURCE_PATH "/",
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], SP_LESSON_SUFFIX))
      g_ptr_array_add (out, g_strdup (children[i]));
  g_ptr_array_sort (out, compare_names);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

GStrv
sp_lesson_list_shipped_order (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new ();

  register_resource ();
  bytes = g_resources_lookup_data (SP_LESSON_RESOURCE_PATH "/" SP_LESSON_ORDER_FILE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *name = g_strstrip (lines[i]);

          if (*name != '\0' && *name != '%')
            g_ptr_array_add (out, g_strdup (name));
        }
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

GStrv
sp_lesson_list_shipped (void)
{
  g_auto(GStrv) files = sp_lesson_list_shipped_files ();
  g_auto(GStrv) order = sp_lesson_list_shipped_order ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; files[i] != NULL; i++)
    {
      /* NAME.lesson: one dot, the suffix's. */
      if (strchr (files[i], '.') == files[i] + strlen (files[i]) - strlen (SP_LESSON_SUFFIX))
        g_ptr_array_add (sorted, sp_lesson_name_from_filename (files[i]));
    }
  /* The teaching order first; a lesson it does not name (a mistake
   * test-lesson catches) still shows, after them, by name. */
  for (guint i = 0; order[i] != NULL; i++)
    {
      guint at;

      if (g_ptr_array_find_with_equal_func (sorted, order[i], g_str_equal, &at))
        g_ptr_array_add (out, g_ptr_array_steal_index (sorted, at));
    }
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (out, g_strdup (g_ptr_array_index (sorted, i)));
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

static gboolean
valid_name (const char *name)
{
  return *name != '\0' && strlen (name) <= 64 &&
         strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen (name);
}

static SpLesson *
load_resource (const char *file,
               GError    **error)
{
  g_autofree char *path = g_strconcat (SP_LESSON_RESOURCE_PATH "/", file, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    return NULL;
  return sp_lesson_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), file, error);
}

SpLesson *
sp_lesson_load_shipped (const char         *name,
                        const char *const  *languages,
                        GError            **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *plain = NULL;
  SpLesson *lesson;

  register_resource ();
  if (languages == NULL)
    languages = g_get_language_names ();
  if (valid_name (name))
    {
      for (guint i = 0; languages[i] != NULL; i++)
        {
          g_autofree char *file = NULL;

          if (g_str_equal (languages[i], "C") || g_str_equal (languages[i], "POSIX") ||
              strpbrk (languages[i], "/.") != NULL)
            continue;
          file = g_strdup_printf ("%s.%s%s", name, languages[i], SP_LESSON_SUFFIX);
          lesson = load_resource (file, &local);
          if (lesson != NULL || local != NULL)
            {
              if (local != NULL)
                g_propagate_error (error, g_steal_pointer (&local));
              return lesson;
            }
        }
      plain = g_strconcat (name, SP_LESSON_SUFFIX, NULL);
      lesson = load_resource (plain, &local);
      if (lesson != NULL || local != NULL)
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          return lesson;
        }
    }
  {
    g_auto(GStrv) names = sp_lesson_list_shipped ();
    g_autofree char *known = g_strjoinv (", ", names);
    g_set_error (error, SP_LESSON_ERROR, SP_LESSON_ERROR_NOT_FOUND,
                 _("no lesson named “%s” (the shipped lessons: %s; or give a file NAME.lesson)"),
                 name, known);
  }
  return NULL;
}

SpLesson *
sp_lesson_open (const char *name_or_path,
                GError    **error)
{
  if (g_str_has_suffix (name_or_path, SP_LESSON_SUFFIX) ||
      strchr (name_or_path, G_DIR_SEPARATOR) != NULL ||
      g_file_test (name_or_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name_or_path);
      return sp_lesson_load_file (file, NULL, error);
    }
  return sp_lesson_load_shipped (name_or_path, NULL, error);
}
