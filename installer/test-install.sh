#!/usr/bin/env bash
# Install test: the .deb installs with apt into a clean Debian 12 root, its programs start there,
# and removing it leaves nothing behind. Run by .ci/run after the test suite.
#   installer/test-install.sh [path/to/forgeline_*.deb]
# Needs root (debootstrap + chroot). The clean root is cached as a tarball under build/ so
# repeated runs skip the download.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT_DIR=$(pwd)
WORK="$ROOT_DIR/build/install-test"
CACHE="$ROOT_DIR/build/install-test-cache"
SUITE=bookworm
MIRROR=${FORGELINE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { printf '\n\033[1m[install-test] %s\033[0m\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
    echo "install test: needs root for debootstrap/chroot (run with sudo)" >&2
    exit 2
fi
command -v debootstrap >/dev/null || { apt-get install -y -qq debootstrap >/dev/null; }

DEB=${1:-}
if [ -z "$DEB" ]; then
    say "Building the package"
    ./dev.sh package
    DEB=$(ls -t build-package/forgeline_*.deb | head -1)
fi
[ -f "$DEB" ] || { echo "install test: no package at '$DEB'" >&2; exit 1; }
say "Package: $DEB"
dpkg-deb -I "$DEB"

mkdir -p "$CACHE"
TARBALL="$CACHE/$SUITE-minbase.tar"
if [ ! -f "$TARBALL" ]; then
    say "Creating a clean $SUITE root with debootstrap (cached afterwards)"
    rm -rf "$CACHE/root"
    debootstrap --variant=minbase "$SUITE" "$CACHE/root" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
        || { tail -20 "$CACHE/debootstrap.log"; exit 1; }
    tar -C "$CACHE/root" -cf "$TARBALL" .
    rm -rf "$CACHE/root"
fi

cleanup() {
    for m in proc dev/pts dev sys; do umount -l "$WORK/root/$m" 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup
rm -rf "$WORK"
mkdir -p "$WORK/root"
tar -C "$WORK/root" -xf "$TARBALL"
cp /etc/resolv.conf "$WORK/root/etc/resolv.conf"
mount -t proc proc "$WORK/root/proc"
mount --bind /dev "$WORK/root/dev"
mount --bind /dev/pts "$WORK/root/dev/pts" 2>/dev/null || true
mount --bind /sys "$WORK/root/sys" 2>/dev/null || true
cp "$DEB" "$WORK/root/tmp/forgeline.deb"

# Everything below runs inside the clean root; `set -x` puts each command in the log.
in_root() {
    chroot "$WORK/root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 /bin/bash -euxo pipefail -c "$1"
}

say "Installing with apt (dependencies resolved from the archive)"
in_root 'echo "deb '"$MIRROR"' '"$SUITE"' main" > /etc/apt/sources.list
         apt-get update -qq
         apt-get install -y -qq --no-install-recommends /tmp/forgeline.deb > /tmp/apt-install.log 2>&1 || { tail -30 /tmp/apt-install.log; exit 1; }
         grep -E "^(Setting up|Unpacking) forgeline" /tmp/apt-install.log
         echo "$(grep -c "^Setting up" /tmp/apt-install.log) packages set up"
         dpkg -s forgeline | sed -n "1,12p"'

say "Running the installed programs"
in_root 'forgeline-cli --version
         forgeline-sim --version
         forgeline-cli decode -0x7500
         QT_QPA_PLATFORM=offscreen timeout 120 forgeline --smoke-test
         test -f /usr/share/applications/org.forgeline.Forgeline.desktop
         test -f /usr/share/icons/hicolor/scalable/apps/org.forgeline.Forgeline.svg
         test -f /usr/lib/udev/rules.d/60-forgeline.rules
         man -w forgeline-cli >/dev/null 2>&1 || test -f /usr/share/man/man1/forgeline-cli.1.gz'

say "Removing the package"
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' > "$WORK/package-files.txt"
in_root 'apt-get purge -y -qq forgeline > /tmp/apt-purge.log 2>&1 || { cat /tmp/apt-purge.log; exit 1; }
         ! dpkg -s forgeline >/dev/null 2>&1'
left=0
while read -r f; do
    if [ -e "$WORK/root$f" ]; then echo "left behind: $f"; left=1; fi
done < "$WORK/package-files.txt"
[ $left -eq 0 ] || { echo "install test: files remain after purge" >&2; exit 1; }
say "PASS: installed, ran, removed cleanly ($(wc -l < "$WORK/package-files.txt") files checked)"
