#!/usr/bin/env bash
# Runs tlsfuzzer's TLS 1.3 scripts, the conformance suite OpenSSL and GnuTLS run, against our
# servers (docs/conformance.md):
#   bash scripts/conformance.sh [--target jsse|tomcat|openssl|gnutls|all]... [--subset ci|full]
#                               [--only SCRIPT...] [--logs DIR] [--timeout SECONDS]
# Targets: jsse (`siotls server --www`, the CLI on our JSSE provider), tomcat (siotls-sample-mvc on
# embedded Tomcat), and for comparison openssl (`openssl s_server -www`) and gnutls
# (`gnutls-serv --http`, run in a private network namespace as it cannot listen on loopback only);
# all = jsse and tomcat. Each script's arguments per target, or why it does not apply, are in
# scripts/conformance/scripts.tsv. Builds the jars it needs (offline when it can), makes its test
# certificates in a temporary directory, serves on 127.0.0.1 only, writes each script's output to
# DIR/<target>/<script>.log (default target/conformance), prints a table and `N passed, M failed`
# (scripts as the unit) and exits 1 on any failure.
# Environment: TLSFUZZER_DIR, the folder holding tlsfuzzer/, tlslite-ng/ and python-ecdsa/
# (default: ../shared/tlsfuzzer next to the repository); KYBER_PY_DIR, a kyber-py checkout for
# test-tls13-mlkem, else that folder's kyber-py/, else our kyber_py on @noble/post-quantum, which
# needs node and npm (it runs `npm ci` in scripts/conformance/mlkem when needed).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
expectations=$root/scripts/conformance/scripts.tsv

# Every TLS 1.3 group and suite siotls implements: the classic groups in OpenSSL 3.0's default
# order, then the post-quantum ones (last, so that the classic scripts meet the server they always
# met: x25519 its first choice); the CCM suites last.
GROUPS_ALL=x25519,secp256r1,x448,secp521r1,secp384r1,ffdhe2048,ffdhe3072,ffdhe4096,ffdhe6144,ffdhe8192,X25519MLKEM768,SecP256r1MLKEM768,SecP384r1MLKEM1024,MLKEM512,MLKEM768,MLKEM1024
SUITES_ALL=TLS_AES_256_GCM_SHA384,TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256,TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256
# Every scheme TLS 1.3 allows in a CertificateVerify that siotls verifies: the server asks for these.
SIGALGS_ALL=ed25519,ed448,ecdsa_secp256r1_sha256,ecdsa_secp384r1_sha384,ecdsa_secp521r1_sha512,rsa_pss_rsae_sha256,rsa_pss_rsae_sha384,rsa_pss_rsae_sha512,rsa_pss_pss_sha256,rsa_pss_pss_sha384,rsa_pss_pss_sha512
PROFILES=(rsa echo early ecdsa ed25519 rsapss mtls pha psk)
# The external PSK of the psk profile (RFC 8446 §4.2.11; SHA-256, as tlsfuzzer's scripts and
# OpenSSL's -psk use by default): {psk} and {psk-identity} in scripts.tsv.
PSK_HEX=9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9
PSK_IDENTITY=conformance
# tlsfuzzer's pure-Python AES takes longer than the default 10 s handshake limit to send a Finished
# padded to 16 MiB (test-tls13-finished): the servers allow three minutes, as OpenSSL has no limit.
HANDSHAKE_TIMEOUT=180

usage() {
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit "${1:-2}"
}

targets=()
subset=full
only=()
logs=$root/target/conformance
script_timeout=1200
in_netns=
while [ $# -gt 0 ]; do
  case $1 in
    --target)
      case ${2:-} in
        all) targets+=(jsse tomcat) ;;
        jsse|tomcat|openssl|gnutls) targets+=("$2") ;;
        *) usage ;;
      esac
      shift ;;
    --subset)
      case ${2:-} in ci|full) subset=$2 ;; *) usage ;; esac
      shift ;;
    --only)
      while [ $# -gt 1 ] && [[ $2 != --* ]]; do
        name=${2%.py}; name=${name//_/-}; name=${name#test-tls13-}
        only+=("test-tls13-$name")
        shift
      done ;;
    --logs) logs=$(mkdir -p "${2:?}" && cd "$2" && pwd); shift ;;
    --timeout) script_timeout=${2:?}; shift ;;
    --in-netns) in_netns=1 ;;  # internal: this run is the gnutls one, inside its own network namespace
    -h|--help) usage 0 ;;
    *) usage ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=(jsse)

# ---- prerequisites ----------------------------------------------------------------------------

TF=${TLSFUZZER_DIR:-$root/../shared/tlsfuzzer}
if [ ! -d "$TF/tlsfuzzer/tlsfuzzer/_apps" ]; then
  echo "tlsfuzzer not found in $TF: set TLSFUZZER_DIR to the folder holding tlsfuzzer/, tlslite-ng/ and python-ecdsa/" >&2
  exit 2
fi
TF=$(cd "$TF" && pwd)
export PYTHONPATH=$TF/tlsfuzzer:$TF/tlslite-ng:$TF/python-ecdsa/src
# kyber-py (pure-Python ML-KEM), which tlslite needs for test-tls13-mlkem: KYBER_PY_DIR or
# $TF/kyber-py when either holds a checkout of github.com/GiacomoPope/kyber-py (v1.2), else our
# kyber_py (scripts/conformance/pylib), kyber-py's API on @noble/post-quantum run by node, set up
# below once the scripts are known.
kyber_py=
for kyber in "${KYBER_PY_DIR:-}" "$TF/kyber-py"; do
  if [ -n "$kyber" ] && [ -d "$kyber/src/kyber_py" ]; then
    kyber_py=$(cd "$kyber/src" && pwd)
    break
  fi
done
if [ -n "$in_netns" ] && [ -z "$kyber_py" ]; then
  kyber_py=${CONFORMANCE_KYBER_PY:-}  # the gnutls run takes what the main run set up and checked
fi
[ -n "$kyber_py" ] && PYTHONPATH=$PYTHONPATH:$kyber_py
export PYTHONDONTWRITEBYTECODE=1  # the tlsfuzzer tree may be read-only
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 2; }
if ! python3 -c 'import six' 2>/dev/null; then
  if [ -n "${CI:-}" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-six >/dev/null
  fi
  python3 -c 'import six' 2>/dev/null || { echo "python3 needs six (Debian: apt-get install python3-six)" >&2; exit 2; }
fi

# Our kyber_py: installs its npm package (scripts/conformance/mlkem, pinned by its package-lock.json)
# when missing or older than the lock file, then runs its self-check, which proves it against
# published FIPS 203 vectors (scripts/conformance/pylib/test_kyber_py.py). Fails with the reason.
mlkem_dir=$root/scripts/conformance/mlkem
prepare_kyber_py() {
  local started=$SECONDS check_log=$logs/kyber_py-self-check.log
  command -v node >/dev/null || { echo "node (Node.js 20.19 or later) is not on the PATH" >&2; return 1; }
  command -v npm >/dev/null || { echo "npm is not on the PATH" >&2; return 1; }
  if [ ! -f "$mlkem_dir/node_modules/.package-lock.json" ] \
    || [ "$mlkem_dir/package-lock.json" -nt "$mlkem_dir/node_modules/.package-lock.json" ]; then
    echo "== npm ci in $mlkem_dir (@noble/post-quantum for kyber_py)" >&2
    npm ci --prefix "$mlkem_dir" --no-audit --no-fund --loglevel=error >&2 \
      || { echo "npm ci in $mlkem_dir failed" >&2; return 1; }
  fi
  mkdir -p "$logs"
  if ! python3 -W ignore::DeprecationWarning "$root/scripts/conformance/pylib/test_kyber_py.py" > "$check_log" 2>&1; then
    tail -n 30 "$check_log" >&2
    echo "the self-check of kyber_py failed: $check_log" >&2
    return 1
  fi
  echo "== kyber_py on @noble/post-quantum: self-check passed in $((SECONDS - started)) s" >&2
}

has_target() {
  local t
  for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
  return 1
}

cli_jar=$root/samples/siotls-cli/target/siotls.jar
mvc_jar=$root/samples/siotls-sample-mvc/target/siotls-sample-mvc-0.1.0-SNAPSHOT.jar
build() {
  local modules=()
  has_target jsse && modules+=(samples/siotls-cli)
  has_target tomcat && modules+=(samples/siotls-sample-mvc)
  [ ${#modules[@]} -gt 0 ] || return 0
  local list
  list=$(IFS=,; echo "${modules[*]}")
  echo "== building $list" >&2
  mvn -B -q -ntp -o -pl "$list" -am package -DskipTests >/dev/null 2>&1 \
    || mvn -B -q -ntp -pl "$list" -am package -DskipTests \
    || { echo "the build failed" >&2; exit 2; }
}

# ---- test certificates ------------------------------------------------------------------------

# Self-signed server certificates (tlsfuzzer does not verify them) of each key type, and client
# certificates of each key type issued by one client CA the mutual-TLS servers trust.
make_certificates() {
  local dir=$1 kind
  (
    cd "$dir" || exit 1
    key() {
      case $2 in
        rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
        rsapss) openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out "$1" ;;
        ecdsa) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" ;;
        ed25519) openssl genpkey -algorithm ED25519 -out "$1" ;;
      esac
    }
    for kind in rsa rsapss ecdsa ed25519; do
      key "server-$kind-key.pem" $kind
      openssl req -x509 -new -key "server-$kind-key.pem" -subj /CN=localhost -days 30 \
        -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -out "server-$kind.pem"
    done
    echo "$PSK_IDENTITY:$PSK_HEX" > psk.passwd
    key client-ca-key.pem ecdsa
    openssl req -x509 -new -key client-ca-key.pem -subj "/CN=conformance client CA" -days 30 \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign -out client-ca.pem
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n' > client.ext
    for kind in rsa rsapss ecdsa ed25519; do
      key "client-$kind-key.pem" $kind
      openssl req -new -key "client-$kind-key.pem" -subj "/CN=conformance client $kind" -out client.csr
      openssl x509 -req -in client.csr -CA client-ca.pem -CAkey client-ca-key.pem -CAcreateserial -days 30 \
        -extfile client.ext -out "client-$kind.pem"
    done
  ) >/dev/null 2>&1 || { echo "making the test certificates failed" >&2; exit 2; }
}

# ---- the expectations file ----------------------------------------------------------------------

declare -A profile_of subset_of args_of
scripts=()
# columns: script, profile, subset, then the arguments for jsse, tomcat, openssl, gnutls, then why.
# An argument column is `-` (none), `=` (as jsse), `=TARGET` (as that target), or `n/a: reason`.
while IFS=$'\t' read -r name prof sub a_jsse a_tomcat a_openssl a_gnutls _why; do
  [[ -z $name || $name == \#* ]] && continue
  scripts+=("$name")
  profile_of[$name]=$prof
  subset_of[$name]=$sub
  args_of[$name,jsse]=$a_jsse
  args_of[$name,tomcat]=$a_tomcat
  args_of[$name,openssl]=$a_openssl
  args_of[$name,gnutls]=$a_gnutls
done < "$expectations"

selected=()
if [ ${#only[@]} -gt 0 ]; then
  for name in "${only[@]}"; do
    [ -n "${profile_of[$name]:-}" ] || { echo "$name is not in $expectations" >&2; exit 2; }
    selected+=("$name")
  done
else
  for name in "${scripts[@]}"; do
    if [ "$subset" = full ] || [ "${subset_of[$name]}" = ci ]; then
      selected+=("$name")
    fi
  done
fi

if [ -z "$kyber_py" ] && [ -z "$in_netns" ]; then
  mlkem_selected=
  for name in "${selected[@]}"; do [ "$name" = test-tls13-mlkem ] && mlkem_selected=1; done
  if prepare_kyber_py; then
    kyber_py=$root/scripts/conformance/pylib
    PYTHONPATH=$PYTHONPATH:$kyber_py
  elif [ -n "${CI:-}" ] || [ -n "$mlkem_selected" ]; then
    echo "FATAL: no kyber-py for test-tls13-mlkem: set KYBER_PY_DIR to a kyber-py checkout, or give" \
      "scripts/conformance/pylib/kyber_py what it needs (above)" >&2
    exit 2
  else
    echo "warning: no kyber-py (above): tlslite runs without ML-KEM" >&2
  fi
fi

# The argument column of script $1 for target $2, with `=` and `=TARGET` resolved.
column() {
  local value=${args_of[$1,$2]}
  case $value in
    =) value=${args_of[$1,jsse]} ;;
    =*) value=$(column "$1" "${value#=}") ;;
  esac
  printf '%s' "$value"
}

# The arguments of script $1 for target $2, NUL-separated, for `mapfile -d ''`.
arguments() {
  local value
  value=$(column "$1" "$2")
  [ "$value" = "-" ] && value=
  value=${value//\{certs\}/$work}
  value=${value//\{psk\}/$PSK_HEX}
  value=${value//\{psk-identity\}/$PSK_IDENTITY}
  python3 -c 'import shlex, sys; sys.stdout.write("\0".join(shlex.split(sys.argv[1])))' "$value"
}

# ---- servers ----------------------------------------------------------------------------------

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts, in the foreground (the caller puts it in the background), target $1's server for profile $2 on port $3.
serve() {
  local target=$1 profile=$2 port=$3 kind=rsa mode=www
  case $profile in
    ecdsa|ed25519|rsapss) kind=$profile ;;
    echo|early) mode=echo ;;
  esac
  local cert=$work/server-$kind.pem key=$work/server-$kind-key.pem
  case $target in
    jsse)
      local extra=()
      [ "$profile" = mtls ] && extra=(--cafile "$work/client-ca.pem" --verify-client want)
      [ "$profile" = pha ] && extra=(--cafile "$work/client-ca.pem" --verify-client none --pha-on /secret)
      [ "$profile" = early ] && extra=(--early-data 16384)
      [ "$profile" = psk ] && extra=(--psk "$PSK_HEX" --psk-identity "$PSK_IDENTITY" --psk-ke-without-forward-secrecy)
      exec java -XX:TieredStopAtLevel=1 -jar "$cli_jar" server --port "$port" --bind 127.0.0.1 --$mode --quiet \
        --cert "$cert" --key "$key" --groups "$GROUPS_ALL" --suites "$SUITES_ALL" --sigalgs "$SIGALGS_ALL" \
        --handshake-timeout "$HANDSHAKE_TIMEOUT" "${extra[@]}" ;;
    tomcat)
      local extra=()
      [ "$profile" = mtls ] && extra=(--siotls.server.truststore="file:$work/client-ca.pem" --siotls.server.client-auth=want)
      [ "$profile" = psk ] && extra=(--siotls.server.session-tickets.psk-ke-without-forward-secrecy=true)
      cd "$work" && exec java -XX:TieredStopAtLevel=1 -jar "$mvc_jar" --server.port="$port" --server.address=127.0.0.1 \
        --siotls.dev-certificates.enabled=false --siotls.server.certificate-chain="file:$cert" \
        --siotls.server.private-key="file:$key" --siotls.server.key-exchanges="$GROUPS_ALL" \
        --siotls.server.cipher-suites="$SUITES_ALL" --siotls.server.signature-algorithms="$SIGALGS_ALL" \
        --siotls.server.handshake-timeout="${HANDSHAKE_TIMEOUT}s" "${extra[@]}" ;;
    openssl)
      local extra=(-www)
      [ "$mode" = echo ] && extra=(-rev)
      # s_server refuses -early_data with -www or -rev, which the scripts need: it serves as for rsa
      [ "$profile" = early ] && extra=(-www)
      [ "$profile" = mtls ] && extra+=(-verify 1 -CAfile "$work/client-ca.pem")
      [ "$profile" = psk ] && extra+=(-psk "$PSK_HEX" -psk_identity "$PSK_IDENTITY" -allow_no_dhe_kex)
      exec openssl s_server -accept "127.0.0.1:$port" -tls1_3 -cert "$cert" -key "$key" -quiet \
        -groups X25519:P-256:X448:P-521:P-384:ffdhe2048:ffdhe3072:ffdhe4096:ffdhe6144:ffdhe8192 \
        -ciphersuites "${SUITES_ALL//,/:}" "${extra[@]}" ;;
    gnutls)
      local extra=(--http --disable-client-cert)
      [ "$mode" = echo ] && extra=(--echo --disable-client-cert)
      [ "$profile" = early ] && extra+=(--earlydata)
      [ "$profile" = mtls ] && extra=(--http --verify-client-cert --x509cafile "$work/client-ca.pem")
      local kx=
      [ "$profile" = psk ] && { extra+=(--pskpasswd "$work/psk.passwd"); kx=":+ECDHE-PSK:+DHE-PSK:+PSK"; }
      exec gnutls-serv --port "$port" --x509certfile "$cert" --x509keyfile "$key" \
        --priority "NORMAL:-VERS-ALL:+VERS-TLS1.3:+GROUP-ALL:+AES-128-CCM:+AES-128-CCM-8$kx" "${extra[@]}" ;;
  esac
}

# Waits up to 120 seconds for port $1 to accept connections, as long as process $2 lives.
await_port() {
  local i
  for i in $(seq 240); do
    kill -0 "$2" 2>/dev/null || return 1
    python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$1" \
      2>/dev/null && return 0
    sleep 0.5
  done
  return 1
}

server_pid=
script_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=
  fi
}

# ---- running the scripts ----------------------------------------------------------------------

# results rows: target, script, result (PASS, FAIL, n/a), passed cases, failed cases, seconds,
# first failing case, what was expected there, what was received
record() {
  local IFS=$'\t'
  echo "$*" >> "$results"
}

run_script() {
  local target=$1 name=$2 port=$3 log=$logs/$1/$2.log
  local argv=() start=$SECONDS rc
  mapfile -d '' -t argv < <(arguments "$name" "$target")
  timeout -k 10 "$script_timeout" python3 "$root/scripts/conformance/run-script.py" "$name" \
    -h 127.0.0.1 -p "$port" "${argv[@]}" > "$log" 2>&1 &
  script_pid=$!
  wait "$script_pid"
  rc=$?
  script_pid=
  local seconds=$((SECONDS - start)) passed failed first expected received
  IFS=$'\t' read -r passed failed first expected received \
    < <(python3 "$root/scripts/conformance/summarize.py" "$log")
  if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    first=${first:-(whole script)}; received="timed out after $script_timeout s"
  fi
  if [ $rc -eq 0 ]; then
    record "$target" "$name" PASS "$passed" "$failed" "$seconds" "-" "-" "-"
  else
    record "$target" "$name" FAIL "$passed" "$failed" "$seconds" "${first:--}" "${expected:--}" "${received:--}"
  fi
  printf '   %-44s %s\n' "$name" "$([ $rc -eq 0 ] && echo PASS || echo FAIL) ${seconds}s" >&2
}

run_target() {
  local target=$1 profile name port
  mkdir -p "$logs/$target"
  for profile in "${PROFILES[@]}"; do
    local group=()
    for name in "${selected[@]}"; do
      [ "${profile_of[$name]}" = "$profile" ] || continue
      if [[ $(column "$name" "$target") == n/a* ]]; then
        record "$target" "$name" n/a - - - - - -
      else
        group+=("$name")
      fi
    done
    [ ${#group[@]} -gt 0 ] || continue
    port=$(free_port)
    echo "== $target, $profile profile, port $port: ${#group[@]} script(s)" >&2
    serve "$target" "$profile" "$port" > "$logs/$target/server-$profile.log" 2>&1 &
    server_pid=$!
    if ! await_port "$port" "$server_pid"; then
      echo "!! the $target server ($profile) did not start: $logs/$target/server-$profile.log" >&2
      for name in "${group[@]}"; do
        record "$target" "$name" FAIL 0 0 0 "-" "a listening server" "the server did not start"
      done
      stop_server
      continue
    fi
    for name in "${group[@]}"; do
      run_script "$target" "$name" "$port"
      if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "!! the $target server ($profile) stopped during $name; starting it again" >&2
        serve "$target" "$profile" "$port" >> "$logs/$target/server-$profile.log" 2>&1 &
        server_pid=$!
        await_port "$port" "$server_pid"
      fi
    done
    stop_server
  done
  # the scripts of no profile: not applicable anywhere
  for name in "${selected[@]}"; do
    [ "${profile_of[$name]}" = "-" ] && record "$target" "$name" n/a - - - - - -
  done
}

if [ -n "$in_netns" ]; then
  # the gnutls run, started below by the main run: its certificates, logs and results are the main run's
  ip link set lo up || exit 2
  work=${CONFORMANCE_WORK:?} results=${CONFORMANCE_RESULTS:?}
  run_target gnutls
  exit 0
fi

work=$(mktemp -d)
results=$work/results.tsv
: > "$results"
cleanup() {
  [ -n "$script_pid" ] && kill "$script_pid" 2>/dev/null
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
build
make_certificates "$work"
rm -rf "${logs:?}"/{jsse,tomcat,openssl,gnutls}
for target in "${targets[@]}"; do
  case $target in
    openssl) command -v openssl >/dev/null || { echo "openssl is not installed: skipping its target" >&2; continue; } ;;
    gnutls)
      command -v gnutls-serv >/dev/null || { echo "gnutls-serv is not installed: skipping its target" >&2; continue; }
      # gnutls-serv listens on every interface: it runs in a network namespace of its own
      if ! unshare -n true 2>/dev/null; then
        echo "cannot make a private network namespace (unshare -n) for gnutls-serv: skipping its target" >&2
        continue
      fi
      only_args=()
      [ ${#only[@]} -gt 0 ] && only_args=(--only "${only[@]}")
      CONFORMANCE_WORK=$work CONFORMANCE_RESULTS=$results CONFORMANCE_KYBER_PY=$kyber_py unshare -n bash "$0" --in-netns --target gnutls \
        --subset "$subset" --logs "$logs" --timeout "$script_timeout" "${only_args[@]}"
      continue ;;
  esac
  run_target "$target"
done

# ---- the report -------------------------------------------------------------------------------

passed=0 failed=0
echo
printf '%-44s %-8s %-6s %7s %7s %8s\n' script target result passed failed seconds
while IFS=$'\t' read -r target name result npass nfail seconds _; do
  printf '%-44s %-8s %-6s %7s %7s %8s\n' "$name" "$target" "$result" "$npass" "$nfail" "$seconds"
  case $result in PASS) passed=$((passed + 1)) ;; FAIL) failed=$((failed + 1)) ;; esac
done < <(sort -t $'\t' -k1,1 -k2,2 "$results")
if [ $failed -gt 0 ]; then
  echo
  echo "first failing case of each failing script (logs: $logs):"
  while IFS=$'\t' read -r target name result _ _ _ first expected received; do
    [ "$result" = FAIL ] || continue
    echo "  $target $name: '$first': expected $expected, received $received"
  done < <(sort -t $'\t' -k1,1 -k2,2 "$results")
fi
sort -t $'\t' -k1,1 -k2,2 "$results" > "$logs/results.tsv"
echo
echo "took $((SECONDS - started)) s; logs and results.tsv in $logs"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
