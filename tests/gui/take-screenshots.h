/* take-screenshots.h: what the files of take-screenshots share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-event-page.h"
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
  gboolean    dark;
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
/* The first visible toplevel of @type; (nullable). */
gpointer   find_toplevel       (GType       type);
MqEventPage *event_page        (Driver     *driver);
/* A window of its own fills the small screen, as on a phone; (nullable). */
GtkWindow *fit                 (Driver     *driver,
                                GtkWindow  *window);
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

/* take-screenshots-door.c: door mode's outcomes, the window filling the screen. */
GtkWindow *shot_door_admitted  (Driver     *driver);
GtkWindow *shot_door_already_in (Driver    *driver);
GtkWindow *shot_door_party     (Driver     *driver);
GtkWindow *shot_door_waitlisted (Driver    *driver);
GtkWindow *shot_door_walk_in   (Driver     *driver);

/* take-screenshots-greeters.c: the greeter view and the volunteers. */
GtkWindow *shot_greeters       (Driver     *driver);
GtkWindow *shot_greeters_paired (Driver    *driver);
GtkWindow *shot_greeters_empty (Driver     *driver);
GtkWindow *shot_volunteers     (Driver     *driver);

G_END_DECLS
