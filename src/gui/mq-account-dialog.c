/* mq-account-dialog.c: connecting a Bluesky or Mastodon account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-account-dialog.h"
#include "mq-account-sign-in.h"
#include "mq-mastodon-authorization.h"
#include "mq-social-http.h"
#include "mq-window.h"

struct _MqAccountDialog
{
  AdwWindow            parent_instance;

  MqStore             *store;
  MqSecretStore       *secrets;
  GCancellable        *cancellable;  /* (nullable) the sign-in under way */
  MqMastodonAuthorization *authorization; /* (nullable) once Mastodon's sign-in started */
  char                *authorize_url; /* (nullable) where the user allows Marquee */

  /* Template widgets */
  AdwViewStack        *network_stack;
  AdwEntryRow         *bluesky_server_row;
  AdwEntryRow         *bluesky_handle_row;
  AdwPasswordEntryRow *bluesky_password_row;
  GtkLabel            *bluesky_error_label;
  GtkSpinner          *bluesky_spinner;
  AdwEntryRow         *mastodon_server_row;
  AdwPreferencesGroup *mastodon_code_group;
  AdwActionRow        *authorize_row;
  AdwEntryRow         *mastodon_code_row;
  GtkLabel            *mastodon_error_label;
  GtkSpinner          *mastodon_spinner;
  GtkButton           *mastodon_start_button;
  GtkButton           *mastodon_finish_button;
};

G_DEFINE_FINAL_TYPE (MqAccountDialog, mq_account_dialog, ADW_TYPE_WINDOW)

static gboolean
is_blank (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
update_actions (MqAccountDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.log-in-bluesky",
                                 !busy &&
                                 !is_blank (GTK_EDITABLE (self->bluesky_server_row)) &&
                                 !is_blank (GTK_EDITABLE (self->bluesky_handle_row)) &&
                                 !is_blank (GTK_EDITABLE (self->bluesky_password_row)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.mastodon-start",
                                 !busy && !is_blank (GTK_EDITABLE (self->mastodon_server_row)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.mastodon-finish",
                                 !busy && self->authorize_url != NULL &&
                                 !is_blank (GTK_EDITABLE (self->mastodon_code_row)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.open-authorize-url", self->authorize_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.copy-authorize-url", self->authorize_url != NULL);
}

static void
set_busy (MqAccountDialog *self,
          gboolean         busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->bluesky_spinner), busy);
  gtk_spinner_set_spinning (self->bluesky_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_spinner), busy);
  gtk_spinner_set_spinning (self->mastodon_spinner, busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->mastodon_server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->mastodon_code_row), !busy);
  /* Read-only rather than insensitive: a focused entry made insensitive
   * loses its focus-out event in GTK 4.8.
   */
  gtk_editable_set_editable (GTK_EDITABLE (self->bluesky_server_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->bluesky_handle_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->bluesky_password_row), !busy);
  if (!busy)
    g_clear_object (&self->cancellable);
  update_actions (self);
}

static void
show_error (MqAccountDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->bluesky_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->bluesky_error_label), message != NULL);
  gtk_label_set_text (self->mastodon_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_error_label), message != NULL);
}

static void
on_bluesky_changed (MqAccountDialog *self)
{
  update_actions (self);
}

static void
on_entry_activated (MqAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.log-in-bluesky", NULL);
}

static void
signed_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MqAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (mq_account_sign_in_bluesky_finish (result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->bluesky_password_row));
      return;
    }

  set_busy (self, FALSE);
  /* Translators: %s is a handle, like club.bsky.social */
  message = g_strdup_printf (_("%s is connected"), gtk_editable_get_text (GTK_EDITABLE (self->bluesky_handle_row)));
  mq_window_toast_for (GTK_WIDGET (self), message, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
log_in_bluesky_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (widget);

  if (self->cancellable != NULL)
    return;

  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  mq_account_sign_in_bluesky_async (self->store, self->secrets,
                                    gtk_editable_get_text (GTK_EDITABLE (self->bluesky_server_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->bluesky_handle_row)),
                                    gtk_editable_get_text (GTK_EDITABLE (self->bluesky_password_row)),
                                    self->cancellable, signed_in, g_object_ref (self));
}

/* Mastodon: register Marquee and get the authorize address, let the user
 * allow it in a browser, trade the pasted code for a token, keep it.
 */
static void
forget_authorization (MqAccountDialog *self)
{
  g_clear_object (&self->authorization);
  g_clear_pointer (&self->authorize_url, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_code_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_start_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_finish_button), FALSE);
}

static void
on_mastodon_server_changed (MqAccountDialog *self)
{
  /* A code from one server means nothing to another. */
  if (self->authorization != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->mastodon_server_row)),
                 mq_mastodon_authorization_get_server (self->authorization)) != 0)
    forget_authorization (self);
  update_actions (self);
}

static void
on_mastodon_changed (MqAccountDialog *self)
{
  update_actions (self);
}

static void
on_mastodon_server_activated (MqAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.mastodon-start", NULL);
}

static void
on_mastodon_code_activated (MqAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.mastodon-finish", NULL);
}

static void
mastodon_started (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MqAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  url = mq_mastodon_authorization_start_finish (MQ_MASTODON_AUTHORIZATION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (url == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, MQ_SOCIAL_ERROR, MQ_SOCIAL_ERROR_UNREACHABLE))
        message = g_strdup_printf (_("%s could not be reached: check the server address and the network connection"),
                                   mq_mastodon_authorization_get_server (MQ_MASTODON_AUTHORIZATION (source)));
      forget_authorization (self);
      show_error (self, message != NULL ? message : error->message);
      return;
    }

  self->authorize_url = g_steal_pointer (&url);
  adw_action_row_set_subtitle (self->authorize_row, self->authorize_url);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->authorize_row), self->authorize_url);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_code_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_start_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->mastodon_finish_button), TRUE);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->mastodon_code_row));
}

static void
mastodon_start_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (widget);
  g_autofree char *server = NULL;

  if (self->cancellable != NULL)
    return;

  server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mastodon_server_row))));
  if (!g_str_has_prefix (server, "https://") && !g_str_has_prefix (server, "http://"))
    {
      /* People write "mastodon.social"; the address is https. */
      g_autofree char *with_scheme = g_strconcat ("https://", server, NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->mastodon_server_row), with_scheme);
      g_free (server);
      server = g_steal_pointer (&with_scheme);
    }

  show_error (self, NULL);
  forget_authorization (self);
  self->authorization = mq_mastodon_authorization_new (server);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  mq_mastodon_authorization_start_async (self->authorization, self->cancellable,
                                         mastodon_started, g_object_ref (self));
}

static void
authorize_url_opened (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(MqAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No browser could be opened (%s): copy the address "
                                                    "and open it in a browser yourself"), error->message);
      show_error (self, message);
    }
}

static void
open_authorize_url_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (widget);

  if (self->authorize_url != NULL)
    gtk_show_uri_full (GTK_WINDOW (self), self->authorize_url, GDK_CURRENT_TIME, NULL,
                       authorize_url_opened, g_object_ref (self));
}

static void
copy_authorize_url_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (widget);

  if (self->authorize_url != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->authorize_url);
}

static void
mastodon_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MqAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (mq_account_save_mastodon_finish (result, &error) == 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }

  set_busy (self, FALSE);
  message = g_strdup_printf (_("%s is connected"), mq_mastodon_authorization_get_handle (self->authorization));
  mq_window_toast_for (GTK_WIDGET (self), message, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mastodon_completed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MqAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mq_mastodon_authorization_complete_finish (MQ_MASTODON_AUTHORIZATION (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->mastodon_code_row));
      return;
    }

  mq_account_save_mastodon_async (self->store, self->secrets, self->authorization, self->cancellable,
                                  mastodon_saved, g_object_ref (self));
}

static void
mastodon_finish_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (widget);
  g_autofree char *code = NULL;

  if (self->cancellable != NULL || self->authorization == NULL)
    return;

  code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mastodon_code_row))));
  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  mq_mastodon_authorization_complete_async (self->authorization, code, self->cancellable,
                                            mastodon_completed, g_object_ref (self));
}

void
mq_account_dialog_log_in_again (MqAccountDialog       *self,
                                const MqSocialAccount *account)
{
  g_return_if_fail (MQ_IS_ACCOUNT_DIALOG (self));
  g_return_if_fail (account != NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Log In Again"));
  if (account->network == MQ_SOCIAL_NETWORK_BLUESKY)
    {
      adw_view_stack_set_visible_child_name (self->network_stack, "bluesky");
      gtk_editable_set_text (GTK_EDITABLE (self->bluesky_server_row), account->server);
      gtk_editable_set_text (GTK_EDITABLE (self->bluesky_handle_row), account->handle);
      gtk_widget_grab_focus (GTK_WIDGET (self->bluesky_password_row));
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->network_stack, "mastodon");
      gtk_editable_set_text (GTK_EDITABLE (self->mastodon_server_row), account->server);
    }
}

const char *
mq_account_dialog_get_authorize_url (MqAccountDialog *self)
{
  g_return_val_if_fail (MQ_IS_ACCOUNT_DIALOG (self), NULL);

  return self->authorize_url;
}

gboolean
mq_account_dialog_get_busy (MqAccountDialog *self)
{
  g_return_val_if_fail (MQ_IS_ACCOUNT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
mq_account_dialog_close_request (GtkWindow *window)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (window);

  /* Closing the window gives up the sign-in: nothing is saved. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (mq_account_dialog_parent_class)->close_request (window);
}

static void
mq_account_dialog_dispose (GObject *object)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mq_account_dialog_parent_class)->dispose (object);
}

static void
mq_account_dialog_finalize (GObject *object)
{
  MqAccountDialog *self = MQ_ACCOUNT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->authorization);
  g_free (self->authorize_url);

  G_OBJECT_CLASS (mq_account_dialog_parent_class)->finalize (object);
}

static void
mq_account_dialog_class_init (MqAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mq_account_dialog_dispose;
  object_class->finalize = mq_account_dialog_finalize;
  window_class->close_request = mq_account_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, network_stack);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, bluesky_server_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, bluesky_handle_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, bluesky_password_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, bluesky_error_label);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, bluesky_spinner);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_server_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_code_group);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, authorize_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_code_row);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_error_label);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_spinner);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_start_button);
  gtk_widget_class_bind_template_child (widget_class, MqAccountDialog, mastodon_finish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_bluesky_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_mastodon_server_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mastodon_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mastodon_server_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_mastodon_code_activated);

  gtk_widget_class_install_action (widget_class, "account.log-in-bluesky", NULL, log_in_bluesky_action);
  gtk_widget_class_install_action (widget_class, "account.mastodon-start", NULL, mastodon_start_action);
  gtk_widget_class_install_action (widget_class, "account.mastodon-finish", NULL, mastodon_finish_action);
  gtk_widget_class_install_action (widget_class, "account.open-authorize-url", NULL, open_authorize_url_action);
  gtk_widget_class_install_action (widget_class, "account.copy-authorize-url", NULL, copy_authorize_url_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mq_account_dialog_init (MqAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

MqAccountDialog *
mq_account_dialog_new (GtkWindow     *parent,
                       MqStore       *store,
                       MqSecretStore *secrets)
{
  MqAccountDialog *self;

  g_return_val_if_fail (MQ_IS_STORE (store), NULL);
  g_return_val_if_fail (MQ_IS_SECRET_STORE (secrets), NULL);

  self = g_object_new (MQ_TYPE_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->secrets = g_object_ref (secrets);
  return self;
}
