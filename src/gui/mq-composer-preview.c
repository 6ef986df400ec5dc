/* mq-composer-preview.c: how an announcement will read on one account, and its length
 *
 * The counter uses the core's own counting (the same the sender checks
 * before posting), so what the preview accepts is what the server accepts:
 * Mastodon counts every link as 23 characters against the server's limit,
 * Bluesky counts graphemes against 300.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-composer-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-composer-preview.h"
#include "mq-social-display.h"

struct _MqComposerPreview
{
  GtkWidget        parent_instance;

  gint64           account_id;
  MqSocialNetwork  network;
  int              server_max;
  gboolean         fits;
  char            *text;
  char            *given_problem;
  char            *problem;

  /* Template widgets */
  GtkImage        *network_icon;
  GtkLabel        *account_label;
  GtkLabel        *counter_label;
  GtkLabel        *text_label;
  GtkPicture      *picture;
  GtkLabel        *problem_label;
};

G_DEFINE_FINAL_TYPE (MqComposerPreview, mq_composer_preview, GTK_TYPE_WIDGET)

/* Links, hashtags and mentions in the accent colour, as the networks show
 * them; the facets' byte offsets are the ones Bluesky will get.
 */
static char *
highlight_facets (const char *text)
{
  g_autoptr(GArray) facets = mq_announcement_find_facets (text);
  g_autofree char *rest = NULL;
  GString *markup = g_string_new (NULL);
  /* Adwaita's accent colour: markup cannot name a style colour. */
  const char *accent = adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "#78aeed" : "#1c71d8";
  gsize done = 0;

  for (guint i = 0; i < facets->len; i++)
    {
      const MqFacet *facet = &g_array_index (facets, MqFacet, i);
      g_autofree char *before = g_markup_escape_text (text + done, facet->byte_start - done);
      g_autofree char *inside = g_markup_escape_text (text + facet->byte_start,
                                                      facet->byte_end - facet->byte_start);

      g_string_append (markup, before);
      g_string_append_printf (markup, "<span foreground=\"%s\">%s</span>", accent, inside);
      done = facet->byte_end;
    }
  rest = g_markup_escape_text (text + done, -1);
  g_string_append (markup, rest);

  return g_string_free (markup, FALSE);
}

static void
set_problem (MqComposerPreview *self,
             char              *problem)
{
  g_free (self->problem);
  self->problem = problem;
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

void
mq_composer_preview_set_text (MqComposerPreview *self,
                              const char        *text,
                              const char        *problem)
{
  g_autofree char *counter = NULL;
  g_autofree char *markup = NULL;
  gsize length, max;

  g_return_if_fail (MQ_IS_COMPOSER_PREVIEW (self));

  if (text != self->text)
    {
      g_free (self->text);
      self->text = g_strdup (text);
    }
  if (problem != self->given_problem)
    {
      g_free (self->given_problem);
      self->given_problem = g_strdup (problem);
    }

  max = mq_announcement_max_length (self->network, self->server_max);
  length = text != NULL ? mq_announcement_length (self->network, text) : 0;
  self->fits = text != NULL && length > 0 && length <= max && problem == NULL;

  /* Translators: characters used of those allowed, like "243 / 500" */
  counter = g_strdup_printf (_("%zu / %zu"), length, max);
  gtk_label_set_text (self->counter_label, counter);
  if (length > max)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "dim-label");
    }

  if (text != NULL && *text != '\0')
    {
      markup = highlight_facets (text);
      gtk_label_set_markup (self->text_label, markup);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->text_label, _("Nothing to post yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }

  if (problem != NULL)
    set_problem (self, g_strdup (problem));
  else if (length > max)
    set_problem (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu character too long",
                                                     "%zu characters too long", length - max),
                                        length - max));
  else
    set_problem (self, NULL);
}

void
mq_composer_preview_set_image (MqComposerPreview *self,
                               GdkPaintable      *image)
{
  g_return_if_fail (MQ_IS_COMPOSER_PREVIEW (self));
  g_return_if_fail (image == NULL || GDK_IS_PAINTABLE (image));

  gtk_picture_set_paintable (self->picture, image);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), image != NULL);
}

gint64
mq_composer_preview_get_account_id (MqComposerPreview *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_PREVIEW (self), 0);

  return self->account_id;
}

gboolean
mq_composer_preview_get_fits (MqComposerPreview *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_PREVIEW (self), FALSE);

  return self->fits;
}

const char *
mq_composer_preview_get_counter (MqComposerPreview *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_PREVIEW (self), NULL);

  return gtk_label_get_text (self->counter_label);
}

const char *
mq_composer_preview_get_problem (MqComposerPreview *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_PREVIEW (self), NULL);

  return self->problem;
}

static void
mq_composer_preview_dispose (GObject *object)
{
  MqComposerPreview *self = MQ_COMPOSER_PREVIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), MQ_TYPE_COMPOSER_PREVIEW);
  /* GTK 4.8 only unparents the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mq_composer_preview_parent_class)->dispose (object);
}

static void
mq_composer_preview_finalize (GObject *object)
{
  MqComposerPreview *self = MQ_COMPOSER_PREVIEW (object);

  g_free (self->problem);
  g_free (self->text);
  g_free (self->given_problem);

  G_OBJECT_CLASS (mq_composer_preview_parent_class)->finalize (object);
}

static void
mq_composer_preview_class_init (MqComposerPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_composer_preview_dispose;
  object_class->finalize = mq_composer_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-composer-preview.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, network_icon);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, account_label);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, counter_label);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, text_label);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, picture);
  gtk_widget_class_bind_template_child (widget_class, MqComposerPreview, problem_label);
}

static void
on_dark_changed (MqComposerPreview *self)
{
  mq_composer_preview_set_text (self, self->text, self->given_problem);
}

static void
mq_composer_preview_init (MqComposerPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_COVER);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

MqComposerPreview *
mq_composer_preview_new (const MqSocialAccount *account)
{
  MqComposerPreview *self;
  g_autofree char *who = NULL;

  g_return_val_if_fail (account != NULL, NULL);

  self = g_object_new (MQ_TYPE_COMPOSER_PREVIEW, NULL);
  self->account_id = account->id;
  self->network = account->network;
  self->server_max = account->max_characters;

  who = mq_display_account (account);
  gtk_label_set_text (self->account_label, who);
  gtk_image_set_from_icon_name (self->network_icon, mq_display_network_icon (account->network));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->network_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mq_display_network (account->network), -1);
  mq_composer_preview_set_text (self, NULL, NULL);

  return self;
}
