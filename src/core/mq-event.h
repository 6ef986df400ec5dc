/* mq-event.h: a screening, a meetup or an add-on to another event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  MQ_EVENT_KIND_SCREENING,
  MQ_EVENT_KIND_MEETUP,
  MQ_EVENT_KIND_ADDON,
} MqEventKind;

typedef enum
{
  MQ_EVENT_STATUS_DRAFT,
  MQ_EVENT_STATUS_PUBLISHED,
  MQ_EVENT_STATUS_CANCELLED,
} MqEventStatus;

#define MQ_TYPE_EVENT_KIND   (mq_event_kind_get_type ())
#define MQ_TYPE_EVENT_STATUS (mq_event_status_get_type ())

GType       mq_event_kind_get_type    (void) G_GNUC_CONST;
GType       mq_event_status_get_type  (void) G_GNUC_CONST;
const char *mq_event_kind_to_string   (MqEventKind    kind);
gboolean    mq_event_kind_from_string (const char    *text,
                                       MqEventKind   *kind);
const char *mq_event_status_to_string   (MqEventStatus  status);
gboolean    mq_event_status_from_string (const char    *text,
                                         MqEventStatus *status);

#define MQ_TYPE_EVENT (mq_event_get_type ())

G_DECLARE_FINAL_TYPE (MqEvent, mq_event, MQ, EVENT, GObject)

/* Every field is also a GObject property of the same name (dashes for
 * underscores); capacity -1 means unlimited, 0 in id/parent-id means none.
 */
MqEvent       *mq_event_new                  (void);

gint64         mq_event_get_id               (MqEvent       *self);
MqEventKind    mq_event_get_kind             (MqEvent       *self);
void           mq_event_set_kind             (MqEvent       *self,
                                              MqEventKind    kind);
gint64         mq_event_get_parent_id        (MqEvent       *self);
void           mq_event_set_parent_id        (MqEvent       *self,
                                              gint64         parent_id);
const char    *mq_event_get_title            (MqEvent       *self);
void           mq_event_set_title            (MqEvent       *self,
                                              const char    *title);
GDateTime     *mq_event_get_starts_at        (MqEvent       *self);
void           mq_event_set_starts_at        (MqEvent       *self,
                                              GDateTime     *starts_at);
GDateTime     *mq_event_get_ends_at          (MqEvent       *self);
void           mq_event_set_ends_at          (MqEvent       *self,
                                              GDateTime     *ends_at);
const char    *mq_event_get_time_zone        (MqEvent       *self);
void           mq_event_set_time_zone        (MqEvent       *self,
                                              const char    *time_zone);
const char    *mq_event_get_venue            (MqEvent       *self);
void           mq_event_set_venue            (MqEvent       *self,
                                              const char    *venue);
const char    *mq_event_get_address          (MqEvent       *self);
void           mq_event_set_address          (MqEvent       *self,
                                              const char    *address);
const char    *mq_event_get_online_url       (MqEvent       *self);
void           mq_event_set_online_url       (MqEvent       *self,
                                              const char    *online_url);
int            mq_event_get_capacity         (MqEvent       *self);
void           mq_event_set_capacity         (MqEvent       *self,
                                              int            capacity);
const char    *mq_event_get_hashtag          (MqEvent       *self);
void           mq_event_set_hashtag          (MqEvent       *self,
                                              const char    *hashtag);
const char    *mq_event_get_description      (MqEvent       *self);
void           mq_event_set_description      (MqEvent       *self,
                                              const char    *description);
MqEventStatus  mq_event_get_status           (MqEvent       *self);
void           mq_event_set_status           (MqEvent       *self,
                                              MqEventStatus  status);
const char    *mq_event_get_accessibility_notes (MqEvent    *self);
void           mq_event_set_accessibility_notes (MqEvent    *self,
                                                 const char *notes);
const char    *mq_event_get_film_title       (MqEvent       *self);
void           mq_event_set_film_title       (MqEvent       *self,
                                              const char    *film_title);
const char    *mq_event_get_film_director    (MqEvent       *self);
void           mq_event_set_film_director    (MqEvent       *self,
                                              const char    *film_director);
int            mq_event_get_film_year        (MqEvent       *self);
void           mq_event_set_film_year        (MqEvent       *self,
                                              int            film_year);
int            mq_event_get_film_runtime     (MqEvent       *self);
void           mq_event_set_film_runtime     (MqEvent       *self,
                                              int            minutes);
const char    *mq_event_get_film_language    (MqEvent       *self);
void           mq_event_set_film_language    (MqEvent       *self,
                                              const char    *language);
const char    *mq_event_get_film_subtitles   (MqEvent       *self);
void           mq_event_set_film_subtitles   (MqEvent       *self,
                                              const char    *subtitles);
const char    *mq_event_get_content_notes    (MqEvent       *self);
void           mq_event_set_content_notes    (MqEvent       *self,
                                              const char    *notes);
const char    *mq_event_get_rights_note      (MqEvent       *self);
void           mq_event_set_rights_note      (MqEvent       *self,
                                              const char    *note);
const char    *mq_event_get_poster_path      (MqEvent       *self);
void           mq_event_set_poster_path      (MqEvent       *self,
                                              const char    *path);
int            mq_event_get_doors_minutes    (MqEvent       *self);
void           mq_event_set_doors_minutes    (MqEvent       *self,
                                              int            minutes);
int            mq_event_get_qa_minutes       (MqEvent       *self);
void           mq_event_set_qa_minutes       (MqEvent       *self,
                                              int            minutes);
GDateTime     *mq_event_get_created_at       (MqEvent       *self);

/* Computed: doors open = start - doors-minutes; end of Q&A = start +
 * film runtime + qa-minutes (or ends-at when there is no runtime). In the
 * event's own time zone.
 */
GDateTime     *mq_event_dup_doors_at         (MqEvent       *self);
GDateTime     *mq_event_dup_starts_local     (MqEvent       *self);
GDateTime     *mq_event_dup_qa_ends_at       (MqEvent       *self);

G_END_DECLS
