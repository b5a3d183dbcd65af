/* sp-i18n.c — gettext set-up and the translatable texts of the presets
 *
 * The presets are JSON files in a GResource, which xgettext cannot read:
 * their names and descriptions are repeated here as N_() strings so that they
 * reach po/spinodal.pot, and sp_presets_* looks them up in the catalogue.
 * tests/test-i18n.c fails when this table and data/presets/ disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sp-i18n.h"

static const char * const preset_texts[] = {
  /* Translators: the name of the material preset “lifepo4” */
  N_("LiFePO₄"),
  /* Translators: the description of the material preset “lifepo4” */
  N_("Olivine lithium iron phosphate, the classic two-phase cathode: a "
     "long flat plateau at 3.422 V. Regular-solution interaction 4.51 kT "
     "at 298 K with coherency strain, which narrows the gap and puts the "
     "plateau K/e = 0.0434 V below V₀. This symmetric model gives the "
     "miscibility gap 0.090 < c < 0.910, while the measured "
     "room-temperature end members are about Li₀.₀₅FePO₄ and Li₀.₈₉FePO₄: "
     "the measured gap is asymmetric, shifted towards Li-poor "
     "compositions, which a symmetric regular solution cannot reproduce. "
     "The parameters are kept as published rather than tuned to the "
     "data."),
  /* Translators: the name of the material preset “lto” */
  N_("Li₄Ti₅O₁₂"),
  /* Translators: the description of the material preset “lto” */
  N_("Spinel lithium titanate anode: a flat two-phase plateau near 1.55 V "
     "with almost no strain (zero-strain material). Interaction 3.48 kT at "
     "298 K. The source gives no diffusivity; D₀ = 1 nm²/s only sets the "
     "time scale of the simulation."),
  /* Translators: the name of the material preset “textbook” */
  N_("Textbook regular solution"),
  /* Translators: the description of the material preset “textbook” */
  N_("The worked example of the source text: Ω = 4 kT at 300 K, no strain, "
     "no vibrational entropy. The spinodal spans 0.146 < c < 0.854; c₀ = 0.2 "
     "decomposes spontaneously, c₀ = 0.05 is metastable and needs "
     "nucleation."),
  /* Translators: the name of the material preset “solid-solution” */
  N_("Sloping solid solution (illustrative)"),
  /* Translators: the description of the material preset “solid-solution” */
  N_("Illustrative numbers, not a measured material: a weak interaction (Ω ≈ "
     "1.2 kT, below the critical 2 kT) so the host fills as one continuous "
     "solid solution and the voltage slopes smoothly, as in layered oxide "
     "cathodes. There is no plateau and no spinodal at any composition."),
  /* Translators: the name of the material preset “two-plateau” */
  N_("Two-plateau staging-like curve (illustrative)"),
  /* Translators: the description of the material preset “two-plateau” */
  N_("Illustrative numbers, not a measured material: Redlich–Kister terms "
     "make g(c) non-convex in two separate places, so the host separates "
     "into phases twice and the voltage shows two plateaus at different "
     "potentials, reminiscent of the staging of graphite."),
  NULL
};

void
sp_i18n_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, sp_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
sp_i18n_get_localedir (void)
{
  const char *dir = g_getenv (SP_I18N_LOCALEDIR_ENV);

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

const char *
sp_i18n_preset_text (const char *text)
{
  /* The empty msgid is the catalogue's header: never look it up. */
  if (text == NULL || *text == '\0')
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

const char * const *
sp_i18n_get_preset_texts (void)
{
  return preset_texts;
}

const char *
sp_i18n_region_label (SpRegion region)
{
  switch (region)
    {
    case SP_REGION_UNSTABLE:
      /* Translators: c₀ lies inside a spinodal: the mixture decomposes spontaneously */
      return _("Unstable");
    case SP_REGION_METASTABLE:
      /* Translators: c₀ lies in a miscibility gap but outside the spinodal: it needs nucleation */
      return _("Metastable");
    case SP_REGION_STABLE:
    default:
      /* Translators: c₀ lies outside every miscibility gap: one solid solution */
      return _("Stable");
    }
}
