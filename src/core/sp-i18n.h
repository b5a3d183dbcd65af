/* sp-i18n.h — gettext set-up shared by spinodal and spinodal-cli, and the
 * translated texts of core values (preset names, descriptions, regions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-equilibrium.h"

G_BEGIN_DECLS

/* Environment variable naming a locale directory to use instead of the
 * installed one: the tests point it at the build tree's po/ directory. */
#define SP_I18N_LOCALEDIR_ENV "SPINODAL_LOCALEDIR"

/* setlocale (LC_ALL, "") and binds the text domain to sp_i18n_get_localedir ()
 * in UTF-8; call first thing in main (). */
void                sp_i18n_init                  (void);
/* $SPINODAL_LOCALEDIR when set and not empty, else the configured LOCALEDIR. */
const char         *sp_i18n_get_localedir         (void);

/* @text in the user's language when the catalogue has it, else @text itself.
 * The bundled presets' names and descriptions are in the catalogue. */
const char         *sp_i18n_preset_text           (const char *text);
/* The untranslated preset names and descriptions xgettext extracts (NULL
 * terminated); tests check it against the bundled presets. */
const char * const *sp_i18n_get_preset_texts      (void);

/* "Stable", "Metastable", "Unstable" in the user’s language, for display
 * (the same messages as the window’s region label);
 * sp_region_to_string () stays the untranslated JSON / CSV keyword. */
const char         *sp_i18n_region_label          (SpRegion    region);

G_END_DECLS
