/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kinetics.h — chemical diffusivity and linear stability */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

/* D_chem(c) = M(c) g''(c) in nm²/s: negative inside the spinodal. */
double   sp_kinetics_dchem          (const SpModel *model,
                                     double         c);

/* σ(k) = −M(c0) k² (g''(c0) + κ k²) in 1/s, k in 1/nm. */
double   sp_kinetics_growth_rate    (const SpModel *model,
                                     double         k);

typedef struct
{
  gboolean unstable;     /* g''(c0) < 0: the rest is defined only then */
  double   k_max;        /* edge of the unstable band, √(−g''/κ), 1/nm   */
  double   k_star;       /* fastest mode √(−g''/(2κ)), 1/nm             */
  double   lambda_star;  /* 2π/k*, nm                                    */
  double   sigma_max;    /* M g''² / (4κ), 1/s                           */
} SpDispersion;

void     sp_kinetics_dispersion     (const SpModel *model,
                                     SpDispersion  *out);

G_END_DECLS
