#include "app/studio/verify_objects_job.h"

#include <atomic>

#include "core/store/object_store.h"

namespace kiln {
namespace studio {
namespace {

// Passes everything on to the job's context, counting the errors reported on the way.
class CountingContext : public kiln::JobContext {
public:
    explicit CountingContext(kiln::JobContext& inner) : m_inner(inner) {}

    void progress(std::uint64_t done, std::uint64_t total, std::string_view stage) override {
        m_inner.progress(done, total, stage);
    }
    bool cancelled() const override { return m_inner.cancelled(); }
    void report(kiln::JobIssue issue) override {
        if (issue.severity == kiln::IssueSeverity::Error) ++m_errors;
        m_inner.report(std::move(issue));
    }
    std::uint64_t errors() const { return m_errors; }

private:
    kiln::JobContext& m_inner;
    std::atomic<std::uint64_t> m_errors{0};
};

}  // namespace

kiln::widgets::JobFunction makeVerifyObjectsJob(std::filesystem::path objectsRoot, QString doneText,
                                                QString corruptText) {
    return [=](kiln::JobContext& job) -> kiln::Status {
        const kiln::ObjectStore store(objectsRoot);
        CountingContext counting(job);
        const auto checked = store.verifyAll(counting);
        if (!checked) return checked.error();
        const std::uint64_t count = checked.value();
        if (counting.errors() > 0) {
            const QString text = corruptText.arg(counting.errors()).arg(count);
            return kiln::makeError(kiln::ErrorCode::Corrupt, text.toStdString());
        }
        job.progress(count, count, doneText.arg(count).toStdString());
        return {};
    };
}

}  // namespace studio
}  // namespace kiln
