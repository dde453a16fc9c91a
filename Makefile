# MRS Desktop: the two README commands are `make run` and `make test`.
# Both create .venv on first use (and whenever pyproject.toml changes).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench system-deps-test system-deps-gui clean

run: $(STAMP) system-deps-gui
	$(BIN)/mrs-desktop

test: $(STAMP) system-deps-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("MRS Desktop needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); sh scripts/system-deps.sh venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps-test:
	sh scripts/system-deps.sh test

system-deps-gui:
	sh scripts/system-deps.sh gui

clean:
	rm -rf $(VENV) build dist .pytest_cache .import_linter_cache
