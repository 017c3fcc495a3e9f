#include "ccurses.h"
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <term.h>
#include <unistd.h>

int ccurses_wcwidth(wchar_t c) { return wcwidth(c); }

static int codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int ccurses_setup_locale(void) {
    (void)setlocale(LC_ALL, "");
    if (codeset_is_utf8()) return 2;
    // Without a UTF-8 codeset ncurses shows non-ASCII as blanks and boxes as "lqqk"; the caller
    // then writes ASCII only, since the user's terminal is not expecting UTF-8.
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) (void)setlocale(LC_CTYPE, "C.utf8");
    return codeset_is_utf8();
}

int ccurses_check_terminfo(const char *term) {
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm((char *)term, STDOUT_FILENO, &err) != OK) {
        set_curterm(saved);
        return 1;
    }
    char *cup = tigetstr("cup");
    int result = (cup == NULL || cup == (char *)-1) ? 2 : 0;
    TERMINAL *probe = set_curterm(saved);
    if (probe != NULL) del_curterm(probe);
    return result;
}

SCREEN *ccurses_newterm(void) { return newterm(NULL, stdout, stdin); }

static volatile int ccurses_active = 0;
static int ccurses_atexit_installed = 0;

static void ccurses_atexit_handler(void) {
    if (ccurses_active && !isendwin()) endwin();
    ccurses_active = 0;
}

void ccurses_install_atexit(void) {
    if (!ccurses_atexit_installed) {
        atexit(ccurses_atexit_handler);
        ccurses_atexit_installed = 1;
    }
}

int ccurses_is_active(void) { return ccurses_active; }
void ccurses_set_active(int active) { ccurses_active = active; }

WINDOW *ccurses_stdscr(void) { return stdscr; }
int ccurses_lines(void) { return LINES; }
int ccurses_cols(void) { return COLS; }
int ccurses_colors(void) { return COLORS; }
int ccurses_color_pairs(void) { return COLOR_PAIRS; }
void ccurses_getmaxyx(WINDOW *win, int *y, int *x) {
    int my, mx;
    getmaxyx(win, my, mx);
    *y = my;
    *x = mx;
}
int ccurses_set_escdelay(int ms) { return set_escdelay(ms); }

attr_t ccurses_attr_bold(void) { return A_BOLD; }
attr_t ccurses_attr_underline(void) { return A_UNDERLINE; }
attr_t ccurses_attr_reverse(void) { return A_REVERSE; }
attr_t ccurses_attr_dim(void) { return A_DIM; }
attr_t ccurses_attrs(bool bold, bool underline, bool reverse, bool dim) {
    attr_t a = A_NORMAL;
    if (bold) a |= A_BOLD;
    if (underline) a |= A_UNDERLINE;
    if (reverse) a |= A_REVERSE;
    if (dim) a |= A_DIM;
    return a;
}

int ccurses_key_resize(void) { return KEY_RESIZE; }
int ccurses_key_btab(void) { return KEY_BTAB; }
int ccurses_key_up(void) { return KEY_UP; }
int ccurses_key_down(void) { return KEY_DOWN; }
int ccurses_key_left(void) { return KEY_LEFT; }
int ccurses_key_right(void) { return KEY_RIGHT; }
int ccurses_key_home(void) { return KEY_HOME; }
int ccurses_key_end(void) { return KEY_END; }
int ccurses_key_ppage(void) { return KEY_PPAGE; }
int ccurses_key_npage(void) { return KEY_NPAGE; }
int ccurses_key_backspace(void) { return KEY_BACKSPACE; }
int ccurses_key_dc(void) { return KEY_DC; }
int ccurses_key_enter(void) { return KEY_ENTER; }
int ccurses_key_f0(void) { return KEY_F0; }

int ccurses_mouse(int on) {
    mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t old = 0;
    mmask_t got = mousemask(wanted, &old);
    if (on) mouseinterval(0);
    return on && got != 0 && has_mouse();
}
int ccurses_key_mouse(void) { return KEY_MOUSE; }
int ccurses_get_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return CCURSES_MOUSE_WHEEL_UP;
    if (event.bstate & BUTTON5_PRESSED) return CCURSES_MOUSE_WHEEL_DOWN;
    if (event.bstate & BUTTON1_PRESSED) return CCURSES_MOUSE_PRESS;
    return CCURSES_MOUSE_OTHER;
}

int ccurses_init_pair(int pair, int fg, int bg) { return init_extended_pair(pair, fg, bg); }

int ccurses_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, int n, attr_t attrs, int pair) {
    // setcchar wants a NUL-terminated string of at most CCHARW_MAX wide characters.
    wchar_t buf[CCHARW_MAX + 1];
    int count = n < CCHARW_MAX ? n : CCHARW_MAX;
    for (int i = 0; i < count; i++) buf[i] = wch[i];
    buf[count] = L'\0';
    cchar_t cc;
    int ext = pair;
    // The short argument cannot hold pairs above 32767; the opts pointer carries the real one.
    if (setcchar(&cc, buf, attrs, (short)(pair > 32767 ? 0 : pair), &ext) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cc);
}

int ccurses_get_key(WINDOW *win, int timeout_ms, int *code) {
    wint_t ch = 0;
    wtimeout(win, timeout_ms);
    int r = wget_wch(win, &ch);
    *code = (int)ch;
    if (r == OK) return CCURSES_KEY_CHAR;
    if (r == KEY_CODE_YES) return CCURSES_KEY_FUNCTION;
    return CCURSES_KEY_NONE;
}
