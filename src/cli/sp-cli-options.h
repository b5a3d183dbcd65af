/* sp-cli-options.h — the analysis flags shared by every spinodal-cli subcommand */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

/* Exit statuses of spinodal-cli. */
#define SP_CLI_EXIT_OK       0
#define SP_CLI_EXIT_FAILURE  1   /* the work failed (e.g. a file could not be written) */
#define SP_CLI_EXIT_USAGE    2   /* bad or missing flags / values */

typedef struct _SpCliModelOptions SpCliModelOptions;

SpCliModelOptions *sp_cli_model_options_new    (void);
void               sp_cli_model_options_free   (SpCliModelOptions *opts);
/* An option group with --omega --temperature --s1 --stiffness --kappa --rk
 * --c0 --d0 --v0 --mobility --preset, each value checked against its range
 * while parsing (the GError names the flag and the allowed range). */
GOptionGroup      *sp_cli_model_options_group  (SpCliModelOptions *opts);
/* The model: the preset (or the textbook defaults) with every flag given on
 * the command line applied on top. */
gboolean           sp_cli_model_options_resolve (SpCliModelOptions *opts,
                                                 SpModel           *model,
                                                 GError           **error);
/* The preset id given with --preset, or NULL. */
const char        *sp_cli_model_options_preset (SpCliModelOptions *opts);

/* Parses @text as a finite number in @range for the flag @flag ("--grid"…). */
gboolean           sp_cli_parse_number         (const char         *flag,
                                                const char         *text,
                                                const SpParamRange *range,
                                                double             *out,
                                                GError            **error);

/* Parses the subcommand's command line; on error prints one line
 * "spinodal-cli <cmd>: <message>" to stderr and returns FALSE. */
gboolean           sp_cli_parse                (GOptionContext     *context,
                                                const char         *command,
                                                int                *argc,
                                                char             ***argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliModelOptions, sp_cli_model_options_free)

G_END_DECLS
