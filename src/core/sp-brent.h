/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-brent.h — a bracketed root with GSL's Brent solver, in one call */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Brent steps before sp_brent_root() gives up.  A simple root takes a few
 * dozen; a multiple one converges only linearly (the triple root in
 * tests/test-brent.c takes 212 to a relative 1e−12). */
#define SP_BRENT_MAX_ITER 1000

/* The root of @f in [lo, hi] (f(lo) and f(hi) of opposite signs) to
 * gsl_root_test_interval (epsabs, epsrel).  FALSE, with *root untouched,
 * when the bracket holds no sign change, when a step fails (@f returned a
 * non-finite value) or when SP_BRENT_MAX_ITER steps did not meet the
 * tolerance.  Needs GSL's error handler off (sp_gsl_init()). */
gboolean sp_brent_root (double (*f) (double x, void *data),
                        void    *data,
                        double   lo,
                        double   hi,
                        double   epsabs,
                        double   epsrel,
                        double  *root);

G_END_DECLS
