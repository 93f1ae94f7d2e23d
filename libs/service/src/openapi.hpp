#pragma once
// Internal: the OpenAPI document a service publishes.

#include <string>
#include <string_view>

namespace service {

// The service's document with the host's paths and components added (JSON text). A path or component
// that both define is a programming error: std::logic_error.
std::string merge_openapi(std::string_view service_document, std::string_view host_document);

// The host's part: the routes every service has and the components both services share.
extern const std::string_view host_openapi;

}  // namespace service
