/* mq-add-guest-dialog.h: pick someone from the directory or enter them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_ADD_GUEST_DIALOG (mq_add_guest_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqAddGuestDialog, mq_add_guest_dialog, MQ, ADD_GUEST_DIALOG, AdwWindow)

MqAddGuestDialog *mq_add_guest_dialog_new          (GtkWindow        *parent,
                                                    MqStore          *store,
                                                    MqEvent          *event);
/* For tests and keyboard users: search the directory, pick a result. */
void              mq_add_guest_dialog_set_query    (MqAddGuestDialog *self,
                                                    const char       *query);
gboolean          mq_add_guest_dialog_select       (MqAddGuestDialog *self,
                                                    guint             position);
/* Switch to entering a new person. */
void              mq_add_guest_dialog_set_new_name (MqAddGuestDialog *self,
                                                    const char       *name,
                                                    const char       *email);
void              mq_add_guest_dialog_set_party_size (MqAddGuestDialog *self,
                                                      int               party_size);

G_END_DECLS
