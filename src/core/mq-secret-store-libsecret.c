/* mq-secret-store-libsecret.c: account secrets in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-secret-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "mq-error.h"
#include "mq-secret-store.h"

struct _MqSecretStoreLibsecret
{
  GObject parent_instance;

  char *database;   /* the store's identity: secrets of other databases stay apart */
};

static void secret_store_libsecret_iface_init (MqSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MqSecretStoreLibsecret, mq_secret_store_libsecret, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (MQ_TYPE_SECRET_STORE, secret_store_libsecret_iface_init))

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    "io.github.marqueeapp.Marquee.Account", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "name", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  return &schema;
}

/* The keyring's own errors (no daemon, locked, dismissed prompt) say little
 * to a user; keep them as the cause and say what to do.
 */
static void
keyring_error (GError       **error,
               const GError  *cause)
{
  g_set_error (error, MQ_ERROR, MQ_ERROR_IO,
               _("The keyring could not be used (%s): unlock it or start the "
                 "desktop's keyring service, then try again"), cause->message);
}

static const char *
database_of (MqSecretStore *store)
{
  return MQ_SECRET_STORE_LIBSECRET (store)->database;
}

static char *
libsecret_lookup (MqSecretStore  *store,
                  gint64          account_id,
                  const char     *name,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GError) local_error = NULL;
  char *secret, *copy;

  secret = secret_password_lookup_sync (account_schema (), cancellable, &local_error,
                                        "database", database_of (store), "account-id", id,
                                        "name", name, NULL);
  if (local_error != NULL)
    {
      keyring_error (error, local_error);
      return NULL;
    }
  /* Hand out memory that mq_secret_free() may wipe and free. */
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

static gboolean
libsecret_store (MqSecretStore  *store,
                 gint64          account_id,
                 const char     *name,
                 const char     *label,
                 const char     *secret,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GError) local_error = NULL;

  if (!secret_password_store_sync (account_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local_error, "database", database_of (store),
                                   "account-id", id, "name", name, NULL))
    {
      keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
libsecret_clear_account (MqSecretStore  *store,
                         gint64          account_id,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, account_id);
  g_autoptr(GError) local_error = NULL;

  /* FALSE without an error only means there was nothing to remove. */
  if (!secret_password_clear_sync (account_schema (), cancellable, &local_error,
                                   "database", database_of (store), "account-id", id, NULL) &&
      local_error != NULL)
    {
      keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
secret_store_libsecret_iface_init (MqSecretStoreInterface *iface)
{
  iface->lookup = libsecret_lookup;
  iface->store = libsecret_store;
  iface->clear_account = libsecret_clear_account;
}

static void
mq_secret_store_libsecret_finalize (GObject *object)
{
  MqSecretStoreLibsecret *self = MQ_SECRET_STORE_LIBSECRET (object);

  g_free (self->database);

  G_OBJECT_CLASS (mq_secret_store_libsecret_parent_class)->finalize (object);
}

static void
mq_secret_store_libsecret_class_init (MqSecretStoreLibsecretClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mq_secret_store_libsecret_finalize;
}

static void
mq_secret_store_libsecret_init (MqSecretStoreLibsecret *self)
{
}

/**
 * mq_secret_store_libsecret_new:
 * @store: the database whose accounts the secrets belong to
 *
 * Returns: (transfer full): the keyring, seen from @store's accounts
 */
MqSecretStore *
mq_secret_store_libsecret_new (MqStore *store)
{
  MqSecretStoreLibsecret *self;
  const char *identity;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);

  identity = mq_store_get_identity (store);
  g_return_val_if_fail (identity != NULL, NULL);

  self = g_object_new (MQ_TYPE_SECRET_STORE_LIBSECRET, NULL);
  self->database = g_strdup (identity);
  return MQ_SECRET_STORE (self);
}
