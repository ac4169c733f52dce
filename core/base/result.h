#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiln {

// What kind of failure an Error is; callers branch on this, people read the message.
enum class ErrorCode {
    InvalidArgument,  // bad parameters or bad user input
    NotFound,         // a file, dataset, run or object that does not exist
    Io,               // the operating system refused a read, write or rename
    Corrupt,          // stored data that fails its own checks
    SchemaTooNew,     // a workspace written by a newer Kiln
    Unsupported,      // valid input Kiln cannot handle yet
    Busy,             // another process holds a lock for longer than we wait
    UnknownHostKey,   // an SSH host whose key is not in the workspace's known_hosts yet
    ChangedHostKey,   // an SSH host that offers another key than the one recorded
    Cancelled,        // the user stopped the job
    Internal,         // a defect in Kiln; the message says what to report
};

// Short lower-case name of a code ("not found"), used in messages and JSON.
const char* errorCodeName(ErrorCode code);

// An expected failure: what went wrong (message), where (context: file, line, column, epoch),
// what a person can do about it (hint) and the lower-level failure it came from (cause).
struct Error {
    ErrorCode code = ErrorCode::Internal;
    std::string message;
    std::string context;
    std::string hint;   // "run `kiln hosts trust …`"; empty when there is nothing to suggest
    std::string cause;  // the underlying error's toString(), kept when a caller rewords it

    // "message (context): cause", leaving out the parts that are empty. The hint is not in it:
    // front ends show it on its own line.
    std::string toString() const;
};

// `outer` with `inner` kept as its cause.
Error withCause(Error outer, const Error& inner);

inline Error makeError(ErrorCode code, std::string message, std::string context = {}) {
    return Error{code, std::move(message), std::move(context), {}, {}};
}

// A value or an Error. Expected failures travel as return values; exceptions are kept for work
// that cannot go on. Not thread-safe beyond what T is.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that returns nothing but may fail.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

}  // namespace kiln
