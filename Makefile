# Lightbox — two commands do everything on a fresh machine:
#   make run    install missing system packages, build, open the reading room on SampleStudies
#   make test   the same set-up and the release binary, then every test
SHELL := /bin/bash
SWIFT ?= swift
LIBRARY ?= SampleStudies
# System packages the build, the tests and the end-to-end checks need.
APT_PACKAGES := libncursesw5-dev libopenblas-dev libpng-dev libsqlite3-dev ncurses-term tmux dcmtk sqlite3 imagemagick
BIN_DIR = $(shell $(SWIFT) build --show-bin-path)
RELEASE_BIN_DIR = $(shell $(SWIFT) build -c release --show-bin-path)

.PHONY: all deps build run test test-slow bench fuzz clean

all: build

# Installs what is missing (apt-get update once, then install) when root;
# otherwise prints the exact command and stops.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "Missing system packages. Run:"; echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

run: build
	$(BIN_DIR)/lightbox --library $(LIBRARY) --prefetch-ai

# The release binary too: a test proves that no environment variable moves its clock
# (LIGHTBOX_NOW is a test seam of the debug build only).
test: build
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product lightbox
	LIGHTBOX_BIN=$(BIN_DIR)/lightbox LIGHTBOX_RELEASE_BIN=$(RELEASE_BIN_DIR)/lightbox $(SWIFT) test --skip-build

test-slow: build
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product lightbox
	LIGHTBOX_BIN=$(BIN_DIR)/lightbox LIGHTBOX_RELEASE_BIN=$(RELEASE_BIN_DIR)/lightbox LIGHTBOX_SLOW=1 $(SWIFT) test --skip-build

bench: deps
	./Benchmarks/run

fuzz: deps
	./Fuzz/run

clean:
	rm -rf .build
