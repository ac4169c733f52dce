#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <atomic>
#include <optional>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "qt_test_helpers.h"
#include "widgets/job_manager.h"
#include "widgets/pool_task.h"

using kiln::test::waitUntil;
using kiln::widgets::JobManager;
using kiln::widgets::JobState;

namespace {

// A job that runs until it is cancelled, then says so as core jobs do.
kiln::Status runUntilCancelled(kiln::JobContext& job, std::atomic<bool>& started) {
    started = true;
    for (std::uint64_t i = 0; !job.cancelled(); ++i) {
        job.progress(i, 0, "Waiting");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return kiln::makeError(kiln::ErrorCode::Cancelled, "stopped by the user");
}

}  // namespace

TEST_CASE("a job runs to completion and reports its final stage", "[widgets][jobs]") {
    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    QSignalSpy started(&manager, &JobManager::jobStarted);
    const int id = manager.start(QStringLiteral("Count"), [](kiln::JobContext& job) {
        for (int i = 1; i <= 100; ++i) job.progress(i, 100, "Counting");
        return kiln::Status{};
    });
    CHECK(started.count() == 1);
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    CHECK(finished.at(0).at(0).toInt() == id);
    CHECK(finished.at(0).at(1).toBool());
    CHECK(manager.job(id)->state == JobState::Completed);
    CHECK(manager.job(id)->message == QStringLiteral("Counting"));
    CHECK(manager.progress(id).done == 100);
    CHECK(manager.runningCount() == 0);
}

TEST_CASE("a cancelled job ends cancelled", "[widgets][jobs]") {
    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    std::atomic<bool> running{false};
    const int id = manager.start(QStringLiteral("Wait"), [&](kiln::JobContext& job) {
        return runUntilCancelled(job, running);
    });
    REQUIRE(waitUntil([&] { return running.load(); }));
    CHECK(manager.runningCount() == 1);
    CHECK(manager.cancel(id));
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    CHECK_FALSE(finished.at(0).at(1).toBool());
    CHECK(manager.job(id)->state == JobState::Cancelled);
    CHECK(manager.job(id)->message.contains(QStringLiteral("stopped by the user")));
    CHECK_FALSE(manager.cancel(id));  // nothing left to cancel
}

TEST_CASE("a job that throws ends failed instead of crashing", "[widgets][jobs]") {
    JobManager manager;
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    const int a = manager.start(QStringLiteral("Throws"), [](kiln::JobContext&) -> kiln::Status {
        throw std::runtime_error("disk on fire");
    });
    const int b = manager.start(QStringLiteral("Throws an int"),
                                [](kiln::JobContext&) -> kiln::Status { throw 42; });
    const int c = manager.start(QStringLiteral("Returns an error"), [](kiln::JobContext&) {
        return kiln::Status(kiln::makeError(kiln::ErrorCode::Io, "cannot read", "a.csv"));
    });
    REQUIRE(waitUntil([&] { return finished.count() == 3; }));
    CHECK(manager.job(a)->state == JobState::Failed);
    CHECK(manager.job(a)->message.contains(QStringLiteral("disk on fire")));
    CHECK(manager.job(b)->state == JobState::Failed);
    CHECK_FALSE(manager.job(b)->message.isEmpty());
    CHECK(manager.job(c)->state == JobState::Failed);
    CHECK(manager.job(c)->message == QStringLiteral("cannot read (a.csv)"));
}

TEST_CASE("issues a job reports arrive on the GUI thread", "[widgets][jobs]") {
    JobManager manager;
    QSignalSpy issues(&manager, &JobManager::jobIssue);
    QSignalSpy finished(&manager, &JobManager::jobFinished);
    manager.start(QStringLiteral("Warns"), [](kiln::JobContext& job) {
        job.report({kiln::IssueSeverity::Warning, "row 7 has 3 fields, expected 4", "a.csv:7"});
        return kiln::Status{};
    });
    REQUIRE(waitUntil([&] { return finished.count() == 1; }));
    REQUIRE(issues.count() == 1);
    CHECK(issues.at(0).at(1).toInt() == int(kiln::IssueSeverity::Warning));
    CHECK(issues.at(0).at(2).toString() == QStringLiteral("row 7 has 3 fields, expected 4"));
    CHECK(issues.at(0).at(3).toString() == QStringLiteral("a.csv:7"));
}

TEST_CASE("destroying the manager cancels and waits for running jobs", "[widgets][jobs]") {
    std::atomic<bool> running{false};
    std::atomic<bool> returned{false};
    {
        JobManager manager;
        manager.start(QStringLiteral("Wait"), [&](kiln::JobContext& job) {
            auto status = runUntilCancelled(job, running);
            returned = true;
            return status;
        });
        REQUIRE(waitUntil([&] { return running.load(); }));
    }
    CHECK(returned.load());
}

TEST_CASE("pool work written with Result hands back its value, its error or its exception",
          "[pool]") {
    QObject receiver;
    std::optional<kiln::Result<int>> ok, failed, thrown;
    kiln::widgets::runResultInPool<int>(
        &receiver, [] { return kiln::Result<int>(42); },
        [&](kiln::Result<int> r) { ok.emplace(std::move(r)); });
    kiln::widgets::runResultInPool<int>(
        &receiver,
        [] {
            kiln::Error e = kiln::makeError(kiln::ErrorCode::NotFound, "no such run", "run x");
            e.hint = "see `kiln runs`";
            return kiln::Result<int>(e);
        },
        [&](kiln::Result<int> r) { failed.emplace(std::move(r)); });
    kiln::widgets::runResultInPool<int>(
        &receiver, []() -> kiln::Result<int> { throw std::runtime_error("boom"); },
        [&](kiln::Result<int> r) { thrown.emplace(std::move(r)); });
    REQUIRE(waitUntil([&] { return ok && failed && thrown; }));
    CHECK(ok->value() == 42);
    CHECK(failed->error().code == kiln::ErrorCode::NotFound);
    CHECK(kiln::widgets::errorText(failed->error()) ==
          QStringLiteral("no such run (run x)\nsee `kiln runs`"));
    CHECK(thrown->error().code == kiln::ErrorCode::Internal);
    CHECK_THAT(thrown->error().message, Catch::Contains("boom"));
}

TEST_CASE("a tracked job lists work done elsewhere and cancels through its owner", "[widgets][jobs]") {
    JobManager jobs;
    QSignalSpy finished(&jobs, &JobManager::jobFinished);
    int cancels = 0;
    const int id = jobs.track(QStringLiteral("Training run r1"), [&] { ++cancels; });
    CHECK(jobs.runningCount() == 1);
    jobs.context(id)->progress(3, 10, "epoch 1");
    CHECK(jobs.progress(id).done == 3);
    CHECK(jobs.cancel(id));
    CHECK(cancels == 1);
    CHECK(jobs.runningCount() == 1);  // it ends when its owner says so
    jobs.finishTracked(id, JobState::Cancelled, QString());
    jobs.finishTracked(id, JobState::Completed, QString());  // only once
    CHECK(jobs.runningCount() == 0);
    CHECK(jobs.job(id)->state == JobState::Cancelled);
    CHECK(finished.count() == 1);
    CHECK_FALSE(jobs.cancel(id));
    CHECK(cancels == 1);
    jobs.cancelAll();  // closing Studio never stops a tracked run
    CHECK(cancels == 1);
}
