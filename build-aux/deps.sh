# build-aux/deps.sh: sourced by run.sh and test.sh.  Installs the Debian 12
# packages the project needs that are missing (apt-get when root; otherwise
# prints the exact command), and does nothing when all are there.

CPL_BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev libglib2.0-dev \
libgtk-4-dev libadwaita-1-dev libjson-glib-dev libcsv-dev gettext \
adwaita-icon-theme fonts-noto-cjk"
CPL_TEST_PACKAGES="xvfb xauth locales dbus-daemon desktop-file-utils appstream \
flatpak-builder python3-numpy librsvg2-bin poppler-utils"

cpl_missing_packages () {
  missing=""
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing="$missing $pkg"
  done
  echo "$missing"
}

cpl_install_packages () {
  missing=$(cpl_missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq &&
      apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
      { echo "apt-get could not install:$missing" >&2; return 1; }
  else
    echo "Missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install$missing" >&2
    return 1
  fi
}

# The UI tests run the app in Chinese as well as English.
cpl_ensure_locale () {
  locale -a 2>/dev/null | grep -qix "$2" && return 0
  if [ "$(id -u)" = 0 ]; then
    localedef -i "$1" -f UTF-8 "$1.UTF-8" >/dev/null 2>&1 ||
      echo "warning: could not generate the $1.UTF-8 locale" >&2
  else
    echo "warning: the $1.UTF-8 locale is missing: sudo localedef -i $1 -f UTF-8 $1.UTF-8" >&2
  fi
}

cpl_build () {
  if [ ! -f "$CPL_BUILDDIR/build.ninja" ]; then
    meson setup "$CPL_BUILDDIR" "$@" || return 1
  fi
  ninja -C "$CPL_BUILDDIR" || return 1
}
