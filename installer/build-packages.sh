#!/usr/bin/env bash
# Builds the SynthTrust app image (workbench and `synthtrust` command-line launcher on a jlink runtime) and,
# on Linux with fakeroot available, a .deb. `mvn -Pinstaller package` calls it with the installer module's
# target folder and the project version, after copying the class-path jars and JavaFX modules there.
set -euo pipefail

target="$1"
version="$2"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
app_version="${version%-SNAPSHOT}"   # jpackage accepts only numeric versions
jpackage="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}/bin/jpackage"
types="${SYNTHTRUST_PACKAGE_TYPES:-${3:-app-image deb}}"

input="$target/jpackage-input"
modules="$target/javafx-modules"
[ -d "$input" ] || { echo "error: $input is missing; run 'mvn -Pinstaller package' from the repository root" >&2; exit 2; }

# Licences travel inside the image next to the jars (jpackage 17 has no --app-content option).
cp "$root/LICENSE" "$input/LICENSE"
cp "$here/THIRD-PARTY-LICENSES.md" "$input/THIRD-PARTY-LICENSES.md"

# `jdeps --print-module-deps` on our jars, Smile, PDFBox, JFreeChart, JavaCPP and JLine lists java.base,
# java.desktop, java.logging, java.prefs, java.sql and jdk.unsupported. java.management and java.xml are
# optional dependencies of JavaCPP and Jackson, kept so a code path that needs them does not fail at run time.
# No networking module is included. JavaFX modules come from the platform jars on the module path.
jdk_modules="java.base,java.desktop,java.logging,java.management,java.prefs,java.sql,java.xml,jdk.unsupported,jdk.zipfs"
fx_modules="javafx.base,javafx.graphics,javafx.controls,javafx.swing"

rm -rf "$target/app-image" "$target/packages"
mkdir -p "$target/app-image" "$target/packages"

if [[ -n "$types" ]]; then
  echo "building the app image"
  "$jpackage" --type app-image \
    --dest "$target/app-image" \
    --name SynthTrust \
    --app-version "$app_version" \
    --vendor "SynthTrust" \
    --description "Differentially private synthetic data with an audit and a trust index" \
    --copyright "GPL-3.0-or-later" \
    --icon "$here/synthtrust.png" \
    --input "$input" \
    --main-jar "synthtrust-app-$version.jar" \
    --main-class org.synthtrust.app.Launcher \
    --module-path "$modules" \
    --add-modules "$jdk_modules,$fx_modules" \
    --add-launcher synthtrust="$here/synthtrust-cli.properties" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
    --java-options "-Xmx4g"
  du -sh "$target/app-image/SynthTrust"
fi

for native_type in msi dmg; do
  if [[ " $types " == *" $native_type "* ]]; then
    echo "building the .$native_type package"
    "$jpackage" --type "$native_type" \
      --dest "$target/packages" \
      --app-image "$target/app-image/SynthTrust" \
      --name SynthTrust \
      --app-version "$app_version" \
      --vendor "SynthTrust" \
      --license-file "$root/LICENSE" \
      $( [ "$native_type" = msi ] && echo "--win-menu --win-shortcut --win-dir-chooser" )
  fi
done

if [[ " $types " == *" deb "* ]]; then
  if command -v fakeroot >/dev/null 2>&1 && command -v objcopy >/dev/null 2>&1; then
    echo "building the .deb package"
    "$jpackage" --type deb \
      --dest "$target/packages" \
      --app-image "$target/app-image/SynthTrust" \
      --name synthtrust \
      --app-version "$app_version" \
      --vendor "SynthTrust" \
      --description "Differentially private synthetic data with an audit and a trust index" \
      --license-file "$root/LICENSE" \
      --linux-package-deps libgtk-3-0 \
      --linux-shortcut \
      --linux-menu-group "Science" \
      --linux-app-category science
    ls -la "$target/packages"
  else
    echo "skipping the .deb: install fakeroot and binutils (apt-get install fakeroot binutils)" >&2
  fi
fi
