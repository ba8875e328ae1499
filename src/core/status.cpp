// Names for status codes and the user-facing rendering of a Status.
#include "core/status.h"

namespace core {

const char* StatusCodeName(StatusCode code) {
    switch (code) {
    case StatusCode::Ok: return "ok";
    case StatusCode::InvalidInput: return "invalid input";
    case StatusCode::NotFound: return "not found";
    case StatusCode::Io: return "i/o error";
    case StatusCode::Corrupt: return "damaged data";
    case StatusCode::Unsupported: return "unsupported";
    case StatusCode::Cancelled: return "cancelled";
    case StatusCode::Internal: return "internal error";
    }
    return "unknown";
}

std::string Status::ToString() const {
    if (ok()) return "ok";
    return std::string(StatusCodeName(Code)) + ": " + Message;
}

}  // namespace core
