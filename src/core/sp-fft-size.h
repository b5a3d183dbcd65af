/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-fft-size.h — grid sizes FFTW transforms fast
 *
 * FFTW is fastest on sizes whose prime factors are all small: a 509 × 509
 * step (509 is prime) costs 7–9 times a 512 × 512 one.  The CLI rounds a
 * grid with a large prime factor up to the next such size.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest @n sp_fft_good_size() accepts (its answer, 2³⁰, fits a guint). */
#define SP_FFT_GOOD_SIZE_MAX (1u << 30)

/* TRUE when @n ≥ 1 has no prime factor above 7 (n = 2ᵃ 3ᵇ 5ᶜ 7ᵈ). */
gboolean sp_fft_is_good_size (guint n);
/* The smallest 2ᵃ 3ᵇ 5ᶜ 7ᵈ ≥ @n (1 for @n = 0); @n ≤ SP_FFT_GOOD_SIZE_MAX. */
guint    sp_fft_good_size    (guint n);

G_END_DECLS
