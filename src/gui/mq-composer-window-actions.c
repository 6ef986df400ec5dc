/* mq-composer-window-actions.c: posting and scheduling from the composer (composer.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-composer-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-composer-window-private.h"
#include "mq-display-text.h"
#include "mq-window.h"

/* Languages a post can be tagged with, in their own names. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { "en", "English" }, { "es", "Español" }, { "de", "Deutsch" }, { "fr", "Français" },
  { "it", "Italiano" }, { "pt", "Português" }, { "ca", "Català" }, { "nl", "Nederlands" },
  { "pl", "Polski" }, { "sv", "Svenska" }, { "ja", "日本語" }, { "ko", "한국어" }, { "zh", "中文" },
};

static const char * const visibilities[] = { "public", "unlisted", "private" };

static void
fill_languages (MqComposerWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *locale = g_get_language_names ();
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      gtk_string_list_append (names, languages[i].name);
      if (g_str_has_prefix (locale[0], languages[i].code) &&
          (locale[0][2] == '\0' || locale[0][2] == '_' || locale[0][2] == '.' || locale[0][2] == '@'))
        selected = i;
    }
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, selected);
}

/* One job per chosen account, all in one transaction: either every account
 * gets the announcement or none does.
 */
static guint
queue_posts (MqComposerWindow  *self,
             GDateTime         *at,
             GError           **error)
{
  g_autofree char *template_text = _mq_composer_window_dup_template (self);
  g_autofree char *text = NULL;
  g_autofree char *scheduled_at = NULL;
  guint language = adw_combo_row_get_selected (self->language_row);
  guint visibility = adw_combo_row_get_selected (self->visibility_row);
  gint64 announcement_id;
  guint n = 0;

  if (!(text = mq_announcement_template_render (template_text, self->values, error)))
    return 0;
  if (at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (at);

      scheduled_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (!mq_store_begin (self->store, error))
    return 0;
  announcement_id = mq_outbox_add_announcement (self->outbox, mq_event_get_id (self->event), template_text,
                                                mq_composer_image_get_path (self->image_group),
                                                mq_composer_image_get_image (self->image_group) != NULL
                                                  ? mq_composer_image_get_alt (self->image_group) : NULL,
                                                language < G_N_ELEMENTS (languages) ? languages[language].code : NULL,
                                                visibilities[MIN (visibility, G_N_ELEMENTS (visibilities) - 1)],
                                                scheduled_at, error);
  for (guint i = 0; announcement_id > 0 && i < self->accounts->len; i++)
    {
      const MqSocialAccount *account = g_ptr_array_index (self->accounts, i);

      if (!_mq_composer_window_is_checked (self, account->id))
        continue;
      if (mq_outbox_enqueue (self->outbox, announcement_id, account->id, text, FALSE, error) == 0)
        {
          announcement_id = 0;
          break;
        }
      n++;
    }
  if (announcement_id == 0 || !mq_store_commit (self->store, error))
    {
      mq_store_rollback (self->store);
      return 0;
    }

  return n;
}

static void
finish (MqComposerWindow *self,
        const char       *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The outbox is where the organizer watches the posts go out. */
  if (MQ_IS_WINDOW (parent))
    {
      mq_window_show_page (MQ_WINDOW (parent), "announcements");
      mq_window_toast (MQ_WINDOW (parent), message, FALSE);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
post_now_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MqComposerWindow *self = MQ_COMPOSER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if ((n = queue_posts (self, NULL, &error)) == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post is on its way", "%u posts are on their way", n), n);
  finish (self, message);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  MqComposerWindow *self = MQ_COMPOSER_WINDOW (widget);
  g_autoptr(GDateTime) at = mq_schedule_popover_dup_time (self->schedule_popover);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *when = NULL;
  guint n;

  if (at == NULL || g_date_time_compare (at, now) <= 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("That time has passed: choose a later one, or post now")));
      return;
    }

  gtk_popover_popdown (GTK_POPOVER (self->schedule_popover));
  if ((n = queue_posts (self, at, &error)) == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  when = mq_display_date_time (at);
  /* Translators: %u is a number of posts, %s a date and time */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u post scheduled for %s",
                                          "%u posts scheduled for %s", n), n, when);
  finish (self, message);
}

/* Tomorrow at this hour, on the hour: a time that needs no explaining. */
static void
set_default_schedule (MqComposerWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) on_the_hour = g_date_time_add_minutes (tomorrow, -g_date_time_get_minute (tomorrow));

  mq_schedule_popover_set_time (self->schedule_popover, on_the_hour);
}

void
_mq_composer_window_init_options (MqComposerWindow *self)
{
  fill_languages (self);
  set_default_schedule (self);
}

void
_mq_composer_window_class_actions_init (MqComposerWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "composer.post-now", NULL, post_now_action);
  gtk_widget_class_install_action (widget_class, "composer.schedule", NULL, schedule_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "composer.post-now", NULL);
}
