/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-cli-options.c — parsing and range-checking the analysis flags */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "sp-cli-options.h"
#include "sp-presets.h"
#include "sp-session.h"

enum {
  SET_OMEGA       = 1 << 0,
  SET_TEMPERATURE = 1 << 1,
  SET_S1          = 1 << 2,
  SET_STIFFNESS   = 1 << 3,
  SET_KAPPA       = 1 << 4,
  SET_RK          = 1 << 5,
  SET_D0          = 1 << 6,
  SET_V0          = 1 << 7,
  SET_C0          = 1 << 8,
  SET_MOBILITY    = 1 << 9,
};

struct _SpCliModelOptions
{
  SpModel    values;   /* only the fields flagged in @set are meaningful */
  guint      set;
  char      *preset;
  SpSession *session;  /* loaded by --session, or NULL */
};

SpCliModelOptions *
sp_cli_model_options_new (void)
{
  return g_new0 (SpCliModelOptions, 1);
}

void
sp_cli_model_options_free (SpCliModelOptions *opts)
{
  if (opts == NULL)
    return;
  g_free (opts->preset);
  if (opts->session != NULL)
    sp_session_clear (opts->session);
  g_free (opts->session);
  g_free (opts);
}

/* Plain decimal notation only: digits, one sign, '.', an exponent.  No
 * spaces around it (a shell quote can carry them in), no hexadecimal, no
 * "inf" or "nan" (g_ascii_strtod accepts all of these). */
static gboolean
is_plain_decimal (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr ("+-.eE", *p) == NULL)
      return FALSE;
  return TRUE;
}

static void
set_not_a_number (GError     **error,
                  const char  *flag,
                  const char  *text,
                  const char  *allowed)
{
  g_autofree char *dotted = g_strdelimit (g_strdup (text), ",", '.');

  /* "103,4" from a German keyboard (and the German output): say why. */
  if (strchr (text, ',') != NULL && is_plain_decimal (dotted) &&
      isfinite (g_ascii_strtod (dotted, NULL)))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("%s: “%s” is not a number: use '.' as the decimal separator (%s); allowed: %s"),
                 flag, text, dotted, allowed);
  else if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("%s: “%s” has spaces around the number; allowed: %s"), flag, text, allowed);
  else
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("%s: “%s” is not a number; allowed: %s"), flag, text, allowed);
}

gboolean
sp_cli_parse_number (const char         *flag,
                     const char         *text,
                     const SpParamRange *range,
                     double             *out,
                     GError            **error)
{
  g_autofree char *allowed = sp_param_range_describe (range);
  char *end = NULL;
  double value;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a number in %s"), flag, allowed);
      return FALSE;
    }

  value = g_ascii_strtod (text, &end);
  if (!is_plain_decimal (text) || end == text || *end != '\0' || !isfinite (value))
    {
      set_not_a_number (error, flag, text, allowed);
      return FALSE;
    }
  if (!sp_param_range_contains (range, value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: %s is out of range; allowed: %s"), flag, text, allowed);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
sp_cli_parse_integer (const char  *flag,
                      const char  *text,
                      guint64      min,
                      guint64      max,
                      guint64     *out,
                      GError     **error)
{
  /* Base 10 only, digits only (no sign, spaces, "0x" or exponent), as
   * for every number flag; the same message for every integer flag. */
  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is not a whole number in [%" PRIu64 ", %" PRIu64 "] "
                     "(decimal digits only)"),
                   flag, text != NULL ? text : "", (uint64_t) min, (uint64_t) max);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *flag;
  SpParamId   id;
  gsize       offset;
  guint       bit;
} NumberFlag;

static const NumberFlag number_flags[] = {
  { "--omega",       SP_PARAM_OMEGA,       G_STRUCT_OFFSET (SpModel, omega),       SET_OMEGA },
  { "--temperature", SP_PARAM_TEMPERATURE, G_STRUCT_OFFSET (SpModel, temperature), SET_TEMPERATURE },
  { "--s1",          SP_PARAM_S1,          G_STRUCT_OFFSET (SpModel, s1),          SET_S1 },
  { "--stiffness",   SP_PARAM_STIFFNESS,   G_STRUCT_OFFSET (SpModel, stiffness),   SET_STIFFNESS },
  { "--kappa",       SP_PARAM_KAPPA,       G_STRUCT_OFFSET (SpModel, kappa),       SET_KAPPA },
  { "--d0",          SP_PARAM_D0,          G_STRUCT_OFFSET (SpModel, d0),          SET_D0 },
  { "--v0",          SP_PARAM_V0,          G_STRUCT_OFFSET (SpModel, v0),          SET_V0 },
  { "--c0",          SP_PARAM_C0,          G_STRUCT_OFFSET (SpModel, c0),          SET_C0 },
};

static gboolean
on_number (const char *option_name,
           const char *value,
           gpointer    data,
           GError    **error)
{
  SpCliModelOptions *opts = data;

  for (guint i = 0; i < G_N_ELEMENTS (number_flags); i++)
    {
      const NumberFlag *f = &number_flags[i];
      double *field = G_STRUCT_MEMBER_P (&opts->values, f->offset);

      if (strcmp (option_name, f->flag) != 0)
        continue;
      if (!sp_cli_parse_number (f->flag, value, sp_param_range (f->id), field, error))
        return FALSE;
      opts->set |= f->bit;
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
               _("unknown option %s"), option_name);
  return FALSE;
}

static gboolean
on_rk (const char *option_name,
       const char *value,
       gpointer    data,
       GError    **error)
{
  SpCliModelOptions *opts = data;
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  guint n = g_strv_length (parts);

  if (n == 0 || n > SP_RK_MAX)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--rk takes 1 to %d comma-separated numbers L1,L2,… in meV"),
                   SP_RK_MAX);
      return FALSE;
    }

  for (guint j = 0; j < SP_RK_MAX; j++)
    opts->values.rk[j] = 0.0;
  for (guint j = 0; j < n; j++)
    {
      g_autofree char *flag = g_strdup_printf ("--rk (L%u)", j + 1);
      g_autofree char *text = g_strstrip (g_strdup (parts[j]));

      if (!sp_cli_parse_number (flag, text, sp_param_range (SP_PARAM_RK),
                                &opts->values.rk[j], error))
        return FALSE;
    }
  opts->set |= SET_RK;
  return TRUE;
}

static gboolean
on_mobility (const char *option_name,
             const char *value,
             gpointer    data,
             GError    **error)
{
  SpCliModelOptions *opts = data;

  if (g_strcmp0 (value, "site-blocking") == 0)
    opts->values.mobility = SP_MOBILITY_SITE_BLOCKING;
  else if (g_strcmp0 (value, "constant") == 0)
    opts->values.mobility = SP_MOBILITY_CONSTANT;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--mobility: “%s” is not a mobility model; allowed: site-blocking, constant"),
                   value);
      return FALSE;
    }
  opts->set |= SET_MOBILITY;
  return TRUE;
}

/* Loads the file while parsing, so that a bad session stops the command
 * with the usage status and a message naming the field. */
static gboolean
on_session (const char *option_name,
            const char *value,
            gpointer    data,
            GError    **error)
{
  SpCliModelOptions *opts = data;
  g_autoptr(GError) load_error = NULL;
  SpSession loaded;

  sp_session_init_default (&loaded);
  if (!sp_session_load (&loaded, value, &load_error))
    {
      sp_session_clear (&loaded);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--session “%s”: %s"), value, load_error->message);
      return FALSE;
    }
  if (opts->session == NULL)
    opts->session = g_new0 (SpSession, 1);
  else
    sp_session_clear (opts->session);
  *opts->session = loaded;
  return TRUE;
}

GOptionGroup *
sp_cli_model_options_group (SpCliModelOptions *opts)
{
  const GOptionEntry entries[] = {
    { "omega", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Interaction parameter Ω in meV [-1000, 1000]"), N_("MEV") },
    { "temperature", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Temperature T in K [1, 3000]"), N_("K") },
    { "s1", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Vibrational entropy s₁ in k_B [-10, 10]; Ω_eff = Ω − s₁ k_B T"), N_("KB") },
    { "stiffness", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Coherency stiffness K in meV [0, 1000]"), N_("MEV") },
    { "kappa", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Gradient coefficient κ in meV·nm² [0.001, 1e5]"), N_("MEV_NM2") },
    { "rk", 0, 0, G_OPTION_ARG_CALLBACK, on_rk,
      N_("Redlich–Kister coefficients L1,L2,L3,L4 in meV [-1000, 1000]"), N_("L1,L2,…") },
    { "c0", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Mean composition c₀ (0, 1)"), N_("C") },
    { "d0", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Diffusivity scale D₀ in nm²/s (0, 1e9]"), N_("NM2_PER_S") },
    { "v0", 0, 0, G_OPTION_ARG_CALLBACK, on_number,
      N_("Reference potential V₀ in V [-5, 10]"), N_("V") },
    { "mobility", 0, 0, G_OPTION_ARG_CALLBACK, on_mobility,
      N_("Mobility model: site-blocking (default) or constant"), N_("MODEL") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &opts->preset,
      N_("Start from a material preset (see “spinodal-cli presets”)"), N_("NAME") },
    { "session", 0, 0, G_OPTION_ARG_CALLBACK, on_session,
      N_("Start from a saved session (.spinodal); --preset and the flags above override it"),
      N_("FILE") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("model", _("Model parameters:"),
                                            _("Show the model parameters"),
                                            opts, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

char *
sp_cli_model_options_describe_given (SpCliModelOptions *opts)
{
  g_autoptr(GString) given = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (number_flags); i++)
    if (opts->set & number_flags[i].bit)
      g_string_append_printf (given, "%s%s", given->len > 0 ? ", " : "", number_flags[i].flag);
  if (opts->set & SET_RK)
    g_string_append_printf (given, "%s--rk", given->len > 0 ? ", " : "");
  if (opts->set & SET_MOBILITY)
    g_string_append_printf (given, "%s--mobility", given->len > 0 ? ", " : "");
  if (opts->preset != NULL)
    g_string_append_printf (given, "%s--preset", given->len > 0 ? ", " : "");
  if (given->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&given), FALSE);
}

const char *
sp_cli_model_options_preset (SpCliModelOptions *opts)
{
  if (opts->preset == NULL && opts->session != NULL)
    return opts->session->preset;
  return opts->preset;
}

const SpSession *
sp_cli_model_options_session (SpCliModelOptions *opts)
{
  return opts->session;
}

gboolean
sp_cli_model_options_resolve (SpCliModelOptions *opts,
                              SpModel           *model,
                              GError           **error)
{
  const SpModel *v = &opts->values;

  /* Lowest to highest precedence: defaults, session, --preset, flags. */
  if (opts->preset != NULL)
    {
      g_autoptr(SpPreset) preset = sp_presets_lookup (opts->preset, error);

      if (preset == NULL)
        return FALSE;
      *model = preset->model;
    }
  else if (opts->session != NULL)
    *model = opts->session->sim.model;
  else
    sp_model_init_default (model);

  for (guint i = 0; i < G_N_ELEMENTS (number_flags); i++)
    if (opts->set & number_flags[i].bit)
      G_STRUCT_MEMBER (double, model, number_flags[i].offset) =
        G_STRUCT_MEMBER (double, v, number_flags[i].offset);
  if (opts->set & SET_RK)
    memcpy (model->rk, v->rk, sizeof model->rk);
  if (opts->set & SET_MOBILITY)
    model->mobility = v->mobility;

  return sp_model_validate (model, error);
}

static gboolean
has_session_flag (int    argc,
                  char **argv)
{
  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    if (g_strcmp0 (argv[i], "--session") == 0 || g_str_has_prefix (argv[i], "--session="))
      return TRUE;
  return FALSE;
}

/* The subcommands' flags that take no value.  GOption ignores a value given
 * to them ("--json=0" would mean --json): refuse it instead. */
static const char *const valueless_flags[] = { "--json", "--caption", NULL };

static gboolean
check_valueless_flags (int      argc,
                       char   **argv,
                       GError **error)
{
  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    for (guint f = 0; valueless_flags[f] != NULL; f++)
      {
        gsize len = strlen (valueless_flags[f]);

        if (strncmp (argv[i], valueless_flags[f], len) == 0 && argv[i][len] == '=')
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                         _("%s takes no value (“%s”): give %s alone, or leave it out"),
                         valueless_flags[f], argv[i], valueless_flags[f]);
            return FALSE;
          }
      }
  return TRUE;
}

gboolean
sp_cli_parse_args (GOptionContext *context,
                   const char     *command,
                   int            *argc,
                   char         ***argv,
                   GError        **error)
{
  g_autoptr(GError) local = NULL;
  gboolean had_session = has_session_flag (*argc, *argv);
  g_autofree char *prgname = g_strconcat ("spinodal-cli ", command, NULL);

  /* --help prints "Usage: spinodal-cli analyze [OPTION…]", not "analyze". */
  g_set_prgname (prgname);
  if (!check_valueless_flags (*argc, *argv, error))
    return FALSE;
  if (!g_option_context_parse (context, argc, argv, &local))
    {
      /* Commands without model parameters (presets) have no --session:
       * say why rather than just "unknown option". */
      if (g_error_matches (local, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION) &&
          had_session && strstr (local->message, "--session") != NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION,
                       _("--session does not apply to “%s”: it reads no model parameters"),
                       command);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_cli_parse (GOptionContext *context,
              const char     *command,
              int            *argc,
              char         ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!sp_cli_parse_args (context, command, argc, argv, &error))
    {
      g_printerr ("spinodal-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}
