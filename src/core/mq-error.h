/* mq-error.h: the error domain of the Marquee core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MQ_ERROR (mq_error_quark ())

/**
 * MqError:
 * @MQ_ERROR_INVALID: the input is not acceptable (empty title, bad date, …)
 * @MQ_ERROR_NOT_FOUND: an id or code names nothing
 * @MQ_ERROR_CONSTRAINT: the change would break a rule of the data (duplicate, reference)
 * @MQ_ERROR_CAPACITY: the change does not fit the event's capacity
 * @MQ_ERROR_BUSY: another program holds the database locked
 * @MQ_ERROR_CORRUPT: the database file is damaged
 * @MQ_ERROR_NOT_A_DATABASE: the file is not a Marquee database
 * @MQ_ERROR_TOO_NEW: the database was written by a newer Marquee
 * @MQ_ERROR_IO: reading or writing the file failed
 * @MQ_ERROR_FULL: the disk is full
 * @MQ_ERROR_FAILED: any other failure of the storage
 */
typedef enum
{
  MQ_ERROR_INVALID,
  MQ_ERROR_NOT_FOUND,
  MQ_ERROR_CONSTRAINT,
  MQ_ERROR_CAPACITY,
  MQ_ERROR_BUSY,
  MQ_ERROR_CORRUPT,
  MQ_ERROR_NOT_A_DATABASE,
  MQ_ERROR_TOO_NEW,
  MQ_ERROR_IO,
  MQ_ERROR_FULL,
  MQ_ERROR_FAILED,
} MqError;

GQuark mq_error_quark (void);

G_END_DECLS
