#!/usr/bin/env bash
# End to end: requests per second on the MVC sample (Tomcat) with wrk, our engine against the
# JDK's (siotls.implementation=jsse), keep-alive and one connection per request (a full TLS 1.3
# handshake each). Usage: e2e.sh JAVA_HOME OUTPUT_FILE. Run from the repository root after
# `mvn install`; wrk comes from Debian's wrk package.
set -euo pipefail
home=$1
out=$2
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
mvn -B -q -ntp -f samples/siotls-sample-mvc/pom.xml dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
classpath="samples/siotls-sample-mvc/target/classes:$(cat samples/siotls-sample-mvc/target/classpath.txt)"
port=18443
: > "$out"
for implementation in siotls jsse; do
  "$home/bin/java" -cp "$classpath" io.siotls.samples.mvc.MvcSampleApplication --server.port=$port \
      --server.http2.enabled=false --siotls.implementation=$implementation --siotls.server.client-auth=none \
      --siotls.dev-certificates.directory=benchmarks/target/dev-certificates --logging.level.root=warn \
      > "benchmarks/target/e2e-$implementation.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do
    curl -sk -o /dev/null "https://localhost:$port/" && break
    sleep 1
  done
  wrk -t1 -c16 -d3s "https://localhost:$port/" > /dev/null
  keepalive=$(wrk -t1 -c16 -d8s "https://localhost:$port/" | awk '/Requests\/sec/{print $2}')
  close=$(wrk -t1 -c16 -d8s -H "Connection: close" "https://localhost:$port/" | awk '/Requests\/sec/{print $2}')
  kill "$server"
  wait "$server" 2>/dev/null || true
  name=$([ "$implementation" = siotls ] && echo SIOTLS || echo SUNJSSE)
  echo "e2e $name keep-alive $keepalive" | tee -a "$out"
  echo "e2e $name connection-per-request $close" | tee -a "$out"
done
