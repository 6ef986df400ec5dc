/* mq-printout-private.h: what the door list and the badges print from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "mq-store.h"

G_BEGIN_DECLS

#define MQ_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define MQ_A4_WIDTH  MQ_MM_TO_PT (210.0)
#define MQ_A4_HEIGHT MQ_MM_TO_PT (297.0)

/* One "going" RSVP, as printed. */
typedef struct
{
  gint64    rsvp_id;
  gint64    person_id;
  char     *name;
  char     *pronouns;      /* (nullable) */
  char     *handle;        /* (nullable) Mastodon, else Bluesky */
  char     *ticket_code;
  int       party_size;
  gboolean  newcomer;
  char     *greeter;       /* (nullable) the newcomer's greeter */
  char     *sort_key;      /* folded name: "Ángel" sorts with "Angel" */
} MqPrintGuest;

void mq_print_guest_free (MqPrintGuest *guest);

typedef struct
{
  char      *title;
  char      *when;          /* start, in the event's own time zone */
  GPtrArray *guests;        /* (element-type MqPrintGuest) alphabetical */
} MqPrintEvent;

void          mq_print_event_free (MqPrintEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqPrintEvent, mq_print_event_free)

/* The event's going RSVPs, alphabetical, with newcomer marks and greeters. */
MqPrintEvent *mq_print_event_load (MqStore     *store,
                                   gint64       event_id,
                                   GError     **error);

/* A layout in @font ("Sans Bold 12") of @text, at most @width points wide
 * (-1: unlimited), ellipsized when @ellipsize.
 */
PangoLayout  *mq_print_layout     (cairo_t     *cr,
                                   const char  *font,
                                   const char  *text,
                                   double       width,
                                   gboolean     ellipsize);
void          mq_print_text       (cairo_t     *cr,
                                   PangoLayout *layout,
                                   double       x,
                                   double       y);
double        mq_print_height     (PangoLayout *layout);
double        mq_print_width      (PangoLayout *layout);

/* Writes a PDF titled @title of @n_pages pages of @width x @height points, drawing each
 * with @draw_page (@user_data, cr, page).
 */
typedef void (*MqPrintPageFunc) (gpointer  user_data,
                                 cairo_t  *cr,
                                 guint     page);

gboolean      mq_print_write_pdf  (const char      *path,
                                   const char      *title,
                                   double           width,
                                   double           height,
                                   guint            n_pages,
                                   MqPrintPageFunc  draw_page,
                                   gpointer         user_data,
                                   GError         **error);

G_END_DECLS
