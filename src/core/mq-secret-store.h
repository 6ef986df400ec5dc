/* mq-secret-store.h: where account secrets live, never in the database
 *
 * Tokens, refresh tokens, client secrets and app passwords are kept by
 * account id and a name ("access-token", …). The app uses the keyring
 * (libsecret); tests use the in-memory store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mq-outbox.h"

G_BEGIN_DECLS

/* The secrets' names. */
#define MQ_SECRET_ACCESS_TOKEN  "access-token"
#define MQ_SECRET_REFRESH_TOKEN "refresh-token"
#define MQ_SECRET_APP_PASSWORD  "app-password"
#define MQ_SECRET_CLIENT_ID     "client-id"
#define MQ_SECRET_CLIENT_SECRET "client-secret"

#define MQ_TYPE_SECRET_STORE (mq_secret_store_get_type ())

G_DECLARE_INTERFACE (MqSecretStore, mq_secret_store, MQ, SECRET_STORE, GObject)

struct _MqSecretStoreInterface
{
  GTypeInterface parent_iface;

  char     *(*lookup)        (MqSecretStore  *self,
                              gint64          account_id,
                              const char     *name,
                              GCancellable   *cancellable,
                              GError        **error);
  gboolean  (*store)         (MqSecretStore  *self,
                              gint64          account_id,
                              const char     *name,
                              const char     *label,
                              const char     *secret,
                              GCancellable   *cancellable,
                              GError        **error);
  gboolean  (*clear_account) (MqSecretStore  *self,
                              gint64          account_id,
                              GCancellable   *cancellable,
                              GError        **error);
};

/* NULL without an error when there is no such secret. Free the result with
 * mq_secret_free(), which wipes it first. Blocking.
 */
char          *mq_secret_store_lookup          (MqSecretStore  *self,
                                                gint64          account_id,
                                                const char     *name,
                                                GCancellable   *cancellable,
                                                GError        **error);
/* Stores or replaces. @label is what the keyring shows ("Marquee: @club on
 * films.example"). Blocking.
 */
gboolean       mq_secret_store_store           (MqSecretStore  *self,
                                                gint64          account_id,
                                                const char     *name,
                                                const char     *label,
                                                const char     *secret,
                                                GCancellable   *cancellable,
                                                GError        **error);
/* Removes every secret of @account_id. Blocking. */
gboolean       mq_secret_store_clear_account   (MqSecretStore  *self,
                                                gint64          account_id,
                                                GCancellable   *cancellable,
                                                GError        **error);
/* Removes the account's secrets, then the account: a keyring that cannot
 * be reached keeps the account so nothing is left behind unseen.
 */
gboolean       mq_secret_store_remove_account  (MqSecretStore  *self,
                                                MqOutbox       *outbox,
                                                gint64          account_id,
                                                GError        **error);

/* A secret string, for g_autoptr (MqSecret): wiped before it is freed. */
typedef char MqSecret;
void           mq_secret_free                  (char           *secret);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqSecret, mq_secret_free)

/* The keyring, through libsecret (schema io.github.marqueeapp.Marquee.Account):
 * secrets are filed by the database's identity, the account id and the name. */
#define MQ_TYPE_SECRET_STORE_LIBSECRET (mq_secret_store_libsecret_get_type ())
G_DECLARE_FINAL_TYPE (MqSecretStoreLibsecret, mq_secret_store_libsecret, MQ, SECRET_STORE_LIBSECRET, GObject)
MqSecretStore *mq_secret_store_libsecret_new   (MqStore        *store);

/* Secrets in this process's memory only: for tests. */
#define MQ_TYPE_SECRET_STORE_MEMORY (mq_secret_store_memory_get_type ())
G_DECLARE_FINAL_TYPE (MqSecretStoreMemory, mq_secret_store_memory, MQ, SECRET_STORE_MEMORY, GObject)
MqSecretStore *mq_secret_store_memory_new      (void);
guint          mq_secret_store_memory_count    (MqSecretStoreMemory *self);

G_END_DECLS
