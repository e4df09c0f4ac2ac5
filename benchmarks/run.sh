#!/usr/bin/env bash
# Runs the benchmarks, siotls beside SunJSSE in the same run, on each JDK given as a JAVA_HOME
# (default: the default java, and Temurin 25 when installed), then writes docs/benchmarks.md and
# docs/benchmarks.png from the results. On the first JDK BouncyCastle's JSSE and BoringSSL (Netty's
# OpenSSL engine) run beside as well. EngineCreationBenchmark (siotls alone: what a server pays per
# accepted engine) writes engine-creation.csv beside jmh.csv; PostQuantumHandshakeBenchmark and
# MlKemBenchmark write pq*.csv and mlkem.csv; ResumedHandshakeBenchmark, with the full handshakes of
# the same chain, resumed.csv. About 35 minutes in all on 2 cores;
# the end-to-end part needs wrk (Debian's wrk package).
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

implementations=SIOTLS,SUNJSSE,BCJSSE,BORINGSSL
heap_implementations=SIOTLS,SUNJSSE,BCJSSE
for home in "${homes[@]}"; do
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version = /{print $2}' | cut -d. -f1)
  out="$results/jdk$version"
  mkdir -p "$out"
  echo "== JDK $version ($home)"
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main '\.HandshakeBenchmark\.' BulkBenchmark JcaAeadBenchmark \
      -p implementation="$implementations" -f 1 -wi 1 -w 1s -i 5 -r 1s -prof gc -rf csv -rff "$out/jmh.csv" \
      | tee "$out/jmh.log" | grep -E '^(Benchmark|Handshake|Bulk|JcaAead)' || true
  # X25519MLKEM768 beside x25519 (siotls, and BoringSSL where it runs), SunJSSE's x25519 for scale,
  # and ML-KEM-768 alone on BouncyCastle and, from JDK 24, on the JDK's KEM.
  pq_implementations=SIOTLS
  [[ $implementations == *BORINGSSL* ]] && pq_implementations=SIOTLS,BORINGSSL
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main PostQuantumHandshakeBenchmark \
      -p implementation="$pq_implementations" -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc -rf csv -rff "$out/pq.csv" \
      | tee "$out/pq.log" | grep -E '^(Benchmark|PostQuantum)' || true
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main PostQuantumHandshakeBenchmark \
      -p implementation=SUNJSSE -p group=x25519 -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc -rf csv \
      -rff "$out/pq-sunjsse.csv" | tee "$out/pq-sunjsse.log" | grep -E '^(Benchmark|PostQuantum)' || true
  kem_backends=BOUNCYCASTLE
  [ "$version" -ge 24 ] && kem_backends=BOUNCYCASTLE,JDK
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main MlKemBenchmark -p backend="$kem_backends" \
      -f 3 -wi 5 -w 1s -i 10 -r 1s -rf csv -rff "$out/mlkem.csv" | tee "$out/mlkem.log" \
      | grep -E '^(Benchmark|MlKem)' || true
  # resumed handshakes beside the full ones of the same ECDSA P-256 chain: siotls and SunJSSE, every
  # handshake checked to have resumed (BouncyCastle's JSSE and BoringSSL do not resume through this setup)
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main 'ResumedHandshakeBenchmark|\.HandshakeBenchmark\.fullHandshake' \
      -p implementation=SIOTLS,SUNJSSE -p chain=EC_P256 -p mutual=false -f 2 -wi 5 -w 2s -i 5 -r 2s -prof gc \
      -rf csv -rff "$out/resumed.csv" | tee "$out/resumed.log" | grep -E '^(Benchmark|ResumedHandshake|HandshakeBenchmark)' || true
  "$home/bin/java" -cp "$classpath" org.openjdk.jmh.Main EngineCreationBenchmark \
      -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc -rf csv -rff "$out/engine-creation.csv" \
      | tee "$out/engine-creation.log" | grep -E '^(Benchmark|EngineCreation)' || true
  "$home/bin/java" -Xmx1g -cp "$classpath" io.siotls.benchmarks.IdleConnectionMemory 2000 "$heap_implementations" \
      | tee "$out/memory.txt"
  bash benchmarks/e2e.sh "$home" "$out/e2e.txt"
  implementations=SIOTLS,SUNJSSE
  heap_implementations=SIOTLS,SUNJSSE
done

java -Djava.awt.headless=true -cp "$classpath" io.siotls.benchmarks.BenchmarkReport "$results" docs
echo "wrote docs/benchmarks.md and docs/benchmarks.png"
