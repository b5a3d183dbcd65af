/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-commands.h — the subcommands of spinodal-cli
 *
 * Each takes the subcommand's own argv (argv[0] is the subcommand name) and
 * returns the process exit status (SP_CLI_EXIT_*).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sp_cli_analyze  (int argc, char **argv);
int sp_cli_presets  (int argc, char **argv);
int sp_cli_bench    (int argc, char **argv);
int sp_cli_simulate (int argc, char **argv);
int sp_cli_export   (int argc, char **argv);
/* `eis SUBCOMMAND`: the table in sp-cli-eis.c; one function per subcommand. */
int sp_cli_eis          (int argc, char **argv);
int sp_cli_eis_simulate (int argc, char **argv);
int sp_cli_eis_kk       (int argc, char **argv);
int sp_cli_eis_drt      (int argc, char **argv);
int sp_cli_eis_fit      (int argc, char **argv);
int sp_cli_arrhenius (int argc, char **argv);
int sp_cli_kmc       (int argc, char **argv);
int sp_cli_qens      (int argc, char **argv);
int sp_cli_msd         (int argc, char **argv);
int sp_cli_extrapolate (int argc, char **argv);
int sp_cli_rate_sweep  (int argc, char **argv);

G_END_DECLS
