"""Reads an exported file back with readers that are not ours, for ExportedFilesReadBackTest.

    read_back.py xlsx FILE   openpyxl: every sheet's cells, with their type, value and style
    read_back.py csv FILE    Python's csv module: the records

Prints JSON (ASCII, so the bytes are the same whatever the locale) on stdout:
{"warnings": [...], "sheets": [[[cell, ...], ...], ...]} or {"rows": [[field, ...], ...]}.
A cell is null when empty, else {"type": "n"|"s"|"d", "value": ..., "quotePrefix": bool, "format": "..."}.
"""
import csv
import datetime
import json
import re
import sys
import warnings

# ECMA-376 Part 1, 22.9.2.19: _xHHHH_ stands for the character HHHH. openpyxl decodes it only in
# shared strings (and only _x005F_); Excel, LibreOffice and POI decode it in inline strings too.
ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx(path):
    import openpyxl
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            rows.append([cell_of(cell) for cell in row])
        sheets.append(rows)
    return {"warnings": [str(warning.message) for warning in caught], "sheets": sheets}


def cell_of(cell):
    if cell.value is None:
        return None
    value = cell.value
    if isinstance(value, datetime.datetime):
        value = value.isoformat(timespec="milliseconds")
    elif isinstance(value, str):
        value = ESCAPE.sub(lambda escape: chr(int(escape.group(1), 16)), value)
    return {"type": cell.data_type, "value": value, "quotePrefix": bool(cell.quotePrefix),
            "format": cell.number_format}


def csv_rows(path):
    with open(path, newline="", encoding="utf-8") as file:
        return {"rows": list(csv.reader(file))}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    result = xlsx(path) if kind == "xlsx" else csv_rows(path)
    json.dump(result, sys.stdout, ensure_ascii=True)
