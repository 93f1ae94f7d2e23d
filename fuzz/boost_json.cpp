// Boost.JSON compiled into the fuzz targets (instrumented), in place of Debian's libboost_json.
#include <boost/json/src.hpp>
