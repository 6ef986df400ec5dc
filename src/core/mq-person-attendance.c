/* mq-person-attendance.c: the events one person answered and came to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-person-attendance"

#include "config.h"

#include "mq-person-attendance.h"
#include "mq-store-private.h"

void
mq_attendance_free (MqAttendance *attendance)
{
  if (attendance == NULL)
    return;

  g_free (attendance->title);
  g_clear_pointer (&attendance->starts_at, g_date_time_unref);
  g_free (attendance);
}

GPtrArray *
mq_person_attendance_list (MqStore  *store,
                           gint64    person_id,
                           GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) mq_attendance_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  /* An admit counts while no undo record points at it. */
  if (!(stmt = mq_store_prepare (store,
                                 "SELECT e.id, e.title, e.starts_at, r.status, r.party_size,"
                                 " EXISTS (SELECT 1 FROM check_ins a"
                                 "         WHERE a.rsvp_id = r.id AND a.action = 'admit'"
                                 "         AND NOT EXISTS (SELECT 1 FROM check_ins u"
                                 "                         WHERE u.undoes_id = a.id))"
                                 " FROM rsvps r JOIN events e ON e.id = r.event_id"
                                 " WHERE r.person_id = ?1"
                                 " ORDER BY e.starts_at DESC, e.id DESC",
                                 error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MqAttendance *attendance = g_new0 (MqAttendance, 1);

      attendance->event_id = sqlite3_column_int64 (stmt, 0);
      attendance->title = g_strdup (mq_column_text (stmt, 1));
      attendance->starts_at = g_date_time_new_from_iso8601 (mq_column_text (stmt, 2), NULL);
      if (!mq_rsvp_status_from_string (mq_column_text (stmt, 3), &attendance->status))
        attendance->status = MQ_RSVP_STATUS_CANCELLED;
      attendance->party_size = sqlite3_column_int (stmt, 4);
      attendance->attended = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (list, attendance);
    }

  sqlite3_reset (stmt);
  if (!mq_store_propagate (store, rc, error))
    return NULL;

  return g_steal_pointer (&list);
}
