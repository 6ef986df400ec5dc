/* mq-person.h: someone in the club's directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MQ_TYPE_PERSON (mq_person_get_type ())

G_DECLARE_FINAL_TYPE (MqPerson, mq_person, MQ, PERSON, GObject)

/* Every field is also a GObject property ("consent-listed", …). Empty text is
 * stored as NULL.
 */
MqPerson           *mq_person_new                 (void);

gint64              mq_person_get_id              (MqPerson           *self);
const char         *mq_person_get_name            (MqPerson           *self);
void                mq_person_set_name            (MqPerson           *self,
                                                   const char         *name);
const char         *mq_person_get_email           (MqPerson           *self);
void                mq_person_set_email           (MqPerson           *self,
                                                   const char         *email);
const char         *mq_person_get_phone           (MqPerson           *self);
void                mq_person_set_phone           (MqPerson           *self,
                                                   const char         *phone);
const char         *mq_person_get_mastodon        (MqPerson           *self);
void                mq_person_set_mastodon        (MqPerson           *self,
                                                   const char         *handle);
const char         *mq_person_get_bluesky         (MqPerson           *self);
void                mq_person_set_bluesky         (MqPerson           *self,
                                                   const char         *handle);
const char         *mq_person_get_organization    (MqPerson           *self);
void                mq_person_set_organization    (MqPerson           *self,
                                                   const char         *organization);
const char         *mq_person_get_pronouns        (MqPerson           *self);
void                mq_person_set_pronouns        (MqPerson           *self,
                                                   const char         *pronouns);
const char         *mq_person_get_languages       (MqPerson           *self);
void                mq_person_set_languages       (MqPerson           *self,
                                                   const char         *languages);
const char         *mq_person_get_notes           (MqPerson           *self);
void                mq_person_set_notes           (MqPerson           *self,
                                                   const char         *notes);
const char * const *mq_person_get_tags            (MqPerson           *self);
void                mq_person_set_tags            (MqPerson           *self,
                                                   const char * const *tags);
gboolean            mq_person_get_consent_contact (MqPerson           *self);
void                mq_person_set_consent_contact (MqPerson           *self,
                                                   gboolean            consent);
gboolean            mq_person_get_consent_photo   (MqPerson           *self);
void                mq_person_set_consent_photo   (MqPerson           *self,
                                                   gboolean            consent);
gboolean            mq_person_get_consent_listed  (MqPerson           *self);
void                mq_person_set_consent_listed  (MqPerson           *self,
                                                   gboolean            consent);
GDateTime          *mq_person_get_created_at      (MqPerson           *self);

G_END_DECLS
