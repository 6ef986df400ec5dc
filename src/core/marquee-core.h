/* marquee-core.h: the Marquee core library, with no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-check-in.h"
#include "mq-check-in-log.h"
#include "mq-demo-data.h"
#include "mq-door-lookup.h"
#include "mq-error.h"
#include "mq-event.h"
#include "mq-event-catalog.h"
#include "mq-event-stats.h"
#include "mq-greeter-assignment.h"
#include "mq-introduction.h"
#include "mq-person.h"
#include "mq-person-directory.h"
#include "mq-rsvp.h"
#include "mq-rsvp-ledger.h"
#include "mq-rsvp-transition.h"
#include "mq-search-text.h"
#include "mq-store.h"
#include "mq-ticket-code.h"
