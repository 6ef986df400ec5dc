/* mq-merge-dialog.h: merge two records of the same person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"

G_BEGIN_DECLS

#define MQ_TYPE_MERGE_DIALOG (mq_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MqMergeDialog, mq_merge_dialog, MQ, MERGE_DIALOG, AdwWindow)

MqMergeDialog *mq_merge_dialog_new        (GtkWindow     *parent,
                                           MqStore       *store,
                                           gint64         keep_id);
/* Compares with @drop_id, as picking it from the list does. */
gboolean       mq_merge_dialog_set_other  (MqMergeDialog *self,
                                           gint64         drop_id);
/* Takes the other record's value of a differing field ("email", …). */
gboolean       mq_merge_dialog_take_other (MqMergeDialog *self,
                                           const char    *field);
gboolean       mq_merge_dialog_merge      (MqMergeDialog *self,
                                           GError       **error);

G_END_DECLS
