/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-launch.c — after an export, "Open" and "Show in Folder"
 * (sp-export-launch.c) reach the desktop: the file's default application
 * is launched with its URI, the file manager's FileManager1.ShowItems is
 * called with it, a desktop without a file manager opens the folder
 * instead, and a file nothing can open is reported, not a crash.
 *
 * The desktop is this process's own: XDG_DATA_HOME and XDG_CONFIG_HOME
 * point into a scratch directory holding a .desktop file (a shell line
 * that writes the URI it gets into a marker file) and the mimeapps.list
 * that makes it the default for PNG and folders; the FileManager1 service
 * is exported by the test itself on the session bus of dbus-run-session.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "sp-export-dialog.h"
#include "sp-gsl.h"
#include "test-tmpdir.h"

static char *home;        /* the scratch XDG home */
static char *marker;      /* what the fake application writes */

static const char introspection[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "  <method name='ShowItems'>"
  "    <arg type='as' name='uris' direction='in'/>"
  "    <arg type='s' name='startup_id' direction='in'/>"
  "  </method>"
  "</interface></node>";

static char *shown_uri;   /* the last ShowItems call's first URI */

static void
file_manager_call (GDBusConnection       *connection,
                   const char            *sender,
                   const char            *path,
                   const char            *interface,
                   const char            *method,
                   GVariant              *parameters,
                   GDBusMethodInvocation *invocation,
                   gpointer               user_data)
{
  g_autofree const char **uris = NULL;
  const char *startup_id;

  g_variant_get (parameters, "(^a&s&s)", &uris, &startup_id);
  g_free (shown_uri);
  shown_uri = g_strdup (uris[0]);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
write_desktop (void)
{
  g_autofree char *apps = g_build_filename (home, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *desktop = g_build_filename (apps, "sp-test-open.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *entry = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  entry = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Marker\n"
                           "Exec=sh -c 'printf %%s \"$1\" > %s.part && mv %s.part %s' sh %%u\n"
                           "MimeType=image/png;inode/directory;\n", marker, marker, marker);
  g_assert_true (g_file_set_contents (desktop, entry, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps,
                                      "[Default Applications]\n"
                                      "image/png=sp-test-open.desktop\n"
                                      "inode/directory=sp-test-open.desktop\n", -1, NULL));
}

/* Waits for the fake application's marker; its text (the URI it got). */
static char *
wait_for_marker (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  char *text = NULL;

  while (!g_file_get_contents (marker, &text, NULL, NULL))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_remove (marker);
  return text;
}

static GtkWidget *
new_widget (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GFile *
new_png (void)
{
  g_autofree char *path = g_build_filename (home, "figure.png", NULL);
  static const char png[] = "\x89PNG\r\n\x1a\n";

  g_assert_true (g_file_set_contents (path, png, sizeof png - 1, NULL));
  return g_file_new_for_path (path);
}

typedef void (*Launch) (GtkWidget *widget,
                        GFile     *file);

/* @launch on a new PNG; the fake application must get @parent's folder
 * (@folder) or the file itself.  GIO hands a local file over as a path or
 * a URI. */
static void
assert_launches (Launch   launch,
                 gboolean folder)
{
  GtkWidget *window = new_widget ();
  g_autoptr(GFile) file = new_png ();
  g_autoptr(GFile) expected = folder ? g_file_get_parent (file) : g_object_ref (file);
  g_autofree char *got = NULL;
  g_autoptr(GFile) opened = NULL;

  launch (window, file);
  got = wait_for_marker ();
  opened = g_file_new_for_commandline_arg (got);
  g_assert_true (g_file_equal (opened, expected));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open (void)
{
  assert_launches (sp_export_dialog_open_file, FALSE);
}

/* A desktop without FileManager1: the folder itself is opened. */
static void
test_show_without_file_manager (void)
{
  assert_launches (sp_export_dialog_show_in_folder, TRUE);
}

/* With a file manager on the bus, it is asked to show the file itself. */
static void
test_show_with_file_manager (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);
  const GDBusInterfaceVTable vtable = { file_manager_call, NULL, NULL, { 0 } };
  GtkWidget *window = new_widget ();
  g_autoptr(GFile) file = new_png ();
  g_autofree char *uri = g_file_get_uri (file);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint object, name;

  g_assert_nonnull (bus);
  object = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1",
                                              info->interfaces[0], &vtable, NULL, NULL, NULL);
  g_assert_cmpuint (object, >, 0);
  name = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1",
                                       G_BUS_NAME_OWNER_FLAGS_NONE, NULL, NULL, NULL, NULL);
  /* Until the bus has given us the name. */
  for (;;)
    {
      g_autoptr(GVariant) owner =
        g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                     "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", "org.freedesktop.FileManager1"),
                                     G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean has_owner = FALSE;

      g_variant_get (owner, "(b)", &has_owner);
      if (has_owner)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  sp_export_dialog_show_in_folder (window, file);
  while (shown_uri == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (shown_uri, ==, uri);
  /* Nothing was opened besides. */
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));

  g_bus_unown_name (name);
  g_dbus_connection_unregister_object (bus, object);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A file no application takes: a warning that names it, no crash. */
static void
test_open_failure (void)
{
  GtkWidget *window = new_widget ();
  g_autofree char *path = g_build_filename (home, "figure.sp-unknown-type", NULL);
  g_autoptr(GFile) file = NULL;
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  g_assert_true (g_file_set_contents (path, "\x01\x02\x03 no known type", -1, NULL));
  file = g_file_new_for_path (path);
  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "Could not open the exported file: *");
  sp_export_dialog_open_file (window, file);
  /* The launch is asynchronous: give it time to fail. */
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_test_assert_expected_messages ();
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data = NULL, *config = NULL;
  int status;

  /* The desktop must be in place before GIO reads it. */
  home = test_tmpdir_new ("sp-export-launch");
  marker = g_build_filename (home, "opened.txt", NULL);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  /* The system's MIME database stays (it names a .png's type); the user's
   * defaults come first. */
  g_setenv ("XDG_CONFIG_DIRS", config, TRUE);
  write_desktop ();

  gtk_disable_setlocale ();
  sp_gsl_init ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/export-launch/open", test_open);
  g_test_add_func ("/export-launch/show-without-file-manager", test_show_without_file_manager);
  g_test_add_func ("/export-launch/show-with-file-manager", test_show_with_file_manager);
  g_test_add_func ("/export-launch/open-failure", test_open_failure);
  status = g_test_run ();

  test_tmpdir_remove (home);
  g_free (marker);
  g_free (home);
  g_free (shown_uri);
  return status;
}
