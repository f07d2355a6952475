#ifndef SWITCHBOARD_CNCURSESW_SHIM_H
#define SWITCHBOARD_CNCURSESW_SHIM_H

// Wide-character curses: these must be defined before <ncurses.h> or get_wch,
// mvaddwstr, cchar_t and wint_t are missing.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
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

#endif
