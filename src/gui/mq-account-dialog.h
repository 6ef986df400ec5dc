/* mq-account-dialog.h: connecting a Bluesky or Mastodon account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-outbox.h"
#include "mq-secret-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_ACCOUNT_DIALOG (mq_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqAccountDialog, mq_account_dialog, MQ, ACCOUNT_DIALOG, AdwWindow)

MqAccountDialog *mq_account_dialog_new        (GtkWindow             *parent,
                                               MqStore               *store,
                                               MqSecretStore         *secrets);
/* Fills the form with @account's network, server and handle, to log in to
 * it again when its session was revoked.
 */
void             mq_account_dialog_log_in_again (MqAccountDialog     *self,
                                                 const MqSocialAccount *account);
/* (nullable) Where the user allows Marquee on their Mastodon server, once
 * the server registered it.
 */
const char      *mq_account_dialog_get_authorize_url (MqAccountDialog *self);
/* Whether a sign-in is under way (for tests). */
gboolean         mq_account_dialog_get_busy   (MqAccountDialog       *self);

G_END_DECLS
