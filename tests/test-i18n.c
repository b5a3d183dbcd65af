/* test-i18n.c — gettext set-up, the preset texts table and region labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sp-gsl.h"
#include "sp-i18n.h"
#include "sp-presets.h"

static gboolean
in_table (const char *text)
{
  const char * const *table = sp_i18n_get_preset_texts ();

  for (guint i = 0; table[i] != NULL; i++)
    if (g_strcmp0 (table[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* Every bundled preset's name and description must be extractable by
 * xgettext, and the table must not keep texts of presets that are gone. */
static void
test_preset_texts_match_presets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) presets = sp_presets_load_all (&error);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *table = sp_i18n_get_preset_texts ();

  g_assert_no_error (error);
  g_assert_cmpuint (presets->len, >, 0);

  for (guint i = 0; i < presets->len; i++)
    {
      SpPreset *p = g_ptr_array_index (presets, i);

      if (!in_table (p->name))
        g_error ("preset “%s”: name “%s” is missing from the table in src/core/sp-i18n.c",
                 p->id, p->name);
      if (!in_table (p->description))
        g_error ("preset “%s”: description is missing from (or differs in) the table "
                 "in src/core/sp-i18n.c", p->id);
      g_hash_table_add (used, p->name);
      g_hash_table_add (used, p->description);
    }

  for (guint i = 0; table[i] != NULL; i++)
    if (!g_hash_table_contains (used, table[i]))
      g_error ("src/core/sp-i18n.c lists “%.40s…”, which no bundled preset uses", table[i]);
  g_assert_cmpuint (g_strv_length ((char **) table), ==, 2 * presets->len);
}

static void
test_localedir_env (void)
{
  g_autofree char *saved = g_strdup (g_getenv (SP_I18N_LOCALEDIR_ENV));

  g_setenv (SP_I18N_LOCALEDIR_ENV, "/tmp/some/where", TRUE);
  g_assert_cmpstr (sp_i18n_get_localedir (), ==, "/tmp/some/where");
  g_setenv (SP_I18N_LOCALEDIR_ENV, "", TRUE);
  g_assert_cmpstr (sp_i18n_get_localedir (), ==, LOCALEDIR);
  g_unsetenv (SP_I18N_LOCALEDIR_ENV);
  g_assert_cmpstr (sp_i18n_get_localedir (), ==, LOCALEDIR);

  if (saved != NULL)
    g_setenv (SP_I18N_LOCALEDIR_ENV, saved, TRUE);
}

static void
test_untranslated (void)
{
  /* The tests run with LC_ALL=C.UTF-8 and no catalogue: English. */
  g_assert_cmpstr (sp_i18n_region_label (SP_REGION_STABLE), ==, "Stable");
  g_assert_cmpstr (sp_i18n_region_label (SP_REGION_METASTABLE), ==, "Metastable");
  g_assert_cmpstr (sp_i18n_region_label (SP_REGION_UNSTABLE), ==, "Unstable");
  /* The empty msgid is the catalogue header: it must pass through. */
  g_assert_cmpstr (sp_i18n_preset_text (""), ==, "");
  g_assert_null (sp_i18n_preset_text (NULL));
  g_assert_cmpstr (sp_i18n_preset_text ("not a preset text"), ==, "not a preset text");
}

/* A tiny German catalogue compiled with msgfmt: sp_i18n_init () must find it
 * through $SPINODAL_LOCALEDIR and $LANGUAGE, the presets and region labels
 * must come back translated, and the JSON keywords must not. */
static const char test_po[] =
  "msgid \"\"\n"
  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
  "\n"
  "msgid \"Metastable\"\n"
  "msgstr \"Metastabil\"\n"
  "\n"
  "msgid \"Textbook regular solution\"\n"
  "msgstr \"Reguläre Lösung aus dem Lehrbuch\"\n";

static void
translated_child (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPreset) textbook = NULL;
  g_autoptr(SpPreset) lifepo4 = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("runs as a subprocess of /i18n/translated");
      return;
    }
  sp_i18n_init ();

  g_assert_cmpstr (sp_i18n_region_label (SP_REGION_METASTABLE), ==, "Metastabil");
  /* Not in the catalogue: English. */
  g_assert_cmpstr (sp_i18n_region_label (SP_REGION_UNSTABLE), ==, "Unstable");
  g_assert_cmpstr (sp_region_to_string (SP_REGION_METASTABLE), ==, "metastable");

  textbook = sp_presets_lookup ("textbook", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (textbook->name, ==, "Reguläre Lösung aus dem Lehrbuch");
  g_assert_cmpstr (textbook->id, ==, "textbook");
  g_assert_true (g_str_has_prefix (textbook->description, "The worked example"));

  lifepo4 = sp_presets_lookup ("lifepo4", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lifepo4->name, ==, "LiFePO₄");
}

static void
restore_environ (GStrv saved)
{
  const char *keys[] = { SP_I18N_LOCALEDIR_ENV, "LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = g_environ_getenv (saved, keys[i]);

      if (value != NULL)
        g_setenv (keys[i], value, TRUE);
      else
        g_unsetenv (keys[i]);
    }
}

static void
test_translated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *po = NULL;
  g_autofree char *mo_dir = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *err = NULL;
  int status;
  const char *argv[] = { msgfmt, "--check", "-o", NULL, NULL, NULL };
  g_auto(GStrv) saved = g_get_environ ();

  if (msgfmt == NULL)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }

  dir = g_dir_make_tmp ("spinodal-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  po = g_build_filename (dir, "de.po", NULL);
  mo_dir = g_build_filename (dir, "de", "LC_MESSAGES", NULL);
  mo = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po, test_po, -1, &error));
  g_assert_no_error (error);

  argv[3] = mo;
  argv[4] = po;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt failed: %s", err);

  /* gettext caches lookups: run the translated checks in a fresh process,
   * which inherits this environment. */
  g_setenv (SP_I18N_LOCALEDIR_ENV, dir, TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_test_trap_subprocess ("/i18n/translated/subprocess", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  restore_environ (saved);
  g_test_trap_assert_passed ();

  g_remove (mo);
  g_remove (po);
  g_rmdir (mo_dir);
  mo_dir[strlen (mo_dir) - strlen ("/LC_MESSAGES")] = '\0';
  g_rmdir (mo_dir);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/preset-texts/match-presets", test_preset_texts_match_presets);
  g_test_add_func ("/i18n/localedir/env", test_localedir_env);
  g_test_add_func ("/i18n/untranslated", test_untranslated);
  g_test_add_func ("/i18n/translated", test_translated);
  g_test_add_func ("/i18n/translated/subprocess", translated_child);

  return g_test_run ();
}
