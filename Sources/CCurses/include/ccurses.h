#ifndef OPSDECK_CCURSES_H
#define OPSDECK_CCURSES_H
// The only includer of ncurses.h. NCURSES_WIDECHAR must precede the include, or the wide
// character API (cchar_t, setcchar, wadd_wch, wget_wch) does not import into Swift.
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <wchar.h>

/// Returns the display width of a character as glibc's wcwidth sees it (-1 for controls).
int ccurses_wcwidth(wchar_t c);

#endif
