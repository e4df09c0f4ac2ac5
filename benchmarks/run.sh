#!/usr/bin/env bash
# Runs the benchmarks, siotls beside SunJSSE in the same run, on each JDK given as a JAVA_HOME
# (default: the default java, and Temurin 25 when installed), then writes docs/benchmarks.md and
# docs/benchmarks.png from the results:
#   bash benchmarks/run.sh [--quick] [JAVA_HOME...]
# BoringSSL (Netty's OpenSSL engine) runs beside on every JDK, BouncyCastle's JSSE on the first.
# Per JDK, in benchmarks/results/jdkN: each JMH run's console log (NAME.log) and, for the solo
# runs, its CSV: jmh-*.csv (handshakes, bulk), pq*.csv and mlkem.csv (post-quantum), resumed.csv,
# engine-creation.csv (siotls alone: what a server pays per accepted engine); memory.txt, e2e.txt.
# Every speed target is judged from a paired benchmark (Paired*Benchmark: siotls and the reference
# taking turns on one thread, each handshake timed apart), whose per-iteration ratios hold still
# while this shared machine's speed moves by a third from one minute to the next; the solo
# benchmarks beside them give each implementation's own rate and allocation, for scale. Paired runs:
# two forks, each warmed up for 8 s before 6 iterations of 1 s are measured; solo runs: two shorter
# forks. About 40 minutes on 2 cores for two JDKs. --quick runs one short fork of everything (a few
# minutes, for development: its errors are too wide to judge by). The end-to-end part
# (benchmarks/e2e.sh) needs h2load (Debian's nghttp2-client package).
set -euo pipefail
cd "$(dirname "$0")/.."

paired_runs="-f 2 -wi 4 -w 2s -i 6 -r 1s"
paired_bulk_runs="-f 2 -wi 4 -w 1s -i 4 -r 1s"
solo_runs="-f 2 -wi 2 -w 1s -i 3 -r 1s"
short_runs="-f 2 -wi 1 -w 1s -i 2 -r 1s"
if [ "${1:-}" = "--quick" ]; then
  shift
  paired_runs="-f 1 -wi 2 -w 1s -i 3 -r 1s"
  paired_bulk_runs="-f 1 -wi 1 -w 1s -i 2 -r 1s"
  solo_runs="-f 1 -wi 1 -w 1s -i 2 -r 1s"
  short_runs="-f 1 -wi 1 -w 1s -i 2 -r 1s"
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
# jmh NAME [JMH ARGUMENTS...]: one JMH run on $home, its console log kept as $out/NAME.log
jmh() {
  local name=$1
  shift
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main "$@" | tee "$out/$name.log" \
    | grep -E '^[A-Z][A-Za-z]*Benchmark\.|^Benchmark ' || true
}

started=$SECONDS
for home in "${homes[@]}"; do
  jdk_started=$SECONDS
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}' | cut -d. -f1)
  out="$results/jdk$version"
  mkdir -p "$out"
  echo "== JDK $version ($home)"
  # the speed targets: siotls and the reference taking turns (BouncyCastle's JSSE is no target)
  jmh paired-handshake PairedHandshakeBenchmark -p reference=BORINGSSL $paired_runs
  jmh paired-handshake-sunjsse PairedHandshakeBenchmark -p reference=SUNJSSE -p chain=EC_P256 $paired_runs
  jmh paired-pq PairedPostQuantumBenchmark $paired_runs
  jmh paired-resumed PairedResumptionBenchmark $paired_runs
  jmh paired-bulk PairedBulkBenchmark $paired_bulk_runs
  # each implementation alone: its rate, and its allocation per operation
  jmh jmh-handshake '\.HandshakeBenchmark\.' -p implementation="$implementations" $solo_runs -prof gc \
      -rf csv -rff "$out/jmh-handshake.csv"
  jmh jmh-bulk BulkBenchmark JcaAeadBenchmark -p implementation="$implementations" $short_runs -prof gc \
      -rf csv -rff "$out/jmh-bulk.csv"
  # X25519MLKEM768 beside x25519 (siotls, and BoringSSL where it runs), SunJSSE's x25519 for scale,
  # and ML-KEM-768 alone on BouncyCastle and, from JDK 24, on the JDK's KEM.
  pq_implementations=SIOTLS
  [[ $implementations == *BORINGSSL* ]] && pq_implementations=SIOTLS,BORINGSSL
  jmh pq PostQuantumHandshakeBenchmark -p implementation="$pq_implementations" $solo_runs -prof gc \
      -rf csv -rff "$out/pq.csv"
  jmh pq-sunjsse PostQuantumHandshakeBenchmark -p implementation=SUNJSSE -p group=x25519 $solo_runs -prof gc \
      -rf csv -rff "$out/pq-sunjsse.csv"
  kem_backends=BOUNCYCASTLE
  [ "$version" -ge 24 ] && kem_backends=BOUNCYCASTLE,JDK
  jmh mlkem MlKemBenchmark -p backend="$kem_backends" $short_runs -rf csv -rff "$out/mlkem.csv"
  # resumed handshakes, siotls and SunJSSE, every one checked to have resumed (BouncyCastle's JSSE and
  # BoringSSL do not resume through this setup); the full ones beside them are HandshakeBenchmark's
  jmh resumed ResumedHandshakeBenchmark $solo_runs -prof gc -rf csv -rff "$out/resumed.csv"
  jmh engine-creation EngineCreationBenchmark $short_runs -prof gc -rf csv -rff "$out/engine-creation.csv"
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
