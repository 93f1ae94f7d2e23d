#pragma once
// Internal: the fields of the line being logged on this thread (spdlog formats in the calling thread).

#include <span>

#include "logging/fields.hpp"

namespace logging::detail {

inline thread_local std::span<const Field> current_fields;

}  // namespace logging::detail
