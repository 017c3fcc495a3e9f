#include "ccurses.h"

int ccurses_wcwidth(wchar_t c) { return wcwidth(c); }
