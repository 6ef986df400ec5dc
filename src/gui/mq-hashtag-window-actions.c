/* mq-hashtag-window-actions.c: what the Who Is Talking window does (hashtag.*)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-hashtag-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-announcement-template.h"
#include "mq-contact-address.h"
#include "mq-event-editor.h"
#include "mq-hashtag-window-private.h"
#include "mq-social-display.h"
#include "mq-window.h"

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _mq_hashtag_window_refresh (MQ_HASHTAG_WINDOW (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _mq_hashtag_window_stop (MQ_HASHTAG_WINDOW (widget));
}

static void
open_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *url = g_variant_get_string (param, NULL);

  if (*url != '\0')
    gtk_show_uri (GTK_WINDOW (widget), url, GDK_CURRENT_TIME);
}

static void
show_person (MqHashtagWindow *self,
             gint64           person_id)
{
  GtkWindow *main_window = _mq_hashtag_window_get_main (self);

  if (!MQ_IS_WINDOW (main_window))
    return;
  mq_window_show_person (MQ_WINDOW (main_window), person_id);
  gtk_window_present (main_window);
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  show_person (MQ_HASHTAG_WINDOW (widget), g_variant_get_int64 (param));
}

/* The name the author goes by on the network; without one, the user part
 * of the handle, which the organizer can correct on the person's page.
 */
static char *
author_name (MqHashtagWindow *self,
             MqSocialNetwork  network,
             const char      *author)
{
  const char *at;

  for (guint i = 0; i < self->posts->len; i++)
    {
      const MqHashtagPost *post = g_ptr_array_index (self->posts, i);
      g_autofree char *name = NULL;

      if (post->network != network || g_strcmp0 (post->author, author) != 0 || post->display_name == NULL)
        continue;
      name = g_strstrip (g_strdup (post->display_name));
      if (*name != '\0')
        return g_steal_pointer (&name);
    }

  if (network == MQ_SOCIAL_NETWORK_MASTODON)
    {
      author += author[0] == '@';
      at = strchr (author, '@');
      return at != NULL ? g_strndup (author, at - author) : g_strdup (author);
    }
  if (g_str_has_suffix (author, ".bsky.social"))
    return g_strndup (author, strlen (author) - strlen (".bsky.social"));
  return g_strdup (author);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (widget);
  g_autoptr(MqPersonDirectory) directory = mq_person_directory_new (self->store);
  g_autoptr(MqPerson) existing = NULL;
  g_autoptr(MqPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *message = NULL;
  const char *network_text, *author;
  MqSocialNetwork network;
  gint64 person_id;

  g_variant_get (param, "(&s&s)", &network_text, &author);
  if (!mq_social_network_from_string (network_text, &network))
    g_return_if_reached ();

  handle = network == MQ_SOCIAL_NETWORK_MASTODON ? mq_contact_normalize_mastodon (author)
                                                 : mq_contact_normalize_bluesky (author);
  if (handle == NULL)
    {
      /* Translators: %s is a handle on Mastodon or Bluesky */
      message = g_strdup_printf (_("“%s” is not a handle Marquee can keep: add this person on the People page"),
                                 author);
      _mq_hashtag_window_toast (self, message);
      return;
    }

  /* Added meanwhile, here or on the People page: no second record. */
  existing = mq_person_directory_find_by_handle (directory, handle, &error);
  if (error != NULL)
    {
      _mq_hashtag_window_toast (self, error->message);
      return;
    }
  if (existing != NULL)
    person_id = mq_person_get_id (existing);
  else
    {
      name = author_name (self, network, author);
      /* Translators: a new person's notes, like "Posted with #filmclub on Mastodon" */
      notes = g_strdup_printf (_("Posted with %s on %s"), self->hashtag, mq_display_network (network));
      person = mq_person_new ();
      mq_person_set_name (person, name);
      mq_person_set_notes (person, notes);
      if (network == MQ_SOCIAL_NETWORK_MASTODON)
        mq_person_set_mastodon (person, handle);
      else
        mq_person_set_bluesky (person, handle);
      /* Through the history: the main window offers to undo it, as for any new person. */
      if ((person_id = mq_edit_history_add_person (self->history, person, &error)) == 0)
        {
          _mq_hashtag_window_toast (self, error->message);
          return;
        }
      /* Translators: %s is the new person's name */
      message = g_strdup_printf (_("%s added to the directory"), name);
      mq_window_toast_for (GTK_WIDGET (self), message, TRUE);
    }

  _mq_hashtag_window_rematch (self);
  show_person (self, person_id);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  MqHashtagWindow *self = MQ_HASHTAG_WINDOW (widget);
  g_autoptr(MqEventCatalog) catalog = mq_event_catalog_new (self->store);
  g_autoptr(MqEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  MqEventEditor *editor;

  if (!(event = mq_event_catalog_get (catalog, self->event_id, &error)))
    {
      _mq_hashtag_window_toast (self, error->message);
      return;
    }
  editor = mq_event_editor_new (GTK_WINDOW (self), self->history, event);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
open_announcements_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  GtkWindow *main_window = _mq_hashtag_window_get_main (MQ_HASHTAG_WINDOW (widget));

  if (!MQ_IS_WINDOW (main_window))
    return;
  mq_window_show_page (MQ_WINDOW (main_window), "announcements");
  gtk_window_present (main_window);
}

void
_mq_hashtag_window_class_actions_init (MqHashtagWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "hashtag.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "hashtag.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "hashtag.open-post", "s", open_post_action);
  gtk_widget_class_install_action (widget_class, "hashtag.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "hashtag.add-person", "(ss)", add_person_action);
  gtk_widget_class_install_action (widget_class, "hashtag.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "hashtag.open-announcements", NULL, open_announcements_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "hashtag.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "hashtag.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "hashtag.stop", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
