/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-eis-common.h — what the `eis` analysis subcommands (kk, drt, fit)
 * share: their error line, their JSON numbers and arrays, the padded rows of
 * their tables and the reading of --data */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "sp-circuit.h"
#include "sp-eis-read.h"

G_BEGIN_DECLS

void           sp_cli_eis_fail             (const char   *command,
                                            const char   *message);

void           sp_cli_eis_json_add_array   (JsonBuilder  *builder,
                                            const char   *key,
                                            const double *values,
                                            guint         n);
void           sp_cli_eis_print_json       (JsonBuilder  *builder);

void           sp_cli_eis_print_row        (const char   *label,
                                            const char   *value);

gboolean       sp_cli_eis_require_data     (const char   *command,
                                            const char   *data);
SpEisSpectrum *sp_cli_eis_read_data        (const char   *command,
                                            const char   *data);
int            sp_cli_eis_analysis_failed  (const char   *command,
                                            const char   *data,
                                            const GError *error);

gboolean       sp_cli_eis_split_assignment (const char   *command,
                                            const char   *text,
                                            char        **name,
                                            const char  **value);
gboolean       sp_cli_eis_circuit_params   (const char   *command,
                                            const char   *circuit_text,
                                            char *const  *param_list,
                                            SpCircuit   **circuit_out,
                                            double      **params_out);
gboolean       sp_cli_eis_parse_grid       (const char   *command,
                                            const char   *f_min_text,
                                            const char   *f_max_text,
                                            const char   *points_per_decade_text,
                                            double       *f_min,
                                            double       *f_max,
                                            double       *points_per_decade);

G_END_DECLS
