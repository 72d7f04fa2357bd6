"""Prints a SQLite database as SQL (Python's sqlite3 iterdump), to compare before and after.

Usage: dump_db.py FILE
"""
import sqlite3
import sys

connection = sqlite3.connect(sys.argv[1])
for line in connection.iterdump():
    print(line)
