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
#include <stdlib.h>

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

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Who of @newcomers is in: one pass over the event's live admits rather
 * than a query per newcomer (6,000 of them at a big event).
 */
static gboolean
count_newcomers_in (MqStore       *store,
                    GArray        *newcomers,
                    MqEventStats  *stats,
                    GError       **error)
{
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stats->newcomers = (int) newcomers->len;
  stats->newcomers_in = 0;

  stmt = mq_store_prepare (store,
                           "SELECT DISTINCT r.person_id FROM check_ins a JOIN rsvps r ON r.id = a.rsvp_id "
                           "WHERE a.event_id = ?1 AND " LIVE_ADMIT ("a"),
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stats->event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (inside, id);
    }
  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return FALSE;

  if (inside->len == 0)
    return TRUE;

  g_array_sort (inside, compare_ids);
  for (guint i = 0; i < newcomers->len; i++)
    if (bsearch (&g_array_index (newcomers, gint64, i), inside->data, inside->len,
                 sizeof (gint64), compare_ids) != NULL)
      stats->newcomers_in++;

  return TRUE;
}

/**
 * mq_event_stats_compute_with_newcomers:
 * @newcomers: (element-type gint64): the event's newcomers, as
 *   mq_newcomer_rule_list_newcomers() listed them
 * @stats: (out caller-allocates): filled in on success
 *
 * MQ_ERROR_NOT_FOUND when there is no such event.
 */
gboolean
mq_event_stats_compute_with_newcomers (MqStore       *store,
                                       gint64         event_id,
                                       GArray        *newcomers,
                                       MqEventStats  *stats,
                                       GError       **error)
{
  g_autofree char *starts_at = NULL;
  MqEventStats result = { 0 };

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (newcomers != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result.event_id = event_id;

  if (!read_event (store, event_id, &result, &starts_at, error) ||
      !count_statuses (store, &result, error) ||
      !count_checked_in (store, &result, error) ||
      !count_newcomers_in (store, newcomers, &result, error))
    return FALSE;

  result.seats_left = result.capacity < 0 ? -1 : MAX (0, result.capacity - result.going_people);

  *stats = result;
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
  g_autoptr(MqNewcomerRule) rule = NULL;
  g_autoptr(GArray) newcomers = NULL;

  g_return_val_if_fail (MQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Newcomers follow MqNewcomerRule, lapse included, so the door, the
   * greeters and these counts never disagree about who is new.
   */
  rule = mq_newcomer_rule_new (store);
  if (!(newcomers = mq_newcomer_rule_list_newcomers (rule, event_id, error)))
    return FALSE;

  return mq_event_stats_compute_with_newcomers (store, event_id, newcomers, stats, error);
}
