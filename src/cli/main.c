/* main.c: marquee-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "mq-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MqCli) cli = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GOutputStream) err = NULL;

  /* Standard output is for scripts: debug messages (G_MESSAGES_DEBUG) go
   * to standard error with the rest of the log.
   */
  g_log_writer_default_set_use_stderr (TRUE);
  /* Otherwise GOptionContext takes the subcommand (argv[0] of its own
   * vector) for the program's name, and log lines would say "event".
   */
  g_set_prgname ("marquee-cli");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  err = g_unix_output_stream_new (STDERR_FILENO, FALSE);
  cli = mq_cli_new ();

  return mq_cli_run (cli, argc, argv, out, err);
}
