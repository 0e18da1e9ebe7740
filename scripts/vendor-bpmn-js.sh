#!/usr/bin/env bash
# Copy the prebuilt bpmn-js navigated viewer and its CSS from tests/js/node_modules (npm package bpmn-js, version
# pinned in tests/js/package.json) into the package, with the licence. Run `make vendor-bpmn-js` after changing the
# version there; then update the version in THIRD_PARTY_NOTICES.md and src/vollzug/report/assets/bpmn-js/VERSION.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="$here/tests/js/node_modules/bpmn-js"
dst="$here/src/vollzug/report/assets/bpmn-js"
[ -f "$src/dist/bpmn-navigated-viewer.production.min.js" ] || { echo "run: make js-deps (tests/js/node_modules missing)" >&2; exit 2; }
mkdir -p "$dst"
cp "$src/dist/bpmn-navigated-viewer.production.min.js" "$dst/"
cp "$src/dist/assets/diagram-js.css" "$src/dist/assets/bpmn-js.css" "$dst/"
cp "$src/LICENSE" "$dst/LICENSE"
node -e "console.log(require('$src/package.json').version)" > "$dst/VERSION"
echo "bpmn-js $(cat "$dst/VERSION") vendored into $dst"
