#!/usr/bin/env bash
# Installs the system packages the test suite needs, only when they are missing:
#   chromium   – the browser Playwright drives (`npx playwright install` cannot download here)
#   postgresql – server binaries for the throwaway PostgreSQL cluster (scripts/pg-test-cluster.mjs)
# Idempotent: does nothing when /usr/bin/chromium and an initdb under /usr/lib/postgresql/*/bin exist.
set -euo pipefail

packages=()
if [ ! -x /usr/bin/chromium ]; then
  # fonts-liberation is only a recommendation of chromium-common, but pages need real fonts.
  packages+=(chromium fonts-liberation)
fi
have_initdb=false
for f in /usr/lib/postgresql/*/bin/initdb; do
  if [ -x "$f" ]; then have_initdb=true; break; fi
done
if [ "$have_initdb" = false ]; then
  packages+=(postgresql)
fi

if [ ${#packages[@]} -eq 0 ]; then
  echo "ensure-system-deps: chromium og postgresql finnes allerede."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  echo "ensure-system-deps: mangler ${packages[*]}, men er verken root eller har sudo." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: mangler ${packages[*]}, men apt-get finnes ikke på denne maskinen." >&2
  exit 1
fi

echo "ensure-system-deps: installerer ${packages[*]} …"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null
# --no-install-recommends keeps the install small (no udev, mesa, printer tools, …).
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${packages[@]}" </dev/null

if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-system-deps: /usr/bin/chromium mangler fortsatt etter installasjon." >&2
  exit 1
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "ensure-system-deps: initdb mangler fortsatt etter installasjon." >&2
  exit 1
fi
echo "ensure-system-deps: ferdig."
