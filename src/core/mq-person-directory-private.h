/* mq-person-directory-private.h: what the directory's merge and search share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-person-directory.h"
#include "mq-store-private.h"

G_BEGIN_DECLS

/* Columns read by _mq_person_from_row(), in order; the person row is "p". Tags
 * come joined by the unit separator, which nobody types into a tag.
 */
#define PERSON_SELECT \
  "SELECT p.id, p.name, p.email, p.phone, p.mastodon, p.bluesky," \
  " p.organization, p.pronouns, p.languages, p.notes, p.consent_contact," \
  " p.consent_photo, p.consent_listed, p.created_at," \
  " (SELECT group_concat (t.tag, char (31)) FROM person_tags t WHERE t.person_id = p.id)" \
  " FROM people p "

MqStore   *_mq_person_directory_get_store (MqPersonDirectory  *self);
MqPerson  *_mq_person_from_row            (sqlite3_stmt       *stmt);
/* Steps @stmt to the end and resets it. */
GPtrArray *_mq_person_collect             (MqStore            *store,
                                           sqlite3_stmt       *stmt,
                                           GError            **error);

G_END_DECLS
