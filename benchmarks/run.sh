#!/usr/bin/env bash
# Runs the benchmarks, siotls beside SunJSSE in the same run, on each JDK given as a JAVA_HOME
# (default: the default java, and Temurin 25 when installed), then writes docs/benchmarks.md and
# docs/benchmarks.png from the results. About 7 minutes per JDK on 2 cores; the end-to-end part
# needs wrk (Debian's wrk package).
set -euo pipefail
cd "$(dirname "$0")/.."

homes=("$@")
if [ ${#homes[@]} -eq 0 ]; then
  homes=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for candidate in /usr/lib/jvm/temurin-25-jdk-*; do
    [ -x "$candidate/bin/java" ] && homes+=("$candidate")
  done
fi

mvn -B -q -ntp install -DskipTests -pl benchmarks,samples/siotls-sample-mvc -am
mvn -B -q -ntp -f benchmarks/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
results=benchmarks/results
rm -rf "$results"
mkdir -p "$results"

for home in "${homes[@]}"; do
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}' | cut -d. -f1)
  out="$results/jdk$version"
  mkdir -p "$out"
  echo "== JDK $version ($home)"
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main HandshakeBenchmark BulkBenchmark \
      -f 1 -wi 2 -w 2s -i 5 -r 2s -prof gc -rf csv -rff "$out/jmh.csv" | tee "$out/jmh.log" | grep -E '^(Benchmark|Handshake|Bulk)' || true
  "$home/bin/java" -Xmx1g -cp "$classpath" io.siotls.benchmarks.IdleConnectionMemory 2000 | tee "$out/memory.txt"
  bash benchmarks/e2e.sh "$home" "$out/e2e.txt"
done

java -Djava.awt.headless=true -cp "$classpath" io.siotls.benchmarks.BenchmarkReport "$results" docs
echo "wrote docs/benchmarks.md and docs/benchmarks.png"
