/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-handout.h — `spinodal-cli export --handout` */
#pragma once

#include "sp-cli-options.h"

G_BEGIN_DECLS

/* Writes the handout PDF to @output; @lesson_arg (a shipped lesson's name
 * or a file) and @paper_arg ("a4", "letter") may be NULL.  Returns the
 * exit status, the problem printed. */
int sp_cli_export_handout (SpCliModelOptions *model_opts,
                           const char        *lesson_arg,
                           const char        *paper_arg,
                           const char        *output);

G_END_DECLS
