/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-ch-history.c — the time series a simulation leaves behind */

#include "config.h"

#include <string.h>

#include "sp-ch-history.h"

/* The arrays grow by doubling without a capacity field: the capacity is the
 * smallest power of two ≥ len (at least MIN_CAPACITY), so a reallocation is
 * due exactly when len reaches such a power.  Keeps the public struct plain. */
#define MIN_CAPACITY 16

SpChHistory *
sp_ch_history_new (void)
{
  return g_new0 (SpChHistory, 1);
}

static void
history_free_arrays (SpChHistory *history)
{
  g_clear_pointer (&history->time, g_free);
  g_clear_pointer (&history->free_energy, g_free);
  g_clear_pointer (&history->mean_c, g_free);
  g_clear_pointer (&history->length_scale, g_free);
  g_clear_pointer (&history->k0, g_free);
  g_clear_pointer (&history->structure0, g_free);
}

void
sp_ch_history_free (SpChHistory *history)
{
  if (history == NULL)
    return;
  history_free_arrays (history);
  g_free (history);
}

void
sp_ch_history_clear (SpChHistory *history)
{
  g_return_if_fail (history != NULL);

  history_free_arrays (history);
  history->len = 0;
  history->n_bins = 0;
  history->time0 = 0.0;
}

static guint
capacity_for (guint len)
{
  guint cap = MIN_CAPACITY;

  while (cap < len)
    cap *= 2;
  return cap;
}

SpChHistory *
sp_ch_history_copy (const SpChHistory *history)
{
  SpChHistory *copy;
  guint cap;

  g_return_val_if_fail (history != NULL, NULL);

  copy = sp_ch_history_new ();
  copy->len = history->len;
  copy->n_bins = history->n_bins;
  copy->time0 = history->time0;
  if (history->len > 0)
    {
      /* Same capacity rule as append, so the copy can grow too. */
      cap = capacity_for (history->len);
      copy->time = g_new (double, cap);
      copy->free_energy = g_new (double, cap);
      copy->mean_c = g_new (double, cap);
      copy->length_scale = g_new (double, cap);
      memcpy (copy->time, history->time, history->len * sizeof (double));
      memcpy (copy->free_energy, history->free_energy, history->len * sizeof (double));
      memcpy (copy->mean_c, history->mean_c, history->len * sizeof (double));
      memcpy (copy->length_scale, history->length_scale, history->len * sizeof (double));
    }
  if (history->n_bins > 0)
    {
      copy->k0 = g_memdup2 (history->k0, history->n_bins * sizeof (double));
      copy->structure0 = g_memdup2 (history->structure0, history->n_bins * sizeof (double));
    }
  return copy;
}

static void
history_set_structure0 (SpChHistory           *history,
                        const SpChDiagnostics *diag)
{
  g_clear_pointer (&history->k0, g_free);
  g_clear_pointer (&history->structure0, g_free);
  history->n_bins = diag->n_bins;
  history->time0 = diag->time;
  if (diag->n_bins > 0 && diag->k != NULL && diag->structure != NULL)
    {
      history->k0 = g_memdup2 (diag->k, diag->n_bins * sizeof (double));
      history->structure0 = g_memdup2 (diag->structure, diag->n_bins * sizeof (double));
    }
  else
    history->n_bins = 0;
}

static void
history_set_entry (SpChHistory           *history,
                   guint                  i,
                   const SpChDiagnostics *diag)
{
  history->time[i] = diag->time;
  history->free_energy[i] = diag->free_energy;
  history->mean_c[i] = diag->mean_c;
  history->length_scale[i] = diag->length_scale;
}

void
sp_ch_history_append (SpChHistory           *history,
                      const SpChDiagnostics *diag)
{
  guint len;

  g_return_if_fail (history != NULL);
  g_return_if_fail (diag != NULL);

  /* Time going backwards can only mean a reset: start again from here. */
  if (history->len > 0 && diag->time < history->time[history->len - 1])
    sp_ch_history_clear (history);

  /* The same frame seen twice (a redraw while paused) replaces the last
   * entry rather than stacking duplicates at one time. */
  if (history->len > 0 && diag->time == history->time[history->len - 1])
    {
      history_set_entry (history, history->len - 1, diag);
      if (history->len == 1)
        history_set_structure0 (history, diag);
      return;
    }

  len = history->len;
  if (len == 0 || (len >= MIN_CAPACITY && (len & (len - 1)) == 0))
    {
      guint cap = len == 0 ? MIN_CAPACITY : 2 * len;

      history->time = g_renew (double, history->time, cap);
      history->free_energy = g_renew (double, history->free_energy, cap);
      history->mean_c = g_renew (double, history->mean_c, cap);
      history->length_scale = g_renew (double, history->length_scale, cap);
    }

  if (len == 0)
    history_set_structure0 (history, diag);
  history_set_entry (history, len, diag);
  history->len = len + 1;
}
