/* sp-critical.h — the critical (upper consolute) temperature */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

/* The highest T at which a miscibility gap exists, with the composition of
 * the critical point.  Closed form T_c = (Ω − K)/(k_B (2 + s1)), c_c = 1/2
 * for the symmetric model; otherwise GSL's Brent solver on T for
 * min_c g''(c; T) = 0.  Returns FALSE when no T > 0 gives a gap, or when a
 * gap persists at every temperature (no upper critical point). */
gboolean sp_critical_point (const SpModel *model,
                            double        *t_c,
                            double        *c_c);

/* The numerical search alone (used for asymmetric models; exposed so tests
 * can check it against the closed form). */
gboolean sp_critical_point_search (const SpModel *model,
                                   double        *t_c,
                                   double        *c_c);

/* min over 0 < c < 1 of g''(c) at the model's temperature, and where. */
double   sp_g2_minimum     (const SpModel *model,
                            double        *c_at_min);

G_END_DECLS
