#include <catch2/catch.hpp>
#include <thread>

#include "core/jobs/job_context.h"

using namespace kiln;

TEST_CASE("BasicJobContext reports progress, stage and issues to a poller", "[jobs]") {
    BasicJobContext job;
    CHECK(job.snapshot().fraction() < 0);  // nothing known yet
    job.progress(25, 100, "Reading");
    auto p = job.snapshot();
    CHECK(p.done == 25);
    CHECK(p.total == 100);
    CHECK(p.stage == "Reading");
    CHECK(p.fraction() == Approx(0.25));

    std::vector<std::string> heard;
    job.setIssueListener([&](const JobIssue& issue) { heard.push_back(issue.where); });
    job.report({IssueSeverity::Warning, "row skipped", "data.csv:12"});
    REQUIRE(job.issues().size() == 1);
    CHECK(job.issues()[0].text == "row skipped");
    CHECK(heard == std::vector<std::string>{"data.csv:12"});
}

TEST_CASE("A job stops at its next check once cancelled from another thread", "[jobs]") {
    BasicJobContext job;
    std::uint64_t steps = 0;
    std::thread worker([&] {
        while (!job.cancelled() && steps < 1000000000ULL) job.progress(++steps, 0, "spinning");
    });
    while (job.snapshot().done < 1000) std::this_thread::yield();
    job.cancel();
    worker.join();
    CHECK(job.cancelled());
    CHECK(steps < 1000000000ULL);
}
