/* mq-event-stats.c: the counts of one event
 *
 * Who is in is never stored: it is what the check-in log's admits leave
 * after their undos. An admit counts while no undo record points at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-event-stats"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "mq-error.h"
#include "mq-event-stats.h"
#include "mq-newcomer-rule.h"
#include "mq-store-private.h"

/* A live admit: one that no undo of the same RSVP takes back. The undo is
 * looked up through the RSVP's index rather than a scan of the whole log.
 */
#define LIVE_ADMIT(a) \
  a ".action = 'admit' AND NOT EXISTS (SELECT 1 FROM check_ins u " \
  "WHERE u.rsvp_id = " a ".rsvp_id AND u.action = 'undo' AND u.undoes_id = " a ".id)"

static gboolean
read_event (MqStore       *store,
            gint64         event_id,
            MqEventStats  *stats,
            char         **starts_at,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mq_store_prepare (store, "SELECT capacity, starts_at FROM events WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->capacity = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
      *starts_at = g_strdup (mq_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MQ_ERROR, MQ_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64 "; pick one from the list of events"),
                   event_id);
      return FALSE;
    }

  return mq_store_propagate (store, rc, error);
}

static gboolean
count_statuses (MqStore       *store,
                MqEventStats  *stats,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mq_store_prepare (store,
                           "SELECT status, count(*), coalesce(sum(party_size), 0) "
                           "FROM rsvps WHERE event_id = ?1 GROUP BY status",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stats->event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = mq_column_text (stmt, 0);
      int rsvps = sqlite3_column_int (stmt, 1);
      int people = sqlite3_column_int (stmt, 2);

      if (g_str_equal (status, "going"))
        {
          stats->going = rsvps;
          stats->going_people = people;
        }
      else if (g_str_equal (status, "maybe"))
        stats->maybe = rsvps;
      else if (g_str_equal (status, "waitlisted"))
        {
          stats->waitlisted = rsvps;
          stats->waitlisted_people = people;
        }
      else if (g_str_equal (status, "declined"))
        stats->declined = rsvps;
      else if (g_str_equal (status, "cancelled"))
        stats->cancelled = rsvps;
    }
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

static gboolean
count_checked_in (MqStore       *store,
                  MqEventStats  *stats,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = mq_store_prepare (store,
                           "SELECT count(*), coalesce(sum(people), 0) FROM ("
                           "  SELECT sum(a.people) AS people FROM check_ins a"
                           "  WHERE a.event_id = ?1 AND " LIVE_ADMIT ("a")
                           "  GROUP BY a.rsvp_id)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stats->event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      stats->checked_in = sqlite3_column_int (stmt, 0);
      stats->checked_in_people = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  return mq_store_propagate (store, rc, error);
}

/* Newcomers follow MqNewcomerRule, lapse included, so the door, the greeters
 * and these counts never disagree about who is new.
 */
static gboolean
count_newcomers (MqStore       *store,
                 MqEventStats  *stats,
                 GError       **error)
{
  g_autoptr(MqNewcomerRule) rule = mq_newcomer_rule_new (store);
  g_autoptr(GArray) newcomers = NULL;
  sqlite3_stmt *stmt;

  newcomers = mq_newcomer_rule_list_newcomers (rule, stats->event_id, error);
  if (newcomers == NULL)
    return FALSE;

  stats->newcomers = (int) newcomers->len;
  stats->newcomers_in = 0;

  for (guint i = 0; i < newcomers->len; i++)
    {
      int rc;

      stmt = mq_store_prepare (store,
                               "SELECT EXISTS (SELECT 1 FROM rsvps r JOIN check_ins a ON a.rsvp_id = r.id "
                               "WHERE r.event_id = ?1 AND r.person_id = ?2 AND " LIVE_ADMIT ("a") ")",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, stats->event_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (newcomers, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        stats->newcomers_in += sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (!mq_store_propagate (store, rc, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * mq_event_stats_compute:
 * @stats: (out caller-allocates): filled in on success
 *
 * MQ_ERROR_NOT_FOUND when there is no such event.
 */
gboolean
mq_event_stats_compute (MqStore       *store,
                        gint64         event_id,
                        MqEventStats  *stats,
                        GError       **error)
{
  g_autofree char *starts_at = NULL;
  MqEventStats result = { 0 };

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result.event_id = event_id;

  if (!read_event (store, event_id, &result, &starts_at, error) ||
      !count_statuses (store, &result, error) ||
      !count_checked_in (store, &result, error) ||
      !count_newcomers (store, &result, error))
    return FALSE;

  result.seats_left = result.capacity < 0 ? -1 : MAX (0, result.capacity - result.going_people);

  *stats = result;
  return TRUE;
}
