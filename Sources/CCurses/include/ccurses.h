#ifndef OPSDECK_CCURSES_H
#define OPSDECK_CCURSES_H
// The only includer of ncurses.h. NCURSES_WIDECHAR must precede the include, or the wide
// character API (cchar_t, setcchar, wadd_wch, wget_wch) does not import into Swift.
// Everything here exists because Swift cannot import it directly: function-like macros
// (A_BOLD, KEY_F, getmaxyx), globals that Swift 6 rejects (stdscr, COLORS, stdout), and
// multi-step wide-character calls that are easier to get right once in C.
// Threading: curses is not thread-safe; every function here must be called from one thread.
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <wchar.h>
#include <stdbool.h>

/// Returns the display width of a character as glibc's wcwidth sees it (-1 for controls).
int ccurses_wcwidth(wchar_t c);

// Locale and start-up checks.
/// setlocale(LC_ALL, ""); if the codeset is not UTF-8, tries LC_CTYPE=C.UTF-8.
/// Returns 1 when the resulting codeset is UTF-8, 0 otherwise. Never crashes on NULL.
/// 2: the user's locale is UTF-8; 1: it is not (LC_CTYPE switched to C.UTF-8 for ncursesw,
/// output must stay ASCII); 0: no UTF-8 locale could be set.
int ccurses_setup_locale(void);
/// Returns 0 if terminfo knows `term` and it has cursor addressing ("cup"), 1 if the terminal
/// is unknown, 2 if it lacks cup. Leaves no terminal set up.
int ccurses_check_terminfo(const char *term);
/// newterm(NULL, stdout, stdin): NULL on failure instead of exiting like initscr.
SCREEN *ccurses_newterm(void);
/// Registers (once) an atexit handler that calls endwin if curses is still active, so a
/// crash-free exit() path never leaves the terminal raw.
void ccurses_install_atexit(void);
int ccurses_is_active(void);
void ccurses_set_active(int active);

// Globals and macros.
WINDOW *ccurses_stdscr(void);
int ccurses_lines(void);
int ccurses_cols(void);
int ccurses_colors(void);
int ccurses_color_pairs(void);
void ccurses_getmaxyx(WINDOW *win, int *y, int *x);
int ccurses_set_escdelay(int ms);

attr_t ccurses_attr_bold(void);
attr_t ccurses_attr_underline(void);
attr_t ccurses_attr_reverse(void);
attr_t ccurses_attr_dim(void);
attr_t ccurses_attrs(bool bold, bool underline, bool reverse, bool dim);

// Key codes (KEY_* are octal macros, KEY_F a function macro).
int ccurses_key_resize(void);
int ccurses_key_btab(void);
int ccurses_key_up(void);
int ccurses_key_down(void);
int ccurses_key_left(void);
int ccurses_key_right(void);
int ccurses_key_home(void);
int ccurses_key_end(void);
int ccurses_key_ppage(void);
int ccurses_key_npage(void);
int ccurses_key_backspace(void);
int ccurses_key_dc(void);
int ccurses_key_enter(void);
int ccurses_key_f0(void);

/// Colour pair setup; uses the extended API so pair numbers above 255 work.
int ccurses_init_pair(int pair, int fg, int bg);

/// Puts one cell: up to `n` wide characters (a grapheme: base plus combining marks) with
/// attributes and colour pair at (y, x) via setcchar + mvwadd_wch. Returns OK or ERR.
int ccurses_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, int n, attr_t attrs, int pair);

// Mouse. Only the main button's press and the wheel are asked for (mouseinterval 0: no click
// detection delay), so a drag still selects text in terminals that let Shift bypass the app.
/// Turns mouse reporting on (1) or off (0). Returns 1 when the terminal reports the mouse.
int ccurses_mouse(int on);
int ccurses_key_mouse(void);
/// Kinds returned by ccurses_get_mouse.
enum { CCURSES_MOUSE_OTHER = 0, CCURSES_MOUSE_PRESS = 1, CCURSES_MOUSE_WHEEL_UP = 2, CCURSES_MOUSE_WHEEL_DOWN = 3 };
/// getmouse after KEY_MOUSE: the event's cell in *x, *y and its kind; -1 when there is none.
int ccurses_get_mouse(int *x, int *y);

/// Kinds returned by ccurses_get_key.
enum { CCURSES_KEY_NONE = 0, CCURSES_KEY_CHAR = 1, CCURSES_KEY_FUNCTION = 2 };
/// wtimeout(win, timeout_ms) + wget_wch. Returns CCURSES_KEY_NONE on timeout/error,
/// CCURSES_KEY_CHAR with the character in *code, or CCURSES_KEY_FUNCTION with a KEY_* code.
int ccurses_get_key(WINDOW *win, int timeout_ms, int *code);

#endif
