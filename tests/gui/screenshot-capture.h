/* screenshot-capture.h: what the screenshot programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs the main loop for @ms milliseconds, so layout and drawing settle. */
void     screenshot_spin    (guint       ms);
/* Saves @window (NULL: the whole screen) as @outdir/@name[-@suffix].png with
 * ImageMagick's `import`, after moving Xvfb's pointer out of the way.
 * Prints the path, or the error and returns FALSE.
 */
gboolean screenshot_capture (const char *outdir,
                             const char *name,
                             const char *suffix,
                             GtkWindow  *window);

G_END_DECLS
