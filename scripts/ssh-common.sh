# Shared by scripts/ssh-e2e and scripts/ssh-soak (sourced, not run): a throwaway sshd on
# a loopback port, a vendor sandbox, and the console over `ssh -t` in a private tmux
# server. Each script sets `me` (its name for messages) before sourcing this.
#
# Nothing outside a temporary directory is configured: sshd runs in the foreground
# (-D -e) with a private sshd_config, a fresh host key and a fresh user key whose public
# half is the only authorized key (AuthorizedKeysFile points into the temporary
# directory); the client ignores ~/.ssh (-F /dev/null, UserKnownHostsFile=/dev/null).
# The only file made outside it is /run/sshd, the directory sshd insists on when it
# runs as root.

skip() {
    echo "$me: SKIPPED: $*"
    exit 0
}
fail() {
    echo "$me: FAILED: $*"
    if [ -n "${socket:-}" ]; then
        echo "---- pane ----"
        t capture-pane -t "$session" -p 2>/dev/null || true
    fi
    if [ -s "${work:-/nonexistent}/sshd.log" ]; then
        echo "---- sshd log (last lines) ----"
        tail -20 "$work/sshd.log"
    fi
    exit 1
}

# tmux, sshd and ssh, installed with apt-get when missing and this is root; otherwise skip.
ensure_tools() {
    local missing=()
    command -v tmux >/dev/null || missing+=(tmux)
    [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
    command -v ssh >/dev/null && command -v ssh-keygen >/dev/null || missing+=(openssh-client)
    ((${#missing[@]})) || return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        skip "${missing[*]} not installed, and cannot install them here (needs root and apt-get)"
    fi
    echo "$me: installing ${missing[*]}"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"${TMPDIR:-/tmp}/$me-apt.log" 2>&1; then
        tail -5 "${TMPDIR:-/tmp}/$me-apt.log"
        skip "apt-get could not install ${missing[*]}"
    fi
    [ -x /usr/sbin/sshd ] || skip "openssh-server installed, but no /usr/sbin/sshd"
}

# A free TCP port on 127.0.0.1.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts sshd on 127.0.0.1:$ssh_port for the current user; sets sshd_pid.
start_sshd() {
    local user
    user="$(id -un)"
    ssh-keygen -q -t ed25519 -N '' -C "$me-host" -f "$work/host_key"
    ssh-keygen -q -t ed25519 -N '' -C "$me-user" -f "$work/user_key"
    cp "$work/user_key.pub" "$work/authorized_keys"
    chmod 600 "$work/authorized_keys"
    if [ "$(id -u)" = 0 ]; then
        mkdir -p /run/sshd
        chmod 755 /run/sshd
    fi
    ssh_port="$(free_port)"
    cat >"$work/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $ssh_port
HostKey $work/host_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
AllowUsers $user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin yes
UsePAM no
StrictModes no
PermitTTY yes
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
LogLevel VERBOSE
EOF
    /usr/sbin/sshd -t -f "$work/sshd_config" || fail "sshd rejects the private sshd_config"
    /usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
    sshd_pid=$!
    local deadline=$((SECONDS + 10))
    until ssh_run true 2>/dev/null; do
        kill -0 "$sshd_pid" 2>/dev/null || fail "sshd exited"
        ((SECONDS < deadline)) || fail "no ssh login to 127.0.0.1:$ssh_port within 10 s"
        sleep 0.2
    done
    echo "$me: sshd (pid $sshd_pid) on 127.0.0.1:$ssh_port, throwaway host and user keys in $work"
}

ssh_options() {
    echo "-F /dev/null -p $ssh_port -i $work/user_key -o IdentitiesOnly=yes -o BatchMode=yes" \
        "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR"
}
# Runs a command over ssh without a terminal.
ssh_run() {
    # shellcheck disable=SC2046
    ssh $(ssh_options) "$(id -un)@127.0.0.1" "$@" </dev/null
}

# Starts the vendor sandbox (the demo's data, dialer at 10× speed, as in `switchboard
# demo`) and writes its accounts file; sets sandbox_pid.
start_sandbox() {
    "$binary" sandbox --port 0 --time-scale 10 --write-config "$work/accounts.toml" \
        >"$work/sandbox.log" 2>&1 &
    sandbox_pid=$!
    local deadline=$((SECONDS + 60))
    until [ -s "$work/accounts.toml" ]; do
        kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.log"; fail "the sandbox exited"; }
        ((SECONDS < deadline)) || fail "the sandbox wrote no accounts file within 60 s"
        sleep 0.2
    done
}

# The private tmux server and its helpers.
start_tmux() {
    socket="$me-$$"
    session=ssh
    t new-session -d -s "$session" -x 120 -y 40 "bash --norc --noprofile"
    t send-keys -t "$session" "PS1='$ '" Enter
}
t() { tmux -L "$socket" -f /dev/null "$@"; }
pane() { t capture-pane -t "$session" -p; }
wait_for() {
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        pane | grep -qE -- "$1" && return 0
        sleep 0.2
    done
    return 1
}
keys() {
    t send-keys -t "$session" "$@"
    sleep 0.4
}

# The remote side of a console session: the login shell runs this wrapper, which writes
# its own pid and the console's (exec keeps it) and runs the console; when the console
# has exited it prints the console's status and the modes of the remote terminal, so a
# console that left the pty raw is seen on the remote side, not hidden by the client.
write_remote_wrapper() {
    cat >"$work/remote-console" <<EOF
#!/bin/bash
echo \$\$ >"$work/\$1.shell"
bash -c 'echo \$\$ >"\$0"; exec "\$@"' "$work/\$1.pid" env LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no \\
    SWITCHBOARD_CONFIG="$work/accounts.toml" SWITCHBOARD_DATA="$work/data-\$1" "$binary"
echo "CONSOLE-EXIT=\$?"
stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(echo|icanon)' | sort | tr '\n' ' '
echo REMOTE-STTY-DONE
EOF
    chmod 755 "$work/remote-console"
}

# Opens the console over `ssh -t` with TERM=$2 in the pane; $1 names the run (its data
# directory, pid files, and SWITCHBOARD_SSH_RUN=$1-<this script's pid> in the environment
# of every remote process of the session). Sets console_pid.
ssh_console() {
    local run=$1 term=$2
    rm -f "$work/$run.pid" "$work/$run.shell"
    [ -x "$work/remote-console" ] || write_remote_wrapper
    keys "clear; TERM=$term ssh -t $(ssh_options) $(id -un)@127.0.0.1 SWITCHBOARD_SSH_RUN=$run-$ssh_nonce $work/remote-console $run; echo SSH-EXIT=\$?" Enter
    wait_for 'Switchboard .* online' 60 || fail "the console did not come up over ssh (TERM=$term)"
    wait_for 'Spring outreach' 20 || fail "no campaigns listed over ssh (TERM=$term)"
    console_pid="$(cat "$work/$run.pid")"
    [ -n "$console_pid" ] && kill -0 "$console_pid" 2>/dev/null || fail "no console process for $run"
}

# Remote processes of run $1 still alive (their environment has SWITCHBOARD_SSH_RUN=$1-
# and this script's pid, so a second run on the same machine is not counted as this one's).
ssh_nonce=$$
run_processes() {
    grep -lsa "SWITCHBOARD_SSH_RUN=$1-$ssh_nonce\b" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | sort -n | tr '\n' ' ' || true
}

# The sshd process serving a session: the nearest sshd among the ancestors of pid $1.
session_sshd() {
    local pid=$1
    while [ -n "$pid" ] && [ "$pid" -gt 1 ]; do
        pid="$(ps -o ppid= -p "$pid" | tr -d ' ')"
        [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = sshd ] && { echo "$pid"; return 0; }
    done
    return 1
}

# The ssh client running in the pane.
client_ssh() {
    pgrep -P "$(t display-message -t "$session" -p '#{pane_pid}')" -x ssh
}

cleanup() {
    set +e
    [ -n "${socket:-}" ] && t kill-server 2>/dev/null
    # The session processes of the sshd started here first (its children), then sshd.
    [ -n "${sshd_pid:-}" ] && pkill -KILL -P "$sshd_pid" 2>/dev/null
    [ -n "${sshd_pid:-}" ] && kill "$sshd_pid" 2>/dev/null
    [ -n "${sandbox_pid:-}" ] && kill "$sandbox_pid" 2>/dev/null
    [ -n "${sshd_pid:-}" ] && wait "$sshd_pid" 2>/dev/null
    [ -n "${sandbox_pid:-}" ] && wait "$sandbox_pid" 2>/dev/null
    rm -rf "$work"
    return 0
}
