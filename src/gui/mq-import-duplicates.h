/* mq-import-duplicates.h: the import's possible duplicates, to compare and resolve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"
#include "mq-importer.h"

G_BEGIN_DECLS

#define MQ_TYPE_IMPORT_DUPLICATES (mq_import_duplicates_get_type ())

G_DECLARE_FINAL_TYPE (MqImportDuplicates, mq_import_duplicates, MQ, IMPORT_DUPLICATES, AdwPreferencesGroup)

/* Lists @duplicates (element-type MqImportDuplicate) of a report: compared
 * only before the import, with Merge… and Keep Both once @imported. Hidden
 * when there are none.
 */
void mq_import_duplicates_show (MqImportDuplicates *self,
                                MqStore            *store,
                                GPtrArray          *duplicates,
                                gboolean            imported);

G_END_DECLS
