/* main.c: the marquee desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "mq-application.h"
#include "mq-memory.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MqApplication) app = NULL;
  /* Set by `meson devenv` so an uninstalled build runs translated too. */
  const char *localedir = g_getenv ("MARQUEE_LOCALEDIR");

  mq_memory_configure ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mq_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
