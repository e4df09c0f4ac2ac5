#!/usr/bin/env bash
# End to end: the MVC sample (embedded Tomcat, HTTP/2, no client certificate) under h2load, our
# engine beside the JDK's (siotls.implementation=jsse), each measured in three rounds:
#   keep-alive       requests/s over 16 connections, 10 streams each;
#   new-connection   connections/s, one request per connection (a full TLS 1.3 handshake each),
#                    in batches of 100 concurrent connections;
#   cpu-per-connection the server process's own CPU time (utime + stime, /proc) per new
#                    connection (its handshake and its one request), in microseconds.
# Writes `e2e <SIOTLS|SUNJSSE> <measure> <round> <value>` lines to OUTPUT_FILE.
# Usage: e2e.sh JAVA_HOME OUTPUT_FILE [SAMPLE_CLASSPATH], from the repository root; without a class
# path the reactor builds the sample and gives its own. h2load comes from Debian's nghttp2-client
# package.
set -euo pipefail
home=$1
out=$2
classpath=${3:-}
rounds=3
batches=30
command -v h2load >/dev/null || { echo "h2load is not installed (apt-get install nghttp2-client)" >&2; exit 1; }
if [ -z "$classpath" ]; then
  mvn -B -q -ntp package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
      -pl samples/siotls-sample-mvc -am
  classpath="samples/siotls-sample-mvc/target/classes:$(cat samples/siotls-sample-mvc/target/classpath.txt)"
fi
port=18443
url="https://localhost:$port/"
ticks=$(getconf CLK_TCK)
mkdir -p benchmarks/target

# The CPU time the process has used, in clock ticks: its utime and stime (proc(5), fields 14, 15).
cpu_ticks() {
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}

# Requests h2load saw succeed, from its "requests: N total, ... M succeeded" line.
succeeded() {
  awk '/^requests:/ { for (i = 1; i <= NF; i++) if ($(i + 1) ~ /^succeeded/) print $i }'
}

: > "$out"
for implementation in siotls jsse; do
  name=$([ "$implementation" = siotls ] && echo SIOTLS || echo SUNJSSE)
  "$home/bin/java" -cp "$classpath" io.siotls.samples.mvc.MvcSampleApplication --server.port=$port \
      --siotls.implementation=$implementation --siotls.server.client-auth=none \
      --siotls.dev-certificates.directory=benchmarks/target/dev-certificates --logging.level.root=warn \
      > "benchmarks/target/e2e-$implementation.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 90); do
    curl -sk -o /dev/null "$url" && break
    sleep 1
  done
  curl -sk -o /dev/null "$url" || { echo "the sample did not start: benchmarks/target/e2e-$implementation.log" >&2; exit 1; }
  # Warm-up: both paths, until the JIT has compiled them.
  h2load -n 20000 -c 16 -m 10 "$url" > /dev/null
  for _ in $(seq 1 20); do h2load -n 100 -c 100 -m 1 "$url" > /dev/null; done
  for round in $(seq 1 "$rounds"); do
    rate=$(h2load -n 40000 -c 16 -m 10 "$url" | awk '/^finished in/ { print $4 }')
    echo "e2e $name keep-alive $round $rate" | tee -a "$out"
    done_total=0
    cpu_before=$(cpu_ticks "$server")
    start=$(date +%s.%N)
    for _ in $(seq 1 "$batches"); do
      count=$(h2load -n 100 -c 100 -m 1 "$url" | succeeded)
      done_total=$((done_total + count))
    done
    end=$(date +%s.%N)
    cpu_after=$(cpu_ticks "$server")
    [ "$done_total" -gt 0 ] || { echo "no new connection succeeded against $implementation" >&2; exit 1; }
    awk -v name="$name" -v round="$round" -v n="$done_total" -v seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
        -v cpu=$((cpu_after - cpu_before)) -v ticks="$ticks" 'BEGIN {
          printf "e2e %s new-connection %d %.1f\n", name, round, n / seconds
          printf "e2e %s cpu-per-connection %d %.1f\n", name, round, cpu * 1000000 / ticks / n
        }' | tee -a "$out"
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  trap - EXIT
done
