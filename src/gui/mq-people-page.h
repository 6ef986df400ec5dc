/* mq-people-page.h: the directory beside the selected person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-edit-history.h"

G_BEGIN_DECLS

#define MQ_TYPE_PEOPLE_PAGE (mq_people_page_get_type ())

G_DECLARE_FINAL_TYPE (MqPeoplePage, mq_people_page, MQ, PEOPLE_PAGE, GtkWidget)

void        mq_people_page_set_history   (MqPeoplePage  *self,
                                          MqEditHistory *history);
void        mq_people_page_show_person   (MqPeoplePage  *self,
                                          gint64         person_id);
void        mq_people_page_new_person    (MqPeoplePage  *self);
void        mq_people_page_focus_search  (MqPeoplePage  *self);
/* Searches at once, without the entry's typing delay. */
void        mq_people_page_set_query     (MqPeoplePage  *self,
                                          const char    *query);
GListModel *mq_people_page_get_model     (MqPeoplePage  *self);

G_END_DECLS
