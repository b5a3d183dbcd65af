/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-presets.h — material presets, read from JSON files in a GResource */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

typedef struct
{
  char    *id;            /* "lifepo4", the --preset name        */
  char    *name;          /* "LiFePO₄" (translatable in the UI)  */
  char    *description;
  char    *source;        /* citation                             */
  gboolean illustrative;  /* made-up numbers for teaching         */
  SpModel  model;
  /* The insertion reaction's Butler–Volmer kinetics (the driven
   * simulation's k₀ and α), when the preset gives them. */
  gboolean has_kinetics;
  double   k0;               /* exchange rate, 1/s                  */
  double   alpha;            /* transfer coefficient, (0, 1)        */
  char    *kinetics_source;  /* citation and conversion, or NULL    */
} SpPreset;

#define SP_PRESETS_ERROR (sp_presets_error_quark ())
GQuark     sp_presets_error_quark   (void);
typedef enum
{
  SP_PRESETS_ERROR_NOT_FOUND,
  SP_PRESETS_ERROR_INVALID,
} SpPresetsError;

/* The id of the preset the window and README use by default. */
#define SP_PRESET_DEFAULT "lifepo4"

/* Every preset, sorted as listed in the resource's index. */
GPtrArray *sp_presets_load_all      (GError    **error);
SpPreset  *sp_presets_lookup        (const char *id,
                                     GError    **error);
/* Parses one preset document (exposed for tests and for user presets). */
SpPreset  *sp_preset_parse          (const char *json,
                                     gssize      length,
                                     GError    **error);
void       sp_preset_free           (SpPreset   *preset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPreset, sp_preset_free)

G_END_DECLS
