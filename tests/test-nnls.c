/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-nnls.c — Lawson–Hanson NNLS against brute-force enumeration of
 * every support set, the KKT conditions, and degenerate problems */

#include "config.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-nnls.h"

static double
objective (const double *a,
           guint         m,
           guint         n,
           const double *b,
           const double *x)
{
  double s = 0;

  for (guint i = 0; i < m; i++)
    {
      double r = b[i];

      for (guint j = 0; j < n; j++)
        r -= a[i * n + j] * x[j];
      s += r * r;
    }
  return s;
}

/* The optimum of min ‖Ax − b‖ over x ≥ 0 is the unconstrained solution on
 * its support, all positive there: try every support (columns of full
 * rank), keep the feasible ones, take the best. */
static double
brute_force (const double *a,
             guint         m,
             guint         n,
             const double *b,
             double       *best_x)
{
  double best = objective (a, m, n, b, (double[16]) { 0 });

  memset (best_x, 0, n * sizeof (double));
  for (guint mask = 1; mask < (1u << n); mask++)
    {
      guint k = (guint) __builtin_popcount (mask), c = 0;
      gsl_matrix *sub;
      gsl_vector *tau, *rhs, *sol, *res;
      double x[16] = { 0 };
      gboolean feasible = TRUE;

      if (k > m)
        continue;
      sub = gsl_matrix_alloc (m, k);
      tau = gsl_vector_alloc (k);
      rhs = gsl_vector_alloc (m);
      sol = gsl_vector_alloc (k);
      res = gsl_vector_alloc (m);
      for (guint j = 0; j < n; j++)
        if (mask & (1u << j))
          {
            for (guint i = 0; i < m; i++)
              gsl_matrix_set (sub, i, c, a[i * n + j]);
            c++;
          }
      for (guint i = 0; i < m; i++)
        gsl_vector_set (rhs, i, b[i]);
      g_assert_cmpint (gsl_linalg_QR_decomp (sub, tau), ==, GSL_SUCCESS);
      if (gsl_linalg_QR_lssolve (sub, tau, rhs, sol, res) == GSL_SUCCESS)
        {
          c = 0;
          for (guint j = 0; j < n; j++)
            if (mask & (1u << j))
              {
                x[j] = gsl_vector_get (sol, c++);
                if (!(x[j] > 0))
                  feasible = FALSE;
              }
          if (feasible)
            {
              double f = objective (a, m, n, b, x);

              if (f < best)
                {
                  best = f;
                  memcpy (best_x, x, n * sizeof (double));
                }
            }
        }
      gsl_matrix_free (sub);
      gsl_vector_free (tau);
      gsl_vector_free (rhs);
      gsl_vector_free (sol);
      gsl_vector_free (res);
    }
  return best;
}

static void
check_random (guint  m,
              guint  n,
              gulong seed)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double a[16 * 16], b[16], x[16], expected_x[16], f, expected;
  g_autoptr(GError) error = NULL;

  gsl_rng_set (rng, seed);
  for (guint i = 0; i < m * n; i++)
    a[i] = gsl_ran_gaussian (rng, 1);
  for (guint i = 0; i < m; i++)
    b[i] = gsl_ran_gaussian (rng, 1);
  gsl_rng_free (rng);

  g_assert_true (sp_nnls_solve (a, m, n, b, x, &error));
  g_assert_no_error (error);
  for (guint j = 0; j < n; j++)
    g_assert_cmpfloat (x[j], >=, 0);
  f = objective (a, m, n, b, x);
  expected = brute_force (a, m, n, b, expected_x);
  g_assert_cmpfloat (fabs (f - expected), <=, 1e-10 * MAX (expected, 1e-300) + 1e-14);
  /* Random Gaussian columns are in general position: the optimum is
   * unique. */
  if (m >= n)
    for (guint j = 0; j < n; j++)
      g_assert_cmpfloat (fabs (x[j] - expected_x[j]), <=, 1e-9 * (1 + fabs (expected_x[j])));

  /* The Gram form reaches the same optimum (to the precision the squared
   * condition number leaves). */
  {
    double h[16 * 16], c[16], xg[16];

    for (guint j = 0; j < n; j++)
      {
        c[j] = 0;
        for (guint i = 0; i < m; i++)
          c[j] += a[i * n + j] * b[i];
        for (guint k = 0; k < n; k++)
          {
            h[j * n + k] = 0;
            for (guint i = 0; i < m; i++)
              h[j * n + k] += a[i * n + j] * a[i * n + k];
          }
      }
    g_assert_true (sp_nnls_solve_gram (h, c, n, xg, &error));
    g_assert_no_error (error);
    for (guint j = 0; j < n; j++)
      g_assert_cmpfloat (xg[j], >=, 0);
    g_assert_cmpfloat (fabs (objective (a, m, n, b, xg) - expected), <=,
                       1e-8 * MAX (expected, 1e-300) + 1e-12);
    if (m >= n)
      for (guint j = 0; j < n; j++)
        g_assert_cmpfloat (fabs (xg[j] - expected_x[j]), <=, 1e-6 * (1 + fabs (expected_x[j])));
  }

  /* KKT: the gradient Aᵀ(b − Ax) is ≤ 0 where x = 0 and 0 where x > 0. */
  for (guint j = 0; j < n; j++)
    {
      double g = 0;

      for (guint i = 0; i < m; i++)
        {
          double r = b[i];

          for (guint k = 0; k < n; k++)
            r -= a[i * n + k] * x[k];
          g += a[i * n + j] * r;
        }
      if (x[j] > 0)
        g_assert_cmpfloat (fabs (g), <, 1e-10);
      else
        g_assert_cmpfloat (g, <, 1e-10);
    }
}

static void
test_brute_force (void)
{
  for (gulong seed = 1; seed <= 100; seed++)
    {
      check_random (8, 5, seed);
      check_random (6, 6, seed + 1000);
      check_random (12, 8, seed + 2000);
      /* Fewer equations than unknowns: the optimum value still matches. */
      check_random (4, 7, seed + 3000);
    }
}

static void
test_exact_nonnegative (void)
{
  /* b = A x* with x* ≥ 0 (two zeros): recovered to round-off. */
  const double x_true[5] = { 1.5, 0, 2.25, 0, 0.125 };
  double a[9 * 5], b[9], x[5];
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 45; i++)
    a[i] = gsl_ran_gaussian (rng, 1);
  gsl_rng_free (rng);
  for (guint i = 0; i < 9; i++)
    {
      b[i] = 0;
      for (guint j = 0; j < 5; j++)
        b[i] += a[i * 5 + j] * x_true[j];
    }
  g_assert_true (sp_nnls_solve (a, 9, 5, b, x, &error));
  for (guint j = 0; j < 5; j++)
    g_assert_cmpfloat_with_epsilon (x[j], x_true[j], 1e-12);
}

static void
test_degenerate (void)
{
  g_autoptr(GError) error = NULL;
  /* b in the negative cone: x = 0. */
  const double a1[] = { 1, 0, 0, 1, 1, 1 };
  const double b1[] = { -1, -2, -3 };
  /* Two equal columns: the optimum value is reached, whatever the split. */
  const double a2[] = { 1, 1, 0, 2, 2, 1, 3, 3, 0 };
  const double b2[] = { 2, 5, 6 };
  /* A zero column and a zero right-hand side. */
  const double a3[] = { 0, 1, 0, 2 };
  const double b3[] = { 0, 0 };
  double x[3], xe[3];

  g_assert_true (sp_nnls_solve (a1, 3, 2, b1, x, &error));
  g_assert_cmpfloat (x[0], ==, 0);
  g_assert_cmpfloat (x[1], ==, 0);

  g_assert_true (sp_nnls_solve (a2, 3, 3, b2, x, &error));
  g_assert_cmpfloat_with_epsilon (objective (a2, 3, 3, b2, x),
                                  brute_force (a2, 3, 3, b2, xe), 1e-12);

  g_assert_true (sp_nnls_solve (a3, 2, 2, b3, x, &error));
  g_assert_cmpfloat (x[0], ==, 0);
  g_assert_cmpfloat (x[1], ==, 0);
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nnls/brute-force", test_brute_force);
  g_test_add_func ("/nnls/exact-nonnegative", test_exact_nonnegative);
  g_test_add_func ("/nnls/degenerate", test_degenerate);
  return g_test_run ();
}
