#!/usr/bin/env bash
# Runs the benchmarks, siotls beside SunJSSE in the same run, on each JDK given as a JAVA_HOME
# (default: the default java, and Temurin 25 when installed), then writes docs/benchmarks.md and
# docs/benchmarks.png from the results:
#   bash benchmarks/run.sh [--quick] [JAVA_HOME...]
# BoringSSL (Netty's OpenSSL engine) runs beside on every JDK, BouncyCastle's JSSE on the first.
# EngineCreationBenchmark (siotls alone: what a server pays per accepted engine) writes
# engine-creation.csv beside jmh.csv; PostQuantumHandshakeBenchmark and MlKemBenchmark write pq*.csv
# and mlkem.csv; ResumedHandshakeBenchmark, with the full handshakes of the same chain, resumed.csv.
# The handshake benchmarks run two forks, each warmed up for 10 s before 10 s are
# measured, so that the report can tell a target met from a measurement too coarse to say
# (docs/benchmarks.md, "Handshake targets"): an estimated 45 minutes on 2 cores. --quick runs one short
# fork of everything (a few minutes, for development: its errors are too wide to judge by). The
# end-to-end part (benchmarks/e2e.sh) needs h2load (Debian's nghttp2-client package).
set -euo pipefail
cd "$(dirname "$0")/.."

handshake_runs="-f 2 -wi 5 -w 2s -i 5 -r 2s"
short_runs="-f 2 -wi 3 -w 1s -i 5 -r 1s"
if [ "${1:-}" = "--quick" ]; then
  shift
  handshake_runs="-f 1 -wi 2 -w 1s -i 3 -r 1s"
  short_runs="-f 1 -wi 1 -w 1s -i 3 -r 1s"
fi

homes=("$@")
if [ ${#homes[@]} -eq 0 ]; then
  homes=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for candidate in /usr/lib/jvm/temurin-25-jdk-*; do
    [ -x "$candidate/bin/java" ] && homes+=("$candidate")
  done
fi

# Built in the reactor, its modules' jars resolved from their target folders: nothing of
# io.siotls is installed into ~/.m2.
mvn -B -q -ntp package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
    -pl benchmarks,samples/siotls-sample-mvc -am
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
sample_classpath="samples/siotls-sample-mvc/target/classes:$(cat samples/siotls-sample-mvc/target/classpath.txt)"
results=benchmarks/results
rm -rf "$results"
mkdir -p "$results"

implementations=SIOTLS,SUNJSSE,BCJSSE,BORINGSSL
heap_implementations=SIOTLS,SUNJSSE,BCJSSE
started=$SECONDS
for home in "${homes[@]}"; do
  jdk_started=$SECONDS
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}' | cut -d. -f1)
  out="$results/jdk$version"
  mkdir -p "$out"
  echo "== JDK $version ($home)"
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main '\.HandshakeBenchmark\.' \
      -p implementation="$implementations" $handshake_runs -prof gc -rf csv -rff "$out/jmh-handshake.csv" \
      | tee "$out/jmh-handshake.log" | grep -E '^(Benchmark|Handshake)' || true
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main BulkBenchmark JcaAeadBenchmark \
      -p implementation="$implementations" $short_runs -prof gc -rf csv -rff "$out/jmh-bulk.csv" \
      | tee "$out/jmh-bulk.log" | grep -E '^(Benchmark|Bulk|JcaAead)' || true
  # X25519MLKEM768 beside x25519 (siotls, and BoringSSL where it runs), SunJSSE's x25519 for scale,
  # and ML-KEM-768 alone on BouncyCastle and, from JDK 24, on the JDK's KEM.
  pq_implementations=SIOTLS
  [[ $implementations == *BORINGSSL* ]] && pq_implementations=SIOTLS,BORINGSSL
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main PostQuantumHandshakeBenchmark \
      -p implementation="$pq_implementations" $handshake_runs -prof gc -rf csv -rff "$out/pq.csv" \
      | tee "$out/pq.log" | grep -E '^(Benchmark|PostQuantum)' || true
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main PostQuantumHandshakeBenchmark \
      -p implementation=SUNJSSE -p group=x25519 $handshake_runs -prof gc -rf csv \
      -rff "$out/pq-sunjsse.csv" | tee "$out/pq-sunjsse.log" | grep -E '^(Benchmark|PostQuantum)' || true
  kem_backends=BOUNCYCASTLE
  [ "$version" -ge 24 ] && kem_backends=BOUNCYCASTLE,JDK
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main MlKemBenchmark -p backend="$kem_backends" \
      $short_runs -rf csv -rff "$out/mlkem.csv" | tee "$out/mlkem.log" \
      | grep -E '^(Benchmark|MlKem)' || true
  # resumed handshakes beside the full ones of the same ECDSA P-256 chain: siotls and SunJSSE, every
  # handshake checked to have resumed (BouncyCastle's JSSE and BoringSSL do not resume through this setup)
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main 'ResumedHandshakeBenchmark|\.HandshakeBenchmark\.fullHandshake' \
      -p implementation=SIOTLS,SUNJSSE -p chain=EC_P256 -p mutual=false $handshake_runs -prof gc \
      -rf csv -rff "$out/resumed.csv" | tee "$out/resumed.log" | grep -E '^(Benchmark|ResumedHandshake|HandshakeBenchmark)' || true
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main EngineCreationBenchmark \
      $short_runs -prof gc -rf csv -rff "$out/engine-creation.csv" \
      | tee "$out/engine-creation.log" | grep -E '^(Benchmark|EngineCreation)' || true
  "$home/bin/java" -Xmx1g -cp "$classpath" io.siotls.benchmarks.IdleConnectionMemory 2000 "$heap_implementations" \
      | tee "$out/memory.txt"
  bash benchmarks/e2e.sh "$home" "$out/e2e.txt" "$sample_classpath"
  implementations=SIOTLS,SUNJSSE,BORINGSSL
  heap_implementations=SIOTLS,SUNJSSE
  echo "== JDK $version took $(( (SECONDS - jdk_started) / 60 )) min $(( (SECONDS - jdk_started) % 60 )) s" \
    | tee "$out/duration.txt"
done

java -Djava.awt.headless=true -cp "$classpath" io.siotls.benchmarks.BenchmarkReport "$results" docs
echo "wrote docs/benchmarks.md and docs/benchmarks.png; run.sh took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
