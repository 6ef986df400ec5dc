/* mq-greeter-pairing-private.h: what the pairing's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-greeter-pairing.h"

G_BEGIN_DECLS

struct _MqGreeterPairing
{
  GObject  parent_instance;

  MqStore *store;
};

/* The pairing run itself, inside the caller's transaction. */
gboolean mq_greeter_pairing_pair_newcomers (MqStore  *store,
                                            gint64    event_id,
                                            guint    *n_new,
                                            GError  **error);

G_END_DECLS
