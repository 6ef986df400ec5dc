/* mq-person-attendance.h: the events one person answered and came to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-rsvp.h"
#include "mq-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        event_id;
  char         *title;
  GDateTime    *starts_at;
  MqRsvpStatus  status;
  int           party_size;
  gboolean      attended;     /* someone of the party is (still) checked in */
} MqAttendance;

void       mq_attendance_free        (MqAttendance  *attendance);

/* Returns: (transfer full): MqAttendance items, latest event first */
GPtrArray *mq_person_attendance_list (MqStore       *store,
                                      gint64         person_id,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqAttendance, mq_attendance_free)

G_END_DECLS
