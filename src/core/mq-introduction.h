/* mq-introduction.h: a greeter introduced two people at an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MQ_TYPE_INTRODUCTION (mq_introduction_get_type ())

G_DECLARE_FINAL_TYPE (MqIntroduction, mq_introduction, MQ, INTRODUCTION, GObject)

MqIntroduction *mq_introduction_new              (gint64      id,
                                                  gint64      event_id,
                                                  gint64      person_a,
                                                  gint64      person_b,
                                                  gint64      by_person,
                                                  const char *note,
                                                  GDateTime  *at);
gint64          mq_introduction_get_id           (MqIntroduction *self);
gint64          mq_introduction_get_event_id     (MqIntroduction *self);
gint64          mq_introduction_get_person_a     (MqIntroduction *self);
gint64          mq_introduction_get_person_b     (MqIntroduction *self);
gint64          mq_introduction_get_by_person    (MqIntroduction *self);
const char     *mq_introduction_get_note         (MqIntroduction *self);
GDateTime      *mq_introduction_get_at           (MqIntroduction *self);

G_END_DECLS
