# make run: set up and open the window. make test: set up and run the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench lint demo clean bytecode

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Boutique needs Python 3.11 or newer")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Compiled once here, so no start of the window or of a command compiles the app again
# (also where the environment asks Python not to write bytecode; a no-op when up to date).
bytecode: $(STAMP)
	@$(PY) -m compileall -q boutique main.py bench > /dev/null

run: bytecode
	$(PY) main.py $(ARGS)

demo: bytecode
	$(PY) main.py --demo

test: bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n 2 -p no:cacheprovider

bench: bytecode
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) build *.egg-info
