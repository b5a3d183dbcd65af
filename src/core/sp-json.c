/* sp-json.c — JSON text with correct numbers (see sp-json.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-json.h"

const char *
sp_json_format_double (double  value,
                       char   *buf)
{
  if (!isfinite (value))
    {
      strcpy (buf, "null");
      return buf;
    }

  /* The fewest significant digits (at most 17, which always suffice for
   * an IEEE double) whose decimal reads back as the same bits. */
  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];
      double back;

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, SP_JSON_DOUBLE_BUF_SIZE, format, value);
      back = g_ascii_strtod (buf, NULL);
      if (back == value && signbit (back) == signbit (value))
        break;
    }

  /* "%g" writes "1", "-0" or "1e+300": valid JSON, but the first two read
   * back as integers (and "-0" loses its sign).  A bare integer gets ".0";
   * an exponent form is already a double and is left alone. */
  if (strpbrk (buf, ".eE") == NULL)
    g_strlcat (buf, ".0", SP_JSON_DOUBLE_BUF_SIZE);
  return buf;
}

static void
append_string (GString    *out,
               const char *text)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = NULL;

  /* Escaping is json-glib's job: a one-string document is the string. */
  json_generator_set_root (generator, node);
  quoted = json_generator_to_data (generator, NULL);
  g_string_append (out, quoted);
}

static void
append_newline (GString *out,
                guint    indent,
                guint    depth)
{
  if (indent == 0)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < indent * depth; i++)
    g_string_append_c (out, ' ');
}

static void append_node (GString *out, JsonNode *node, guint indent, guint depth);

static void
append_value (GString  *out,
              JsonNode *node)
{
  char buf[SP_JSON_DOUBLE_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      g_string_append (out, sp_json_format_double (json_node_get_double (node), buf));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_object (GString    *out,
               JsonObject *object,
               guint       indent,
               guint       depth)
{
  /* json_object_get_members() lists the members in insertion order. */
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      append_newline (out, indent, depth + 1);
      append_string (out, l->data);
      g_string_append (out, indent > 0 ? " : " : ":");
      append_node (out, json_object_get_member (object, l->data), indent, depth + 1);
      if (l->next != NULL)
        g_string_append_c (out, ',');
    }
  if (members != NULL)
    append_newline (out, indent, depth);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              guint      indent,
              guint      depth)
{
  guint n = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      append_newline (out, indent, depth + 1);
      append_node (out, json_array_get_element (array, i), indent, depth + 1);
      if (i + 1 < n)
        g_string_append_c (out, ',');
    }
  if (n > 0)
    append_newline (out, indent, depth);
  g_string_append_c (out, ']');
}

static void
append_node (GString  *out,
             JsonNode *node,
             guint     indent,
             guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), indent, depth);
      break;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), indent, depth);
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

JsonArray *
sp_json_array_new_doubles (const double *values,
                           guint         n)
{
  JsonArray *array = json_array_sized_new (n);

  g_return_val_if_fail (n == 0 || values != NULL, array);
  for (guint i = 0; i < n; i++)
    json_array_add_double_element (array, values[i]);
  return array;
}

char *
sp_json_to_data (JsonNode *root,
                 guint     indent,
                 gsize    *length)
{
  GString *out;

  g_return_val_if_fail (root != NULL, NULL);

  out = g_string_new (NULL);
  append_node (out, root, indent, 0);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
sp_json_builder_add_number (JsonBuilder *builder,
                            const char  *key,
                            double       value)
{
  g_return_if_fail (JSON_IS_BUILDER (builder));
  g_return_if_fail (key != NULL);

  json_builder_set_member_name (builder, key);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
