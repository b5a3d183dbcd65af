/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-workbench-state.c — the Data mode's state in a session file
 *
 * The spectra are stored with their numbers, not only their paths: a
 * session must reopen when the measurement files were moved, renamed or
 * are on another computer.  The path is kept beside them, to name the
 * file and to replace the spectrum when that file is opened again.
 * Results are not stored; they are computed again on request.
 *
 *   { "spectra": [ { "name", "path" (or null), "temperature_k" (file's,
 *                    or null), "typed_temperature_k" (or null),
 *                    "freq_hz": [...], "z_re_ohm": [...], "z_im_ohm": [...] } ],
 *     "selected": 0, "circuit": "R0-p(Rb,CPEb)-…", "weights": "modulus",
 *     "parameters": [ { "name", "initial" (or null), "fixed" } ],
 *     "f_min_hz" (or null), "f_max_hz" (or null), "drop_positive_imag",
 *     "linkk": { "c", "fit", "add_capacitance" },
 *     "drt": { "lambda" (a number, or "gcv"), "derivative" },
 *     "arrhenius": { "thickness_cm", "area_cm2", "form" } }
 *
 * Loading reads everything into a fresh set of inputs first and replaces
 * the workbench's only when every field was good; errors name the field.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sp-eis-read.h"
#include "sp-eis-workbench-private.h"
#include "sp-json.h"

/* Far beyond any analyser's sweep; keeps a broken file from asking for
 * gigabytes. */
#define MAX_POINTS 1000000
#define MAX_SPECTRA 10000
#define MAX_CIRCUIT_LENGTH 4096

/* ---- saving ------------------------------------------------------------- */

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

JsonObject *
sp_eis_workbench_save_state (SpEisWorkbench *self)
{
  JsonObject *state, *linkk, *drt, *arrhenius;
  JsonArray *spectra, *params;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), NULL);
  state = json_object_new ();
  spectra = json_array_new ();
  for (guint i = 0; i < self->entries->len; i++)
    {
      SpEisEntry *entry = g_ptr_array_index (self->entries, i);
      const SpEisSpectrum *s = entry->spectrum;
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "name", s->name);
      if (entry->path != NULL)
        json_object_set_string_member (o, "path", entry->path);
      else
        json_object_set_null_member (o, "path");
      set_double_or_null (o, "temperature_k", s->temperature_k);
      set_double_or_null (o, "typed_temperature_k", entry->typed_temperature_k);
      json_object_set_array_member (o, "freq_hz", sp_json_array_new_doubles (s->freq_hz, s->n_points));
      json_object_set_array_member (o, "z_re_ohm", sp_json_array_new_doubles (s->z_re_ohm, s->n_points));
      json_object_set_array_member (o, "z_im_ohm", sp_json_array_new_doubles (s->z_im_ohm, s->n_points));
      json_array_add_object_element (spectra, o);
    }
  json_object_set_array_member (state, "spectra", spectra);
  json_object_set_int_member (state, "selected", self->selected);
  json_object_set_string_member (state, "circuit", self->circuit_text);
  json_object_set_string_member (state, "weights", sp_eis_weight_to_string (self->weight));

  params = json_array_new ();
  g_hash_table_iter_init (&iter, self->param_settings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SpEisParamSetting *setting = value;
      JsonObject *o;

      if (isnan (setting->initial) && !setting->fixed)
        continue;
      o = json_object_new ();
      json_object_set_string_member (o, "name", key);
      set_double_or_null (o, "initial", setting->initial);
      json_object_set_boolean_member (o, "fixed", setting->fixed);
      json_array_add_object_element (params, o);
    }
  json_object_set_array_member (state, "parameters", params);

  set_double_or_null (state, "f_min_hz", self->f_min_hz > 0 ? self->f_min_hz : NAN);
  set_double_or_null (state, "f_max_hz", self->f_max_hz);
  json_object_set_boolean_member (state, "drop_positive_imag", self->drop_positive_imag);

  linkk = json_object_new ();
  json_object_set_double_member (linkk, "c", self->linkk_c);
  json_object_set_string_member (linkk, "fit", sp_linkk_fit_to_string (self->linkk_fit));
  json_object_set_boolean_member (linkk, "add_capacitance", self->linkk_add_capacitance);
  json_object_set_object_member (state, "linkk", linkk);

  drt = json_object_new ();
  if (self->drt_gcv)
    json_object_set_string_member (drt, "lambda", "gcv");
  else
    json_object_set_double_member (drt, "lambda", self->drt_lambda);
  json_object_set_int_member (drt, "derivative", self->drt_derivative);
  json_object_set_object_member (state, "drt", drt);

  arrhenius = json_object_new ();
  json_object_set_double_member (arrhenius, "thickness_cm", self->thickness_cm);
  json_object_set_double_member (arrhenius, "area_cm2", self->area_cm2);
  json_object_set_string_member (arrhenius, "form",
                                 sp_arrhenius_form_to_string (self->arrhenius_form));
  json_object_set_object_member (state, "arrhenius", arrhenius);
  return state;
}

/* ---- reading ------------------------------------------------------------ */

/* Everything load_state replaces, read from a file's object. */
typedef struct
{
  GPtrArray      *entries;      /* SpEisEntry * */
  int             selected;
  char           *circuit;
  SpEisWeight     weight;
  GHashTable     *params;
  double          f_min_hz, f_max_hz;
  gboolean        drop_positive_imag;
  double          linkk_c;
  SpLinKKFit      linkk_fit;
  gboolean        linkk_add_capacitance;
  gboolean        drt_gcv;
  double          drt_lambda;
  guint           drt_derivative;
  double          thickness_cm, area_cm2;
  SpArrheniusForm form;
} Inputs;

static void
inputs_clear (Inputs *in)
{
  g_clear_pointer (&in->entries, g_ptr_array_unref);
  g_clear_pointer (&in->circuit, g_free);
  g_clear_pointer (&in->params, g_hash_table_unref);
}

static gboolean
fail (GError    **error,
      const char *field,
      const char *problem)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", field, problem);
  return FALSE;
}

/* The member @name of @object, of @type; a missing member is fine when
 * @optional (NULL returned, no error). */
static JsonNode *
member (JsonObject  *object,
        const char  *prefix,
        const char  *name,
        GType        type,
        gboolean     optional,
        gboolean    *ok,
        GError     **error)
{
  g_autofree char *field = g_strconcat (prefix, name, NULL);
  JsonNode *node = json_object_get_member (object, name);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!optional)
        *ok = fail (error, field, node == NULL ? _("missing") : _("must not be null"));
      return NULL;
    }
  if (type == JSON_TYPE_OBJECT && !JSON_NODE_HOLDS_OBJECT (node))
    *ok = fail (error, field, _("not an object"));
  else if (type == JSON_TYPE_ARRAY && !JSON_NODE_HOLDS_ARRAY (node))
    *ok = fail (error, field, _("not an array"));
  else if (type != JSON_TYPE_OBJECT && type != JSON_TYPE_ARRAY
           && (!JSON_NODE_HOLDS_VALUE (node) || (json_node_get_value_type (node) != type
               && !(type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64))))
    *ok = fail (error, field,
                type == G_TYPE_STRING ? _("not a string")
                : type == G_TYPE_BOOLEAN ? _("not true or false")
                : type == G_TYPE_INT64 ? _("not an integer") : _("not a number"));
  return *ok ? node : NULL;
}

/* A double member: NAN when null or missing and @optional. */
static gboolean
read_double (JsonObject  *object,
             const char  *prefix,
             const char  *name,
             gboolean     optional,
             gboolean     positive,
             double      *value,
             GError     **error)
{
  gboolean ok;
  JsonNode *node = member (object, prefix, name, G_TYPE_DOUBLE, optional, &ok, error);

  if (!ok)
    return FALSE;
  *value = node != NULL ? json_node_get_double (node) : NAN;
  if (node != NULL && (!isfinite (*value) || (positive && *value <= 0)))
    {
      g_autofree char *field = g_strconcat (prefix, name, NULL);
      return fail (error, field, positive ? _("not a positive number") : _("not a finite number"));
    }
  return TRUE;
}

static gboolean
read_numbers (JsonObject  *object,
              const char  *prefix,
              const char  *name,
              gboolean     positive,
              guint       *n,
              double     **values,
              GError     **error)
{
  gboolean ok;
  JsonNode *node = member (object, prefix, name, JSON_TYPE_ARRAY, FALSE, &ok, error);
  JsonArray *array;
  guint len;

  if (!ok)
    return FALSE;
  array = json_node_get_array (node);
  len = json_array_get_length (array);
  if (len > MAX_POINTS)
    {
      g_autofree char *field = g_strconcat (prefix, name, NULL);
      g_autofree char *problem = g_strdup_printf (_("more than %d points"), MAX_POINTS);
      return fail (error, field, problem);
    }
  if (*n != G_MAXUINT && len != *n)
    {
      g_autofree char *field = g_strconcat (prefix, name, NULL);
      g_autofree char *problem = g_strdup_printf (_("%u values where freq_hz has %u"), len, *n);
      return fail (error, field, problem);
    }
  *n = len;
  *values = g_new (double, MAX (len, 1));
  for (guint i = 0; i < len; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      double v = NAN;

      if (JSON_NODE_HOLDS_VALUE (e) && (json_node_get_value_type (e) == G_TYPE_DOUBLE
                                        || json_node_get_value_type (e) == G_TYPE_INT64))
        v = json_node_get_double (e);
      if (!isfinite (v) || (positive && v <= 0))
        {
          g_autofree char *field = g_strdup_printf ("%s%s[%u]", prefix, name, i);
          g_clear_pointer (values, g_free);
          return fail (error, field, positive ? _("not a positive number")
                                              : _("not a finite number"));
        }
      (*values)[i] = v;
    }
  return TRUE;
}

static SpEisEntry *
read_spectrum (JsonObject  *o,
               const char  *prefix,
               GError     **error)
{
  g_autofree double *f = NULL, *re = NULL, *im = NULL;
  guint n = G_MAXUINT;
  double t_file, t_typed;
  gboolean ok;
  JsonNode *name, *path;
  SpEisSpectrum *s;
  SpEisEntry *entry;

  name = member (o, prefix, "name", G_TYPE_STRING, FALSE, &ok, error);
  if (!ok)
    return NULL;
  path = member (o, prefix, "path", G_TYPE_STRING, TRUE, &ok, error);
  if (!ok
      || !read_double (o, prefix, "temperature_k", TRUE, TRUE, &t_file, error)
      || !read_double (o, prefix, "typed_temperature_k", TRUE, TRUE, &t_typed, error)
      || !read_numbers (o, prefix, "freq_hz", TRUE, &n, &f, error))
    return NULL;
  if (n < SP_EIS_READ_MIN_POINTS)
    {
      g_autofree char *field = g_strconcat (prefix, "freq_hz", NULL);
      g_autofree char *problem = g_strdup_printf (_("%u points; a spectrum needs at least %d"),
                                                  n, SP_EIS_READ_MIN_POINTS);
      fail (error, field, problem);
      return NULL;
    }
  if (!read_numbers (o, prefix, "z_re_ohm", FALSE, &n, &re, error)
      || !read_numbers (o, prefix, "z_im_ohm", FALSE, &n, &im, error))
    return NULL;
  s = sp_eis_spectrum_new (n);
  memcpy (s->freq_hz, f, n * sizeof (double));
  memcpy (s->z_re_ohm, re, n * sizeof (double));
  memcpy (s->z_im_ohm, im, n * sizeof (double));
  s->temperature_k = t_file;
  sp_eis_spectrum_set_name (s, json_node_get_string (name));
  entry = sp_eis_entry_new (s, path != NULL ? json_node_get_string (path) : NULL);
  entry->typed_temperature_k = t_typed;
  return entry;
}

static gboolean
read_spectra (JsonObject  *state,
              Inputs      *in,
              GError     **error)
{
  gboolean ok;
  JsonNode *node = member (state, "", "spectra", JSON_TYPE_ARRAY, FALSE, &ok, error);
  JsonArray *array;
  gint64 selected;

  if (!ok)
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_SPECTRA)
    return fail (error, "spectra", _("too many spectra"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("spectra[%u].", i);
      SpEisEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_autofree char *field = g_strdup_printf ("spectra[%u]", i);
          return fail (error, field, _("not an object"));
        }
      entry = read_spectrum (json_node_get_object (e), prefix, error);
      if (entry == NULL)
        return FALSE;
      g_ptr_array_add (in->entries, entry);
    }
  node = member (state, "", "selected", G_TYPE_INT64, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  selected = json_node_get_int (node);
  if (selected < -1 || selected >= (gint64) in->entries->len
      || (selected == -1 && in->entries->len > 0))
    return fail (error, "selected", _("not the index of a spectrum"));
  in->selected = (int) selected;
  return TRUE;
}

static gboolean
read_params (JsonObject  *state,
             Inputs      *in,
             GError     **error)
{
  gboolean ok;
  JsonNode *node = member (state, "", "parameters", JSON_TYPE_ARRAY, FALSE, &ok, error);
  JsonArray *array;

  if (!ok)
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      g_autofree char *prefix = g_strdup_printf ("parameters[%u].", i);
      SpEisParamSetting *setting;
      JsonNode *name, *fixed;
      JsonObject *o;
      double initial;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          g_autofree char *field = g_strdup_printf ("parameters[%u]", i);
          return fail (error, field, _("not an object"));
        }
      o = json_node_get_object (e);
      name = member (o, prefix, "name", G_TYPE_STRING, FALSE, &ok, error);
      if (!ok || !read_double (o, prefix, "initial", TRUE, TRUE, &initial, error))
        return FALSE;
      fixed = member (o, prefix, "fixed", G_TYPE_BOOLEAN, FALSE, &ok, error);
      if (!ok)
        return FALSE;
      /* α ≤ 1 is the fit's to check: the name says nothing of the kind
       * until the circuit is known. */
      setting = g_new (SpEisParamSetting, 1);
      setting->initial = initial;
      setting->fixed = json_node_get_boolean (fixed);
      g_hash_table_replace (in->params, g_strdup (json_node_get_string (name)), setting);
    }
  return TRUE;
}

static gboolean
read_options (JsonObject  *state,
              Inputs      *in,
              GError     **error)
{
  gboolean ok;
  JsonNode *node;
  JsonObject *o;
  gint64 derivative;

  node = member (state, "", "circuit", G_TYPE_STRING, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  if (strlen (json_node_get_string (node)) > MAX_CIRCUIT_LENGTH)
    return fail (error, "circuit", _("too long"));
  in->circuit = g_strdup (json_node_get_string (node));
  node = member (state, "", "weights", G_TYPE_STRING, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  if (!sp_eis_weight_from_string (json_node_get_string (node), &in->weight))
    return fail (error, "weights", _("not unit, modulus or proportional"));
  if (!read_double (state, "", "f_min_hz", TRUE, TRUE, &in->f_min_hz, error)
      || !read_double (state, "", "f_max_hz", TRUE, TRUE, &in->f_max_hz, error))
    return FALSE;
  if (isnan (in->f_min_hz))
    in->f_min_hz = 0.0;
  if (isnan (in->f_max_hz))
    in->f_max_hz = INFINITY;
  if (in->f_max_hz <= in->f_min_hz)
    return fail (error, "f_max_hz", _("not above f_min_hz"));
  node = member (state, "", "drop_positive_imag", G_TYPE_BOOLEAN, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  in->drop_positive_imag = json_node_get_boolean (node);

  node = member (state, "", "linkk", JSON_TYPE_OBJECT, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  o = json_node_get_object (node);
  if (!read_double (o, "linkk.", "c", FALSE, TRUE, &in->linkk_c, error))
    return FALSE;
  if (in->linkk_c >= 1)
    return fail (error, "linkk.c", _("not between 0 and 1"));
  node = member (o, "linkk.", "fit", G_TYPE_STRING, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  if (!sp_linkk_fit_from_string (json_node_get_string (node), &in->linkk_fit))
    return fail (error, "linkk.fit", _("not complex, real or imag"));
  node = member (o, "linkk.", "add_capacitance", G_TYPE_BOOLEAN, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  in->linkk_add_capacitance = json_node_get_boolean (node);

  node = member (state, "", "drt", JSON_TYPE_OBJECT, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  o = json_node_get_object (node);
  node = json_object_get_member (o, "lambda");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (g_strcmp0 (json_node_get_string (node), "gcv") != 0)
        return fail (error, "drt.lambda", _("not a positive number or \"gcv\""));
      in->drt_gcv = TRUE;
      in->drt_lambda = 1e-3;
    }
  else
    {
      if (!read_double (o, "drt.", "lambda", FALSE, TRUE, &in->drt_lambda, error))
        return FALSE;
      in->drt_gcv = FALSE;
    }
  node = member (o, "drt.", "derivative", G_TYPE_INT64, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  derivative = json_node_get_int (node);
  if (derivative != 1 && derivative != 2)
    return fail (error, "drt.derivative", _("not 1 or 2"));
  in->drt_derivative = (guint) derivative;

  node = member (state, "", "arrhenius", JSON_TYPE_OBJECT, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  o = json_node_get_object (node);
  if (!read_double (o, "arrhenius.", "thickness_cm", FALSE, TRUE, &in->thickness_cm, error)
      || !read_double (o, "arrhenius.", "area_cm2", FALSE, TRUE, &in->area_cm2, error))
    return FALSE;
  node = member (o, "arrhenius.", "form", G_TYPE_STRING, FALSE, &ok, error);
  if (!ok)
    return FALSE;
  if (!sp_arrhenius_form_from_string (json_node_get_string (node), &in->form))
    return fail (error, "arrhenius.form", _("not sigma-t or sigma"));
  return TRUE;
}

static gboolean
read_inputs (JsonObject  *state,
             Inputs      *in,
             GError     **error)
{
  in->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_eis_entry_free);
  in->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return read_spectra (state, in, error)
         && read_options (state, in, error)
         && read_params (state, in, error);
}

gboolean
sp_eis_workbench_check_state (SpEisWorkbench *self,
                              JsonObject     *state,
                              GError        **error)
{
  Inputs in = { 0 };
  gboolean ok;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  ok = read_inputs (state, &in, error);
  inputs_clear (&in);
  return ok;
}

gboolean
sp_eis_workbench_load_state (SpEisWorkbench *self,
                             JsonObject     *state,
                             GError        **error)
{
  Inputs in = { 0 };
  g_autofree char *circuit = NULL;

  g_return_val_if_fail (SP_IS_EIS_WORKBENCH (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);
  if (!read_inputs (state, &in, error))
    {
      inputs_clear (&in);
      return FALSE;
    }
  /* Running jobs belong to the spectra being replaced. */
  sp_eis_workbench_cancel (self);
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&in.entries);
  for (guint i = 0; i < self->entries->len; i++)
    ((SpEisEntry *) g_ptr_array_index (self->entries, i))->id = self->next_id++;
  self->selected = in.selected;
  g_hash_table_unref (self->param_settings);
  self->param_settings = g_steal_pointer (&in.params);
  self->weight = in.weight;
  self->f_min_hz = in.f_min_hz;
  self->f_max_hz = in.f_max_hz;
  self->drop_positive_imag = in.drop_positive_imag;
  self->linkk_c = in.linkk_c;
  self->linkk_fit = in.linkk_fit;
  self->linkk_add_capacitance = in.linkk_add_capacitance;
  self->drt_gcv = in.drt_gcv;
  self->drt_lambda = in.drt_lambda;
  self->drt_derivative = in.drt_derivative;
  self->thickness_cm = in.thickness_cm;
  self->area_cm2 = in.area_cm2;
  self->arrhenius_form = in.form;
  g_clear_pointer (&self->arrhenius, sp_eis_arrhenius_series_free);
  self->residuals_source = SP_EIS_RESIDUALS_FIT;

  /* Set through the setter so the parse error is recorded; force the
   * "changed" even when the text is the same. */
  circuit = g_steal_pointer (&in.circuit);
  g_clear_pointer (&self->circuit_text, g_free);
  sp_eis_workbench_set_circuit_text (self, circuit);
  inputs_clear (&in);
  return TRUE;
}
