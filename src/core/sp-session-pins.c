/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-session-pins.c — a session's pinned comparisons ("pins", see
 * sp-session.h): building one, checking a file's, reading one back
 *
 * A file's pins are hostile input like the rest: at most
 * SP_SESSION_MAX_PINS objects, each with a label of 1 to
 * SP_SESSION_PIN_LABEL_MAX characters, a model checked field by field
 * against the same ranges as "model", and an optional impedance curve of
 * three equally long arrays of finite numbers (frequencies > 0).  Every
 * message names the field: "session.pins[1].model.omega: …".
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-session.h"
#include "sp-session-private.h"
#include "sp-json.h"

static const char *const curve_keys[] = { "freq_hz", "z_re_ohm", "z_im_ohm" };

JsonObject *
sp_session_pin_new (const char    *label,
                    const SpModel *model,
                    guint          n,
                    const double  *freq_hz,
                    const double  *z_re_ohm,
                    const double  *z_im_ohm)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const double *curves[3] = { freq_hz, z_re_ohm, z_im_ohm };

  g_return_val_if_fail (label != NULL && model != NULL, NULL);
  g_return_val_if_fail (n == 0 || (freq_hz != NULL && z_re_ohm != NULL && z_im_ohm != NULL), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "label");
  json_builder_add_string_value (b, label);
  json_builder_set_member_name (b, "model");
  sp_session_add_model (b, model);
  if (n > 0)
    {
      json_builder_set_member_name (b, "impedance");
      json_builder_begin_object (b);
      for (guint k = 0; k < G_N_ELEMENTS (curve_keys); k++)
        {
          json_builder_set_member_name (b, curve_keys[k]);
          json_builder_begin_array (b);
          for (guint i = 0; i < n; i++)
            json_builder_add_double_value (b, curves[k][i]);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_object_ref (json_node_get_object (root));
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SP_SESSION_ERROR, SP_SESSION_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_DOUBLE || type == G_TYPE_INT64;
}

static gboolean
check_curve (JsonObject *curve,
             guint       index,
             GError    **error)
{
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (curve_keys); k++)
    {
      JsonNode *node = json_object_get_member (curve, curve_keys[k]);
      JsonArray *array;
      guint len;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return invalid (error, _("session.pins[%u].impedance.%s: must be an array of numbers"),
                        index, curve_keys[k]);
      array = json_node_get_array (node);
      len = json_array_get_length (array);
      if (len < 2 || len > SP_SESSION_PIN_MAX_POINTS)
        return invalid (error, _("session.pins[%u].impedance.%s: must hold 2 to %d numbers, got %u"),
                        index, curve_keys[k], SP_SESSION_PIN_MAX_POINTS, len);
      if (k == 0)
        n = len;
      else if (len != n)
        return invalid (error, _("session.pins[%u].impedance.%s: must hold as many numbers as "
                                 "freq_hz (%u), got %u"), index, curve_keys[k], n, len);
      for (guint i = 0; i < len; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          double value = is_number (element) ? json_node_get_double (element) : NAN;

          if (!isfinite (value) || (k == 0 && !(value > 0.0)))
            return invalid (error, k == 0 ? _("session.pins[%u].impedance.%s[%u]: must be a "
                                              "frequency above 0 Hz")
                                          : _("session.pins[%u].impedance.%s[%u]: must be a "
                                              "finite number"),
                            index, curve_keys[k], i);
        }
    }
  return TRUE;
}

/* A figure id, axes tag or column name: a short word a CSV header and
 * a file can hold as it is. */
static gboolean
is_name (const char *text,
         gboolean    may_be_empty)
{
  gsize length = strlen (text);

  if (length > SP_SESSION_PIN_NAME_MAX || (length == 0 && !may_be_empty))
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static const char *const curve_names[] = { "figure", "axes", "name", "x_name" };

static gboolean
check_figure_curve (JsonNode *node,
                    guint     index,
                    guint     k,
                    GError  **error)
{
  JsonObject *curve;
  JsonNode *points;
  guint n = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("session.pins[%u].curves[%u]: must be an object"), index, k);
  curve = json_node_get_object (node);
  for (guint j = 0; j < G_N_ELEMENTS (curve_names); j++)
    {
      JsonNode *member = json_object_get_member (curve, curve_names[j]);

      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_STRING ||
          !is_name (json_node_get_string (member), j == 1))
        return invalid (error, _("session.pins[%u].curves[%u].%s: must be a word of up to %d "
                                 "letters, digits, “_”, “-” or “.”"),
                        index, k, curve_names[j], SP_SESSION_PIN_NAME_MAX);
    }
  points = json_object_get_member (curve, "points");
  if (points == NULL || !JSON_NODE_HOLDS_VALUE (points) ||
      json_node_get_value_type (points) != G_TYPE_BOOLEAN)
    return invalid (error, _("session.pins[%u].curves[%u].points: must be true or false"),
                    index, k);
  for (guint j = 0; j < 2; j++)
    {
      const char *key = j == 0 ? "x" : "y";
      JsonNode *member = json_object_get_member (curve, key);
      JsonArray *array;
      guint len;

      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        return invalid (error, _("session.pins[%u].curves[%u].%s: must be an array of numbers"),
                        index, k, key);
      array = json_node_get_array (member);
      len = json_array_get_length (array);
      if (len < 1 || len > SP_SESSION_PIN_CURVE_MAX_POINTS)
        return invalid (error, _("session.pins[%u].curves[%u].%s: must hold 1 to %d numbers, "
                                 "got %u"), index, k, key, SP_SESSION_PIN_CURVE_MAX_POINTS, len);
      if (j == 0)
        n = len;
      else if (len != n)
        return invalid (error, _("session.pins[%u].curves[%u].y: must hold as many numbers as "
                                 "x (%u), got %u"), index, k, n, len);
      for (guint i = 0; i < len; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!is_number (element) || !isfinite (json_node_get_double (element)))
            return invalid (error, _("session.pins[%u].curves[%u].%s[%u]: must be a finite "
                                     "number"), index, k, key, i);
        }
    }
  return TRUE;
}

static gboolean
check_pin (JsonNode *node,
           guint     index,
           GError  **error)
{
  JsonObject *pin;
  JsonNode *label, *model, *curve;
  g_autofree char *section = NULL;
  const char *text;
  glong length;
  SpModel m;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("session.pins[%u]: must be an object"), index);
  pin = json_node_get_object (node);

  label = json_object_get_member (pin, "label");
  if (label == NULL || !JSON_NODE_HOLDS_VALUE (label) ||
      json_node_get_value_type (label) != G_TYPE_STRING ||
      (length = g_utf8_strlen (text = json_node_get_string (label), -1)) < 1 ||
      length > SP_SESSION_PIN_LABEL_MAX || g_utf8_strchr (text, -1, '\n') != NULL)
    return invalid (error, _("session.pins[%u].label: must be a text of 1 to %d characters on "
                             "one line"), index, SP_SESSION_PIN_LABEL_MAX);

  model = json_object_get_member (pin, "model");
  if (model == NULL || !JSON_NODE_HOLDS_OBJECT (model))
    return invalid (error, _("session.pins[%u].model: must be an object"), index);
  section = g_strdup_printf ("pins[%u].model", index);
  sp_model_init_default (&m);
  if (!sp_session_read_model (json_node_get_object (model), section, &m, error))
    return FALSE;
  {
    g_autoptr(GError) model_error = NULL;

    if (!sp_model_validate (&m, &model_error))
      return invalid (error, "session.%s: %s", section, model_error->message);
  }

  curve = json_object_get_member (pin, "impedance");
  if (curve != NULL && !JSON_NODE_HOLDS_NULL (curve))
    {
      if (!JSON_NODE_HOLDS_OBJECT (curve))
        return invalid (error, _("session.pins[%u].impedance: must be an object"), index);
      if (!check_curve (json_node_get_object (curve), index, error))
        return FALSE;
    }
  curve = json_object_get_member (pin, "curves");
  if (curve != NULL && !JSON_NODE_HOLDS_NULL (curve))
    {
      JsonArray *curves;

      if (!JSON_NODE_HOLDS_ARRAY (curve))
        return invalid (error, _("session.pins[%u].curves: must be an array of curves"), index);
      curves = json_node_get_array (curve);
      if (json_array_get_length (curves) > SP_SESSION_PIN_MAX_CURVES)
        return invalid (error, _("session.pins[%u].curves: at most %d curves, got %u"), index,
                        SP_SESSION_PIN_MAX_CURVES, json_array_get_length (curves));
      for (guint k = 0; k < json_array_get_length (curves); k++)
        if (!check_figure_curve (json_array_get_element (curves, k), index, k, error))
          return FALSE;
    }
  return TRUE;
}

gboolean
sp_session_check_pins (JsonArray *pins,
                       GError   **error)
{
  guint n = json_array_get_length (pins);

  if (n > SP_SESSION_MAX_PINS)
    return invalid (error, _("session.pins: at most %d pins, got %u"), SP_SESSION_MAX_PINS, n);
  for (guint i = 0; i < n; i++)
    if (!check_pin (json_array_get_element (pins, i), i, error))
      return FALSE;
  return TRUE;
}

gboolean
sp_session_read_pins (JsonNode  *node,
                      SpSession *session,
                      GError   **error)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      sp_session_set_pins (session, NULL);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("session.pins: must be an array of pins"));
  if (!sp_session_check_pins (json_node_get_array (node), error))
    return FALSE;
  sp_session_set_pins (session, json_node_get_array (node));
  return TRUE;
}

void
sp_session_set_pins (SpSession *session,
                     JsonArray *pins)
{
  g_return_if_fail (session != NULL);

  if (pins != NULL)
    {
      json_array_ref (pins);
      json_array_seal (pins);
    }
  g_clear_pointer (&session->pins, json_array_unref);
  session->pins = pins;
}

gboolean
sp_session_pins_equal (JsonArray *a,
                       JsonArray *b)
{
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  if (a == NULL || b == NULL)
    return (a == NULL || json_array_get_length (a) == 0) &&
           (b == NULL || json_array_get_length (b) == 0);
  na = json_node_init_array (json_node_alloc (), a);
  nb = json_node_init_array (json_node_alloc (), b);
  return json_node_equal (na, nb);
}

static double *
read_doubles (JsonArray *array)
{
  guint n = json_array_get_length (array);
  double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = json_node_get_double (json_array_get_element (array, i));
  return values;
}

gboolean
sp_session_get_pin (const SpSession *session,
                    guint            index,
                    const char     **label,
                    SpModel         *model,
                    guint           *n,
                    double         **freq_hz,
                    double         **z_re_ohm,
                    double         **z_im_ohm)
{
  JsonObject *pin, *curve = NULL;
  JsonNode *node;

  g_return_val_if_fail (session != NULL && label != NULL && model != NULL, FALSE);
  g_return_val_if_fail (n != NULL && freq_hz != NULL && z_re_ohm != NULL && z_im_ohm != NULL,
                        FALSE);

  *n = 0;
  *freq_hz = *z_re_ohm = *z_im_ohm = NULL;
  if (session->pins == NULL || index >= json_array_get_length (session->pins))
    return FALSE;
  pin = json_array_get_object_element (session->pins, index);
  *label = json_object_get_string_member (pin, "label");
  sp_model_init_default (model);
  /* Checked when read: this cannot fail. */
  if (!sp_session_read_model (json_object_get_object_member (pin, "model"), "model", model, NULL))
    return FALSE;
  node = json_object_get_member (pin, "impedance");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    curve = json_node_get_object (node);
  if (curve != NULL)
    {
      *n = json_array_get_length (json_object_get_array_member (curve, "freq_hz"));
      *freq_hz = read_doubles (json_object_get_array_member (curve, "freq_hz"));
      *z_re_ohm = read_doubles (json_object_get_array_member (curve, "z_re_ohm"));
      *z_im_ohm = read_doubles (json_object_get_array_member (curve, "z_im_ohm"));
    }
  return TRUE;
}

gboolean
sp_session_pin_add_curve (JsonObject   *pin,
                          const char   *figure,
                          const char   *axes,
                          const char   *name,
                          const char   *x_name,
                          gboolean      points,
                          const double *x,
                          const double *y,
                          guint         n)
{
  JsonArray *curves;
  JsonObject *curve;

  g_return_val_if_fail (pin != NULL && figure != NULL && axes != NULL, FALSE);
  g_return_val_if_fail (name != NULL && x_name != NULL && (n == 0 || (x != NULL && y != NULL)),
                        FALSE);

  if (!is_name (figure, FALSE) || !is_name (axes, TRUE) || !is_name (name, FALSE) ||
      !is_name (x_name, FALSE) || n < 1 || n > SP_SESSION_PIN_CURVE_MAX_POINTS)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!isfinite (x[i]) || !isfinite (y[i]))
      return FALSE;
  if (!json_object_has_member (pin, "curves"))
    json_object_set_array_member (pin, "curves", json_array_new ());
  curves = json_object_get_array_member (pin, "curves");
  if (json_array_get_length (curves) >= SP_SESSION_PIN_MAX_CURVES)
    return FALSE;
  curve = json_object_new ();
  json_object_set_string_member (curve, "figure", figure);
  json_object_set_string_member (curve, "axes", axes);
  json_object_set_string_member (curve, "name", name);
  json_object_set_string_member (curve, "x_name", x_name);
  json_object_set_boolean_member (curve, "points", points);
  json_object_set_array_member (curve, "x", sp_json_array_new_doubles (x, n));
  json_object_set_array_member (curve, "y", sp_json_array_new_doubles (y, n));
  json_array_add_object_element (curves, curve);
  return TRUE;
}

static JsonArray *
pin_curves (const SpSession *session,
            guint            index)
{
  JsonObject *pin;
  JsonNode *node;

  if (session->pins == NULL || index >= json_array_get_length (session->pins))
    return NULL;
  pin = json_array_get_object_element (session->pins, index);
  node = json_object_get_member (pin, "curves");
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

guint
sp_session_get_pin_n_curves (const SpSession *session,
                             guint            index)
{
  JsonArray *curves;

  g_return_val_if_fail (session != NULL, 0);
  curves = pin_curves (session, index);
  return curves != NULL ? json_array_get_length (curves) : 0;
}

gboolean
sp_session_get_pin_curve (const SpSession *session,
                          guint            index,
                          guint            k,
                          const char     **figure,
                          const char     **axes,
                          const char     **name,
                          const char     **x_name,
                          gboolean        *points,
                          guint           *n,
                          double         **x,
                          double         **y)
{
  JsonArray *curves;
  JsonObject *curve;

  g_return_val_if_fail (session != NULL && figure != NULL && axes != NULL && name != NULL, FALSE);
  g_return_val_if_fail (x_name != NULL && points != NULL && n != NULL && x != NULL && y != NULL,
                        FALSE);

  *n = 0;
  *x = *y = NULL;
  curves = pin_curves (session, index);
  if (curves == NULL || k >= json_array_get_length (curves))
    return FALSE;
  /* Checked when read: every member is there with its type. */
  curve = json_array_get_object_element (curves, k);
  *figure = json_object_get_string_member (curve, "figure");
  *axes = json_object_get_string_member (curve, "axes");
  *name = json_object_get_string_member (curve, "name");
  *x_name = json_object_get_string_member (curve, "x_name");
  *points = json_object_get_boolean_member (curve, "points");
  *n = json_array_get_length (json_object_get_array_member (curve, "x"));
  *x = read_doubles (json_object_get_array_member (curve, "x"));
  *y = read_doubles (json_object_get_array_member (curve, "y"));
  return TRUE;
}
