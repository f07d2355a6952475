#ifndef SWITCHBOARD_CNCURSESW_SHIM_H
#define SWITCHBOARD_CNCURSESW_SHIM_H

// Wide-character curses: these must be defined before <ncurses.h> or get_wch,
// mvaddwstr, cchar_t and wint_t are missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Macros and globals Swift cannot import.
static inline WINDOW *sb_stdscr(void) { return stdscr; }
static inline int sb_lines(void) { return LINES; }
static inline int sb_cols(void) { return COLS; }
static inline int sb_colors(void) { return COLORS; }
static inline int sb_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t sb_a_normal(void) { return A_NORMAL; }
static inline attr_t sb_a_bold(void) { return A_BOLD; }
static inline attr_t sb_a_reverse(void) { return A_REVERSE; }
static inline attr_t sb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t sb_a_dim(void) { return A_DIM; }
static inline int sb_color_pair(int n) { return COLOR_PAIR(n); }
static inline void sb_getmaxyx(WINDOW *win, int *y, int *x) { getmaxyx(win, *y, *x); }
static inline chtype sb_acs_hline(void) { return ACS_HLINE; }
static inline chtype sb_acs_vline(void) { return ACS_VLINE; }
// The terminal's form of a VT100 line-drawing letter ('q' is a horizontal line): the
// letter in the alternate set where the terminal has one, else curses' ASCII stand-in.
static inline chtype sb_acs(unsigned char letter) { return NCURSES_ACS(letter); }
static inline attr_t sb_a_altcharset(void) { return A_ALTCHARSET; }
static inline chtype sb_a_chartext(void) { return A_CHARTEXT; }
#include <langinfo.h>
// Whether the terminal has an alternate screen to leave on exit (rmcup; vt100 has none).
static inline int sb_has_alternate_screen(void) {
    char *rmcup = tigetstr("rmcup");
    return rmcup != NULL && rmcup != (char *)-1 && *rmcup != 0;
}
// Whether the locale encodes characters as UTF-8 (after setlocale).
static inline int sb_locale_is_utf8(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }

// Writes a wide string at (y, x) in the given attributes and colour pair.
static inline int sb_put(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    attr_set(attrs, pair, NULL);
    return mvaddwstr(y, x, text);
}

// Crash restore: the terminal modes from before initscr, and the handlers that were in
// place (the Swift runtime's backtracer), so a crash first restores the terminal with
// async-signal-safe calls only, then lets the previous handler report it.
// Function-local statics: a header cannot define globals Swift would link.
static inline struct termios *sb_saved_termios(void) { static struct termios value; return &value; }
static inline int *sb_saved_termios_valid(void) { static int value; return &value; }
static inline struct sigaction *sb_previous_actions(void) { static struct sigaction value[NSIG]; return value; }

static inline void sb_crash_handler(int sig) {
    if (*sb_saved_termios_valid()) tcsetattr(STDIN_FILENO, TCSANOW, sb_saved_termios());
    static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)ignored;
    sigaction(sig, &sb_previous_actions()[sig], NULL);
    raise(sig);
}

// Call once, before initscr: remembers the terminal modes and chains crash signals.
static inline void sb_install_crash_restore(void) {
    *sb_saved_termios_valid() = tcgetattr(STDIN_FILENO, sb_saved_termios()) == 0;
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = sb_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_NODEFER;
        sigaction(signals[i], &action, &sb_previous_actions()[signals[i]]);
    }
}

#endif
