#!/bin/sh
# Install the Debian packages reelscope needs to build, test and run, when missing.
# Usage: tools/install-deps.sh [--bench]   (--bench adds hyperfine, pandas, R data.table and liblinear-tools for bench/)
set -eu

pkgs="gcc make autoconf automake libtool pkg-config libncurses-dev libreadline-dev \
libopenblas-dev libcsv-dev zlib1g-dev libsodium-dev libjansson-dev gnuplot-nox tmux python3 python3-numpy groff-base man-db \
valgrind strace"
if [ "${1:-}" = "--bench" ]; then
	pkgs="$pkgs hyperfine python3-pandas r-cran-data.table time liblinear-tools"
fi

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
if [ -z "$missing" ]; then
	echo "install-deps: all packages present"
	exit 0
fi
echo "install-deps: installing$missing"
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "install-deps: need root (or sudo) to install:$missing" >&2
	exit 1
fi
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
