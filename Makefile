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

# Installers (docs/installers.md). The Linux menu entry, icons and .mrsbundle file type for this
# user (~/.local/share), pointing at the unpacked one-folder build; APP=.venv/bin for the venv's.
.PHONY: install-desktop uninstall-desktop icons
APP ?= dist/mrs-desktop
install-desktop:
	sh packaging/linux/install.sh "$(APP)"

uninstall-desktop:
	sh packaging/linux/install.sh --uninstall

# Redraw the committed PNG and .ico icons after an edit of resources/icons/app.svg.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/linux/make_icons.py

# Packaging (docs/install.md). `package`: the one-folder app dist/mrs-desktop/ (programs
# mrs-desktop and mrs at its top) and its archive dist/mrs-desktop-VERSION-PLATFORM.tar.xz.
# `wheelhouse`: every wheel for an offline pip install on Windows x64 and Linux x86-64 (needs
# the internet; Python 3.11); `wheelhouse-check` installs from it offline here (about 2 minutes).
.PHONY: package wheelhouse wheelhouse-check
package: $(STAMP)
	sh scripts/system-deps.sh package
	$(BIN)/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/mrs-desktop.spec
	$(BIN)/python packaging/archive.py dist/mrs-desktop

wheelhouse: $(STAMP)
	$(BIN)/python scripts/wheelhouse.py --out dist/wheelhouse

wheelhouse-check: $(STAMP)
	$(BIN)/python scripts/wheelhouse.py --check --out dist/wheelhouse
