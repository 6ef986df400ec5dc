/* mq-secret-store.c: where account secrets live, and the in-memory store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-secret-store"

#include "config.h"

#include <string.h>

#include "mq-secret-store.h"

G_DEFINE_INTERFACE (MqSecretStore, mq_secret_store, G_TYPE_OBJECT)

static void
mq_secret_store_default_init (MqSecretStoreInterface *iface)
{
}

void
mq_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

char *
mq_secret_store_lookup (MqSecretStore  *self,
                        gint64          account_id,
                        const char     *name,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (MQ_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (account_id > 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return MQ_SECRET_STORE_GET_IFACE (self)->lookup (self, account_id, name, cancellable, error);
}

gboolean
mq_secret_store_store (MqSecretStore  *self,
                       gint64          account_id,
                       const char     *name,
                       const char     *label,
                       const char     *secret,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (MQ_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (account_id > 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  return MQ_SECRET_STORE_GET_IFACE (self)->store (self, account_id, name, label ? label : "Marquee",
                                                  secret, cancellable, error);
}

gboolean
mq_secret_store_clear_account (MqSecretStore  *self,
                               gint64          account_id,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_return_val_if_fail (MQ_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (account_id > 0, FALSE);

  return MQ_SECRET_STORE_GET_IFACE (self)->clear_account (self, account_id, cancellable, error);
}

gboolean
mq_secret_store_remove_account (MqSecretStore  *self,
                                MqOutbox       *outbox,
                                gint64          account_id,
                                GError        **error)
{
  g_autoptr(MqSocialAccount) account = NULL;

  g_return_val_if_fail (MQ_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (MQ_IS_OUTBOX (outbox), FALSE);

  if (!(account = mq_outbox_get_account (outbox, account_id, error)))
    return FALSE;
  return mq_secret_store_clear_account (self, account_id, NULL, error) &&
         mq_outbox_remove_account (outbox, account_id, error);
}

/* The in-memory store. */

struct _MqSecretStoreMemory
{
  GObject     parent_instance;
  GHashTable *secrets;   /* "id/name" → secret */
};

static void secret_store_memory_iface_init (MqSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MqSecretStoreMemory, mq_secret_store_memory, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MQ_TYPE_SECRET_STORE, secret_store_memory_iface_init))

static char *
memory_key (gint64      account_id,
            const char *name)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", account_id, name);
}

static char *
memory_lookup (MqSecretStore  *store,
               gint64          account_id,
               const char     *name,
               GCancellable   *cancellable,
               GError        **error)
{
  MqSecretStoreMemory *self = MQ_SECRET_STORE_MEMORY (store);
  g_autofree char *key = memory_key (account_id, name);

  return g_strdup (g_hash_table_lookup (self->secrets, key));
}

static gboolean
memory_store (MqSecretStore  *store,
              gint64          account_id,
              const char     *name,
              const char     *label,
              const char     *secret,
              GCancellable   *cancellable,
              GError        **error)
{
  MqSecretStoreMemory *self = MQ_SECRET_STORE_MEMORY (store);

  g_hash_table_replace (self->secrets, memory_key (account_id, name), g_strdup (secret));
  return TRUE;
}

static gboolean
memory_clear_account (MqSecretStore  *store,
                      gint64          account_id,
                      GCancellable   *cancellable,
                      GError        **error)
{
  MqSecretStoreMemory *self = MQ_SECRET_STORE_MEMORY (store);
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT "/", account_id);
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, self->secrets);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (g_str_has_prefix (key, prefix))
      g_hash_table_iter_remove (&iter);
  return TRUE;
}

static void
secret_store_memory_iface_init (MqSecretStoreInterface *iface)
{
  iface->lookup = memory_lookup;
  iface->store = memory_store;
  iface->clear_account = memory_clear_account;
}

static void
mq_secret_store_memory_finalize (GObject *object)
{
  MqSecretStoreMemory *self = MQ_SECRET_STORE_MEMORY (object);

  g_clear_pointer (&self->secrets, g_hash_table_unref);
  G_OBJECT_CLASS (mq_secret_store_memory_parent_class)->finalize (object);
}

static void
mq_secret_store_memory_class_init (MqSecretStoreMemoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_secret_store_memory_finalize;
}

static void
mq_secret_store_memory_init (MqSecretStoreMemory *self)
{
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) mq_secret_free);
}

MqSecretStore *
mq_secret_store_memory_new (void)
{
  return g_object_new (MQ_TYPE_SECRET_STORE_MEMORY, NULL);
}

guint
mq_secret_store_memory_count (MqSecretStoreMemory *self)
{
  g_return_val_if_fail (MQ_IS_SECRET_STORE_MEMORY (self), 0);
  return g_hash_table_size (self->secrets);
}
