/* main.c — the spinodal executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-gsl.h"
#include "sp-gsl.h"
#include "sp-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;

  /* Before any thread: GSL's statuses are checked, never its handler. */
  sp_gsl_init ();

  /* Locale and catalogue ($SPINODAL_LOCALEDIR overrides the installed one). */
  sp_i18n_init ();

  g_set_application_name (_("Spinodal"));

  app = sp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
