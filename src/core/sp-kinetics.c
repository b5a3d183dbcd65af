/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-kinetics.c — chemical diffusivity and the linear stability of a
 * uniform composition (PHYSICS.md, Kinetics) */

#include "config.h"

#include <math.h>

#include "sp-kinetics.h"

double
sp_kinetics_dchem (const SpModel *model,
                   double         c)
{
  return sp_model_mobility (model, c) * sp_model_g2 (model, c);
}

double
sp_kinetics_growth_rate (const SpModel *model,
                         double         k)
{
  double k2 = k * k;

  return -sp_model_mobility (model, model->c0) * k2
         * (sp_model_g2 (model, model->c0) + model->kappa * k2);
}

void
sp_kinetics_dispersion (const SpModel *model,
                        SpDispersion  *out)
{
  double g2 = sp_model_g2 (model, model->c0);

  *out = (SpDispersion) { .unstable = g2 < 0.0 };
  if (!out->unstable)
    return;

  out->k_max = sqrt (-g2 / model->kappa);
  out->k_star = sqrt (-g2 / (2.0 * model->kappa));
  out->lambda_star = 2.0 * G_PI * sqrt (2.0 * model->kappa / -g2);
  out->sigma_max = sp_model_mobility (model, model->c0) * g2 * g2 / (4.0 * model->kappa);
}
