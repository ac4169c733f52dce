#include "core/base/result.h"

namespace kiln {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument: return "invalid argument";
        case ErrorCode::NotFound: return "not found";
        case ErrorCode::Io: return "i/o error";
        case ErrorCode::Corrupt: return "corrupt data";
        case ErrorCode::SchemaTooNew: return "schema too new";
        case ErrorCode::Unsupported: return "unsupported";
        case ErrorCode::Busy: return "busy";
        case ErrorCode::Cancelled: return "cancelled";
        case ErrorCode::Internal: return "internal error";
    }
    return "unknown error";
}

std::string Error::toString() const {
    return context.empty() ? message : message + " (" + context + ")";
}

}  // namespace kiln
