/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-session-load.c — reading a session file as hostile input
 *
 * Order of defence: size cap, UTF-8, a byte scan for nesting depth and
 * over-long integer literals (json-glib 1.6 recurses without limit and
 * silently wraps integers above 2⁶³), then json-glib, then every known
 * field typed and range-checked into a temporary, then the whole session
 * validated, and only then copied to the caller.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "sp-kinetics.h"
#include "sp-presets.h"
#include "sp-session.h"
#include "sp-session-private.h"

static gboolean
fail (GError    **error,
      SpSessionError code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError       **error,
      SpSessionError code,
      const char    *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SP_SESSION_ERROR, code, message);
  return FALSE;
}

/* Whether a number token either has a fraction or exponent (json-glib reads
 * it as a double) or is an integer that fits a gint64 (json-glib wraps
 * larger ones around silently: 2⁶⁴ + 1 would read as 1). */
static gboolean
integer_fits (const char *token,
              gsize       length)
{
  gboolean negative = length > 0 && token[0] == '-';
  const char *digits = token + (negative ? 1 : 0);
  gsize n = length - (negative ? 1 : 0);
  const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

  if (memchr (token, '.', length) || memchr (token, 'e', length) || memchr (token, 'E', length))
    return TRUE;
  while (n > 1 && *digits == '0')   /* JSON forbids leading zeros, json-glib may not */
    digits++, n--;
  if (n != strlen (limit))
    return n < strlen (limit);
  return strncmp (digits, limit, n) <= 0;
}

/* The lexical checks json-glib does not make, on raw bytes. */
static gboolean
prescan (const char *data,
         gsize       length,
         GError    **error)
{
  gboolean in_string = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char ch = data[i];

      if (ch == '\n')
        line++;
      if (in_string)
        {
          if (ch == '\\')
            i++;
          else if (ch == '"')
            in_string = FALSE;
          continue;
        }
      if (ch == '"')
        in_string = TRUE;
      else if (ch == '[' || ch == '{')
        {
          if (++depth > SP_SESSION_MAX_DEPTH)
            return fail (error, SP_SESSION_ERROR_PARSE,
                         _("session: nested more than %d levels deep (line %u); not a session file"),
                         SP_SESSION_MAX_DEPTH, line);
        }
      else if (ch == ']' || ch == '}')
        depth = depth > 0 ? depth - 1 : 0;
      else if (ch == '-' || g_ascii_isdigit (ch))
        {
          gsize start = i;

          for (; i < length && data[i] != '\0' && strchr ("0123456789+-.eE", data[i]) != NULL; i++)
            ;
          if (!integer_fits (data + start, i - start))
            return fail (error, SP_SESSION_ERROR_PARSE,
                         _("session: line %u: whole number outside [−2⁶³, 2⁶³ − 1] "
                           "(write large seeds as a string)"), line);
          i--;
        }
    }
  return TRUE;
}

/* The value as the file wrote it, for "got …" (shortened). */
static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" PRId64, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.17g", json_node_get_double (node));
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        g_autofree char *cut = g_utf8_substring (s, 0, MIN (g_utf8_strlen (s, -1), 40));
        g_autofree char *escaped = g_strescape (cut, NULL);
        return g_strdup_printf ("\"%s\"%s", escaped, g_utf8_strlen (s, -1) > 40 ? "…" : "");
      }
    default:
      return g_strdup (_("an unknown value"));
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* A JSON integer, or a number written with a fraction that is whole
 * ("256.0", as some writers put every number) and exact in a double. */
static gboolean
node_as_integer (JsonNode *node,
                 gint64   *out)
{
  double d;

  if (!node_is_number (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  d = json_node_get_double (node);
  if (!(fabs (d) <= 9007199254740992.0) || d != floor (d))   /* 2⁵³; NaN fails */
    return FALSE;
  *out = (gint64) d;
  return TRUE;
}

static gboolean
read_number_node (const char         *path,
                  JsonNode           *node,
                  const SpParamRange *range,
                  double             *out,
                  GError            **error)
{
  g_autofree char *got = describe_node (node);
  double value;

  /* Infinity (json-glib reads 1e400 as inf) and out-of-range numbers get the
   * same message as a string or a boolean: what is allowed, and what came. */
  value = node_is_number (node) ? json_node_get_double (node) : NAN;
  if (!sp_session_check_range (path, range, value, got, error))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Absent members keep the default already in *@out. */
static gboolean
read_number (JsonObject         *object,
             const char         *section,
             const char         *name,
             const SpParamRange *range,
             double             *out,
             GError            **error)
{
  g_autofree char *path = NULL;
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE;
  path = g_strdup_printf ("session.%s.%s", section, name);
  return read_number_node (path, node, range, out, error);
}

static gboolean
read_integer (JsonObject *object,
              const char *name,
              gint64      min,
              gint64      max,
              guint      *out,
              GError    **error)
{
  g_autofree char *path = g_strdup_printf ("session.simulation.%s", name);
  g_autofree char *got = NULL;
  JsonNode *node = json_object_get_member (object, name);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!node_as_integer (node, &value))
    {
      got = describe_node (node);
      return fail (error, SP_SESSION_ERROR_INVALID,
                   _("%s: must be a whole number in [%" PRId64 ", %" PRId64 "], got %s"),
                   path, min, max, got);
    }
  if (!sp_session_check_integer (path, value, min, max, error))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

static gboolean
read_choice (JsonObject        *object,
             const char        *section,
             const char        *name,
             const char *const *choices,
             int               *out,
             GError           **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *allowed = NULL;
  g_autofree char *got = NULL;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    for (int i = 0; choices[i] != NULL; i++)
      if (g_strcmp0 (json_node_get_string (node), choices[i]) == 0)
        {
          *out = i;
          return TRUE;
        }
  allowed = g_strjoinv (", ", (GStrv) choices);
  got = describe_node (node);
  return fail (error, SP_SESSION_ERROR_INVALID, _("session.%s.%s: must be one of %s, got %s"),
               section, name, allowed, got);
}

/* An object member that must itself be an object; NULL when absent. */
static gboolean
get_section (JsonObject  *root,
             const char  *name,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);
  g_autofree char *got = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *out = json_node_get_object (node);
      return TRUE;
    }
  got = describe_node (node);
  return fail (error, SP_SESSION_ERROR_INVALID, _("session.%s: must be an object, got %s"),
               name, got);
}

static gboolean
read_header (JsonObject *root,
             gint64     *out_version,
             GError    **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), SP_SESSION_FORMAT) != 0)
    return fail (error, SP_SESSION_ERROR_FORMAT,
                 _("session.format: must be \"%s\"; this JSON file is not a Spinodal session"),
                 SP_SESSION_FORMAT);

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_autofree char *got = version != NULL ? describe_node (version) : g_strdup (_("nothing"));
      return fail (error, SP_SESSION_ERROR_FORMAT,
                   _("session.version: must be a whole number ≥ 1, got %s"), got);
    }
  v = json_node_get_int (version);
  if (v > SP_SESSION_VERSION)
    return fail (error, SP_SESSION_ERROR_VERSION,
                 _("session.version: the file has format version %" PRId64
                   ", newer than this Spinodal reads (%d); update Spinodal to open it"),
                 v, SP_SESSION_VERSION);
  *out_version = v;
  return TRUE;
}

/* Version 2's "pages": objects under page names, kept as read (the
 * parser is immutable: they are sealed already). */

/* Whether every number under @node is finite: the parser reads a number
 * beyond the double range as infinity, which no JSON file can hold again,
 * so a page state holding one would not survive its own save. */
static gboolean
holds_only_finite_numbers (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) != G_TYPE_DOUBLE || isfinite (json_node_get_double (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!holds_only_finite_numbers (json_array_get_element (array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        if (!holds_only_finite_numbers (member))
          return FALSE;
    }
  return TRUE;
}

static gboolean
read_pages (JsonObject *pages,
            SpSession  *s,
            GError    **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, pages);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *got = NULL;

      if (!sp_session_check_page_name (name, error))
        return FALSE;
      if (JSON_NODE_HOLDS_OBJECT (node) && !holds_only_finite_numbers (node))
        return fail (error, SP_SESSION_ERROR_INVALID,
                     _("session.pages.%s: a number out of range (beyond ±1.8e308)"), name);
      if (JSON_NODE_HOLDS_OBJECT (node))
        continue;
      got = describe_node (node);
      return fail (error, SP_SESSION_ERROR_INVALID, _("session.pages.%s: must be an object, got %s"),
                   name, got);
    }
  sp_session_set_pages (s, pages);
  return TRUE;
}

static gboolean
read_preset (JsonObject *root,
             SpSession  *s,
             GError    **error)
{
  JsonNode *node = json_object_get_member (root, "preset");
  g_autoptr(SpPreset) preset = NULL;
  const char *id;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *got = describe_node (node);
      return fail (error, SP_SESSION_ERROR_INVALID,
                   _("session.preset: must be a preset id or null, got %s"), got);
    }
  id = json_node_get_string (node);
  if (!sp_session_check_preset (id, error))
    return FALSE;
  /* A known preset supplies the defaults of the model fields. */
  preset = sp_presets_lookup (id, NULL);
  if (preset != NULL)
    {
      s->preset = g_strdup (id);
      s->sim.model = preset->model;
    }
  return TRUE;
}

gboolean
sp_session_read_model (JsonObject *model,
                       const char *section,
                       SpModel    *m,
                       GError    **error)
{
  const struct { const char *name; SpParamId id; double *field; } fields[] = {
    { "omega",       SP_PARAM_OMEGA,       &m->omega },
    { "temperature", SP_PARAM_TEMPERATURE, &m->temperature },
    { "s1",          SP_PARAM_S1,          &m->s1 },
    { "stiffness",   SP_PARAM_STIFFNESS,   &m->stiffness },
    { "kappa",       SP_PARAM_KAPPA,       &m->kappa },
    { "d0",          SP_PARAM_D0,          &m->d0 },
    { "v0",          SP_PARAM_V0,          &m->v0 },
    { "c0",          SP_PARAM_C0,          &m->c0 },
  };
  JsonNode *rk = json_object_get_member (model, "rk");
  int mobility = m->mobility;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!read_number (model, section, fields[i].name, sp_param_range (fields[i].id),
                      fields[i].field, error))
      return FALSE;

  if (rk != NULL)
    {
      JsonArray *array;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (rk) ||
          (n = json_array_get_length (array = json_node_get_array (rk))) > SP_RK_MAX)
        {
          g_autofree char *got = describe_node (rk);
          return fail (error, SP_SESSION_ERROR_INVALID,
                       _("session.%s.rk: must be an array of at most %d numbers L1…L4, got %s"),
                       section, SP_RK_MAX, JSON_NODE_HOLDS_ARRAY (rk) ? _("a longer array") : got);
        }
      /* Coefficients not listed are zero, as with --rk. */
      for (guint j = 0; j < SP_RK_MAX; j++)
        m->rk[j] = 0.0;
      for (guint j = 0; j < n; j++)
        {
          g_autofree char *path = g_strdup_printf ("session.%s.rk[%u]", section, j);

          if (!read_number_node (path, json_array_get_element (array, j),
                                 sp_param_range (SP_PARAM_RK), &m->rk[j], error))
            return FALSE;
        }
    }

  if (!read_choice (model, section, "mobility", sp_session_mobility_names, &mobility, error))
    return FALSE;
  m->mobility = mobility;
  return TRUE;
}

static gboolean
read_seed (JsonObject *sim,
           guint64    *out,
           GError    **error)
{
  JsonNode *node = json_object_get_member (sim, "seed");
  guint64 value;
  gint64 integer;

  if (node == NULL)
    return TRUE;
  if (node_as_integer (node, &integer) && integer >= 0)
    {
      *out = (guint64) integer;
      return TRUE;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      g_ascii_string_to_unsigned (json_node_get_string (node), 10, 0, G_MAXUINT64, &value, NULL))
    {
      *out = value;
      return TRUE;
    }
  {
    g_autofree char *got = describe_node (node);
    return fail (error, SP_SESSION_ERROR_INVALID,
                 _("session.simulation.seed: must be a whole number in [0, %" PRIu64
                   "] (a number or a decimal string), got %s"), G_MAXUINT64, got);
  }
}

/* "drive": { "mode": "galvanostatic", "c_rate": 1, "voltage": 3.37,
 * "k0": 0.00362, "alpha": 0.5, "v_cutoff_lo": 3, "v_cutoff_hi": 4,
 * "c_lo": 0.01, "c_hi": 0.99 } under "simulation" (every member
 * optional: the default drive fills in); sp_session_validate() checks the
 * whole with sp_drive_params_validate(). */
static const SpParamRange drive_c_rate_range  = { "c_rate", "1/h", -SP_DRIVE_C_RATE_MAX,
                                                  SP_DRIVE_C_RATE_MAX, FALSE, FALSE };
static const SpParamRange drive_voltage_range = { "voltage", "V", -100.0, 100.0, FALSE, FALSE };
static const SpParamRange drive_k0_range      = { "k0", "1/s", SP_DRIVE_K0_MIN, SP_DRIVE_K0_MAX,
                                                  FALSE, FALSE };
static const SpParamRange drive_unit_range    = { "alpha", "", 0.0, 1.0, TRUE, TRUE };

static gboolean
read_drive (JsonObject    *sim,
            SpDriveParams *drive,
            GError       **error)
{
  const char *section = "simulation.drive";
  JsonNode *node = json_object_get_member (sim, "drive");
  JsonObject *object;
  int mode = drive->mode;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = describe_node (node);

      return fail (error, SP_SESSION_ERROR_INVALID, _("session.%s: must be an object, got %s"),
                   section, got);
    }
  object = json_node_get_object (node);
  if (!read_choice (object, section, "mode", sp_session_drive_mode_names, &mode, error) ||
      !read_number (object, section, "c_rate", &drive_c_rate_range, &drive->c_rate, error) ||
      !read_number (object, section, "voltage", &drive_voltage_range, &drive->voltage_V, error) ||
      !read_number (object, section, "k0", &drive_k0_range, &drive->k0, error) ||
      !read_number (object, section, "alpha", &drive_unit_range, &drive->alpha, error) ||
      !read_number (object, section, "v_cutoff_lo", &drive_voltage_range, &drive->v_lo, error) ||
      !read_number (object, section, "v_cutoff_hi", &drive_voltage_range, &drive->v_hi, error) ||
      !read_number (object, section, "c_lo", &drive_unit_range, &drive->c_lo, error) ||
      !read_number (object, section, "c_hi", &drive_unit_range, &drive->c_hi, error))
    return FALSE;
  drive->mode = mode;
  return TRUE;
}

static gboolean
read_simulation (JsonObject *sim,
                 SpSession  *s,
                 GError    **error)
{
  SpChParams *p = &s->sim;
  int init = p->init;

  if (!read_integer (sim, "grid", SP_SESSION_GRID_MIN, SP_SESSION_GRID_MAX, &p->n, error) ||
      !read_number (sim, "simulation", "length", &sp_session_length_range, &p->length, error) ||
      !read_number (sim, "simulation", "noise", &sp_session_noise_range, &p->noise, error) ||
      !read_seed (sim, &p->seed, error) ||
      !read_number (sim, "simulation", "dt_max", &sp_session_dt_max_range, &p->dt_max, error) ||
      !read_number (sim, "simulation", "tolerance", &sp_session_tolerance_range, &p->tolerance, error) ||
      !read_integer (sim, "steps_per_frame", 1, SP_SESSION_STEPS_PER_FRAME_MAX,
                     &s->steps_per_frame, error) ||
      !read_choice (sim, "simulation", "init", sp_session_init_names, &init, error) ||
      !read_drive (sim, &p->drive, error))
    return FALSE;
  p->init = init;
  return TRUE;
}

/* "lesson": { "source": NAME-OR-PATH, "step": N (from 1) }; the lesson
 * itself is judged when the window opens it. */
static gboolean
read_lesson (JsonObject *root,
             SpSession  *s,
             GError    **error)
{
  JsonObject *lesson = NULL;
  JsonNode *source, *step;
  g_autofree char *got = NULL;
  gint64 value = 1;

  if (!get_section (root, "lesson", &lesson, error))
    return FALSE;
  if (lesson == NULL)
    return TRUE;
  source = json_object_get_member (lesson, "source");
  if (source == NULL || !JSON_NODE_HOLDS_VALUE (source) ||
      json_node_get_value_type (source) != G_TYPE_STRING)
    {
      got = source != NULL ? describe_node (source) : g_strdup (_("nothing"));
      return fail (error, SP_SESSION_ERROR_INVALID,
                   _("session.lesson.source: must be a lesson’s name or path, got %s"), got);
    }
  if (!sp_session_check_lesson (json_node_get_string (source), error))
    return FALSE;
  step = json_object_get_member (lesson, "step");
  if (step != NULL && !node_as_integer (step, &value))
    {
      got = describe_node (step);
      return fail (error, SP_SESSION_ERROR_INVALID,
                   _("session.lesson.step: must be a whole number in [1, %d], got %s"),
                   SP_SESSION_LESSON_STEPS, got);
    }
  if (!sp_session_check_integer ("session.lesson.step", value, 1, SP_SESSION_LESSON_STEPS, error))
    return FALSE;
  g_free (s->lesson);
  s->lesson = g_strdup (json_node_get_string (source));
  s->lesson_step = (guint) (value - 1);
  return TRUE;
}

static gboolean
read_document (JsonObject *root,
               SpSession  *s,
               GError    **error)
{
  JsonObject *model = NULL, *sim = NULL, *pages = NULL;
  int problem = SP_CH_PROBLEM_MODEL;
  gint64 version = 0;
  SpModel m;

  if (!read_header (root, &version, error) ||
      !get_section (root, "model", &model, error) ||
      !get_section (root, "simulation", &sim, error) ||
      !read_preset (root, s, error))
    return FALSE;
  /* Version 1 had no pages: a "pages" there is an unknown field. */
  if (version >= 2 &&
      (!get_section (root, "pages", &pages, error) ||
       (pages != NULL && !read_pages (pages, s, error))))
    return FALSE;
  /* Pins came with version 2 too (without a version change). */
  if (version >= 2 && json_object_has_member (root, "pins") &&
      !sp_session_read_pins (json_object_get_member (root, "pins"), s, error))
    return FALSE;
  if (version >= 2 && !read_lesson (root, s, error))
    return FALSE;

  m = s->sim.model;
  if (model != NULL && !sp_session_read_model (model, "model", &m, error))
    return FALSE;
  if (sim != NULL &&
      !read_choice (sim, "simulation", "problem", sp_session_problem_names, &problem, error))
    return FALSE;

  /* The simulation defaults depend on the problem and the model (a box of
   * sixteen fastest-growing wavelengths), so they are set only now. */
  if (problem == SP_CH_PROBLEM_PFHUB1)
    sp_ch_params_init_pfhub1a (&s->sim);
  else
    {
      SpDispersion disp;

      sp_kinetics_dispersion (&m, &disp);
      s->sim.length = disp.unstable && sp_param_range_contains (&sp_session_length_range,
                                                                16.0 * disp.lambda_star)
                      ? 16.0 * disp.lambda_star : 128.0;
    }
  s->sim.model = m;
  if (sim != NULL && !read_simulation (sim, s, error))
    return FALSE;
  return sp_session_validate (s, error);
}

gboolean
sp_session_load_from_data (SpSession  *session,
                           const char *data,
                           gsize       length,
                           GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *invalid = NULL;
  JsonNode *root;
  SpSession tmp;

  if (data == NULL)
    data = "";   /* an empty input, however it is passed */
  if (length > SP_SESSION_MAX_BYTES)
    return fail (error, SP_SESSION_ERROR_TOO_LARGE,
                 _("session: the file is %zu bytes, larger than the %d bytes "
                   "a session can be; not a session file"), length, SP_SESSION_MAX_BYTES);
  /* A UTF-8 byte order mark is harmless: skip it rather than refuse. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate (data, (gssize) length, &invalid))
    return fail (error, SP_SESSION_ERROR_PARSE,
                 _("session: not UTF-8 text (invalid byte at offset %zu); "
                   "not a session file"), (size_t) (invalid - data));
  if (!prescan (data, length, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    return fail (error, SP_SESSION_ERROR_PARSE, _("session: not valid JSON: %s"),
                 parse_error->message);
  root = json_parser_get_root (parser);
  if (root == NULL)
    return fail (error, SP_SESSION_ERROR_PARSE, _("session: the file is empty"));
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *got = describe_node (root);
      return fail (error, SP_SESSION_ERROR_FORMAT,
                   _("session: the top level must be an object, got %s"), got);
    }

  sp_session_init_default (&tmp);
  if (!read_document (json_node_get_object (root), &tmp, error))
    {
      sp_session_clear (&tmp);
      return FALSE;
    }
  sp_session_clear (session);
  *session = tmp;
  return TRUE;
}

gboolean
sp_session_load_file (SpSession    *session,
                      GFile        *file,
                      GCancellable *cancellable,
                      GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize length = 0;

  /* Only regular files: opening a FIFO would block until a writer comes,
   * and a device may never end. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &io_error);
  if (info == NULL)
    return fail (error, SP_SESSION_ERROR_IO, _("cannot read “%s”: %s"), name, io_error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail (error, SP_SESSION_ERROR_IO, _("cannot read “%s”: not a regular file"), name);

  stream = g_file_read (file, cancellable, &io_error);
  /* Never more than the cap plus one byte: a huge file (or /dev/zero) is
   * refused without being read into memory. */
  data = g_malloc (SP_SESSION_MAX_BYTES + 1);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), data, SP_SESSION_MAX_BYTES + 1,
                                &length, cancellable, &io_error))
    return fail (error, SP_SESSION_ERROR_IO, _("cannot read “%s”: %s"), name, io_error->message);
  if (length > SP_SESSION_MAX_BYTES)
    return fail (error, SP_SESSION_ERROR_TOO_LARGE,
                 _("session: “%s” is larger than the %d bytes a session can be; not a session file"),
                 name, SP_SESSION_MAX_BYTES);
  return sp_session_load_from_data (session, data, length, error);
}

gboolean
sp_session_load (SpSession  *session,
                 const char *path,
                 GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sp_session_load_file (session, file, NULL, error);
}
