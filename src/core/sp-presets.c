/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-presets.c — material presets from JSON documents in a GResource
 *
 * Each preset is a JSON object:
 *   { "id": "lifepo4", "name": "LiFePO₄", "description": "…", "source": "…",
 *     "illustrative": false,
 *     "parameters": { "omega": 115.8, "temperature": 298, "s1": 0,
 *                     "stiffness": 43.4, "kappa": 227, "rk": [0, 0],
 *                     "d0": 0.53, "v0": 3.422, "c0": 0.5,
 *                     "mobility": "site-blocking" } }
 * Every parameter is required so that a preset never silently inherits a
 * default; the values are checked with sp_model_validate().
 *
 * An optional "kinetics": { "k0": 3.62e-3, "alpha": 0.5, "source": "…" }
 * gives the insertion reaction's Butler–Volmer exchange rate (1/s: the
 * rate at which a half-filled particle at zero overpotential exchanges
 * sites, per site) and transfer coefficient for the driven simulation.
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "sp-i18n.h"
#include "sp-presets.h"
#include "sp-presets-resources.h"

#define PRESETS_PATH "/io/github/spinodal/Spinodal/presets/"

G_DEFINE_QUARK (sp-presets-error-quark, sp_presets_error)

void
sp_preset_free (SpPreset *preset)
{
  if (preset == NULL)
    return;
  g_free (preset->id);
  g_free (preset->name);
  g_free (preset->description);
  g_free (preset->source);
  g_free (preset->kinetics_source);
  g_free (preset);
}

static gboolean
read_string (JsonObject *object,
             const char *key,
             char      **out,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset field “%s” must be a string", key);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_number (JsonObject *object,
             const char *key,
             double     *out,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    goto bad;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    goto bad;
  *out = json_node_get_double (node);
  return TRUE;

bad:
  g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
               "preset parameter “%s” must be a number", key);
  return FALSE;
}

static gboolean
read_parameters (JsonObject *params,
                 SpModel    *model,
                 GError    **error)
{
  g_autofree char *mobility = NULL;
  JsonNode *rk_node;
  JsonArray *rk;

  if (!read_number (params, "omega", &model->omega, error) ||
      !read_number (params, "temperature", &model->temperature, error) ||
      !read_number (params, "s1", &model->s1, error) ||
      !read_number (params, "stiffness", &model->stiffness, error) ||
      !read_number (params, "kappa", &model->kappa, error) ||
      !read_number (params, "d0", &model->d0, error) ||
      !read_number (params, "v0", &model->v0, error) ||
      !read_number (params, "c0", &model->c0, error) ||
      !read_string (params, "mobility", &mobility, error))
    return FALSE;

  if (g_strcmp0 (mobility, "site-blocking") == 0)
    model->mobility = SP_MOBILITY_SITE_BLOCKING;
  else if (g_strcmp0 (mobility, "constant") == 0)
    model->mobility = SP_MOBILITY_CONSTANT;
  else
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset parameter “mobility” must be site-blocking or constant");
      return FALSE;
    }

  rk_node = json_object_get_member (params, "rk");
  if (rk_node == NULL || !JSON_NODE_HOLDS_ARRAY (rk_node) ||
      json_array_get_length (rk = json_node_get_array (rk_node)) > SP_RK_MAX)
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset parameter “rk” must be an array of at most %d numbers",
                   SP_RK_MAX);
      return FALSE;
    }
  for (guint j = 0; j < json_array_get_length (rk); j++)
    {
      JsonNode *element = json_array_get_element (rk, j);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          (json_node_get_value_type (element) != G_TYPE_DOUBLE &&
           json_node_get_value_type (element) != G_TYPE_INT64))
        {
          g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                       "preset parameter “rk” element %u must be a number", j + 1);
          return FALSE;
        }
      model->rk[j] = json_node_get_double (element);
    }

  return sp_model_validate (model, error);
}

static gboolean
read_kinetics (JsonObject *object,
               SpPreset   *preset,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, "kinetics");
  JsonObject *kinetics;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset field “kinetics” must be an object");
      return FALSE;
    }
  kinetics = json_node_get_object (node);
  if (!read_number (kinetics, "k0", &preset->k0, error) ||
      !read_number (kinetics, "alpha", &preset->alpha, error) ||
      !read_string (kinetics, "source", &preset->kinetics_source, error))
    return FALSE;
  if (!(preset->k0 > 0.0 && isfinite (preset->k0)))
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset kinetics “k0” must be a positive rate in 1/s, got %g", preset->k0);
      return FALSE;
    }
  if (!(preset->alpha > 0.0 && preset->alpha < 1.0))
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset kinetics “alpha” must lie strictly between 0 and 1, got %g",
                   preset->alpha);
      return FALSE;
    }
  preset->has_kinetics = TRUE;
  return TRUE;
}

static void
translate_in_place (char **text)
{
  const char *translated = sp_i18n_preset_text (*text);

  if (translated != *text)
    {
      g_free (*text);
      *text = g_strdup (translated);
    }
}

SpPreset *
sp_preset_parse (const char *json,
                 gssize      length,
                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SpPreset) preset = g_new0 (SpPreset, 1);
  JsonNode *root;
  JsonObject *object;
  JsonNode *params;
  JsonNode *illustrative;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "a preset must be a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_string (object, "id", &preset->id, error) ||
      !read_string (object, "name", &preset->name, error) ||
      !read_string (object, "description", &preset->description, error) ||
      !read_string (object, "source", &preset->source, error))
    return NULL;

  /* The bundled presets' name and description are in the message catalogue
   * (sp-i18n.c lists them for xgettext); any other text passes through. */
  translate_in_place (&preset->name);
  translate_in_place (&preset->description);

  illustrative = json_object_get_member (object, "illustrative");
  if (illustrative == NULL || !JSON_NODE_HOLDS_VALUE (illustrative) ||
      json_node_get_value_type (illustrative) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset field “illustrative” must be true or false");
      return NULL;
    }
  preset->illustrative = json_node_get_boolean (illustrative);

  params = json_object_get_member (object, "parameters");
  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    {
      g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_INVALID,
                   "preset field “parameters” must be an object");
      return NULL;
    }
  if (!read_parameters (json_node_get_object (params), &preset->model, error) ||
      !read_kinetics (object, preset, error))
    {
      g_prefix_error (error, "preset “%s”: ", preset->id);
      return NULL;
    }

  return g_steal_pointer (&preset);
}

static SpPreset *
load_resource (const char *file,
               GError    **error)
{
  g_autofree char *path = g_strconcat (PRESETS_PATH, file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  return sp_preset_parse (data, size, error);
}

/* The index file lists the preset files one per line, in display order. */
static GStrv
preset_files (GError **error)
{
  g_autoptr(GBytes) index = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  /* The resource is linked into this library; make sure it is registered
   * even when the caller never touched any other resource. */
  g_resources_register (sp_presets_get_resource ());

  index = g_resources_lookup_data (PRESETS_PATH "index.txt",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (index == NULL)
    return NULL;
  data = g_bytes_get_data (index, &size);
  text = g_strndup (data, size);
  return g_strsplit (g_strstrip (text), "\n", -1);
}

GPtrArray *
sp_presets_load_all (GError **error)
{
  g_autoptr(GPtrArray) presets = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_preset_free);
  g_auto(GStrv) files = preset_files (error);

  if (files == NULL)
    return NULL;

  for (guint i = 0; files[i] != NULL; i++)
    {
      SpPreset *preset;

      if (*g_strstrip (files[i]) == '\0')
        continue;
      preset = load_resource (files[i], error);
      if (preset == NULL)
        return NULL;
      g_ptr_array_add (presets, preset);
    }

  return g_steal_pointer (&presets);
}

SpPreset *
sp_presets_lookup (const char *id,
                   GError    **error)
{
  g_autoptr(GPtrArray) presets = sp_presets_load_all (error);
  g_autoptr(GString) known = g_string_new (NULL);

  if (presets == NULL)
    return NULL;

  for (guint i = 0; i < presets->len; i++)
    {
      SpPreset *preset = g_ptr_array_index (presets, i);

      if (g_ascii_strcasecmp (preset->id, id) == 0)
        return g_ptr_array_steal_index (presets, i);
      g_string_append_printf (known, "%s%s", known->len ? ", " : "", preset->id);
    }

  g_set_error (error, SP_PRESETS_ERROR, SP_PRESETS_ERROR_NOT_FOUND,
               "--preset: unknown preset “%s”; allowed: %s", id, known->str);
  return NULL;
}
