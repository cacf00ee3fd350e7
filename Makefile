# newstrace — the two commands of the quick start are `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup browser java postgres run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,postgres,spark]'
	touch $(STAMP)

setup: $(STAMP)

## Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser tests will be skipped"; \
	  else echo "no chromium and no root apt-get: the browser tests will be skipped"; fi; }

## A Java runtime for the Spark backfill (pyspark runs Spark's JVM locally; Debian's headless JRE).
java:
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null) \
	      || echo "java could not be installed: the Spark backfill tests will be skipped"; \
	  else echo "no java and no root apt-get: the Spark backfill tests will be skipped"; fi; }

## Debian's PostgreSQL server for the suite's second run (scripts/pg_server.sh starts a throw-away one
## on loopback for that run and removes it afterwards; nothing is left running).
postgres:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "postgresql could not be installed: the PostgreSQL run of the tests will be skipped"; \
	  else echo "no PostgreSQL server and no root apt-get: the PostgreSQL run of the tests will be skipped"; fi; }

## Set up and run the main job on the embedded SQLite store (./newstrace-data by default).
run: $(STAMP)
	$(BIN)/newstrace run $(RUN_ARGS)

## Set up and run the linter, the type checker and the test suite: on SQLite, then on PostgreSQL (a
## throw-away server; NEWSTRACE_REQUIRE_POSTGRES=1 fails when it cannot start instead of skipping).
test: $(STAMP) browser java postgres
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy src/newstrace
	$(BIN)/python -m pytest
	bash scripts/pg_server.sh run $(BIN)/python -m pytest

## Accuracy and speed figures on the public data sets in ../shared/data.
bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
