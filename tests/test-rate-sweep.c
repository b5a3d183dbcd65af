/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rate-sweep.c — the rate sweep: its linear-stability estimate
 * against a hand computation, the runs' contrast trend on 64², cancelling,
 * the rates' parser and the JSON and CSV it writes */

#include "config.h"

#include <math.h>

#include "sp-drive.h"
#include "sp-equilibrium.h"
#include "sp-gsl.h"
#include "sp-json.h"
#include "sp-rate-sweep.h"

/* ---- the estimate against an independent computation --------------------- */

typedef struct
{
  double kt, k0, r;
  double omega_eff, stiffness;
} Hand;

/* g'' of the symmetric regular solution (PHYSICS.md), written out here
 * rather than taken from sp-model.c. */
static double
hand_g2 (const Hand *h, double c)
{
  return h->kt / (c * (1.0 - c)) - 2.0 * h->omega_eff + 2.0 * h->stiffness;
}

/* ρ = −∂R/∂μ at α = ½ in closed form: with s = r/(2 k0 f),
 * e^{−x/2} − e^{x/2} = 2s gives cosh(x/2) = √(1 + s²). */
static double
hand_rho (const Hand *h, double c)
{
  double kf = h->k0 * c * (1.0 - c), s = h->r / (2.0 * kf);

  return kf / h->kt * sqrt (1.0 + s * s);
}

/* Composite Simpson on [a, b] with @n (even) intervals. */
static double
simpson (double (*f) (const Hand *, double), const Hand *h, double a, double b, guint n)
{
  double step = (b - a) / n, sum = f (h, a) + f (h, b);

  for (guint i = 1; i < n; i++)
    sum += (i % 2 == 1 ? 4.0 : 2.0) * f (h, a + i * step);
  return sum * step / 3.0;
}

static double
hand_rho_g2 (const Hand *h, double c)
{
  return hand_rho (h, c) * hand_g2 (h, c);
}

/* ∫ c(1−c) = c²/2 − c³/3. */
static double
poly (double c)
{
  return c * c / 2.0 - c * c * c / 3.0;
}

/* A stretch's A = ∫M, B = ∫(Mg'' + κρ), C = ∫ρg'', L = ln(f(b)/f(a)):
 * site-blocking M = m0 c(1−c) in closed form, ρ by Simpson. */
typedef struct
{
  double a, b, c, l;
} HandStretch;

static void
hand_stretch (const SpModel *m,
              const Hand    *h,
              double         lo,
              double         hi,
              HandStretch   *st)
{
  double m0 = m->d0 / h->kt;

  st->a = m0 * (poly (hi) - poly (lo));
  st->b = m0 * (h->kt * (hi - lo) - 2.0 * (h->omega_eff - h->stiffness) * (poly (hi) - poly (lo))) +
          m->kappa * simpson (hand_rho, h, lo, hi, 200000);
  st->c = simpson (hand_rho_g2, h, lo, hi, 200000);
  st->l = log ((hi * (1.0 - hi)) / (lo * (1.0 - lo)));
}

static double
hand_gain (const SpModel *m, const Hand *h, const HandStretch *st, double q)
{
  return (-m->kappa * st->a * q * q - st->b * q - st->c) / h->r + st->l;
}

static void
check_gain (const SpChParams *p,
            double            c_rate)
{
  const SpModel *m = &p->model;
  Hand h = { sp_model_kt (m), p->drive.k0, c_rate / 3600.0,
             sp_model_omega_eff (m), m->stiffness };
  /* The symmetric spinodal: c(1−c) = k_BT/(2(Ω_eff − K)). */
  double edge = 0.5 * (1.0 - sqrt (1.0 - 2.0 * h.kt / (h.omega_eff - h.stiffness)));
  double q_min = pow (2.0 * G_PI / p->length, 2.0), q, expected, k_star = 0.0, gain;
  HandStretch stable, unstable;

  hand_stretch (m, &h, p->drive.c_lo, edge, &stable);
  hand_stretch (m, &h, edge, 0.5, &unstable);
  q = MAX (-unstable.b / (2.0 * m->kappa * unstable.a), q_min);
  /* What is left of the seeded wave and the fresh fluctuations at the
   * edge add in quadrature. */
  expected = 0.5 * log (1.0 + exp (2.0 * hand_gain (m, &h, &stable, q))) +
             hand_gain (m, &h, &unstable, q);
  gain = sp_rate_sweep_gain (p, c_rate, &k_star);
  g_assert_cmpfloat_with_epsilon (gain, expected, 1e-9 * fabs (expected));
  g_assert_cmpfloat_with_epsilon (k_star, sqrt (q), 1e-12 * sqrt (q));
}

static void
test_gain_hand (void)
{
  SpModel model;
  SpChParams p;

  sp_model_init_default (&model);
  g_assert_cmpint (model.mobility, ==, SP_MOBILITY_SITE_BLOCKING);
  sp_rate_sweep_params_init (&p, &model, 64);
  p.drive.alpha = 0.5;
  /* Slow, near critical and fast; a slow reaction and a fast one. */
  for (double k0 = 0.05; k0 < 100.0; k0 *= 40.0)
    {
      p.drive.k0 = k0;
      check_gain (&p, 0.1);
      check_gain (&p, 30.0);
      check_gain (&p, 3000.0);
    }
  /* With strain the gap and the spinodal shrink: still the same sums. */
  model.stiffness = 10.0;
  sp_rate_sweep_params_init (&p, &model, 64);
  check_gain (&p, 5.0);

  /* A reaction so fast it drives the longest wave: q* < q_min, clamped. */
  sp_model_init_default (&model);
  sp_rate_sweep_params_init (&p, &model, 64);
  p.drive.k0 = 1e5;
  {
    double k_star;

    check_gain (&p, 1.0);
    sp_rate_sweep_gain (&p, 1.0, &k_star);
    g_assert_cmpfloat_with_epsilon (k_star, 2.0 * G_PI / p.length, 1e-12 * k_star);
  }
}

static void
test_estimate (void)
{
  SpModel model;
  SpChParams p;
  SpRateSweepEstimate e;

  sp_model_init_default (&model);
  sp_rate_sweep_params_init (&p, &model, 64);
  sp_rate_sweep_estimate (&p, &e);
  g_assert_true (e.unstable);
  g_assert_cmpfloat (e.c_from, ==, 0.02);
  g_assert_cmpfloat (e.c_to, ==, 0.5);
  g_assert_cmpfloat_with_epsilon (e.amplitude0, 0.01 * sqrt (2.0 / 3.0) / 64, 1e-18);
  /* The symmetric gap of Ω/k_BT = 4 is 0.0214 … 0.9786. */
  g_assert_cmpfloat_with_epsilon (e.threshold, 0.5 * (1.0 - 2.0 * 0.02140), 2e-4);
  g_assert_cmpfloat_with_epsilon (e.e_folds, log (0.5 * e.threshold / e.amplitude0), 1e-14);
  g_assert_true (isfinite (e.critical_c_rate));
  /* It solves G = N, and G falls through N there. */
  g_assert_cmpfloat_with_epsilon (sp_rate_sweep_gain (&p, e.critical_c_rate, NULL), e.e_folds,
                                  1e-8);
  g_assert_cmpfloat (sp_rate_sweep_gain (&p, 0.9 * e.critical_c_rate, NULL), >, e.e_folds);
  g_assert_cmpfloat (sp_rate_sweep_gain (&p, 1.1 * e.critical_c_rate, NULL), <, e.e_folds);
  g_test_message ("textbook, k0 = %g/s: estimated critical rate %.4gC", p.drive.k0,
                  e.critical_c_rate);

  /* Less noise needs more e-folds: a lower rate already denies them. */
  {
    SpRateSweepEstimate quiet;

    p.noise = 0.005;
    sp_rate_sweep_estimate (&p, &quiet);
    g_assert_cmpfloat (quiet.e_folds, ==, e.e_folds + log (2.0));
    g_assert_cmpfloat (quiet.critical_c_rate, <, e.critical_c_rate);
  }
  /* At high rates the gain levels off (ρ → αr/k_BT, Tafel: the reaction's
   * gain per unit of c̄ no longer falls with the rate) ... */
  {
    double g4 = sp_rate_sweep_gain (&p, 1e4, NULL), g5 = sp_rate_sweep_gain (&p, 1e5, NULL);

    g_assert_cmpfloat (g5, <, g4);
    g_assert_cmpfloat (g4 - g5, <, 0.05);
    g_assert_cmpfloat (g5, >, 1.0);
    g_test_message ("the Tafel floor: %.4f e-folds", g5);
    /* ... so when fewer e-folds are needed than that, no rate suppresses. */
    p.noise = 0.45;
    p.n = 16;
    sp_rate_sweep_estimate (&p, &e);
    g_assert_true (e.unstable);
    g_assert_cmpfloat (e.e_folds, <, g5);
    g_assert_true (isnan (e.critical_c_rate));
  }

  /* LiFePO₄'s parameters (PHYSICS.md): strain K shrinks the spinodal. */
  {
    SpChParams lfp;

    model.omega = 115.8;
    model.temperature = 298.0;
    model.stiffness = 43.4;
    model.kappa = 227.0;
    model.d0 = 0.53;
    sp_rate_sweep_params_init (&lfp, &model, 64);
    check_gain (&lfp, 3.0);
    sp_rate_sweep_estimate (&lfp, &e);
    g_assert_true (e.unstable);
    g_assert_true (isfinite (e.critical_c_rate));
    g_assert_cmpfloat_with_epsilon (sp_rate_sweep_gain (&lfp, e.critical_c_rate, NULL), e.e_folds,
                                    1e-8);
    g_test_message ("LiFePO4, k0 = %g/s: estimated critical rate %.4gC", lfp.drive.k0,
                    e.critical_c_rate);
    sp_model_init_default (&model);
  }

  /* A solid solution at ½ (Ω/k_BT = 1.5): nothing to estimate. */
  model.omega = 1.5 * sp_model_kt (&model);
  sp_rate_sweep_params_init (&p, &model, 64);
  sp_rate_sweep_estimate (&p, &e);
  g_assert_false (e.unstable);
  g_assert_true (isnan (e.critical_c_rate));
  g_assert_true (isnan (e.threshold));
}

/* ---- rates ------------------------------------------------------------------ */

static void
test_parse_rates (void)
{
  g_autoptr(GArray) rates = NULL;
  const char *bad[] = { "", "1,,2", "0", "-1", "abc", "1e6", "1,1", "nan", "2,0x10", "1;2" };

  g_assert_true (sp_rate_sweep_parse_rates ("10,0.01,1,0.1", &rates, NULL));
  g_assert_cmpuint (rates->len, ==, 4);
  g_assert_cmpfloat (g_array_index (rates, double, 0), ==, 0.01);
  g_assert_cmpfloat (g_array_index (rates, double, 3), ==, 10.0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GArray *none = NULL;

      g_assert_false (sp_rate_sweep_parse_rates (bad[i], &none, &error));
      g_assert_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID);
      g_assert_null (none);
      g_assert_nonnull (strstr (error->message, "--c-rates"));
    }
  {
    g_autoptr(GString) many = g_string_new ("1");
    g_autoptr(GError) error = NULL;
    GArray *none = NULL;

    for (int i = 2; i <= SP_RATE_SWEEP_MAX_RATES + 1; i++)
      g_string_append_printf (many, ",%d", i);
    g_assert_false (sp_rate_sweep_parse_rates (many->str, &none, &error));
    g_assert_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID);
  }
}

static void
test_default_rates (void)
{
  SpRateSweepEstimate e = { .unstable = TRUE, .critical_c_rate = 4.2 };
  g_autoptr(GArray) rates = sp_rate_sweep_default_rates (&e);
  const double expected[] = { 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0 };

  /* 4.2 rounds to the half-decade 3.16: three half-decades either side. */
  g_assert_cmpuint (rates->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rates->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (rates, double, i), expected[i],
                                    1e-12 * expected[i]);
  g_array_unref (g_steal_pointer (&rates));
  e.unstable = FALSE;
  rates = sp_rate_sweep_default_rates (&e);
  g_assert_cmpfloat (g_array_index (rates, double, 3), ==, 1.0);
}

/* ---- the runs -------------------------------------------------------------- */

static void
sweep_params (SpChParams *p)
{
  SpModel model;

  sp_model_init_default (&model);
  sp_rate_sweep_params_init (p, &model, 64);
}

static void
test_run_trend (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRateSweepResult) r = NULL;
  SpChParams p;
  /* Either side of the critical rate (the estimate says 126C). */
  const double rates[] = { 1000.0, 3.0, 30.0, 300.0 };

  sweep_params (&p);
  r = sp_rate_sweep_run (&p, rates, G_N_ELEMENTS (rates), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpuint (r->n_points, ==, 4);
  for (guint i = 0; i < r->n_points; i++)
    g_test_message ("%gC: contrast %.4f, V %.5f / %.5f, gap %.2f mV, G %.2f, %" G_GUINT64_FORMAT
                    " steps, %.2f s", r->points[i].c_rate, r->points[i].contrast,
                    r->points[i].v_discharge, r->points[i].v_charge,
                    1000 * r->points[i].voltage_gap, r->points[i].gain, r->points[i].steps,
                    r->points[i].seconds);
  /* Ascending, whatever order they came in. */
  g_assert_cmpfloat (r->points[0].c_rate, ==, 3.0);
  g_assert_cmpfloat (r->points[3].c_rate, ==, 1000.0);
  /* Slow: split (about the whole gap); fast: a solid solution; the
   * contrast falls with the rate and the voltage gap grows. */
  g_assert_true (r->points[0].separated);
  g_assert_cmpfloat (r->points[0].contrast, >, 0.8 * (r->c_beta - r->c_alpha));
  g_assert_false (r->points[3].separated);
  for (guint i = 0; i + 1 < r->n_points; i++)
    {
      /* Split runs all sit near the full gap (within 0.01 of each other). */
      g_assert_cmpfloat (r->points[i + 1].contrast, <=, r->points[i].contrast + 0.01);
      g_assert_cmpfloat (r->points[i + 1].voltage_gap, >, r->points[i].voltage_gap);
      g_assert_cmpfloat (r->points[i].gain, >, r->points[i + 1].gain);
    }
  /* Discharge below the plateau, charge above it. */
  for (guint i = 0; i < r->n_points; i++)
    g_assert_cmpfloat (r->points[i].v_discharge, <, r->points[i].v_charge);
  g_assert_cmpint (r->critical_kind, ==, SP_RATE_SWEEP_CRITICAL_FOUND);
  g_assert_cmpfloat (r->critical_c_rate, >, 3.0);
  g_assert_cmpfloat (r->critical_c_rate, <, 1000.0);
  g_test_message ("critical rate: runs %.3gC, estimate %.3gC", r->critical_c_rate,
                  r->estimate.critical_c_rate);
  /* The linear estimate lands within a factor of three of the runs. */
  g_assert_cmpfloat (r->estimate.critical_c_rate, >, r->critical_c_rate / 3.0);
  g_assert_cmpfloat (r->estimate.critical_c_rate, <, r->critical_c_rate * 3.0);

  /* The same seed: the same numbers, bit for bit. */
  {
    g_autoptr(SpRateSweepResult) again = sp_rate_sweep_run (&p, rates, 1, NULL, NULL, NULL,
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (again->points[0].contrast, ==, r->points[3].contrast);
    g_assert_cmpfloat (again->points[0].voltage_gap, ==, r->points[3].voltage_gap);
  }
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  guint         calls_after_cancel;
} CancelState;

static void
cancel_on_first (guint    rate_index,
                 guint    n_rates,
                 double   fraction,
                 gpointer user_data)
{
  CancelState *s = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  if (g_cancellable_is_cancelled (s->cancellable))
    s->calls_after_cancel++;
  s->calls++;
  g_cancellable_cancel (s->cancellable);
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SpRateSweepResult *r;
  CancelState s = { cancellable, 0, 0 };
  SpChParams p;
  const double rates[] = { 0.01, 0.1 };
  gint64 start = g_get_monotonic_time ();

  sweep_params (&p);
  r = sp_rate_sweep_run (&p, rates, G_N_ELEMENTS (rates), cancel_on_first, &s, cancellable,
                         &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Stopped at the next step: no further progress reported. */
  g_assert_cmpuint (s.calls, ==, 1);
  g_assert_cmpuint (s.calls_after_cancel, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* Cancelled before it starts: nothing runs. */
  g_clear_error (&error);
  r = sp_rate_sweep_run (&p, rates, 1, NULL, NULL, cancellable, &error);
  g_assert_null (r);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_bad_input (void)
{
  SpChParams p;
  const double bad_rate[] = { 1e9 };
  const double ok_rate[] = { 1.0 };

  sweep_params (&p);
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sp_rate_sweep_run (&p, ok_rate, 0, NULL, NULL, NULL, &error));
    g_assert_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (sp_rate_sweep_run (&p, bad_rate, 1, NULL, NULL, NULL, &error));
    g_assert_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;

    p.drive.c_hi = 0.4;
    g_assert_null (sp_rate_sweep_run (&p, ok_rate, 1, NULL, NULL, NULL, &error));
    g_assert_error (error, SP_RATE_SWEEP_ERROR, SP_RATE_SWEEP_ERROR_INVALID);
  }
}

/* A result made by hand, for the writers. */
static SpRateSweepResult *
fake_result (void)
{
  g_autoptr(GError) error = NULL;
  SpChParams p;
  const double rates[] = { 3000.0, 10000.0 };

  /* Two fast runs: a second or so. */
  sweep_params (&p);
  return sp_rate_sweep_run (&p, rates, 2, NULL, NULL, NULL, &error);
}

static void
test_json (void)
{
  g_autoptr(SpRateSweepResult) r = fake_result ();
  g_autoptr(JsonNode) root = sp_rate_sweep_result_to_json (r);
  g_autofree char *text = sp_json_to_data (root, 2, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o, *first;
  JsonArray *rates;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  rates = json_object_get_array_member (o, "rates");
  g_assert_cmpuint (json_array_get_length (rates), ==, 2);
  first = json_array_get_object_element (rates, 0);
  g_assert_cmpfloat (json_object_get_double_member (first, "c_rate"), ==, 3000.0);
  g_assert_cmpfloat (json_object_get_double_member (first, "contrast"), ==, r->points[0].contrast);
  g_assert_cmpfloat (json_object_get_double_member (first, "voltage_gap_V"), ==,
                     r->points[0].voltage_gap);
  g_assert_true (json_object_has_member (first, "v_discharge_V"));
  g_assert_true (json_object_has_member (first, "v_charge_V"));
  g_assert_true (json_object_has_member (first, "gain_e_folds"));
  g_assert_true (json_object_has_member (first, "separated"));
  /* Not bracketed by two fast rates: null, and said why. */
  g_assert_true (json_object_has_member (o, "critical_c_rate"));
  g_assert_true (json_node_is_null (json_object_get_member (o, "critical_c_rate")));
  g_assert_cmpstr (json_object_get_string_member (o, "critical"), ==, "below");
  g_assert_cmpfloat (json_object_get_double_member (o, "estimated_critical_c_rate"), ==,
                     r->estimate.critical_c_rate);
  g_assert_cmpint (json_object_get_int_member (o, "grid"), ==, 64);
}

static void
test_csv (void)
{
  g_autoptr(SpRateSweepResult) r = fake_result ();
  g_autoptr(GString) csv = sp_rate_sweep_result_to_csv (r);
  g_auto(GStrv) lines = g_strsplit (csv->str, "\n", -1);
  g_auto(GStrv) cells = NULL;
  guint header = 0;

  /* "# " comments (version, model, settings, columns), the header, rows. */
  g_assert_true (g_str_has_prefix (lines[0], "# Spinodal "));
  while (lines[header] != NULL && lines[header][0] == '#')
    header++;
  g_assert_nonnull (strstr (csv->str, "\n# k0 = 1 1/s\n"));
  g_assert_cmpstr (lines[header], ==, "c_rate,contrast,voltage_gap_V,v_discharge_V,v_charge_V,"
                                      "gain_e_folds,separated");
  g_assert_cmpuint (g_strv_length (lines), ==, header + 4);   /* header, two rows, "" */
  cells = g_strsplit (lines[header + 2], ",", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 7);
  g_assert_cmpfloat (g_ascii_strtod (cells[0], NULL), ==, 10000.0);
  /* Every number reads back exactly. */
  g_assert_cmpfloat (g_ascii_strtod (cells[1], NULL), ==, r->points[1].contrast);
  g_assert_cmpfloat (g_ascii_strtod (cells[2], NULL), ==, r->points[1].voltage_gap);
  g_assert_cmpstr (cells[6], ==, "0");
}

int
main (int    argc,
      char **argv)
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rate-sweep/gain-hand", test_gain_hand);
  g_test_add_func ("/rate-sweep/estimate", test_estimate);
  g_test_add_func ("/rate-sweep/parse-rates", test_parse_rates);
  g_test_add_func ("/rate-sweep/default-rates", test_default_rates);
  g_test_add_func ("/rate-sweep/bad-input", test_bad_input);
  g_test_add_func ("/rate-sweep/cancel", test_cancel);
  g_test_add_func ("/rate-sweep/json", test_json);
  g_test_add_func ("/rate-sweep/csv", test_csv);
  g_test_add_func ("/rate-sweep/run-trend", test_run_trend);
  return g_test_run ();
}
