/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-analyze.c — `spinodal-cli analyze`: the equilibrium and stability
 * numbers of one model, as a table or as one JSON object */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-critical.h"
#include "sp-equilibrium.h"
#include "sp-json.h"
#include "sp-kinetics.h"

typedef struct
{
  SpModel         model;
  guint           n_critical;
  SpCriticalPoint critical[SP_MAX_CRITICAL];
  SpEquilibrium   eq;
  SpRegion      region;
  SpDispersion  dispersion;
} Analysis;

static void
analyze (const SpModel *model,
         Analysis      *a)
{
  a->model = *model;
  a->n_critical = sp_critical_points (model, a->critical);
  sp_equilibrium_compute (model, &a->eq);
  a->region = sp_equilibrium_classify (&a->eq, model->c0);
  sp_kinetics_dispersion (model, &a->dispersion);
}

/* @member: an array of [lo, hi] pairs, or of [1 − lo, 1 − hi] with
 * @one_minus. */
static void
add_interval_pairs (JsonBuilder      *builder,
                    const char       *member,
                    const SpInterval *intervals,
                    guint             n,
                    gboolean          one_minus)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, one_minus ? intervals[i].one_minus_lo : intervals[i].lo);
      json_builder_add_double_value (builder, one_minus ? intervals[i].one_minus_hi : intervals[i].hi);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static char *
analysis_to_json (const Analysis *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  double omega_eff = sp_model_omega_eff (&a->model);

  json_builder_begin_object (builder);
  sp_json_builder_add_number (builder, "omega_eff_meV", omega_eff);
  sp_json_builder_add_number (builder, "omega_over_kT", omega_eff / sp_model_kt (&a->model));
  {
    /* The highest critical point, and what kind it is: above an upper one
     * no gap is left, a lower one (s1 < −2) opens the gap above it. */
    const SpCriticalPoint *top = a->n_critical > 0 ? &a->critical[a->n_critical - 1] : NULL;

    sp_json_builder_add_number (builder, "critical_temperature_K",
                                top != NULL ? top->temperature : NAN);
    json_builder_set_member_name (builder, "critical_kind");
    if (top != NULL)
      json_builder_add_string_value (builder, sp_critical_kind_to_string (top->kind));
    else
      json_builder_add_null_value (builder);
  }
  json_builder_set_member_name (builder, "critical_points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->n_critical; i++)
    {
      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "temperature_K", a->critical[i].temperature);
      sp_json_builder_add_number (builder, "c", a->critical[i].c);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sp_critical_kind_to_string (a->critical[i].kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "miscibility_gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->eq.n_gaps; i++)
    {
      const SpGap *gap = &a->eq.gaps[i];

      json_builder_begin_object (builder);
      sp_json_builder_add_number (builder, "c_alpha", gap->c_alpha);
      sp_json_builder_add_number (builder, "c_beta", gap->c_beta);
      /* 1 − c from the logit: c_beta = 1 − 1e−12 keeps all its digits. */
      sp_json_builder_add_number (builder, "one_minus_c_alpha", gap->one_minus_c_alpha);
      sp_json_builder_add_number (builder, "one_minus_c_beta", gap->one_minus_c_beta);
      sp_json_builder_add_number (builder, "mu_meV", sp_model_clean_energy (&a->model, gap->mu));
      sp_json_builder_add_number (builder, "voltage_V", gap->voltage);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_interval_pairs (builder, "spinodal_intervals", a->eq.spinodals, a->eq.n_spinodals, FALSE);
  /* 1 − c of each end, from the logit: c near 1 keeps its precision. */
  add_interval_pairs (builder, "spinodal_intervals_one_minus", a->eq.spinodals,
                      a->eq.n_spinodals, TRUE);

  json_builder_set_member_name (builder, "c0_region");
  json_builder_add_string_value (builder, sp_region_to_string (a->region));

  /* The lever rule at c0: the equilibrium phase fractions, or null
   * outside every gap. */
  json_builder_set_member_name (builder, "c0_lever");
  {
    const SpGap *gap = sp_equilibrium_find_gap (&a->eq, a->model.c0);

    if (gap != NULL)
      {
        double f_alpha, f_beta;

        sp_gap_lever_fractions (gap, a->model.c0, &f_alpha, &f_beta);
        json_builder_begin_object (builder);
        sp_json_builder_add_number (builder, "fraction_alpha", f_alpha);
        sp_json_builder_add_number (builder, "fraction_beta", f_beta);
        sp_json_builder_add_number (builder, "c_alpha", gap->c_alpha);
        sp_json_builder_add_number (builder, "c_beta", gap->c_beta);
        json_builder_end_object (builder);
      }
    else
      json_builder_add_null_value (builder);
  }

  sp_json_builder_add_number (builder, "k_star_per_nm", a->dispersion.unstable ? a->dispersion.k_star : NAN);
  sp_json_builder_add_number (builder, "lambda_star_nm", a->dispersion.unstable ? a->dispersion.lambda_star : NAN);
  sp_json_builder_add_number (builder, "sigma_max_per_s", a->dispersion.unstable ? a->dispersion.sigma_max : NAN);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  /* sp_json_to_data, not json_generator: valid numbers (issue 11). */
  return sp_json_to_data (root, 2, NULL);
}

static const char *
region_label (SpRegion region)
{
  switch (region)
    {
    case SP_REGION_UNSTABLE:
      return _("unstable (inside the spinodal: decomposes spontaneously)");
    case SP_REGION_METASTABLE:
      return _("metastable (between binodal and spinodal: needs nucleation)");
    case SP_REGION_STABLE:
    default:
      return _("stable (single phase)");
    }
}

/* printf's %-34s pads bytes, not characters: Ω, ₁, λ … are multibyte. */
static void
print_row (const char *label,
           const char *value)
{
  glong width = 0;

  /* Terminal columns, not characters: CJK labels take two columns each. */
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (ch))
        width += g_unichar_iswide (ch) ? 2 : 1;
    }
  glong pad = 34 - width;

  printf ("  %s%*s %s\n", label, (int) MAX (pad, 0), "", value);
}

static void
print_number (const char *label,
              double      value,
              const char *unit)
{
  g_autofree char *text = g_strdup_printf ("%.6g%s%s", value, unit[0] ? " " : "", unit);

  print_row (label, text);
}

static void
print_table (const Analysis *a)
{
  const SpModel *m = &a->model;
  double omega_eff = sp_model_omega_eff (m);

  printf ("%s\n", _("Model"));
  print_number ("Ω", m->omega, "meV");
  print_number ("T", m->temperature, "K");
  print_number (_("Ω_eff = Ω − s₁ k_BT"), omega_eff, "meV");
  print_number ("Ω_eff / k_BT", omega_eff / sp_model_kt (m), "");
  for (guint i = 0; i < a->n_critical; i++)
    {
      const SpCriticalPoint *p = &a->critical[i];
      g_autofree char *text = g_strdup_printf ("%.6g K (c = %.6g), %s", p->temperature, p->c,
                                               p->kind == SP_CRITICAL_LOWER
                                               ? _("lower: a gap only above it")
                                               : _("upper: no gap from it upwards"));

      print_row (i == 0 ? _("Critical temperature T_c") : "", text);
    }
  /* Without a critical point whether g has a gap cannot change with T. */
  if (a->n_critical == 0)
    print_row (_("Critical temperature T_c"),
               a->eq.n_spinodals > 0 ? _("none (a gap at every temperature)")
                                     : _("none (no gap at any temperature)"));

  printf ("\n%s\n", _("Miscibility gaps (common tangents)"));
  if (a->eq.n_gaps == 0)
    printf ("  %s\n", _("none: a solid solution at every composition"));
  for (guint i = 0; i < a->eq.n_gaps; i++)
    printf ("  c_α = %-12.6g c_β = %-12.6g μ* = %-10.6g meV  %s %.6g V\n",
            a->eq.gaps[i].c_alpha, a->eq.gaps[i].c_beta,
            sp_model_clean_energy (m, a->eq.gaps[i].mu),
            _("plateau"), a->eq.gaps[i].voltage);

  printf ("\n%s\n", _("Spinodal intervals (g'' < 0)"));
  if (a->eq.n_spinodals == 0)
    printf ("  %s\n", _("none"));
  for (guint i = 0; i < a->eq.n_spinodals; i++)
    printf ("  %.6g < c < %.6g\n", a->eq.spinodals[i].lo, a->eq.spinodals[i].hi);

  printf ("\n%s\n", _("Composition c₀"));
  printf ("  c₀ = %.6g: %s\n", m->c0, region_label (a->region));
  {
    const SpGap *gap = sp_equilibrium_find_gap (&a->eq, m->c0);

    if (gap != NULL)
      {
        double f_alpha, f_beta;
        g_autofree char *text = NULL;

        sp_gap_lever_fractions (gap, m->c0, &f_alpha, &f_beta);
        /* Translators: the lever rule, e.g. "38.2 % α (c = 0.09) + 61.8 %
         * β (c = 0.91)"; %% is a percent sign. */
        text = g_strdup_printf (_("%.3g %% α (c = %.6g) + %.3g %% β (c = %.6g)"),
                                100.0 * f_alpha, gap->c_alpha, 100.0 * f_beta, gap->c_beta);
        print_row (_("At equilibrium it splits into"), text);
      }
  }
  if (a->dispersion.unstable)
    {
      print_number (_("Fastest-growing wavenumber k*"), a->dispersion.k_star, "1/nm");
      print_number (_("Fastest-growing wavelength λ*"), a->dispersion.lambda_star, "nm");
      print_number (_("Maximum growth rate σ_max"), a->dispersion.sigma_max, "1/s");
    }
}

int
sp_cli_analyze (int    argc,
                char **argv)
{
  g_autoptr(SpCliModelOptions) opts = sp_cli_model_options_new ();
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of a table"), NULL },
    { NULL }
  };
  SpModel model;
  Analysis a;

  g_option_context_set_summary (context,
    _("Common tangents, spinodals, critical temperature, plateau voltages and the\n"
      "linear stability of c₀ for one free-energy model.\n\n"
      "Examples:\n"
      "  spinodal-cli analyze --preset lifepo4\n"
      "  spinodal-cli analyze --omega 103.4 --temperature 300 --c0 0.2 --json"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, sp_cli_model_options_group (opts));
  if (!sp_cli_parse (context, "analyze", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  if (!sp_cli_model_options_resolve (opts, &model, &error))
    {
      g_printerr ("spinodal-cli analyze: %s\n", error->message);
      return SP_CLI_EXIT_USAGE;
    }

  analyze (&model, &a);
  if (json)
    {
      g_autofree char *text = analysis_to_json (&a);
      printf ("%s\n", text);
    }
  else
    print_table (&a);

  return SP_CLI_EXIT_OK;
}
