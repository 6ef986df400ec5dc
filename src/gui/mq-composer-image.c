/* mq-composer-image.c: the poster posted with an announcement, and its alt text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-composer-image"

#include "config.h"

#include <glib/gi18n.h>

#include "mq-composer-image.h"

struct _MqComposerImage
{
  AdwPreferencesGroup  parent_instance;

  char                *path;
  MqPostImage         *image;
  GCancellable        *cancellable;   /* (nullable) the file being read */

  /* Template widgets */
  AdwActionRow        *image_row;
  GtkPicture          *thumbnail;
  GtkSpinner          *spinner;
  GtkButton           *remove_button;
  AdwEntryRow         *alt_row;
};

G_DEFINE_FINAL_TYPE (MqComposerImage, mq_composer_image, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  MqPostImage *image;
  GdkTexture  *texture;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_pointer (&loaded->image, mq_post_image_free);
  g_clear_object (&loaded->texture);
  g_free (loaded);
}

/* The file and its thumbnail are read off the main thread: a poster can be
 * several megabytes.
 */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  Loaded *loaded = g_new0 (Loaded, 1);
  GError *error = NULL;

  if (!(loaded->image = mq_post_image_new_from_file (path, &error)))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  /* A thumbnail GTK cannot decode (WebP without its loader) is only a
   * missing thumbnail: the networks take the file as it is.
   */
  loaded->texture = gdk_texture_new_from_bytes (loaded->image->bytes, NULL);
  g_task_return_pointer (task, loaded, loaded_free);
}

static void
show (MqComposerImage *self,
      const char      *subtitle,
      gboolean         failed)
{
  gboolean has_image = self->image != NULL;

  adw_action_row_set_subtitle (self->image_row, subtitle);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->image_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->image_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), has_image);
  gtk_widget_set_visible (GTK_WIDGET (self->alt_row), has_image);
  gtk_widget_set_visible (GTK_WIDGET (self->thumbnail), has_image && gtk_picture_get_paintable (self->thumbnail) != NULL);
}

static void
update_alt_style (MqComposerImage *self)
{
  if (self->image != NULL && !mq_post_image_check_alt (mq_composer_image_get_alt (self), NULL))
    gtk_widget_add_css_class (GTK_WIDGET (self->alt_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->alt_row), "error");
}

static void
set_busy (MqComposerImage *self,
          gboolean         busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
image_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MqComposerImage *self = MQ_COMPOSER_IMAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *subtitle = NULL;
  Loaded *loaded;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  /* A file chosen since (or the image removed) wins over one read before. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&loaded, loaded_free);
      return;
    }
  if (loaded == NULL)
    {
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
      g_clear_pointer (&self->path, g_free);
      show (self, error->message, TRUE);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  self->image = g_steal_pointer (&loaded->image);
  gtk_picture_set_paintable (self->thumbnail, GDK_PAINTABLE (loaded->texture));
  loaded_free (loaded);

  basename = g_path_get_basename (self->path);
  size = g_format_size (mq_post_image_get_size (self->image));
  /* Translators: a file name and its size, like "poster.jpg · 412.5 kB" */
  subtitle = g_strdup_printf (_("%s · %s"), basename, size);
  show (self, subtitle, FALSE);
  update_alt_style (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->alt_row));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mq_composer_image_set_path (MqComposerImage *self,
                            const char      *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MQ_IS_COMPOSER_IMAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->image, mq_post_image_free);
  g_clear_pointer (&self->path, g_free);
  gtk_picture_set_paintable (self->thumbnail, NULL);
  set_busy (self, FALSE);

  if (path == NULL)
    {
      show (self, _("None"), FALSE);
      update_alt_style (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  self->path = g_strdup (path);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  show (self, _("Reading the image…"), FALSE);
  g_signal_emit (self, signals[CHANGED], 0);

  task = g_task_new (self, self->cancellable, image_loaded, NULL);
  g_task_set_source_tag (task, mq_composer_image_set_path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, load_thread);
}

const char *
mq_composer_image_get_path (MqComposerImage *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_IMAGE (self), NULL);

  return self->image != NULL ? self->path : NULL;
}

const MqPostImage *
mq_composer_image_get_image (MqComposerImage *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_IMAGE (self), NULL);

  return self->image;
}

GdkPaintable *
mq_composer_image_get_paintable (MqComposerImage *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_IMAGE (self), NULL);

  return self->image != NULL ? gtk_picture_get_paintable (self->thumbnail) : NULL;
}

const char *
mq_composer_image_get_alt (MqComposerImage *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_IMAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->alt_row));
}

void
mq_composer_image_set_alt (MqComposerImage *self,
                           const char      *alt)
{
  g_return_if_fail (MQ_IS_COMPOSER_IMAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->alt_row), alt != NULL ? alt : "");
}

gboolean
mq_composer_image_get_busy (MqComposerImage *self)
{
  g_return_val_if_fail (MQ_IS_COMPOSER_IMAGE (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_alt_changed (MqComposerImage *self)
{
  update_alt_style (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     MqComposerImage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        mq_composer_image_set_path (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  MqComposerImage *self = MQ_COMPOSER_IMAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Poster"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  /* What both networks take. */
  gtk_file_filter_set_name (filter, _("Images (PNG, JPEG, GIF, WebP)"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mq_composer_image_set_path (MQ_COMPOSER_IMAGE (widget), NULL);
}

static void
mq_composer_image_dispose (GObject *object)
{
  MqComposerImage *self = MQ_COMPOSER_IMAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mq_composer_image_parent_class)->dispose (object);
}

static void
mq_composer_image_finalize (GObject *object)
{
  MqComposerImage *self = MQ_COMPOSER_IMAGE (object);

  g_clear_pointer (&self->image, mq_post_image_free);
  g_free (self->path);

  G_OBJECT_CLASS (mq_composer_image_parent_class)->finalize (object);
}

static void
mq_composer_image_class_init (MqComposerImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mq_composer_image_dispose;
  object_class->finalize = mq_composer_image_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/marqueeapp/Marquee/mq-composer-image.ui");
  gtk_widget_class_bind_template_child (widget_class, MqComposerImage, image_row);
  gtk_widget_class_bind_template_child (widget_class, MqComposerImage, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, MqComposerImage, spinner);
  gtk_widget_class_bind_template_child (widget_class, MqComposerImage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MqComposerImage, alt_row);
  gtk_widget_class_bind_template_callback (widget_class, on_alt_changed);

  gtk_widget_class_install_action (widget_class, "composer-image.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "composer-image.remove", NULL, remove_action);
}

static void
mq_composer_image_init (MqComposerImage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_picture_set_content_fit (self->thumbnail, GTK_CONTENT_FIT_COVER);
}
