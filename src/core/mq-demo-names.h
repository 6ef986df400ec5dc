/* mq-demo-names.h: the names, films and places the sample club is made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char         *languages;     /* what people of this background list, "sv, en" */
  gboolean            family_first;  /* "Nguyễn Minh Anh" */
  const char * const *given_f;
  const char * const *given_m;
  const char * const *family;
} MqDemoCulture;

/* Names some members write in their own script, with the Latin spelling
 * their email address uses.
 */
typedef struct
{
  const char *name;
  const char *latin;                 /* "hanako.yamada" */
  const char *languages;
  char        gender;                /* 'f' or 'm' */
} MqDemoScriptName;

typedef struct
{
  const char *title;
  const char *director;
  int         year;
  int         runtime;               /* minutes */
  const char *language;
  const char *subtitles;
  const char *hashtag;
  const char *blurb;
} MqDemoFilm;

typedef struct
{
  const char *name;
  const char *address;
  const char *accessibility;
} MqDemoVenue;

const MqDemoCulture    *mq_demo_cultures         (guint *n);
const MqDemoScriptName *mq_demo_script_names     (guint *n);
/* Real documentaries, with their real credits and running times. */
const MqDemoFilm       *mq_demo_films            (guint *n);
const MqDemoVenue      *mq_demo_venues           (guint *n);
const char * const     *mq_demo_mastodon_hosts   (void);
const char * const     *mq_demo_email_domains    (void);
const char * const     *mq_demo_tags             (void);
const char * const     *mq_demo_organizations    (void);

G_END_DECLS
