/* mq-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-announcements-page.h"
#include "mq-events-page.h"
#include "mq-people-page.h"
#include "mq-window.h"

G_BEGIN_DECLS

struct _MqWindow
{
  AdwApplicationWindow  parent_instance;

  MqStore              *store;
  MqEditHistory        *history;
  GSettings            *settings;
  char                 *page;        /* what the sidebar shows as current */
  AdwToast             *undo_toast;  /* (nullable) (weak) the latest "Undo" offer */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *content_stack;
  MqEventsPage         *events_page;
  MqPeoplePage         *people_page;
  MqAnnouncementsPage  *announcements_page;
};

void _mq_window_class_actions_init (MqWindowClass *klass);
void _mq_window_actions_update     (MqWindow      *self);

G_END_DECLS
