/* mq-composer-window-private.h: what the composer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-composer-image.h"
#include "mq-composer-window.h"
#include "mq-schedule-popover.h"

G_BEGIN_DECLS

struct _MqComposerWindow
{
  AdwWindow          parent_instance;

  MqStore           *store;
  MqOutbox          *outbox;
  GArray            *event_ids;     /* gint64, parallel to the event row's model */
  MqEvent           *event;         /* (nullable) */
  GHashTable        *values;        /* (nullable) the event's placeholder values */
  GPtrArray         *accounts;      /* MqSocialAccount, in the order shown */
  GHashTable        *checks;        /* account id → (unowned) GtkCheckButton */
  GHashTable        *previews;      /* account id → (unowned) MqComposerPreview */
  GHashTable        *counters;      /* account id → (unowned) GtkLabel */

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkButton         *post_button;
  MqSchedulePopover *schedule_popover;
  AdwComboRow       *event_row;
  GtkTextView       *text_view;
  GtkFlowBox        *chip_box;
  GtkListBox        *account_list;
  MqComposerImage   *image_group;
  AdwComboRow       *language_row;
  AdwComboRow       *visibility_row;
  GtkBox            *preview_box;
  GtkLabel          *no_preview_label;
};

char     *_mq_composer_window_dup_template       (MqComposerWindow      *self);
gboolean  _mq_composer_window_is_checked         (MqComposerWindow      *self,
                                                  gint64                 account_id);
/* Language and schedule: their choices and defaults. */
void      _mq_composer_window_init_options       (MqComposerWindow      *self);
void      _mq_composer_window_class_actions_init (MqComposerWindowClass *klass);

G_END_DECLS
