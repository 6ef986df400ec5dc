/* mq-announcements-page.c: accounts, the composer and the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-announcements-page"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-account-dialog.h"
#include "mq-account-sign-in.h"
#include "mq-announcements-page.h"
#include "mq-application.h"
#include "mq-composer-window.h"
#include "mq-social-display.h"

struct _MqAnnouncementsPage
{
  GtkWidget        parent_instance;

  MqStore         *store;
  MqOutbox        *outbox;
  MqOutboxRunner  *runner;
  GHashTable      *job_rows;        /* job id → (unowned) MqOutboxRow */
  guint            n_accounts;
  guint            refresh_source;
  gboolean         sidebar_folded;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkButton       *compose_button;
  GtkSpinner      *sending_spinner;
  GtkListBox      *account_list;
  GtkListBox      *outbox_list;
};

G_DEFINE_FINAL_TYPE (MqAnnouncementsPage, mq_announcements_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SIDEBAR_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (MqAnnouncementsPage *self,
       const char          *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static GtkWindow *
get_window (MqAnnouncementsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static MqSecretStore *
get_secrets (MqAnnouncementsPage *self)
{
  GtkWindow *window = get_window (self);
  GtkApplication *app = window != NULL ? gtk_window_get_application (window) : NULL;

  g_return_val_if_fail (MQ_IS_APPLICATION (app), NULL);
  return mq_application_get_secret_store (MQ_APPLICATION (app));
}

static GtkWidget *
create_account_row (const MqSocialAccount *account)
{
  g_autofree char *title = mq_display_account (account);
  g_autofree char *subtitle = mq_display_account_server (account);
  g_autofree char *name = g_strdup_printf ("account-%" G_GINT64_FORMAT, account->id);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) again = NULL;
  g_autoptr(GMenuItem) remove = NULL;
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *button;

  row = adw_action_row_new ();
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name (mq_display_network_icon (account->network));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mq_display_network (account->network), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  again = g_menu_item_new (_("_Log In Again…"), NULL);
  g_menu_item_set_action_and_target_value (again, "announcements.log-in-again",
                                           g_variant_new_int64 (account->id));
  g_menu_append_item (menu, again);
  remove = g_menu_item_new (_("_Remove…"), NULL);
  g_menu_item_set_action_and_target_value (remove, "announcements.remove-account",
                                           g_variant_new_int64 (account->id));
  g_menu_append_item (menu, remove);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Account Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Account Menu"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
refresh_accounts (MqAnnouncementsPage *self,
                  GPtrArray           *accounts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->account_list))) != NULL)
    gtk_list_box_remove (self->account_list, child);

  for (guint i = 0; i < accounts->len; i++)
    gtk_list_box_append (self->account_list, create_account_row (g_ptr_array_index (accounts, i)));
  self->n_accounts = accounts->len;
}

static const MqSocialAccount *
find_account (GPtrArray *accounts,
              gint64     account_id)
{
  for (guint i = 0; i < accounts->len; i++)
    if (((MqSocialAccount *) g_ptr_array_index (accounts, i))->id == account_id)
      return g_ptr_array_index (accounts, i);
  return NULL;
}

static const char *
event_title (MqAnnouncementsPage *self,
             GHashTable          *titles,
             gint64               event_id)
{
  g_autoptr(MqEventCatalog) catalog = NULL;
  g_autoptr(MqEvent) event = NULL;
  gpointer title;

  if (event_id <= 0)
    return NULL;
  if (g_hash_table_lookup_extended (titles, &event_id, NULL, &title))
    return title;

  catalog = mq_event_catalog_new (self->store);
  event = mq_event_catalog_get (catalog, event_id, NULL);
  title = event != NULL ? g_strdup (mq_event_get_title (event)) : NULL;
  g_hash_table_insert (titles, g_memdup2 (&event_id, sizeof event_id), title);
  return title;
}

/* Rows are kept and updated in place, so an expanded row stays open while
 * its job goes from queued to posted; jobs only ever get larger ids, so new
 * rows go on top.
 */
static void
refresh_outbox (MqAnnouncementsPage *self,
                GPtrArray           *accounts,
                GPtrArray           *jobs)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, row;

  for (guint i = 0; i < jobs->len; i++)
    {
      const MqOutboxJob *job = g_ptr_array_index (jobs, i);
      MqOutboxRow *job_row = g_hash_table_lookup (self->job_rows, &job->id);

      if (job_row == NULL)
        {
          job_row = MQ_OUTBOX_ROW (mq_outbox_row_new ());
          gtk_list_box_prepend (self->outbox_list, GTK_WIDGET (job_row));
          g_hash_table_insert (self->job_rows, g_memdup2 (&job->id, sizeof job->id), job_row);
        }
      mq_outbox_row_set_job (job_row, job, find_account (accounts, job->account_id),
                             event_title (self, titles, job->event_id));
      g_hash_table_add (seen, (gpointer) &job->id);
    }

  g_hash_table_iter_init (&iter, self->job_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    if (!g_hash_table_contains (seen, key))
      {
        gtk_list_box_remove (self->outbox_list, row);
        g_hash_table_iter_remove (&iter);
      }
}

static void
refresh (MqAnnouncementsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;

  if (self->outbox == NULL)
    return;

  if (!(accounts = mq_outbox_list_accounts (self->outbox, &error)) ||
      !(jobs = mq_outbox_list_jobs (self->outbox, &error)))
    {
      toast (self, error->message);
      return;
    }

  refresh_accounts (self, accounts);
  refresh_outbox (self, accounts, jobs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "announcements.compose", accounts->len > 0);
}

static gboolean
refresh_idle (gpointer data)
{
  MqAnnouncementsPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The sender writes a job several times a second when many are due: one
 * refresh after a burst is enough.
 */
static void
on_store_changed (MqStore             *store,
                  const char          *what,
                  MqAnnouncementsPage *self)
{
  if (g_strcmp0 (what, "outbox") != 0 && g_strcmp0 (what, "accounts") != 0 &&
      g_strcmp0 (what, "events") != 0)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
compose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);

  mq_composer_window_open (widget, self->store, 0);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  MqAccountDialog *dialog;

  dialog = mq_account_dialog_new (get_window (self), self->store, get_secrets (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_in_again_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  MqAccountDialog *dialog;

  if (!(account = mq_outbox_get_account (self->outbox, g_variant_get_int64 (param), &error)))
    {
      toast (self, error->message);
      return;
    }

  dialog = mq_account_dialog_new (get_window (self), self->store, get_secrets (self));
  mq_account_dialog_log_in_again (dialog, account);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
account_removed (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MqAnnouncementsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mq_account_remove_finish (result, &error))
    toast (self, error->message);
  else
    toast (self, _("Account removed"));
}

static void
on_remove_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    MqAnnouncementsPage *self)
{
  const gint64 *account_id = g_object_get_data (G_OBJECT (dialog), "account-id");

  if (g_strcmp0 (response, "remove") != 0)
    return;

  mq_account_remove_async (self->store, get_secrets (self), *account_id, NULL,
                           account_removed, g_object_ref (self));
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  g_autoptr(MqSocialAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *who = NULL;
  g_autofree char *heading = NULL;
  gint64 account_id = g_variant_get_int64 (param);
  GtkWidget *dialog;

  if (!(account = mq_outbox_get_account (self->outbox, account_id, &error)))
    {
      toast (self, error->message);
      return;
    }

  who = mq_display_account (account);
  /* Translators: %s is an account, like club.bsky.social */
  heading = g_strdup_printf (_("Remove %s?"), who);
  dialog = adw_message_dialog_new (get_window (self), heading,
                                   _("Marquee forgets this account and deletes its password and "
                                     "session from the keyring. Its posts leave the outbox; posts "
                                     "already published stay online."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account-id",
                          g_memdup2 (&account_id, sizeof account_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  const char *url = g_variant_get_string (param, NULL);

  if (*url != '\0')
    gtk_show_uri (get_window (self), url, GDK_CURRENT_TIME);
}

static void
send_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mq_outbox_queue (self->outbox, g_variant_get_int64 (param), &error))
    toast (self, error->message);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!mq_outbox_retry (self->outbox, g_variant_get_int64 (param), &error))
    toast (self, error->message);
}

static void
on_cancel_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    MqAnnouncementsPage *self)
{
  const gint64 *job_id = g_object_get_data (G_OBJECT (dialog), "job-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel-post") != 0)
    return;
  /* The sender may have taken it meanwhile: the core says so. */
  if (!mq_outbox_cancel (self->outbox, *job_id, &error))
    toast (self, error->message);
  else
    toast (self, _("Post cancelled"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (widget);
  gint64 job_id = g_variant_get_int64 (param);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (get_window (self), _("Cancel This Post?"),
                                   _("It leaves the outbox and is never sent."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep"),
                                    "cancel-post", _("_Cancel Post"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-post",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "job-id", g_memdup2 (&job_id, sizeof job_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
mq_announcements_page_set_store (MqAnnouncementsPage *self,
                                 MqStore             *store,
                                 MqOutboxRunner      *runner)
{
  g_return_if_fail (MQ_IS_ANNOUNCEMENTS_PAGE (self));
  g_return_if_fail (MQ_IS_STORE (store));
  g_return_if_fail (runner == NULL || MQ_IS_OUTBOX_RUNNER (runner));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  self->outbox = mq_outbox_new (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, 0);

  if (runner != NULL)
    {
      self->runner = g_object_ref (runner);
      g_object_bind_property (runner, "running", self->sending_spinner, "spinning", G_BINDING_SYNC_CREATE);
      g_object_bind_property (runner, "running", self->sending_spinner, "visible", G_BINDING_SYNC_CREATE);
    }

  refresh (self);
}

guint
mq_announcements_page_get_n_accounts (MqAnnouncementsPage *self)
{
  g_return_val_if_fail (MQ_IS_ANNOUNCEMENTS_PAGE (self), 0);

  return self->n_accounts;
}

MqOutboxRow *
mq_announcements_page_find_job_row (MqAnnouncementsPage *self,
                                    gint64               job_id)
{
  g_return_val_if_fail (MQ_IS_ANNOUNCEMENTS_PAGE (self), NULL);

  return g_hash_table_lookup (self->job_rows, &job_id);
}

static void
mq_announcements_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      g_value_set_boolean (value, self->sidebar_folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_announcements_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_FOLDED:
      if (self->sidebar_folded != g_value_get_boolean (value))
        {
          self->sidebar_folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mq_announcements_page_dispose (GObject *object)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_hash_table_remove_all (self->job_rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_ANNOUNCEMENTS_PAGE);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_announcements_page_parent_class)->dispose (object);
}

static void
mq_announcements_page_finalize (GObject *object)
{
  MqAnnouncementsPage *self = MQ_ANNOUNCEMENTS_PAGE (object);

  g_clear_pointer (&self->job_rows, g_hash_table_unref);
  g_clear_object (&self->runner);
  g_clear_object (&self->outbox);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mq_announcements_page_parent_class)->finalize (object);
}

static void
mq_announcements_page_class_init (MqAnnouncementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mq_announcements_page_get_property;
  object_class->set_property = mq_announcements_page_set_property;
  object_class->dispose = mq_announcements_page_dispose;
  object_class->finalize = mq_announcements_page_finalize;

  properties[PROP_SIDEBAR_FOLDED] =
    g_param_spec_boolean ("sidebar-folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-announcements-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MqAnnouncementsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MqAnnouncementsPage, compose_button);
  gtk_widget_class_bind_template_child (widget_class, MqAnnouncementsPage, sending_spinner);
  gtk_widget_class_bind_template_child (widget_class, MqAnnouncementsPage, account_list);
  gtk_widget_class_bind_template_child (widget_class, MqAnnouncementsPage, outbox_list);

  gtk_widget_class_install_action (widget_class, "announcements.compose", NULL, compose_action);
  gtk_widget_class_install_action (widget_class, "announcements.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "announcements.log-in-again", "x", log_in_again_action);
  gtk_widget_class_install_action (widget_class, "announcements.remove-account", "x", remove_account_action);
  gtk_widget_class_install_action (widget_class, "outbox.open-post", "s", open_post_action);
  gtk_widget_class_install_action (widget_class, "outbox.send-draft", "x", send_draft_action);
  gtk_widget_class_install_action (widget_class, "outbox.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "outbox.cancel", "x", cancel_action);
}

static void
mq_announcements_page_init (MqAnnouncementsPage *self)
{
  self->job_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sending_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "announcements.compose", FALSE);
}
