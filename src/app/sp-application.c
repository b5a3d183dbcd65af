/* sp-application.c — the Spinodal application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "sp-application.h"
#include "sp-bench.h"
#include "sp-window.h"
#include "sp-window-lesson.h"

struct _SpApplication
{
  AdwApplication parent_instance;

  /* --bench-redraw: measure the redraw in a fresh window, then quit. */
  gboolean       bench_redraw;
  /* --lesson: opened in the first window. */
  char          *lesson;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static void
sp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SpApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window is asked to close, so that one with unsaved changes to its
   * session file can ask first (sp-window-document.c); the application
   * ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);

  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
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

static void sp_application_open_lesson_action (GSimpleAction *action,
                                               GVariant      *parameter,
                                               gpointer       user_data);

static const GActionEntry app_actions[] = {
  { "quit", sp_application_quit_action },
  { "about", sp_application_about_action },
  { "open-lesson", sp_application_open_lesson_action, "s" },
};

/* SIGTERM and SIGINT (a session ending, Ctrl+C in a terminal) end the
 * application through its main loop rather than mid-step: the simulation
 * threads are stopped and joined and the process exits normally, so what
 * runs at exit runs (coverage data among it). */
static gboolean
sp_application_terminate (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
sp_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    /* The Export menu (sp-window-export.c). */
    { "win.export-figure", { "<Control>e", NULL } },
    { "win.export-data", { "<Control><Shift>e", NULL } },
    { "win.copy-figure", { "<Control><Shift>c", NULL } },
    /* Session files (sp-window-document.c). */
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
  };
  SpApplication *self = SP_APPLICATION (application);

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (application);

  g_unix_signal_add (SIGTERM, sp_application_terminate, self);
  g_unix_signal_add (SIGINT, sp_application_terminate, self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);
}

/* app.open-lesson: a lesson (a shipped name or an absolute path) in the
 * most recently focused window, or a new one. */
static void
sp_application_open_lesson_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (app); window == NULL && l != NULL; l = l->next)
    if (SP_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (app));
  gtk_window_present (window);
  sp_window_open_lesson (SP_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static int
sp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  SpApplication *self = SP_APPLICATION (application);
  const char *lesson = NULL;

  /* --lesson FILE|NAME: a file is made absolute here (the running
   * instance may have another working directory), then the action goes to
   * whichever instance is primary. */
  if (g_variant_dict_lookup (options, "lesson", "&s", &lesson))
    {
      g_autofree char *source = NULL;
      g_autoptr(GError) error = NULL;

      if (g_str_has_suffix (lesson, ".lesson") || strchr (lesson, G_DIR_SEPARATOR) != NULL ||
          g_file_test (lesson, G_FILE_TEST_EXISTS))
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (lesson);
          source = g_file_get_path (file);
        }
      else
        source = g_strdup (lesson);
      if (source == NULL)
        source = g_strdup (lesson);
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("spinodal: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (application))
        {
          g_action_group_activate_action (G_ACTION_GROUP (application), "open-lesson",
                                          g_variant_new_string (source));
          return 0;
        }
      /* This process is the application: activate() opens it. */
      g_free (self->lesson);
      self->lesson = g_steal_pointer (&source);
    }

  if (g_variant_dict_contains (options, "bench-redraw"))
    {
      /* A measurement of this process, never of an instance already
       * running on the bus. */
      self->bench_redraw = TRUE;
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
sp_application_activate (GApplication *application)
{
  SpApplication *self = SP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (self->bench_redraw)
    {
      sp_bench_redraw_start (sp_window_new (GTK_APPLICATION (self)), 60);
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
  if (self->lesson != NULL)
    {
      g_autofree char *lesson = g_steal_pointer (&self->lesson);
      sp_window_open_lesson (SP_WINDOW (window), lesson);
    }
}

/* `spinodal FILE` and the file manager: one window holds one session, so
 * the first file is opened in the explorer window (a new one if there is
 * none); a file that cannot be opened is reported in a dialog. */
static void
sp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (application);
  GtkWindow *window = NULL;

  if (self->bench_redraw || n_files < 1)
    {
      sp_application_activate (application);
      return;
    }

  /* The most recently focused explorer window (not, say, About). */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application));
       window == NULL && l != NULL; l = l->next)
    if (SP_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    window = GTK_WINDOW (sp_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);
  sp_window_open_file (SP_WINDOW (window), files[0]);
}

static void
sp_application_finalize (GObject *object)
{
  g_free (SP_APPLICATION (object)->lesson);
  G_OBJECT_CLASS (sp_application_parent_class)->finalize (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = sp_application_finalize;
  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  static const GOptionEntry options[] = {
    { "lesson", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Open a lesson: a shipped lesson’s name or a .lesson file"), N_("FILE|NAME") },
    { "bench-redraw", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Time a parameter change until every analysis plot is redrawn at 1920 × 1080, then quit"),
      NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/spinodal/Spinodal",
                       NULL);
}
