/* mq-badge-sheet.h: name badges with a QR code of the ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "mq-store.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_BADGE_LAYOUT_A4_SHEET, /* 8 badges of 85 x 55 mm on an A4 page, with cut marks */
  MQ_BADGE_LAYOUT_LABEL,    /* one badge per 101 x 54 mm label (Dymo 99014 size) */
} MqBadgeLayout;

typedef enum
{
  MQ_BADGE_NONE            = 0,
  /* A "First time here" ribbon on newcomers' badges. */
  MQ_BADGE_NEWCOMER_RIBBON = 1 << 0,
  /* The newcomer's greeter on the ribbon. */
  MQ_BADGE_GREETER_NAME    = 1 << 1,
} MqBadgeFlags;

#define MQ_TYPE_BADGE_SHEET (mq_badge_sheet_get_type ())

G_DECLARE_FINAL_TYPE (MqBadgeSheet, mq_badge_sheet, MQ, BADGE_SHEET, GObject)

/* One badge per "going" RSVP, alphabetical. MQ_ERROR_NOT_FOUND for an
 * unknown event.
 */
MqBadgeSheet  *mq_badge_sheet_new           (MqStore        *store,
                                             gint64          event_id,
                                             MqBadgeLayout   layout,
                                             MqBadgeFlags    flags,
                                             GError        **error);
guint          mq_badge_sheet_get_n_badges  (MqBadgeSheet   *self);
guint          mq_badge_sheet_get_n_pages   (MqBadgeSheet   *self);
/* The page size of the layout, in points. */
void           mq_badge_sheet_get_page_size (MqBadgeSheet   *self,
                                             double         *width,
                                             double         *height);
/* Draws @page (from 0) with its top left corner at the origin, in points. */
void           mq_badge_sheet_draw_page     (MqBadgeSheet   *self,
                                             cairo_t        *cr,
                                             guint           page);
gboolean       mq_badge_sheet_write         (MqBadgeSheet   *self,
                                             const char     *path,
                                             GError        **error);

G_END_DECLS
