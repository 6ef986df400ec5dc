/* mq-greeter-introduce.h: the greeter's "Introduce to…" dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "marquee-core.h"
#include "mq-greeter-pairing.h"

G_BEGIN_DECLS

/* Asks whom the newcomer @newcomer_id met at @event_id and records the
 * introduction by @greeter_id; the outcome is said in a toast on
 * @toast_overlay. Returns FALSE with @error when there is nobody to
 * introduce them to, without showing a dialog.
 */
gboolean mq_greeter_introduce_present (GtkWidget        *parent,
                                       AdwToastOverlay  *toast_overlay,
                                       MqStore          *store,
                                       MqGreeterPairing *pairing,
                                       gint64            event_id,
                                       gint64            greeter_id,
                                       gint64            newcomer_id,
                                       GError          **error);

G_END_DECLS
