#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads a CSV with Python's csv module in the dialect given (',' or ';'),
# a UTF-8 BOM allowed, and prints the rows as one JSON array.
import csv
import json
import sys

with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    rows = list(csv.reader(f, delimiter=sys.argv[2], strict=True))
print(json.dumps(rows, ensure_ascii=False))
