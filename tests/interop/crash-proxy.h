/* crash-proxy.h: an HTTP proxy on 127.0.0.1 that can kill its client mid-request
 *
 * Forwards every request to a real server and answers with its answer.
 * Armed, it forwards the next createRecord, and once the server has created
 * the record it kills the client process (SIGKILL) before it can hear back:
 * a crash between send and answer, against a server that cannot be told to
 * lose an answer. Runs on its own thread and GMainContext, so the test can
 * wait for marquee-cli meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CrashProxy CrashProxy;

CrashProxy  *crash_proxy_new              (const char *upstream);
void         crash_proxy_free             (CrashProxy *proxy);
/* http://127.0.0.1:PORT */
const char  *crash_proxy_get_url          (CrashProxy *proxy);
/* The next createRecord kills the victim once the server has answered
 * it. Armed before the victim starts, so it cannot be too late; the
 * request waits for crash_proxy_set_victim().
 */
void         crash_proxy_arm              (CrashProxy *proxy);
void         crash_proxy_set_victim       (CrashProxy *proxy,
                                           GPid        victim);
gboolean     crash_proxy_killed           (CrashProxy *proxy);
/* "METHOD nsid" of every request so far, in order. */
GStrv        crash_proxy_dup_calls        (CrashProxy *proxy);
/* The rkey of every createRecord so far, in order. */
GStrv        crash_proxy_dup_record_keys  (CrashProxy *proxy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrashProxy, crash_proxy_free)

G_END_DECLS
