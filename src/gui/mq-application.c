/* mq-application.c: the Marquee desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-application"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-application.h"
#include "mq-preferences-window.h"
#include "mq-window.h"

struct _MqApplication
{
  AdwApplication  parent_instance;

  char           *db_path;   /* (nullable) from --db */
  gboolean        demo;      /* --demo: fill an empty database with sample data */
  MqStore        *store;     /* (owned) (nullable) until startup opened it */
  MqSecretStore  *secrets;   /* (owned) (nullable) until first needed */
  MqOutboxRunner *runner;    /* (owned) (nullable) posts the outbox while the app runs */
};

G_DEFINE_FINAL_TYPE (MqApplication, mq_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database file to open"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Fill an empty database with sample data"), NULL },
  { NULL }
};

static int
mq_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  MqApplication *self = MQ_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_strdup (db);
    }
  self->demo = g_variant_dict_contains (options, "demo");

  return -1;
}

gboolean
mq_application_open_store (MqApplication  *self,
                           const char     *path,
                           gboolean        demo,
                           GError        **error)
{
  g_return_val_if_fail (MQ_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  self->store = mq_store_open (path, error);
  if (self->store == NULL)
    return FALSE;

  /* The window's connection reads a page of rows at a time; imports,
   * exports and the outbox open connections of their own with the default
   * cache. A quarter of it keeps 1.5 MB out of the window's memory with
   * 100,000 people and no measurable cost per keystroke (PERFORMANCE.md).
   */
  if (!mq_store_set_cache_size (self->store, 512, error))
    return FALSE;

  if (demo && mq_demo_data_is_store_empty (self->store))
    {
      g_autoptr(MqDemoData) generator = mq_demo_data_new (self->store);

      if (!mq_demo_data_generate (generator, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
open_store (MqApplication  *self,
            GError        **error)
{
  g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path)
                                                : mq_store_default_path ();

  return mq_application_open_store (self, path, self->demo, error);
}

static void
mq_application_activate (GApplication *app)
{
  MqApplication *self = MQ_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->store == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!open_store (self, &error))
        {
          g_printerr ("%s\n", error->message);
          g_application_quit (app);
          return;
        }
    }

  if (self->runner == NULL && self->store != NULL)
    self->runner = mq_outbox_runner_new (self->store, mq_application_get_secret_store (self));

  if (window == NULL)
    window = GTK_WINDOW (mq_window_new (self));

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (mq_preferences_window_new (parent)));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Marquee contributors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Marquee"),
                        "developer-name", _("The Marquee contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan community film screenings and meetups, keep the guest list and the waitlist, and welcome people at the door."),
                        "website", "https://github.com/marqueeapp/marquee",
                        "issue-url", "https://github.com/marqueeapp/marquee/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Marquee contributors",
                        "developers", developers,
                        /* Translators: your names, one per line, to be credited in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
};

static void
mq_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-event", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (mq_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

/* A post being sent is cancelled and recorded as a retry, not left half-done. */
static void
mq_application_shutdown (GApplication *app)
{
  MqApplication *self = MQ_APPLICATION (app);

  if (self->runner != NULL)
    mq_outbox_runner_stop (self->runner);

  G_APPLICATION_CLASS (mq_application_parent_class)->shutdown (app);
}

static void
mq_application_finalize (GObject *object)
{
  MqApplication *self = (MqApplication *) object;

  g_clear_object (&self->runner);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (mq_application_parent_class)->finalize (object);
}

static void
mq_application_class_init (MqApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = mq_application_finalize;
  app_class->activate = mq_application_activate;
  app_class->startup = mq_application_startup;
  app_class->shutdown = mq_application_shutdown;
  app_class->handle_local_options = mq_application_handle_local_options;
}

static void
mq_application_init (MqApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

MqApplication *
mq_application_new (void)
{
  return g_object_new (MQ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/marqueeapp/Marquee",
                       NULL);
}

MqStore *
mq_application_get_store (MqApplication *self)
{
  g_return_val_if_fail (MQ_IS_APPLICATION (self), NULL);

  return self->store;
}

MqSecretStore *
mq_application_get_secret_store (MqApplication *self)
{
  g_return_val_if_fail (MQ_IS_APPLICATION (self), NULL);

  /* Keyring items are filed under the database's identity. */
  g_return_val_if_fail (self->secrets != NULL || self->store != NULL, NULL);

  if (self->secrets == NULL)
    self->secrets = mq_secret_store_libsecret_new (self->store);
  return self->secrets;
}

void
mq_application_set_secret_store (MqApplication *self,
                                 MqSecretStore *secrets)
{
  g_return_if_fail (MQ_IS_APPLICATION (self));
  g_return_if_fail (MQ_IS_SECRET_STORE (secrets));

  g_set_object (&self->secrets, secrets);
  if (self->runner != NULL)
    mq_outbox_runner_set_secret_store (self->runner, secrets);
}

MqOutboxRunner *
mq_application_get_outbox_runner (MqApplication *self)
{
  g_return_val_if_fail (MQ_IS_APPLICATION (self), NULL);

  return self->runner;
}
