/* mq-person-directory.h: the club's people in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-person.h"
#include "mq-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_PERSON_DIRECTORY (mq_person_directory_get_type ())

G_DECLARE_FINAL_TYPE (MqPersonDirectory, mq_person_directory, MQ, PERSON_DIRECTORY, GObject)

MqPersonDirectory *mq_person_directory_new            (MqStore            *store);
/* Validates (non-empty name; an email with one “@” and a dot after it;
 * Mastodon “@user@host”, a leading “@” added when missing; Bluesky a domain
 * handle, leading “@” removed) and inserts. Returns the new id or 0.
 */
gint64             mq_person_directory_add            (MqPersonDirectory  *self,
                                                       MqPerson           *person,
                                                       GError            **error);
gboolean           mq_person_directory_update         (MqPersonDirectory  *self,
                                                       MqPerson           *person,
                                                       GError            **error);
MqPerson          *mq_person_directory_get            (MqPersonDirectory  *self,
                                                       gint64              id,
                                                       GError            **error);
/* Case-insensitive, trimmed; NULL without error when nobody matches. */
MqPerson          *mq_person_directory_find_by_email  (MqPersonDirectory  *self,
                                                       const char         *email,
                                                       GError            **error);
MqPerson          *mq_person_directory_find_by_handle (MqPersonDirectory  *self,
                                                       const char         *handle,
                                                       GError            **error);
guint              mq_person_directory_count          (MqPersonDirectory  *self);
/* Returns: (transfer full): MqPerson items ordered by name */
GPtrArray         *mq_person_directory_list           (MqPersonDirectory  *self,
                                                       guint               offset,
                                                       guint               limit,
                                                       GError            **error);
/* The whole directory, through FTS5: every folded word of @query must be a
 * prefix of a word of the person's name, email or handles. Exact name
 * matches first, then by name.
 * Returns: (transfer full): MqPerson items
 */
GPtrArray         *mq_person_directory_search         (MqPersonDirectory  *self,
                                                       const char         *query,
                                                       guint               limit,
                                                       GError            **error);
/* The ids of what mq_person_directory_search () finds, in the same order,
 * without reading the people themselves.
 * Returns: (transfer full): an array of gint64
 */
GArray            *mq_person_directory_search_ids     (MqPersonDirectory  *self,
                                                       const char         *query,
                                                       guint               limit,
                                                       GError            **error);
/* @drop's RSVPs, check-ins, roles and greeter pairs move to @keep (where both
 * answered one event, the RSVP that got further survives and takes the other's
 * history); empty fields of @keep are filled from @drop; the dropped record
 * is kept as JSON in person_merges; then @drop is deleted. One transaction.
 */
gboolean           mq_person_directory_merge          (MqPersonDirectory  *self,
                                                       gint64              keep_id,
                                                       gint64              drop_id,
                                                       const char         *actor,
                                                       GError            **error);

G_END_DECLS
