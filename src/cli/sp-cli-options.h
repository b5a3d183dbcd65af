/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-options.h — the analysis flags shared by every spinodal-cli subcommand */
#pragma once

#include <glib.h>

#include "sp-model.h"
#include "sp-session.h"

G_BEGIN_DECLS

/* Exit statuses of spinodal-cli. */
#define SP_CLI_EXIT_OK       0
#define SP_CLI_EXIT_FAILURE  1   /* the work failed (e.g. a file could not be written) */
#define SP_CLI_EXIT_USAGE    2   /* bad or missing flags / values */

typedef struct _SpCliModelOptions SpCliModelOptions;

SpCliModelOptions *sp_cli_model_options_new    (void);
void               sp_cli_model_options_free   (SpCliModelOptions *opts);
/* An option group with --omega --temperature --s1 --stiffness --kappa --rk
 * --c0 --d0 --v0 --mobility --preset --session, each value checked against
 * its range while parsing (the GError names the flag and the allowed range;
 * for --session the file and the field). */
GOptionGroup      *sp_cli_model_options_group  (SpCliModelOptions *opts);
/* The model: the textbook defaults, replaced by the --session file's model,
 * replaced by the --preset's, with every flag given on the command line
 * applied on top. */
gboolean           sp_cli_model_options_resolve (SpCliModelOptions *opts,
                                                 SpModel           *model,
                                                 GError           **error);
/* The model flags given on the command line ("--omega, --c0, --preset"),
 * or NULL when none was: for commands that would ignore them. */
char              *sp_cli_model_options_describe_given (SpCliModelOptions *opts);
/* The preset id given with --preset (else the session's), or NULL. */
const char        *sp_cli_model_options_preset (SpCliModelOptions *opts);
/* The session loaded with --session (its simulation settings are the
 * defaults of `simulate`), or NULL. */
const SpSession   *sp_cli_model_options_session (SpCliModelOptions *opts);

/* Parses @text as a finite number in @range for the flag @flag ("--omega"…):
 * plain decimal notation only ("1e-8" and "-3.5", not " 2", "2 ", "0x10",
 * "inf"); a decimal comma gets a message saying to use '.'. */
gboolean           sp_cli_parse_number         (const char         *flag,
                                                const char         *text,
                                                const SpParamRange *range,
                                                double             *out,
                                                GError            **error);

/* Parses @text as a whole number in [@min, @max] for @flag: decimal digits
 * only (no sign, spaces, hexadecimal or exponent). */
gboolean           sp_cli_parse_integer        (const char         *flag,
                                                const char         *text,
                                                guint64             min,
                                                guint64             max,
                                                guint64            *out,
                                                GError            **error);

/* Parses the subcommand's command line without printing or exiting: FALSE
 * with @error on a bad flag or a stray argument.  Only GLib's own --help
 * handling exits (after printing the help), and only while help is enabled
 * on @context; the fuzzer disables it. */
gboolean           sp_cli_parse_args           (GOptionContext     *context,
                                                const char         *command,
                                                int                *argc,
                                                char             ***argv,
                                                GError            **error);
/* The same, printing one line "spinodal-cli <cmd>: <message>" to stderr on
 * error (the subcommands then exit with SP_CLI_EXIT_USAGE). */
gboolean           sp_cli_parse                (GOptionContext     *context,
                                                const char         *command,
                                                int                *argc,
                                                char             ***argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliModelOptions, sp_cli_model_options_free)

G_END_DECLS
