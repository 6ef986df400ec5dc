/* mq-display-text.c: how the core's values read in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-display-text"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-display-text.h"

const char *
mq_display_rsvp_status (MqRsvpStatus status)
{
  switch (status)
    {
    case MQ_RSVP_STATUS_GOING:
      return C_("rsvp status", "Going");
    case MQ_RSVP_STATUS_MAYBE:
      return C_("rsvp status", "Maybe");
    case MQ_RSVP_STATUS_WAITLISTED:
      return C_("rsvp status", "Waitlisted");
    case MQ_RSVP_STATUS_DECLINED:
      return C_("rsvp status", "Declined");
    case MQ_RSVP_STATUS_CANCELLED:
      return C_("rsvp status", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mq_display_rsvp_status_class (MqRsvpStatus status)
{
  switch (status)
    {
    case MQ_RSVP_STATUS_GOING:
      return "status-going";
    case MQ_RSVP_STATUS_MAYBE:
      return "status-maybe";
    case MQ_RSVP_STATUS_WAITLISTED:
      return "status-waitlisted";
    case MQ_RSVP_STATUS_DECLINED:
      return "status-declined";
    case MQ_RSVP_STATUS_CANCELLED:
      return "status-cancelled";
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mq_display_event_kind (MqEventKind kind)
{
  switch (kind)
    {
    case MQ_EVENT_KIND_SCREENING:
      return C_("event kind", "Screening");
    case MQ_EVENT_KIND_MEETUP:
      return C_("event kind", "Meetup");
    case MQ_EVENT_KIND_ADDON:
      return C_("event kind", "Add-on");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
mq_display_event_status (MqEventStatus status)
{
  switch (status)
    {
    case MQ_EVENT_STATUS_DRAFT:
      return C_("event status", "Draft");
    case MQ_EVENT_STATUS_PUBLISHED:
      return C_("event status", "Published");
    case MQ_EVENT_STATUS_CANCELLED:
      return C_("event status", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

char *
mq_display_event_when (MqEvent *event)
{
  g_autoptr(GDateTime) starts = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (MQ_IS_EVENT (event), NULL);

  if (!(starts = mq_event_dup_starts_local (event)))
    return g_strdup ("");

  /* Translators: a date in strftime() notation, e.g. "Fri 4 Dec 2026" */
  day = g_date_time_format (starts, _("%a %-d %b %Y"));
  /* Translators: a time of day in strftime() notation, e.g. "19:00" */
  time = g_date_time_format (starts, _("%H:%M"));

  /* Translators: an event's date and start time, e.g. "Fri 4 Dec 2026 · 19:00" */
  return g_strdup_printf (_("%s · %s"), day, time);
}

char *
mq_display_date_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  /* Translators: a date and time in strftime() notation, e.g. "Fri 4 Dec 2026, 19:04" */
  return g_date_time_format (local, _("%a %-d %b %Y, %H:%M"));
}

char *
mq_display_event_schedule (MqEvent *event)
{
  g_autoptr(GDateTime) doors = NULL;
  g_autoptr(GDateTime) starts = NULL;
  g_autoptr(GDateTime) qa_ends = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (MQ_IS_EVENT (event), NULL);

  doors = mq_event_dup_doors_at (event);
  starts = mq_event_dup_starts_local (event);
  qa_ends = mq_event_dup_qa_ends_at (event);

  if (doors != NULL && starts != NULL && g_date_time_compare (doors, starts) != 0)
    {
      g_autofree char *time = g_date_time_format (doors, _("%H:%M"));
      /* Translators: when the doors open, e.g. "Doors 18:30" */
      g_string_append_printf (text, _("Doors %s"), time);
    }

  if (starts != NULL)
    {
      g_autofree char *time = g_date_time_format (starts, _("%H:%M"));

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: when the film or talk starts, e.g. "Starts 19:00" */
      g_string_append_printf (text, _("Starts %s"), time);
    }

  if (qa_ends != NULL)
    {
      g_autofree char *time = g_date_time_format (qa_ends, _("%H:%M"));

      if (text->len > 0)
        g_string_append (text, " · ");
      if (mq_event_get_qa_minutes (event) > 0)
        /* Translators: when the questions and answers after the film end */
        g_string_append_printf (text, _("Q&A ends %s"), time);
      else
        /* Translators: when the event ends, e.g. "Ends 21:00" */
        g_string_append_printf (text, _("Ends %s"), time);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
mq_display_event_seats (const MqEventStats *stats)
{
  g_autofree char *seats = NULL;

  g_return_val_if_fail (stats != NULL, NULL);

  if (stats->capacity < 0)
    seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person going", "%d people going",
                                          stats->going_people),
                             stats->going_people);
  else
    /* Translators: seats taken of the event's capacity */
    seats = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d seat taken", "%d of %d seats taken",
                                          stats->capacity),
                             stats->going_people, stats->capacity);

  if (stats->waitlisted_people > 0)
    {
      g_autofree char *waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d waiting", "%d waiting",
                                                               stats->waitlisted_people),
                                                  stats->waitlisted_people);
      /* Translators: seats and waitlist, e.g. "40 of 40 seats taken · 5 waiting" */
      return g_strdup_printf (_("%s · %s"), seats, waiting);
    }

  return g_steal_pointer (&seats);
}

char *
mq_display_waitlist_place (int position)
{
  return g_strdup_printf (_("No. %d on the waitlist"), position);
}
