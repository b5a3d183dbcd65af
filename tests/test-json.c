/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — sp-json: every double written as a valid JSON number that
 * json-glib reads back bit for bit, and a tree written as json-glib would
 * lay it out */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-json.h"

/* Parses @text with json-glib (a strict JSON parser) and returns its root. */
static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* @value written alone and inside an array reads back as a double with the
 * same bits; the text is @expected when given. */
static void
check_round_trip (double      value,
                  const char *expected)
{
  char buf[SP_JSON_DOUBLE_BUF_SIZE];
  g_autofree char *doc = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonNode *element;
  double back;

  sp_json_format_double (value, buf);
  if (expected != NULL)
    g_assert_cmpstr (buf, ==, expected);

  doc = g_strdup_printf ("[%s]", buf);
  root = parse (doc);
  element = json_array_get_element (json_node_get_array (root), 0);
  g_assert_cmpint (json_node_get_value_type (element), ==, G_TYPE_DOUBLE);
  back = json_node_get_double (element);
  g_assert_cmpmem (&back, sizeof back, &value, sizeof value);
}

static void
test_special_values (void)
{
  check_round_trip (1e-8, "1e-08");
  check_round_trip (1e-300, "1e-300");
  check_round_trip (5e-324, "5e-324");
  check_round_trip (1e300, "1e+300");
  check_round_trip (-0.0, "-0.0");
  check_round_trip (0.0, "0.0");
  check_round_trip (1.0, "1.0");
  check_round_trip (-42.0, "-42.0");
  check_round_trip (256.0, "256.0");
  check_round_trip (0.1, "0.1");
  check_round_trip (103.4, "103.4");
  check_round_trip (DBL_MAX, "1.7976931348623157e+308");
  check_round_trip (DBL_MIN, "2.2250738585072014e-308");
  check_round_trip (1e21, "1e+21");
  check_round_trip (123456789012345678.0, "1.2345678901234568e+17");
}

/* Values that need 16 or all 17 significant digits, and neighbours that
 * differ in the last bit only. */
static void
test_seventeen_digits (void)
{
  double third = 1.0 / 3.0;
  double next = nextafter (0.1, 1.0);

  check_round_trip (third, "0.3333333333333333");
  check_round_trip (next, "0.10000000000000002");
  check_round_trip (nextafter (1.0, 2.0), "1.0000000000000002");
  check_round_trip (nextafter (1e-8, 0.0), NULL);
  check_round_trip (M_PI, "3.141592653589793");
  check_round_trip (2.2250738585072009e-308, "2.225073858507201e-308");
}

/* Random bit patterns (every finite double is fair game): the text is
 * never longer than 17 digits need and always reads back exactly. */
static void
test_random_bits (void)
{
  GRand *rand = g_rand_new_with_seed (11);

  for (guint i = 0; i < 20000; i++)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double value;

      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        continue;
      check_round_trip (value, NULL);
    }
  g_rand_free (rand);
}

static void
test_not_finite (void)
{
  char buf[SP_JSON_DOUBLE_BUF_SIZE];

  g_assert_cmpstr (sp_json_format_double (NAN, buf), ==, "null");
  g_assert_cmpstr (sp_json_format_double (INFINITY, buf), ==, "null");
  g_assert_cmpstr (sp_json_format_double (-INFINITY, buf), ==, "null");
}

/* A number member, or null for what JSON cannot hold. */
static void
test_builder_number (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  sp_json_builder_add_number (b, "a", 1e-8);
  sp_json_builder_add_number (b, "nan", NAN);
  sp_json_builder_add_number (b, "inf", -INFINITY);
  sp_json_builder_add_number (b, "b", 2.5);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = sp_json_to_data (root, 0, NULL);
  g_assert_cmpstr (text, ==, "{\"a\":1e-08,\"nan\":null,\"inf\":null,\"b\":2.5}");
}

/* A tree with every kind of node: the text is json-glib's pretty layout,
 * member order is kept, integers stay integers, strings are escaped, and
 * the document parses back to the same values. */
static void
test_tree (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *line = NULL;
  JsonObject *object;
  JsonArray *array;
  gsize len = 0;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "zeta");
  json_builder_add_double_value (b, 1e-8);
  json_builder_set_member_name (b, "alpha");
  json_builder_add_int_value (b, -7);
  json_builder_set_member_name (b, "text \"quoted\"\n");
  json_builder_add_string_value (b, "Ω \\ \t end");
  json_builder_set_member_name (b, "list");
  json_builder_begin_array (b);
  json_builder_add_double_value (b, 5e-324);
  json_builder_add_boolean_value (b, TRUE);
  json_builder_add_null_value (b);
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "empty");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  text = sp_json_to_data (root, 2, &len);
  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"zeta\" : 1e-08,\n"
                   "  \"alpha\" : -7,\n"
                   "  \"text \\\"quoted\\\"\\n\" : \"Ω \\\\ \\t end\",\n"
                   "  \"list\" : [\n"
                   "    5e-324,\n"
                   "    true,\n"
                   "    null,\n"
                   "    []\n"
                   "  ],\n"
                   "  \"empty\" : {}\n"
                   "}");

  back = parse (text);
  object = json_node_get_object (back);
  g_assert_cmpfloat (json_object_get_double_member (object, "zeta"), ==, 1e-8);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "alpha")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (object, "alpha"), ==, -7);
  g_assert_cmpstr (json_object_get_string_member (object, "text \"quoted\"\n"), ==, "Ω \\ \t end");
  array = json_object_get_array_member (object, "list");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  g_assert_cmpfloat (json_array_get_double_element (array, 0), ==, 5e-324);

  line = sp_json_to_data (root, 0, NULL);
  g_assert_cmpstr (line, ==,
                   "{\"zeta\":1e-08,\"alpha\":-7,\"text \\\"quoted\\\"\\n\":\"Ω \\\\ \\t end\","
                   "\"list\":[5e-324,true,null,[]],\"empty\":{}}");
}

/* An array of doubles reads back element for element, bit for bit. */
static void
test_array_new_doubles (void)
{
  const double values[] = { 1e-8, -0.0, 0.1, 5e-324, 1.7976931348623157e308 };
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *back;

  /* The node takes the new array's only reference (init_array would add one). */
  json_node_take_array (node, sp_json_array_new_doubles (values, G_N_ELEMENTS (values)));
  text = sp_json_to_data (node, 0, NULL);

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  back = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (back), ==, G_N_ELEMENTS (values));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double got = json_array_get_double_element (back, i);

      g_assert_cmpmem (&got, sizeof got, &values[i], sizeof values[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/special-values", test_special_values);
  g_test_add_func ("/json/seventeen-digits", test_seventeen_digits);
  g_test_add_func ("/json/random-bits", test_random_bits);
  g_test_add_func ("/json/not-finite", test_not_finite);
  g_test_add_func ("/json/tree", test_tree);
  g_test_add_func ("/json/builder-number", test_builder_number);
  g_test_add_func ("/json/array-new-doubles", test_array_new_doubles);
  return g_test_run ();
}
