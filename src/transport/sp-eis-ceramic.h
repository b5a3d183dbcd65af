/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-eis-ceramic.h — the impedance lab's explore model: a polycrystalline
 * ceramic between ion-blocking electrodes
 *
 *   R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel
 *
 * a bulk arc at high frequency, a grain-boundary arc at middle frequency and
 * the electrode spike at low frequency (PHYSICS-TRANSPORT.md §1).  R_b and
 * R_gb are given at a reference temperature and follow their own activation
 * energies to the model's temperature; the read-outs are the conductivities
 * (from the thickness and area), each arc's apex frequency and effective
 * capacitance, and what that capacitance says the arc is (Irvine, Sinclair &
 * West).  Pure C (GLib only).
 */
#pragma once

#include <glib.h>

#include "sp-arrhenius.h"
#include "sp-eis-spectrum.h"

G_BEGIN_DECLS

/* The model's parameters, in the order of the window's sliders. */
typedef enum
{
  SP_EIS_CERAMIC_R0,           /* series (lead) resistance, Ω                     */
  SP_EIS_CERAMIC_RB,           /* bulk resistance at the reference temperature, Ω */
  SP_EIS_CERAMIC_QB,           /* bulk CPE, F s^(α−1)                             */
  SP_EIS_CERAMIC_ALPHA_B,
  SP_EIS_CERAMIC_RGB,          /* grain-boundary resistance at the reference T, Ω */
  SP_EIS_CERAMIC_QGB,
  SP_EIS_CERAMIC_ALPHA_GB,
  SP_EIS_CERAMIC_QEL,          /* electrode (blocking) CPE                        */
  SP_EIS_CERAMIC_ALPHA_EL,
  SP_EIS_CERAMIC_THICKNESS,    /* t, cm                                           */
  SP_EIS_CERAMIC_AREA,         /* A, cm²                                          */
  SP_EIS_CERAMIC_TEMPERATURE,  /* T of the spectrum, K                            */
  SP_EIS_CERAMIC_EA_B,         /* activation energy of σ_bulk T, eV               */
  SP_EIS_CERAMIC_EA_GB,        /* activation energy of σ_gb T, eV                 */
  SP_EIS_CERAMIC_N_PARAMS,
} SpEisCeramicParam;

typedef struct
{
  double values[SP_EIS_CERAMIC_N_PARAMS];
  /* The temperature at which RB and RGB are given, K (not a slider: a
   * preset's measurement temperature). */
  double reference_temperature_k;
} SpEisCeramic;

/* A slider's range: @min ≤ value ≤ @max, moved on a log scale when
 * @log_scale; @label is marked with N_() (translate it with _()). */
typedef struct
{
  const char *id;        /* "rb_ohm": CLI and session key, snake_case with unit */
  const char *label;     /* "R_b (bulk)"                                        */
  const char *unit;      /* "Ω", "F·s^(α−1)", "", "cm", "cm²", "K", "eV"        */
  double      min;
  double      max;
  double      default_value;
  gboolean    log_scale;
} SpEisCeramicRange;

const SpEisCeramicRange *sp_eis_ceramic_get_range (SpEisCeramicParam param);
/* The parameter whose id is @id, or -1. */
int          sp_eis_ceramic_find_param   (const char          *id);

/* Every value at its range's default; reference temperature 298.15 K. */
void         sp_eis_ceramic_init_default (SpEisCeramic        *model);
/* FALSE with a message naming the first value outside its range. */
gboolean     sp_eis_ceramic_validate     (const SpEisCeramic  *model,
                                          GError             **error);

/* R(T) of a conductor with σT = A exp(−E_a/(k_B T)):
 * R(T) = R_ref (T/T_ref) exp((E_a/k_B)(1/T − 1/T_ref)). */
double       sp_eis_resistance_at        (double               r_ref_ohm,
                                          double               ea_ev,
                                          double               t_ref_k,
                                          double               t_k);

/* "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel" */
#define SP_EIS_CERAMIC_CIRCUIT "R0-p(Rb,CPEb)-p(Rgb,CPEgb)-CPEel"
#define SP_EIS_CERAMIC_N_CIRCUIT_PARAMS 9
/* The circuit's parameter vector (R0, Rb, CPEb_0, CPEb_1, Rgb, CPEgb_0,
 * CPEgb_1, CPEel_0, CPEel_1) at the model's temperature, for
 * sp_circuit_eval() on sp_circuit_parse (SP_EIS_CERAMIC_CIRCUIT). */
void         sp_eis_ceramic_circuit_params (const SpEisCeramic *model,
                                            double             *params);
/* The model's spectrum on a log grid from @f_max_hz down to @f_min_hz
 * (sp_eis_spectrum_new_log), temperature and name set. */
SpEisSpectrum *sp_eis_ceramic_simulate   (const SpEisCeramic  *model,
                                          double               f_min_hz,
                                          double               f_max_hz,
                                          double               points_per_decade,
                                          GError             **error);

/* Irvine, Sinclair & West, Adv. Mater. 2, 132 (1990), Table 1: what a
 * capacitance (scaled to a unit cell constant, F/cm) says a process is. */
typedef enum
{
  SP_EIS_CAPACITANCE_BULK,                 /* ~1e-12 F                 */
  SP_EIS_CAPACITANCE_GRAIN_BOUNDARY,       /* 1e-11 – 1e-8 F (a minor second phase ~1e-11) */
  SP_EIS_CAPACITANCE_SURFACE_LAYER,        /* 1e-9 – 1e-7 F            */
  SP_EIS_CAPACITANCE_ELECTRODE_INTERFACE,  /* 1e-7 – 1e-5 F            */
  SP_EIS_CAPACITANCE_ELECTROCHEMICAL,      /* ~1e-4 F                  */
} SpEisCapacitanceClass;

/* The class of @c_scaled_f (capacitance × t/A, F/cm); the boundaries are
 * the table's decades: < 1e-11 bulk, < 1e-8 grain boundary, < 1e-7 surface
 * layer, < 1e-5 electrode interface, else an electrochemical reaction. */
SpEisCapacitanceClass sp_eis_capacitance_classify (double c_scaled_f);
/* "bulk", "grain-boundary", "surface-layer", "electrode-interface",
 * "electrochemical-reaction" (for JSON). */
const char  *sp_eis_capacitance_class_id    (SpEisCapacitanceClass klass);
/* The translated label ("grain boundary"). */
const char  *sp_eis_capacitance_class_label (SpEisCapacitanceClass klass);

typedef enum
{
  SP_EIS_ARC_BULK,
  SP_EIS_ARC_GRAIN_BOUNDARY,
  SP_EIS_ARC_ELECTRODE,
  SP_EIS_N_ARCS,
} SpEisArcKind;

/* "bulk", "grain-boundary", "electrode" (for JSON and ids). */
const char  *sp_eis_arc_kind_id    (SpEisArcKind kind);
/* The translated label of the arc in the Nyquist plot ("grain boundary"). */
const char  *sp_eis_arc_kind_label (SpEisArcKind kind);

typedef struct
{
  /* R‖CPE arcs: f = 1/(2π (RQ)^(1/α)).  The electrode spike has no apex:
   * there it is the frequency where |Z_CPE,el| equals the resistance in
   * series with it (R0 + R_b + R_gb), where the spike takes over. */
  double                apex_hz;
  /* Brug / Hsu–Mansfeld: C_eff = Q^(1/α) R^((1−α)/α); for the blocking
   * electrode R is the series resistance above (Brug's formula for a
   * blocking electrode). */
  double                c_eff_f;
  double                c_scaled_f_per_cm;   /* C_eff · t/A */
  SpEisCapacitanceClass klass;
} SpEisArc;

typedef struct
{
  double   rb_ohm;                  /* at the model's temperature */
  double   rgb_ohm;
  double   sigma_bulk_s_per_cm;     /* t/(R_b A)                  */
  double   sigma_gb_s_per_cm;       /* t/(R_gb A)                 */
  /* brick layer: (t/A)(1/R_gb)(C_b/C_gb), C the arcs' C_eff */
  double   sigma_gb_specific_s_per_cm;
  double   sigma_total_s_per_cm;    /* t/((R_b + R_gb) A)         */
  SpEisArc arcs[SP_EIS_N_ARCS];
} SpEisCeramicReadout;

void         sp_eis_ceramic_readout      (const SpEisCeramic  *model,
                                          SpEisCeramicReadout *readout);

typedef struct
{
  const char  *id;            /* "llzo"                                     */
  const char  *name;          /* N_() label                                 */
  /* The source of the numbers; "Illustrative: …" when they are typical
   * values of the cited kind of measurement rather than one measurement. */
  const char  *source;
  gboolean     illustrative;
  SpEisCeramic model;
} SpEisCeramicPreset;

guint        sp_eis_ceramic_get_n_presets (void);
const SpEisCeramicPreset *sp_eis_ceramic_get_preset (guint index);
/* NULL when there is no preset @id. */
const SpEisCeramicPreset *sp_eis_ceramic_find_preset (const char *id);

G_END_DECLS
