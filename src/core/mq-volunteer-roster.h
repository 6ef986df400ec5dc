/* mq-volunteer-roster.h: who helps at an event, and as what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_VOLUNTEER_ROLE_ORGANIZER,
  MQ_VOLUNTEER_ROLE_DOOR,
  MQ_VOLUNTEER_ROLE_GREETER,
} MqVolunteerRole;

const char *mq_volunteer_role_to_string   (MqVolunteerRole  role);
gboolean    mq_volunteer_role_from_string (const char      *text,
                                           MqVolunteerRole *role);

typedef struct
{
  gint64           event_id;
  gint64           person_id;
  char            *name;
  MqVolunteerRole  role;
} MqVolunteer;

void mq_volunteer_free (MqVolunteer *volunteer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqVolunteer, mq_volunteer_free)

#define MQ_TYPE_VOLUNTEER_ROSTER (mq_volunteer_roster_get_type ())

G_DECLARE_FINAL_TYPE (MqVolunteerRoster, mq_volunteer_roster, MQ, VOLUNTEER_ROSTER, GObject)

MqVolunteerRoster *mq_volunteer_roster_new      (MqStore            *store);
/* Gives @person_id the role at @event_id; giving it twice changes nothing.
 * MQ_ERROR_NOT_FOUND for an unknown event or person.
 */
gboolean           mq_volunteer_roster_add      (MqVolunteerRoster  *self,
                                                 gint64              event_id,
                                                 gint64              person_id,
                                                 MqVolunteerRole     role,
                                                 GError            **error);
/* Takes the role back; MQ_ERROR_NOT_FOUND when the person did not have it.
 * A greeter taken off releases the newcomers not yet met, in the same
 * transaction, so the next pairing run gives them to another greeter.
 */
gboolean           mq_volunteer_roster_remove   (MqVolunteerRoster  *self,
                                                 gint64              event_id,
                                                 gint64              person_id,
                                                 MqVolunteerRole     role,
                                                 GError            **error);
/* Returns: (transfer full) (element-type MqVolunteer): by role (organizer,
 * door, greeter), then by name
 */
GPtrArray         *mq_volunteer_roster_list     (MqVolunteerRoster  *self,
                                                 gint64              event_id,
                                                 GError            **error);
/* Returns: (transfer full) (element-type MqVolunteer): those with @role, by name */
GPtrArray         *mq_volunteer_roster_list_role (MqVolunteerRoster *self,
                                                  gint64             event_id,
                                                  MqVolunteerRole    role,
                                                  GError           **error);

G_END_DECLS
