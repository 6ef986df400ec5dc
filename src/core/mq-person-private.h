/* mq-person-private.h: what the person directory sets on a person it stored or read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-person.h"

G_BEGIN_DECLS

void _mq_person_set_id         (MqPerson  *self,
                                gint64     id);
void _mq_person_set_created_at (MqPerson  *self,
                                GDateTime *created_at);

G_END_DECLS
