#ifndef LIGHTBOX_CNCURSES_SHIM_H
#define LIGHTBOX_CNCURSES_SHIM_H
// Wide-character curses API needs these before <curses.h>; pkg-config's flags
// for ncursesw are rejected by SwiftPM, so they are defined here instead.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Function-like macros and mutable globals are not visible to Swift 6: wrap them.
static inline int lb_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int lb_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int lb_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int lb_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int lb_a_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int lb_a_normal(void) { return (unsigned int)A_NORMAL; }
static inline int lb_max_y(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int lb_max_x(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int lb_colors(void) { return COLORS; }
static inline int lb_color_pairs(void) { return COLOR_PAIRS; }
static inline int lb_key_resize(void) { return KEY_RESIZE; }

// Draws one cell: a UTF-32 character with attributes and an extended colour pair.
static inline int lb_put_cell(WINDOW *w, int y, int x, wchar_t ch, unsigned int attrs, int pair) {
    cchar_t cc;
    wchar_t s[2] = { ch, 0 };
    setcchar(&cc, s, (attr_t)attrs, (short)0, &pair);
    return mvwadd_wch(w, y, x, &cc);
}
#endif
