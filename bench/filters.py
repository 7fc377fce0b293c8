#!/usr/bin/env python3
"""Filtered exports on indexed columns, measured against a running server (bin/bench runs it; it also
runs alone):

  bench/filters.py [--app URL] [--source KEY] [--database DB] [--runs N] [--filter column=value ...] [--sql-only]

For each filter (by default a day's new contacts, created_on = 2023-06-15, and a lead score,
lead_score = 100: both columns indexed by bench/seed-contacts.sql), bob exports the source filtered,
as CSV (PostgreSQL's COPY) and as XLSX (the JDBC cursor), and the time from sending the request to
the first GET /exports/{id} that shows it COMPLETED is taken (polled back to back), median of --runs.
Beside it, the same SQL in PostgreSQL alone: the job's COUNT plus its SELECT, each the execution time
of EXPLAIN ANALYZE (median of 5), with the value typed as the server binds it (a whole number as a
bigint, a date as a date), the scan the plan chose; and the same two queries as the server compared
values before they were typed (the column cast to text), which no index serves.

The SQL is the source's as bench/bench-sources.json declares it (--sources). Every answer the bench
does not expect (a refusal, an export that does not complete, a count that differs from the
database's) stops it with what it got. --sql-only measures PostgreSQL alone, with no server. Python's
standard library and psql only.
"""
import argparse
import json
import re
import statistics
import subprocess
import sys
import time

from benchapi import Api

DEFAULT_FILTERS = ["created_on=2023-06-15", "lead_score=100"]


def typed(column, value):
    """The value as the server binds it (org.exportaudit.export.entity.Filter): its SQL type, and its text."""
    kind = column.get("type", "text")
    if kind == "number":
        if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", value):
            sys.exit(f"{column['name']}={value}: not a number")
        whole = re.fullmatch(r"(-?[0-9]+)(\.0+)?", value)
        if whole and -2**63 <= int(whole.group(1)) < 2**63:
            return "BIGINT", str(int(whole.group(1)))
        return "NUMERIC", value
    return {"date": "DATE", "timestamp": "TIMESTAMP", "text": "VARCHAR(4000)"}[kind], value


def queries(source, column, value):
    """The job's COUNT and SELECT as the server sends them now (typed), and as it sent them before (as text)."""
    def quoted(text):
        return "'" + text.replace("'", "''") + "'"
    sql_type, text = typed(column, value)
    names = ", ".join(c["name"] for c in source["columns"])
    as_text = f"CAST({column['name']} AS VARCHAR(4000)) = {quoted(value)}"
    now = as_text if sql_type.startswith("VARCHAR") else f"{column['name']} = CAST({quoted(text)} AS {sql_type})"
    def pair(where):
        return (f"SELECT COUNT(*) FROM ({source['sql']}) source WHERE {where}",
                f"SELECT {names} FROM ({source['sql']}) source WHERE {where} ORDER BY source.{source['orderBy']}")
    return pair(now), pair(as_text)


class Database:
    def __init__(self, name):
        self.psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-v", "ON_ERROR_STOP=1", "-qtA"]

    def run(self, sql):
        done = subprocess.run(self.psql + ["-c", sql], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"psql: {done.stderr.strip()}\n{sql}")
        return done.stdout.strip()

    def explain(self, sql):
        """EXPLAIN ANALYZE's execution time in ms (median of 5), and the scans its plan chose."""
        times, plan = [], None
        for _ in range(5):
            answer = json.loads(self.run("EXPLAIN (ANALYZE, FORMAT JSON) " + sql))[0]
            times.append(answer["Execution Time"])
            plan = answer["Plan"]
        return statistics.median(times), scans(plan)


def scans(node):
    """The plan's scans of tables, as 'Bitmap Index Scan bench_contact_created_on' or 'Seq Scan bench_contact'."""
    found = []
    if node["Node Type"].endswith("Scan"):
        found.append(node["Node Type"] + " " + node.get("Index Name", node.get("Relation Name", "")))
    for child in node.get("Plans", []):
        found.extend(scans(child))
    return [scan for scan in found if not scan.startswith("Bitmap Heap Scan")]


def export_seconds(bob, source, format, filters, expected):
    """Seconds from the request to the first poll that shows the export COMPLETED."""
    bob.refresh()
    start = time.perf_counter()
    export = bob.expect(202, "POST", "exports", {"source": source, "format": format, "filters": filters})
    while export["status"] == "PROCESSING" or export["status"] == "AWAITING_APPROVAL":
        if time.perf_counter() - start > 300:
            sys.exit(f"export {export['id']} still {export['status']} after 5 minutes")
        export = bob.expect(200, "GET", f"exports/{export['id']}")
    took = time.perf_counter() - start
    if export["status"] != "COMPLETED" or export["records"] != expected:
        sys.exit(f"export {export['id']} of {filters}: {export['status']}, {export.get('records')} records"
                 f" (expected COMPLETED, {expected})")
    return took


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", default="http://127.0.0.1:8580/export-audit/api/v1/")
    parser.add_argument("--source", default="bench-contacts")
    parser.add_argument("--sources", default="bench/bench-sources.json", help="the declaration the server reads")
    parser.add_argument("--database", default="export_audit_bench", help="the source's database (psql)")
    parser.add_argument("--runs", type=int, default=3, help="exports per median (default 3)")
    parser.add_argument("--filter", action="append", help="column=value, repeatable (default: "
                        + " and ".join(DEFAULT_FILTERS) + ")")
    parser.add_argument("--sql-only", action="store_true", help="PostgreSQL alone: no server, no exports")
    args = parser.parse_args()

    with open(args.sources, encoding="utf-8") as declarations:
        source = next((s for s in json.load(declarations)["sources"] if s["key"] == args.source), None)
    if source is None:
        sys.exit(f"{args.sources} declares no source {args.source}")
    columns = {c["name"]: c for c in source["columns"]}
    database = Database(args.database)
    total = int(database.run(f"SELECT COUNT(*) FROM ({source['sql']}) source"))
    bob = None if args.sql_only else Api(args.app, "bob")

    rows = []
    for written in args.filter or DEFAULT_FILTERS:
        name, _, value = written.partition("=")
        if name not in columns:
            sys.exit(f"{args.source} declares no column {name}")
        (count, select), (count_text, select_text) = queries(source, columns[name], value)
        expected = int(database.run(count))
        if expected == 0:
            sys.exit(f"{written} selects no record of {args.source}: choose another value")
        typed_ms = [database.explain(sql) for sql in (count, select)]
        text_ms = [database.explain(sql) for sql in (count_text, select_text)]
        server = {format: float("nan") if bob is None else statistics.median(
                      export_seconds(bob, args.source, format, {name: value}, expected) for _ in range(args.runs))
                  for format in ("CSV", "XLSX")}
        rows.append((written, expected, server, sum(ms for ms, _ in typed_ms), sum(ms for ms, _ in text_ms),
                     ", ".join(dict.fromkeys(typed_ms[1][1])), ", ".join(dict.fromkeys(text_ms[1][1]))))

    print()
    print(f"filtered exports of {args.source} ({total:,} records) on indexed columns, request → COMPLETED,"
          f" median of {args.runs}; SQL alone = the job's COUNT + SELECT in PostgreSQL (EXPLAIN ANALYZE, median of 5):")
    print(f"  {'filter':28} {'records':>8} {'CSV ms':>8} {'XLSX ms':>8} {'SQL ms':>8} {'CSV/SQL':>8}"
          f" {'as text ms':>11}   plan (typed | as text)")
    for written, records, server, typed, text, plan, plan_text in rows:
        print(f"  {written:28} {records:8,} {server['CSV'] * 1000:8.0f} {server['XLSX'] * 1000:8.0f} {typed:8.1f}"
              f" {server['CSV'] * 1000 / typed:8.1f} {text:11.1f}   {plan} | {plan_text}")


if __name__ == "__main__":
    main()
