/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-session.c — the session struct, its checks, and writing it as JSON
 * (reading is in sp-session-load.c) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-file.h"
#include "sp-json.h"
#include "sp-session.h"
#include "sp-session-private.h"

G_DEFINE_QUARK (sp-session-error-quark, sp_session_error)

const char *const sp_session_mobility_names[] = { "site-blocking", "constant", NULL };
const char *const sp_session_problem_names[]  = { "model", "pfhub1", NULL };
const char *const sp_session_init_names[]     = { "noise", "pfhub1a", NULL };
const char *const sp_session_drive_mode_names[] = {
  "closed", "galvanostatic", "potentiostatic", "cycle", NULL
};
G_STATIC_ASSERT (G_N_ELEMENTS (sp_session_drive_mode_names) == SP_DRIVE_N_MODES + 1);

/* Simulation ranges (the model's own live in sp-model.c).  dt_max and
 * tolerance use 0 for "no limit" / "the engine's default". */
const SpParamRange sp_session_length_range    = { "length",    "nm", 0.0, 1.0e6,  TRUE,  FALSE };
const SpParamRange sp_session_noise_range     = { "noise",     "",   0.0, 0.5,    FALSE, TRUE  };
const SpParamRange sp_session_dt_max_range    = { "dt_max",    "s",  0.0, 1.0e12, FALSE, FALSE };
const SpParamRange sp_session_tolerance_range = { "tolerance", "",   0.0, 0.5,    FALSE, TRUE  };

void
sp_session_init_default (SpSession *session)
{
  *session = (SpSession) { .preset = NULL, .steps_per_frame = SP_SESSION_STEPS_PER_FRAME_DEFAULT };
  sp_ch_params_init_default (&session->sim);
}

void
sp_session_clear (SpSession *session)
{
  g_clear_pointer (&session->preset, g_free);
  g_clear_pointer (&session->pages, json_object_unref);
  g_clear_pointer (&session->pins, json_array_unref);
  g_clear_pointer (&session->lesson, g_free);
}

SpSession *
sp_session_new (void)
{
  SpSession *session = g_new (SpSession, 1);

  sp_session_init_default (session);
  return session;
}

void
sp_session_free (SpSession *session)
{
  if (session == NULL)
    return;
  sp_session_clear (session);
  g_free (session);
}

void
sp_session_copy (SpSession       *dest,
                 const SpSession *src)
{
  *dest = *src;
  dest->preset = g_strdup (src->preset);
  dest->lesson = g_strdup (src->lesson);
  /* Sealed: shared, never changed. */
  if (src->pages != NULL)
    dest->pages = json_object_ref (src->pages);
  if (src->pins != NULL)
    dest->pins = json_array_ref (src->pins);
}

JsonObject *
sp_session_get_page (const SpSession *session,
                     const char      *name)
{
  JsonNode *node;

  g_return_val_if_fail (session != NULL && name != NULL, NULL);

  if (session->pages == NULL || (node = json_object_get_member (session->pages, name)) == NULL)
    return NULL;
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
sp_session_set_pages (SpSession  *session,
                      JsonObject *pages)
{
  g_return_if_fail (session != NULL);

  if (pages != NULL)
    {
      json_object_ref (pages);
      json_object_seal (pages);
    }
  g_clear_pointer (&session->pages, json_object_unref);
  session->pages = pages;
}

static gboolean
pages_equal (JsonObject *a,
             JsonObject *b)
{
  /* No pages and an empty "pages" are the same session. */
  if (a == NULL || b == NULL)
    return (a == NULL || json_object_get_size (a) == 0) &&
           (b == NULL || json_object_get_size (b) == 0);
  return json_object_equal (a, b);
}

/* Two closed boxes are the same whatever their unused drive numbers (a
 * file does not keep them: see sp-session.h). */
static gboolean
sp_session_drive_equal (const SpDriveParams *a,
                        const SpDriveParams *b)
{
  if (a->mode == SP_DRIVE_CLOSED && b->mode == SP_DRIVE_CLOSED)
    return TRUE;
  return a->mode == b->mode && a->c_rate == b->c_rate && a->voltage_V == b->voltage_V &&
         a->k0 == b->k0 && a->alpha == b->alpha && a->v_lo == b->v_lo && a->v_hi == b->v_hi &&
         a->c_lo == b->c_lo && a->c_hi == b->c_hi;
}

gboolean
sp_session_equal (const SpSession *a,
                  const SpSession *b)
{
  const SpChParams *p = &a->sim, *q = &b->sim;

  return g_strcmp0 (a->preset, b->preset) == 0 &&
         a->steps_per_frame == b->steps_per_frame &&
         sp_model_equal (&p->model, &q->model) &&
         p->problem == q->problem && p->init == q->init && p->n == q->n &&
         p->length == q->length && p->noise == q->noise && p->seed == q->seed &&
         p->dt_max == q->dt_max && p->tolerance == q->tolerance &&
         sp_session_drive_equal (&p->drive, &q->drive) &&
         pages_equal (a->pages, b->pages) && sp_session_pins_equal (a->pins, b->pins) &&
         g_strcmp0 (a->lesson, b->lesson) == 0 &&
         (a->lesson == NULL || a->lesson_step == b->lesson_step);
}

gboolean
sp_session_check_range (const char         *path,
                        const SpParamRange *range,
                        double              value,
                        const char         *got,
                        GError            **error)
{
  g_autofree char *allowed = NULL;
  g_autofree char *shown = NULL;

  if (sp_param_range_contains (range, value))
    return TRUE;
  allowed = sp_param_range_describe (range);
  shown = got != NULL ? g_strdup (got) : g_strdup_printf ("%g", value);
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               _("%s: must be a number in %s, got %s"), path, allowed, shown);
  return FALSE;
}

gboolean
sp_session_check_integer (const char *path,
                          gint64      value,
                          gint64      min,
                          gint64      max,
                          GError    **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               _("%s: must be a whole number in [%" PRId64 ", %" PRId64 "], got %" PRId64),
               path, min, max, value);
  return FALSE;
}

gboolean
sp_session_check_preset (const char *preset,
                         GError    **error)
{
  if (preset == NULL)
    return TRUE;
  /* Preset ids are short lowercase words ("lifepo4", "two-plateau"). */
  if (*preset != '\0' && strlen (preset) <= SP_SESSION_PRESET_MAX &&
      strspn (preset, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen (preset))
    return TRUE;
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               _("session.preset: must be a preset id (up to %d characters a–z, 0–9, “-”, “_”) or null"),
               SP_SESSION_PRESET_MAX);
  return FALSE;
}

gboolean
sp_session_check_lesson (const char *lesson,
                         GError    **error)
{
  gsize length = strlen (lesson);

  if (length > 0 && length <= SP_SESSION_LESSON_MAX &&
      g_utf8_validate (lesson, length, NULL) && strpbrk (lesson, "\n\r") == NULL)
    return TRUE;
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               _("session.lesson.source: must be a lesson’s name or path (one line of up to %d bytes)"),
               SP_SESSION_LESSON_MAX);
  return FALSE;
}

gboolean
sp_session_check_page_name (const char *name,
                            GError    **error)
{
  if (*name != '\0' && strlen (name) <= SP_SESSION_PRESET_MAX &&
      strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen (name))
    return TRUE;
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               _("session.pages: “%s” is not a page name (up to %d characters a–z, 0–9, “-”, “_”)"),
               name, SP_SESSION_PRESET_MAX);
  return FALSE;
}

gboolean
sp_session_validate (const SpSession *session,
                     GError         **error)
{
  const SpChParams *sim = &session->sim;
  static const char *rk_paths[SP_RK_MAX] = {
    "session.model.rk[0]", "session.model.rk[1]", "session.model.rk[2]", "session.model.rk[3]"
  };
  g_autoptr(GError) ch_error = NULL;
  const struct { const char *path; SpParamId id; double value; } model_fields[] = {
    { "session.model.omega",       SP_PARAM_OMEGA,       sim->model.omega },
    { "session.model.temperature", SP_PARAM_TEMPERATURE, sim->model.temperature },
    { "session.model.s1",          SP_PARAM_S1,          sim->model.s1 },
    { "session.model.stiffness",   SP_PARAM_STIFFNESS,   sim->model.stiffness },
    { "session.model.kappa",       SP_PARAM_KAPPA,       sim->model.kappa },
    { "session.model.d0",          SP_PARAM_D0,          sim->model.d0 },
    { "session.model.v0",          SP_PARAM_V0,          sim->model.v0 },
    { "session.model.c0",          SP_PARAM_C0,          sim->model.c0 },
  };

  if (!sp_session_check_preset (session->preset, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (model_fields); i++)
    if (!sp_session_check_range (model_fields[i].path, sp_param_range (model_fields[i].id),
                                 model_fields[i].value, NULL, error))
      return FALSE;
  for (guint j = 0; j < SP_RK_MAX; j++)
    if (!sp_session_check_range (rk_paths[j], sp_param_range (SP_PARAM_RK),
                                 sim->model.rk[j], NULL, error))
      return FALSE;
  if ((guint) sim->model.mobility >= g_strv_length ((GStrv) sp_session_mobility_names) ||
      (guint) sim->problem >= g_strv_length ((GStrv) sp_session_problem_names) ||
      (guint) sim->init >= g_strv_length ((GStrv) sp_session_init_names))
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("session: unknown mobility, problem or initial condition"));
      return FALSE;
    }
  if (!sp_session_check_integer ("session.simulation.grid", sim->n,
                                 SP_SESSION_GRID_MIN, SP_SESSION_GRID_MAX, error) ||
      !sp_session_check_range ("session.simulation.length", &sp_session_length_range,
                               sim->length, NULL, error) ||
      !sp_session_check_range ("session.simulation.noise", &sp_session_noise_range,
                               sim->noise, NULL, error) ||
      !sp_session_check_range ("session.simulation.dt_max", &sp_session_dt_max_range,
                               sim->dt_max, NULL, error) ||
      !sp_session_check_range ("session.simulation.tolerance", &sp_session_tolerance_range,
                               sim->tolerance, NULL, error) ||
      !sp_session_check_integer ("session.simulation.steps_per_frame", session->steps_per_frame,
                                 1, SP_SESSION_STEPS_PER_FRAME_MAX, error))
    return FALSE;

  if (session->pages != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, session->pages);
      while (json_object_iter_next (&iter, &name, &node))
        if (!sp_session_check_page_name (name, error))
          return FALSE;
        else if (!JSON_NODE_HOLDS_OBJECT (node))
          {
            g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                         _("session.pages.%s: must be an object"), name);
            return FALSE;
          }
    }

  if (session->pins != NULL && !sp_session_check_pins (session->pins, error))
    return FALSE;
  if (session->lesson != NULL &&
      (!sp_session_check_lesson (session->lesson, error) ||
       !sp_session_check_integer ("session.lesson.step", (gint64) session->lesson_step + 1,
                                  1, SP_SESSION_LESSON_STEPS, error)))
    return FALSE;

  if ((guint) sim->drive.mode >= SP_DRIVE_N_MODES)
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   _("session: unknown drive mode"));
      return FALSE;
    }
  {
    g_autoptr(GError) drive_error = NULL;

    if (!sp_drive_params_validate (&sim->drive, &drive_error))
      {
        g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                     "session.simulation.drive: %s", drive_error->message);
        return FALSE;
      }
  }

  /* The engine's own checks last, so nothing it would refuse gets through. */
  if (!sp_ch_params_validate (sim, &ch_error))
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                   "session.simulation: %s", ch_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
add_double (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  /* Written by sp_json_to_data(): shortest form, read back bit for bit. */
  json_builder_set_member_name (builder, key);
  json_builder_add_double_value (builder, value);
}

void
sp_session_add_drive (JsonBuilder         *b,
                      const SpDriveParams *drive)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "mode");
  json_builder_add_string_value (b, sp_session_drive_mode_names[drive->mode]);
  add_double (b, "c_rate", drive->c_rate);
  add_double (b, "voltage", drive->voltage_V);
  add_double (b, "k0", drive->k0);
  add_double (b, "alpha", drive->alpha);
  add_double (b, "v_cutoff_lo", drive->v_lo);
  add_double (b, "v_cutoff_hi", drive->v_hi);
  add_double (b, "c_lo", drive->c_lo);
  add_double (b, "c_hi", drive->c_hi);
  json_builder_end_object (b);
}

void
sp_session_add_model (JsonBuilder   *b,
                      const SpModel *m)
{
  json_builder_begin_object (b);
  add_double (b, "omega", m->omega);
  add_double (b, "temperature", m->temperature);
  add_double (b, "s1", m->s1);
  add_double (b, "stiffness", m->stiffness);
  add_double (b, "kappa", m->kappa);
  json_builder_set_member_name (b, "rk");
  json_builder_begin_array (b);
  for (guint j = 0; j < SP_RK_MAX; j++)
    json_builder_add_double_value (b, m->rk[j]);
  json_builder_end_array (b);
  add_double (b, "d0", m->d0);
  add_double (b, "v0", m->v0);
  add_double (b, "c0", m->c0);
  json_builder_set_member_name (b, "mobility");
  json_builder_add_string_value (b, sp_session_mobility_names[m->mobility]);
  json_builder_end_object (b);
}

static JsonNode *
session_to_node (const SpSession *session)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const SpChParams *sim = &session->sim;
  const SpModel *m = &sim->model;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, SP_SESSION_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, SP_SESSION_VERSION);
  json_builder_set_member_name (b, "generator");
  json_builder_add_string_value (b, "Spinodal " PACKAGE_VERSION);
  json_builder_set_member_name (b, "preset");
  if (session->preset != NULL)
    json_builder_add_string_value (b, session->preset);
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "model");
  sp_session_add_model (b, m);

  json_builder_set_member_name (b, "simulation");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "problem");
  json_builder_add_string_value (b, sp_session_problem_names[sim->problem]);
  json_builder_set_member_name (b, "init");
  json_builder_add_string_value (b, sp_session_init_names[sim->init]);
  json_builder_set_member_name (b, "grid");
  json_builder_add_int_value (b, sim->n);
  add_double (b, "length", sim->length);
  add_double (b, "noise", sim->noise);
  /* JSON integers are signed 64-bit in json-glib: larger seeds go as a
   * decimal string, which the loader also accepts. */
  json_builder_set_member_name (b, "seed");
  if (sim->seed <= G_MAXINT64)
    json_builder_add_int_value (b, (gint64) sim->seed);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" PRIu64, sim->seed);
      json_builder_add_string_value (b, text);
    }
  add_double (b, "dt_max", sim->dt_max);
  add_double (b, "tolerance", sim->tolerance);
  json_builder_set_member_name (b, "steps_per_frame");
  json_builder_add_int_value (b, session->steps_per_frame);
  /* The drive (charging the particle), whole, when there is one: a
   * closed-box file stays as it always was. */
  if (sim->drive.mode != SP_DRIVE_CLOSED)
    {
      json_builder_set_member_name (b, "drive");
      sp_session_add_drive (b, &sim->drive);
    }
  json_builder_end_object (b);

  /* Every page's state, as the pages wrote it (or a file held it). */
  json_builder_set_member_name (b, "pages");
  if (session->pages != NULL)
    {
      JsonNode *pages = json_node_alloc ();

      json_builder_add_value (b, json_node_init_object (pages, session->pages));
    }
  else
    {
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }

  /* Pinned comparisons, only when there are some (older files had none). */
  if (session->pins != NULL && json_array_get_length (session->pins) > 0)
    {
      JsonNode *pins = json_node_alloc ();

      json_builder_set_member_name (b, "pins");
      json_builder_add_value (b, json_node_init_array (pins, session->pins));
    }

  if (session->lesson != NULL)
    {
      json_builder_set_member_name (b, "lesson");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, session->lesson);
      json_builder_set_member_name (b, "step");
      json_builder_add_int_value (b, (gint64) session->lesson_step + 1);
      json_builder_end_object (b);
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
sp_session_to_data (const SpSession *session,
                    gsize           *length,
                    GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GString *text;
  gsize len;

  if (!sp_session_validate (session, error))
    return NULL;

  /* Not json_generator: it writes 1e-8 as "1e-08.0", which no parser
   * reads (issue 11). */
  root = session_to_node (session);
  json = sp_json_to_data (root, 2, &len);
  if (len + 1 > SP_SESSION_MAX_BYTES)
    {
      /* A file loaded near the limit grows when written indented. */
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_TOO_LARGE,
                   _("the session would be %zu bytes, more than the %u a "
                     "session file can be, and could not be opened again; remove pins or "
                     "the pages this version does not have"),
                   (size_t) len + 1, (guint) SP_SESSION_MAX_BYTES);
      return NULL;
    }
  text = g_string_new_len (json, (gssize) len);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
sp_session_save (const SpSession *session,
                 const char      *path,
                 GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sp_session_save_file (session, file, NULL, error);
}

gboolean
sp_session_save_file (const SpSession *session,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) io_error = NULL;
  gsize length;

  data = sp_session_to_data (session, &length, error);
  if (data == NULL)
    return FALSE;
  /* Not g_file_replace_contents alone: it writes a new file in place. */
  if (!sp_file_write_atomic_gfile (file, data, length, cancellable, &io_error))
    {
      g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_IO,
                   _("cannot save the session: %s"), io_error->message);
      return FALSE;
    }
  return TRUE;
}
