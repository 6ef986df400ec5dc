/* mq-person-page.h: one person's details and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_PERSON_PAGE (mq_person_page_get_type ())

G_DECLARE_FINAL_TYPE (MqPersonPage, mq_person_page, MQ, PERSON_PAGE, GtkWidget)

void     mq_person_page_set_history   (MqPersonPage  *self,
                                       MqEditHistory *history);
/* 0 starts a new person. */
void     mq_person_page_set_person_id (MqPersonPage  *self,
                                       gint64         person_id);
gint64   mq_person_page_get_person_id (MqPersonPage  *self);
void     mq_person_page_focus_name    (MqPersonPage  *self);
gboolean mq_person_page_save          (MqPersonPage  *self);
/* Reads the person again after a change in the store (an undo), keeping
 * what the organizer typed meanwhile. FALSE when the person is gone.
 */
gboolean mq_person_page_reload        (MqPersonPage  *self);

G_END_DECLS
