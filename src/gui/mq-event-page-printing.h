/* mq-event-page-printing.h: the event's door list and badges on paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-event-page.h"

G_BEGIN_DECLS

typedef enum
{
  MQ_PRINTOUT_DOOR_LIST,
  MQ_PRINTOUT_BADGES,
} MqPrintout;

/* Installs event.print-door-list, event.print-badges,
 * event.export-door-list and event.export-badges.
 */
void               _mq_event_page_class_printing_init   (MqEventPageClass *klass);

/* What event.export-* writes once the file is chosen: the shown event's
 * door list or A4 badge sheet as a PDF at @path.
 */
gboolean           mq_event_page_export_printout        (MqEventPage      *self,
                                                         MqPrintout        printout,
                                                         const char       *path,
                                                         GError          **error);
/* What event.print-* runs: the same pages, drawn by the same cairo code,
 * laid out for A4 until the print dialog picks another paper.
 * Returns: (transfer full): the operation, not yet run
 */
GtkPrintOperation *mq_event_page_create_print_operation (MqEventPage      *self,
                                                         MqPrintout        printout,
                                                         GError          **error);

G_END_DECLS
