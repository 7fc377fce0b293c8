#!/usr/bin/env python3
"""Commit → CloudEvent at a local receiver, measured against a running server (bin/bench runs it):

  bench/siem.py receive --port 8598 --out FILE     a webhook receiver (the server streams to it:
                                                   -Dexport-audit.siem.webhooks=http://127.0.0.1:8598/events);
                                                   it notes each CloudEvent and the time it arrived
  bench/siem.py measure --app URL --events FILE [--count N]

measure makes N audited actions one after the other (alice changes her large-export threshold,
each time to a value of its own) and finds each one's CloudEvent among what the receiver noted.
The server commits before it answers, so the delay from the commit to the event lies between
"answer → event" (negative when the event arrived before the answer) and "request → event": both
are printed, as medians and 95th percentiles. Python's standard library only.
"""
import argparse
import http.server
import json
import statistics
import sys
import time
import urllib.request

from benchapi import token


def receive(port, out):
    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            arrived = time.time()
            with open(out, "a") as events:
                events.write(json.dumps({"arrived": arrived, "event": json.loads(body)}) + "\n")
            self.send_response(202)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()


def put_threshold(app, bearer, threshold):
    request = urllib.request.Request(app + "settings/large-export-threshold", method="PUT",
                                     data=json.dumps({"threshold": threshold}).encode(),
                                     headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        if answer.status != 200:
            sys.exit(f"PUT threshold answered {answer.status}")


def arrival(events_file, threshold, deadline):
    while time.time() < deadline:
        with open(events_file) as events:
            for line in events:
                if not line.endswith("\n"):
                    break  # the receiver is still writing this note: it is read whole on the next pass
                noted = json.loads(line)
                data = noted["event"].get("data", {})
                detail = data.get("detail", {})
                if data.get("kind") == "THRESHOLD_CHANGED" and data.get("user") == "alice" and detail.get("to") == threshold:
                    return noted["arrived"]
        time.sleep(0.002)  # the pause between two readings of the receiver's notes
    sys.exit(f"no CloudEvent for threshold {threshold} within 10 s: is the server streaming to the receiver?")


def measure(app, events_file, count):
    bearer = token("alice")
    open(events_file, "a").close()
    after_answer, after_request = [], []
    base = 100_000 + int(time.time()) % 50_000
    for i in range(count):
        threshold = base + i
        sent = time.time()
        put_threshold(app, bearer, threshold)
        answered = time.time()
        arrived = arrival(events_file, threshold, answered + 10)
        after_answer.append((arrived - answered) * 1000)
        after_request.append((arrived - sent) * 1000)
    put_threshold(app, bearer, None)
    p95 = lambda values: sorted(values)[int(len(values) * 0.95) - 1]
    print(f"commit → CloudEvent at a local receiver ({count} audited actions): answer → event median "
          f"{statistics.median(after_answer):.1f} ms (p95 {p95(after_answer):.1f}); request → event median "
          f"{statistics.median(after_request):.1f} ms (p95 {p95(after_request):.1f}); "
          f"goal < 1 s at the median: {'met' if statistics.median(after_request) < 1000 else 'MISSED'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["receive", "measure"])
    parser.add_argument("--port", type=int, default=8598)
    parser.add_argument("--out", "--events", dest="events", required=True)
    parser.add_argument("--app", default="http://127.0.0.1:8580/export-audit/api/v1/")
    parser.add_argument("--count", type=int, default=50)
    arguments = parser.parse_args()
    if arguments.mode == "receive":
        receive(arguments.port, arguments.events)
    else:
        measure(arguments.app, arguments.events, arguments.count)


if __name__ == "__main__":
    main()
