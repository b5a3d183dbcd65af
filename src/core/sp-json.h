/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-json.h — writing JSON whose numbers are always valid and exact
 *
 * json-glib's generator formats a double with "%.17g" and appends ".0"
 * when it sees no '.', so 1e-8 comes out as "1e-08.0", which no JSON
 * parser (json-glib included) reads back.  Every JSON Spinodal writes
 * (session files, `spinodal-cli analyze --json`) goes through here
 * instead: a JsonNode tree built with JsonBuilder, serialised with each
 * double in its shortest form that reads back bit for bit.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Large enough for any double: sign, 17 digits, '.', "e-308", ".0", NUL. */
#define SP_JSON_DOUBLE_BUF_SIZE 32

/* Writes @value into @buf as a JSON number: the shortest decimal that
 * g_ascii_strtod() reads back as exactly @value, always with a '.' or an
 * exponent so that it reads back as a double, not an integer ("1.0",
 * "-0.0", "1e-08", "5e-324", "0.1").  NaN and infinities have no JSON
 * form: they are written as "null".  Returns @buf. */
const char *sp_json_format_double (double  value,
                                   char   *buf);

/* Adds the member @key with @value to @builder's open object: a number,
 * or null when @value is NaN or infinite (JSON has neither; a reader then
 * sees "undefined", not a bogus value). */
void        sp_json_builder_add_number (JsonBuilder *builder,
                                        const char  *key,
                                        double       value);

/* A new array of the @n numbers at @values (transfer full), for a JSON
 * object member; written through sp_json_to_data, each reads back bit for
 * bit. */
JsonArray  *sp_json_array_new_doubles (const double *values,
                                       guint         n);

/* Serialises @root (any node: object, array or value).  @indent > 0 puts
 * one member or element per line, indented by @indent spaces per level,
 * in json-glib's pretty layout ("key" : value); 0 writes one line.
 * Strings are escaped by json-glib.  The text has no trailing newline. */
char       *sp_json_to_data       (JsonNode *root,
                                   guint     indent,
                                   gsize    *length);

G_END_DECLS
