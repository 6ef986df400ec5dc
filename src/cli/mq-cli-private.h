/* mq-cli-private.h: what the command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mq-cli.h"

G_BEGIN_DECLS

/* The store is opened on first use, so `--help` and usage errors never
 * create a database file.
 */
MqStore  *mq_cli_get_store       (MqCli        *self,
                                  GError      **error);
/* @args is a NULL-terminated copy the caller owns (g_auto(GStrv)); parsed
 * options are removed from it and freed.
 */
gboolean  mq_cli_parse           (MqCli        *self,
                                  GOptionEntry *entries,
                                  const char   *usage,
                                  char       ***args,
                                  int          *status);
void      mq_cli_print           (MqCli        *self,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Takes ownership of @node. */
void      mq_cli_print_json      (MqCli        *self,
                                  JsonNode     *node);
/* What a list command prints: one line per row from @print_row, or with
 * @json a JSON array of @row_to_json's objects ([] when @rows is empty).
 * Only the row functions differ between the list commands.
 */
typedef JsonNode *(*MqCliRowJsonFunc)  (gconstpointer  row);
typedef void      (*MqCliRowPrintFunc) (MqCli         *self,
                                        gconstpointer  row);
void      mq_cli_print_rows      (MqCli             *self,
                                  GPtrArray         *rows,
                                  gboolean           json,
                                  MqCliRowJsonFunc   row_to_json,
                                  MqCliRowPrintFunc  print_row);
/* A line on standard error that is not an error: what to do next, for a
 * person at the terminal, while standard output stays for scripts.
 */
void      mq_cli_note            (MqCli        *self,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Print the one-line message and return MQ_CLI_EXIT_USER. */
int       mq_cli_fail            (MqCli        *self,
                                  const GError *error);
int       mq_cli_fail_message    (MqCli        *self,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Print a usage error and return MQ_CLI_EXIT_USAGE. */
int       mq_cli_usage_error     (MqCli        *self,
                                  const char   *format,
                                  ...) G_GNUC_PRINTF (2, 3);
/* Parses a decimal id > 0; FALSE with MQ_ERROR_INVALID otherwise. */
gboolean  mq_cli_parse_id        (const char   *text,
                                  const char   *what,
                                  gint64       *id,
                                  GError      **error);
/* Parses the event id in @id_text, opens the store and loads the event:
 * what every command about one event starts with. MQ_ERROR_INVALID or
 * MQ_ERROR_NOT_FOUND on bad input.
 */
MqEvent  *mq_cli_load_event      (MqCli        *self,
                                  const char   *id_text,
                                  MqStore     **store,
                                  GError      **error);
/* ISO 8601 date-time with or without an offset; without one, the time is
 * read in @zone. NULL with MQ_ERROR_INVALID when malformed.
 */
GDateTime *mq_cli_parse_time     (const char   *text,
                                  GTimeZone    *zone,
                                  GError      **error);
char     *mq_cli_format_time     (GDateTime    *time);

/* One function per top-level command: argv[0] is the command name. */
typedef int (*MqCliCommandFunc) (MqCli  *self,
                                 int     argc,
                                 char  **argv);

int mq_cli_command_init     (MqCli *self, int argc, char **argv);
int mq_cli_command_event    (MqCli *self, int argc, char **argv);
int mq_cli_command_person   (MqCli *self, int argc, char **argv);
int mq_cli_command_rsvp     (MqCli *self, int argc, char **argv);
int mq_cli_command_checkin  (MqCli *self, int argc, char **argv);
int mq_cli_command_search   (MqCli *self, int argc, char **argv);
int mq_cli_command_stats    (MqCli *self, int argc, char **argv);
int mq_cli_command_demo     (MqCli *self, int argc, char **argv);

/* A member that is the string @value, or null. */
void      mq_cli_json_add_string      (JsonBuilder  *builder,
                                       const char   *name,
                                       const char   *value);
/* A member that is @value, or null when not @present. */
void      mq_cli_json_add_int_or_null (JsonBuilder  *builder,
                                       const char   *name,
                                       gint64        value,
                                       gboolean      present);

/* JSON of domain objects, with the contract's field names. */
JsonNode *mq_cli_event_to_json  (MqEvent     *event);
JsonNode *mq_cli_person_to_json (MqPerson    *person);
JsonNode *mq_cli_rsvp_to_json   (MqRsvp      *rsvp);

G_END_DECLS
