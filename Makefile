# Two commands matter: `make run` (set up and start the app) and `make test` (set up and run every test).
# For a large class: `make serve REPLICAS=N PORT=P` (N replicas behind HAProxy), `make stop`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501
REPLICAS ?= $(shell nproc)
BIND   ?= 0.0.0.0

.PHONY: run serve stop test test-fast bench soak screenshots venv deps dev-deps browser balancer clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make repeated runs skip pip when the requirement files did not change.
$(VENV)/.deps: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt $(VENV)/.deps
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps

# Debian's chromium, CJK and emoji fonts (page icons) for the real-browser tests; installed only when missing.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
			|| ! fc-list 2>/dev/null | grep -qi "Noto Color Emoji"; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium fonts-liberation fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji fontconfig >/dev/null; \
	fi

# Debian's HAProxy for `make serve` and its test; installed only when missing (apt-get update only when apt does
# not know the package yet).
balancer:
	@if ! command -v haproxy >/dev/null 2>&1; then \
		apt-cache show haproxy >/dev/null 2>&1 || apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null; \
	fi

# The warm-up opens every page once in the background as soon as the server answers (see scripts/warm_up.py).
run: deps
	$(PY) -m scripts.warm_up $(PORT) & $(PY) -m streamlit run app.py --server.port=$(PORT)

# N warmed replicas on 127.0.0.1 behind HAProxy on BIND:PORT, sticky by cookie (scripts/serve.py; Ctrl-C stops it).
serve: deps balancer
	$(PY) -m scripts.serve --replicas $(REPLICAS) --port $(PORT) --bind $(BIND)

# Ends exactly the processes a running `make serve` started (its run dir's pids.json).
stop:
	$(PY) -m scripts.serve --stop

test: dev-deps browser balancer
	$(PY) -m pytest -q --durations=10 tests

# Unit and AppTest levels only (no browser), for quick local loops.
test-fast: dev-deps
	$(PY) -m pytest -q tests/core tests/app

bench: dev-deps balancer
	$(PY) -m benchmarks.run_all $(if $(ONLY),--only=$(ONLY))

# Session churn: 400 sessions over 20 minutes through `make serve`'s balancer; does each replica's memory plateau?
soak: dev-deps balancer
	$(PY) -m benchmarks.soak --json benchmarks/soak_results.json

screenshots: dev-deps browser
	$(PY) -m scripts.screenshots
	$(PY) -m scripts.screenshots --phone
	$(PY) -m scripts.screenshots --features

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
