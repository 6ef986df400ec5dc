/* mq-account-dialog.c: connecting a Bluesky or Mastodon account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-account-dialog.h"
#include "mq-account-sign-in.h"
#include "mq-window.h"

struct _MqAccountDialog
{
  AdwWindow            parent_instance;

  MqStore             *store;
  MqSecretStore       *secrets;
  GCancellable        *cancellable;  /* (nullable) the sign-in under way */

  /* Template widgets */
  AdwViewStack        *network_stack;
  AdwEntryRow         *bluesky_server_row;
  AdwEntryRow         *bluesky_handle_row;
  AdwPasswordEntryRow *bluesky_password_row;
  GtkLabel            *bluesky_error_label;
  GtkSpinner          *bluesky_spinner;
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
}

static void
set_busy (MqAccountDialog *self,
          gboolean         busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->bluesky_spinner), busy);
  gtk_spinner_set_spinning (self->bluesky_spinner, busy);
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
  gtk_widget_class_bind_template_callback (widget_class, on_bluesky_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "account.log-in-bluesky", NULL, log_in_bluesky_action);
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
