/* pds-client.h: what the Bluesky interop test asks the PDS itself
 *
 * The test's own XRPC calls, made apart from Marquee's client: accounts
 * and app passwords as a user makes them, records read back, sessions
 * checked and revoked. Every call must succeed unless it says otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _PdsClient PdsClient;

typedef struct
{
  char *handle;
  char *did;
  char *password;
  char *app_password;
} PdsAccount;

PdsClient  *pds_client_new          (const char  *url,
                                     const char  *jwt_secret);
void        pds_client_free         (PdsClient   *self);
const char *pds_client_get_url      (PdsClient   *self);

/* createAccount, then createAppPassword as that account. */
PdsAccount *pds_create_account      (PdsClient   *self,
                                     const char  *handle);
void        pds_account_free        (PdsAccount  *account);
/* The DID of @handle, or NULL when the server knows none. */
char       *pds_resolve_handle      (PdsClient   *self,
                                     const char  *handle);

/* com.atproto.repo.getRecord: {uri, cid, value}. */
JsonNode   *pds_get_record          (PdsClient   *self,
                                     const char  *did,
                                     const char  *collection,
                                     const char  *rkey);
/* com.atproto.repo.listRecords: the array of records. */
JsonNode   *pds_list_records        (PdsClient   *self,
                                     const char  *did,
                                     const char  *collection);
guint       pds_count_records       (PdsClient   *self,
                                     const char  *did,
                                     const char  *collection);
/* com.atproto.sync.getBlob: the bytes the server keeps under @cid. */
GBytes     *pds_get_blob            (PdsClient   *self,
                                     const char  *did,
                                     const char  *cid);

/* com.atproto.server.getSession with @access_jwt: NULL when the server
 * takes it, else the server's error name ("ExpiredToken").
 */
char       *pds_session_error       (PdsClient   *self,
                                     const char  *access_jwt,
                                     guint       *status);
/* com.atproto.server.deleteSession: the refresh token is revoked. */
void        pds_delete_session      (PdsClient   *self,
                                     const char  *refresh_jwt);
/* @jwt with the same claims, issued three hours ago and expired one hour
 * ago, signed with the server's secret as the server signs its own.
 */
char       *pds_expire_token        (PdsClient   *self,
                                     const char  *jwt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdsAccount, pds_account_free)

G_END_DECLS
