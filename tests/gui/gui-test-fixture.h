/* gui-test-fixture.h: the real application around a GUI test case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-application.h"
#include "mq-event-page.h"
#include "mq-window.h"

G_BEGIN_DECLS

typedef struct _Fixture Fixture;
typedef void (*TestBody) (Fixture *fixture, gconstpointer data);

struct _Fixture
{
  char          *dir;
  char          *path;
  MqApplication *app;
  MqWindow      *window;
  TestBody       body;
  gconstpointer  data;
};

/* g_test_init + GTK + Adwaita, and a log writer that fails the case on any
 * warning or critical (fixture_tear_down checks it).
 */
void         gui_test_init       (int            *argc,
                                  char         ***argv);
void         fixture_set_up      (Fixture        *fixture,
                                  gconstpointer   data);
void         fixture_tear_down   (Fixture        *fixture,
                                  gconstpointer   data);
/* Starts the application on the fixture's database (filled with demo data
 * when @demo) and runs @body once its window is shown.
 */
void         run_in_app          (Fixture        *fixture,
                                  gboolean        demo,
                                  TestBody        body,
                                  gconstpointer   data);
void         close_other_windows (Fixture        *fixture);
/* A person by name only, straight into the directory; their id. */
gint64       gui_test_add_person (MqStore        *store,
                                  const char     *name);
/* A "going" RSVP through the ledger; (transfer full). */
MqRsvp      *gui_test_add_going  (MqStore        *store,
                                  gint64          event_id,
                                  gint64          person_id,
                                  int             party_size);
/* Runs the main context for @ms milliseconds. */
void         spin                (guint           ms);
gpointer     find_toplevel       (GType           type);
gpointer     template_child      (gpointer        widget,
                                  GType           type,
                                  const char     *name);
MqEventPage *get_event_page      (Fixture        *fixture);
/* The main window @width pixels wide (800 high), laid out again. */
void         gui_test_show_at_width (Fixture     *fixture,
                                     int          width);
/* The first mapped label under @widget showing exactly @text, or NULL. */
GtkLabel    *find_label_text     (GtkWidget      *widget,
                                  const char     *text);
/* @label is on screen with all of its text: mapped, not ellipsized, its
 * lines inside its allocation, and that inside @within's. */
void         assert_label_whole  (GtkLabel       *label,
                                  GtkWidget      *within);

G_END_DECLS
