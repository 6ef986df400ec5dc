/* mq-hashtag-post-row.c: one public post with an event's hashtag, and its author
 *
 * The row keeps copies of what its buttons need, so the posts it was made
 * from may go as soon as the list is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-hashtag-post-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mq-display-text.h"
#include "mq-hashtag-post-row.h"
#include "mq-social-display.h"

struct _MqHashtagPostRow
{
  GtkListBoxRow    parent_instance;

  MqSocialNetwork  network;
  char            *author;
  gint64           person_id;
  GDateTime       *when;      /* (nullable) when the post was written */

  /* Template widgets */
  GtkImage        *network_icon;
  GtkLabel        *name_label;
  GtkLabel        *handle_label;
  GtkLabel        *time_label;
  GtkLabel        *text_label;
  GtkButton       *person_button;
  GtkLabel        *person_label;
  GtkButton       *add_button;
  GtkButton       *open_button;
};

G_DEFINE_FINAL_TYPE (MqHashtagPostRow, mq_hashtag_post_row, GTK_TYPE_LIST_BOX_ROW)

char *
mq_hashtag_describe_age (GDateTime *when,
                         GDateTime *now)
{
  GTimeSpan age;
  int n;

  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  age = g_date_time_difference (now, when);
  /* A server's clock a little ahead of ours is not the future. */
  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));
  if (age < G_TIME_SPAN_HOUR)
    {
      n = (int) (age / G_TIME_SPAN_MINUTE);
      /* Translators: how long ago a post was written, in minutes */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", n), n);
    }
  if (age < G_TIME_SPAN_DAY)
    {
      n = (int) (age / G_TIME_SPAN_HOUR);
      /* Translators: how long ago a post was written, in hours ("2 h ago") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h ago", "%d h ago", n), n);
    }
  if (age < 7 * G_TIME_SPAN_DAY)
    {
      n = (int) (age / G_TIME_SPAN_DAY);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
    }
  return mq_display_date_time (when);
}

static void
set_time (MqHashtagPostRow *self,
          const char       *created_at,
          GDateTime        *now)
{
  g_autofree char *exact = NULL;

  g_clear_pointer (&self->when, g_date_time_unref);
  if (created_at != NULL)
    self->when = g_date_time_new_from_iso8601 (created_at, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), self->when != NULL);
  if (self->when == NULL)
    return;

  exact = mq_display_date_time (self->when);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), exact);
  mq_hashtag_post_row_update_age (self, now);
}

void
mq_hashtag_post_row_update_age (MqHashtagPostRow *self,
                                GDateTime        *now)
{
  g_autofree char *age = NULL;

  g_return_if_fail (MQ_IS_HASHTAG_POST_ROW (self));
  g_return_if_fail (now != NULL);

  if (self->when == NULL)
    return;
  age = mq_hashtag_describe_age (self->when, now);
  /* Unchanged most minutes: no relayout for the same words. */
  if (g_strcmp0 (gtk_label_get_label (self->time_label), age) != 0)
    gtk_label_set_label (self->time_label, age);
}

GtkWidget *
mq_hashtag_post_row_new (const MqHashtagPost *post,
                         GDateTime           *now)
{
  MqHashtagPostRow *self;
  g_autofree char *display_name = NULL;
  const char *network;

  g_return_val_if_fail (post != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (MQ_TYPE_HASHTAG_POST_ROW, NULL);
  self->network = post->network;
  self->author = g_strdup (post->author);

  network = mq_display_network (post->network);
  gtk_image_set_from_icon_name (self->network_icon, mq_display_network_icon (post->network));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->network_icon), network);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->network_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  network, -1);

  /* Without a display name the handle is the name, said once. */
  display_name = g_strstrip (g_strdup (post->display_name != NULL ? post->display_name : ""));
  gtk_label_set_label (self->name_label, *display_name != '\0' ? display_name : post->author);
  if (*display_name != '\0')
    {
      /* Translators: a handle and its network, like "@ana@films.example · Mastodon" */
      g_autofree char *handle = g_strdup_printf (_("%s · %s"), post->author, network);

      gtk_label_set_label (self->handle_label, handle);
    }
  else
    gtk_label_set_label (self->handle_label, network);

  gtk_label_set_label (self->text_label, post->text);
  set_time (self, post->created_at, now);

  gtk_widget_set_visible (GTK_WIDGET (self->open_button), post->url != NULL && *post->url != '\0');
  /* Actions with their targets only: a target-less action would be wrong. */
  if (post->url != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", post->url);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "hashtag.open-post");
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "(ss)",
                                    mq_social_network_to_string (post->network), post->author);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "hashtag.add-person");

  mq_hashtag_post_row_set_person (self, post->person_id, NULL);
  return GTK_WIDGET (self);
}

MqSocialNetwork
mq_hashtag_post_row_get_network (MqHashtagPostRow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_POST_ROW (self), MQ_SOCIAL_NETWORK_MASTODON);

  return self->network;
}

const char *
mq_hashtag_post_row_get_author (MqHashtagPostRow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_POST_ROW (self), NULL);

  return self->author;
}

void
mq_hashtag_post_row_set_person (MqHashtagPostRow *self,
                                gint64            person_id,
                                const char       *person_name)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (MQ_IS_HASHTAG_POST_ROW (self));

  self->person_id = person_id;
  gtk_widget_set_visible (GTK_WIDGET (self->person_button), person_id > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), person_id <= 0);
  if (person_id <= 0)
    return;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->person_button), "x", person_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->person_button), "hashtag.show-person");
  if (person_name != NULL)
    {
      /* Translators: %s is the person's name in the directory */
      label = g_strdup_printf (_("In your directory: %s"), person_name);
      /* Translators: %s is the person's name in the directory */
      tooltip = g_strdup_printf (_("Open %s’s page"), person_name);
    }
  gtk_label_set_label (self->person_label, label != NULL ? label : _("In your directory"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->person_button),
                               tooltip != NULL ? tooltip : _("Open their page in the directory"));
}

gint64
mq_hashtag_post_row_get_person_id (MqHashtagPostRow *self)
{
  g_return_val_if_fail (MQ_IS_HASHTAG_POST_ROW (self), 0);

  return self->person_id;
}

GtkWidget *
mq_hashtag_problem_row_new (const char *problem)
{
  const char *separator = strstr (problem, ": ");
  g_autofree char *server = separator != NULL ? g_strndup (problem, separator - problem) : NULL;
  const char *host = server != NULL && strstr (server, "://") ? strstr (server, "://") + 3 : server;
  g_autofree char *title = NULL;
  GtkWidget *row, *box, *text, *icon, *label;

  g_return_val_if_fail (problem != NULL, NULL);

  /* Translators: %s is a server, like mastodon.social */
  title = host != NULL ? g_strdup_printf (_("Not read: %s"), host) : g_strdup (_("A server was not read"));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);
  label = gtk_label_new (separator != NULL ? separator + 2 : problem);
  gtk_widget_set_name (label, "problem-message");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (box), text);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
mq_hashtag_post_row_finalize (GObject *object)
{
  MqHashtagPostRow *self = MQ_HASHTAG_POST_ROW (object);

  g_free (self->author);
  g_clear_pointer (&self->when, g_date_time_unref);

  G_OBJECT_CLASS (mq_hashtag_post_row_parent_class)->finalize (object);
}

static void
mq_hashtag_post_row_class_init (MqHashtagPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = mq_hashtag_post_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-hashtag-post-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, network_icon);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, handle_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, person_button);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, person_label);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, MqHashtagPostRow, open_button);
}

static void
mq_hashtag_post_row_init (MqHashtagPostRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
