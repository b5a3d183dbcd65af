/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sp-export-launch.c — after an export: open the file, or show it in its
 * folder */

#include "config.h"

#include "sp-export-dialog.h"

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the exported file: %s", error->message);
}

static void
launch_uri (GtkWidget  *widget,
            const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  /* Goes through the OpenURI portal inside Flatpak. */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched, NULL);
}

void
sp_export_dialog_open_file (GtkWidget *widget,
                            GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  launch_uri (widget, uri);
}

typedef struct
{
  GtkWidget *widget;
  GFile     *file;
} ShowItem;

static void
show_item_free (ShowItem *item)
{
  g_object_unref (item->widget);
  g_object_unref (item->file);
  g_free (item);
}

static void
open_folder (ShowItem *item)
{
  g_autoptr(GFile) parent = g_file_get_parent (item->file);

  if (parent != NULL)
    sp_export_dialog_open_file (item->widget, parent);
}

static void
on_show_items (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ShowItem *item = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    open_folder (item);   /* no file manager implements FileManager1 */
  show_item_free (item);
}

static void
on_session_bus (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ShowItem *item = user_data;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, NULL);
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (bus == NULL)
    {
      open_folder (item);
      show_item_free (item);
      return;
    }
  uri = g_file_get_uri (item->file);
  uris[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, 5000, NULL, on_show_items, item);
}

void
sp_export_dialog_show_in_folder (GtkWidget *widget,
                                 GFile     *file)
{
  ShowItem *item = g_new0 (ShowItem, 1);

  item->widget = g_object_ref (widget);
  item->file = g_object_ref (file);
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_session_bus, item);
}
