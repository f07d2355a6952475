# Installs switchboard: a release build, shell completions for bash, zsh and fish (made
# by the binary's --generate-completion-script) and a man page (made by
# swift-argument-parser's generate-manual plugin; from --help if the plugin cannot run).
#
#   make install                      # under /usr/local
#   make install PREFIX=$HOME/.local  # under your home, no root needed
#   make install DESTDIR=/tmp/pkg     # staged, for packaging
#   make uninstall                    # the same PREFIX/DESTDIR removes exactly those files
#
# SWIFT (default swift) and SCRATCH (SwiftPM's build directory, default .build) can be
# set too.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build

bindir := $(PREFIX)/bin
mandir := $(PREFIX)/share/man/man1
bashdir := $(PREFIX)/share/bash-completion/completions
zshdir := $(PREFIX)/share/zsh/site-functions
fishdir := $(PREFIX)/share/fish/vendor_completions.d

# Everything install puts down, and so everything uninstall removes.
INSTALLED := $(bindir)/switchboard $(mandir)/switchboard.1 $(bashdir)/switchboard \
	$(zshdir)/_switchboard $(fishdir)/switchboard.fish

STAGE := $(SCRATCH)/install-stage
SWIFT_RELEASE := $(SWIFT) build -c release --scratch-path $(SCRATCH)
# The release binary (a shell expression, evaluated in the recipes).
BIN = "$$($(SWIFT_RELEASE) --show-bin-path)/switchboard"

.PHONY: all build completions man install uninstall

all: build

build:
	$(SWIFT_RELEASE) --product switchboard

completions: build
	mkdir -p $(STAGE)
	for shell in bash zsh fish; do \
		$(BIN) --generate-completion-script $$shell >$(STAGE)/completion.$$shell || exit 1; \
	done

# generate-manual builds the package in release mode (already built by `build`) and
# writes switchboard.1 under $(SCRATCH)/plugins; without it, scripts/man-from-help.
man: build
	rm -rf $(STAGE)/man $(SCRATCH)/plugins/GenerateManual
	mkdir -p $(STAGE)/man
	if $(SWIFT) package --scratch-path $(SCRATCH) plugin generate-manual --configuration release \
			--authors "the Switchboard authors" >$(STAGE)/man/plugin.log 2>&1 \
		&& page="$$(find $(SCRATCH)/plugins/GenerateManual -name switchboard.1 | head -1)" \
		&& [ -n "$$page" ]; then \
		cp "$$page" $(STAGE)/man/switchboard.1; \
		echo "man page: swift-argument-parser's generate-manual"; \
	else \
		tail -5 $(STAGE)/man/plugin.log; \
		echo "man page: the generate-manual plugin did not run; writing it from --help"; \
		scripts/man-from-help $(BIN) >$(STAGE)/man/switchboard.1; \
	fi

install: build completions man
	install -d "$(DESTDIR)$(bindir)" "$(DESTDIR)$(mandir)" "$(DESTDIR)$(bashdir)" \
		"$(DESTDIR)$(zshdir)" "$(DESTDIR)$(fishdir)"
	install -m 755 $(BIN) "$(DESTDIR)$(bindir)/switchboard"
	install -m 644 $(STAGE)/man/switchboard.1 "$(DESTDIR)$(mandir)/switchboard.1"
	install -m 644 $(STAGE)/completion.bash "$(DESTDIR)$(bashdir)/switchboard"
	install -m 644 $(STAGE)/completion.zsh "$(DESTDIR)$(zshdir)/_switchboard"
	install -m 644 $(STAGE)/completion.fish "$(DESTDIR)$(fishdir)/switchboard.fish"
	@echo "installed:"; for f in $(INSTALLED); do echo "  $(DESTDIR)$$f"; done

uninstall:
	rm -f $(foreach f,$(INSTALLED),"$(DESTDIR)$(f)")
