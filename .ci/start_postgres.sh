# Start a throw-away PostgreSQL cluster on a free local port and export
# SINERGI_TEST_DATABASE_URL for the tests. Sourced by .ci/run; usable by hand:
#   source .ci/start_postgres.sh
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/sinergi-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chown postgres "$pg_dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -w start >/dev/null
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE ROLE sinergi LOGIN PASSWORD 'sinergi'" >/dev/null
as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE sinergi_test OWNER sinergi" >/dev/null
export SINERGI_TEST_DATABASE_URL="postgresql+psycopg://sinergi:sinergi@127.0.0.1:$pg_port/sinergi_test"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
