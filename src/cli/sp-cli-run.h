/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-run.h — the simulation flags and run loop shared by `simulate`
 * and `export` (which runs the simulation before drawing the field and
 * diagnostics figures) */
#pragma once

#include <glib.h>

#include "sp-ch.h"
#include "sp-cli-options.h"

G_BEGIN_DECLS

typedef struct _SpCliSimOptions SpCliSimOptions;

/* A resolved run: the engine's parameters and when to stop and sample. */
typedef struct
{
  SpChParams params;
  gboolean   pfhub;     /* --model pfhub1a                         */
  double     t_end;
  gboolean   t_end_given; /* --t-end was on the command line        */
  guint      frames;    /* sampling intervals (see sp_cli_sim_run) */
} SpCliSim;

SpCliSimOptions *sp_cli_sim_options_new      (void);
void             sp_cli_sim_options_free     (SpCliSimOptions   *opts);
/* Adds --model --grid --length --t-end --dt-max --seed --noise --frames to
 * the context's main entries. */
void             sp_cli_sim_options_add      (SpCliSimOptions   *opts,
                                              GOptionContext    *context);
/* Checks the flags and fills @sim (the model from @model_opts); on a bad
 * flag prints one line "spinodal-cli <command>: …" and returns FALSE. */
gboolean         sp_cli_sim_options_resolve  (SpCliSimOptions   *opts,
                                              SpCliModelOptions *model_opts,
                                              const char        *command,
                                              SpCliSim          *sim);

/* Whether --grid was given (the rate sweep has its own default grid). */
gboolean         sp_cli_sim_options_grid_given (const SpCliSimOptions *opts);

/* Called after each sample time is reached. */
typedef void (*SpCliSimSample) (SpCh     *ch,
                                guint     index,
                                gpointer  user_data);

/* Runs @ch from t = 0 and samples at t = 0, then @frames times evenly up to
 * t_end (PFHub: log-spaced from 1, landing on every decade), printing
 * progress to stderr every two seconds. */
gboolean         sp_cli_sim_run              (const SpCliSim    *sim,
                                              SpCh              *ch,
                                              const char        *command,
                                              SpCliSimSample     sample,
                                              gpointer           user_data,
                                              GError           **error);

/* Fails early, before a long run, when @path (may be NULL) cannot be
 * created; prints one line naming it.  "-" (standard output) passes. */
gboolean         sp_cli_check_writable       (const char        *command,
                                              const char        *path);

/* Writes @n files all or nothing (sp_file_batch): either every path holds
 * its new contents or none changed.  A path "-" is standard output.  On
 * failure prints one line naming the path. */
gboolean         sp_cli_write_files          (const char         *command,
                                              guint               n,
                                              const char *const  *paths,
                                              GBytes     *const  *contents);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCliSimOptions, sp_cli_sim_options_free)

G_END_DECLS
