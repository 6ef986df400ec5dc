/* mq-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"
#include "mq-outbox-runner.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_APPLICATION (mq_application_get_type ())

G_DECLARE_FINAL_TYPE (MqApplication, mq_application, MQ, APPLICATION, AdwApplication)

MqApplication *mq_application_new       (void);
MqStore       *mq_application_get_store (MqApplication *self);
/* Opens the database at @path; @demo fills it with sample data when empty. */
gboolean       mq_application_open_store (MqApplication  *self,
                                          const char     *path,
                                          gboolean        demo,
                                          GError        **error);
/* Where account secrets live: the keyring, filed under the open database
 * (so only once it is open), unless a test set another.
 */
MqSecretStore  *mq_application_get_secret_store (MqApplication *self);
void            mq_application_set_secret_store (MqApplication *self,
                                                 MqSecretStore *secrets);
/* (nullable) The outbox sender, once the database is open. */
MqOutboxRunner *mq_application_get_outbox_runner (MqApplication *self);

G_END_DECLS
