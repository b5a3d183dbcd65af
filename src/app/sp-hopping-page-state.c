/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hopping-page-state.c — the Hopping page's session state
 *
 * One flat JSON object, the keys of sp-hopping-page.h (lessons set them
 * as hopping.KEY).  check_state() refuses what the sliders cannot show,
 * naming the key ("session.pages.hopping.barrier_ev: 3 eV is outside its
 * range 0.05 … 1"); a missing key is the page's starting value (the
 * first preset's).  The KMC samples are not saved: the lattice is built
 * again from the parameters and seed, the same lattice bit for bit.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sp-hopping-page.h"
#include "sp-hopping-params.h"
#include "sp-session.h"

#define SPEED_MAX 1e8   /* as sp-hopping-page.c: the top of the slider is "no limit" */

JsonObject *sp_hopping_page_save_state  (SpLabPage   *page);
gboolean    sp_hopping_page_check_state (SpLabPage   *page,
                                         JsonObject  *state,
                                         GError     **error);
void        sp_hopping_page_load_state  (SpLabPage   *page,
                                         JsonObject  *state);

static void
set_number_or_null (JsonObject *state,
                    const char *key,
                    double      value)
{
  if (isfinite (value))
    json_object_set_double_member (state, key, value);
  else
    json_object_set_null_member (state, key);
}

static void
set_string_or_null (JsonObject *state,
                    const char *key,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (state, key, value);
  else
    json_object_set_null_member (state, key);
}

JsonObject *
sp_hopping_page_save_state (SpLabPage *page)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (page);
  JsonObject *state = json_object_new ();
  double t0, t1, speed;
  gboolean automatic;

  json_object_set_string_member (state, "mode", sp_hopping_page_get_mode (self) == SP_HOPPING_MODE_DATA
                                                ? "data" : "live");
  set_string_or_null (state, "preset", sp_hopping_page_get_preset (self));
  json_object_set_boolean_member (state, "running", sp_hopping_page_get_running (self));
  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    {
      const SpHoppingRange *range = sp_hopping_get_range (i);
      double value = gtk_adjustment_get_value (sp_hopping_page_get_adjustment (self, i));

      if (range->integer)
        json_object_set_int_member (state, range->id, llround (value));
      else
        json_object_set_double_member (state, range->id, value);
    }
  json_object_set_string_member (state, "blocking",
                                 sp_hopping_blocking_to_id (sp_hopping_page_get_blocking (self)));
  json_object_set_int_member (state, "layer",
                              lround (gtk_adjustment_get_value (sp_hopping_page_get_layer_adjustment (self))));
  speed = gtk_adjustment_get_value (sp_hopping_page_get_speed_adjustment (self));
  json_object_set_double_member (state, "speed_hops_s", speed >= SPEED_MAX ? 0.0 : speed);
  sp_hop_workbench_get_window (sp_hopping_page_get_workbench (self), &t0, &t1, &automatic);
  if (automatic)
    t0 = t1 = NAN;
  set_number_or_null (state, "window_t0_ps", t0);
  set_number_or_null (state, "window_t1_ps", t1);
  /* The file read whole (a cancelled import leaves the one before), else
   * the one asked for (still being read, or missing). */
  {
    SpHopWorkbench *workbench = sp_hopping_page_get_workbench (self);
    const SpTrajReadOptions *options = sp_hop_workbench_get_read_options (workbench);
    const char *path = sp_hop_workbench_get_path (workbench);
    gboolean read = path != NULL && options != NULL && !sp_hop_workbench_get_busy (workbench);

    set_string_or_null (state, "data_file", read ? path : sp_hopping_page_get_data_file (self));
    set_string_or_null (state, "species", read ? options->species : sp_hopping_page_get_species (self));
    set_number_or_null (state, "timestep_fs", read ? options->timestep_fs
                                                   : sp_hopping_page_get_timestep_fs (self));
    /* Runs at other temperatures or box sizes keep their numbers (their
     * files may be gone); the tables are read again. */
    json_object_set_object_member (state, "series", sp_hop_workbench_save_series (workbench));
  }
  return state;
}

static gboolean
invalid (GError    **error,
         const char *page,
         const char *field,
         const char *problem)
{
  g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
               "session.pages.%s.%s: %s", page, field, problem);
  return FALSE;
}

/* @value of @node when it is a finite number (JSON has no NaN). */
static gboolean
get_number (JsonNode *node,
            double   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;
  *value = json_node_get_double (node);
  return isfinite (*value);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A number in [min, max] (whole when @integer), or absent. */
static gboolean
check_range (const char  *page,
             JsonObject  *state,
             const char  *key,
             double       min,
             double       max,
             gboolean     integer,
             const char  *unit,
             double      *value,
             GError     **error)
{
  JsonNode *node = json_object_get_member (state, key);

  if (node == NULL)
    return TRUE;
  if (!get_number (node, value))
    return invalid (error, page, key, _("must be a number"));
  if (integer && *value != floor (*value))
    return invalid (error, page, key, _("must be a whole number"));
  if (*value < min || *value > max)
    {
      g_autofree char *quantity = *unit != '\0' ? g_strdup_printf ("%.15g %s", *value, unit)
                                                 : g_strdup_printf ("%.15g", *value);
      g_autofree char *problem =
        /* Translators: "3 eV is outside its range 0.05 … 1". */
        g_strdup_printf (_("%s is outside its range %.15g … %.15g"), quantity, min, max);

      return invalid (error, page, key, problem);
    }
  return TRUE;
}

gboolean
sp_hopping_page_check_state (SpLabPage   *page,
                             JsonObject  *state,
                             GError     **error)
{
  const char *name = sp_lab_page_get_page_name (page);
  double size = sp_hopping_get_preset (0)->values[SP_HOPPING_SIZE];
  double value, t0 = NAN, t1 = NAN;
  JsonNode *node;
  SpHoppingBlocking blocking;

  node = json_object_get_member (state, "mode");
  if (node != NULL && (!is_string (node) ||
                       (g_strcmp0 (json_node_get_string (node), "live") != 0 &&
                        g_strcmp0 (json_node_get_string (node), "data") != 0)))
    return invalid (error, name, "mode", _("must be “live” or “data”"));

  node = json_object_get_member (state, "preset");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!is_string (node) || sp_hopping_find_preset (json_node_get_string (node)) == NULL))
    {
      g_autoptr(GString) ids = g_string_new (NULL);
      g_autofree char *problem = NULL;

      for (guint i = 0; i < sp_hopping_get_n_presets (); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", sp_hopping_get_preset (i)->id);
      problem = g_strdup_printf (_("no such preset; the presets are %s"), ids->str);
      return invalid (error, name, "preset", problem);
    }

  node = json_object_get_member (state, "running");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) ||
                       json_node_get_value_type (node) != G_TYPE_BOOLEAN))
    return invalid (error, name, "running", _("must be true or false"));

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    {
      const SpHoppingRange *range = sp_hopping_get_range (i);

      if (!check_range (name, state, range->id, range->min, range->max, range->integer,
                        range->unit, &value, error))
        return FALSE;
      if (i == SP_HOPPING_SIZE && json_object_has_member (state, range->id))
        size = value;
    }

  node = json_object_get_member (state, "blocking");
  if (node != NULL && (!is_string (node) ||
                       !sp_hopping_blocking_from_id (json_node_get_string (node), &blocking)))
    return invalid (error, name, "blocking", _("must be “random” or “clustered”"));

  if (!check_range (name, state, "layer", 0, size - 1, TRUE, "", &value, error) ||
      !check_range (name, state, "speed_hops_s", 0, SPEED_MAX, FALSE, "", &value, error))
    return FALSE;
  node = json_object_get_member (state, "speed_hops_s");
  if (node != NULL && value > 0 && value < 10)
    return invalid (error, name, "speed_hops_s",
                    _("must be 0 (as fast as it can) or at least 10 hops/s"));

  node = json_object_get_member (state, "window_t0_ps");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && (!get_number (node, &t0) || !(t0 > 0)))
    return invalid (error, name, "window_t0_ps", _("must be a time above 0 ps, or null"));
  node = json_object_get_member (state, "window_t1_ps");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && (!get_number (node, &t1) || !(t1 > 0)))
    return invalid (error, name, "window_t1_ps", _("must be a time above 0 ps, or null"));
  if (isfinite (t0) != isfinite (t1) || (isfinite (t0) && !(t0 < t1)))
    return invalid (error, name, "window_t1_ps",
                    _("the window needs both ends, the end after the start"));

  node = json_object_get_member (state, "data_file");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!is_string (node) || *json_node_get_string (node) == '\0'))
    return invalid (error, name, "data_file", _("must be a file’s path, or null"));
  node = json_object_get_member (state, "species");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) &&
      (!is_string (node) || *json_node_get_string (node) == '\0'))
    return invalid (error, name, "species", _("must be a species’ name such as “Li”, or null"));
  node = json_object_get_member (state, "timestep_fs");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && (!get_number (node, &value) || !(value > 0)))
    return invalid (error, name, "timestep_fs", _("must be a time step above 0 fs, or null"));
  node = json_object_get_member (state, "series");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(GError) local = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, name, "series", _("must be an object, or null"));
      /* The workbench names the field inside ("runs[1].temperature_k: …"). */
      if (!sp_hop_workbench_check_state (sp_hopping_page_get_workbench (SP_HOPPING_PAGE (page)),
                                         json_node_get_object (node), &local))
        {
          g_set_error (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID,
                       "session.pages.%s.series.%s", name, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
string_or_null (JsonObject *state,
                const char *key)
{
  JsonNode *node = json_object_get_member (state, key);

  return node != NULL && is_string (node) ? json_node_get_string (node) : NULL;
}

static double
number_or_nan (JsonObject *state,
               const char *key)
{
  JsonNode *node = json_object_get_member (state, key);
  double value;

  return node != NULL && get_number (node, &value) ? value : NAN;
}

void
sp_hopping_page_load_state (SpLabPage  *page,
                            JsonObject *state)
{
  SpHoppingPage *self = SP_HOPPING_PAGE (page);
  const SpHoppingPreset *first = sp_hopping_get_preset (0);
  const char *preset = string_or_null (state, "preset");
  const char *data_file = string_or_null (state, "data_file");
  const char *species = string_or_null (state, "species");
  double timestep = number_or_nan (state, "timestep_fs");
  double values[SP_HOPPING_N_PARAMS];
  double speed = json_object_get_double_member_with_default (state, "speed_hops_s", 0.0);
  SpHoppingBlocking blocking = first->blocking;
  gboolean data = g_strcmp0 (string_or_null (state, "mode"), "data") == 0;

  for (guint i = 0; i < SP_HOPPING_N_PARAMS; i++)
    values[i] = json_object_get_double_member_with_default (state, sp_hopping_get_range (i)->id,
                                                            first->values[i]);
  sp_hopping_blocking_from_id (string_or_null (state, "blocking"), &blocking);

  /* Paused while everything changes: one new lattice, then run if asked. */
  sp_hopping_page_set_running (self, FALSE);
  sp_hopping_page_set_mode (self, SP_HOPPING_MODE_LIVE);
  /* Every value at once: the preset when the file's values are its own,
   * else the values by hand (no preset). */
  {
    const SpHoppingPreset *p = sp_hopping_find_preset (preset);
    gboolean same = p != NULL && p->blocking == blocking;

    for (guint i = 0; same && i < SP_HOPPING_N_PARAMS; i++)
      same = p->values[i] == values[i];
    if (same)
      sp_hopping_page_apply_preset (self, preset);
    else
      sp_hopping_page_set_values (self, values, blocking);
  }
  gtk_adjustment_set_value (sp_hopping_page_get_layer_adjustment (self),
                            json_object_get_double_member_with_default (state, "layer",
                                                                        floor (values[SP_HOPPING_SIZE] / 2)));
  gtk_adjustment_set_value (sp_hopping_page_get_speed_adjustment (self),
                            speed > 0 ? speed : SPEED_MAX);

  if (data_file != NULL && species != NULL && timestep > 0)
    sp_hopping_page_import (self, data_file, species, timestep);
  else
    sp_hopping_page_forget_data (self);
  sp_hopping_page_set_mode (self, data ? SP_HOPPING_MODE_DATA : SP_HOPPING_MODE_LIVE);
  /* After the data: reading a file starts from the suggested window. */
  sp_hopping_page_set_window (self, number_or_nan (state, "window_t0_ps"),
                              number_or_nan (state, "window_t1_ps"));
  {
    JsonNode *node = json_object_get_member (state, "series");
    g_autoptr(JsonObject) none = json_object_new ();

    /* Checked already; no series in the file: none on the page.  After
     * the mode, whose change cancels the workbench's jobs. */
    sp_hop_workbench_load_series (sp_hopping_page_get_workbench (self),
                                  node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                                  ? json_node_get_object (node) : none, NULL);
  }
  sp_hopping_page_set_running (self, !data && json_object_get_boolean_member_with_default (state,
                                                                                        "running",
                                                                                        FALSE));
}
