/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-nnls.h — non-negative least squares (Lawson & Hanson)
 *
 * min ‖A x − b‖₂ subject to x ≥ 0, by the active-set algorithm of Lawson &
 * Hanson, "Solving Least Squares Problems" (1974), ch. 23: columns move
 * into the passive set one at a time by the largest gradient component;
 * each passive subproblem is an unconstrained least-squares solve
 * (Householder QR); a step that would make a passive variable negative is
 * cut back to the boundary and that variable leaves.  GSL has no quadratic
 * programming; the DRT's non-negative, Tikhonov-regularised fit is this
 * problem on a stacked matrix.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @a: @m × @n, row-major; @b: @m; @x: @n (out).  Needs nothing of the rank
 * of @a (a passive column that is a combination of the others is not
 * admitted).  FALSE with an error when the iterations run out (3n outer,
 * 30n inner: never on a well-posed problem) or a solve fails. */
gboolean sp_nnls_solve (const double *a,
                        guint         m,
                        guint         n,
                        const double *b,
                        double       *x,
                        GError      **error);

/* The same problem given by its Gram matrix @h = AᵀA (@n × @n, row-major)
 * and @c = Aᵀb: each passive subproblem is a Cholesky solve of a block of
 * @h, O(k³) instead of O(m k²) — much faster when A is tall, as the DRT's
 * stacked matrix is — at the price of squaring the condition number.  A
 * passive block that is not numerically positive definite (reciprocal
 * condition below 1e-14) refuses the column just admitted, as a dependent
 * column does in sp_nnls_solve(). */
gboolean sp_nnls_solve_gram (const double *h,
                             const double *c,
                             guint         n,
                             double       *x,
                             GError      **error);

G_END_DECLS
