#!/usr/bin/env bash
# Runs every test of ServiceHall on a fresh machine with the .NET SDK.
# As root it installs what is missing (PostgreSQL now; Chromium and CJK fonts for the browser tests)
# and starts the servers the tests use, on loopback only. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The multi-node test (LoopbackClusterTests) puts nginx in front of two app processes, with a configuration of its own.
[[ -x /usr/sbin/nginx ]] || need+=(nginx)
# Browser tests drive the machine's Chromium (Playwright never downloads one) and need CJK glyphs.
[[ -x /usr/bin/chromium ]] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "test.sh: installing ${need[*]}"
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test.sh: missing ${need[*]}; run as root to install them" >&2
    exit 1
  fi
fi

# PostgreSQL on 127.0.0.1:5432, user postgres / password postgres (test databases are created and dropped per test class).
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/$version/main/postgresql.conf"
  pg_ctlcluster "$version" main start
fi
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null

# Redis on loopback, for the SignalR backplane tests.
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' >/dev/null
fi

dotnet tool restore >/dev/null
dotnet build ServiceHall.slnx -c Release -nologo -v quiet
status=0
export TZ=UTC # a UTC server with halls in Asia/Shanghai: any time shown in the server's zone fails a test (P4)
logs=$(mktemp -d)
for project in tests/ServiceHall.UnitTests tests/ServiceHall.IntegrationTests tests/ServiceHall.BrowserTests; do
  if ! dotnet test "$project" -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$logs/$(basename "$project").log"; then
    status=1
  fi
done

# A failure scrolls far up behind the browser tests' server logs; repeat each one at the end, where CI's tail shows it.
if ((status)); then
  echo
  echo "test.sh: FAILED — each failing test again, with its message and the top of its stack:"
  for log in "$logs"/*.log; do
    awk -v project="$(basename "$log" .log)" '
      /^  Failed / { shown = 0; printing = 1; print project ":" }
      /^  (Passed|Skipped) / { printing = 0 }
      printing && shown++ < 25 { print }
      /Test Run Aborted|active test run was aborted|Total tests:|Failed:/ && !printing { print project ": " $0 }' "$log"
  done
fi
rm -rf "$logs"
exit $status
