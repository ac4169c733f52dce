#include "core/jobs/job_context.h"

#include "core/base/logger.h"

namespace kiln {

void BasicJobContext::progress(std::uint64_t done, std::uint64_t total, std::string_view stage) {
    m_done.store(done, std::memory_order_relaxed);
    m_total.store(total, std::memory_order_relaxed);
    std::lock_guard lock(m_mutex);
    if (m_stage != stage) m_stage.assign(stage);
}

void BasicJobContext::report(JobIssue issue) {
    std::function<void(const JobIssue&)> listener;
    {
        std::lock_guard lock(m_mutex);
        m_issues.push_back(issue);
        listener = m_listener;
    }
    if (listener) listener(issue);
}

JobProgress BasicJobContext::snapshot() const {
    JobProgress p;
    p.done = m_done.load(std::memory_order_relaxed);
    p.total = m_total.load(std::memory_order_relaxed);
    std::lock_guard lock(m_mutex);
    p.stage = m_stage;
    return p;
}

std::vector<JobIssue> BasicJobContext::issues() const {
    std::lock_guard lock(m_mutex);
    return m_issues;
}

void BasicJobContext::setIssueListener(std::function<void(const JobIssue&)> listener) {
    std::lock_guard lock(m_mutex);
    m_listener = std::move(listener);
}

void NullJobContext::report(JobIssue issue) {
    std::string line = issue.where.empty() ? issue.text : issue.where + ": " + issue.text;
    if (issue.severity == IssueSeverity::Error)
        log::error(line);
    else if (issue.severity == IssueSeverity::Warning)
        log::warning(line);
    else
        log::info(line);
}

}  // namespace kiln
