/* mq-composer-preview.h: how an announcement will read on one account, and its length
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mq-outbox.h"

G_BEGIN_DECLS

#define MQ_TYPE_COMPOSER_PREVIEW (mq_composer_preview_get_type ())

G_DECLARE_FINAL_TYPE (MqComposerPreview, mq_composer_preview, MQ, COMPOSER_PREVIEW, GtkWidget)

MqComposerPreview *mq_composer_preview_new          (const MqSocialAccount *account);
gint64             mq_composer_preview_get_account_id (MqComposerPreview   *self);
/* @text: the rendered post, NULL when the template could not be rendered;
 * @problem (nullable): why, in words.
 */
void               mq_composer_preview_set_text     (MqComposerPreview     *self,
                                                     const char            *text,
                                                     const char            *problem);
/* The poster as it will show under the text; NULL for none. */
void               mq_composer_preview_set_image    (MqComposerPreview     *self,
                                                     GdkPaintable          *image);
/* Whether the post can be sent as it is: some text, within the limit, no
 * problem.
 */
gboolean           mq_composer_preview_get_fits     (MqComposerPreview     *self);
/* "243 / 500", for tests. */
const char        *mq_composer_preview_get_counter  (MqComposerPreview     *self);
/* "12 characters too long", or NULL. */
const char        *mq_composer_preview_get_problem  (MqComposerPreview     *self);

G_END_DECLS
