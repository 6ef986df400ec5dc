/* screenshot-capture.c: what the screenshot programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "screenshot-capture.h"

void
screenshot_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gboolean
screenshot_capture (const char *outdir,
                    const char *name,
                    const char *suffix,
                    GtkWindow  *window)
{
  g_autofree char *file = g_strdup_printf ("%s%s%s.png", name, *suffix ? "-" : "", suffix);
  g_autofree char *path = g_build_filename (outdir, file, NULL);
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", NULL, path, NULL };
  int wait_status = 0;

  if (window != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

      target = g_strdup_printf ("0x%lx", (unsigned long) gdk_x11_surface_get_xid (surface));
    }
  argv[2] = target != NULL ? target : "root";

  /* Xvfb's pointer sits mid-screen, where it would hover a row or raise a
   * tooltip.
   */
  g_spawn_command_line_sync ("xdotool mousemove 0 0", NULL, NULL, NULL, NULL);
  screenshot_spin (300);

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    {
      g_printerr ("%s: %s\n", path, error->message);
      return FALSE;
    }

  g_print ("%s\n", path);
  return TRUE;
}
