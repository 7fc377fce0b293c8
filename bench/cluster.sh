#!/usr/bin/env bash
# bin/bench --cluster: the cost of the cluster and its failover, in one run on this machine.
#   1. The 1,000,000-row CSV export on one node (export-audit.xml, no cluster) against the same export
#      through the balancer of two nodes (bin/cluster): best of 3 each, and their ratio. On one
#      2-core machine the ratio shows the cluster's overhead (leases, replication), not a speed-up.
#   2. kill -9 of the node running an XLSX export of the same rows: the time from the kill until a
#      survivor has taken the export over, and until the export completed.
#   3. kill -STOP of a node (hung, not dead): how long a user whose session lives on it waits until
#      the other node answers them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

rows="${1:-1000000}"
wildfly="$root/server-config/target/wildfly-39.0.1.Final"
work="$root/target/bench"
cluster="$work/cluster"
single="$work/single-node"
database=export_audit_bench_cluster
sources=(-Dexport-audit.sources="$root/bench/bench-sources.json")
single_pid="" stopped_node=""

cleanup() {
  [[ -n "$stopped_node" ]] && kill -CONT -- "-$(cat "$cluster/$stopped_node.pid")" 2>/dev/null || true
  [[ -n "$single_pid" ]] && kill -TERM -- "-$single_pid" 2>/dev/null || true
  bin/cluster stop "$cluster" >/dev/null 2>&1 || true
  bin/keycloak stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

[[ -f ear/target/export-audit.ear && -f "$wildfly/standalone/configuration/export-audit-ha.xml" ]] \
  || ./mvnw -B -q install -DskipTests
mkdir -p "$work"

echo "== Seeding $rows contacts into PostgreSQL database $database"
psql -h 127.0.0.1 -U postgres -d postgres -qtA -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
psql -h 127.0.0.1 -U postgres -d "$database" -v ON_ERROR_STOP=1 -qtA -v rows="$rows" -f bench/seed-contacts.sql
bin/keycloak start >/dev/null

token() {
  curl -fsS -d grant_type=password -d client_id=export-audit-cli -d username="$1" -d password="$1" \
    http://127.0.0.1:8180/realms/export-audit/protocol/openid-connect/token | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get(sys.argv[1]))" "$1"; }
now() { date +%s.%N; }
seconds() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

# Runs one export through $app and prints its seconds as the server measured them (requested → ended).
export_seconds() {
  local format="$1" bob id status
  bob="$(token bob)"
  id="$(curl -fsS -H "Authorization: Bearer $bob" -H 'Content-Type: application/json' -X POST "$app/exports" \
    -d "{\"source\": \"bench-contacts\", \"format\": \"$format\"}" | field id)"
  while status="$(curl -fsS -H "Authorization: Bearer $bob" "$app/exports/$id")" \
      && [[ "$(field status <<<"$status")" == PROCESSING ]]; do sleep 0.2; done
  [[ "$(field status <<<"$status")" == COMPLETED ]] || { echo "export $id ended: $status" >&2; exit 1; }
  python3 -c "
import json,sys; from datetime import datetime
d=json.loads(sys.argv[1]); p=lambda s: datetime.fromisoformat(s.replace('Z','+00:00'))
print(f\"{(p(d['endedAt'])-p(d['date'])).total_seconds():.3f}\")" "$status"
}
best_of_3() { local runs=(); export_seconds CSV >/dev/null; for _ in 1 2 3; do runs+=("$(export_seconds CSV)"); done
  echo "   runs: ${runs[*]} s" >&2; python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "${runs[@]}"; }

echo "== One node (export-audit.xml, no cluster): CSV of $rows contacts, best of 3"
rm -rf "$single" && cp -a "$wildfly/standalone" "$single" && rm -rf "$single/data" "$single/log" "$single/deployments"/*
cp ear/target/export-audit.ear "$single/deployments/"
setsid "$wildfly/bin/standalone.sh" -c export-audit.xml -b 127.0.0.1 -Djboss.server.base.dir="$single" \
  -Djboss.socket.binding.port-offset=500 -P="$root/server-config/demo.properties" \
  -P="$root/server-config/db/postgresql.properties" -Dexport-audit.db.url="jdbc:postgresql://127.0.0.1:5432/$database" \
  "${sources[@]}" >"$work/single-node.out" 2>&1 </dev/null &
single_pid=$!
app=http://127.0.0.1:8580/export-audit/api/v1
for _ in $(seq 1 180); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$app/me")" == 401 ]] && break; sleep 1; done
one_node="$(best_of_3)"
kill -TERM -- "-$single_pid"; while kill -0 "$single_pid" 2>/dev/null; do sleep 0.5; done; single_pid=""

echo "== Two nodes behind the balancer: the same export through 127.0.0.1:8080, best of 3"
bin/cluster start "$cluster" "$database" "${sources[@]}" >/dev/null
app=http://127.0.0.1:8080/export-audit/api/v1
two_nodes="$(best_of_3)"

echo "== kill -9 of the node running an XLSX export of $rows contacts"
bob="$(token bob)"
id="$(curl -fsS -H "Authorization: Bearer $bob" -H 'Content-Type: application/json' -X POST "$app/exports" \
  -d '{"source": "bench-contacts", "format": "XLSX"}' | field id)"
show() { curl -fsS -H "Authorization: Bearer $bob" "$app/exports/$id"; }
until [[ "$(show | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress"]["written"])')" -gt 0 ]]; do sleep 0.05; done
victim="$(show | field node)"
bin/cluster kill "$cluster" "$victim"
killed="$(now)"
until [[ "$(show | field node)" != "$victim" ]]; do sleep 0.1; done
taken_over="$(now)"; survivor="$(show | field node)"
while [[ "$(show | field status)" == PROCESSING ]]; do sleep 0.2; done
completed="$(now)"; outcome="$(show | field status)"
bin/cluster start-node "$cluster" "$victim" >/dev/null

echo "== kill -STOP of a node: a user whose session lives on it, meanwhile"
# The balancer routes by the session cookie's route (its suffix): this user's requests go to node-1.
stopped_node=node-1
pinned=(-H "Authorization: Bearer $(token bob)" -H "Cookie: JSESSIONID=bench.$stopped_node")
served_by() { curl -s -o /dev/null -D - --max-time 60 "${pinned[@]}" "$app/me" | tr -d '\r' | sed -n 's/^X-Export-Audit-Node: //Ip'; }
[[ "$(served_by)" == "$stopped_node" ]] || { echo "the pinned request did not reach $stopped_node" >&2; exit 1; }
kill -STOP -- "-$(cat "$cluster/$stopped_node.pid")"
stopped="$(now)"; longest=0; tries=0
while :; do
  tries=$((tries + 1))
  sent="$(now)"; node="$(served_by)"; took="$(seconds "$sent" "$(now)")"
  longest="$(python3 -c "import sys; print(max(float(sys.argv[1]), float(sys.argv[2])))" "$longest" "$took")"
  [[ -n "$node" && "$node" != "$stopped_node" ]] && break
done
answered="$(now)"; answered_by="$node"
kill -CONT -- "-$(cat "$cluster/$stopped_node.pid")"; stopped_node=""

cat <<REPORT

what                                                        seconds   ratio
CSV export, $rows rows, one node (baseline)              $(printf '%8.2f' "$one_node")    1.00
CSV export, $rows rows, two nodes through the balancer   $(printf '%8.2f' "$two_nodes") $(python3 -c "import sys; print(f'{float(sys.argv[2])/float(sys.argv[1]):7.2f}')" "$one_node" "$two_nodes")

kill -9 of $victim mid-export: taken over by $survivor after $(seconds "$killed" "$taken_over") s, $outcome after $(seconds "$killed" "$completed") s (goal: not PROCESSING more than 30 s after the kill: $(python3 -c "import sys; print('met' if float(sys.argv[2]) - float(sys.argv[1]) <= 30 else 'MISSED')" "$killed" "$taken_over"))
kill -STOP of node-1, a user whose session lives there: answered by $answered_by $(seconds "$stopped" "$answered") s after the stop ($tries requests, the longest $(printf '%.2f' "$longest") s; goal ≤ 15 s: $(python3 -c "import sys; print('met' if float(sys.argv[1]) <= 15 else 'MISSED')" "$(seconds "$stopped" "$answered")"))
REPORT
