#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads a .vcf with python3-vobject and prints each card as one line:
# FN|EMAIL|TEL|ORG|IMPP,…|X-MASTODON|X-BLUESKY|CATEGORIES
import sys

import vobject


def values(card, name):
    return [c.value for c in card.contents.get(name, [])]


def text(value):
    return ';'.join(value) if isinstance(value, list) else str(value)


with open(sys.argv[1], encoding='utf-8') as f:
    for card in vobject.readComponents(f.read()):
        assert card.version.value == '4.0'
        fields = [
            text(card.fn.value),
            ','.join(values(card, 'email')), ','.join(values(card, 'tel')),
            ','.join(text(v) for v in values(card, 'org')),
            ','.join(values(card, 'impp')),
            ','.join(values(card, 'x-mastodon')), ','.join(values(card, 'x-bluesky')),
            ','.join(','.join(v) if isinstance(v, list) else v for v in values(card, 'categories')),
        ]
        print('|'.join(fields))
