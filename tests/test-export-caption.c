/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-caption.c — the one-line captions of exported figures
 * (sp-export-caption.c): the model's parameters with only the terms in
 * use, the simulation's grid, box and time, a voltage figure's drive in
 * each mode, PFHub's own units, the impedance, hopping and rate-sweep
 * figures' own lines, and no caption where there is nothing to say. */

#include "config.h"

#include <string.h>

#include "sp-export.h"
#include "sp-frame.h"
#include "sp-gsl.h"
#include "sp-presets.h"
#include "sp-rate-sweep.h"

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (text == NULL || strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text, needle);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” contains “%s”", text, needle);
}

static void
test_model (void)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  SpModel m = preset->model;
  g_autofree char *plain = sp_export_caption_for_model (&m);
  g_autofree char *full = NULL;

  assert_contains (plain, "Ω = 115.8 meV");
  assert_contains (plain, "site-blocking mobility");
  /* Terms not in use are left out. */
  assert_lacks (plain, "s₁");
  assert_lacks (plain, "L1");

  m.s1 = 0.5;
  m.rk[1] = 12.5;
  m.mobility = SP_MOBILITY_CONSTANT;
  full = sp_export_caption_for_model (&m);
  assert_contains (full, "s₁ = 0.5");
  assert_contains (full, "L2 = 12.5 meV");
  assert_lacks (full, "L1");
  assert_contains (full, "constant mobility");
}

/* A frame of @params at t = 1234 s, without a field (the caption needs
 * only its grid, box and time). */
static SpFrame *
frame_of (const SpChParams *params)
{
  SpFrame *frame = sp_frame_new (NULL, params, SP_WORKER_RUNNING, NULL);

  frame->n = params->n;
  frame->length = 96.0;
  frame->diag.time = 1234.0;
  return frame;
}

/* The caption of figure @kind of a run of @params. */
static char *
caption_of_run (SpFigureKind      kind,
                const SpChParams *params)
{
  g_autoptr(SpFrame) frame = frame_of (params);
  SpFigureData data;

  sp_figure_data_init (&data);
  data.frame = frame;
  return sp_export_caption_for_figure (kind, &data);
}

static char *
voltage_caption (SpDriveMode mode,
                 double      c_rate)
{
  g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
  SpChParams params;

  sp_ch_params_init_default (&params);
  params.model = preset->model;
  params.n = 128;
  params.drive.mode = mode;
  params.drive.c_rate = c_rate;
  params.drive.k0 = 0.00362;
  params.drive.alpha = 0.5;
  params.drive.v_lo = 3.0;
  params.drive.v_hi = 4.0;
  params.drive.voltage_V = 3.37;
  return caption_of_run (SP_FIGURE_VOLTAGE_TRACE, &params);
}

static void
test_simulation (void)
{
  g_autofree char *discharged = voltage_caption (SP_DRIVE_GALVANOSTATIC, 2.0);
  g_autofree char *charged = voltage_caption (SP_DRIVE_GALVANOSTATIC, -0.5);
  g_autofree char *cycled = voltage_caption (SP_DRIVE_CYCLE, 10.0);
  g_autofree char *held = voltage_caption (SP_DRIVE_POTENTIOSTATIC, 1.0);
  g_autofree char *closed = voltage_caption (SP_DRIVE_CLOSED, 1.0);

  assert_contains (discharged, "128 × 128 grid");
  assert_contains (discharged, "discharged");
  assert_contains (discharged, "C-rate = 2 C");
  assert_contains (discharged, "cut-offs 3–4 V");
  assert_contains (discharged, "k₀ = 0.00362 1/s");
  assert_contains (discharged, "α = 0.5");
  assert_contains (charged, "charged");
  assert_contains (charged, "C-rate = 0.5 C");   /* the magnitude */
  assert_contains (cycled, "cycled");
  assert_contains (held, "held at a voltage");
  assert_contains (held, "V = 3.37 V");
  assert_lacks (held, "cut-offs");
  assert_contains (closed, "closed box");
  assert_lacks (closed, "k₀");

  /* The field of a closed run says nothing of a drive. */
  {
    g_autoptr(SpPreset) preset = sp_presets_lookup ("textbook", NULL);
    g_autofree char *field = NULL;
    SpChParams params;

    sp_ch_params_init_default (&params);
    params.model = preset->model;
    field = caption_of_run (SP_FIGURE_FIELD, &params);
    assert_contains (field, "grid");
    assert_contains (field, "box = 96 nm");
    assert_contains (field, "t = 1234 s");
    assert_lacks (field, "closed box");
  }
  /* PFHub: its own units, no nm. */
  {
    g_autofree char *pfhub = NULL;
    SpChParams params;

    sp_ch_params_init_pfhub1a (&params);
    pfhub = caption_of_run (SP_FIGURE_ENERGY, &params);
    assert_contains (pfhub, "PFHub benchmark 1");
    assert_contains (pfhub, "box = 96, t = 1234");
    assert_lacks (pfhub, "nm");
  }
}

static void
test_other_figures (void)
{
  SpEisFigureData eis = { 0 };
  SpHopFigureData hop = { 0 };
  SpFigureData data;
  g_autofree char *none = NULL, *no_eis = NULL, *with_eis = NULL;
  g_autofree char *no_hop = NULL, *with_hop = NULL, *no_sweep = NULL, *sweep = NULL;

  sp_figure_data_init (&data);
  /* Nothing to describe: no caption. */
  none = sp_export_caption_for_figure (SP_FIGURE_OCV, &data);
  g_assert_null (none);
  no_eis = sp_export_caption_for_figure (SP_FIGURE_NYQUIST, &data);
  g_assert_null (no_eis);
  no_hop = sp_export_caption_for_figure (SP_FIGURE_MSD, &data);
  g_assert_null (no_hop);
  no_sweep = sp_export_caption_for_figure (SP_FIGURE_RATE_SWEEP, &data);
  g_assert_null (no_sweep);

  /* The impedance and hopping figures carry their own line. */
  eis.description = "R0-p(Rb,CPEb)";
  data.eis = &eis;
  with_eis = sp_export_caption_for_figure (SP_FIGURE_BODE, &data);
  g_assert_cmpstr (with_eis, ==, "R0-p(Rb,CPEb)");
  hop.description = "Li in 800K.xyz";
  data.hop = &hop;
  with_hop = sp_export_caption_for_figure (SP_FIGURE_MSD, &data);
  g_assert_cmpstr (with_hop, ==, "Li in 800K.xyz");

  /* The rate sweep: its particle, grid, box and kinetics. */
  {
    g_autoptr(SpPreset) preset = sp_presets_lookup ("lifepo4", NULL);
    SpRateSweepPoint points[2] = { { 0 } };
    SpRateSweepResult *result;
    SpChParams params;

    sp_rate_sweep_params_init (&params, &preset->model, 64);
    params.drive.k0 = 0.00362;
    points[0].c_rate = 0.1;
    points[1].c_rate = 10.0;
    result = sp_rate_sweep_result_new (&params, points, 2);
    data.rate_sweep = result;
    sweep = sp_export_caption_for_figure (SP_FIGURE_RATE_SWEEP, &data);
    assert_contains (sweep, "Ω = 115.8 meV");
    assert_contains (sweep, "64 × 64 grid");
    assert_contains (sweep, "k₀ = 0.00362 1/s");
    sp_rate_sweep_result_unref (result);
  }
}

int
main (int   argc,
      char *argv[])
{
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-caption/model", test_model);
  g_test_add_func ("/export-caption/simulation", test_simulation);
  g_test_add_func ("/export-caption/other-figures", test_other_figures);
  return g_test_run ();
}
