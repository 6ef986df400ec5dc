/* mq-chunk-writer-private.h: an output stream written from a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MqChunkWriter MqChunkWriter;

MqChunkWriter *mq_chunk_writer_new        (GOutputStream  *out,
                                           gsize           chunk_size,
                                           GCancellable   *cancellable);
/* The chunk to append to; it changes after a hand-over. */
GString       *mq_chunk_writer_get_buffer (MqChunkWriter  *self);
/* Hands the chunk over once it holds chunk_size bytes. FALSE (with the
 * write's error) once a write has failed.
 */
gboolean       mq_chunk_writer_maybe_send (MqChunkWriter  *self,
                                           GError        **error);
/* Hands over what is left and waits until everything is written. */
gboolean       mq_chunk_writer_finish     (MqChunkWriter  *self,
                                           GError        **error);
/* Stops the thread (after the chunks already handed over) and frees. */
void           mq_chunk_writer_free       (MqChunkWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MqChunkWriter, mq_chunk_writer_free)

G_END_DECLS
