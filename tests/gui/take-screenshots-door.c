/* take-screenshots-door.c: door mode's outcomes for take-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each shot opens door mode on the demo's event, finds a guest in the state
 * it wants and types or scans them as a volunteer would. The window fills
 * the screen, as on the laptop at the door; a dialog sits over its middle,
 * where GNOME puts it, and the shot takes the whole screen.
 */

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "mq-door-walk-in-dialog.h"
#include "mq-door-window.h"
#include "mq-greeter-pairing.h"
#include "mq-person-attendance.h"
#include "mq-volunteer-roster.h"
#include "screenshot-capture.h"
#include "take-screenshots.h"

/* What the window's subtitle names; another laptop is "Door 1". */
#define STATION "Door 2"

static MqDoorWindow *
open_door (Driver *driver)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *door;

  g_settings_set_string (settings, "door-station", STATION);
  door = open_from_event (driver, "event.open-door", MQ_TYPE_DOOR_WINDOW);
  if (door == NULL)
    return NULL;
  gtk_window_set_default_size (door, driver->width, driver->height);
  screenshot_spin (300);
  return MQ_DOOR_WINDOW (door);
}

static void
type_text (MqDoorWindow *door,
           const char   *text)
{
  GtkEditable *entry = template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry");

  gtk_editable_set_text (entry, text);
  gtk_editable_set_position (entry, -1);
  screenshot_spin (100);
}

/* What a USB scanner does: the code, then Enter. */
static void
scan (MqDoorWindow *door,
      const char   *text)
{
  type_text (door, text);
  g_signal_emit_by_name (template_child (door, MQ_TYPE_DOOR_WINDOW, "search_entry"), "activate");
  screenshot_spin (200);
}

/* The dialog on top, over the middle of the screen-filling door window:
 * Xvfb has no window manager to put it there.
 */
static GtkWindow *
centre (Driver    *driver,
        GtkWindow *dialog)
{
  g_autofree char *command = NULL;

  if (dialog == NULL)
    return NULL;
  screenshot_spin (300);
  command = g_strdup_printf ("xdotool windowmove 0x%lx %d %d",
                             (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (dialog))),
                             MAX (0, (driver->width - gtk_widget_get_width (GTK_WIDGET (dialog))) / 2),
                             MAX (0, (driver->height - gtk_widget_get_height (GTK_WIDGET (dialog))) / 2));
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  screenshot_spin (200);
  return NULL;
}

typedef gboolean (*RsvpFilter) (Driver *driver,
                                MqRsvp *rsvp);

/* The event's first RSVP that @filter takes; (transfer full) (nullable). */
static MqRsvp *
find_rsvp (Driver     *driver,
           RsvpFilter  filter)
{
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (driver->store);
  g_autoptr(GPtrArray) rsvps = mq_rsvp_ledger_list (ledger, driver->event_id, NULL);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (driver->store);
  g_autoptr(GPtrArray) volunteers = mq_volunteer_roster_list (roster, driver->event_id, NULL);
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* A volunteer would show a greeter coming in as a guest. */
  for (guint i = 0; volunteers != NULL && i < volunteers->len; i++)
    {
      MqVolunteer *volunteer = g_ptr_array_index (volunteers, i);

      g_hash_table_add (staff, g_memdup2 (&volunteer->person_id, sizeof (gint64)));
    }

  for (guint i = 0; rsvps != NULL && i < rsvps->len; i++)
    {
      gint64 person_id = mq_rsvp_get_person_id (g_ptr_array_index (rsvps, i));

      if (!g_hash_table_contains (staff, &person_id) && filter (driver, g_ptr_array_index (rsvps, i)))
          return g_object_ref (g_ptr_array_index (rsvps, i));
    }

  g_printerr ("The demo event has no guest for this shot\n");
  return NULL;
}

static gboolean
is_going_and_out (MqRsvp *rsvp,
                  int     party)
{
  return mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_GOING &&
         mq_rsvp_get_party_size (rsvp) == party &&
         mq_rsvp_get_checked_in_people (rsvp) == 0;
}

/* A newcomer and a friend, with a greeter waiting for them. */
static gboolean
is_paired_pair (Driver *driver,
                MqRsvp *rsvp)
{
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (driver->store);
  g_autoptr(MqGreeterAssignment) pair = NULL;

  if (!is_going_and_out (rsvp, 2))
    return FALSE;
  pair = mq_greeter_pairing_find (pairing, driver->event_id, mq_rsvp_get_person_id (rsvp), NULL);
  return pair != NULL;
}

static gboolean
is_single (Driver *driver,
           MqRsvp *rsvp)
{
  return is_going_and_out (rsvp, 1);
}

static gboolean
is_party_of_three (Driver *driver,
                   MqRsvp *rsvp)
{
  return is_going_and_out (rsvp, 3);
}

static gboolean
is_waitlisted (Driver *driver,
               MqRsvp *rsvp)
{
  return mq_rsvp_get_status (rsvp) == MQ_RSVP_STATUS_WAITLISTED;
}

GtkWindow *
shot_door_admitted (Driver *driver)
{
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (driver->store);
  g_autoptr(GPtrArray) pairs = mq_greeter_pairing_assign (pairing, driver->event_id, NULL, NULL);
  g_autoptr(MqRsvp) guest = find_rsvp (driver, is_paired_pair);
  MqDoorWindow *door = open_door (driver);

  if (door == NULL || guest == NULL)
    return NULL;
  scan (door, mq_rsvp_get_ticket_code (guest));
  return GTK_WINDOW (door);
}

/* Another laptop let them in a while ago; here their ticket comes again. */
GtkWindow *
shot_door_already_in (Driver *driver)
{
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (driver->store);
  g_autoptr(MqRsvp) guest = find_rsvp (driver, is_single);
  MqDoorWindow *door;

  if (guest == NULL ||
      mq_check_in_log_admit (log, mq_rsvp_get_id (guest), 0, "Door 1", NULL, NULL, NULL) != MQ_ADMIT_ADMITTED)
    return NULL;
  door = open_door (driver);
  if (door == NULL)
    return NULL;
  scan (door, mq_rsvp_get_ticket_code (guest));
  return GTK_WINDOW (door);
}

/* Shift+Enter on a party of three: how many are here? */
GtkWindow *
shot_door_party (Driver *driver)
{
  g_autoptr(MqRsvp) guest = find_rsvp (driver, is_party_of_three);
  MqDoorWindow *door = open_door (driver);

  if (door == NULL || guest == NULL)
    return NULL;
  type_text (door, mq_rsvp_get_name (guest));
  gtk_widget_activate_action (GTK_WIDGET (door), "door.admit-some", NULL);
  return centre (driver, find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* The upcoming events have seats left; the demo's big night turned people
 * away.
 */
static gint64
event_with_longest_waitlist (Driver *driver)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (driver->store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_ALL, NULL);
  gint64 event_id = 0;
  guint most = 0;

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(MqEvent) event = g_list_model_get_item (events, i);
      MqEventStats stats;

      if (mq_event_stats_compute (driver->store, mq_event_get_id (event), &stats, NULL) && stats.waitlisted > most)
        {
          event_id = mq_event_get_id (event);
          most = stats.waitlisted;
        }
    }
  return event_id;
}

GtkWindow *
shot_door_waitlisted (Driver *driver)
{
  gint64 upcoming = driver->event_id;
  g_autoptr(MqRsvp) guest = NULL;
  MqDoorWindow *door;

  driver->event_id = event_with_longest_waitlist (driver);
  guest = find_rsvp (driver, is_waitlisted);
  door = open_door (driver);
  driver->event_id = upcoming;
  if (door == NULL || guest == NULL)
    return NULL;
  scan (door, mq_rsvp_get_ticket_code (guest));
  return GTK_WINDOW (door);
}

/* A regular of the directory who did not answer this time. */
static MqPerson *
find_regular_without_rsvp (Driver *driver)
{
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (driver->store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (driver->store);
  g_autoptr(GPtrArray) people = mq_person_directory_list (directory, 20, 200, NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      MqPerson *person = g_ptr_array_index (people, i);
      g_autoptr(MqRsvp) rsvp = mq_rsvp_ledger_find (ledger, driver->event_id, mq_person_get_id (person), NULL);
      g_autoptr(GPtrArray) attended = NULL;

      if (rsvp != NULL)
        continue;
      attended = mq_person_attendance_list (driver->store, mq_person_get_id (person), NULL);
      if (attended != NULL && attended->len > 1)
        return g_object_ref (person);
    }

  g_printerr ("The demo directory has no regular without an answer\n");
  return NULL;
}

/* Their name says "Not on the list"; Ctrl+N offers their record. */
GtkWindow *
shot_door_walk_in (Driver *driver)
{
  g_autoptr(MqPerson) person = find_regular_without_rsvp (driver);
  MqDoorWindow *door = open_door (driver);

  if (door == NULL || person == NULL)
    return NULL;
  scan (door, mq_person_get_name (person));
  gtk_widget_activate_action (GTK_WIDGET (door), "door.walk-in", NULL);
  return centre (driver, find_toplevel (MQ_TYPE_DOOR_WALK_IN_DIALOG));
}
