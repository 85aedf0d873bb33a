#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads `sqlite3 DB .schema` on stdin and writes the same tables and keys
(primary keys, UNIQUE constraints, indexes) without CHECK constraints,
foreign keys, triggers or views: the import floor loads CSV into these."""
import re
import sys


def strip_checks(sql):
    out, i = [], 0
    while i < len(sql):
        m = re.compile(r',?\s*CHECK\s*\(', re.I).match(sql, i)
        if m:
            depth, j = 1, m.end()
            while depth:
                depth += {'(': 1, ')': -1}.get(sql[j], 0)
                j += 1
            i = j
            continue
        out.append(sql[i])
        i += 1
    return ''.join(out)


def main():
    text = sys.stdin.read()
    for stmt in text.split(';\n'):
        stmt = stmt.strip()
        if not stmt or not re.match(r'CREATE (TABLE|UNIQUE INDEX|INDEX)', stmt):
            continue
        if 'sqlite_' in stmt.split('(')[0]:
            continue
        stmt = strip_checks(stmt)
        stmt = re.sub(r'\s+REFERENCES\s+\w+\s*\(\w+\)(\s+ON DELETE \w+)?', '', stmt)
        stmt = re.sub(r'\s+DEFAULT\s+(\'[^\']*\'|\S+?)(?=[,\n)])', '', stmt)
        stmt = re.sub(r',(\s*\))', r'\1', stmt)
        print(stmt + ';')


main()
