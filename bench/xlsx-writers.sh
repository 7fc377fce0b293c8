#!/usr/bin/env bash
# Our XLSX writer beside fastexcel and Apache POI SXSSF on the same rows (bench/XlsxWriterBench.java):
#   bench/xlsx-writers.sh           1,000,000 rows (best of 3, each writer in a fresh JVM with -Xmx512m),
#                                   then 5,000,000 rows once per writer: does it finish in 512 MB?
#   bench/xlsx-writers.sh --quick   100,000 rows, deflate level 1 only, no 5,000,000-row run (under a minute)
# Prints one table. Maven's options (e.g. -o -Dmaven.repo.local=…) can be given in MAVEN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version_fastexcel=0.20.2 # the newest on Maven Central, 2026-11
lib="$root/target/bench/lib"
classpath_file="$root/target/bench/xlsx-writers.classpath"
mkdir -p "$lib"
./mvnw -B -q -pl ejb-module compile # benches the writer as it is in the work tree, not an older build
for artifact in org.dhatim:fastexcel:$version_fastexcel com.github.rzymek:opczip:1.2.0; do
  IFS=: read -r _ name version <<<"$artifact"
  [[ -f "$lib/$name-$version.jar" ]] || ./mvnw -B -q -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$lib"
done
# POI (poi-ooxml and what it needs) is the ejb-module's test classpath.
[[ -s "$classpath_file" && "$classpath_file" -nt ejb-module/pom.xml ]] \
  || ./mvnw -B -q -pl ejb-module dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
classpath="ejb-module/target/classes:$lib/fastexcel-$version_fastexcel.jar:$lib/opczip-1.2.0.jar:$(cat "$classpath_file")"
exec java -cp "$classpath" bench/XlsxWriterBench.java "$@"
