/* take-screenshots.h: what the files of take-screenshots share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-window.h"

G_BEGIN_DECLS

typedef struct
{
  MqWindow   *window;
  MqStore    *store;
  const char *outdir;
  const char *suffix;
  char      **only;
  int         width;
  int         height;
  gboolean    narrow;
  gint64      event_id;     /* an upcoming event with a waitlist */
  gint64      person_id;    /* someone who came to a few events */
  gint64      twin_id;      /* a record of the same name, for the merge */
  int         status;
} Driver;

/* Opens what the shot shows; returns the window to capture on its own, or
 * NULL for the main window (the whole screen).
 */
typedef GtkWindow *(*ShotFunc) (Driver *driver);

gpointer   template_child      (gpointer    widget,
                                GType       type,
                                const char *name);
/* Opens the window behind the event page's @action; (nullable) it, sized
 * as the shot wants it.
 */
GtkWindow *open_from_event     (Driver     *driver,
                                const char *action,
                                GType       type);

/* take-screenshots-import.c: the import assistant's steps. */
GtkWindow *shot_import         (Driver     *driver);
GtkWindow *shot_import_mapping (Driver     *driver);
GtkWindow *shot_import_review  (Driver     *driver);
GtkWindow *shot_import_summary (Driver     *driver);

G_END_DECLS
