/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-export-eis-private.h — what the impedance export's two files
 * share: the figure's data and the model's construction */
#pragma once

#include "sp-circuit.h"
#include "sp-cli-export-eis.h"
#include "sp-eis-ceramic.h"

G_BEGIN_DECLS

struct _SpCliEisFigure
{
  GPtrArray             *spectra;      /* SpEisSpectrum */
  SpEisSpectrum         *model;
  SpCircuit             *circuit;      /* the model's, with its params */
  double                *params;
  char                  *model_label;
  SpEisFigureArc         arcs[SP_EIS_N_ARCS];
  char                  *arc_labels[SP_EIS_N_ARCS];
  SpEisFigureResiduals   residuals;
  double                *res_f, *res_re, *res_im;
  char                  *residuals_title;
  SpEisFigureDrt         drt;
  GArray                *drt_tau, *drt_gamma, *drt_peaks;
  GPtrArray             *arrhenius_data;  /* SpArrheniusData */
  SpEisFigureArrhenius  *arrhenius;
  char                 **arrhenius_labels;
  char                  *description;
  SpEisFigureData        eis;
};

/* "spinodal-cli export: MESSAGE" on standard error. */
void     sp_cli_export_eis_fail        (const char          *message);
/* The model spectrum from --circuit with --param, or from --ceramic with
 * --param overrides (its arcs labelled), on --f-min … --f-max or the
 * data's band; nothing when neither is given.  FALSE: printed why. */
gboolean sp_cli_export_eis_build_model (SpCliEisFigure      *figure,
                                        const SpCliEisFlags *flags);

G_END_DECLS
