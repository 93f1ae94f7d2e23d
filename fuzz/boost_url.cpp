// Boost.URL compiled into the fuzz targets (instrumented), in place of Debian's libboost_url.
#include <boost/url/src.hpp>
