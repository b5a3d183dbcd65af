/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-presets.c — `spinodal-cli presets`: the material presets */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sp-cli-commands.h"
#include "sp-cli-options.h"
#include "sp-presets.h"

int
sp_cli_presets (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) presets = NULL;
  g_autoptr(GError) error = NULL;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Also print each preset's description, source and parameters"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context,
    _("List the material presets usable with --preset NAME.\n\n"
      "Example:\n"
      "  spinodal-cli presets --verbose"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!sp_cli_parse (context, "presets", &argc, &argv))
    return SP_CLI_EXIT_USAGE;

  presets = sp_presets_load_all (&error);
  if (presets == NULL)
    {
      g_printerr ("spinodal-cli presets: %s\n", error->message);
      return SP_CLI_EXIT_FAILURE;
    }

  for (guint i = 0; i < presets->len; i++)
    {
      const SpPreset *p = g_ptr_array_index (presets, i);
      const SpModel *m = &p->model;

      printf ("%-16s %s\n", p->id, p->name);
      if (!verbose)
        continue;
      printf ("    %s\n    %s: %s\n", p->description, _("Source"), p->source);
      printf ("    Ω = %g meV, T = %g K, s₁ = %g k_B, K = %g meV, κ = %g meV·nm²,\n"
              "    L₁…L₄ = %g, %g, %g, %g meV, D₀ = %g nm²/s, V₀ = %g V, c₀ = %g, %s\n\n",
              m->omega, m->temperature, m->s1, m->stiffness, m->kappa,
              m->rk[0], m->rk[1], m->rk[2], m->rk[3], m->d0, m->v0, m->c0,
              m->mobility == SP_MOBILITY_CONSTANT ? "constant" : "site-blocking");
    }
  return SP_CLI_EXIT_OK;
}
