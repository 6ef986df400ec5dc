/* mq-door-list-pdf.h: the guest list on paper, for when the laptop dies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "mq-store.h"

G_BEGIN_DECLS

#define MQ_TYPE_DOOR_LIST_PDF (mq_door_list_pdf_get_type ())

G_DECLARE_FINAL_TYPE (MqDoorListPdf, mq_door_list_pdf, MQ, DOOR_LIST_PDF, GObject)

/* Reads the event's "going" RSVPs: alphabetical, with party sizes, newcomer
 * marks and greeters. MQ_ERROR_NOT_FOUND for an unknown event.
 */
MqDoorListPdf *mq_door_list_pdf_new        (MqStore        *store,
                                            gint64          event_id,
                                            GError        **error);
guint          mq_door_list_pdf_get_n_guests (MqDoorListPdf *self);
/* Lays the list out on pages of @width x @height points (a print dialog's
 * page in GTK_UNIT_POINTS) and returns how many pages it takes.
 */
guint          mq_door_list_pdf_paginate   (MqDoorListPdf  *self,
                                            double          width,
                                            double          height);
/* Draws @page (from 0) of the last pagination. */
void           mq_door_list_pdf_draw_page  (MqDoorListPdf  *self,
                                            cairo_t        *cr,
                                            guint           page);
/* Writes the whole list as an A4 PDF. */
gboolean       mq_door_list_pdf_write      (MqDoorListPdf  *self,
                                            const char     *path,
                                            GError        **error);

G_END_DECLS
