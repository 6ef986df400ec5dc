/* mq-person-row.h: one person in a directory list, drawn in one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_PERSON_ROW (mq_person_row_get_type ())

G_DECLARE_FINAL_TYPE (MqPersonRow, mq_person_row, MQ, PERSON_ROW, GtkWidget)

GtkWidget          *mq_person_row_new          (void);
void                mq_person_row_set_person   (MqPersonRow *self,
                                                MqPerson    *person);
MqPerson           *mq_person_row_get_person   (MqPersonRow *self);
/* The initials shown in the avatar ("AS" for "Ana de Sousa"). */
const char         *mq_person_row_get_initials (MqPersonRow *self);
/* A factory for GtkListView over MqPerson items that makes MqPersonRows. */
GtkListItemFactory *mq_person_row_factory_new  (void);

G_END_DECLS
