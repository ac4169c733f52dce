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
        case ErrorCode::UnknownHostKey: return "unknown host key";
        case ErrorCode::ChangedHostKey: return "changed host key";
        case ErrorCode::Cancelled: return "cancelled";
        case ErrorCode::Internal: return "internal error";
    }
    return "unknown error";
}

std::string Error::toString() const {
    std::string text = context.empty() ? message : message + " (" + context + ")";
    return cause.empty() ? text : text + ": " + cause;
}

Error withCause(Error outer, const Error& inner) {
    outer.cause = inner.toString();
    return outer;
}

}  // namespace kiln
