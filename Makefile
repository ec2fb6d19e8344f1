# Two commands matter: `make run` (set up and start the app) and `make test` (set up and run every test).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test test-fast bench screenshots venv deps dev-deps browser clean

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

# The warm-up opens every page once in the background as soon as the server answers (see scripts/warm_up.py).
run: deps
	$(PY) -m scripts.warm_up $(PORT) & $(PY) -m streamlit run app.py --server.port=$(PORT)

test: dev-deps browser
	$(PY) -m pytest -q --durations=10 tests

# Unit and AppTest levels only (no browser), for quick local loops.
test-fast: dev-deps
	$(PY) -m pytest -q tests/core tests/app

bench: dev-deps
	$(PY) -m benchmarks.run_all

screenshots: dev-deps browser
	$(PY) -m scripts.screenshots

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
