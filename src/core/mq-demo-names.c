/* mq-demo-names.c: the names, films and places the sample club is made of
 *
 * A film club in a large city: members from many places, so that the door
 * lookup meets accents, Nordic letters, Polish, Turkish and Vietnamese
 * diacritics and names in CJK script, as a real one does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mq-demo-names.h"

#define STRV(...) ((const char * const []) { __VA_ARGS__, NULL })

static const MqDemoCulture cultures[] = {
  { "sv, no, en", FALSE,
    STRV ("Åsa", "Ingrid", "Sigrún", "Linnéa", "Päivi", "Kristín", "Maja", "Solveig"),
    STRV ("Björn", "Søren", "Mikael", "Jørgen", "Ørjan", "Eero", "Håkon", "Magnús"),
    STRV ("Ødegård", "Lindqvist", "Kjærgaard", "Håkansson", "Virtanen", "Østergaard",
          "Nyström", "Mäkinen", "Bjørnstad", "Sigurðsson") },
  { "pl, en", FALSE,
    STRV ("Zofia", "Małgorzata", "Agnieszka", "Katarzyna", "Joanna", "Weronika"),
    STRV ("Łukasz", "Wojciech", "Paweł", "Grzegorz", "Krzysztof", "Michał"),
    STRV ("Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Woźniak", "Kaczmarek", "Zając") },
  { "vi, en", TRUE,
    STRV ("Minh Anh", "Thu Trang", "Bảo Ngọc", "Hương Giang", "Lan Chi"),
    STRV ("Quang Huy", "Đức Thắng", "Văn Nam", "Tuấn Anh", "Minh Khôi"),
    STRV ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi") },
  { "tr, en", FALSE,
    STRV ("Ayşe", "Çağla", "İpek", "Öykü", "Ebru", "Gülşen"),
    STRV ("Şükrü", "Gökhan", "Mert", "Oğuz", "Emre", "İlker"),
    STRV ("Öztürk", "Yılmaz", "Çelik", "Şahin", "Doğan", "Aydın", "Kılıç", "Güneş") },
  { "es, en", FALSE,
    STRV ("María", "Lucía", "Sofía", "Begoña", "Ana", "Ximena", "Nuria"),
    STRV ("José", "Joaquín", "Andrés", "Íñigo", "Martín", "Rubén", "Álvaro"),
    STRV ("García", "Muñoz", "Núñez", "Peña", "Ibáñez", "Gómez", "Fernández", "Ortiz", "Báez") },
  { "pt, en", FALSE,
    STRV ("Inês", "Beatriz", "Conceição", "Leonor", "Mariana"),
    STRV ("João", "Gonçalo", "Tomás", "Sebastião", "Vicente"),
    STRV ("Gonçalves", "Simões", "Araújo", "Magalhães", "Sousa", "Brandão") },
  { "en, yo, ig", FALSE,
    STRV ("Chiamaka", "Ngozi", "Adaeze", "Funmilayo", "Zoë", "Oluwakemi", "Ifeoma"),
    STRV ("Oluwaseun", "Emeka", "Babatunde", "Chukwuemeka", "Tunde", "Obinna"),
    STRV ("Adeyemi", "Okonkwo", "Balogun", "Eze", "Okafor", "Adebayo", "Nwosu", "Ogunleye") },
  { "en, hi, ta", FALSE,
    STRV ("Priya", "Ananya", "Lakshmi", "Meera", "Kavya", "Divya"),
    STRV ("Arjun", "Rohan", "Vikram", "Siddharth", "Karthik", "Aditya"),
    STRV ("Iyer", "Sharma", "Chatterjee", "Reddy", "Nair", "Patel", "Menon", "Banerjee") },
  { "ja, en", FALSE,
    STRV ("Yuki", "Aiko", "Sakura", "Hana", "Mei", "Yōko"),
    STRV ("Haruto", "Ren", "Kenji", "Sōta", "Takeshi", "Daichi"),
    STRV ("Satō", "Suzuki", "Takahashi", "Watanabe", "Itō", "Nakamura", "Kobayashi", "Yamamoto") },
  { "zh, en", TRUE,
    STRV ("Xiuying", "Jing", "Xinyi", "Yan", "Min"),
    STRV ("Wei", "Hao", "Yiming", "Zihan", "Lei"),
    STRV ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao") },
  { "fr, de, en", FALSE,
    STRV ("Zoë", "Chloé", "Hélène", "Anaïs", "Gaëlle", "Élodie", "Charlotte"),
    STRV ("François", "Jürgen", "Matthias", "Loïc", "Rémi", "Jörg", "Noël"),
    STRV ("Müller", "Lefèvre", "Schröder", "Dubois", "Fontaine", "Krüger", "Moreau", "Weiß") },
  { "ar, en", FALSE,
    STRV ("Layla", "Mariam", "Nour", "Yasmin", "Rania"),
    STRV ("Omar", "Karim", "Youssef", "Tariq", "Samir"),
    STRV ("Haddad", "El-Amin", "Mansour", "Khoury", "Saleh", "Nasser") },
};

static const MqDemoScriptName script_names[] = {
  { "山田花子", "hanako.yamada", "ja, en", 'f' },
  { "佐藤健", "ken.sato", "ja", 'm' },
  { "鈴木美咲", "misaki.suzuki", "ja, en", 'f' },
  { "王秀英", "wang.xiuying", "zh, en", 'f' },
  { "李伟", "li.wei", "zh", 'm' },
  { "张敏", "zhang.min", "zh, en", 'f' },
  { "陈静", "chen.jing", "zh, en", 'f' },
  { "김민준", "minjun.kim", "ko, en", 'm' },
  { "이서연", "seoyeon.lee", "ko, en", 'f' },
  { "박지훈", "jihoon.park", "ko", 'm' },
};

static const MqDemoFilm films[] = {
  { "Honeyland", "Ljubomir Stefanov, Tamara Kotevska", 2019, 85, "Turkish, Macedonian", "English",
    "Honeyland",
    "The last wild-beekeeper of a Macedonian mountain village, and the neighbours who upset her balance." },
  { "Man with a Movie Camera", "Dziga Vertov", 1929, 68, "none (silent)", NULL,
    "ManWithAMovieCamera",
    "A day in the life of Soviet cities, told with nothing but the camera. With live piano." },
  { "Searching for Sugar Man", "Malik Bendjelloul", 2012, 86, "English", "English captions",
    "SugarMan",
    "Two fans from Cape Town set out to find out what became of the musician Rodriguez." },
  { "Citizenfour", "Laura Poitras", 2014, 114, "English", "English captions",
    "Citizenfour",
    "Eight days in a Hong Kong hotel room with Edward Snowden, as the story breaks." },
  { "Hoop Dreams", "Steve James", 1994, 170, "English", "English captions",
    "HoopDreams",
    "Two Chicago teenagers chase a basketball career over five years. Long film: short break at half time." },
  { "Man on Wire", "James Marsh", 2008, 94, "English, French", "English",
    "ManOnWire",
    "Philippe Petit's 1974 high-wire walk between the towers of the World Trade Center, told like a heist." },
  { "Faces Places", "Agnès Varda, JR", 2017, 89, "French", "English",
    "FacesPlaces",
    "Agnès Varda and the photographer JR travel rural France, pasting giant portraits of the people they meet." },
};

static const MqDemoVenue venues[] = {
  { "Lichtspiel Community Cinema, Hall 2", "12 Harbour Street",
    "Step-free access through the side door; hearing loop; wheelchair spaces in row A." },
  { "Central Library Auditorium", "1 Library Square",
    "Lift to the second floor; accessible toilets on every floor." },
  { "The Projection Room at Kafe Kino", "48 Canal Road",
    "Two steps at the entrance, ramp on request; quiet room next door." },
  { "Congress Centre, Hall 1", "200 Exhibition Avenue",
    "Step-free throughout; live captions on the main screen." },
};

static const char * const mastodon_hosts[] = {
  "films.social", "mastodon.example", "social.example.net", "doc.example.org", NULL
};

static const char * const email_domains[] = {
  "example.org", "example.com", "example.net", NULL
};

static const char * const tags[] = {
  "member", "volunteer", "student", "filmmaker", "press", "board", "newsletter", "projectionist", NULL
};

static const char * const organizations[] = {
  "City University Film Society", "Riverside Public Library", "Open Doc Lab",
  "Community Radio 98", "Lumen Post-Production", "Northside Secondary School", NULL
};

const MqDemoCulture *
mq_demo_cultures (guint *n)
{
  *n = G_N_ELEMENTS (cultures);
  return cultures;
}

const MqDemoScriptName *
mq_demo_script_names (guint *n)
{
  *n = G_N_ELEMENTS (script_names);
  return script_names;
}

const MqDemoFilm *
mq_demo_films (guint *n)
{
  *n = G_N_ELEMENTS (films);
  return films;
}

const MqDemoVenue *
mq_demo_venues (guint *n)
{
  *n = G_N_ELEMENTS (venues);
  return venues;
}

const char * const *
mq_demo_mastodon_hosts (void)
{
  return mastodon_hosts;
}

const char * const *
mq_demo_email_domains (void)
{
  return email_domains;
}

const char * const *
mq_demo_tags (void)
{
  return tags;
}

const char * const *
mq_demo_organizations (void)
{
  return organizations;
}
