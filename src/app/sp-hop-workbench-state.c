/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-hop-workbench-state.c — the analysis' inputs in a session file
 *
 *   { "trajectory": null | { "path", "species", "timestep_fs", "stride",
 *                            "format", "unwrap", "remove_drift",
 *                            "charge_e" (or null) },
 *     "window_t0_ps", "window_t1_ps" (null: the suggested window),
 *     "temperature_k", "charge_e" (null: the trajectory's),
 *     "q_inv_angstrom": [ … ],
 *     "runs": [ { "name", "path" (or null), "temperature_k",
 *                 "file_temperature_k", "length_angstrom", "d_star_cm2_s",
 *                 "d_star_stderr_cm2_s" (each may be null) } ],
 *     "qens_table": null | path,
 *     "finite_size_table": null | path,
 *     "finite_size_quantity": "diffusivity" | "energy" }
 *
 * The trajectory is a path (trajectories are large, the session small): it
 * is read again on load, and a file that is gone is one "error" naming it.
 * The runs keep their numbers, so an Arrhenius or finite-size series
 * reopens without its files (which may be gigabytes each, or gone).  KMC
 * samples are not kept: the page runs the engine again.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-hop-workbench-private.h"
#include "sp-json.h"

#define MAX_RUNS 10000

static const char *const unwrap_names[] = { "auto", "minimum-image", "none" };

static void
set_double_or_null (JsonObject *object,
                    const char *name,
                    double      value)
{
  if (isfinite (value))
    json_object_set_double_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

/* The runs and the tables' files into @state. */
static void
add_series (SpHopWorkbench *self,
            JsonObject     *state)
{
  JsonArray *runs;

  runs = json_array_sized_new (self->runs->len);
  for (guint i = 0; i < self->runs->len; i++)
    {
      const SpHopRun *run = g_ptr_array_index (self->runs, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "name", run->name != NULL ? run->name : "");
      set_string_or_null (o, "path", run->path);
      set_double_or_null (o, "temperature_k", run->temperature_k);
      set_double_or_null (o, "file_temperature_k", run->file_temperature_k);
      set_double_or_null (o, "length_angstrom", run->length_angstrom);
      set_double_or_null (o, "d_star_cm2_s", run->d_star_cm2_s);
      set_double_or_null (o, "d_star_stderr_cm2_s", run->d_star_err_cm2_s);
      json_array_add_object_element (runs, o);
    }
  json_object_set_array_member (state, "runs", runs);
  set_string_or_null (state, "qens_table", self->qens_table_path);
  set_string_or_null (state, "finite_size_table", self->size_table_path);
  json_object_set_string_member (state, "finite_size_quantity",
                                 self->size_quantity == SP_HOP_FINITE_SIZE_ENERGY ? "energy" : "diffusivity");
}

JsonObject *
sp_hop_workbench_save_series (SpHopWorkbench *self)
{
  JsonObject *state;

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);

  state = json_object_new ();
  add_series (self, state);
  return state;
}

JsonObject *
sp_hop_workbench_save_state (SpHopWorkbench *self)
{
  JsonObject *state;

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), NULL);

  state = json_object_new ();
  if (self->base != NULL && self->base->path != NULL)
    {
      const SpTrajReadOptions *o = &self->base->options;
      JsonObject *t = json_object_new ();

      json_object_set_string_member (t, "path", self->base->path);
      json_object_set_string_member (t, "species", o->species);
      json_object_set_double_member (t, "timestep_fs", o->timestep_fs);
      json_object_set_int_member (t, "stride", MAX (o->stride, 1u));
      json_object_set_string_member (t, "format", sp_traj_format_to_string (o->format));
      json_object_set_string_member (t, "unwrap", unwrap_names[o->unwrap]);
      json_object_set_boolean_member (t, "remove_drift", o->remove_drift);
      set_double_or_null (t, "charge_e", o->charge);
      json_object_set_object_member (state, "trajectory", t);
    }
  else
    json_object_set_null_member (state, "trajectory");
  set_double_or_null (state, "window_t0_ps", self->window_t0_ps);
  set_double_or_null (state, "window_t1_ps", self->window_t1_ps);
  set_double_or_null (state, "temperature_k", self->temperature_k);
  set_double_or_null (state, "charge_e", self->charge_e);
  json_object_set_array_member (state, "q_inv_angstrom",
                                sp_json_array_new_doubles (self->q, self->n_q));

  add_series (self, state);
  return state;
}

/* ---- reading ------------------------------------------------------------ */

typedef struct
{
  gboolean          has_trajectory;
  char             *path, *species;
  SpTrajReadOptions options;
  double            window_t0_ps, window_t1_ps, temperature_k, charge_e;
  double            q[SP_HOP_MAX_Q];
  guint             n_q;
  GPtrArray        *runs;
  char             *qens_table, *size_table;
  SpHopFiniteSizeQuantity quantity;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->path, g_free);
  g_clear_pointer (&in->species, g_free);
  g_clear_pointer (&in->runs, g_ptr_array_unref);
  g_clear_pointer (&in->qens_table, g_free);
  g_clear_pointer (&in->size_table, g_free);
}

static gboolean
fail (GError    **error,
      const char *field,
      const char *problem)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", field, problem);
  return FALSE;
}

/* The member @name (NULL when missing or null and @optional). */
static gboolean
member (JsonObject  *object,
        const char  *field,
        const char  *name,
        GType        type,
        gboolean     optional,
        JsonNode   **out,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? TRUE : fail (error, field, node == NULL ? _("missing") : _("must not be null"));
  if (type == JSON_TYPE_OBJECT && !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, field, _("not an object"));
  if (type == JSON_TYPE_ARRAY && !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, field, _("not an array"));
  if (type != JSON_TYPE_OBJECT && type != JSON_TYPE_ARRAY
      && (!JSON_NODE_HOLDS_VALUE (node)
          || (json_node_get_value_type (node) != type
              && !(type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64))))
    return fail (error, field,
                 type == G_TYPE_STRING ? _("not a string")
                 : type == G_TYPE_BOOLEAN ? _("not true or false")
                 : type == G_TYPE_INT64 ? _("not an integer") : _("not a number"));
  *out = node;
  return TRUE;
}

static gboolean
read_double (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             gboolean     optional,
             gboolean     positive,
             double      *value,
             GError     **error)
{
  g_autofree char *field = g_strconcat (prefix, name, NULL);
  JsonNode *node;

  if (!member (object, field, name, G_TYPE_DOUBLE, optional, &node, error))
    return FALSE;
  *value = node != NULL ? json_node_get_double (node) : NAN;
  if (node != NULL && (!isfinite (*value) || (positive && *value <= 0)))
    return fail (error, field, positive ? _("not a positive number") : _("not a finite number"));
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             gboolean     optional,
             char       **value,
             GError     **error)
{
  g_autofree char *field = g_strconcat (prefix, name, NULL);
  JsonNode *node;

  if (!member (object, field, name, G_TYPE_STRING, optional, &node, error))
    return FALSE;
  *value = node != NULL ? g_strdup (json_node_get_string (node)) : NULL;
  return TRUE;
}

static gboolean
read_trajectory (JsonObject  *t,
                 Inputs      *in,
                 GError     **error)
{
  g_autofree char *format = NULL, *unwrap = NULL;
  JsonNode *node;
  double stride;

  sp_traj_read_options_init (&in->options);
  if (!read_string (t, "trajectory.", "path", FALSE, &in->path, error)
      || !read_string (t, "trajectory.", "species", FALSE, &in->species, error)
      || !read_double (t, "trajectory.", "timestep_fs", FALSE, TRUE, &in->options.timestep_fs, error)
      || !read_double (t, "trajectory.", "stride", TRUE, TRUE, &stride, error)
      || !read_string (t, "trajectory.", "format", TRUE, &format, error)
      || !read_string (t, "trajectory.", "unwrap", TRUE, &unwrap, error)
      || !read_double (t, "trajectory.", "charge_e", TRUE, FALSE, &in->options.charge, error)
      || !member (t, "trajectory.remove_drift", "remove_drift", G_TYPE_BOOLEAN, TRUE, &node, error))
    return FALSE;
  if (in->species[0] == '\0')
    return fail (error, "trajectory.species", _("must not be empty"));
  if (isfinite (stride) && (stride != floor (stride) || stride > G_MAXUINT))
    return fail (error, "trajectory.stride", _("not an integer"));
  in->options.stride = isfinite (stride) ? (guint) stride : 1;
  if (format != NULL && !sp_traj_format_from_string (format, &in->options.format))
    return fail (error, "trajectory.format", _("not one of auto, xyz, lammps, xdatcar"));
  if (unwrap != NULL)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (unwrap_names); k++)
        if (g_strcmp0 (unwrap, unwrap_names[k]) == 0)
          break;
      if (k == G_N_ELEMENTS (unwrap_names))
        return fail (error, "trajectory.unwrap", _("not one of auto, minimum-image, none"));
      in->options.unwrap = (SpTrajUnwrap) k;
    }
  if (node != NULL)
    in->options.remove_drift = json_node_get_boolean (node);
  in->options.species = in->species;
  in->has_trajectory = TRUE;
  return TRUE;
}

static gboolean
read_runs (JsonArray  *array,
           Inputs     *in,
           GError    **error)
{
  guint n = json_array_get_length (array);

  if (n > MAX_RUNS)
    return fail (error, "runs", _("too many entries"));
  in->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_hop_run_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("runs[%u].", i);
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o;
      g_autofree char *name = NULL, *path = NULL;
      SpHopRun *run;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *field = g_strdup_printf ("runs[%u]", i);

          return fail (error, field, _("not an object"));
        }
      o = json_node_get_object (node);
      if (!read_string (o, prefix, "name", FALSE, &name, error)
          || !read_string (o, prefix, "path", TRUE, &path, error))
        return FALSE;
      run = sp_hop_run_new (path, name);
      g_ptr_array_add (in->runs, run);
      if (!read_double (o, prefix, "temperature_k", TRUE, TRUE, &run->temperature_k, error)
          || !read_double (o, prefix, "file_temperature_k", TRUE, TRUE, &run->file_temperature_k, error)
          || !read_double (o, prefix, "length_angstrom", TRUE, TRUE, &run->length_angstrom, error)
          || !read_double (o, prefix, "d_star_cm2_s", TRUE, FALSE, &run->d_star_cm2_s, error)
          || !read_double (o, prefix, "d_star_stderr_cm2_s", TRUE, TRUE, &run->d_star_err_cm2_s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_inputs (JsonObject  *state,
             Inputs      *in,
             GError     **error)
{
  g_autofree char *quantity = NULL;
  JsonNode *node;

  memset (in, 0, sizeof *in);
  if (!member (state, "trajectory", "trajectory", JSON_TYPE_OBJECT, TRUE, &node, error))
    return FALSE;
  if (node != NULL && !read_trajectory (json_node_get_object (node), in, error))
    return FALSE;
  if (!read_double (state, "", "window_t0_ps", TRUE, TRUE, &in->window_t0_ps, error)
      || !read_double (state, "", "window_t1_ps", TRUE, TRUE, &in->window_t1_ps, error)
      || !read_double (state, "", "temperature_k", TRUE, TRUE, &in->temperature_k, error)
      || !read_double (state, "", "charge_e", TRUE, FALSE, &in->charge_e, error))
    return FALSE;
  if (isnan (in->window_t0_ps) != isnan (in->window_t1_ps)
      || (!isnan (in->window_t0_ps) && !(in->window_t1_ps > in->window_t0_ps)))
    return fail (error, "window_t1_ps", _("the window needs both bounds, t0 < t1, or neither"));
  if (in->charge_e == 0.0)
    return fail (error, "charge_e", _("must not be 0"));

  if (!member (state, "q_inv_angstrom", "q_inv_angstrom", JSON_TYPE_ARRAY, TRUE, &node, error))
    return FALSE;
  if (node != NULL)
    {
      JsonArray *array = json_node_get_array (node);

      in->n_q = json_array_get_length (array);
      if (in->n_q == 0 || in->n_q > SP_HOP_MAX_Q)
        return fail (error, "q_inv_angstrom", _("needs between 1 and 32 values"));
      for (guint i = 0; i < in->n_q; i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (e) || (json_node_get_value_type (e) != G_TYPE_DOUBLE
                                             && json_node_get_value_type (e) != G_TYPE_INT64)
              || !(json_node_get_double (e) > 0.0) || !isfinite (json_node_get_double (e)))
            {
              g_autofree char *field = g_strdup_printf ("q_inv_angstrom[%u]", i);

              return fail (error, field, _("not a positive number"));
            }
          in->q[i] = json_node_get_double (e);
        }
    }

  if (!member (state, "runs", "runs", JSON_TYPE_ARRAY, TRUE, &node, error))
    return FALSE;
  if (node != NULL && !read_runs (json_node_get_array (node), in, error))
    return FALSE;
  if (!read_string (state, "", "qens_table", TRUE, &in->qens_table, error)
      || !read_string (state, "", "finite_size_table", TRUE, &in->size_table, error)
      || !read_string (state, "", "finite_size_quantity", TRUE, &quantity, error))
    return FALSE;
  if (quantity == NULL || g_strcmp0 (quantity, "diffusivity") == 0)
    in->quantity = SP_HOP_FINITE_SIZE_DIFFUSIVITY;
  else if (g_strcmp0 (quantity, "energy") == 0)
    in->quantity = SP_HOP_FINITE_SIZE_ENERGY;
  else
    return fail (error, "finite_size_quantity", _("not one of diffusivity, energy"));
  return TRUE;
}

gboolean
sp_hop_workbench_check_state (SpHopWorkbench *self,
                              JsonObject     *state,
                              GError        **error)
{
  Inputs in;
  gboolean ok;

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  ok = read_inputs (state, &in, error);
  inputs_clear (&in);
  return ok;
}

/* The runs of @in (taken), the tables forgotten until read again. */
static void
take_series (SpHopWorkbench *self,
             Inputs         *in)
{
  g_ptr_array_set_size (self->runs, 0);
  if (in->runs != NULL)
    for (guint i = 0; i < in->runs->len; i++)
      g_ptr_array_add (self->runs, g_steal_pointer (&g_ptr_array_index (in->runs, i)));
  g_clear_pointer (&self->qens_table, sp_qens_gamma_free);
  g_clear_pointer (&self->qens_table_path, g_free);
  self->has_table_ce = FALSE;
  g_clear_pointer (&self->size_table, sp_finite_size_data_free);
  g_clear_pointer (&self->size_table_path, g_free);
  self->size_quantity = in->quantity;
  sp_hop_workbench_update_series (self);
  sp_hop_workbench_emit_changed (self);
}

static void
read_tables (SpHopWorkbench *self,
             Inputs         *in)
{
  if (in->qens_table != NULL)
    sp_hop_workbench_start_qens_table (self, in->qens_table);
  if (in->size_table != NULL)
    sp_hop_workbench_start_size_table (self, in->size_table, in->quantity);
}

/* The whole page (@whole: the analysis settings and the trajectory too)
 * or only the series and the tables, after every input has been read. */
static gboolean
load (SpHopWorkbench *self,
      JsonObject     *state,
      gboolean        whole,
      GError        **error)
{
  Inputs in;

  g_return_val_if_fail (SP_IS_HOP_WORKBENCH (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (!read_inputs (state, &in, error))
    {
      inputs_clear (&in);
      return FALSE;
    }
  if (whole)
    {
      sp_hop_workbench_cancel (self);
      sp_hop_workbench_take_analysis (self, NULL, NULL);
      self->window_t0_ps = in.window_t0_ps;
      self->window_t1_ps = in.window_t1_ps;
      self->temperature_k = in.temperature_k;
      self->charge_e = in.charge_e;
      if (in.n_q > 0)
        {
          memcpy (self->q, in.q, in.n_q * sizeof *self->q);
          self->n_q = in.n_q;
        }
    }
  take_series (self, &in);

  /* The files again, in threads; each failure is one "error". */
  if (whole && in.has_trajectory)
    sp_hop_workbench_start_analyse (self, NULL, in.path, &in.options);
  read_tables (self, &in);
  inputs_clear (&in);
  return TRUE;
}

gboolean
sp_hop_workbench_load_state (SpHopWorkbench *self,
                             JsonObject     *state,
                             GError        **error)
{
  return load (self, state, TRUE, error);
}

gboolean
sp_hop_workbench_load_series (SpHopWorkbench *self,
                              JsonObject     *state,
                              GError        **error)
{
  return load (self, state, FALSE, error);
}
