#!/usr/bin/env bash
# Smoke test of a built app image, run after `mvn -Pinstaller package`. The command-line launcher must print
# its version and describe a sample file. The workbench launcher must open its main window under a virtual
# X server and then exit by itself, because smoke-test mode closes it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
image="$here/target/app-image/SynthTrust"
[ -x "$image/bin/synthtrust" ] || { echo "error: no app image at $image; run 'mvn -Pinstaller package' first" >&2; exit 2; }

echo "== synthtrust --version"
"$image/bin/synthtrust" --version

echo "== synthtrust describe (heart disease sample)"
"$image/bin/synthtrust" describe "$root/sample-data/heart_disease/heart_cleveland.csv" \
    --schema "$root/sample-data/heart_disease/schema.json" | head -n 5

if command -v xvfb-run >/dev/null 2>&1; then
  echo "== workbench main window under Xvfb"
  log="$(mktemp)"
  # JAVA_TOOL_OPTIONS reaches the launcher's JVM; the app closes itself a few seconds after its window shows.
  if JAVA_TOOL_OPTIONS="-Dsynthtrust.smokeTest=true" timeout 120 \
      xvfb-run -a -s "-screen 0 1280x1024x24" "$image/bin/SynthTrust" >"$log" 2>&1; then
    grep -q "main window shown" "$log" || { cat "$log"; echo "error: the workbench exited without showing its window" >&2; exit 1; }
    grep "main window shown" "$log"
  else
    cat "$log"
    echo "error: the workbench launcher failed or did not exit within 120 s" >&2
    exit 1
  fi
else
  echo "skipping the workbench check: xvfb-run is not installed (apt-get install xvfb libgtk-3-0)" >&2
fi

deb="$(ls "$here"/target/packages/*.deb 2>/dev/null | head -n 1 || true)"
if [ -n "$deb" ]; then
  echo "== .deb contents"
  extract="$(mktemp -d)"
  dpkg -x "$deb" "$extract"
  find "$extract" -path '*/bin/*' -type f | sed "s|$extract||"
  ls -la "$deb"
  rm -rf "$extract"
fi
echo "smoke test passed"
