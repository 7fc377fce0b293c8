#!/usr/bin/env python3
"""Export policies, measured against a running server (bin/bench runs it; it also runs alone):

  bench/policies.py [--app URL] [--source KEY] [--requests N] [--approvals N]

(a) approval → first written row: an approval policy holds bob's export of the whole source; sam
    approves it; the time from sending the approve call to the first GET /exports/{id} that shows
    progress.written > 0 (polled back to back; the job reports its progress at each checkpoint).
    Beside it, the same from the request of an export that no policy holds: the baseline. Each
    export is cancelled once it writes.
(b) the cost of policy checks on an export request: the median time of POST /exports with no policy
    against the same with 20 policies that govern the request but none of which it reaches, in the
    same run. A governed request counts the source's records before it answers (so that a block or
    a step-up is answered at once): that count is part of what the ratio shows. Measured for a
    one-record export and for the whole source; and with one policy, which makes the request count
    the records as 20 do, so that 20/1 shows what the other 19 policies cost beyond the count.
    erin asks, so that the rolling totals read only these requests.

Needs no policy on the server beforehand (it refuses to start otherwise: existing policies would
govern the requests), and removes the ones it creates. Python's standard library only.
"""
import argparse
import statistics
import sys
import time

from benchapi import Api, await_status


def until_first_row(bob, alice, export_id, start):
    """Polls the export back to back until it shows a written row; answers the seconds since start,
    then cancels it: the rest of a large export measures nothing here."""
    while True:
        export = bob.expect(200, "GET", f"exports/{export_id}")
        if export["progress"]["written"] > 0:
            took = time.perf_counter() - start
            break
        if export["status"] != "PROCESSING":
            sys.exit(f"export {export_id} ended before it wrote: {export}")
    alice.call("POST", f"exports/{export_id}/cancel")
    await_status(alice, export_id, {"CANCELLED", "COMPLETED", "FAILED"})
    return took


def first_row_seconds(alice, sam, bob, source, runs):
    """For each run, the seconds from a request to its first written row without a policy (the
    baseline: the job starts, counts, writes its first checkpoint), and from sam's approval of a held
    request to its first written row."""
    requested, approved = [], []
    for _ in range(runs):
        for api in (alice, bob):
            api.refresh()
        start = time.perf_counter()
        export = bob.expect(202, "POST", "exports", {"source": source, "format": "CSV"})
        requested.append(until_first_row(bob, alice, export["id"], start))
    policy = alice.expect(201, "POST", "policies", {"source": source, "appliesTo": "export",
                                                    "action": "approve", "limit": 1})
    try:
        for _ in range(runs):
            for api in (alice, sam, bob):
                api.refresh()
            held = bob.expect(202, "POST", "exports", {"source": source, "format": "CSV"})
            if held["status"] != "AWAITING_APPROVAL":
                sys.exit(f"bob's export was not held for approval: {held}")
            start = time.perf_counter()
            sam.expect(200, "POST", f"exports/{held['id']}/approve")
            approved.append(until_first_row(bob, alice, held["id"], start))
    finally:
        alice.call("DELETE", f"policies/{policy['id']}")
    return requested, approved, held["records"]


def twenty_unreachable_policies(source):
    """Four actions × five scopes: per export or rolling (in exports), one source or all, everyone or
    exporters; limits no request here reaches (10,000,000 records, or exports over a window)."""
    scopes = [
        {"source": source},
        {"source": source, "appliesTo": "export"},
        {},
        {"source": source, "window": "PT24H", "measure": "exports"},
        {"appliesTo": "export", "window": "P7D", "measure": "exports"},
    ]
    return [dict(scope, action=action, limit=10_000_000)
            for action in ("notify", "step-up", "approve", "block") for scope in scopes]


def request_seconds(erin, alice, body, requests):
    """The time of each POST /exports (the server's answer, measured here), after one warm-up request;
    each export is cancelled and ended before the next request, so that none runs beside it."""
    seconds = []
    erin.refresh()
    alice.refresh()
    for attempt in range(requests + 1):
        start = time.perf_counter()
        status, export = erin.call("POST", "exports", body)
        took = time.perf_counter() - start
        if status != 202 or export["status"] != "PROCESSING":
            sys.exit(f"POST exports {body}: {status} {export} (expected 202, PROCESSING: no policy may decide)")
        if attempt > 0:
            seconds.append(took)
        alice.call("POST", f"exports/{export['id']}/cancel")
        await_status(alice, export["id"], {"CANCELLED", "COMPLETED", "FAILED"})
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--app", default="http://127.0.0.1:8580/export-audit/api/v1/")
    parser.add_argument("--source", default="bench-contacts")
    parser.add_argument("--requests", type=int, default=21, help="requests per median (default 21)")
    parser.add_argument("--approvals", type=int, default=3, help="approvals measured (default 3)")
    args = parser.parse_args()

    alice, sam, bob, erin = (Api(args.app, user) for user in ("alice", "sam", "bob", "erin"))
    if alice.expect(200, "GET", "policies"):
        sys.exit("The server has export policies already: they would govern the measured requests.")
    requested, approvals, records = first_row_seconds(alice, sam, bob, args.source, args.approvals)

    cases = [("one record (filter on id)", {"source": args.source, "format": "CSV", "filters": {"id": "7"}}),
             (f"whole source ({records:,} records)", {"source": args.source, "format": "CSV"})]
    bare = [statistics.median(request_seconds(erin, alice, body, args.requests)) for _, body in cases]
    created, one, governed = [], [], []
    try:
        alice.refresh()
        for policy in twenty_unreachable_policies(args.source):
            created.append(alice.expect(201, "POST", "policies", policy)["id"])
            if len(created) == 1:  # one policy: the count the request now makes, without the other 19
                one = [statistics.median(request_seconds(erin, alice, body, args.requests)) for _, body in cases]
                alice.refresh()
        governed = [statistics.median(request_seconds(erin, alice, body, args.requests)) for _, body in cases]
    finally:
        alice.refresh()
        for policy_id in created:
            alice.call("DELETE", f"policies/{policy_id}")

    print()
    print(f"export policies, {args.source} ({records:,} records):")
    print(f"{'first written row, median of ' + str(len(approvals)):44} {'ms':>9}   runs (ms)")
    for what, runs in (("  after the request, no policy holding it", requested), ("  after the approval", approvals)):
        print(f"{what:44} {statistics.median(runs) * 1000:9.0f}   " + " ".join(f"{s * 1000:.0f}" for s in runs))
    print(f"{'POST /exports, median of ' + str(args.requests) + ', policies:':44} {'none ms':>9} {'1 ms':>8} {'20 ms':>8}"
          f" {'20/none':>8} {'20/1':>6}")
    for (what, _), none, single, twenty in zip(cases, bare, one, governed):
        print(f"{'  ' + what:44} {none * 1000:9.1f} {single * 1000:8.1f} {twenty * 1000:8.1f} {twenty / none:8.2f}"
              f" {twenty / single:6.2f}")


if __name__ == "__main__":
    main()
