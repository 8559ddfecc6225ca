# Shared by the benchmarks of live nodes (bench/serve, bench/cluster): sourced, after the script has
# set $bench (its name, for messages), $root (the repository) and $work (its own folder under $TMPDIR).

die() {
  echo "$bench: $*" >&2
  exit 1
}

median() { sort -g | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]; else print "nan"}'; }
# The value of KEY in a "RESULT key=value ..." line.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }
rss_mb() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 200); do
    if ! ss -Htln "sport = :$port" | grep -q .; then
      echo "$port"
      return
    fi
  done
  die "found no free port"
}

# The jars: built if needed, then copied, so the whole run uses one build of each.
prepare_jars() {
  "$root/tender" --version >/dev/null # builds tender-cli/target/tender.jar when it is stale
  bench_jar="$root/tender-bench/target/benchmarks.jar"
  if [[ ! -f "$bench_jar" ]] || [[ -n "$(find "$root/tender-bench/src/main" "$root/tender-bench/pom.xml" \
    -newer "$bench_jar" -type f -print -quit)" ]]; then
    echo "$bench: building tender-bench/target/benchmarks.jar..." >&2
    (cd "$root" && mvn -B -q -DskipTests package -pl tender-bench -am) >"$work/build.log" 2>&1 ||
      { cat "$work/build.log" >&2; die "the build failed"; }
  fi
  cp "$root/tender-cli/target/tender.jar" "$work/tender.jar"
  cp "$bench_jar" "$work/benchmarks.jar"
}
tender() { java -jar "$work/tender.jar" "$@"; }
# The driver runs in the background and is waited for, so that a signal stops the run at once
# (bash runs a trap only once the foreground command is done); cleanup stops it.
driver() {
  java -Xmx1g -cp "$work/benchmarks.jar" "$@" &
  driver_pid=$!
  wait "$driver_pid"
}

# tell_machine: the run's first lines, the machine it runs on.
tell_machine() {
  echo "$bench, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')" \
    "$([[ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]] && echo '(work tree changed)')"
  echo "machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | sort -u | paste -sd '; '))," \
    "$(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine shares its CPUs)"
}

# --- PostgreSQL: a throwaway cluster of Debian's package -----------------------------------------

psql_run() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }

start_postgres() {
  if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
    [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; as root: apt-get install postgresql"
    echo "$bench: installing Debian's postgresql package..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >"$work/apt.log" 2>&1 ||
      { cat "$work/apt.log" >&2; die "could not install postgresql"; }
  fi
  [[ $EUID -eq 0 ]] || die "run as root: the cluster runs as the postgres user"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  mkdir -p "$work/pg"
  chown postgres:postgres "$work/pg"
  pg_data="$work/pg/data"
  pg_port="$(free_port)"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 >"$work/initdb.log" 2>&1 ||
    { cat "$work/initdb.log" >&2; die "initdb failed"; }
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null ||
    { cat "$work/pg/server.log" >&2; die "PostgreSQL did not start"; }
  psql_run -c 'CREATE DATABASE baseline'
  echo "PostgreSQL: $("$pg_bin/postgres" --version), port $pg_port," \
    "$(psql_run -At -c "SELECT 'fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || ', shared_buffers ' || current_setting('shared_buffers') || ', max_connections ' || current_setting('max_connections')")"
}

# WAL flushes (fsyncs) and WAL records of the whole cluster so far.
wal_stats() { psql_run -At -F ' ' -c 'SELECT wal_sync, wal_records FROM pg_stat_wal'; }

stop_postgres() {
  if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# launch_node LOG OPTIONS...: `tender serve OPTIONS...` in the background; sets $node_pid and, once
# it serves, $node_port.
# start_node LOG STORE-OPTIONS...: a node on a fresh store, loaded with the benchmark world.
launch_node() {
  local log="$1"
  shift
  : >"$log" # there before the node writes to it, for the loop below to read
  # shellcheck disable=SC2086 # the options are words
  java $node_opts -jar "$work/tender.jar" serve "$@" >>"$log" 2>&1 &
  node_pid=$!
  node_port=""
  for _ in $(seq 600); do
    node_port="$(sed -nE 's#^tender: serving .* on http://127\.0\.0\.1:([0-9]+) .*#\1#p' "$log")"
    [[ -n "$node_port" ]] && break
    kill -0 "$node_pid" 2>/dev/null || { cat "$log" >&2; die "the node stopped"; }
    sleep 0.1
  done
  [[ -n "$node_port" ]] || { cat "$log" >&2; die "the node did not start within a minute"; }
  curl -sf "http://127.0.0.1:$node_port/health" >/dev/null || die "the node does not answer /health"
}
