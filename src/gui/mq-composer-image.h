/* mq-composer-image.h: the poster posted with an announcement, and its alt text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-post-image.h"

G_BEGIN_DECLS

#define MQ_TYPE_COMPOSER_IMAGE (mq_composer_image_get_type ())

G_DECLARE_FINAL_TYPE (MqComposerImage, mq_composer_image, MQ, COMPOSER_IMAGE, AdwPreferencesGroup)

/* Reads @path (nullable: no image) in a worker thread; "changed" follows. */
void               mq_composer_image_set_path  (MqComposerImage *self,
                                                const char      *path);
/* (nullable) The chosen file, once it was read as an image. */
const char        *mq_composer_image_get_path  (MqComposerImage *self);
const MqPostImage *mq_composer_image_get_image (MqComposerImage *self);
/* (nullable) The image as the previews show it. */
GdkPaintable      *mq_composer_image_get_paintable (MqComposerImage *self);
const char        *mq_composer_image_get_alt   (MqComposerImage *self);
void               mq_composer_image_set_alt   (MqComposerImage *self,
                                                const char      *alt);
/* Whether a file is being read. */
gboolean           mq_composer_image_get_busy  (MqComposerImage *self);

G_END_DECLS
