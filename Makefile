# Two commands do everything: `make run` serves the site, `make test` runs every test.
# Both go through `make install`, which only does what is missing, so a second run is quick.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMPS := .stamps
APT_PACKAGES := chromium poppler-utils tesseract-ocr libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 python3-venv nodejs npm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/*.po))

.PHONY: install run test lint lock translations-extract clean system-packages

install: system-packages $(STAMPS)/python $(STAMPS)/assets $(MO_FILES)

# apt only when something is missing, and `apt-get update` only then.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || \
	  { [ $$p = nodejs ] && command -v node >/dev/null; } || { [ $$p = npm ] && command -v npm >/dev/null; } || \
	  { [ $$p = python3-venv ] && $(PYTHON) -c 'import ensurepip' 2>/dev/null; } || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Exactly the locked versions, each checked against its hash; then the project itself.
# `pip check` fails when pyproject.toml names a dependency the lock lacks: run `make lock`.
$(STAMPS)/python: requirements-test.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --require-hashes -r requirements-test.lock
	$(BIN)/pip install -q --no-deps -e .
	$(BIN)/pip check
	@mkdir -p $(STAMPS) && touch $@

# Re-pin every Python dependency (with hashes) after a change to pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --universal --python-version 3.11 \
	  -q -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --universal \
	  --python-version 3.11 -q -o requirements-test.lock

# USWDS's compiled assets are copied into our own static folder: nothing is loaded from elsewhere.
$(STAMPS)/assets: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf petition/static/uswds && mkdir -p petition/static/uswds
	cp -r node_modules/@uswds/uswds/dist/css node_modules/@uswds/uswds/dist/js \
	      node_modules/@uswds/uswds/dist/fonts node_modules/@uswds/uswds/dist/img petition/static/uswds/
	@mkdir -p $(STAMPS) && touch $@

translations/%.mo: translations/%.po $(STAMPS)/python
	$(BIN)/pybabel compile -i $< -o $@

# One machine, no proxy: gunicorn with gunicorn.conf.py (gthread workers, the route-only
# access log, WeasyPrint warmed in each worker). PETITION_DEVELOPMENT=1 lets it start
# without SECRET_KEY and over plain http; for the public, see README "Running it for the public".
run: install
	PETITION_DEVELOPMENT=$${PETITION_DEVELOPMENT-1} $(BIN)/gunicorn --bind $(HOST):$(PORT) app:app

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n auto --dist loadgroup

translations-extract: $(STAMPS)/python
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k ngettext -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations
	$(BIN)/pybabel extract -F petition/documents/babel.cfg -k N_ --no-location --sort-output \
	  -o translations/documents.pot petition/documents petition/next_steps.py
	$(BIN)/pybabel update -D documents -i translations/documents.pot -d translations

clean:
	rm -rf $(VENV) $(STAMPS) node_modules petition/static/uswds
	find translations -name '*.mo' -delete
