/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-dispatch.h — how the step's passes over the grid are compiled and run
 *
 * Private to the two files of passes, sp-ch-kernels.c (the closed step:
 * scan, explicit term, trial pass) and sp-ch-drive-kernels.c (what a driven
 * step adds: the reaction's passes), which meson compiles with -O3
 * -fopenmp-simd -fno-math-errno (src/core/meson.build); include it nowhere
 * else.  One mechanism for both, so that a closed and a driven step run on
 * the same instruction set and split their rows the same way:
 *
 * - glibc's libmvec SIMD log (each file declares the other functions it
 *   vectorises, e.g. exp);
 * - SPLIT: a pass's rows over the engine's threads;
 * - DISPATCH / DISPATCH_SPLIT: each entry point compiled for baseline
 *   x86-64 (SSE2; GCC keeps log scalar there), AVX2 + FMA and AVX-512, and
 *   picked at run time, so one binary (Flatpak) runs everywhere.  Vector
 *   lanes only reorder max/min reductions, which are exact, and -std=c11
 *   keeps GCC from contracting into FMAs, so the results depend on the
 *   machine only through log's (and exp's) last bit.
 *
 * Threads: a pass is split into self->threads contiguous runs of rows of
 * the field or of the spectrum, one per thread, the same count FFTW's plans
 * use (sp-ch.c); each run starts at a multiple of SP_CH_LOG_ROWS, where the
 * material scan's column products start.  Every row is computed by the same
 * arithmetic whatever the split (each row is a loop of its own, so its
 * vector and scalar iterations, and the scalar log's last bit, do not
 * depend on where a chunk starts), sums are kept per row and added in row
 * order afterwards, and the other reductions are maxima, minima and ors,
 * which are exact: the results are bit-identical for any thread count.
 * Without OpenMP (or with one thread) all rows are one chunk on the calling
 * thread.
 */
#pragma once

#include "sp-ch-private.h"

#if defined(SP_HAVE_LIBMVEC)
/* The same declaration glibc's <bits/math-vector.h> makes under
 * -ffast-math, which these files must not use (it would drop NaN checks). */
#pragma omp declare simd notinbranch
extern double log (double);
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define SP_CH_HAVE_AVX2_VARIANT 1
#endif

/* A pass's body: inlined into each instruction-set variant, and with its
 * int flags literal at every call, so each flag combination is a
 * branch-free loop of its own. */
#define KERNEL static inline __attribute__((always_inline))

/* Runs @stmt with lo … hi − 1 the calling thread's rows out of @count and
 * part / parts its run's index and the run count (needs `self`). */
#ifdef SP_HAVE_OPENMP
#include <omp.h>
#define SPLIT(count, stmt)                                              \
  G_STMT_START {                                                        \
    const int sp_threads_ = (int) MIN (MAX (self->threads, 1), SP_CH_MAX_THREADS); \
    _Pragma ("omp parallel num_threads (sp_threads_) if (sp_threads_ > 1)") \
    {                                                                   \
      const gsize part = (gsize) omp_get_thread_num ();                 \
      const gsize parts = (gsize) omp_get_num_threads ();               \
      const gsize blocks_ = ((count) + SP_CH_LOG_ROWS - 1) / SP_CH_LOG_ROWS; \
      const gsize lo = MIN ((count), blocks_ * part / parts * SP_CH_LOG_ROWS); \
      const gsize hi = MIN ((count), blocks_ * (part + 1) / parts * SP_CH_LOG_ROWS); \
      stmt;                                                             \
    }                                                                   \
  } G_STMT_END
#else
#define SPLIT(count, stmt)                                              \
  G_STMT_START {                                                        \
    const gsize part = 0, parts = 1, lo = 0, hi = (count);              \
    (void) part; (void) parts;                                          \
    stmt;                                                               \
  } G_STMT_END
#endif

/* DISPATCH (name, params, args) defines `static void name params` calling
 * name##_body args in the variant for this machine (the check is a load
 * and a test; no ifunc, which sanitizers dislike).  DISPATCH_SPLIT (name,
 * params, args, count, stmt) does the same for a pass split over @count
 * rows, @stmt the per-thread work (see SPLIT): the OpenMP region sits in
 * each instruction-set variant itself, because GCC outlines a region into
 * a function of the enclosing function's target: a region in the
 * (generic) caller would run baseline code, scalar log included. */
#ifdef SP_CH_HAVE_AVX2_VARIANT
#define SP_CH_AVX2   __attribute__((target ("avx2,fma")))
#define SP_CH_AVX512 __attribute__((target ("avx512f,avx512dq,avx2,fma")))
static inline int
sp_ch_isa_level (void)
{
  if (__builtin_cpu_supports ("avx512f") && __builtin_cpu_supports ("avx512dq"))
    return 2;
  if (__builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("fma"))
    return 1;
  return 0;
}
#define SP_CH_PICK_VARIANT(name, params, args)                          \
  static void name params                                               \
  {                                                                     \
    switch (sp_ch_isa_level ())                                         \
      {                                                                 \
      case 2: name##_avx512 args; break;                                \
      case 1: name##_avx2 args; break;                                  \
      default: name##_generic args; break;                              \
      }                                                                 \
  }
#define DISPATCH(name, params, args)                                    \
  static SP_CH_AVX512 void name##_avx512 params { name##_body args; }   \
  static SP_CH_AVX2 void name##_avx2 params { name##_body args; }       \
  static void name##_generic params { name##_body args; }               \
  SP_CH_PICK_VARIANT (name, params, args)
#define DISPATCH_SPLIT(name, params, args, count, stmt)                 \
  static SP_CH_AVX512 void name##_avx512 params { SPLIT (count, stmt); } \
  static SP_CH_AVX2 void name##_avx2 params { SPLIT (count, stmt); }    \
  static void name##_generic params { SPLIT (count, stmt); }            \
  SP_CH_PICK_VARIANT (name, params, args)
#else
#define DISPATCH(name, params, args)                                    \
  static void name params { name##_body args; }
#define DISPATCH_SPLIT(name, params, args, count, stmt)                 \
  static void name params { SPLIT (count, stmt); }
#endif
