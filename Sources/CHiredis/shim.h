#ifndef OPSDECK_CHIREDIS_SHIM_H
#define OPSDECK_CHIREDIS_SHIM_H
// hiredis 0.14 (Debian's libhiredis-dev). Only RedisClient imports this module.
#include <hiredis/hiredis.h>
#endif
