/* mq-event-page-private.h: what the event page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event-page.h"

G_BEGIN_DECLS

#define N_FILTERS 6   /* all + one per status */

struct _MqEventPage
{
  GtkWidget          parent_instance;

  MqEditHistory     *history;
  MqStore           *store;
  MqEventCatalog    *catalog;
  MqRsvpLedger      *ledger;
  MqEvent           *event;        /* (nullable) */
  GListStore        *rsvps;
  GtkCustomFilter   *filter;
  GtkFilterListModel *filtered;
  int                status_filter; /* -1: all */
  char              *search;        /* (nullable) folded */
  gboolean           folded;

  /* Template widgets */
  AdwSqueezer       *title_squeezer;
  AdwWindowTitle    *window_title;
  GtkLabel          *kind_label;
  GtkLabel          *title_label;
  GtkLabel          *when_label;
  GtkLabel          *schedule_label;
  GtkLabel          *venue_label;
  GtkLabel          *cancelled_label;
  GtkLevelBar       *seats_bar;
  GtkLabel          *seats_label;
  GtkLabel          *waitlist_label;
  GtkToggleButton   *filter_buttons[N_FILTERS];
  GtkSearchEntry    *search_entry;
  GtkStack          *rsvp_stack;
  GtkListView       *rsvp_list;
  AdwStatusPage     *no_match_page;
};

void _mq_event_page_class_actions_init (MqEventPageClass *klass);

G_END_DECLS
