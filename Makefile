# zoomsig: `make serve` builds and serves the page, `make test` runs every test.
# Both install what they need first (scripts/setup.sh), and are quick when it is there.

PORT ?= 8080
HOST ?= 127.0.0.1
WASM_TARGET := wasm32-unknown-unknown
# The release wasm, by the machine's stable toolchain (the profile is Cargo.toml's; the sha2
# backend flag comes from .cargo/config.toml).
RELEASE_DIR := target/release-wasm
RELEASE_CARGO := cargo build --release --lib --target $(WASM_TARGET) --target-dir $(RELEASE_DIR)
RAW_WASM := $(RELEASE_DIR)/$(WASM_TARGET)/release/zoomsig.wasm
SOURCES := Cargo.toml Cargo.lock $(shell find src -name '*.rs' -o -name '*.js') README.md \
  scripts/write-package-json.mjs scripts/guard-glue.mjs
# The glue bundled with its JS snippet (src/wasm/plain.js) into one file and minified, the names
# of exports and imports kept.
ESBUILD_GLUE := node_modules/.bin/esbuild --bundle --minify --format=esm --log-level=warning --allow-overwrite
CHROMEDRIVER ?= /usr/bin/chromedriver
GECKODRIVER ?= $(shell command -v geckodriver || echo $(HOME)/.cargo/bin/geckodriver)
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test build setup-build setup-test lint test-native test-server test-wasm test-wasm-pack \
        test-node test-browser test-angular bench clean

serve: build
	node scripts/serve.mjs --host $(HOST) --port $(PORT)

build: setup-build pkg/zoomsig_bg.wasm pkg/classic/zoomsig.js pkg/signer/zoomsig_signer_bg.wasm pkg/cli/zoomsig.mjs

setup-build:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# Each build copies its raw module aside at once: the signer build below reuses the target dir.
pkg/zoomsig_bg.wasm: $(SOURCES)
	$(RELEASE_CARGO)
	cp $(RAW_WASM) target/zoomsig-full.wasm
	wasm-bindgen --target web --out-dir pkg --out-name zoomsig target/zoomsig-full.wasm
	node scripts/guard-glue.mjs pkg/zoomsig.js
	# npm binaryen's wasm-opt: Debian's makes modules that break at run time (README, set-up notes).
	node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers pkg/zoomsig_bg.wasm -o pkg/zoomsig_bg.wasm
	$(ESBUILD_GLUE) pkg/zoomsig.js --outfile=pkg/zoomsig.js
	rm -rf pkg/snippets
	node scripts/write-package-json.mjs
	cp README.md pkg/README.md
	@printf 'pkg: wasm %s bytes, gzip -9 of wasm + glue %s bytes\n' \
	  $$(wc -c < pkg/zoomsig_bg.wasm) $$(cat pkg/zoomsig_bg.wasm pkg/zoomsig.js | gzip -9 | wc -c)

# The signer-only module (generateSignature, generateVideoToken and meetingNumberDigits; no doctor, no KJUR), for
# pages that only sign: `import init, { generateSignature } from 'zoomsig/signer'`.
pkg/signer/zoomsig_signer_bg.wasm: $(SOURCES) pkg/zoomsig_bg.wasm
	$(RELEASE_CARGO) --no-default-features
	cp $(RAW_WASM) target/zoomsig-signer.wasm
	wasm-bindgen --target web --out-dir pkg/signer --out-name zoomsig_signer target/zoomsig-signer.wasm
	node scripts/guard-glue.mjs pkg/signer/zoomsig_signer.js
	node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers pkg/signer/zoomsig_signer_bg.wasm -o pkg/signer/zoomsig_signer_bg.wasm
	$(ESBUILD_GLUE) pkg/signer/zoomsig_signer.js --outfile=pkg/signer/zoomsig_signer.js
	rm -rf pkg/signer/snippets
	@printf 'pkg/signer: wasm %s bytes, gzip -9 of wasm + glue %s bytes\n' \
	  $$(wc -c < pkg/signer/zoomsig_signer_bg.wasm) $$(cat pkg/signer/zoomsig_signer_bg.wasm pkg/signer/zoomsig_signer.js | gzip -9 | wc -c)

# The `zoomsig` command, next to the package's wasm it loads.
pkg/cli/zoomsig.mjs: cli/zoomsig.mjs pkg/zoomsig_bg.wasm
	mkdir -p pkg/cli && cp cli/zoomsig.mjs pkg/cli/zoomsig.mjs

# The classic-script builds for pages without modules (scripts/build-classic.mjs): the ES module
# above behind a global `zoomsig`, and a single file with the wasm inlined.
pkg/classic/zoomsig.js: pkg/zoomsig_bg.wasm scripts/build-classic.mjs
	node scripts/build-classic.mjs pkg/zoomsig.js pkg/zoomsig_bg.wasm
	@printf 'pkg/classic: gzip -9 of zoomsig.js + zoomsig_bg.wasm %s bytes, of zoomsig.inline.js %s bytes\n' \
	  $$(cat pkg/classic/zoomsig.js pkg/classic/zoomsig_bg.wasm | gzip -9 | wc -c) \
	  $$(gzip -9 < pkg/classic/zoomsig.inline.js | wc -c)

test: setup-test lint test-native test-server build test-node test-wasm test-wasm-pack test-angular test-browser
	@echo "make test: every suite passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features -- -D warnings

test-native:
	cargo test

# The dev server on 127.0.0.1: what it refuses and the headers it sends (needs no build).
test-server:
	node --test tests/server/

# The wasm suites through wasm-bindgen's runner: Node, then headless Chromium, then headless Firefox.
test-wasm:
	cargo test --target $(WASM_TARGET) --test node
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test web
	GECKODRIVER=$(GECKODRIVER) cargo test --target $(WASM_TARGET) --test web

# The same suites the conventional way; wasm-pack finds the pinned wasm-bindgen and the drivers on PATH.
test-wasm-pack:
	wasm-pack test --node
	wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER)
	wasm-pack test --headless --firefox --geckodriver $(GECKODRIVER)

test-node: build
	node --test tests/node/

test-browser: build test-angular
	node --test tests/browser/

# The Angular app (www/angular): npm ci when its lock changed (after `build`: it depends on
# file:../../pkg), a production build when a source changed, then its unit tests (Vitest, offline).
ANGULAR := www/angular
NG := cd $(ANGULAR) && NG_CLI_ANALYTICS=false node_modules/.bin/ng

$(ANGULAR)/node_modules/.package-lock.json: $(ANGULAR)/package-lock.json | build
	cd $(ANGULAR) && npm ci --no-audit --no-fund --loglevel=error

$(ANGULAR)/dist/zoomsig-angular/browser/index.html: $(ANGULAR)/node_modules/.package-lock.json \
    $(shell find $(ANGULAR)/src $(ANGULAR)/public -type f) $(wildcard $(ANGULAR)/*.json) pkg/zoomsig_bg.wasm
	$(NG) build zoomsig-angular

# An app in the shape of Zoom's Angular sample (Client View) with the README's recipe applied.
$(ANGULAR)/dist/zoom-sample/browser/index.html: $(ANGULAR)/node_modules/.package-lock.json \
    $(shell find $(ANGULAR)/zoom-sample -type f) $(wildcard $(ANGULAR)/*.json) pkg/zoomsig_bg.wasm
	$(NG) build zoom-sample

# tsc --strict of the package's .d.ts, and of a component shaped like Zoom's Angular sample
# against it (skipLibCheck there: Zoom's own .d.ts does not pass --strict).
test-angular: $(ANGULAR)/dist/zoomsig-angular/browser/index.html $(ANGULAR)/dist/zoom-sample/browser/index.html
	cd $(ANGULAR) && node_modules/.bin/tsc --strict --noEmit --lib ES2022,DOM ../../pkg/zoomsig.d.ts ../../pkg/signer/zoomsig_signer.d.ts ../../pkg/classic/zoomsig.d.ts
	cd $(ANGULAR) && node_modules/.bin/tsc -p tsconfig.types.json
	$(NG) test zoomsig-angular --watch=false

# Size and speed against jsrsasign, jose and crypto.subtle in headless Chromium and Firefox;
# writes docs/benchmarks.md, docs/benchmarks.svg and the table in README.md.
bench: setup-test build
	node bench/run.mjs

clean:
	cargo clean
	rm -rf pkg test-results $(ANGULAR)/dist $(ANGULAR)/.angular
