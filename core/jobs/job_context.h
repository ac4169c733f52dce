#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiln {

enum class IssueSeverity { Info, Warning, Error };

// Something a job noticed that a person should see: a skipped row, a corrupt image.
// `where` names the source (file:line, column, epoch) so a view can jump to it.
struct JobIssue {
    IssueSeverity severity = IssueSeverity::Warning;
    std::string text;
    std::string where;
};

// The one interface long-running core work talks to: progress, cancellation, issues.
// Implementations must be thread-safe: a job calls them from its own thread while a display
// reads them from another. Jobs call progress() and cancelled() once per chunk, batch or epoch.
class JobContext {
public:
    virtual ~JobContext() = default;

    // `done` out of `total` units of the current stage (total 0 means unknown).
    virtual void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) = 0;
    // True once the user asked to stop; the job then returns an ErrorCode::Cancelled error.
    virtual bool cancelled() const = 0;
    virtual void report(JobIssue issue) = 0;
};

// A snapshot of a job's progress, for displays that poll.
struct JobProgress {
    std::uint64_t done = 0;
    std::uint64_t total = 0;
    std::string stage;
    // 0..1, or a negative number when the total is unknown.
    double fraction() const { return total ? double(done) / double(total) : -1.0; }
};

// The standard JobContext: counters a display polls (on its own timer, so a job that reports
// a million times a second costs no redraws), a cancel flag, and a list of issues.
// Thread-safe. An optional listener hears every issue as it is reported (on the job's thread).
class BasicJobContext : public JobContext {
public:
    void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) override;
    bool cancelled() const override { return m_cancelled.load(std::memory_order_relaxed); }
    void report(JobIssue issue) override;

    // Asks the job to stop at its next check. Safe from any thread.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    JobProgress snapshot() const;
    std::vector<JobIssue> issues() const;
    void setIssueListener(std::function<void(const JobIssue&)> listener);

private:
    std::atomic<bool> m_cancelled{false};
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_total{0};
    mutable std::mutex m_mutex;
    std::string m_stage;
    std::vector<JobIssue> m_issues;
    std::function<void(const JobIssue&)> m_listener;
};

// A context for work nobody watches: never cancelled, discards progress, logs issues.
class NullJobContext : public JobContext {
public:
    void progress(std::uint64_t, std::uint64_t, std::string_view) override {}
    bool cancelled() const override { return false; }
    void report(JobIssue issue) override;
};

}  // namespace kiln
