# Two commands do everything: `make run` serves the site, `make test` runs every test.
# Both go through `make install`, which only does what is missing, so a second run is quick.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMPS := .stamps
APT_PACKAGES := chromium poppler-utils tesseract-ocr libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 python3-venv nodejs npm
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/*.po))

.PHONY: install run test lint translations-extract clean system-packages

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

$(STAMPS)/python: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@mkdir -p $(STAMPS) && touch $@

# USWDS's compiled assets are copied into our own static folder: nothing is loaded from elsewhere.
$(STAMPS)/assets: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf petition/static/uswds && mkdir -p petition/static/uswds
	cp -r node_modules/@uswds/uswds/dist/css node_modules/@uswds/uswds/dist/js \
	      node_modules/@uswds/uswds/dist/fonts node_modules/@uswds/uswds/dist/img petition/static/uswds/
	@mkdir -p $(STAMPS) && touch $@

translations/%.mo: translations/%.po $(STAMPS)/python
	$(BIN)/pybabel compile -i $< -o $@

# --preload builds the app once, so every worker signs sessions with the same key even when
# SECRET_KEY is not set. The access log has the path only: never a query string or a body.
run: install
	$(BIN)/gunicorn --preload --bind $(HOST):$(PORT) --workers 2 --access-logfile - \
	  --access-logformat '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(L)ss' app:app

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

translations-extract: $(STAMPS)/python
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -k ngettext -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations

clean:
	rm -rf $(VENV) $(STAMPS) node_modules petition/static/uswds
	find translations -name '*.mo' -delete
