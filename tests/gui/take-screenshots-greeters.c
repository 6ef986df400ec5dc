/* take-screenshots-greeters.c: the greeter view and the volunteers for take-screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-greeter-page.h"
#include "mq-greeter-pairing.h"
#include "mq-volunteer-dialog.h"
#include "mq-volunteer-roster.h"
#include "screenshot-capture.h"
#include "take-screenshots.h"

/* The greeter view is a page inside a plain AdwWindow of its own. */
static GtkWindow *
find_greeter_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *content = ADW_IS_WINDOW (l->data) ? adw_window_get_content (l->data) : NULL;

      if (content != NULL && MQ_IS_GREETER_PAGE (content))
        return l->data;
    }

  return NULL;
}

static GtkWindow *
open_greeters (Driver *driver,
               gint64  event_id)
{
  mq_window_show_event (driver->window, event_id);
  screenshot_spin (100);
  gtk_widget_activate_action (GTK_WIDGET (event_page (driver)), "event.open-greeters", NULL);
  screenshot_spin (300);
  return fit (driver, find_greeter_window ());
}

GtkWindow *
shot_greeters (Driver *driver)
{
  return open_greeters (driver, driver->event_id);
}

/* The greeter the view shows, by name. */
static const char *
shown_greeter (GtkWindow *window)
{
  AdwComboRow *row = template_child (adw_window_get_content (ADW_WINDOW (window)), MQ_TYPE_GREETER_PAGE,
                                     "greeter_row");
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* Pair Newcomers, on a screen of its own; two of the greeter's newcomers
 * came in at the door and they met the first.
 */
GtkWindow *
shot_greeters_paired (Driver *driver)
{
  g_autoptr(MqGreeterPairing) pairing = mq_greeter_pairing_new (driver->store);
  g_autoptr(MqRsvpLedger) ledger = mq_rsvp_ledger_new (driver->store);
  g_autoptr(MqCheckInLog) log = mq_check_in_log_new (driver->store);
  g_autoptr(GPtrArray) pairs = NULL;
  GtkWidget *page;
  GtkWindow *window = open_greeters (driver, driver->event_id);
  guint arrived = 0;

  if (window == NULL)
    return NULL;
  gtk_window_set_default_size (window, driver->width, driver->height);
  page = adw_window_get_content (ADW_WINDOW (window));
  gtk_widget_activate_action (page, "greeters.assign", NULL);
  screenshot_spin (200);

  pairs = mq_greeter_pairing_list (pairing, driver->event_id, NULL);
  for (guint i = 0; pairs != NULL && i < pairs->len && arrived < 2; i++)
    {
      MqGreeterAssignment *pair = g_ptr_array_index (pairs, i);
      g_autoptr(MqRsvp) rsvp = NULL;

      if (g_strcmp0 (mq_greeter_assignment_get_greeter_name (pair), shown_greeter (window)) != 0)
        continue;
      rsvp = mq_rsvp_ledger_find (ledger, driver->event_id, mq_greeter_assignment_get_newcomer_id (pair), NULL);
      if (rsvp == NULL || mq_rsvp_get_status (rsvp) != MQ_RSVP_STATUS_GOING ||
          mq_check_in_log_admit (log, mq_rsvp_get_id (rsvp), 0, "Door 1", NULL, NULL, NULL) != MQ_ADMIT_ADMITTED)
        continue;
      if (arrived++ == 0)
        gtk_widget_activate_action (page, "greeters.set-met", "(xb)",
                                    mq_greeter_assignment_get_newcomer_id (pair), TRUE);
    }
  return window;
}

/* An event whose greeters all stepped down: the view says what to do. */
GtkWindow *
shot_greeters_empty (Driver *driver)
{
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (driver->store);
  g_autoptr(GListModel) events = mq_event_catalog_list (catalog, MQ_EVENT_RANGE_UPCOMING, NULL);
  g_autoptr(MqVolunteerRoster) roster = mq_volunteer_roster_new (driver->store);
  g_autoptr(GPtrArray) greeters = NULL;
  g_autoptr(MqEvent) event = NULL;

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events) && event == NULL; i++)
    {
      event = g_list_model_get_item (events, i);
      if (mq_event_get_id (event) == driver->event_id)
        g_clear_object (&event);
    }
  if (event == NULL)
    return NULL;

  greeters = mq_volunteer_roster_list_role (roster, mq_event_get_id (event), MQ_VOLUNTEER_ROLE_GREETER, NULL);
  for (guint i = 0; greeters != NULL && i < greeters->len; i++)
    {
      MqVolunteer *greeter = g_ptr_array_index (greeters, i);

      mq_volunteer_roster_remove (roster, mq_event_get_id (event), greeter->person_id,
                                  MQ_VOLUNTEER_ROLE_GREETER, NULL);
    }
  return open_greeters (driver, mq_event_get_id (event));
}

GtkWindow *
shot_volunteers (Driver *driver)
{
  GtkWindow *greeters = shot_greeters (driver);
  GtkWindow *dialog;

  if (greeters == NULL)
    return NULL;
  gtk_widget_activate_action (adw_window_get_content (ADW_WINDOW (greeters)), "greeters.add-volunteer", NULL);
  screenshot_spin (300);
  dialog = fit (driver, find_toplevel (MQ_TYPE_VOLUNTEER_DIALOG));
  /* A family name several people share: pick the right one. */
  if (dialog != NULL)
    gtk_editable_set_text (template_child (dialog, MQ_TYPE_VOLUNTEER_DIALOG, "search_entry"), "mäki");
  return dialog;
}
