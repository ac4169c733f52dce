#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeWidget>

#include <atomic>
#include <chrono>
#include <thread>

#include "qt_test_helpers.h"
#include "widgets/job_manager.h"
#include "widgets/jobs_model.h"
#include "widgets/jobs_view.h"

using kiln::test::waitUntil;
using kiln::widgets::JobManager;
using kiln::widgets::JobsModel;
using kiln::widgets::JobState;

namespace {

// Reports 50 of 100, then waits until `release` is set.
kiln::Status halfwayJob(kiln::JobContext& job, std::atomic<bool>& release) {
    job.progress(50, 100, "Halfway");
    while (!release && !job.cancelled()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    if (job.cancelled()) return kiln::makeError(kiln::ErrorCode::Cancelled, "cancelled");
    job.progress(100, 100, "Done");
    return {};
}

QString cell(const JobsModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

}  // namespace

TEST_CASE("the jobs model shows live progress and passes the model tester", "[widgets][model]") {
    JobManager manager;
    JobsModel model(&manager);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    std::atomic<bool> release{false};
    CHECK_FALSE(model.isPolling());

    manager.start(QStringLiteral("Profile titanic.csv"),
                  [&](kiln::JobContext& job) { return halfwayJob(job, release); });
    REQUIRE(model.rowCount() == 1);
    CHECK(model.isPolling());
    CHECK(cell(model, 0, JobsModel::TitleColumn) == QStringLiteral("Profile titanic.csv"));
    REQUIRE(waitUntil(
        [&] { return cell(model, 0, JobsModel::StageColumn) == QStringLiteral("Halfway"); }));
    CHECK(changed.count() >= 1);
    CHECK(model.data(model.index(0, 0), JobsModel::FractionRole).toDouble() == Approx(0.5));
    CHECK(cell(model, 0, JobsModel::ProgressColumn).startsWith(QStringLiteral("50%")));
    CHECK(cell(model, 0, JobsModel::StateColumn) == QStringLiteral("Running"));

    release = true;
    REQUIRE(waitUntil([&] { return manager.runningCount() == 0; }));
    CHECK(cell(model, 0, JobsModel::StateColumn) == QStringLiteral("Completed"));
    CHECK(cell(model, 0, JobsModel::MessageColumn) == QStringLiteral("Done"));
    CHECK(model.data(model.index(0, 0), JobsModel::FractionRole).toDouble() == Approx(1.0));
    CHECK_FALSE(model.isPolling());

    model.clearFinished();
    CHECK(model.rowCount() == 0);
}

TEST_CASE("the jobs view cancels the selected job and lists issues", "[widgets][view]") {
    JobManager manager;
    kiln::widgets::JobsView view(&manager);
    view.resize(900, 240);
    view.show();
    std::atomic<bool> release{false};
    manager.start(QStringLiteral("Finishes"), [](kiln::JobContext& job) {
        job.report({kiln::IssueSeverity::Error, "object content does not match its hash",
                    "objects/ab/cdef"});
        return kiln::Status{};
    });
    const int id = manager.start(QStringLiteral("Runs until cancelled"),
                                 [&](kiln::JobContext& job) { return halfwayJob(job, release); });
    REQUIRE(waitUntil([&] { return view.issues()->topLevelItemCount() == 1; }));
    CHECK(view.issues()->topLevelItem(0)->text(0) ==
          QStringLiteral("object content does not match its hash"));

    // The newest job is selected, so Cancel acts on it.
    REQUIRE(waitUntil([&] { return view.cancelButton()->isEnabled(); }));
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    REQUIRE(waitUntil([&] { return manager.job(id)->state != JobState::Running; }));
    CHECK(manager.job(id)->state == JobState::Cancelled);
    CHECK_FALSE(view.cancelButton()->isEnabled());
    CHECK(view.model()->data(view.model()->index(1, JobsModel::StateColumn)).toString() ==
          QStringLiteral("Cancelled"));
    CHECK(kiln::test::saveScreenshot(&view, QStringLiteral("jobs_view.png")));
}
