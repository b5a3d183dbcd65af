/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-caption.c — the caption of an exported figure: the parameters
 * with their units */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-export.h"

/* A number as short as it reads well, locale-independent like the CLI. */
static void
append_value (GString    *s,
              const char *label,
              double      value,
              const char *unit)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (s->len > 0)
    g_string_append (s, ", ");
  g_string_append_printf (s, "%s = %s", label, g_ascii_formatd (buf, sizeof buf, "%.6g", value));
  if (unit != NULL && *unit != '\0')
    g_string_append_printf (s, " %s", unit);
}

char *
sp_export_caption_for_model (const SpModel *model)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (model != NULL, NULL);

  append_value (s, "Ω", model->omega, _("meV"));
  append_value (s, "T", model->temperature, _("K"));
  if (model->s1 != 0)
    append_value (s, "s₁", model->s1, _("k_B"));
  append_value (s, "K", model->stiffness, _("meV"));
  for (guint j = 0; j < SP_RK_MAX; j++)
    if (model->rk[j] != 0)
      {
        g_autofree char *label = g_strdup_printf ("L%u", j + 1);

        append_value (s, label, model->rk[j], _("meV"));
      }
  append_value (s, "κ", model->kappa, _("meV·nm²"));
  append_value (s, "D₀", model->d0, _("nm²/s"));
  append_value (s, "V₀", model->v0, _("V"));
  append_value (s, "c₀", model->c0, NULL);
  g_string_append (s, ", ");
  g_string_append (s, model->mobility == SP_MOBILITY_CONSTANT ? _("constant mobility")
                                                              : _("site-blocking mobility"));
  return g_string_free (s, FALSE);
}

static gboolean
is_simulation_figure (SpFigureKind kind)
{
  return kind == SP_FIGURE_FIELD || kind == SP_FIGURE_ENERGY ||
         kind == SP_FIGURE_COARSENING || kind == SP_FIGURE_STRUCTURE ||
         kind == SP_FIGURE_VOLTAGE_TRACE || kind == SP_FIGURE_VOLTAGE_TIME ||
         kind == SP_EXPORT_FIGURE_DIAGNOSTICS;
}

/* The drive of a voltage figure: what it did and with which kinetics. */
static void
append_drive (GString             *s,
              const SpDriveParams *drive)
{
  switch (drive->mode)
    {
    case SP_DRIVE_GALVANOSTATIC:
    case SP_DRIVE_CYCLE:
      g_string_append (s, "; ");
      g_string_append (s, drive->mode == SP_DRIVE_CYCLE ? _("cycled")
                          : drive->c_rate < 0.0 ? _("charged") : _("discharged"));
      append_value (s, _("C-rate"), fabs (drive->c_rate), "C");
      {
        char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

        /* Translators: the cut-off voltages of a driven run, "3–4 V". */
        g_string_append_printf (s, _(", cut-offs %s–%s V"),
                                g_ascii_formatd (lo, sizeof lo, "%.6g", drive->v_lo),
                                g_ascii_formatd (hi, sizeof hi, "%.6g", drive->v_hi));
      }
      break;
    case SP_DRIVE_POTENTIOSTATIC:
      g_string_append (s, "; ");
      g_string_append (s, _("held at a voltage"));
      append_value (s, "V", drive->voltage_V, _("V"));
      break;
    case SP_DRIVE_CLOSED:
    default:
      g_string_append (s, "; ");
      g_string_append (s, _("closed box"));
      return;
    }
  append_value (s, "k₀", drive->k0, _("1/s"));
  append_value (s, "α", drive->alpha, NULL);
}

char *
sp_export_caption_for_figure (SpFigureKind        kind,
                              const SpFigureData *data)
{
  const SpFrame *frame = data->frame;
  gboolean sim = frame != NULL && (is_simulation_figure (kind) || kind == SP_FIGURE_ALL);
  g_autofree char *model = NULL;
  GString *s;

  /* The impedance figures carry their own line (circuit, parameters,
   * files): the phase-separation model says nothing about them. */
  if (kind < SP_N_FIGURES && sp_figure_kind_is_impedance (kind))
    return data->eis != NULL && data->eis->description != NULL
           ? g_strdup (data->eis->description) : NULL;
  if (kind < SP_N_FIGURES && sp_figure_kind_is_hopping (kind))
    return data->hop != NULL && data->hop->description != NULL
           ? g_strdup (data->hop->description) : NULL;
  if (kind == SP_FIGURE_RATE_SWEEP)
    {
      const SpRateSweepResult *r = data->rate_sweep;

      if (r == NULL)
        return NULL;
      model = sp_export_caption_for_model (&r->params.model);
      s = g_string_new (model);
      g_string_append_printf (s, _("; %u × %u grid"), r->params.n, r->params.n);
      append_value (s, _("box"), r->params.length, _("nm"));
      append_value (s, "k₀", r->params.drive.k0, _("1/s"));
      append_value (s, "α", r->params.drive.alpha, NULL);
      return g_string_free (s, FALSE);
    }
  if (sim && frame->params.problem == SP_CH_PROBLEM_PFHUB1)
    model = g_strdup (_("PFHub benchmark 1 (dimensionless units)"));
  else if (data->analysis != NULL)
    model = sp_export_caption_for_model (&data->analysis->model);
  else if (sim)
    model = sp_export_caption_for_model (&frame->params.model);
  else
    return NULL;
  s = g_string_new (model);

  if (sim)
    {
      gboolean pfhub = frame->params.problem == SP_CH_PROBLEM_PFHUB1;

      g_string_append_printf (s, _("; %u × %u grid"), frame->n, frame->n);
      append_value (s, _("box"), frame->length, pfhub ? NULL : _("nm"));
      append_value (s, "t", frame->diag.time, pfhub ? NULL : _("s"));
      if (kind == SP_FIGURE_VOLTAGE_TRACE || kind == SP_FIGURE_VOLTAGE_TIME)
        append_drive (s, &frame->params.drive);
    }
  return g_string_free (s, FALSE);
}
