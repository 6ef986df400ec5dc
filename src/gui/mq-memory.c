/* mq-memory.c: how the app's process uses the C heap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mq-memory"

#include "config.h"

#include <stdlib.h>  /* defines __GLIBC__ on glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "mq-memory.h"

/* Blocks from this size up get their own mapping, given back to the system
 * as soon as they are freed.
 */
#define LARGE_BLOCK (128 * 1024)

void
mq_memory_configure (void)
{
#ifdef __GLIBC__
  /* glibc starts with the same threshold but raises it to the size of every
   * large block freed, up to 32 MB. The cairo renderer draws a page
   * transition or a scrolled list into offscreen surfaces of several
   * megabytes; once the threshold has risen, those come from the heap and
   * stay there when freed, so the window kept 7 to 10 MB it no longer used
   * (docs/PERFORMANCE.md). Fixing the threshold keeps large short-lived
   * buffers out of the heap; small objects are not affected.
   */
  mallopt (M_MMAP_THRESHOLD, LARGE_BLOCK);

  /* glibc gives each new thread a heap of its own, up to eight per core;
   * the icon loader's, GDBus's and the background jobs' threads each kept
   * one, partly empty. The main thread does nearly all of the allocating;
   * the others share a second heap.
   */
  mallopt (M_ARENA_MAX, 2);
#endif
}
