#!/usr/bin/env python3
"""Runs a command with its standard input on a pseudo-terminal of its own while its output
stays on this terminal, and closes that pseudo-terminal's master side on SIGUSR1: the
command's input then fails (EIO, end of file) while its screen lives on. Used by
scripts/console-e2e to check that the console exits and restores the screen when its
input goes away. Exits with the command's status (128 + N when killed by signal N)."""
import os
import signal
import subprocess
import sys

master, slave = os.openpty()
child = subprocess.Popen(sys.argv[1:], stdin=slave)
os.close(slave)
signal.signal(signal.SIGUSR1, lambda *_: os.close(master))
status = child.wait()
sys.exit(128 - status if status < 0 else status)
