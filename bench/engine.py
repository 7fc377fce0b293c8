#!/usr/bin/env python3
"""The export engine measured against a running bench server (bin/bench starts one and runs this),
each figure beside a baseline taken in the same run, and a Java Flight Recorder profile of the
server for each phase (target/bench/profiles/PHASE.jfr, its hottest methods in PHASE.txt):

  exports     CSV and XLSX exports of the whole source against PostgreSQL's COPY … TO a file
  notice      request → in-app notice and → email in the SMTP server, for a large export
  cancel      cancel of a running export → CANCELLED, and → its partial file gone
  concurrent  8 CSV exports at once against one at a time; POST /exports answered meanwhile
  log         the export log's pages at the server against the same SQL in PostgreSQL alone
  log-big     the same at 10,000,000 exports
  big         a CSV export of BIG rows with the server's 512 MB heap
  pages       the source's index page at the server (page 1 with the count, page 10,000 jumped to, the
              next, the last) against its SQL alone; run it last, on the source as the runs left it

Every call's answer is checked: anything unexpected stops the bench with the call and the answer.
Python's standard library only.
"""
import argparse
import contextlib
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime

from benchapi import Api, await_status
from cpu import CpuMeter, spread

SOURCE = "bench-contacts"
MAILBOX = "http://127.0.0.1:8025/api/user/alice@example.com/messages/"
COLUMNS = ("id, first_name, last_name, email, phone, mobile, job_title, company, street, city, postal_code, country,"
           " lifecycle_stage, lead_score, owner, created_on, last_contacted_on, notes")


def fail(message):
    sys.exit("bench: " + message)


def seconds_between(start, end):
    parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


class Database:
    def __init__(self, name):
        self.command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-v", "ON_ERROR_STOP=1", "-qtA"]

    def run(self, *arguments):
        done = subprocess.run(self.command + list(arguments), capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"psql {' '.join(arguments)}: {done.stderr.strip()}")
        return done.stdout.strip()

    def copy_seconds(self, copies=1):
        """PostgreSQL's own COPY of the same columns in the same order to a file, by as many sessions
        at once as asked: the baseline."""
        outs = [f"/tmp/export-audit-bench-copy-{i}.csv" for i in range(copies)]
        start = time.perf_counter()
        sessions = [subprocess.Popen(self.command + ["-c", f"COPY (SELECT {COLUMNS} FROM bench_contact ORDER BY id)"
                                                     f" TO '{out}' WITH (FORMAT csv, HEADER true)"]) for out in outs]
        if any(session.wait() != 0 for session in sessions):
            fail("COPY failed")
        took = time.perf_counter() - start
        for out in outs:
            os.remove(out)
        return took

    def execution_ms(self, sql, runs=5):
        """EXPLAIN ANALYZE's execution time, median of runs."""
        times = [json.loads(self.run("-c", f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}"))[0]["Execution Time"]
                 for _ in range(runs)]
        return statistics.median(times)


class Server:
    """The server's JVM: a flight recording and the peak of used heap (jstat, every 100 ms) per phase."""

    def __init__(self, pid, profiles):
        self.pid, self.profiles = pid, profiles
        os.makedirs(profiles, exist_ok=True)
        self.peaks = {}
        self.profiled = []
        self.recording = False  # the figures are taken without the recorder, which costs CPU on 2 cores

    @contextlib.contextmanager
    def phase(self, name):
        print(f"== {name}{' (profiled)' if self.recording else ''}", flush=True)
        if self.recording:
            recording = os.path.join(self.profiles, name + ".jfr")
            self.jcmd("JFR.start", f"name={name}", "settings=profile", f"filename={recording}")
            try:
                yield
            finally:
                self.jcmd("JFR.stop", f"name={name}")
                hottest(recording, os.path.join(self.profiles, name + ".txt"))
                self.profiled.append(name)
            return
        sampler = subprocess.Popen(["jstat", "-gc", str(self.pid), "100"], stdout=subprocess.PIPE, text=True)
        try:
            yield
        finally:
            sampler.terminate()
            self.peaks[name] = peak_heap_mb(sampler.stdout.read())

    def jcmd(self, *command):
        done = subprocess.run(["jcmd", str(self.pid)] + list(command), capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"jcmd {' '.join(command)}: {done.stdout.strip()} {done.stderr.strip()}")


def peak_heap_mb(jstat_output):
    lines = jstat_output.split("\n")
    header = lines[0].split()
    peak = 0.0
    for line in lines[1:]:
        values = dict(zip(header, line.split()))
        if len(values) == len(header) and values[header[0]] != header[0]:
            peak = max(peak, sum(float(values[c]) for c in ("S0U", "S1U", "EU", "OU")))
    return peak / 1024


def hottest(recording, report, top=12):
    """The methods on top of the sampled stacks (where the CPU went) and the product's own methods
    nearest the top (which of ours caused it), as shares of the samples."""
    printed = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "40", recording],
                             capture_output=True, text=True).stdout
    own, ours, samples = {}, {}, 0
    for event in printed.split("jdk.ExecutionSample")[1:]:
        frames = [line.strip() for line in event.split("stackTrace = [")[-1].split("\n")[1:]
                  if line.startswith("    ") and "line:" in line]
        if not frames:
            continue
        samples += 1
        method = lambda frame: frame.split("(")[0]
        own[method(frames[0])] = own.get(method(frames[0]), 0) + 1
        product = next((method(f) for f in frames if f.startswith("org.exportaudit")), "(none of ours)")
        ours[product] = ours.get(product, 0) + 1
    with open(report, "w") as out:
        out.write(f"{samples} execution samples\n\nself (top of stack):\n")
        for name, count in sorted(own.items(), key=lambda item: -item[1])[:top]:
            out.write(f"  {count * 100 / max(samples, 1):5.1f} %  {name}\n")
        out.write("\nnearest product method:\n")
        for name, count in sorted(ours.items(), key=lambda item: -item[1])[:top]:
            out.write(f"  {count * 100 / max(samples, 1):5.1f} %  {name}\n")


class Engine:
    def __init__(self, args):
        self.args = args
        self.database = Database(args.database)
        self.server = Server(args.pid, args.profiles)
        self.cpu = CpuMeter(args.pid)
        self.bob, self.alice, self.erin = (Api(args.app, user) for user in ("bob", "alice", "erin"))
        self.rows = []  # the final table: what, measured, baseline, ratio, target, met

    def refresh(self):
        for api in (self.bob, self.alice, self.erin):
            api.refresh()

    def figure(self, what, measured, baseline, ratio, target, met):
        verdict = met if isinstance(met, str) else "" if met is None else "met" if met else "MISSED"
        self.rows.append((what, measured, baseline, ratio, target, verdict))

    @staticmethod
    def verdict(values, target):
        """met when even the highest round is within the target, MISSED when even the lowest is not;
        in between the noise is larger than the margin, and no verdict is made."""
        return "met" if max(values) <= target else "MISSED" if min(values) > target else "within noise"

    def export(self, export_format, api=None, body=None, every=0.05):
        """Runs one export to its end: the server's own seconds (requested → ended), records, bytes.
        {every}: how often its status is asked (slowly while the server's CPU is measured)."""
        api = api or self.bob
        export = api.expect(202, "POST", "exports", body or {"source": SOURCE, "format": export_format})
        done = await_status(api, export["id"], {"COMPLETED", "FAILED", "CANCELLED"}, seconds=600, every=every)
        if done["status"] != "COMPLETED":
            fail(f"export {export['id']} ended {done['status']}: {done}")
        return seconds_between(done["date"], done["endedAt"]), done["records"], done["fileSize"]

    def exports(self, rounds):
        """Each round: PostgreSQL's COPY, the CSV export, the XLSX export, each measured in wall time and in
        CPU seconds (the server's and PostgreSQL's) per 1M rows."""
        with self.server.phase("exports"):
            self.refresh()
            self.export("CSV")  # warm-up
            idle = self.cpu.measure_idle()
            copies, csvs, xlsxs = [], [], []
            for _ in range(rounds):  # in turns: COPY and the exports meet the same conditions
                self.refresh()
                with self.cpu.step() as copy:
                    self.database.copy_seconds()
                copies.append(copy)
                with self.cpu.step() as csv:
                    seconds, records, csv_bytes = self.export("CSV", every=0.25)
                csv.wall = seconds  # the server's own time, requested → ended
                csvs.append(csv)
                with self.cpu.step() as xlsx:
                    seconds, _, xlsx_bytes = self.export("XLSX", every=0.25)
                xlsx.wall = seconds
                xlsxs.append(xlsx)
            if records != self.args.rows:
                fail(f"the CSV export has {records} records, the source {self.args.rows}")
        per_m = 1_000_000 / self.args.rows
        warm = slice(1, None) if rounds > 1 else slice(None)  # the first round pays the JIT's warm-up
        line = lambda steps, what: " ".join(f"{getattr(step, what) * per_m:.2f}" for step in steps)
        print(f"   runs, wall (s): COPY {line(copies, 'wall')}; CSV {line(csvs, 'wall')}; XLSX {line(xlsxs, 'wall')}")
        print(f"   runs, CPU per 1M rows (s; the server's idle {idle * 1000:.0f} ms/s taken off): COPY PostgreSQL"
              f" {line(copies, 'postgres')}; CSV server {line(csvs, 'server')}, PostgreSQL {line(csvs, 'postgres')};"
              f" XLSX server {line(xlsxs, 'server')}, PostgreSQL {line(xlsxs, 'postgres')}")
        copy = min(step.wall for step in copies)
        self.one_csv = min(step.wall for step in csvs)
        csv_ratio = statistics.median(e.wall / c.wall for e, c in zip(csvs, copies))  # each round against its own COPY
        xlsx_ratio = statistics.median(e.wall / c.wall for e, c in zip(xlsxs, copies))
        rate = lambda seconds: f"{seconds:.2f} s = {self.args.rows / seconds:,.0f} rec/s"
        self.figure(f"CSV of {self.args.rows:,} contacts ({csv_bytes / 1e6:.0f} MB), wall", rate(self.one_csv),
                    "COPY " + rate(copy), csv_ratio, "≤ 1.10", csv_ratio <= 1.10)
        self.figure(f"XLSX of {self.args.rows:,} contacts ({xlsx_bytes / 1e6:.0f} MB), wall",
                    rate(min(step.wall for step in xlsxs)), "COPY " + rate(copy), xlsx_ratio, "≤ 2.0", xlsx_ratio <= 2.0)
        copy_cpu = [step.postgres * per_m for step in copies[warm]]
        for name, steps, target in (("CSV", csvs, 0.5), ("XLSX", xlsxs, 2.0)):
            server = [step.server * per_m for step in steps[warm]]
            postgres = [step.postgres * per_m for step in steps[warm]]
            self.figure(f"{name} per 1M rows, server CPU (PostgreSQL {spread(postgres)} s)", f"{spread(server)} s",
                        f"COPY's PostgreSQL {spread(copy_cpu)} s", statistics.median(server) / statistics.median(copy_cpu),
                        f"≤ {target} s", self.verdict(server, target))

    def notice(self, rounds):
        """Request → the in-app notice and → the email, polled side by side on their own threads."""
        with self.server.phase("notice"):
            self.refresh()
            self.alice.expect(200, "PUT", "settings/large-export-threshold", {"threshold": 1000})
            in_app, mailed = [], []
            try:
                for _ in range(rounds):
                    self.refresh()
                    name = f"bench-notice-{time.time_ns()}"
                    seen = {}
                    start = time.perf_counter()
                    export = self.bob.expect(202, "POST", "exports",
                                             {"source": SOURCE, "format": "CSV", "fileName": name})
                    watchers = [threading.Thread(target=self.await_notice, args=(export["id"], start, seen)),
                                threading.Thread(target=self.await_mail, args=(name, start, seen))]
                    for watcher in watchers:
                        watcher.start()
                    for watcher in watchers:
                        watcher.join()
                    if len(seen) < 2:
                        fail(f"export {export['id']}: no notice or no email within 30 s ({seen})")
                    in_app.append(seen["notice"])
                    mailed.append(seen["mail"])
                    await_status(self.bob, export["id"], {"COMPLETED", "FAILED", "CANCELLED"}, seconds=600)
            finally:
                self.alice.expect(200, "PUT", "settings/large-export-threshold", {"threshold": None})
        print("   runs (ms): notice " + " ".join(f"{s * 1000:.0f}" for s in in_app)
              + "; email " + " ".join(f"{s * 1000:.0f}" for s in mailed))
        notice, mail = statistics.median(in_app), statistics.median(mailed)
        self.figure(f"request → in-app notice ({self.args.rows:,}-row export)", f"{notice * 1000:.0f} ms", "", None,
                    "≤ 300 ms", notice <= 0.3)
        self.figure("request → email in the SMTP server", f"{mail * 1000:.0f} ms", "", None, "≤ 500 ms", mail <= 0.5)

    def await_notice(self, export_id, start, seen):
        deadline = start + 30
        while time.perf_counter() < deadline:
            items = self.alice.expect(200, "GET", "notifications")["items"]
            if any(item.get("exportId") == export_id for item in items):
                seen["notice"] = time.perf_counter() - start
                return
            time.sleep(0.005)

    def await_mail(self, name, start, seen):
        deadline = start + 30
        while time.perf_counter() < deadline:
            with urllib.request.urlopen(MAILBOX) as answer:  # a non-2xx answer raises: the bench stops
                if name in answer.read().decode():
                    seen["mail"] = time.perf_counter() - start
                    return
            time.sleep(0.005)

    def cancel(self, rounds):
        with self.server.phase("cancel"):
            cancelled, removed = [], []
            for _ in range(rounds):
                self.refresh()
                export = self.bob.expect(202, "POST", "exports", {"source": SOURCE, "format": "XLSX"})
                while self.bob.expect(200, "GET", f"exports/{export['id']}")["progress"]["written"] == 0:
                    time.sleep(0.02)
                start = time.perf_counter()
                self.alice.expect(200, "POST", f"exports/{export['id']}/cancel")
                while self.bob.expect(200, "GET", f"exports/{export['id']}")["status"] != "CANCELLED":
                    time.sleep(0.005)
                cancelled.append(time.perf_counter() - start)
                files = os.path.join(self.args.base, "data/export-audit/exports")
                while any(name.startswith(f"{export['id']}.") for name in os.listdir(files)):
                    time.sleep(0.005)
                removed.append(time.perf_counter() - start)
        print("   runs (ms): CANCELLED " + " ".join(f"{s * 1000:.0f}" for s in cancelled)
              + "; file gone " + " ".join(f"{s * 1000:.0f}" for s in removed))
        worst = max(max(cancelled), max(removed))
        self.figure("cancel of a running export → CANCELLED and file gone",
                    f"{statistics.median(cancelled) * 1000:.0f} / {statistics.median(removed) * 1000:.0f} ms", "",
                    None, "≤ 300 ms", worst <= 0.3)

    def concurrent(self, exports=8):
        """8 CSV exports at once against one at a time (the exports phase's best) and against 8 COPY
        sessions at once; then 8 more, with POST /exports of a one-record export sent every half
        second meanwhile (apart: each of those requests runs an export too, which the throughput must
        not pay)."""
        with self.server.phase("concurrent"):
            self.refresh()
            ended = self.run_at_once(exports)
            wall = max(ended.values())
            answers = []
            self.run_at_once(exports, meanwhile=lambda: answers.append(self.small_request()))
        copies = self.database.copy_seconds(exports)
        each = sorted(ended.values())
        speedup = exports * self.one_csv / wall
        print(f"   {exports} exports in {wall:.2f} s (each {each[0]:.2f}–{each[-1]:.2f} s; one alone {self.one_csv:.2f} s;"
              f" {exports} COPY sessions {copies:.2f} s); POST /exports meanwhile (ms): "
              + " ".join(f"{s * 1000:.0f}" for s in answers))
        peak = self.server.peaks.get("concurrent", 0)
        self.figure(f"{exports} concurrent CSV exports, throughput vs one at a time",
                    f"{wall:.2f} s, heap {peak:.0f} MB", f"{exports} × {self.one_csv:.2f} s", speedup,
                    "≥ 1.8, heap ≤ 512 MB", speedup >= 1.8 and peak <= 512)
        self.figure(f"  the same {exports} vs {exports} COPY sessions at once", f"{wall:.2f} s", f"COPY {copies:.2f} s",
                    wall / copies, "", None)
        self.figure(f"  slowest / fastest of the {exports}", f"{each[-1]:.2f} / {each[0]:.2f} s", "", each[-1] / each[0],
                    "none starved", each[-1] / each[0] <= 1.5)
        if not answers:
            fail("no POST /exports was answered while the exports ran")
        answer = statistics.median(answers)
        self.figure(f"POST /exports while {exports} run (median of {len(answers)}, max {max(answers) * 1000:.0f} ms)",
                    f"{answer * 1000:.0f} ms", "", None, "≤ 50 ms", answer <= 0.05)

    def run_at_once(self, exports, meanwhile=None):
        """Requests the exports one after the other and waits until all have ended: the seconds of
        each from the first request to its end, by the server's clock."""
        ids = [self.bob.expect(202, "POST", "exports", {"source": SOURCE, "format": "CSV"})["id"]
               for _ in range(exports)]
        ended = {}
        while len(ended) < exports:
            time.sleep(0.5)  # one look at bob's log: the figures are the server's own times, and
            # polling each export would load the server that is being measured
            for export in self.bob.expect(200, "GET", f"exports?user=bob&limit={exports}")["items"]:
                if export["id"] in ids and export["status"] != "PROCESSING":
                    if export["status"] != "COMPLETED":
                        fail(f"concurrent export {export['id']} ended {export['status']}: {export}")
                    ended[export["id"]] = export
            if meanwhile and len(ended) < exports:
                meanwhile()
        first = ended[ids[0]]["date"]
        return {export_id: seconds_between(first, export["endedAt"]) for export_id, export in ended.items()}

    def small_request(self):
        sent = time.perf_counter()
        self.erin.expect(202, "POST", "exports", {"source": SOURCE, "format": "CSV", "filters": {"id": "7"}})
        return time.perf_counter() - sent  # its one-record export ends by itself

    def seed_log(self, exports, downloads):
        """Adds exports (and downloads) to the log's history."""
        self.database.run("-v", f"exports={exports}", "-v", f"downloads={downloads}", "-f", "bench/seed-export-log.sql")

    def log(self, phase, cases):
        exports = int(self.database.run("-c", "SELECT count(*) FROM export"))
        with self.server.phase(phase):
            self.refresh()
            for what, api, query, sql in cases(self):
                server = self.page_ms(api, query)
                alone = self.database.execution_ms(sql)
                self.figure(f"log page of 50, {exports:,} exports: {what}", f"{server:.1f} ms", f"SQL {alone:.2f} ms",
                            server / alone, "≤ 5× and ≤ 5 ms", server <= 5 * alone and server <= 5)
            if phase == "log":
                self.request_cpu(exports, cases(self)[0])

    def request_cpu(self, exports, case, requests=300, rounds=3):
        """The server's CPU per request, for GET /me (the request stack's floor: a token, a user, a tiny
        answer) and for the first page of the log, each over kept-alive requests, in rounds."""
        what, api, query, _ = case
        me, page, page_postgres = [], [], []
        for _ in range(rounds):
            with self.cpu.step() as floor:
                self.page_ms(api, "", requests=requests, path="me")
            me.append(floor.server * 1000 / (requests + 1))
            with self.cpu.step() as spent:
                wall = self.page_ms(api, query, requests=requests)
            page.append(spent.server * 1000 / (requests + 1))
            page_postgres.append(spent.postgres * 1000 / (requests + 1))
        print(f"   CPU per request (ms), rounds: GET /me {' '.join(f'{m:.2f}' for m in me)}; log page"
              f" {' '.join(f'{p:.2f}' for p in page)} (PostgreSQL {' '.join(f'{p:.2f}' for p in page_postgres)});"
              f" log page's wall median {wall:.1f} ms")
        self.figure(f"GET /me, server CPU per request ({requests} kept alive)", f"{spread(me)} ms", "", None,
                    "≤ 0.5 ms", self.verdict(me, 0.5))
        self.figure(f"log page of 50, {exports:,} exports ({what}), server CPU per request",
                    f"{spread(page)} ms", f"GET /me {spread(me)} ms", statistics.median(page) / statistics.median(me), "≤ 1.0 ms",
                    self.verdict(page, 1.0))

    def dashboard(self):
        """GET dashboard?days=90 on the seeded log, beside its two aggregate queries in PostgreSQL alone."""
        exports = int(self.database.run("-c", "SELECT count(*) FROM export"))
        day = "CAST(requested_at AT TIME ZONE 'UTC' AS DATE)"  # as ExportVolumes asks PostgreSQL
        volumes = ("SELECT d, source, status, COUNT(*), SUM(records), SUM(CASE WHEN records > 5000 THEN 1 ELSE 0 END)"
                   f" FROM (SELECT {day} AS d, source, status, records FROM export"
                   " WHERE requested_at >= (current_date - 89)::timestamptz) w GROUP BY d, source, status")
        top = ("SELECT requested_by, SUM(records), COUNT(*) FROM export WHERE requested_at >= date_trunc('month', now())"
               " AND status = 'COMPLETED' GROUP BY requested_by ORDER BY SUM(records) DESC, requested_by LIMIT 10")
        with self.server.phase("dashboard"):
            self.refresh()
            server = self.page_ms(self.alice, "days=90", requests=11, path="dashboard?")
            alone = self.database.execution_ms(volumes) + self.database.execution_ms(top)
            self.figure(f"dashboard, 90 days of {exports:,} exports", f"{server:.1f} ms", f"SQL {alone:.1f} ms",
                        server / alone, "≤ 1.5× the SQL", server <= 1.5 * alone)

    @staticmethod
    def page_ms(api, query, requests=21, path="exports?"):
        """The server's answer over one kept-alive connection (as a browser's), median of requests."""
        address = urllib.parse.urlsplit(api.app)
        connection = http.client.HTTPConnection(address.hostname, address.port)
        took = []
        for _ in range(requests + 1):
            start = time.perf_counter()
            connection.request("GET", address.path + path + query, headers={"Authorization": "Bearer " + api.bearer})
            answer = connection.getresponse()
            answer.read()
            if answer.status != 200:
                fail(f"GET {path}{query} as {api.user}: {answer.status}")
            took.append((time.perf_counter() - start) * 1000)
        connection.close()
        return statistics.median(took[1:])

    def log_cases(self):
        newest = "SELECT * FROM export WHERE 1 = 1"
        order = "ORDER BY requested_at DESC, id DESC LIMIT 51"
        cursor = self.alice.expect(200, "GET", "exports?limit=50")["next"]
        return [
            ("first page, super admin", self.alice, "limit=50", f"{newest} {order}"),
            ("first page, exporter (own)", self.bob, "limit=50", f"{newest} AND requested_by = 'bob' {order}"),
            ("failed deals exports", self.alice, "limit=50&status=FAILED&source=deals",
             f"{newest} AND source = 'deals' AND status = 'FAILED' {order}"),
            ("second page, by cursor", self.alice, f"limit=50&cursor={urllib.parse.quote(cursor)}",
             f"{newest} AND requested_at <= now() {order}"),
        ]

    def big(self, rows):
        self.database.run("-v", f"rows={rows}", "-f", "bench/seed-contacts.sql")
        with self.server.phase("big"):
            self.refresh()
            seconds, records, _ = self.export("CSV")
        if records != rows:
            fail(f"the big export has {records} records, the source {rows}")
        peak = self.server.peaks["big"]
        self.figure(f"CSV of {rows:,} contacts, 512 MB heap", f"{seconds:.2f} s = {rows / seconds:,.0f} rec/s",
                    "", None, "heap ≤ 512 MB", peak <= 512)

    def pages(self, rows, size=25):
        """Each page as the paginator asks for it (Faces' Ajax POST) in a fresh view, after its GET."""
        far = 9_999 * size
        table = f"SELECT {COLUMNS} FROM bench_contact"
        cases = [("page 10,000, jumped to", far, f"SELECT id FROM bench_contact ORDER BY id OFFSET {far - 1} LIMIT 1"),
                 ("page 10,001, the next", far + size, f"{table} WHERE id > {far} ORDER BY id LIMIT {size}"),
                 ("the last page", (rows - 1) // size * size, f"{table} ORDER BY id DESC LIMIT {size}")]
        page = self.args.app.split("/api/")[0] + "/records.xhtml?source=" + SOURCE
        with self.server.phase("pages"):
            self.refresh()
            took = {what: [] for what in ["page 1 (GET, counts)"] + [case[0] for case in cases]}
            for _ in range(3):
                browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # the view's session
                browser.addheaders = [("Authorization", "Bearer " + self.bob.bearer)]
                start = time.perf_counter()
                state = re.search(r'ViewState:0" value="([^"]+)"', browser.open(page).read().decode()).group(1)
                took["page 1 (GET, counts)"].append((time.perf_counter() - start) * 1000)
                for what, first, _ in cases:
                    form = {"jakarta.faces.partial.ajax": "true", "jakarta.faces.source": "records:rows",
                            "jakarta.faces.partial.execute": "records:rows", "jakarta.faces.partial.render": "records:rows",
                            "records:rows_pagination": "true", "records:rows_first": first, "records:rows_rows": size,
                            "records:rows_encodeFeature": "true", "records": "records", "jakarta.faces.ViewState": state}
                    start = time.perf_counter()
                    answer = browser.open(page, urllib.parse.urlencode(form).encode()).read().decode()
                    took[what].append((time.perf_counter() - start) * 1000)
                    if f'data-ri="{first}"' not in answer or not re.search(rf">\s*{first + 1}\s*<", answer):
                        fail(f"{what}: the page does not start with contact {first + 1}: {answer[:500]}")
        for (what, times), sql in zip(took.items(), ["SELECT count(*) FROM bench_contact"] + [c[2] for c in cases]):
            self.figure(f"index page of {rows:,} contacts: {what}", f"{statistics.median(times):.0f} ms",
                        f"SQL {self.database.execution_ms(sql):.2f} ms", None, "", "")

    def report(self):
        print()
        print(f"{'what':58} {'measured':>26} {'baseline (same run)':>30} {'ratio':>6}  {'target':22} ")
        for what, measured, baseline, ratio, target, met in self.rows:
            ratio_text = "" if ratio is None else f"{ratio:.2f}"
            print(f"{what:58} {measured:>26} {baseline:>30} {ratio_text:>6}  {target:22} {met}")
        print("peak used heap by phase (MB, cap 512): "
              + ", ".join(f"{name} {peak:.0f}" for name, peak in self.server.peaks.items()))
        print(f"profiles: {self.args.profiles}/PHASE.txt (hottest methods), PHASE.jfr (open in JDK Mission Control)")
        for name in self.server.profiled:
            with open(os.path.join(self.args.profiles, name + ".txt")) as profile:
                lines = profile.read().split("\n")
            print(f"   {name}: " + "; ".join(line.strip() for line in lines[3:6]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", default="http://127.0.0.1:8580/export-audit/api/v1/")
    parser.add_argument("--pid", type=int, required=True, help="the server's JVM")
    parser.add_argument("--base", required=True, help="the server's base directory (its export files)")
    parser.add_argument("--database", default="export_audit_bench")
    parser.add_argument("--rows", type=int, required=True, help="contacts seeded in bench_contact")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--log-exports", type=int, default=1_000_000)
    parser.add_argument("--log-downloads", type=int, default=100_000)
    parser.add_argument("--log-big-exports", type=int, default=10_000_000, help="0 to skip")
    parser.add_argument("--big-rows", type=int, default=5_000_000, help="0 to skip")
    parser.add_argument("--profiles", default="target/bench/profiles")
    parser.add_argument("--phases", default="exports,notice,cancel,concurrent,log,dashboard,log-big,big,pages",
                        help="which to run (concurrent needs exports, dashboard the log's)")
    parser.add_argument("--profile", default="exports,notice,cancel,concurrent,log",
                        help="which of the phases to run once more under a flight recording ('' for none)")
    args = parser.parse_args()

    engine = Engine(args)
    phases = args.phases.split(",")

    def run(rounds, seed, phases):
        if "exports" in phases:
            engine.exports(rounds)
        if "notice" in phases:
            engine.notice(rounds)
        if "cancel" in phases:
            engine.cancel(rounds)
        if "concurrent" in phases:
            engine.concurrent()
        if "log" in phases:
            if seed:
                engine.seed_log(args.log_exports, args.log_downloads)
            engine.log("log", Engine.log_cases)
        if "dashboard" in phases:
            engine.dashboard()

    run(args.rounds, True, phases)
    if "log-big" in phases and args.log_big_exports:
        engine.seed_log(args.log_big_exports - args.log_exports, 0)
        engine.log("log-big", lambda e: Engine.log_cases(e)[:2])
    # Where the time goes: the phases once more, each under a flight recording (not measured: the
    # recorder costs CPU that the figures above must not pay)
    figures, engine.rows = engine.rows, []
    engine.server.recording = True
    run(1, False, [phase for phase in args.profile.split(",") if phase in phases])
    engine.server.recording = False
    engine.rows = figures
    if "big" in phases and args.big_rows:  # last: it replaces the source with a larger one
        engine.big(args.big_rows)
    if "pages" in phases:
        engine.pages(args.big_rows if "big" in phases and args.big_rows else args.rows)
    engine.report()


if __name__ == "__main__":
    main()
