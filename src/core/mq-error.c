/* mq-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-error.h"

G_DEFINE_QUARK (mq-error-quark, mq_error)
