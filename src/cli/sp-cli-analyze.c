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
#include "sp-kinetics.h"

typedef struct
{
  SpModel       model;
  gboolean      has_critical;
  double        t_c, c_c;
  SpEquilibrium eq;
  SpRegion      region;
  SpDispersion  dispersion;
} Analysis;

static void
analyze (const SpModel *model,
         Analysis      *a)
{
  a->model = *model;
  a->has_critical = sp_critical_point (model, &a->t_c, &a->c_c);
  sp_equilibrium_compute (model, &a->eq);
  a->region = sp_equilibrium_classify (&a->eq, model->c0);
  sp_kinetics_dispersion (model, &a->dispersion);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *key,
                    gboolean     defined,
                    double       value)
{
  json_builder_set_member_name (builder, key);
  /* JSON has no NaN or infinity: an undefined number is null. */
  if (defined && isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
analysis_to_json (const Analysis *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  double omega_eff = sp_model_omega_eff (&a->model);

  json_builder_begin_object (builder);
  add_number_or_null (builder, "omega_eff_meV", TRUE, omega_eff);
  add_number_or_null (builder, "omega_over_kT", TRUE, omega_eff / sp_model_kt (&a->model));
  add_number_or_null (builder, "critical_temperature_K", a->has_critical, a->t_c);

  json_builder_set_member_name (builder, "miscibility_gaps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->eq.n_gaps; i++)
    {
      const SpGap *gap = &a->eq.gaps[i];

      json_builder_begin_object (builder);
      add_number_or_null (builder, "c_alpha", TRUE, gap->c_alpha);
      add_number_or_null (builder, "c_beta", TRUE, gap->c_beta);
      add_number_or_null (builder, "mu_meV", TRUE, gap->mu);
      add_number_or_null (builder, "voltage_V", TRUE, gap->voltage);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "spinodal_intervals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < a->eq.n_spinodals; i++)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, a->eq.spinodals[i].lo);
      json_builder_add_double_value (builder, a->eq.spinodals[i].hi);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "c0_region");
  json_builder_add_string_value (builder, sp_region_to_string (a->region));

  add_number_or_null (builder, "k_star_per_nm", a->dispersion.unstable, a->dispersion.k_star);
  add_number_or_null (builder, "lambda_star_nm", a->dispersion.unstable, a->dispersion.lambda_star);
  add_number_or_null (builder, "sigma_max_per_s", a->dispersion.unstable, a->dispersion.sigma_max);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
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
  if (a->has_critical)
    {
      g_autofree char *text = g_strdup_printf ("%.6g K (c = %.6g)", a->t_c, a->c_c);
      print_row (_("Critical temperature T_c"), text);
    }
  else
    print_row (_("Critical temperature T_c"), _("none (no gap at any temperature)"));

  printf ("\n%s\n", _("Miscibility gaps (common tangents)"));
  if (a->eq.n_gaps == 0)
    printf ("  %s\n", _("none: a solid solution at every composition"));
  for (guint i = 0; i < a->eq.n_gaps; i++)
    printf ("  c_α = %-12.6g c_β = %-12.6g μ* = %-10.6g meV  %s %.6g V\n",
            a->eq.gaps[i].c_alpha, a->eq.gaps[i].c_beta, a->eq.gaps[i].mu,
            _("plateau"), a->eq.gaps[i].voltage);

  printf ("\n%s\n", _("Spinodal intervals (g'' < 0)"));
  if (a->eq.n_spinodals == 0)
    printf ("  %s\n", _("none"));
  for (guint i = 0; i < a->eq.n_spinodals; i++)
    printf ("  %.6g < c < %.6g\n", a->eq.spinodals[i].lo, a->eq.spinodals[i].hi);

  printf ("\n%s\n", _("Composition c₀"));
  printf ("  c₀ = %.6g: %s\n", m->c0, region_label (a->region));
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
