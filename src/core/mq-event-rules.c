/* mq-event-rules.c: what makes an event acceptable to the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-catalog"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-event-catalog-private.h"

static gboolean
event_exists (MqStore   *store,
              gint64     id,
              gboolean  *exists,
              GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = mq_store_prepare (store, "SELECT 1 FROM events WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

static gboolean
validate_numbers (MqEvent  *event,
                  GError  **error)
{
  if (mq_event_get_capacity (event) < -1)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("A capacity of %d seats is not possible: give the number of seats, or leave it unlimited"),
                   mq_event_get_capacity (event));
      return FALSE;
    }

  if (mq_event_get_film_runtime (event) < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("A runtime of %d minutes is not possible: give the film’s length in minutes"),
                   mq_event_get_film_runtime (event));
      return FALSE;
    }

  if (mq_event_get_film_year (event) < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The film year %d is not possible: give the year it was released"),
                   mq_event_get_film_year (event));
      return FALSE;
    }

  if (mq_event_get_doors_minutes (event) < 0 || mq_event_get_qa_minutes (event) < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Doors and Q&A times are minutes before and after the film: they cannot be negative"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_times (MqEvent  *event,
                GError  **error)
{
  const char *zone_id = mq_event_get_time_zone (event);
  g_autoptr(GTimeZone) zone = NULL;
  GDateTime *starts = mq_event_get_starts_at (event);
  GDateTime *ends = mq_event_get_ends_at (event);

  if (starts == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Set when the event starts"));
      return FALSE;
    }

  /* GLib also accepts file paths and offsets; other machines and calendar
   * programs need the IANA name.
   */
  if (zone_id != NULL && zone_id[0] != '/' && zone_id[0] != ':')
    zone = g_time_zone_new_identifier (zone_id);
  if (zone == NULL)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Unknown time zone “%s”: use an IANA name such as Europe/Berlin"),
                   zone_id != NULL ? zone_id : "");
      return FALSE;
    }

  if (ends != NULL && g_date_time_compare (ends, starts) < 0)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("The event ends before it starts: set an end after the start"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_parent (MqStore  *store,
                 MqEvent  *event,
                 GError  **error)
{
  gint64 parent_id = mq_event_get_parent_id (event);
  gboolean exists = FALSE;

  if (parent_id == 0)
    {
      if (mq_event_get_kind (event) != MQ_EVENT_KIND_ADDON)
        return TRUE;

      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("An add-on belongs to another event: choose the event it adds to"));
      return FALSE;
    }

  if (parent_id == mq_event_get_id (event))
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("An event cannot be an add-on to itself: choose another parent event"));
      return FALSE;
    }

  if (!event_exists (store, parent_id, &exists, error))
    return FALSE;

  if (!exists)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 " to add this to: choose an existing parent event"),
                   parent_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
_mq_event_validate (MqStore  *store,
                    MqEvent  *event,
                    GError  **error)
{
  g_autofree char *title = g_strdup (mq_event_get_title (event));

  if (title == NULL || *g_strstrip (title) == '\0')
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_INVALID,
                   _("Give the event a title"));
      return FALSE;
    }

  return validate_times (event, error) &&
         validate_numbers (event, error) &&
         validate_parent (store, event, error);
}
