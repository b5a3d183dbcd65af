/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch.h — the 2D Cahn–Hilliard engine (PHYSICS.md, Numerics)
 *
 *   ∂c/∂t = ∇·[M(c) ∇(g'(c) − κ∇²c)]   on an n × n periodic grid of side L.
 *
 * Semi-implicit Fourier spectral steps on FFTW r2c/c2r plans made once:
 *
 *  - constant mobility (the model's D0/(4 k_B T), or PFHub's M = 5): κk⁴
 *    implicit, g' explicit with a linear stabiliser S M k² (ĉⁿ⁺¹ − ĉⁿ);
 *    one forward and one inverse transform per step;
 *  - site-blocking mobility M = (D0/k_B T) c(1−c): PHYSICS.md's identity
 *    ∂c/∂t = D0∇²c + ∇·[M ∇(μ_rest − κ∇²c)] with D0∇²c implicit and the
 *    stabilisers A κ k⁴ (ĉⁿ⁺¹ − ĉⁿ) (Zhu, Chen, Shen & Tikare 1999) and
 *    B k² (ĉⁿ⁺¹ − ĉⁿ); three forward and three inverse transforms per step.
 *
 * The k = 0 mode is never updated, so the mean composition is conserved to
 * round-off.  The time step adapts to a local error estimate (an embedded
 * SBDF1/SBDF2 pair, see sp-ch.c): a step whose estimate exceeds the
 * tolerance, or whose field is not finite, is rejected and retried with a
 * smaller step.  For the logarithmic model a step within the tolerance
 * that overshoots [SP_CH_C_FLOOR, 1 − SP_CH_C_FLOOR] by a little (which a
 * spectral step does at the foot of a deep quench's interfaces, however
 * small) is cut back into it, the mass kept (sp-ch.c).  sp-ch-box.h says
 * how fine the grid must be for the interfaces.  Units: lengths in nm and times in s for the material model; PFHub's
 * own dimensionless units for SP_CH_PROBLEM_PFHUB1.
 */
#pragma once

#include <glib.h>

#include "sp-drive.h"
#include "sp-model.h"

G_BEGIN_DECLS

/* The logarithmic model's field is kept inside [floor, 1 − floor]: a step
 * that overshoots by less than its tolerance is cut back (see sp-ch.c). */
#define SP_CH_C_FLOOR 1e-12

/* Grid sizes the engine accepts (any size FFTW handles; the UI offers 64–1024). */
#define SP_CH_N_MIN 8
#define SP_CH_N_MAX 4096

/* PFHub benchmark problem 1 (Jokisaari et al. 2017), dimensionless. */
#define SP_CH_PFHUB1_RHO     5.0
#define SP_CH_PFHUB1_C_ALPHA 0.3
#define SP_CH_PFHUB1_C_BETA  0.7
#define SP_CH_PFHUB1_KAPPA   2.0
#define SP_CH_PFHUB1_M       5.0
/* The step tolerance: the largest local error per step, relative to the
 * pattern's RMS amplitude (sp-ch.c).  PRECISE is the default. */
#define SP_CH_TOLERANCE_PRECISE 1e-3
#define SP_CH_TOLERANCE_FAST    1e-2
/* The step tolerance sp_ch_params_init_pfhub1a() sets. */
#define SP_CH_PFHUB1_TOLERANCE 1e-3

typedef enum
{
  SP_CH_PROBLEM_MODEL  = 0,   /* SpModel's g(c), κ and mobility        */
  SP_CH_PROBLEM_PFHUB1 = 1,   /* PFHub 1 double well, constant M       */
} SpChProblem;

typedef enum
{
  SP_CH_INIT_NOISE   = 0,     /* c0 + uniform noise of ± noise, mean exactly c0;
                                 the logarithmic model caps the amplitude at
                                 min(c0, 1 − c0)/2 so the field starts in (0,1) */
  SP_CH_INIT_PFHUB1A = 1,     /* PFHub 1a's cosine initial condition            */
} SpChInit;

typedef struct
{
  SpChProblem problem;
  SpModel     model;       /* the material (c0 is the mean for SP_CH_INIT_NOISE) */
  guint       n;           /* grid points per side                              */
  double      length;      /* side of the periodic box, nm                      */
  SpChInit    init;
  double      noise;       /* amplitude of the initial noise                    */
  guint64     seed;        /* same seed → same field, bit for bit               */
  double      dt_max;      /* largest time step, s (≤ 0: no limit)              */
  double      tolerance;   /* local error per step, relative (≤ 0: default)     */
  guint       fft_threads; /* 0: what pays off for this size                    */
  SpDriveParams drive;     /* the reaction source term (sp-drive.h); closed by
                              default.  Needs SP_CH_PROBLEM_MODEL.              */
} SpChParams;

/* Defaults: the textbook model on 256² in a box of sixteen λ*, noise 0.01. */
void        sp_ch_params_init_default   (SpChParams       *params);
/* PFHub 1a exactly: 200 × 200, Δx = 1, its initial condition. */
void        sp_ch_params_init_pfhub1a   (SpChParams       *params);
gboolean    sp_ch_params_validate       (const SpChParams *params,
                                         GError          **error);

/* The homogeneous free-energy density, its second derivative and the
 * mobility of the problem, in the problem's units. */
double      sp_ch_params_f              (const SpChParams *params,
                                         double            c);
double      sp_ch_params_f2             (const SpChParams *params,
                                         double            c);
double      sp_ch_params_mobility       (const SpChParams *params,
                                         double            c);
double      sp_ch_params_kappa          (const SpChParams *params);
double      sp_ch_params_c0             (const SpChParams *params);
/* True when c must stay inside (0, 1) (the logarithmic model). */
gboolean    sp_ch_params_is_logarithmic (const SpChParams *params);

#define SP_CH_ERROR (sp_ch_error_quark ())
GQuark      sp_ch_error_quark           (void);
typedef enum
{
  SP_CH_ERROR_INVALID,       /* a parameter is out of range          */
  SP_CH_ERROR_UNSTABLE,      /* no step size keeps the field valid   */
} SpChError;

typedef struct _SpCh SpCh;

SpCh       *sp_ch_new                   (const SpChParams *params,
                                         GError          **error);
void        sp_ch_free                  (SpCh             *self);

/* Applies new parameters at the next step boundary, keeping the field.
 * Returns FALSE (and changes nothing) when the grid itself (problem, n,
 * length or threads) differs: the caller then makes a new SpCh. */
gboolean    sp_ch_set_params            (SpCh             *self,
                                         const SpChParams *params,
                                         GError          **error);
const SpChParams *sp_ch_get_params      (SpCh             *self);

/* Back to t = 0 with the initial field drawn from @seed. */
void        sp_ch_reset                 (SpCh             *self,
                                         guint64           seed);
/* Replaces the field (n × n, row-major, y slowest) and sets t = 0. */
void        sp_ch_set_field             (SpCh             *self,
                                         const double     *field);

/* One accepted step (rejected attempts are retried inside).  On failure the
 * state is left at the last good step. */
gboolean    sp_ch_step                  (SpCh             *self,
                                         GError          **error);
/* Steps until exactly @t_end (the last step is shortened to land on it). */
gboolean    sp_ch_advance_to            (SpCh             *self,
                                         double            t_end,
                                         GError          **error);

guint       sp_ch_get_n                 (SpCh             *self);
double      sp_ch_get_length            (SpCh             *self);
double      sp_ch_get_time              (SpCh             *self);
/* The step the controller will try next. */
double      sp_ch_get_dt                (SpCh             *self);
guint64     sp_ch_get_steps             (SpCh             *self);
guint64     sp_ch_get_rejected          (SpCh             *self);
/* The sum over accepted steps of their estimated local error (absolute
 * RMS of c): a bound on how far the field has strayed from the exact
 * solution of the spatially discrete equation, if errors do not grow
 * (the first step after a restart, SBDF1 at the stiffest time scale, adds
 * nothing). */
double      sp_ch_get_error_estimate    (SpCh             *self);
/* Steps made with SBDF1 because SBDF2's would have raised F. */
guint64     sp_ch_get_energy_fallbacks  (SpCh             *self);
/* Accepted steps that were cut back into [SP_CH_C_FLOOR, 1 − SP_CH_C_FLOOR]. */
guint64     sp_ch_get_cut_steps         (SpCh             *self);
/* The current field, n × n doubles, row-major. */
const double *sp_ch_get_field           (SpCh             *self);
/* Its unnormalised r2c transform: n × (n/2 + 1) complex numbers as
 * interleaved (re, im) doubles, row-major. */
const double *sp_ch_get_spectrum        (SpCh             *self);

/* The drive (sp-drive.h).  c̄ (any mode); the cell voltage the drive
 * applied or solved for the last step (closed or finished: the open-circuit
 * V₀ − ⟨μ⟩/e of the field, ⟨μ⟩ = ⟨g'(c)⟩ since ⟨∇²c⟩ = 0; NaN for PFHub,
 * which has no voltage); dc̄/dt of the last step
 * (1/s); ∫ current dt since the start; +1 inserting, −1 extracting, 0
 * closed or finished; whether a cut-off ended the drive; and the mean
 * overpotential V − (V₀ − ⟨μ⟩/e) in volts (0 when closed). */
double      sp_ch_get_mean_c            (SpCh             *self);
double      sp_ch_get_voltage           (SpCh             *self);
double      sp_ch_get_current           (SpCh             *self);
double      sp_ch_get_charge_passed     (SpCh             *self);
int         sp_ch_get_drive_direction   (SpCh             *self);
gboolean    sp_ch_get_drive_finished    (SpCh             *self);
double      sp_ch_get_mean_overpotential (SpCh            *self);
/* All of the above at once. */
void        sp_ch_get_drive_state       (SpCh             *self,
                                         SpDriveState     *state);

/* FFTW transforms one accepted step executes (for the benchmark). */
guint       sp_ch_get_transforms_per_step (SpCh           *self);
/* Runs exactly the transforms of one step @reps times on scratch arrays of
 * the same layout, and returns the mean seconds per step: the step's floor. */
double      sp_ch_time_transforms       (SpCh             *self,
                                         guint             reps);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCh, sp_ch_free)

G_END_DECLS
