#!/usr/bin/env bash
# Downloads the regression data sets of data/datasets.csv that are not here yet and checks them:
#   data/fetch.sh              every data set
#   data/fetch.sh NAME...      only these (e.g. data/fetch.sh cal_housing cpusmall)
#
# Needs curl (or wget), sha256sum, and bunzip2/unzip for compressed downloads. The sha256 column
# is the SHA-256 of the file as downloaded (before decompression). Where it says 'unknown' (the
# hash could not be computed where this registry was written, which had no internet access), the
# file is kept and its hash printed: check it against a second download or a colleague's copy,
# then write it into datasets.csv so that later downloads are verified. A known hash that does
# not match stops the script and removes the download.
#
# Then ./reproduce.sh els-regression draws the regression figure for every data set present.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
cd "$here"
want=("$@")
download() {
  if command -v curl > /dev/null; then curl -fL --retry 3 -o "$2" "$1"; else wget -O "$2" "$1"; fi
}
status=0
while IFS=, read -r name format file url sha target exclude paper; do
  [ "$name" = "name" ] && continue
  if [ ${#want[@]} -gt 0 ] && [[ ! " ${want[*]} " == *" $name "* ]]; then continue; fi
  if [ "$url" = "shipped" ]; then
    echo "$name: shipped with the code ($file)"; continue
  fi
  if [ -f "$file" ]; then
    echo "$name: $file is already here"; continue
  fi
  archive="${url##*/}"
  echo "$name: downloading $url"
  download "$url" "$archive.part"
  actual="$(sha256sum "$archive.part" | cut -d' ' -f1)"
  if [ "$sha" = "unknown" ]; then
    echo "$name: SHA-256 $actual (not verified: datasets.csv has no hash for it yet; record it there)"
  elif [ "$actual" != "$sha" ]; then
    echo "$name: SHA-256 mismatch: expected $sha, got $actual; download removed" >&2
    rm -f "$archive.part"; status=1; continue
  else
    echo "$name: SHA-256 verified"
  fi
  mv "$archive.part" "$archive"
  case "$archive" in
    *.bz2) bunzip2 -f "$archive" ;;
    *.zip) unzip -o -q "$archive" && rm -f "$archive" ;;
  esac
  if [ ! -f "$file" ]; then
    echo "$name: expected $file after downloading $archive, not found" >&2; status=1
  fi
done < datasets.csv
exit $status
