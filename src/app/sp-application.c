/* sp-application.c — the Spinodal application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-window.h"

struct _SpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static void
sp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SpApplication *self = user_data;
  GList *windows;

  /* Close the windows first so that each one can tear down cleanly. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
sp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = {
    "The Spinodal developers",
    NULL
  };
  static const char *parameters[] = {
    "Bai, Cogswell and Bazant, Nano Lett. 11, 4890 (2011)",
    "MPET (Multiphase Porous Electrode Theory)",
    "Yamada et al., Nat. Mater. 5, 357 (2006)",
    NULL
  };
  static const char *benchmarks[] = {
    "Jokisaari et al., Comput. Mater. Sci. 126, 139 (2017)",
    NULL
  };
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Spinodal"),
                        "developer-name", _("The Spinodal developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Explore why an intercalation electrode fills as one "
                                      "solid solution or splits into lithium-rich and "
                                      "lithium-poor phases, and what that does to its "
                                      "voltage and microstructure."),
                        "copyright", _("© 2026 The Spinodal developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* Not installed (running from the build tree): no icon rather than the
   * "missing image" one. */
  if (gtk_icon_theme_has_icon (icon_theme, APP_ID))
    adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_add_acknowledgement_section (about, _("Material Parameters"), parameters);
  adw_about_window_add_acknowledgement_section (about, _("Benchmarks"), benchmarks);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", sp_application_quit_action },
  { "about", sp_application_about_action },
};

static void
sp_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  SpApplication *self = SP_APPLICATION (application);

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);
}

static void
sp_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (SP_APPLICATION (application)));

  gtk_window_present (window);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
}

static void
sp_application_init (SpApplication *self)
{
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/spinodal/Spinodal",
                       NULL);
}
