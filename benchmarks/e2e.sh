#!/usr/bin/env bash
# End to end: the MVC sample (embedded Tomcat, HTTP/2, no client certificate) under h2load, our
# engine beside the JDK's (siotls.implementation=jsse). Both servers run side by side and every
# round measures both, the order alternating from one round to the next, so that load from
# elsewhere on the machine weighs on both alike. Each round, for each implementation:
#   keep-alive         HTTP/2 requests/s over 16 connections, 10 streams each;
#   cpu-per-request    the server process's own CPU time (utime + stime, /proc) per keep-alive
#                      HTTP/2 request, in microseconds: unlike a rate, hardly moved by other
#                      processes taking the CPU;
#   keep-alive-http1   the same requests over HTTP/1.1 (h2load --h1), 16 connections, 10 in
#                      flight each: what the TLS engine costs apart from HTTP/2 framing;
#   new-connection     connections/s, one request per connection (a full TLS 1.3 handshake each),
#                      in batches of 100 concurrent connections;
#   cpu-per-connection the server's CPU time per new connection (its handshake and its one
#                      request), in microseconds.
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
requests=40000
command -v h2load >/dev/null || { echo "h2load is not installed (apt-get install nghttp2-client)" >&2; exit 1; }
if [ -z "$classpath" ]; then
  mvn -B -q -ntp package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
      -pl samples/siotls-sample-mvc -am
  classpath="samples/siotls-sample-mvc/target/classes:$(cat samples/siotls-sample-mvc/target/classpath.txt)"
fi
declare -A port=([siotls]=18443 [jsse]=18444)
declare -A name=([siotls]=SIOTLS [jsse]=SUNJSSE)
declare -A server=()
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

# h2load's requests/s, from its "finished in T, R req/s" line.
rate() {
  awk '/^finished in/ { print $4 }'
}

stop_servers() {
  for pid in "${server[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${server[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# One server after the other: the second finds the development certificates the first made.
for implementation in siotls jsse; do
  "$home/bin/java" -cp "$classpath" io.siotls.samples.mvc.MvcSampleApplication --server.port=${port[$implementation]} \
      --siotls.implementation=$implementation --siotls.server.client-auth=none \
      --siotls.dev-certificates.directory=benchmarks/target/dev-certificates --logging.level.root=warn \
      > "benchmarks/target/e2e-$implementation.log" 2>&1 &
  server[$implementation]=$!
  url="https://localhost:${port[$implementation]}/"
  for _ in $(seq 1 90); do
    curl -sk -o /dev/null "$url" && break
    sleep 1
  done
  curl -sk -o /dev/null "$url" || { echo "the sample did not start: benchmarks/target/e2e-$implementation.log" >&2; exit 1; }
done

# Warm-up: every path of both servers, until the JIT has compiled them (after 20,000 requests
# the CPU time per request was still twice its steady value).
for implementation in siotls jsse; do
  url="https://localhost:${port[$implementation]}/"
  for _ in 1 2 3 4; do
    h2load -n "$requests" -c 16 -m 10 "$url" > /dev/null
    h2load -n "$requests" -c 16 -m 10 --h1 "$url" > /dev/null
    for _ in $(seq 1 10); do h2load -n 100 -c 100 -m 1 "$url" > /dev/null; done
  done
done

: > "$out"
for round in $(seq 1 "$rounds"); do
  order=$([ $((round % 2)) = 1 ] && echo "siotls jsse" || echo "jsse siotls")
  for implementation in $order; do
    pid=${server[$implementation]}
    url="https://localhost:${port[$implementation]}/"
    cpu_before=$(cpu_ticks "$pid")
    keep_alive=$(h2load -n "$requests" -c 16 -m 10 "$url" | rate)
    cpu_after=$(cpu_ticks "$pid")
    http1=$(h2load -n "$requests" -c 16 -m 10 --h1 "$url" | rate)
    awk -v name="${name[$implementation]}" -v round="$round" -v rate="$keep_alive" -v http1="$http1" -v n="$requests" \
        -v cpu=$((cpu_after - cpu_before)) -v ticks="$ticks" 'BEGIN {
          printf "e2e %s keep-alive %d %s\n", name, round, rate
          printf "e2e %s cpu-per-request %d %.1f\n", name, round, cpu * 1000000 / ticks / n
          printf "e2e %s keep-alive-http1 %d %s\n", name, round, http1
        }' | tee -a "$out"
    done_total=0
    cpu_before=$(cpu_ticks "$pid")
    start=$(date +%s.%N)
    for _ in $(seq 1 "$batches"); do
      count=$(h2load -n 100 -c 100 -m 1 "$url" | succeeded)
      done_total=$((done_total + count))
    done
    end=$(date +%s.%N)
    cpu_after=$(cpu_ticks "$pid")
    [ "$done_total" -gt 0 ] || { echo "no new connection succeeded against $implementation" >&2; exit 1; }
    awk -v name="${name[$implementation]}" -v round="$round" -v n="$done_total" -v seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
        -v cpu=$((cpu_after - cpu_before)) -v ticks="$ticks" 'BEGIN {
          printf "e2e %s new-connection %d %.1f\n", name, round, n / seconds
          printf "e2e %s cpu-per-connection %d %.1f\n", name, round, cpu * 1000000 / ticks / n
        }' | tee -a "$out"
  done
done
